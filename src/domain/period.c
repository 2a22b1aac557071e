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

int
period_totals(struct db *db, const char *period, struct period_totals *t,
    struct wy_err *e)
{
	int rc;

	memset(t, 0, sizeof *t);
	if ((rc = db_int64(db, &t->receivable, e, "SELECT coalesce(sum(amount),"
	    " 0) FROM bills WHERE period = ?", "t", period)) != WY_OK ||
	    (rc = db_int64(db, &t->received, e, "SELECT coalesce(sum(a.amount"
	    " + a.late_fee), 0) FROM allocations a JOIN receipts r"
	    " ON r.id = a.receipt_id WHERE r.period = ? AND a.reversed = 0",
	    "t", period)) != WY_OK ||
	    (rc = db_int64(db, &t->waived, e, "SELECT coalesce(sum(amount), 0)"
	    " FROM waivers WHERE period = ?", "t", period)) != WY_OK ||
	    (rc = db_int64(db, &t->outstanding, e, "SELECT coalesce(sum(amount"
	    " - paid - waived), 0) FROM bills WHERE period = ?", "t",
	    period)) != WY_OK)
		return rc;
	return WY_OK;
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

/* The body of period_close, inside the transaction. */
static int
period_close_tx(struct session *s, const char *period,
    struct period_totals *t, struct wy_err *e)
{
	char hex[PERIOD_DIGEST_HEX], earlier[PERIOD_BUFSIZE + 8];
	char now[TIMESTAMP_BUFSIZE], detail[256];
	char a[MONEY_BUFSIZE], b[MONEY_BUFSIZE];
	int64_t one;
	int rc;

	rc = db_int64(s->db, &one, e, "SELECT 1 FROM periods WHERE period = ?"
	    " AND closed_at IS NOT NULL", "t", period);
	if (rc == WY_OK)
		return wy_fail(e, WY_ECONFLICT, _("period %s is closed already"),
		    period);
	if (rc != WY_ENOTFOUND)
		return rc;
	if ((rc = period_earlier_open(s->db, period, earlier, sizeof earlier,
	    e)) != WY_OK)
		return rc;
	if (*earlier != '\0')
		return wy_fail(e, WY_ECONFLICT, _("period %s is still open: "
		    "close it before %s"), earlier, period);
	if ((rc = period_totals(s->db, period, t, e)) != WY_OK ||
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
	if (period_last_day(p) >= date_today())
		return wy_fail(e, WY_ECONFLICT, _("period %s has not ended yet"),
		    buf);
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	if ((rc = period_close_tx(s, buf, t, e)) != WY_OK ||
	    (rc = db_commit(s->db, e)) != WY_OK) {
		db_rollback(s->db);
		return rc;
	}
	return WY_OK;
}
