/* wuye: unit tests for bank.c (debit files out, results in) and
 * cashier_pay_intx. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/bank.h"
#include "wuye/cashier.h"
#include "wuye/cashier_int.h"

static struct fixture fx;

/* 1-101 (张三, debit) owes 2026-09 and 2026-10, 209.93 each; 1-102 (李四,
 * debit) 1000.00 for 2026-10; 1-103 (王五, no debit) 1000.00. */
static void
setup(void)
{
	fixture_open(&fx);
	fixture_sql(&fx,
	    "INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');"
	    "INSERT INTO buildings (id, code, estate_id, name) VALUES "
	    "(1, 'B1', 1, '1号楼');"
	    "INSERT INTO rooms (id, code, building_id, floor, build_area, "
	    "charge_area) VALUES (1, '1-101', 1, 1, 8950, 8950), "
	    "(2, '1-102', 1, 1, 9000, 9000), (3, '1-103', 1, 1, 9000, 9000);"
	    "INSERT INTO clients (id, code, name, bank, bank_account, bank_debit)"
	    " VALUES (1, 'C1', '张三', '工商银行', '6222020200112233', 1), "
	    "(2, 'C2', '李四', '建设银行', '6217000010002000', 1), "
	    "(3, 'C3', '王五', '', '', 0);"
	    "INSERT INTO occupancy (room_id, client_id, role, start_date, payer)"
	    " VALUES (1, 1, 'owner', '2020-01-01', 1), "
	    "(2, 2, 'owner', '2020-01-01', 1), (3, 3, 'owner', '2020-01-01', 1);"
	    "INSERT INTO fee_items (id, code, name, method, unit_price) VALUES "
	    "(1, 'WY', '物业管理费', 'area', 23456);"
	    "INSERT INTO bills (room_id, client_id, fee_item_id, period, "
	    "quantity, unit_price, amount, due_date) VALUES "
	    "(1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15'), "
	    "(1, 1, 1, '2026-10', 89500, 23456, 20993, '2026-10-15'), "
	    "(2, 2, 1, '2026-10', 1000, 10000000, 100000, '2026-10-15'), "
	    "(3, 3, 1, '2026-10', 1000, 10000000, 100000, '2026-10-15')");
}

static void
teardown(void)
{
	fixture_close(&fx);
}

static int64_t
q(const char *sql)
{
	struct wy_err e = { 0 };
	int64_t v = -1;

	ck_assert_msg(db_int64(fx.db, &v, &e, sql, "") == WY_OK, "%s: %s", sql,
	    e.msg);
	return v;
}

/* Debit lines as text. */
static int
keep(void *arg, const struct bank_line *l, struct wy_err *e)
{
	char *buf = arg;
	size_t n = strlen(buf);

	(void)e;
	snprintf(buf + n, 1024 - n, "%s %s %s %s %s %s %lld\n", l->ref, l->room,
	    l->client, l->name, l->bank, l->account, (long long)l->amount);
	return WY_OK;
}

static int
refuse(void *arg, const struct bank_line *l, struct wy_err *e)
{
	(void)arg, (void)l;
	return wy_fail(e, WY_EFAIL, "disk full");
}

/* Export 2026-10 on 2026-10-20. */
static void
export(void)
{
	struct wy_err e = { 0 };
	char buf[1024] = "";

	ck_assert_msg(bank_export(&fx.s, "2026-10", "2026-10-20", keep, buf,
	    NULL, NULL, &e) == WY_OK, "%s", e.msg);
}

/* Import text as a result file; problems counted in *n. */
static void
count(void *arg, const char *msg)
{
	(void)msg;
	(*(int *)arg)++;
}

static int
import(const char *text, struct bank_import_result *r, int *n,
    struct wy_err *e)
{
	struct bank_import_opts o = { .date = "2026-10-25",
	    .problem = count, .arg = n };

	o.path = fixture_file(&fx, "result.csv", text);
	return bank_import(&fx.s, &o, r, e);
}

#define HEAD "ref,room,client,name,bank,account,amount,result,bank_ref\n"
#define L101 "2026-10-1-101,1-101,C1,张三,工商银行,6222020200112233,419.86"
#define L102 "2026-10-1-102,1-102,C2,李四,建设银行,6217000010002000,1000.00"

START_TEST(test_export)
{
	struct wy_err e = { 0 };
	char buf[1024] = "";
	int64_t total = 0;
	size_t n = 0;

	ck_assert_int_eq(bank_export(&fx.s, NULL, NULL, keep, buf, &n, &total,
	    &e), WY_EINVALID);
	ck_assert_int_eq(bank_export(&fx.s, "2026-13", NULL, keep, buf, &n,
	    &total, &e), WY_EINVALID);
	ck_assert_msg(bank_export(&fx.s, "2026-10", "2026-10-20", keep, buf, &n,
	    &total, &e) == WY_OK, "%s", e.msg);
	ck_assert_str_eq(buf,
	    "2026-10-1-101 1-101 C1 张三 工商银行 6222020200112233 41986\n"
	    "2026-10-1-102 1-102 C2 李四 建设银行 6217000010002000 100000\n");
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(total, 141986);
	ck_assert_int_eq(q("SELECT count(*) FROM bank_debits"), 2);
	/* September only: 1-101's September bill. */
	buf[0] = '\0';
	ck_assert_int_eq(bank_export(&fx.s, "2026-09", "2026-10-20", keep, buf,
	    &n, &total, &e), WY_OK);
	ck_assert_str_eq(buf,
	    "2026-09-1-101 1-101 C1 张三 工商银行 6222020200112233 20993\n");
	/* Again: the lines are refreshed, not doubled. */
	export();
	ck_assert_int_eq(q("SELECT count(*) FROM bank_debits"), 3);
	ck_assert_int_eq(q("SELECT max(version) FROM bank_debits"), 2);
}
END_TEST

START_TEST(test_export_fails)
{
	struct wy_err e = { 0 };
	struct session amy;
	char buf[1024] = "";

	ck_assert_int_eq(bank_export(&fx.s, "2026-10", NULL, refuse, NULL,
	    NULL, NULL, &e), WY_EFAIL);
	ck_assert_int_eq(q("SELECT count(*) FROM bank_debits"), 0);
	fixture_sql(&fx, "UPDATE clients SET bank_debit = 1 WHERE id = 3");
	ck_assert_int_eq(bank_export(&fx.s, "2026-10", NULL, keep, buf, NULL,
	    NULL, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "C3 (王五)"));
	ck_assert_int_eq(q("SELECT count(*) FROM bank_debits"), 0);
	ck_assert_int_eq(user_add(&fx.s, "lin", "clerk", "pass", "", &e),
	    WY_OK);
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "lin", "pass", &amy, &e),
	    WY_OK);
	ck_assert_int_eq(bank_export(&amy, "2026-10", NULL, keep, buf, NULL,
	    NULL, &e), WY_EDENIED);
}
END_TEST

START_TEST(test_import)
{
	struct bank_import_result r;
	struct wy_err e = { 0 };
	int n = 0;

	export();
	ck_assert_msg(import(HEAD L101 ",ok,B001\r\n" L102 ",failed,\r\n", &r,
	    &n, &e) == WY_OK, "%s", e.msg);
	ck_assert_uint_eq(r.ok, 1);
	ck_assert_uint_eq(r.failed, 1);
	ck_assert_int_eq(r.paid, 41986);
	ck_assert_int_eq(q("SELECT count(*) FROM receipts WHERE method = 'bank'"
	    " AND amount = 41986 AND room_id = 1 AND client_id = 1"
	    " AND date = '2026-10-25'"), 1);
	ck_assert_int_eq(q("SELECT sum(paid) FROM bills WHERE room_id = 1"),
	    41986);
	ck_assert_int_eq(q("SELECT receipt_id IS NOT NULL AND bank_ref = 'B001'"
	    " FROM bank_debits WHERE ref = '2026-10-1-101'"), 1);
	ck_assert_int_eq(q("SELECT receipt_id IS NULL FROM bank_debits"
	    " WHERE ref = '2026-10-1-102'"), 1);
	/* Paid already. */
	ck_assert_int_eq(import(HEAD L101 ",ok,B001\n", &r, &n, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "result.csv:2: ref: 2026-10-1-101 "
	    "is paid already"));
	ck_assert_int_eq(q("SELECT count(*) FROM receipts"), 1);
}
END_TEST

START_TEST(test_import_all_or_nothing)
{
	struct bank_import_result r;
	struct wy_err e = { 0 };
	int n = 0;

	export();
	ck_assert_int_eq(import(HEAD L101 ",ok,B001\n"
	    "2026-10-1-102,1-102,C2,李四,建设银行,6217000010002000,1000.01,ok,\n"
	    "2026-10-1-102,1-102,x,x,x,x,1000.00,paid,\n"
	    "2026-10-1-102,1-101,x,x,x,x,1000.00,ok,\n"
	    "2026-11-1-102,1-102,x,x,x,x,1000.00,ok,\n"
	    "2026-10-1-102,1-102,x,x,x,x,1,000.00,ok,\n"
	    L101 ",ok,B001\n"
	    "\"2026-10-1-102\n", &r, &n, &e), WY_EINVALID);
	ck_assert_int_eq(n, 7);
	ck_assert_ptr_nonnull(strstr(e.msg, "result.csv:3: amount: 1000.01"));
	ck_assert_ptr_nonnull(strstr(e.msg, "and 6 more problems"));
	ck_assert_uint_eq(r.ok, 0);
	ck_assert_int_eq(q("SELECT count(*) FROM receipts"), 0);
	ck_assert_int_eq(q("SELECT sum(paid) FROM bills"), 0);
	/* A room paid in part since the export. */
	fixture_sql(&fx, "UPDATE bills SET paid = 100 WHERE room_id = 2");
	n = 0;
	ck_assert_int_eq(import(HEAD L101 ",ok,B001\n" L102 ",ok,B002\n", &r,
	    &n, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "room 1-102 owes 999.00 now"));
	ck_assert_int_eq(q("SELECT count(*) FROM receipts"), 0);
}
END_TEST

START_TEST(test_import_file)
{
	struct bank_import_opts o = { .path = "/nonexistent/x.csv" };
	struct bank_import_result r;
	struct wy_err e = { 0 };
	int n = 0;

	ck_assert_int_eq(bank_import(&fx.s, &o, &r, &e), WY_ENOTFOUND);
	ck_assert_int_eq(import("", &r, &n, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "the file is empty"));
	ck_assert_int_eq(import("ref,room,amount,result\n", &r, &n, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "no column 'client'"));
	/* A header only: nothing to do. */
	ck_assert_int_eq(import("\xef\xbb\xbf" HEAD, &r, &n, &e), WY_OK);
	ck_assert_uint_eq(r.ok + r.failed, 0);
}
END_TEST

/* The lines that passed the checks, as text. */
static void
seen(void *arg, const struct bank_checked *l)
{
	char *buf = arg;
	size_t n = strlen(buf);

	snprintf(buf + n, 1024 - n, "%ld %s %s %s %lld %s\n", l->line, l->ref,
	    l->room, l->client, (long long)l->amount, l->ok ? "ok" : "failed");
}

static int
stop_at(void *arg, long lines)
{
	*(long *)arg = lines;
	return 1;
}

START_TEST(test_import_check_only)
{
	struct bank_import_opts o = { .date = "2026-10-25", .check_only = 1,
	    .checked = seen };
	struct bank_import_result r;
	struct wy_err e = { 0 };
	char buf[1024] = "", big[64 * 1024] = HEAD;
	long at = 0;
	size_t i;

	export();
	o.arg = buf;
	o.path = fixture_file(&fx, "result.csv", HEAD L101 ",ok,B001\n" L102
	    ",failed,\n");
	ck_assert_msg(bank_import(&fx.s, &o, &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_str_eq(buf, "2 2026-10-1-101 1-101 C1 41986 ok\n"
	    "3 2026-10-1-102 1-102 C2 100000 failed\n");
	ck_assert_uint_eq(r.ok, 1);
	ck_assert_uint_eq(r.failed, 1);
	ck_assert_int_eq(r.paid, 41986);
	/* A preview registers nothing. */
	ck_assert_int_eq(q("SELECT count(*) FROM receipts"), 0);
	ck_assert_int_eq(q("SELECT count(*) FROM bank_debits WHERE receipt_id"
	    " IS NOT NULL"), 0);
	/* The progress callback stops a long file: nothing registered. */
	for (i = 0; i < 300; i++)
		strcat(big, L102 ",failed,\n");
	o.check_only = 0;
	o.checked = NULL;
	o.path = fixture_file(&fx, "long.csv", big);
	o.progress = stop_at;
	o.progress_arg = &at;
	ck_assert_int_eq(bank_import(&fx.s, &o, &r, &e), WY_EFAIL);
	ck_assert_int_eq(at, BANK_PROGRESS_LINES);
	ck_assert_ptr_nonnull(strstr(e.msg, "nothing was registered"));
	ck_assert_int_eq(q("SELECT count(*) FROM receipts"), 0);
}
END_TEST

START_TEST(test_pay_intx)
{
	struct cashier_payment p = { .room_id = 2, .amount = 100000,
	    .method = "bank", .tendered = -1, .date = "2026-10-25" };
	struct cashier_receipt r;
	struct wy_err e = { 0 };

	ck_assert_int_eq(db_begin(fx.db, &e), WY_OK);
	ck_assert_msg(cashier_pay_intx(&fx.s, &p, &r, &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_str_eq(r.number, "C-system-000001");
	ck_assert_int_eq(r.allocated, 100000);
	db_rollback(fx.db);
	ck_assert_int_eq(q("SELECT count(*) FROM receipts"), 0);
	p.amount = 100001;
	ck_assert_int_eq(db_begin(fx.db, &e), WY_OK);
	ck_assert_int_eq(cashier_pay_intx(&fx.s, &p, &r, &e), WY_EINVALID);
	db_rollback(fx.db);
}
END_TEST

Suite *
bank_suite(void)
{
	Suite *s = suite_create("bank");
	TCase *tc = tcase_create("bank");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_export);
	tcase_add_test(tc, test_export_fails);
	tcase_add_test(tc, test_import);
	tcase_add_test(tc, test_import_all_or_nothing);
	tcase_add_test(tc, test_import_file);
	tcase_add_test(tc, test_import_check_only);
	tcase_add_test(tc, test_pay_intx);
	suite_add_tcase(s, tc);
	return s;
}
