/* wuye: unit tests for audit.c (the hash chain and what breaks it).
 * Tampering is done the way an intruder with the sqlite3 shell would:
 * drop the append-only triggers, then edit. */
#include <check.h>
#include <string.h>

#include "fixture.h"
#include "wuye/audit.h"
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

/* Append one entry in its own transaction. */
static void
append(const char *action, int64_t id, const char *detail)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(db_begin(fx.db, &e), WY_OK);
	ck_assert_msg(audit_append(&fx.s, action, "rooms", id, detail, &e) ==
	    WY_OK, "%s", e.msg);
	ck_assert_int_eq(db_commit(fx.db, &e), WY_OK);
}

/* Append n entries. */
static void
append_n(int n)
{
	char detail[32];
	int i;

	for (i = 1; i <= n; i++) {
		snprintf(detail, sizeof detail, "entry %d", i);
		append("test.add", i % 2 ? i : 0, detail);
	}
}

/* Expect verification to fail with a message containing want. */
static void
broken(const char *want)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(audit_verify(fx.db, &e), WY_EINVALID);
	ck_assert_msg(strstr(e.msg, want) != NULL, "wanted '%s' in '%s'", want,
	    e.msg);
}

START_TEST(test_empty)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(audit_verify(fx.db, &e), WY_OK);
}
END_TEST

START_TEST(test_append)
{
	struct wy_err e = { 0 };
	int64_t n = 0;

	append("user.add", 7, "名字=张三");
	append("test.none", 0, NULL);
	ck_assert_int_eq(db_int64(fx.db, &n, NULL, "SELECT count(*) FROM audit "
	    "WHERE id = 1 AND user = 'system' AND action = 'user.add' AND "
	    "entity = 'rooms' AND entity_id = 7 AND detail = '名字=张三' AND "
	    "prev = '0000000000000000000000000000000000000000000000000000000000"
	    "000000' AND length(hash) = 64 AND at GLOB '2*T*Z'", ""), WY_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(db_int64(fx.db, &n, NULL, "SELECT count(*) FROM audit "
	    "b JOIN audit a ON a.id = 1 WHERE b.id = 2 AND b.prev = a.hash AND "
	    "b.entity_id IS NULL AND b.detail = ''", ""), WY_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(db_int64(fx.db, &n, NULL,
	    "SELECT value FROM meta WHERE key = 'audit_count'", ""), WY_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(db_int64(fx.db, &n, NULL, "SELECT count(*) FROM meta m "
	    "JOIN audit a ON a.id = 2 WHERE m.key = 'audit_head' AND "
	    "m.value = a.hash", ""), WY_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(audit_verify(fx.db, &e), WY_OK);
}
END_TEST

START_TEST(test_append_needs_transaction)
{
	struct wy_err e = { 0 };
	int64_t n = -1;

	ck_assert_int_eq(audit_append(&fx.s, "x.y", "", 0, "", &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "transaction"));
	ck_assert_int_eq(db_begin(fx.db, &e), WY_OK);
	ck_assert_int_eq(audit_append(&fx.s, "", "", 0, "", &e), WY_EFAIL);
	ck_assert_int_eq(audit_append(&fx.s, NULL, "", 0, "", &e), WY_EFAIL);
	db_rollback(fx.db);
	ck_assert_int_eq(db_int64(fx.db, &n, NULL, "SELECT count(*) FROM audit",
	    ""), WY_OK);
	ck_assert_int_eq(n, 0);
}
END_TEST

START_TEST(test_rollback)
{
	struct wy_err e = { 0 };

	append_n(2);
	ck_assert_int_eq(db_begin(fx.db, &e), WY_OK);
	ck_assert_int_eq(audit_append(&fx.s, "x.y", "", 0, "gone", &e), WY_OK);
	db_rollback(fx.db);
	append_n(1);
	ck_assert_int_eq(audit_verify(fx.db, &e), WY_OK);
}
END_TEST

START_TEST(test_triggers)
{
	struct wy_err e = { 0 };

	append_n(2);
	ck_assert_int_ne(db_exec(fx.db, "UPDATE audit SET detail = 'x'", &e),
	    WY_OK);
	ck_assert_ptr_nonnull(strstr(e.msg, "append-only"));
	ck_assert_int_ne(db_exec(fx.db, "DELETE FROM audit", &e), WY_OK);
	ck_assert_int_eq(audit_verify(fx.db, &e), WY_OK);
}
END_TEST

START_TEST(test_tampered_detail)
{
	append_n(4);
	fixture_sql(&fx, "DROP TRIGGER audit_no_update;"
	    "UPDATE audit SET detail = 'entry two' WHERE id = 2");
	broken("entry 2 has been altered");
}
END_TEST

START_TEST(test_tampered_fields)
{
	static const char *const edits[] = {
		"UPDATE audit SET user = 'admin' WHERE id = 3",
		"UPDATE audit SET at = '2020-01-01T00:00:00Z' WHERE id = 3",
		"UPDATE audit SET action = 'user.del' WHERE id = 3",
		"UPDATE audit SET entity = 'users' WHERE id = 3",
		"UPDATE audit SET entity_id = 4 WHERE id = 3",
		"UPDATE audit SET entity_id = NULL WHERE id = 3",
		"UPDATE audit SET entity_id = 0 WHERE id = 4",
	};
	size_t i;

	for (i = 0; i < sizeof edits / sizeof edits[0]; i++) {
		teardown();
		setup();
		append_n(4);
		fixture_sql(&fx, "DROP TRIGGER audit_no_update");
		fixture_sql(&fx, edits[i]);
		broken(i < 6 ? "entry 3 has been altered" :
		    "entry 4 has been altered");
	}
}
END_TEST

START_TEST(test_deleted_middle)
{
	append_n(5);
	fixture_sql(&fx, "DROP TRIGGER audit_no_delete;"
	    "DELETE FROM audit WHERE id = 3");
	broken("entry 3 is missing (entry 4 follows entry 2)");
	fixture_sql(&fx, "DELETE FROM audit WHERE id = 4");
	broken("entries 3 to 4 are missing");
}
END_TEST

START_TEST(test_deleted_first)
{
	append_n(3);
	fixture_sql(&fx, "DROP TRIGGER audit_no_delete;"
	    "DELETE FROM audit WHERE id = 1");
	broken("entry 1 is missing");
}
END_TEST

START_TEST(test_truncated_tail)
{
	append_n(5);
	fixture_sql(&fx, "DROP TRIGGER audit_no_delete;"
	    "DELETE FROM audit WHERE id >= 4");
	broken("5 entries were written but 3 are there: entries are missing "
	    "at the end (after entry 3)");
}
END_TEST

START_TEST(test_truncated_all)
{
	append_n(2);
	fixture_sql(&fx, "DROP TRIGGER audit_no_delete; DELETE FROM audit");
	broken("entries are missing at the end");
}
END_TEST

START_TEST(test_truncated_and_meta)
{
	/* Tail deleted and the count fixed up: the head still tells. */
	append_n(4);
	fixture_sql(&fx, "DROP TRIGGER audit_no_delete;"
	    "DELETE FROM audit WHERE id = 4;"
	    "UPDATE meta SET value = '3' WHERE key = 'audit_count'");
	broken("entry 3 is not the last one written");
}
END_TEST

START_TEST(test_truncated_then_appended)
{
	/* An entry written after a truncation does not follow its
	 * predecessor in the table. */
	append_n(4);
	fixture_sql(&fx, "DROP TRIGGER audit_no_delete;"
	    "DELETE FROM audit WHERE id = 4");
	append_n(1);
	broken("entry 4 does not follow the entry before it");
}
END_TEST

START_TEST(test_inserted_end)
{
	append_n(3);
	fixture_sql(&fx, "INSERT INTO audit (id, at, user, action, detail, prev, "
	    "hash) SELECT 4, '2030-01-01T00:00:00Z', 'system', 'user.add', "
	    "'forged', hash, 'ff' FROM audit WHERE id = 3");
	broken("entry 4 has been altered");
}
END_TEST

START_TEST(test_inserted_start)
{
	append_n(2);
	fixture_sql(&fx, "INSERT INTO audit (id, at, user, action, detail, prev, "
	    "hash) VALUES (0, '2000-01-01T00:00:00Z', 'system', 'user.add', "
	    "'forged', '00', 'ee')");
	broken("entry 0 is out of sequence");
}
END_TEST

START_TEST(test_inserted_valid_chain)
{
	/* A well-formed entry added by someone who knows the algorithm, but
	 * without wuye's bookkeeping in meta. */
	append_n(2);
	fixture_sql(&fx, "CREATE TABLE saved AS SELECT * FROM meta");
	append("forged.add", 0, "forged");
	fixture_sql(&fx, "DELETE FROM meta; INSERT INTO meta SELECT * FROM saved;"
	    "DROP TABLE saved");
	broken("2 entries were written but 3 are there: entries were added "
	    "outside wuye (from entry 3 on)");
}
END_TEST

START_TEST(test_meta_head)
{
	append_n(2);
	fixture_sql(&fx, "UPDATE meta SET value = 'abc' WHERE key = "
	    "'audit_head'");
	broken("entry 2 is not the last one written");
}
END_TEST

Suite *
audit_suite(void)
{
	Suite *s = suite_create("audit");
	TCase *tc;

	tc = tcase_create("audit_append");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_append);
	tcase_add_test(tc, test_append_needs_transaction);
	tcase_add_test(tc, test_rollback);
	tcase_add_test(tc, test_triggers);
	suite_add_tcase(s, tc);

	tc = tcase_create("audit_verify");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_tampered_detail);
	tcase_add_test(tc, test_tampered_fields);
	tcase_add_test(tc, test_deleted_middle);
	tcase_add_test(tc, test_deleted_first);
	tcase_add_test(tc, test_truncated_tail);
	tcase_add_test(tc, test_truncated_all);
	tcase_add_test(tc, test_truncated_and_meta);
	tcase_add_test(tc, test_truncated_then_appended);
	tcase_add_test(tc, test_inserted_end);
	tcase_add_test(tc, test_inserted_start);
	tcase_add_test(tc, test_inserted_valid_chain);
	tcase_add_test(tc, test_meta_head);
	suite_add_tcase(s, tc);
	return s;
}
