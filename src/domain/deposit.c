/* wuye: deposits (押金): taken with a receipt of kind deposit, refunded
 * with one of kind deposit_refund (see cashier.h).  A deposit is held
 * while its taking receipt is live and it has no refund receipt; voiding
 * the refund (cashier_void) makes it held again.  And refunds (退款) of a
 * prepayment balance, with a receipt of kind refund.
 */
#include "wuye/cashier.h"

#include <stdio.h>
#include <string.h>

#include "wuye/audit.h"
#include "wuye/auth.h"
#include "wuye/cashier_int.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/entity.h"
#include "wuye/i18n.h"
#include "wuye/money.h"
#include "wuye/text.h"

/* The body of cashier_deposit_take, inside the transaction. */
static int
cashier_take_tx(struct session *s, struct cashier_rec *rec,
    int64_t fee_item_id, struct cashier_receipt *r, int64_t *deposit_id,
    struct wy_err *e)
{
	char a[MONEY_BUFSIZE];
	int64_t dep;
	int rc;

	rc = db_int64(s->db, &dep, e, "SELECT deposit FROM fee_items WHERE"
	    " id = ?", "I", fee_item_id);
	if (rc == WY_ENOTFOUND || (rc == WY_OK && dep != 1))
		return wy_fail(e, WY_EINVALID, _("fee item %lld is not a "
		    "deposit item"), (long long)fee_item_id);
	if (rc != WY_OK)
		return rc;
	if (rec->client_id <= 0)
		rec->client_id = cashier_payer(s->db, rec->room_id, rec->date);
	if (rec->client_id <= 0)
		return wy_fail(e, WY_EINVALID, _("a deposit needs a client"));
	if ((rc = cashier_open_period(s->db, rec->period, e)) != WY_OK ||
	    (rc = cashier_receipt_new(s, rec, r, e)) != WY_OK ||
	    (rc = db_run(s->db, e, "INSERT INTO deposits (room_id, client_id,"
	    " fee_item_id, amount, taken_receipt_id, note) VALUES"
	    " (nullif(?, 0), ?, ?, ?, ?, ?)", "IIIIIt", rec->room_id,
	    rec->client_id, fee_item_id, rec->amount, r->id,
	    rec->note)) != WY_OK)
		return rc;
	*deposit_id = sqlite3_last_insert_rowid(s->db->h);
	return audit_append(s, "charge.deposit", "deposits", *deposit_id,
	    money_format(rec->amount, a, sizeof a), e);
}

int
cashier_deposit_take(struct session *s, int64_t room_id,
    int64_t client_id, int64_t fee_item_id, int64_t amount,
    const char *method, const char *note, struct cashier_receipt *r,
    int64_t *deposit_id, struct wy_err *e)
{
	struct cashier_receipt mine;
	char date[DATE_BUFSIZE], period[PERIOD_BUFSIZE];
	struct cashier_rec rec = { .kind = "deposit", .date = date,
	    .period = period, .room_id = room_id, .client_id = client_id,
	    .method = method, .amount = amount, .tendered = -1,
	    .note = note != NULL ? note : "" };
	int64_t dep;
	int rc;

	if (r == NULL)
		r = &mine;
	if (deposit_id == NULL)
		deposit_id = &dep;
	memset(r, 0, sizeof *r);
	if ((rc = auth_require(s, "charge.pay", e)) != WY_OK)
		return rc;
	if (!cashier_method_ok(method) || strcmp(method, "prepay") == 0)
		return wy_fail(e, WY_EINVALID, _("method: '%s' cannot take a "
		    "deposit"), method != NULL ? method : "");
	if (amount <= 0 || amount > MONEY_MAX)
		return wy_fail(e, WY_EINVALID, _("amount: a deposit must be "
		    "more than 0"));
	if ((rc = text_check(_("note"), note, TEXT_MAX, 0, e)) != WY_OK)
		return rc;
	cashier_date(NULL, date, period, NULL, e);
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	return cashier_end(s, cashier_take_tx(s, &rec, fee_item_id, r,
	    deposit_id, e), r, e);
}

/* The body of cashier_deposit_refund, inside the transaction. */
static int
cashier_refund_tx(struct session *s, int64_t deposit_id,
    struct cashier_rec *rec, struct cashier_receipt *r, struct wy_err *e)
{
	sqlite3_stmt *st;
	char a[MONEY_BUFSIZE];
	int refunded, voided, rc;

	if ((rc = db_prepare(s->db, "SELECT d.amount, coalesce(d.room_id, 0),"
	    " d.client_id, d.refund_receipt_id IS NOT NULL,"
	    " r.voided_at IS NOT NULL FROM deposits d JOIN receipts r"
	    " ON r.id = d.taken_receipt_id WHERE d.id = ?", &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "I", deposit_id)) != WY_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return wy_fail(e, WY_ENOTFOUND, _("there is no deposit "
			    "%lld"), (long long)deposit_id);
		return db_fail(s->db, rc, e, "deposits");
	}
	rec->amount = sqlite3_column_int64(st, 0);
	rec->room_id = sqlite3_column_int64(st, 1);
	rec->client_id = sqlite3_column_int64(st, 2);
	refunded = sqlite3_column_int(st, 3);
	voided = sqlite3_column_int(st, 4);
	sqlite3_finalize(st);
	if (refunded || voided)
		return wy_fail(e, WY_ECONFLICT, _("deposit %lld is not held: "
		    "it was %s"), (long long)deposit_id, refunded ?
		    _("refunded") : _("voided"));
	if ((rc = cashier_open_period(s->db, rec->period, e)) != WY_OK ||
	    (rc = cashier_receipt_new(s, rec, r, e)) != WY_OK ||
	    (rc = db_run(s->db, e, "UPDATE deposits SET refund_receipt_id = ?,"
	    " version = version + 1 WHERE id = ?", "II", r->id,
	    deposit_id)) != WY_OK)
		return rc;
	return audit_append(s, "charge.refund", "deposits", deposit_id,
	    money_format(rec->amount, a, sizeof a), e);
}

int
cashier_deposit_refund(struct session *s, int64_t deposit_id,
    const char *method, const char *note, struct cashier_receipt *r,
    struct wy_err *e)
{
	struct cashier_receipt mine;
	char date[DATE_BUFSIZE], period[PERIOD_BUFSIZE];
	struct cashier_rec rec = { .kind = "deposit_refund", .date = date,
	    .period = period, .method = method, .tendered = -1,
	    .note = note != NULL ? note : "" };
	int rc;

	if (r == NULL)
		r = &mine;
	memset(r, 0, sizeof *r);
	if ((rc = auth_require(s, "charge.void", e)) != WY_OK)
		return rc;
	if (!cashier_method_ok(method) || strcmp(method, "prepay") == 0)
		return wy_fail(e, WY_EINVALID, _("method: '%s' cannot refund a "
		    "deposit"), method != NULL ? method : "");
	if ((rc = text_check(_("note"), note, TEXT_MAX, 0, e)) != WY_OK)
		return rc;
	cashier_date(NULL, date, period, NULL, e);
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	return cashier_end(s, cashier_refund_tx(s, deposit_id, &rec, r, e), r,
	    e);
}

/* The body of cashier_refund, inside the transaction. */
static int
cashier_refund_prepay_tx(struct session *s, struct cashier_rec *rec,
    const char *reason, struct cashier_receipt *r, struct wy_err *e)
{
	char a[MONEY_BUFSIZE], b[MONEY_BUFSIZE], detail[600];
	int64_t balance, one;
	int rc;

	if (db_int64(s->db, &one, NULL, "SELECT 1 FROM clients WHERE id = ?",
	    "I", rec->client_id) != WY_OK)
		return wy_fail(e, WY_ENOTFOUND, _("there is no client %lld"),
		    (long long)rec->client_id);
	if ((rc = cashier_prepay_balance(s, rec->client_id, &balance, e)) !=
	    WY_OK)
		return rc;
	if (rec->amount > balance)
		return wy_fail(e, WY_EINVALID, _("amount: %s is more than the "
		    "prepayment balance %s"), money_format(rec->amount, a,
		    sizeof a), money_format(balance, b, sizeof b));
	if ((rc = cashier_open_period(s->db, rec->period, e)) != WY_OK ||
	    (rc = cashier_receipt_new(s, rec, r, e)) != WY_OK ||
	    (rc = cashier_ledger(s, rec->client_id, -rec->amount, r->id,
	    rec->date, rec->period, e)) != WY_OK)
		return rc;
	snprintf(detail, sizeof detail, "%s %s: %s", r->number,
	    money_format(rec->amount, a, sizeof a), reason);
	return audit_append(s, "charge.refund", "receipts", r->id, detail, e);
}

int
cashier_refund(struct session *s, int64_t client_id, int64_t room_id,
    int64_t amount, const char *method, const char *reason,
    struct cashier_receipt *r, struct wy_err *e)
{
	struct cashier_receipt mine;
	char date[DATE_BUFSIZE], period[PERIOD_BUFSIZE];
	struct cashier_rec rec = { .kind = "refund", .date = date,
	    .period = period, .room_id = room_id, .client_id = client_id,
	    .method = method, .amount = amount, .tendered = -1,
	    .prepay_out = amount, .note = reason };
	int rc;

	if (r == NULL)
		r = &mine;
	memset(r, 0, sizeof *r);
	if ((rc = auth_require(s, "charge.void", e)) != WY_OK)
		return rc;
	if (!cashier_method_ok(method) || strcmp(method, "prepay") == 0)
		return wy_fail(e, WY_EINVALID, _("method: '%s' cannot pay a "
		    "refund"), method != NULL ? method : "");
	if (amount <= 0 || amount > MONEY_MAX)
		return wy_fail(e, WY_EINVALID, _("amount: a refund must be more "
		    "than 0"));
	if (reason == NULL || *reason == '\0')
		return wy_fail(e, WY_EINVALID, _("reason: a refund needs a "
		    "reason"));
	if ((rc = text_check(_("reason"), reason, TEXT_MAX, 0, e)) != WY_OK)
		return rc;
	cashier_date(NULL, date, period, NULL, e);
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	return cashier_end(s, cashier_refund_prepay_tx(s, &rec, reason, r, e),
	    r, e);
}

/* Copy column col of st (text, may be NULL) into buf. */
static void
column_copy(sqlite3_stmt *st, int col, char *buf, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(buf, size, "%s", t != NULL ? (const char *)t : "");
}

int
cashier_refundee(struct session *s, const char *text,
    struct cashier_refundee *out, struct wy_err *e)
{
	char today[DATE_BUFSIZE];
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = auth_require(s, "charge.read", e)) != WY_OK)
		return rc;
	if (text == NULL || *text == '\0')
		return wy_fail(e, WY_EINVALID, _("type a room, a client's code or "
		    "a mobile number"));
	date_format(date_today(), today);
	rc = db_int64(s->db, &out->room_id, NULL, "SELECT id FROM rooms WHERE"
	    " code = ?", "t", text);
	if (rc == WY_OK) {
		snprintf(out->room, sizeof out->room, "%s", text);
		if ((out->client_id = cashier_payer(s->db, out->room_id,
		    today)) <= 0)
			return wy_fail(e, WY_ENOTFOUND, _("room %s has no payer "
			    "today: type the client's code"), text);
	} else if (rc != WY_ENOTFOUND)
		return rc;
	else if (db_int64(s->db, &out->client_id, NULL, "SELECT id FROM"
	    " clients WHERE code = ?1 UNION ALL SELECT id FROM clients WHERE"
	    " mobile = ?1 AND mobile <> '' LIMIT 1", "t", text) != WY_OK)
		return wy_fail(e, WY_ENOTFOUND, _("there is no room, client code "
		    "or mobile number %s"), text);
	if ((rc = db_cached(s->db, "SELECT code, name FROM clients WHERE"
	    " id = ?", &st, e)) != WY_OK ||
	    (rc = db_bind(s->db, st, e, "I", out->client_id)) != WY_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		column_copy(st, 0, out->client, sizeof out->client);
		column_copy(st, 1, out->name, sizeof out->name);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s->db, rc, e, "clients");
	return cashier_prepay_balance(s, out->client_id, &out->balance, e);
}

int
cashier_deposit_get(struct session *s, int64_t id,
    struct cashier_deposit *out, struct wy_err *e)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = auth_require(s, "charge.read", e)) != WY_OK)
		return rc;
	if ((rc = db_cached(s->db, "SELECT room, client, client_name, item,"
	    " amount, receipt, taken_on, state = 'held' FROM deposit_list"
	    " WHERE rowid = ?", &st, e)) != WY_OK ||
	    (rc = db_bind(s->db, st, e, "I", id)) != WY_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->id = id;
		column_copy(st, 0, out->room, sizeof out->room);
		column_copy(st, 1, out->client, sizeof out->client);
		column_copy(st, 2, out->name, sizeof out->name);
		column_copy(st, 3, out->item, sizeof out->item);
		out->amount = sqlite3_column_int64(st, 4);
		column_copy(st, 5, out->receipt, sizeof out->receipt);
		column_copy(st, 6, out->taken_on, sizeof out->taken_on);
		out->held = sqlite3_column_int(st, 7);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return wy_fail(e, WY_ENOTFOUND, _("there is no deposit %lld"),
		    (long long)id);
	return rc == SQLITE_ROW ? WY_OK : db_fail(s->db, rc, e, "deposits");
}

/* The action refund of the form deposits: the answer is the method. */
static int
deposit_call_refund(struct session *s, int64_t id, const char *text,
    struct wy_err *e)
{
	return cashier_deposit_refund(s, id, text, NULL, NULL, e);
}

const struct entity_call deposit_calls[] = {
	{ .name = "deposit.refund", .fn = deposit_call_refund },
	{ .name = NULL },
};
