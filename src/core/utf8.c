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
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "wuye/mem.h"

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

/* Line breaking (utf8_wrap).  A break is allowed after spaces, and
 * between two characters one of which is double width (Chinese text has
 * no spaces), except before closing punctuation or after opening
 * punctuation; never inside a run of Latin letters and digits.  A key name
 * (F1, Esc, Ctrl-Q) is not left at the end of a line: no break right after
 * one.  A line that has no allowed break is cut where it is full. */

/* 1 if cp may not start a line: closing punctuation. */
static int
wrap_closing(uint32_t cp)
{
	static const char *const set = "，。、；：？！）」』》】〉〕”’…·,.;:?!)]}%";
	const char *p = set;
	uint32_t c;
	int valid;

	while (*p != '\0') {
		p += step(p, &c, &valid);
		if (c == cp)
			return 1;
	}
	return 0;
}

/* 1 if cp may not end a line: opening punctuation. */
static int
wrap_opening(uint32_t cp)
{
	static const char *const set = "（「『《【〈〔“‘([{";
	const char *p = set;
	uint32_t c;
	int valid;

	while (*p != '\0') {
		p += step(p, &c, &valid);
		if (c == cp)
			return 1;
	}
	return 0;
}

/* 1 if the len bytes at s are a key name: F1-F12, Esc, Enter, Tab, an
 * arrow or page key, Ctrl-X, Alt-X or ^X. */
static int
wrap_key_name(const char *s, size_t len)
{
	static const char *const names[] = { "Esc", "Enter", "Tab", "Home",
	    "End", "PgUp", "PgDn", "Up", "Down", "Left", "Right", "Backspace",
	    "Del", "Space", NULL };
	size_t i;

	if (len >= 2 && len <= 3 && s[0] == 'F' && s[1] >= '1' && s[1] <= '9' &&
	    (len == 2 || (s[2] >= '0' && s[2] <= '9')))
		return 1;
	if ((len == 2 && s[0] == '^') ||
	    (len > 5 && (strncmp(s, "Ctrl-", 5) == 0 || strncmp(s, "Ctrl+", 5) == 0)) ||
	    (len > 4 && (strncmp(s, "Alt-", 4) == 0 || strncmp(s, "Alt+", 4) == 0)))
		return 1;
	for (i = 0; names[i] != NULL; i++)
		if (strlen(names[i]) == len && strncmp(s, names[i], len) == 0)
			return 1;
	return 0;
}

/* 1 if the text at s[0..end) ends with a key name, spaces after it aside
 * (the name starts after a space, a double-width character or start). */
static int
wrap_after_key(const char *s, size_t start, size_t end)
{
	size_t e = end, b;
	uint32_t cp;
	int valid;

	while (e > start && s[e - 1] == ' ')
		e--;
	b = e;
	while (b > start) {
		size_t p = utf8_prev(s, b);

		step(s + p, &cp, &valid);
		if (s[p] == ' ' || (valid && wcwidth((wchar_t)cp) == 2) ||
		    wrap_opening(cp))
			break;
		b = p;
	}
	return e > b && wrap_key_name(s + b, e - b);
}

/* 1 if a line may break before the character at pos (prev before it). */
static int
wrap_allowed(const char *s, size_t start, size_t prev, size_t pos)
{
	uint32_t a, b;
	int va, vb, wide;

	step(s + prev, &a, &va);
	step(s + pos, &b, &vb);
	if (b == ' ')
		return 0;	/* break after the spaces */
	if (wrap_closing(b))
		return 0;
	if (a == ' ')
		return !wrap_after_key(s, start, pos);
	wide = (va && wcwidth((wchar_t)a) == 2) || (vb && wcwidth((wchar_t)b) == 2);
	if (!wide || wrap_opening(a))
		return 0;
	return !wrap_after_key(s, start, pos);
}

/* Append the bytes s[start..end) without trailing spaces as a line. */
static void
wrap_add(char ***lines, size_t *n, size_t *cap, const char *s, size_t start,
    size_t end)
{
	while (end > start && s[end - 1] == ' ')
		end--;
	if (*n == *cap) {
		*cap = *cap * 2 + 8;
		*lines = xrealloc(*lines, *cap * sizeof **lines);
	}
	(*lines)[*n] = xmalloc(end - start + 1);
	memcpy((*lines)[*n], s + start, end - start);
	(*lines)[*n][end - start] = '\0';
	(*n)++;
}

size_t
utf8_wrap(const char *text, int width, char ***lines)
{
	size_t pos = 0, start, brk, prev, next, n = 0, cap = 0;
	uint32_t cp;
	int valid, w, cw;

	*lines = NULL;
	if (text == NULL)
		return 0;
	if (width < 4)
		width = 4;
	while (text[pos] != '\0') {
		start = pos;
		brk = 0;
		w = 0;
		prev = pos;
		while (text[pos] != '\0' && text[pos] != '\n') {
			next = pos + step(text + pos, &cp, &valid);
			cw = char_width(cp, valid);
			if (pos > start && wrap_allowed(text, start, prev, pos))
				brk = pos;
			if (w + cw > width && cp != ' ')
				break;
			w += cw;
			prev = pos;
			pos = next;
		}
		if (text[pos] != '\0' && text[pos] != '\n') {
			if (brk > start)
				pos = brk;
			else if (pos == start)	/* one character wider than the line */
				pos += step(text + pos, &cp, &valid);
		}
		wrap_add(lines, &n, &cap, text, start, pos);
		if (text[pos] == '\n')
			pos++;
		else
			while (text[pos] == ' ')
				pos++;
	}
	return n;
}

void
utf8_wrap_free(char **lines, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* Skip the characters of s before display column cols. */
size_t
utf8_skip(const char *s, int cols, int *pad)
{
	uint32_t cp;
	size_t pos = 0;
	int valid, w = 0;

	*pad = 0;
	if (s == NULL)
		return 0;
	while (s[pos] != '\0' && w < cols) {
		size_t n = step(s + pos, &cp, &valid);

		w += char_width(cp, valid);
		pos += n;
	}
	if (w > cols)
		*pad = w - cols;
	return pos;
}
