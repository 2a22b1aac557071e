/* wuye: compressed backups and verified restore.
 *
 * A backup is a consistent copy taken with SQLite's online backup API while
 * others keep working, gzip-compressed, named wuye-YYYYMMDD-HHMMSS.db.gz in
 * the backup folder; only the newest `keep` backups are kept.  A restore
 * decompresses to a temporary file, verifies it (integrity_check, that it is
 * a wuye database no newer than this program, the audit chain) and only then
 * copies it over the live database, again through the online backup API, so
 * other connections see either the old or the new database, never a mix.
 */
#ifndef WUYE_BACKUP_H
#define WUYE_BACKUP_H

#include <stddef.h>

#include "wuye/db.h"
#include "wuye/session.h"

/* Write a compressed backup of db.  With out == NULL the file goes into dir
 * (created if missing; NULL or "": the database's folder) with a name
 * wuye-YYYYMMDD-HHMMSS.db.gz in local time (-1, -2... added when taken the
 * same second) and older backups beyond keep are deleted (keep <= 0 keeps
 * all); otherwise it is written to out (whose folder must exist), replacing
 * it.  Either way it is written under a temporary name and renamed when
 * complete.  The path written is copied into path_out (if not NULL, of size
 * path_size). */
int backup_create(struct db *db, const char *dir, const char *out, int keep,
    char *path_out, size_t path_size, struct wy_err *e);

/* Verify the backup file `from` (gzip or plain SQLite) and replace the
 * contents of db with it, then migrate it if it is older than this program.
 * Nothing is changed unless verification passes: a file that is not a
 * wuye database, damaged, newer than this program or with a broken audit
 * chain is WY_EINVALID; a missing file WY_ENOTFOUND.  No transaction may
 * be open on db. */
int backup_restore(struct db *db, const char *from, struct wy_err *e);

/* backup_create for a user: needs the permission "backup"; dir and keep
 * come from the configuration (s->conf: backup.dir, backup.keep). */
int backup_create_as(struct session *s, const char *out, char *path_out,
    size_t path_size, struct wy_err *e);

/* backup_restore for a user: needs the permission "restore"; the restore is
 * then recorded ("backup.restore") in the restored database's audit log. */
int backup_restore_as(struct session *s, const char *from, struct wy_err *e);

#endif
