/* wuye: users and log-in (stub, to be written). */
#include "wuye/auth.h"

#include <stdio.h>
#include <string.h>

void
session_system(struct session *s, struct db *db, const struct conf *conf)
{
	memset(s, 0, sizeof *s);
	s->db = db;
	s->conf = conf;
	snprintf(s->user, sizeof s->user, "system");
	snprintf(s->role, sizeof s->role, "admin");
	snprintf(s->perms, sizeof s->perms, "*");
}

int
auth_login(struct db *db, const struct conf *conf, const char *name,
    const char *password, struct session *s, struct wy_err *e)
{
	return wy_fail(e, WY_EFAIL, "log-in not written yet");
}

int
auth_can(const struct session *s, const char *perm)
{
	return 1;
}

int
auth_require(const struct session *s, const char *perm, struct wy_err *e)
{
	return WY_OK;
}

int
user_add(struct session *s, const char *name, const char *role,
    const char *password, const char *full_name, struct wy_err *e)
{
	return wy_fail(e, WY_EFAIL, "user_add not written yet");
}
