/* wuye: error records. */
#include "wuye/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int
wy_fail(struct wy_err *e, enum wy_status code, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return code;
	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return code;
}

int
wy_prefix(struct wy_err *e, const char *fmt, ...)
{
	char old[WY_ERR_MSG_MAX];
	va_list ap;
	int n;

	if (e == NULL)
		return WY_EFAIL;
	memcpy(old, e->msg, sizeof old);
	va_start(ap, fmt);
	n = vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof e->msg - 2) {
		memcpy(e->msg + n, ": ", 2);
		memcpy(e->msg + n + 2, old, sizeof e->msg - (size_t)n - 2);
		e->msg[sizeof e->msg - 1] = '\0';
	}
	return e->code;
}

void
wy_clear(struct wy_err *e)
{
	if (e != NULL) {
		e->code = WY_OK;
		e->msg[0] = '\0';
	}
}

const char *
wy_strstatus(enum wy_status code)
{
	switch (code) {
#define WY_STATUS_CASE(name, num, text) case name: return text;
	WY_STATUS_LIST(WY_STATUS_CASE)
#undef WY_STATUS_CASE
	}
	return "error";
}
