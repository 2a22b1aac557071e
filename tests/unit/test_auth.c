/* wuye: unit tests for auth.c (hashing, log-in and lock-out, permissions,
 * users). */
#include <check.h>
#include <string.h>

#include <sodium.h>

#include "fixture.h"
#include "wuye/auth.h"
#include "wuye/conf.h"
#include "wuye/db.h"

static struct fixture fx;

static void
setup(void)
{
	fixture_open(&fx);
}

static void
teardown(void)
{
	fixture_close(&fx);
}

/* Add a user as the system; fails the test on error. */
static void
add(const char *name, const char *role, const char *pw)
{
	struct wy_err e = { 0 };

	ck_assert_msg(user_add(&fx.s, name, role, pw, "", &e) == WY_OK, "%s",
	    e.msg);
}

/* Log in name; fails the test on error. */
static void
login(const char *name, const char *pw, struct session *s)
{
	struct wy_err e = { 0 };

	ck_assert_msg(auth_login(fx.db, fx.conf, name, pw, s, &e) == WY_OK,
	    "%s", e.msg);
}

/* The value of users.failed for name. */
static int64_t
failed_of(const char *name)
{
	int64_t n = -1;

	ck_assert_int_eq(db_int64(fx.db, &n, NULL,
	    "SELECT failed FROM users WHERE name = ?1", "t", name), WY_OK);
	return n;
}

/* Number of audit entries with the given action. */
static int64_t
audited(const char *action)
{
	int64_t n = -1;

	ck_assert_int_eq(db_int64(fx.db, &n, NULL,
	    "SELECT count(*) FROM audit WHERE action = ?1", "t", action), WY_OK);
	return n;
}

START_TEST(test_hash_levels)
{
	char h[crypto_pwhash_STRBYTES];
	struct wy_err e = { 0 };

	ck_assert_int_eq(auth_hash_password("secret", "minimal", h, sizeof h,
	    &e), WY_OK);
	ck_assert_int_eq(crypto_pwhash_str_verify(h, "secret", 6), 0);
	ck_assert_int_ne(crypto_pwhash_str_verify(h, "Secret", 6), 0);
	ck_assert_ptr_nonnull(strstr(h, "$argon2id$"));
	ck_assert_ptr_nonnull(strstr(h, "m=8,"));
	/* The interactive level (the default); moderate and sensitive need
	 * 256 MiB and 1 GiB, too much for a unit test. */
	ck_assert_int_eq(auth_hash_password("密码密码", "interactive", h,
	    sizeof h, &e), WY_OK);
	ck_assert_ptr_nonnull(strstr(h, "m=65536,"));
	ck_assert_int_eq(crypto_pwhash_str_verify(h, "密码密码",
	    strlen("密码密码")), 0);
	ck_assert_int_eq(auth_hash_password("", "minimal", h, sizeof h, &e),
	    WY_OK);
	ck_assert_int_eq(crypto_pwhash_str_verify(h, "", 0), 0);
}
END_TEST

START_TEST(test_hash_errors)
{
	char h[crypto_pwhash_STRBYTES];
	struct wy_err e = { 0 };

	ck_assert_int_eq(auth_hash_password("x", "fast", h, sizeof h, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "'fast'"));
	ck_assert_int_eq(auth_hash_password(NULL, "minimal", h, sizeof h, &e),
	    WY_EINVALID);
	ck_assert_int_eq(auth_hash_password("x", "minimal", h, 10, &e),
	    WY_EFAIL);
}
END_TEST

START_TEST(test_session_system)
{
	struct session s;

	session_system(&s, fx.db, fx.conf);
	ck_assert_str_eq(s.user, "system");
	ck_assert_int_eq(s.user_id, 0);
	ck_assert(auth_can(&s, "user.admin"));
	ck_assert(auth_can(&s, "anything.at.all"));
}
END_TEST

START_TEST(test_login_ok)
{
	struct session s;

	add("alice", "manager", "pw-alice");
	login("alice", "pw-alice", &s);
	ck_assert_str_eq(s.user, "alice");
	ck_assert_str_eq(s.role, "manager");
	ck_assert_int_gt(s.user_id, 0);
	ck_assert_ptr_eq(s.db, fx.db);
	ck_assert_ptr_nonnull(strstr(s.perms, "|backup|"));
	ck_assert_ptr_null(strstr(s.perms, "|user.admin|"));
	ck_assert_int_eq(s.perms[0], '|');
}
END_TEST

START_TEST(test_login_unknown)
{
	struct session s;
	struct wy_err e = { 0 };

	ck_assert_int_eq(auth_login(fx.db, fx.conf, "nobody", "x", &s, &e),
	    WY_EDENIED);
	ck_assert_str_eq(e.msg, "unknown user nobody");
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "", "x", &s, &e),
	    WY_EUSAGE);
	ck_assert_int_eq(auth_login(fx.db, fx.conf, NULL, "x", &s, &e),
	    WY_EUSAGE);
}
END_TEST

START_TEST(test_login_wrong)
{
	struct session s;
	struct wy_err e = { 0 };

	add("bob", "clerk", "right");
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "bob", "wrong", &s, &e),
	    WY_EDENIED);
	ck_assert_ptr_nonnull(strstr(e.msg, "wrong password for bob"));
	ck_assert_ptr_nonnull(strstr(e.msg, "4 more"));
	ck_assert_int_eq(failed_of("bob"), 1);
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "bob", NULL, &s, &e),
	    WY_EDENIED);
	ck_assert_ptr_nonnull(strstr(e.msg, "3 more"));
	ck_assert_int_eq(failed_of("bob"), 2);
	/* The right password resets the count. */
	login("bob", "right", &s);
	ck_assert_int_eq(failed_of("bob"), 0);
}
END_TEST

START_TEST(test_login_lockout)
{
	struct session s;
	struct wy_err e = { 0 };
	int i;

	add("carol", "cashier", "right");
	for (i = 1; i <= 4; i++) {
		ck_assert_int_eq(auth_login(fx.db, fx.conf, "carol", "bad", &s,
		    &e), WY_EDENIED);
		ck_assert_ptr_null(strstr(e.msg, "locked"));
	}
	ck_assert_ptr_nonnull(strstr(e.msg, "1 more"));
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "carol", "bad", &s, &e),
	    WY_EDENIED);
	ck_assert_ptr_nonnull(strstr(e.msg, "now locked after 5 failed"));
	ck_assert_int_eq(audited("user.lock"), 1);
	/* Locked even with the right password, which does not count. */
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "carol", "right", &s, &e),
	    WY_EDENIED);
	ck_assert_str_eq(e.msg, "account carol is locked after 5 failed "
	    "log-ins; an administrator must set a new password");
	ck_assert_int_eq(failed_of("carol"), 5);
	/* An administrator's new password unlocks. */
	ck_assert_int_eq(user_passwd(&fx.s, "carol", "fresh", &e), WY_OK);
	ck_assert_int_eq(failed_of("carol"), 0);
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "carol", "right", &s, &e),
	    WY_EDENIED);
	login("carol", "fresh", &s);
}
END_TEST

START_TEST(test_login_lockout_configured)
{
	struct session s;
	struct wy_err e = { 0 };

	ck_assert_int_eq(conf_set(fx.conf, "security.max_failed_logins", "1",
	    &e), WY_OK);
	add("dan", "clerk", "right");
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "dan", "bad", &s, &e),
	    WY_EDENIED);
	ck_assert_ptr_nonnull(strstr(e.msg, "now locked after 1 failed"));
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "dan", "right", &s, &e),
	    WY_EDENIED);
	ck_assert_ptr_nonnull(strstr(e.msg, "is locked"));
}
END_TEST

START_TEST(test_login_disabled)
{
	struct session s;
	struct wy_err e = { 0 };

	add("erin", "clerk", "right");
	fixture_sql(&fx, "UPDATE users SET active = 0 WHERE name = 'erin'");
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "erin", "right", &s, &e),
	    WY_EDENIED);
	ck_assert_ptr_nonnull(strstr(e.msg, "disabled"));
}
END_TEST

START_TEST(test_login_rehash)
{
	struct session s;
	int64_t n = 0;

	add("fay", "clerk", "right");
	ck_assert_int_eq(db_int64(fx.db, &n, NULL, "SELECT count(*) FROM users "
	    "WHERE name = 'fay' AND pwhash LIKE '%m=8,%'", ""), WY_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(conf_set(fx.conf, "security.password_hash",
	    "interactive", NULL), WY_OK);
	login("fay", "right", &s);
	ck_assert_int_eq(db_int64(fx.db, &n, NULL, "SELECT count(*) FROM users "
	    "WHERE name = 'fay' AND pwhash LIKE '%m=65536,%'", ""), WY_OK);
	ck_assert_int_eq(n, 1);
	login("fay", "right", &s);
}
END_TEST

START_TEST(test_can)
{
	struct session s;

	ck_assert(!auth_can(NULL, "property.read"));
	session_system(&s, fx.db, fx.conf);
	ck_assert(!auth_can(&s, NULL));
	ck_assert(!auth_can(&s, ""));
	ck_assert(!auth_can(&s, "a|b"));
	add("gus", "engineer", "pass");
	login("gus", "pass", &s);
	ck_assert(auth_can(&s, "property.read"));
	ck_assert(auth_can(&s, "client.read"));
	ck_assert(!auth_can(&s, "property"));
	ck_assert(!auth_can(&s, "read"));
	ck_assert(!auth_can(&s, "property.rea"));
	ck_assert(!auth_can(&s, "roperty.read"));
	ck_assert(!auth_can(&s, "property.write"));
	ck_assert(!auth_can(&s, "*"));
	/* A role granted "*" has every permission. */
	fixture_sql(&fx, "INSERT INTO roles (name, title, title_zh) VALUES ('root', 'Root', '超级');"
	    "INSERT INTO role_perms (role, perm) VALUES ('root', '*')");
	add("hal", "root", "pass");
	login("hal", "pass", &s);
	ck_assert_str_eq(s.perms, "*");
	ck_assert(auth_can(&s, "whatever"));
}
END_TEST

START_TEST(test_roles)
{
	static const struct {
		const char *role, *perm;
		int can;
	} cases[] = {
		{ "admin", "user.admin", 1 }, { "admin", "restore", 1 },
		{ "admin", "check", 1 },
		{ "manager", "user.admin", 0 }, { "manager", "restore", 0 },
		{ "manager", "backup", 1 }, { "manager", "audit.read", 1 },
		{ "clerk", "client.write", 1 }, { "clerk", "import", 1 },
		{ "clerk", "backup", 0 }, { "clerk", "user.admin", 0 },
		{ "cashier", "client.sensitive", 1 },
		{ "cashier", "client.write", 0 }, { "cashier", "export", 0 },
		{ "engineer", "property.read", 1 },
		{ "engineer", "client.sensitive", 0 },
	};
	struct session s;
	char name[32];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(name, sizeof name, "u%zu", i);
		add(name, cases[i].role, "pass");
		login(name, "pass", &s);
		ck_assert_msg(auth_can(&s, cases[i].perm) == cases[i].can,
		    "%s %s", cases[i].role, cases[i].perm);
	}
}
END_TEST

START_TEST(test_require)
{
	struct session s;
	struct wy_err e = { 0 };

	add("ivy", "clerk", "pass");
	login("ivy", "pass", &s);
	ck_assert_int_eq(auth_require(&s, "client.write", &e), WY_OK);
	ck_assert_int_eq(auth_require(&s, "user.admin", &e), WY_EDENIED);
	ck_assert_str_eq(e.msg, "permission denied: user ivy (role clerk) may "
	    "not manage users and their permissions");
	/* In words, never the internal name. */
	ck_assert_int_eq(auth_require(&s, "charge.void", &e), WY_EDENIED);
	ck_assert_str_eq(e.msg, "permission denied: user ivy (role clerk) may "
	    "not void receipts or make refunds");
	ck_assert_int_eq(auth_require(&s, "restore", NULL), WY_EDENIED);
}
END_TEST

START_TEST(test_user_add_ok)
{
	struct wy_err e = { 0 };
	int64_t n = 0;
	char name[40];

	ck_assert_int_eq(user_add(&fx.s, "张", "clerk", "pass", "", &e),
	    WY_EINVALID);	/* names are ASCII */
	ck_assert_int_eq(user_add(&fx.s, "li.si-2_x", "clerk", "密码密码",
	    "李四", &e), WY_OK);
	ck_assert_int_eq(db_int64(fx.db, &n, NULL, "SELECT count(*) FROM users "
	    "WHERE name = 'li.si-2_x' AND full_name = '李四' AND role = "
	    "'clerk' AND failed = 0 AND created GLOB '2*Z'", ""), WY_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(audited("user.add"), 1);
	memset(name, 'a', 32);
	name[32] = '\0';
	ck_assert_int_eq(user_add(&fx.s, name, "clerk", "pass", NULL, &e),
	    WY_OK);
	ck_assert_int_eq(user_add(&fx.s, "A", "admin", "pass", NULL, &e),
	    WY_OK);
	ck_assert_int_eq(audited("user.add"), 3);
}
END_TEST

START_TEST(test_user_add_invalid)
{
	static const struct {
		const char *name, *role, *pw, *full, *msg;
	} cases[] = {
		{ NULL, "clerk", "pass", "", "user name is empty" },
		{ "", "clerk", "pass", "", "user name is empty" },
		{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "clerk", "pass", "",
		    "longer than 32" },
		{ "bad name", "clerk", "pass", "", "may contain only" },
		{ "bad/name", "clerk", "pass", "", "may contain only" },
		{ "张三", "clerk", "pass", "", "may contain only" },
		{ "ok", "boss", "pass", "", "unknown role 'boss' (roles: admin, "
		    "cashier, clerk, engineer, manager)" },
		{ "ok", "", "pass", "", "no role" },
		{ "ok", NULL, "pass", "", "no role" },
		{ "ok", "clerk", "abc", "", "at least 4 characters" },
		{ "ok", "clerk", "密码", "", "at least 4 characters" },
		{ "ok", "clerk", NULL, "", "at least 4 characters" },
		{ "ok", "clerk", "pass", "a\tb", "control characters" },
	};
	struct wy_err e = { 0 };
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_int_eq(user_add(&fx.s, cases[i].name, cases[i].role,
		    cases[i].pw, cases[i].full, &e), WY_EINVALID);
		ck_assert_msg(strstr(e.msg, cases[i].msg) != NULL, "%zu: %s", i,
		    e.msg);
	}
	ck_assert_int_eq(audited("user.add"), 0);
}
END_TEST

START_TEST(test_user_add_duplicate)
{
	struct wy_err e = { 0 };
	int64_t n = 0;

	add("jo", "clerk", "pass");
	ck_assert_int_eq(user_add(&fx.s, "jo", "admin", "other", "", &e),
	    WY_ECONFLICT);
	ck_assert_str_eq(e.msg, "user jo already exists");
	ck_assert_int_eq(db_int64(fx.db, &n, NULL,
	    "SELECT count(*) FROM users WHERE name = 'jo' AND role = 'clerk'",
	    ""), WY_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(audited("user.add"), 1);
}
END_TEST

START_TEST(test_user_add_denied)
{
	struct session s;
	struct wy_err e = { 0 };

	add("kim", "manager", "pass");
	login("kim", "pass", &s);
	ck_assert_int_eq(user_add(&s, "lee", "clerk", "pass", "", &e),
	    WY_EDENIED);
	ck_assert_str_eq(e.msg, "permission denied: user kim (role manager) may "
	    "not manage users and their permissions");
	ck_assert_int_eq(audited("user.add"), 1);
}
END_TEST

START_TEST(test_user_passwd)
{
	struct session s, t;
	struct wy_err e = { 0 };

	add("max", "clerk", "old1");
	add("ned", "clerk", "old2");
	login("max", "old1", &s);
	/* Oneself: allowed. */
	ck_assert_int_eq(user_passwd(&s, "max", "new1", &e), WY_OK);
	login("max", "new1", &t);
	/* Someone else: needs user.admin. */
	ck_assert_int_eq(user_passwd(&s, "ned", "new2", &e), WY_EDENIED);
	ck_assert_ptr_nonnull(strstr(e.msg, "may not manage users"));
	login("ned", "old2", &t);
	ck_assert_int_eq(user_passwd(&fx.s, "ned", "new2", &e), WY_OK);
	login("ned", "new2", &t);
	ck_assert_int_eq(user_passwd(&fx.s, "nobody", "new2", &e),
	    WY_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(e.msg, "nobody"));
	ck_assert_int_eq(user_passwd(&fx.s, "ned", "abc", &e), WY_EINVALID);
	ck_assert_int_eq(audited("user.passwd"), 2);
}
END_TEST

struct seen {
	char names[256];
	int locked;
};

static int
collect(void *arg, const struct user_info *u)
{
	struct seen *x = arg;

	strcat(x->names, u->name);
	strcat(x->names, ",");
	x->locked += u->locked;
	return 0;
}

static int
stop_at_first(void *arg, const struct user_info *u)
{
	(*(int *)arg)++;
	return 42;
}

START_TEST(test_user_list)
{
	struct seen x = { "", 0 };
	struct session s;
	struct wy_err e = { 0 };
	int calls = 0, i;

	add("zoe", "clerk", "pass");
	add("amy", "admin", "pass");
	for (i = 0; i < 5; i++)
		auth_login(fx.db, fx.conf, "zoe", "bad", &s, NULL);
	ck_assert_int_eq(user_list(&fx.s, collect, &x, &e), WY_OK);
	ck_assert_str_eq(x.names, "amy,zoe,");
	ck_assert_int_eq(x.locked, 1);
	ck_assert_int_eq(user_list(&fx.s, stop_at_first, &calls, &e), 42);
	ck_assert_int_eq(calls, 1);
	login("amy", "pass", &s);
	ck_assert_int_eq(user_list(&s, collect, &x, &e), WY_OK);
	add("bea", "clerk", "pass");
	login("bea", "pass", &s);
	ck_assert_int_eq(user_list(&s, collect, &x, &e), WY_EDENIED);
}
END_TEST

Suite *
auth_suite(void)
{
	Suite *s = suite_create("auth");
	TCase *tc;

	tc = tcase_create("auth_hash_password");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_hash_levels);
	tcase_add_test(tc, test_hash_errors);
	suite_add_tcase(s, tc);

	tc = tcase_create("auth_login");
	tcase_set_timeout(tc, 30);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_session_system);
	tcase_add_test(tc, test_login_ok);
	tcase_add_test(tc, test_login_unknown);
	tcase_add_test(tc, test_login_wrong);
	tcase_add_test(tc, test_login_lockout);
	tcase_add_test(tc, test_login_lockout_configured);
	tcase_add_test(tc, test_login_disabled);
	tcase_add_test(tc, test_login_rehash);
	suite_add_tcase(s, tc);

	tc = tcase_create("auth_can");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_can);
	tcase_add_test(tc, test_roles);
	tcase_add_test(tc, test_require);
	suite_add_tcase(s, tc);

	tc = tcase_create("user_add");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_user_add_ok);
	tcase_add_test(tc, test_user_add_invalid);
	tcase_add_test(tc, test_user_add_duplicate);
	tcase_add_test(tc, test_user_add_denied);
	suite_add_tcase(s, tc);

	tc = tcase_create("user_passwd");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_user_passwd);
	suite_add_tcase(s, tc);

	tc = tcase_create("user_list");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_user_list);
	suite_add_tcase(s, tc);
	return s;
}
