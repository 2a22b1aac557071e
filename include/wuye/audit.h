/* wuye: the audit log.
 *
 * Append-only (triggers refuse UPDATE and DELETE) and hash-chained: each
 * entry stores the SHA-256 (libsodium) of the previous entry's hash and its
 * own fields, and meta keeps the count and last hash, so an edited, deleted,
 * inserted or truncated entry is found by audit_verify().
 */
#ifndef WUYE_AUDIT_H
#define WUYE_AUDIT_H

#include <stdint.h>

#include "wuye/error.h"
#include "wuye/session.h"

/* Append an entry by s's user inside the caller's transaction.  action is
 * "module.verb" ("user.add"), entity a table name or "", entity_id 0 for
 * none, detail free text. */
int audit_append(struct session *s, const char *action, const char *entity,
    int64_t entity_id, const char *detail, struct wy_err *e);

/* Recompute the chain.  WY_OK if intact; otherwise WY_EINVALID with a
 * message naming the first bad entry. */
int audit_verify(struct db *db, struct wy_err *e);

#endif
