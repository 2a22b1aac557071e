/* wuye: unit tests for roommap.c (the building map: rooms in map order,
 * clients, arrears on a date, counts, neighbours, the indexes used). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/roommap.h"

static struct fixture fx;

#define ON "2026-11-20"

/* Estate E1 (阳光花园): buildings B1 (1号楼), B2 (2号楼), B3 (3号楼, no
 * rooms); estate E2: building C1.  B1's rooms in map order (unit, floor,
 * code), their ids scrambled:
 *   unit 1 floor 1: 1-1-101 (id 1, owner 张三 payer; owes 100.00 due
 *                   2026-09-15 and 150.00 of 200.00 due 2026-10-15; a
 *                   bill due on the day itself does not count yet),
 *                   1-1-102 (id 2, vacant, nobody, nothing billed)
 *   unit 1 floor 2: 1-1-201 (id 3, owner 李四 not payer, resident 王五;
 *                   its bill paid)
 *   unit 1 floor 3: 1-1-301 (id 6, renovating; the payer 孙八 moved out),
 *                   1-1-302 (id 7, a state of the user's own)
 *   unit 2 floor 1: 1-2-101 (id 4, rented: owner 赵六, tenant 钱七 the
 *                   payer since 2026-06-01; its bill waived)
 *   unit 2 floor 3: 1-2-301 (id 5, vacant, owes 30.00 due 2026-08-15)
 * B2's room 2-1-101 (id 8) owes 99.00: not on B1's map. */
static void
setup(void)
{
	fixture_open(&fx);
	fixture_sql(&fx,
	    "INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园'),"
	    " (2, 'E2', '翠湖苑');"
	    "INSERT INTO buildings (id, code, estate_id, name, floors, units)"
	    " VALUES (1, 'B1', 1, '1号楼', 3, 2), (2, 'B2', 1, '2号楼', 1, 1),"
	    " (3, 'B3', 1, '3号楼', 1, 1), (4, 'C1', 2, '1栋', 1, 1);"
	    "INSERT INTO rooms (id, code, building_id, unit, floor, state,"
	    " build_area, charge_area) VALUES"
	    " (1, '1-1-101', 1, 1, 1, 'owner', 8950, 8950),"
	    " (2, '1-1-102', 1, 1, 1, 'vacant', 8950, 8950),"
	    " (3, '1-1-201', 1, 1, 2, 'owner', 8950, 8950),"
	    " (4, '1-2-101', 1, 2, 1, 'rented', 8950, 8950),"
	    " (5, '1-2-301', 1, 2, 3, 'vacant', 8950, 8950),"
	    " (6, '1-1-301', 1, 1, 3, 'renovating', 8950, 8950),"
	    " (7, '1-1-302', 1, 1, 3, 'garden', 8950, 8950),"
	    " (8, '2-1-101', 2, 1, 1, 'owner', 8950, 8950);"
	    "INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三'),"
	    " (2, 'C2', '李四'), (3, 'C3', '王五'), (4, 'C4', '赵六'),"
	    " (5, 'C5', '钱七'), (6, 'C6', '孙八'), (7, 'C7', '周九');"
	    "INSERT INTO occupancy (room_id, client_id, role, start_date,"
	    " end_date, payer) VALUES"
	    " (1, 1, 'owner', '2020-01-01', NULL, 1),"
	    " (3, 3, 'resident', '2021-01-01', NULL, 0),"
	    " (3, 2, 'owner', '2020-01-01', NULL, 0),"
	    " (4, 4, 'owner', '2020-01-01', NULL, 0),"
	    " (4, 5, 'tenant', '2026-06-01', NULL, 1),"
	    " (6, 6, 'owner', '2020-01-01', '2025-01-01', 1),"
	    " (8, 7, 'owner', '2020-01-01', NULL, 1);"
	    "INSERT INTO fee_items (id, code, name, method, unit_price) VALUES"
	    " (1, 'WY', '物业管理费', 'area', 23000);"
	    "INSERT INTO bills (id, room_id, client_id, fee_item_id, period,"
	    " quantity, unit_price, amount, due_date, paid, waived) VALUES"
	    " (1, 1, 1, 1, '2026-09', 1000, 0, 10000, '2026-09-15', 0, 0),"
	    " (2, 1, 1, 1, '2026-10', 1000, 0, 20000, '2026-10-15', 5000, 0),"
	    " (3, 1, 1, 1, '2026-11', 1000, 0, 20000, '2026-11-20', 0, 0),"
	    " (4, 3, 2, 1, '2026-10', 1000, 0, 8000, '2026-10-15', 8000, 0),"
	    " (5, 4, 5, 1, '2026-10', 1000, 0, 6000, '2026-10-15', 0, 6000),"
	    " (6, 5, NULL, 1, '2026-08', 1000, 0, 3000, '2026-08-15', 0, 0),"
	    " (7, 8, 7, 1, '2026-08', 1000, 0, 9900, '2026-08-15', 0, 0)");
}

static void
teardown(void)
{
	fixture_close(&fx);
}

/* The room of code in m (fails the test if missing). */
static const struct roommap_room *
room(const struct roommap *m, const char *code)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->rooms[i].code, code) == 0)
			return &m->rooms[i];
	ck_abort_msg("room %s is not on the map", code);
	return NULL;
}

START_TEST(test_denied)
{
	struct session s = fx.s;
	struct roommap m;
	struct wy_err e = { 0 };
	int64_t id;

	snprintf(s.perms, sizeof s.perms, "|property.read|");
	ck_assert_int_eq(roommap_load(&s, 1, ON, &m, &e), WY_EDENIED);
	ck_assert_ptr_null(m.rooms);
	ck_assert_ptr_nonnull(strstr(e.msg, "may not see fees, bills and receipts"));
	ck_assert_int_eq(roommap_neighbour(&s, 1, 1, &id, &e), WY_EDENIED);
}
END_TEST

START_TEST(test_bad_input)
{
	struct roommap m;
	struct wy_err e = { 0 };

	ck_assert_int_eq(roommap_load(&fx.s, 1, "", &m, &e), WY_EINVALID);
	ck_assert_int_eq(roommap_load(&fx.s, 1, "2026-02-30", &m, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "date"));
	ck_assert_int_eq(roommap_load(&fx.s, 99, ON, &m, &e), WY_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(e.msg, "99"));
	ck_assert_int_eq(roommap_load(&fx.s, 0, ON, &m, &e), WY_ENOTFOUND);
	ck_assert_uint_eq(m.n, 0);
	roommap_free(&m);	/* safe on what a failure leaves */
}
END_TEST

START_TEST(test_empty_building)
{
	struct roommap m;
	struct wy_err e = { 0 };

	ck_assert_msg(roommap_load(&fx.s, 3, ON, &m, &e) == WY_OK, "%s", e.msg);
	ck_assert_uint_eq(m.n, 0);
	ck_assert_int_eq(m.counts.rooms, 0);
	ck_assert_int_eq(m.counts.owed, 0);
	ck_assert_str_eq(m.building, "B3");
	ck_assert_str_eq(m.building_name, "3号楼");
	ck_assert_str_eq(m.estate_name, "阳光花园");
	ck_assert_int_eq(roommap_find(&m, 1), -1);
	roommap_free(&m);
	ck_assert_ptr_null(m.rooms);
}
END_TEST

START_TEST(test_order)
{
	static const char *const order[] = { "1-1-101", "1-1-102", "1-1-201",
	    "1-1-301", "1-1-302", "1-2-101", "1-2-301" };
	struct roommap m;
	struct wy_err e = { 0 };
	size_t i;

	ck_assert_msg(roommap_load(&fx.s, 1, ON, &m, &e) == WY_OK, "%s", e.msg);
	ck_assert_uint_eq(m.n, 7);
	for (i = 0; i < m.n; i++)
		ck_assert_str_eq(m.rooms[i].code, order[i]);
	ck_assert_int_eq(m.rooms[0].unit, 1);
	ck_assert_int_eq(m.rooms[0].floor, 1);
	ck_assert_int_eq(m.rooms[6].unit, 2);
	ck_assert_int_eq(m.rooms[6].floor, 3);
	ck_assert_int_eq(roommap_find(&m, 5), 6);
	ck_assert_int_eq(roommap_find(&m, 8), -1);	/* another building */
	ck_assert_str_eq(m.date, ON);
	ck_assert_str_eq(m.estate, "E1");
	roommap_free(&m);
}
END_TEST

START_TEST(test_rooms)
{
	const struct roommap_room *r;
	struct roommap m;
	struct wy_err e = { 0 };

	ck_assert_msg(roommap_load(&fx.s, 1, ON, &m, &e) == WY_OK, "%s", e.msg);
	r = room(&m, "1-1-101");
	ck_assert_str_eq(r->client, "张三");
	ck_assert_int_eq(r->client_id, 1);
	ck_assert_int_eq(r->bills, 2);
	ck_assert_int_eq(r->owed, 25000);	/* not the bill due today */
	ck_assert_str_eq(r->oldest_due, "2026-09-15");
	ck_assert_int_eq(roommap_letter(r), 'A');
	ck_assert_str_eq(r->state_en, "Owner-occupied");
	ck_assert_str_eq(r->state_zh, "自住");
	r = room(&m, "1-1-102");
	ck_assert_str_eq(r->client, "");
	ck_assert_int_eq(r->client_id, 0);
	ck_assert_int_eq(r->owed, 0);
	ck_assert_str_eq(r->oldest_due, "");
	ck_assert_int_eq(roommap_letter(r), 'V');
	r = room(&m, "1-1-201");	/* the owner before the resident */
	ck_assert_str_eq(r->client, "李四");
	ck_assert_int_eq(roommap_letter(r), 'O');
	r = room(&m, "1-2-101");	/* the payer before the owner */
	ck_assert_str_eq(r->client, "钱七");
	ck_assert_int_eq(r->owed, 0);	/* waived in full */
	ck_assert_int_eq(roommap_letter(r), 'R');
	r = room(&m, "1-1-301");	/* moved out: nobody */
	ck_assert_str_eq(r->client, "");
	ck_assert_int_eq(roommap_letter(r), 'D');
	r = room(&m, "1-1-302");
	ck_assert_str_eq(r->state, "garden");
	ck_assert_str_eq(r->state_en, "");
	ck_assert_int_eq(roommap_letter(r), '?');
	r = room(&m, "1-2-301");	/* vacant but in arrears */
	ck_assert_int_eq(r->owed, 3000);
	ck_assert_int_eq(r->bills, 1);
	ck_assert_int_eq(roommap_letter(r), 'A');
	roommap_free(&m);
}
END_TEST

START_TEST(test_counts)
{
	struct roommap m;
	struct wy_err e = { 0 };

	ck_assert_msg(roommap_load(&fx.s, 1, ON, &m, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(m.counts.rooms, 7);
	ck_assert_int_eq(m.counts.vacant, 2);
	ck_assert_int_eq(m.counts.occupied, 5);
	ck_assert_int_eq(m.counts.arrears, 2);
	ck_assert_int_eq(m.counts.paid_up, 5);
	ck_assert_int_eq(m.counts.owed, 28000);
	roommap_free(&m);
}
END_TEST

START_TEST(test_dates)
{
	const struct roommap_room *r;
	struct roommap m;
	struct wy_err e = { 0 };

	/* On the due date of bill 1 it is not late yet; the next day it is. */
	ck_assert_msg(roommap_load(&fx.s, 1, "2026-09-15", &m, &e) == WY_OK,
	    "%s", e.msg);
	ck_assert_int_eq(room(&m, "1-1-101")->owed, 0);
	ck_assert_int_eq(m.counts.arrears, 1);
	ck_assert_int_eq(m.counts.owed, 3000);
	roommap_free(&m);
	ck_assert_int_eq(roommap_load(&fx.s, 1, "2026-09-16", &m, &e), WY_OK);
	ck_assert_int_eq(room(&m, "1-1-101")->owed, 10000);
	r = room(&m, "1-2-101");
	ck_assert_str_eq(r->client, "钱七");
	roommap_free(&m);
	/* Before the tenant moved in, the owner is the client. */
	ck_assert_int_eq(roommap_load(&fx.s, 1, "2026-05-31", &m, &e), WY_OK);
	ck_assert_str_eq(room(&m, "1-2-101")->client, "赵六");
	ck_assert_str_eq(room(&m, "1-1-301")->client, "");
	roommap_free(&m);
	ck_assert_int_eq(roommap_load(&fx.s, 1, "2024-12-31", &m, &e), WY_OK);
	ck_assert_str_eq(room(&m, "1-1-301")->client, "孙八");
	ck_assert_int_eq(m.counts.arrears, 0);
	roommap_free(&m);
	/* NULL is today. */
	ck_assert_int_eq(roommap_load(&fx.s, 1, NULL, &m, &e), WY_OK);
	ck_assert_int_eq(strlen(m.date), 10);
	roommap_free(&m);
}
END_TEST

START_TEST(test_neighbour)
{
	struct wy_err e = { 0 };
	int64_t id;

	ck_assert_int_eq(roommap_neighbour(&fx.s, 1, 1, &id, &e), WY_OK);
	ck_assert_int_eq(id, 2);
	ck_assert_int_eq(roommap_neighbour(&fx.s, 2, 1, &id, &e), WY_OK);
	ck_assert_int_eq(id, 3);
	ck_assert_int_eq(roommap_neighbour(&fx.s, 3, 1, &id, &e),
	    WY_ENOTFOUND);	/* C1 is of another estate */
	ck_assert_int_eq(id, 0);
	ck_assert_ptr_nonnull(strstr(e.msg, "after"));
	ck_assert_int_eq(roommap_neighbour(&fx.s, 3, -1, &id, &e), WY_OK);
	ck_assert_int_eq(id, 2);
	ck_assert_int_eq(roommap_neighbour(&fx.s, 1, -1, &id, &e),
	    WY_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(e.msg, "before"));
	ck_assert_int_eq(roommap_neighbour(&fx.s, 4, 1, &id, &e),
	    WY_ENOTFOUND);
	ck_assert_int_eq(roommap_neighbour(&fx.s, 99, 1, &id, &e),
	    WY_ENOTFOUND);
}
END_TEST

START_TEST(test_number)
{
	struct roommap_room r = { .id = 1 };

	ck_assert_str_eq(roommap_number(&r), "");
	snprintf(r.code, sizeof r.code, "A1-2-1702");
	ck_assert_str_eq(roommap_number(&r), "1702");
	snprintf(r.code, sizeof r.code, "商铺");
	ck_assert_str_eq(roommap_number(&r), "商铺");
	snprintf(r.code, sizeof r.code, "东区-甲101");
	ck_assert_str_eq(roommap_number(&r), "甲101");
	snprintf(r.code, sizeof r.code, "B1-");
	ck_assert_str_eq(roommap_number(&r), "B1-");
	ck_assert_int_eq(roommap_letter(&r), '?');
	snprintf(r.state, sizeof r.state, "for_sale");
	ck_assert_int_eq(roommap_letter(&r), 'S');
	r.owed = 1;
	ck_assert_int_eq(roommap_letter(&r), 'A');
}
END_TEST

/* The plan of the bills query uses both indexes, and no full scan. */
START_TEST(test_plan)
{
	struct wy_err e = { 0 };
	sqlite3_stmt *st;
	char *sql, plan[2048] = "";
	size_t len;

	sql = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", roommap_bills_query());
	ck_assert_int_eq(db_prepare(fx.db, sql, &st, &e), WY_OK);
	ck_assert_int_eq(db_bind(fx.db, st, &e, "It", (int64_t)1, ON), WY_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		len = strlen(plan);
		snprintf(plan + len, sizeof plan - len, "%s\n",
		    (const char *)sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	sqlite3_free(sql);
	ck_assert_msg(strstr(plan, "bills_unpaid") != NULL, "%s", plan);
	ck_assert_msg(strstr(plan, "rooms_building") != NULL, "%s", plan);
	ck_assert_msg(strstr(plan, "SCAN b ") == NULL &&
	    strstr(plan, "SCAN r\n") == NULL, "%s", plan);
}
END_TEST

Suite *
roommap_suite(void)
{
	Suite *s = suite_create("roommap");
	TCase *tc;

	tc = tcase_create("roommap_load");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_denied);
	tcase_add_test(tc, test_bad_input);
	tcase_add_test(tc, test_empty_building);
	tcase_add_test(tc, test_order);
	tcase_add_test(tc, test_rooms);
	tcase_add_test(tc, test_counts);
	tcase_add_test(tc, test_dates);
	tcase_add_test(tc, test_plan);
	suite_add_tcase(s, tc);
	tc = tcase_create("roommap_neighbour");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_neighbour);
	suite_add_tcase(s, tc);
	tc = tcase_create("roommap_number");
	tcase_add_test(tc, test_number);
	suite_add_tcase(s, tc);
	return s;
}
