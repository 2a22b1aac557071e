/* wuye: charge notices (收费通知单) and collection notices (催缴通知单).
 *
 * A charge notice of a period tells a room's payer what the period's
 * bills are (item, quantity, unit price, amount, what is paid of them),
 * what earlier periods still owe (by period), the late fees due on the
 * notice's date, the prepayment balance and the total due:
 *	total = max(0, unpaid of the period + earlier unpaid + late fees
 *	    - prepayment balance)
 * A room has a charge notice when it has a bill in the period or an unpaid
 * bill of an earlier period.  Bills of later periods are left out.
 *
 * A collection notice lists a room's bills in arrears on the date (unpaid,
 * due before the date; the rule and the late fees of `wuye arrears` and
 * the cashier, so the figures agree), with their days overdue, the late
 * fees, the same total and a pay-by date.  A room has one when its oldest
 * bill in arrears is at least min_days old.
 *
 * The text is Chinese, laid out for an 80-column printer by display
 * width, one notice per page (a form feed between notices).  The table
 * form (one row per room) has the same figures.
 */
#ifndef WUYE_NOTICE_H
#define WUYE_NOTICE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "wuye/error.h"
#include "wuye/session.h"
#include "wuye/table.h"

#define NOTICE_WIDTH 80
#define NOTICE_BY_DAYS 15	/* default pay-by: the date + 15 days */

enum notice_kind { NOTICE_CHARGE, NOTICE_COLLECTION };

struct notice_opts {
	enum notice_kind kind;
	const char *period;	/* charge: YYYY-MM, required */
	const char *date;	/* the notice's date, late fees to it; NULL: today */
	const char *by;		/* collection: pay-by date; NULL: date + NOTICE_BY_DAYS */
	int min_days;		/* collection: 0..36500 */
	const char *estate;	/* codes narrowing the rooms; NULL or "": all */
	const char *building;
	const char *room;
	/* Called after each room (may be NULL): done of total. */
	void (*progress)(void *arg, int64_t done, int64_t total);
	void *progress_arg;
};

/* A bill on a notice. */
struct notice_bill {
	char period[8];
	char item[65];
	char due_date[11];
	int64_t quantity;	/* scale 3 */
	int64_t unit_price;	/* scale 4 */
	int64_t amount;		/* the bill, fen */
	int64_t settled;	/* paid + waived */
	int64_t outstanding;	/* amount - settled */
	int64_t late_fee;	/* due on the date */
	int days;		/* days past due on the date (<= 0: not due) */
};

/* One room's notice. */
struct notice {
	enum notice_kind kind;
	int64_t room_id;
	char room[33];		/* room code */
	char place[200];	/* "estate building" names */
	char estate_phone[40];
	char estate_address[200];
	int64_t client_id;	/* the payer of the latest bill shown, else the
				 * room's payer; 0: none */
	char client[121];
	char phone[40];		/* mobile, masked without client.sensitive */
	char period[8];		/* charge: the period */
	char date[11];		/* the notice's date */
	char due[11];		/* charge: the period's due date (the earliest),
				 * or the date; collection: the pay-by date */
	/* Charge: the period's bills first (ncurrent), then the unpaid bills
	 * of earlier periods; collection: the bills in arrears.  Oldest
	 * first within each part. */
	struct notice_bill *bills;
	size_t nbills, ncurrent;
	int64_t current;	/* unpaid of the period's bills (charge) */
	int64_t carried;	/* unpaid of the earlier bills (charge);
				 * collection: every bill shown */
	int64_t late_fee;	/* late fees of every bill shown */
	int64_t prepay;		/* the client's prepayment balance */
	int64_t total;		/* max(0, current + carried + late_fee - prepay) */
	char periods[200];	/* the periods owing, "2026-08 2026-09" (cut) */
	char oldest_due[11];	/* collection: due date of the oldest bill */
	int oldest_days;	/* and its age */
	size_t index, count;	/* this is notice index + 1 of count */
};

/* Call fn for the notice of every room selected by o that has one, by
 * room code; n is valid until fn returns.  Stops when fn returns non-zero
 * and returns that.  *count (may be NULL) gets the number of notices.
 * Needs charge.read.  WY_EINVALID (message starting with the field name:
 * "period: ", "date: ", "by: ", "min-days: ", "estate: ", "building: ",
 * "room: ") for a bad period, date, pay-by date before the date, min_days,
 * or a code that names nothing.  Reads one snapshot of the database. */
int notice_each(struct session *s, const struct notice_opts *o,
    int (*fn)(void *arg, const struct notice *n), void *arg, size_t *count,
    struct wy_err *e);

/* Write the text of notice n to f (no form feed). */
void notice_write(struct session *s, const struct notice *n, FILE *f);

/* The text of every notice of o, a form feed between notices.  *out is
 * malloc'd (the caller frees it); "" when there is none. */
int notice_text(struct session *s, const struct notice_opts *o, char **out,
    size_t *count, struct wy_err *e);

/* Print the notices of o through print.command in print.encoding (one
 * run of the command for all of them).  Nothing is printed when there is
 * no notice. */
int notice_print(struct session *s, const struct notice_opts *o,
    size_t *count, struct wy_err *e);

/* Write the text of the notices of o to the file path (written beside it
 * and renamed, so a failure leaves no half-written file). */
int notice_save_text(struct session *s, const struct notice_opts *o,
    const char *path, size_t *count, struct wy_err *e);

/* The table form, one row per notice: the columns of kind (*n of them;
 * static), and the cells of notice n's row (as many; text cells point
 * into n).  Charge: room, client, phone, period, periods, bills, current,
 * carried, late_fee, prepay, total, due.  Collection: room, client,
 * phone, periods, bills, outstanding, late_fee, prepay, total,
 * oldest_due, days, pay_by.  (Types from table.h: writing the table is
 * the caller's, through a sink.) */
#define NOTICE_COLS_MAX 12
const struct sink_col *notice_columns(enum notice_kind kind, size_t *n);
void notice_cells(const struct notice *n, struct sink_cell *cells);

#endif
