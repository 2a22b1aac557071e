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

/* Write a compressed backup of db.  With out == NULL the file goes into dir
 * with a timestamped name and older backups beyond keep are deleted (keep
 * <= 0 keeps all).  The path written is copied into path_out (if not NULL,
 * of size path_size). */
int backup_create(struct db *db, const char *dir, const char *out, int keep,
    char *path_out, size_t path_size, struct wy_err *e);

/* Verify the backup file `from` (gzip or plain SQLite) and replace the
 * contents of db with it.  Nothing is changed unless verification passes. */
int backup_restore(struct db *db, const char *from, struct wy_err *e);

#endif
