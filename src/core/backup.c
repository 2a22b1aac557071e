/* wuye: compressed backups and verified restore.
 *
 * backup_create: the online backup API copies the live database (in one
 * step, so the copy is one consistent snapshot while others keep working)
 * into a hidden temporary SQLite file in the target folder; that is gzipped
 * into a second hidden temporary file, synced, and only then given its
 * final name with link(2), which fails if the name exists, so two backups
 * in the same second get "-1", "-2".  A crash at any moment leaves at worst
 * a hidden temporary file, never a half-written backup under a real name.
 *
 * backup_restore: the backup is decompressed (gzread passes a plain file
 * through unchanged) into a hidden temporary file beside the live database,
 * checked, and copied into the live database with the backup API in one
 * step (one write transaction), then migrated if it is older.
 */
#include "wuye/backup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <zlib.h>

#include "wuye/audit.h"
#include "wuye/auth.h"
#include "wuye/conf.h"
#include "wuye/i18n.h"

#define BACKUP_PATH_MAX 4096

struct backup_name {
	char *name;	/* file name, owned */
	char stamp[16];	/* YYYYMMDD-HHMMSS */
	long seq;	/* the -N suffix, 0 for none */
};

/* Create dir and the folders leading to it (mkdir -p). */
static int
backup_mkdirs(const char *dir, struct wy_err *e)
{
	char buf[BACKUP_PATH_MAX];
	char *p;

	if (snprintf(buf, sizeof buf, "%s/", dir) >= (int)sizeof buf)
		return wy_fail(e, WY_EINVALID, _("%s: path too long"), dir);
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

/* Remove a temporary SQLite file and what SQLite may have left beside it. */
static void
backup_unlink_db(const char *path)
{
	static const char *const sfx[] = { "-journal", "-wal", "-shm" };
	char buf[BACKUP_PATH_MAX + 16];
	size_t i;

	unlink(path);
	for (i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
		if (snprintf(buf, sizeof buf, "%s%s", path, sfx[i]) <
		    (int)sizeof buf)
			unlink(buf);
	}
}

/* Make an empty hidden temporary file in dir; its name goes into path. */
static int
backup_tempfile(const char *dir, const char *what, char *path, size_t size,
    int *fd, struct wy_err *e)
{
	if (snprintf(path, size, "%s/.wuye-%s-XXXXXX", dir, what) >= (int)size)
		return wy_fail(e, WY_EINVALID, _("%s: path too long"), dir);
	if ((*fd = mkstemp(path)) < 0)
		return wy_fail(e, WY_EFAIL, _("cannot create a file in %s: %s"),
		    dir, strerror(errno));
	return WY_OK;
}

/* Flush a folder's entries to disk (after a rename). */
static void
backup_sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Copy the whole of from into to with the online backup API, in one step. */
static int
backup_copy(sqlite3 *to, sqlite3 *from, const char *what, struct wy_err *e)
{
	sqlite3_backup *b;
	int rc;

	if ((b = sqlite3_backup_init(to, "main", from, "main")) == NULL)
		return wy_fail(e, WY_EFAIL, "%s: %s", what, sqlite3_errmsg(to));
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		return WY_OK;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return wy_fail(e, WY_ECONFLICT,
		    _("%s: the database is busy (another user is writing); try "
		    "again"), what);
	return wy_fail(e, WY_EFAIL, "%s: %s", what, sqlite3_errstr(rc));
}

/* Take a consistent snapshot of db into the (empty) SQLite file path. */
static int
backup_snapshot(struct db *db, const char *path, struct wy_err *e)
{
	sqlite3 *dst;
	int rc;

	rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		wy_fail(e, WY_EFAIL, _("cannot open %s: %s"), path,
		    dst != NULL ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
		sqlite3_close(dst);
		return WY_EFAIL;
	}
	rc = backup_copy(dst, db->h, db->path, e);
	if (sqlite3_close(dst) != SQLITE_OK && rc == WY_OK)
		rc = wy_fail(e, WY_EFAIL, _("cannot write %s"), path);
	return rc;
}

/* Compress the file src into the open file fd (which stays open). */
static int
backup_gzip(const char *src, int fd, const char *dst, struct wy_err *e)
{
	unsigned char buf[65536];
	FILE *in;
	gzFile g;
	size_t n;
	int fd2, rc = WY_OK;

	if ((in = fopen(src, "rb")) == NULL)
		return wy_fail(e, WY_EFAIL, _("cannot read %s: %s"), src,
		    strerror(errno));
	if ((fd2 = dup(fd)) < 0 || (g = gzdopen(fd2, "wb6")) == NULL) {
		if (fd2 >= 0)
			close(fd2);
		fclose(in);
		return wy_fail(e, WY_EFAIL, _("cannot write %s"), dst);
	}
	while (rc == WY_OK && (n = fread(buf, 1, sizeof buf, in)) > 0)
		if (gzwrite(g, buf, (unsigned)n) != (int)n)
			rc = wy_fail(e, WY_EFAIL, _("cannot write %s: %s"), dst,
			    errno != 0 ? strerror(errno) : "zlib error");
	if (rc == WY_OK && ferror(in))
		rc = wy_fail(e, WY_EFAIL, _("cannot read %s"), src);
	if (gzclose(g) != Z_OK && rc == WY_OK)
		rc = wy_fail(e, WY_EFAIL, _("cannot write %s: %s"), dst,
		    strerror(errno));
	fclose(in);
	if (rc == WY_OK && fsync(fd) != 0)
		rc = wy_fail(e, WY_EFAIL, _("cannot write %s: %s"), dst,
		    strerror(errno));
	return rc;
}

/* If name is wuye-YYYYMMDD-HHMMSS[-N].db.gz, fill b's stamp and seq. */
static int
backup_parse_name(const char *name, struct backup_name *b)
{
	const char *p;
	char *end;
	int i;

	if (strncmp(name, "wuye-", 5) != 0)
		return 0;
	p = name + 5;
	for (i = 0; i < 15; i++)
		if (i == 8 ? p[i] != '-' : p[i] < '0' || p[i] > '9')
			return 0;
	memcpy(b->stamp, p, 15);
	b->stamp[15] = '\0';
	p += 15;
	b->seq = 0;
	if (*p == '-') {
		if (p[1] < '1' || p[1] > '9')
			return 0;
		b->seq = strtol(p + 1, &end, 10);
		p = end;
	}
	return strcmp(p, ".db.gz") == 0;
}

/* Order backups newest first. */
static int
backup_cmp(const void *a, const void *b)
{
	const struct backup_name *x = a, *y = b;
	int c = strcmp(y->stamp, x->stamp);

	if (c != 0)
		return c;
	return y->seq < x->seq ? -1 : y->seq > x->seq;
}

/* Delete the backups in dir beyond the newest keep. */
static int
backup_prune(const char *dir, int keep, struct wy_err *e)
{
	struct backup_name *list = NULL, b;
	struct dirent *de;
	char path[BACKUP_PATH_MAX];
	size_t n = 0, cap = 0, i;
	DIR *d;
	int rc = WY_OK;

	if (keep <= 0)
		return WY_OK;
	if ((d = opendir(dir)) == NULL)
		return wy_fail(e, WY_EFAIL, _("cannot read folder %s: %s"), dir,
		    strerror(errno));
	while ((de = readdir(d)) != NULL) {
		if (!backup_parse_name(de->d_name, &b))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((list = realloc(list, cap * sizeof *list)) == NULL)
				abort();
		}
		if ((b.name = strdup(de->d_name)) == NULL)
			abort();
		list[n++] = b;
	}
	closedir(d);
	qsort(list, n, sizeof *list, backup_cmp);
	for (i = 0; i < n; i++) {
		if (i >= (size_t)keep &&
		    snprintf(path, sizeof path, "%s/%s", dir, list[i].name) <
		    (int)sizeof path && unlink(path) != 0 && errno != ENOENT &&
		    rc == WY_OK)
			rc = wy_fail(e, WY_EFAIL, _("cannot delete old backup %s: %s"),
			    path, strerror(errno));
		free(list[i].name);
	}
	free(list);
	return rc;
}

/* The first free -N for backups named with stamp in dir: one more than
 * the highest there (0 if none), so that a name freed by pruning is never
 * reused for a newer backup. */
static long
backup_next_seq(const char *dir, const char *stamp)
{
	struct backup_name b;
	struct dirent *de;
	long next = 0;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL)
		if (backup_parse_name(de->d_name, &b) &&
		    strcmp(b.stamp, stamp) == 0 && b.seq >= next)
			next = b.seq + 1;
	closedir(d);
	return next;
}

/* Give the finished temporary file tmp a unique wuye-STAMP[-N].db.gz name
 * in dir, copied into path. */
static int
backup_publish(const char *tmp, const char *dir, char *path, size_t size,
    struct wy_err *e)
{
	char stamp[32];
	struct tm tm;
	time_t now = time(NULL);
	long seq, end;
	int fd;

	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	seq = backup_next_seq(dir, stamp);
	for (end = seq + 10000; seq < end; seq++) {
		if (seq == 0)
			snprintf(path, size, "%s/wuye-%s.db.gz", dir, stamp);
		else
			snprintf(path, size, "%s/wuye-%s-%ld.db.gz", dir, stamp,
			    seq);
		if (link(tmp, path) == 0)
			return WY_OK;
		if (errno == EEXIST)
			continue;
		/* A file system without hard links: reserve, then replace. */
		if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0) {
			if (errno == EEXIST)
				continue;
			break;
		}
		close(fd);
		if (rename(tmp, path) == 0)
			return WY_OK;
		unlink(path);
		break;
	}
	return wy_fail(e, WY_EFAIL, _("cannot write backup %s: %s"), path,
	    strerror(errno));
}

int
backup_create(struct db *db, const char *dir, const char *out, int keep,
    char *path_out, size_t path_size, struct wy_err *e)
{
	char where[BACKUP_PATH_MAX], snap[BACKUP_PATH_MAX + 32];
	char gz[BACKUP_PATH_MAX + 32], final[BACKUP_PATH_MAX + 64];
	int fd, gzfd = -1, rc;

	if (out != NULL && *out == '\0')
		return wy_fail(e, WY_EUSAGE, _("no backup file name given"));
	if (out != NULL)
		db_dirname(out, where, sizeof where);
	else if (dir != NULL && *dir != '\0')
		snprintf(where, sizeof where, "%s", dir);
	else
		db_dirname(db->path, where, sizeof where);
	if (out == NULL && (rc = backup_mkdirs(where, e)) != WY_OK)
		return rc;

	if ((rc = backup_tempfile(where, "snapshot", snap, sizeof snap, &fd,
	    e)) != WY_OK)
		return rc;
	close(fd);
	if ((rc = backup_snapshot(db, snap, e)) != WY_OK ||
	    (rc = backup_tempfile(where, "backup", gz, sizeof gz, &gzfd, e)) !=
	    WY_OK)
		goto done;
	if ((rc = backup_gzip(snap, gzfd, out != NULL ? out : where, e)) !=
	    WY_OK)
		goto done;
	if (out != NULL) {
		snprintf(final, sizeof final, "%s", out);
		if (rename(gz, out) != 0)
			rc = wy_fail(e, WY_EFAIL, _("cannot write backup %s: %s"),
			    out, strerror(errno));
	} else
		rc = backup_publish(gz, where, final, sizeof final, e);
	if (rc == WY_OK)
		backup_sync_dir(where);
done:
	if (gzfd >= 0) {
		close(gzfd);
		unlink(gz);
	}
	backup_unlink_db(snap);
	if (rc != WY_OK)
		return rc;
	if (path_out != NULL && path_size > 0)
		snprintf(path_out, path_size, "%s", final);
	if (out == NULL)
		return backup_prune(where, keep, e);
	return WY_OK;
}

/* Decompress from (gzip or plain) into the open file fd. */
static int
backup_gunzip(const char *from, int fd, struct wy_err *e)
{
	unsigned char buf[65536];
	const char *msg;
	gzFile g;
	int n, zerr;
	size_t total = 0;
	ssize_t w;

	if ((g = gzopen(from, "rb")) == NULL)
		return wy_fail(e, errno == ENOENT ? WY_ENOTFOUND : WY_EFAIL,
		    _("cannot read %s: %s"), from, strerror(errno));
	while ((n = gzread(g, buf, sizeof buf)) > 0) {
		total += (size_t)n;
		for (unsigned char *p = buf; n > 0; p += w, n -= (int)w)
			if ((w = write(fd, p, (size_t)n)) < 0) {
				gzclose(g);
				return wy_fail(e, WY_EFAIL,
				    _("cannot decompress %s: %s"), from,
				    strerror(errno));
			}
	}
	msg = gzerror(g, &zerr);
	if (n < 0 || zerr == Z_BUF_ERROR) {
		if (zerr == Z_BUF_ERROR)
			wy_fail(e, WY_EINVALID,
			    _("%s is damaged: it ends in the middle (truncated)"),
			    from);
		else
			wy_fail(e, WY_EINVALID, _("%s is damaged: %s"), from,
			    zerr == Z_ERRNO ? strerror(errno) : msg);
		gzclose(g);
		return WY_EINVALID;
	}
	gzclose(g);
	if (total == 0)
		return wy_fail(e, WY_EINVALID, _("%s is empty"), from);
	return WY_OK;
}

/* Check that t (the decompressed backup of from) may replace a live wuye
 * database: intact, a wuye database, not newer than us, audit chain. */
static int
backup_verify(struct db *t, const char *from, struct wy_err *e)
{
	sqlite3_stmt *st;
	int64_t app, version;
	const char *row;
	char first[256];
	int rc;

	rc = sqlite3_prepare_v2(t->h, "PRAGMA integrity_check", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
			return wy_fail(e, WY_EINVALID,
			    _("%s is not a wuye backup (not an SQLite database, "
			    "or damaged)"), from);
		return db_fail(t, rc, e, from);
	}
	rc = sqlite3_step(st);
	row = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	snprintf(first, sizeof first, "%s", row != NULL ? row : "");
	sqlite3_finalize(st);
	if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
		return wy_fail(e, WY_EINVALID,
		    _("%s is not a wuye backup (not an SQLite database, or "
		    "damaged)"), from);
	if (rc != SQLITE_ROW)
		return db_fail(t, rc, e, from);
	if (strcmp(first, "ok") != 0)
		return wy_fail(e, WY_EINVALID, _("%s is damaged: %s"), from,
		    first);
	if ((rc = db_int64(t, &app, e, "PRAGMA application_id", "")) != WY_OK ||
	    (rc = db_int64(t, &version, e, "PRAGMA user_version", "")) !=
	    WY_OK)
		return wy_prefix(e, "%s", from);
	if (app != DB_APPLICATION_ID || version < 1)
		return wy_fail(e, WY_EINVALID,
		    _("%s is not a wuye backup (it is an SQLite database of "
		    "another program)"), from);
	if (version > db_schema_latest())
		return wy_fail(e, WY_EINVALID,
		    _("%s has schema version %lld but this wuye knows only up "
		    "to %d; upgrade wuye first"), from, (long long)version,
		    db_schema_latest());
	if ((rc = audit_verify(t, e)) != WY_OK)
		return wy_prefix(e, "%s", from);
	return WY_OK;
}

int
backup_restore(struct db *db, const char *from, struct wy_err *e)
{
	char dir[BACKUP_PATH_MAX], tmp[BACKUP_PATH_MAX + 32];
	char name[BACKUP_PATH_MAX];
	struct db t = { 0 };
	struct stat sb;
	int fd, rc;

	if (from == NULL || *from == '\0')
		return wy_fail(e, WY_EUSAGE, _("no backup file given"));
	if (stat(from, &sb) != 0)
		return wy_fail(e, WY_ENOTFOUND, _("cannot read %s: %s"), from,
		    strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return wy_fail(e, WY_EINVALID, _("%s is not a regular file"),
		    from);
	if (!sqlite3_get_autocommit(db->h))
		return wy_fail(e, WY_EFAIL,
		    "backup_restore: a transaction is open");
	db_dirname(db->path, dir, sizeof dir);
	if ((rc = backup_tempfile(dir, "restore", tmp, sizeof tmp, &fd, e)) !=
	    WY_OK)
		return rc;
	rc = backup_gunzip(from, fd, e);
	close(fd);
	if (rc != WY_OK)
		goto done;
	if (sqlite3_open_v2(tmp, &t.h, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		rc = wy_fail(e, WY_EFAIL, _("cannot open %s: %s"), tmp,
		    t.h != NULL ? sqlite3_errmsg(t.h) : "out of memory");
		goto done;
	}
	snprintf(name, sizeof name, "%s", from);
	t.path = name;
	t.busy_ms = db->busy_ms;
	sqlite3_extended_result_codes(t.h, 0);
	if ((rc = backup_verify(&t, from, e)) != WY_OK)
		goto done;
	/* What is replaced is kept too: a restore of the wrong file is undone
	 * by restoring this one. */
	if ((rc = backup_create(db, db->backup_dir, NULL, db->backup_keep, NULL,
	    0, e)) != WY_OK) {
		wy_prefix(e, _("backup of the database before restoring"));
		goto done;
	}
	if ((rc = backup_copy(db->h, t.h, db->path, e)) != WY_OK)
		goto done;
	sqlite3_close(t.h);
	t.h = NULL;
	if ((rc = db_migrate(db, NULL, e)) != WY_OK)
		wy_prefix(e, _("restored %s but could not upgrade it"), from);
done:
	if (t.h != NULL)
		sqlite3_close(t.h);
	backup_unlink_db(tmp);
	return rc;
}

int
backup_create_as(struct session *s, const char *out, char *path_out,
    size_t path_size, struct wy_err *e)
{
	int rc;

	if ((rc = auth_require(s, "backup", e)) != WY_OK)
		return rc;
	return backup_create(s->db, conf_str(s->conf, "backup.dir"), out,
	    (int)conf_int(s->conf, "backup.keep"), path_out, path_size, e);
}

int
backup_restore_as(struct session *s, const char *from, struct wy_err *e)
{
	char detail[BACKUP_PATH_MAX + 32], *full;
	int rc;

	if ((rc = auth_require(s, "restore", e)) != WY_OK ||
	    (rc = backup_restore(s->db, from, e)) != WY_OK)
		return rc;
	full = realpath(from, NULL);
	snprintf(detail, sizeof detail, "from %s", full != NULL ? full : from);
	free(full);
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return wy_prefix(e, _("restored %s but could not log it"), from);
	if ((rc = audit_append(s, "backup.restore", "", 0, detail, e)) != WY_OK ||
	    (rc = db_commit(s->db, e)) != WY_OK) {
		db_rollback(s->db);
		return wy_prefix(e, _("restored %s but could not log it"), from);
	}
	return WY_OK;
}
