/* wuye unit tests: CSV import (all or nothing, messages with file:line:col)
 * and the table sinks (CSV quoting, .xlsx, no half-written files). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "wuye/entity.h"
#include "wuye/import.h"
#include "wuye/sink.h"

static struct fixture fx;
static char problems[8192];

static void
setup(void)
{
	fixture_open(&fx);
	fixture_sql(&fx,
	    "INSERT INTO estates (code, name) VALUES ('JX', '锦绣花园');"
	    "INSERT INTO buildings (code, estate_id, name, floors, units)"
	    " VALUES ('A1', 1, '1栋', 18, 2);");
	problems[0] = '\0';
}

static void
teardown(void)
{
	fixture_close(&fx);
}

static void
collect(void *arg, const char *msg)
{
	(void)arg;
	strncat(problems, msg, sizeof problems - strlen(problems) - 2);
	strcat(problems, "\n");
}

static int64_t
count(const char *sql)
{
	struct wy_err e = { 0 };
	int64_t n = -1;

	ck_assert_int_eq(db_int64(fx.db, &n, &e, sql, ""), WY_OK);
	return n;
}

/* Import text as kind; returns the status, *rows the rows imported. */
static int
import(const char *kind, const char *text, long *rows, struct wy_err *e)
{
	struct import_opts o = { .max_errors = 50, .problem = collect };
	struct entity *ent;
	int rc;

	o.path = fixture_file(&fx, "in.csv", text);
	ck_assert_int_eq(entity_load(fx.conf, kind, &ent, e), WY_OK);
	rc = import_csv(&fx.s, ent, &o, rows, e);
	entity_free(&ent);
	return rc;
}

START_TEST(test_import_rooms)
{
	struct wy_err e = { 0 };
	long rows;

	ck_assert_int_eq(import("rooms",
	    "\xef\xbb\xbf" "code,building,floor,unit,建筑面积,charge_area,layout,state\r\n"
	    "A1-1-101,A1,1,1,89.5,85,两室一厅,自住\r\n"
	    "\r\n"
	    "A1-1-102, A1 ,1,1,\"1,234.56\",85,,vacant\r\n", &rows, &e), WY_OK);
	ck_assert_int_eq(rows, 2);
	ck_assert_int_eq(count("SELECT build_area FROM rooms WHERE code = 'A1-1-102'"), 123456);
	ck_assert_int_eq(count("SELECT count(*) FROM rooms WHERE layout = '2b1l' AND state = 'owner'"), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE action = 'import'"), 1);
}
END_TEST

START_TEST(test_import_all_or_nothing)
{
	struct wy_err e = { 0 };
	long rows = -1;

	ck_assert_int_eq(import("rooms",
	    "code,building,floor,build_area,charge_area\n"
	    "A1-1-101,A1,1,89.5,85\n"
	    "A1-1-102,A1,1,89.555,85\n"
	    "A1-1-103,Z9,1,89.5,85\n"
	    "A1-1-101,A1,1,89.5,85\n", &rows, &e), WY_EINVALID);
	ck_assert_int_eq(rows, 0);
	ck_assert_int_eq(count("SELECT count(*) FROM rooms"), 0);
	ck_assert_ptr_nonnull(strstr(e.msg, "in.csv:3:4: Building area"));
	ck_assert_ptr_nonnull(strstr(e.msg, "2 more problems"));
	ck_assert_ptr_nonnull(strstr(problems, "in.csv:4:2: Building: there is no 'Z9'"));
	ck_assert_ptr_nonnull(strstr(problems, "in.csv:5:1: Room code: 'A1-1-101' is already used"));
}
END_TEST

START_TEST(test_import_header_problems)
{
	struct wy_err e = { 0 };
	long rows;

	ck_assert_int_eq(import("rooms", "code,building,floor,colour\n", &rows, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(problems, "in.csv:1:4: unknown column 'colour'"));
	ck_assert_ptr_nonnull(strstr(problems, "required column 'build_area' is missing"));
	problems[0] = '\0';
	ck_assert_int_eq(import("rooms", "code,code\n", &rows, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(problems, "appears twice"));
	ck_assert_int_eq(import("rooms", "", &rows, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "empty"));
}
END_TEST

START_TEST(test_import_bad_rows)
{
	struct wy_err e = { 0 };
	long rows;

	/* A quoted cell over two lines: the next record's line is still right. */
	ck_assert_int_eq(import("estates",
	    "code,name,note\n"
	    "JX2,锦绣,\"two\nlines\"\n"
	    "JX3,翠湖苑\n", &rows, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "in.csv:4: 2 cells, but the header has 3"));
	ck_assert_int_eq(import("estates", "code,name\nJX4,\"unterminated\n", &rows, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "unterminated"));
	ck_assert_int_eq(import("estates", "code,name\nJX5,bad\xff\n", &rows, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "in.csv:2:2: Name: the text is not valid UTF-8"));
	ck_assert_int_eq(count("SELECT count(*) FROM estates"), 1);
}
END_TEST

START_TEST(test_import_missing_file)
{
	struct import_opts o = { .path = "/nonexistent/x.csv", .max_errors = 5 };
	struct wy_err e = { 0 };
	struct entity *ent;
	long rows;

	ck_assert_int_eq(entity_load(fx.conf, "rooms", &ent, &e), WY_OK);
	ck_assert_int_eq(import_csv(&fx.s, ent, &o, &rows, &e), WY_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(e.msg, "/nonexistent/x.csv"));
	entity_free(&ent);
}
END_TEST

START_TEST(test_import_denied)
{
	struct wy_err e = { 0 };
	long rows;

	strcpy(fx.s.perms, "|property.read|");
	strcpy(fx.s.user, "eve");
	ck_assert_int_eq(import("rooms", "code\n", &rows, &e), WY_EDENIED);
}
END_TEST

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	static char buf[4096];
	size_t n;

	ck_assert_ptr_nonnull(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

START_TEST(test_sink_csv)
{
	struct sink_col cols[] = {
		{ .title = "name", .kind = SINK_COL_TEXT },
		{ .title = "area", .kind = SINK_COL_FIXED, .scale = 2 },
		{ .title = "amount", .kind = SINK_COL_MONEY },
	};
	struct sink_cell row[] = {
		{ .s = "王, \"伟\"" }, { .i = 8950 }, { .i = -1 },
	};
	struct sink_opts o = { .format = SINK_CSV };
	struct wy_err e = { 0 };
	struct sink *k;
	char path[200];

	snprintf(path, sizeof path, "%s/out.csv", fx.dir);
	o.path = path;
	ck_assert_int_eq(sink_open(&o, cols, 3, &k, &e), WY_OK);
	ck_assert_int_eq(sink_row(k, row, &e), WY_OK);
	ck_assert_int_eq(access(path, F_OK), -1);	/* not there until closed */
	ck_assert_int_eq(sink_close(&k, 1, &e), WY_OK);
	ck_assert_str_eq(slurp(path), "name,area,amount\r\n\"王, \"\"伟\"\"\",89.50,-0.01\r\n");
	/* A discarded sink leaves nothing, not even its temporary file. */
	snprintf(path, sizeof path, "%s/gone.xlsx", fx.dir);
	o.format = SINK_XLSX;
	ck_assert_int_eq(sink_open(&o, cols, 3, &k, &e), WY_OK);
	ck_assert_int_eq(sink_row(k, row, &e), WY_OK);
	ck_assert_int_eq(sink_close(&k, 0, &e), WY_OK);
	ck_assert_int_eq(access(path, F_OK), -1);
	ck_assert_int_eq(system("ls /tmp/wuye-unit.*/gone.xlsx.tmp-* >/dev/null 2>&1"), 512);
}
END_TEST

START_TEST(test_sink_xlsx)
{
	struct sink_col cols[] = {
		{ .title = "房间", .kind = SINK_COL_TEXT },
		{ .title = "金额", .kind = SINK_COL_MONEY },
		{ .title = "日期", .kind = SINK_COL_DATE },
	};
	struct sink_cell row[] = { { .s = "A1-1-101" }, { .i = 123456 },
	    { .s = "2026-10-31" } };
	struct sink_opts o = { .format = SINK_XLSX, .sheet = "房间" };
	struct wy_err e = { 0 };
	struct sink *k;
	char path[200], cmd[800];

	snprintf(path, sizeof path, "%s/out.xlsx", fx.dir);
	o.path = path;
	ck_assert_int_eq(sink_open(&o, cols, 3, &k, &e), WY_OK);
	ck_assert_int_eq(sink_row(k, row, &e), WY_OK);
	ck_assert_int_eq(sink_close(&k, 1, &e), WY_OK);
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 -c \"import openpyxl,sys;"
	    "ws=openpyxl.load_workbook('%s').active;"
	    "sys.exit(0 if (ws.title, ws['A1'].value, ws['B2'].value,"
	    " ws['B2'].number_format, ws['C2'].value.year, ws.freeze_panes) =="
	    " ('房间', '房间', 1234.56, '#,##0.00', 2026, 'A2') else 1)\"", path);
	ck_assert_int_eq(system(cmd), 0);
	o.path = NULL;
	ck_assert_int_eq(sink_open(&o, cols, 3, &k, &e), WY_EUSAGE);
}
END_TEST

Suite *
import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("import");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_import_rooms);
	tcase_add_test(tc, test_import_all_or_nothing);
	tcase_add_test(tc, test_import_header_problems);
	tcase_add_test(tc, test_import_bad_rows);
	tcase_add_test(tc, test_import_missing_file);
	tcase_add_test(tc, test_import_denied);
	tcase_add_test(tc, test_sink_csv);
	tcase_add_test(tc, test_sink_xlsx);
	suite_add_tcase(s, tc);
	return s;
}
