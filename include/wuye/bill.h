/* wuye: the bill run (收费数据计算).
 *
 * For every room with a standard in force in the period (start_period <=
 * period and end_period open or >= period; of several, the latest start),
 * the bill of fee.h is computed and inserted unless the room already has a
 * bill of that item in that period, so a second run adds nothing.  The
 * bill goes to the room's payer on the last day of the period.  Metered
 * and tiered items bill the sum of the usage of the room's meters of the
 * item's type in the period plus the room's share of shared meters of its
 * building and estate (meter.h); a room with no reading at all is skipped
 * and counted as a missing reading.
 *
 * Each estate is billed in its own transaction (BEGIN IMMEDIATE) with a
 * bill_runs row and an audit entry; an estate with nothing new to bill
 * leaves no trace.  With bill.draw_prepayment (the default), every payer
 * of a new bill who has a prepayment balance then pays what they owe from
 * it, as a receipt of method "prepay" dated today in the same transaction
 * (the runner needs charge.pay too).  A failure rolls back the estate at fault (estates
 * billed before it stay billed) and stops the run.
 */
#ifndef WUYE_BILL_H
#define WUYE_BILL_H

#include <stddef.h>
#include <stdint.h>

#include "wuye/error.h"
#include "wuye/session.h"

/* The bills of one fee item made by a run. */
struct bill_item_total {
	int64_t fee_item_id;
	char code[33];
	char name[121];
	int64_t bills;		/* bills made (or that would be, in a preview) */
	int64_t total;		/* fen */
	int64_t missing;	/* rooms skipped for want of a reading */
};

struct bill_result {
	struct bill_item_total *items;	/* by item code; malloc'd */
	size_t nitems;
	int64_t bills;
	int64_t total;		/* fen */
	int64_t missing;
	int64_t existing;	/* bills the period already had (not redone) */
	int64_t runs;		/* bill_runs rows written */
	int64_t draws;		/* payers paid from prepayment (receipts) */
	int64_t drawn;		/* fen drawn from prepayment */
};

/* Called now and then with the standards looked at and how many there are. */
typedef void (*bill_progress_fn)(void *arg, int64_t done, int64_t total);

enum bill_flags {
	BILL_PREVIEW = 1 << 0,	/* count and total only; nothing is written */
	BILL_NO_DRAW = 1 << 1,	/* draw on no prepayment (the demo pays itself) */
};

/* Bill period (YYYY-MM) for one estate (its code) or all (NULL), as flags
 * (enum bill_flags) say.  Needs charge.bill.  WY_EINVALID for a bad
 * period, WY_ENOTFOUND for an unknown estate, WY_ECONFLICT for a closed
 * period (refused before anything is read or written).  *r is filled
 * (free with bill_result_free) even on failure. */
int bill_run(struct session *s, const char *period, const char *estate,
    unsigned flags, bill_progress_fn progress, void *arg,
    struct bill_result *r, struct wy_err *e);

void bill_result_free(struct bill_result *r);

struct fee_item;

/* Give every room of a building (building_id) or of an estate (estate_id;
 * the other 0) a standard of fee item item_id from period `from` to `to`
 * (NULL: open), without overrides; a room that already has a standard of
 * the item starting in `from` keeps it.  *added gets the number added.  One
 * transaction, audit-logged.  Needs charge.setup. */
int bill_assign_standard(struct session *s, int64_t item_id,
    int64_t building_id, int64_t estate_id, const char *from, const char *to,
    int64_t *added, struct wy_err *e);

/* Read fee item id with its tiers into *it.  WY_ENOTFOUND if there is
 * none. */
int bill_fee_item(struct session *s, int64_t id, struct fee_item *it,
    struct wy_err *e);

/* The late fee (fen) of bill id as at day `on` (fee_late of its item on
 * what is still unpaid: amount - paid - waived).  Needs charge.read. */
int bill_late_fee(struct session *s, int64_t bill_id, int32_t on,
    int64_t *fee, struct wy_err *e);

#endif
