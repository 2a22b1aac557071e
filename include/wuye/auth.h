/* wuye: users, roles, permissions and log-in.
 *
 * Passwords are hashed with libsodium's crypto_pwhash_str (Argon2id, a
 * memory-hard KDF); the strength is the configuration's
 * security.password_hash.  After security.max_failed_logins wrong passwords
 * in a row an account is locked until an administrator sets a new password.
 * Permission names ("property.write") are granted to roles in the table
 * role_perms; every domain function checks them with auth_require().
 */
#ifndef WUYE_AUTH_H
#define WUYE_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "wuye/error.h"
#include "wuye/session.h"

struct conf;
struct db;

/* A session for the program itself: every permission, user "system". */
void session_system(struct session *s, struct db *db, const struct conf *conf);

/* Check name and password; on success fill *s.  A wrong password counts
 * towards the lock-out (WY_EDENIED, message says how many tries are left);
 * an unknown user ("unknown user NAME": not hidden, since the lock-out
 * messages would tell anyway) or a locked account is WY_EDENIED too, the
 * latter even with the right password.  A right password resets the count
 * and re-hashes the password if security.password_hash asks for other
 * limits.  The moment an account locks is audit-logged ("user.lock").
 * On a db opened read-only the counting is done through a read-write
 * handle on the file; where it cannot be written at all a wrong password
 * is refused without being counted (see auth.c). */
int auth_login(struct db *db, const struct conf *conf, const char *name,
    const char *password, struct session *s, struct wy_err *e);

/* 1 if the session's role has perm. */
int auth_can(const struct session *s, const char *perm);

/* WY_OK if allowed, else WY_EDENIED naming user, role and, in words, what
 * the permission allows ("may not void receipts or make refunds"). */
int auth_require(const struct session *s, const char *perm, struct wy_err *e);

/* What perm allows, in words that follow "may not" (translated), written
 * to buf, which is returned; a permission without words is named. */
const char *auth_perm_words(const char *perm, char *buf, size_t size);

/* Hash a password into out (crypto_pwhash_STRBYTES); level is
 * "interactive", "moderate" or "sensitive" (or "minimal", for tests). */
int auth_hash_password(const char *password, const char *level, char *out,
    size_t size, struct wy_err *e);

struct user_info {
	int64_t id;
	const char *name;
	const char *full_name;
	const char *role;
	int failed;		/* wrong passwords in a row */
	int locked;		/* failed >= the lock-out limit */
	int active;
	const char *created;
};

/* Add a user (needs user.admin); the name is 1-32 of [A-Za-z0-9_.-], the
 * role must exist, the full name (NULL: "") at most 64 characters without
 * control characters, the password at least 4 characters: else
 * WY_EINVALID.  An existing name is WY_ECONFLICT.  Audit-logged ("user.add").
 * Runs in its own transaction. */
int user_add(struct session *s, const char *name, const char *role,
    const char *password, const char *full_name, struct wy_err *e);

/* Set a new password (user.admin, or the user themself); unlocks (failed
 * = 0).  An unknown name is WY_ENOTFOUND.  Audit-logged ("user.passwd"). */
int user_passwd(struct session *s, const char *name, const char *password,
    struct wy_err *e);

/* Call fn for every user, by name (needs user.admin); stops when fn
 * returns non-zero and returns that.  The strings are valid only during
 * the call. */
int user_list(struct session *s,
    int (*fn)(void *arg, const struct user_info *u), void *arg,
    struct wy_err *e);

#endif
