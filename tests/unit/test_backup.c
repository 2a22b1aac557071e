/* wuye: unit tests for backup.c (backup, verified restore, pruning). */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "wuye/audit.h"
#include "wuye/backup.h"
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

/* Add a user as the system. */
static void
add(const char *name)
{
	struct wy_err e = { 0 };

	ck_assert_msg(user_add(&fx.s, name, "clerk", "pass", "", &e) == WY_OK,
	    "%s", e.msg);
}

/* 1 if the user exists in the live database. */
static int
has_user(const char *name)
{
	int64_t n = 0;

	ck_assert_int_eq(db_int64(fx.db, &n, NULL,
	    "SELECT count(*) FROM users WHERE name = ?1", "t", name), WY_OK);
	return (int)n;
}

/* A fingerprint of the live database: users, audit head and count. */
static void
fingerprint(char *buf, size_t size)
{
	sqlite3_stmt *st;

	ck_assert_int_eq(db_prepare(fx.db, "SELECT (SELECT group_concat(name) "
	    "FROM users) || '/' || (SELECT count(*) FROM audit) || '/' || "
	    "coalesce((SELECT value FROM meta WHERE key = 'audit_head'), '') || "
	    "'/' || (SELECT count(*) FROM sqlite_schema)", &st, NULL), WY_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	snprintf(buf, size, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* Number of files in the backup folder whose name starts with prefix. */
static int
count_files(const char *dir, const char *prefix)
{
	struct dirent *de;
	DIR *d;
	int n = 0;

	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0)
			n++;
	closedir(d);
	return n;
}

/* The fixture's backup folder. */
static const char *
bdir(void)
{
	static char dir[160];

	snprintf(dir, sizeof dir, "%s/backups", fx.dir);
	return dir;
}

/* A plain (uncompressed) copy of the live database at path. */
static void
plain_copy(const char *path)
{
	struct wy_err e = { 0 };

	unlink(path);
	ck_assert_msg(db_run(fx.db, &e, "VACUUM INTO ?1", "t", path) == WY_OK,
	    "%s", e.msg);
}

/* Run SQL on the SQLite file at path (not through wuye). */
static void
edit_file(const char *path, const char *sql)
{
	sqlite3 *h;

	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK, "%s",
	    sqlite3_errmsg(h));
	sqlite3_close(h);
}

/* Expect restoring path to fail with want in the message and the live
 * database unchanged. */
static void
refused(const char *path, int code, const char *want)
{
	char before[512], after[512];
	struct wy_err e = { 0 };

	fingerprint(before, sizeof before);
	ck_assert_int_eq(backup_restore(fx.db, path, &e), code);
	ck_assert_msg(strstr(e.msg, want) != NULL, "wanted '%s' in '%s'", want,
	    e.msg);
	fingerprint(after, sizeof after);
	ck_assert_str_eq(before, after);
	ck_assert_int_eq(audit_verify(fx.db, &e), WY_OK);
	ck_assert_int_eq(count_files(fx.dir, ".wuye-"), 0);
}

START_TEST(test_round_trip)
{
	char path[4200];
	struct wy_err e = { 0 };
	struct stat sb;

	add("bob");
	ck_assert_msg(backup_create(fx.db, bdir(), NULL, 10, path, sizeof path,
	    &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(strncmp(path, bdir(), strlen(bdir())), 0);
	ck_assert_ptr_nonnull(strstr(path, "/wuye-2"));
	ck_assert_int_eq(strcmp(path + strlen(path) - 6, ".db.gz"), 0);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 077, 0);	/* private: password hashes */
	ck_assert_int_eq(count_files(bdir(), ".wuye-"), 0);
	add("carol");
	ck_assert_msg(backup_restore(fx.db, path, &e) == WY_OK, "%s", e.msg);
	ck_assert(has_user("bob"));
	ck_assert(!has_user("carol"));
	ck_assert_int_eq(audit_verify(fx.db, &e), WY_OK);
	ck_assert_int_eq(db_schema_version(fx.db), db_schema_latest());
	add("dave");	/* the restored database works on */
	ck_assert_int_eq(audit_verify(fx.db, &e), WY_OK);
	ck_assert_int_eq(count_files(fx.dir, ".wuye-"), 0);
}
END_TEST

START_TEST(test_output_file)
{
	char path[4200], out[200];
	struct wy_err e = { 0 };

	snprintf(out, sizeof out, "%s/mine.gz", fx.dir);
	add("bob");
	ck_assert_int_eq(backup_create(fx.db, bdir(), out, 1, path, sizeof path,
	    &e), WY_OK);
	ck_assert_str_eq(path, out);
	ck_assert_int_eq(count_files(bdir(), "wuye-"), 0);
	/* Overwrites an existing file. */
	ck_assert_int_eq(backup_create(fx.db, NULL, out, 0, NULL, 0, &e), WY_OK);
	add("carol");
	ck_assert_int_eq(backup_restore(fx.db, out, &e), WY_OK);
	ck_assert(!has_user("carol"));
	snprintf(out, sizeof out, "%s/no/such/folder/x.gz", fx.dir);
	ck_assert_int_eq(backup_create(fx.db, NULL, out, 0, NULL, 0, &e),
	    WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "no/such/folder"));
	ck_assert_int_eq(backup_create(fx.db, NULL, "", 0, NULL, 0, &e),
	    WY_EUSAGE);
}
END_TEST

START_TEST(test_default_dir)
{
	char path[4200], want[200];
	struct wy_err e = { 0 };

	ck_assert_int_eq(backup_create(fx.db, NULL, NULL, 0, path, sizeof path,
	    &e), WY_OK);
	snprintf(want, sizeof want, "%s/wuye-", fx.dir);
	ck_assert_int_eq(strncmp(path, want, strlen(want)), 0);
}
END_TEST

START_TEST(test_plain_sqlite)
{
	char path[200];
	struct wy_err e = { 0 };

	snprintf(path, sizeof path, "%s/plain.db", fx.dir);
	add("bob");
	plain_copy(path);
	add("carol");
	ck_assert_msg(backup_restore(fx.db, path, &e) == WY_OK, "%s", e.msg);
	ck_assert(has_user("bob"));
	ck_assert(!has_user("carol"));
}
END_TEST

START_TEST(test_garbage)
{
	refused(fixture_file(&fx, "garbage.db.gz", "this is not a backup\n"),
	    WY_EINVALID, "garbage.db.gz is not a wuye backup");
	refused(fixture_file(&fx, "empty.db.gz", ""), WY_EINVALID, "is empty");
}
END_TEST

START_TEST(test_truncated_gzip)
{
	char path[4200];
	struct wy_err e = { 0 };
	struct stat sb;

	add("bob");
	ck_assert_int_eq(backup_create(fx.db, bdir(), NULL, 0, path, sizeof path,
	    &e), WY_OK);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(truncate(path, sb.st_size / 2), 0);
	add("carol");
	refused(path, WY_EINVALID, "is damaged");
	ck_assert(has_user("carol"));
}
END_TEST

START_TEST(test_corrupt_pages)
{
	char path[200];
	FILE *f;
	int i;

	snprintf(path, sizeof path, "%s/corrupt.db", fx.dir);
	add("bob");
	plain_copy(path);
	/* Scribble over the second page (a b-tree page). */
	ck_assert_ptr_nonnull(f = fopen(path, "r+b"));
	fseek(f, 4096 + 8, SEEK_SET);
	for (i = 0; i < 512; i++)
		fputc(0xa5, f);
	fclose(f);
	refused(path, WY_EINVALID, "corrupt.db");
}
END_TEST

START_TEST(test_other_sqlite)
{
	char path[200];

	snprintf(path, sizeof path, "%s/other.db", fx.dir);
	edit_file(path, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
	refused(path, WY_EINVALID, "an SQLite database of another program");
}
END_TEST

START_TEST(test_newer_schema)
{
	char path[200], sql[64];

	snprintf(path, sizeof path, "%s/newer.db", fx.dir);
	plain_copy(path);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    db_schema_latest() + 1);
	edit_file(path, sql);
	refused(path, WY_EINVALID, "upgrade wuye first");
}
END_TEST

START_TEST(test_broken_audit)
{
	char path[200];

	snprintf(path, sizeof path, "%s/tampered.db", fx.dir);
	add("bob");
	add("carol");
	plain_copy(path);
	edit_file(path, "DROP TRIGGER audit_no_delete; "
	    "DELETE FROM audit WHERE id = 1");
	refused(path, WY_EINVALID, "entry 1 is missing");
}
END_TEST

START_TEST(test_missing)
{
	char path[200];

	snprintf(path, sizeof path, "%s/nothing.gz", fx.dir);
	refused(path, WY_ENOTFOUND, "nothing.gz");
	refused(fx.dir, WY_EINVALID, "not a regular file");
	refused("", WY_EUSAGE, "no backup file");
}
END_TEST

START_TEST(test_prune)
{
	char paths[6][4200];
	struct wy_err e = { 0 };
	struct stat sb;
	int i;

	fixture_file(&fx, "backups/unrelated.txt", "keep me\n");
	fixture_file(&fx, "backups/wuye-notadate.db.gz", "keep me\n");
	for (i = 0; i < 6; i++)
		ck_assert_msg(backup_create(fx.db, bdir(), NULL, 3, paths[i],
		    sizeof paths[i], &e) == WY_OK, "%s", e.msg);
	for (i = 0; i < 6; i++)
		ck_assert_msg((stat(paths[i], &sb) == 0) == (i >= 3),
		    "backup %d: %s", i, paths[i]);
	for (i = 1; i < 6; i++)
		ck_assert_str_ne(paths[i - 1], paths[i]);
	ck_assert_int_eq(count_files(bdir(), "wuye-2"), 3);
	ck_assert_int_eq(count_files(bdir(), "unrelated"), 1);
	ck_assert_int_eq(count_files(bdir(), "wuye-notadate"), 1);
	/* keep 0 keeps all. */
	ck_assert_int_eq(backup_create(fx.db, bdir(), NULL, 0, NULL, 0, &e),
	    WY_OK);
	ck_assert_int_eq(count_files(bdir(), "wuye-2"), 4);
	ck_assert_int_eq(backup_create(fx.db, bdir(), NULL, 1, NULL, 0, &e),
	    WY_OK);
	ck_assert_int_eq(count_files(bdir(), "wuye-2"), 1);
}
END_TEST

START_TEST(test_as_user)
{
	char path[4200];
	struct session s;
	struct wy_err e = { 0 };
	int64_t n = 0;

	add("bob");
	ck_assert_int_eq(auth_login(fx.db, fx.conf, "bob", "pass", &s, &e),
	    WY_OK);
	ck_assert_int_eq(backup_create_as(&s, NULL, path, sizeof path, &e),
	    WY_EDENIED);
	ck_assert_ptr_nonnull(strstr(e.msg, "may not make backups"));
	ck_assert_int_eq(backup_create_as(&fx.s, NULL, path, sizeof path, &e),
	    WY_OK);
	ck_assert_int_eq(strncmp(path, bdir(), strlen(bdir())), 0);
	ck_assert_int_eq(backup_restore_as(&s, path, &e), WY_EDENIED);
	ck_assert_ptr_nonnull(strstr(e.msg, "may not restore a backup"));
	ck_assert_int_eq(backup_restore_as(&fx.s, path, &e), WY_OK);
	ck_assert_int_eq(db_int64(fx.db, &n, NULL, "SELECT count(*) FROM audit "
	    "WHERE action = 'backup.restore' AND id = (SELECT max(id) FROM "
	    "audit)", ""), WY_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(audit_verify(fx.db, &e), WY_OK);
}
END_TEST

Suite *
backup_suite(void)
{
	Suite *s = suite_create("backup");
	TCase *tc;

	tc = tcase_create("backup_create");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_output_file);
	tcase_add_test(tc, test_default_dir);
	tcase_add_test(tc, test_prune);
	suite_add_tcase(s, tc);

	tc = tcase_create("backup_restore");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_plain_sqlite);
	tcase_add_test(tc, test_garbage);
	tcase_add_test(tc, test_truncated_gzip);
	tcase_add_test(tc, test_corrupt_pages);
	tcase_add_test(tc, test_other_sqlite);
	tcase_add_test(tc, test_newer_schema);
	tcase_add_test(tc, test_broken_audit);
	tcase_add_test(tc, test_missing);
	suite_add_tcase(s, tc);

	tc = tcase_create("backup_as");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_as_user);
	suite_add_tcase(s, tc);
	return s;
}
