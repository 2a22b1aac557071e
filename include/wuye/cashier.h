/* wuye: the cashier (收银): unpaid bills with late fees, payments and their
 * receipts, voids, waivers, prepayment (预存) and deposits (押金).
 *
 * Every write is one BEGIN IMMEDIATE transaction that takes the next number
 * of the cashier's receipt series (one series per user, code = user name,
 * prefix "C-<user>-", created on first use), so numbers are unique and
 * gap-free even with many cashiers at once.  Late fees are collected before
 * principal, bill by bill, oldest first (period, due date, id).  A write
 * dated in a closed period is refused with WY_ECONFLICT.
 */
#ifndef WUYE_CASHIER_H
#define WUYE_CASHIER_H

#include <stddef.h>
#include <stdint.h>

#include "wuye/error.h"
#include "wuye/session.h"

#define CASHIER_NUMBER_MAX 48	/* receipt number buffer */

/* An unpaid bill as the cashier sees it on a date. */
struct cashier_bill {
	int64_t id;
	int64_t room_id;
	int64_t client_id;		/* 0: none */
	char period[8];			/* YYYY-MM */
	char due_date[11];
	char item[65];			/* fee item name */
	int64_t amount;			/* the bill, fen */
	int64_t outstanding;		/* amount - paid - waived */
	int64_t late_fee;		/* late fee still due on the date */
	int closed;			/* its period is closed (it can still be paid) */
	int due;			/* its due date is on or before the date */
};

/* The late fee of a principal `outstanding` due on due_date (day numbers)
 * on `date`: days past due_date + late_after, times outstanding times
 * rate_ppm a day, half-up to fen, at most cap_bp basis points of `amount`.
 * A zero rate is no late fee, a zero cap no cap.  (fee_late() in fee.c
 * computes it: one rule for bills and the cashier.) */
int64_t cashier_late_fee(int64_t outstanding, int64_t amount, int32_t due,
    int late_after, int64_t rate_ppm, int64_t cap_bp, int32_t date);

/* The unpaid bills of a room (room_id > 0) or else of a client, oldest
 * first, with the late fee due on `date` (YYYY-MM-DD, NULL: today).
 * Needs charge.read.  *out (free()) gets *n bills. */
int cashier_unpaid(struct session *s, int64_t room_id, int64_t client_id,
    const char *date, struct cashier_bill **out, size_t *n,
    struct wy_err *e);

/* The client's prepayment balance in fen. */
int cashier_prepay_balance(struct session *s, int64_t client_id,
    int64_t *balance, struct wy_err *e);

/* A payment. */
struct cashier_payment {
	int64_t room_id;		/* the room paid for (0: client's bills) */
	int64_t client_id;		/* 0: the room's current payer */
	int64_t amount;			/* taken by method, fen (>= 0) */
	const char *method;		/* cash transfer card wechat alipay bank prepay */
	int64_t tendered;		/* cash handed over; < 0: not given */
	const int64_t *bills;		/* bills picked, in order; NULL: oldest first */
	size_t nbills;
	int keep_surplus;		/* what is left over becomes prepayment */
	int64_t draw;			/* at most this much drawn from prepayment */
	const char *date;		/* YYYY-MM-DD, NULL: today */
	const char *note;		/* NULL: "" */
};

/* What a payment did. */
struct cashier_receipt {
	int64_t id;
	char number[CASHIER_NUMBER_MAX];
	int64_t allocated;		/* principal paid */
	int64_t late_fees;		/* late fees paid */
	int64_t prepay_in;		/* kept as prepayment */
	int64_t prepay_out;		/* drawn from prepayment */
	int64_t change;			/* tendered - amount (cash) */
};

/* Take a payment (charge.pay) in one transaction: a receipt numbered from
 * the cashier's series, allocations (late fee then principal, bill by
 * bill), bills' paid and late_paid, prepayment moves, an audit entry.
 * A payment over what is due is WY_EINVALID unless keep_surplus (and the
 * payer is known); drawing more than the balance is WY_EINVALID; a closed
 * period is WY_ECONFLICT.  Method "prepay" takes nothing: amount is drawn
 * from the prepayment instead.  *r (may be NULL) gets the result. */
int cashier_pay(struct session *s, const struct cashier_payment *p,
    struct cashier_receipt *r, struct wy_err *e);

/* Void the receipt `number` (charge.void) with a reason: the row and its
 * number stay, voided_at/by/reason are set, its allocations are reversed
 * (bills' paid and late_paid go back) and its prepayment moves undone by
 * new ledger entries dated today.  Refused (WY_ECONFLICT) when already
 * void, when its period is closed, when the prepayment it kept has been
 * drawn since, or when a deposit it took has been refunded. */
int cashier_void(struct session *s, const char *number, const char *reason,
    struct wy_err *e);

/* Waive (减免) amount fen of a bill (charge.waive), at most what is
 * outstanding, with a reason; dated today. */
int cashier_waive(struct session *s, int64_t bill_id, int64_t amount,
    const char *reason, struct wy_err *e);

/* Take a deposit (charge.pay) of fee item fee_item_id (a deposit item) for
 * a room and client: a receipt of kind deposit and a deposits row.
 * *r (may be NULL) gets the receipt; *deposit_id (may be NULL) the row. */
int cashier_deposit_take(struct session *s, int64_t room_id,
    int64_t client_id, int64_t fee_item_id, int64_t amount,
    const char *method, const char *note, struct cashier_receipt *r,
    int64_t *deposit_id, struct wy_err *e);

/* Refund a deposit held (charge.void): a receipt of kind deposit_refund
 * paying the amount back.  Refunded already is WY_ECONFLICT. */
int cashier_deposit_refund(struct session *s, int64_t deposit_id,
    const char *method, const char *note, struct cashier_receipt *r,
    struct wy_err *e);

/* Refund (退款) amount fen of the client's prepayment balance (charge.void)
 * with a reason: a receipt of kind refund paying it out by method (not
 * prepay), for room_id (0: none), and a ledger entry taking it off the
 * balance, audit-logged, in one transaction dated today.  More than the
 * balance is WY_EINVALID.  Voiding the refund puts the balance back. */
int cashier_refund(struct session *s, int64_t client_id, int64_t room_id,
    int64_t amount, const char *method, const char *reason,
    struct cashier_receipt *r, struct wy_err *e);

/* Whom a refund goes to, as the refund screen finds them. */
struct cashier_refundee {
	int64_t client_id;
	int64_t room_id;		/* 0: no room named */
	char client[64];		/* the client's code */
	char name[128];			/* ... and name */
	char room[64];			/* the room's code, or "" */
	int64_t balance;		/* the prepayment balance, fen */
};

/* Find whom a refund goes to (charge.read) from what was typed: a room's
 * code (the room and its payer today), else a client's code or mobile
 * number.  WY_ENOTFOUND names what was typed, or the room without a
 * payer. */
int cashier_refundee(struct session *s, const char *text,
    struct cashier_refundee *out, struct wy_err *e);

/* One deposit as the refund dialog shows it (charge.read). */
struct cashier_deposit {
	int64_t id;
	char room[64];			/* the room's code, or "" */
	char client[64];		/* the client's code */
	char name[128];			/* ... and name */
	char item[128];			/* the fee item's name */
	int64_t amount;			/* fen */
	char receipt[64];		/* the receipt that took it */
	char taken_on[16];		/* its date */
	int held;			/* 1: held, 0: refunded or voided */
};

/* Deposit id into *out; WY_ENOTFOUND if there is none. */
int cashier_deposit_get(struct session *s, int64_t id,
    struct cashier_deposit *out, struct wy_err *e);

#endif
