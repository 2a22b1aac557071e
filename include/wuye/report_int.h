/* wuye: what the report engine's files share (not for other modules).
 *
 * A report's SQL only ever runs on a read-only connection of its own:
 * opened SQLITE_OPEN_READONLY on the session's database file, extension
 * loading off, defensive mode on, and an authorizer that allows reading
 * and nothing else.  The first action the authorizer denied is kept in
 * `denied` so the message can say what was refused.
 */
#ifndef WUYE_REPORT_INT_H
#define WUYE_REPORT_INT_H

#include <signal.h>
#include <stdint.h>

#include <sqlite3.h>

#include "wuye/error.h"
#include "wuye/report.h"
#include "wuye/session.h"

struct report_ro {
	sqlite3 *h;			/* the read-only connection */
	char denied[128];		/* first action refused, or "" */
	int64_t deadline_ms;		/* monotonic stop time, 0: none */
	volatile sig_atomic_t *cancel;	/* stop when set, or NULL */
	int stopped;			/* 1: timed out, 2: cancelled */
};

/* Open a read-only connection to the database of s.  *out is freed with
 * report_ro_close(). */
int report_ro_open(struct session *s, struct report_ro **out,
    struct wy_err *e);
void report_ro_close(struct report_ro **rop);

/* Prepare sql (one SELECT, nothing after it) on ro.  where prefixes the
 * message ("reports/x.ini:7: [report] sql").  The caller finalizes *st. */
int report_ro_prepare(struct report_ro *ro, const char *sql,
    const char *where, sqlite3_stmt **st, struct wy_err *e);

/* Read and check the definition of report name (the user's file, else
 * the built-in one) through ro; *builtin tells which was read.  No
 * permission checks. */
int report_def_read(struct session *s, struct report_ro *ro,
    const char *name, struct report **out, int *builtin, struct wy_err *e);

/* Whether s can name a report: lower case letters, digits, - and _. */
int report_name_valid(const char *s);

/* Position of a menu group (charges first, other last; unknown after). */
int report_group_rank(const char *group);

/* 1 when the messages are Chinese (the catalogue in use translates). */
int report_chinese(void);

/* Monotonic clock in milliseconds. */
int64_t report_now_ms(void);

/* report_text.c: the text of a definition. */
int report_is_section(const char *line, size_t len, const char *sec);
int report_is_key(const char *line, size_t len, const char *key);
/* The line of key in section sec of text (the section's line when key is
 * NULL or not there; 0 when neither is). */
int report_def_line(const char *text, const char *sec, const char *key);
/* Whether the value starting at line lineno holds a ';' or '#'. */
int report_value_has_cut(const char *text, int lineno);
/* The query after a line [sql] (malloc'd, trimmed) or NULL; *len is cut
 * to the INI part before it and *line gets the line of [sql]. */
char *report_split_sql(const char *text, size_t *len, int *line);

#endif
