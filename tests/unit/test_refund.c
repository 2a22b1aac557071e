/* wuye: unit tests for the money lists of schema 15 and the refund screen's
 * domain calls: the views waiver_list and refund_list, the read-only forms
 * waivers and refunds over them, and cashier_refundee (whom a refund goes
 * to). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/cashier.h"
#include "wuye/entity.h"
#include "wuye/import.h"

static struct fixture fx;

/* Room 1-101 (payer 张三, mobile 13800000001) with a bill of 209.93 and a
 * prepayment of 50.00; room 1-102 with nobody in it. */
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
	    "INSERT INTO clients (id, code, name, mobile) VALUES "
	    "(1, 'C1', '张三', '13800000001'), (2, 'C2', '李四', '');"
	    "INSERT INTO occupancy (room_id, client_id, role, start_date, payer)"
	    " VALUES (1, 1, 'owner', '2020-01-01', 1);"
	    "INSERT INTO fee_items (id, code, name, method, unit_price) VALUES "
	    "(1, 'WY', '物业管理费', 'area', 23456);"
	    "INSERT INTO bills (id, room_id, client_id, fee_item_id, period, "
	    "quantity, unit_price, amount, due_date) VALUES "
	    "(1, 1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15');"
	    "INSERT INTO prepayments (client_id, amount, date, period) VALUES "
	    "(1, 5000, '2026-09-01', '2026-09')");
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

static struct entity *
load(const char *name)
{
	struct wy_err e = { 0 };
	struct entity *ent = NULL;

	ck_assert_msg(entity_load(fx.conf, name, &ent, &e) == WY_OK, "%s", e.msg);
	return ent;
}

/* Collect the display text of one field of every row of a list. */
struct rows {
	struct session *s;
	const struct entity *ent;
	const char *field;
	char text[1024];
	int n;
};

static int
add_row(void *arg, int64_t id, int64_t version, const struct value *v)
{
	struct rows *r = arg;
	const struct field *f = entity_field(r->ent, r->field);
	char *t = field_display(r->s, f, &v[f - r->ent->fields]);
	size_t len = strlen(r->text);

	(void)id;
	(void)version;
	snprintf(r->text + len, sizeof r->text - len, "%s%s", r->n++ ? "|" :
	    "", t);
	free(t);
	return 0;
}

static const char *
column(const struct entity *ent, const char *field, const char *search,
    struct rows *r)
{
	struct page_query pq = { .search = search };
	struct wy_err e = { 0 };

	memset(r, 0, sizeof *r);
	r->s = &fx.s;
	r->ent = ent;
	r->field = field;
	ck_assert_msg(entity_page(&fx.s, ent, &pq, add_row, r, &e) == WY_OK,
	    "%s", e.msg);
	return r->text;
}

/* Whom a refund goes to: a room's payer, a client's code or mobile. */
START_TEST(test_refundee)
{
	struct cashier_refundee to;
	struct wy_err e = { 0 };
	struct session clerk = fx.s;

	ck_assert_msg(cashier_refundee(&fx.s, "1-101", &to, &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_int_eq(to.client_id, 1);
	ck_assert_int_eq(to.room_id, 1);
	ck_assert_str_eq(to.client, "C1");
	ck_assert_str_eq(to.name, "张三");
	ck_assert_str_eq(to.room, "1-101");
	ck_assert_int_eq(to.balance, 5000);
	ck_assert_msg(cashier_refundee(&fx.s, "C2", &to, &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_int_eq(to.client_id, 2);
	ck_assert_int_eq(to.room_id, 0);
	ck_assert_str_eq(to.room, "");
	ck_assert_int_eq(to.balance, 0);
	ck_assert_msg(cashier_refundee(&fx.s, "13800000001", &to, &e) == WY_OK,
	    "%s", e.msg);
	ck_assert_int_eq(to.client_id, 1);
	ck_assert_int_eq(cashier_refundee(&fx.s, "1-102", &to, &e),
	    WY_ENOTFOUND);
	ck_assert_msg(strstr(e.msg, "1-102") != NULL, "%s", e.msg);
	ck_assert_int_eq(cashier_refundee(&fx.s, "nobody", &to, &e),
	    WY_ENOTFOUND);
	ck_assert_msg(strstr(e.msg, "nobody") != NULL, "%s", e.msg);
	ck_assert_int_eq(cashier_refundee(&fx.s, "", &to, &e), WY_EINVALID);
	snprintf(clerk.perms, sizeof clerk.perms, "|meter.read|");
	ck_assert_int_eq(cashier_refundee(&clerk, "C1", &to, &e), WY_EDENIED);
}
END_TEST

/* A waiver made with cashier_waive shows in the waivers list with its
 * room, payer, bill, month, fee item, amount, reason and user. */
START_TEST(test_waiver_list)
{
	struct entity *ent = load("waivers");
	struct wy_err e = { 0 };
	struct rows r;

	ck_assert_int_eq(ent->readonly, 1);
	ck_assert_str_eq(column(ent, "room", NULL, &r), "");
	ck_assert_msg(cashier_waive(&fx.s, 1, 1993, "空置期减免", &e) == WY_OK,
	    "%s", e.msg);
	ck_assert_str_eq(column(ent, "room", NULL, &r), "1-101");
	ck_assert_str_eq(column(ent, "client_name", NULL, &r), "张三");
	ck_assert_str_eq(column(ent, "bill", NULL, &r), "1");
	ck_assert_str_eq(column(ent, "period", NULL, &r), "2026-09");
	ck_assert_str_eq(column(ent, "item", NULL, &r), "物业管理费");
	ck_assert_str_eq(column(ent, "amount", NULL, &r), "19.93");
	ck_assert_str_eq(column(ent, "reason", NULL, &r), "空置期减免");
	ck_assert_str_eq(column(ent, "waived_by", NULL, &r), fx.s.user);
	ck_assert_int_eq((int)strlen(column(ent, "waived_at", NULL, &r)), 16);
	/* searched by the reason, or by the room */
	ck_assert_str_eq(column(ent, "room", "空置", &r), "1-101");
	ck_assert_str_eq(column(ent, "room", "1-1", &r), "1-101");
	ck_assert_str_eq(column(ent, "room", "x", &r), "");
	entity_free(&ent);
}
END_TEST

/* A refund of the prepayment shows in the refunds list with its receipt,
 * and as voided after its receipt is voided. */
START_TEST(test_refund_list)
{
	struct entity *ent = load("refunds");
	struct cashier_receipt rc;
	struct wy_err e = { 0 };
	struct rows r;

	ck_assert_msg(cashier_refund(&fx.s, 1, 1, 3000, "wechat", "退房",
	    &rc, &e) == WY_OK, "%s", e.msg);
	ck_assert_str_eq(column(ent, "receipt", NULL, &r), rc.number);
	ck_assert_str_eq(column(ent, "room", NULL, &r), "1-101");
	ck_assert_str_eq(column(ent, "client", NULL, &r), "C1");
	ck_assert_str_eq(column(ent, "amount", NULL, &r), "30.00");
	ck_assert_str_eq(column(ent, "reason", NULL, &r), "退房");
	ck_assert_str_eq(column(ent, "state", NULL, &r), "Live");
	ck_assert_str_eq(column(ent, "method", NULL, &r), "WeChat Pay");
	ck_assert_str_eq(column(ent, "kind", NULL, &r), "Prepayment");
	ck_assert_str_eq(column(ent, "receipt", "退", &r), rc.number);
	ck_assert_msg(cashier_void(&fx.s, rc.number, "录错", &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_str_eq(column(ent, "state", NULL, &r), "Voided");
	/* a payment is not a refund */
	ck_assert_int_eq(q("SELECT count(*) FROM refund_list"), 1);
	entity_free(&ent);
}
END_TEST

/* A read-only form is never written: not saved, deleted or imported. */
START_TEST(test_readonly)
{
	struct entity *ent = load("waivers"), *rooms = load("rooms");
	struct value *vals = calloc(ent->nfields, sizeof *vals);
	struct import_opts o = { .path = fixture_file(&fx, "w.csv",
	    "room,amount,reason\n1-101,1.00,x\n") };
	struct wy_err e = { 0 };
	long rows = 0;

	ck_assert_int_eq(entity_writable(rooms, &e), WY_OK);
	ck_assert_int_eq(entity_writable(ent, &e), WY_EINVALID);
	ck_assert_msg(strstr(e.msg, "read only") != NULL, "%s", e.msg);
	ck_assert_int_eq(entity_save(&fx.s, ent, 0, 0, vals, NULL, NULL, &e),
	    WY_EINVALID);
	ck_assert_int_eq(entity_delete(&fx.s, ent, 1, 1, &e), WY_EINVALID);
	ck_assert_int_eq(import_csv(&fx.s, ent, &o, &rows, &e), WY_EINVALID);
	ck_assert_msg(strstr(e.msg, "read only") != NULL, "%s", e.msg);
	ck_assert_int_eq(q("SELECT count(*) FROM waivers"), 0);
	free(vals);
	entity_free(&rooms);
	entity_free(&ent);
}
END_TEST

Suite *
refund_suite(void)
{
	Suite *s = suite_create("refund");
	TCase *tc = tcase_create("refund");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_refundee);
	tcase_add_test(tc, test_waiver_list);
	tcase_add_test(tc, test_refund_list);
	tcase_add_test(tc, test_readonly);
	suite_add_tcase(s, tc);
	return s;
}
