/* wuye: the one-line text editor (see tui.h).  Positions are byte
 * offsets kept on character boundaries; widths are display columns. */
#include "wuye/tui.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "wuye/mem.h"
#include "wuye/utf8.h"

void
tui_edit_init(struct tui_edit *ed, const char *text, int maxchars)
{
	memset(ed, 0, sizeof *ed);
	ed->maxchars = maxchars;
	tui_edit_set(ed, text);
}

void
tui_edit_free(struct tui_edit *ed)
{
	free(ed->buf);
	memset(ed, 0, sizeof *ed);
}

void
tui_edit_set(struct tui_edit *ed, const char *text)
{
	size_t n = text != NULL ? strlen(text) : 0;

	if (n + 1 > ed->cap) {
		ed->cap = n + 64;
		ed->buf = xrealloc(ed->buf, ed->cap);
	}
	memcpy(ed->buf, text != NULL ? text : "", n + 1);
	ed->len = n;
	ed->cur = n;
	ed->scroll = 0;
}

/* Remove the bytes [from, to). */
static void
cut(struct tui_edit *ed, size_t from, size_t to)
{
	memmove(ed->buf + from, ed->buf + to, ed->len - to + 1);
	ed->len -= to - from;
	ed->cur = from;
}

int
tui_edit_action(struct tui_edit *ed, enum tui_action a)
{
	switch (a) {
	case ACT_LEFT:
		if (ed->cur > 0)
			ed->cur = utf8_prev(ed->buf, ed->cur);
		return 1;
	case ACT_RIGHT:
		if (ed->cur < ed->len)
			ed->cur = utf8_next(ed->buf, ed->cur);
		return 1;
	case ACT_HOME:
		ed->cur = 0;
		return 1;
	case ACT_END:
		ed->cur = ed->len;
		return 1;
	case ACT_BACKSPACE:
		if (ed->cur > 0)
			cut(ed, utf8_prev(ed->buf, ed->cur), ed->cur);
		return 1;
	case ACT_DELCHAR:
		if (ed->cur < ed->len)
			cut(ed, ed->cur, utf8_next(ed->buf, ed->cur));
		return 1;
	case ACT_KILL:
		tui_edit_set(ed, "");
		return 1;
	default:
		return 0;
	}
}

int
tui_edit_insert(struct tui_edit *ed, wchar_t ch)
{
	char mb[MB_LEN_MAX];
	mbstate_t st;
	size_t n;

	memset(&st, 0, sizeof st);
	n = wcrtomb(mb, ch, &st);
	if (n == (size_t)-1 || n == 0)
		return 0;
	if (ed->maxchars > 0 && (int)utf8_len(ed->buf) >= ed->maxchars)
		return 0;
	if (ed->len + n + 1 > ed->cap) {
		ed->cap = (ed->len + n + 1) * 2;
		ed->buf = xrealloc(ed->buf, ed->cap);
	}
	memmove(ed->buf + ed->cur + n, ed->buf + ed->cur, ed->len - ed->cur + 1);
	memcpy(ed->buf + ed->cur, mb, n);
	ed->len += n;
	ed->cur += n;
	return 1;
}

/* Display width of the first `bytes` bytes of s. */
static int
width_upto(const char *s, size_t bytes)
{
	char *copy = xmalloc(bytes + 1);
	int w;

	memcpy(copy, s, bytes);
	copy[bytes] = '\0';
	w = utf8_width(copy);
	free(copy);
	return w;
}

int
tui_edit_draw(struct tui_edit *ed, int y, int x, int width, int attr)
{
	const char *start;
	char *shown = NULL;
	size_t pos = 0, i, n;
	int cw, col = 0;

	if (width <= 0)
		return x;
	if (ed->secret) {
		n = utf8_len(ed->buf);
		shown = xmalloc(n + 1);
		for (i = 0; i < n; i++)
			shown[i] = '*';
		shown[n] = '\0';
		/* the cursor: count characters before it */
		cw = 0;
		for (pos = 0; pos < ed->cur; pos = utf8_next(ed->buf, pos))
			cw++;
	} else
		cw = width_upto(ed->buf, ed->cur);
	/* Keep the cursor inside the view. */
	if (cw < ed->scroll)
		ed->scroll = cw;
	if (cw - ed->scroll > width - 1)
		ed->scroll = cw - (width - 1);
	start = shown != NULL ? shown : ed->buf;
	/* Skip to the first character at or after the scroll column. */
	for (pos = 0; start[pos] != '\0' && col < ed->scroll;) {
		size_t next = utf8_next(start, pos);

		col += width_upto(start + pos, next - pos);
		pos = next;
	}
	tui_put(y, x, width, 0, attr, start + pos);
	free(shown);
	return x + cw - ed->scroll;
}
