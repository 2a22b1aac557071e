/* wuye: unit tests for arrears.c (arrears by room or client, late fees,
 * aging buckets, filters, masking, the partial index). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/arrears.h"

static struct fixture fx;

#define ON "2026-11-20"

/* Estate E1: rooms 1-101 (张三) and 1-102 (李四), 1-103 (张三 too);
 * estate E2: room 2-101 without a payer.  Item 1 has no late fee, item 2
 * 1000 ppm a day capped at 5 %.  On 2026-11-20:
 *   1-101: bill 1 due 2025-09-15 (431 days, 100.00) and bill 2 due
 *          2026-10-15 (36 days, 200.00 of which 50.00 paid); bill 3 not due;
 *          bill 7 waived in full.
 *   1-102: bill 4 due 2026-10-15 (36 days, 100.00, late 3.60); bill 6
 *          paid; bill 8 due on the day itself (not late yet).
 *   1-103: bill 9 due 2026-10-11 (40 days, 10.00).
 *   2-101: bill 5 due 2026-08-15 (97 days, 30.00). */
static void
setup(void)
{
	fixture_open(&fx);
	fixture_sql(&fx,
	    "INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园'),"
	    " (2, 'E2', '翠湖苑');"
	    "INSERT INTO buildings (id, code, estate_id, name) VALUES "
	    "(1, 'B1', 1, '1号楼'), (2, 'B2', 2, '2号楼');"
	    "INSERT INTO rooms (id, code, building_id, floor, build_area, "
	    "charge_area) VALUES (1, '1-101', 1, 1, 8950, 8950), "
	    "(2, '1-102', 1, 1, 9000, 9000), (3, '2-101', 2, 1, 9000, 9000),"
	    "(4, '1-103', 1, 1, 5000, 5000);"
	    "INSERT INTO clients (id, code, name, mobile) VALUES "
	    "(1, 'C1', '张三', '13800138000'), (2, 'C2', '李四', '13900139000');"
	    "INSERT INTO occupancy (room_id, client_id, role, start_date, payer)"
	    " VALUES (1, 1, 'owner', '2020-01-01', 1), "
	    "(2, 2, 'owner', '2020-01-01', 1), (4, 1, 'owner', '2020-01-01', 1);"
	    "INSERT INTO fee_items (id, code, name, method, unit_price) VALUES "
	    "(1, 'WY', '物业管理费', 'area', 23000);"
	    "INSERT INTO fee_items (id, code, name, method, unit_price, "
	    "late_rate, late_cap) VALUES (2, 'PK', '停车费', 'fixed', 1000000, "
	    "1000, 500);"
	    "INSERT INTO bills (id, room_id, client_id, fee_item_id, period, "
	    "quantity, unit_price, amount, due_date, paid, waived) VALUES "
	    "(1, 1, 1, 1, '2025-09', 1000, 0, 10000, '2025-09-15', 0, 0), "
	    "(2, 1, 1, 1, '2026-10', 1000, 0, 20000, '2026-10-15', 5000, 0), "
	    "(3, 1, 1, 1, '2026-11', 1000, 0, 20000, '2026-11-25', 0, 0), "
	    "(4, 2, 2, 2, '2026-10', 1000, 0, 10000, '2026-10-15', 0, 0), "
	    "(5, 3, NULL, 1, '2026-08', 1000, 0, 3000, '2026-08-15', 0, 0), "
	    "(6, 2, 2, 1, '2026-09', 1000, 0, 7000, '2026-09-15', 7000, 0), "
	    "(7, 1, 1, 1, '2026-06', 1000, 0, 4000, '2026-06-15', 0, 4000), "
	    "(8, 2, 2, 1, '2026-11', 1000, 0, 4000, '2026-11-20', 0, 0), "
	    "(9, 4, 1, 1, '2026-10', 1000, 0, 1000, '2026-10-11', 0, 0)");
}

static void
teardown(void)
{
	fixture_close(&fx);
}

/* The rows a listing gave. */
struct got {
	struct arrears_row v[8];
	int n;
	int stop;	/* return this after the first row, 0: go on */
};

static int
collect(void *arg, const struct arrears_row *r)
{
	struct got *g = arg;

	ck_assert_int_lt(g->n, 8);
	g->v[g->n++] = *r;
	return g->stop;
}

/* List with the options into *g; returns the status. */
static int
list(struct session *s, const char *date, const char *estate, int min_days,
    int by_client, struct got *g, struct arrears_row *total,
    struct wy_err *e)
{
	struct arrears_opts o = { .date = date, .estate = estate,
	    .min_days = min_days, .by_client = by_client };

	return arrears_list(s, &o, collect, g, total, e);
}

START_TEST(test_bucket_of)
{
	ck_assert_int_eq(arrears_bucket_of(-5), ARREARS_30);
	ck_assert_int_eq(arrears_bucket_of(0), ARREARS_30);
	ck_assert_int_eq(arrears_bucket_of(30), ARREARS_30);
	ck_assert_int_eq(arrears_bucket_of(31), ARREARS_90);
	ck_assert_int_eq(arrears_bucket_of(90), ARREARS_90);
	ck_assert_int_eq(arrears_bucket_of(91), ARREARS_180);
	ck_assert_int_eq(arrears_bucket_of(180), ARREARS_180);
	ck_assert_int_eq(arrears_bucket_of(181), ARREARS_365);
	ck_assert_int_eq(arrears_bucket_of(365), ARREARS_365);
	ck_assert_int_eq(arrears_bucket_of(366), ARREARS_OVER);
	ck_assert_str_eq(arrears_bucket_label(ARREARS_30), "0-30");
	ck_assert_str_eq(arrears_bucket_label(ARREARS_OVER), ">365");
	ck_assert_str_eq(arrears_bucket_label(ARREARS_BUCKETS), "");
}
END_TEST

START_TEST(test_empty)
{
	struct got g = { .n = 0 };
	struct arrears_row t;
	struct wy_err e = { 0 };

	/* Before anything fell due there are no arrears. */
	ck_assert_int_eq(list(&fx.s, "2025-01-01", NULL, 0, 0, &g, &t, &e),
	    WY_OK);
	ck_assert_int_eq(g.n, 0);
	ck_assert_int_eq(t.rows, 0);
	ck_assert_int_eq(t.outstanding, 0);
	ck_assert_str_eq(t.oldest_due, "");
}
END_TEST

START_TEST(test_by_room)
{
	struct got g = { .n = 0 };
	struct arrears_row t;
	struct wy_err e = { 0 };

	ck_assert_int_eq(list(&fx.s, ON, NULL, 0, 0, &g, &t, &e), WY_OK);
	ck_assert_int_eq(g.n, 4);
	ck_assert_str_eq(g.v[0].room, "1-101");
	ck_assert_str_eq(g.v[0].client, "张三");
	ck_assert_str_eq(g.v[0].phone, "13800138000");
	ck_assert_int_eq(g.v[0].bills, 2);
	ck_assert_int_eq(g.v[0].outstanding, 25000);
	ck_assert_int_eq(g.v[0].late_fee, 0);
	ck_assert_str_eq(g.v[0].oldest_due, "2025-09-15");
	ck_assert_int_eq(g.v[0].oldest_days, 431);
	ck_assert_int_eq(g.v[0].bucket[ARREARS_90], 15000);
	ck_assert_int_eq(g.v[0].bucket[ARREARS_OVER], 10000);
	ck_assert_int_eq(g.v[0].bucket[ARREARS_30], 0);
	ck_assert_str_eq(g.v[1].room, "1-102");
	ck_assert_int_eq(g.v[1].bills, 1);
	ck_assert_int_eq(g.v[1].outstanding, 10000);
	ck_assert_int_eq(g.v[1].late_fee, 360);	/* 100.00 x 0.1 % x 36 */
	ck_assert_int_eq(g.v[1].oldest_days, 36);
	ck_assert_str_eq(g.v[2].room, "1-103");
	ck_assert_int_eq(g.v[2].oldest_days, 40);
	ck_assert_str_eq(g.v[3].room, "2-101");
	ck_assert_int_eq(g.v[3].client_id, 0);
	ck_assert_str_eq(g.v[3].client, "");
	ck_assert_int_eq(g.v[3].bucket[ARREARS_180], 3000);
	ck_assert_int_eq(t.rows, 4);
	ck_assert_int_eq(t.bills, 5);
	ck_assert_int_eq(t.outstanding, 39000);
	ck_assert_int_eq(t.late_fee, 360);
	ck_assert_str_eq(t.oldest_due, "2025-09-15");
	ck_assert_int_eq(t.bucket[ARREARS_90], 26000);
}
END_TEST

START_TEST(test_late_fee_cap)
{
	struct got g = { .n = 0 };
	struct wy_err e = { 0 };

	/* A year later the late fee of bill 4 is capped at 5 % (5.00). */
	ck_assert_int_eq(list(&fx.s, "2027-11-20", "E1", 0, 0, &g, NULL, &e),
	    WY_OK);
	ck_assert_int_eq(g.n, 3);
	ck_assert_int_eq(g.v[1].late_fee, 500);
	/* Late fees already collected are not due again. */
	fixture_sql(&fx, "UPDATE bills SET late_paid = 200 WHERE id = 4");
	g.n = 0;
	ck_assert_int_eq(list(&fx.s, "2027-11-20", "E1", 0, 0, &g, NULL, &e),
	    WY_OK);
	ck_assert_int_eq(g.v[1].late_fee, 300);
}
END_TEST

START_TEST(test_filters)
{
	struct got g = { .n = 0 };
	struct arrears_row t;
	struct wy_err e = { 0 };

	/* At least 90 days: the rooms whose oldest bill is that old, with
	 * all their arrears. */
	ck_assert_int_eq(list(&fx.s, ON, NULL, 90, 0, &g, &t, &e), WY_OK);
	ck_assert_int_eq(g.n, 2);
	ck_assert_str_eq(g.v[0].room, "1-101");
	ck_assert_int_eq(g.v[0].bills, 2);
	ck_assert_str_eq(g.v[1].room, "2-101");
	ck_assert_int_eq(t.rows, 2);
	ck_assert_int_eq(t.outstanding, 28000);
	g.n = 0;
	ck_assert_int_eq(list(&fx.s, ON, NULL, 500, 0, &g, &t, &e), WY_OK);
	ck_assert_int_eq(g.n, 0);
	ck_assert_int_eq(t.rows, 0);
	g.n = 0;
	ck_assert_int_eq(list(&fx.s, ON, "E2", 0, 0, &g, &t, &e), WY_OK);
	ck_assert_int_eq(g.n, 1);
	ck_assert_str_eq(g.v[0].room, "2-101");
	ck_assert_int_eq(t.outstanding, 3000);
}
END_TEST

START_TEST(test_by_client)
{
	struct got g = { .n = 0 };
	struct arrears_row t;
	struct wy_err e = { 0 };

	ck_assert_int_eq(list(&fx.s, ON, NULL, 0, 1, &g, &t, &e), WY_OK);
	ck_assert_int_eq(g.n, 3);
	ck_assert_int_eq(g.v[0].client_id, 1);
	ck_assert_str_eq(g.v[0].room, "1-101");
	ck_assert_int_eq(g.v[0].bills, 3);
	ck_assert_int_eq(g.v[0].outstanding, 26000);
	ck_assert_int_eq(g.v[0].oldest_days, 431);
	ck_assert_int_eq(g.v[1].client_id, 2);
	ck_assert_int_eq(g.v[2].client_id, 0);	/* no payer: last */
	ck_assert_int_eq(t.outstanding, 39000);
	ck_assert_int_eq(t.rows, 3);
}
END_TEST

START_TEST(test_masked)
{
	struct session s = fx.s;
	struct got g = { .n = 0 };
	struct wy_err e = { 0 };

	snprintf(s.perms, sizeof s.perms, "|charge.read|");
	ck_assert_int_eq(list(&s, ON, NULL, 0, 0, &g, NULL, &e), WY_OK);
	ck_assert_str_eq(g.v[0].phone, "138****8000");
	snprintf(s.perms, sizeof s.perms, "|charge.read|client.sensitive|");
	g.n = 0;
	ck_assert_int_eq(list(&s, ON, NULL, 0, 0, &g, NULL, &e), WY_OK);
	ck_assert_str_eq(g.v[0].phone, "13800138000");
	snprintf(s.perms, sizeof s.perms, "|property.read|");
	ck_assert_int_eq(list(&s, ON, NULL, 0, 0, &g, NULL, &e), WY_EDENIED);
}
END_TEST

START_TEST(test_bad_input)
{
	struct got g = { .n = 0 };
	struct arrears_row t;
	struct wy_err e = { 0 };

	ck_assert_int_eq(list(&fx.s, "2026-02-30", NULL, 0, 0, &g, &t, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "date"));
	ck_assert_int_eq(list(&fx.s, ON, NULL, -1, 0, &g, &t, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "min-days"));
	ck_assert_int_eq(list(&fx.s, ON, NULL, 36501, 0, &g, &t, &e),
	    WY_EINVALID);
	ck_assert_int_eq(list(&fx.s, ON, "小区", 0, 0, &g, &t, &e),
	    WY_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(e.msg, "小区"));
	ck_assert_int_eq(g.n, 0);
	/* A callback that stops: its value comes back. */
	g.stop = 7;
	ck_assert_int_eq(list(&fx.s, ON, NULL, 0, 0, &g, &t, &e), 7);
	ck_assert_int_eq(g.n, 1);
	/* NULL date: today; NULL callback: the total alone. */
	ck_assert_int_eq(arrears_list(&fx.s, &(struct arrears_opts){
	    .date = ON }, NULL, NULL, &t, &e), WY_OK);
	ck_assert_int_eq(t.rows, 4);
	ck_assert_int_eq(arrears_list(&fx.s, &(struct arrears_opts){ 0 },
	    NULL, NULL, NULL, &e), WY_OK);
}
END_TEST

START_TEST(test_uses_partial_index)
{
	sqlite3_stmt *st;
	char sql[2048];
	int found = 0;

	snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN %s", arrears_query());
	ck_assert_int_eq(sqlite3_prepare_v2(fx.db->h, sql, -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (strstr((const char *)sqlite3_column_text(st, 3),
		    "bills_unpaid") != NULL)
			found = 1;
	sqlite3_finalize(st);
	ck_assert_int_eq(found, 1);
}
END_TEST

Suite *
arrears_suite(void)
{
	Suite *s = suite_create("arrears");
	TCase *tc;

	tc = tcase_create("arrears_bucket_of");
	tcase_add_test(tc, test_bucket_of);
	suite_add_tcase(s, tc);
	tc = tcase_create("arrears_list");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_by_room);
	tcase_add_test(tc, test_late_fee_cap);
	tcase_add_test(tc, test_filters);
	tcase_add_test(tc, test_by_client);
	tcase_add_test(tc, test_masked);
	tcase_add_test(tc, test_bad_input);
	tcase_add_test(tc, test_uses_partial_index);
	suite_add_tcase(s, tc);
	return s;
}
