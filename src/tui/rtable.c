/* wuye: a report's rows on screen (the table face of a report).
 *
 * The rows come from a callback sink (so they are the rows, subtotals and
 * total the files get) and are kept as display text with their numbers.
 * Columns are laid out by display width, numbers right-aligned and never
 * cut; the first (key) column stays at the left while the others scroll
 * sideways; Left and Right choose the current column (scrolling when it is
 * off screen), F7
 * sorts by it (up, down, then as the report gave them), typing keeps the
 * rows that contain the text.  Sorting and searching take the data rows
 * only (subtotals are left out then); the total row stays at the bottom.
 * Enter opens the record of the row when the report has a drill-down.
 */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/money.h"
#include "wuye/tui_report.h"
#include "wuye/utf8.h"

#define WIDTH_MAX 40	/* widest a column grows to fit its data */

struct rcell {
	char *text;		/* as shown */
	int64_t i;		/* numeric kinds */
	int null;
	int label;		/* a subtotal's label in a number column */
};

struct rrow {
	enum sink_row_kind kind;
	struct rcell *c;	/* ncols of them */
	int64_t drill;		/* the drill-down id, 0: none */
};

struct rtab {
	const struct report *r;	/* borrowed (the screen's) */
	struct sink_col *cols;	/* the visible columns */
	size_t ncols;
	int *widths;
	struct rrow *rows;	/* as they came */
	size_t nrows, cap;
	long ndata;
	long total;		/* the total row, or -1 */
	size_t *view;		/* the rows shown (not the total) */
	size_t nview;
	size_t cur, first;	/* selected and first shown, in view */
	size_t col, first_col;	/* current and first shown column */
	size_t nfreeze;		/* the key columns, always at the left */
	int sort;		/* 0 as given, 1 up, -1 down */
	size_t sort_col;
	struct tui_edit search;
	int cy, cx;
	int height;		/* rows shown last time */
	int64_t drill_id;	/* the engine's drill-down id of the next row */
};

/* 1 if the column holds a number (right-aligned, sorted as numbers). */
static int
numeric(const struct sink_col *c)
{
	return c->kind == SINK_COL_INT || c->kind == SINK_COL_FIXED ||
	    c->kind == SINK_COL_MONEY || c->kind == SINK_COL_PERCENT;
}

/* An empty table for r's visible columns. */
struct rtab *
tui_rtab_new(const struct report *r, struct sink_col *cols, size_t ncols)
{
	struct rtab *t = xcalloc(1, sizeof *t);

	t->r = r;
	t->cols = cols;
	t->ncols = ncols;
	t->nfreeze = r->freeze < ncols ? r->freeze : ncols;
	t->total = -1;
	t->widths = xcalloc(ncols, sizeof *t->widths);
	tui_edit_init(&t->search, "", 40);
	return t;
}

/* Free a table and set *tp to NULL. */
void
tui_rtab_free(struct rtab **tp)
{
	struct rtab *t = *tp;
	size_t i, c;

	if (t == NULL)
		return;
	for (i = 0; i < t->nrows; i++) {
		for (c = 0; c < t->ncols; c++)
			free(t->rows[i].c[c].text);
		free(t->rows[i].c);
	}
	free(t->rows);
	free(t->view);
	free(t->widths);
	free(t->cols);
	tui_edit_free(&t->search);
	free(t);
	*tp = NULL;
}

/* Where the engine puts each row's drill-down id (report_watch). */
int64_t *
tui_rtab_drill(struct rtab *t)
{
	return &t->drill_id;
}

/* The text of a cell as shown. */
static char *
cell_text(const struct sink_col *col, const struct sink_cell *cell)
{
	char buf[64];

	if (cell->null)
		return xstrdup("");
	switch (col->kind) {
	case SINK_COL_INT:
		return xasprintf("%lld", (long long)cell->i);
	case SINK_COL_FIXED:
		return xstrdup(fixed_format(cell->i, col->scale, buf, sizeof buf));
	case SINK_COL_MONEY:
		return xstrdup(money_format_grouped(cell->i, buf, sizeof buf));
	case SINK_COL_PERCENT:
		return xasprintf("%s%%", fixed_format(cell->i, col->scale, buf,
		    sizeof buf));
	default:
		return xstrdup(cell->s != NULL ? cell->s : "");
	}
}

/* One row from the sink: data, subtotal or total, a cell per visible
 * column; the drill-down id was put in t->drill_id just before. */
int
tui_rtab_row(void *arg, enum sink_row_kind kind,
    const struct sink_cell *cells, size_t ncells, struct wy_err *e)
{
	struct rtab *t = arg;
	const struct sink_cell *cell;
	struct rrow *row;
	size_t c;

	(void)e;
	if (t->nrows == t->cap) {
		t->cap = t->cap * 2 + 64;
		t->rows = xrealloc(t->rows, t->cap * sizeof *t->rows);
	}
	row = &t->rows[t->nrows];
	memset(row, 0, sizeof *row);
	row->kind = kind;
	row->c = xcalloc(t->ncols, sizeof *row->c);
	for (c = 0; c < t->ncols; c++) {
		if (c >= ncells) {
			row->c[c].null = 1;
			row->c[c].text = xstrdup("");
			continue;
		}
		cell = &cells[c];
		row->c[c].null = cell->null;
		row->c[c].i = cell->i;
		/* a subtotal's label is text, even in a number column */
		if (kind != SINK_ROW_DATA && numeric(&t->cols[c]) && cell->s != NULL) {
			row->c[c].text = xstrdup(cell->s);
			row->c[c].label = 1;
		} else
			row->c[c].text = cell_text(&t->cols[c], cell);
	}
	if (kind == SINK_ROW_DATA)
		row->drill = t->drill_id;
	t->drill_id = 0;
	if (kind == SINK_ROW_TOTAL)
		t->total = (long)t->nrows;
	if (kind == SINK_ROW_DATA)
		t->ndata++;
	t->nrows++;
	return 0;
}

/* 1 if a row is shown under the search. */
static int
row_matches(const struct rtab *t, const struct rrow *row)
{
	size_t c;

	if (t->search.len == 0)
		return 1;
	for (c = 0; c < t->ncols; c++)
		if (strcasestr(row->c[c].text, t->search.buf) != NULL)
			return 1;
	return 0;
}

/* The order of two rows under the sort. */
static int
compare(const void *a, const void *b, void *arg)
{
	const struct rtab *t = arg;
	size_t ia = *(const size_t *)a, ib = *(const size_t *)b;
	const struct rcell *ca = &t->rows[ia].c[t->sort_col];
	const struct rcell *cb = &t->rows[ib].c[t->sort_col];
	int d;

	if (ca->null != cb->null)
		d = ca->null ? -1 : 1;
	else if (numeric(&t->cols[t->sort_col]))
		d = ca->i < cb->i ? -1 : ca->i > cb->i;
	else
		d = strcoll(ca->text, cb->text);
	if (d == 0)
		return ia < ib ? -1 : ia > ib;	/* stable */
	return d * t->sort;
}

/* Make the view: every row but the total as given, or the data rows that
 * match the search, sorted. */
static void
build_view(struct rtab *t)
{
	size_t i, keep = t->cur < t->nview ? t->view[t->cur] : (size_t)-1;
	int plain = t->sort == 0 && t->search.len == 0;

	free(t->view);
	t->view = xcalloc(t->nrows + 1, sizeof *t->view);
	t->nview = 0;
	for (i = 0; i < t->nrows; i++) {
		if (t->rows[i].kind == SINK_ROW_TOTAL)
			continue;
		if (!plain && (t->rows[i].kind != SINK_ROW_DATA ||
		    !row_matches(t, &t->rows[i])))
			continue;
		t->view[t->nview++] = i;
	}
	if (t->sort != 0)
		qsort_r(t->view, t->nview, sizeof *t->view, compare, t);
	t->cur = 0;
	for (i = 0; i < t->nview; i++)
		if (t->view[i] == keep)
			t->cur = i;
	t->first = 0;
}

/* After the last row: the column widths (title, data, up to WIDTH_MAX)
 * and the view.  Returns the number of data rows. */
long
tui_rtab_done(struct rtab *t)
{
	size_t i, c;
	int w;

	for (c = 0; c < t->ncols; c++) {
		t->widths[c] = utf8_width(t->cols[c].title);
		if (t->cols[c].width > t->widths[c])
			t->widths[c] = t->cols[c].width;
		for (i = 0; i < t->nrows; i++) {
			w = utf8_width(t->rows[i].c[c].text);
			if (w > t->widths[c])
				t->widths[c] = w < WIDTH_MAX ? w : WIDTH_MAX;
		}
	}
	build_view(t);
	return t->ndata;
}

/* The columns on screen: the key columns (the report's `freeze` first
 * ones, the first by default) always, at the left, as a spreadsheet freezes
 * them; then from first_col on as many as fit.  A
 * number is never cut: a number column is shown at its full width or not
 * at all (with the columns after it).  Text columns get their width, but
 * give way to a number column that would not fit otherwise (the widest
 * first, down to their least width), so the figures get their room
 * before the names; what is left widens the narrowed ones again.  The
 * last screen column is kept for a ">" in the header when there are more
 * columns to the right. */
struct layout {
	size_t n;
	size_t col[64];		/* the columns shown, in order */
	int x[64], w[64];
};

/* The least width of a text column: its title, 6 to 10 columns. */
static int
min_width(const struct rtab *t, size_t c)
{
	int w = utf8_width(t->cols[c].title);

	if (w < 6)
		w = 6;
	if (w > 10)
		w = 10;
	return w < t->widths[c] ? w : t->widths[c];
}

/* Narrow the text columns shown (not the key columns), the widest first,
 * to free need columns; 1 if done (else nothing is changed). */
static int
make_room(const struct rtab *t, struct layout *l, int need)
{
	int save[64], freed = 0, best, spare;
	size_t i, b;

	memcpy(save, l->w, sizeof save);
	while (freed < need) {
		best = 0;
		b = 0;
		for (i = t->nfreeze; i < l->n; i++)
			if (!numeric(&t->cols[l->col[i]]) &&
			    (spare = l->w[i] - min_width(t, l->col[i])) > 0 &&
			    l->w[i] > best) {
				best = l->w[i];
				b = i;
			}
		if (b == 0) {
			memcpy(l->w, save, sizeof save);
			return 0;
		}
		l->w[b]--;
		freed++;
	}
	return 1;
}

/* Lay out the columns from first (after the key column) in cols. */
static void
layout(const struct rtab *t, size_t first, int cols, struct layout *l)
{
	size_t c, i;
	int used, want, x;

	l->n = 0;
	if (t->ncols == 0)
		return;
	/* the key columns: each at most a quarter of the screen if text */
	for (used = -1; l->n < t->nfreeze; l->n++) {
		c = l->n;
		l->col[c] = c;
		l->w[c] = t->widths[c];
		if (!numeric(&t->cols[c]) && l->w[c] > cols / 4)
			l->w[c] = cols / 4 > min_width(t, c) ? cols / 4 :
			    min_width(t, c);
		if (used + 1 + l->w[c] > cols)
			l->w[c] = cols - used - 1;
		used += 1 + l->w[c];
	}
	if (first < t->nfreeze)
		first = t->nfreeze;
	for (c = first; c < t->ncols && l->n < 64; c++) {
		want = t->widths[c];
		if (used + 1 + want > cols && !numeric(&t->cols[c]))
			want = min_width(t, c);	/* widened below if there is room */
		if (used + 1 + want > cols && (!numeric(&t->cols[c]) ||
		    !make_room(t, l, used + 1 + want - cols)))
			break;
		if (used + 1 + want > cols)
			used = cols - 1 - want;	/* make_room freed the difference */
		l->col[l->n] = c;
		l->w[l->n++] = want;
		used += 1 + want;
	}
	/* what is left goes to the narrowed text columns, in order */
	for (i = t->nfreeze; i < l->n && used < cols; i++) {
		c = l->col[i];
		if (numeric(&t->cols[c]) || l->w[i] >= t->widths[c])
			continue;
		want = t->widths[c] - l->w[i];
		if (want > cols - used)
			want = cols - used;
		l->w[i] += want;
		used += want;
	}
	for (i = 0, x = 0; i < l->n; i++) {
		l->x[i] = x;
		x += l->w[i] + 1;
	}
}

/* 1 if column c is on screen in the layout. */
static int
shown(const struct layout *l, size_t c)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->col[i] == c)
			return 1;
	return 0;
}

/* Scroll sideways so the current column is on screen. */
static void
show_col(struct rtab *t)
{
	struct layout l;

	if (t->first_col < t->nfreeze)
		t->first_col = t->nfreeze;
	if (t->col < t->nfreeze)
		return;
	if (t->col < t->first_col)
		t->first_col = t->col;
	for (;;) {
		layout(t, t->first_col, COLS - 1, &l);
		if (shown(&l, t->col) || t->first_col >= t->col)
			break;
		t->first_col++;
	}
}

/* Draw one row at y. */
static void
draw_row(const struct rtab *t, const struct rrow *row, int y, int selected)
{
	struct layout l;
	size_t c, i;
	int attr, base;

	base = selected ? tui_attr(ROLE_SELECTED) : row->kind == SINK_ROW_DATA ?
	    (int)A_NORMAL : tui_attr(ROLE_TITLE);
	tui_fill(y, 0, COLS, base);
	layout(t, t->first_col, COLS - 1, &l);
	for (i = 0; i < l.n; i++) {
		c = l.col[i];
		attr = base;
		if (!selected && numeric(&t->cols[c]) && !row->c[c].null &&
		    row->c[c].i < 0 && row->kind == SINK_ROW_DATA)
			attr = tui_attr(ROLE_NEGATIVE);
		tui_put(y, l.x[i], l.w[i], numeric(&t->cols[c]) &&
		    !row->c[c].label, attr, row->c[c].text);
	}
}

/* Paint the table face: title, the parameters, header, rows, total. */
static void
tab_draw(struct screen *sc)
{
	struct tui_rrun *rr = sc->data;
	struct rtab *t = rr->tab;
	char title[512], line[512], **lines;
	struct layout l;
	int y = tui_top(), w, rows, len;
	size_t c, i;

	if (t->search.len > 0)
		snprintf(title, sizeof title, _("%s  %zu of %ld rows"), rr->r->title,
		    t->nview, t->ndata);
	else
		snprintf(title, sizeof title, _("%s  %ld rows"), rr->r->title, t->ndata);
	if (t->sort != 0) {
		len = (int)strlen(title);
		snprintf(title + len, sizeof title - (size_t)len, "  %s %s %s", _("by"),
		    t->cols[t->sort_col].title, t->sort > 0 ? "↑" : "↓");
	}
	tui_put(y, 0, COLS, 0, tui_attr(ROLE_TITLE), title);
	w = utf8_width(title) + 2;
	t->cy = -1;
	if (COLS - w > 12) {
		tui_put(y, w, 8, 0, A_NORMAL, _("Search:"));
		t->cy = y;
		t->cx = tui_edit_draw(&t->search, y, w + 8, COLS - w - 9,
		    tui_attr(ROLE_FIELD));
	}
	y++;
	line[0] = '\0';
	lines = report_args_lines(rr->r, &rr->a);
	for (i = 0; lines != NULL && lines[i] != NULL; i++) {
		len = (int)strlen(line);
		snprintf(line + len, sizeof line - (size_t)len, "%s%s", i > 0 ?
		    "   " : "", lines[i]);
	}
	report_args_lines_free(lines);
	tui_put(y++, 0, COLS, 0, tui_attr(ROLE_DIM), line);
	layout(t, t->first_col, COLS - 1, &l);
	for (i = 0; i < l.n; i++) {
		c = l.col[i];
		tui_put(y, l.x[i], l.w[i], numeric(&t->cols[c]), tui_attr(c == t->col ?
		    ROLE_SELECTED : ROLE_HEADER), t->cols[c].title);
	}
	if (l.n > 0 && l.col[l.n - 1] + 1 < t->ncols)
		tui_put(y, COLS - 1, 1, 0, tui_attr(ROLE_KEY), ">");
	y++;
	rows = tui_bottom() - y + 1 - (t->total >= 0);
	t->height = rows > 1 ? rows : 1;
	if (t->cur < t->first)
		t->first = t->cur;
	if (rows > 0 && t->cur >= t->first + (size_t)rows)
		t->first = t->cur - (size_t)rows + 1;
	for (i = t->first; i < t->nview && (int)(i - t->first) < rows; i++)
		draw_row(t, &t->rows[t->view[i]], y + (int)(i - t->first), i == t->cur);
	if (t->nview == 0)
		tui_put(y + 1, 2, COLS - 4, 0, tui_attr(ROLE_DIM), t->search.len > 0 ?
		    _("No row contains that; Backspace or Ctrl-U to change the search.") :
		    _("The report has no rows."));
	if (t->total >= 0)
		draw_row(t, &t->rows[t->total], tui_bottom(), 0);
}

/* The cursor is in the search while there is one. */
static void
tab_cursor(struct screen *sc, int *y, int *x)
{
	struct tui_rrun *rr = sc->data;

	if (rr->tab->search.len > 0 && rr->tab->cy >= 0) {
		*y = rr->tab->cy;
		*x = rr->tab->cx;
	}
}

/* Enter: the record of the selected row. */
static int
drill(struct screen *sc)
{
	struct tui_rrun *rr = sc->data;
	struct rtab *t = rr->tab;
	const struct rrow *row;

	if (t->nview == 0)
		return TUI_DONE;
	row = &t->rows[t->view[t->cur]];
	if (rr->r->drill == NULL)
		tui_message(sc->app, 0, _("This report does not open records."));
	else if (row->kind != SINK_ROW_DATA || row->drill == 0)
		tui_message(sc->app, 0, _("This row has no record to open."));
	else
		tui_open_page(sc->app, rr->r->drill, row->drill);
	return TUI_DONE;
}

/* The keys of the table: move, columns, sort, search, drill, export. */
static int
tab_action(struct screen *sc, enum tui_action a)
{
	struct tui_rrun *rr = sc->data;
	struct rtab *t = rr->tab;
	size_t page = (size_t)(t->height > 1 ? t->height - 1 : 1);

	switch (a) {
	case ACT_UP:
		if (t->cur > 0)
			t->cur--;
		return TUI_DONE;
	case ACT_DOWN:
		if (t->cur + 1 < t->nview)
			t->cur++;
		return TUI_DONE;
	case ACT_PGUP:
		t->cur = t->cur > page ? t->cur - page : 0;
		return TUI_DONE;
	case ACT_PGDN:
		t->cur = t->cur + page < t->nview ? t->cur + page :
		    t->nview > 0 ? t->nview - 1 : 0;
		return TUI_DONE;
	case ACT_HOME:
		t->cur = 0;
		return TUI_DONE;
	case ACT_END:
		t->cur = t->nview > 0 ? t->nview - 1 : 0;
		return TUI_DONE;
	case ACT_LEFT:
		if (t->col > 0)
			t->col--;
		show_col(t);
		return TUI_DONE;
	case ACT_RIGHT:
		if (t->col + 1 < t->ncols)
			t->col++;
		show_col(t);
		return TUI_DONE;
	case ACT_SORT:
		if (t->ncols == 0)
			return TUI_DONE;
		if (t->sort == 0 || t->sort_col != t->col)
			t->sort = 1;
		else
			t->sort = t->sort > 0 ? -1 : 0;
		t->sort_col = t->col;
		build_view(t);
		return TUI_DONE;
	case ACT_ENTER:
		return drill(sc);
	case ACT_REFRESH:	/* back to the parameters */
		sc->ops = &tui_rparams_ops;
		return TUI_REDRAW;
	case ACT_EXPORT:
		return tui_rexport_open(sc);
	case ACT_BACKSPACE:
	case ACT_KILL:
	case ACT_DELCHAR:
		if (t->search.len == 0)
			return TUI_DONE;
		tui_edit_action(&t->search, a == ACT_DELCHAR ? ACT_BACKSPACE : a);
		build_view(t);
		return TUI_DONE;
	case ACT_BACK:
		if (t->search.len > 0) {
			tui_edit_set(&t->search, "");
			build_view(t);
			return TUI_DONE;
		}
		return TUI_POP;
	default:
		return TUI_PASS;
	}
}

/* A typed character goes into the search. */
static int
tab_text(struct screen *sc, wchar_t ch)
{
	struct tui_rrun *rr = sc->data;

	if (tui_edit_insert(&rr->tab->search, ch))
		build_view(rr->tab);
	return TUI_DONE;
}

/* Free the report's screen: the same as from its parameter face. */
static void
tab_leave(struct screen *sc)
{
	tui_rparams_ops.leave(sc);	/* one screen, one state */
}

static const enum tui_action tab_bar[] = { ACT_HELP, ACT_ENTER, ACT_REFRESH,
	ACT_SORT, ACT_EXPORT, ACT_MENU, ACT_BACK, ACT_NONE };

static const struct tui_note tab_notes[] = {
	{ ACT_ENTER, N_("Open"), N_("open the record of the selected row "
	    "(reports that have one)") },
	{ ACT_REFRESH, N_("Params"), N_("back to the parameters, to change them "
	    "and run again") },
	{ ACT_SORT, NULL, N_("sort by the current column: up, down, then as given") },
	{ ACT_EXPORT, NULL, N_("export the report to .xlsx or CSV, or print it") },
	{ ACT_LEFT, NULL, N_("previous column") },
	{ ACT_RIGHT, NULL, N_("next column") },
	{ ACT_BACK, NULL, N_("clear the search, or back to the list of reports") },
	{ ACT_NONE, NULL, NULL },
};

const struct screen_ops tui_rtab_ops = {
	.name = N_("Report"),
	.help = N_("The rows of the report, with subtotals and the total at the "
	    "bottom; the line under the title gives the parameters. Up, Down, "
	    "PgUp, PgDn, Home and End move; Left and Right choose the current "
	    "column (its title is marked) and scroll. The first column stays at "
	    "the left while the others scroll; a figure is never cut: a column "
	    "that does not fit whole waits for the next screen to the right (a > "
	    "at the right of the header says there are more).\n"
	    "F7 sorts by the current column, up, then down, then back as the "
	    "report gave them. Type to search: only the rows that contain what "
	    "you typed stay. Sorted or searched, subtotal rows are left out and "
	    "the total still covers every row.\n"
	    "Enter opens the record of the row (a room, a client) when the report "
	    "has one. F9 exports the report (.xlsx, CSV) or prints it: the same "
	    "rows as on screen, whatever the sort. F5 goes back to the "
	    "parameters; Esc goes back to the list of reports."),
	.leave = tab_leave,
	.draw = tab_draw,
	.action = tab_action,
	.text = tab_text,
	.cursor = tab_cursor,
	.bar = tab_bar,
	.notes = tab_notes,
};
