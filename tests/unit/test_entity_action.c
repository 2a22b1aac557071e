/* wuye unit tests for row actions of forms ([action.NAME]): parsing,
 * the registered functions, and running one (entity_action.c). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/entity.h"

static struct fixture fx;

/* Expenses 1 and 2 requested. */
static void
setup(void)
{
	fixture_open(&fx);
	fixture_sql(&fx,
	    "INSERT INTO expenses (id, type, amount, payee, requested_on, state)"
	    " VALUES (1, 'materials', 12345, '五金店', '2026-10-03', 'requested'),"
	    " (2, 'repairs', 80000, '电梯公司', '2026-10-08', 'requested')");
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

static struct entity *
load(const char *name)
{
	struct wy_err e = { 0 };
	struct entity *ent = NULL;

	ck_assert_msg(entity_load(fx.conf, name, &ent, &e) == WY_OK, "%s", e.msg);
	return ent;
}

/* The index of action name in ent. */
static size_t
action(const struct entity *ent, const char *name)
{
	size_t i;

	for (i = 0; i < ent->nactions; i++)
		if (strcmp(ent->actions[i].name, name) == 0)
			return i;
	ck_abort_msg("no action %s", name);
	return 0;
}

START_TEST(test_call_find)
{
	ck_assert_ptr_null(entity_call_find(NULL));
	ck_assert_ptr_null(entity_call_find(""));
	ck_assert_ptr_null(entity_call_find("expense"));
	ck_assert_ptr_null(entity_call_find("expense.approve "));
	ck_assert_ptr_null(entity_call_find("EXPENSE.APPROVE"));
	ck_assert_ptr_nonnull(entity_call_find("expense.approve"));
	ck_assert_ptr_nonnull(entity_call_find("expense.reject"));
	ck_assert_ptr_nonnull(entity_call_find("expense.pay"));
	ck_assert_ptr_ne((void *)entity_call_find("expense.approve"),
	    (void *)entity_call_find("expense.pay"));
}
END_TEST

/* Every key of [action.NAME], the defaults, and the built-in expenses. */
START_TEST(test_parse_actions)
{
	struct entity *ent;
	const struct entity_action *a;

	fixture_file(&fx, "data/forms/acts.ini",
	    "[form]\ntable = expenses\n[payee]\n"
	    "[action.no_way]\nlabel = Reject\nlabel.zh = 驳回\n"
	    "ask = Why?\nask.zh = 原因？\nconfirm = yes\ncall = expense.reject\n"
	    "[action.ok]\nlabel = OK\ncall = expense.approve\n"
	    "[note]\n");
	ent = load("acts");
	ck_assert_uint_eq(ent->nfields, 2);
	ck_assert_uint_eq(ent->nactions, 2);
	a = &ent->actions[0];
	ck_assert_str_eq(a->name, "no_way");
	ck_assert_str_eq(a->label, "Reject");
	ck_assert_str_eq(a->label_zh, "驳回");
	ck_assert_str_eq(a->ask, "Why?");
	ck_assert_str_eq(a->ask_zh, "原因？");
	ck_assert_int_eq(a->confirm, 1);
	ck_assert_str_eq(a->call, "expense.reject");
	ck_assert_ptr_eq((void *)a->fn, (void *)entity_call_find("expense.reject"));
	a = &ent->actions[1];
	ck_assert_str_eq(a->name, "ok");
	ck_assert_str_eq(a->label_zh, "OK");	/* defaults to the label */
	ck_assert_ptr_null(a->ask);
	ck_assert_ptr_null(entity_action_ask(a));
	ck_assert_int_eq(a->confirm, 0);
	ck_assert_str_eq(entity_action_label(a), "OK");
	entity_free(&ent);

	ent = load("expenses");
	ck_assert_uint_eq(ent->nactions, 3);
	ck_assert_str_eq(ent->actions[action(ent, "approve")].label_zh, "批准");
	ck_assert_ptr_nonnull(ent->actions[action(ent, "reject")].ask);
	ck_assert_int_eq(ent->actions[action(ent, "pay")].confirm, 1);
	ck_assert_int_eq(ent->actions[action(ent, "approve")].confirm, 0);
	entity_free(&ent);

	ent = load("rooms");
	ck_assert_uint_eq(ent->nactions, 0);
	entity_free(&ent);
}
END_TEST

/* Each malformed action is refused naming the file and the section. */
START_TEST(test_bad_actions)
{
	static const struct { const char *text, *want; } cases[] = {
		{ "[action.a]\nlabel = A\ncall = expense.pay\ncolour = red\n",
		    "[action.a] unknown key 'colour'" },
		{ "[action.a]\nlabel = A\ncall = expense.nosuch\n",
		    "[action.a] call: no function 'expense.nosuch'" },
		{ "[action.a]\ncall = expense.pay\n", "[action.a]: an action needs a label" },
		{ "[action.a]\nlabel =\ncall = expense.pay\n", "needs a label" },
		{ "[action.a]\nlabel = A\n", "[action.a]: an action needs call" },
		{ "[action.a]\nlabel = A\ncall = expense.pay\nconfirm = maybe\n",
		    "[action.a] confirm: 'maybe'" },
		{ "[action.a-b]\nlabel = A\ncall = expense.pay\n", "an action name" },
		{ "[action.]\nlabel = A\ncall = expense.pay\n", "an action name" },
	};
	struct wy_err e = { 0 };
	struct entity *ent;
	char text[512];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(text, sizeof text, "[form]\ntable = expenses\n[payee]\n%s",
		    cases[i].text);
		fixture_file(&fx, "data/forms/bad.ini", text);
		ck_assert_msg(entity_load(fx.conf, "bad", &ent, &e) != WY_OK,
		    "case %zu loaded", i);
		ck_assert_ptr_null(ent);
		ck_assert_msg(strstr(e.msg, cases[i].want) != NULL,
		    "case %zu: '%s' lacks '%s'", i, e.msg, cases[i].want);
		ck_assert_msg(strstr(e.msg, "bad.ini") != NULL, "%s", e.msg);
	}
}
END_TEST

/* Approve, reject (a reason needed) and pay through the form's actions. */
START_TEST(test_run)
{
	struct wy_err e = { 0 };
	struct session boss;
	struct entity *ent = load("expenses");

	login(&boss, "zhou", "manager");
	ck_assert_int_eq(entity_action_run(&boss, ent, ent->nactions, 1, NULL, &e),
	    WY_EINVALID);
	ck_assert_int_eq(entity_action_run(&boss, NULL, 0, 1, NULL, &e),
	    WY_EINVALID);
	ck_assert_int_eq(entity_action_run(&boss, ent, action(ent, "approve"), 99,
	    NULL, &e), WY_ENOTFOUND);
	ck_assert_msg(entity_action_run(&boss, ent, action(ent, "approve"), 1,
	    "ignored", &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(q("SELECT state = 'approved' AND approved_by = 'zhou'"
	    " AND approved_on = date('now', 'localtime') FROM expenses"
	    " WHERE id = 1"), 1);
	ck_assert_int_eq(entity_action_run(&boss, ent, action(ent, "approve"), 1,
	    NULL, &e), WY_ECONFLICT);
	ck_assert_msg(strncmp(e.msg, "Approve: ", 9) == 0, "%s", e.msg);
	ck_assert_ptr_nonnull(strstr(e.msg, "is approved"));

	ck_assert_int_eq(entity_action_run(&boss, ent, action(ent, "reject"), 2,
	    NULL, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "needs a reason"));
	ck_assert_int_eq(entity_action_run(&boss, ent, action(ent, "reject"), 2,
	    " \t ", &e), WY_EINVALID);
	ck_assert_int_eq(q("SELECT state = 'requested' FROM expenses WHERE id = 2"), 1);
	ck_assert_msg(entity_action_run(&boss, ent, action(ent, "reject"), 2,
	    "  报价过高 ", &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(q("SELECT state = 'rejected' AND note = '报价过高'"
	    " FROM expenses WHERE id = 2"), 1);

	ck_assert_int_eq(entity_action_run(&boss, ent, action(ent, "pay"), 2,
	    NULL, &e), WY_ECONFLICT);
	ck_assert_msg(entity_action_run(&boss, ent, action(ent, "pay"), 1,
	    NULL, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(q("SELECT state = 'paid' AND paid_on IS NOT NULL"
	    " FROM expenses WHERE id = 1"), 1);
	ck_assert_int_eq(q("SELECT count(*) FROM audit WHERE action LIKE"
	    " 'expense.%'"), 3);
	entity_free(&ent);
}
END_TEST

/* A clerk may request expenses but not approve them, nor reject or pay. */
START_TEST(test_run_denied)
{
	struct wy_err e = { 0 };
	struct session clerk;
	struct entity *ent = load("expenses");

	login(&clerk, "lin", "clerk");
	ck_assert_int_eq(entity_action_run(&clerk, ent, action(ent, "approve"), 1,
	    NULL, &e), WY_EDENIED);
	ck_assert_int_eq(entity_action_run(&clerk, ent, action(ent, "reject"), 1,
	    "no", &e), WY_EDENIED);
	ck_assert_int_eq(entity_action_run(&clerk, ent, action(ent, "pay"), 1,
	    NULL, &e), WY_EDENIED);
	ck_assert_int_eq(q("SELECT count(*) FROM expenses WHERE state <> 'requested'"),
	    0);
	entity_free(&ent);
}
END_TEST

Suite *
entity_action_suite(void)
{
	Suite *s = suite_create("entity_action");
	TCase *tc = tcase_create("entity_action");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_call_find);
	tcase_add_test(tc, test_parse_actions);
	tcase_add_test(tc, test_bad_actions);
	tcase_add_test(tc, test_run);
	tcase_add_test(tc, test_run_denied);
	suite_add_tcase(s, tc);
	return s;
}
