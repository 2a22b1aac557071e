/* wuye: the receipt dialog: a receipt as it prints, scrolled; F9 prints
 * it (a second print is marked 重打).  The cashier screen opens it after a
 * payment or a deposit. */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/cashier.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/receipt.h"

/* The receipt dialog: its text, scrolled; F9 prints it. */
struct receipt_view {
	char number[CASHIER_NUMBER_MAX];
	char **lines;
	size_t n, top;
};

/* Free the receipt dialog. */
static void
receipt_leave(struct screen *sc)
{
	struct receipt_view *r = sc->data;

	tui_wrap_free(r->lines, r->n);
	free(r);
}

/* Paint the receipt in a box the width of the terminal. */
static void
receipt_draw(struct screen *sc)
{
	struct receipt_view *r = sc->data;
	int h = tui_bottom() - tui_top() + 1, w = COLS, y = tui_top(), row;
	int x = COLS >= RECEIPT_WIDTH + 2 ? 1 : 0;	/* over the frame if need be */
	char title[128];
	size_t i;

	snprintf(title, sizeof title, _("Receipt %s"), r->number);
	tui_box(y, 0, h, w, title);
	for (i = r->top, row = y + 1; i < r->n && row < y + h - 2; i++, row++)
		tui_put(row, x, w - 2 * x, 0, A_NORMAL, r->lines[i]);
	tui_put(y + h - 2, 2, w - 4, 0, tui_attr(ROLE_KEYLABEL),
	    _("F9 print    Up, Down scroll    Esc or Enter close"));
}

/* F9 prints; Up and Down scroll; Esc or Enter closes. */
static int
receipt_action(struct screen *sc, enum tui_action a)
{
	struct receipt_view *r = sc->data;
	struct wy_err e = { 0 };

	switch (a) {
	case ACT_EXPORT:
		if (receipt_print(tui_session(sc->app), r->number, &e) != WY_OK)
			tui_message(sc->app, 1, "%s", e.msg);
		else
			tui_message(sc->app, 0, _("Receipt %s printed."), r->number);
		return TUI_DONE;
	case ACT_DOWN:
		if (r->top + 1 < r->n)
			r->top++;
		return TUI_DONE;
	case ACT_UP:
		if (r->top > 0)
			r->top--;
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
	    "print command (a second print is marked 重打); Esc or Enter closes it."),
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

	if (receipt_text(tui_session(app), number, 0, &text, &e) != WY_OK) {
		tui_message(app, 1, "%s", e.msg);
		return e.code;
	}
	r = xcalloc(1, sizeof *r);
	snprintf(r->number, sizeof r->number, "%s", number);
	r->n = split_lines(text, &r->lines);
	free(text);
	return tui_push(app, &receipt_ops, r);
}
