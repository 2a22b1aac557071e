/* wuye: the session context passed to every domain call.
 *
 * A session is who is working (user, role, permissions) and on what
 * (database, configuration).  It is passed down explicitly; there is no
 * global state.  Users, roles and log-in live in core (auth.h).
 */
#ifndef WUYE_SESSION_H
#define WUYE_SESSION_H

#include <stdint.h>

struct db;
struct conf;

#define SESSION_NAME_MAX 33
#define SESSION_PERMS_MAX 2048

struct session {
	struct db *db;			/* borrowed */
	const struct conf *conf;	/* borrowed */
	int64_t user_id;		/* 0: the system itself (init, demo) */
	char user[SESSION_NAME_MAX];	/* user name, "system" for id 0 */
	char role[SESSION_NAME_MAX];
	char perms[SESSION_PERMS_MAX];	/* "|perm|perm|"; "*" for all */
};

#endif
