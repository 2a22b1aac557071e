/* wuye: unit tests for cashier.c (payments, voids, waivers, prepayment,
 * deposits) and the money rules `wuye check` adds for them. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/cashier.h"
#include "wuye/dbcheck.h"
#include "wuye/entity.h"

static struct fixture fx;

/* Two rooms; room 1 (payer 张三) has bills 1 (2026-09) and 2 (2026-10) of
 * 209.93 each, no late fee; room 2 (李四) bill 3 with a late fee. */
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
	    "(2, '1-102', 1, 1, 9000, 9000);"
	    "INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三'), "
	    "(2, 'C2', '李四');"
	    "INSERT INTO occupancy (room_id, client_id, role, start_date, payer)"
	    " VALUES (1, 1, 'owner', '2020-01-01', 1), "
	    "(2, 2, 'owner', '2020-01-01', 1);"
	    "INSERT INTO fee_items (id, code, name, method, unit_price) VALUES "
	    "(1, 'WY', '物业管理费', 'area', 23456);"
	    "INSERT INTO fee_items (id, code, name, method, unit_price, "
	    "late_rate, late_cap) VALUES (2, 'PK', '停车费', 'fixed', 1000000, "
	    "1000, 500);"
	    "INSERT INTO fee_items (id, code, name, method, deposit) VALUES "
	    "(3, 'YJ', '装修押金', 'oneoff', 1);"
	    "INSERT INTO bills (id, room_id, client_id, fee_item_id, period, "
	    "quantity, unit_price, amount, due_date) VALUES "
	    "(1, 1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15'), "
	    "(2, 1, 1, 1, '2026-10', 89500, 23456, 20993, '2026-10-15'), "
	    "(3, 2, 2, 2, '2026-10', 1000, 1000000, 10000, '2026-10-15')");
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

static int
count_problem(void *arg, const char *problem)
{
	(void)problem;
	(*(int *)arg)++;
	return 0;
}

/* The number of problems `wuye check` finds. */
static int
problems(void)
{
	struct wy_err e = { 0 };
	int n = -1, calls = 0;

	ck_assert_msg(dbcheck_run(&fx.s, count_problem, &calls, &n, &e) ==
	    WY_OK, "%s", e.msg);
	return n;
}

/* Pay amount fen for room on 2026-11-20. */
static int
pay(int64_t room, int64_t amount, const char *method,
    struct cashier_receipt *r, struct wy_err *e)
{
	struct cashier_payment p = { .room_id = room, .amount = amount,
	    .method = method, .tendered = -1, .date = "2026-11-20" };

	return cashier_pay(&fx.s, &p, r, e);
}

START_TEST(test_late_fee)
{
	int32_t due = 20000;

	ck_assert_int_eq(cashier_late_fee(10000, 10000, due, 0, 0, 0, due + 30), 0);
	ck_assert_int_eq(cashier_late_fee(10000, 10000, due, 0, 1000, 0, due), 0);
	ck_assert_int_eq(cashier_late_fee(10000, 10000, due, 5, 1000, 0, due + 5), 0);
	/* 100.00 x 0.1 % x 6 days = 0.60. */
	ck_assert_int_eq(cashier_late_fee(10000, 10000, due, 5, 1000, 0, due + 11), 60);
	/* 0.05 fen rounds half-up to 1 fen: 50 fen x 0.1 % = 0.05. */
	ck_assert_int_eq(cashier_late_fee(50, 50, due, 0, 1000, 0, due + 1), 0);
	ck_assert_int_eq(cashier_late_fee(500, 500, due, 0, 1000, 0, due + 1), 1);
	/* Capped at 5 % of the bill. */
	ck_assert_int_eq(cashier_late_fee(10000, 10000, due, 0, 1000, 500, due + 100), 500);
	ck_assert_int_eq(cashier_late_fee(0, 10000, due, 0, 1000, 0, due + 100), 0);
}
END_TEST

START_TEST(test_unpaid)
{
	struct cashier_bill *v;
	struct wy_err e = { 0 };
	size_t n;

	ck_assert_int_eq(cashier_unpaid(&fx.s, 2, 0, "2026-10-25", &v, &n, &e),
	    WY_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(v[0].item, "停车费");
	ck_assert_int_eq(v[0].outstanding, 10000);
	ck_assert_int_eq(v[0].late_fee, 100);	/* 10 days x 0.1 % */
	free(v);
	ck_assert_int_eq(cashier_unpaid(&fx.s, 0, 1, NULL, &v, &n, &e), WY_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(v[0].period, "2026-09");
	free(v);
	ck_assert_int_eq(cashier_unpaid(&fx.s, 0, 1, "2026-02-30", &v, &n, &e),
	    WY_EINVALID);
}
END_TEST

/* A bill is due on its due date and after, not before. */
START_TEST(test_unpaid_due)
{
	struct cashier_bill *v;
	struct wy_err e = { 0 };
	size_t n;

	ck_assert_int_eq(cashier_unpaid(&fx.s, 1, 0, "2026-10-14", &v, &n, &e),
	    WY_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(v[0].due, 1);	/* 2026-09-15 */
	ck_assert_int_eq(v[1].due, 0);	/* 2026-10-15: tomorrow */
	free(v);
	ck_assert_int_eq(cashier_unpaid(&fx.s, 1, 0, "2026-10-15", &v, &n, &e),
	    WY_OK);
	ck_assert_int_eq(v[1].due, 1);	/* today */
	free(v);
}
END_TEST

START_TEST(test_oldest_first)
{
	struct cashier_receipt r;
	struct wy_err e = { 0 };

	ck_assert_msg(pay(1, 25000, "transfer", &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_str_eq(r.number, "C-system-000001");
	ck_assert_int_eq(r.allocated, 25000);
	ck_assert_int_eq(q("SELECT paid FROM bills WHERE id = 1"), 20993);
	ck_assert_int_eq(q("SELECT paid FROM bills WHERE id = 2"), 4007);
	ck_assert_int_eq(q("SELECT count(*) FROM allocations"), 2);
	ck_assert_int_eq(q("SELECT count(*) FROM audit WHERE action = "
	    "'charge.pay'"), 1);
	ck_assert_msg(pay(1, 100, "cash", &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_str_eq(r.number, "C-system-000002");
	ck_assert_int_eq(problems(), 0);
}
END_TEST

START_TEST(test_late_fee_first)
{
	struct cashier_receipt r;
	struct wy_err e = { 0 };

	/* On 2026-11-20: 36 days late, 3.60, capped at 5.00. */
	ck_assert_msg(pay(2, 1000, "cash", &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(r.late_fees, 360);
	ck_assert_int_eq(r.allocated, 640);
	ck_assert_int_eq(q("SELECT late_paid FROM bills WHERE id = 3"), 360);
	ck_assert_int_eq(q("SELECT paid FROM bills WHERE id = 3"), 640);
	ck_assert_int_eq(problems(), 0);
}
END_TEST

START_TEST(test_picked)
{
	struct cashier_payment p = { .room_id = 1, .amount = 20993,
	    .method = "wechat", .tendered = -1, .date = "2026-11-20" };
	struct cashier_receipt r;
	struct wy_err e = { 0 };
	int64_t two[] = { 2 }, three[] = { 3 }, twice[] = { 2, 2 };

	p.bills = two;
	p.nbills = 1;
	ck_assert_msg(cashier_pay(&fx.s, &p, &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(q("SELECT paid FROM bills WHERE id = 1"), 0);
	ck_assert_int_eq(q("SELECT paid FROM bills WHERE id = 2"), 20993);
	ck_assert_int_eq(cashier_pay(&fx.s, &p, &r, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "bill 2 is paid already"));
	p.bills = three;
	ck_assert_int_eq(cashier_pay(&fx.s, &p, &r, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "not of this room"));
	p.bills = twice;
	p.nbills = 2;
	ck_assert_int_eq(cashier_pay(&fx.s, &p, &r, &e), WY_EINVALID);
	ck_assert_int_eq(q("SELECT count(*) FROM receipts"), 1);
	ck_assert_int_eq(problems(), 0);
}
END_TEST

START_TEST(test_surplus)
{
	struct cashier_payment p = { .room_id = 1, .amount = 50000,
	    .method = "cash", .tendered = -1, .date = "2026-11-20" };
	struct cashier_receipt r;
	struct wy_err e = { 0 };
	int64_t bal;

	ck_assert_int_eq(cashier_pay(&fx.s, &p, &r, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "more than the 419.86 due"));
	ck_assert_int_eq(q("SELECT count(*) FROM receipts"), 0);
	ck_assert_int_eq(q("SELECT count(*) FROM receipt_series"), 0);
	ck_assert_int_eq(q("SELECT count(*) FROM prepayments"), 0);
	p.keep_surplus = 1;
	ck_assert_msg(cashier_pay(&fx.s, &p, &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(r.prepay_in, 50000 - 41986);
	ck_assert_int_eq(cashier_prepay_balance(&fx.s, 1, &bal, &e), WY_OK);
	ck_assert_int_eq(bal, 8014);
	ck_assert_int_eq(q("SELECT prepay_in FROM receipts"), 8014);
	ck_assert_int_eq(problems(), 0);
}
END_TEST

START_TEST(test_prepay_draw)
{
	struct cashier_payment p = { .room_id = 1, .amount = 30000,
	    .method = "cash", .tendered = -1, .keep_surplus = 1,
	    .date = "2026-11-20", .bills = (int64_t[]){ 1 }, .nbills = 1 };
	struct cashier_receipt r;
	struct wy_err e = { 0 };
	int64_t bal;

	/* 300.00 for bill 1: 90.07 kept. */
	ck_assert_msg(cashier_pay(&fx.s, &p, &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(r.prepay_in, 9007);
	/* Pay 50.00 from the prepayment. */
	ck_assert_msg(pay(1, 5000, "prepay", &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(r.prepay_out, 5000);
	ck_assert_int_eq(q("SELECT paid FROM bills WHERE id = 2"), 5000);
	ck_assert_int_eq(cashier_prepay_balance(&fx.s, 1, &bal, &e), WY_OK);
	ck_assert_int_eq(bal, 4007);
	ck_assert_int_eq(pay(1, 5000, "prepay", &r, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "prepayment balance 40.07"));
	/* Cash 100.00 and draw the rest (at most 40.07). */
	p.bills = NULL;
	p.nbills = 0;
	p.amount = 10000;
	p.keep_surplus = 0;
	p.draw = 100000;
	ck_assert_msg(cashier_pay(&fx.s, &p, &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(r.prepay_out, 4007);
	ck_assert_int_eq(q("SELECT paid FROM bills WHERE id = 2"), 19007);
	ck_assert_int_eq(cashier_prepay_balance(&fx.s, 1, &bal, &e), WY_OK);
	ck_assert_int_eq(bal, 0);
	ck_assert_int_eq(problems(), 0);
}
END_TEST

START_TEST(test_change)
{
	struct cashier_payment p = { .room_id = 1, .amount = 30000,
	    .method = "cash", .tendered = 50000, .date = "2026-11-20" };
	struct cashier_receipt r;
	struct wy_err e = { 0 };

	ck_assert_msg(cashier_pay(&fx.s, &p, &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(r.change, 20000);
	ck_assert_int_eq(q("SELECT tendered FROM receipts"), 50000);
	p.tendered = 100;
	ck_assert_int_eq(cashier_pay(&fx.s, &p, &r, &e), WY_EINVALID);
	p.tendered = 50000;
	p.method = "card";
	ck_assert_int_eq(cashier_pay(&fx.s, &p, &r, &e), WY_EINVALID);
	p.method = "gold";
	ck_assert_int_eq(cashier_pay(&fx.s, &p, &r, &e), WY_EINVALID);
	p.method = NULL;
	ck_assert_int_eq(cashier_pay(&fx.s, &p, &r, &e), WY_EINVALID);
	ck_assert_int_eq(q("SELECT count(*) FROM receipts"), 1);
}
END_TEST

START_TEST(test_void)
{
	struct cashier_payment p = { .room_id = 1, .amount = 50000,
	    .method = "cash", .tendered = -1, .keep_surplus = 1,
	    .date = "2026-11-20" };
	struct cashier_receipt r;
	struct wy_err e = { 0 };
	int64_t bal;

	ck_assert_msg(cashier_pay(&fx.s, &p, &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(cashier_void(&fx.s, r.number, "", &e), WY_EINVALID);
	ck_assert_int_eq(cashier_void(&fx.s, "C-none-1", "wrong", &e),
	    WY_ENOTFOUND);
	ck_assert_msg(cashier_void(&fx.s, r.number, "收错房间", &e) == WY_OK,
	    "%s", e.msg);
	ck_assert_int_eq(q("SELECT paid + late_paid FROM bills WHERE id = 1"), 0);
	ck_assert_int_eq(q("SELECT paid FROM bills WHERE id = 2"), 0);
	ck_assert_int_eq(q("SELECT count(*) FROM allocations WHERE reversed = 0"),
	    0);
	ck_assert_int_eq(q("SELECT count(*) FROM allocations"), 2);
	ck_assert_int_eq(q("SELECT count(*) FROM receipts WHERE number = "
	    "'C-system-000001' AND void_reason = '收错房间'"), 1);
	ck_assert_int_eq(cashier_prepay_balance(&fx.s, 1, &bal, &e), WY_OK);
	ck_assert_int_eq(bal, 0);
	ck_assert_int_eq(q("SELECT count(*) FROM prepayments"), 2);
	ck_assert_int_eq(cashier_void(&fx.s, r.number, "again", &e),
	    WY_ECONFLICT);
	ck_assert_msg(pay(1, 100, "cash", &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_str_eq(r.number, "C-system-000002");
	ck_assert_int_eq(problems(), 0);
}
END_TEST

START_TEST(test_void_drawn_prepay)
{
	struct cashier_payment p = { .room_id = 1, .amount = 50000,
	    .method = "cash", .tendered = -1, .keep_surplus = 1,
	    .date = "2026-11-20" };
	struct cashier_receipt r1, r2;
	struct wy_err e = { 0 };

	ck_assert_msg(cashier_pay(&fx.s, &p, &r1, &e) == WY_OK, "%s", e.msg);
	fixture_sql(&fx, "INSERT INTO bills (id, room_id, client_id, "
	    "fee_item_id, period, quantity, unit_price, amount, due_date) VALUES "
	    "(9, 1, 1, 1, '2026-11', 1000, 10000, 5000, '2026-11-15')");
	ck_assert_msg(pay(1, 5000, "prepay", &r2, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(cashier_void(&fx.s, r1.number, "x", &e), WY_ECONFLICT);
	ck_assert_msg(cashier_void(&fx.s, r2.number, "x", &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_msg(cashier_void(&fx.s, r1.number, "x", &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_int_eq(problems(), 0);
}
END_TEST

START_TEST(test_waive)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(cashier_waive(&fx.s, 1, 1000, "", &e), WY_EINVALID);
	ck_assert_int_eq(cashier_waive(&fx.s, 1, 0, "老人", &e), WY_EINVALID);
	ck_assert_int_eq(cashier_waive(&fx.s, 1, 20994, "老人", &e),
	    WY_EINVALID);
	ck_assert_int_eq(cashier_waive(&fx.s, 99, 100, "老人", &e),
	    WY_ENOTFOUND);
	ck_assert_msg(cashier_waive(&fx.s, 1, 993, "孤寡老人减免", &e) == WY_OK,
	    "%s", e.msg);
	ck_assert_int_eq(q("SELECT waived FROM bills WHERE id = 1"), 993);
	ck_assert_int_eq(q("SELECT count(*) FROM waivers"), 1);
	ck_assert_int_eq(problems(), 0);
}
END_TEST

START_TEST(test_permissions)
{
	struct session s;
	struct cashier_payment p = { .room_id = 1, .amount = 100,
	    .method = "cash", .tendered = -1 };
	struct cashier_receipt r;
	struct wy_err e = { 0 };

	ck_assert_int_eq(user_add(&fx.s, "amy", "cashier", "pass", "", &e),
	    WY_OK);
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "amy", "pass", &s, &e),
	    WY_OK);
	ck_assert_msg(cashier_pay(&s, &p, &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_str_eq(r.number, "C-amy-000001");
	ck_assert_int_eq(cashier_void(&s, r.number, "x", &e), WY_EDENIED);
	ck_assert_int_eq(cashier_waive(&s, 1, 100, "x", &e), WY_EDENIED);
}
END_TEST

START_TEST(test_closed_period)
{
	struct cashier_payment p = { .room_id = 1, .amount = 100,
	    .method = "cash", .tendered = -1, .date = "2026-10-20" };
	struct cashier_receipt r;
	struct wy_err e = { 0 };

	fixture_sql(&fx, "INSERT INTO periods (period, closed_at) VALUES "
	    "('2026-09', '2026-10-05T00:00:00Z'), "
	    "('2026-10', '2026-11-05T00:00:00Z')");
	ck_assert_int_eq(cashier_pay(&fx.s, &p, &r, &e), WY_ECONFLICT);
	ck_assert_ptr_nonnull(strstr(e.msg, "period 2026-10 is closed"));
	ck_assert_int_eq(q("SELECT count(*) FROM receipts"), 0);
	ck_assert_int_eq(q("SELECT count(*) FROM receipt_series"), 0);
	/* Dated in an open month, a payment collects the arrears of closed
	 * ones: the receipt and its allocations are of 2026-11. */
	p.date = "2026-11-20";
	p.bills = (int64_t[]){ 1 };
	p.nbills = 1;
	ck_assert_msg(cashier_pay(&fx.s, &p, &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(q("SELECT count(*) FROM receipts WHERE period = '2026-11'"), 1);
	ck_assert_int_eq(q("SELECT paid FROM bills WHERE id = 1"), 100);
	ck_assert_int_eq(q("SELECT count(*) FROM allocations"), 1);
}
END_TEST

START_TEST(test_deposit)
{
	struct cashier_receipt r, r2;
	struct wy_err e = { 0 };
	int64_t dep;

	ck_assert_int_eq(cashier_deposit_take(&fx.s, 1, 0, 1, 200000, "cash",
	    NULL, &r, &dep, &e), WY_EINVALID);
	ck_assert_msg(cashier_deposit_take(&fx.s, 1, 0, 3, 200000, "cash",
	    "装修", &r, &dep, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(q("SELECT count(*) FROM receipts WHERE kind = "
	    "'deposit' AND client_id = 1 AND amount = 200000"), 1);
	ck_assert_msg(cashier_deposit_refund(&fx.s, dep, "transfer", NULL, &r,
	    &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(cashier_deposit_refund(&fx.s, dep, "transfer", NULL,
	    &r2, &e), WY_ECONFLICT);
	ck_assert_int_eq(cashier_void(&fx.s, "C-system-000001", "x", &e),
	    WY_ECONFLICT);
	ck_assert_msg(cashier_void(&fx.s, r.number, "x", &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_int_eq(q("SELECT count(*) FROM deposits WHERE "
	    "refund_receipt_id IS NULL"), 1);
	ck_assert_int_eq(problems(), 0);
	fixture_sql(&fx, "UPDATE deposits SET amount = 1");
	ck_assert_int_eq(problems(), 1);
}
END_TEST

START_TEST(test_deposit_get)
{
	struct cashier_deposit d;
	struct cashier_receipt r;
	struct wy_err e = { 0 };
	entity_call_fn refund = entity_call_find("deposit.refund");
	int64_t dep;

	ck_assert_int_eq(cashier_deposit_get(&fx.s, 9, &d, &e), WY_ENOTFOUND);
	ck_assert_msg(cashier_deposit_take(&fx.s, 1, 0, 3, 200000, "cash",
	    NULL, &r, &dep, &e) == WY_OK, "%s", e.msg);
	ck_assert_msg(cashier_deposit_get(&fx.s, dep, &d, &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_int_eq(d.id, dep);
	ck_assert_str_eq(d.room, "1-101");
	ck_assert_str_eq(d.client, "C1");
	ck_assert_str_eq(d.name, "张三");
	ck_assert_int_eq(d.amount, 200000);
	ck_assert_str_eq(d.receipt, r.number);
	ck_assert_int_eq(d.held, 1);
	/* The form's action: the answer is the method. */
	ck_assert_ptr_nonnull(refund);
	ck_assert_int_eq(refund(&fx.s, dep, "prepay", &e), WY_EINVALID);
	ck_assert_msg(refund(&fx.s, dep, "card", &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(q("SELECT count(*) FROM receipts WHERE kind ="
	    " 'deposit_refund' AND method = 'card' AND amount = 200000"), 1);
	ck_assert_int_eq(cashier_deposit_get(&fx.s, dep, &d, &e), WY_OK);
	ck_assert_int_eq(d.held, 0);
	ck_assert_int_eq(q("SELECT count(*) FROM deposit_list WHERE state ="
	    " 'refunded' AND refund_receipt <> ''"), 1);
}
END_TEST

START_TEST(test_check_finds)
{
	struct cashier_receipt r;
	struct wy_err e = { 0 };

	ck_assert_msg(pay(1, 25000, "cash", &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(problems(), 0);
	fixture_sql(&fx, "UPDATE bills SET paid = paid + 1 WHERE id = 2");
	ck_assert_int_eq(problems(), 1);
	fixture_sql(&fx, "UPDATE receipts SET amount = amount + 1");
	ck_assert_int_eq(problems(), 2);
	fixture_sql(&fx, "UPDATE receipt_series SET next_no = next_no + 1");
	ck_assert_int_eq(problems(), 3);
}
END_TEST

/* A refund (退款) of a prepayment balance: at most the balance, needs
 * charge.void and a reason; a void puts the balance back. */
START_TEST(test_refund)
{
	struct cashier_payment p = { .room_id = 2, .amount = 30000,
	    .method = "cash", .tendered = -1, .keep_surplus = 1,
	    .date = "2026-11-20" };
	struct cashier_receipt r;
	struct wy_err e = { 0 };
	struct session clerk = fx.s;

	ck_assert_msg(cashier_pay(&fx.s, &p, &r, &e) == WY_OK, "%s", e.msg);
	/* 300.00 less the 100.00 bill and its 3.60 late fee. */
	ck_assert_int_eq(r.prepay_in, 19640);
	ck_assert_int_eq(cashier_refund(&fx.s, 2, 2, 19641, "cash", "退房", &r,
	    &e), WY_EINVALID);
	ck_assert_int_eq(cashier_refund(&fx.s, 2, 2, 100, "prepay", "x", &r,
	    &e), WY_EINVALID);
	ck_assert_int_eq(cashier_refund(&fx.s, 2, 2, 100, "cash", "", &r, &e),
	    WY_EINVALID);
	ck_assert_int_eq(cashier_refund(&fx.s, 2, 2, 0, "cash", "x", &r, &e),
	    WY_EINVALID);
	ck_assert_int_eq(cashier_refund(&fx.s, 99, 0, 100, "cash", "x", &r, &e),
	    WY_ENOTFOUND);
	snprintf(clerk.perms, sizeof clerk.perms, "|charge.read|charge.pay|");
	ck_assert_int_eq(cashier_refund(&clerk, 2, 2, 100, "cash", "x", &r, &e),
	    WY_EDENIED);
	ck_assert_msg(cashier_refund(&fx.s, 2, 2, 15000, "transfer", "业主退房",
	    &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(q("SELECT sum(amount) FROM prepayments WHERE client_id = 2"),
	    4640);
	ck_assert_int_eq(q("SELECT count(*) FROM receipts WHERE kind = 'refund'"
	    " AND amount = 15000 AND prepay_out = 15000 AND note = '业主退房'"), 1);
	ck_assert_int_eq(q("SELECT count(*) FROM audit WHERE action = 'charge.refund'"),
	    1);
	ck_assert_int_eq(problems(), 0);
	ck_assert_msg(cashier_void(&fx.s, r.number, "录错", &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_int_eq(q("SELECT sum(amount) FROM prepayments WHERE client_id = 2"),
	    19640);
	ck_assert_int_eq(problems(), 0);
}
END_TEST

Suite *
cashier_suite(void)
{
	Suite *s = suite_create("cashier");
	TCase *tc = tcase_create("cashier");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_late_fee);
	tcase_add_test(tc, test_unpaid);
	tcase_add_test(tc, test_unpaid_due);
	tcase_add_test(tc, test_oldest_first);
	tcase_add_test(tc, test_late_fee_first);
	tcase_add_test(tc, test_picked);
	tcase_add_test(tc, test_surplus);
	tcase_add_test(tc, test_prepay_draw);
	tcase_add_test(tc, test_change);
	tcase_add_test(tc, test_void);
	tcase_add_test(tc, test_void_drawn_prepay);
	tcase_add_test(tc, test_waive);
	tcase_add_test(tc, test_permissions);
	tcase_add_test(tc, test_closed_period);
	tcase_add_test(tc, test_deposit);
	tcase_add_test(tc, test_deposit_get);
	tcase_add_test(tc, test_refund);
	tcase_add_test(tc, test_check_finds);
	suite_add_tcase(s, tc);
	return s;
}
