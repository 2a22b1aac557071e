/* wuye benchmarks: the terminal emulator of bench/ptybench.c (see vt.h).
 * A cell holds a Unicode character; the cell right of a wide character
 * holds VT_WIDE_TAIL.  Column x == cols means a wrap is pending (xterm's
 * "xenl" behaviour, which ncurses counts on).
 */
#include "vt.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

/* The cell at row y, column x. */
static uint32_t *
at(struct vt *t, int y, int x)
{
	return &t->cell[(size_t)y * (size_t)t->cols + (size_t)x];
}

/* Blank columns x0 to x1 (exclusive) of row y. */
static void
blank(struct vt *t, int y, int x0, int x1)
{
	int x;

	if (x0 < 0)
		x0 = 0;
	if (x1 > t->cols)
		x1 = t->cols;
	for (x = x0; x < x1; x++)
		*at(t, y, x) = ' ';
}

/* Clear the screen and home the cursor. */
void
vt_reset(struct vt *t)
{
	int y;

	for (y = 0; y < t->rows; y++)
		blank(t, y, 0, t->cols);
	t->y = t->x = t->sy = t->sx = 0;
	t->top = 0;
	t->bot = t->rows - 1;
	t->acs = 0;
	t->state = VT_GROUND;
	t->need = 0;
}

/* Move rows from..to-1 of the region up (n > 0) or down (n < 0). */
static void
scroll_region(struct vt *t, int top, int bot, int n)
{
	int y, h = bot - top + 1;
	size_t w = (size_t)t->cols * sizeof *t->cell;

	if (n > h)
		n = h;
	if (n < -h)
		n = -h;
	if (n > 0) {
		for (y = top; y + n <= bot; y++)
			memcpy(at(t, y, 0), at(t, y + n, 0), w);
		for (y = bot - n + 1; y <= bot; y++)
			blank(t, y, 0, t->cols);
	} else if (n < 0) {
		for (y = bot; y + n >= top; y--)
			memcpy(at(t, y, 0), at(t, y + n, 0), w);
		for (y = top; y < top - n; y++)
			blank(t, y, 0, t->cols);
	}
}

/* Line feed: down a row, scrolling at the bottom of the region. */
static void
line_feed(struct vt *t)
{
	if (t->y == t->bot)
		scroll_region(t, t->top, t->bot, 1);
	else if (t->y < t->rows - 1)
		t->y++;
}

/* Reverse index: up a row, scrolling at the top of the region. */
static void
reverse_index(struct vt *t)
{
	if (t->y == t->top)
		scroll_region(t, t->top, t->bot, -1);
	else if (t->y > 0)
		t->y--;
}

/* Keep the cursor on the screen (ends a pending wrap). */
static void
clamp(struct vt *t)
{
	if (t->y < 0)
		t->y = 0;
	if (t->y >= t->rows)
		t->y = t->rows - 1;
	if (t->x < 0)
		t->x = 0;
	if (t->x >= t->cols)
		t->x = t->cols - 1;
}

/* The line-drawing character for an ASCII letter in the ACS set. */
static uint32_t
acs_char(uint32_t c)
{
	static const struct { char from; uint32_t to; } map[] = {
		{ 'j', 0x2518 }, { 'k', 0x2510 }, { 'l', 0x250c }, { 'm', 0x2514 },
		{ 'n', 0x253c }, { 'q', 0x2500 }, { 't', 0x251c }, { 'u', 0x2524 },
		{ 'v', 0x2534 }, { 'w', 0x252c }, { 'x', 0x2502 }, { 'a', 0x2592 },
		{ '`', 0x25c6 }, { '~', 0x00b7 }, { 'f', 0x00b0 }, { 'g', 0x00b1 },
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if ((uint32_t)map[i].from == c)
			return map[i].to;
	return c;
}

/* Put a printable character at the cursor and advance (auto-wrap). */
static void
put_char(struct vt *t, uint32_t c)
{
	int w;

	if (t->acs && c < 128)
		c = acs_char(c);
	w = wcwidth((wchar_t)c);
	if (w == 0)
		return;		/* combining marks do not matter here */
	if (w < 0)
		w = 1;
	if (t->x + w > t->cols) {
		t->x = 0;
		line_feed(t);
	}
	if (*at(t, t->y, t->x) == VT_WIDE_TAIL && t->x > 0)
		*at(t, t->y, t->x - 1) = ' ';
	if (t->x + w < t->cols && *at(t, t->y, t->x + w) == VT_WIDE_TAIL)
		*at(t, t->y, t->x + w) = ' ';
	*at(t, t->y, t->x) = c;
	if (w == 2)
		*at(t, t->y, t->x + 1) = VT_WIDE_TAIL;
	t->x += w;
	t->last = c;
}

/* Parameter i of the CSI sequence, or def when it is missing or 0. */
static int
param(const int *p, int np, int i, int def)
{
	return i < np && p[i] > 0 ? p[i] : def;
}

/* Answer a query of the program (cursor position, device attributes). */
static void
answer(struct vt *t, const char *s)
{
	if (write(t->fd, s, strlen(s)) < 0)
		return;
}

/* Carry out a CSI sequence ending in final. */
static void
do_csi(struct vt *t, int final)
{
	int p[16] = { 0 }, np = 0, n, y, x, priv = 0;
	char buf[64], *s = t->seq;

	if (*s == '?' || *s == '>' || *s == '<' || *s == '=')
		priv = *s++;
	for (; *s != '\0' && np < 16; s++) {
		if (isdigit((unsigned char)*s))
			p[np] = p[np] * 10 + (*s - '0');
		else if (*s == ';' || *s == ':')
			np++;
		else
			return;	/* intermediates: soft reset and the like */
	}
	np++;
	n = param(p, np, 0, 1);
	if (t->x >= t->cols && final != 'm')
		t->x = t->cols - 1;
	switch (final) {
	case 'A': t->y -= n; clamp(t); break;
	case 'B': case 'e': t->y += n; clamp(t); break;
	case 'C': case 'a': t->x += n; clamp(t); break;
	case 'D': t->x -= n; clamp(t); break;
	case 'E': t->y += n; t->x = 0; clamp(t); break;
	case 'F': t->y -= n; t->x = 0; clamp(t); break;
	case 'G': case '`': t->x = n - 1; clamp(t); break;
	case 'd': t->y = n - 1; clamp(t); break;
	case 'H': case 'f':
		t->y = param(p, np, 0, 1) - 1;
		t->x = param(p, np, 1, 1) - 1;
		clamp(t);
		break;
	case 'J':
		if (p[0] == 0) {
			blank(t, t->y, t->x, t->cols);
			for (y = t->y + 1; y < t->rows; y++)
				blank(t, y, 0, t->cols);
		} else if (p[0] == 1) {
			for (y = 0; y < t->y; y++)
				blank(t, y, 0, t->cols);
			blank(t, t->y, 0, t->x + 1);
		} else
			for (y = 0; y < t->rows; y++)
				blank(t, y, 0, t->cols);
		break;
	case 'K':
		if (p[0] == 0)
			blank(t, t->y, t->x, t->cols);
		else if (p[0] == 1)
			blank(t, t->y, 0, t->x + 1);
		else
			blank(t, t->y, 0, t->cols);
		break;
	case 'X':
		blank(t, t->y, t->x, t->x + n);
		break;
	case 'P':
		for (x = t->x; x < t->cols; x++)
			*at(t, t->y, x) = x + n < t->cols ? *at(t, t->y, x + n) : ' ';
		break;
	case '@':
		for (x = t->cols - 1; x >= t->x; x--)
			*at(t, t->y, x) = x - n >= t->x ? *at(t, t->y, x - n) : ' ';
		break;
	case 'L':
		if (t->y >= t->top && t->y <= t->bot)
			scroll_region(t, t->y, t->bot, -n);
		t->x = 0;
		break;
	case 'M':
		if (t->y >= t->top && t->y <= t->bot)
			scroll_region(t, t->y, t->bot, n);
		t->x = 0;
		break;
	case 'S':
		if (priv == 0)
			scroll_region(t, t->top, t->bot, n);
		break;
	case 'T':
		if (priv == 0 && np == 1)
			scroll_region(t, t->top, t->bot, -n);
		break;
	case 'r':
		if (priv != 0)
			break;
		t->top = param(p, np, 0, 1) - 1;
		t->bot = param(p, np, 1, t->rows) - 1;
		if (t->top < 0 || t->bot >= t->rows || t->top >= t->bot) {
			t->top = 0;
			t->bot = t->rows - 1;
		}
		t->y = t->x = 0;
		break;
	case 'b':
		while (n-- > 0 && t->last != 0)
			put_char(t, t->last);
		break;
	case 'n':
		if (priv == 0 && p[0] == 6) {
			snprintf(buf, sizeof buf, "\033[%d;%dR", t->y + 1, t->x + 1);
			answer(t, buf);
		}
		break;
	case 'c':
		if (priv == 0)
			answer(t, "\033[?1;2c");
		break;
	default:	/* attributes, modes, window operations: no matter */
		break;
	}
}

/* Feed one decoded character to the emulator. */
static void
feed_char(struct vt *t, uint32_t c)
{
	switch (t->state) {
	case VT_ESC:
		t->state = VT_GROUND;
		switch (c) {
		case '[': t->state = VT_CSI; t->nseq = 0; break;
		case ']': case 'P': case '_': case '^': t->state = VT_STR; break;
		case '(': case ')': case '*': case '+':
			t->charset_g0 = c == '(';
			t->state = VT_CHARSET;
			break;
		case '7': t->sy = t->y; t->sx = t->x; break;
		case '8': t->y = t->sy; t->x = t->sx; clamp(t); break;
		case 'M': reverse_index(t); break;
		case 'D': line_feed(t); break;
		case 'E': t->x = 0; line_feed(t); break;
		case 'c': vt_reset(t); break;
		default: break;	/* ESC = and ESC > (keypad modes) and the like */
		}
		return;
	case VT_CHARSET:
		if (t->charset_g0)
			t->acs = c == '0';
		t->state = VT_GROUND;
		return;
	case VT_CSI:
		if (c >= 0x40 && c <= 0x7e) {
			t->seq[t->nseq] = '\0';
			t->state = VT_GROUND;
			do_csi(t, (int)c);
		} else if (c == 033)
			t->state = VT_ESC;
		else if (t->nseq + 1 < sizeof t->seq)
			t->seq[t->nseq++] = (char)c;
		return;
	case VT_STR:	/* OSC, DCS ...: until BEL or ESC \ */
		if (c == 7)
			t->state = VT_GROUND;
		else if (c == 033)
			t->state = VT_STR_ESC;
		return;
	case VT_STR_ESC:
		t->state = c == '\\' ? VT_GROUND : VT_STR;
		return;
	case VT_GROUND:
		break;
	}
	switch (c) {
	case 033: t->state = VT_ESC; break;
	case '\r': t->x = 0; break;
	case '\n': case '\v': case '\f': line_feed(t); break;
	case '\b':
		if (t->x >= t->cols)
			t->x = t->cols - 1;
		if (t->x > 0)
			t->x--;
		break;
	case '\t':
		t->x = (t->x / 8 + 1) * 8;
		if (t->x >= t->cols)
			t->x = t->cols - 1;
		break;
	default:
		if (c >= 32 && c != 127)
			put_char(t, c);
		break;
	}
}

/* Feed n bytes of output (UTF-8) to the emulator. */
void
vt_feed(struct vt *t, const unsigned char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (t->need > 0 && (b[i] & 0xc0) == 0x80) {
			t->u = t->u << 6 | (b[i] & 0x3f);
			if (--t->need == 0)
				feed_char(t, t->u);
			continue;
		}
		t->need = 0;
		if (b[i] < 0x80)
			feed_char(t, b[i]);
		else if ((b[i] & 0xe0) == 0xc0) {
			t->u = b[i] & 0x1f;
			t->need = 1;
		} else if ((b[i] & 0xf0) == 0xe0) {
			t->u = b[i] & 0x0f;
			t->need = 2;
		} else if ((b[i] & 0xf8) == 0xf0) {
			t->u = b[i] & 0x07;
			t->need = 3;
		}
	}
}

/* Row y of the screen as UTF-8 into buf. */
void
vt_row(struct vt *t, int y, char *buf, size_t size)
{
	uint32_t c;
	size_t o = 0;
	int x;

	for (x = 0; x < t->cols && o + 5 < size; x++) {
		if ((c = *at(t, y, x)) == VT_WIDE_TAIL)
			continue;
		if (c < 0x80)
			buf[o++] = (char)c;
		else if (c < 0x800) {
			buf[o++] = (char)(0xc0 | c >> 6);
			buf[o++] = (char)(0x80 | (c & 0x3f));
		} else if (c < 0x10000) {
			buf[o++] = (char)(0xe0 | c >> 12);
			buf[o++] = (char)(0x80 | (c >> 6 & 0x3f));
			buf[o++] = (char)(0x80 | (c & 0x3f));
		} else {
			buf[o++] = (char)(0xf0 | c >> 18);
			buf[o++] = (char)(0x80 | (c >> 12 & 0x3f));
			buf[o++] = (char)(0x80 | (c >> 6 & 0x3f));
			buf[o++] = (char)(0x80 | (c & 0x3f));
		}
	}
	buf[o] = '\0';
}

/* Whether every marker is on some row of the screen. */
int
vt_has(struct vt *t, char *const *markers, int n)
{
	char buf[1024];
	int i, y, found;

	for (i = 0; i < n; i++) {
		found = 0;
		for (y = 0; y < t->rows && !found; y++) {
			vt_row(t, y, buf, sizeof buf);
			found = strstr(buf, markers[i]) != NULL;
		}
		if (!found)
			return 0;
	}
	return 1;
}

/* Print the screen to standard error. */
void
vt_dump(struct vt *t)
{
	char buf[1024];
	int y;

	for (y = 0; y < t->rows; y++) {
		vt_row(t, y, buf, sizeof buf);
		fprintf(stderr, "  |%s\n", buf);
	}
}

