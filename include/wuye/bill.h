/* wuye: the bill run (收费数据计算).
 *
 * For every room with a standard in force in the period (start_period <=
 * period and end_period open or >= period; of several, the latest start),
 * the bill of fee.h is computed and inserted unless the room already has a
 * bill of that item in that period, so a second run adds nothing.  The
 * bill goes to the room's payer on the last day of the period.  Metered
 * and tiered items bill the sum of the usage of the room's meters of the
 * item's type in the period plus the room's share of shared meters (公摊)
 * of its building and estate (meter.h); a room with no reading at all is
 * skipped and counted as a missing reading.
 *
 * A shared meter's amount for an item is its usage at the item's price
 * (fee_shared_amount), rounded once; that amount is split among the rooms
 * by the meter's weights (charge area, or 1 each) by largest remainder
 * (meter_split): each room gets its exact share rounded down to the fen,
 * and the fen left over go one each to the rooms with the largest
 * remainders, ties to the earlier room code.  So the rooms' parts add up
 * to the meter's amount to the fen, and none is a fen or more from its
 * exact share.  The part is added to the room's bill of the item as it
 * is (its usage to the quantity, its money to the amount): a room's own
 * price and discounts apply to its own meters only.  A share that falls
 * on a room with no standard of the item is not billed and is counted.
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
#include "wuye/meter.h"
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
	int64_t missing_rooms;	/* rooms with a bill skipped for want of a reading */
	int64_t unbilled_shares;	/* shared-meter parts on rooms without the item */
	int64_t unbilled_amount;	/* fen of them */
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

/* A room's meter that has no reading in a period it is billed for. */
struct bill_unread {
	char meter[33];
	char room[33];
	char type[16];
};

/* The meters of rooms (of one estate, or all: NULL) that a metered item
 * bills in period and that have no reading in it, in room code order:
 * *v malloc'd (free it), *n of them, in *rooms rooms.  Needs meter.read. */
int bill_unread(struct session *s, const char *period, const char *estate,
    struct bill_unread **v, size_t *n, int64_t *rooms, struct wy_err *e);

/* A shared meter's split as the bill run bills it: the usage parts, and
 * per active fee item of its type the meter's amount (items[k].total)
 * and each room's money part (amounts[k * a.n + i]). */
struct bill_split {
	struct meter_apport a;
	struct bill_item_total *items;	/* code, name, total: the amount */
	size_t nitems;
	int64_t *amounts;
};

/* The split of shared meter meter_id in period (bill_split_free).  Needs
 * charge.read and meter.read. */
int bill_split(struct session *s, int64_t meter_id, const char *period,
    struct bill_split *b, struct wy_err *e);

void bill_split_free(struct bill_split *b);

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
