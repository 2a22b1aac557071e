/* wuye: checking a database.
 *
 * The business rules are a table of constant queries.  Each returns, for
 * every row that breaks its rule, the row id and three text values, which
 * fill the rule's message "TABLE row ID: ..." (every format takes the
 * table, the id and the three values, in that order, and may ignore some
 * of the values).  A room-client link covers [start_date, end_date): the
 * end date is the move-out day, on which the next payer may move in; NULL
 * end_date means "still current".  The money rules (charges) check that
 * receipts balance, bills' paid/late_paid/waived equal their live
 * allocations and waivers, receipt series have no gaps, prepayment
 * balances are not negative, and closed periods are as closed.
 */
#include "wuye/dbcheck.h"

#include <stdio.h>
#include <string.h>

#include "wuye/audit.h"
#include "wuye/auth.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/period.h"
#include "wuye/date.h"

struct dbcheck_rule {
	const char *table;	/* named in the message */
	const char *sql;	/* id, then three text values */
	const char *fmt;	/* N_(): table, id (long long), three values */
};

struct dbcheck_ctx {
	int (*report)(void *, const char *);
	void *arg;
	int problems;
	int stop;		/* what report returned, when non-zero */
};

#define DBCHECK_CAT_FMT N_("%s row %lld: %s '%s' is not in the category list %s")

/* A category column: values must be codes of list ('' allowed if empty). */
#define DBCHECK_CATEGORY(t, c, list, empty) {				\
	.table = t,							\
	.sql = "SELECT id, '" c "', " c ", '" list "' FROM " t		\
	    " WHERE " empty "NOT EXISTS (SELECT 1 FROM categories k"	\
	    " WHERE k.list = '" list "' AND k.code = " t "." c ")"	\
	    " ORDER BY id",						\
	.fmt = DBCHECK_CAT_FMT,						\
}
#define DBCHECK_EMPTY_OK(c) c " <> '' AND "

static const struct dbcheck_rule dbcheck_rules[] = {
	{
		.table = "occupancy",
		.sql = "SELECT id, end_date, start_date, '' FROM occupancy"
		    " WHERE end_date IS NOT NULL AND end_date < start_date"
		    " ORDER BY id",
		.fmt = N_("%s row %lld: end_date %s is before start_date %s"),
	},
	{
		.table = "occupancy",
		.sql = "SELECT a.id, b.id, coalesce(r.code, a.room_id),"
		    " max(a.start_date, b.start_date)"
		    " FROM occupancy a JOIN occupancy b"
		    " ON b.room_id = a.room_id AND b.id > a.id"
		    " LEFT JOIN rooms r ON r.id = a.room_id"
		    " WHERE a.payer = 1 AND b.payer = 1"
		    " AND a.start_date < coalesce(b.end_date, '9999-12-31')"
		    " AND b.start_date < coalesce(a.end_date, '9999-12-31')"
		    " ORDER BY a.id, b.id",
		.fmt = N_("%s row %lld: its payer period overlaps that of row "
		    "%s for room %s (both pay on %s)"),
	},
	{
		.table = "rooms",
		.sql = "SELECT id, printf('%.2f', build_area / 100.0),"
		    " printf('%.2f', charge_area / 100.0), '' FROM rooms"
		    " WHERE build_area <= 0 OR charge_area <= 0 ORDER BY id",
		.fmt = N_("%s row %lld: areas must be positive (build_area %s, "
		    "charge_area %s)"),
	},
	DBCHECK_CATEGORY("rooms", "state", "room_state", ""),
	DBCHECK_CATEGORY("rooms", "use", "room_use", ""),
	DBCHECK_CATEGORY("rooms", "layout", "layout",
	    DBCHECK_EMPTY_OK("layout")),
	DBCHECK_CATEGORY("rooms", "orientation", "orientation",
	    DBCHECK_EMPTY_OK("orientation")),
	DBCHECK_CATEGORY("buildings", "type", "building_type", ""),
	DBCHECK_CATEGORY("clients", "id_type", "id_type",
	    DBCHECK_EMPTY_OK("id_type")),
	DBCHECK_CATEGORY("family", "relation", "relation",
	    DBCHECK_EMPTY_OK("relation")),
	DBCHECK_CATEGORY("family", "id_type", "id_type",
	    DBCHECK_EMPTY_OK("id_type")),
	DBCHECK_CATEGORY("parking_spaces", "type", "parking_type",
	    DBCHECK_EMPTY_OK("type")),
	/* The money invariants (charges, schema 5). */
	{
		.table = "receipts",
		.sql = "SELECT id, number, printf('%.2f', x / 100.0),"
		    " printf('%.2f', y / 100.0) FROM (SELECT r.id, r.number,"
		    " r.amount + r.prepay_out AS x, r.prepay_in + (SELECT"
		    " coalesce(sum(a.amount + a.late_fee), 0) FROM allocations a"
		    " WHERE a.receipt_id = r.id AND a.reversed = 0) AS y"
		    " FROM receipts r WHERE r.kind = 'payment'"
		    " AND r.voided_at IS NULL) WHERE x <> y ORDER BY id",
		.fmt = N_("%s row %lld: receipt %s takes %s (amount + prepayment "
		    "drawn) but allocates and keeps %s"),
	},
	{
		.table = "receipts",
		.sql = "SELECT r.id, r.number, count(a.id), '' FROM receipts r"
		    " JOIN allocations a ON a.receipt_id = r.id"
		    " WHERE r.voided_at IS NOT NULL AND a.reversed = 0"
		    " GROUP BY r.id ORDER BY r.id",
		.fmt = N_("%s row %lld: receipt %s is void but %s of its "
		    "allocations are not reversed"),
	},
	{
		.table = "receipts",
		.sql = "SELECT id, number, printf('%.2f', x / 100.0),"
		    " printf('%.2f', y / 100.0) FROM (SELECT r.id, r.number,"
		    " (SELECT coalesce(sum(p.amount), 0) FROM prepayments p"
		    " WHERE p.receipt_id = r.id) AS x, CASE WHEN r.voided_at"
		    " IS NULL THEN r.prepay_in - r.prepay_out ELSE 0 END AS y"
		    " FROM receipts r) WHERE x <> y ORDER BY id",
		.fmt = N_("%s row %lld: receipt %s has prepayment entries of %s "
		    "where %s was expected"),
	},
	{
		.table = "bills",
		.sql = "SELECT id, printf('%.2f', paid / 100.0),"
		    " printf('%.2f', waived / 100.0), printf('%.2f',"
		    " amount / 100.0) FROM bills WHERE paid + waived > amount"
		    " OR paid < 0 OR waived < 0 ORDER BY id",
		.fmt = N_("%s row %lld: paid %s and waived %s exceed the amount "
		    "%s"),
	},
	{
		.table = "bills",
		.sql = "SELECT b.id, printf('%.2f', b.paid / 100.0),"
		    " printf('%.2f', b.late_paid / 100.0), printf('%.2f / %.2f',"
		    " coalesce(sum(a.amount), 0) / 100.0,"
		    " coalesce(sum(a.late_fee), 0) / 100.0) FROM bills b"
		    " LEFT JOIN allocations a ON a.bill_id = b.id"
		    " AND a.reversed = 0 GROUP BY b.id"
		    " HAVING b.paid <> coalesce(sum(a.amount), 0)"
		    " OR b.late_paid <> coalesce(sum(a.late_fee), 0)"
		    " ORDER BY b.id",
		.fmt = N_("%s row %lld: paid %s and late_paid %s differ from its "
		    "live allocations (%s)"),
	},
	{
		.table = "bills",
		.sql = "SELECT b.id, printf('%.2f', b.waived / 100.0),"
		    " printf('%.2f', coalesce(sum(w.amount), 0) / 100.0), ''"
		    " FROM bills b LEFT JOIN waivers w ON w.bill_id = b.id"
		    " GROUP BY b.id HAVING b.waived <> coalesce(sum(w.amount), 0)"
		    " ORDER BY b.id",
		.fmt = N_("%s row %lld: waived %s differs from its waivers %s"),
	},
	{
		.table = "receipt_series",
		.sql = "SELECT s.id, s.code, count(r.id), s.next_no - 1"
		    " FROM receipt_series s LEFT JOIN receipts r"
		    " ON r.series_id = s.id GROUP BY s.id"
		    " HAVING count(r.id) <> s.next_no - 1"
		    " OR coalesce(max(r.seq), 0) <> s.next_no - 1 ORDER BY s.id",
		.fmt = N_("%s row %lld: series %s has %s receipts where numbers "
		    "1 to %s were handed out (a gap or a stray number)"),
	},
	{
		.table = "receipts",
		.sql = "SELECT r.id, r.number, printf('%.2f', r.amount / 100.0),"
		    " coalesce(printf('%.2f', d.amount / 100.0), 'none')"
		    " FROM receipts r LEFT JOIN deposits d ON"
		    " (r.kind = 'deposit' AND d.taken_receipt_id = r.id) OR"
		    " (r.kind = 'deposit_refund' AND d.refund_receipt_id = r.id)"
		    " WHERE (r.kind = 'deposit' OR (r.kind = 'deposit_refund'"
		    " AND r.voided_at IS NULL)) AND (d.id IS NULL"
		    " OR d.amount <> r.amount) ORDER BY r.id",
		.fmt = N_("%s row %lld: deposit receipt %s of %s does not match "
		    "its deposit (%s)"),
	},
	{
		.table = "clients",
		.sql = "SELECT client_id, printf('%.2f', sum(amount) / 100.0),"
		    " '', '' FROM prepayments GROUP BY client_id"
		    " HAVING sum(amount) < 0 ORDER BY client_id",
		.fmt = N_("%s row %lld: the prepayment balance %s is negative"),
	},
};

/* Report one problem; returns non-zero when the caller should stop. */
static int
dbcheck_problem(struct dbcheck_ctx *x, const char *line)
{
	x->problems++;
	if (x->report != NULL && x->stop == 0)
		x->stop = x->report(x->arg, line);
	return x->stop;
}

/* Text of column i, "" for NULL. */
static const char *
dbcheck_col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t != NULL ? (const char *)t : "";
}

/* PRAGMA integrity_check: every line but a lone "ok" is a problem. */
static int
dbcheck_integrity(struct db *db, struct dbcheck_ctx *x, struct wy_err *e)
{
	sqlite3_stmt *st;
	char line[1024];
	int rc;

	if ((rc = db_prepare(db, "PRAGMA integrity_check", &st, e)) != WY_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (strcmp(dbcheck_col(st, 0), "ok") == 0)
			continue;
		snprintf(line, sizeof line, _("database: %s"), dbcheck_col(st, 0));
		if (dbcheck_problem(x, line))
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc, e, "integrity_check");
	return WY_OK;
}

/* PRAGMA foreign_key_check: rows that point at rows that are not there. */
static int
dbcheck_foreign_keys(struct db *db, struct dbcheck_ctx *x, struct wy_err *e)
{
	sqlite3_stmt *st;
	char line[1024];
	int rc;

	if ((rc = db_prepare(db, "PRAGMA foreign_key_check", &st, e)) != WY_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(line, sizeof line,
		    _("%s row %s: refers to a %s row that does not exist"),
		    dbcheck_col(st, 0), dbcheck_col(st, 1), dbcheck_col(st, 2));
		if (dbcheck_problem(x, line))
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc, e, "foreign_key_check");
	return WY_OK;
}

/* Run one business rule. */
static int
dbcheck_rule(struct db *db, const struct dbcheck_rule *r,
    struct dbcheck_ctx *x, struct wy_err *e)
{
	sqlite3_stmt *st;
	char line[1024];
	int rc;

	if ((rc = db_prepare(db, r->sql, &st, e)) != WY_OK)
		return wy_prefix(e, "check of %s", r->table);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(line, sizeof line, _(r->fmt), r->table,
		    (long long)sqlite3_column_int64(st, 0), dbcheck_col(st, 1),
		    dbcheck_col(st, 2), dbcheck_col(st, 3));
		if (dbcheck_problem(x, line))
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc, e, r->table);
	return WY_OK;
}

/* Closed periods: their totals and digest must be what close kept.  The
 * outstanding amount is a snapshot: arrears paid later lower it. */
static int
dbcheck_periods(struct db *db, struct dbcheck_ctx *x, struct wy_err *e)
{
	struct period_totals t, k;
	sqlite3_stmt *st;
	char line[1024], hex[PERIOD_DIGEST_HEX], period[PERIOD_BUFSIZE];
	int rc, step;

	if ((rc = db_prepare(db, "SELECT period, receivable, received, waived,"
	    " outstanding, digest FROM periods WHERE closed_at IS NOT NULL"
	    " ORDER BY period", &st, e)) != WY_OK)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(period, sizeof period, "%s", dbcheck_col(st, 0));
		k.receivable = sqlite3_column_int64(st, 1);
		k.received = sqlite3_column_int64(st, 2);
		k.waived = sqlite3_column_int64(st, 3);
		k.outstanding = sqlite3_column_int64(st, 4);
		if ((rc = period_totals(db, period, &t, e)) != WY_OK ||
		    (rc = period_digest(db, period, hex, e)) != WY_OK)
			break;
		*line = '\0';
		if (t.receivable != k.receivable || t.received != k.received ||
		    t.waived != k.waived)
			snprintf(line, sizeof line, _("periods %s: the totals "
			    "differ from those kept at close (receivable %lld/%lld, "
			    "received %lld/%lld, waived %lld/%lld fen)"), period,
			    (long long)t.receivable, (long long)k.receivable,
			    (long long)t.received, (long long)k.received,
			    (long long)t.waived, (long long)k.waived);
		else if (strcmp(hex, dbcheck_col(st, 5)) != 0)
			snprintf(line, sizeof line, _("periods %s: its money rows "
			    "were changed after close (digest differs)"), period);
		if (*line != '\0' && dbcheck_problem(x, line))
			break;
	}
	if (rc == WY_OK && step != SQLITE_ROW && step != SQLITE_DONE)
		rc = db_fail(db, step, e, "periods");
	sqlite3_finalize(st);
	return rc;
}

/* The sort keys and initials kept beside text columns (schema 13, table
 * sort_keys) must be those of the text: a row whose text was changed by
 * another program has a stale key and sorts in the wrong place.  A key
 * '' is one not yet filled, which wuye does when it next opens the
 * database to write (db_sort_keys_fill). */
static int
dbcheck_sort_keys(struct db *db, struct dbcheck_ctx *x, struct wy_err *e)
{
	char sql[1024], line[1024], tbl[64], col[64], sort[16];
	sqlite3_stmt *keys, *st;
	int rc, step = SQLITE_DONE;

	if (db_schema_version(db) < 13)
		return WY_OK;
	if ((rc = db_prepare(db, "SELECT tbl, col, sort FROM sort_keys"
	    " ORDER BY tbl, col", &keys, e)) != WY_OK)
		return rc;
	while (rc == WY_OK && !x->stop &&
	    (step = sqlite3_step(keys)) == SQLITE_ROW) {
		snprintf(tbl, sizeof tbl, "%s", dbcheck_col(keys, 0));
		snprintf(col, sizeof col, "%s", dbcheck_col(keys, 1));
		snprintf(sort, sizeof sort, "%s", dbcheck_col(keys, 2));
		if (!db_plain_name(tbl) || !db_plain_name(col))
			continue;
		if (strcmp(sort, "natural") == 0)
			snprintf(sql, sizeof sql, "SELECT id, \"%s\" FROM \"%s\""
			    " WHERE \"%s_key\" <> '' AND \"%s_key\" IS NOT"
			    " wuye_sort_key(\"%s\", ?1) ORDER BY id", col, tbl, col,
			    col, col);
		else
			snprintf(sql, sizeof sql, "SELECT id, \"%s\" FROM \"%s\""
			    " WHERE \"%s_key\" <> '' AND (\"%s_key\" IS NOT"
			    " wuye_sort_key(\"%s\", ?1) OR \"%s_py\" IS NOT"
			    " wuye_initials(\"%s\", ?1)) ORDER BY id", col, tbl, col,
			    col, col, col, col);
		if ((rc = db_prepare(db, sql, &st, e)) != WY_OK)
			break;
		sqlite3_bind_text(st, 1, sort, -1, SQLITE_TRANSIENT);
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			snprintf(line, sizeof line, _("%s row %lld: the sort key of "
			    "%s '%s' is stale (the text was changed by another "
			    "program); set %s_key to '' and wuye fills it in anew"),
			    tbl, (long long)sqlite3_column_int64(st, 0), col,
			    dbcheck_col(st, 1), col);
			if (dbcheck_problem(x, line))
				break;
		}
		if (step != SQLITE_ROW && step != SQLITE_DONE)
			rc = db_fail(db, step, e, tbl);
		sqlite3_finalize(st);
		step = SQLITE_DONE;
	}
	if (rc == WY_OK && step != SQLITE_ROW && step != SQLITE_DONE)
		rc = db_fail(db, step, e, "sort_keys");
	sqlite3_finalize(keys);
	return rc;
}

int
dbcheck_run(struct session *s,
    int (*report)(void *arg, const char *problem), void *arg, int *problems,
    struct wy_err *e)
{
	struct dbcheck_ctx x = { .report = report, .arg = arg };
	struct wy_err ae = { 0 };
	size_t i;
	int rc;

	if (problems != NULL)
		*problems = 0;
	if ((rc = auth_require(s, "check", e)) != WY_OK)
		return rc;
	/* one snapshot: a payment committed while the check runs must not
	 * show as an audit count or a total that disagrees with its rows */
	if ((rc = db_read_begin(s->db, e)) != WY_OK)
		return rc;
	if ((rc = dbcheck_integrity(s->db, &x, e)) != WY_OK || x.stop)
		goto done;
	if ((rc = dbcheck_foreign_keys(s->db, &x, e)) != WY_OK || x.stop)
		goto done;
	rc = audit_verify(s->db, &ae);
	if (rc == WY_EINVALID) {
		rc = WY_OK;
		if (dbcheck_problem(&x, ae.msg))
			goto done;
	} else if (rc != WY_OK) {
		if (e != NULL)
			*e = ae;
		goto done;
	}
	for (i = 0; i < sizeof dbcheck_rules / sizeof dbcheck_rules[0]; i++)
		if ((rc = dbcheck_rule(s->db, &dbcheck_rules[i], &x, e)) !=
		    WY_OK || x.stop)
			goto done;
	if ((rc = dbcheck_periods(s->db, &x, e)) != WY_OK || x.stop)
		goto done;
	rc = dbcheck_sort_keys(s->db, &x, e);
done:
	db_read_end(s->db);
	if (problems != NULL)
		*problems = x.problems;
	return rc == WY_OK && x.stop != 0 ? x.stop : rc;
}
