/* wuye: the cashier: unpaid bills and late fees, payments, voids, waivers,
 * prepayment and deposits (see cashier.h for the rules).
 *
 * Allocation order: bill by bill, oldest first (period, due date, id), or
 * in the order the cashier picked them; within a bill the late fee first,
 * then the principal (so a partial payment never leaves a late fee behind
 * a paid principal).  The late fee still due is the fee on the outstanding
 * principal to the payment date less what was collected before.  Bills of
 * a closed period are paid like any other: the payment and its
 * allocations are dated in an open period, and the closed period's bill
 * changes only in what is paid of it (schema 006).  Deposits are in
 * deposit.c.
 */
#include "wuye/cashier.h"
#include "wuye/cashier_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/audit.h"
#include "wuye/auth.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/fee.h"
#include "wuye/i18n.h"
#include "wuye/money.h"
#include "wuye/cashier_series.h"
#include "wuye/text.h"

/* The first column of the first row of the cached statement st in *out
 * (WY_ENOTFOUND without a row); resets st. */
static int
cashier_one(struct db *db, sqlite3_stmt *st, int64_t *out, struct wy_err *e)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = WY_OK;
	} else if (rc == SQLITE_DONE)
		rc = wy_fail(e, WY_ENOTFOUND, "not found");
	else
		rc = db_fail(db, rc, e, "database");
	sqlite3_reset(st);
	return rc;
}

static const char *const cashier_methods[] = {
	"cash", "transfer", "card", "wechat", "alipay", "bank", "prepay", NULL,
};

/* 1 if m is a payment method. */
int
cashier_method_ok(const char *m)
{
	size_t i;

	for (i = 0; m != NULL && cashier_methods[i] != NULL; i++)
		if (strcmp(m, cashier_methods[i]) == 0)
			return 1;
	return 0;
}

/* Turn the closed-period trigger's constraint error into a conflict. */
int
cashier_conflict(int rc, struct wy_err *e)
{
	char msg[WY_ERR_MSG_MAX];

	if (rc == WY_EINVALID && e != NULL &&
	    strstr(e->msg, "the period is closed") != NULL) {
		snprintf(msg, sizeof msg, "%s", e->msg);
		return wy_fail(e, WY_ECONFLICT, _("%s: a closed period is "
		    "read-only"), msg);
	}
	return rc;
}

/* WY_ECONFLICT if period is closed. */
int
cashier_end(struct session *s, int rc, struct cashier_receipt *r,
    struct wy_err *e)
{
	if (rc == WY_OK && (rc = db_commit(s->db, e)) == WY_OK)
		return WY_OK;
	db_rollback(s->db);
	if (r != NULL)
		memset(r, 0, sizeof *r);
	return cashier_conflict(rc, e);
}

int
cashier_open_period(struct db *db, const char *period, struct wy_err *e)
{
	sqlite3_stmt *st;
	int64_t one;
	int rc;

	if ((rc = db_cached(db, "SELECT 1 FROM periods WHERE period = ?"
	    " AND closed_at IS NOT NULL", &st, e)) != WY_OK ||
	    (rc = db_bind(db, st, e, "t", period)) != WY_OK)
		return rc;
	rc = cashier_one(db, st, &one, e);
	if (rc == WY_OK)
		return wy_fail(e, WY_ECONFLICT, _("period %s is closed: nothing "
		    "dated in it can be written"), period);
	return rc == WY_ENOTFOUND ? WY_OK : rc;
}

/* Resolve date (NULL: today) into buf and its period into pbuf. */
int
cashier_date(const char *date, char *buf, char *pbuf, int32_t *day,
    struct wy_err *e)
{
	int32_t d;
	int rc;

	if (date == NULL)
		d = date_today();
	else if ((rc = date_parse(date, &d, e)) != WY_OK)
		return rc;
	date_format(d, buf);
	period_format(period_of_date(d), pbuf);
	if (day != NULL)
		*day = d;
	return WY_OK;
}

int64_t
cashier_late_fee(int64_t outstanding, int64_t amount, int32_t due,
    int late_after, int64_t rate_ppm, int64_t cap_bp, int32_t date)
{
	struct fee_item it = { .late_after = late_after,
	    .late_rate = rate_ppm, .late_cap = cap_bp };

	return fee_late(&it, amount, outstanding, due, date);
}

#define CASHIER_BILL_SQL						\
	"SELECT b.id, b.room_id, coalesce(b.client_id, 0), b.period,"	\
	" b.due_date, f.name, b.amount, b.amount - b.paid - b.waived,"	\
	" b.late_paid, f.late_after, f.late_rate, f.late_cap,"		\
	" EXISTS (SELECT 1 FROM periods p WHERE p.period = b.period"	\
	" AND p.closed_at IS NOT NULL)"					\
	" FROM bills b JOIN fee_items f ON f.id = b.fee_item_id"

/* Fill b from a row of CASHIER_BILL_SQL with the late fee on day. */
static void
cashier_bill_row(sqlite3_stmt *st, int32_t day, struct cashier_bill *b)
{
	const char *t;
	int32_t due;

	memset(b, 0, sizeof *b);
	b->id = sqlite3_column_int64(st, 0);
	b->room_id = sqlite3_column_int64(st, 1);
	b->client_id = sqlite3_column_int64(st, 2);
	t = (const char *)sqlite3_column_text(st, 3);
	snprintf(b->period, sizeof b->period, "%s", t != NULL ? t : "");
	t = (const char *)sqlite3_column_text(st, 4);
	snprintf(b->due_date, sizeof b->due_date, "%s", t != NULL ? t : "");
	t = (const char *)sqlite3_column_text(st, 5);
	snprintf(b->item, sizeof b->item, "%s", t != NULL ? t : "");
	b->amount = sqlite3_column_int64(st, 6);
	b->outstanding = sqlite3_column_int64(st, 7);
	if (date_parse(b->due_date, &due, NULL) == WY_OK) {
		b->due = due <= day;
		b->late_fee = cashier_late_fee(b->outstanding, b->amount, due,
		    sqlite3_column_int(st, 9), sqlite3_column_int64(st, 10),
		    sqlite3_column_int64(st, 11), day) -
		    sqlite3_column_int64(st, 8);
		if (b->late_fee < 0)
			b->late_fee = 0;
	}
	b->closed = sqlite3_column_int(st, 12);
}

/* Append the rows of st to *v. */
static int
cashier_collect(struct db *db, sqlite3_stmt *st, int32_t day,
    struct cashier_bill **v, size_t *n, struct wy_err *e)
{
	struct cashier_bill *nv;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((nv = realloc(*v, (*n + 1) * sizeof **v)) == NULL)
			abort();
		*v = nv;
		cashier_bill_row(st, day, &(*v)[(*n)++]);
	}
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, e, "bills");
	return WY_OK;
}

/* Unpaid bills of a room or client on day, oldest first. */
static int
cashier_load(struct db *db, int64_t room_id, int64_t client_id, int32_t day,
    struct cashier_bill **out, size_t *n, struct wy_err *e)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_cached(db, CASHIER_BILL_SQL
	    " WHERE (?1 > 0 AND b.room_id = ?1 OR ?1 <= 0 AND b.client_id = ?2)"
	    " AND b.amount > b.paid + b.waived"
	    " ORDER BY b.period, b.due_date, b.id", &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(db, st, e, "II", room_id, client_id)) == WY_OK)
		rc = cashier_collect(db, st, day, out, n, e);
	sqlite3_reset(st);
	if (rc != WY_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

/* The bills picked by id, in that order; each must be unpaid, of the room
 * (when given) and in an open period. */
static int
cashier_pick(struct db *db, int64_t room_id, const int64_t *ids, size_t nids,
    int32_t day, struct cashier_bill **out, size_t *n, struct wy_err *e)
{
	sqlite3_stmt *st;
	size_t i, j, before;
	int rc = WY_OK;

	*out = NULL;
	*n = 0;
	if ((rc = db_cached(db, CASHIER_BILL_SQL " WHERE b.id = ?", &st,
	    e)) != WY_OK)
		return rc;
	for (i = 0; i < nids && rc == WY_OK; i++) {
		for (j = 0; j < i; j++)
			if (ids[j] == ids[i])
				break;
		if (j < i) {
			rc = wy_fail(e, WY_EINVALID, _("bill %lld is picked "
			    "twice"), (long long)ids[i]);
			break;
		}
		sqlite3_reset(st);
		before = *n;
		if ((rc = db_bind(db, st, e, "I", ids[i])) != WY_OK ||
		    (rc = cashier_collect(db, st, day, out, n, e)) != WY_OK)
			break;
		if (*n == before)
			rc = wy_fail(e, WY_ENOTFOUND, _("there is no bill %lld"),
			    (long long)ids[i]);
		else if (room_id > 0 && (*out)[before].room_id != room_id)
			rc = wy_fail(e, WY_EINVALID, _("bill %lld is not of "
			    "this room"), (long long)ids[i]);
		else if ((*out)[before].outstanding <= 0)
			rc = wy_fail(e, WY_EINVALID, _("bill %lld is paid "
			    "already"), (long long)ids[i]);
	}
	sqlite3_reset(st);
	if (rc != WY_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

int
cashier_unpaid(struct session *s, int64_t room_id, int64_t client_id,
    const char *date, struct cashier_bill **out, size_t *n,
    struct wy_err *e)
{
	char d[DATE_BUFSIZE], p[PERIOD_BUFSIZE];
	int32_t day;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = auth_require(s, "charge.read", e)) != WY_OK ||
	    (rc = cashier_date(date, d, p, &day, e)) != WY_OK)
		return rc;
	return cashier_load(s->db, room_id, client_id, day, out, n, e);
}

int
cashier_prepay_balance(struct session *s, int64_t client_id,
    int64_t *balance, struct wy_err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_cached(s->db, "SELECT coalesce(sum(amount), 0)"
	    " FROM prepayments WHERE client_id = ?", &st, e)) != WY_OK ||
	    (rc = db_bind(s->db, st, e, "I", client_id)) != WY_OK)
		return rc;
	return cashier_one(s->db, st, balance, e);
}

/* Number and insert a receipt (inside a transaction); fills out. */
int
cashier_receipt_new(struct session *s, const struct cashier_rec *r,
    struct cashier_receipt *out, struct wy_err *e)
{
	int64_t series = 0, seq = 0;
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cashier_number(s, &series, &seq, out->number,
	    sizeof out->number, e)) != WY_OK)
		return rc;
	if ((rc = db_cached(s->db, "INSERT INTO receipts (series_id, seq,"
	    " number, kind, date, period, room_id, client_id, method, amount,"
	    " tendered, prepay_in, prepay_out, cashier, note) VALUES (?, ?, ?,"
	    " ?, ?, ?, nullif(?, 0), nullif(?, 0), ?, ?, nullif(?, -1), ?, ?,"
	    " ?, ?)", &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "IIttttIItIIIItt", series, seq,
	    out->number, r->kind, r->date, r->period, r->room_id, r->client_id,
	    r->method, r->amount, r->tendered < 0 ? (int64_t)-1 : r->tendered,
	    r->prepay_in, r->prepay_out, s->user, r->note != NULL ? r->note :
	    "")) == WY_OK)
		rc = db_step_all(s->db, st, "receipts", e);
	if (rc != WY_OK)
		return wy_prefix(e, "receipt %s", out->number);
	out->id = sqlite3_last_insert_rowid(s->db->h);
	out->prepay_in = r->prepay_in;
	out->prepay_out = r->prepay_out;
	return WY_OK;
}

/* The room's payer on date, else 0. */
int64_t
cashier_payer(struct db *db, int64_t room_id, const char *date)
{
	sqlite3_stmt *st;
	int64_t id = 0;

	if (db_cached(db, "SELECT client_id FROM occupancy"
	    " WHERE room_id = ?1 AND payer = 1 AND start_date <= ?2"
	    " AND (end_date IS NULL OR end_date > ?2)"
	    " ORDER BY start_date DESC LIMIT 1", &st, NULL) != WY_OK ||
	    db_bind(db, st, NULL, "It", room_id, date) != WY_OK ||
	    cashier_one(db, st, &id, NULL) != WY_OK)
		return 0;
	return id;
}

/* Check a payment's input (nothing read from the database). */
static int
cashier_pay_check(const struct cashier_payment *p, struct wy_err *e)
{
	char a[MONEY_BUFSIZE], t[MONEY_BUFSIZE];

	if (!cashier_method_ok(p->method))
		return wy_fail(e, WY_EINVALID, _("method: '%s' is not one of "
		    "cash, transfer, card, wechat, alipay, bank, prepay"),
		    p->method != NULL ? p->method : "");
	if (p->amount < 0 || p->amount > MONEY_MAX || p->draw < 0 ||
	    p->draw > MONEY_MAX)
		return wy_fail(e, WY_EINVALID, _("amount: %s is out of range"),
		    money_format(p->amount, a, sizeof a));
	if (p->tendered >= 0 && strcmp(p->method, "cash") != 0)
		return wy_fail(e, WY_EINVALID, _("tendered: only cash is "
		    "tendered, not %s"), p->method);
	if (p->tendered >= 0 && p->tendered < p->amount)
		return wy_fail(e, WY_EINVALID, _("tendered: %s is less than "
		    "the amount %s"), money_format(p->tendered, t, sizeof t),
		    money_format(p->amount, a, sizeof a));
	if (p->tendered > MONEY_MAX)
		return wy_fail(e, WY_EINVALID, _("tendered: out of range"));
	if (text_check(_("note"), p->note, TEXT_MAX, 0, e) != WY_OK)
		return WY_EINVALID;
	if (p->room_id <= 0 && p->client_id <= 0)
		return wy_fail(e, WY_EINVALID, _("a payment needs a room or a "
		    "client"));
	return WY_OK;
}

/* Allocate funds over v (late fee then principal, bill by bill), writing
 * allocations and bills for receipt rid; *used gets the total. */
static int
cashier_allocate(struct session *s, int64_t rid, struct cashier_bill *v,
    size_t n, int64_t funds, struct cashier_receipt *r, struct wy_err *e)
{
	sqlite3_stmt *st;
	int64_t late, principal;
	size_t i;
	int rc;

	for (i = 0; i < n && funds > 0; i++) {
		late = v[i].late_fee < funds ? v[i].late_fee : funds;
		funds -= late;
		principal = v[i].outstanding < funds ? v[i].outstanding : funds;
		funds -= principal;
		if (late == 0 && principal == 0)
			continue;
		if ((rc = db_cached(s->db, "INSERT INTO allocations"
		    " (receipt_id, bill_id, amount, late_fee) VALUES (?, ?, ?,"
		    " ?)", &st, e)) != WY_OK ||
		    (rc = db_bind(s->db, st, e, "IIII", rid, v[i].id, principal,
		    late)) != WY_OK ||
		    (rc = db_step_all(s->db, st, "database", e)) != WY_OK ||
		    (rc = db_cached(s->db, "UPDATE bills SET paid = paid + ?,"
		    " late_paid = late_paid + ?, version = version + 1"
		    " WHERE id = ?", &st, e)) != WY_OK ||
		    (rc = db_bind(s->db, st, e, "III", principal, late,
		    v[i].id)) != WY_OK ||
		    (rc = db_step_all(s->db, st, "database", e)) != WY_OK)
			return wy_prefix(e, "bill %lld", (long long)v[i].id);
		r->allocated += principal;
		r->late_fees += late;
	}
	return WY_OK;
}

/* Append a prepayment ledger entry. */
int
cashier_ledger(struct session *s, int64_t client, int64_t amount,
    int64_t rid, const char *date, const char *period, struct wy_err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (amount == 0)
		return WY_OK;
	if ((rc = db_cached(s->db, "INSERT INTO prepayments (client_id,"
	    " amount, receipt_id, date, period) VALUES (?, ?, ?, ?, ?)", &st,
	    e)) != WY_OK ||
	    (rc = db_bind(s->db, st, e, "IIItt", client, amount, rid, date,
	    period)) != WY_OK)
		return rc;
	return db_step_all(s->db, st, "database", e);
}

/* The body of cashier_pay, inside the transaction. */
static int
cashier_pay_tx(struct session *s, const struct cashier_payment *p,
    const char *date, const char *period, int32_t day,
    struct cashier_receipt *r, struct wy_err *e)
{
	struct cashier_rec rec = { .kind = "payment", .date = date,
	    .period = period, .method = p->method, .note = p->note,
	    .tendered = p->tendered };
	struct cashier_bill *v = NULL;
	sqlite3_stmt *st;
	char a[MONEY_BUFSIZE], b[MONEY_BUFSIZE], detail[256];
	int64_t client, due = 0, cash, drawmax, drawn, balance = 0, surplus;
	size_t n = 0, i;
	int prepay = strcmp(p->method, "prepay") == 0, rc;

	if ((rc = cashier_open_period(s->db, period, e)) != WY_OK)
		return rc;
	if (p->room_id > 0 && (db_cached(s->db, "SELECT 1 FROM rooms"
	    " WHERE id = ?", &st, e) != WY_OK || db_bind(s->db, st, e, "I",
	    p->room_id) != WY_OK || cashier_one(s->db, st, &client, NULL) !=
	    WY_OK))
		return wy_fail(e, WY_ENOTFOUND, _("there is no room %lld"),
		    (long long)p->room_id);
	rc = p->bills != NULL ?
	    cashier_pick(s->db, p->room_id, p->bills, p->nbills, day, &v, &n, e) :
	    cashier_load(s->db, p->room_id, p->client_id, day, &v, &n, e);
	if (rc != WY_OK)
		return rc;
	client = p->client_id > 0 ? p->client_id :
	    cashier_payer(s->db, p->room_id, date);
	for (i = 0; i < n; i++) {
		if (client == 0 && v[i].client_id > 0)
			client = v[i].client_id;
		due += v[i].late_fee + v[i].outstanding;
	}
	if (client > 0 && (rc = cashier_prepay_balance(s, client, &balance,
	    e)) != WY_OK)
		goto out;
	cash = prepay ? 0 : p->amount;
	drawmax = prepay ? p->amount : p->draw;
	if (prepay && p->amount > balance) {
		rc = wy_fail(e, WY_EINVALID, _("amount: %s is more than the "
		    "prepayment balance %s"), money_format(p->amount, a,
		    sizeof a), money_format(balance, b, sizeof b));
		goto out;
	}
	if (drawmax > balance)
		drawmax = balance;
	drawn = due - cash > 0 ? due - cash : 0;
	if (drawn > drawmax)
		drawn = drawmax;
	if (prepay && drawn < p->amount) {
		rc = wy_fail(e, WY_EINVALID, _("amount: %s is more than the %s "
		    "due"), money_format(p->amount, a, sizeof a),
		    money_format(due, b, sizeof b));
		goto out;
	}
	surplus = cash + drawn - due > 0 ? cash + drawn - due : 0;
	if (cash + drawn == 0) {
		rc = wy_fail(e, WY_EINVALID, _("nothing to pay: the amount is "
		    "0 and no prepayment is drawn"));
		goto out;
	}
	if (surplus > 0 && !p->keep_surplus) {
		rc = wy_fail(e, WY_EINVALID, _("amount: %s is more than the %s "
		    "due; keep the rest as prepayment (--prepay) or take less"),
		    money_format(cash, a, sizeof a), money_format(due, b,
		    sizeof b));
		goto out;
	}
	if (surplus > 0 && client == 0) {
		rc = wy_fail(e, WY_EINVALID, _("the room has no payer to keep "
		    "the surplus of %s for"), money_format(surplus, a,
		    sizeof a));
		goto out;
	}
	rec.room_id = p->room_id;
	rec.client_id = client;
	rec.amount = cash;
	rec.prepay_in = surplus;
	rec.prepay_out = drawn;
	if ((rc = cashier_receipt_new(s, &rec, r, e)) != WY_OK ||
	    (rc = cashier_allocate(s, r->id, v, n, cash + drawn, r, e)) !=
	    WY_OK ||
	    (rc = cashier_ledger(s, client, -drawn, r->id, date, period,
	    e)) != WY_OK ||
	    (rc = cashier_ledger(s, client, surplus, r->id, date, period,
	    e)) != WY_OK)
		goto out;
	r->change = p->tendered >= 0 ? p->tendered - cash : 0;
	snprintf(detail, sizeof detail, "%s %s %s", r->number,
	    money_format(cash, a, sizeof a), p->method);
	rc = audit_append(s, "charge.pay", "receipts", r->id, detail, e);
out:
	free(v);
	return rc;
}

/* cashier_pay inside the caller's transaction (bank debit imports pay
 * many rooms all or nothing): the caller rolls back on failure. */
int
cashier_pay_intx(struct session *s, const struct cashier_payment *p,
    struct cashier_receipt *r, struct wy_err *e)
{
	struct cashier_receipt mine;
	char date[DATE_BUFSIZE], period[PERIOD_BUFSIZE];
	int32_t day;
	int rc;

	if (r == NULL)
		r = &mine;
	memset(r, 0, sizeof *r);
	if ((rc = auth_require(s, "charge.pay", e)) != WY_OK ||
	    (rc = cashier_pay_check(p, e)) != WY_OK ||
	    (rc = cashier_date(p->date, date, period, &day, e)) != WY_OK)
		return rc;
	if ((rc = cashier_pay_tx(s, p, date, period, day, r, e)) != WY_OK) {
		memset(r, 0, sizeof *r);
		return cashier_conflict(rc, e);
	}
	return WY_OK;
}

/* cashier_pay_intx in a transaction of its own. */
int
cashier_pay(struct session *s, const struct cashier_payment *p,
    struct cashier_receipt *r, struct wy_err *e)
{
	int rc;

	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	return cashier_end(s, cashier_pay_intx(s, p, r, e), r, e);
}

/* The body of cashier_void, inside the transaction. */
static int
cashier_void_tx(struct session *s, const char *number, const char *reason,
    struct wy_err *e)
{
	sqlite3_stmt *st;
	char kind[16], period[PERIOD_BUFSIZE], now[TIMESTAMP_BUFSIZE];
	char today[DATE_BUFSIZE], tperiod[PERIOD_BUFSIZE];
	int64_t id, pin, pout, client, balance = 0, one;
	int voided, rc;

	if ((rc = db_prepare(s->db, "SELECT id, kind, period, voided_at IS NOT"
	    " NULL, prepay_in, prepay_out, coalesce(client_id, 0)"
	    " FROM receipts WHERE number = ?", &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "t", number)) != WY_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return db_fail(s->db, rc, e, "receipts");
		return wy_fail(e, WY_ENOTFOUND, _("there is no receipt %s"),
		    number);
	}
	id = sqlite3_column_int64(st, 0);
	snprintf(kind, sizeof kind, "%s", sqlite3_column_text(st, 1));
	snprintf(period, sizeof period, "%s", sqlite3_column_text(st, 2));
	voided = sqlite3_column_int(st, 3);
	pin = sqlite3_column_int64(st, 4);
	pout = sqlite3_column_int64(st, 5);
	client = sqlite3_column_int64(st, 6);
	sqlite3_finalize(st);
	if (voided)
		return wy_fail(e, WY_ECONFLICT, _("receipt %s is void already"),
		    number);
	if ((rc = cashier_open_period(s->db, period, e)) != WY_OK)
		return wy_prefix(e, _("receipt %s"), number);
	cashier_date(NULL, today, tperiod, NULL, e);
	if ((rc = cashier_open_period(s->db, tperiod, e)) != WY_OK)
		return rc;
	if (pin > 0 && ((rc = cashier_prepay_balance(s, client, &balance,
	    e)) != WY_OK || balance < pin))
		return rc != WY_OK ? rc : wy_fail(e, WY_ECONFLICT,
		    _("receipt %s kept a prepayment that has been drawn since; "
		    "void the later receipts first"), number);
	if (strcmp(kind, "deposit") == 0 && db_int64(s->db, &one, NULL,
	    "SELECT 1 FROM deposits WHERE taken_receipt_id = ? AND"
	    " refund_receipt_id IS NOT NULL", "I", id) == WY_OK)
		return wy_fail(e, WY_ECONFLICT, _("receipt %s took a deposit "
		    "that has been refunded; void the refund first"), number);
	timestamp_now(now);
	if ((rc = db_run(s->db, e, "UPDATE receipts SET voided_at = ?,"
	    " voided_by = ?, void_reason = ? WHERE id = ?", "tttI", now,
	    s->user, reason, id)) != WY_OK ||
	    (rc = db_run(s->db, e, "UPDATE bills SET"
	    " paid = paid - (SELECT sum(a.amount) FROM allocations a"
	    " WHERE a.bill_id = bills.id AND a.receipt_id = ?1"
	    " AND a.reversed = 0),"
	    " late_paid = late_paid - (SELECT sum(a.late_fee) FROM allocations a"
	    " WHERE a.bill_id = bills.id AND a.receipt_id = ?1"
	    " AND a.reversed = 0), version = version + 1"
	    " WHERE id IN (SELECT bill_id FROM allocations WHERE receipt_id = ?1"
	    " AND reversed = 0)", "I", id)) != WY_OK ||
	    (rc = db_run(s->db, e, "UPDATE allocations SET reversed = 1"
	    " WHERE receipt_id = ? AND reversed = 0", "I", id)) != WY_OK ||
	    (rc = cashier_ledger(s, client, -pin, id, today, tperiod, e)) !=
	    WY_OK ||
	    (rc = cashier_ledger(s, client, pout, id, today, tperiod, e)) !=
	    WY_OK)
		return rc;
	if (strcmp(kind, "deposit_refund") == 0 && (rc = db_run(s->db, e,
	    "UPDATE deposits SET refund_receipt_id = NULL, version = version"
	    " + 1 WHERE refund_receipt_id = ?", "I", id)) != WY_OK)
		return rc;
	return audit_append(s, "charge.void", "receipts", id, reason, e);
}

int
cashier_void(struct session *s, const char *number, const char *reason,
    struct wy_err *e)
{
	int rc;

	if ((rc = auth_require(s, "charge.void", e)) != WY_OK)
		return rc;
	if (number == NULL || *number == '\0')
		return wy_fail(e, WY_EINVALID, _("a void needs a receipt "
		    "number"));
	if (reason == NULL || *reason == '\0')
		return wy_fail(e, WY_EINVALID, _("reason: a void needs a reason "
		    "(one line of text)"));
	if ((rc = text_check(_("reason"), reason, TEXT_MAX, 0, e)) != WY_OK)
		return rc;
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	return cashier_end(s, cashier_void_tx(s, number, reason, e), NULL, e);
}

/* The body of cashier_waive, inside the transaction. */
static int
cashier_waive_tx(struct session *s, int64_t bill_id, int64_t amount,
    const char *reason, struct wy_err *e)
{
	char today[DATE_BUFSIZE], period[PERIOD_BUFSIZE], now[TIMESTAMP_BUFSIZE];
	char a[MONEY_BUFSIZE], b[MONEY_BUFSIZE], detail[128];
	int64_t outstanding;
	int rc;

	rc = db_int64(s->db, &outstanding, e, "SELECT amount - paid - waived"
	    " FROM bills WHERE id = ?", "I", bill_id);
	if (rc == WY_ENOTFOUND)
		return wy_fail(e, WY_ENOTFOUND, _("there is no bill %lld"),
		    (long long)bill_id);
	if (rc != WY_OK)
		return rc;
	if (amount > outstanding)
		return wy_fail(e, WY_EINVALID, _("amount: %s is more than the %s "
		    "outstanding on bill %lld"), money_format(amount, a, sizeof a),
		    money_format(outstanding, b, sizeof b), (long long)bill_id);
	cashier_date(NULL, today, period, NULL, e);
	timestamp_now(now);
	if ((rc = cashier_open_period(s->db, period, e)) != WY_OK ||
	    (rc = db_run(s->db, e, "INSERT INTO waivers (bill_id, amount,"
	    " reason, by, at, period) VALUES (?, ?, ?, ?, ?, ?)", "IItttt",
	    bill_id, amount, reason, s->user, now, period)) != WY_OK ||
	    (rc = db_run(s->db, e, "UPDATE bills SET waived = waived + ?,"
	    " version = version + 1 WHERE id = ?", "II", amount,
	    bill_id)) != WY_OK)
		return rc;
	snprintf(detail, sizeof detail, "%s", money_format(amount, a,
	    sizeof a));
	return audit_append(s, "charge.waive", "bills", bill_id, detail, e);
}

int
cashier_waive(struct session *s, int64_t bill_id, int64_t amount,
    const char *reason, struct wy_err *e)
{
	int rc;

	if ((rc = auth_require(s, "charge.waive", e)) != WY_OK)
		return rc;
	if (amount <= 0 || amount > MONEY_MAX)
		return wy_fail(e, WY_EINVALID, _("amount: a waiver must be more "
		    "than 0"));
	if (reason == NULL || *reason == '\0')
		return wy_fail(e, WY_EINVALID, _("reason: a waiver needs a "
		    "reason (one line of text)"));
	if ((rc = text_check(_("reason"), reason, TEXT_MAX, 0, e)) != WY_OK)
		return rc;
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	return cashier_end(s, cashier_waive_tx(s, bill_id, amount, reason, e),
	    NULL, e);
}
