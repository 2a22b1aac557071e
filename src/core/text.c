/* wuye: the one check of free text (see text.h). */
#include "wuye/text.h"

#include <string.h>

#include "wuye/i18n.h"
#include "wuye/utf8.h"

/* 1 if valid UTF-8 s holds a control character other than tab, LF and CR:
 * C0, DEL, or C1 (U+0080-U+009F, which UTF-8 writes 0xC2 0x80-0x9F). */
static int
has_control_but_lines(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
		    *p == 0x7f)
			return 1;
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			return 1;
	}
	return 0;
}

int
text_check(const char *what, const char *s, int max, unsigned flags,
    struct wy_err *e)
{
	size_t n;

	if (s == NULL || *s == '\0')
		return WY_OK;
	if (max <= 0 || max > TEXT_MAX)
		max = TEXT_MAX;
	if (!utf8_valid(s, strlen(s)))
		return wy_fail(e, WY_EINVALID, _("%s: the text is not valid UTF-8"),
		    what);
	if (flags & TEXT_LINES ? has_control_but_lines(s) : utf8_has_control(s))
		return wy_fail(e, WY_EINVALID,
		    _("%s: control characters are not allowed"), what);
	if ((n = utf8_len(s)) > (size_t)max)
		return wy_fail(e, WY_EINVALID,
		    _("%s: too long (%zu characters, at most %d)"), what, n, max);
	return WY_OK;
}
