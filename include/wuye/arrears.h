/* wuye: arrears (欠费): what rooms or clients owe past the due date, with
 * late fees to a date and aging buckets.
 *
 * A bill is in arrears on a date when something of it is unpaid (amount -
 * paid - waived > 0) and its due date is before that date; its age is the
 * days since the due date (1 on the day after).  The late fee is the one
 * the cashier would collect on that date (fee_late less what was paid of
 * it).  A room (or client) is listed when its oldest bill in arrears is at
 * least min_days old; all its bills in arrears are then counted.  The
 * bills are read through the partial index bills_unpaid, so the list costs
 * what is unpaid, not what was ever billed.
 */
#ifndef WUYE_ARREARS_H
#define WUYE_ARREARS_H

#include <stddef.h>
#include <stdint.h>

#include "wuye/error.h"
#include "wuye/session.h"

/* Aging buckets, by days past due: 0-30, 31-90, 91-180, 181-365, >365. */
enum arrears_bucket {
	ARREARS_30, ARREARS_90, ARREARS_180, ARREARS_365, ARREARS_OVER,
	ARREARS_BUCKETS
};

struct arrears_opts {
	const char *date;	/* YYYY-MM-DD; NULL: today */
	const char *estate;	/* estate code; NULL: all */
	int min_days;		/* 0..36500 */
	int by_client;		/* one row per client instead of per room */
};

/* One room's (or client's) arrears. */
struct arrears_row {
	int64_t room_id;	/* by room; by client: its first room */
	char room[65];		/* room code; by client: first room code */
	int64_t client_id;	/* the payer of the latest bill; 0: none */
	char client[121];	/* its name, "" when none */
	char phone[40];		/* mobile, masked without client.sensitive */
	int64_t bills;		/* bills in arrears */
	int64_t outstanding;	/* principal still owed, fen */
	int64_t late_fee;	/* late fees due on the date, fen */
	char oldest_due[11];	/* due date of the oldest bill in arrears */
	int oldest_days;	/* its age in days */
	int64_t bucket[ARREARS_BUCKETS];	/* outstanding by age */
	int64_t rows;		/* in the total only: rows listed */
};

/* The bucket of an age in days (0 and less: ARREARS_30). */
enum arrears_bucket arrears_bucket_of(int days);

/* The label of bucket b ("0-30", ..., ">365"). */
const char *arrears_bucket_label(enum arrears_bucket b);

/* Call fn for each room (or client) in arrears per o, by room code (or
 * client code), then fill *total (may be NULL): bills, outstanding,
 * late_fee and buckets summed, oldest_due/oldest_days of the oldest,
 * rows the number of rows listed.  Stops when fn returns
 * non-zero and returns that.  Needs charge.read.  WY_EINVALID for a bad
 * date or min_days, WY_ENOTFOUND for an unknown estate. */
int arrears_list(struct session *s, const struct arrears_opts *o,
    int (*fn)(void *arg, const struct arrears_row *r), void *arg,
    struct arrears_row *total, struct wy_err *e);

/* The SQL arrears_list reads the bills with (for EXPLAIN QUERY PLAN in the
 * tests: it must use bills_unpaid). */
const char *arrears_query(void);

#endif
