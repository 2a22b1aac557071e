/* wuye: the browse grid, the list screen of every form.
 *
 * The grid holds only the rows on screen.  Each move past the edge asks
 * the domain for the next window with a keyset query (rows after or before
 * the boundary row in the sort order), so a list of a million rows opens
 * and scrolls as fast as one of ten.  Typing searches: the text is a
 * prefix of any of the form's search fields.  Columns are laid out by
 * display width, so Chinese lines up.  The same grid, opened by
 * tui_pick(), is the picker of lookup fields (F3 in a form).
 */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/date.h"
#include "wuye/entity.h"
#include "wuye/export.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/utf8.h"

#define COUNT_CAP 10000	/* rows counted for the title; more shows "10000+" */

struct grid_row {
	int64_t id, version;
	struct value key;	/* the sort field's value (for paging) */
	char *keytext;		/* the entity's key, for pickers */
	char **cells;		/* display text of each column */
};

struct grid {
	struct entity *ent;
	size_t *cols;		/* fields shown (indexes into ent->fields) */
	int *widths;		/* their display widths */
	size_t ncols;
	size_t first_col;	/* first column shown (Left/Right scroll) */
	size_t sort;		/* field sorted by */
	struct tui_edit search;
	struct grid_row *rows;	/* the window */
	size_t nrows, cap;
	size_t cur;		/* selected row in the window */
	int64_t total;		/* rows matching the search */
	int height;		/* rows the window holds */
	/* picker mode */
	void (*done)(struct screen *owner, int64_t id, const char *key);
	struct screen *owner;
	int cy, cx;		/* the search field's cursor */
};

static void
rows_clear(struct grid *g)
{
	size_t i, c;

	for (i = 0; i < g->nrows; i++) {
		values_clear(&g->rows[i].key, 1);
		free(g->rows[i].keytext);
		for (c = 0; c < g->ncols; c++)
			free(g->rows[i].cells[c]);
		free(g->rows[i].cells);
	}
	g->nrows = 0;
}

struct loading {
	struct grid *g;
	struct session *s;
	struct grid_row *rows;
	size_t n, cap;
};

static int
add_row(void *arg, int64_t id, int64_t version, const struct value *v)
{
	struct loading *l = arg;
	struct grid *g = l->g;
	struct grid_row *r;
	const struct field *key;
	size_t c;

	if (l->n == l->cap) {
		l->cap = l->cap * 2 + 16;
		l->rows = xrealloc(l->rows, l->cap * sizeof *l->rows);
	}
	r = &l->rows[l->n++];
	memset(r, 0, sizeof *r);
	r->id = id;
	r->version = version;
	value_copy(&r->key, &v[g->sort]);
	key = g->ent->key != NULL ? entity_field(g->ent, g->ent->key) : NULL;
	r->keytext = key != NULL ? field_text(l->s, key, &v[key - g->ent->fields]) :
	    xasprintf("%lld", (long long)id);
	r->cells = xcalloc(g->ncols, sizeof *r->cells);
	for (c = 0; c < g->ncols; c++)
		r->cells[c] = field_display(l->s, &g->ent->fields[g->cols[c]],
		    &v[g->cols[c]]);
	return 0;
}

/* Load a window of up to limit rows (0: a screenful): `from` relative to
 * row `at` (or none).  Keeps the old window when the new one would be
 * empty and empty_ok is 0.  Returns the number of rows loaded. */
static size_t
load_n(struct screen *sc, enum page_from from, const struct grid_row *at,
    int empty_ok, size_t limit)
{
	struct grid *g = sc->data;
	struct loading l = { .g = g, .s = tui_session(sc->app) };
	struct page_query q = {
		.sort = g->sort,
		.search = g->search.buf,
		.from = from,
		.key = at != NULL ? &at->key : NULL,
		.key_id = at != NULL ? at->id : 0,
		.limit = limit > 0 ? limit : (size_t)(g->height > 0 ? g->height : 1),
		.many = g->total >= COUNT_CAP / 10,
	};
	struct wy_err e = { 0 };

	if (entity_page(l.s, g->ent, &q, add_row, &l, &e) != WY_OK)
		tui_message(sc->app, 1, "%s", e.msg);
	if (l.n == 0 && !empty_ok) {
		free(l.rows);
		return 0;
	}
	rows_clear(g);
	free(g->rows);
	g->rows = l.rows;
	g->nrows = l.n;
	g->cap = l.cap;
	if (g->cur >= g->nrows)
		g->cur = g->nrows > 0 ? g->nrows - 1 : 0;
	return l.n;
}

static size_t
load(struct screen *sc, enum page_from from, const struct grid_row *at,
    int empty_ok)
{
	return load_n(sc, from, at, empty_ok, 0);
}

/* Count the rows that match, for the title. */
static void
count(struct screen *sc)
{
	struct grid *g = sc->data;
	struct wy_err e = { 0 };

	/* A whole table counts fast (the smallest index); a search is capped. */
	if (entity_count(tui_session(sc->app), g->ent, g->search.buf,
	    g->search.len > 0 ? COUNT_CAP : 0, &g->total, &e) != WY_OK)
		g->total = -1;
}

/* Reload from the top (after a search or sort change). */
static void
reload_first(struct screen *sc)
{
	struct grid *g = sc->data;

	g->cur = 0;
	count(sc);	/* first: it tells the window query how to search */
	load(sc, PAGE_FIRST, NULL, 1);
}

/* Reload the same window (after an edit elsewhere, or F5). */
static void
reload_here(struct screen *sc)
{
	struct grid *g = sc->data;
	struct grid_row first;

	if (g->nrows == 0) {
		reload_first(sc);
		return;
	}
	count(sc);
	first = g->rows[0];
	value_copy(&first.key, &g->rows[0].key);
	if (load(sc, PAGE_FROM, &first, 0) == 0)
		load(sc, PAGE_LAST, NULL, 1);
	values_clear(&first.key, 1);
}

static int
grid_enter(struct screen *sc, struct wy_err *e)
{
	struct grid *g = sc->data;
	const struct field *f;
	size_t i;

	(void)e;
	g->cols = xcalloc(g->ent->nfields, sizeof *g->cols);
	g->widths = xcalloc(g->ent->nfields, sizeof *g->widths);
	for (i = 0; i < g->ent->nfields; i++) {
		f = &g->ent->fields[i];
		if (!f->in_list)
			continue;
		g->widths[g->ncols] = field_width(f);
		g->cols[g->ncols++] = i;
	}
	if (g->ncols == 0)	/* a form without browse columns: show them all */
		for (i = 0; i < g->ent->nfields && i < 8; i++) {
			g->widths[g->ncols] = field_width(&g->ent->fields[i]);
			g->cols[g->ncols++] = i;
		}
	if (g->ent->order != NULL && (f = entity_field(g->ent, g->ent->order)) != NULL)
		g->sort = (size_t)(f - g->ent->fields);
	g->height = tui_bottom() - tui_top() - 1;
	reload_first(sc);
	return WY_OK;
}

static void
grid_leave(struct screen *sc)
{
	struct grid *g = sc->data;

	rows_clear(g);
	free(g->rows);
	free(g->cols);
	free(g->widths);
	tui_edit_free(&g->search);
	entity_free(&g->ent);
	free(g);
}

static int
numeric(const struct field *f)
{
	return f->type == FIELD_INT || f->type == FIELD_DECIMAL ||
	    f->type == FIELD_MONEY;
}

static void
grid_draw(struct screen *sc)
{
	struct grid *g = sc->data;
	const struct field *f;
	char title[256], count_text[64];
	int y = tui_top(), x, w, attr, height = tui_bottom() - tui_top() - 1;
	size_t c, r;

	if (height != g->height && height > 0) {
		g->height = height;	/* resized: fill the new window */
		reload_here(sc);
	}
	if (g->total >= COUNT_CAP && g->search.len > 0)
		snprintf(count_text, sizeof count_text, _("%lld+ rows"),
		    (long long)g->total);
	else if (g->total >= 0)
		snprintf(count_text, sizeof count_text, ngettext("%lld row",
		    "%lld rows", (unsigned long)g->total), (long long)g->total);
	else
		count_text[0] = '\0';
	snprintf(title, sizeof title, "%s%s  %s  %s %s", g->done != NULL ?
	    _("Pick: ") : "", entity_title(g->ent), count_text, _("by"),
	    field_label(&g->ent->fields[g->sort]));
	tui_put(y, 0, COLS, 0, tui_attr(ROLE_TITLE), title);
	w = utf8_width(title) + 2;
	if (COLS - w > 12) {
		tui_put(y, w, 8, 0, A_NORMAL, _("Search:"));
		g->cy = y;
		g->cx = tui_edit_draw(&g->search, y, w + 8, COLS - w - 9,
		    tui_attr(ROLE_FIELD));
	}
	y++;
	for (c = g->first_col, x = 0; c < g->ncols && x < COLS; c++) {
		f = &g->ent->fields[g->cols[c]];
		tui_put(y, x, g->widths[c], numeric(f), tui_attr(ROLE_HEADER),
		    field_label(f));
		x += g->widths[c] + 1;
	}
	for (r = 0; r < g->nrows; r++) {
		attr = r == g->cur ? tui_attr(ROLE_SELECTED) : (int)A_NORMAL;
		if (r == g->cur)
			tui_fill(y + 1 + (int)r, 0, COLS, attr);
		for (c = g->first_col, x = 0; c < g->ncols && x < COLS; c++) {
			f = &g->ent->fields[g->cols[c]];
			tui_put(y + 1 + (int)r, x, g->widths[c], numeric(f), attr,
			    g->rows[r].cells[c]);
			x += g->widths[c] + 1;
		}
	}
	if (g->nrows == 0)
		tui_put(y + 2, 2, COLS - 4, 0, tui_attr(ROLE_DIM), g->search.len > 0 ?
		    _("Nothing starts with that; Backspace or Ctrl-U to change the search.") :
		    g->ent->readonly ? _("No records yet.") :
		    _("No records yet; F2 adds one."));
}

static void
grid_cursor(struct screen *sc, int *y, int *x)
{
	struct grid *g = sc->data;

	if (g->search.len > 0) {
		*y = g->cy;
		*x = g->cx;
	}
}

static int
do_delete(struct screen *sc)
{
	struct grid *g = sc->data;
	struct wy_err e = { 0 };

	if (g->nrows == 0)
		return TUI_DONE;
	if (entity_delete(tui_session(sc->app), g->ent, g->rows[g->cur].id,
	    g->rows[g->cur].version, &e) != WY_OK)
		tui_message(sc->app, 1, "%s", e.msg);
	else
		tui_message(sc->app, 0, _("Deleted %s."), g->rows[g->cur].keytext);
	reload_here(sc);
	return TUI_DONE;
}

static int
do_export(struct screen *sc, const char *path)
{
	struct grid *g = sc->data;
	struct page_query q = { .sort = g->sort, .search = g->search.buf };
	struct sink_opts o = { .path = path, .sheet = entity_title(g->ent) };
	struct wy_err e = { 0 };
	char *expanded;
	long rows;
	int fmt;

	/* a name alone goes into the export folder (export.dir) */
	if ((o.path = expanded = export_path(tui_conf(sc->app), path, &e)) == NULL) {
		tui_message(sc->app, 1, "%s", e.msg);
		return TUI_DONE;
	}
	fmt = sink_format_parse(NULL, o.path);
	if (fmt < 0) {
		tui_message(sc->app, 1, _("%s: the name must end in .csv, .xlsx, .tsv or .txt"),
		    path);
		free(expanded);
		return TUI_DONE;
	}
	o.format = (enum sink_format)fmt;
	o.bom = o.format == SINK_CSV;	/* for Excel, which the file is likely for */
	if (export_entity(tui_session(sc->app), g->ent, &q, &o, &rows, &e) != WY_OK)
		tui_message(sc->app, 1, "%s", e.msg);
	else
		tui_message(sc->app, 0, ngettext("Exported %ld row to %s.",
		    "Exported %ld rows to %s.", (unsigned long)rows), rows, o.path);
	free(expanded);
	return TUI_DONE;
}

static int
grid_confirmed_delete(struct screen *owner)
{
	return do_delete(owner);
}

/* Open the selected record: the room page for rooms, else its form. */
static int
open_row(struct screen *sc)
{
	struct grid *g = sc->data;
	struct grid_row *r;
	void (*done)(struct screen *, int64_t, const char *);

	if (g->nrows == 0)
		return TUI_DONE;
	r = &g->rows[g->cur];
	if (g->done != NULL) {
		done = g->done;
		done(g->owner, r->id, r->keytext);
		return TUI_POP;
	}
	tui_open_page(sc->app, g->ent->name, r->id);
	return TUI_DONE;
}

static int
scroll_down(struct screen *sc)
{
	struct grid *g = sc->data;
	struct grid_row at;

	if (g->cur + 1 < g->nrows) {
		g->cur++;
		return TUI_DONE;
	}
	if (g->nrows < (size_t)g->height || g->nrows < 2)
		return TUI_DONE;
	at = g->rows[1];
	value_copy(&at.key, &g->rows[1].key);
	load(sc, PAGE_FROM, &at, 0);
	values_clear(&at.key, 1);
	g->cur = g->nrows - 1;
	return TUI_DONE;
}

static int
scroll_up(struct screen *sc)
{
	struct grid *g = sc->data;
	struct grid_row at;

	if (g->cur > 0) {
		g->cur--;
		return TUI_DONE;
	}
	if (g->nrows == 0)
		return TUI_DONE;
	/* The one row before the window, then a window from it. */
	at = g->rows[0];
	value_copy(&at.key, &g->rows[0].key);
	if (load_n(sc, PAGE_BEFORE, &at, 0, 1) == 1) {
		values_clear(&at.key, 1);
		at = g->rows[0];
		value_copy(&at.key, &g->rows[0].key);
		load(sc, PAGE_FROM, &at, 0);
	}
	values_clear(&at.key, 1);
	g->cur = 0;
	return TUI_DONE;
}

static int
page(struct screen *sc, int down)
{
	struct grid *g = sc->data;
	struct grid_row at;
	size_t n;

	if (g->nrows == 0)
		return TUI_DONE;
	at = down ? g->rows[g->nrows - 1] : g->rows[0];
	value_copy(&at.key, down ? &g->rows[g->nrows - 1].key : &g->rows[0].key);
	n = load(sc, down ? PAGE_AFTER : PAGE_BEFORE, &at, 0);
	values_clear(&at.key, 1);
	if (n == 0)
		g->cur = down ? g->nrows - 1 : 0;
	else if (n < (size_t)g->height) {
		load(sc, down ? PAGE_LAST : PAGE_FIRST, NULL, 1);
		g->cur = down ? g->nrows - 1 : 0;
	}
	return TUI_DONE;
}

static int
grid_action(struct screen *sc, enum tui_action a)
{
	struct grid *g = sc->data;
	char name[128], date[DATE_BUFSIZE], question[256], label[512], *folder;
	size_t c;

	struct wy_err e = { 0 };

	switch (a) {
	case ACT_NEW:
	case ACT_EDIT:
	case ACT_DELETE:	/* a list of what was done: says so */
		if (g->done == NULL && entity_writable(g->ent, &e) != WY_OK) {
			tui_message(sc->app, 1, "%s", e.msg);
			return TUI_DONE;
		}
		break;
	default:
		break;
	}
	switch (a) {
	case ACT_DOWN:
		return scroll_down(sc);
	case ACT_UP:
		return scroll_up(sc);
	case ACT_PGDN:
		return page(sc, 1);
	case ACT_PGUP:
		return page(sc, 0);
	case ACT_HOME:
		g->cur = 0;
		load(sc, PAGE_FIRST, NULL, 1);
		return TUI_DONE;
	case ACT_END:
		load(sc, PAGE_LAST, NULL, 1);
		g->cur = g->nrows > 0 ? g->nrows - 1 : 0;
		return TUI_DONE;
	case ACT_LEFT:
		if (g->first_col > 0)
			g->first_col--;
		return TUI_DONE;
	case ACT_RIGHT:
		if (g->first_col + 1 < g->ncols)
			g->first_col++;
		return TUI_DONE;
	case ACT_ENTER:
		return open_row(sc);
	case ACT_NEW:
		if (g->done != NULL)
			return TUI_DONE;
		if (strcmp(g->ent->name, "users") == 0)	/* needs a password */
			tui_open_password(sc->app, 1);
		else
			tui_open_form(sc->app, g->ent->name, 0, NULL);
		return TUI_DONE;
	case ACT_EDIT:
		if (g->done == NULL && g->nrows > 0)
			tui_open_form(sc->app, g->ent->name, g->rows[g->cur].id, NULL);
		return TUI_DONE;
	case ACT_DELETE:
		if (g->done != NULL || g->nrows == 0)
			return TUI_DONE;
		snprintf(question, sizeof question, _("Delete %s %s? This cannot be undone."),
		    entity_title(g->ent), g->rows[g->cur].keytext);
		return tui_confirm(sc->app, question, grid_confirmed_delete, sc);
	case ACT_SORT:	/* by the next browse column */
		for (c = 0; c < g->ncols && g->cols[c] != g->sort; c++)
			;
		g->sort = g->cols[(c + 1) % g->ncols];
		reload_first(sc);
		return TUI_DONE;
	case ACT_REFRESH:
		reload_here(sc);
		return TUI_DONE;
	case ACT_ACTIONS:
		if (g->done != NULL || g->nrows == 0 || g->ent->nactions == 0)
			return TUI_DONE;
		snprintf(name, sizeof name, "%s %s", entity_title(g->ent),
		    g->rows[g->cur].keytext);
		tui_open_actions(sc->app, g->ent, g->rows[g->cur].id, name);
		return TUI_REDRAW;
	case ACT_EXPORT:
		date_format(date_today(), date);
		snprintf(name, sizeof name, "%s-%s.xlsx", g->ent->name, date);
		folder = export_dir_shown(tui_conf(sc->app));
		snprintf(label, sizeof label, _("File (.xlsx, .csv, .tsv or .txt) "
		    "in %s:"), folder);
		free(folder);
		return tui_prompt(sc->app, _("Export the list"), label, name,
		    do_export, sc);
	case ACT_BACKSPACE:
	case ACT_KILL:
	case ACT_DELCHAR:
		if (g->search.len == 0)
			return TUI_DONE;
		tui_edit_action(&g->search, a == ACT_DELCHAR ? ACT_BACKSPACE : a);
		reload_first(sc);
		return TUI_DONE;
	case ACT_BACK:
		if (g->search.len > 0) {	/* Esc clears the search first */
			tui_edit_set(&g->search, "");
			reload_first(sc);
			return TUI_DONE;
		}
		return TUI_POP;
	default:
		return TUI_PASS;
	}
}

static int
grid_text(struct screen *sc, wchar_t ch)
{
	struct grid *g = sc->data;

	if (tui_edit_insert(&g->search, ch))
		reload_first(sc);
	return TUI_DONE;
}

static const enum tui_action grid_bar[] = { ACT_HELP, ACT_NEW, ACT_EDIT,
	ACT_ACTIONS, ACT_REFRESH, ACT_QUICKFIND, ACT_SORT, ACT_DELETE,
	ACT_EXPORT, ACT_MENU, ACT_BACK, ACT_NONE };

/* The keys of the bar that apply to the list's form: the row actions key
 * when it has actions ([action.NAME]); nothing to add or change in a
 * read-only list (waivers, refunds). */
static int
grid_offered(struct screen *sc, enum tui_action a)
{
	const struct grid *g = sc->data;

	if (a == ACT_ACTIONS)
		return g->ent->nactions > 0;
	if (a == ACT_NEW || a == ACT_EDIT || a == ACT_DELETE)
		return !g->ent->readonly;
	return 1;
}
static const enum tui_action pick_bar[] = { ACT_HELP, ACT_ENTER, ACT_SORT,
	ACT_BACK, ACT_NONE };

static const char grid_help[] = N_("A list of records. Up, Down, PgUp, PgDn, Home and End move; "
	    "Enter opens the selected record; F2 adds one, F4 edits, F8 deletes "
	    "(after asking).\n"
	    "Type to search: the list keeps the rows whose code, name, phone or "
	    "plate starts with what you typed. Backspace takes back a character, "
	    "Ctrl-U or Esc clears the search.\n"
	    "F7 sorts by the next column; Left and Right scroll the columns.\n"
	    "F9 exports the list as it is searched and sorted, to .xlsx, .csv, "
	    ".tsv or .txt.");

static const struct screen_ops grid_ops = {
	.name = N_("List"),
	.help = grid_help,
	.enter = grid_enter,
	.leave = grid_leave,
	.draw = grid_draw,
	.action = grid_action,
	.text = grid_text,
	.cursor = grid_cursor,
	.bar = grid_bar,
	.offered = grid_offered,
};

/* A read-only list: Enter shows a record, nothing adds or changes one. */
static const char grid_readonly_help[] = N_("A list of what was done, kept as it happened: it is read "
	    "only, and changes only through its own commands. Up, Down, PgUp, "
	    "PgDn, Home and End move; Enter shows the selected record.\n"
	    "Type to search: the list keeps the rows whose room, client, name, "
	    "number or reason starts with what you typed. Backspace takes back "
	    "a character, Ctrl-U or Esc clears the search.\n"
	    "F7 sorts by the next column; Left and Right scroll the columns.\n"
	    "F9 exports the list as it is searched and sorted, to .xlsx, .csv, "
	    ".tsv or .txt.");

static const struct screen_ops grid_readonly_ops = {
	.name = N_("List"),
	.help = grid_readonly_help,
	.enter = grid_enter,
	.leave = grid_leave,
	.draw = grid_draw,
	.action = grid_action,
	.text = grid_text,
	.cursor = grid_cursor,
	.bar = grid_bar,
	.offered = grid_offered,
};

static const struct screen_ops pick_ops = {
	.name = N_("Pick a record"),
	.help = N_("Pick the record for the field: type to search, Up and Down to "
	    "move, Enter to take the selected one, Esc to leave the field as it was."),
	.enter = grid_enter,
	.leave = grid_leave,
	.draw = grid_draw,
	.action = grid_action,
	.text = grid_text,
	.cursor = grid_cursor,
	.bar = pick_bar,
};

/* The search the picker tui_pick_search is opening starts with (NULL:
 * none), for open_grid. */
static const char *opening_search;

static int
open_grid(struct app *app, const char *form, const struct screen_ops *ops,
    void (*done)(struct screen *owner, int64_t id, const char *key),
    struct screen *owner)
{
	struct grid *g;
	struct entity *ent;
	struct wy_err e = { 0 };

	if (entity_load(tui_conf(app), form, &ent, &e) != WY_OK) {
		tui_message(app, 1, "%s", e.msg);
		return e.code;
	}
	g = xcalloc(1, sizeof *g);
	g->ent = ent;
	g->done = done;
	g->owner = owner;
	tui_edit_init(&g->search, opening_search != NULL ? opening_search : "", 40);
	if (ops == &grid_ops && ent->readonly)
		ops = &grid_readonly_ops;
	return tui_push(app, ops, g);
}

int
tui_open_list(struct app *app, const char *form)
{
	return open_grid(app, form, &grid_ops, NULL, NULL);
}

int
tui_open_list_search(struct app *app, const char *form, const char *search)
{
	int rc;

	opening_search = search;
	rc = open_grid(app, form, &grid_ops, NULL, NULL);
	opening_search = NULL;
	return rc;
}

int
tui_pick(struct app *app, const char *form,
    void (*done)(struct screen *owner, int64_t id, const char *key),
    struct screen *owner)
{
	return open_grid(app, form, &pick_ops, done, owner);
}

int
tui_pick_search(struct app *app, const char *form, const char *search,
    void (*done)(struct screen *owner, int64_t id, const char *key),
    struct screen *owner)
{
	int rc;

	opening_search = search;
	rc = open_grid(app, form, &pick_ops, done, owner);
	opening_search = NULL;
	return rc;
}
