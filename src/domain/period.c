/* wuye: closing accounting periods (see period.h).
 *
 * The digest hashes, table by table in a fixed order, each row's columns
 * as text (NULL written "\N"), columns separated by 0x1f and rows ended by
 * 0x1e, after the table's name.  Columns that can change after close
 * without touching money (receipts.printed) are left out.
 */
#include "wuye/period.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "wuye/audit.h"
#include "wuye/auth.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/money.h"

static const struct {
	const char *name;
	const char *sql;	/* one parameter: the period */
} period_tables[] = {
	/* What was billed; what is paid of it later is not the period's. */
	{ "bills", "SELECT id, room_id, client_id, fee_item_id, period,"
	    " quantity, unit_price, discount, amount, due_date"
	    " FROM bills WHERE period = ? ORDER BY id" },
	{ "receipts", "SELECT id, series_id, seq, number, kind, date, period,"
	    " room_id, client_id, method, amount, tendered, prepay_in,"
	    " prepay_out, cashier, note, voided_at, voided_by, void_reason"
	    " FROM receipts WHERE period = ? ORDER BY id" },
	{ "allocations", "SELECT a.id, a.receipt_id, a.bill_id, a.amount,"
	    " a.late_fee, a.reversed FROM allocations a JOIN receipts r"
	    " ON r.id = a.receipt_id WHERE r.period = ? ORDER BY a.id" },
	{ "waivers", "SELECT id, bill_id, amount, reason, by, at FROM waivers"
	    " WHERE period = ? ORDER BY id" },
	{ "prepayments", "SELECT id, client_id, amount, receipt_id, bill_id,"
	    " date FROM prepayments WHERE period = ? ORDER BY id" },
	{ "readings", "SELECT id, meter_id, previous, reading, rolled, usage,"
	    " read_on FROM readings WHERE period = ? ORDER BY id" },
};

/* The sums of one query of the period (?1) into the n pointers, in
 * order; NULL sums are 0. */
static int
period_sums(struct db *db, const char *period, const char *sql,
    int64_t *const *out, int n, struct wy_err *e)
{
	sqlite3_stmt *st;
	int rc, i;

	if ((rc = db_cached(db, sql, &st, e)) != WY_OK ||
	    (rc = db_bind(db, st, e, "t", period)) != WY_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (i = 0; i < n; i++)
			*out[i] = sqlite3_column_int64(st, i);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? WY_OK : db_fail(db, rc, e, "bills");
}

int
period_totals(struct db *db, const char *period, struct period_totals *t,
    struct wy_err *e)
{
	int64_t *const bills[] = { &t->receivable, &t->bills_waived,
	    &t->outstanding };
	int64_t *const paid[] = { &t->paid_before, &t->paid_in, &t->paid_after };
	int64_t *const cash[] = { &t->on_period, &t->on_earlier, &t->on_later,
	    &t->late_fees };
	int64_t *const recs[] = { &t->taken, &t->prepay_in, &t->prepay_out,
	    &t->deposits_in, &t->deposits_out, &t->refunds, &t->voids,
	    &t->voided };
	int rc;

	memset(t, 0, sizeof *t);
	if ((rc = period_sums(db, period, "SELECT coalesce(sum(amount), 0),"
	    " coalesce(sum(waived), 0), coalesce(sum(amount - paid - waived), 0)"
	    " FROM bills WHERE period = ?1", bills, 3, e)) != WY_OK ||
	    (rc = period_sums(db, period, "SELECT"
	    " coalesce(sum(CASE WHEN r.period < ?1 THEN a.amount END), 0),"
	    " coalesce(sum(CASE WHEN r.period = ?1 THEN a.amount END), 0),"
	    " coalesce(sum(CASE WHEN r.period > ?1 THEN a.amount END), 0)"
	    " FROM bills b JOIN allocations a ON a.bill_id = b.id"
	    " JOIN receipts r ON r.id = a.receipt_id"
	    " WHERE b.period = ?1 AND a.reversed = 0", paid, 3, e)) != WY_OK ||
	    (rc = period_sums(db, period, "SELECT"
	    " coalesce(sum(CASE WHEN b.period = ?1 THEN a.amount END), 0),"
	    " coalesce(sum(CASE WHEN b.period < ?1 THEN a.amount END), 0),"
	    " coalesce(sum(CASE WHEN b.period > ?1 THEN a.amount END), 0),"
	    " coalesce(sum(a.late_fee), 0)"
	    " FROM receipts r JOIN allocations a ON a.receipt_id = r.id"
	    " JOIN bills b ON b.id = a.bill_id"
	    " WHERE r.period = ?1 AND a.reversed = 0", cash, 4, e)) != WY_OK ||
	    (rc = period_sums(db, period, "SELECT"
	    " coalesce(sum(CASE WHEN v AND kind = 'payment' THEN amount END), 0),"
	    " coalesce(sum(CASE WHEN v AND kind = 'payment' THEN prepay_in END), 0),"
	    " coalesce(sum(CASE WHEN v AND kind = 'payment' THEN prepay_out END), 0),"
	    " coalesce(sum(CASE WHEN v AND kind = 'deposit' THEN amount END), 0),"
	    " coalesce(sum(CASE WHEN v AND kind = 'deposit_refund' THEN amount END), 0),"
	    " coalesce(sum(CASE WHEN v AND kind = 'refund' THEN amount END), 0),"
	    " coalesce(sum(CASE WHEN v THEN 0 ELSE 1 END), 0),"
	    " coalesce(sum(CASE WHEN v THEN 0 ELSE amount END), 0)"
	    " FROM (SELECT kind, amount, prepay_in, prepay_out,"
	    " voided_at IS NULL AS v FROM receipts WHERE period = ?1)", recs, 8,
	    e)) != WY_OK ||
	    (rc = db_int64(db, &t->waived, e, "SELECT coalesce(sum(amount), 0)"
	    " FROM waivers WHERE period = ?", "t", period)) != WY_OK)
		return rc;
	t->received = t->on_period + t->on_earlier + t->on_later + t->late_fees;
	return WY_OK;
}

int
period_show(struct session *s, const char *period, struct period_totals *t,
    struct wy_err *e)
{
	char buf[PERIOD_BUFSIZE];
	int rc, p;

	memset(t, 0, sizeof *t);
	if ((rc = auth_require(s, "charge.read", e)) != WY_OK)
		return rc;
	if ((rc = period_parse(period != NULL ? period : "", &p, e)) != WY_OK)
		return wy_prefix(e, "%s", _("Period"));
	return period_totals(s->db, period_format(p, buf), t, e);
}

size_t
period_lines(const struct period_totals *t, struct period_line *v)
{
	const struct period_line lines[] = {
		{ "receivable", N_("Receivable: the period's bills"), t->receivable, ' ', 0 },
		{ "paid_before", N_("Paid before the period"), t->paid_before, '-', 0 },
		{ "paid_in", N_("Paid in the period"), t->paid_in, '-', 0 },
		{ "paid_after", N_("Paid after the period"), t->paid_after, '-', 0 },
		{ "bills_waived", N_("Waived"), t->bills_waived, '-', 0 },
		{ "outstanding", N_("Outstanding"), t->outstanding, '=', 0 },
		{ "on_period", N_("Payments: on the period's bills"), t->on_period, ' ', 0 },
		{ "on_earlier", N_("On earlier periods' bills (arrears)"), t->on_earlier, '+', 0 },
		{ "on_later", N_("On later periods' bills"), t->on_later, '+', 0 },
		{ "late_fees", N_("Late fees"), t->late_fees, '+', 0 },
		{ "prepay_in", N_("Kept as prepayment"), t->prepay_in, '+', 0 },
		{ "prepay_out", N_("Drawn from prepayment"), t->prepay_out, '-', 0 },
		{ "taken", N_("Taken in payments"), t->taken, '=', 0 },
		{ "waived", N_("Waivers made in the period"), t->waived, 0, 0 },
		{ "deposits_in", N_("Deposits taken"), t->deposits_in, 0, 0 },
		{ "deposits_out", N_("Deposits refunded"), t->deposits_out, 0, 0 },
		{ "refunds", N_("Prepayments refunded"), t->refunds, 0, 0 },
		{ "voids", N_("Receipts voided (not counted)"), t->voids, 0, 1 },
		{ "voided", N_("Their amount"), t->voided, 0, 0 },
	};
	size_t n = sizeof lines / sizeof lines[0];

	memcpy(v, lines, n * sizeof *v);
	return n;
}

/* Hash one table's rows of the period. */
static int
period_hash_table(struct db *db, crypto_hash_sha256_state *h, size_t i,
    const char *period, struct wy_err *e)
{
	sqlite3_stmt *st;
	const unsigned char *v;
	int rc, c, n;

	crypto_hash_sha256_update(h, (const unsigned char *)period_tables[i].name,
	    strlen(period_tables[i].name) + 1);
	if ((rc = db_prepare(db, period_tables[i].sql, &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(db, st, e, "t", period)) != WY_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n = sqlite3_column_count(st);
		for (c = 0; c < n; c++) {
			if ((v = sqlite3_column_text(st, c)) == NULL)
				v = (const unsigned char *)"\\N";
			crypto_hash_sha256_update(h, v, strlen((const char *)v));
			crypto_hash_sha256_update(h, (const unsigned char *)
			    (c + 1 < n ? "\x1f" : "\x1e"), 1);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, e, period_tables[i].name);
	return WY_OK;
}

int
period_digest(struct db *db, const char *period, char *hex, struct wy_err *e)
{
	crypto_hash_sha256_state h;
	unsigned char out[crypto_hash_sha256_BYTES];
	size_t i;
	int rc;

	crypto_hash_sha256_init(&h);
	crypto_hash_sha256_update(&h, (const unsigned char *)period,
	    strlen(period) + 1);
	for (i = 0; i < sizeof period_tables / sizeof period_tables[0]; i++)
		if ((rc = period_hash_table(db, &h, i, period, e)) != WY_OK)
			return rc;
	crypto_hash_sha256_final(&h, out);
	sodium_bin2hex(hex, PERIOD_DIGEST_HEX, out, sizeof out);
	return WY_OK;
}

/* The earliest period before `period` with money rows that is not
 * closed, into buf ("" if none). */
static int
period_earlier_open(struct db *db, const char *period, char *buf,
    size_t size, struct wy_err *e)
{
	sqlite3_stmt *st;
	const unsigned char *v;
	int rc;

	*buf = '\0';
	if ((rc = db_prepare(db, "SELECT min(p) FROM (SELECT period AS p"
	    " FROM bills UNION SELECT period FROM receipts UNION SELECT period"
	    " FROM waivers UNION SELECT period FROM prepayments UNION SELECT"
	    " period FROM readings) WHERE p < ?1 AND p NOT IN (SELECT period"
	    " FROM periods WHERE closed_at IS NOT NULL)", &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(db, st, e, "t", period)) == WY_OK) {
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if ((v = sqlite3_column_text(st, 0)) != NULL)
				snprintf(buf, size, "%s", (const char *)v);
			rc = WY_OK;
		} else
			rc = db_fail(db, rc, e, "periods");
	}
	sqlite3_finalize(st);
	return rc;
}

int
period_to_close(struct db *db, char *buf, struct wy_err *e)
{
	char now[PERIOD_BUFSIZE], last[PERIOD_BUFSIZE] = "";
	const unsigned char *v;
	sqlite3_stmt *st;
	int rc, p = period_of_date(date_today()), q;

	if ((rc = period_earlier_open(db, period_format(p, now), buf,
	    PERIOD_BUFSIZE, e)) != WY_OK || *buf != '\0')
		return rc;
	if ((rc = db_cached(db, "SELECT max(period) FROM periods"
	    " WHERE closed_at IS NOT NULL", &st, e)) != WY_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    (v = sqlite3_column_text(st, 0)) != NULL)
		snprintf(last, sizeof last, "%s", (const char *)v);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, rc, e, "periods");
	q = p - 1;
	if (*last != '\0' && period_parse(last, &q, NULL) == WY_OK)
		q = q + 1 < p ? q + 1 : p;	/* all closed: the month in course */
	period_format(q, buf);
	return WY_OK;
}

int
period_can_close(struct db *db, const char *period, struct wy_err *e)
{
	char earlier[PERIOD_BUFSIZE + 8], at[TIMESTAMP_BUFSIZE] = "", by[64] = "";
	char day[DATE_BUFSIZE];
	sqlite3_stmt *st;
	int rc, p;

	if ((rc = period_parse(period != NULL ? period : "", &p, e)) != WY_OK)
		return rc;
	if ((rc = db_cached(db, "SELECT closed_at, closed_by FROM periods"
	    " WHERE period = ? AND closed_at IS NOT NULL", &st, e)) != WY_OK ||
	    (rc = db_bind(db, st, e, "t", period)) != WY_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(at, sizeof at, "%.10s", (const char *)sqlite3_column_text(st, 0));
		snprintf(by, sizeof by, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return wy_fail(e, WY_ECONFLICT, _("period %s was closed before "
		    "(on %s by %s): there is nothing to do"), period, at, by);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, e, "periods");
	if (period_last_day(p) >= date_today())
		return wy_fail(e, WY_ECONFLICT, _("period %s has not ended yet: "
		    "it can be closed from %s on"), period,
		    date_format(period_last_day(p) + 1, day));
	if ((rc = period_earlier_open(db, period, earlier, sizeof earlier,
	    e)) != WY_OK)
		return rc;
	if (*earlier != '\0')
		return wy_fail(e, WY_ECONFLICT, _("period %s is still open: "
		    "close it before %s"), earlier, period);
	return WY_OK;
}

/* The body of period_close, inside the transaction. */
static int
period_close_tx(struct session *s, const char *period,
    struct period_totals *t, struct wy_err *e)
{
	char hex[PERIOD_DIGEST_HEX], now[TIMESTAMP_BUFSIZE], detail[256];
	char a[MONEY_BUFSIZE], b[MONEY_BUFSIZE];
	int rc;

	if ((rc = period_can_close(s->db, period, e)) != WY_OK ||
	    (rc = period_totals(s->db, period, t, e)) != WY_OK ||
	    (rc = period_digest(s->db, period, hex, e)) != WY_OK)
		return rc;
	timestamp_now(now);
	if ((rc = db_run(s->db, e, "INSERT INTO periods (period, closed_at,"
	    " closed_by, receivable, received, waived, outstanding, digest)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (period) DO"
	    " UPDATE SET closed_at = ?2, closed_by = ?3, receivable = ?4,"
	    " received = ?5, waived = ?6, outstanding = ?7, digest = ?8,"
	    " version = version + 1", "tttIIIIt", period, now, s->user,
	    t->receivable, t->received, t->waived, t->outstanding,
	    hex)) != WY_OK)
		return rc;
	snprintf(detail, sizeof detail, "receivable %s received %s digest %s",
	    money_format(t->receivable, a, sizeof a),
	    money_format(t->received, b, sizeof b), hex);
	return audit_append(s, "charge.close", "periods", 0, detail, e);
}

int
period_close(struct session *s, const char *period, struct period_totals *t,
    struct wy_err *e)
{
	struct period_totals mine;
	char buf[PERIOD_BUFSIZE];
	int p, rc;

	if (t == NULL)
		t = &mine;
	memset(t, 0, sizeof *t);
	if ((rc = auth_require(s, "charge.close", e)) != WY_OK)
		return rc;
	if ((rc = period_parse(period != NULL ? period : "", &p, e)) != WY_OK)
		return rc;
	period_format(p, buf);
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	if ((rc = period_close_tx(s, buf, t, e)) != WY_OK ||
	    (rc = db_commit(s->db, e)) != WY_OK) {
		db_rollback(s->db);
		return rc;
	}
	return WY_OK;
}
