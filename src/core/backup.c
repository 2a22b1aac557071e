/* wuye: backups (stub, to be written). */
#include "wuye/backup.h"

int
backup_create(struct db *db, const char *dir, const char *out, int keep,
    char *path_out, size_t path_size, struct wy_err *e)
{
	return wy_fail(e, WY_EFAIL, "backup not written yet");
}
