/* wuye unit tests for fee.c: one bill's amount by every method, discounts,
 * rounding, cycles and late fees, against hand-worked figures. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "wuye/date.h"
#include "wuye/fee.h"

static int
per(const char *text)
{
	struct wy_err e = { 0 };
	int p = 0;

	ck_assert_int_eq(period_parse(text, &p, &e), WY_OK);
	return p;
}

static struct fee_standard
plain_std(void)
{
	return (struct fee_standard){ .unit_price = -1, .quantity = -1,
	    .start_period = per("2026-01") };
}

START_TEST(test_parse_codes)
{
	struct wy_err e = { 0 };
	enum fee_method m;
	enum fee_cycle c;
	enum fee_rounding r;

	ck_assert_int_eq(fee_method_parse(NULL, &m, &e), WY_EINVALID);
	ck_assert_int_eq(fee_method_parse("", &m, &e), WY_EINVALID);
	ck_assert_int_eq(fee_method_parse("阶梯", &m, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "阶梯"));
	ck_assert_int_eq(fee_method_parse("tiered", &m, &e), WY_OK);
	ck_assert_int_eq(m, FEE_TIERED);
	ck_assert_int_eq(fee_cycle_parse("quarterly", &c, &e), WY_OK);
	ck_assert_int_eq(c, FEE_QUARTERLY);
	ck_assert_int_eq(fee_rounding_parse("jiao", &r, &e), WY_OK);
	ck_assert_int_eq(r, FEE_ROUND_JIAO);
	ck_assert_int_eq(fee_rounding_parse("mao", &r, &e), WY_EINVALID);
}
END_TEST

/* 2.3456 yuan/m2 x 89.50 m2 = 209.9312 -> 209.93 (half-up, once). */
START_TEST(test_area)
{
	struct fee_item it = { .method = FEE_AREA, .unit_price = 23456 };
	struct fee_standard st = plain_std();
	struct fee_input in = { .period = per("2026-03"), .charge_area = 8950,
	    .space_price = -1 };
	struct fee_result r;
	struct wy_err e = { 0 };

	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.billed, 1);
	ck_assert_int_eq(r.quantity, 89500);
	ck_assert_int_eq(r.unit_price, 23456);
	ck_assert_int_eq(r.amount, 20993);
	ck_assert_int_eq(r.discount, 0);
	/* To jiao 209.90, to yuan 210.00. */
	it.rounding = FEE_ROUND_JIAO;
	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.amount, 20990);
	it.rounding = FEE_ROUND_YUAN;
	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.amount, 21000);
	/* Half-up at the boundary: 0.0050 x 1.00 m2 = 0.005 -> 0.01. */
	it.rounding = FEE_ROUND_FEN;
	it.unit_price = 50;
	in.charge_area = 100;
	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.amount, 1);
	/* A standard's quantity and price override the room's. */
	st.quantity = 50000;
	st.unit_price = 20000;
	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.amount, 10000);
}
END_TEST

/* Water 0-10 m3 at 3.50, 10-20 at 4.55, the rest at 6.00; 23.5 m3 =
 * 35.00 + 45.50 + 21.00 = 101.50. */
START_TEST(test_tiered)
{
	struct fee_item it = { .method = FEE_TIERED, .ntiers = 3,
	    .tiers = { { 10000, 35000 }, { 20000, 45500 }, { FEE_REST, 60000 } } };
	struct fee_standard st = plain_std();
	struct fee_input in = { .period = per("2026-03"), .usage = 23500,
	    .space_price = -1 };
	struct fee_result r;
	struct wy_err e = { 0 };

	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.amount, 10150);
	ck_assert_int_eq(r.quantity, 23500);
	ck_assert_int_eq(r.unit_price, 43191);	/* 101.50 / 23.5 = 4.31914... */
	in.usage = 0;
	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.amount, 0);
	ck_assert_int_eq(r.billed, 1);
	in.usage = 10000;	/* exactly the first tier */
	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.amount, 3500);
	/* Without an open last tier, the last tier takes the rest. */
	it.ntiers = 2;
	in.usage = 23500;
	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.amount, 9643);	/* 35.00 + 13.5 x 4.55 = 96.425, rounded once */
	it.ntiers = 0;
	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_EINVALID);
}
END_TEST

START_TEST(test_metered)
{
	struct fee_item it = { .method = FEE_METERED, .unit_price = 6800 };
	struct fee_standard st = plain_std();
	struct fee_input in = { .period = per("2026-03"), .usage = 123456,
	    .space_price = -1 };
	struct fee_result r;
	struct wy_err e = { 0 };

	st.quantity = 1;	/* ignored: metered bills the usage */
	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.amount, 8395);	/* 0.68 x 123.456 = 83.95008 */
	ck_assert_int_eq(r.quantity, 123456);
}
END_TEST

/* Fixed 100.00 with 10 % off, and 50 % more off while vacant. */
START_TEST(test_vacant_discount)
{
	struct fee_item it = { .method = FEE_FIXED, .unit_price = 1000000 };
	struct fee_standard st = plain_std();
	struct fee_input in = { .period = per("2026-03"), .space_price = -1 };
	struct fee_result r;
	struct wy_err e = { 0 };

	st.discount = 1000;
	st.vacant_discount = 5000;
	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.amount, 9000);
	ck_assert_int_eq(r.discount, 1000);
	in.vacant = 1;
	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.amount, 4500);
	ck_assert_int_eq(r.discount, 5500);
	ck_assert_int_eq(r.quantity, 1000);
	/* 100 % off is a zero bill, not an error. */
	st.vacant_discount = 10000;
	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.amount, 0);
	ck_assert_int_eq(r.discount, 10000);
	/* Discount then one rounding: 33.33 x 0.85 = 28.3305 -> 28.33. */
	it.unit_price = 333300;
	st.discount = 1500;
	in.vacant = 0;
	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.amount, 2833);
}
END_TEST

START_TEST(test_parking)
{
	struct fee_item it = { .method = FEE_PARKING, .unit_price = 2000000 };
	struct fee_standard st = plain_std();
	struct fee_input in = { .period = per("2026-03"), .space_price = 15000 };
	struct fee_result r;
	struct wy_err e = { 0 };

	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.amount, 15000);	/* the space's 150.00 */
	ck_assert_int_eq(r.unit_price, 1500000);
	in.space_price = -1;
	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.amount, 20000);	/* the item's 200.00 */
	st.unit_price = 1200000;
	in.space_price = 15000;
	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.amount, 12000);	/* the standard's 120.00 */
}
END_TEST

START_TEST(test_cycles)
{
	struct fee_item it = { .method = FEE_FIXED, .unit_price = 30000,
	    .cycle = FEE_QUARTERLY };
	struct fee_standard st = plain_std();
	struct fee_input in = { .period = per("2026-02"), .space_price = -1 };
	struct fee_result r;
	struct wy_err e = { 0 };

	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.billed, 0);
	ck_assert_int_eq(r.amount, 0);
	in.period = per("2026-04");
	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_OK);
	ck_assert_int_eq(r.billed, 1);
	ck_assert_int_eq(r.amount, 300);	/* the price is per quarter */
	it.cycle = FEE_YEARLY;
	ck_assert_int_eq(fee_bills_in(&it, per("2026-04"), st.start_period), 0);
	ck_assert_int_eq(fee_bills_in(&it, per("2027-01"), st.start_period), 1);
	it.cycle = FEE_MONTHLY;
	it.method = FEE_ONEOFF;
	st.start_period = per("2026-03");
	ck_assert_int_eq(fee_bills_in(&it, per("2026-02"), st.start_period), 0);
	ck_assert_int_eq(fee_bills_in(&it, per("2026-03"), st.start_period), 1);
	ck_assert_int_eq(fee_bills_in(&it, per("2026-04"), st.start_period), 0);
}
END_TEST

START_TEST(test_overflow)
{
	struct fee_item it = { .method = FEE_AREA, .unit_price = INT64_C(999999999999) };
	struct fee_standard st = plain_std();
	struct fee_input in = { .period = per("2026-03"),
	    .charge_area = 99999999, .space_price = -1 };
	struct fee_result r;
	struct wy_err e = { 0 };

	ck_assert_int_eq(fee_calc(&it, &st, &in, &r, &e), WY_EINVALID);
	ck_assert_int_eq(r.billed, 0);
}
END_TEST

START_TEST(test_due_and_late)
{
	struct fee_item it = { .due_day = 15, .late_after = 10,
	    .late_rate = 500, .late_cap = 100 };
	int32_t due = fee_due_date(&it, per("2026-01"));
	char buf[DATE_BUFSIZE];

	ck_assert_str_eq(date_format(due, buf), "2026-01-15");
	/* Not late until after the grace days. */
	ck_assert_int_eq(fee_late(&it, 10000, 10000, due, due + 10), 0);
	ck_assert_int_eq(fee_late(&it, 10000, 10000, due, due - 5), 0);
	/* 2026-03-01 is 35 days after 01-25: 100.00 x 0.05 % x 35 = 1.75,
	 * capped at 1 % of the bill = 1.00. */
	ck_assert_int_eq(fee_late(&it, 10000, 10000, due, due + 45), 100);
	it.late_cap = 0;	/* no cap */
	ck_assert_int_eq(fee_late(&it, 10000, 10000, due, due + 45), 175);
	/* Half-up: 3.33 x 0.05 % x 3 days = 0.4995 fen -> 0; x 30 = 4.995 -> 5. */
	ck_assert_int_eq(fee_late(&it, 333, 333, due, due + 13), 0);
	ck_assert_int_eq(fee_late(&it, 333, 333, due, due + 40), 5);
	ck_assert_int_eq(fee_late(&it, 10000, 0, due, due + 45), 0);
	it.late_rate = 0;
	ck_assert_int_eq(fee_late(&it, 10000, 10000, due, due + 45), 0);
}
END_TEST

Suite *
fee_suite(void)
{
	Suite *s = suite_create("fee");
	TCase *tc = tcase_create("fee");

	tcase_add_test(tc, test_parse_codes);
	tcase_add_test(tc, test_area);
	tcase_add_test(tc, test_tiered);
	tcase_add_test(tc, test_metered);
	tcase_add_test(tc, test_vacant_discount);
	tcase_add_test(tc, test_parking);
	tcase_add_test(tc, test_cycles);
	tcase_add_test(tc, test_overflow);
	tcase_add_test(tc, test_due_and_late);
	suite_add_tcase(s, tc);
	return s;
}
