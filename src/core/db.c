/* wuye: the database handle.
 *
 * Migrations are the embedded files schema/NNN_name.sql; PRAGMA
 * user_version holds the number of the last one applied, and each is
 * applied in one transaction together with the new user_version, so a crash
 * leaves the database at the previous version, never between two.
 *
 * The writers' queue (see db.h) is a ticket lock made of fcntl() locks
 * on PATH-wlock, owned by the open file (F_OFD_*): bytes 0-7 hold the
 * next ticket, drawn under a lock on them; the holder of ticket t locks
 * byte DB_WLOCK_SLOTS_AT + t (modulo DB_WLOCK_SLOTS) until its transaction
 * ends, and waits, asleep in the kernel, for the byte of ticket t - 1 to
 * be let go.  So the turn passes in ticket order: a writer that has just
 * committed cannot take it again before those already waiting, which a
 * single lock (flock) allows and a loaded machine makes frequent.  A
 * per-thread timer signal ends a wait at the busy timeout.  The kernel
 * drops the locks of a process that dies, so a killed writer frees its
 * turn (and a killed waiter lets the next one go early: two then meet in
 * BEGIN IMMEDIATE).  The queue is only an order among wuye's writers;
 * BEGIN IMMEDIATE and the busy handler still guard the database, so a
 * queue that cannot be used (no lock file, the signal taken, a holder
 * that hangs) costs fairness, never correctness.
 */
#include "wuye/db.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "wuye/backup.h"
#include "wuye/embed.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/pinyin.h"

#define DB_BUSY_DEFAULT_MS 5000
#define DB_WLOCK_SUFFIX "-wlock"
#define DB_WLOCK_SIGNAL (SIGRTMIN + 5)	/* ends a wait in the queue */
#define DB_WLOCK_SLOTS_AT 4096	/* the tickets' bytes in PATH-wlock */
#define DB_WLOCK_SLOTS 65536

#ifndef sigev_notify_thread_id
#define sigev_notify_thread_id _sigev_un._tid
#endif

/* Milliseconds on the monotonic clock. */
static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Busy handler: sleep 1 ms, growing to 5 ms, until busy_ms have passed.
 * SQLite's own handler sleeps up to 100 ms a try, which makes a cashier
 * behind another wait far longer than the other's transaction took. */
static int
busy_handler(void *arg, int count)
{
	struct db *db = arg;
	struct timespec ts = { 0, 0 };

	/* In db_begin the time in the writers' queue counts too. */
	if (count == 0)
		db->busy_start = db->begin_start > 0 ? db->begin_start :
		    now_ms();
	if (now_ms() - db->busy_start >= db->busy_ms)
		return 0;
	ts.tv_nsec = (count < 10 ? 1 : count < 50 ? 2 : 5) * 1000000L;
	nanosleep(&ts, NULL);
	return 1;
}

/* Open the writers' queue lock file PATH-wlock, once; 0 if there is none
 * (read-only handle, or the file cannot be made or opened). */
static int
wlock_open(struct db *db)
{
	char buf[4096 + sizeof DB_WLOCK_SUFFIX];
	struct stat sb;
	mode_t mode = 0644;
	int fd;

	if (db->wlock_open)
		return 1;
	if (db->wlock_off || db->path == NULL)
		return 0;
	if ((size_t)snprintf(buf, sizeof buf, "%s%s", db->path,
	    DB_WLOCK_SUFFIX) >= sizeof buf) {
		db->wlock_off = 1;
		return 0;
	}
	/* As open to others as the database itself (whatever the umask),
	 * like SQLite's -wal and -shm files. */
	if (stat(db->path, &sb) == 0)
		mode = sb.st_mode & 0666;
	fd = open(buf, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd >= 0)
		fchmod(fd, mode);
	else if ((fd = open(buf, O_RDWR | O_CLOEXEC)) < 0) {
		db->wlock_off = 1;
		return 0;
	}
	db->wlock_fd = fd;
	db->wlock_open = 1;
	return 1;
}

/* The signal that ends a wait in the queue: it only interrupts fcntl(). */
static void
wlock_on_signal(int sig)
{
	(void)sig;
}

/* fcntl() lock command cmd of type on bytes [start, start + len) of fd,
 * owned by the open file (not the process: two handles in one process
 * queue like two processes). */
static int
wlock_range(int fd, int cmd, short type, off_t start, off_t len)
{
	struct flock fl = { .l_type = type, .l_whence = SEEK_SET,
	    .l_start = start, .l_len = len };

	return fcntl(fd, cmd, &fl);
}

/* Wait for the write lock on bytes [start, start + len) of fd until
 * deadline (monotonic ms): 1 taken, 0 the time ran out, -1 no way to
 * wait (the signal is taken by someone else, no timer, or fcntl failed). */
static int
wlock_wait(int fd, off_t start, off_t len, int64_t deadline)
{
	static int installed;
	struct sigaction sa = { .sa_handler = wlock_on_signal }, old;
	struct sigevent sev = { .sigev_notify = SIGEV_THREAD_ID,
	    .sigev_signo = DB_WLOCK_SIGNAL };
	struct itimerspec its = { .it_interval = { 0, 2000000L } };
	sigset_t set, saved;
	timer_t timer;
	int64_t left = deadline - now_ms();
	int rc = -1;

	if (left <= 0)
		return 0;
	if (!installed) {
		if (sigaction(DB_WLOCK_SIGNAL, NULL, &old) != 0 ||
		    (old.sa_handler != SIG_DFL &&
		    old.sa_handler != wlock_on_signal))
			return -1;
		sigemptyset(&sa.sa_mask);	/* no SA_RESTART: fcntl ends */
		if (sigaction(DB_WLOCK_SIGNAL, &sa, NULL) != 0)
			return -1;
		installed = 1;
	}
	sev.sigev_notify_thread_id = gettid();
	if (timer_create(CLOCK_MONOTONIC, &sev, &timer) != 0)
		return -1;
	/* Fires at the deadline, then every 2 ms, in case the first one came
	 * just before fcntl() went to sleep. */
	its.it_value.tv_sec = left / 1000;
	its.it_value.tv_nsec = (left % 1000) * 1000000L;
	sigemptyset(&set);
	sigaddset(&set, DB_WLOCK_SIGNAL);
	pthread_sigmask(SIG_UNBLOCK, &set, &saved);
	if (timer_settime(timer, 0, &its, NULL) == 0) {
		for (;;) {
			if (wlock_range(fd, F_OFD_SETLKW, F_WRLCK, start,
			    len) == 0) {
				rc = 1;
				break;
			}
			if (errno != EINTR) {
				rc = -1;
				break;
			}
			if (now_ms() >= deadline) {
				rc = 0;
				break;
			}
		}
	}
	timer_delete(timer);
	pthread_sigmask(SIG_SETMASK, &saved, NULL);
	return rc;
}

/* Take the write lock on bytes [start, start + len) of fd, waiting until
 * deadline: 1 taken, else 0. */
static int
wlock_lock(int fd, off_t start, off_t len, int64_t deadline)
{
	if (wlock_range(fd, F_OFD_SETLK, F_WRLCK, start, len) == 0)
		return 1;
	if (errno != EAGAIN && errno != EACCES)
		return 0;
	return wlock_wait(fd, start, len, deadline) == 1;
}

/* The byte locked by the holder of ticket t. */
static off_t
wlock_slot(uint64_t t)
{
	return DB_WLOCK_SLOTS_AT + (off_t)(t % DB_WLOCK_SLOTS);
}

/* Take this handle's turn in the writers' queue, waiting until the busy
 * timeout (counted from db->begin_start): draw the next ticket, lock its
 * byte, and wait for the byte of the ticket before to be let go.  Without
 * a turn (no queue, or the time ran out: a holder that hangs) BEGIN
 * IMMEDIATE decides alone. */
static void
wlock_take(struct db *db)
{
	int64_t deadline = db->begin_start + db->busy_ms;
	uint64_t t = 0, next;
	off_t slot;
	int fd, ok;

	if (db->wlock_held || !wlock_open(db))
		return;
	fd = db->wlock_fd;
	if (!wlock_lock(fd, 0, sizeof t, deadline))
		return;
	if (pread(fd, &t, sizeof t, 0) != (ssize_t)sizeof t)
		t = 0;
	next = t + 1;
	slot = wlock_slot(t);
	ok = pwrite(fd, &next, sizeof next, 0) == (ssize_t)sizeof next &&
	    wlock_range(fd, F_OFD_SETLK, F_WRLCK, slot, 1) == 0;
	wlock_range(fd, F_OFD_SETLK, F_UNLCK, 0, sizeof t);
	if (!ok)
		return;
	db->wlock_held = 1;
	db->wlock_slot = slot;
	if (wlock_lock(fd, wlock_slot(t - 1), 1, deadline))
		wlock_range(fd, F_OFD_SETLK, F_UNLCK, wlock_slot(t - 1), 1);
}

/* Leave the writers' queue: the writer with the next ticket goes on. */
static void
wlock_release(struct db *db)
{
	if (!db->wlock_held)
		return;
	wlock_range(db->wlock_fd, F_OFD_SETLK, F_UNLCK, db->wlock_slot, 1);
	db->wlock_held = 0;
}

/* Create the folders leading to path (like mkdir -p on its dirname). */
static int
make_parent_dirs(const char *path, struct wy_err *e)
{
	char buf[4096];
	char *p;

	if (strlen(path) >= sizeof buf)
		return wy_fail(e, WY_EINVALID, _("%s: path too long"), path);
	strcpy(buf, path);
	for (p = buf + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			return wy_fail(e, WY_EFAIL, _("cannot create folder %s: %s"),
			    buf, strerror(errno));
		*p = '/';
	}
	return WY_OK;
}

int
db_fail(struct db *db, int rc, struct wy_err *e, const char *what)
{
	const char *msg = db != NULL && db->h != NULL ? sqlite3_errmsg(db->h) :
	    sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_CONSTRAINT:
		return wy_fail(e, WY_EINVALID, "%s: %s", what, msg);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return wy_fail(e, WY_ECONFLICT,
		    _("%s: the database is busy (another user is writing); try again"),
		    what);
	case SQLITE_NOTADB:
		return wy_fail(e, WY_EFAIL, _("%s: not a database or corrupt: %s"),
		    what, db != NULL && db->path != NULL ? db->path : "");
	case SQLITE_CORRUPT:
		return wy_fail(e, WY_EFAIL, _("%s: the database is corrupt: %s"),
		    what, msg);
	case SQLITE_READONLY:
		if (db == NULL || db->path == NULL || strcmp(what, db->path) == 0)
			return wy_fail(e, WY_EFAIL,
			    _("%s: the database is read-only"), what);
		return wy_fail(e, WY_EFAIL, _("%s: the database %s is read-only"),
		    what, db->path);
	case SQLITE_INTERRUPT:
		return wy_fail(e, WY_EFAIL, _("%s: interrupted"), what);
	default:
		return wy_fail(e, WY_EFAIL, "%s: %s", what, msg);
	}
}

int
db_exec(struct db *db, const char *sql, struct wy_err *e)
{
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? WY_OK : db_fail(db, rc, e, "database");
}

int
db_prepare(struct db *db, const char *sql, sqlite3_stmt **st,
    struct wy_err *e)
{
	int rc = sqlite3_prepare_v2(db->h, sql, -1, st, NULL);

	if (rc != SQLITE_OK) {
		*st = NULL;
		return db_fail(db, rc, e, "database (prepare)");
	}
	return WY_OK;
}

int
db_cached(struct db *db, const char *sql, sqlite3_stmt **st,
    struct wy_err *e)
{
	struct db_cache *c, *victim = &db->cache[0];
	size_t i;
	int rc;

	for (i = 0; i < sizeof db->cache / sizeof db->cache[0]; i++) {
		c = &db->cache[i];
		if (c->sql != NULL && strcmp(c->sql, sql) == 0) {
			sqlite3_reset(c->st);
			sqlite3_clear_bindings(c->st);
			c->used = ++db->cache_clock;
			*st = c->st;
			return WY_OK;
		}
		if (c->used < victim->used)
			victim = c;
	}
	if ((rc = db_prepare(db, sql, st, e)) != WY_OK)
		return rc;
	sqlite3_finalize(victim->st);
	free(victim->sql);
	if ((victim->sql = strdup(sql)) == NULL)
		abort();
	victim->st = *st;
	victim->used = ++db->cache_clock;
	return WY_OK;
}

static int
bind_va(struct db *db, sqlite3_stmt *st, struct wy_err *e, const char *fmt,
    va_list ap)
{
	const char *s;
	int i, rc = SQLITE_OK;

	for (i = 1; *fmt != '\0' && rc == SQLITE_OK; fmt++, i++) {
		switch (*fmt) {
		case 't':
			s = va_arg(ap, const char *);
			rc = s == NULL ? sqlite3_bind_null(st, i) :
			    sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
			break;
		case 'i':
			rc = sqlite3_bind_int(st, i, va_arg(ap, int));
			break;
		case 'I':
			rc = sqlite3_bind_int64(st, i, va_arg(ap, int64_t));
			break;
		case 'n':
			rc = sqlite3_bind_null(st, i);
			break;
		default:
			return wy_fail(e, WY_EFAIL, "db_bind: bad format '%c'",
			    *fmt);
		}
	}
	return rc == SQLITE_OK ? WY_OK : db_fail(db, rc, e, "database (bind)");
}

int
db_bind(struct db *db, sqlite3_stmt *st, struct wy_err *e, const char *fmt,
    ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = bind_va(db, st, e, fmt, ap);
	va_end(ap);
	return rc;
}

int
db_run(struct db *db, struct wy_err *e, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	int rc;

	if ((rc = db_prepare(db, sql, &st, e)) != WY_OK)
		return rc;
	va_start(ap, fmt);
	rc = bind_va(db, st, e, fmt, ap);
	va_end(ap);
	if (rc == WY_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			;
		rc = rc == SQLITE_DONE ? WY_OK : db_fail(db, rc, e, "database");
	}
	sqlite3_finalize(st);
	return rc;
}

int
db_int64(struct db *db, int64_t *out, struct wy_err *e, const char *sql,
    const char *fmt, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	int rc;

	if ((rc = db_prepare(db, sql, &st, e)) != WY_OK)
		return rc;
	va_start(ap, fmt);
	rc = bind_va(db, st, e, fmt, ap);
	va_end(ap);
	if (rc == WY_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(st, 0);
			rc = WY_OK;
		} else if (rc == SQLITE_DONE)
			rc = wy_fail(e, WY_ENOTFOUND, "not found");
		else
			rc = db_fail(db, rc, e, "database");
	}
	sqlite3_finalize(st);
	return rc;
}

int
db_step_all(struct db *db, sqlite3_stmt *st, const char *what,
    struct wy_err *e)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	rc = rc == SQLITE_DONE ? WY_OK : db_fail(db, rc, e, what);
	sqlite3_reset(st);
	return rc;
}

int
db_begin(struct db *db, struct wy_err *e)
{
	int rc;

	db->begin_start = now_ms();
	wlock_take(db);
	rc = db_exec(db, "BEGIN IMMEDIATE", e);
	db->begin_start = 0;
	if (rc != WY_OK && sqlite3_get_autocommit(db->h))
		wlock_release(db);
	return rc;
}

int
db_commit(struct db *db, struct wy_err *e)
{
	int rc = db_exec(db, "COMMIT", e);

	if (rc != WY_OK)
		db_rollback(db);
	else
		wlock_release(db);
	return rc;
}

void
db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	wlock_release(db);
}

int
db_read_begin(struct db *db, struct wy_err *e)
{
	int rc;

	if (!sqlite3_get_autocommit(db->h))
		return WY_OK;	/* the caller's transaction is the snapshot */
	if ((rc = db_exec(db, "BEGIN DEFERRED", e)) == WY_OK)
		db->read_own = 1;
	return rc;
}

void
db_read_end(struct db *db)
{
	if (db->read_own && !sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
	db->read_own = 0;
}

void
db_set_busy_timeout(struct db *db, int ms)
{
	db->busy_ms = ms > 0 ? ms : DB_BUSY_DEFAULT_MS;
}

/* Number of a migration file "schema/NNN_name.sql", or -1. */
static int
migration_number(const char *name)
{
	const char *p;
	int n = 0;

	if (strncmp(name, "schema/", 7) != 0)
		return -1;
	for (p = name + 7; *p >= '0' && *p <= '9'; p++)
		n = n * 10 + (*p - '0');
	if (p == name + 7 || *p != '_' || strstr(p, ".sql") == NULL)
		return -1;
	return n;
}

static const struct embed_file *
migration_find(int number)
{
	const struct embed_file *f;

	for (f = embed_files; f->name != NULL; f++)
		if (migration_number(f->name) == number)
			return f;
	return NULL;
}

int
db_schema_latest(void)
{
	const struct embed_file *f;
	int n, max = 0;

	for (f = embed_files; f->name != NULL; f++)
		if ((n = migration_number(f->name)) > max)
			max = n;
	return max;
}

int
db_schema_version(struct db *db)
{
	int64_t v = 0;

	if (db_int64(db, &v, NULL, "PRAGMA user_version", "") != WY_OK)
		return -1;
	return (int)v;
}

int
db_plain_name(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_' ||
		    (i > 0 && s[i] >= '0' && s[i] <= '9')))
			return 0;
	return i > 0 && i < 64;
}

int
db_sort_keys_fill(struct db *db, struct wy_err *e)
{
	char probe[512], fill[768], tbl[64], col[64], sort[16], py[256];
	int own = sqlite3_get_autocommit(db->h);	/* no transaction open */
	sqlite3_stmt *st;
	int64_t any;
	int rc, status = WY_OK;

	if (db->readonly || db_schema_version(db) < 13)
		return WY_OK;
	if ((rc = db_prepare(db, "SELECT tbl, col, sort FROM sort_keys"
	    " ORDER BY tbl, col", &st, e)) != WY_OK)
		return rc;
	while (status == WY_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(tbl, sizeof tbl, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(col, sizeof col, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(sort, sizeof sort, "%s", (const char *)sqlite3_column_text(st, 2));
		if (!db_plain_name(tbl) || !db_plain_name(col) ||
		    pinyin_order_parse(sort) < 0)
			continue;
		/* The index on COL_key finds the rows never filled at once. */
		snprintf(probe, sizeof probe, "SELECT EXISTS (SELECT 1 FROM \"%s\""
		    " WHERE \"%s_key\" = '' AND \"%s\" <> '')", tbl, col, col);
		if ((status = db_int64(db, &any, e, probe, "")) != WY_OK || !any)
			continue;
		py[0] = '\0';
		if (strcmp(sort, "natural") != 0)
			snprintf(py, sizeof py, ", \"%s_py\" = wuye_initials(\"%s\", '%s')",
			    col, col, sort);
		snprintf(fill, sizeof fill, "UPDATE \"%s\" SET \"%s_key\" ="
		    " wuye_sort_key(\"%s\", '%s')%s WHERE \"%s_key\" = ''"
		    " AND \"%s\" <> ''", tbl, col, col, sort, py, col, col);
		if (own && (status = db_begin(db, e)) != WY_OK)
			break;
		status = db_exec(db, fill, e);
		if (own && status != WY_OK)
			db_rollback(db);
		else if (own)
			status = db_commit(db, e);
	}
	if (status == WY_OK && rc != SQLITE_DONE)
		status = db_fail(db, rc, e, "sort_keys");
	sqlite3_finalize(st);
	return status;
}

int
db_migrate(struct db *db, int *applied, struct wy_err *e)
{
	const struct embed_file *f;
	char sql[64];
	int v, latest = db_schema_latest(), rc, n = 0;

	if (applied != NULL)
		*applied = 0;
	v = db_schema_version(db);
	if (v < 0)
		return wy_fail(e, WY_EFAIL, _("%s: cannot read the schema version"),
		    db->path);
	if (v >= latest)
		return db_sort_keys_fill(db, e);
	if (v > 0 && (rc = backup_create(db, db->backup_dir, NULL,
	    db->backup_keep, NULL, 0, e)) != WY_OK)
		return wy_prefix(e, _("backup before upgrading the database"));
	for (v++; v <= latest; v++) {
		if ((f = migration_find(v)) == NULL)
			return wy_fail(e, WY_EFAIL, _("migration %03d is missing"), v);
		if ((rc = db_begin(db, e)) != WY_OK)
			return rc;
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
		if ((rc = db_exec(db, (const char *)f->data, e)) != WY_OK ||
		    (rc = db_exec(db, sql, e)) != WY_OK) {
			db_rollback(db);
			return wy_prefix(e, "%s", f->name);
		}
		if ((rc = db_commit(db, e)) != WY_OK)
			return rc;
		n++;
	}
	if (applied != NULL)
		*applied = n;
	return db_sort_keys_fill(db, e);
}

/* Refuse files that are not wuye databases or are newer than we are. */
static int
check_identity(struct db *db, struct wy_err *e)
{
	int64_t app = 0, tables = 0;
	int v, rc;

	if ((rc = db_int64(db, &app, e, "PRAGMA application_id", "")) != WY_OK)
		return db_fail(db, sqlite3_errcode(db->h), e, db->path);
	if ((rc = db_int64(db, &tables, e,
	    "SELECT count(*) FROM sqlite_schema", "")) != WY_OK)
		return rc;
	if (app != DB_APPLICATION_ID && (app != 0 || tables > 0))
		return wy_fail(e, WY_EFAIL, _("%s: not a wuye database"), db->path);
	v = db_schema_version(db);
	if (v > db_schema_latest())
		return wy_fail(e, WY_EFAIL,
		    _("%s: the database has schema version %d but this wuye knows "
		    "only up to %d; upgrade wuye"), db->path, v,
		    db_schema_latest());
	return WY_OK;
}

void
db_dirname(const char *path, char *buf, size_t size)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		snprintf(buf, size, ".");
	else if (slash == path)
		snprintf(buf, size, "/");
	else
		snprintf(buf, size, "%.*s", (int)(slash - path), path);
}

/* stat(path) failed with EACCES: name the folder on the way that may not
 * be entered. */
static int
fail_unreachable(const char *path, struct wy_err *e)
{
	char buf[4096];
	char *p;

	snprintf(buf, sizeof buf, "%s", path);
	for (p = buf + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (access(buf, X_OK) != 0)
			return wy_fail(e, WY_EFAIL, _("%s: cannot read: no "
			    "permission to enter the folder %s"), path, buf);
		*p = '/';
	}
	return wy_fail(e, WY_EFAIL, _("%s: cannot read: %s"), path,
	    strerror(EACCES));
}

/* Whether the existing file path may be opened as flags ask: it can be
 * read, and unless DB_READONLY written, with its folder (or its -wal and
 * -shm files). */
static int
check_access(const char *path, unsigned flags, struct wy_err *e)
{
	char dir[4096], wal[4096 + 8], shm[4096 + 8];

	if (access(path, R_OK) != 0)
		return wy_fail(e, WY_EFAIL, _("%s: cannot read: %s"), path,
		    strerror(errno));
	if (flags & DB_READONLY)
		return WY_OK;
	if (access(path, W_OK) != 0)
		return wy_fail(e, WY_EFAIL, _("%s: the database is read-only "
		    "(no permission to write the file), and this command "
		    "writes to it"), path);
	db_dirname(path, dir, sizeof dir);
	snprintf(wal, sizeof wal, "%s-wal", path);
	snprintf(shm, sizeof shm, "%s-shm", path);
	if (access(dir, W_OK) != 0 && (access(wal, W_OK) != 0 ||
	    access(shm, W_OK) != 0))
		return wy_fail(e, WY_EFAIL, _("%s: the database is read-only "
		    "(no permission to write in its folder %s, where its -wal "
		    "and -shm files go), and this command writes to it"), path,
		    dir);
	return WY_OK;
}

/* The URI that opens path immutable; the caller frees it. */
static char *
immutable_uri(const char *path)
{
	char *u = xmalloc(3 * strlen(path) + 32), *p;

	p = u + sprintf(u, "file:%s", path[0] == '/' ? "//" : "");
	for (; *path != '\0'; path++)
		if (*path == '%' || *path == '?' || *path == '#')
			p += sprintf(p, "%%%02X", (unsigned char)*path);
		else
			*p++ = *path;
	strcpy(p, "?immutable=1");
	return u;
}

/* 1 if no -wal file beside path holds changes (there is none, or it is
 * empty), so the file alone is the whole database. */
static int
wal_empty(const char *path)
{
	char wal[4096 + 8];
	struct stat sb;

	snprintf(wal, sizeof wal, "%s-wal", path);
	return stat(wal, &sb) != 0 ? errno == ENOENT : sb.st_size == 0;
}

/* A read-only open of a WAL database failed for want of its -shm file
 * (a folder that cannot be written): 1 if it may be opened immutable. */
static int
may_be_immutable(struct db *db)
{
	int rc = sqlite3_errcode(db->h) & 0xff;

	return (rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN) &&
	    wal_empty(db->path);
}

int
db_open_reader(const struct db *db, int flags, sqlite3 **h)
{
	char *uri;
	int rc;

	if (!db->immutable)
		return sqlite3_open_v2(db->path, h, SQLITE_OPEN_READONLY | flags,
		    NULL);
	uri = immutable_uri(db->path);
	rc = sqlite3_open_v2(uri, h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
	    flags, NULL);
	free(uri);
	return rc;
}

/* wuye_sort_key(text, order) and wuye_initials(text, order): the keys of
 * pinyin.h, order 'natural', 'pinyin' or 'name'.  NULL text gives ''. */
static void
sql_pinyin(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	const char *name = (const char *)sqlite3_value_text(argv[1]);
	int order = name != NULL ? pinyin_order_parse(name) : -1;
	char *out;

	(void)argc;
	if (order < 0) {
		sqlite3_result_error(ctx, "unknown order (natural, pinyin, name)", -1);
		return;
	}
	out = sqlite3_user_data(ctx) != NULL ?
	    pinyin_initials(text, (enum pinyin_order)order) :
	    pinyin_key(text, (enum pinyin_order)order);
	sqlite3_result_text(ctx, out, -1, free);
}

static int
db_functions(sqlite3 *h)
{
	static int initials = 1;
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY;
	int rc;

	rc = sqlite3_create_function_v2(h, "wuye_sort_key", 2, flags, NULL,
	    sql_pinyin, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(h, "wuye_initials", 2, flags,
		    &initials, sql_pinyin, NULL, NULL, NULL);
	return rc;
}

/* Open db->h on db->path: with oflags, or (0) read-only, immutable when
 * db->immutable; and set it up. */
static int
db_connect(struct db *db, int oflags, struct wy_err *e)
{
	int rc;

	if (oflags != 0)
		rc = sqlite3_open_v2(db->path, &db->h, oflags |
		    SQLITE_OPEN_NOMUTEX, NULL);
	else
		rc = db_open_reader(db, SQLITE_OPEN_NOMUTEX, &db->h);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, e, db->path);
	sqlite3_extended_result_codes(db->h, 0);
	sqlite3_busy_handler(db->h, busy_handler, db);
	return db_functions(db->h) == SQLITE_OK ? WY_OK :
	    db_fail(db, sqlite3_errcode(db->h), e, db->path);
}

int
db_open(const char *path, unsigned flags, struct db **out, struct wy_err *e)
{
	struct db *db;
	struct stat sb = { 0 };
	char dir[4096];
	int rc, oflags;

	*out = NULL;
	if (path == NULL || *path == '\0')
		return wy_fail(e, WY_EUSAGE, _("no database file given"));
	if (stat(path, &sb) != 0) {
		if (errno == EACCES)
			return fail_unreachable(path, e);
		if (!(flags & DB_CREATE))
			return wy_fail(e, WY_ENOTFOUND,
			    _("database %s does not exist; create it with 'wuye init'"),
			    path);
		if ((rc = make_parent_dirs(path, e)) != WY_OK)
			return rc;
		db_dirname(path, dir, sizeof dir);
		if (access(dir, W_OK) != 0)
			return wy_fail(e, WY_EFAIL, _("%s: cannot create it: no "
			    "permission to write in the folder %s"), path, dir);
	} else if (!S_ISREG(sb.st_mode))
		return wy_fail(e, WY_EINVALID, _("%s: not a regular file"), path);
	else if ((rc = check_access(path, flags, e)) != WY_OK)
		return rc;

	if ((db = calloc(1, sizeof *db)) == NULL || (db->path = strdup(path)) == NULL)
		abort();
	db->busy_ms = DB_BUSY_DEFAULT_MS;
	db->backup_keep = 10;
	db->wlock_off = db->readonly = (flags & DB_READONLY) != 0;
	/* Read-only, a file no one may write (mode 0444) is opened immutable
	 * (see db.h), so that reading leaves no -shm and -wal files of the
	 * reader's beside it; so is one in a folder one cannot write. */
	db->immutable = db->readonly && (sb.st_mode & 0222) == 0 &&
	    wal_empty(path);
	oflags = flags & DB_READONLY ? 0 :
	    SQLITE_OPEN_READWRITE | (flags & DB_CREATE ? SQLITE_OPEN_CREATE : 0);
	if ((rc = db_connect(db, oflags, e)) == WY_OK)
		rc = check_identity(db, e);
	if (rc != WY_OK && db->readonly && !db->immutable &&
	    may_be_immutable(db)) {
		sqlite3_close_v2(db->h);
		db->h = NULL;
		db->immutable = 1;
		if ((rc = db_connect(db, 0, e)) == WY_OK)
			rc = check_identity(db, e);
	}
	if (rc != WY_OK ||
	    (!(flags & DB_READONLY) && (rc = db_exec(db,
	    "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = FULL;", e)) != WY_OK) ||
	    (rc = db_exec(db,
	    "PRAGMA foreign_keys = ON;"
	    "PRAGMA trusted_schema = OFF;"
	    "PRAGMA cache_size = -8192;", e)) != WY_OK) {
		db_close(&db);
		return rc;
	}
	*out = db;
	return WY_OK;
}

void
db_close(struct db **dbp)
{
	struct db *db = *dbp;

	if (db == NULL)
		return;
	for (size_t i = 0; i < sizeof db->cache / sizeof db->cache[0]; i++) {
		sqlite3_finalize(db->cache[i].st);
		free(db->cache[i].sql);
	}
	if (db->h != NULL)
		sqlite3_close_v2(db->h);
	if (db->wlock_open)
		close(db->wlock_fd);	/* leaves the queue too */
	free(db->path);
	free(db);
	*dbp = NULL;
}
