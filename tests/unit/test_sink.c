/* wuye: unit tests for the table sink (sink.c, sink_xlsx.c): every format
 * on one small table with subtotals, totals and ratio totals (a zero
 * denominator, NULL cells, CJK text), callback rows, several tables, sheet
 * names, errors and files left behind.  The .xlsx files are read back by
 * tools/xlsx-dump.py (python3-openpyxl); without python3 those tests are
 * left out with a message. */
#include <check.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wuye/sink.h"
#include "wuye/sink_int.h"
#include "wuye/utf8.h"

#define NCOLS 7

static const struct sink_col cols[NCOLS] = {
	{ .title = "Building", .kind = SINK_COL_TEXT },
	{ .title = "房间", .kind = SINK_COL_TEXT },
	{ .title = "Due", .kind = SINK_COL_MONEY, .total = SINK_TOTAL_SUM },
	{ .title = "Paid", .kind = SINK_COL_MONEY, .total = SINK_TOTAL_SUM },
	{ .title = "Rate", .kind = SINK_COL_PERCENT, .scale = 2,
	    .total = SINK_TOTAL_RATIO, .num = 3, .den = 2 },
	{ .title = "Area", .kind = SINK_COL_FIXED, .scale = 2,
	    .total = SINK_TOTAL_SUM },
	{ .title = "Date", .kind = SINK_COL_DATE },
};

#define T(x) { .s = x }
#define I(x) { .i = x }
#define NUL { .null = 1 }

static const struct sink_cell rows[3][NCOLS] = {
	{ T("A1"), T("101"), I(120000), I(60000), I(5000), I(8950), T("2026-10-01") },
	{ T("A1"), T("1-102, 东"), I(33333), NUL, NUL, NUL, NUL },
	{ T("B2"), T("201"), I(0), I(0), NUL, I(10000), T("2026-10-31") },
};

static const char *const params[] = { "Period: 2026-10", "小区: 阳光花园", NULL };

static char dir[64];

/* A fresh temporary folder for the test's files. */
static void
setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/wuye-sink-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* Remove the folder and whatever is in it. */
static void
teardown(void)
{
	struct dirent *d;
	char path[384];
	DIR *dp;

	if ((dp = opendir(dir)) != NULL) {
		while ((d = readdir(dp)) != NULL) {
			if (d->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s", dir, d->d_name);
			unlink(path);
		}
		closedir(dp);
	}
	rmdir(dir);
}

/* DIR/name (static buffer). */
static const char *
file(const char *name)
{
	static char path[128];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

/* Number of entries in the folder. */
static int
nfiles(void)
{
	struct dirent *d;
	DIR *dp = opendir(dir);
	int n = 0;

	ck_assert_ptr_nonnull(dp);
	while ((d = readdir(dp)) != NULL)
		n += d->d_name[0] != '.';
	closedir(dp);
	return n;
}

/* The whole of a file (static buffer). */
static const char *
slurp(const char *path)
{
	static char buf[16384];
	FILE *f = fopen(path, "rb");
	size_t n;

	ck_assert_msg(f != NULL, "cannot read %s", path);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Write the sample table (two groups, a total) in a format; 0 or the
 * failing status. */
static int
write_sample(enum sink_format fmt, const char *path, struct wy_err *e)
{
	struct sink_opts o = { .path = path, .format = fmt, .title = "收费汇总",
	    .params = params, .sheet = "Fees" };
	struct sink *k;
	int rc;

	if ((rc = sink_open(&o, cols, NCOLS, &k, e)) != WY_OK)
		return rc;
	if ((rc = sink_row(k, rows[0], e)) != WY_OK ||
	    (rc = sink_row(k, rows[1], e)) != WY_OK ||
	    (rc = sink_subtotal(k, 0, "A1 小计", e)) != WY_OK ||
	    (rc = sink_row(k, rows[2], e)) != WY_OK ||
	    (rc = sink_subtotal(k, 0, "B2 小计", e)) != WY_OK ||
	    (rc = sink_total(k, 0, "合计", e)) != WY_OK) {
		sink_close(&k, 0, NULL);
		return rc;
	}
	return sink_close(&k, 1, e);
}

START_TEST(test_format_parse)
{
	ck_assert_int_eq(sink_format_parse(NULL, NULL), -1);
	ck_assert_int_eq(sink_format_parse(NULL, ""), -1);
	ck_assert_int_eq(sink_format_parse(NULL, "noext"), -1);
	ck_assert_int_eq(sink_format_parse("", NULL), -1);
	ck_assert_int_eq(sink_format_parse("xls", NULL), -1);
	ck_assert_int_eq(sink_format_parse("CSV", NULL), -1);
	ck_assert_int_eq(sink_format_parse("csv", NULL), SINK_CSV);
	ck_assert_int_eq(sink_format_parse("tsv", NULL), SINK_TSV);
	ck_assert_int_eq(sink_format_parse("xlsx", NULL), SINK_XLSX);
	ck_assert_int_eq(sink_format_parse("txt", NULL), SINK_TEXT);
	ck_assert_int_eq(sink_format_parse("text", NULL), SINK_TEXT);
	ck_assert_int_eq(sink_format_parse(NULL, "/tmp/报表.xlsx"), SINK_XLSX);
	ck_assert_int_eq(sink_format_parse(NULL, "a.b/out.csv"), SINK_CSV);
	ck_assert_int_eq(sink_format_parse(NULL, "out.tsv"), SINK_TSV);
	ck_assert_int_eq(sink_format_parse(NULL, "out.txt"), SINK_TEXT);
	/* The name wins over the path. */
	ck_assert_int_eq(sink_format_parse("csv", "out.xlsx"), SINK_CSV);
}
END_TEST

START_TEST(test_open_errors)
{
	struct sink_col many[SINK_MAX_COLS + 1] = { 0 };
	struct sink_col bad[2] = { { .title = "Name", .kind = SINK_COL_TEXT,
	    .total = SINK_TOTAL_SUM }, { .title = "N", .kind = SINK_COL_INT } };
	struct sink_opts o = { .path = file("x.csv"), .format = SINK_CSV };
	struct sink *k = (struct sink *)1;
	struct wy_err e = { 0 };

	ck_assert_int_eq(sink_open(&o, cols, 0, &k, &e), WY_EINVALID);
	ck_assert_ptr_null(k);
	ck_assert_str_eq(e.msg, "a table needs 1 to 256 columns");
	ck_assert_int_eq(sink_open(&o, NULL, 3, &k, &e), WY_EINVALID);
	ck_assert_int_eq(sink_open(&o, many, SINK_MAX_COLS + 1, &k, &e), WY_EINVALID);
	ck_assert_int_eq(sink_open(&o, bad, 2, &k, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "column 'Name': a text or date column has no sum");
	bad[0] = (struct sink_col){ .title = "率", .kind = SINK_COL_PERCENT,
	    .total = SINK_TOTAL_RATIO, .num = 1, .den = 2 };
	ck_assert_int_eq(sink_open(&o, bad, 2, &k, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "column '率': a ratio is a number column over two number columns of the table");
	bad[0].den = 0;
	bad[1].kind = SINK_COL_TEXT;
	ck_assert_int_eq(sink_open(&o, bad, 2, &k, &e), WY_EINVALID);
	bad[0].kind = SINK_COL_TEXT;
	bad[0].num = bad[0].den = 0;
	ck_assert_int_eq(sink_open(&o, bad, 1, &k, &e), WY_EINVALID);
	bad[0].kind = (enum sink_kind)99;
	bad[0].total = SINK_TOTAL_NONE;
	ck_assert_int_eq(sink_open(&o, bad, 1, &k, &e), WY_EINVALID);
	ck_assert_int_eq(nfiles(), 0);

	o.format = (enum sink_format)42;
	ck_assert_int_eq(sink_open(&o, cols, NCOLS, &k, &e), WY_EUSAGE);
	o.format = SINK_CALLBACK;
	ck_assert_int_eq(sink_open(&o, cols, NCOLS, &k, &e), WY_EUSAGE);
	ck_assert_str_eq(e.msg, "a callback table needs a row function");
	o = (struct sink_opts){ .format = SINK_XLSX };
	ck_assert_int_eq(sink_open(&o, cols, NCOLS, &k, &e), WY_EUSAGE);
	o.path = "-";
	ck_assert_int_eq(sink_open(&o, cols, NCOLS, &k, &e), WY_EUSAGE);
	ck_assert_ptr_null(strstr(e.msg, "(null)"));
	ck_assert_int_eq(nfiles(), 0);
}
END_TEST

START_TEST(test_open_unwritable)
{
	static const enum sink_format fmts[] = { SINK_CSV, SINK_TSV, SINK_TEXT,
	    SINK_XLSX };
	struct sink_opts o = { 0 };
	struct wy_err e = { 0 };
	struct sink *k;
	char path[128];
	size_t i;

	snprintf(path, sizeof path, "%s/no/such/dir/out", dir);
	o.path = path;
	for (i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
		o.format = fmts[i];
		ck_assert_int_eq(sink_open(&o, cols, NCOLS, &k, &e), WY_EFAIL);
		ck_assert_ptr_null(k);
		ck_assert_ptr_nonnull(strstr(e.msg, path));
		ck_assert_ptr_nonnull(strstr(e.msg, "cannot write"));
	}
	ck_assert_int_eq(nfiles(), 0);
	/* The target is a folder: the last step fails, no file is left. */
	ck_assert_int_eq(mkdir(file("sub"), 0700), 0);
	ck_assert_int_eq(write_sample(SINK_CSV, file("sub"), &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "cannot write"));
	ck_assert_int_eq(write_sample(SINK_XLSX, file("sub"), &e), WY_EFAIL);
	ck_assert_int_eq(nfiles(), 1);
	rmdir(file("sub"));
}
END_TEST

START_TEST(test_csv)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(write_sample(SINK_CSV, file("t.csv"), &e), WY_OK);
	ck_assert_str_eq(slurp(file("t.csv")),
	    "Building,房间,Due,Paid,Rate,Area,Date\r\n"
	    "A1,101,1200.00,600.00,50.00%,89.50,2026-10-01\r\n"
	    "A1,\"1-102, 东\",333.33,,,,\r\n"
	    "A1 小计,,1533.33,600.00,39.13%,89.50,\r\n"
	    "B2,201,0.00,0.00,,100.00,2026-10-31\r\n"
	    "B2 小计,,0.00,0.00,,100.00,\r\n"
	    "合计,,1533.33,600.00,39.13%,189.50,\r\n");
	ck_assert_int_eq(nfiles(), 1);
}
END_TEST

START_TEST(test_csv_bom_quoting)
{
	static const struct sink_col c2[] = {
		{ .title = "a", .kind = SINK_COL_TEXT },
		{ .title = "b,c", .kind = SINK_COL_TEXT },
	};
	struct sink_cell r[][2] = {
		{ T(" lead"), T("say \"hi\"") },
		{ T(""), T("two\nlines") },
		{ NUL, { .s = NULL } },
	};
	struct sink_opts o = { .path = file("q.csv"), .format = SINK_CSV, .bom = 1 };
	struct wy_err e = { 0 };
	struct sink *k;
	size_t i;

	ck_assert_int_eq(sink_open(&o, c2, 2, &k, &e), WY_OK);
	for (i = 0; i < 3; i++)
		ck_assert_int_eq(sink_row(k, r[i], &e), WY_OK);
	ck_assert_int_eq(sink_close(&k, 1, &e), WY_OK);
	ck_assert_ptr_null(k);
	ck_assert_str_eq(slurp(file("q.csv")),
	    "\xef\xbb\xbf" "a,\"b,c\"\r\n"
	    "\" lead\",\"say \"\"hi\"\"\"\r\n"
	    ",\"two\nlines\"\r\n"
	    ",\r\n");
	/* A BOM is for CSV only. */
	o = (struct sink_opts){ .path = file("q.tsv"), .format = SINK_TSV, .bom = 1 };
	ck_assert_int_eq(sink_open(&o, c2, 2, &k, &e), WY_OK);
	ck_assert_int_eq(sink_row(k, r[1], &e), WY_OK);
	ck_assert_int_eq(sink_close(&k, 1, &e), WY_OK);
	ck_assert_str_eq(slurp(file("q.tsv")), "a\tb,c\n\ttwo lines\n");
}
END_TEST

START_TEST(test_tsv)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(write_sample(SINK_TSV, file("t.tsv"), &e), WY_OK);
	ck_assert_str_eq(slurp(file("t.tsv")),
	    "Building\t房间\tDue\tPaid\tRate\tArea\tDate\n"
	    "A1\t101\t1200.00\t600.00\t50.00%\t89.50\t2026-10-01\n"
	    "A1\t1-102, 东\t333.33\t\t\t\t\n"
	    "A1 小计\t\t1533.33\t600.00\t39.13%\t89.50\t\n"
	    "B2\t201\t0.00\t0.00\t\t100.00\t2026-10-31\n"
	    "B2 小计\t\t0.00\t0.00\t\t100.00\t\n"
	    "合计\t\t1533.33\t600.00\t39.13%\t189.50\t\n");
}
END_TEST

START_TEST(test_text)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(write_sample(SINK_TEXT, file("t.txt"), &e), WY_OK);
	ck_assert_str_eq(slurp(file("t.txt")),
	    "收费汇总\n"
	    "Period: 2026-10\n"
	    "小区: 阳光花园\n"
	    "\n"
	    "Building  房间           Due    Paid    Rate    Area  Date\n"
	    "--------  ---------  -------  ------  ------  ------  ----------\n"
	    "A1        101        1200.00  600.00  50.00%   89.50  2026-10-01\n"
	    "A1        1-102, 东   333.33\n"
	    "--------  ---------  -------  ------  ------  ------  ----------\n"
	    "A1 小计              1533.33  600.00  39.13%   89.50\n"
	    "\n"
	    "B2        201           0.00    0.00          100.00  2026-10-31\n"
	    "--------  ---------  -------  ------  ------  ------  ----------\n"
	    "B2 小计                 0.00    0.00          100.00\n"
	    "========  =========  =======  ======  ======  ======  ==========\n"
	    "合计                 1533.33  600.00  39.13%  189.50\n");
}
END_TEST

/* Every line of s is at most width columns wide; the number of lines. */
static int
check_lines(const char *s, int width)
{
	char line[1024];
	const char *nl;
	int n = 0;

	for (; *s != '\0'; s = nl + 1, n++) {
		nl = strchr(s, '\n');
		ck_assert_ptr_nonnull(nl);
		ck_assert_uint_lt((size_t)(nl - s), sizeof line);
		memcpy(line, s, (size_t)(nl - s));
		line[nl - s] = '\0';
		ck_assert_msg(utf8_width(line) <= width, "too wide: '%s'", line);
	}
	return n;
}

START_TEST(test_text_fits_80)
{
	static const struct sink_col wide[] = {
		{ .title = "Name", .kind = SINK_COL_TEXT },
		{ .title = "Address", .kind = SINK_COL_TEXT },
		{ .title = "Amount", .kind = SINK_COL_MONEY, .total = SINK_TOTAL_SUM },
		{ .title = "Note", .kind = SINK_COL_TEXT, .width = 30 },
	};
	struct sink_cell r[] = {
		T("王小明王小明王小明王小明王小明"),
		T("阳光花园小区三期十二号楼二单元一千零一室"),
		I(123456789012),
		T("a long note that goes on and on and on"),
	};
	struct sink_opts o = { .path = file("w.txt"), .format = SINK_TEXT,
	    .title = "A title that is much longer than the eighty columns of the printer paper, which it must not exceed" };
	struct wy_err e = { 0 };
	struct sink *k;
	const char *s;

	ck_assert_int_eq(sink_open(&o, wide, 4, &k, &e), WY_OK);
	ck_assert_int_eq(sink_row(k, r, &e), WY_OK);
	ck_assert_int_eq(sink_total(k, 0, "Total", &e), WY_OK);
	ck_assert_int_eq(sink_close(&k, 1, &e), WY_OK);
	s = slurp(file("w.txt"));
	ck_assert_int_eq(check_lines(s, 80), 7);
	/* Numbers are not cut while text can give way. */
	ck_assert_ptr_nonnull(strstr(s, "1234567890.12\n"));
	ck_assert_ptr_nonnull(strstr(s, "王小明"));
	ck_assert_ptr_nonnull(strstr(s, "…"));
}
END_TEST

/* A table of numbers too wide for 80 columns cuts its headers, never a
 * number, and runs wider. */
START_TEST(test_text_numbers_whole)
{
	static const struct sink_col many[] = {
		{ .title = "Estate", .kind = SINK_COL_TEXT },
		{ .title = "Receivable", .kind = SINK_COL_MONEY, .total = SINK_TOTAL_SUM },
		{ .title = "Waived", .kind = SINK_COL_MONEY, .total = SINK_TOTAL_SUM },
		{ .title = "Net receivable", .kind = SINK_COL_MONEY, .total = SINK_TOTAL_SUM },
		{ .title = "Received", .kind = SINK_COL_MONEY, .total = SINK_TOTAL_SUM },
		{ .title = "Outstanding", .kind = SINK_COL_MONEY, .total = SINK_TOTAL_SUM },
		{ .title = "Late fees", .kind = SINK_COL_MONEY, .total = SINK_TOTAL_SUM },
		{ .title = "Prepayments", .kind = SINK_COL_MONEY, .total = SINK_TOTAL_SUM },
		{ .title = "Deposits", .kind = SINK_COL_MONEY, .total = SINK_TOTAL_SUM },
	};
	struct sink_cell r[] = { T("锦绣花园"), I(9876543210), I(1), I(9876543209),
	    I(8765432109), I(1111111100), I(12345678), I(99999999), I(500000000) };
	struct sink_opts o = { .path = file("n.txt"), .format = SINK_TEXT };
	struct wy_err e = { 0 };
	struct sink *k;
	const char *s;

	ck_assert_int_eq(sink_open(&o, many, 9, &k, &e), WY_OK);
	ck_assert_int_eq(sink_row(k, r, &e), WY_OK);
	ck_assert_int_eq(sink_total(k, 0, "Total", &e), WY_OK);
	ck_assert_int_eq(sink_close(&k, 1, &e), WY_OK);
	s = slurp(file("n.txt"));
	ck_assert_ptr_nonnull(strstr(s, "98765432.10"));
	ck_assert_ptr_nonnull(strstr(s, "98765432.09"));
	ck_assert_ptr_nonnull(strstr(s, "87654321.09"));
	ck_assert_ptr_nonnull(strstr(s, "11111111.00"));
	ck_assert_ptr_nonnull(strstr(s, "123456.78"));
	ck_assert_ptr_nonnull(strstr(s, "5000000.00"));
	ck_assert_ptr_nonnull(strstr(s, "锦绣花园"));
	ck_assert_ptr_nonnull(strstr(s, "…"));	/* a header gave way */
}
END_TEST

/* What a callback saw, one line per row. */
struct log {
	char text[4096];
	int stop_at;		/* stop (WY_ECONFLICT) at this call, from 1 */
	int calls;
};

static int
log_row(void *arg, enum sink_row_kind kind, const struct sink_cell *cells,
    size_t ncells, struct wy_err *e)
{
	struct log *l = arg;
	size_t i, n = strlen(l->text);

	if (++l->calls == l->stop_at) {
		snprintf(e->msg, sizeof e->msg, "stopped by the test");
		e->code = WY_ECONFLICT;
		return WY_ECONFLICT;
	}
	n += (size_t)snprintf(l->text + n, sizeof l->text - n, "%c",
	    kind == SINK_ROW_DATA ? 'D' : kind == SINK_ROW_SUBTOTAL ? 'S' : 'T');
	for (i = 0; i < ncells; i++) {
		if (cells[i].null)
			n += (size_t)snprintf(l->text + n, sizeof l->text - n, "|-");
		else if (cells[i].s != NULL)
			n += (size_t)snprintf(l->text + n, sizeof l->text - n,
			    "|%s", cells[i].s);
		else
			n += (size_t)snprintf(l->text + n, sizeof l->text - n,
			    "|%lld", (long long)cells[i].i);
	}
	snprintf(l->text + n, sizeof l->text - n, "\n");
	return 0;
}

START_TEST(test_callback)
{
	struct log l = { .stop_at = 0 };
	struct sink_opts o = { .path = file("never.csv"), .format = SINK_CALLBACK,
	    .row_cb = log_row, .arg = &l, .title = "x" };
	struct wy_err e = { 0 };
	struct sink *k;
	int vals[] = { 2 };
	struct sink_chart ch = { .type = SINK_CHART_PIE, .category = 0,
	    .values = vals, .nvalues = 1 };

	ck_assert_int_eq(sink_open(&o, cols, NCOLS, &k, &e), WY_OK);
	ck_assert_int_eq(sink_row(k, rows[0], &e), WY_OK);
	ck_assert_int_eq(sink_row(k, rows[1], &e), WY_OK);
	ck_assert_int_eq(sink_subtotal(k, 0, "A1 小计", &e), WY_OK);
	ck_assert_int_eq(sink_row(k, rows[2], &e), WY_OK);
	ck_assert_int_eq(sink_subtotal(k, 1, NULL, &e), WY_OK);
	ck_assert_int_eq(sink_total(k, 0, "合计", &e), WY_OK);
	ck_assert_int_eq(sink_chart(k, &ch, &e), WY_OK);
	ck_assert_int_eq(sink_close(&k, 1, &e), WY_OK);
	ck_assert_str_eq(l.text,
	    "D|A1|101|120000|60000|5000|8950|2026-10-01\n"
	    "D|A1|1-102, 东|33333|-|-|-|-\n"
	    "S|A1 小计|-|153333|60000|3913|8950|-\n"
	    "D|B2|201|0|0|-|10000|2026-10-31\n"
	    "S|-||0|0|-|10000|-\n"
	    "T|合计|-|153333|60000|3913|18950|-\n");
	ck_assert_int_eq(nfiles(), 0);	/* nothing written to any file */
}
END_TEST

START_TEST(test_callback_stop)
{
	struct log l = { .stop_at = 2 };
	struct sink_opts o = { .format = SINK_CALLBACK, .row_cb = log_row,
	    .arg = &l };
	struct wy_err e = { 0 };
	struct sink *k;

	ck_assert_int_eq(sink_open(&o, cols, NCOLS, &k, &e), WY_OK);
	ck_assert_int_eq(sink_row(k, rows[0], &e), WY_OK);
	ck_assert_int_eq(sink_row(k, rows[1], &e), WY_ECONFLICT);
	ck_assert_str_eq(e.msg, "stopped by the test");
	/* Stopped: nothing more reaches the callback. */
	ck_assert_int_eq(sink_row(k, rows[2], &e), WY_ECONFLICT);
	ck_assert_int_eq(sink_total(k, 0, "合计", &e), WY_ECONFLICT);
	ck_assert_int_eq(l.calls, 2);
	ck_assert_int_eq(sink_close(&k, 0, &e), WY_OK);
	ck_assert_str_eq(l.text, "D|A1|101|120000|60000|5000|8950|2026-10-01\n");
}
END_TEST

/* A ratio total through the callback: the last line's value of column 2. */
static long long
ratio_of(int64_t num, int64_t den, enum sink_kind kind, int scale, int *null)
{
	struct sink_col c[3] = {
		{ .title = "n", .kind = SINK_COL_INT },
		{ .title = "d", .kind = SINK_COL_INT },
		{ .title = "r", .kind = kind, .scale = scale,
		    .total = SINK_TOTAL_RATIO, .num = 0, .den = 1 },
	};
	struct log l = { .stop_at = 0 };
	struct sink_opts o = { .format = SINK_CALLBACK, .row_cb = log_row, .arg = &l };
	struct sink_cell r[3] = { I(num), I(den), NUL };
	struct wy_err e = { 0 };
	struct sink *k;
	const char *last;
	long long v = 0;

	ck_assert_int_eq(sink_open(&o, c, 3, &k, &e), WY_OK);
	ck_assert_int_eq(sink_row(k, r, &e), WY_OK);
	ck_assert_int_eq(sink_total(k, 0, "T", &e), WY_OK);
	ck_assert_int_eq(sink_close(&k, 1, &e), WY_OK);
	last = strrchr(l.text, '|');
	ck_assert_ptr_nonnull(last);
	*null = strcmp(last, "|-\n") == 0;
	if (!*null)
		v = strtoll(last + 1, NULL, 10);
	return v;
}

START_TEST(test_ratio)
{
	int null;

	ck_assert_int_eq(ratio_of(0, 0, SINK_COL_PERCENT, 2, &null), 0);
	ck_assert(null);
	ck_assert_int_eq(ratio_of(5, 0, SINK_COL_PERCENT, 2, &null), 0);
	ck_assert(null);
	ck_assert_int_eq(ratio_of(1, 3, SINK_COL_PERCENT, 2, &null), 3333);
	ck_assert(!null);
	ck_assert_int_eq(ratio_of(2, 3, SINK_COL_PERCENT, 2, &null), 6667);
	ck_assert_int_eq(ratio_of(1, 20000, SINK_COL_PERCENT, 2, &null), 1);
	ck_assert_int_eq(ratio_of(1, 20001, SINK_COL_PERCENT, 2, &null), 0);
	ck_assert_int_eq(ratio_of(3, 2, SINK_COL_PERCENT, 2, &null), 15000);
	ck_assert_int_eq(ratio_of(-1, 3, SINK_COL_PERCENT, 2, &null), -3333);
	ck_assert_int_eq(ratio_of(1, -3, SINK_COL_PERCENT, 2, &null), -3333);
	ck_assert_int_eq(ratio_of(1, 3, SINK_COL_PERCENT, 0, &null), 33);
	ck_assert_int_eq(ratio_of(7, 2, SINK_COL_INT, 0, &null), 4);
	ck_assert_int_eq(ratio_of(1, 3, SINK_COL_FIXED, 3, &null), 333);
	ck_assert_int_eq(ratio_of(10, 4, SINK_COL_MONEY, 0, &null), 250);
	/* Past int64: no value, not a wrong one. */
	ck_assert_int_eq(ratio_of(INT64_MAX, 1, SINK_COL_PERCENT, 6, &null), 0);
	ck_assert(null);
	ck_assert_int_eq(ratio_of(INT64_MAX, INT64_MAX, SINK_COL_PERCENT, 6,
	    &null), 100000000);
}
END_TEST

START_TEST(test_totals_errors)
{
	struct sink_opts o = { .path = file("e.csv"), .format = SINK_CSV };
	struct wy_err e = { 0 };
	struct sink *k;
	int bad[] = { 0 }, good[] = { 2 };
	struct sink_chart ch = { .type = SINK_CHART_LINE, .category = 0,
	    .values = bad, .nvalues = 1 };

	ck_assert_int_eq(sink_open(&o, cols, NCOLS, &k, &e), WY_OK);
	ck_assert_int_eq(sink_subtotal(k, -1, "x", &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "label column -1: the table has 7 columns");
	ck_assert_int_eq(sink_total(k, NCOLS, "x", &e), WY_EINVALID);
	ck_assert_int_eq(sink_chart(k, &ch, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "chart: value column 0 is not a number column of the table");
	ch.values = good;
	ch.category = 9;
	ck_assert_int_eq(sink_chart(k, &ch, &e), WY_EINVALID);
	ch.category = 0;
	ch.nvalues = 0;
	ck_assert_int_eq(sink_chart(k, &ch, &e), WY_EINVALID);
	ch.nvalues = 1;
	ch.type = (enum sink_chart_type)9;
	ck_assert_int_eq(sink_chart(k, &ch, &e), WY_EINVALID);
	ck_assert_int_eq(sink_chart(k, NULL, &e), WY_EINVALID);
	ch.type = SINK_CHART_BAR;
	ck_assert_int_eq(sink_chart(k, &ch, &e), WY_OK);	/* CSV: no-op */
	/* Totals of no rows are zero (a ratio over zero is empty). */
	ck_assert_int_eq(sink_subtotal(k, 1, "空", &e), WY_OK);
	ck_assert_int_eq(sink_total(k, 0, NULL, &e), WY_OK);
	ck_assert_int_eq(sink_close(&k, 1, &e), WY_OK);
	ck_assert_str_eq(slurp(file("e.csv")),
	    "Building,房间,Due,Paid,Rate,Area,Date\r\n"
	    ",空,0.00,0.00,,0.00,\r\n"
	    ",,0.00,0.00,,0.00,\r\n");
}
END_TEST

START_TEST(test_next_csv_text)
{
	static const struct sink_col c2[] = {
		{ .title = "Item", .kind = SINK_COL_TEXT },
		{ .title = "Count", .kind = SINK_COL_INT, .total = SINK_TOTAL_SUM },
	};
	struct sink_cell r[] = { T("水费"), I(3) };
	struct sink_opts o2 = { .title = "Second 第二", .params = params,
	    .sheet = "ignored" };
	static const enum sink_format fmts[] = { SINK_CSV, SINK_TEXT };
	static const char *const want[] = {
	    "Building,房间,Due,Paid,Rate,Area,Date\r\n"
	    "A1,101,1200.00,600.00,50.00%,89.50,2026-10-01\r\n"
	    "\r\n"
	    "Second 第二\r\n"
	    "Item,Count\r\n"
	    "水费,3\r\n"
	    "Total,3\r\n",
	    "Building  房间      Due    Paid    Rate   Area  Date\n"
	    "--------  ----  -------  ------  ------  -----  ----------\n"
	    "A1        101   1200.00  600.00  50.00%  89.50  2026-10-01\n"
	    "\n"
	    "Second 第二\n"
	    "Period: 2026-10\n"
	    "小区: 阳光花园\n"
	    "\n"
	    "Item   Count\n"
	    "-----  -----\n"
	    "水费       3\n"
	    "=====  =====\n"
	    "Total      3\n",
	};
	struct sink_opts o = { 0 };
	struct wy_err e = { 0 };
	struct sink *k;
	size_t i;

	for (i = 0; i < 2; i++) {
		o = (struct sink_opts){ .path = file("n.out"), .format = fmts[i] };
		ck_assert_int_eq(sink_open(&o, cols, NCOLS, &k, &e), WY_OK);
		ck_assert_int_eq(sink_row(k, rows[0], &e), WY_OK);
		ck_assert_int_eq(sink_next(k, &o2, NULL, 0, &e), WY_EINVALID);
		ck_assert_int_eq(sink_next(k, &o2, c2, 2, &e), WY_OK);
		ck_assert_int_eq(sink_row(k, r, &e), WY_OK);
		ck_assert_int_eq(sink_total(k, 0, "Total", &e), WY_OK);
		ck_assert_int_eq(sink_close(&k, 1, &e), WY_OK);
		ck_assert_str_eq(slurp(file("n.out")), want[i]);
	}
}
END_TEST

START_TEST(test_close)
{
	static const enum sink_format fmts[] = { SINK_CSV, SINK_TSV, SINK_TEXT,
	    SINK_XLSX };
	struct wy_err e = { 0 };
	struct sink *k = NULL;
	struct sink_opts o = { 0 };
	size_t i;

	ck_assert_int_eq(sink_close(&k, 1, &e), WY_OK);	/* NULL: nothing */
	for (i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
		o = (struct sink_opts){ .path = file("gone"), .format = fmts[i] };
		ck_assert_int_eq(sink_open(&o, cols, NCOLS, &k, &e), WY_OK);
		ck_assert_int_eq(nfiles(), 1);	/* the temporary file */
		ck_assert_int_eq(access(file("gone"), F_OK), -1);
		ck_assert_int_eq(sink_row(k, rows[0], &e), WY_OK);
		ck_assert_int_eq(sink_close(&k, 0, &e), WY_OK);
		ck_assert_ptr_null(k);
		ck_assert_int_eq(nfiles(), 0);
	}
	/* keep replaces an existing file only at the end. */
	o = (struct sink_opts){ .path = file("keep.csv"), .format = SINK_CSV };
	ck_assert_int_eq(write_sample(SINK_CSV, file("keep.csv"), &e), WY_OK);
	ck_assert_int_eq(sink_open(&o, cols, 1, &k, &e), WY_OK);
	ck_assert_ptr_nonnull(strstr(slurp(file("keep.csv")), "合计"));
	ck_assert_int_eq(sink_close(&k, 1, &e), WY_OK);
	ck_assert_str_eq(slurp(file("keep.csv")), "Building\r\n");
	ck_assert_int_eq(nfiles(), 1);
}
END_TEST

START_TEST(test_sheet_name)
{
	char *used[] = { "Fees", "Sheet2", "收费汇总表收费汇总表收费汇总表收费汇总表收费汇总表收费汇总表收" };
	char *s;

	s = sink_sheet_name(NULL, NULL, 0, 1);
	ck_assert_str_eq(s, "Sheet1");
	free(s);
	s = sink_sheet_name("", used, 3, 2);	/* Sheet2 is taken */
	ck_assert_str_eq(s, "Sheet2 (2)");
	free(s);
	s = sink_sheet_name("   ", NULL, 0, 4);
	ck_assert_str_eq(s, "Sheet4");
	free(s);
	s = sink_sheet_name("a[b]c:d*e?f/g\\h", NULL, 0, 1);
	ck_assert_str_eq(s, "a_b_c_d_e_f_g_h");
	free(s);
	s = sink_sheet_name(" 'It's' ", NULL, 0, 1);
	ck_assert_str_eq(s, "’It’s’");
	free(s);
	s = sink_sheet_name("tab\there\x01", NULL, 0, 1);
	ck_assert_str_eq(s, "tab_here_");
	free(s);
	s = sink_sheet_name("bad\xff" "byte", NULL, 0, 1);
	ck_assert_str_eq(s, "bad_byte");
	free(s);
	s = sink_sheet_name("FEES", used, 3, 1);	/* without case */
	ck_assert_str_eq(s, "FEES (2)");
	free(s);
	s = sink_sheet_name("history", NULL, 0, 1);	/* reserved */
	ck_assert_str_eq(s, "history (2)");
	free(s);
	s = sink_sheet_name("0123456789012345678901234567890123456789", NULL, 0, 1);
	ck_assert_str_eq(s, "0123456789012345678901234567890");
	free(s);
	/* 31 characters, not bytes; cut to make room for the number. */
	s = sink_sheet_name(used[2], NULL, 0, 1);
	ck_assert_int_eq(utf8_len(s), 31);
	ck_assert_str_eq(s, used[2]);
	free(s);
	s = sink_sheet_name(used[2], used, 3, 1);
	ck_assert_str_eq(s, "收费汇总表收费汇总表收费汇总表收费汇总表收费汇总表收费 (2)");
	ck_assert_int_eq(utf8_len(s), 31);
	free(s);
}
END_TEST

/* The dump of an .xlsx file by tools/xlsx-dump.py (static buffer). */
static const char *python;

static const char *
dump(const char *path)
{
	static char buf[16384];
	char cmd[512];
	size_t n;
	FILE *p;

	snprintf(cmd, sizeof cmd, "%s tools/xlsx-dump.py '%s' 2>&1", python, path);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	n = fread(buf, 1, sizeof buf - 1, p);
	buf[n] = '\0';
	ck_assert_msg(pclose(p) == 0, "xlsx-dump failed: %s", buf);
	return buf;
}

/* s has the line want (a whole line). */
#define HAS_LINE(s, want) do {						\
	char line_[512];						\
	snprintf(line_, sizeof line_, "\n%s\n", want);			\
	ck_assert_msg(strstr(s, line_) != NULL || strncmp(s, line_ + 1,	\
	    strlen(line_ + 1)) == 0, "no line '%s' in:\n%s", want, s);	\
} while (0)

START_TEST(test_xlsx)
{
	struct wy_err e = { 0 };
	const char *s;

	ck_assert_int_eq(access("tools/xlsx-dump.py", R_OK), 0);
	ck_assert_int_eq(write_sample(SINK_XLSX, file("t.xlsx"), &e), WY_OK);
	ck_assert_int_eq(nfiles(), 1);
	s = dump(file("t.xlsx"));
	HAS_LINE(s, "sheet\tFees");
	HAS_LINE(s, "frozen\tA6");
	HAS_LINE(s, "A1\t收费汇总\tGeneral");
	HAS_LINE(s, "A2\tPeriod: 2026-10\tGeneral");
	HAS_LINE(s, "A3\t小区: 阳光花园\tGeneral");
	HAS_LINE(s, "B5\t房间\tGeneral");
	HAS_LINE(s, "C6\t1200\t#,##0.00");
	HAS_LINE(s, "E6\t0.5\t0.00%");
	HAS_LINE(s, "F6\t89.5\t0.00");
	HAS_LINE(s, "G6\t2026-10-01\tyyyy-mm-dd");
	HAS_LINE(s, "B7\t1-102, 东\tGeneral");
	HAS_LINE(s, "C7\t333.33\t#,##0.00");
	/* Subtotals and totals: formulas, values cached. */
	HAS_LINE(s, "A8\tA1 小计\tGeneral");
	HAS_LINE(s, "C8\t=SUBTOTAL(9,C6:C7)\t#,##0.00\t1533.33");
	HAS_LINE(s, "D8\t=SUBTOTAL(9,D6:D7)\t#,##0.00\t600");
	HAS_LINE(s, "E8\t=IF(C8=0,\"\",D8/C8)\t0.00%\t0.3913");
	HAS_LINE(s, "F8\t=SUBTOTAL(9,F6:F7)\t0.00\t89.5");
	HAS_LINE(s, "C10\t=SUBTOTAL(9,C9)\t#,##0.00\t0");
	HAS_LINE(s, "E10\t=IF(C10=0,\"\",D10/C10)\t0.00%\t");
	HAS_LINE(s, "A11\t合计\tGeneral");
	HAS_LINE(s, "C11\t=SUBTOTAL(9,C6:C10)\t#,##0.00\t1533.33");
	HAS_LINE(s, "E11\t=IF(C11=0,\"\",D11/C11)\t0.00%\t0.3913");
	HAS_LINE(s, "F11\t=SUBTOTAL(9,F6:F10)\t0.00\t189.5");
	/* Widths by display width: "1-102, 东" is 9 columns, dates 10. */
	HAS_LINE(s, "width\tB\t11.71");
	HAS_LINE(s, "width\tC\t10.71");
	HAS_LINE(s, "width\tG\t12.71");
	ck_assert_ptr_null(strstr(s, "chart\t"));
}
END_TEST

START_TEST(test_xlsx_chart_sheets)
{
	static const struct sink_col c2[] = {
		{ .title = "楼栋", .kind = SINK_COL_TEXT },
		{ .title = "收缴率", .kind = SINK_COL_PERCENT, .scale = 2 },
	};
	struct sink_cell r2[] = { T("A1"), I(9512) };
	struct sink_opts o = { .path = file("c.xlsx"), .format = SINK_XLSX,
	    .sheet = "It's/数据" };
	struct sink_opts o2 = { .title = "Rates", .sheet = "It's/数据" };
	int vals[] = { 2, 3 }, rate[] = { 1 };
	struct sink_chart ch = { .type = SINK_CHART_COLUMN, .title = "应收实收",
	    .category = 1, .values = vals, .nvalues = 2 };
	struct sink_chart pie = { .type = SINK_CHART_PIE, .category = 0,
	    .values = rate, .nvalues = 1 };
	struct wy_err e = { 0 };
	struct sink *k;
	const char *s;

	ck_assert_int_eq(sink_open(&o, cols, NCOLS, &k, &e), WY_OK);
	ck_assert_int_eq(sink_row(k, rows[0], &e), WY_OK);
	ck_assert_int_eq(sink_row(k, rows[1], &e), WY_OK);
	ck_assert_int_eq(sink_subtotal(k, 0, "A1", &e), WY_OK);
	ck_assert_int_eq(sink_row(k, rows[2], &e), WY_OK);
	ck_assert_int_eq(sink_chart(k, &ch, &e), WY_OK);
	ch.type = SINK_CHART_LINE;
	ch.nvalues = 1;
	ck_assert_int_eq(sink_chart(k, &ch, &e), WY_OK);
	ck_assert_int_eq(sink_next(k, &o2, c2, 2, &e), WY_OK);
	ck_assert_int_eq(sink_row(k, r2, &e), WY_OK);
	ck_assert_int_eq(sink_chart(k, &pie, &e), WY_OK);
	pie.type = SINK_CHART_BAR;
	ck_assert_int_eq(sink_chart(k, &pie, &e), WY_OK);
	ck_assert_int_eq(sink_close(&k, 1, &e), WY_OK);
	s = dump(file("c.xlsx"));
	HAS_LINE(s, "sheet\tIt’s_数据");
	HAS_LINE(s, "frozen\tA2");
	HAS_LINE(s, "chart\tcolumn\t应收实收\tI1");
	/* Data rows only: the subtotal row 4 is left out. */
	HAS_LINE(s, "series\t'It’s_数据'!$C$1\t('It’s_数据'!$B$2:$B$3,"
	    "'It’s_数据'!$B$5:$B$5)\t('It’s_数据'!$C$2:$C$3,'It’s_数据'!$C$5:$C$5)");
	HAS_LINE(s, "series\t'It’s_数据'!$D$1\t('It’s_数据'!$B$2:$B$3,"
	    "'It’s_数据'!$B$5:$B$5)\t('It’s_数据'!$D$2:$D$3,'It’s_数据'!$D$5:$D$5)");
	HAS_LINE(s, "chart\tline\t应收实收\tI17");
	HAS_LINE(s, "sheet\tIt’s_数据 (2)");
	HAS_LINE(s, "frozen\tA4");
	HAS_LINE(s, "A1\tRates\tGeneral");
	HAS_LINE(s, "A3\t楼栋\tGeneral");
	HAS_LINE(s, "B4\t0.9512\t0.00%");
	HAS_LINE(s, "chart\tpie\t-\tD3");
	HAS_LINE(s, "series\t'It’s_数据 (2)'!$B$3\t'It’s_数据 (2)'!$A$4:$A$4\t"
	    "'It’s_数据 (2)'!$B$4:$B$4");
	HAS_LINE(s, "chart\tbar\t-\tD19");
	ck_assert_ptr_nonnull(strstr(s, "sheet\tIt’s_数据 (2)") );
	ck_assert_ptr_null(strstr(strstr(s, "sheet\tIt’s_数据 (2)"), "$C$"));
}
END_TEST

START_TEST(test_xlsx_empty)
{
	struct sink_opts o = { .path = file("e.xlsx"), .format = SINK_XLSX };
	int vals[] = { 2 };
	struct sink_chart ch = { .type = SINK_CHART_PIE, .category = 0,
	    .values = vals, .nvalues = 1 };
	struct wy_err e = { 0 };
	struct sink *k;
	const char *s;

	ck_assert_int_eq(sink_open(&o, cols, NCOLS, &k, &e), WY_OK);
	ck_assert_int_eq(sink_chart(k, &ch, &e), WY_OK);	/* no rows: none */
	ck_assert_int_eq(sink_total(k, 0, "合计", &e), WY_OK);
	ck_assert_int_eq(sink_close(&k, 1, &e), WY_OK);
	s = dump(file("e.xlsx"));
	HAS_LINE(s, "sheet\tSheet1");
	HAS_LINE(s, "frozen\tA2");
	HAS_LINE(s, "A2\t合计\tGeneral");
	HAS_LINE(s, "C2\t=0\t#,##0.00\t0");
	HAS_LINE(s, "E2\t=IF(C2=0,\"\",D2/C2)\t0.00%\t");
	ck_assert_ptr_null(strstr(s, "chart\t"));
}
END_TEST

/* The python3 to run tools/xlsx-dump.py with, or NULL. */
static const char *
find_python(void)
{
	if (access("/usr/bin/python3", X_OK) == 0)
		return "/usr/bin/python3";
	if (system("command -v python3 >/dev/null 2>&1") == 0)
		return "python3";
	return NULL;
}

Suite *
sink_suite(void)
{
	Suite *s = suite_create("sink");
	TCase *tc;

	tc = tcase_create("sink_format_parse");
	tcase_add_test(tc, test_format_parse);
	suite_add_tcase(s, tc);

	tc = tcase_create("sink_open");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_open_errors);
	tcase_add_test(tc, test_open_unwritable);
	suite_add_tcase(s, tc);

	tc = tcase_create("formats");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_csv);
	tcase_add_test(tc, test_csv_bom_quoting);
	tcase_add_test(tc, test_tsv);
	tcase_add_test(tc, test_text);
	tcase_add_test(tc, test_text_fits_80);
	tcase_add_test(tc, test_text_numbers_whole);
	suite_add_tcase(s, tc);

	tc = tcase_create("callback");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_callback);
	tcase_add_test(tc, test_callback_stop);
	suite_add_tcase(s, tc);

	tc = tcase_create("sink_subtotal/sink_total");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_ratio);
	tcase_add_test(tc, test_totals_errors);
	suite_add_tcase(s, tc);

	tc = tcase_create("sink_next");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_next_csv_text);
	suite_add_tcase(s, tc);

	tc = tcase_create("sink_close");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_close);
	suite_add_tcase(s, tc);

	tc = tcase_create("sink_sheet_name");
	tcase_add_test(tc, test_sheet_name);
	suite_add_tcase(s, tc);

	if ((python = find_python()) == NULL) {
		fprintf(stderr, "test_sink: no python3: the .xlsx read-back "
		    "tests are SKIPPED\n");
		return s;
	}
	tc = tcase_create("xlsx");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_xlsx);
	tcase_add_test(tc, test_xlsx_chart_sheets);
	tcase_add_test(tc, test_xlsx_empty);
	suite_add_tcase(s, tc);
	return s;
}
