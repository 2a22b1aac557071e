/* wuye: error records.
 *
 * Every function that can fail returns a status (0 for success) and fills a
 * struct wy_err naming what went wrong and where (field, file:line:column,
 * record).  Only main() turns a status into an exit code.
 */
#ifndef WUYE_ERROR_H
#define WUYE_ERROR_H

/* Status codes: enum name, process exit status, short description. */
#define WY_STATUS_LIST(X)                                   \
	X(WY_OK, 0, "ok")                                   \
	X(WY_EFAIL, 1, "error")                             \
	X(WY_EUSAGE, 2, "usage error")                      \
	X(WY_EINVALID, 3, "invalid input")                  \
	X(WY_ENOTFOUND, 4, "not found")                     \
	X(WY_EDENIED, 5, "permission denied")               \
	X(WY_ECONFLICT, 6, "conflict")

enum wy_status {
#define WY_STATUS_ENUM(name, code, text) name = code,
	WY_STATUS_LIST(WY_STATUS_ENUM)
#undef WY_STATUS_ENUM
};

#define WY_ERR_MSG_MAX 1024

struct wy_err {
	enum wy_status code;		/* WY_OK when nothing failed */
	char msg[WY_ERR_MSG_MAX];	/* what and where, UTF-8, no newline */
};

/* Record an error and return its code; fmt is printf-style. */
int wy_fail(struct wy_err *e, enum wy_status code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Prefix the message already in e with "prefix: " (for adding context). */
int wy_prefix(struct wy_err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Clear an error record. */
void wy_clear(struct wy_err *e);

/* Short English description of a status code. */
const char *wy_strstatus(enum wy_status code);

#endif
