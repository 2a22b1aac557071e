/* wuye: drawing helpers and colour roles.  Every piece of text goes
 * through tui_put(), which fits it to a number of display columns, so
 * Chinese text lines up and nothing spills past its place. */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/mem.h"
#include "wuye/utf8.h"

static int role_attr[ROLE_COUNT];

/* The width of the character that starts at column x of row y: 2 for a
 * Chinese character, 0 when x is the second half of one.  (ncurses gives
 * a second half the same character, so the row is walked from its start.) */
static int
cell_width(int y, int x)
{
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a;
	short pair;
	int c = 0, w = 1;

	while (c <= x) {
		w = 1;
		if (mvin_wch(y, c, &cc) == OK &&
		    getcchar(&cc, wc, &a, &pair, NULL) != ERR && wcwidth(wc[0]) == 2)
			w = 2;
		if (c == x)
			return w;
		c += w;
	}
	return 0;
}

/* A box drawn over Chinese text must not cut a double-width character in
 * half: a half left outside the columns left..right of row y becomes a
 * space, else the terminal shifts the rest of the row.  Then the columns
 * themselves are blanked one by one, so no character of the text below
 * is left in them: curses blanks the first half of a wide character when
 * its second half is overwritten, and a border written before that (a
 * corner on the first half, the line on the second) would be lost, on the
 * screen and in what Ctrl-L repaints. */
static void
unsplit(int y, int left, int right)
{
	int x;

	if (left > 0 && cell_width(y, left) == 0)
		mvaddch(y, left - 1, ' ');
	if (right + 1 < COLS && cell_width(y, right) == 2)
		mvaddch(y, right + 1, ' ');
	for (x = left; x <= right && x < COLS; x++)
		mvaddch(y, x, ' ');
}

/* Set up the colour pairs, or the monochrome look when the terminal has
 * no colours or NO_COLOR is set (https://no-color.org). */
void
tui_colours_init(void)
{
	static const struct { short fg, bg; int colour, mono; } roles[] = {
#define TUI_ROLE_ROW(id, fg, bg, colour_attr, mono_attr) \
		{ fg, bg, colour_attr, mono_attr },
		TUI_ROLES(TUI_ROLE_ROW)
#undef TUI_ROLE_ROW
	};
	const char *nc = getenv("NO_COLOR");
	int i, colour;

	colour = has_colors() && (nc == NULL || *nc == '\0');
	if (colour) {
		start_color();
		use_default_colors();
	}
	for (i = 0; i < ROLE_COUNT; i++) {
		if (colour && i > 0 && init_pair((short)i, roles[i].fg,
		    roles[i].bg) == OK)
			role_attr[i] = COLOR_PAIR(i) | roles[i].colour;
		else
			role_attr[i] = roles[i].mono;
	}
}

int
tui_attr(enum tui_role role)
{
	return role_attr[role];
}

int
tui_top(void)
{
	return 1;
}

int
tui_bottom(void)
{
	return LINES - 3;
}

int
tui_width(void)
{
	return COLS;
}

void
tui_put(int y, int x, int width, int right, int attr, const char *s)
{
	char buf[1024];

	if (width <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + width > COLS)
		width = COLS - x;
	if (width > 250)
		width = 250;
	attrset(attr);
	mvaddstr(y, x, utf8_fit(s != NULL ? s : "", width, right, buf, sizeof buf));
	attrset(A_NORMAL);
}

void
tui_fill(int y, int x, int width, int attr)
{
	tui_put(y, x, width, 0, attr, "");
}

void
tui_box(int y, int x, int h, int w, const char *title)
{
	int i, tw;

	for (i = 0; i < h; i++)
		unsplit(y + i, x, x + w - 1);
	attrset(tui_attr(ROLE_BORDER));
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	for (i = 1; i < h - 1; i++) {
		mvaddch(y + i, x, ACS_VLINE);
		mvaddch(y + i, x + w - 1, ACS_VLINE);
	}
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	for (i = 1; i < h - 1; i++)
		tui_fill(y + i, x + 1, w - 2, A_NORMAL);
	if (title != NULL && *title != '\0') {
		tw = utf8_width(title) + 2;
		if (tw > w - 4)
			tw = w - 4;
		tui_put(y, x + (w - tw) / 2, tw, 0, tui_attr(ROLE_TITLE), "");
		tui_put(y, x + (w - tw) / 2 + 1, tw - 2, 0, tui_attr(ROLE_TITLE), title);
	}
}

size_t
tui_wrap(const char *text, int width, char ***lines)
{
	return utf8_wrap(text, width, lines);
}

void
tui_wrap_free(char **lines, size_t n)
{
	utf8_wrap_free(lines, n);
}

int
tui_put_wrapped(int y, int x, int width, int rows, int attr, const char *text)
{
	char **lines, *last;
	size_t n;
	int i;

	n = tui_wrap(text != NULL ? text : "", width, &lines);
	for (i = 0; i < rows; i++) {
		if ((size_t)i + 1 < n && i + 1 == rows) {
			/* The last row, with more to come: cut with "...". */
			last = xasprintf("%s %s", lines[i], lines[i + 1]);
			tui_put(y + i, x, width, 0, attr, last);
			free(last);
		} else
			tui_put(y + i, x, width, 0, attr, (size_t)i < n ? lines[i] : "");
	}
	tui_wrap_free(lines, n);
	return n > 0 ? (int)n : 1;
}
