/* wuye: the reports (报表): the list of reports, the parameter form and
 * the run.
 *
 * The list shows every report the user may run, under its menu group,
 * by its title in the UI language; typing narrows it to the reports whose
 * name or title contains the text.  A report whose file is wrong is shown
 * with its error and cannot be run.  Enter opens the parameter form: one
 * line per parameter with its default filled in; F3 picks an estate,
 * building, fee item or cashier from a list, or fills in today.  Enter
 * (or F10) runs the report into a table of rows (tui_report.h) under a
 * progress dialog that Esc interrupts; the table replaces the form on
 * the same screen.
 */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/date.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/report.h"
#include "wuye/tui_report.h"
#include "wuye/utf8.h"

/* The menu groups, in the order they are listed; "other" takes the rest
 * and the reports that did not load come last. */
static const struct {
	const char *name;
	const char *title;
} groups[] = {
	{ "charges", N_("Charges") },
	{ "property", N_("Property") },
	{ "clients", N_("Clients") },
	{ "parking", N_("Parking") },
	{ "meters", N_("Meters") },
	{ "other", N_("Other") },
	{ NULL, N_("Reports with errors") },
};
#define NGROUPS (sizeof groups / sizeof groups[0])

struct rline {
	int heading;		/* a group's title, not a report */
	size_t g;		/* the group */
	size_t entry;		/* the report (index into the list) */
};

struct rlist {
	struct report_entry *list;
	size_t n;
	size_t *group;		/* each entry's group */
	size_t only;		/* the one group shown, or NGROUPS: all */
	struct tui_edit search;
	struct rline *lines;	/* headings and the reports that match */
	size_t nlines;
	size_t cur;		/* the selected line (never a heading) */
	size_t first;		/* the first line shown */
	int cy, cx;
};

/* The group of a report entry. */
static size_t
group_of(const struct report_entry *en)
{
	size_t g;

	if (en->report == NULL)
		return NGROUPS - 1;
	for (g = 0; g + 2 < NGROUPS; g++)
		if (en->report->group != NULL && strcmp(en->report->group,
		    groups[g].name) == 0)
			return g;
	return NGROUPS - 2;
}

/* 1 if the entry's name or title contains the search text. */
static int
matches(const struct rlist *l, const struct report_entry *en)
{
	const char *q = l->search.buf;

	if (*q == '\0')
		return 1;
	if (strcasestr(en->name, q) != NULL)
		return 1;
	return en->report != NULL && en->report->title != NULL &&
	    strcasestr(en->report->title, q) != NULL;
}

/* Build the lines: per group, its heading and its reports that match.
 * The selection stays on the same report when it is still there. */
static void
build_lines(struct rlist *l)
{
	size_t g, i, keep = (size_t)-1;

	if (l->cur < l->nlines && !l->lines[l->cur].heading)
		keep = l->lines[l->cur].entry;
	free(l->lines);
	l->lines = xcalloc(l->n + NGROUPS, sizeof *l->lines);
	l->nlines = 0;
	l->cur = 0;
	for (g = 0; g < NGROUPS; g++) {
		size_t start = l->nlines;

		for (i = 0; i < l->n; i++) {
			if (l->group[i] != g || !matches(l, &l->list[i]) ||
			    (l->only < NGROUPS && g != l->only && g != NGROUPS - 1))
				continue;
			if (l->nlines == start)
				l->lines[l->nlines++] = (struct rline){ .heading = 1, .g = g };
			if (i == keep || (keep == (size_t)-1 && l->cur == 0))
				l->cur = l->nlines;
			l->lines[l->nlines++] = (struct rline){ .g = g, .entry = i };
		}
	}
	if (l->cur == 0 && l->nlines > 1)
		l->cur = 1;
	l->first = 0;
}

/* Read the reports again (report_list leaves out those the user may not
 * run). */
static int
load_list(struct screen *sc, struct wy_err *e)
{
	struct rlist *l = sc->data;
	size_t i;

	report_list_free(l->list, l->n);
	l->list = NULL;
	l->n = 0;
	if (report_list(tui_session(sc->app), &l->list, &l->n, e) != WY_OK)
		return e->code;
	free(l->group);
	l->group = xcalloc(l->n, sizeof *l->group);
	for (i = 0; i < l->n; i++)
		l->group[i] = group_of(&l->list[i]);
	build_lines(l);
	return WY_OK;
}

/* Read the reports when the list opens. */
static int
list_enter(struct screen *sc, struct wy_err *e)
{
	return load_list(sc, e);
}

/* Free the list. */
static void
list_leave(struct screen *sc)
{
	struct rlist *l = sc->data;

	report_list_free(l->list, l->n);
	free(l->group);
	free(l->lines);
	tui_edit_free(&l->search);
	free(l);
}

/* Paint the title with the search, the groups and their reports. */
static void
list_draw(struct screen *sc)
{
	struct rlist *l = sc->data;
	const struct report_entry *en;
	const struct rline *ln;
	char title[256];
	int y = tui_top(), rows, w, tw, attr;
	size_t i, count = 0;

	for (i = 0; i < l->nlines; i++)
		count += !l->lines[i].heading;
	snprintf(title, sizeof title, _("Reports  %zu"), count);
	tui_put(y, 0, COLS, 0, tui_attr(ROLE_TITLE), title);
	w = utf8_width(title) + 2;
	l->cy = -1;
	if (COLS - w > 12) {
		tui_put(y, w, 8, 0, A_NORMAL, _("Search:"));
		l->cy = y;
		l->cx = tui_edit_draw(&l->search, y, w + 8, COLS - w - 9,
		    tui_attr(ROLE_FIELD));
	}
	y++;
	rows = tui_bottom() - y;
	if (rows < 1)
		return;
	if (l->cur < l->first + 1 && l->cur > 0)
		l->first = l->cur - 1;	/* keep the heading above in view */
	if (l->cur < l->first)
		l->first = l->cur;
	if ((int)(l->cur - l->first) >= rows)
		l->first = l->cur - (size_t)rows + 1;
	tw = COLS / 2 > 20 ? COLS / 2 : 20;
	for (i = l->first; i < l->nlines && (int)(i - l->first) < rows; i++, y++) {
		ln = &l->lines[i];
		if (ln->heading) {
			tui_put(y, 1, COLS - 2, 0, tui_attr(ROLE_HEADER),
			    _(groups[ln->g].title));
			continue;
		}
		en = &l->list[ln->entry];
		attr = i == l->cur ? tui_attr(ROLE_SELECTED) : (int)A_NORMAL;
		tui_fill(y, 0, COLS, attr);
		if (en->report == NULL) {
			tui_put(y, 3, 22, 0, attr, en->name);
			tui_put(y, 26, COLS - 27, 0, i == l->cur ? attr :
			    tui_attr(ROLE_NEGATIVE), en->error);
			continue;
		}
		tui_put(y, 3, tw, 0, attr, en->report->title);
		tui_put(y, 4 + tw, COLS - 5 - tw, 0, i == l->cur ? attr :
		    tui_attr(ROLE_DIM), en->name);
	}
	if (l->nlines == 0)
		tui_put(tui_top() + 2, 2, COLS - 4, 0, tui_attr(ROLE_DIM),
		    l->search.len > 0 ?
		    _("No report matches; Backspace or Ctrl-U to change the search.") :
		    _("There are no reports."));
	else if (l->cur < l->nlines && (en = &l->list[l->lines[l->cur].entry],
	    en->report != NULL) && !en->report->builtin)
		tui_put(tui_bottom(), 1, COLS - 2, 0, tui_attr(ROLE_DIM),
		    en->report->file);	/* where a user's report comes from */
}

/* The cursor is in the search while there is one. */
static void
list_cursor(struct screen *sc, int *y, int *x)
{
	struct rlist *l = sc->data;

	if (l->search.len > 0 && l->cy >= 0) {
		*y = l->cy;
		*x = l->cx;
	}
}

/* Move the selection by delta reports (headings are skipped). */
static void
list_move(struct rlist *l, long delta)
{
	long i = (long)l->cur, step = delta < 0 ? -1 : 1, left = labs(delta);

	while (left > 0) {
		i += step;
		if (i < 0 || i >= (long)l->nlines)
			break;
		if (!l->lines[i].heading) {
			l->cur = (size_t)i;
			left--;
		}
	}
}

static int open_params(struct app *app, const char *name);

/* The keys of the list: move, open, search, reload. */
static int
list_action(struct screen *sc, enum tui_action a)
{
	struct rlist *l = sc->data;
	const struct report_entry *en;
	struct wy_err e = { 0 };
	long page = tui_bottom() - tui_top() - 2;
	char *text;

	switch (a) {
	case ACT_UP:
		list_move(l, -1);
		return TUI_DONE;
	case ACT_DOWN:
		list_move(l, 1);
		return TUI_DONE;
	case ACT_PGUP:
		list_move(l, -(page > 1 ? page : 1));
		return TUI_DONE;
	case ACT_PGDN:
		list_move(l, page > 1 ? page : 1);
		return TUI_DONE;
	case ACT_HOME:
		list_move(l, -(long)l->nlines);
		return TUI_DONE;
	case ACT_END:
		list_move(l, (long)l->nlines);
		return TUI_DONE;
	case ACT_ENTER:
		if (l->cur >= l->nlines || l->lines[l->cur].heading)
			return TUI_DONE;
		en = &l->list[l->lines[l->cur].entry];
		if (en->report == NULL) {
			text = xasprintf("%s\n\n%s", en->error,
			    _("Correct the file and press F5 to read the reports again."));
			tui_alert(sc->app, en->name, text);
			free(text);
			return TUI_REDRAW;
		}
		open_params(sc->app, en->name);
		return TUI_DONE;
	case ACT_REFRESH:
		if (load_list(sc, &e) != WY_OK)
			tui_message(sc->app, 1, "%s", e.msg);
		return TUI_DONE;
	case ACT_BACKSPACE:
	case ACT_KILL:
	case ACT_DELCHAR:
		if (l->search.len == 0)
			return TUI_DONE;
		tui_edit_action(&l->search, a == ACT_DELCHAR ? ACT_BACKSPACE : a);
		build_lines(l);
		return TUI_DONE;
	case ACT_BACK:
		if (l->search.len > 0) {
			tui_edit_set(&l->search, "");
			build_lines(l);
			return TUI_DONE;
		}
		return TUI_POP;
	default:
		return TUI_PASS;
	}
}

/* A typed character goes into the search. */
static int
list_text(struct screen *sc, wchar_t ch)
{
	struct rlist *l = sc->data;

	if (tui_edit_insert(&l->search, ch))
		build_lines(l);
	return TUI_DONE;
}

static const enum tui_action list_bar[] = { ACT_HELP, ACT_ENTER,
	ACT_REFRESH, ACT_QUICKFIND, ACT_MENU, ACT_BACK, ACT_NONE };

static const struct tui_note list_notes[] = {
	{ ACT_ENTER, N_("Open"), N_("open the parameters of the selected report") },
	{ ACT_REFRESH, NULL, N_("read the report files again") },
	{ ACT_NONE, NULL, NULL },
};

static const struct screen_ops list_ops = {
	.name = N_("Reports"),
	.help = N_("Every report you may run, by group. Up, Down, PgUp, PgDn, Home "
	    "and End move; Enter opens the report's parameters.\n"
	    "Type to search: the list keeps the reports whose name or title "
	    "contains what you typed; Backspace takes back a character, Ctrl-U or "
	    "Esc clears the search.\n"
	    "Your own reports are files NAME.ini in the folder reports/ of "
	    "paths.data; one with the name of a built-in report replaces it. A "
	    "file with a mistake is listed with the error and cannot be run; "
	    "correct it and press F5."),
	.enter = list_enter,
	.leave = list_leave,
	.draw = list_draw,
	.action = list_action,
	.text = list_text,
	.cursor = list_cursor,
	.bar = list_bar,
	.notes = list_notes,
};

/* Open the list of reports. */
int
tui_open_reports(struct app *app, const char *group)
{
	struct rlist *l = xcalloc(1, sizeof *l);

	for (l->only = 0; group != NULL && l->only + 2 < NGROUPS; l->only++)
		if (strcmp(groups[l->only].name, group) == 0)
			break;
	if (group == NULL || l->only + 2 >= NGROUPS)
		l->only = NGROUPS;

	tui_edit_init(&l->search, "", 40);
	return tui_push(app, &list_ops, l);
}

/* The parameter form. */

/* A parameter's default as it is shown: the keywords of periods and dates
 * turned into the value they mean today. */
static char *
default_text(const struct report_param *p)
{
	char buf[DATE_BUFSIZE > PERIOD_BUFSIZE ? DATE_BUFSIZE : PERIOD_BUFSIZE];
	int32_t today = date_today();
	int per = period_of_date(today), back;
	char *end;

	if (p->def == NULL)
		return xstrdup("");
	if (p->type == REPORT_P_PERIOD) {
		if (strcmp(p->def, "current") == 0)
			return xstrdup(period_format(per, buf));
		if (strcmp(p->def, "previous") == 0)
			return xstrdup(period_format(period_of_date(
			    date_add_months(period_first_day(per), -1)), buf));
		if (strncmp(p->def, "current-", 8) == 0) {
			back = (int)strtol(p->def + 8, &end, 10);
			if (*end == '\0' && end != p->def + 8 && back >= 0 && back < 1200)
				return xstrdup(period_format(period_of_date(
				    date_add_months(period_first_day(per), -back)), buf));
		}
	} else if (p->type == REPORT_P_DATE) {
		if (strcmp(p->def, "today") == 0)
			return xstrdup(date_format(today, buf));
		if (strcmp(p->def, "month_start") == 0)
			return xstrdup(date_format(period_first_day(per), buf));
		if (strcmp(p->def, "month_end") == 0)
			return xstrdup(date_format(period_last_day(per), buf));
	}
	return xstrdup(p->def);
}

/* Set or clear the complaint beside parameter i. */
static void
set_msg(struct tui_rrun *rr, size_t i, const char *msg)
{
	free(rr->msg[i]);
	rr->msg[i] = msg != NULL ? xstrdup(msg) : NULL;
}

/* Free the report's screen (both faces). */
static void
params_leave(struct screen *sc)
{
	struct tui_rrun *rr = sc->data;
	size_t i;

	for (i = 0; i < rr->r->nparams; i++) {
		tui_edit_free(&rr->ed[i]);
		free(rr->msg[i]);
	}
	free(rr->ed);
	free(rr->msg);
	tui_rtab_free(&rr->tab);
	report_args_free(&rr->a);
	report_free(&rr->r);
	free(rr);
}

/* The width of a parameter's field. */
static int
field_width(const struct report_param *p)
{
	switch (p->type) {
	case REPORT_P_PERIOD:
		return 10;
	case REPORT_P_DATE:
		return 12;
	case REPORT_P_INTEGER:
		return 12;
	default:
		return 24;
	}
}

/* Paint the parameters: label, field, and a complaint or a hint. */
static void
params_draw(struct screen *sc)
{
	struct tui_rrun *rr = sc->data;
	const struct report_param *p;
	const char *hint;
	int y = tui_top(), lw = 0, w, x, fw, rows;
	size_t i, first = 0;

	tui_put(y++, 0, COLS, 0, tui_attr(ROLE_TITLE), rr->r->title);
	y++;
	for (i = 0; i < rr->r->nparams; i++)
		if ((w = utf8_width(rr->r->params[i].label)) > lw)
			lw = w;
	if (lw > 24)
		lw = 24;
	rows = tui_bottom() - y - 1;
	if (rows > 0 && (int)rr->cur >= rows)
		first = rr->cur - (size_t)rows + 1;
	rr->cy = rr->cx = -1;
	for (i = first; i < rr->r->nparams && (int)(i - first) < rows; i++, y++) {
		p = &rr->r->params[i];
		tui_put(y, 1, lw, 1, A_NORMAL, p->label);
		if (p->required)
			tui_put(y, lw + 1, 1, 0, tui_attr(ROLE_REQUIRED), "*");
		x = lw + 3;
		fw = field_width(p);
		if (fw > COLS - x - 1)
			fw = COLS - x - 1;
		if (i == rr->cur) {
			rr->cy = y;
			rr->cx = tui_edit_draw(&rr->ed[i], y, x, fw, tui_attr(ROLE_FOCUS));
		} else
			tui_put(y, x, fw, 0, tui_attr(ROLE_FIELD), rr->ed[i].buf);
		hint = NULL;
		if (i == rr->cur && (p->type == REPORT_P_ESTATE || p->type ==
		    REPORT_P_BUILDING || p->type == REPORT_P_FEE_ITEM || p->type ==
		    REPORT_P_CASHIER))
			hint = _("F3: pick");
		else if (i == rr->cur && p->type == REPORT_P_DATE)
			hint = _("F3: today");
		else if (i == rr->cur && !p->required && rr->ed[i].len == 0)
			hint = _("empty: all");
		if (rr->msg[i] != NULL)
			tui_put(y, x + fw + 1, COLS - x - fw - 1, 0,
			    tui_attr(ROLE_NEGATIVE), rr->msg[i]);
		else if (hint != NULL)
			tui_put(y, x + fw + 1, COLS - x - fw - 1, 0,
			    tui_attr(ROLE_DIM), hint);
	}
	if (rr->r->nparams == 0)
		tui_put(y, 1, COLS - 2, 0, A_NORMAL,
		    _("This report has no parameters."));
	tui_put(tui_bottom(), 1, COLS - 2, 0, tui_attr(ROLE_DIM),
	    _("Enter or F10 runs the report; Esc goes back to the list."));
}

/* The cursor is in the field being typed in. */
static void
params_cursor(struct screen *sc, int *y, int *x)
{
	struct tui_rrun *rr = sc->data;

	*y = rr->cy;
	*x = rr->cx;
}

/* The index of the parameter an error message is about: the one whose
 * name or label it mentions (the longest, so "period_to" wins over
 * "period"), else the one with the cursor. */
static size_t
param_of_error(const struct tui_rrun *rr, const char *msg)
{
	size_t i, best = rr->cur, len = 0, l;

	for (i = 0; i < rr->r->nparams; i++) {
		l = strlen(rr->r->params[i].name);
		if (l > len && strstr(msg, rr->r->params[i].name) != NULL) {
			best = i;
			len = l;
		}
		l = strlen(rr->r->params[i].label);
		if (l > len && strstr(msg, rr->r->params[i].label) != NULL) {
			best = i;
			len = l;
		}
	}
	return best;
}

/* Run the report with the parameters as typed; on success show the
 * table. */
static int
run(struct screen *sc)
{
	struct tui_rrun *rr = sc->data;
	struct session *s = tui_session(sc->app);
	struct tui_rprogress pg;
	struct report_watch w;
	struct sink_opts o = { .format = SINK_CALLBACK, .row_cb = tui_rtab_row };
	struct sink_col *cols;
	struct sink *k = NULL;
	struct rtab *tab;
	struct wy_err e = { 0 }, e2 = { 0 };
	size_t i, ncols;
	long rows = 0;
	int rc = WY_OK;

	report_args_free(&rr->a);
	report_args_init(&rr->a, rr->r);
	for (i = 0; i < rr->r->nparams; i++) {
		set_msg(rr, i, NULL);
		if (rc == WY_OK && (rc = report_args_set(rr->r, &rr->a,
		    rr->r->params[i].name, rr->ed[i].buf, &e)) != WY_OK)
			rr->cur = i;
	}
	if (rc == WY_OK && (rc = report_args_resolve(s, rr->r, &rr->a, &e)) != WY_OK)
		rr->cur = param_of_error(rr, e.msg);
	if (rc != WY_OK) {
		if (rr->r->nparams > 0)
			set_msg(rr, rr->cur, e.msg);
		tui_message(sc->app, 1, "%s", e.msg);
		return TUI_DONE;
	}
	cols = report_sink_cols(rr->r, &ncols);
	tab = tui_rtab_new(rr->r, cols, ncols);
	o.arg = tab;
	tui_rprogress_start(&pg, rr->r->title, &w);
	w.drill_id = tui_rtab_drill(tab);
	if ((rc = sink_open(&o, cols, ncols, &k, &e)) == WY_OK) {
		rc = report_run(s, rr->r, &rr->a, k, &w, &rows, &e);
		if (sink_close(&k, rc == WY_OK, &e2) != WY_OK && rc == WY_OK) {
			rc = e2.code;
			e = e2;
		}
	}
	tui_rprogress_stop(&pg);
	if (rc != WY_OK) {
		tui_rtab_free(&tab);
		tui_message(sc->app, 1, "%s", e.msg);
		return TUI_REDRAW;
	}
	tui_rtab_free(&rr->tab);
	rr->tab = tab;
	rows = tui_rtab_done(tab);
	sc->ops = &tui_rtab_ops;
	tui_message(sc->app, 0, _("%s: %ld rows."), rr->r->title, rows);
	return TUI_REDRAW;
}

/* A code picked from a list goes into the parameter with the cursor. */
static void
picked(struct screen *owner, int64_t id, const char *key)
{
	struct tui_rrun *rr = owner->data;

	(void)id;
	tui_edit_set(&rr->ed[rr->cur], key);
	set_msg(rr, rr->cur, NULL);
}

/* F3: a list to pick from, or today in a date. */
static int
pick(struct screen *sc)
{
	struct tui_rrun *rr = sc->data;
	static const char *forms[] = {
		[REPORT_P_ESTATE] = "estates", [REPORT_P_BUILDING] = "buildings",
		[REPORT_P_FEE_ITEM] = "fee_items", [REPORT_P_CASHIER] = "users",
	};
	char buf[DATE_BUFSIZE > PERIOD_BUFSIZE ? DATE_BUFSIZE : PERIOD_BUFSIZE];
	enum report_ptype t;

	if (rr->r->nparams == 0)
		return TUI_DONE;
	t = rr->r->params[rr->cur].type;
	if (t == REPORT_P_DATE)
		tui_edit_set(&rr->ed[rr->cur], date_format(date_today(), buf));
	else if (t == REPORT_P_PERIOD)
		tui_edit_set(&rr->ed[rr->cur], period_format(period_of_date(
		    date_today()), buf));
	else if ((size_t)t < sizeof forms / sizeof forms[0] && forms[t] != NULL)
		tui_pick_search(sc->app, forms[t], rr->ed[rr->cur].buf, picked, sc);
	else
		tui_message(sc->app, 0, _("F3 picks an estate, building, fee item "
		    "or cashier from a list, and fills in today in a date."));
	return TUI_DONE;
}

/* The keys of the parameter form: run, move, pick, edit. */
static int
params_action(struct screen *sc, enum tui_action a)
{
	struct tui_rrun *rr = sc->data;
	size_t n = rr->r->nparams;

	switch (a) {
	case ACT_ENTER:
	case ACT_MENU:
	case ACT_SAVE:
		return run(sc);
	case ACT_TAB:
	case ACT_DOWN:
		if (rr->cur + 1 < n)
			rr->cur++;
		return TUI_DONE;
	case ACT_BTAB:
	case ACT_UP:
		if (rr->cur > 0)
			rr->cur--;
		return TUI_DONE;
	case ACT_PGUP:
		rr->cur = 0;
		return TUI_DONE;
	case ACT_PGDN:
		rr->cur = n > 0 ? n - 1 : 0;
		return TUI_DONE;
	case ACT_FIND:
		return pick(sc);
	case ACT_BACK:
		return TUI_POP;
	default:
		if (n > 0 && tui_edit_action(&rr->ed[rr->cur], a)) {
			set_msg(rr, rr->cur, NULL);
			return TUI_DONE;
		}
		return TUI_PASS;
	}
}

/* A typed character goes into the field with the cursor. */
static int
params_text(struct screen *sc, wchar_t ch)
{
	struct tui_rrun *rr = sc->data;

	if (rr->r->nparams == 0)
		return TUI_DONE;
	tui_edit_insert(&rr->ed[rr->cur], ch);
	set_msg(rr, rr->cur, NULL);
	return TUI_DONE;
}

static const enum tui_action params_bar[] = { ACT_HELP, ACT_ENTER, ACT_FIND,
	ACT_MENU, ACT_BACK, ACT_NONE };

static const struct tui_note params_notes[] = {
	{ ACT_ENTER, N_("Run"), N_("run the report") },
	{ ACT_MENU, N_("Run"), N_("run the report") },
	{ ACT_SAVE, N_("Run"), N_("run the report") },
	{ ACT_FIND, N_("Pick"), N_("pick an estate, building, fee item or "
	    "cashier from a list, or today in a date") },
	{ ACT_BACK, NULL, N_("back to the list of reports") },
	{ ACT_NONE, NULL, NULL },
};

const struct screen_ops tui_rparams_ops = {
	.name = N_("Report parameters"),
	.help = N_("The parameters of the report, with their defaults filled in "
	    "(this month, today). Type into the field with the cursor; Tab, Up "
	    "and Down move between fields. A red * marks a required one; an empty "
	    "optional one means all (every estate, every cashier). F3 picks an "
	    "estate, building, fee item or cashier from a list, or fills in today "
	    "in a date. Periods are written 2026-10, dates 2026-10-31.\n"
	    "Enter or F10 runs the report: a window counts the rows, and Esc in it "
	    "stops the report. The rows are then shown in a table. A wrong value "
	    "is named beside its field.\n"
	    "Esc goes back to the list of reports."),
	.leave = params_leave,
	.draw = params_draw,
	.action = params_action,
	.text = params_text,
	.cursor = params_cursor,
	.bar = params_bar,
	.notes = params_notes,
};

/* Open the parameter form of the report called name. */
static int
open_params(struct app *app, const char *name)
{
	struct tui_rrun *rr;
	struct report *r;
	struct wy_err e = { 0 };
	size_t i;
	char *t;

	if (report_load(tui_session(app), name, &r, &e) != WY_OK) {
		tui_message(app, 1, "%s", e.msg);
		return e.code;
	}
	rr = xcalloc(1, sizeof *rr);
	rr->r = r;
	report_args_init(&rr->a, r);
	rr->ed = xcalloc(r->nparams, sizeof *rr->ed);
	rr->msg = xcalloc(r->nparams, sizeof *rr->msg);
	for (i = 0; i < r->nparams; i++) {
		t = default_text(&r->params[i]);
		tui_edit_init(&rr->ed[i], t, 64);
		free(t);
	}
	return tui_push(app, &tui_rparams_ops, rr);
}

/* The "name=value" strings of the last run. */
char **
tui_rparams_strings(const struct tui_rrun *rr, size_t *n)
{
	char **v = xcalloc(rr->a.n + 1, sizeof *v);
	size_t i;

	*n = 0;
	for (i = 0; i < rr->a.n && i < rr->r->nparams; i++)
		if (rr->a.values != NULL && rr->a.values[i] != NULL)
			v[(*n)++] = xasprintf("%s=%s", rr->r->params[i].name,
			    rr->a.values[i]);
	return v;
}

/* Free the strings of tui_rparams_strings(). */
void
tui_rparams_free_strings(char **v)
{
	size_t i;

	for (i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/* The value of the first period parameter (else date) as shown, or
 * NULL. */
const char *
tui_rparams_period(const struct tui_rrun *rr)
{
	size_t i;
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < rr->r->nparams; i++)
			if (rr->r->params[i].type == (pass == 0 ? REPORT_P_PERIOD :
			    REPORT_P_DATE) && rr->ed[i].len > 0)
				return rr->ed[i].buf;
	return NULL;
}
