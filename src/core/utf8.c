/* wuye: UTF-8 text and display width.
 *
 * One strict decoder (RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF, no truncated sequences) serves every function here.  A
 * byte that does not start a valid sequence is one "character" of its own:
 * it counts as one column and is written as '?', so a layout holds whatever
 * the text.  Widths come from wcwidth() on the decoded code point, which
 * needs a UTF-8 LC_CTYPE; characters wcwidth() calls non-printable count as
 * one column and are written as '?' by utf8_fit.  The decoder never reads
 * past a NUL, since NUL is not a continuation byte.
 */
#include "wuye/utf8.h"

#include <stdint.h>
#include <string.h>
#include <wchar.h>

#define UTF8_ELLIPSIS "…"	/* U+2026, one column, three bytes */

/* Decode the character at s (at most len bytes available) into *cp.
 * Returns its length in bytes (1-4), or 0 if s does not start a valid
 * sequence (the caller then takes one byte as invalid). */
static size_t
decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t n, i;
	uint32_t v;

	if (len == 0)
		return 0;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		v = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (c == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		v = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;	/* overlong */
		else if (c == 0xf4)
			hi = 0x8f;	/* above U+10FFFF */
	} else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if (s[i] < lo || s[i] > hi)
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*cp = v;
	return n;
}

/* One step through a NUL-terminated string: length in bytes of the
 * character at s (1 for an invalid byte), its code point, and whether it
 * was valid. */
static size_t
step(const char *s, uint32_t *cp, int *valid)
{
	size_t n = decode((const unsigned char *)s, SIZE_MAX, cp);

	*valid = n > 0;
	if (n == 0) {
		*cp = (unsigned char)*s;
		n = 1;
	}
	return n;
}

/* Display columns of a character: wcwidth(), or 1 when non-printable. */
static int
char_width(uint32_t cp, int valid)
{
	int w;

	if (!valid)
		return 1;
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

/* 1 if cp is a C0 control other than tab, DEL or a C1 control. */
static int
is_control(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t') || (cp >= 0x7f && cp <= 0x9f);
}

/* 1 if the len bytes at s are all valid UTF-8. */
int
utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;
	uint32_t cp;

	if (s == NULL)
		return len == 0;
	while (i < len) {
		if ((n = decode(p + i, len - i, &cp)) == 0)
			return 0;
		i += n;
	}
	return 1;
}

/* 1 if s holds a C0 (but tab), DEL or C1 control character. */
int
utf8_has_control(const char *s)
{
	uint32_t cp;
	int valid;

	if (s == NULL)
		return 0;
	while (*s != '\0') {
		s += step(s, &cp, &valid);
		if (valid && is_control(cp))
			return 1;
	}
	return 0;
}

/* Count the characters of s, an invalid byte being one. */
size_t
utf8_len(const char *s)
{
	uint32_t cp;
	size_t count = 0;
	int valid;

	if (s == NULL)
		return 0;
	while (*s != '\0') {
		s += step(s, &cp, &valid);
		count++;
	}
	return count;
}

/* Display columns of s. */
int
utf8_width(const char *s)
{
	uint32_t cp;
	int valid, width = 0;

	if (s == NULL)
		return 0;
	while (*s != '\0') {
		s += step(s, &cp, &valid);
		width += char_width(cp, valid);
	}
	return width;
}

/* Append len bytes if they fit before the reserved tail; 1 if done. */
static int
put(char *buf, size_t size, size_t *o, const char *src, size_t len,
    size_t reserve)
{
	if (*o + len + reserve + 1 > size)
		return 0;
	memcpy(buf + *o, src, len);
	*o += len;
	return 1;
}

/* Fit s to exactly width columns, padding or cutting with "…". */
char *
utf8_fit(const char *s, int width, int right_align, char *buf, size_t size)
{
	uint32_t cp;
	size_t o = 0, n, outlen;
	const char *out;
	int valid, w, total, cut, avail, used = 0, i;

	if (buf == NULL || size == 0)
		return buf;
	buf[0] = '\0';
	if (width <= 0)
		return buf;
	if (s == NULL)
		s = "";
	total = utf8_width(s);
	cut = total > width;
	avail = cut ? width - 1 : width;	/* columns for the text */

	/* Right alignment pads first; a cut text fills the width anyway. */
	if (right_align && !cut)
		for (i = total; i < width; i++, used++)
			if (!put(buf, size, &o, " ", 1, 0))
				break;

	/* The text, as long as each character fits in what is left; the
	 * reserve keeps room for the spaces and "…" still to come. */
	while (*s != '\0') {
		n = step(s, &cp, &valid);
		w = char_width(cp, valid);
		if (used + w > avail)
			break;
		if (!valid || wcwidth((wchar_t)cp) < 0) {
			out = "?";
			outlen = 1;
		} else {
			out = s;
			outlen = n;
		}
		if (!put(buf, size, &o, out, outlen,
		    (size_t)(avail - used - w) + (cut ? 3 : 0)))
			break;
		used += w;
		s += n;
	}

	/* Spaces for a wide character that did not fit, or the padding. */
	for (; used < avail; used++)
		if (!put(buf, size, &o, " ", 1, cut ? 3 : 0))
			break;
	if (cut)
		put(buf, size, &o, UTF8_ELLIPSIS, 3, 0);
	buf[o] = '\0';
	return buf;
}

/* Byte offset of the character after the one at pos. */
size_t
utf8_next(const char *s, size_t pos)
{
	uint32_t cp;
	int valid;

	if (s == NULL || s[pos] == '\0')
		return pos;
	return pos + step(s + pos, &cp, &valid);
}

/* Byte offset of the character before the one at pos. */
size_t
utf8_prev(const char *s, size_t pos)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	size_t k;

	if (s == NULL || pos == 0)
		return 0;
	/* The character ending at pos starts at most 4 bytes back, at a byte
	 * that is not a continuation byte and decodes to exactly that span. */
	for (k = 1; k <= 4 && k <= pos; k++) {
		if ((p[pos - k] & 0xc0) == 0x80)
			continue;
		if (decode(p + pos - k, k, &cp) == k)
			return pos - k;
		break;
	}
	return pos - 1;
}

char *
utf8_excerpt(const char *s, char *buf, size_t size)
{
	size_t max = size > 4 ? size - 4 : 0, n;

	if (max > UTF8_EXCERPT_MAX)
		max = UTF8_EXCERPT_MAX;
	n = strnlen(s, max + 1);
	if (n <= max) {
		memcpy(buf, s, n + 1);
		return buf;
	}
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	memcpy(buf, s, n);
	memcpy(buf + n, "…", sizeof "…");
	return buf;
}
