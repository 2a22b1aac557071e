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

enum { STEP_INPUT, STEP_CONFIRM, STEP_DONE };

struct run {
	int close;		/* a period close, else a bill run */
	int step;
	int focus;		/* 0 period, 1 estate */
	struct tui_edit period, estate;
	char *text;		/* the preview or the result */
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
		for (i = 0, row = r->y + 4; i < n && row < r->y + r->h - 3; i++, row++)
			tui_put(row, r->x + 2, r->w - 4, 0, A_NORMAL, lines[i]);
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

/* The text of a bill run's result or preview. */
static char *
bill_text(const struct bill_result *br, int preview)
{
	char *t = NULL, a[32];
	size_t i;

	if (preview)
		add(&t, "%s\n", _("The run will make:"));
	for (i = 0; i < br->nitems; i++)
		add(&t, "%-8s %-20s %6lld %14s\n", br->items[i].code, br->items[i].name,
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
	if (br->missing > 0) {
		add(&t, ngettext("%lld room has no meter reading and is skipped.",
		    "%lld rooms have no meter reading and are skipped.",
		    (unsigned long)br->missing), (long long)br->missing);
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

/* The text of a period's totals. */
static char *
totals_text(const struct period_totals *t)
{
	char *s = NULL, a[32], b[32], c[32], d[32];

	add(&s, _("Receivable %s, received %s, waived %s, outstanding %s."),
	    money_format(t->receivable, a, sizeof a), money_format(t->received, b,
	    sizeof b), money_format(t->waived, c, sizeof c),
	    money_format(t->outstanding, d, sizeof d));
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
		if (period_totals(tui_db(sc->app), r->period.buf, &t, &e) != WY_OK) {
			tui_message(sc->app, 1, "%s", e.msg);
			return TUI_DONE;
		}
		add(&text, _("Close period %s? After it nothing dated in it can change."),
		    r->period.buf);
		tt = totals_text(&t);
		add(&text, "\n%s", tt);
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
	set_text(r, bill_text(&br, 1));
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
		add(&text, _("Period %s is closed."), r->period.buf);
		tt = totals_text(&t);
		add(&text, "\n%s", tt);
		free(tt);
		set_text(r, text);
		r->step = STEP_DONE;
		tui_message(sc->app, 0, _("Period %s is closed."), r->period.buf);
		return TUI_REDRAW;
	}
	if (bill_run(s, r->period.buf, r->estate.len ? r->estate.buf : NULL, 0,
	    progress, r, &br, &e) != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		set_text(r, bill_text(&br, 0));
		bill_result_free(&br);
		r->step = STEP_DONE;
		return TUI_REDRAW;
	}
	set_text(r, bill_text(&br, 0));
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
	if (r->step != STEP_INPUT)
		return TUI_DONE;
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
	.help = N_("Type the period to close (last month is filled in); Enter shows "
	    "its totals and asks. Y closes it: its totals are kept and nothing "
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

/* Open the dialog: a bill run of this month or a close of last month. */
static int
open_run(struct app *app, int close)
{
	struct run *r = xcalloc(1, sizeof *r);
	char period[PERIOD_BUFSIZE];
	int p = period_of_date(date_today());

	r->close = close;
	if (close)
		p = period_of_date(period_first_day(p) - 1);
	tui_edit_init(&r->period, period_format(p, period), 7);
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
