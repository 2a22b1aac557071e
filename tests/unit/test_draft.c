/* wuye unit tests for draft.c: the drafts kept at a hang-up (save, one per
 * user and form, list with values, delete, only the user's own, not for
 * the system). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/draft.h"

static struct fixture fx;
static struct session clerk, other;

static void
setup(void)
{
	struct wy_err e = { 0 };

	fixture_open(&fx);
	ck_assert_int_eq(user_add(&fx.s, "clerk1", "clerk", "pass", "", &e), WY_OK);
	ck_assert_int_eq(user_add(&fx.s, "clerk2", "clerk", "pass", "", &e), WY_OK);
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "clerk1", "pass", &clerk, &e),
	    WY_OK);
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "clerk2", "pass", &other, &e),
	    WY_OK);
}

static void
teardown(void)
{
	fixture_close(&fx);
}

START_TEST(test_save_list_delete)
{
	struct draft_value v[] = {
		{ "code", "A1-1-101", "A1-1-101" },
		{ "note", "朝南 带阳台", "" },
	};
	struct draft d = { .form = "rooms", .record_id = 7, .version = 3,
	    .title = "Rooms: A1-1-101", .values = v, .nvalues = 2 }, *got;
	struct wy_err e = { 0 };
	size_t n;
	int64_t count;

	ck_assert_int_eq(draft_save(&clerk, &d, &e), WY_OK);
	ck_assert_int_eq(draft_list(&clerk, &got, &n, &e), WY_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(got[0].form, "rooms");
	ck_assert_int_eq(got[0].record_id, 7);
	ck_assert_int_eq(got[0].version, 3);
	ck_assert_str_eq(got[0].title, "Rooms: A1-1-101");
	ck_assert_uint_eq(strlen(got[0].saved_at), 20);
	ck_assert_uint_eq(got[0].nvalues, 2);
	ck_assert_str_eq(got[0].values[1].field, "note");
	ck_assert_str_eq(got[0].values[1].value, "朝南 带阳台");
	ck_assert_str_eq(got[0].values[1].original, "");
	draft_free_all(&got, n);
	ck_assert_ptr_null(got);

	/* another user sees none of it, and may not delete it */
	ck_assert_int_eq(draft_list(&other, &got, &n, &e), WY_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(got);

	/* one per user and form: a second replaces the first */
	v[1].value = "朝北";
	d.record_id = 0;
	d.version = 0;
	d.title = "Rooms: new record";
	ck_assert_int_eq(draft_save(&clerk, &d, &e), WY_OK);
	ck_assert_int_eq(draft_list(&clerk, &got, &n, &e), WY_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(got[0].record_id, 0);
	ck_assert_int_eq(got[0].version, 0);
	ck_assert_str_eq(got[0].values[1].value, "朝北");
	ck_assert_int_eq(db_int64(fx.db, &count, &e, "SELECT count(*) FROM "
	    "draft_values", ""), WY_OK);
	ck_assert_int_eq(count, 2);
	ck_assert_int_eq(draft_delete(&other, got[0].id, &e), WY_OK);
	ck_assert_int_eq(db_int64(fx.db, &count, &e, "SELECT count(*) FROM "
	    "drafts", ""), WY_OK);
	ck_assert_int_eq(count, 1);	/* not other's to delete */
	ck_assert_int_eq(draft_delete(&clerk, got[0].id, &e), WY_OK);
	draft_free_all(&got, n);
	ck_assert_int_eq(draft_list(&clerk, &got, &n, &e), WY_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(db_int64(fx.db, &count, &e, "SELECT count(*) FROM "
	    "draft_values", ""), WY_OK);
	ck_assert_int_eq(count, 0);
}
END_TEST

/* Two forms, two drafts; the system has none and may keep none. */
START_TEST(test_forms_and_system)
{
	struct draft a = { .form = "rooms", .title = "Rooms: new record" };
	struct draft b = { .form = "clients", .title = "Clients: 张三" }, *got;
	struct wy_err e = { 0 };
	size_t n;

	ck_assert_int_eq(draft_save(&clerk, &a, &e), WY_OK);
	ck_assert_int_eq(draft_save(&clerk, &b, &e), WY_OK);
	ck_assert_int_eq(draft_list(&clerk, &got, &n, &e), WY_OK);
	ck_assert_uint_eq(n, 2);
	draft_free_all(&got, n);
	ck_assert_int_eq(draft_save(&fx.s, &a, &e), WY_EDENIED);
	ck_assert_int_eq(draft_list(&fx.s, &got, &n, &e), WY_EDENIED);
	a.form = "";
	ck_assert_int_eq(draft_save(&clerk, &a, &e), WY_EINVALID);
}
END_TEST

Suite *
draft_suite(void)
{
	Suite *s = suite_create("draft");
	TCase *tc = tcase_create("draft");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_save_list_delete);
	tcase_add_test(tc, test_forms_and_system);
	suite_add_tcase(s, tc);
	return s;
}
