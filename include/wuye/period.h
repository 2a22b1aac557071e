/* wuye: accounting periods (结账): closing a month.
 *
 * Closing a period keeps its totals and a SHA-256 digest of its money rows
 * in the periods row; from then on the triggers in schema/005 refuse every
 * write dated in it, and `wuye check` recomputes totals and digest.
 * Periods close in order: one with an earlier period still open (that has
 * any money rows) is refused, as is one that has not ended yet.
 */
#ifndef WUYE_PERIOD_H
#define WUYE_PERIOD_H

#include <stdint.h>

#include "wuye/error.h"
#include "wuye/session.h"

struct db;

#define PERIOD_DIGEST_HEX 65	/* 64 hex digits and NUL */

struct period_totals {
	int64_t receivable;	/* sum of the period's bills */
	int64_t received;	/* live allocations (principal + late fee)
				 * of receipts dated in it */
	int64_t waived;		/* waivers dated in it */
	int64_t outstanding;	/* what its bills still lack */
};

/* The totals of period (YYYY-MM) as they are now. */
int period_totals(struct db *db, const char *period, struct period_totals *t,
    struct wy_err *e);

/* The SHA-256 (hex) of the period's bills, receipts, allocations, waivers,
 * prepayment entries and meter readings, each table in id order. */
int period_digest(struct db *db, const char *period, char *hex,
    struct wy_err *e);

/* Close period (charge.close) in one transaction: totals, digest,
 * closed_at/by, an audit entry.  *t (may be NULL) gets the totals.
 * Closed already, not ended yet or an earlier period still open is
 * WY_ECONFLICT; a malformed period WY_EINVALID. */
int period_close(struct session *s, const char *period,
    struct period_totals *t, struct wy_err *e);

#endif
