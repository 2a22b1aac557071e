/* wuye: unit tests for period.c (closing a month) and what a closed month
 * refuses. */
#include <check.h>
#include <string.h>

#include "fixture.h"
#include "wuye/cashier.h"
#include "wuye/dbcheck.h"
#include "wuye/date.h"
#include "wuye/period.h"

static struct fixture fx;

/* Bills of 2026-09 (209.93 and 50.00) and 2026-10 (209.93); 250.00 paid on
 * 2026-09-20, 10.00 of the second September bill waived in September. */
static void
setup(void)
{
	struct cashier_payment p = { .room_id = 1, .amount = 25000,
	    .method = "cash", .tendered = -1, .date = "2026-09-20" };
	struct wy_err e = { 0 };

	fixture_open(&fx);
	fixture_sql(&fx,
	    "INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');"
	    "INSERT INTO buildings (id, code, estate_id, name) VALUES "
	    "(1, 'B1', 1, '1号楼');"
	    "INSERT INTO rooms (id, code, building_id, floor, build_area, "
	    "charge_area) VALUES (1, '1-101', 1, 1, 8950, 8950);"
	    "INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三');"
	    "INSERT INTO occupancy (room_id, client_id, role, start_date, payer)"
	    " VALUES (1, 1, 'owner', '2020-01-01', 1);"
	    "INSERT INTO fee_items (id, code, name, method, unit_price) VALUES "
	    "(1, 'WY', '物业管理费', 'area', 23456);"
	    "INSERT INTO fee_items (id, code, name, method, meter_type) VALUES "
	    "(2, 'SF', '水费', 'metered', 'water');"
	    "INSERT INTO meters (id, code, type, room_id) VALUES "
	    "(1, 'W1', 'water', 1);"
	    "INSERT INTO bills (id, room_id, client_id, fee_item_id, period, "
	    "quantity, unit_price, amount, due_date) VALUES "
	    "(1, 1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15'), "
	    "(2, 1, 1, 2, '2026-09', 10000, 50000, 5000, '2026-09-15'), "
	    "(3, 1, 1, 1, '2026-10', 89500, 23456, 20993, '2026-10-15');"
	    "INSERT INTO waivers (bill_id, amount, reason, by, at, period) "
	    "VALUES (2, 1000, '漏水', 'system', '2026-09-21T00:00:00Z', "
	    "'2026-09');"
	    "UPDATE bills SET waived = 1000 WHERE id = 2;"
	    "INSERT INTO readings (meter_id, period, previous, reading, usage) "
	    "VALUES (1, '2026-09', 0, 10000, 10000)");
	ck_assert_msg(cashier_pay(&fx.s, &p, NULL, &e) == WY_OK, "%s", e.msg);
}

static void
teardown(void)
{
	fixture_close(&fx);
}

static int
count_problem(void *arg, const char *problem)
{
	strncat(arg, problem, 1000);
	return 0;
}

/* The number of problems `wuye check` finds; their text in buf. */
static int
problems(char *buf)
{
	struct wy_err e = { 0 };
	int n = -1;

	*buf = '\0';
	ck_assert_msg(dbcheck_run(&fx.s, count_problem, buf, &n, &e) == WY_OK,
	    "%s", e.msg);
	return n;
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

START_TEST(test_close_totals)
{
	struct period_totals t;
	struct wy_err e = { 0 };
	char hex[PERIOD_DIGEST_HEX], buf[4096];

	ck_assert_msg(period_close(&fx.s, "2026-09", &t, &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_int_eq(t.receivable, 25993);
	ck_assert_int_eq(t.received, 25000);
	ck_assert_int_eq(t.waived, 1000);
	/* The blocks: 259.93 - 249.93 paid in the period - 10.00 waived = 0;
	 * the payment 249.93 on September's bills + 0.07 on October's. */
	ck_assert_int_eq(t.paid_in, 24993);
	ck_assert_int_eq(t.bills_waived, 1000);
	ck_assert_int_eq(t.paid_before + t.paid_after, 0);
	ck_assert_int_eq(t.on_period, 24993);
	ck_assert_int_eq(t.on_later, 7);
	ck_assert_int_eq(t.taken, 25000);
	/* 250.00 paid 209.93 + 40.00 of the September bills and 0.07 of
	 * October's (received counts receipts dated in September). */
	ck_assert_int_eq(t.outstanding, 0);
	ck_assert_int_eq(q("SELECT paid FROM bills WHERE id = 3"), 7);
	ck_assert_int_eq(q("SELECT received FROM periods WHERE period = "
	    "'2026-09' AND closed_at IS NOT NULL AND closed_by = 'system'"),
	    25000);
	ck_assert_int_eq(q("SELECT count(*) FROM audit WHERE action = "
	    "'charge.close'"), 1);
	ck_assert_int_eq(period_digest(fx.db, "2026-09", hex, &e), WY_OK);
	ck_assert_int_eq(strlen(hex), 64);
	ck_assert_int_eq(q("SELECT count(*) FROM periods WHERE digest = "
	    "(SELECT digest FROM periods) AND length(digest) = 64"), 1);
	ck_assert_int_eq(problems(buf), 0);
	/* A period row opened before (by a bill run) is closed in place. */
	fixture_sql(&fx, "INSERT INTO periods (period) VALUES ('2026-10')");
	ck_assert_msg(period_close(&fx.s, "2026-10", &t, &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_int_eq(t.receivable, 20993);
	ck_assert_int_eq(t.received, 0);
	ck_assert_int_eq(problems(buf), 0);
}
END_TEST

START_TEST(test_close_refused)
{
	struct session s;
	struct wy_err e = { 0 };
	char buf[PERIOD_BUFSIZE];

	ck_assert_int_eq(period_close(&fx.s, "2026-13", NULL, &e), WY_EINVALID);
	ck_assert_int_eq(period_close(&fx.s, NULL, NULL, &e), WY_EINVALID);
	ck_assert_int_eq(period_close(&fx.s, "2199-01", NULL, &e), WY_ECONFLICT);
	ck_assert_ptr_nonnull(strstr(e.msg, "has not ended yet: it can be "
	    "closed from 2199-02-01 on"));
	ck_assert_int_eq(period_close(&fx.s, "2026-10", NULL, &e), WY_ECONFLICT);
	ck_assert_ptr_nonnull(strstr(e.msg, "period 2026-09 is still open"));
	ck_assert_int_eq(q("SELECT count(*) FROM periods"), 0);
	ck_assert_int_eq(period_to_close(fx.db, buf, &e), WY_OK);
	ck_assert_str_eq(buf, "2026-09");
	ck_assert_int_eq(period_close(&fx.s, "2026-09", NULL, &e), WY_OK);
	ck_assert_int_eq(period_close(&fx.s, "2026-09", NULL, &e), WY_ECONFLICT);
	ck_assert_ptr_nonnull(strstr(e.msg, "was closed before (on "));
	ck_assert_ptr_nonnull(strstr(e.msg, "by system"));
	ck_assert_int_eq(period_can_close(fx.db, "2026-09", &e), WY_ECONFLICT);
	ck_assert_int_eq(period_can_close(fx.db, "2026-10", &e), WY_OK);
	/* Offered next: the oldest open month, then the one after the last
	 * closed. */
	ck_assert_int_eq(period_to_close(fx.db, buf, &e), WY_OK);
	ck_assert_str_eq(buf, "2026-10");
	ck_assert_int_eq(period_close(&fx.s, "2026-10", NULL, &e), WY_OK);
	ck_assert_int_eq(period_to_close(fx.db, buf, &e), WY_OK);
	ck_assert_str_eq(buf, "2026-11");
	ck_assert_int_eq(user_add(&fx.s, "amy", "cashier", "pass", "", &e),
	    WY_OK);
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "amy", "pass", &s, &e),
	    WY_OK);
	ck_assert_int_eq(period_close(&s, "2026-10", NULL, &e), WY_EDENIED);
}
END_TEST

/* Expect constant SQL to be refused by a trigger. */
static void
refused(const char *sql)
{
	struct wy_err e = { 0 };

	ck_assert_msg(db_exec(fx.db, sql, &e) != WY_OK, "not refused: %s", sql);
	ck_assert_msg(strstr(e.msg, "closed") != NULL, "%s: %s", sql, e.msg);
}

START_TEST(test_read_only)
{
	struct cashier_payment p = { .room_id = 1, .amount = 100,
	    .method = "cash", .tendered = -1, .date = "2026-09-25" };
	struct wy_err e = { 0 };
	char buf[4096];

	ck_assert_int_eq(period_close(&fx.s, "2026-09", NULL, &e), WY_OK);
	refused("UPDATE bills SET amount = 1 WHERE id = 1");
	refused("DELETE FROM bills WHERE id = 2");
	refused("INSERT INTO bills (room_id, fee_item_id, period, quantity, "
	    "unit_price, amount, due_date) VALUES (1, 2, '2026-09', 0, 0, 0, "
	    "'2026-09-15')");
	refused("UPDATE receipts SET amount = 1");
	refused("UPDATE receipts SET voided_at = 'x', void_reason = 'x'");
	/* ... but a reprint is counted, and arrears stay collectable. */
	ck_assert_int_eq(db_exec(fx.db, "UPDATE receipts SET printed = 5", &e), WY_OK);
	ck_assert_int_eq(db_exec(fx.db, "UPDATE bills SET paid = paid WHERE id = 1", &e),
	    WY_OK);
	refused("UPDATE allocations SET reversed = 1");
	refused("INSERT INTO allocations (receipt_id, bill_id, amount) "
	    "VALUES (1, 3, 1)");
	refused("INSERT INTO readings (meter_id, period, previous, reading, "
	    "usage) VALUES (1, '2026-09', 0, 1, 1)");
	refused("UPDATE readings SET reading = 1");
	refused("DELETE FROM readings");
	refused("INSERT INTO waivers (bill_id, amount, reason, by, at, period) "
	    "VALUES (3, 1, 'x', 'x', 'x', '2026-09')");
	refused("UPDATE periods SET received = 0");
	ck_assert_int_eq(cashier_pay(&fx.s, &p, NULL, &e), WY_ECONFLICT);
	ck_assert_ptr_nonnull(strstr(e.msg, "2026-09 is closed"));
	ck_assert_int_eq(cashier_void(&fx.s, "C-system-000001", "x", &e),
	    WY_ECONFLICT);
	ck_assert_int_eq(q("SELECT count(*) FROM receipts WHERE voided_at IS "
	    "NULL"), 1);
	ck_assert_int_eq(problems(buf), 0);
}
END_TEST

START_TEST(test_tamper)
{
	struct wy_err e = { 0 };
	char buf[4096];

	ck_assert_int_eq(period_close(&fx.s, "2026-09", NULL, &e), WY_OK);
	ck_assert_int_eq(problems(buf), 0);
	fixture_sql(&fx, "DROP TRIGGER bills_closed_upd;"
	    "UPDATE bills SET due_date = '2026-09-30' WHERE id = 1");
	ck_assert_int_eq(problems(buf), 1);
	ck_assert_msg(strstr(buf, "periods 2026-09: its money rows were "
	    "changed after close") != NULL, "%s", buf);
	fixture_sql(&fx, "UPDATE bills SET due_date = '2026-09-15' WHERE id = 1");
	ck_assert_int_eq(problems(buf), 0);
	fixture_sql(&fx, "UPDATE bills SET amount = 30000 WHERE id = 1");
	ck_assert_int_eq(problems(buf), 1);
	ck_assert_msg(strstr(buf, "periods 2026-09: the totals differ") != NULL,
	    "%s", buf);
}
END_TEST

Suite *
period_suite(void)
{
	Suite *s = suite_create("period");
	TCase *tc = tcase_create("period");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_close_totals);
	tcase_add_test(tc, test_close_refused);
	tcase_add_test(tc, test_read_only);
	tcase_add_test(tc, test_tamper);
	suite_add_tcase(s, tc);
	return s;
}
