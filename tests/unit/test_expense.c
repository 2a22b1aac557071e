/* wuye: unit tests for expense.c: approve, reject, pay, the report and
 * the rule of the expenses form. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/entity.h"
#include "wuye/expense.h"

static struct fixture fx;

/* Expenses 1 (requested), 2 (approved), 3 (paid), 4 (rejected). */
static void
setup(void)
{
	fixture_open(&fx);
	fixture_sql(&fx,
	    "INSERT INTO expenses (id, type, amount, payee, requested_on,"
	    " approved_by, approved_on, paid_on, state) VALUES"
	    " (1, 'materials', 12345, '五金店', '2026-10-03', NULL, NULL, NULL,"
	    " 'requested'),"
	    " (2, 'repairs', 80000, '电梯公司', '2026-10-08', 'boss',"
	    " '2026-10-09', NULL, 'approved'),"
	    " (3, 'salary', 5200000, '保安队', '2026-09-30', 'boss',"
	    " '2026-09-30', '2026-10-01', 'paid'),"
	    " (4, 'materials', 500, 'x', '2026-10-04', 'boss', '2026-10-05',"
	    " NULL, 'rejected')");
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

/* A session of a new user of role. */
static void
login(struct session *s, const char *name, const char *role)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(user_add(&fx.s, name, role, "pass", "", &e), WY_OK);
	ck_assert_int_eq(auth_login(fx.db, fx.conf, name, "pass", s, &e),
	    WY_OK);
}

START_TEST(test_approve)
{
	struct wy_err e = { 0 };
	struct session boss;

	login(&boss, "zhou", "manager");
	ck_assert_int_eq(expense_approve(&boss, 0, NULL, &e), WY_ENOTFOUND);
	ck_assert_int_eq(expense_approve(&boss, 99, NULL, &e), WY_ENOTFOUND);
	ck_assert_int_eq(expense_approve(&boss, 1, "2026-02-30", &e),
	    WY_EINVALID);
	ck_assert_msg(expense_approve(&boss, 1, "2026-10-04", &e) == WY_OK,
	    "%s", e.msg);
	ck_assert_int_eq(q("SELECT state = 'approved' AND approved_by = 'zhou'"
	    " AND approved_on = '2026-10-04' AND version = 2 FROM expenses"
	    " WHERE id = 1"), 1);
	ck_assert_int_eq(expense_approve(&boss, 1, NULL, &e), WY_ECONFLICT);
	ck_assert_ptr_nonnull(strstr(e.msg, "is approved"));
	ck_assert_int_eq(expense_approve(&boss, 3, NULL, &e), WY_ECONFLICT);
	ck_assert_int_eq(q("SELECT count(*) FROM audit WHERE action ="
	    " 'expense.approve' AND entity_id = 1"), 1);
}
END_TEST

START_TEST(test_permission)
{
	struct wy_err e = { 0 };
	struct session clerk, cashier;

	login(&clerk, "lin", "clerk");
	login(&cashier, "amy", "cashier");
	ck_assert_int_eq(expense_approve(&clerk, 1, NULL, &e), WY_EDENIED);
	ck_assert_int_eq(expense_reject(&cashier, 1, "no", NULL, &e),
	    WY_EDENIED);
	ck_assert_int_eq(expense_pay(&clerk, 2, NULL, &e), WY_EDENIED);
	ck_assert_int_eq(q("SELECT count(*) FROM expenses WHERE version > 1"),
	    0);
}
END_TEST

START_TEST(test_reject)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(expense_reject(&fx.s, 1, NULL, NULL, &e), WY_EINVALID);
	ck_assert_int_eq(expense_reject(&fx.s, 1, "", NULL, &e), WY_EINVALID);
	ck_assert_int_eq(expense_reject(&fx.s, 1, "a\001b", NULL, &e),
	    WY_EINVALID);
	ck_assert_msg(expense_reject(&fx.s, 1, "报价过高", "2026-10-05", &e) ==
	    WY_OK, "%s", e.msg);
	ck_assert_int_eq(q("SELECT state = 'rejected' AND note = "
	    "'报价过高' AND approved_on = '2026-10-05' FROM expenses"
	    " WHERE id = 1"), 1);
	ck_assert_int_eq(expense_reject(&fx.s, 2, "x", NULL, &e), WY_ECONFLICT);
	ck_assert_int_eq(expense_pay(&fx.s, 4, NULL, &e), WY_ECONFLICT);
}
END_TEST

START_TEST(test_pay)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(expense_pay(&fx.s, 1, NULL, &e), WY_ECONFLICT);
	ck_assert_int_eq(expense_pay(&fx.s, 2, "2026-10-08", &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "before its approval"));
	ck_assert_msg(expense_pay(&fx.s, 2, "2026-10-09", &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_int_eq(q("SELECT state = 'paid' AND paid_on = '2026-10-09'"
	    " FROM expenses WHERE id = 2"), 1);
	ck_assert_int_eq(expense_pay(&fx.s, 2, NULL, &e), WY_ECONFLICT);
	ck_assert_int_eq(q("SELECT count(*) FROM audit WHERE action ="
	    " 'expense.pay'"), 1);
}
END_TEST

/* Report lines as text. */
static int
line(void *arg, const struct expense_line *l)
{
	char *buf = arg;
	size_t n = strlen(buf);

	snprintf(buf + n, 1024 - n, "%s %s %s %lld %lld %lld %lld\n", l->month,
	    l->type, l->type_name, (long long)l->count,
	    (long long)l->requested, (long long)l->approved,
	    (long long)l->paid);
	return 0;
}

START_TEST(test_report)
{
	struct wy_err e = { 0 };
	char buf[1024] = "";

	ck_assert_int_eq(expense_report(&fx.s, NULL, NULL, line, buf, &e),
	    WY_OK);
	ck_assert_str_eq(buf,
	    "2026-09 salary Salaries 1 5200000 5200000 5200000\n"
	    "2026-10 materials Materials 2 12845 0 0\n"
	    "2026-10 repairs Equipment repairs 1 80000 80000 0\n");
	buf[0] = '\0';
	ck_assert_int_eq(expense_report(&fx.s, "2026-09", "2026-09", line, buf,
	    &e), WY_OK);
	ck_assert_str_eq(buf,
	    "2026-09 salary Salaries 1 5200000 5200000 5200000\n");
	buf[0] = '\0';
	ck_assert_int_eq(expense_report(&fx.s, "2026-11", NULL, line, buf, &e),
	    WY_OK);
	ck_assert_str_eq(buf, "");
	ck_assert_int_eq(expense_report(&fx.s, "2026-9", NULL, line, buf, &e),
	    WY_EINVALID);
	ck_assert_int_eq(expense_report(&fx.s, NULL, "x", line, buf, &e),
	    WY_EINVALID);
}
END_TEST

/* Parse texts (by field name; others empty) into a new values array. */
static struct value *
values(struct entity *ent, const char *const *kv)
{
	struct value *v = calloc(ent->nfields, sizeof *v);
	struct wy_err e = { 0 };
	size_t i, k;

	for (i = 0; i < ent->nfields; i++) {
		const char *text = NULL;

		for (k = 0; kv[k] != NULL; k += 2)
			if (strcmp(kv[k], ent->fields[i].name) == 0)
				text = kv[k + 1];
		ck_assert_msg(field_parse(&fx.s, ent, &ent->fields[i], text, 1,
		    &v[i], &e) == WY_OK, "%s: %s", ent->fields[i].name, e.msg);
	}
	return v;
}

START_TEST(test_form_rule)
{
	static const char *const fields[] = {
		"type", "水电", "amount", "300.00", "payee", "供电局",
		"requested_on", "2026-10-09", "state", "paid",
		"approved_by", "me", "approved_on", "2026-10-09", NULL,
	};
	struct entity *ent = NULL;
	struct value *v;
	const struct field *bad = NULL;
	struct wy_err e = { 0 };
	int64_t id = 0;

	ck_assert_msg(entity_load(fx.conf, "expenses", &ent, &e) == WY_OK, "%s",
	    e.msg);
	v = values(ent, fields);
	ck_assert_msg(entity_save(&fx.s, ent, 0, 0, v, &id, &bad, &e) == WY_OK,
	    "%s", e.msg);
	ck_assert_int_eq(q("SELECT state = 'requested' AND coalesce(approved_by, '') = ''"
	    " AND approved_on IS NULL AND paid_on IS NULL AND requested_by ="
	    " 'system' AND type = 'utilities' FROM expenses ORDER BY id DESC"
	    " LIMIT 1"), 1);
	/* A requested expense may be changed, an approved one not. */
	ck_assert_msg(entity_save(&fx.s, ent, id, 1, v, &id, &bad, &e) ==
	    WY_OK, "%s", e.msg);
	values_clear(v, ent->nfields);
	free(v);
	v = values(ent, fields);
	ck_assert_int_eq(entity_save(&fx.s, ent, 2, 1, v, &id, &bad, &e),
	    WY_ECONFLICT);
	ck_assert_ptr_nonnull(strstr(e.msg, "only a requested expense"));
	ck_assert_int_eq(q("SELECT amount FROM expenses WHERE id = 2"), 80000);
	values_clear(v, ent->nfields);
	free(v);
	entity_free(&ent);
}
END_TEST

Suite *
expense_suite(void)
{
	Suite *s = suite_create("expense");
	TCase *tc = tcase_create("expense");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_approve);
	tcase_add_test(tc, test_permission);
	tcase_add_test(tc, test_reject);
	tcase_add_test(tc, test_pay);
	tcase_add_test(tc, test_report);
	tcase_add_test(tc, test_form_rule);
	suite_add_tcase(s, tc);
	return s;
}
