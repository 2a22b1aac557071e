/* wuye: the printer calibration dialog (套打校准).
 *
 * The cashier's pre-printed receipt forms come out of her printer a few
 * lines or columns off; here she types how many lines down and columns
 * right (negative: up, left) to move every value, saves them for this
 * terminal (receipt_calibrate) and prints the test pattern to check.
 */
#include "wuye/tui_calibrate.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/receipt.h"
#include "wuye/receipt_tpl.h"
#include "wuye/tui.h"

struct calibrate {
	char terminal[RECEIPT_TERMINAL_MAX];
	struct tui_edit lines, cols;
	int focus;		/* 0: lines, 1: columns */
	int cy, cx;
};

/* Free the dialog. */
static void
calibrate_leave(struct screen *sc)
{
	struct calibrate *d = sc->data;

	tui_edit_free(&d->lines);
	tui_edit_free(&d->cols);
	free(d);
}

/* Paint the dialog in the middle of the screen. */
static void
calibrate_draw(struct screen *sc)
{
	struct calibrate *d = sc->data;
	int w = 64, h = 9, y = tui_top() + 2, x = (COLS - w) / 2, col;
	char buf[128];

	if (x < 0)
		x = 0;
	tui_box(y, x, h, w, _("Printer offsets (套打)"));
	snprintf(buf, sizeof buf, _("Terminal: %s"), d->terminal);
	tui_put(y + 1, x + 2, w - 4, 0, tui_attr(ROLE_INFO), buf);
	tui_put(y + 3, x + 2, 22, 0, tui_attr(ROLE_NORMAL),
	    _("Lines down (-50..50):"));
	col = tui_edit_draw(&d->lines, y + 3, x + 24, 6, tui_attr(d->focus ==
	    0 ? ROLE_FOCUS : ROLE_FIELD));
	if (d->focus == 0) {
		d->cy = y + 3;
		d->cx = col;
	}
	tui_put(y + 4, x + 2, 22, 0, tui_attr(ROLE_NORMAL),
	    _("Columns right:"));
	col = tui_edit_draw(&d->cols, y + 4, x + 24, 6, tui_attr(d->focus ==
	    1 ? ROLE_FOCUS : ROLE_FIELD));
	if (d->focus == 1) {
		d->cy = y + 4;
		d->cx = col;
	}
	tui_put(y + h - 2, x + 2, w - 4, 0, tui_attr(ROLE_KEYLABEL),
	    _("F2 save    F9 save and print the test pattern    Esc close"));
}

/* The cursor goes in the field being typed in. */
static void
calibrate_cursor(struct screen *sc, int *y, int *x)
{
	struct calibrate *d = sc->data;

	*y = d->cy;
	*x = d->cx;
}

/* Save the offsets typed; 0 when saved. */
static int
calibrate_save(struct screen *sc)
{
	struct calibrate *d = sc->data;
	struct wy_err e = { 0 };
	char *end;
	long l, c;

	l = strtol(d->lines.buf, &end, 10);
	if (d->lines.len == 0 || *end != '\0') {
		tui_message(sc->app, 1, _("Lines: '%s' is not a whole number."),
		    d->lines.buf);
		d->focus = 0;
		return -1;
	}
	c = strtol(d->cols.buf, &end, 10);
	if (d->cols.len == 0 || *end != '\0') {
		tui_message(sc->app, 1, _("Columns: '%s' is not a whole "
		    "number."), d->cols.buf);
		d->focus = 1;
		return -1;
	}
	if (l < -RECEIPT_OFFSET_MAX || l > RECEIPT_OFFSET_MAX ||
	    c < -RECEIPT_OFFSET_MAX || c > RECEIPT_OFFSET_MAX) {
		tui_message(sc->app, 1, _("Offsets go from -%d to %d."),
		    RECEIPT_OFFSET_MAX, RECEIPT_OFFSET_MAX);
		return -1;
	}
	if (receipt_calibrate(tui_session(sc->app), NULL, (int)l, (int)c,
	    &e) != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		return -1;
	}
	return 0;
}

/* The keys of the dialog. */
static int
calibrate_action(struct screen *sc, enum tui_action a)
{
	struct calibrate *d = sc->data;
	struct tui_edit *ed = d->focus == 0 ? &d->lines : &d->cols;
	struct wy_err e = { 0 };

	switch (a) {
	case ACT_SAVE:
	case ACT_NEW:
		if (calibrate_save(sc) == 0) {
			tui_message(sc->app, 0, _("Offsets saved for %s."),
			    d->terminal);
			return TUI_POP;
		}
		return TUI_DONE;
	case ACT_EXPORT:
		if (calibrate_save(sc) != 0)
			return TUI_DONE;
		if (receipt_print_pattern(tui_session(sc->app), &e) != WY_OK)
			return tui_alert(sc->app, _("Not printed"), e.msg);
		tui_message(sc->app, 0, _("Test pattern printed with "
		    "offsets %s, %s."), d->lines.buf, d->cols.buf);
		return TUI_REDRAW;
	case ACT_UP:
	case ACT_DOWN:
	case ACT_TAB:
	case ACT_BTAB:
	case ACT_ENTER:
		d->focus = !d->focus;
		return TUI_DONE;
	case ACT_BACK:
		return TUI_POP;
	default:
		break;
	}
	if (tui_edit_action(ed, a))
		return TUI_DONE;
	return a == ACT_HELP || a == ACT_QUIT ? TUI_PASS : TUI_DONE;
}

/* Only digits and a minus sign are typed. */
static int
calibrate_text(struct screen *sc, wchar_t ch)
{
	struct calibrate *d = sc->data;

	if ((ch >= L'0' && ch <= L'9') || ch == L'-')
		tui_edit_insert(d->focus == 0 ? &d->lines : &d->cols, ch);
	return TUI_DONE;
}

static const enum tui_action calibrate_bar[] = { ACT_HELP, ACT_NEW,
	ACT_EXPORT, ACT_BACK, ACT_NONE };

static const struct tui_note calibrate_notes[] = {
	{ ACT_NEW, N_("Save"), N_("save the offsets for this terminal") },
	{ ACT_SAVE, N_("Save"), N_("save the offsets for this terminal") },
	{ ACT_EXPORT, N_("Test"), N_("save, then print the test pattern") },
	{ ACT_NONE, NULL, NULL },
};

static const struct screen_ops calibrate_ops = {
	.name = N_("Printer offsets"),
	.help = N_("Receipts on pre-printed forms (receipt.preprinted) are "
	    "moved by these offsets: lines down and columns right, negative "
	    "for up and left. They are kept for this terminal.\nF9 saves them "
	    "and prints the test pattern, every place of the form marked with "
	    "its field's name; move it until the marks sit in the form's "
	    "boxes. F2 saves and closes."),
	.leave = calibrate_leave,
	.draw = calibrate_draw,
	.action = calibrate_action,
	.text = calibrate_text,
	.cursor = calibrate_cursor,
	.bar = calibrate_bar,
	.notes = calibrate_notes,
	.dialog = 1,
};

int
tui_open_calibrate(struct app *app)
{
	struct calibrate *d;
	struct wy_err e = { 0 };
	char buf[16];
	int lines, cols;

	if (receipt_terminal(tui_conf(app), (char[RECEIPT_TERMINAL_MAX]){ 0 },
	    &e) != WY_OK ||
	    receipt_offsets(tui_session(app), NULL, &lines, &cols, &e) !=
	    WY_OK) {
		tui_message(app, 1, "%s", e.msg);
		return TUI_DONE;
	}
	d = xcalloc(1, sizeof *d);
	receipt_terminal(tui_conf(app), d->terminal, &e);
	snprintf(buf, sizeof buf, "%d", lines);
	tui_edit_init(&d->lines, buf, 4);
	snprintf(buf, sizeof buf, "%d", cols);
	tui_edit_init(&d->cols, buf, 4);
	return tui_push(app, &calibrate_ops, d);
}
