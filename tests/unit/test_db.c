/* wuye: unit tests for db.c (opening, migrations, refusal of foreign and
 * newer files, the busy timeout between two connections, the writers'
 * queue). */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
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

/* Milliseconds on the monotonic clock. */
static int64_t
ms_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
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

START_TEST(test_tables)
{
	static const char *const tables[] = {
		"meta", "roles", "role_perms", "users", "audit", "categories",
		"estates", "buildings", "rooms", "handover_items",
		"handover_findings", "clients", "occupancy", "family", "leases",
		"parking_spaces", "vehicles",
	};
	int64_t n;
	size_t i;

	for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		n = 0;
		ck_assert_int_eq(db_int64(fx.db, &n, NULL, "SELECT count(*) FROM "
		    "sqlite_schema WHERE type = 'table' AND name = ?1", "t",
		    tables[i]), WY_OK);
		ck_assert_msg(n == 1, "table %s is missing", tables[i]);
	}
	ck_assert_int_eq(db_int64(fx.db, &n, NULL, "SELECT count(*) FROM "
	    "sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit'", ""),
	    WY_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(db_int64(fx.db, &n, NULL, "PRAGMA application_id", ""),
	    WY_OK);
	ck_assert_int_eq(n, DB_APPLICATION_ID);
	ck_assert_int_eq(db_int64(fx.db, &n, NULL, "SELECT count(*) FROM roles",
	    ""), WY_OK);
	ck_assert_int_eq(n, 5);
}
END_TEST

START_TEST(test_version)
{
	ck_assert_int_ge(db_schema_latest(), 2);
	ck_assert_int_eq(db_schema_version(fx.db), db_schema_latest());
}
END_TEST

START_TEST(test_pragmas)
{
	sqlite3_stmt *st;
	int64_t n;

	ck_assert_int_eq(db_int64(fx.db, &n, NULL, "PRAGMA foreign_keys", ""),
	    WY_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(db_int64(fx.db, &n, NULL, "PRAGMA synchronous", ""),
	    WY_OK);
	ck_assert_int_eq(n, 2);	/* FULL */
	ck_assert_int_eq(db_prepare(fx.db, "PRAGMA journal_mode", &st, NULL),
	    WY_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
}
END_TEST

START_TEST(test_reopen)
{
	struct wy_err e = { 0 };
	int applied = -1;

	db_close(&fx.db);
	ck_assert_ptr_null(fx.db);
	ck_assert_int_eq(db_open(fx.path, 0, &fx.db, &e), WY_OK);
	ck_assert_int_eq(db_migrate(fx.db, &applied, &e), WY_OK);
	ck_assert_int_eq(applied, 0);
	ck_assert_int_eq(db_schema_version(fx.db), db_schema_latest());
}
END_TEST

/* A database no one may write (mode 0444) opens read-only as immutable:
 * it reads, makes no -shm or -wal file, refuses writes naming the file;
 * a read-write open of an unreadable file names the file. */
START_TEST(test_readonly_file)
{
	struct db *ro;
	struct wy_err e = { 0 };
	char shm[160];
	int64_t n = -1;

	fixture_sql(&fx, "INSERT INTO estates (code, name) VALUES ('E1', 'x')");
	db_close(&fx.db);	/* the last handle: the -wal file goes */
	ck_assert_int_eq(chmod(fx.path, 0444), 0);
	ck_assert_msg(db_open(fx.path, DB_READONLY, &ro, &e) == WY_OK, "%s",
	    e.msg);
	ck_assert(ro->readonly);
	ck_assert(ro->immutable);
	ck_assert_int_eq(db_int64(ro, &n, &e, "SELECT count(*) FROM estates",
	    ""), WY_OK);
	ck_assert_int_eq(n, 1);
	snprintf(shm, sizeof shm, "%s-shm", fx.path);
	ck_assert_int_ne(access(shm, F_OK), 0);
	ck_assert_int_eq(db_run(ro, &e, "UPDATE estates SET name = 'y'", ""),
	    WY_EFAIL);
	ck_assert_msg(strstr(e.msg, "read-only") != NULL &&
	    strstr(e.msg, fx.path) != NULL, "%s", e.msg);
	db_close(&ro);
	ck_assert_int_eq(chmod(fx.path, 0644), 0);
	ck_assert_int_eq(db_open(fx.path, 0, &fx.db, &e), WY_OK);
}
END_TEST

START_TEST(test_fresh_applies_all)
{
	struct db *db;
	struct wy_err e = { 0 };
	char path[160];
	int applied = -1;

	snprintf(path, sizeof path, "%s/sub/dir/new.db", fx.dir);
	ck_assert_int_eq(db_open(path, 0, &db, &e), WY_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(e.msg, "wuye init"));
	ck_assert_int_eq(db_open(path, DB_CREATE, &db, &e), WY_OK);
	ck_assert_int_eq(db_migrate(db, &applied, &e), WY_OK);
	ck_assert_int_eq(applied, db_schema_latest());
	db_close(&db);
}
END_TEST

START_TEST(test_newer_refused)
{
	struct wy_err e = { 0 };
	char sql[64];

	db_close(&fx.db);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    db_schema_latest() + 1);
	edit_file(fx.path, sql);
	ck_assert_int_eq(db_open(fx.path, 0, &fx.db, &e), WY_EFAIL);
	ck_assert_ptr_null(fx.db);
	ck_assert_ptr_nonnull(strstr(e.msg, "upgrade wuye"));
	ck_assert_ptr_nonnull(strstr(e.msg, fx.path));
}
END_TEST

START_TEST(test_not_sqlite)
{
	struct db *db = NULL;
	struct wy_err e = { 0 };
	const char *path;

	path = fixture_file(&fx, "text.db", "name,mobile\n张三,13800138000\n");
	ck_assert_int_ne(db_open(path, 0, &db, &e), WY_OK);
	ck_assert_ptr_null(db);
	ck_assert_ptr_nonnull(strstr(e.msg, "text.db"));
	ck_assert_int_ne(db_open(fx.dir, 0, &db, &e), WY_OK);
	ck_assert_int_eq(db_open(NULL, 0, &db, &e), WY_EUSAGE);
	ck_assert_int_eq(db_open("", 0, &db, &e), WY_EUSAGE);
}
END_TEST

START_TEST(test_other_sqlite)
{
	struct db *db = NULL;
	struct wy_err e = { 0 };
	char path[160];

	snprintf(path, sizeof path, "%s/other.db", fx.dir);
	edit_file(path, "CREATE TABLE t (x)");
	ck_assert_int_eq(db_open(path, 0, &db, &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "not a wuye database"));
}
END_TEST

START_TEST(test_busy_timeout)
{
	struct db *other;
	struct wy_err e = { 0 };
	int64_t t0, waited;

	ck_assert_int_eq(db_open(fx.path, 0, &other, &e), WY_OK);
	db_set_busy_timeout(other, 300);
	ck_assert_int_eq(db_begin(fx.db, &e), WY_OK);
	t0 = ms_now();
	ck_assert_int_eq(db_begin(other, &e), WY_ECONFLICT);
	waited = ms_now() - t0;
	ck_assert_ptr_nonnull(strstr(e.msg, "busy"));
	/* It waited (at least about the timeout) before giving up. */
	ck_assert_int_ge(waited, 250);
	/* A reader is not blocked by the writer (WAL). */
	ck_assert_int_eq(db_run(other, &e, "SELECT count(*) FROM users", ""),
	    WY_OK);
	db_rollback(fx.db);
	ck_assert_int_eq(db_begin(other, &e), WY_OK);
	db_rollback(other);
	db_close(&other);
}
END_TEST

struct holder {
	struct db *db;
	int ms;
};

/* Hold the write lock of h->db for h->ms milliseconds, then commit. */
static void *
hold_lock(void *arg)
{
	struct holder *h = arg;
	struct timespec ts = { h->ms / 1000, (h->ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
	db_commit(h->db, NULL);
	return NULL;
}

START_TEST(test_busy_wait)
{
	struct holder h = { .ms = 100 };
	struct db *other;
	struct wy_err e = { 0 };
	pthread_t t;

	ck_assert_int_eq(db_open(fx.path, 0, &other, &e), WY_OK);
	db_set_busy_timeout(other, 10000);
	ck_assert_int_eq(db_begin(fx.db, &e), WY_OK);
	h.db = fx.db;
	ck_assert_int_eq(pthread_create(&t, NULL, hold_lock, &h), 0);
	/* Waits for the other writer to finish instead of failing. */
	ck_assert_msg(db_begin(other, &e) == WY_OK, "%s", e.msg);
	pthread_join(t, NULL);
	ck_assert_int_eq(db_commit(other, &e), WY_OK);
	db_close(&other);
}
END_TEST

#define SLOTS_AT 4096	/* as in db.c: the tickets' bytes */
#define SLOTS 65536

/* A new descriptor of the fixture's queue lock file (PATH-wlock). */
static int
open_wlock(void)
{
	char path[160];
	int fd;

	snprintf(path, sizeof path, "%s-wlock", fx.path);
	fd = open(path, O_RDWR | O_CLOEXEC);
	ck_assert_msg(fd >= 0, "%s: %s", path, strerror(errno));
	return fd;
}

/* Whether someone has a turn in the queue: a ticket's byte is locked. */
static int
queue_held(void)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET,
	    .l_start = SLOTS_AT, .l_len = SLOTS };
	int fd = open_wlock();

	ck_assert_int_eq(fcntl(fd, F_OFD_GETLK, &fl), 0);
	close(fd);
	return fl.l_type != F_UNLCK;
}

/* The next ticket of the queue. */
static uint64_t
next_ticket(void)
{
	uint64_t t = 0;
	int fd = open_wlock();

	if (pread(fd, &t, sizeof t, 0) != (ssize_t)sizeof t)
		t = 0;
	close(fd);
	return t;
}

START_TEST(test_queue_held_in_transaction)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(db_begin(fx.db, &e), WY_OK);
	ck_assert_int_eq(queue_held(), 1);
	ck_assert_int_eq(db_commit(fx.db, &e), WY_OK);
	ck_assert_int_eq(queue_held(), 0);
	ck_assert_int_eq(db_begin(fx.db, &e), WY_OK);
	db_rollback(fx.db);
	ck_assert_int_eq(queue_held(), 0);
	/* A second BEGIN fails but leaves the first transaction its turn. */
	ck_assert_int_eq(db_begin(fx.db, &e), WY_OK);
	ck_assert_int_ne(db_begin(fx.db, &e), WY_OK);
	ck_assert_int_eq(queue_held(), 1);
	ck_assert_int_eq(db_commit(fx.db, &e), WY_OK);
	ck_assert_int_eq(queue_held(), 0);
	/* Closing the handle in a transaction leaves the queue too. */
	ck_assert_int_eq(db_begin(fx.db, &e), WY_OK);
	db_close(&fx.db);
	ck_assert_int_eq(queue_held(), 0);
	ck_assert_int_eq(db_open(fx.path, 0, &fx.db, &e), WY_OK);
}
END_TEST

START_TEST(test_queue_readonly)
{
	struct db *ro;
	struct wy_err e = { 0 };

	/* A read-only handle never writes, so it never waits in the queue
	 * (SQLite lets it begin; its first write would fail). */
	ck_assert_int_eq(db_open(fx.path, DB_READONLY, &ro, &e), WY_OK);
	ck_assert_int_eq(db_begin(fx.db, &e), WY_OK);
	ck_assert_int_eq(queue_held(), 1);
	db_begin(ro, &e);
	ck_assert_int_ne(db_run(ro, &e, "UPDATE meta SET value = value", ""),
	    WY_OK);
	db_rollback(ro);
	ck_assert_int_eq(queue_held(), 1);
	db_rollback(fx.db);
	ck_assert_int_eq(queue_held(), 0);
	db_close(&ro);
}
END_TEST

START_TEST(test_queue_killed_holder)
{
	struct db *db;
	struct wy_err e = { 0 };
	int64_t t0;
	pid_t pid;
	int p[2], status;
	char c;

	ck_assert_int_eq(pipe(p), 0);
	if ((pid = fork()) == 0) {
		/* A writer that dies (SIGKILL) in its transaction. */
		if (db_open(fx.path, 0, &db, &e) != WY_OK ||
		    db_begin(db, &e) != WY_OK ||
		    db_run(db, &e, "UPDATE meta SET value = value", "") != WY_OK)
			_exit(1);
		if (write(p[1], "x", 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	ck_assert_int_gt(pid, 0);
	close(p[1]);
	ck_assert_int_eq(read(p[0], &c, 1), 1);
	close(p[0]);
	ck_assert_int_eq(queue_held(), 1);
	kill(pid, SIGKILL);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	/* The kernel let go of its turn: the next writer goes on at once,
	 * not after the busy timeout. */
	db_set_busy_timeout(fx.db, 20000);
	t0 = ms_now();
	ck_assert_msg(db_begin(fx.db, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_lt(ms_now() - t0, 10000);
	ck_assert_int_eq(db_commit(fx.db, &e), WY_OK);
}
END_TEST

START_TEST(test_queue_stuck_holder)
{
	struct wy_err e = { 0 };
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET,
	    .l_len = 1 };
	int64_t t0, waited;
	int fd = open_wlock();

	/* The writer before has its turn but writes nothing (it hangs):
	 * after the busy timeout the next goes on without waiting more. */
	fl.l_start = SLOTS_AT + (off_t)((next_ticket() - 1) % SLOTS);
	ck_assert_int_eq(fcntl(fd, F_OFD_SETLK, &fl), 0);
	db_set_busy_timeout(fx.db, 300);
	t0 = ms_now();
	ck_assert_msg(db_begin(fx.db, &e) == WY_OK, "%s", e.msg);
	waited = ms_now() - t0;
	ck_assert_int_ge(waited, 250);
	ck_assert_int_eq(db_run(fx.db, &e, "UPDATE meta SET value = value", ""),
	    WY_OK);
	ck_assert_int_eq(db_commit(fx.db, &e), WY_OK);
	close(fd);
}
END_TEST

struct turn {
	struct db *db;
	int *order;	/* shared: how many got their turn so far */
	int got;	/* this one's place (1, 2, ...) */
};

/* Begin (waiting for the turn), note the place, hold 50 ms, commit. */
static void *
take_turn(void *arg)
{
	struct turn *t = arg;
	struct timespec ts = { 0, 50000000L };

	if (db_begin(t->db, NULL) != WY_OK)
		return NULL;
	t->got = __atomic_add_fetch(t->order, 1, __ATOMIC_SEQ_CST);
	nanosleep(&ts, NULL);
	db_commit(t->db, NULL);
	return NULL;
}

START_TEST(test_queue_order)
{
	struct wy_err e = { 0 };
	struct turn a = { 0 }, b = { 0 };
	struct timespec ts = { 0, 1000000L };
	pthread_t ta, tb;
	uint64_t t;
	int order = 0;

	ck_assert_int_eq(db_open(fx.path, 0, &a.db, &e), WY_OK);
	ck_assert_int_eq(db_open(fx.path, 0, &b.db, &e), WY_OK);
	a.order = b.order = &order;
	ck_assert_int_eq(db_begin(fx.db, &e), WY_OK);
	/* a draws its ticket, then b: they get their turns in that order,
	 * both woken in turn as the one before commits. */
	t = next_ticket();
	ck_assert_int_eq(pthread_create(&ta, NULL, take_turn, &a), 0);
	while (next_ticket() == t)
		nanosleep(&ts, NULL);
	ck_assert_int_eq(pthread_create(&tb, NULL, take_turn, &b), 0);
	while (next_ticket() == t + 1)
		nanosleep(&ts, NULL);
	ck_assert_int_eq(db_commit(fx.db, &e), WY_OK);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	ck_assert_int_eq(a.got, 1);
	ck_assert_int_eq(b.got, 2);
	ck_assert_int_eq(queue_held(), 0);
	db_close(&a.db);
	db_close(&b.db);
}
END_TEST

/* Only plain names reach a statement built around a name from a table. */
START_TEST(test_plain_name)
{
	ck_assert(db_plain_name("rooms"));
	ck_assert(db_plain_name("build_area2"));
	ck_assert(!db_plain_name(""));
	ck_assert(!db_plain_name("2rooms"));
	ck_assert(!db_plain_name("Rooms"));
	ck_assert(!db_plain_name("rooms\" WHERE 1; --"));
	ck_assert(!db_plain_name("a b"));
	ck_assert(!db_plain_name("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}
END_TEST

Suite *
db_suite(void)
{
	Suite *s = suite_create("db");
	TCase *tc;

	tc = tcase_create("db_migrate");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_tables);
	tcase_add_test(tc, test_version);
	tcase_add_test(tc, test_pragmas);
	tcase_add_test(tc, test_reopen);
	tcase_add_test(tc, test_readonly_file);
	tcase_add_test(tc, test_fresh_applies_all);
	suite_add_tcase(s, tc);

	tc = tcase_create("db_open");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_newer_refused);
	tcase_add_test(tc, test_not_sqlite);
	tcase_add_test(tc, test_other_sqlite);
	suite_add_tcase(s, tc);

	tc = tcase_create("db_busy");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_busy_timeout);
	tcase_add_test(tc, test_busy_wait);
	suite_add_tcase(s, tc);

	tc = tcase_create("db_begin_queue");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_queue_held_in_transaction);
	tcase_add_test(tc, test_queue_readonly);
	tcase_add_test(tc, test_queue_killed_holder);
	tcase_add_test(tc, test_queue_stuck_holder);
	tcase_add_test(tc, test_queue_order);
	tcase_add_test(tc, test_plain_name);
	suite_add_tcase(s, tc);
	return s;
}
