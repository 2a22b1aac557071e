/* wuye: meters and readings (抄表).
 *
 * Readings are scale 3 (1/1000 of a unit).  A dial shows 0 to dial_max, its
 * highest reading, and wraps to 0 (翻零) at the next whole reading after it
 * (a dial of 9999 wraps at 10000, one of 9999.9 or 9999.999 at 10000 too):
 * a reading below the previous one means the dial rolled over, and the raw
 * usage is wrap - previous + reading.
 * Usage is the raw usage times the meter's multiplier (倍率).
 *
 * Replacement (换表): the old meter's final reading closes its usage in
 * the period and the new meter (replaces = the old one) starts at its
 * initial reading; a room's usage in a period is the sum over its meters
 * of the type, so both parts are billed.
 *
 * Warnings are not errors: a screen shows them before the bill run, the
 * reading is kept.
 */
#ifndef WUYE_METER_H
#define WUYE_METER_H

#include <stddef.h>
#include <stdint.h>

#include "wuye/error.h"
#include "wuye/session.h"

enum meter_warn {
	METER_WARN_TYPO = 1 << 0,	/* looks like a roll-over past more than
					 * half the dial: more likely a typo */
	METER_WARN_HIGH = 1 << 1,	/* over 3x the average of the last 6 periods */
};

struct meter_calc {
	int64_t previous;	/* scale 3 */
	int64_t usage;		/* scale 3, multiplied */
	int rolled;		/* the dial rolled over */
	unsigned warn;		/* enum meter_warn bits */
	int64_t average;	/* usage average of the last 6 periods (0: none) */
};

/* Where a dial whose highest reading is dial_max (scale 3) wraps to 0: the
 * next whole reading after it. */
int64_t meter_wrap(int64_t dial_max);

/* Usage from previous to reading on a dial of dial_max with multiplier:
 * fills usage, rolled and METER_WARN_TYPO in c.  WY_EINVALID when a
 * reading passes dial_max or the usage overflows. */
int meter_usage(int64_t previous, int64_t reading, int64_t dial_max,
    int64_t multiplier, struct meter_calc *c, struct wy_err *e);

/* A reading of meter_id in period (YYYY-MM): previous (the meter's last
 * reading before the period, else its initial), usage, rolled and all the
 * warnings.  WY_ENOTFOUND for an unknown meter. */
int meter_reading_calc(struct session *s, int64_t meter_id,
    const char *period, int64_t reading, struct meter_calc *c,
    struct wy_err *e);

/* Call fn for each reading of period (YYYY-MM) that has a warning, by
 * meter code, with the reading's id, the meter's code and the figures as
 * meter_reading_calc gives them (for the screen shown before a bill run).
 * Stops when fn returns non-zero and returns that.  Needs meter.read. */
int meter_warnings(struct session *s, const char *period,
    int (*fn)(void *arg, int64_t reading_id, const char *meter,
    const struct meter_calc *c), void *arg, struct wy_err *e);

/* Text of the warnings in w ("" when none), in the language in use. */
const char *meter_warn_text(unsigned w, char *buf, size_t size);

/* Replace meter old_id (换表) in period: its final reading is recorded,
 * it is marked removed on date (YYYY-MM-DD), and a new meter `code`
 * (same type, place, multiplier and dial) starts at `initial`; *new_id
 * gets it.  One transaction, audit-logged.  Needs meter.write. */
int meter_replace(struct session *s, int64_t old_id, const char *period,
    int64_t final_reading, const char *date, const char *code,
    int64_t initial, int64_t *new_id, struct wy_err *e);

/* Split total into n parts proportional to weights (all >= 0; all zero:
 * equally) by largest remainder, so the parts sum exactly to total; ties
 * go to the earlier part. */
void meter_split(int64_t total, const int64_t *weights, size_t n,
    int64_t *parts);

/* A room's part of a shared meter's usage. */
struct meter_share {
	int64_t room_id;
	char room[33];		/* the room's code */
	int64_t weight;		/* charge area (scale 2), or 1 when equal */
	int64_t usage;		/* scale 3 */
};

/* The split of one shared meter's reading. */
struct meter_apport {
	char type[16];		/* water, electricity or gas */
	int equal;		/* split equally, else by charge area */
	int64_t usage;		/* the period's usage, scale 3 (0: no reading) */
	struct meter_share *shares;	/* in room code order; malloc'd */
	size_t n;
};

/* The split of shared meter meter_id's usage in period among the rooms of
 * its building or estate (by charge area or equally, per the meter's
 * apportion), in room code order; the parts sum exactly to the reading's
 * usage.  Free with meter_apport_free.  WY_EINVALID for a room's own
 * meter.  Needs meter.read. */
int meter_apportion(struct session *s, int64_t meter_id, const char *period,
    struct meter_apport *a, struct wy_err *e);

/* meter_apportion without the permission check, for the domain's own
 * callers (the bill run). */
int meter_apportion_of(struct session *s, int64_t meter_id,
    const char *period, struct meter_apport *a, struct wy_err *e);

void meter_apport_free(struct meter_apport *a);

#endif
