/* wuye unit tests for bill.c: the bill run's amounts, payer at the end of
 * the period, idempotent reruns, previews, closed periods, missing
 * readings, shared meters, a fault in the middle, and speed. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fixture.h"
#include "wuye/bill.h"
#include "wuye/cashier.h"
#include "wuye/conf.h"
#include "wuye/dbcheck.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/fee.h"

static struct fixture fx;

static void
setup(void)
{
	fixture_open(&fx);
	fixture_sql(&fx,
	    "INSERT INTO estates (id, code, name) VALUES (1, 'JX', '锦绣花园'), (2, 'CH', '翠湖苑');"
	    "INSERT INTO buildings (id, code, estate_id, name, floors, units)"
	    " VALUES (1, 'A1', 1, '1栋', 30, 2), (2, 'C1', 2, '商铺', 2, 1);"
	    "INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area, state)"
	    " VALUES (1, 'A1-101', 1, 1, 9000, 8950, 'owner'),"
	    " (2, 'A1-102', 1, 1, 13000, 12000, 'vacant'),"
	    " (3, 'C1-101', 2, 1, 5000, 4500, 'rented');"
	    "INSERT INTO clients (id, code, name) VALUES (1, 'C1', '王伟'), (2, 'C2', '李娜');"
	    "INSERT INTO occupancy (room_id, client_id, role, start_date, end_date, payer)"
	    " VALUES (1, 1, 'owner', '2019-01-01', '2026-03-31', 1),"
	    " (1, 2, 'owner', '2026-03-31', NULL, 1),"
	    " (3, 1, 'tenant', '2026-04-01', NULL, 1);"
	    "INSERT INTO parking_spaces (id, code, estate_id, fee_price) VALUES (1, 'P1', 1, 15000);"
	    "INSERT INTO fee_items (id, code, name, method, meter_type, unit_price, cycle, due_day)"
	    " VALUES (1, 'WY', '物业费', 'area', NULL, 23456, 'monthly', 15),"
	    " (2, 'SF', '水费', 'tiered', 'water', 0, 'monthly', 20),"
	    " (3, 'CW', '车位费', 'parking', NULL, 0, 'monthly', 10),"
	    " (4, 'GL', '管理费', 'fixed', NULL, 300000, 'quarterly', 15);"
	    "INSERT INTO fee_tiers (fee_item_id, upto, unit_price)"
	    " VALUES (2, 10000, 35000), (2, 20000, 45500), (2, NULL, 60000);"
	    "INSERT INTO fee_standards (room_id, fee_item_id, start_period, end_period,"
	    " discount, vacant_discount, space_id) VALUES"
	    " (1, 1, '2026-01', NULL, 0, 0, NULL), (2, 1, '2026-01', NULL, 0, 5000, NULL),"
	    " (3, 1, '2026-01', NULL, 0, 0, NULL), (1, 2, '2026-01', NULL, 0, 0, NULL),"
	    " (2, 2, '2026-01', NULL, 0, 0, NULL), (1, 3, '2026-01', '2026-02', 0, 0, 1),"
	    " (1, 4, '2026-01', NULL, 0, 0, NULL);"
	    "INSERT INTO meters (id, code, type, room_id) VALUES (1, 'W1', 'water', 1);"
	    "INSERT INTO readings (meter_id, period, previous, reading, usage)"
	    " VALUES (1, '2026-03', 100000, 123500, 23500);");
}

static void
teardown(void)
{
	fixture_close(&fx);
}

static int64_t
num(const char *sql)
{
	struct wy_err e = { 0 };
	int64_t v = -1;

	ck_assert_int_eq(db_int64(fx.db, &v, &e, sql, ""), WY_OK);
	return v;
}

/* The result line of item code. */
static const struct bill_item_total *
item(const struct bill_result *r, const char *code)
{
	size_t i;

	for (i = 0; i < r->nitems; i++)
		if (strcmp(r->items[i].code, code) == 0)
			return &r->items[i];
	ck_abort_msg("no item %s", code);
	return NULL;
}

static int
count_problem(void *arg, const char *problem)
{
	(void)problem;
	(*(int *)arg)++;
	return 0;
}

/* Give client 2 (room 1's payer from 2026-03-31) 500.00 of prepayment. */
static void
prepay_500(void)
{
	struct cashier_payment p = { .room_id = 1, .client_id = 2,
	    .amount = 50000, .method = "cash", .tendered = -1,
	    .keep_surplus = 1, .date = "2026-03-01" };
	struct cashier_receipt rec;
	struct wy_err e = { 0 };

	ck_assert_msg(cashier_pay(&fx.s, &p, &rec, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(rec.prepay_in, 50000);
}

/* A run pays the new bills of a payer with a balance from it, in the
 * estate's transaction; the money invariants hold. */
START_TEST(test_prepay_draw)
{
	struct bill_result r;
	struct wy_err e = { 0 };
	int n = -1, calls = 0;

	prepay_500();
	ck_assert_int_eq(bill_run(&fx.s, "2026-03", NULL, 0, NULL, NULL, &r, &e), WY_OK);
	/* Room 1 (client 2): WY 209.93 + SF 101.50. */
	ck_assert_int_eq(r.draws, 1);
	ck_assert_int_eq(r.drawn, 20993 + 10150);
	bill_result_free(&r);
	ck_assert_int_eq(num("SELECT sum(amount) FROM prepayments WHERE client_id = 2"),
	    50000 - 31143);
	ck_assert_int_eq(num("SELECT count(*) FROM bills WHERE room_id = 1"
	    " AND amount > paid + waived"), 0);
	ck_assert_int_eq(num("SELECT count(*) FROM receipts WHERE method = 'prepay'"
	    " AND prepay_out = 31143 AND amount = 0"), 1);
	/* Room 2 has no payer and room 3's is not March's: unpaid. */
	ck_assert_int_eq(num("SELECT count(*) FROM bills WHERE amount > paid + waived"), 2);
	ck_assert_int_eq(dbcheck_run(&fx.s, count_problem, &calls, &n, &e), WY_OK);
	ck_assert_int_eq(n, 0);

	/* A rerun makes nothing and draws nothing. */
	ck_assert_int_eq(bill_run(&fx.s, "2026-03", NULL, 0, NULL, NULL, &r, &e), WY_OK);
	ck_assert_int_eq(r.draws, 0);
	bill_result_free(&r);
}
END_TEST

/* A balance smaller than the bills is drawn whole; the option turns the
 * draw off; a failing run draws nothing. */
START_TEST(test_prepay_partial)
{
	struct bill_result r;
	struct wy_err e = { 0 };

	prepay_500();
	fixture_sql(&fx, "UPDATE fee_items SET unit_price = 99999999 WHERE code = 'WY'");
	ck_assert_int_eq(conf_set(fx.conf, "bill.draw_prepayment", "no", &e), WY_OK);
	ck_assert_int_eq(bill_run(&fx.s, "2026-03", "CH", 0, NULL, NULL, &r, &e), WY_OK);
	ck_assert_int_eq(r.draws, 0);
	bill_result_free(&r);
	ck_assert_int_eq(conf_set(fx.conf, "bill.draw_prepayment", "yes", &e), WY_OK);
	fixture_sql(&fx, "CREATE TRIGGER test_fault BEFORE INSERT ON receipts"
	    " WHEN NEW.method = 'prepay' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
	ck_assert_int_ne(bill_run(&fx.s, "2026-03", "JX", 0, NULL, NULL, &r, &e), WY_OK);
	ck_assert_int_eq(r.draws, 0);
	bill_result_free(&r);
	ck_assert_int_eq(num("SELECT count(*) FROM bills WHERE room_id = 1"), 0);
	fixture_sql(&fx, "DROP TRIGGER test_fault");
	ck_assert_int_eq(bill_run(&fx.s, "2026-03", "JX", 0, NULL, NULL, &r, &e), WY_OK);
	ck_assert_int_eq(r.draws, 1);
	ck_assert_int_eq(r.drawn, 50000);
	bill_result_free(&r);
	ck_assert_int_eq(num("SELECT sum(amount) FROM prepayments WHERE client_id = 2"), 0);
}
END_TEST

START_TEST(test_args)
{
	struct session s = fx.s;
	struct bill_result r;
	struct wy_err e = { 0 };

	ck_assert_int_eq(bill_run(&fx.s, NULL, NULL, 0, NULL, NULL, &r, &e), WY_EINVALID);
	bill_result_free(&r);
	ck_assert_int_eq(bill_run(&fx.s, "", NULL, 0, NULL, NULL, &r, &e), WY_EINVALID);
	bill_result_free(&r);
	ck_assert_int_eq(bill_run(&fx.s, "2026-3", NULL, 0, NULL, NULL, &r, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "2026-3"));
	bill_result_free(&r);
	ck_assert_int_eq(bill_run(&fx.s, "2026-03", "无此小区", 0, NULL, NULL, &r, &e),
	    WY_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(e.msg, "无此小区"));
	bill_result_free(&r);
	snprintf(s.perms, sizeof s.perms, "|charge.read|");
	ck_assert_int_eq(bill_run(&s, "2026-03", NULL, 0, NULL, NULL, &r, &e), WY_EDENIED);
	bill_result_free(&r);
	ck_assert_int_eq(num("SELECT count(*) FROM bills"), 0);
}
END_TEST

START_TEST(test_run)
{
	struct bill_result r;
	struct wy_err e = { 0 };

	ck_assert_int_eq(bill_run(&fx.s, "2026-03", NULL, 0, NULL, NULL, &r, &e), WY_OK);
	/* WY: 2.3456 x 89.50 = 209.93; x 120 x 50 % = 140.74 (140.736);
	 * x 45 = 105.55 (105.552). */
	ck_assert_int_eq(item(&r, "WY")->bills, 3);
	ck_assert_int_eq(item(&r, "WY")->total, 20993 + 14074 + 10555);
	/* SF: 23.5 m3 = 101.50; room 2 has no meter: missing. */
	ck_assert_int_eq(item(&r, "SF")->bills, 1);
	ck_assert_int_eq(item(&r, "SF")->total, 10150);
	ck_assert_int_eq(item(&r, "SF")->missing, 1);
	ck_assert_int_eq(item(&r, "CW")->bills, 0);	/* ended in 2026-02 */
	ck_assert_int_eq(item(&r, "GL")->bills, 0);	/* quarterly: not in March */
	ck_assert_int_eq(r.bills, 4);
	ck_assert_int_eq(r.total, 20993 + 14074 + 10555 + 10150);
	ck_assert_int_eq(r.missing, 1);
	ck_assert_int_eq(r.runs, 2);
	ck_assert_int_eq(num("SELECT count(*) FROM bills"), 4);
	/* 281.47 (281.472) less 140.74. */
	ck_assert_int_eq(num("SELECT discount FROM bills WHERE room_id = 2"), 14073);
	ck_assert_int_eq(num("SELECT due_date = '2026-03-20' FROM bills WHERE fee_item_id = 2"), 1);
	ck_assert_int_eq(num("SELECT sum(total) FROM bill_runs"), r.total);
	ck_assert_int_eq(num("SELECT count(*) FROM audit WHERE action = 'bill.run'"), 2);
	ck_assert_int_eq(num("SELECT count(*) FROM bills WHERE run_id IS NULL"), 0);
	bill_result_free(&r);
	/* Payer on 2026-03-31: the one from that day; a payer from April is
	 * not March's. */
	ck_assert_int_eq(num("SELECT client_id FROM bills WHERE room_id = 1 AND fee_item_id = 1"), 2);
	ck_assert_int_eq(num("SELECT client_id IS NULL FROM bills WHERE room_id = 3"), 1);

	/* Again: nothing new, no run row, no audit entry. */
	ck_assert_int_eq(bill_run(&fx.s, "2026-03", NULL, 0, NULL, NULL, &r, &e), WY_OK);
	ck_assert_int_eq(r.bills, 0);
	ck_assert_int_eq(r.total, 0);
	ck_assert_int_eq(r.existing, 4);
	ck_assert_int_eq(r.runs, 0);
	bill_result_free(&r);
	ck_assert_int_eq(num("SELECT count(*) FROM bills"), 4);
	ck_assert_int_eq(num("SELECT count(*) FROM bill_runs"), 2);
	ck_assert_int_eq(num("SELECT count(*) FROM audit WHERE action = 'bill.run'"), 2);

	/* A new reading bills the missing room on the next run only. */
	fixture_sql(&fx, "INSERT INTO meters (id, code, type, room_id) VALUES (2, 'W2', 'water', 2);"
	    "INSERT INTO readings (meter_id, period, previous, reading, usage)"
	    " VALUES (2, '2026-03', 0, 5000, 5000)");
	ck_assert_int_eq(bill_run(&fx.s, "2026-03", NULL, 0, NULL, NULL, &r, &e), WY_OK);
	ck_assert_int_eq(r.bills, 1);
	ck_assert_int_eq(r.total, 1750);
	bill_result_free(&r);

	/* April is a quarter's first month. */
	ck_assert_int_eq(bill_run(&fx.s, "2026-04", "JX", 0, NULL, NULL, &r, &e), WY_OK);
	ck_assert_int_eq(item(&r, "GL")->bills, 1);
	ck_assert_int_eq(item(&r, "GL")->total, 3000);
	ck_assert_int_eq(item(&r, "WY")->bills, 2);
	ck_assert_int_eq(num("SELECT count(*) FROM bills WHERE period = '2026-04' AND room_id = 3"), 0);
	bill_result_free(&r);
}
END_TEST

START_TEST(test_preview)
{
	struct bill_result r;
	struct wy_err e = { 0 };
	int64_t audit = num("SELECT count(*) FROM audit");

	ck_assert_int_eq(bill_run(&fx.s, "2026-03", NULL, 1, NULL, NULL, &r, &e), WY_OK);
	ck_assert_int_eq(r.bills, 4);
	ck_assert_int_eq(r.total, 20993 + 14074 + 10555 + 10150);
	ck_assert_int_eq(r.runs, 0);
	bill_result_free(&r);
	ck_assert_int_eq(num("SELECT count(*) FROM bills"), 0);
	ck_assert_int_eq(num("SELECT count(*) FROM bill_runs"), 0);
	ck_assert_int_eq(num("SELECT count(*) FROM audit"), audit);
	/* After a run, a preview shows nothing left to bill. */
	ck_assert_int_eq(bill_run(&fx.s, "2026-03", "CH", 0, NULL, NULL, &r, &e), WY_OK);
	ck_assert_int_eq(r.bills, 1);
	bill_result_free(&r);
	ck_assert_int_eq(bill_run(&fx.s, "2026-03", NULL, 1, NULL, NULL, &r, &e), WY_OK);
	ck_assert_int_eq(r.bills, 3);
	ck_assert_int_eq(r.existing, 1);
	bill_result_free(&r);
}
END_TEST

START_TEST(test_closed)
{
	struct bill_result r;
	struct wy_err e = { 0 };

	fixture_sql(&fx, "INSERT INTO periods (period, closed_at, closed_by)"
	    " VALUES ('2026-03', '2026-04-01T00:00:00Z', 'admin')");
	ck_assert_int_eq(bill_run(&fx.s, "2026-03", NULL, 0, NULL, NULL, &r, &e), WY_ECONFLICT);
	ck_assert_ptr_nonnull(strstr(e.msg, "2026-03 is closed"));
	bill_result_free(&r);
	ck_assert_int_eq(bill_run(&fx.s, "2026-03", NULL, 1, NULL, NULL, &r, &e), WY_ECONFLICT);
	bill_result_free(&r);
	ck_assert_int_eq(num("SELECT count(*) FROM bills"), 0);
	ck_assert_int_eq(num("SELECT count(*) FROM bill_runs"), 0);
	/* An open period row does not stop a run. */
	fixture_sql(&fx, "INSERT INTO periods (period) VALUES ('2026-02')");
	ck_assert_int_eq(bill_run(&fx.s, "2026-02", NULL, 0, NULL, NULL, &r, &e), WY_OK);
	ck_assert_int_eq(r.bills, 4);	/* WY x 3, CW; no SF reading in Feb */
	bill_result_free(&r);
}
END_TEST

/* A failing insert in the middle of estate JX: JX gets nothing; CH,
 * billed before it in its own transaction, keeps its bill. */
START_TEST(test_fault)
{
	struct bill_result r;
	struct wy_err e = { 0 };

	fixture_sql(&fx, "CREATE TRIGGER test_fault BEFORE INSERT ON bills"
	    " WHEN NEW.room_id = 2 BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
	ck_assert_int_ne(bill_run(&fx.s, "2026-03", NULL, 0, NULL, NULL, &r, &e), WY_OK);
	ck_assert_ptr_nonnull(strstr(e.msg, "estate JX"));
	ck_assert_int_eq(r.bills, 1);	/* CH's */
	bill_result_free(&r);
	ck_assert_int_eq(num("SELECT count(*) FROM bills WHERE room_id IN (1, 2)"), 0);
	ck_assert_int_eq(num("SELECT count(*) FROM bills WHERE room_id = 3"), 1);
	ck_assert_int_eq(num("SELECT count(*) FROM bill_runs"), 1);
	ck_assert_int_eq(num("SELECT count(*) FROM bill_runs WHERE estate_id = 1"), 0);
	/* Fixed, the rerun completes JX without doubling CH. */
	fixture_sql(&fx, "DROP TRIGGER test_fault");
	ck_assert_int_eq(bill_run(&fx.s, "2026-03", NULL, 0, NULL, NULL, &r, &e), WY_OK);
	ck_assert_int_eq(r.bills, 3);
	bill_result_free(&r);
	ck_assert_int_eq(num("SELECT count(*) FROM bills"), 4);
}
END_TEST

START_TEST(test_shared)
{
	struct bill_result r;
	struct wy_err e = { 0 };

	/* A building meter of 10 m3 split by area 89.50 : 120.00 = 4.272 :
	 * 5.728; room 2 has no meter of its own and is billed its share. */
	fixture_sql(&fx, "INSERT INTO meters (id, code, type, building_id, apportion)"
	    " VALUES (3, 'WA1', 'water', 1, 'area');"
	    "INSERT INTO readings (meter_id, period, previous, reading, usage)"
	    " VALUES (3, '2026-03', 0, 10000, 10000)");
	ck_assert_int_eq(bill_run(&fx.s, "2026-03", "JX", 0, NULL, NULL, &r, &e), WY_OK);
	ck_assert_int_eq(item(&r, "SF")->bills, 2);
	ck_assert_int_eq(item(&r, "SF")->missing, 0);
	bill_result_free(&r);
	ck_assert_int_eq(num("SELECT quantity FROM bills WHERE room_id = 1 AND fee_item_id = 2"),
	    23500 + 4272);
	ck_assert_int_eq(num("SELECT quantity FROM bills WHERE room_id = 2 AND fee_item_id = 2"), 5728);
	/* The meter's 10 m3 at the first tier, 3.50, is 35.00: 14.952 and
	 * 20.047 of it, the fen left over to room 2 (remainder .773 over
	 * .227): 14.95 + 20.05.  Room 1's own 23.5 m3 are tiered alone:
	 * 35.00 + 45.50 + 21.00 = 101.50. */
	ck_assert_int_eq(num("SELECT amount FROM bills WHERE room_id = 2 AND fee_item_id = 2"), 2005);
	ck_assert_int_eq(num("SELECT amount FROM bills WHERE room_id = 1 AND fee_item_id = 2"),
	    10150 + 1495);
}
END_TEST

/* 100.00 of a shared meter split equally over 3 rooms is 33.34 + 33.33 +
 * 33.33 (the fen left over to the first room code), whatever the usage
 * split; by area over the same rooms it adds up too; rooms under both a
 * building and an estate meter get both parts; a room without the item
 * does not take its part, and the run says so. */
START_TEST(test_shared_equal)
{
	struct bill_result r;
	struct bill_split b;
	struct wy_err e = { 0 };

	fixture_sql(&fx, "INSERT INTO rooms (id, code, building_id, floor, build_area,"
	    " charge_area, state) VALUES (4, 'A1-103', 1, 1, 9000, 7777, 'owner');"
	    "INSERT INTO fee_items (id, code, name, method, meter_type, unit_price)"
	    " VALUES (5, 'DF', '公摊电费', 'metered', 'electricity', 10000);"
	    "INSERT INTO fee_standards (room_id, fee_item_id, start_period)"
	    " VALUES (1, 5, '2026-01'), (2, 5, '2026-01'), (4, 5, '2026-01');"
	    "INSERT INTO meters (id, code, type, building_id, apportion)"
	    " VALUES (3, 'EA1', 'electricity', 1, 'equal');"
	    "INSERT INTO readings (meter_id, period, previous, reading, usage)"
	    " VALUES (3, '2026-03', 0, 100000, 100000)");
	ck_assert_int_eq(bill_split(&fx.s, 3, "2026-03", &b, &e), WY_OK);
	ck_assert_uint_eq(b.nitems, 1);
	ck_assert_int_eq(b.items[0].total, 10000);
	ck_assert_int_eq(b.amounts[0], 3334);
	ck_assert_int_eq(b.amounts[1], 3333);
	ck_assert_int_eq(b.amounts[2], 3333);
	ck_assert_int_eq(b.a.shares[0].weight, 1);
	bill_split_free(&b);
	ck_assert_int_eq(bill_run(&fx.s, "2026-03", "JX", 0, NULL, NULL, &r, &e), WY_OK);
	ck_assert_int_eq(item(&r, "DF")->bills, 3);
	ck_assert_int_eq(item(&r, "DF")->total, 10000);
	ck_assert_int_eq(r.unbilled_shares, 0);
	bill_result_free(&r);
	ck_assert_int_eq(num("SELECT sum(amount) FROM bills WHERE fee_item_id = 5"), 10000);
	ck_assert_int_eq(num("SELECT amount FROM bills b JOIN rooms r ON r.id = b.room_id"
	    " WHERE fee_item_id = 5 AND r.code = 'A1-101'"), 3334);
	ck_assert_int_eq(num("SELECT sum(quantity) FROM bills WHERE fee_item_id = 5"), 100000);

	/* April: by area 89.50 : 120.00 : 77.77 of 123.45 (123.45 kWh at
	 * 1.0000), and an estate meter of 0.07 equally; room 4 loses its
	 * standard, so its parts are not billed and are counted. */
	fixture_sql(&fx, "UPDATE meters SET apportion = 'area' WHERE id = 3;"
	    "INSERT INTO meters (id, code, type, estate_id, apportion)"
	    " VALUES (4, 'EJX', 'electricity', 1, 'equal');"
	    "INSERT INTO readings (meter_id, period, previous, reading, usage)"
	    " VALUES (3, '2026-04', 100000, 223450, 123450),"
	    " (4, '2026-04', 0, 70, 70);"
	    "UPDATE fee_standards SET end_period = '2026-03' WHERE room_id = 4"
	    " AND fee_item_id = 5");
	ck_assert_int_eq(bill_run(&fx.s, "2026-04", "JX", 0, NULL, NULL, &r, &e), WY_OK);
	ck_assert_int_eq(item(&r, "DF")->bills, 2);
	ck_assert_int_eq(r.unbilled_shares, 1);
	/* 123.45 x 77.77 / 287.27 = 33.420 (33.42 after the left-over fen
	 * go to the larger remainders) and 0.07 / 3 = 0.02: 33.44. */
	ck_assert_int_eq(r.unbilled_amount + item(&r, "DF")->total, 12345 + 7);
	bill_result_free(&r);
}
END_TEST

START_TEST(test_late_fee)
{
	struct bill_result r;
	struct fee_item it;
	struct wy_err e = { 0 };
	int64_t fee = -1, id;
	int32_t day;

	ck_assert_int_eq(bill_fee_item(&fx.s, 2, &it, &e), WY_OK);
	ck_assert_int_eq(it.method, FEE_TIERED);
	ck_assert_uint_eq(it.ntiers, 3);
	ck_assert_int_eq(it.tiers[2].upto, FEE_REST);
	ck_assert_int_eq(bill_fee_item(&fx.s, 99, &it, &e), WY_ENOTFOUND);
	fixture_sql(&fx, "UPDATE fee_items SET late_after = 10, late_rate = 500,"
	    " late_cap = 100 WHERE id = 1");
	ck_assert_int_eq(bill_run(&fx.s, "2026-03", "JX", 0, NULL, NULL, &r, &e), WY_OK);
	bill_result_free(&r);
	id = num("SELECT id FROM bills WHERE room_id = 1 AND fee_item_id = 1");
	/* 209.93 due 2026-03-15, 10 days' grace to 03-25: on 04-05, 11 days
	 * x 0.05 % = 1.154615 -> 1.15; the cap is 1 % = 2.10. */
	ck_assert_int_eq(date_parse("2026-04-05", &day, &e), WY_OK);
	ck_assert_int_eq(bill_late_fee(&fx.s, id, day, &fee, &e), WY_OK);
	ck_assert_int_eq(fee, 115);
	ck_assert_int_eq(bill_late_fee(&fx.s, id, day + 100, &fee, &e), WY_OK);
	ck_assert_int_eq(fee, 210);
	ck_assert_int_eq(bill_late_fee(&fx.s, id, day - 20, &fee, &e), WY_OK);
	ck_assert_int_eq(fee, 0);
	ck_assert_int_eq(bill_late_fee(&fx.s, 9999, day, &fee, &e), WY_ENOTFOUND);
}
END_TEST

START_TEST(test_assign)
{
	struct wy_err e = { 0 };
	int64_t n = -1;

	/* Item GL for estate JX from 2026-05: rooms 1 and 2 (room 1 already
	 * has one from 2026-01, which stays; the new one starts later). */
	ck_assert_int_eq(bill_assign_standard(&fx.s, 4, 0, 1, "2026-05", NULL, &n, &e), WY_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(num("SELECT count(*) FROM fee_standards WHERE fee_item_id = 4"), 3);
	/* Again: nothing new. */
	ck_assert_int_eq(bill_assign_standard(&fx.s, 4, 0, 1, "2026-05", NULL, &n, &e), WY_OK);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(bill_assign_standard(&fx.s, 4, 2, 0, "2026-05", "2026-12", &n, &e), WY_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(num("SELECT count(*) FROM fee_standards WHERE end_period = '2026-12'"), 1);
	ck_assert_int_eq(num("SELECT count(*) FROM audit WHERE action = 'charge.assign'"), 3);
	ck_assert_int_eq(bill_assign_standard(&fx.s, 4, 1, 1, "2026-05", NULL, &n, &e), WY_EINVALID);
	ck_assert_int_eq(bill_assign_standard(&fx.s, 4, 0, 0, "2026-05", NULL, &n, &e), WY_EINVALID);
	ck_assert_int_eq(bill_assign_standard(&fx.s, 4, 1, 0, "2026-5", NULL, &n, &e), WY_EINVALID);
	ck_assert_int_eq(bill_assign_standard(&fx.s, 4, 1, 0, "2026-05", "2026-04", &n, &e),
	    WY_EINVALID);
	ck_assert_int_eq(bill_assign_standard(&fx.s, 99, 1, 0, "2026-05", NULL, &n, &e),
	    WY_EINVALID);	/* no such item: the foreign key */
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(num("SELECT count(*) FROM fee_standards WHERE fee_item_id = 99"), 0);
}
END_TEST

static void
count_progress(void *arg, int64_t done, int64_t total)
{
	int64_t *calls = arg;

	ck_assert_int_le(done, total);
	(*calls)++;
}

/* 2,000 rooms x 5 items. */
START_TEST(test_speed)
{
	struct bill_result r;
	struct wy_err e = { 0 };
	struct timespec t0, t1;
	int64_t calls = 0;
	double ms;

	fixture_sql(&fx, "BEGIN;"
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
	    " INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area)"
	    " SELECT 100 + i, 'S-' || i, 1, 1, 9000, 8000 + i FROM n;"
	    "INSERT INTO fee_items (id, code, name, method, unit_price) VALUES"
	    " (11, 'F1', 'f1', 'fixed', 100000), (12, 'F2', 'f2', 'area', 12345),"
	    " (13, 'F3', 'f3', 'area', 5000), (14, 'F4', 'f4', 'fixed', 20000),"
	    " (15, 'F5', 'f5', 'fixed', 30000);"
	    "INSERT INTO fee_standards (room_id, fee_item_id, start_period)"
	    " SELECT r.id, f.id, '2026-01' FROM rooms r, fee_items f"
	    " WHERE r.id >= 100 AND f.id >= 11;"
	    "INSERT INTO occupancy (room_id, client_id, role, start_date, payer)"
	    " SELECT id, 1, 'owner', '2020-01-01', 1 FROM rooms WHERE id >= 100;"
	    "COMMIT");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ck_assert_int_eq(bill_run(&fx.s, "2026-03", "JX", 0, count_progress, &calls,
	    &r, &e), WY_OK);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	ck_assert_int_eq(r.bills, 10000 + 3);
	ck_assert_int_gt(calls, 10);
	bill_result_free(&r);
	ck_assert_int_eq(num("SELECT count(*) FROM bills WHERE client_id = 1"), 10000);
	/* Well under 100 ms in an optimised build; generous for sanitisers. */
	ck_assert_msg(ms < 1500, "the bill run took %.0f ms", ms);
}
END_TEST

Suite *
bill_suite(void)
{
	Suite *s = suite_create("bill");
	TCase *tc = tcase_create("bill_run");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_args);
	tcase_add_test(tc, test_run);
	tcase_add_test(tc, test_preview);
	tcase_add_test(tc, test_closed);
	tcase_add_test(tc, test_fault);
	tcase_add_test(tc, test_shared);
	tcase_add_test(tc, test_shared_equal);
	tcase_add_test(tc, test_late_fee);
	tcase_add_test(tc, test_assign);
	tcase_add_test(tc, test_prepay_draw);
	tcase_add_test(tc, test_prepay_partial);
	tcase_add_test(tc, test_speed);
	suite_add_tcase(s, tc);
	return s;
}
