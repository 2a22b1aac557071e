/* wuye: the bill run dialog (收费数据计算) and the period close (结账).
 *
 * Both are one dialog that goes through three steps: the cashier types the
 * period (and for a bill run, an estate code or nothing for all), Enter
 * shows what will happen (the bill run's preview: bills and total per fee
 * item; the period's totals), Y does it (the bill run with a progress
 * bar), and the result stays shown until Esc.  Nothing is written before
 * Y.
 */
#include "wuye/tui.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/bill.h"
#include "wuye/date.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/money.h"
#include "wuye/period.h"
#include "wuye/utf8.h"

enum { STEP_INPUT, STEP_CONFIRM, STEP_DONE };

struct run {
	int close;		/* a period close, else a bill run */
	int step;
	int focus;		/* 0 period, 1 estate */
	struct tui_edit period, estate;
	char *text;		/* the preview or the result */
	int top;		/* its first line shown (Up, Down, PgUp, PgDn) */
	int rows;		/* the lines it has room for, as last drawn */
	int y, x, w, h;		/* the box, for the progress bar */
	int cy, cx;
};

/* Append printf output to a malloc'd string. */
static void
add(char **s, const char *fmt, ...)
{
	va_list ap;
	size_t len = *s != NULL ? strlen(*s) : 0;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	*s = xrealloc(*s, len + (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(*s + len, (size_t)n + 1, fmt, ap);
	va_end(ap);
}

/* Replace the text shown under the fields. */
static void
set_text(struct run *r, char *text)
{
	free(r->text);
	r->text = text;
	r->top = 0;
}

/* Free the dialog. */
static void
run_leave(struct screen *sc)
{
	struct run *r = sc->data;

	tui_edit_free(&r->period);
	tui_edit_free(&r->estate);
	free(r->text);
	free(r);
}

/* Paint the fields, the text and the keys of the step. */
static void
run_draw(struct screen *sc)
{
	struct run *r = sc->data;
	char **lines;
	size_t n, i;
	int row, col;

	r->w = COLS > 74 ? 70 : COLS - 4;
	r->h = tui_bottom() - tui_top() - 1;
	r->y = tui_top() + 1;
	r->x = (COLS - r->w) / 2;
	r->cy = r->cx = -1;
	tui_box(r->y, r->x, r->h, r->w, r->close ? _("Close a period") : _("Bill run"));
	tui_put(r->y + 1, r->x + 2, 22, 0, A_NORMAL, _("Period (YYYY-MM):"));
	col = tui_edit_draw(&r->period, r->y + 1, r->x + 24, 10, tui_attr(r->step ==
	    STEP_INPUT && r->focus == 0 ? ROLE_FOCUS : ROLE_FIELD));
	if (r->step == STEP_INPUT && r->focus == 0) {
		r->cy = r->y + 1;
		r->cx = col;
	}
	if (!r->close) {
		tui_put(r->y + 2, r->x + 2, 22, 0, A_NORMAL, _("Estate (empty: all):"));
		col = tui_edit_draw(&r->estate, r->y + 2, r->x + 24, 16, tui_attr(r->step ==
		    STEP_INPUT && r->focus == 1 ? ROLE_FOCUS : ROLE_FIELD));
		if (r->step == STEP_INPUT && r->focus == 1) {
			r->cy = r->y + 2;
			r->cx = col;
		}
	}
	if (r->text != NULL) {
		n = tui_wrap(r->text, r->w - 4, &lines);
		r->rows = r->h - 7;
		if (r->top > (int)n - r->rows)
			r->top = (int)n > r->rows ? (int)n - r->rows : 0;
		for (i = (size_t)r->top, row = r->y + 4; i < n &&
		    row < r->y + r->h - 3; i++, row++)
			tui_put(row, r->x + 2, r->w - 4, 0, A_NORMAL, lines[i]);
		if ((size_t)(r->top + r->rows) < n)
			tui_put(r->y + r->h - 4, r->x + r->w - 4, 1, 0,
			    tui_attr(ROLE_INFO), "↓");
		if (r->top > 0)
			tui_put(r->y + 4, r->x + r->w - 4, 1, 0,
			    tui_attr(ROLE_INFO), "↑");
		tui_wrap_free(lines, n);
	}
	tui_put(r->y + r->h - 2, r->x + 2, r->w - 4, 0, tui_attr(ROLE_KEYLABEL),
	    r->step == STEP_INPUT ? _("Enter shows what will be done    Esc closes") :
	    r->step == STEP_CONFIRM ? (r->close ? _("Y close the period    N no (Esc)") :
	    _("Y run the bill run    N no (Esc)")) : _("Esc closes"));
}

/* The cursor goes in the field being typed in. */
static void
run_cursor(struct screen *sc, int *y, int *x)
{
	struct run *r = sc->data;

	*y = r->cy;
	*x = r->cx;
}

/* The bill run's progress bar, drawn straight to the terminal. */
static void
progress(void *arg, int64_t done, int64_t total)
{
	struct run *r = arg;
	int w = r->w - 4, filled;
	char buf[64];

	if (total <= 0 || w < 10)
		return;
	filled = (int)(done * (w - 8) / total);
	tui_fill(r->y + r->h - 3, r->x + 2, w, tui_attr(ROLE_NORMAL));
	tui_fill(r->y + r->h - 3, r->x + 2, filled, tui_attr(ROLE_SELECTED));
	snprintf(buf, sizeof buf, "%3d%%", (int)(done * 100 / total));
	tui_put(r->y + r->h - 3, r->x + 2 + w - 5, 5, 1, tui_attr(ROLE_INFO), buf);
	refresh();
}

/* The text of a bill run's result or preview; columns by display width. */
static char *
bill_text(struct session *s, const struct bill_result *br, const char *period,
    const char *estate, int preview)
{
	struct bill_unread *v = NULL;
	struct wy_err e = { 0 };
	char *t = NULL, a[32], code[4 * 8 + 1], name[4 * 20 + 1];
	int64_t rooms = 0;
	size_t i, n = 0;

	if (preview)
		add(&t, "%s\n", _("The run will make:"));
	for (i = 0; i < br->nitems; i++)
		add(&t, "%s %s %6lld %14s\n", utf8_fit(br->items[i].code, 8, 0, code,
		    sizeof code), utf8_fit(br->items[i].name, 20, 0, name, sizeof name),
		    (long long)br->items[i].bills, money_format(br->items[i].total, a,
		    sizeof a));
	add(&t, _("Total: %lld bills, %s."), (long long)br->bills,
	    money_format(br->total, a, sizeof a));
	add(&t, "\n");
	if (br->existing > 0) {
		add(&t, ngettext("%lld bill of the period exists already and is not made again.",
		    "%lld bills of the period exist already and are not made again.",
		    (unsigned long)br->existing), (long long)br->existing);
		add(&t, "\n");
	}
	if (br->missing_rooms > 0) {
		add(&t, ngettext("%lld room gets no bill of a metered item for want of a reading.",
		    "%lld rooms get no bill of a metered item for want of a reading.",
		    (unsigned long)br->missing_rooms), (long long)br->missing_rooms);
		if (bill_unread(s, period, estate, &v, &n, &rooms, &e) == WY_OK &&
		    n > 0) {
			add(&t, " ");
			add(&t, ngettext("%zu meter has no reading (rooms: %lld):",
			    "%zu meters have no reading (rooms: %lld):",
			    (unsigned long)n), n, (long long)rooms);
			for (i = 0; i < n && i < 3; i++)
				add(&t, " %s (%s)", v[i].meter, v[i].room);
			if (n > 3)
				add(&t, " …");
			add(&t, "; ");
			add(&t, _("the report Meters without a reading lists them all."));
		}
		free(v);
		add(&t, "\n");
	}
	if (br->unbilled_shares > 0) {
		add(&t, ngettext("%lld room's part of a shared meter (%s) is not "
		    "billed: the room has no standard of the item.",
		    "%lld rooms' parts of shared meters (%s) are not billed: the "
		    "rooms have no standard of the item.",
		    (unsigned long)br->unbilled_shares), (long long)br->unbilled_shares,
		    money_format(br->unbilled_amount, a, sizeof a));
		add(&t, "\n");
	}
	if (br->draws > 0) {
		add(&t, ngettext("%lld payer paid %s from prepayment.",
		    "%lld payers paid %s from prepayment.", (unsigned long)br->draws),
		    (long long)br->draws, money_format(br->drawn, a, sizeof a));
		add(&t, "\n");
	}
	if (!preview)
		add(&t, _("The bill run is done."));
	return t;
}

/* The text of a period's totals: two blocks that add up, and the figures
 * beside them, labels and amounts aligned by display width. */
static char *
totals_text(const struct period_totals *t)
{
	struct period_line v[PERIOD_LINES];
	char *s = NULL, a[32], label[4 * 40 + 1];
	size_t n = period_lines(t, v), i;

	for (i = 0; i < n; i++) {
		if (i > 0 && (v[i].op == ' ' || (v[i].op == 0 && v[i - 1].op != 0)))
			add(&s, "\n");
		if (v[i].count)
			snprintf(a, sizeof a, "%lld", (long long)v[i].amount);
		else
			money_format(v[i].amount, a, sizeof a);
		add(&s, "%c %s %14s\n", v[i].op == 0 ? ' ' : v[i].op == ' ' ?
		    ' ' : v[i].op, utf8_fit(_(v[i].label), 40, 0, label,
		    sizeof label), a);
	}
	return s;
}

/* Enter on the input step: check and preview. */
static int
preview(struct screen *sc)
{
	struct run *r = sc->data;
	struct session *s = tui_session(sc->app);
	struct bill_result br = { 0 };
	struct period_totals t = { 0 };
	struct wy_err e = { 0 };
	int p;
	char *text = NULL, *tt;

	if (period_parse(r->period.buf, &p, &e) != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		return TUI_DONE;
	}
	if (r->close) {
		if (period_can_close(tui_db(sc->app), r->period.buf, &e) != WY_OK ||
		    period_show(s, r->period.buf, &t, &e) != WY_OK) {
			tui_message(sc->app, 1, "%s", e.msg);
			return TUI_DONE;
		}
		add(&text, _("Close period %s? After it nothing dated in it can change."),
		    r->period.buf);
		tt = totals_text(&t);
		add(&text, "\n\n%s", tt);
		free(tt);
		set_text(r, text);
		r->step = STEP_CONFIRM;
		return TUI_DONE;
	}
	if (bill_run(s, r->period.buf, r->estate.len ? r->estate.buf : NULL, BILL_PREVIEW, NULL,
	    NULL, &br, &e) != WY_OK) {
		bill_result_free(&br);
		tui_message(sc->app, 1, "%s", e.msg);
		return TUI_DONE;
	}
	set_text(r, bill_text(s, &br, r->period.buf, r->estate.len ?
	    r->estate.buf : NULL, 1));
	r->step = br.bills > 0 ? STEP_CONFIRM : STEP_DONE;
	if (br.bills == 0)
		tui_message(sc->app, 0, _("There is nothing to bill in %s."), r->period.buf);
	bill_result_free(&br);
	return TUI_DONE;
}

/* Y on the confirm step: do it. */
static int
go(struct screen *sc)
{
	struct run *r = sc->data;
	struct session *s = tui_session(sc->app);
	struct bill_result br = { 0 };
	struct period_totals t = { 0 };
	struct wy_err e = { 0 };
	char *text = NULL, *tt;

	if (r->close) {
		if (period_close(s, r->period.buf, &t, &e) != WY_OK) {
			tui_message(sc->app, 1, "%s", e.msg);
			r->step = STEP_INPUT;
			set_text(r, NULL);
			return TUI_REDRAW;
		}
		add(&text, _("Period %s is now closed: nothing dated in it can change."),
		    r->period.buf);
		tt = totals_text(&t);
		add(&text, "\n\n%s", tt);
		free(tt);
		set_text(r, text);
		r->step = STEP_DONE;
		tui_message(sc->app, 0, _("Period %s is now closed: nothing dated in it can change."),
		    r->period.buf);
		return TUI_REDRAW;
	}
	if (bill_run(s, r->period.buf, r->estate.len ? r->estate.buf : NULL, 0,
	    progress, r, &br, &e) != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		set_text(r, bill_text(s, &br, r->period.buf, r->estate.len ?
		    r->estate.buf : NULL, 0));
		bill_result_free(&br);
		r->step = STEP_DONE;
		return TUI_REDRAW;
	}
	set_text(r, bill_text(s, &br, r->period.buf, r->estate.len ?
		    r->estate.buf : NULL, 0));
	tui_message(sc->app, 0, ngettext("%lld bill made in %s.",
	    "%lld bills made in %s.", (unsigned long)br.bills),
	    (long long)br.bills, r->period.buf);
	bill_result_free(&br);
	r->step = STEP_DONE;
	return TUI_REDRAW;
}

/* The keys of the dialog: Enter previews, Esc steps back or closes. */
static int
run_action(struct screen *sc, enum tui_action a)
{
	struct run *r = sc->data;
	struct tui_edit *ed = r->focus == 0 ? &r->period : &r->estate;

	if (a == ACT_HELP || a == ACT_QUIT)
		return TUI_PASS;
	if (a == ACT_BACK) {
		if (r->step == STEP_CONFIRM) {
			r->step = STEP_INPUT;
			set_text(r, NULL);
			return TUI_DONE;
		}
		return TUI_POP;
	}
	if (r->step != STEP_INPUT) {
		if (a == ACT_DOWN || a == ACT_PGDN)
			r->top += a == ACT_DOWN ? 1 : r->rows > 1 ? r->rows - 1 : 1;
		else if (a == ACT_UP || a == ACT_PGUP)
			r->top -= a == ACT_UP ? 1 : r->rows > 1 ? r->rows - 1 : 1;
		if (r->top < 0)
			r->top = 0;
		return TUI_DONE;
	}
	switch (a) {
	case ACT_ENTER:
		if (!r->close && r->focus == 0) {
			r->focus = 1;
			return TUI_DONE;
		}
		return preview(sc);
	case ACT_TAB:
	case ACT_BTAB:
	case ACT_DOWN:
	case ACT_UP:
		if (!r->close)
			r->focus = !r->focus;
		return TUI_DONE;
	default:
		tui_edit_action(ed, a);
		return TUI_DONE;
	}
}

/* Y and N answer the question; other characters are typed. */
static int
run_text(struct screen *sc, wchar_t ch)
{
	struct run *r = sc->data;

	if (r->step == STEP_CONFIRM) {
		if (ch == L'y' || ch == L'Y' || ch == L'是')
			return go(sc);
		if (ch == L'n' || ch == L'N' || ch == L'否') {
			r->step = STEP_INPUT;
			set_text(r, NULL);
		}
		return TUI_DONE;
	}
	if (r->step == STEP_INPUT)
		tui_edit_insert(r->focus == 0 ? &r->period : &r->estate, ch);
	return TUI_DONE;
}

static const enum tui_action run_bar[] = { ACT_HELP, ACT_ENTER, ACT_BACK, ACT_NONE };

static const struct tui_note run_notes[] = {
	{ ACT_ENTER, NULL, N_("next field, or show what will be done (Y then does it)") },
	{ ACT_BACK, NULL, N_("back to the fields, or close the dialog") },
	{ ACT_DOWN, NULL, N_("scroll the text shown (also Up, PgUp, PgDn)") },
	{ ACT_NONE, NULL, NULL },
};

static const struct screen_ops billrun_ops = {
	.name = N_("Bill run"),
	.help = N_("Type the period (this month is filled in) and an estate code, "
	    "or leave the estate empty for all; Enter shows the bills the run "
	    "will make, per fee item, and their total. Y runs it, with a progress "
	    "bar; bills a room has already are never made twice. Esc closes."),
	.leave = run_leave,
	.draw = run_draw,
	.action = run_action,
	.text = run_text,
	.cursor = run_cursor,
	.bar = run_bar,
	.notes = run_notes,
	.dialog = 1,
};

static const struct screen_ops close_ops = {
	.name = N_("Close a period"),
	.help = N_("Type the period to close (the oldest open month before this "
	    "one is filled in); Enter shows its totals and asks, or says why it "
	    "cannot be closed (closed before, not ended yet, an earlier month "
	    "still open). The totals are in two blocks that add up: the "
	    "period's bills (receivable, less what was paid of them before, in "
	    "and after the period and what was waived, is what is outstanding), "
	    "and the payments dated in it (what they paid of this period's, "
	    "earlier and later bills, late fees, plus what was kept as and less "
	    "what was drawn from prepayment, is what was taken). Y closes it: its totals are kept and nothing "
	    "dated in it (bills, payments, readings, waivers) can change any more. "
	    "Periods close in order. Esc closes the dialog."),
	.leave = run_leave,
	.draw = run_draw,
	.action = run_action,
	.text = run_text,
	.cursor = run_cursor,
	.bar = run_bar,
	.notes = run_notes,
	.dialog = 1,
};

/* Open the dialog: a bill run of this month, or a close of the oldest
 * open month before it (period_to_close). */
static int
open_run(struct app *app, int close)
{
	struct run *r = xcalloc(1, sizeof *r);
	char period[PERIOD_BUFSIZE];
	struct wy_err e = { 0 };

	r->close = close;
	period_format(period_of_date(date_today()), period);
	if (close && period_to_close(tui_db(app), period, &e) != WY_OK)
		tui_message(app, 1, "%s", e.msg);
	tui_edit_init(&r->period, period, 7);
	tui_edit_init(&r->estate, "", 32);
	return tui_push(app, close ? &close_ops : &billrun_ops, r);
}

/* Open the bill run dialog. */
int
tui_open_billrun(struct app *app)
{
	return open_run(app, 0);
}

/* Open the period close dialog. */
int
tui_open_period_close(struct app *app)
{
	return open_run(app, 1);
}
