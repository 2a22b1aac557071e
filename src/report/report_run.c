/* wuye: running a report into a sink, and the month-end pack.
 *
 * The rows go to the sink in the SQL's order; the numeric kinds must be
 * INTEGER values (money is fen: a REAL there is an error naming the row
 * and column, never rounded).  When the group_by column's text changes a
 * subtotal row is written; a total row ends the table, then the chart.
 * The month-end pack is every report with pack = yes, by order, each on
 * its own sheet of one workbook, after the summary.
 */
#include "wuye/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "wuye/conf.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/report_int.h"

/* The sink index of r's column ci, or -1 if hidden. */
static int
visible_index(const struct report *r, int ci)
{
	int i, n = 0;

	if (ci < 0 || (size_t)ci >= r->ncols || r->cols[ci].hidden)
		return -1;
	for (i = 0; i < ci; i++)
		n += !r->cols[i].hidden;
	return n;
}

struct sink_col *
report_sink_cols(const struct report *r, size_t *n)
{
	struct sink_col *cols = xcalloc(r->ncols + 1, sizeof *cols);
	const struct report_column *c;
	size_t i;

	*n = 0;
	for (i = 0; i < r->ncols; i++) {
		c = &r->cols[i];
		if (c->hidden)
			continue;
		cols[*n] = (struct sink_col){
			.title = c->title,
			.kind = c->kind,
			.scale = c->scale,
			.width = c->width,
			.total = c->total,
			.num = visible_index(r, c->num),
			.den = visible_index(r, c->den),
		};
		(*n)++;
	}
	return cols;
}

/* The sink column for a subtotal or total label: the group column when
 * visible, else the first visible column without a total, else 0. */
static int
label_col(const struct report *r, int group)
{
	size_t i;
	int v;

	if (group && (v = visible_index(r, r->group_col)) >= 0)
		return v;
	for (i = 0; i < r->ncols; i++)
		if (!r->cols[i].hidden && r->cols[i].total == SINK_TOTAL_NONE)
			return visible_index(r, (int)i);
	return 0;
}

/* Bind the resolved arguments to the statement's :name parameters. */
static int
bind_args(const struct report *r, const struct report_args *a,
    sqlite3_stmt *st, struct wy_err *e)
{
	const char *name;
	size_t j;
	int i, n = sqlite3_bind_parameter_count(st), rc;

	for (i = 1; i <= n; i++) {
		name = sqlite3_bind_parameter_name(st, i);
		for (j = 0; name != NULL && j < r->nparams; j++)
			if (strcasecmp(r->params[j].name, name + 1) == 0)
				break;
		if (name == NULL || j == r->nparams)
			return wy_fail(e, WY_EINVALID, _("report %s: parameter %s "
			    "is not declared"), r->name, name ? name : "?");
		if (j >= a->n || a->bound[j] == NULL)
			rc = sqlite3_bind_null(st, i);
		else if (r->params[j].type == REPORT_P_INTEGER)
			rc = sqlite3_bind_int64(st, i, strtoll(a->bound[j], NULL, 10));
		else
			rc = sqlite3_bind_text(st, i, a->bound[j], -1, SQLITE_TRANSIENT);
		if (rc != SQLITE_OK)
			return wy_fail(e, WY_EFAIL, _("report %s: cannot bind %s"),
			    r->name, name);
	}
	return WY_OK;
}

/* Fill cell v from result column ci of r for row number row. */
static int
get_cell(const struct report *r, sqlite3_stmt *st, int ci, long row,
    struct sink_cell *v, struct wy_err *e)
{
	const struct report_column *c = &r->cols[ci];
	int t = sqlite3_column_type(st, ci);

	*v = (struct sink_cell){ .null = t == SQLITE_NULL };
	if (t == SQLITE_NULL)
		return WY_OK;
	if (c->kind == SINK_COL_TEXT || c->kind == SINK_COL_DATE) {
		v->s = (const char *)sqlite3_column_text(st, ci);
		return WY_OK;
	}
	if (t == SQLITE_INTEGER) {
		v->i = sqlite3_column_int64(st, ci);
		return WY_OK;
	}
	if (t == SQLITE_FLOAT)
		return wy_fail(e, WY_EINVALID, _("%s: row %ld, column '%s': %s "
		    "is not a whole number (%s columns hold integers%s; use "
		    "integer arithmetic in the SQL)"), r->file, row, c->name,
		    (const char *)sqlite3_column_text(st, ci),
		    c->kind == SINK_COL_MONEY ? "money" :
		    c->kind == SINK_COL_PERCENT ? "percent" :
		    c->kind == SINK_COL_FIXED ? (c->scale == 3 ? "qty" : "area") :
		    "integer",
		    c->kind == SINK_COL_MONEY ? _(", in fen") : "");
	return wy_fail(e, WY_EINVALID, _("%s: row %ld, column '%s': '%s' is "
	    "not a number"), r->file, row, c->name,
	    (const char *)sqlite3_column_text(st, ci));
}

/* The program's own code lists, for codes that have no category list in
 * the database (a column's labels = LIST names one of these or a list of
 * the categories table). */
static const struct {
	const char *list, *code, *name;
} code_names[] = {
	{ "receipt_kind", "payment", N_("Payment") },
	{ "receipt_kind", "deposit", N_("Deposit") },
	{ "receipt_kind", "deposit_refund", N_("Deposit refund") },
	{ "receipt_kind", "refund", N_("Refund") },
	{ "receipt_state", "live", N_("Valid") },
	{ "receipt_state", "void", N_("Void") },
	{ "meter_type", "water", N_("Water") },
	{ "meter_type", "electricity", N_("Electricity") },
	{ "meter_type", "gas", N_("Gas") },
	{ "client_kind", "person", N_("Person") },
	{ "client_kind", "company", N_("Company") },
};

/* The name of code in list, in the user's language: from code_names, else
 * from the categories table (st: list, code -> name_en, name_zh); the code
 * itself when it has none.  Returns a malloc'd string. */
static char *
code_name(sqlite3_stmt *st, const char *list, const char *code)
{
	const unsigned char *v;
	char *name = NULL;
	size_t i;

	for (i = 0; i < sizeof code_names / sizeof code_names[0]; i++)
		if (strcmp(code_names[i].list, list) == 0 &&
		    strcmp(code_names[i].code, code) == 0)
			return xstrdup(_(code_names[i].name));
	if (st != NULL) {
		sqlite3_reset(st);
		if (sqlite3_bind_text(st, 1, list, -1, SQLITE_STATIC) == SQLITE_OK &&
		    sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW &&
		    (v = sqlite3_column_text(st, report_chinese() ? 1 : 0)) != NULL &&
		    *v != '\0')
			name = xstrdup((const char *)v);
		sqlite3_reset(st);
	}
	return name != NULL ? name : xstrdup(code);
}

/* Write the subtotal of the group whose value is label. */
static int
subtotal(struct sink *k, const struct report *r, const char *value,
    struct wy_err *e)
{
	char *label = xasprintf(_("%s subtotal"), value != NULL ? value :
	    _("(none)"));
	int rc = sink_subtotal(k, label_col(r, 1), label, e);

	free(label);
	return rc;
}

/* The message of a stopped statement. */
static int
stopped(const struct report *r, const struct report_ro *ro, long timeout,
    struct wy_err *e)
{
	if (ro->stopped == 1)
		return wy_fail(e, WY_EFAIL, _("report %s: stopped after %ld "
		    "seconds (report.timeout)"), r->name, timeout);
	return wy_fail(e, WY_EFAIL, _("report %s: interrupted"), r->name);
}

/* Step through the rows into k. */
static int
run_rows(const struct report *r, struct report_ro *ro, sqlite3_stmt *st,
    struct sink *k, const struct report_watch *w, long timeout, long *rows,
    struct wy_err *e)
{
	struct sink_cell *cells = xcalloc(r->ncols + 1, sizeof *cells);
	char **names = xcalloc(r->ncols + 1, sizeof *names);
	sqlite3_stmt *cat = NULL;
	const char *g;
	char *prev = NULL;
	size_t i, n;
	int rc = WY_OK, step;

	for (i = 0; i < r->ncols; i++)
		if (r->cols[i].labels != NULL && cat == NULL &&
		    sqlite3_prepare_v2(ro->h, "SELECT name_en, name_zh FROM "
		    "categories WHERE list = ?1 AND code = ?2", -1, &cat,
		    NULL) != SQLITE_OK)
			cat = NULL;	/* no such table: the codes stay */
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (r->group_col >= 0) {
			g = (const char *)sqlite3_column_text(st, r->group_col);
			if (*rows > 0 && ((g == NULL) != (prev == NULL) ||
			    (g != NULL && strcmp(g, prev) != 0)) &&
			    (rc = subtotal(k, r, prev, e)) != WY_OK)
				break;
			free(prev);
			prev = xstrdup(g);
		}
		for (i = 0, n = 0; i < r->ncols && rc == WY_OK; i++) {
			if (r->cols[i].hidden)
				continue;
			rc = get_cell(r, st, (int)i, *rows + 1, &cells[n], e);
			free(names[n]);
			names[n] = NULL;
			if (rc == WY_OK && r->cols[i].labels != NULL && !cells[n].null &&
			    cells[n].s != NULL)
				cells[n].s = names[n] = code_name(cat,
				    r->cols[i].labels, cells[n].s);
			n++;
		}
		if (rc != WY_OK)
			break;
		if (w != NULL && w->drill_id != NULL)
			*w->drill_id = r->drill_col >= 0 ?
			    sqlite3_column_int64(st, r->drill_col) : 0;
		if ((rc = sink_row(k, cells, e)) != WY_OK)
			break;
		if (++*rows % 1000 == 0 && w != NULL && w->progress != NULL &&
		    w->progress(w->arg, *rows) != 0) {
			rc = wy_fail(e, WY_EFAIL, _("report %s: interrupted"),
			    r->name);
			break;
		}
	}
	if (rc == WY_OK && step != SQLITE_DONE) {
		if (ro->stopped)
			rc = stopped(r, ro, timeout, e);
		else
			rc = wy_fail(e, WY_EFAIL, "report %s: %s", r->name,
			    sqlite3_errmsg(ro->h));
	}
	if (rc == WY_OK && r->group_col >= 0 && *rows > 0)
		rc = subtotal(k, r, prev, e);
	free(prev);
	free(cells);
	for (i = 0; i < r->ncols; i++)
		free(names[i]);
	free(names);
	sqlite3_finalize(cat);
	return rc;
}

int
report_run(struct session *s, const struct report *r,
    const struct report_args *a, struct sink *k,
    const struct report_watch *w, long *rows, struct wy_err *e)
{
	struct report_ro *ro;
	sqlite3_stmt *st = NULL;
	struct sink_chart chart;
	int *values;
	char where[256];
	long n = 0, timeout;
	size_t i;
	int rc;

	if (rows != NULL)
		*rows = 0;
	if ((rc = report_ro_open(s, &ro, e)) != WY_OK)
		return rc;
	timeout = s->conf != NULL ? conf_int(s->conf, "report.timeout") : 60;
	snprintf(where, sizeof where, "%s: [report] sql", r->file);
	if ((rc = report_ro_prepare(ro, r->sql, where, &st, e)) != WY_OK)
		goto out;
	if ((size_t)sqlite3_column_count(st) != r->ncols) {
		rc = wy_fail(e, WY_EINVALID, _("report %s: the query's columns "
		    "changed since it was loaded"), r->name);
		goto out;
	}
	if ((rc = bind_args(r, a, st, e)) != WY_OK)
		goto out;
	ro->cancel = w != NULL ? w->cancel : NULL;
	ro->deadline_ms = report_now_ms() + timeout * 1000;
	rc = run_rows(r, ro, st, k, w, timeout, &n, e);
	if (rc == WY_OK && r->totals && n > 0)
		rc = sink_total(k, label_col(r, 0), _("Total"), e);
	if (rc == WY_OK && r->has_chart && n > 0) {
		chart = r->chart;
		values = xcalloc(chart.nvalues + 1, sizeof *values);
		for (i = 0; i < chart.nvalues; i++)
			values[i] = visible_index(r, chart.values[i]);
		chart.values = values;
		chart.category = visible_index(r, chart.category);
		rc = sink_chart(k, &chart, e);
		free(values);
	}
out:
	if (rows != NULL)
		*rows = n;
	sqlite3_finalize(st);
	report_ro_close(&ro);
	return rc;
}
