/* wuye: UTF-8 text and display width.
 *
 * Layout is by display columns, never bytes: a Chinese character takes two.
 * Widths come from the C library's wcwidth(), so the program must run with
 * a UTF-8 LC_CTYPE (main() falls back to C.UTF-8).  Invalid bytes count as
 * one column each and are shown as '?', so bad input never breaks a layout.
 */
#ifndef WUYE_UTF8_H
#define WUYE_UTF8_H

#include <stddef.h>

/* 1 if s[0..len) is valid UTF-8 (no overlongs, surrogates or > U+10FFFF). */
int utf8_valid(const char *s, size_t len);

/* 1 if s contains a control character (C0 other than tab, DEL, C1). */
int utf8_has_control(const char *s);

/* Number of characters (code points) in a NUL-terminated string. */
size_t utf8_len(const char *s);

/* Display width in columns; non-printable characters count as 1. */
int utf8_width(const char *s);

/* Copy s into buf fitted to exactly `width` columns: padded with spaces
 * (on the left when right_align), or cut with "…" when too wide (a double
 * width character that does not fit is replaced by a space).  Invalid bytes
 * and non-printable characters are written as '?'.  width <= 0 gives "".
 * Returns buf; buf must hold 4 * width + 1 bytes (a shorter buf is never
 * overrun, but may then drop characters). */
char *utf8_fit(const char *s, int width, int right_align, char *buf,
    size_t size);

/* An excerpt of s for a message: s itself if it has at most max bytes,
 * else its first max bytes cut at a character boundary and "…".  buf must
 * hold max + 4 bytes.  Returns buf. */
#define UTF8_EXCERPT_MAX 48
char *utf8_excerpt(const char *s, char *buf, size_t size);

/* The byte offset in s of the first character that starts at display
 * column cols or later (for a view scrolled sideways); *pad gets the
 * columns from cols to it (1 when a double-width character straddles
 * cols, else 0). */
size_t utf8_skip(const char *s, int cols, int *pad);

/* Split text into lines of at most width columns (at least 4), at
 * newlines and where a line may break: after spaces, and between Chinese
 * characters, but never before closing punctuation (，。、）…) or after
 * opening punctuation (（「《), never inside a Latin word, and not right
 * after a key name (F1, Esc, Ctrl-Q), which stays with what follows.  A
 * word wider than the line is cut where the line is full.  Spaces at a
 * break are dropped.  Returns the number of lines; *lines and each line
 * are malloc'd: free with utf8_wrap_free(). */
size_t utf8_wrap(const char *text, int width, char ***lines);
void utf8_wrap_free(char **lines, size_t n);

/* Byte offset of the character after / before the one at pos. */
size_t utf8_next(const char *s, size_t pos);
size_t utf8_prev(const char *s, size_t pos);

#endif
