/* wuye: unit tests for warn.c (arrears warnings) and the rule of the
 * collection actions form (collect_rules.c). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/entity.h"
#include "wuye/warn.h"

static struct fixture fx;

/* Room 1-101 (张三) owes 2026-08 and 2026-09, 300.00 each; 1-102 (李四)
 * paid 250.00 of 300.00 for 2026-09; 2-101 (王五, estate E2) paid. */
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
	    "(2, '1-102', 1, 1, 9000, 9000), (3, '2-101', 2, 1, 9000, 9000);"
	    "INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三'), "
	    "(2, 'C2', '李四'), (3, 'C3', '王五');"
	    "INSERT INTO occupancy (room_id, client_id, role, start_date, payer)"
	    " VALUES (1, 1, 'owner', '2020-01-01', 1), "
	    "(2, 2, 'owner', '2020-01-01', 1), (3, 3, 'owner', '2020-01-01', 1);"
	    "INSERT INTO fee_items (id, code, name, method, unit_price) VALUES "
	    "(1, 'WY', '物业管理费', 'fixed', 3000000);"
	    "INSERT INTO bills (room_id, client_id, fee_item_id, period, "
	    "quantity, unit_price, amount, due_date, paid) VALUES "
	    "(1, 1, 1, '2026-08', 1000, 3000000, 30000, '2026-08-15', 0), "
	    "(1, 1, 1, '2026-09', 1000, 3000000, 30000, '2026-09-15', 0), "
	    "(2, 2, 1, '2026-09', 1000, 3000000, 30000, '2026-09-15', 25000), "
	    "(3, 3, 1, '2026-09', 1000, 3000000, 30000, '2026-09-15', 30000)");
}

static void
teardown(void)
{
	fixture_close(&fx);
}

/* The warnings, one "kind scope code value limit" line each. */
struct seen {
	char text[2048];
	int n;
};

static int
collect(void *arg, const struct warn_item *w)
{
	struct seen *s = arg;
	size_t len = strlen(s->text);

	snprintf(s->text + len, sizeof s->text - len, "%s %s %s %lld %lld\n",
	    w->kind, w->scope, w->code, (long long)w->value,
	    (long long)w->limit);
	s->n++;
	return 0;
}

static int
stop_first(void *arg, const struct warn_item *w)
{
	(void)w;
	(*(int *)arg)++;
	return 99;
}

START_TEST(test_limits_conf)
{
	struct warn_limits l;
	struct wy_err e = { 0 };

	ck_assert_int_eq(warn_limits_conf(fx.conf, &l, &e), WY_OK);
	ck_assert_int_eq(l.arrears_amount, 100000);
	ck_assert_int_eq(l.arrears_days, 90);
	ck_assert_int_eq(l.failed_attempts, 3);
	ck_assert_int_eq(l.collection_rate, 80);
	ck_assert_int_eq(conf_set(fx.conf, "warn.arrears_amount", "12.5", &e),
	    WY_OK);
	ck_assert_int_eq(warn_limits_conf(fx.conf, &l, &e), WY_OK);
	ck_assert_int_eq(l.arrears_amount, 1250);
	ck_assert_int_eq(conf_set(fx.conf, "warn.arrears_amount", "十元", &e),
	    WY_OK);
	ck_assert_int_eq(warn_limits_conf(fx.conf, &l, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "warn.arrears_amount"));
	ck_assert_int_ne(conf_set(fx.conf, "warn.collection_rate", "101", &e),
	    WY_OK);
}
END_TEST

START_TEST(test_all_off)
{
	struct warn_limits l = { 0 };
	struct seen s = { .n = 0 };
	struct wy_err e = { 0 };

	ck_assert_int_eq(warn_list(&fx.s, &l, NULL, "2026-10-20", collect, &s,
	    &e), WY_OK);
	ck_assert_int_eq(s.n, 0);
}
END_TEST

START_TEST(test_amount_and_age)
{
	struct warn_limits l = { .arrears_amount = 5000, .arrears_days = 60 };
	struct seen s = { .n = 0 };
	struct wy_err e = { 0 };

	ck_assert_int_eq(warn_list(&fx.s, &l, NULL, "2026-10-20", collect, &s,
	    &e), WY_OK);
	ck_assert_str_eq(s.text,
	    "arrears room 1-101 60000 5000\n"
	    "overdue room 1-101 66 60\n"
	    "arrears room 1-102 5000 5000\n");
	/* Before the due date nothing is arrears yet. */
	memset(&s, 0, sizeof s);
	ck_assert_int_eq(warn_list(&fx.s, &l, "2026-08", "2026-08-15", collect,
	    &s, &e), WY_OK);
	ck_assert_int_eq(s.n, 0);
}
END_TEST

START_TEST(test_attempts)
{
	struct warn_limits l = { .failed_attempts = 2 };
	struct seen s = { .n = 0 };
	struct wy_err e = { 0 };

	fixture_sql(&fx, "INSERT INTO collection_actions (room_id, kind, date,"
	    " success) VALUES (1, 'sms', '2026-09-20', 0),"
	    " (1, 'phone', '2026-09-21', 1), (1, 'visit', '2026-09-22', 0),"
	    " (2, 'sms', '2026-09-20', 0), (2, 'phone', '2026-09-21', 0),"
	    " (2, 'letter', '2026-11-01', 0),"
	    " (3, 'sms', '2026-09-20', 0), (3, 'sms', '2026-09-21', 0)");
	ck_assert_int_eq(warn_list(&fx.s, &l, NULL, "2026-10-20", collect, &s,
	    &e), WY_OK);
	/* 1-101: one failure since its success; 2-101 owes nothing; the
	 * letter of 1-102 is after the date. */
	ck_assert_str_eq(s.text, "attempts room 1-102 2 2\n");
}
END_TEST

START_TEST(test_rate)
{
	struct warn_limits l = { .collection_rate = 70 };
	struct seen s = { .n = 0 };
	struct wy_err e = { 0 };

	ck_assert_int_eq(warn_list(&fx.s, &l, "2026-09", "2026-10-20", collect,
	    &s, &e), WY_OK);
	/* E1: 250.00 of 600.00 = 41.66 %; E2 all paid. */
	ck_assert_str_eq(s.text, "rate estate E1 4166 7000\n"
	    "rate building B1 4166 7000\n");
	/* Default period: the month before the date's. */
	memset(&s, 0, sizeof s);
	ck_assert_int_eq(warn_list(&fx.s, &l, NULL, "2026-10-20", collect,
	    &s, &e), WY_OK);
	ck_assert_int_eq(s.n, 2);
	/* Waived counts out of what is due. */
	fixture_sql(&fx, "UPDATE bills SET waived = 5000 WHERE room_id = 2;"
	    "UPDATE bills SET paid = 30000 WHERE room_id = 1");
	memset(&s, 0, sizeof s);
	ck_assert_int_eq(warn_list(&fx.s, &l, "2026-09", "2026-10-20", collect,
	    &s, &e), WY_OK);
	ck_assert_int_eq(s.n, 0);
}
END_TEST

START_TEST(test_bad_input)
{
	struct warn_limits l = { .collection_rate = 70 };
	struct seen s = { .n = 0 };
	struct wy_err e = { 0 };
	struct session amy;
	int calls = 0;

	ck_assert_int_eq(warn_list(&fx.s, &l, "2026-13", NULL, collect, &s,
	    &e), WY_EINVALID);
	ck_assert_int_eq(warn_list(&fx.s, &l, NULL, "2026-02-30", collect, &s,
	    &e), WY_EINVALID);
	ck_assert_int_eq(warn_list(&fx.s, &l, "2026-09", "2026-10-20",
	    stop_first, &calls, &e), 99);
	ck_assert_int_eq(calls, 1);
	ck_assert_int_eq(user_add(&fx.s, "eng", "engineer", "pass", "", &e),
	    WY_OK);
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "eng", "pass", &amy, &e),
	    WY_OK);
	ck_assert_int_eq(warn_list(&amy, &l, NULL, NULL, collect, &s, &e),
	    WY_EDENIED);
}
END_TEST

START_TEST(test_action_rule)
{
	struct entity *ent = NULL;
	struct value *v;
	struct wy_err e = { 0 };
	const struct field *bad = NULL;
	int64_t id = 0;
	size_t i;

	ck_assert_msg(entity_load(fx.conf, "collection_actions", &ent, &e) ==
	    WY_OK, "%s", e.msg);
	v = calloc(ent->nfields, sizeof *v);
	for (i = 0; i < ent->nfields; i++) {
		const struct field *f = &ent->fields[i];
		const char *text = strcmp(f->name, "room") == 0 ? "1-102" :
		    strcmp(f->name, "kind") == 0 ? "律师函" :
		    strcmp(f->name, "date") == 0 ? "2026-10-05" : NULL;

		ck_assert_msg(field_parse(&fx.s, ent, f, text, 1, &v[i], &e) ==
		    WY_OK, "%s: %s", f->name, e.msg);
	}
	ck_assert_msg(entity_save(&fx.s, ent, 0, 0, v, &id, &bad, &e) == WY_OK,
	    "%s", e.msg);
	ck_assert_int_gt(id, 0);
	values_clear(v, ent->nfields);
	free(v);
	entity_free(&ent);
	{
		int64_t n = 0;

		ck_assert_int_eq(db_int64(fx.db, &n, &e, "SELECT count(*) FROM"
		    " collection_actions WHERE kind = 'letter' AND client_id = 2"
		    " AND by = 'system' AND success = 0", ""), WY_OK);
		ck_assert_int_eq(n, 1);
	}
}
END_TEST

Suite *
warn_suite(void)
{
	Suite *s = suite_create("warn");
	TCase *tc = tcase_create("warn");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_limits_conf);
	tcase_add_test(tc, test_all_off);
	tcase_add_test(tc, test_amount_and_age);
	tcase_add_test(tc, test_attempts);
	tcase_add_test(tc, test_rate);
	tcase_add_test(tc, test_bad_input);
	tcase_add_test(tc, test_action_rule);
	suite_add_tcase(s, tc);
	return s;
}
