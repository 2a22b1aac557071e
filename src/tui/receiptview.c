/* wuye: the receipt dialog: a receipt as it prints, scrolled; F9 prints
 * it (a second print is marked 重打).  The cashier screen opens it after a
 * payment or a deposit.  The receipt keeps its printed columns: in a
 * terminal narrower than the receipt and its frame, Left and Right scroll
 * it sideways inside the frame, which is never written over. */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/cashier.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/receipt.h"
#include "wuye/utf8.h"

#define SIDE_STEP 10	/* columns Left and Right scroll */

/* The receipt dialog: its text, scrolled; F9 prints it. */
struct receipt_view {
	char number[CASHIER_NUMBER_MAX];
	char **lines;
	size_t n, top;
	int left;		/* display column shown first */
	int width;		/* of the widest line */
};

/* Free the receipt dialog. */
static void
receipt_leave(struct screen *sc)
{
	struct receipt_view *r = sc->data;

	tui_wrap_free(r->lines, r->n);
	free(r);
}

/* The display column shown first at most, for lines in inner columns. */
static int
max_left(const struct receipt_view *r, int inner)
{
	return r->width > inner ? r->width - inner : 0;
}

/* Paint the receipt in a box the width of the terminal, its lines from
 * display column r->left. */
static void
receipt_draw(struct screen *sc)
{
	struct receipt_view *r = sc->data;
	int h = tui_bottom() - tui_top() + 1, w = COLS, y = tui_top(), row;
	int inner = w - 2, pad;
	char title[128];
	const char *s;
	size_t i;

	if (r->left > max_left(r, inner))
		r->left = max_left(r, inner);
	snprintf(title, sizeof title, _("Receipt %s"), r->number);
	tui_box(y, 0, h, w, title);
	for (i = r->top, row = y + 1; i < r->n && row < y + h - 2; i++, row++) {
		s = r->lines[i] + utf8_skip(r->lines[i], r->left, &pad);
		tui_put(row, 1 + pad, inner - pad, 0, A_NORMAL, s);
	}
	tui_put(y + h - 2, 2, w - 4, 0, tui_attr(ROLE_KEYLABEL), max_left(r,
	    inner) > 0 ? _("F9 print    Up, Down, Left, Right scroll    Esc or "
	    "Enter close") : _("F9 print    Up, Down scroll    Esc or Enter close"));
}

/* F9 prints; Up and Down scroll; Esc or Enter closes. */
static int
receipt_action(struct screen *sc, enum tui_action a)
{
	struct receipt_view *r = sc->data;
	struct wy_err e = { 0 };

	switch (a) {
	case ACT_EXPORT:
		/* The print command's output never reaches the screen; its
		 * message (the exit code, what it said, where it is set) is
		 * too long for the status line: a dialog. */
		if (receipt_print(tui_session(sc->app), r->number, &e) != WY_OK)
			return tui_alert(sc->app, _("Not printed"), e.msg);
		tui_message(sc->app, 0, _("Receipt %s printed."), r->number);
		return TUI_REDRAW;
	case ACT_DOWN:
		if (r->top + 1 < r->n)
			r->top++;
		return TUI_DONE;
	case ACT_UP:
		if (r->top > 0)
			r->top--;
		return TUI_DONE;
	case ACT_LEFT:
		r->left = r->left > SIDE_STEP ? r->left - SIDE_STEP : 0;
		return TUI_DONE;
	case ACT_RIGHT:
		r->left += SIDE_STEP;	/* receipt_draw keeps it in range */
		return TUI_DONE;
	case ACT_BACK:
	case ACT_ENTER:
		return TUI_POP;
	default:
		return a == ACT_HELP || a == ACT_QUIT ? TUI_PASS : TUI_DONE;
	}
}

static const enum tui_action receipt_bar[] = { ACT_HELP, ACT_EXPORT, ACT_BACK,
	ACT_NONE };

static const struct tui_note receipt_notes[] = {
	{ ACT_EXPORT, N_("Print"), N_("print the receipt") },
	{ ACT_NONE, NULL, NULL },
};

static const struct screen_ops receipt_ops = {
	.name = N_("Receipt"),
	.help = N_("The receipt as it prints. F9 prints it through the configured "
	    "print command (a second print is marked 重打); Esc or Enter closes it. "
	    "Up and Down scroll; where the terminal is narrower than the receipt, "
	    "Left and Right scroll it sideways."),
	.leave = receipt_leave,
	.draw = receipt_draw,
	.action = receipt_action,
	.bar = receipt_bar,
	.notes = receipt_notes,
	.dialog = 1,
};

/* Split text at newlines, not wrapped: a receipt's columns must stay as
 * they print (a line wider than the screen is cut).  Freed with
 * tui_wrap_free(). */
static size_t
split_lines(const char *text, char ***lines)
{
	size_t n = 0, len;
	const char *p;

	*lines = NULL;
	for (p = text; *p != '\0'; p += len + (p[len] == '\n')) {
		len = strcspn(p, "\n");
		*lines = xrealloc(*lines, (n + 1) * sizeof **lines);
		(*lines)[n] = xcalloc(len + 1, 1);
		memcpy((*lines)[n++], p, len);
	}
	return n;
}

int
tui_open_receipt(struct app *app, const char *number)
{
	struct receipt_view *r;
	struct wy_err e = { 0 };
	char *text;
	size_t i;

	if (receipt_text(tui_session(app), number, 0, &text, &e) != WY_OK) {
		tui_message(app, 1, "%s", e.msg);
		return e.code;
	}
	r = xcalloc(1, sizeof *r);
	snprintf(r->number, sizeof r->number, "%s", number);
	r->n = split_lines(text, &r->lines);
	for (i = 0; i < r->n; i++)
		if (utf8_width(r->lines[i]) > r->width)
			r->width = utf8_width(r->lines[i]);
	free(text);
	return tui_push(app, &receipt_ops, r);
}
