/* wuye: unit tests for dbcheck.c (what `wuye check` finds). */
#include <check.h>
#include <string.h>

#include "fixture.h"
#include "wuye/dbcheck.h"

static struct fixture fx;

struct found {
	char text[4096];
	int calls;
};

static void
setup(void)
{
	fixture_open(&fx);
	fixture_sql(&fx,
	    "INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');"
	    "INSERT INTO buildings (id, code, estate_id, name) VALUES "
	    "(1, 'B1', 1, '1号楼');"
	    "INSERT INTO rooms (id, code, building_id, floor, build_area, "
	    "charge_area, layout, orientation) VALUES "
	    "(1, '1-101', 1, 1, 8950, 8000, '2b1l', ''), "
	    "(2, '1-102', 1, 1, 9000, 9000, '', 'S');"
	    "INSERT INTO clients (id, code, name, id_type) VALUES "
	    "(1, 'C1', '张三', 'idcard'), (2, 'C2', '李四', '');"
	    "INSERT INTO occupancy (id, room_id, client_id, role, start_date, "
	    "end_date, payer) VALUES "
	    "(1, 1, 1, 'owner', '2020-01-01', '2023-06-30', 1), "
	    "(2, 1, 2, 'owner', '2023-07-01', NULL, 1), "
	    "(3, 1, 1, 'resident', '2020-01-01', NULL, 0);"
	    "INSERT INTO family (client_id, name, relation) VALUES "
	    "(1, '王五', 'spouse'), (1, '赵六', '');"
	    "INSERT INTO parking_spaces (code, estate_id, type) VALUES "
	    "('P1', 1, 'underground'), ('P2', 1, '')");
}

static void
teardown(void)
{
	fixture_close(&fx);
}

static int
collect(void *arg, const char *problem)
{
	struct found *f = arg;

	strncat(f->text, problem, sizeof f->text - strlen(f->text) - 2);
	strcat(f->text, "\n");
	f->calls++;
	return 0;
}

static int
stop(void *arg, const char *problem)
{
	(*(int *)arg)++;
	return 99;
}

/* Run the check; returns the number of problems, text in *f. */
static int
run(struct found *f)
{
	struct wy_err e = { 0 };
	int n = -1;

	memset(f, 0, sizeof *f);
	ck_assert_msg(dbcheck_run(&fx.s, collect, f, &n, &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_int_eq(n, f->calls);
	return n;
}

/* Expect exactly one problem, containing want. */
static void
one(const char *want)
{
	struct found f;

	ck_assert_msg(run(&f) == 1, "%s", f.text);
	ck_assert_msg(strstr(f.text, want) != NULL, "wanted '%s' in '%s'", want,
	    f.text);
}

START_TEST(test_clean)
{
	struct found f;

	ck_assert_msg(run(&f) == 0, "%s", f.text);
}
END_TEST

START_TEST(test_permission)
{
	struct session s;
	struct wy_err e = { 0 };
	int n = -1;

	ck_assert_int_eq(user_add(&fx.s, "eve", "clerk", "pass", "", &e), WY_OK);
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "eve", "pass", &s, &e),
	    WY_OK);
	ck_assert_int_eq(dbcheck_run(&s, collect, NULL, &n, &e), WY_EDENIED);
	ck_assert_ptr_nonnull(strstr(e.msg, "may not check the database"));
}
END_TEST

START_TEST(test_dates)
{
	fixture_sql(&fx, "PRAGMA ignore_check_constraints = ON;"
	    "UPDATE occupancy SET end_date = '2019-12-31' WHERE id = 3");
	one("occupancy row 3: end_date 2019-12-31 is before start_date "
	    "2020-01-01");
}
END_TEST

START_TEST(test_payer_overlap)
{
	/* The move-out day is the next one's move-in day: no overlap. */
	struct found f;

	fixture_sql(&fx, "UPDATE occupancy SET end_date = '2023-07-01' "
	    "WHERE id = 1");
	ck_assert_int_eq(run(&f), 0);
	fixture_sql(&fx, "UPDATE occupancy SET end_date = '2023-07-02' "
	    "WHERE id = 1");
	one("occupancy row 1: its payer period overlaps that of row 2 for "
	    "room 1-101 (both pay on 2023-07-01)");
}
END_TEST

START_TEST(test_payer_open_overlap)
{
	struct found f;

	/* An open-ended payer link and one inside it; one just before both
	 * and a non-paying resident do not count. */
	fixture_sql(&fx, "INSERT INTO occupancy (id, room_id, client_id, role, "
	    "start_date, end_date, payer) VALUES "
	    "(4, 2, 1, 'owner', '2021-01-01', NULL, 1),"
	    "(5, 2, 2, 'tenant', '2021-06-01', '2021-06-30', 1),"
	    "(6, 2, 2, 'owner', '2020-01-01', '2020-12-31', 1),"
	    "(7, 2, 2, 'resident', '2020-01-01', NULL, 0)");
	ck_assert_int_eq(run(&f), 1);
	ck_assert_ptr_nonnull(strstr(f.text, "occupancy row 4: its payer "
	    "period overlaps that of row 5 for room 1-102 (both pay on "
	    "2021-06-01)"));
}
END_TEST

START_TEST(test_areas)
{
	fixture_sql(&fx, "PRAGMA ignore_check_constraints = ON;"
	    "UPDATE rooms SET charge_area = 0 WHERE id = 2");
	one("rooms row 2: areas must be positive (build_area 90.00, "
	    "charge_area 0.00)");
}
END_TEST

START_TEST(test_categories)
{
	static const struct {
		const char *sql, *want;
	} cases[] = {
		{ "UPDATE rooms SET state = 'gone' WHERE id = 1",
		    "rooms row 1: state 'gone' is not in the category list "
		    "room_state" },
		{ "UPDATE rooms SET state = '' WHERE id = 2",
		    "rooms row 2: state '' is not in the category list "
		    "room_state" },
		{ "UPDATE rooms SET use = 'farm' WHERE id = 1",
		    "rooms row 1: use 'farm'" },
		{ "UPDATE rooms SET layout = '9b9l' WHERE id = 2",
		    "rooms row 2: layout '9b9l' is not in the category list "
		    "layout" },
		{ "UPDATE rooms SET orientation = '南' WHERE id = 1",
		    "rooms row 1: orientation '南'" },
		{ "UPDATE buildings SET type = '' WHERE id = 1",
		    "buildings row 1: type ''" },
		{ "UPDATE clients SET id_type = 'visa' WHERE id = 2",
		    "clients row 2: id_type 'visa' is not in the category list "
		    "id_type" },
		{ "UPDATE family SET relation = 'cousin' WHERE name = '赵六'",
		    "family row 2: relation 'cousin'" },
		{ "UPDATE family SET id_type = 'x' WHERE name = '王五'",
		    "family row 1: id_type 'x'" },
		{ "UPDATE parking_spaces SET type = 'roof' WHERE code = 'P2'",
		    "parking_spaces row 2: type 'roof' is not in the category "
		    "list parking_type" },
		{ "DELETE FROM categories WHERE list = 'layout' AND "
		    "code = '2b1l'", "rooms row 1: layout '2b1l'" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		teardown();
		setup();
		fixture_sql(&fx, cases[i].sql);
		one(cases[i].want);
	}
}
END_TEST

START_TEST(test_foreign_keys)
{
	fixture_sql(&fx, "PRAGMA foreign_keys = OFF;"
	    "UPDATE rooms SET building_id = 7 WHERE id = 2;"
	    "PRAGMA foreign_keys = ON");
	one("rooms row 2: refers to a buildings row that does not exist");
}
END_TEST

START_TEST(test_audit)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(user_add(&fx.s, "eve", "clerk", "pass", "", &e), WY_OK);
	fixture_sql(&fx, "DROP TRIGGER audit_no_update;"
	    "UPDATE audit SET user = 'mallory'");
	one("audit log: entry 1 has been altered");
}
END_TEST

START_TEST(test_many_and_stop)
{
	struct found f;
	struct wy_err e = { 0 };
	int calls = 0, n = -1;

	fixture_sql(&fx, "UPDATE rooms SET state = 'x', use = 'y';"
	    "UPDATE buildings SET type = 'z'");
	ck_assert_int_eq(run(&f), 5);
	ck_assert_ptr_nonnull(strstr(f.text, "buildings row 1: type 'z'"));
	ck_assert_int_eq(dbcheck_run(&fx.s, stop, &calls, &n, &e), 99);
	ck_assert_int_eq(calls, 1);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(dbcheck_run(&fx.s, NULL, NULL, &n, &e), WY_OK);
	ck_assert_int_eq(n, 5);
}
END_TEST

Suite *
dbcheck_suite(void)
{
	Suite *s = suite_create("dbcheck");
	TCase *tc;

	tc = tcase_create("dbcheck_run");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_clean);
	tcase_add_test(tc, test_permission);
	tcase_add_test(tc, test_dates);
	tcase_add_test(tc, test_payer_overlap);
	tcase_add_test(tc, test_payer_open_overlap);
	tcase_add_test(tc, test_areas);
	tcase_add_test(tc, test_categories);
	tcase_add_test(tc, test_foreign_keys);
	tcase_add_test(tc, test_audit);
	tcase_add_test(tc, test_many_and_stop);
	suite_add_tcase(s, tc);
	return s;
}
