/* wuye: users, roles, permissions and log-in.
 *
 * A password is checked outside any transaction (Argon2id is slow on
 * purpose, and the write lock must not be held meanwhile); the failure
 * counter is then changed in a short transaction with an atomic
 * "failed = failed + 1", so two wrong passwords typed at the same moment
 * both count.  An account whose counter has reached
 * security.max_failed_logins is refused even with the right password until
 * user_passwd() sets a new one.
 *
 * An unknown user name is reported as such ("unknown user NAME"): the
 * lock-out messages tell anyway whether an account exists, so hiding it
 * would protect nothing and only confuse the desk staff.
 *
 * A session on a database opened read-only (a command that only reads)
 * keeps the counter through a second, read-write handle on the same file,
 * so reading commands are no way round the lock-out (it re-hashes no
 * password, though).  Where the file cannot be written at all, a wrong
 * password is refused but not counted, and a right one resets nothing:
 * whoever can read the file can read the password hashes in it, so a
 * lock-out would protect nothing there.
 */
#include "wuye/auth.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "wuye/audit.h"
#include "wuye/conf.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"

#define AUTH_PASSWORD_MIN 4	/* characters */
#define AUTH_LOCKOUT_DEFAULT 5

/* Initialise libsodium (idempotent and thread-safe). */
static int
auth_sodium(struct wy_err *e)
{
	if (sodium_init() < 0)
		return wy_fail(e, WY_EFAIL, _("cannot initialise libsodium"));
	return WY_OK;
}

/* The lock-out limit of the configuration (or the default without one). */
static long
auth_max_failed(const struct conf *conf)
{
	return conf != NULL ? conf_int(conf, "security.max_failed_logins") :
	    AUTH_LOCKOUT_DEFAULT;
}

/* Number of UTF-8 characters in s. */
static size_t
auth_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

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

/* The Argon2id limits of a level name; -1 if there is no such level. */
static int
auth_level(const char *level, unsigned long long *ops, size_t *mem)
{
	if (level == NULL || strcmp(level, "interactive") == 0) {
		*ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
		*mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
	} else if (strcmp(level, "moderate") == 0) {
		*ops = crypto_pwhash_OPSLIMIT_MODERATE;
		*mem = crypto_pwhash_MEMLIMIT_MODERATE;
	} else if (strcmp(level, "sensitive") == 0) {
		*ops = crypto_pwhash_OPSLIMIT_SENSITIVE;
		*mem = crypto_pwhash_MEMLIMIT_SENSITIVE;
	} else if (strcmp(level, "minimal") == 0) {
		*ops = crypto_pwhash_OPSLIMIT_MIN;
		*mem = crypto_pwhash_MEMLIMIT_MIN;
	} else
		return -1;
	return 0;
}

int
auth_hash_password(const char *password, const char *level, char *out,
    size_t size, struct wy_err *e)
{
	unsigned long long ops;
	size_t mem;
	int rc;

	if ((rc = auth_sodium(e)) != WY_OK)
		return rc;
	if (password == NULL)
		return wy_fail(e, WY_EINVALID, _("no password given"));
	if (out == NULL || size < crypto_pwhash_STRBYTES)
		return wy_fail(e, WY_EFAIL, "auth_hash_password: buffer too small");
	if (auth_level(level, &ops, &mem) != 0)
		return wy_fail(e, WY_EINVALID,
		    _("unknown password hash level '%s' (interactive, moderate, "
		    "sensitive or minimal)"), level);
	if (crypto_pwhash_str(out, password, strlen(password), ops, mem) != 0)
		return wy_fail(e, WY_EFAIL,
		    _("not enough memory to hash the password (level %s)"),
		    level != NULL ? level : "interactive");
	return WY_OK;
}

/* Hash with the configured strength. */
static int
auth_hash_conf(const struct conf *conf, const char *password, char *out,
    size_t size, struct wy_err *e)
{
	return auth_hash_password(password, conf != NULL ?
	    conf_str(conf, "security.password_hash") : NULL, out, size, e);
}

/* Load the permissions of role into s->perms as "|perm|perm|". */
static int
auth_load_perms(struct db *db, struct session *s, struct wy_err *e)
{
	sqlite3_stmt *st;
	const char *perm;
	size_t len = 1, n;
	int rc;

	if ((rc = db_prepare(db,
	    "SELECT perm FROM role_perms WHERE role = ?1 ORDER BY perm",
	    &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(db, st, e, "t", s->role)) != WY_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	snprintf(s->perms, sizeof s->perms, "|");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		perm = (const char *)sqlite3_column_text(st, 0);
		if (perm == NULL || *perm == '\0' || strchr(perm, '|') != NULL)
			continue;
		if (strcmp(perm, "*") == 0) {
			snprintf(s->perms, sizeof s->perms, "*");
			sqlite3_finalize(st);
			return WY_OK;
		}
		n = strlen(perm);
		if (len + n + 2 > sizeof s->perms) {
			sqlite3_finalize(st);
			return wy_fail(e, WY_EFAIL,
			    _("role %s has too many permissions"), s->role);
		}
		memcpy(s->perms + len, perm, n);
		s->perms[len + n] = '|';
		s->perms[len + n + 1] = '\0';
		len += n + 1;
	}
	rc = rc == SQLITE_DONE ? WY_OK : db_fail(db, rc, e, "role_perms");
	sqlite3_finalize(st);
	return rc;
}

/* Add one to the failure counter of user id; *now gets the new count. */
static int
auth_count_failure(struct db *db, int64_t id, int64_t *now, struct wy_err *e)
{
	int rc;

	if ((rc = db_begin(db, e)) != WY_OK)
		return rc;
	if ((rc = db_run(db, e,
	    "UPDATE users SET failed = failed + 1 WHERE id = ?1", "I",
	    id)) != WY_OK ||
	    (rc = db_int64(db, now, e, "SELECT failed FROM users WHERE id = ?1",
	    "I", id)) != WY_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, e);
}

/* After a right password: reset the counter (unless another process locked
 * the account meanwhile) and re-hash the password if the configured level
 * asks for other limits.  Writes nothing when neither is needed.  *locked
 * is set when the account turned out locked. */
static int
auth_accept(struct db *db, const struct conf *conf, int64_t id,
    const char *hash, const char *password, int64_t failed, long max,
    int *locked, struct wy_err *e)
{
	char fresh[crypto_pwhash_STRBYTES];
	const char *level;
	unsigned long long ops;
	size_t mem;
	int rc, rehash = 0;

	*locked = 0;
	level = conf != NULL ? conf_str(conf, "security.password_hash") : NULL;
	if (level != NULL && strcmp(level, "minimal") != 0 &&
	    auth_level(level, &ops, &mem) == 0 &&
	    crypto_pwhash_str_needs_rehash(hash, ops, mem) != 0)
		rehash = auth_hash_conf(conf, password, fresh, sizeof fresh,
		    NULL) == WY_OK;
	if (failed == 0 && !rehash)
		return WY_OK;
	if ((rc = db_begin(db, e)) != WY_OK)
		return rc;
	if ((rc = db_run(db, e,
	    "UPDATE users SET failed = 0 WHERE id = ?1 AND failed < ?2", "II",
	    id, (int64_t)max)) != WY_OK)
		goto fail;
	if (sqlite3_changes(db->h) == 0) {
		*locked = 1;
		db_rollback(db);
		return WY_OK;
	}
	if (rehash && (rc = db_run(db, e,
	    "UPDATE users SET pwhash = ?2 WHERE id = ?1", "It", id,
	    fresh)) != WY_OK)
		goto fail;
	return db_commit(db, e);
fail:
	db_rollback(db);
	return rc;
}

/* The handle to write log-in bookkeeping on: db itself, or for a handle
 * opened read-only a read-write one on the same file put in *rw (the
 * caller closes it), or NULL when the file cannot be written. */
static struct db *
auth_writer(struct db *db, struct db **rw)
{
	*rw = NULL;
	if (!db->readonly)
		return db;
	if (db_open(db->path, 0, rw, NULL) != WY_OK)
		return NULL;
	(*rw)->busy_ms = db->busy_ms;
	return *rw;
}

/* Record in the audit log that name got locked out. */
static void
auth_audit_lock(struct db *db, const struct conf *conf, const char *name,
    int64_t id, int64_t failed)
{
	struct session s;
	char detail[64];

	session_system(&s, db, conf);
	snprintf(s.user, sizeof s.user, "%s", name);
	snprintf(detail, sizeof detail, "locked after %lld failed log-ins",
	    (long long)failed);
	if (db_begin(db, NULL) != WY_OK)
		return;
	if (audit_append(&s, "user.lock", "users", id, detail, NULL) != WY_OK ||
	    db_commit(db, NULL) != WY_OK)
		db_rollback(db);
}

int
auth_login(struct db *db, const struct conf *conf, const char *name,
    const char *password, struct session *s, struct wy_err *e)
{
	char hash[crypto_pwhash_STRBYTES], role[SESSION_NAME_MAX];
	sqlite3_stmt *st;
	int64_t id, failed, now;
	long max = auth_max_failed(conf);
	struct db *w, *rw = NULL;
	int rc, active, locked;

	if ((rc = auth_sodium(e)) != WY_OK)
		return rc;
	if (name == NULL || *name == '\0')
		return wy_fail(e, WY_EUSAGE, _("no user name given"));
	if (password == NULL)
		password = "";
	if ((rc = db_prepare(db, "SELECT id, role, pwhash, failed, active "
	    "FROM users WHERE name = ?1", &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(db, st, e, "t", name)) != WY_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return db_fail(db, rc, e, "users");
		return wy_fail(e, WY_EDENIED, _("unknown user %s"), name);
	}
	id = sqlite3_column_int64(st, 0);
	snprintf(role, sizeof role, "%s",
	    (const char *)sqlite3_column_text(st, 1));
	snprintf(hash, sizeof hash, "%s",
	    (const char *)sqlite3_column_text(st, 2));
	failed = sqlite3_column_int64(st, 3);
	active = sqlite3_column_int(st, 4);
	sqlite3_finalize(st);

	if (!active)
		return wy_fail(e, WY_EDENIED, _("account %s is disabled"), name);
	if (failed >= max)
		return wy_fail(e, WY_EDENIED,
		    _("account %s is locked after %lld failed log-ins; an "
		    "administrator must set a new password"), name,
		    (long long)failed);
	if (crypto_pwhash_str_verify(hash, password, strlen(password)) != 0) {
		if ((w = auth_writer(db, &rw)) == NULL)
			return wy_fail(e, WY_EDENIED, _("wrong password for %s "
			    "(not counted: the database %s is read-only)"), name,
			    db->path);
		if ((rc = auth_count_failure(w, id, &now, e)) == WY_OK &&
		    now >= max)
			auth_audit_lock(w, conf, name, id, now);
		db_close(&rw);
		if (rc != WY_OK)
			return rc;
		if (now >= max) {
			return wy_fail(e, WY_EDENIED,
			    _("wrong password for %s; the account is now locked "
			    "after %lld failed log-ins; an administrator must set "
			    "a new password"), name, (long long)now);
		}
		return wy_fail(e, WY_EDENIED, ngettext(
		    "wrong password for %s; %lld more wrong password locks the account",
		    "wrong password for %s; %lld more wrong passwords lock the account",
		    (unsigned long)(max - now)), name, (long long)(max - now));
	}
	/* A read-only session re-hashes nothing; it resets the counter on
	 * the file when it can write it. */
	rc = WY_OK;
	locked = 0;
	if ((!db->readonly || failed > 0) && (w = auth_writer(db, &rw)) !=
	    NULL)
		rc = auth_accept(w, conf, id, hash, password, failed, max,
		    &locked, e);
	db_close(&rw);
	if (rc != WY_OK)
		return rc;
	if (locked)
		return wy_fail(e, WY_EDENIED,
		    _("account %s is locked after %ld failed log-ins; an "
		    "administrator must set a new password"), name, max);

	memset(s, 0, sizeof *s);
	s->db = db;
	s->conf = conf;
	s->user_id = id;
	snprintf(s->user, sizeof s->user, "%s", name);
	snprintf(s->role, sizeof s->role, "%s", role);
	if ((rc = auth_load_perms(db, s, e)) != WY_OK) {
		memset(s, 0, sizeof *s);
		return rc;
	}
	return WY_OK;
}

int
auth_can(const struct session *s, const char *perm)
{
	const char *p;
	size_t n;

	if (s == NULL || perm == NULL || *perm == '\0' ||
	    strchr(perm, '|') != NULL)
		return 0;
	if (strcmp(s->perms, "*") == 0)
		return 1;
	n = strlen(perm);
	for (p = s->perms; (p = strstr(p, perm)) != NULL; p++)
		if (p > s->perms && p[-1] == '|' && p[n] == '|')
			return 1;
	return 0;
}

/* What each permission lets a user do, in words that follow "may not"
 * (as the man page's list of permissions says it). */
static const struct {
	const char *perm;
	const char *words;	/* N_() */
} perm_words[] = {
	{ "property.read", N_("see estates, buildings and rooms") },
	{ "property.write", N_("change estates, buildings and rooms") },
	{ "client.read", N_("see clients and their rooms") },
	{ "client.write", N_("change clients, occupants, leases and vehicles") },
	{ "client.sensitive", N_("see ID numbers and phone numbers unmasked") },
	{ "client.override", N_("save a record despite a warning") },
	{ "category.write", N_("edit the category lists") },
	{ "import", N_("import files") },
	{ "export", N_("export lists") },
	{ "user.admin", N_("manage users and their permissions") },
	{ "audit.read", N_("read the audit log") },
	{ "backup", N_("make backups") },
	{ "restore", N_("restore a backup") },
	{ "check", N_("check the database") },
	{ "charge.read", N_("see fees, bills and receipts") },
	{ "charge.setup", N_("change fee items and standards") },
	{ "charge.bill", N_("run the bill run") },
	{ "charge.pay", N_("take payments and deposits") },
	{ "charge.void", N_("void receipts or make refunds") },
	{ "charge.waive", N_("waive bills") },
	{ "charge.close", N_("close a month") },
	{ "meter.read", N_("see meters and readings") },
	{ "meter.write", N_("enter meter readings") },
	{ "collect.write", N_("record collection actions") },
	{ "expense.read", N_("see expenses") },
	{ "expense.write", N_("request expenses") },
	{ "expense.approve", N_("approve, reject and pay expenses") },
	{ "report.read", N_("run reports") },
};

const char *
auth_perm_words(const char *perm, char *buf, size_t size)
{
	size_t i;

	for (i = 0; perm != NULL && i < sizeof perm_words / sizeof perm_words[0]; i++)
		if (strcmp(perm_words[i].perm, perm) == 0) {
			snprintf(buf, size, "%s", _(perm_words[i].words));
			return buf;
		}
	/* A permission of the user's own (a report's perm =): its name. */
	snprintf(buf, size, _("use what the permission %s allows"),
	    perm != NULL ? perm : "?");
	return buf;
}

int
auth_require(const struct session *s, const char *perm, struct wy_err *e)
{
	char words[160];

	if (auth_can(s, perm))
		return WY_OK;
	return wy_fail(e, WY_EDENIED, _("permission denied: user %s (role %s) may not %s"),
	    s != NULL ? s->user : "?", s != NULL ? s->role : "?",
	    auth_perm_words(perm, words, sizeof words));
}

/* Check a user name: 1-32 characters of [A-Za-z0-9_.-]. */
static int
auth_check_name(const char *name, struct wy_err *e)
{
	const char *p;

	if (name == NULL || *name == '\0')
		return wy_fail(e, WY_EINVALID, _("the user name is empty"));
	if (strlen(name) > 32)
		return wy_fail(e, WY_EINVALID,
		    _("user name '%s' is longer than 32 characters"), name);
	for (p = name; *p != '\0'; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '.' ||
		    *p == '-'))
			return wy_fail(e, WY_EINVALID,
			    _("user name '%s' may contain only letters A-Z, "
			    "digits, '_', '.' and '-'"), name);
	return WY_OK;
}

/* Check a new password: at least AUTH_PASSWORD_MIN characters. */
static int
auth_check_password(const char *password, struct wy_err *e)
{
	if (password == NULL || auth_chars(password) < AUTH_PASSWORD_MIN)
		return wy_fail(e, WY_EINVALID,
		    _("the password must be at least %d characters"),
		    AUTH_PASSWORD_MIN);
	return WY_OK;
}

/* Check a full name: at most 64 characters, no control characters. */
static int
auth_check_full_name(const char *full, struct wy_err *e)
{
	const unsigned char *p;

	if (auth_chars(full) > 64)
		return wy_fail(e, WY_EINVALID,
		    _("full name '%s' is longer than 64 characters"), full);
	for (p = (const unsigned char *)full; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return wy_fail(e, WY_EINVALID,
			    _("the full name may not contain tabs, line breaks "
			    "or other control characters"));
	return WY_OK;
}

/* WY_OK if role exists, else WY_EINVALID listing the roles there are. */
static int
auth_check_role(struct db *db, const char *role, struct wy_err *e)
{
	sqlite3_stmt *st;
	char list[256] = "";
	size_t len = 0;
	int64_t n;
	int rc;

	if (role == NULL || *role == '\0')
		return wy_fail(e, WY_EINVALID, _("no role given"));
	rc = db_int64(db, &n, e, "SELECT 1 FROM roles WHERE name = ?1", "t",
	    role);
	if (rc != WY_ENOTFOUND)
		return rc;
	if ((rc = db_prepare(db, "SELECT name FROM roles ORDER BY name", &st,
	    e)) != WY_OK)
		return rc;
	while (sqlite3_step(st) == SQLITE_ROW && len < sizeof list)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
		    len > 0 ? ", " : "", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return wy_fail(e, WY_EINVALID, _("unknown role '%s' (roles: %s)"), role,
	    list);
}

int
user_add(struct session *s, const char *name, const char *role,
    const char *password, const char *full_name, struct wy_err *e)
{
	char hash[crypto_pwhash_STRBYTES], now[TIMESTAMP_BUFSIZE];
	char detail[256];
	struct db *db = s->db;
	int64_t id;
	int rc;

	if (full_name == NULL)
		full_name = "";
	if ((rc = auth_require(s, "user.admin", e)) != WY_OK ||
	    (rc = auth_check_name(name, e)) != WY_OK ||
	    (rc = auth_check_role(db, role, e)) != WY_OK ||
	    (rc = auth_check_full_name(full_name, e)) != WY_OK ||
	    (rc = auth_check_password(password, e)) != WY_OK)
		return rc;
	rc = db_int64(db, &id, e, "SELECT id FROM users WHERE name = ?1", "t",
	    name);
	if (rc == WY_OK)
		return wy_fail(e, WY_ECONFLICT, _("user %s already exists"), name);
	if (rc != WY_ENOTFOUND)
		return rc;
	if ((rc = auth_hash_conf(s->conf, password, hash, sizeof hash, e)) !=
	    WY_OK)
		return rc;

	if ((rc = db_begin(db, e)) != WY_OK)
		return rc;
	rc = db_int64(db, &id, e, "SELECT id FROM users WHERE name = ?1", "t",
	    name);
	if (rc == WY_OK)
		rc = wy_fail(e, WY_ECONFLICT, _("user %s already exists"), name);
	else if (rc == WY_ENOTFOUND)
		rc = db_run(db, e, "INSERT INTO users (name, full_name, role, "
		    "pwhash, created) VALUES (?1, ?2, ?3, ?4, ?5)", "ttttt", name,
		    full_name, role, hash, timestamp_now(now));
	if (rc != WY_OK)
		goto fail;
	id = sqlite3_last_insert_rowid(db->h);
	snprintf(detail, sizeof detail, "role=%s full_name=%s", role,
	    full_name);
	if ((rc = audit_append(s, "user.add", "users", id, detail, e)) != WY_OK)
		goto fail;
	sodium_memzero(hash, sizeof hash);
	return db_commit(db, e);
fail:
	db_rollback(db);
	sodium_memzero(hash, sizeof hash);
	return rc;
}

int
user_passwd(struct session *s, const char *name, const char *password,
    struct wy_err *e)
{
	char hash[crypto_pwhash_STRBYTES];
	struct db *db = s->db;
	int64_t id, failed;
	int rc, self;

	self = s->user_id != 0 && name != NULL && strcmp(s->user, name) == 0;
	if (!self && (rc = auth_require(s, "user.admin", e)) != WY_OK)
		return rc;
	if (name == NULL || *name == '\0')
		return wy_fail(e, WY_EINVALID, _("the user name is empty"));
	if ((rc = auth_check_password(password, e)) != WY_OK)
		return rc;
	rc = db_int64(db, &id, e, "SELECT id FROM users WHERE name = ?1", "t",
	    name);
	if (rc == WY_ENOTFOUND)
		return wy_fail(e, WY_ENOTFOUND, _("no user %s"), name);
	if (rc != WY_OK)
		return rc;
	if ((rc = auth_hash_conf(s->conf, password, hash, sizeof hash, e)) !=
	    WY_OK)
		return rc;

	if ((rc = db_begin(db, e)) != WY_OK)
		return rc;
	if ((rc = db_int64(db, &failed, e,
	    "SELECT failed FROM users WHERE id = ?1", "I", id)) != WY_OK) {
		if (rc == WY_ENOTFOUND)
			rc = wy_fail(e, WY_ENOTFOUND, _("no user %s"), name);
		goto fail;
	}
	if ((rc = db_run(db, e, "UPDATE users SET pwhash = ?2, failed = 0, "
	    "version = version + 1 WHERE id = ?1", "It", id, hash)) != WY_OK ||
	    (rc = audit_append(s, "user.passwd", "users", id,
	    failed > 0 ? "new password; unlocked" : "new password", e)) !=
	    WY_OK)
		goto fail;
	sodium_memzero(hash, sizeof hash);
	return db_commit(db, e);
fail:
	db_rollback(db);
	sodium_memzero(hash, sizeof hash);
	return rc;
}

int
user_list(struct session *s,
    int (*fn)(void *arg, const struct user_info *u), void *arg,
    struct wy_err *e)
{
	struct user_info u;
	sqlite3_stmt *st;
	long max = auth_max_failed(s->conf);
	int rc, stop = 0;

	if ((rc = auth_require(s, "user.admin", e)) != WY_OK)
		return rc;
	if ((rc = db_prepare(s->db, "SELECT id, name, full_name, role, failed, "
	    "active, created FROM users ORDER BY name", &st, e)) != WY_OK)
		return rc;
	while (stop == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		u = (struct user_info){
			.id = sqlite3_column_int64(st, 0),
			.name = (const char *)sqlite3_column_text(st, 1),
			.full_name = (const char *)sqlite3_column_text(st, 2),
			.role = (const char *)sqlite3_column_text(st, 3),
			.failed = sqlite3_column_int(st, 4),
			.active = sqlite3_column_int(st, 5),
			.created = (const char *)sqlite3_column_text(st, 6),
		};
		u.locked = u.failed >= max;
		stop = fn(arg, &u);
	}
	if (stop != 0)
		rc = stop;
	else
		rc = rc == SQLITE_DONE ? WY_OK : db_fail(s->db, rc, e, "users");
	sqlite3_finalize(st);
	return rc;
}
