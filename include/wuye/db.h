/* wuye: the database handle.
 *
 * One struct db per open SQLite file, set up the way every part of wuye
 * relies on: WAL, synchronous=FULL, foreign keys on, a short-sleep busy
 * handler with a total timeout, and the migrations in schema/ applied.
 *
 * Write transactions (db_begin) of wuye processes queue in the kernel, in
 * the order they came: each first draws a ticket from the file PATH-wlock
 * beside the database and sleeps until the transaction before it ends (at
 * commit, rollback or close; the kernel ends it when a process dies), so
 * a waiting writer starts as soon as its turn comes, instead of sleeping
 * and retrying against writers that may keep winning.  SQLite's own lock
 * still decides: the queue only orders wuye's writers, and other writers
 * (the sqlite3 shell, or a wuye connection that cannot open the lock file)
 * meet them through the busy handler as before.
 * SQL is run only through prepared statements; db_run() and db_int64() bind
 * their arguments from a format string so no value is ever pasted into SQL.
 *
 * Bind format letters: 't' const char * (NULL binds NULL), 'i' int,
 * 'I' int64_t, 'n' no argument, binds NULL.
 */
#ifndef WUYE_DB_H
#define WUYE_DB_H

#include <stdint.h>
#include <sys/types.h>
#include <sqlite3.h>

#include "wuye/error.h"

#define DB_APPLICATION_ID 0x77757965	/* "wuye" */

enum db_flags {
	DB_CREATE = 1 << 0,	/* create the file (and its folder) if missing */
	DB_READONLY = 1 << 1,	/* open read-only, never migrate (below) */
};

struct db {
	sqlite3 *h;		/* the connection */
	char *path;		/* file name, owned */
	int busy_ms;		/* total busy timeout in milliseconds */
	int64_t busy_start;	/* when the current wait began (ms) */
	int64_t begin_start;	/* db_begin: when it began to wait (ms), else 0 */
	int read_own;		/* db_read_begin opened the transaction */
	int wlock_fd;		/* PATH-wlock, when wlock_open */
	off_t wlock_slot;	/* the byte of our ticket, when wlock_held */
	unsigned wlock_open : 1;	/* wlock_fd is open */
	unsigned wlock_off : 1;	/* no queue: read-only, or no lock file */
	unsigned wlock_held : 1;	/* this handle has its turn (a ticket) */
	unsigned readonly : 1;	/* opened with DB_READONLY */
	unsigned immutable : 1;	/* ... as immutable (see db_open) */
	const char *backup_dir;	/* where a pre-migration backup goes (borrowed), NULL: beside the file */
	int backup_keep;	/* how many backups to keep */
	struct db_cache {	/* prepared statements kept by db_cached() */
		char *sql;
		sqlite3_stmt *st;
		unsigned long used;
	} cache[96];	/* a quick find keystroke alone uses some 30 (each
			 * search field's count, the initials, the pages of
			 * three kinds): fewer and they are prepared again
			 * at every key */
	unsigned long cache_clock;
};

/* Open (and with DB_CREATE create) the database at path and set it up.  A
 * database newer than this program, or a file that is not a wuye database,
 * is refused.  Migrations are applied by db_migrate(), after the caller has
 * set backup_dir and backup_keep.  *out is owned by the caller and freed
 * with db_close().
 *
 * A file that cannot be read is refused naming it and the permission that
 * is missing (on the file, or on a folder on the way to it); without
 * DB_READONLY so is one that cannot be written (no write permission on
 * the file, or on its folder where the -wal and -shm files go): "PATH:
 * the database is read-only", WY_EFAIL.
 *
 * DB_READONLY opens it SQLITE_OPEN_READONLY and changes nothing (no
 * journal mode, no writers' queue).  A WAL database read-only needs its
 * -shm file, which SQLite makes beside it when the folder is writable.
 * A file no one may write (mode 0444), or one in a folder that is not
 * writable, is opened immutable instead when no -wal file holds changes:
 * SQLite then takes no locks and makes no files, which assumes that
 * nobody writes the file meanwhile (a copy on read-only media, an
 * archived year; one who writes it while it is read makes the reader see
 * a half-written state, or fail).  A
 * database whose -wal file holds changes not yet checkpointed, in a folder
 * one cannot write and without a -shm file, cannot be opened read-only:
 * SQLite's own error, naming the file, is returned. */
int db_open(const char *path, unsigned flags, struct db **out,
    struct wy_err *e);

/* Open another connection to the file of db, SQLITE_OPEN_READONLY and
 * immutable when db is (for reports' guarded connection); extra flags are
 * added.  Returns SQLite's code; the caller closes *h even on failure. */
int db_open_reader(const struct db *db, int flags, sqlite3 **h);

/* Close the handle and set *dbp to NULL. */
void db_close(struct db **dbp);

/* The schema version this program knows (the highest migration). */
int db_schema_latest(void);

/* The schema version stored in the database (PRAGMA user_version). */
int db_schema_version(struct db *db);

/* Apply the migrations the database lacks, each in its own transaction,
 * taking a backup first (backup_create) when the database already had a
 * schema.  *applied (may be NULL) gets the number applied. */
int db_migrate(struct db *db, int *applied, struct wy_err *e);

/* 1 if s is a plain SQL name ([a-z_][a-z0-9_]*, under 64 bytes), safe to
 * put in a statement between double quotes. */
int db_plain_name(const char *s);

/* Fill the sort keys (table sort_keys, schema 13) of rows written by
 * other programs, or by bulk inserts that leave them to this: those whose
 * key is '' while their text is not; in the caller's transaction when one
 * is open, else each table in its own.  db_migrate() calls it; nothing
 * to do on a read-only handle.  wuye's own connections have the SQL functions
 * wuye_sort_key(TEXT, ORDER) and wuye_initials(TEXT, ORDER) (pinyin.h),
 * which no trigger, index or default may use (SQLITE_DIRECTONLY). */
int db_sort_keys_fill(struct db *db, struct wy_err *e);

/* Set the busy timeout in milliseconds (the busy handler sleeps 1-5 ms a try). */
void db_set_busy_timeout(struct db *db, int ms);

/* BEGIN IMMEDIATE: every write transaction takes the write lock at once,
 * after its turn in the writers' queue (see above); the busy timeout
 * counts the whole wait.  WY_ECONFLICT when it runs out. */
int db_begin(struct db *db, struct wy_err *e);
/* COMMIT, then leave the writers' queue; on failure, roll back. */
int db_commit(struct db *db, struct wy_err *e);
/* Roll back if a transaction is open and leave the writers' queue; never
 * fails. */
void db_rollback(struct db *db);
/* A read transaction: every query until db_read_end() sees the database as
 * it was at the first one, whatever other processes commit meanwhile
 * (BEGIN DEFERRED; it takes no write lock, and no turn in the queue).
 * Inside a transaction already open, both do nothing. */
int db_read_begin(struct db *db, struct wy_err *e);
void db_read_end(struct db *db);

/* Run constant SQL (no user text), possibly several statements. */
int db_exec(struct db *db, const char *sql, struct wy_err *e);

/* Prepare one statement; the caller finalizes *st. */
int db_prepare(struct db *db, const char *sql, sqlite3_stmt **st,
    struct wy_err *e);

/* A prepared statement for sql kept open by db (prepared on first use),
 * reset and with its bindings cleared.  The caller must not finalize it;
 * it stays valid until the next db_cached() call that evicts it (the
 * least recently used of 32) or db_close().  For statements run many
 * times, such as per imported row.  Reset it after stepping. */
int db_cached(struct db *db, const char *sql, sqlite3_stmt **st,
    struct wy_err *e);

/* Step st (bound, from db_cached) to its end and reset it; a failure is
 * db_fail(db, rc, e, what). */
int db_step_all(struct db *db, sqlite3_stmt *st, const char *what,
    struct wy_err *e);

/* Bind values to st from index 1 on, per the format letters above. */
int db_bind(struct db *db, sqlite3_stmt *st, struct wy_err *e,
    const char *fmt, ...);

/* Prepare, bind, step to the end, finalize.  Returns the status; a
 * constraint failure is WY_EINVALID, a busy database WY_ECONFLICT. */
int db_run(struct db *db, struct wy_err *e, const char *sql,
    const char *fmt, ...);

/* First column of the first row as an integer; WY_ENOTFOUND if no row. */
int db_int64(struct db *db, int64_t *out, struct wy_err *e, const char *sql,
    const char *fmt, ...);

/* The folder part of path into buf ("." for a bare name, "/" for one
 * at the root). */
void db_dirname(const char *path, char *buf, size_t size);

/* Turn an SQLite result code into a status with a message naming what. */
int db_fail(struct db *db, int rc, struct wy_err *e, const char *what);

#endif
