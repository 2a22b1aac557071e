/* wuye: what cashier.c shares with deposit.c (not a public API). */
#ifndef WUYE_CASHIER_INT_H
#define WUYE_CASHIER_INT_H

#include <stdint.h>

#include "wuye/cashier.h"

struct db;

/* A receipt to write. */
struct cashier_rec {
	const char *kind;
	const char *date;
	const char *period;
	int64_t room_id;		/* 0: NULL */
	int64_t client_id;		/* 0: NULL */
	const char *method;
	int64_t amount;
	int64_t tendered;		/* < 0: NULL */
	int64_t prepay_in;
	int64_t prepay_out;
	const char *note;
};

/* 1 if m is a payment method. */
int cashier_method_ok(const char *m);

/* Turn the closed-period trigger's constraint error into WY_ECONFLICT. */
int cashier_conflict(int rc, struct wy_err *e);

/* End a write's transaction: commit when rc is WY_OK; else, or when the
 * commit fails, roll back, clear *r (may be NULL) and return the status
 * (the closed-period trigger's refusal as WY_ECONFLICT). */
int cashier_end(struct session *s, int rc, struct cashier_receipt *r,
    struct wy_err *e);

/* WY_ECONFLICT if period (YYYY-MM) is closed. */
int cashier_open_period(struct db *db, const char *period, struct wy_err *e);

/* Resolve date (NULL: today) into buf (DATE_BUFSIZE), its period into
 * pbuf (PERIOD_BUFSIZE) and *day (may be NULL). */
int cashier_date(const char *date, char *buf, char *pbuf, int32_t *day,
    struct wy_err *e);

/* Number (from the user's series) and insert a receipt inside the
 * caller's transaction; fills out. */
int cashier_receipt_new(struct session *s, const struct cashier_rec *r,
    struct cashier_receipt *out, struct wy_err *e);

/* Append a prepayment ledger entry of amount fen (nothing when 0) for
 * receipt rid, inside the caller's transaction. */
int cashier_ledger(struct session *s, int64_t client, int64_t amount,
    int64_t rid, const char *date, const char *period, struct wy_err *e);

/* The room's payer on date (YYYY-MM-DD), else 0. */
int64_t cashier_payer(struct db *db, int64_t room_id, const char *date);

/* cashier_pay inside the caller's transaction (no BEGIN or COMMIT): the
 * same checks, receipt and audit entry; on failure the caller rolls back. */
int cashier_pay_intx(struct session *s, const struct cashier_payment *p,
    struct cashier_receipt *r, struct wy_err *e);

#endif
