/* wuye: arrears warnings (欠费预警).
 *
 * Four checks, each with a limit from the configuration (0 turns it off):
 *   arrears   rooms owing at least warn.arrears_amount yuan past due;
 *   overdue   rooms whose oldest unpaid bill is warn.arrears_days or more
 *             days past its due date;
 *   attempts  rooms still owing with warn.failed_attempts or more failed
 *             collection actions (催缴) since their last successful one;
 *   rate      estates and buildings that collected less than
 *             warn.collection_rate percent of a period's bills: paid over
 *             billed less waived (收缴率).
 * Needs charge.read.
 */
#ifndef WUYE_WARN_H
#define WUYE_WARN_H

#include <stdint.h>

#include "wuye/error.h"
#include "wuye/session.h"

struct conf;

struct warn_limits {
	int64_t arrears_amount;		/* fen; 0: off */
	int arrears_days;		/* 0: off */
	int failed_attempts;		/* 0: off */
	int collection_rate;		/* percent; 0: off */
};

/* One warning.  value and limit are in the check's unit: fen (arrears),
 * days (overdue), attempts (attempts), basis points of a percent, i.e.
 * 1/100 % (rate). */
struct warn_item {
	const char *kind;		/* "arrears" "overdue" "attempts" "rate" */
	const char *scope;		/* "room" "building" "estate" */
	char code[40];			/* room, building or estate code */
	char name[128];			/* payer's or building's/estate's name */
	int64_t value;
	int64_t limit;
};

/* The limits from the configuration (warn.*); a bad warn.arrears_amount
 * is WY_EINVALID naming the option. */
int warn_limits_conf(const struct conf *c, struct warn_limits *l,
    struct wy_err *e);

/* Call fn for each warning on date (YYYY-MM-DD, NULL: today), the rate
 * checked for period (YYYY-MM, NULL: the month before date's): rooms by
 * code (arrears, overdue, attempts), then estates and buildings by code.
 * Stops when fn returns non-zero and returns that. */
int warn_list(struct session *s, const struct warn_limits *l,
    const char *period, const char *date,
    int (*fn)(void *arg, const struct warn_item *w), void *arg,
    struct wy_err *e);

#endif
