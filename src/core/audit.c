/* wuye: the audit log.
 *
 * Each entry's hash is the hex SHA-256 of a tag, the previous entry's hash
 * and the entry's own fields, each written as a netstring ("LEN:BYTES,"),
 * so no two different entries serialise alike:
 *
 *	"wuye-audit-1" prev id at user action entity entity_id detail
 *
 * (entity_id is the decimal number, or empty for none).  The first entry's
 * prev is 64 zeros.  meta holds 'audit_count' and 'audit_head' (the last
 * hash), written in the same transaction as the entry, so that deleting
 * entries at the end is found too.  The chain has no secret: it shows
 * edits made with the sqlite3 shell, not those of someone who recomputes
 * every later hash and meta as well.
 */
#include "wuye/audit.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"

#define AUDIT_TAG "wuye-audit-1"
#define AUDIT_HEX (crypto_hash_sha256_BYTES * 2 + 1)

static const char audit_genesis[AUDIT_HEX] =
    "0000000000000000000000000000000000000000000000000000000000000000";

/* Feed one netstring of s (NULL as empty) into the hash. */
static void
audit_field(crypto_hash_sha256_state *h, const char *s)
{
	char len[24];
	size_t n = s != NULL ? strlen(s) : 0;

	snprintf(len, sizeof len, "%zu:", n);
	crypto_hash_sha256_update(h, (const unsigned char *)len, strlen(len));
	if (n > 0)
		crypto_hash_sha256_update(h, (const unsigned char *)s, n);
	crypto_hash_sha256_update(h, (const unsigned char *)",", 1);
}

/* The hex hash of an entry into out (AUDIT_HEX bytes). */
static void
audit_hash(const char *prev, int64_t id, const char *at, const char *user,
    const char *action, const char *entity, int has_entity_id,
    int64_t entity_id, const char *detail, char *out)
{
	crypto_hash_sha256_state h;
	unsigned char sum[crypto_hash_sha256_BYTES];
	char num[24], eid[24];

	snprintf(num, sizeof num, "%" PRId64, id);
	if (has_entity_id)
		snprintf(eid, sizeof eid, "%" PRId64, entity_id);
	else
		eid[0] = '\0';
	crypto_hash_sha256_init(&h);
	audit_field(&h, AUDIT_TAG);
	audit_field(&h, prev);
	audit_field(&h, num);
	audit_field(&h, at);
	audit_field(&h, user);
	audit_field(&h, action);
	audit_field(&h, entity);
	audit_field(&h, eid);
	audit_field(&h, detail);
	crypto_hash_sha256_final(&h, sum);
	sodium_bin2hex(out, AUDIT_HEX, sum, sizeof sum);
}

/* Read meta value key into buf; "" when it is not there. */
static int
audit_meta(struct db *db, const char *key, char *buf, size_t size,
    struct wy_err *e)
{
	sqlite3_stmt *st;
	int rc;

	buf[0] = '\0';
	if ((rc = db_prepare(db, "SELECT value FROM meta WHERE key = ?1", &st,
	    e)) != WY_OK)
		return rc;
	if ((rc = db_bind(db, st, e, "t", key)) == WY_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			snprintf(buf, size, "%s", sqlite3_column_text(st, 0));
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? WY_OK :
		    db_fail(db, rc, e, "meta");
	}
	sqlite3_finalize(st);
	return rc;
}

int
audit_append(struct session *s, const char *action, const char *entity,
    int64_t entity_id, const char *detail, struct wy_err *e)
{
	struct db *db = s->db;
	char prev[AUDIT_HEX], hash[AUDIT_HEX], at[TIMESTAMP_BUFSIZE];
	char count[24];
	int64_t id, n;
	int rc;

	if (action == NULL || *action == '\0')
		return wy_fail(e, WY_EFAIL, "audit_append: no action");
	if (sqlite3_get_autocommit(db->h))
		return wy_fail(e, WY_EFAIL,
		    "audit_append(%s): not inside a transaction", action);
	if (sodium_init() < 0)
		return wy_fail(e, WY_EFAIL, _("cannot initialise libsodium"));
	if (entity == NULL)
		entity = "";
	if (detail == NULL)
		detail = "";
	if ((rc = audit_meta(db, "audit_head", prev, sizeof prev, e)) != WY_OK ||
	    (rc = audit_meta(db, "audit_count", count, sizeof count, e)) !=
	    WY_OK ||
	    (rc = db_int64(db, &id, e,
	    "SELECT coalesce(max(id), 0) + 1 FROM audit", "")) != WY_OK)
		return rc;
	if (prev[0] == '\0')
		memcpy(prev, audit_genesis, sizeof prev);
	n = strtoll(count, NULL, 10) + 1;
	timestamp_now(at);
	audit_hash(prev, id, at, s->user, action, entity, entity_id != 0,
	    entity_id, detail, hash);
	snprintf(count, sizeof count, "%" PRId64, n);
	if (entity_id != 0)
		rc = db_run(db, e, "INSERT INTO audit (id, at, user, action, "
		    "entity, entity_id, detail, prev, hash) VALUES "
		    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", "IttttIttt", id, at,
		    s->user, action, entity, entity_id, detail, prev, hash);
	else
		rc = db_run(db, e, "INSERT INTO audit (id, at, user, action, "
		    "entity, entity_id, detail, prev, hash) VALUES "
		    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", "Ittttnttt", id, at,
		    s->user, action, entity, detail, prev, hash);
	if (rc != WY_OK ||
	    (rc = db_run(db, e, "INSERT OR REPLACE INTO meta (key, value) "
	    "VALUES ('audit_head', ?1), ('audit_count', ?2)", "tt", hash,
	    count)) != WY_OK)
		return wy_prefix(e, "audit log");
	return WY_OK;
}

/* Text of column i, "" for NULL. */
static const char *
audit_col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t != NULL ? (const char *)t : "";
}

int
audit_verify(struct db *db, struct wy_err *e)
{
	sqlite3_stmt *st;
	char expect[AUDIT_HEX], hash[AUDIT_HEX], head[AUDIT_HEX], count[24];
	int64_t id, last = 0, n = 0, want;
	int rc;

	if (sodium_init() < 0)
		return wy_fail(e, WY_EFAIL, _("cannot initialise libsodium"));
	if ((rc = audit_meta(db, "audit_head", head, sizeof head, e)) != WY_OK ||
	    (rc = audit_meta(db, "audit_count", count, sizeof count, e)) !=
	    WY_OK)
		return rc;
	want = strtoll(count, NULL, 10);
	if ((rc = db_prepare(db, "SELECT id, at, user, action, entity, "
	    "entity_id, detail, prev, hash FROM audit ORDER BY id", &st, e)) !=
	    WY_OK)
		return rc;
	memcpy(expect, audit_genesis, sizeof expect);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		n++;
		if (id == last + 2)
			rc = wy_fail(e, WY_EINVALID,
			    _("audit log: entry %" PRId64 " is missing (entry %"
			    PRId64 " follows entry %" PRId64 ")"), last + 1, id,
			    last);
		else if (id > last + 2)
			rc = wy_fail(e, WY_EINVALID,
			    _("audit log: entries %" PRId64 " to %" PRId64
			    " are missing (entry %" PRId64 " follows entry %"
			    PRId64 ")"), last + 1, id - 1, id, last);
		else if (id != last + 1)
			rc = wy_fail(e, WY_EINVALID,
			    _("audit log: entry %" PRId64 " is out of sequence "
			    "(expected entry %" PRId64 ")"), id, last + 1);
		else if (strcmp(audit_col(st, 7), expect) != 0)
			rc = wy_fail(e, WY_EINVALID,
			    _("audit log: entry %" PRId64 " does not follow the "
			    "entry before it (an entry was changed, removed or "
			    "inserted there)"), id);
		else {
			audit_hash(expect, id, audit_col(st, 1),
			    audit_col(st, 2), audit_col(st, 3), audit_col(st, 4),
			    sqlite3_column_type(st, 5) != SQLITE_NULL,
			    sqlite3_column_int64(st, 5), audit_col(st, 6), hash);
			if (strcmp(hash, audit_col(st, 8)) != 0)
				rc = wy_fail(e, WY_EINVALID,
				    _("audit log: entry %" PRId64 " has been "
				    "altered (its hash does not match its "
				    "contents)"), id);
		}
		if (rc != SQLITE_ROW) {
			sqlite3_finalize(st);
			return rc;
		}
		memcpy(expect, hash, sizeof expect);
		last = id;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, e, "audit");
	if (n < want)
		return wy_fail(e, WY_EINVALID,
		    _("audit log: %" PRId64 " entries were written but %" PRId64
		    " are there: entries are missing at the end (after entry %"
		    PRId64 ")"), want, n, last);
	if (n > want)
		return wy_fail(e, WY_EINVALID,
		    _("audit log: %" PRId64 " entries were written but %" PRId64
		    " are there: entries were added outside wuye (from entry %"
		    PRId64 " on)"), want, n, want + 1);
	if (n > 0 && strcmp(head, expect) != 0)
		return wy_fail(e, WY_EINVALID,
		    _("audit log: entry %" PRId64 " is not the last one written "
		    "(entries are missing at the end or were replaced)"), last);
	return WY_OK;
}
