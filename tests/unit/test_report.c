/* wuye unit tests: report definitions, parameters, the read-only guard,
 * running into a callback sink, the list and report_write. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "wuye/date.h"
#include "wuye/mem.h"
#include "wuye/report.h"
#include "wuye/report_int.h"

/* Rows a callback sink received, as "D|a|12" (D data, S subtotal, T total). */
struct got {
	int n;
	char rows[64][256];
	int64_t drill[64];
	int64_t drill_id;
};

static int
collect(void *arg, enum sink_row_kind kind, const struct sink_cell *cells,
    size_t n, struct wy_err *e)
{
	struct got *g = arg;
	size_t i, len;
	char *p;

	(void)e;
	if (g->n >= 64)
		return WY_OK;
	g->drill[g->n] = g->drill_id;
	p = g->rows[g->n++];
	len = (size_t)snprintf(p, 256, "%c", kind == SINK_ROW_DATA ? 'D' :
	    kind == SINK_ROW_SUBTOTAL ? 'S' : 'T');
	for (i = 0; i < n && len < 250; i++) {
		if (cells[i].null)
			len += (size_t)snprintf(p + len, 256 - len, "|");
		else if (cells[i].s != NULL)
			len += (size_t)snprintf(p + len, 256 - len, "|%s", cells[i].s);
		else
			len += (size_t)snprintf(p + len, 256 - len, "|%lld",
			    (long long)cells[i].i);
	}
	return WY_OK;
}

/* Write <paths.data>/reports/NAME.ini. */
static void
put(struct fixture *fx, const char *name, const char *text)
{
	char rel[128];

	snprintf(rel, sizeof rel, "data/reports/%s.ini", name);
	fixture_file(fx, rel, text);
}

static void
setup_data(struct fixture *fx)
{
	fixture_sql(fx, "CREATE TABLE t (g TEXT, v INTEGER, m INTEGER, x REAL,"
	    " id INTEGER);"
	    "INSERT INTO t VALUES ('A', 1, 100, 1.5, 11), ('A', 2, 250, 2.5, 12),"
	    " ('B', 4, 1000, 0.5, 13), ('C', 8, 5, 0.25, 14);"
	    "INSERT INTO estates (code, name) VALUES ('E1', '祥和家园');");
}

/* Load name, run it with params into a callback sink. */
static int
run_cb(struct fixture *fx, const char *name, const char *const *params,
    size_t np, struct got *g, volatile sig_atomic_t *cancel, struct wy_err *e)
{
	struct report_watch w = { .cancel = cancel, .drill_id = &g->drill_id };
	struct sink_opts so = { .format = SINK_CALLBACK, .row_cb = collect,
	    .arg = g };
	struct report_args a;
	struct report *r;
	struct sink_col *cols;
	struct sink *k;
	size_t i, nc;
	long rows;
	int rc;

	memset(g, 0, sizeof *g);
	if ((rc = report_load(&fx->s, name, &r, e)) != WY_OK)
		return rc;
	report_args_init(&a, r);
	for (i = 0, rc = WY_OK; i < np && rc == WY_OK; i++)
		rc = report_args_set(r, &a, params[i], NULL, e);
	if (rc == WY_OK)
		rc = report_args_resolve(&fx->s, r, &a, e);
	if (rc == WY_OK) {
		cols = report_sink_cols(r, &nc);
		if ((rc = sink_open(&so, cols, nc, &k, e)) == WY_OK) {
			rc = report_run(&fx->s, r, &a, k, &w, &rows, e);
			sink_close(&k, rc == WY_OK, NULL);
		}
		free(cols);
	}
	report_args_free(&a);
	report_free(&r);
	return rc;
}

static const char full_def[] =
    "; a report using every key\n"
    "[report]\n"
    "title = Test values\n"
    "title.zh = 测试\n"
    "group = property\n"
    "pack = yes\n"
    "perm = charge.read\n"
    "order = 7\n"
    "drill = rooms\n"
    "drill_key = id\n"
    "group_by = g\n"
    "totals = yes\n"
    "sql = SELECT g, v, m, v * 1000 AS rate, v * 100 AS area, id \\\n"
    "      FROM t WHERE (:since IS NULL OR v >= :since) \\\n"
    "      AND (:estate IS NULL OR :estate = 'E1') ORDER BY g, v\n"
    "[param.since]\n"
    "type = integer\n"
    "label = Since\n"
    "label.zh = 起\n"
    "default = 0\n"
    "required = no\n"
    "[param.estate]\n"
    "type = estate\n"
    "label = Estate\n"
    "[col.g]\n"
    "title = Group\n"
    "title.zh = 组\n"
    "type = text\n"
    "width = 6\n"
    "total = none\n"
    "hidden = no\n"
    "[col.v]\n"
    "title = Value\n"
    "type = integer\n"
    "[col.m]\n"
    "title = Money\n"
    "type = money\n"
    "[col.rate]\n"
    "title = Rate\n"
    "type = percent\n"
    "total = ratio(v, m)\n"
    "[col.area]\n"
    "title = Area\n"
    "type = area\n"
    "total = sum\n"
    "[chart]\n"
    "type = bar\n"
    "title = Chart\n"
    "title.zh = 图\n"
    "category = g\n"
    "values = v, m\n";

START_TEST(test_load_every_key)
{
	struct fixture fx;
	struct wy_err e = { 0 };
	struct report *r;

	fixture_open(&fx);
	setup_data(&fx);
	put(&fx, "full", full_def);
	ck_assert_msg(report_load(&fx.s, "full", &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_str_eq(r->name, "full");
	ck_assert_str_eq(r->title, "Test values");
	ck_assert_str_eq(r->group, "property");
	ck_assert_int_eq(r->pack, 1);
	ck_assert_str_eq(r->perm, "charge.read");
	ck_assert_int_eq(r->order, 7);
	ck_assert_str_eq(r->drill, "rooms");
	ck_assert_int_eq(r->drill_col, 5);
	ck_assert_int_eq(r->group_col, 0);
	ck_assert_int_eq(r->totals, 1);
	ck_assert_int_eq(r->builtin, 0);
	ck_assert_ptr_nonnull(strstr(r->file, "data/reports/full.ini"));
	ck_assert_uint_eq(r->nparams, 2);
	ck_assert_str_eq(r->params[0].name, "since");
	ck_assert_int_eq(r->params[0].type, REPORT_P_INTEGER);
	ck_assert_str_eq(r->params[0].label, "Since");
	ck_assert_str_eq(r->params[0].def, "0");
	ck_assert_int_eq(r->params[0].required, 0);
	ck_assert_int_eq(r->params[1].type, REPORT_P_ESTATE);
	ck_assert_ptr_null(r->params[1].def);
	ck_assert_uint_eq(r->ncols, 6);
	ck_assert_str_eq(r->cols[0].title, "Group");
	ck_assert_int_eq(r->cols[0].width, 6);
	ck_assert_int_eq(r->cols[0].total, SINK_TOTAL_NONE);
	ck_assert_int_eq(r->cols[1].kind, SINK_COL_INT);
	ck_assert_int_eq(r->cols[1].total, SINK_TOTAL_SUM);
	ck_assert_int_eq(r->cols[2].kind, SINK_COL_MONEY);
	ck_assert_int_eq(r->cols[3].kind, SINK_COL_PERCENT);
	ck_assert_int_eq(r->cols[3].total, SINK_TOTAL_RATIO);
	ck_assert_int_eq(r->cols[3].num, 1);
	ck_assert_int_eq(r->cols[3].den, 2);
	ck_assert_int_eq(r->cols[4].kind, SINK_COL_FIXED);
	ck_assert_int_eq(r->cols[5].hidden, 1);	/* the drill key */
	ck_assert_int_eq(r->has_chart, 1);
	ck_assert_int_eq(r->chart.type, SINK_CHART_BAR);
	ck_assert_str_eq(r->chart.title, "Chart");
	ck_assert_int_eq(r->chart.category, 0);
	ck_assert_uint_eq(r->chart.nvalues, 2);
	ck_assert_int_eq(r->chart.values[1], 2);
	report_free(&r);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(report_load(&fx.s, "nosuch", &r, &e), WY_ENOTFOUND);
	ck_assert_int_eq(report_load(&fx.s, "", &r, &e), WY_ENOTFOUND);
	ck_assert_int_eq(report_load(&fx.s, "../x", &r, &e), WY_ENOTFOUND);
	ck_assert_int_eq(report_load(&fx.s, "报表", &r, &e), WY_ENOTFOUND);
	fixture_close(&fx);
}
END_TEST

/* A definition and the start of the message it must give. */
static const struct {
	const char *text, *msg;
} bad_defs[] = {
	{ "[report]\ntitle = x\nsql = SELECT 1 AS a\n[col.a]\n[foo]\nx = 1\n",
	  "bad.ini:5: [foo]: unknown section" },
	{ "[report]\ntitle = x\ncolour = red\nsql = SELECT 1 AS a\n[col.a]\n",
	  "bad.ini:3: [report] colour: unknown key" },
	{ "[report]\nsql = SELECT 1 AS a\n[col.a]\n",
	  "bad.ini:1: [report] title: missing" },
	{ "[report]\ntitle = x\n[col.a]\n", "bad.ini:1: [report] sql: missing" },
	{ "[report]\ntitle = x\ngroup = money\nsql = SELECT 1 AS a\n[col.a]\n",
	  "bad.ini:3: [report] group: 'money' is not one of charges, property" },
	{ "[report]\ntitle = x\npack = maybe\nsql = SELECT 1 AS a\n[col.a]\n",
	  "bad.ini:3: [report] pack: 'maybe' is not yes or no" },
	{ "[report]\ntitle = x\norder = -1\nsql = SELECT 1 AS a\n[col.a]\n",
	  "bad.ini:3: [report] order: '-1' is not a whole number" },
	{ "[report]\ntitle = x\nsql = SELECT 1 AS a\n[col.a]\ntype = percnt\n",
	  "bad.ini:5: [col.a] type: 'percnt' is not one of text, integer, money" },
	{ "[report]\ntitle = x\nsql = SELECT 1 AS a\n[col.a]\nwidth = wide\n",
	  "bad.ini:5: [col.a] width: 'wide' is not a whole number" },
	{ "[report]\ntitle = x\nsql = SELECT 1 AS a\n[col.a]\nhidden = yes\n",
	  "bad.ini:3: [report] sql: every column is hidden" },
	{ "[report]\ntitle = x\nsql = SELECT 1 AS a\n[col.a]\ntotal = avg\n",
	  "bad.ini:5: [col.a] total: 'avg' is not sum, none or ratio" },
	{ "[report]\ntitle = x\nsql = SELECT 'a' AS a\n[col.a]\ntotal = sum\n",
	  "bad.ini:5: [col.a] total: a text column cannot be summed" },
	{ "[report]\ntitle = x\nsql = SELECT 1 AS a\n[col.a]\ntype = percent\n"
	  "total = ratio(a, zz)\n",
	  "bad.ini:6: [col.a] total: the query returns no column 'zz'" },
	{ "[report]\ntitle = x\nsql = SELECT 1 AS a\n[col.a]\n[col.zzz]\n",
	  "bad.ini:5: [col.zzz]: the query returns no column 'zzz'" },
	{ "[report]\ntitle = x\nsql = SELECT 1 AS a, 2 AS b\n[col.a]\n",
	  "bad.ini:3: [report] sql: result column 'b' has no [col.b] section" },
	{ "[report]\ntitle = x\nsql = SELECT 1 AS a, 2 AS a\n[col.a]\n",
	  "bad.ini:3: [report] sql: two result columns are called 'a'" },
	{ "[report]\ntitle = x\nsql = SELECT 1 AS a\n[col.a]\ntype = integer\n"
	  "[chart]\ntype = pie\ncategory = a\nvalues = a, nope\n",
	  "bad.ini:9: [chart] values: the query returns no column 'nope'" },
	{ "[report]\ntitle = x\nsql = SELECT 1 AS a\n[col.a]\n[chart]\n"
	  "type = donut\n", "bad.ini:6: [chart] type: 'donut' is not one of" },
	{ "[report]\ntitle = x\nsql = SELECT 1 AS a\n[col.a]\n[chart]\n"
	  "type = pie\nvalues = a\n", "bad.ini:5: [chart] category: missing" },
	{ "[report]\ntitle = x\ndrill = rooms\nsql = SELECT 1 AS a\n[col.a]\n",
	  "bad.ini:3: [report] drill: drill needs drill_key" },
	{ "[report]\ntitle = x\ndrill = rooms\ndrill_key = id\nsql = SELECT 1 AS a\n"
	  "[col.a]\n", "bad.ini:4: [report] drill_key: the query returns no "
	  "column 'id'" },
	{ "[report]\ntitle = x\ndrill = nosuchform\ndrill_key = a\n"
	  "sql = SELECT 1 AS a\n[col.a]\n",
	  "bad.ini:3: [report] drill: there is no form 'nosuchform'" },
	{ "[report]\ntitle = x\ngroup_by = q\nsql = SELECT 1 AS a\n[col.a]\n",
	  "bad.ini:3: [report] group_by: the query returns no column 'q'" },
	{ "[report]\ntitle = x\nsql = SELECT :p AS a\n[col.a]\n",
	  "bad.ini:3: [report] sql: parameter :p has no [param.p] section" },
	{ "[report]\ntitle = x\nsql = SELECT ? AS a\n[col.a]\n",
	  "bad.ini:3: [report] sql: parameter ?: write parameters as :name" },
	{ "[report]\ntitle = x\nsql = SELECT 1 AS a\n[param.p]\ntype = text\n"
	  "[col.a]\n", "bad.ini:4: [param.p]: the sql does not use :p" },
	{ "[report]\ntitle = x\nsql = SELECT :p AS a\n[param.p]\ntype = num\n"
	  "[col.a]\n", "bad.ini:5: [param.p] type: 'num' is not one of period" },
	{ "[report]\ntitle = x\nsql = SELECT :p AS a\n[param.p]\n[col.a]\n",
	  "bad.ini:4: [param.p] type: missing" },
	{ "[report]\ntitle = x\nsql = SELECT :p AS a\n[param.p]\ntype = period\n"
	  "default = soon\n[col.a]\n", "bad.ini:6: [param.p] default: 'soon' is "
	  "not current, previous" },
	{ "[report]\ntitle = x\nsql = SELECT :p AS a\n[param.p]\ntype = date\n"
	  "default = 2026-02-30\n[col.a]\n", "bad.ini:6: [param.p] default:" },
	{ "[report]\ntitle = x\nsql = SELECT :p AS a\n[param.p]\ntype = text\n"
	  "flavour = x\n[col.a]\n", "bad.ini:6: [param.p] flavour: unknown key" },
	{ "[report]\ntitle = x\npack = yes\nsql = SELECT :p AS a\n[param.p]\n"
	  "type = text\nrequired = yes\n[col.a]\n",
	  "bad.ini:7: [param.p] required: a report in the month-end pack" },
	{ "[report]\ntitle = x\nsql = SELEKT 1 AS a\n[col.a]\n",
	  "bad.ini:3: [report] sql: near \"SELEKT\": syntax error" },
	{ "[report]\ntitle = x\nsql = SELECT 1 AS a FROM nosuch\n[col.a]\n",
	  "bad.ini:3: [report] sql: no such table: nosuch" },
	{ "[report]\ntitle = x\nsql = SELECT 'a#b' AS a\n[col.a]\n",
	  "bad.ini:3: [report] sql: unrecognized token: \"'a\" (a ';' or '#' "
	  "ends the value: put the whole sql in double quotes)" },
	{ "[report]\ntitle = x\nsql = SELECT 1 AS a\n[col.a]\n[sql]\nSELECT 2 AS a\n",
	  "bad.ini:3: [report] sql: the query is given twice" },
	{ "[report]\ntitle = x\n[col.a]\n[sql]\n\n", "bad.ini:4: [sql]: missing" },
	{ "[report]\ntitle = x\n[col.a]\n\n[sql]\nSELECT 1 AS a FROM nowhere\n",
	  "bad.ini:5: [sql]: no such table: nowhere" },
	{ "[col.a]\ntitle = x\n", "bad.ini: no [report] section" },
	{ "[report]\ntitle = x\nnot a key line\n", "bad.ini:3: syntax error" },
};

/* The query after [sql] is taken as written: longer than iniparser's
 * 1023-byte lines, with ';' and '#' in it, over many lines. */
START_TEST(test_load_sql_section)
{
	struct fixture fx;
	struct wy_err e = { 0 };
	struct report *r = NULL;
	char *text, pad[1400];
	struct got g;

	memset(pad, ' ', sizeof pad - 1);
	pad[sizeof pad - 1] = '\0';
	fixture_open(&fx);
	setup_data(&fx);
	text = xasprintf("[report]\ntitle = Long\n[col.g]\ntitle = G\n[col.n]\n"
	    "type = integer\n[sql]\n-- counts per group; '#' and ';' are fine\n"
	    "SELECT g,%s\n       count(*) AS n\n  FROM t WHERE g <> '#;'\n"
	    " GROUP BY g ORDER BY g;\n", pad);
	put(&fx, "long", text);
	free(text);
	ck_assert_msg(report_load(&fx.s, "long", &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_uint_eq(r->ncols, 2);
	ck_assert_ptr_nonnull(strstr(r->sql, "count(*) AS n"));
	report_free(&r);
	ck_assert_msg(run_cb(&fx, "long", NULL, 0, &g, NULL, &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_int_eq(g.n, 4);
	ck_assert_str_eq(g.rows[0], "D|A|2");
	ck_assert_str_eq(g.rows[3], "T|Total|4");
	fixture_close(&fx);
}
END_TEST

START_TEST(test_load_errors)
{
	struct fixture fx;
	struct wy_err e = { 0 };
	struct report *r = NULL;
	const char *where;

	fixture_open(&fx);
	put(&fx, "bad", bad_defs[_i].text);
	ck_assert_int_eq(report_load(&fx.s, "bad", &r, &e), WY_EINVALID);
	ck_assert_ptr_null(r);
	where = strstr(e.msg, "bad.ini");
	ck_assert_msg(where != NULL && strncmp(where, bad_defs[_i].msg,
	    strlen(bad_defs[_i].msg)) == 0, "case %d: wanted '%s', got '%s'",
	    _i, bad_defs[_i].msg, e.msg);
	fixture_close(&fx);
}
END_TEST

/* SQL the guard must refuse, and a word of the message. */
static const struct {
	const char *sql, *msg;
} guarded[] = {
	{ "INSERT INTO t (g) VALUES ('Z')", "INSERT is not allowed" },
	{ "UPDATE t SET v = 0", "UPDATE is not allowed" },
	{ "DELETE FROM t", "DELETE is not allowed" },
	{ "WITH x AS (SELECT 1) DELETE FROM t", "DELETE is not allowed" },
	{ "ATTACH 'other.db' AS o", "ATTACH is not allowed" },
	{ "PRAGMA user_version = 99", "PRAGMA is not allowed" },
	{ "PRAGMA journal_mode", "PRAGMA is not allowed" },
	{ "CREATE TABLE z (a)", "a schema change (CREATE, DROP, ALTER) is not" },
	{ "DROP TABLE t", "a schema change (CREATE, DROP, ALTER) is not" },
	{ "CREATE TEMP VIEW v AS SELECT 1", "is not allowed" },
	{ "BEGIN", "BEGIN/COMMIT is not allowed" },
	{ "\"SELECT 1 AS a; DELETE FROM t\"", "only one statement is allowed" },
	{ "\"SELECT 1 AS a; SELECT 2 AS a\"", "only one statement is allowed" },
	{ "SELECT load_extension('/tmp/x.so') AS a", "load_extension() is not allowed" },
	{ "SELECT * FROM pragma_table_info('t')", "is not allowed" },
};

START_TEST(test_guard)
{
	struct fixture fx;
	struct wy_err e = { 0 };
	struct report *r = NULL;
	int64_t n;
	char text[512];

	fixture_open(&fx);
	setup_data(&fx);
	snprintf(text, sizeof text, "[report]\ntitle = x\nsql = %s\n[col.a]\n",
	    guarded[_i].sql);
	put(&fx, "g", text);
	ck_assert_int_eq(report_load(&fx.s, "g", &r, &e), WY_EINVALID);
	ck_assert_msg(strstr(e.msg, guarded[_i].msg) != NULL, "%s: %s",
	    guarded[_i].sql, e.msg);
	ck_assert_ptr_nonnull(strstr(e.msg, "g.ini:3: [report] sql"));
	ck_assert_int_eq(db_int64(fx.db, &n, &e, "SELECT count(*) FROM t", ""), WY_OK);
	ck_assert_int_eq(n, 4);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_ro_connection)
{
	struct fixture fx;
	struct wy_err e = { 0 };
	struct report_ro *ro;
	sqlite3_stmt *st;
	char *err = NULL;

	fixture_open(&fx);
	setup_data(&fx);
	ck_assert_int_eq(report_ro_open(&fx.s, &ro, &e), WY_OK);
	/* Even without the authorizer the connection cannot write. */
	sqlite3_set_authorizer(ro->h, NULL, NULL);
	ck_assert_int_ne(sqlite3_exec(ro->h, "DELETE FROM t", NULL, NULL, &err),
	    SQLITE_OK);
	sqlite3_free(err);
	ck_assert_int_eq(report_ro_prepare(ro, "SELECT 1 -- a comment\n;",
	    "w", &st, &e), WY_OK);
	sqlite3_finalize(st);
	ck_assert_int_eq(report_ro_prepare(ro, "", "w", &st, &e), WY_EINVALID);
	ck_assert_ptr_null(st);
	report_ro_close(&ro);
	ck_assert_ptr_null(ro);
	fx.s.db = NULL;
	ck_assert_int_eq(report_ro_open(&fx.s, &ro, &e), WY_EFAIL);
	fx.s.db = fx.db;
	fixture_close(&fx);
}
END_TEST

START_TEST(test_args)
{
	static const char def[] =
	    "[report]\ntitle = Args\n"
	    "sql = SELECT :p1 AS a, :p2 AS b, :p3 AS c, :d1 AS d, :d2 AS e, \\\n"
	    "  :d3 AS f, :n AS g, :est AS h, :t AS i, :need AS j\n"
	    "[param.p1]\ntype = period\ndefault = current\n"
	    "[param.p2]\ntype = period\ndefault = previous\n"
	    "[param.p3]\ntype = period\ndefault = current-12\n"
	    "[param.d1]\ntype = date\ndefault = today\n"
	    "[param.d2]\ntype = date\ndefault = month_start\n"
	    "[param.d3]\ntype = date\ndefault = month_end\n"
	    "[param.n]\ntype = integer\ndefault = 5\n"
	    "[param.est]\ntype = estate\nlabel = Estate\n"
	    "[param.t]\ntype = text\n"
	    "[param.need]\ntype = period\nlabel = Needed\nrequired = yes\n"
	    "[col.a]\n[col.b]\n[col.c]\n[col.d]\n[col.e]\n[col.f]\n[col.g]\n"
	    "type = integer\n[col.h]\n[col.i]\n[col.j]\n";
	struct fixture fx;
	struct wy_err e = { 0 };
	struct report *r;
	struct report_args a;
	char buf[16], **lines;
	int per = period_of_date(date_today());

	fixture_open(&fx);
	setup_data(&fx);
	put(&fx, "args", def);
	ck_assert_msg(report_load(&fx.s, "args", &r, &e) == WY_OK, "%s", e.msg);
	report_args_init(&a, r);
	ck_assert_int_eq(report_args_resolve(&fx.s, r, &a, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "parameter need (Needed) is required");
	ck_assert_int_eq(report_args_set(r, &a, "need", "2026-1", &e), WY_OK);
	ck_assert_int_eq(report_args_resolve(&fx.s, r, &a, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "parameter need"));
	ck_assert_int_eq(report_args_set(r, &a, "need=2026-10", NULL, &e), WY_OK);
	ck_assert_int_eq(report_args_set(r, &a, "nosuch=1", NULL, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "report args has no parameter 'nosuch'");
	ck_assert_int_eq(report_args_set(r, &a, "novalue", NULL, &e), WY_EINVALID);
	ck_assert_msg(report_args_resolve(&fx.s, r, &a, &e) == WY_OK, "%s", e.msg);
	ck_assert_str_eq(a.bound[0], period_format(per, buf));
	ck_assert_str_eq(a.bound[1], period_format(per - 1, buf));
	ck_assert_str_eq(a.bound[2], period_format(per - 12, buf));
	ck_assert_str_eq(a.bound[3], date_format(date_today(), buf));
	ck_assert_str_eq(a.bound[4], date_format(period_first_day(per), buf));
	ck_assert_str_eq(a.bound[5], date_format(period_last_day(per), buf));
	ck_assert_str_eq(a.bound[6], "5");
	ck_assert_ptr_null(a.bound[7]);		/* optional, unset: NULL */
	ck_assert_ptr_null(a.bound[8]);
	ck_assert_str_eq(a.bound[9], "2026-10");
	lines = report_args_lines(r, &a);
	ck_assert_str_eq(lines[9], "Needed: 2026-10");
	ck_assert_str_eq(lines[7], "Estate: (all)");
	ck_assert_ptr_null(lines[10]);
	report_args_lines_free(lines);
	/* Codes are checked against the database. */
	ck_assert_int_eq(report_args_set(r, &a, "est", "ZZ", &e), WY_OK);
	ck_assert_int_eq(report_args_resolve(&fx.s, r, &a, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "parameter est: there is no estate 'ZZ'");
	ck_assert_int_eq(report_args_set(r, &a, "est", "E1", &e), WY_OK);
	ck_assert_int_eq(report_args_set(r, &a, "n", "5x", &e), WY_OK);
	ck_assert_int_eq(report_args_resolve(&fx.s, r, &a, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "parameter n: '5x' is not a whole number");
	ck_assert_int_eq(report_args_set(r, &a, "n", "", &e), WY_OK);
	ck_assert_int_eq(report_args_set(r, &a, "d1", "2026-02-29", &e), WY_OK);
	ck_assert_int_eq(report_args_resolve(&fx.s, r, &a, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "parameter d1"));
	ck_assert_int_eq(report_args_set(r, &a, "d1", "2028-02-29", &e), WY_OK);
	ck_assert_msg(report_args_resolve(&fx.s, r, &a, &e) == WY_OK, "%s", e.msg);
	ck_assert_ptr_null(a.bound[6]);		/* set empty: NULL, not 5 */
	ck_assert_str_eq(a.bound[7], "E1");
	report_args_free(&a);
	report_free(&r);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_binding_is_data)
{
	static const char *const params[] = {
	    "q=x' OR 1=1; DROP TABLE t; --",
	};
	static const char *const params2[] = { "q=收费 \"项目\" :q ?" };
	struct fixture fx;
	struct wy_err e = { 0 };
	struct got g;
	int64_t n;

	fixture_open(&fx);
	setup_data(&fx);
	put(&fx, "bind", "[report]\ntitle = b\n"
	    "sql = SELECT :q AS q, (SELECT count(*) FROM t WHERE g = :q) AS n\n"
	    "[param.q]\ntype = text\n[col.q]\n[col.n]\ntype = integer\n");
	ck_assert_msg(run_cb(&fx, "bind", params, 1, &g, NULL, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(g.n, 2);
	ck_assert_str_eq(g.rows[0], "D|x' OR 1=1; DROP TABLE t; --|0");
	ck_assert_str_eq(g.rows[1], "T|Total|0");
	ck_assert_msg(run_cb(&fx, "bind", params2, 1, &g, NULL, &e) == WY_OK, "%s", e.msg);
	ck_assert_str_eq(g.rows[0], "D|收费 \"项目\" :q ?|0");
	ck_assert_int_eq(db_int64(fx.db, &n, &e, "SELECT count(*) FROM t", ""), WY_OK);
	ck_assert_int_eq(n, 4);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_run_totals)
{
	static const char *const params[] = { "estate=E1" };
	struct fixture fx;
	struct wy_err e = { 0 };
	struct got g;

	fixture_open(&fx);
	setup_data(&fx);
	put(&fx, "full", full_def);
	ck_assert_msg(run_cb(&fx, "full", params, 1, &g, NULL, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(g.n, 8);
	ck_assert_str_eq(g.rows[0], "D|A|1|100|1000|100");
	ck_assert_int_eq(g.drill[0], 11);
	ck_assert_str_eq(g.rows[1], "D|A|2|250|2000|200");
	ck_assert_int_eq(g.drill[1], 12);
	ck_assert_str_eq(g.rows[2], "S|A subtotal|3|350|86|300");
	ck_assert_str_eq(g.rows[3], "D|B|4|1000|4000|400");
	ck_assert_int_eq(g.drill[3], 13);
	ck_assert_str_eq(g.rows[4], "S|B subtotal|4|1000|40|400");
	ck_assert_str_eq(g.rows[5], "D|C|8|5|8000|800");
	ck_assert_str_eq(g.rows[6], "S|C subtotal|8|5|16000|800");
	ck_assert_str_eq(g.rows[7], "T|Total|15|1355|111|1500");
	fixture_close(&fx);
}
END_TEST

START_TEST(test_run_no_rows_no_totals)
{
	static const char *const params[] = { "since=100" };
	struct fixture fx;
	struct wy_err e = { 0 };
	struct got g;

	fixture_open(&fx);
	setup_data(&fx);
	put(&fx, "full", full_def);
	ck_assert_msg(run_cb(&fx, "full", params, 1, &g, NULL, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(g.n, 0);
	put(&fx, "nt", "[report]\ntitle = n\ntotals = no\nsql = SELECT v FROM t "
	    "ORDER BY v\n[col.v]\ntype = integer\n");
	ck_assert_msg(run_cb(&fx, "nt", NULL, 0, &g, NULL, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(g.n, 4);
	ck_assert_str_eq(g.rows[3], "D|8");
	fixture_close(&fx);
}
END_TEST

START_TEST(test_run_real_refused)
{
	struct fixture fx;
	struct wy_err e = { 0 };
	struct got g;

	fixture_open(&fx);
	setup_data(&fx);
	put(&fx, "real", "[report]\ntitle = r\nsql = SELECT g, x * 100 AS m "
	    "FROM t ORDER BY v\n[col.g]\n[col.m]\ntype = money\n");
	ck_assert_int_eq(run_cb(&fx, "real", NULL, 0, &g, NULL, &e), WY_EINVALID);
	ck_assert_msg(strstr(e.msg, "row 1, column 'm': 150.0 is not a whole "
	    "number (money columns hold integers, in fen") != NULL, "%s", e.msg);
	put(&fx, "txt", "[report]\ntitle = r\nsql = SELECT 'x' || v AS n "
	    "FROM t ORDER BY v\n[col.n]\ntype = integer\n");
	ck_assert_int_eq(run_cb(&fx, "txt", NULL, 0, &g, NULL, &e), WY_EINVALID);
	ck_assert_msg(strstr(e.msg, "row 1, column 'n': 'x1' is not a number")
	    != NULL, "%s", e.msg);
	fixture_close(&fx);
}
END_TEST

static const char slow_def[] = "[report]\ntitle = slow\n"
    "sql = WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c \\\n"
    "  WHERE i < 2000000000) SELECT max(i) AS n FROM c\n"
    "[col.n]\ntype = integer\n";

START_TEST(test_run_cancel)
{
	static volatile sig_atomic_t cancel = 1;
	struct fixture fx;
	struct wy_err e = { 0 };
	struct got g;

	fixture_open(&fx);
	put(&fx, "slow", slow_def);
	ck_assert_int_eq(run_cb(&fx, "slow", NULL, 0, &g, &cancel, &e), WY_EFAIL);
	ck_assert_str_eq(e.msg, "report slow: interrupted");
	fixture_close(&fx);
}
END_TEST

START_TEST(test_run_timeout)
{
	struct fixture fx;
	struct wy_err e = { 0 };
	struct got g;
	int64_t t0 = report_now_ms();

	fixture_open(&fx);
	ck_assert_int_eq(conf_set(fx.conf, "report.timeout", "1", &e), WY_OK);
	put(&fx, "slow", slow_def);
	ck_assert_int_eq(run_cb(&fx, "slow", NULL, 0, &g, NULL, &e), WY_EFAIL);
	ck_assert_str_eq(e.msg, "report slow: stopped after 1 seconds (report.timeout)");
	ck_assert_int_lt(report_now_ms() - t0, 5000);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_permissions)
{
	struct fixture fx;
	struct wy_err e = { 0 };
	struct report_entry *list;
	struct report *r;
	size_t i, n;
	int seen = 0;

	fixture_open(&fx);
	setup_data(&fx);
	put(&fx, "full", full_def);
	put(&fx, "open", "[report]\ntitle = o\nsql = SELECT 1 AS a\n[col.a]\n");
	snprintf(fx.s.perms, sizeof fx.s.perms, "|report.read|");
	ck_assert_int_eq(report_load(&fx.s, "full", &r, &e), WY_EDENIED);
	ck_assert_int_eq(report_load(&fx.s, "open", &r, &e), WY_OK);
	report_free(&r);
	ck_assert_int_eq(report_list(&fx.s, &list, &n, &e), WY_OK);
	for (i = 0; i < n; i++) {
		ck_assert_str_ne(list[i].name, "full");
		seen += strcmp(list[i].name, "open") == 0;
	}
	ck_assert_int_eq(seen, 1);
	report_list_free(list, n);
	snprintf(fx.s.perms, sizeof fx.s.perms, "|charge.read|");
	ck_assert_int_eq(report_load(&fx.s, "open", &r, &e), WY_EDENIED);
	ck_assert_int_eq(report_list(&fx.s, &list, &n, &e), WY_EDENIED);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_list)
{
	struct fixture fx;
	struct wy_err e = { 0 };
	struct report_entry *list;
	size_t i, n;
	int ok = -1, broken = -1, badname = -1, pack = -1;

	fixture_open(&fx);
	setup_data(&fx);
	put(&fx, "aaa-ok", "[report]\ntitle = OK\ngroup = other\norder = 1\n"
	    "sql = SELECT 1 AS a\n[col.a]\n");
	put(&fx, "broken", "[report]\ntitle = x\nsql = SELECT 1 AS a\n[col.a]\n"
	    "type = percnt\n");
	put(&fx, "Bad Name", "[report]\ntitle = x\nsql = SELECT 1 AS a\n[col.a]\n");
	put(&fx, "month-end", "[report]\ntitle = x\nsql = SELECT 1 AS a\n[col.a]\n");
	fixture_file(&fx, "data/reports/notes.txt", "not a report");
	ck_assert_int_eq(report_list(&fx.s, &list, &n, &e), WY_OK);
	for (i = 0; i < n; i++) {
		if (strcmp(list[i].name, "aaa-ok") == 0)
			ok = (int)i;
		else if (strcmp(list[i].name, "broken") == 0)
			broken = (int)i;
		else if (strcmp(list[i].name, "Bad Name") == 0)
			badname = (int)i;
		else if (strcmp(list[i].name, "month-end") == 0)
			pack = (int)i;
		ck_assert_str_ne(list[i].name, "notes");
		ck_assert((list[i].report == NULL) != (list[i].error == NULL));
	}
	ck_assert_int_ge(ok, 0);
	ck_assert_int_eq(list[ok].builtin, 0);
	ck_assert_ptr_nonnull(list[ok].report);
	ck_assert_int_gt(broken, ok);		/* broken ones last */
	ck_assert_ptr_null(list[broken].report);
	ck_assert_ptr_nonnull(strstr(list[broken].error, "[col.a] type: 'percnt'"));
	ck_assert_ptr_nonnull(strstr(list[badname].error, "is not a report name"));
	ck_assert_ptr_nonnull(strstr(list[pack].error, "month-end pack"));
	report_list_free(list, n);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_write_file)
{
	static const char *const none[] = { NULL };
	static const char *const bad[] = { "period=2026-13" };
	struct fixture fx;
	struct wy_err e = { 0 };
	struct sink_opts so = { .format = SINK_CSV };
	char path[256], line[256];
	long rows;
	FILE *f;

	fixture_open(&fx);
	setup_data(&fx);
	put(&fx, "full", full_def);
	put(&fx, "real", "[report]\ntitle = r\nsql = SELECT g, x * 100 AS m "
	    "FROM t ORDER BY v DESC\n[col.g]\n[col.m]\ntype = money\n");
	snprintf(path, sizeof path, "%s/out.csv", fx.dir);
	so.path = path;
	ck_assert_msg(report_write(&fx.s, "full", none, 0, &so, NULL, &rows,
	    &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(rows, 4);
	ck_assert_ptr_nonnull(f = fopen(path, "r"));
	ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
	ck_assert_str_eq(line, "Group,Value,Money,Rate,Area\r\n");
	fclose(f);
	unlink(path);
	ck_assert_int_eq(report_write(&fx.s, "real", none, 0, &so, NULL, &rows,
	    &e), WY_EINVALID);
	ck_assert_int_eq(access(path, F_OK), -1);	/* nothing left */
	ck_assert_int_eq(report_write(&fx.s, "nosuch", none, 0, &so, NULL,
	    &rows, &e), WY_ENOTFOUND);
	ck_assert_int_eq(report_write(&fx.s, "full", (const char *const[]){
	    "since=x" }, 1, &so, NULL, &rows, &e), WY_EINVALID);
	ck_assert_int_eq(access(path, F_OK), -1);
	/* The pack: .xlsx only, period required, nothing else. */
	ck_assert_int_eq(report_write(&fx.s, "month-end", bad, 1, &so, NULL,
	    &rows, &e), WY_EUSAGE);
	so.format = SINK_XLSX;
	snprintf(path, sizeof path, "%s/pack.xlsx", fx.dir);
	ck_assert_int_eq(report_write(&fx.s, "month-end", none, 0, &so, NULL,
	    &rows, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "period=YYYY-MM"));
	ck_assert_int_eq(report_write(&fx.s, "month-end", (const char *const[]){
	    "since=1" }, 1, &so, NULL, &rows, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "only period, estate and building"));
	ck_assert_int_eq(access(path, F_OK), -1);
	fixture_close(&fx);
}
END_TEST

Suite *
report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc;

	tc = tcase_create("report_load");
	tcase_add_test(tc, test_load_every_key);
	tcase_add_test(tc, test_load_sql_section);
	tcase_add_loop_test(tc, test_load_errors, 0,
	    (int)(sizeof bad_defs / sizeof bad_defs[0]));
	suite_add_tcase(s, tc);
	tc = tcase_create("guard");
	tcase_add_loop_test(tc, test_guard, 0,
	    (int)(sizeof guarded / sizeof guarded[0]));
	tcase_add_test(tc, test_ro_connection);
	suite_add_tcase(s, tc);
	tc = tcase_create("report_args");
	tcase_add_test(tc, test_args);
	tcase_add_test(tc, test_binding_is_data);
	suite_add_tcase(s, tc);
	tc = tcase_create("report_run");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_run_totals);
	tcase_add_test(tc, test_run_no_rows_no_totals);
	tcase_add_test(tc, test_run_real_refused);
	tcase_add_test(tc, test_run_cancel);
	tcase_add_test(tc, test_run_timeout);
	suite_add_tcase(s, tc);
	tc = tcase_create("report_list");
	tcase_add_test(tc, test_permissions);
	tcase_add_test(tc, test_list);
	suite_add_tcase(s, tc);
	tc = tcase_create("report_write");
	tcase_add_test(tc, test_write_file);
	suite_add_tcase(s, tc);
	return s;
}
