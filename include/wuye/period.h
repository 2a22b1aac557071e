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

#include <stddef.h>
#include <stdint.h>

#include "wuye/error.h"
#include "wuye/session.h"

struct db;

#define PERIOD_DIGEST_HEX 65	/* 64 hex digits and NUL */

/* A period's money, in two blocks that each add up on their face.
 *
 * The period's bills (by the period billed), as they are now:
 *   receivable - paid_before - paid_in - paid_after - bills_waived
 *     = outstanding
 * The payments dated in the period (receipts not voided), by where their
 * money went:
 *   on_period + on_earlier + on_later + late_fees + prepay_in - prepay_out
 *     = taken
 * where on_period = paid_in.  Deposits, refunds, voided receipts and the
 * waivers made in the period are shown beside them.  Close keeps
 * receivable, received (= on_* + late_fees), waived (the waivers dated in
 * the period) and outstanding, the first three of which never change
 * after; `wuye check` compares them. */
struct period_totals {
	int64_t receivable;	/* sum of the period's bills */
	int64_t paid_before;	/* paid of them by receipts dated earlier */
	int64_t paid_in;	/* ... dated in the period */
	int64_t paid_after;	/* ... dated later */
	int64_t bills_waived;	/* waived of them, whenever */
	int64_t outstanding;	/* what its bills still lack */
	int64_t on_period;	/* principal the period's payments paid of its bills */
	int64_t on_earlier;	/* ... of earlier periods' bills (arrears) */
	int64_t on_later;	/* ... of later periods' bills */
	int64_t late_fees;	/* late fees (滞纳金) collected */
	int64_t prepay_in;	/* surplus kept as prepayment (预存) */
	int64_t prepay_out;	/* drawn from prepayment */
	int64_t taken;		/* payments taken (cash, card, ...) */
	int64_t received;	/* on_period + on_earlier + on_later + late_fees */
	int64_t waived;		/* waivers dated in the period, of any bill */
	int64_t deposits_in;	/* deposits (押金) taken */
	int64_t deposits_out;	/* deposits refunded */
	int64_t refunds;	/* prepayment paid back (退款) */
	int64_t voids;		/* receipts of the period voided (not counted) */
	int64_t voided;		/* their amount */
};

/* One line of the totals as shown: a key for scripts, a label, the
 * amount, whether it is taken away (shown "- ") or is a block's result
 * (shown "= "), and whether it is beside the blocks (not added). */
struct period_line {
	const char *key;	/* receivable, paid_before, ... */
	const char *label;	/* N_() text: translate it */
	int64_t amount;		/* fen, or a count (voids) */
	char op;		/* ' ' first, '+', '-', '=' or 0: beside */
	int count;		/* amount is a count */
};

#define PERIOD_LINES 20

/* The lines of t in the order shown (two blocks, then beside them); the
 * number of lines, at most PERIOD_LINES. */
size_t period_lines(const struct period_totals *t, struct period_line *v);

/* The totals of period (YYYY-MM) as they are now. */
int period_totals(struct db *db, const char *period, struct period_totals *t,
    struct wy_err *e);

/* period_totals for a user: needs charge.read; WY_EINVALID for a
 * malformed period. */
int period_show(struct session *s, const char *period,
    struct period_totals *t, struct wy_err *e);

/* The oldest open period before the current month with money rows, else
 * the month before the current one, into buf (PERIOD_BUFSIZE): the one a
 * close should offer. */
int period_to_close(struct db *db, char *buf, struct wy_err *e);

/* The SHA-256 (hex) of the period's bills, receipts, allocations, waivers,
 * prepayment entries and meter readings, each table in id order. */
int period_digest(struct db *db, const char *period, char *hex,
    struct wy_err *e);

/* WY_OK if period could be closed now; else WY_ECONFLICT saying why
 * (closed already: when and by whom; not ended yet: from when; an earlier
 * period still open) or WY_EINVALID for a malformed period.  Writes
 * nothing: the close's preview asks it first. */
int period_can_close(struct db *db, const char *period, struct wy_err *e);

/* Close period (charge.close) in one transaction: totals, digest,
 * closed_at/by, an audit entry.  *t (may be NULL) gets the totals.
 * Closed already, not ended yet or an earlier period still open is
 * WY_ECONFLICT; a malformed period WY_EINVALID. */
int period_close(struct session *s, const char *period,
    struct period_totals *t, struct wy_err *e);

#endif
