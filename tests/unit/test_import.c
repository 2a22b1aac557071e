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
	    "JX3,翠湖苑,x,y\n", &rows, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "in.csv:4: 4 cells, but the header has 3"));
	ck_assert_int_eq(import("estates", "code,name\nJX4,\"unterminated\n", &rows, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "unterminated"));
	ck_assert_int_eq(import("estates", "code,name\nJX5,bad\xff\n", &rows, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "in.csv:2:2: Name: the text is not valid UTF-8"));
	ck_assert_int_eq(count("SELECT count(*) FROM estates"), 1);
}
END_TEST

/* Missing trailing cells are empty ones: defaults and required apply. */
START_TEST(test_import_short_rows)
{
	struct wy_err e = { 0 };
	long rows;

	ck_assert_int_eq(import("rooms",
	    "code,building,floor,build_area,charge_area,state,note\n"
	    "A1-1-101,A1,1,89.5,85\n"
	    "A1-1-102,A1,1,89.5,85,rented\n"
	    "A1-1-103,A1,1,89.5,85,,\n", &rows, &e), WY_OK);
	ck_assert_int_eq(rows, 3);
	ck_assert_int_eq(count("SELECT count(*) FROM rooms WHERE state = 'vacant'"
	    " AND note = ''"), 2);
	ck_assert_int_eq(count("SELECT count(*) FROM rooms WHERE state = 'rented'"), 1);
	/* A missing required cell is named by its column. */
	ck_assert_int_eq(import("rooms",
	    "code,building,floor,build_area,charge_area\n"
	    "A1-1-104,A1,1\n", &rows, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "in.csv:2:4: Building area (m²): required"));
	/* More cells than the header is still an error naming the line. */
	problems[0] = '\0';
	ck_assert_int_eq(import("rooms",
	    "code,building,floor,build_area,charge_area\n"
	    "A1-1-105,A1,1,89.5,85\n"
	    "A1-1-106,A1,1,89.5,85,x\n", &rows, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "in.csv:3: 6 cells, but the header has 5 columns"));
	ck_assert_int_eq(count("SELECT count(*) FROM rooms"), 3);
}
END_TEST

/* Write n bytes (NULs included) to path. */
static void
write_bytes(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, n, f), n);
	fclose(f);
}

/* A NUL byte would cut the cell short: refused with file:line:column. */
START_TEST(test_import_nul)
{
	static const char csv[] = "code,name,note\nJX2,锦\0绣,x\nJX3,翠湖苑\n";
	static const char alone[] = "code,name\n\0\nJX4,x\n";
	static const char header[] = "code,na\0me\nJX4,x\n";
	struct import_opts o = { .max_errors = 50, .problem = collect };
	struct wy_err e = { 0 };
	struct entity *ent;
	char path[200];
	long rows;

	snprintf(path, sizeof path, "%s/nul.csv", fx.dir);
	write_bytes(path, csv, sizeof csv - 1);
	o.path = path;
	ck_assert_int_eq(entity_load(fx.conf, "estates", &ent, &e), WY_OK);
	ck_assert_int_eq(import_csv(&fx.s, ent, &o, &rows, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "nul.csv:2:2: Name: control characters"));
	ck_assert_int_eq(count("SELECT count(*) FROM estates"), 1);
	/* ... also a line that is nothing but a NUL, and one in the header. */
	write_bytes(path, alone, sizeof alone - 1);
	ck_assert_int_eq(import_csv(&fx.s, ent, &o, &rows, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "nul.csv:2:1: Code: control characters"));
	write_bytes(path, header, sizeof header - 1);
	ck_assert_int_eq(import_csv(&fx.s, ent, &o, &rows, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "nul.csv:1:2: a NUL byte"));
	ck_assert_int_eq(count("SELECT count(*) FROM estates"), 1);
	entity_free(&ent);
}
END_TEST

/* An ID number born before 1900 with the right check digit is a warning:
 * refused, unless accepted by a user with client.override. */
static int
import_clients(const char *id_no, int accept, long *rows, struct wy_err *e)
{
	struct import_opts o = { .max_errors = 50, .problem = collect };
	struct entity *ent;
	char text[256];
	int rc;

	snprintf(text, sizeof text, "code,name,id_type,id_no\nC1,张三,idcard,%s\n",
	    id_no);
	o.path = fixture_file(&fx, "c.csv", text);
	o.accept_warnings = accept;
	ck_assert_int_eq(entity_load(fx.conf, "clients", &ent, e), WY_OK);
	rc = import_csv(&fx.s, ent, &o, rows, e);
	entity_free(&ent);
	return rc;
}

START_TEST(test_import_warning)
{
	struct wy_err e = { 0 };
	long rows;

	ck_assert_int_eq(import_clients("110101189905010019", 0, &rows, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "c.csv:2:4: ID number "
	    "'110101189905010019': birth date 1899-05-01 is before 1900"));
	ck_assert_ptr_nonnull(strstr(e.msg, "--accept-warnings"));
	ck_assert_int_eq(count("SELECT count(*) FROM clients"), 0);
	/* A wrong check digit is an error even when warnings are accepted. */
	ck_assert_int_eq(import_clients("110101189905010018", 1, &rows, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "c.csv:2:4: ID number "
	    "'110101189905010018': check digit is 8, should be 9"));
	/* A user without client.override may not accept warnings. */
	strcpy(fx.s.perms, "|import|client.read|client.write|");
	strcpy(fx.s.user, "clerk");
	ck_assert_int_eq(import_clients("110101189905010019", 1, &rows, &e),
	    WY_EDENIED);
	ck_assert_ptr_nonnull(strstr(e.msg, "save a record despite a warning"));
	ck_assert_int_eq(count("SELECT count(*) FROM clients"), 0);
	/* With it, the row is imported; the gender follows from the number. */
	strcpy(fx.s.perms, "|import|client.read|client.write|client.override|");
	ck_assert_int_eq(import_clients("110101189905010019", 1, &rows, &e),
	    WY_OK);
	ck_assert_int_eq(rows, 1);
	ck_assert_int_eq(count("SELECT count(*) FROM clients WHERE"
	    " id_no = '110101189905010019' AND gender = 'M'"), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE action = 'import'"
	    " AND detail LIKE '%1 despite a warning%'"), 1);
}
END_TEST

/* The same through entity_save_warn, the form's path. */
START_TEST(test_save_warning)
{
	struct value *v;
	struct entity *ent;
	const struct field *where;
	struct wy_err e = { 0 };
	int64_t id;
	int warned;

	ck_assert_int_eq(entity_load(fx.conf, "clients", &ent, &e), WY_OK);
	v = calloc(ent->nfields, sizeof *v);
	ck_assert_int_eq(field_parse(&fx.s, ent, entity_field(ent, "code"), "C1",
	    1, entity_value(ent, v, "code"), &e), WY_OK);
	ck_assert_int_eq(field_parse(&fx.s, ent, entity_field(ent, "name"), "张三",
	    1, entity_value(ent, v, "name"), &e), WY_OK);
	ck_assert_int_eq(field_parse(&fx.s, ent, entity_field(ent, "kind"), NULL,
	    1, entity_value(ent, v, "kind"), &e), WY_OK);
	ck_assert_int_eq(field_parse(&fx.s, ent, entity_field(ent, "id_type"),
	    "idcard", 1, entity_value(ent, v, "id_type"), &e), WY_OK);
	ck_assert_int_eq(field_parse(&fx.s, ent, entity_field(ent, "id_no"),
	    "110101189905010019", 1, entity_value(ent, v, "id_no"), &e), WY_OK);
	/* Refused without accepting; entity_save is the same. */
	ck_assert_int_eq(entity_save_warn(&fx.s, ent, 0, 0, v, 0, &warned, &id,
	    &where, &e), WY_EINVALID);
	ck_assert_int_eq(warned, 1);
	ck_assert_ptr_eq(where, entity_field(ent, "id_no"));
	ck_assert_ptr_nonnull(strstr(e.msg, "is before 1900"));
	ck_assert_int_eq(entity_save(&fx.s, ent, 0, 0, v, &id, NULL, &e),
	    WY_EINVALID);
	/* Accepted by a user without the permission: denied, naming it. */
	strcpy(fx.s.perms, "|client.read|client.write|");
	strcpy(fx.s.user, "clerk");
	ck_assert_int_eq(entity_may_override(&fx.s, ent), 0);
	ck_assert_int_eq(entity_save_warn(&fx.s, ent, 0, 0, v, 1, &warned, &id,
	    &where, &e), WY_EDENIED);
	ck_assert_int_eq(warned, 1);
	ck_assert_ptr_nonnull(strstr(e.msg, "is before 1900; only a user allowed "
	    "to save a record despite a warning may save it anyway"));
	/* ... and saved for one with it, the audit naming the field. */
	strcpy(fx.s.perms, "|client.read|client.write|client.override|");
	ck_assert_int_eq(entity_may_override(&fx.s, ent), 1);
	ck_assert_int_eq(entity_save_warn(&fx.s, ent, 0, 0, v, 1, &warned, &id,
	    &where, &e), WY_OK);
	ck_assert_int_eq(warned, 1);
	ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE action = 'insert'"
	    " AND detail = 'new; warning accepted: id_no'"), 1);
	/* A hard error wins over a warning: the code is used now. */
	ck_assert_int_eq(entity_save_warn(&fx.s, ent, 0, 0, v, 1, &warned, &id,
	    &where, &e), WY_EINVALID);
	ck_assert_int_eq(warned, 0);
	ck_assert_ptr_nonnull(strstr(e.msg, "already used"));
	values_clear(v, ent->nfields);
	free(v);
	entity_free(&ent);
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
	tcase_add_test(tc, test_import_short_rows);
	tcase_add_test(tc, test_import_nul);
	tcase_add_test(tc, test_import_warning);
	tcase_add_test(tc, test_save_warning);
	tcase_add_test(tc, test_import_missing_file);
	tcase_add_test(tc, test_import_denied);
	tcase_add_test(tc, test_sink_csv);
	tcase_add_test(tc, test_sink_xlsx);
	suite_add_tcase(s, tc);
	return s;
}
