/* wuye: the calculation of one bill (收费计算) and of late fees.
 *
 * Pure arithmetic, no database: the bill run (bill.h) loads the fee item,
 * the room's standard, the room and its usage, and calls fee_calc().
 * Units: money fen, unit prices scale 4 (1/10000 yuan), quantities scale 3,
 * areas scale 2 (as in rooms), discounts and caps basis points (10000 =
 * 100 %), late rates parts per million a day.
 *
 * Choices made here:
 * - The product quantity x unit price and the discounts are carried
 *   exactly (128-bit, scale 7 and finer) and rounded ONCE, half-up, to
 *   the item's rounding (fen, jiao or yuan).  The discount in fen is the
 *   gross amount (rounded the same way) less the amount.
 * - A standard's discount and the vacant discount (when the room's state
 *   is vacant) compound: net = gross x (1 - d) x (1 - vd).
 * - The unit price is per cycle: a quarterly item bills its price once, in
 *   the first month of each quarter (01, 04, 07, 10); a yearly one in
 *   January; an item of cycle or method oneoff only in the standard's
 *   start period.  Nothing is multiplied by 3 or 12.
 * - Parking: the standard's unit price if set, else the space's fee_price
 *   (fen a cycle), else the item's price; quantity 1 (or the standard's).
 * - Tiered: the standard's price override is ignored; the bill's unit
 *   price is the average, gross / usage at scale 4, half-up.
 * - Late fees: none while the rate is 0; a cap of 0 means no cap.
 */
#ifndef WUYE_FEE_H
#define WUYE_FEE_H

#include <stddef.h>
#include <stdint.h>

#include "wuye/error.h"

enum fee_method {
	FEE_FIXED, FEE_AREA, FEE_METERED, FEE_TIERED, FEE_PARKING, FEE_ONEOFF,
};

enum fee_cycle {
	FEE_MONTHLY, FEE_QUARTERLY, FEE_YEARLY, FEE_CYCLE_ONEOFF,
};

enum fee_rounding {
	FEE_ROUND_FEN, FEE_ROUND_JIAO, FEE_ROUND_YUAN,
};

#define FEE_TIERS_MAX 16

/* A tier: usage up to `upto` (scale 3; FEE_REST for the rest) at a price. */
#define FEE_REST INT64_MAX
struct fee_tier {
	int64_t upto;
	int64_t unit_price;	/* scale 4 */
};

struct fee_item {
	int64_t id;
	enum fee_method method;
	enum fee_cycle cycle;
	enum fee_rounding rounding;
	int64_t unit_price;	/* scale 4 */
	int due_day;		/* 1-28 */
	int late_after;		/* days after the due date */
	int64_t late_rate;	/* ppm a day */
	int64_t late_cap;	/* basis points of the bill; 0: no cap */
	struct fee_tier tiers[FEE_TIERS_MAX];	/* sorted by upto */
	size_t ntiers;
};

/* A room's standard for the item; -1 where it does not override. */
struct fee_standard {
	int64_t unit_price;	/* scale 4, or -1 */
	int64_t quantity;	/* scale 3, or -1 */
	int64_t discount;	/* basis points */
	int64_t vacant_discount;	/* basis points, when the room is vacant */
	int start_period;	/* period number (date.h) */
};

/* What the calculation needs of the room and the period. */
struct fee_input {
	int period;		/* period number being billed */
	int64_t charge_area;	/* scale 2 (1/100 m2) as in rooms */
	int vacant;		/* the room's state is vacant */
	int64_t usage;		/* metered usage, scale 3 */
	int64_t space_price;	/* parking: the space's fee_price in fen, or -1 */
};

struct fee_result {
	int billed;		/* 0: nothing to bill this period (cycle) */
	int64_t quantity;	/* scale 3 */
	int64_t unit_price;	/* scale 4 */
	int64_t discount;	/* fen off the gross amount */
	int64_t amount;		/* fen */
};

/* Parse the text codes of the schema ("area", "quarterly", "jiao");
 * WY_EINVALID naming the text if unknown. */
int fee_method_parse(const char *s, enum fee_method *out, struct wy_err *e);
int fee_cycle_parse(const char *s, enum fee_cycle *out, struct wy_err *e);
int fee_rounding_parse(const char *s, enum fee_rounding *out,
    struct wy_err *e);

/* 1 if an item of this cycle and method bills in period p for a standard
 * starting in start. */
int fee_bills_in(const struct fee_item *it, int period, int start);

/* Compute one bill.  WY_EINVALID if the amount would pass MONEY_MAX or a
 * tiered item has no tiers. */
int fee_calc(const struct fee_item *it, const struct fee_standard *std,
    const struct fee_input *in, struct fee_result *out, struct wy_err *e);

/* The amount (fen) of `usage` (scale 3) of a shared meter (公摊) under
 * metered item it: usage x the item's unit price (a tiered item's first
 * tier: tiers are a household's, not a building's), rounded the item's way
 * once, with no room's override or discount.  The rooms' money parts are
 * split from it (meter_split), so they add up to it to the fen. */
int fee_shared_amount(const struct fee_item *it, int64_t usage,
    int64_t *amount, struct wy_err *e);

/* The due date (day number) of a bill of period p: the item's due day of
 * the period's month. */
int32_t fee_due_date(const struct fee_item *it, int period);

/* The late fee (fen) on `outstanding` fen of a bill of `amount` fen due on
 * `due`, as at day `on`: days late = on - (due + late_after), fee =
 * outstanding x late_rate ppm x days late, half-up to fen, at most
 * late_cap basis points of amount (half-up).  0 when not late. */
int64_t fee_late(const struct fee_item *it, int64_t amount,
    int64_t outstanding, int32_t due, int32_t on);

#endif
