/* wuye: the bill run (see bill.h): one query per estate walks the
 * standards in force with everything a bill needs (room, payer, space
 * price, metered usage, whether the bill exists), fee_calc() prices each,
 * and one prepared INSERT OR IGNORE writes it. */
#include "wuye/bill.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/audit.h"
#include "wuye/auth.h"
#include "wuye/cashier.h"
#include "wuye/cashier_int.h"
#include "wuye/conf.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/fee.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/meter.h"
#include "wuye/money.h"

enum { METER_TYPES = 3 };

static const char *const meter_types[METER_TYPES] = { "water", "electricity", "gas" };

/* A room's part of the estate's shared meters (公摊) for one metered item:
 * its usage and its money, split from the meters' amounts. */
struct share {
	int64_t room;
	size_t item;		/* index in the run's items */
	int64_t usage;		/* scale 3 */
	int64_t amount;		/* fen */
	int billed;		/* a bill took it */
};

/* The state of one run. */
struct run {
	struct session *s;
	const char *period;
	int p;
	char last_day[DATE_BUFSIZE];
	int preview, draw;
	struct fee_item *items;
	int *types;		/* meter type index of each item, -1 */
	struct bill_result *r;
	int64_t *est_bills, *est_total, *est_missing;	/* this estate's, per item */
	struct share *shares;	/* this estate's, by room and item */
	size_t nshares, capshares;
	int64_t last_missing;	/* the last room skipped for want of a reading */
	bill_progress_fn progress;
	void *arg;
	int64_t done, todo;
};

static const char sql_rows[] =
    "SELECT st.room_id, st.fee_item_id, st.unit_price, st.quantity,"
    " st.discount, st.vacant_discount, st.start_period, r.charge_area,"
    " r.state = 'vacant',"
    " (SELECT o.client_id FROM occupancy o WHERE o.room_id = st.room_id"
    "  AND o.payer = 1 AND o.start_date <= ?2 AND (o.end_date IS NULL"
    "  OR o.end_date > ?2) ORDER BY o.start_date DESC LIMIT 1),"
    " (SELECT fee_price FROM parking_spaces WHERE id = st.space_id),"
    " CASE WHEN fi.meter_type IS NOT NULL THEN (SELECT sum(rd.usage)"
    "  FROM meters m JOIN readings rd ON rd.meter_id = m.id AND rd.period = ?1"
    "  WHERE m.room_id = st.room_id AND m.type = fi.meter_type) END,"
    " EXISTS (SELECT 1 FROM bills WHERE room_id = st.room_id"
    "  AND fee_item_id = st.fee_item_id AND period = ?1)"
    " FROM fee_standards st JOIN rooms r ON r.id = st.room_id"
    " JOIN buildings b ON b.id = r.building_id"
    " JOIN fee_items fi ON fi.id = st.fee_item_id AND fi.active = 1"
    " WHERE b.estate_id = ?3 AND st.start_period <= ?1"
    " AND (st.end_period IS NULL OR st.end_period >= ?1)"
    " ORDER BY st.room_id, st.fee_item_id, st.start_period DESC";

static const char sql_count[] =
    "SELECT count(*) FROM fee_standards st JOIN rooms r ON r.id = st.room_id"
    " JOIN buildings b ON b.id = r.building_id"
    " WHERE (?2 IS NULL OR b.estate_id = ?2) AND st.start_period <= ?1"
    " AND (st.end_period IS NULL OR st.end_period >= ?1)";

static const char sql_insert[] =
    "INSERT OR IGNORE INTO bills (room_id, client_id, fee_item_id, period,"
    " quantity, unit_price, discount, amount, due_date, run_id)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

/* Free the result's lines and clear it. */
void
bill_result_free(struct bill_result *r)
{
	free(r->items);
	memset(r, 0, sizeof *r);
}

/* Index of a meter type name, -1 if NULL or unknown. */
static int
type_index(const unsigned char *t)
{
	int i;

	for (i = 0; t != NULL && i < METER_TYPES; i++)
		if (strcmp((const char *)t, meter_types[i]) == 0)
			return i;
	return -1;
}

/* Fill it from the current row of a fee_items query (columns id, method,
 * cycle, rounding, unit_price, due_day, late_after, late_rate, late_cap). */
static int
item_from_row(sqlite3_stmt *st, struct fee_item *it, struct wy_err *e)
{
	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(st, 0);
	if (fee_method_parse((const char *)sqlite3_column_text(st, 1),
	    &it->method, e) != WY_OK ||
	    fee_cycle_parse((const char *)sqlite3_column_text(st, 2),
	    &it->cycle, e) != WY_OK ||
	    fee_rounding_parse((const char *)sqlite3_column_text(st, 3),
	    &it->rounding, e) != WY_OK)
		return wy_prefix(e, "%s", _("Fee items"));
	it->unit_price = sqlite3_column_int64(st, 4);
	it->due_day = sqlite3_column_int(st, 5);
	it->late_after = sqlite3_column_int(st, 6);
	it->late_rate = sqlite3_column_int64(st, 7);
	it->late_cap = sqlite3_column_int64(st, 8);
	return WY_OK;
}

/* The active fee items and their tiers. */
static int
load_items(struct run *u, struct wy_err *e)
{
	struct bill_result *r = u->r;
	struct fee_item *it;
	sqlite3_stmt *st;
	size_t cap = 0, i;
	int rc, bad = WY_OK;

	if ((rc = db_prepare(u->s->db, "SELECT id, method, cycle, rounding,"
	    " unit_price, due_day, late_after, late_rate, late_cap, code, name,"
	    " meter_type FROM fee_items WHERE active = 1 ORDER BY code", &st,
	    e)) != WY_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (r->nitems == cap) {
			cap = cap ? cap * 2 : 16;
			r->items = xrealloc(r->items, cap * sizeof *r->items);
			u->items = xrealloc(u->items, cap * sizeof *u->items);
			u->types = xrealloc(u->types, cap * sizeof *u->types);
		}
		i = r->nitems++;
		memset(&r->items[i], 0, sizeof r->items[i]);
		r->items[i].fee_item_id = sqlite3_column_int64(st, 0);
		snprintf(r->items[i].code, sizeof r->items[i].code, "%s",
		    (const char *)sqlite3_column_text(st, 9));
		snprintf(r->items[i].name, sizeof r->items[i].name, "%s",
		    (const char *)sqlite3_column_text(st, 10));
		u->types[i] = type_index(sqlite3_column_text(st, 11));
		if ((bad = item_from_row(st, &u->items[i], e)) != WY_OK)
			break;
	}
	sqlite3_finalize(st);
	if (bad != WY_OK)
		return bad;
	if (rc != SQLITE_DONE)
		return db_fail(u->s->db, rc, e, "fee_items");
	if ((rc = db_prepare(u->s->db, "SELECT fee_item_id, upto, unit_price"
	    " FROM fee_tiers ORDER BY fee_item_id, upto IS NULL, upto", &st,
	    e)) != WY_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (i = 0; i < r->nitems; i++) {
			it = &u->items[i];
			if (it->id != sqlite3_column_int64(st, 0) ||
			    it->ntiers == FEE_TIERS_MAX)
				continue;
			it->tiers[it->ntiers].upto = sqlite3_column_type(st, 1) ==
			    SQLITE_NULL ? FEE_REST : sqlite3_column_int64(st, 1);
			it->tiers[it->ntiers++].unit_price = sqlite3_column_int64(st, 2);
		}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? WY_OK : db_fail(u->s->db, rc, e, "fee_tiers");
}

/* Order shares by room, then item. */
static int
share_cmp(const void *a, const void *b)
{
	const struct share *x = a, *y = b;

	if (x->room != y->room)
		return x->room < y->room ? -1 : 1;
	return x->item < y->item ? -1 : x->item > y->item;
}

/* Add one shared meter's split to the shares: for every active item of
 * the meter's type, the meter's amount split by the same weights. */
static int
add_meter_shares(struct run *u, int64_t meter, struct wy_err *e)
{
	struct meter_apport a;
	int64_t *w = NULL, *parts = NULL, amount;
	size_t i, k;
	int rc, type;

	if ((rc = meter_apportion_of(u->s, meter, u->period, &a, e)) != WY_OK)
		return rc;
	type = type_index((const unsigned char *)a.type);
	w = xcalloc(a.n + 1, sizeof *w);
	parts = xcalloc(a.n + 1, sizeof *parts);
	for (i = 0; i < a.n; i++)
		w[i] = a.shares[i].weight;
	for (k = 0; k < u->r->nitems && rc == WY_OK; k++) {
		if (type < 0 || u->types[k] != type)
			continue;
		if ((rc = fee_shared_amount(&u->items[k], a.usage, &amount, e)) !=
		    WY_OK)
			break;
		meter_split(amount, w, a.n, parts);
		for (i = 0; i < a.n; i++) {
			if (u->nshares == u->capshares) {
				u->capshares = u->capshares ? u->capshares * 2 : 256;
				u->shares = xrealloc(u->shares, u->capshares *
				    sizeof *u->shares);
			}
			u->shares[u->nshares++] = (struct share){
			    .room = a.shares[i].room_id, .item = k,
			    .usage = a.shares[i].usage, .amount = parts[i] };
		}
	}
	free(w);
	free(parts);
	meter_apport_free(&a);
	return rc;
}

/* The shares of the estate's shared meters read in the period, by room
 * and item; a room under two shared meters (its building's and its
 * estate's) gets the sum. */
static int
load_shared(struct run *u, int64_t estate, struct wy_err *e)
{
	sqlite3_stmt *st;
	size_t i, n;
	int rc = WY_OK, step;

	u->nshares = 0;
	if ((rc = db_prepare(u->s->db, "SELECT m.id FROM meters m"
	    " JOIN readings rd ON rd.meter_id = m.id AND rd.period = ?1"
	    " LEFT JOIN buildings b ON b.id = m.building_id"
	    " WHERE m.room_id IS NULL AND (m.estate_id = ?2 OR b.estate_id = ?2)"
	    " ORDER BY m.code", &st, e)) != WY_OK)
		return rc;
	db_bind(u->s->db, st, e, "tI", u->period, estate);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = add_meter_shares(u, sqlite3_column_int64(st, 0), e)) !=
		    WY_OK)
			break;
	if (rc == WY_OK && step != SQLITE_DONE)
		rc = db_fail(u->s->db, step, e, "meters");
	sqlite3_finalize(st);
	if (rc != WY_OK || u->nshares == 0)
		return rc;
	qsort(u->shares, u->nshares, sizeof *u->shares, share_cmp);
	for (n = 0, i = 0; i < u->nshares; i++)
		if (n > 0 && share_cmp(&u->shares[n - 1], &u->shares[i]) == 0) {
			u->shares[n - 1].usage += u->shares[i].usage;
			u->shares[n - 1].amount += u->shares[i].amount;
		} else
			u->shares[n++] = u->shares[i];
	u->nshares = n;
	return WY_OK;
}

/* The room's share of item k, or NULL. */
static struct share *
find_share(struct run *u, int64_t room, size_t k)
{
	struct share key = { .room = room, .item = k };

	if (u->nshares == 0)
		return NULL;
	return bsearch(&key, u->shares, u->nshares, sizeof *u->shares,
	    share_cmp);
}

/* Count the shares no bill took (rooms without a standard of the item). */
static void
count_unbilled(struct run *u)
{
	size_t i;

	for (i = 0; i < u->nshares; i++)
		if (!u->shares[i].billed && u->shares[i].amount > 0) {
			u->r->unbilled_shares++;
			u->r->unbilled_amount += u->shares[i].amount;
		}
}

/* The index of fee item id, or -1. */
static int
item_index(const struct run *u, int64_t id)
{
	size_t i;

	for (i = 0; i < u->r->nitems; i++)
		if (u->items[i].id == id)
			return (int)i;
	return -1;
}

/* Bill one estate's rooms with the prepared statements. */
static int
bill_estate(struct run *u, int64_t estate, sqlite3_stmt *rows,
    sqlite3_stmt *ins, int64_t run_id, struct wy_err *e)
{
	int64_t room, item, prev_room = -1, prev_item = -1;
	struct share *sh;
	struct fee_standard std;
	struct fee_input in;
	struct fee_result fr;
	char due[DATE_BUFSIZE];
	int rc, k, metered;

	if ((rc = load_shared(u, estate, e)) != WY_OK)
		return rc;
	sqlite3_reset(rows);
	db_bind(u->s->db, rows, e, "ttI", u->period, u->last_day, estate);
	while ((rc = sqlite3_step(rows)) == SQLITE_ROW) {
		if (u->progress != NULL && ++u->done % 512 == 0)
			u->progress(u->arg, u->done, u->todo);
		room = sqlite3_column_int64(rows, 0);
		item = sqlite3_column_int64(rows, 1);
		if (room == prev_room && item == prev_item)
			continue;	/* an older standard of the same item */
		prev_room = room;
		prev_item = item;
		if (sqlite3_column_int(rows, 12)) {
			u->r->existing++;
			continue;
		}
		if ((k = item_index(u, item)) < 0)
			continue;
		std = (struct fee_standard){
		    .unit_price = sqlite3_column_type(rows, 2) == SQLITE_NULL ? -1 :
			sqlite3_column_int64(rows, 2),
		    .quantity = sqlite3_column_type(rows, 3) == SQLITE_NULL ? -1 :
			sqlite3_column_int64(rows, 3),
		    .discount = sqlite3_column_int64(rows, 4),
		    .vacant_discount = sqlite3_column_int64(rows, 5) };
		if (period_parse((const char *)sqlite3_column_text(rows, 6),
		    &std.start_period, e) != WY_OK)
			return wy_prefix(e, "fee_standards");
		if (!fee_bills_in(&u->items[k], u->p, std.start_period))
			continue;
		metered = u->types[k] >= 0;
		sh = metered ? find_share(u, room, (size_t)k) : NULL;
		if (metered && sqlite3_column_type(rows, 11) == SQLITE_NULL &&
		    sh == NULL) {
			u->est_missing[k]++;
			if (room != u->last_missing)
				u->r->missing_rooms++;
			u->last_missing = room;
			continue;
		}
		in = (struct fee_input){ .period = u->p,
		    .charge_area = sqlite3_column_int64(rows, 7),
		    .vacant = sqlite3_column_int(rows, 8),
		    .usage = sqlite3_column_int64(rows, 11),
		    .space_price = sqlite3_column_type(rows, 10) == SQLITE_NULL ? -1 :
			sqlite3_column_int64(rows, 10) };
		if ((rc = fee_calc(&u->items[k], &std, &in, &fr, e)) != WY_OK)
			return wy_prefix(e, _("room id %lld, item %s"),
			    (long long)room, u->r->items[k].code);
		if (!fr.billed)
			continue;
		if (sh != NULL) {	/* the share is billed whole, at the item's price */
			fr.quantity += sh->usage;
			fr.amount += sh->amount;
			sh->billed = 1;
			if (fr.amount > MONEY_MAX)
				return wy_fail(e, WY_EINVALID, _("room id %lld, "
				    "item %s: the amount is beyond %s"),
				    (long long)room, u->r->items[k].code,
				    "99999999999999");
		}
		if (!u->preview) {
			date_format(fee_due_date(&u->items[k], u->p), due);
			sqlite3_reset(ins);
			sqlite3_bind_int64(ins, 1, room);
			if (sqlite3_column_type(rows, 9) == SQLITE_NULL)
				sqlite3_bind_null(ins, 2);
			else
				sqlite3_bind_int64(ins, 2, sqlite3_column_int64(rows, 9));
			sqlite3_bind_int64(ins, 3, item);
			sqlite3_bind_text(ins, 4, u->period, -1, SQLITE_STATIC);
			sqlite3_bind_int64(ins, 5, fr.quantity);
			sqlite3_bind_int64(ins, 6, fr.unit_price);
			sqlite3_bind_int64(ins, 7, fr.discount);
			sqlite3_bind_int64(ins, 8, fr.amount);
			sqlite3_bind_text(ins, 9, due, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(ins, 10, run_id);
			if ((rc = sqlite3_step(ins)) != SQLITE_DONE) {
				rc = db_fail(u->s->db, rc, e, "bills");
				sqlite3_reset(ins);
				return rc;
			}
			if (sqlite3_changes(u->s->db->h) == 0) {
				u->r->existing++;
				continue;
			}
		}
		u->est_bills[k]++;
		u->est_total[k] += fr.amount;
	}
	sqlite3_reset(rows);
	if (rc != SQLITE_DONE)
		return db_fail(u->s->db, rc, e, "fee_standards");
	count_unbilled(u);
	return WY_OK;
}

/* Add the estate's counts to the result; the number of bills made. */
static int64_t
merge_estate(struct run *u, int keep)
{
	int64_t n = 0;
	size_t i;

	for (i = 0; i < u->r->nitems; i++) {
		if (keep) {
			u->r->items[i].bills += u->est_bills[i];
			u->r->items[i].total += u->est_total[i];
			u->r->bills += u->est_bills[i];
			u->r->total += u->est_total[i];
		}
		u->r->items[i].missing += u->est_missing[i];
		u->r->missing += u->est_missing[i];
		n += u->est_bills[i];
		u->est_bills[i] = u->est_total[i] = u->est_missing[i] = 0;
	}
	return n;
}

/* Pay the payers of run_id's bills who have a prepayment balance from it
 * (inside the estate's transaction): each draws what they owe, at most
 * their balance, as one "prepay" receipt. */
static int
draw_prepayments(struct run *u, int64_t run_id, struct wy_err *e)
{
	struct cashier_payment p = { .method = "prepay", .tendered = -1 };
	struct cashier_receipt rec;
	struct cashier_bill *v;
	sqlite3_stmt *st;
	int64_t balance, due;
	size_t n, i;
	int rc, step;

	if ((rc = db_prepare(u->s->db, "SELECT b.client_id, sum(p.amount)"
	    " FROM (SELECT DISTINCT client_id FROM bills WHERE run_id = ?"
	    " AND client_id IS NOT NULL) b JOIN prepayments p"
	    " ON p.client_id = b.client_id"
	    " GROUP BY b.client_id HAVING sum(p.amount) > 0"
	    " ORDER BY b.client_id", &st, e)) != WY_OK)
		return rc;
	sqlite3_bind_int64(st, 1, run_id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		p.client_id = sqlite3_column_int64(st, 0);
		balance = sqlite3_column_int64(st, 1);
		if ((rc = cashier_unpaid(u->s, 0, p.client_id, NULL, &v, &n,
		    e)) != WY_OK)
			break;
		for (due = 0, i = 0; i < n; i++)
			due += v[i].outstanding + v[i].late_fee;
		free(v);
		p.amount = due < balance ? due : balance;
		if (p.amount == 0)
			continue;
		if ((rc = cashier_pay_intx(u->s, &p, &rec, e)) != WY_OK)
			break;
		u->r->draws++;
		u->r->drawn += rec.prepay_out;
	}
	if (rc == WY_OK && step != SQLITE_DONE)
		rc = db_fail(u->s->db, step, e, "prepayments");
	sqlite3_finalize(st);
	return rc;
}

/* One estate in its own transaction (or none, in a preview). */
static int
run_estate(struct run *u, int64_t estate, const char *code,
    sqlite3_stmt *rows, sqlite3_stmt *ins, struct wy_err *e)
{
	char at[TIMESTAMP_BUFSIZE], detail[160];
	int64_t run_id = 0, bills = 0, total = 0, draws, drawn;
	size_t i;
	int rc;

	if (u->preview) {
		rc = bill_estate(u, estate, rows, ins, 0, e);
		merge_estate(u, rc == WY_OK);
		return rc;
	}
	if ((rc = db_begin(u->s->db, e)) != WY_OK)
		return rc;
	rc = db_run(u->s->db, e, "INSERT INTO bill_runs (period, estate_id, at, by)"
	    " VALUES (?, ?, ?, ?)", "tItt", u->period, estate, timestamp_now(at),
	    u->s->user);
	if (rc == WY_OK) {
		run_id = sqlite3_last_insert_rowid(u->s->db->h);
		rc = bill_estate(u, estate, rows, ins, run_id, e);
	}
	for (i = 0; i < u->r->nitems; i++) {
		bills += u->est_bills[i];
		total += u->est_total[i];
	}
	if (rc == WY_OK && bills == 0) {
		db_rollback(u->s->db);	/* nothing new: leave no trace */
		merge_estate(u, 1);
		return WY_OK;
	}
	draws = u->r->draws;
	drawn = u->r->drawn;
	if (rc == WY_OK && u->draw)
		rc = draw_prepayments(u, run_id, e);
	if (rc == WY_OK)
		rc = db_run(u->s->db, e, "UPDATE bill_runs SET bills = ?, total = ?"
		    " WHERE id = ?", "III", bills, total, run_id);
	snprintf(detail, sizeof detail, "period %s estate %s: %lld bills, %lld fen",
	    u->period, code, (long long)bills, (long long)total);
	if (rc == WY_OK)
		rc = audit_append(u->s, "bill.run", "bill_runs", run_id, detail, e);
	if (rc == WY_OK)
		rc = db_commit(u->s->db, e);
	if (rc != WY_OK) {
		db_rollback(u->s->db);
		merge_estate(u, 0);
		u->r->draws = draws;
		u->r->drawn = drawn;
		return wy_prefix(e, _("estate %s (nothing of it was billed)"), code);
	}
	merge_estate(u, 1);
	u->r->runs++;
	return WY_OK;
}

/* Refuse a closed period; the number of standards to look at. */
static int
run_prepare(struct run *u, int64_t estate, struct wy_err *e)
{
	int64_t closed = 0;
	int rc;

	rc = db_int64(u->s->db, &closed, e, "SELECT closed_at IS NOT NULL"
	    " FROM periods WHERE period = ?", "t", u->period);
	if (rc == WY_OK && closed)
		return wy_fail(e, WY_ECONFLICT,
		    _("period %s is closed: no bill can be added to it"), u->period);
	if (rc != WY_OK && rc != WY_ENOTFOUND)
		return rc;
	if (estate != 0)
		return db_int64(u->s->db, &u->todo, e, sql_count, "tI", u->period,
		    estate);
	return db_int64(u->s->db, &u->todo, e, sql_count, "tn", u->period);
}

int
bill_run(struct session *s, const char *period, const char *estate,
    unsigned flags, bill_progress_fn progress, void *arg,
    struct bill_result *r, struct wy_err *e)
{
	struct run u = { .s = s, .period = period, .r = r,
	    .preview = (flags & BILL_PREVIEW) != 0,
	    .draw = !(flags & BILL_NO_DRAW) &&
	    conf_bool(s->conf, "bill.draw_prepayment"),
	    .progress = progress, .arg = arg };
	sqlite3_stmt *est = NULL, *rows = NULL, *ins = NULL;
	int64_t estate_id = 0;
	int rc;

	memset(r, 0, sizeof *r);
	if ((rc = auth_require(s, "charge.bill", e)) != WY_OK)
		return rc;
	if (period == NULL || period_parse(period, &u.p, e) != WY_OK)
		return period == NULL ? wy_fail(e, WY_EINVALID, _("no period given")) :
		    wy_prefix(e, "%s", _("Period"));
	date_format(period_last_day(u.p), u.last_day);
	if (estate != NULL && (rc = db_int64(s->db, &estate_id, e,
	    "SELECT id FROM estates WHERE code = ?", "t", estate)) != WY_OK)
		return rc == WY_ENOTFOUND ? wy_fail(e, WY_ENOTFOUND,
		    _("Estate: there is no estate '%s'"), estate) : rc;
	if ((rc = run_prepare(&u, estate_id, e)) != WY_OK ||
	    (rc = load_items(&u, e)) != WY_OK)
		goto out;
	u.est_bills = xcalloc(r->nitems + 1, sizeof *u.est_bills);
	u.est_total = xcalloc(r->nitems + 1, sizeof *u.est_total);
	u.est_missing = xcalloc(r->nitems + 1, sizeof *u.est_missing);
	if ((rc = db_prepare(s->db, sql_rows, &rows, e)) != WY_OK ||
	    (rc = db_prepare(s->db, sql_insert, &ins, e)) != WY_OK ||
	    (rc = db_prepare(s->db, "SELECT id, code FROM estates"
	    " WHERE ?1 = 0 OR id = ?1 ORDER BY code", &est, e)) != WY_OK)
		goto out;
	sqlite3_bind_int64(est, 1, estate_id);
	while ((rc = sqlite3_step(est)) == SQLITE_ROW) {
		char code[64];

		snprintf(code, sizeof code, "%s", (const char *)sqlite3_column_text(est, 1));
		if ((rc = run_estate(&u, sqlite3_column_int64(est, 0), code, rows,
		    ins, e)) != WY_OK)
			goto out;
	}
	rc = rc == SQLITE_DONE ? WY_OK : db_fail(s->db, rc, e, "estates");
	if (rc == WY_OK && progress != NULL)
		progress(arg, u.todo, u.todo);
out:
	sqlite3_finalize(est);
	sqlite3_finalize(rows);
	sqlite3_finalize(ins);
	free(u.items);
	free(u.types);
	free(u.shares);
	free(u.est_bills);
	free(u.est_total);
	free(u.est_missing);
	return rc;
}

int
bill_fee_item(struct session *s, int64_t id, struct fee_item *it,
    struct wy_err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_cached(s->db, "SELECT id, method, cycle, rounding, unit_price,"
	    " due_day, late_after, late_rate, late_cap FROM fee_items WHERE id = ?",
	    &st, e)) != WY_OK || (rc = db_bind(s->db, st, e, "I", id)) != WY_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = item_from_row(st, it, e);
	else if (rc == SQLITE_DONE)
		rc = wy_fail(e, WY_ENOTFOUND, _("Fee item: no fee item with id %lld"),
		    (long long)id);
	else
		rc = db_fail(s->db, rc, e, "fee_items");
	sqlite3_reset(st);
	if (rc != WY_OK)
		return rc;
	if ((rc = db_cached(s->db, "SELECT upto, unit_price FROM fee_tiers"
	    " WHERE fee_item_id = ? ORDER BY upto IS NULL, upto", &st, e)) != WY_OK ||
	    (rc = db_bind(s->db, st, e, "I", id)) != WY_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && it->ntiers < FEE_TIERS_MAX) {
		it->tiers[it->ntiers].upto = sqlite3_column_type(st, 0) ==
		    SQLITE_NULL ? FEE_REST : sqlite3_column_int64(st, 0);
		it->tiers[it->ntiers++].unit_price = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? WY_OK :
	    db_fail(s->db, rc, e, "fee_tiers");
}

int
bill_late_fee(struct session *s, int64_t bill_id, int32_t on, int64_t *fee,
    struct wy_err *e)
{
	int64_t item = 0, amount = 0, open = 0;
	struct fee_item it;
	char due[DATE_BUFSIZE] = "";
	sqlite3_stmt *st;
	int32_t day;
	int rc;

	*fee = 0;
	if ((rc = auth_require(s, "charge.read", e)) != WY_OK)
		return rc;
	if ((rc = db_cached(s->db, "SELECT fee_item_id, amount,"
	    " amount - paid - waived, due_date FROM bills WHERE id = ?", &st,
	    e)) != WY_OK || (rc = db_bind(s->db, st, e, "I", bill_id)) != WY_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		item = sqlite3_column_int64(st, 0);
		amount = sqlite3_column_int64(st, 1);
		open = sqlite3_column_int64(st, 2);
		snprintf(due, sizeof due, "%s", (const char *)sqlite3_column_text(st, 3));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return wy_fail(e, WY_ENOTFOUND, _("no bill with id %lld"),
		    (long long)bill_id);
	if (rc != SQLITE_ROW)
		return db_fail(s->db, rc, e, "bills");
	if ((rc = date_parse(due, &day, e)) != WY_OK ||
	    (rc = bill_fee_item(s, item, &it, e)) != WY_OK)
		return rc;
	*fee = fee_late(&it, amount, open, day, on);
	return WY_OK;
}

int
bill_assign_standard(struct session *s, int64_t item_id, int64_t building_id,
    int64_t estate_id, const char *from, const char *to, int64_t *added,
    struct wy_err *e)
{
	char detail[128];
	int rc, p, q;

	*added = 0;
	if ((rc = auth_require(s, "charge.setup", e)) != WY_OK)
		return rc;
	if (from == NULL || period_parse(from, &p, e) != WY_OK)
		return from == NULL ? wy_fail(e, WY_EINVALID, _("no period given")) :
		    wy_prefix(e, "%s", _("From period"));
	if (to != NULL && period_parse(to, &q, e) != WY_OK)
		return wy_prefix(e, "%s", _("To period"));
	if (to != NULL && q < p)
		return wy_fail(e, WY_EINVALID,
		    _("To period: %s is before the from period %s"), to, from);
	if ((building_id != 0) == (estate_id != 0))
		return wy_fail(e, WY_EINVALID,
		    _("give either a building or an estate"));
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	rc = db_run(s->db, e, "INSERT OR IGNORE INTO fee_standards (room_id,"
	    " fee_item_id, start_period, end_period) SELECT r.id, ?1, ?2, ?3"
	    " FROM rooms r JOIN buildings b ON b.id = r.building_id"
	    " WHERE (?4 <> 0 AND r.building_id = ?4) OR (?5 <> 0 AND b.estate_id = ?5)"
	    " ORDER BY r.code", "IttII", item_id, from, to, building_id, estate_id);
	if (rc == WY_OK) {
		*added = sqlite3_changes(s->db->h);
		snprintf(detail, sizeof detail, "item %lld from %s: %lld rooms of %s %lld",
		    (long long)item_id, from, (long long)*added,
		    building_id != 0 ? "building" : "estate",
		    (long long)(building_id != 0 ? building_id : estate_id));
		rc = audit_append(s, "charge.assign", "fee_standards", 0, detail, e);
	}
	if (rc == WY_OK)
		rc = db_commit(s->db, e);
	else {
		db_rollback(s->db);
		*added = 0;
	}
	return rc;
}

static const char sql_unread[] =
    "SELECT m.code, r.code, m.type FROM meters m"
    " JOIN rooms r ON r.id = m.room_id JOIN buildings b ON b.id = r.building_id"
    " WHERE (?2 = 0 OR b.estate_id = ?2)"
    " AND (m.removed IS NULL OR m.removed >= ?3)"
    " AND (m.installed IS NULL OR m.installed <= ?4)"
    " AND NOT EXISTS (SELECT 1 FROM readings rd WHERE rd.meter_id = m.id"
    "  AND rd.period = ?1)"
    " AND EXISTS (SELECT 1 FROM fee_standards st JOIN fee_items fi"
    "  ON fi.id = st.fee_item_id AND fi.active = 1 AND fi.meter_type = m.type"
    "  WHERE st.room_id = m.room_id AND st.start_period <= ?1"
    "  AND (st.end_period IS NULL OR st.end_period >= ?1))"
    " ORDER BY r.code, m.code";

int
bill_unread(struct session *s, const char *period, const char *estate,
    struct bill_unread **v, size_t *n, int64_t *rooms, struct wy_err *e)
{
	char first[DATE_BUFSIZE], last[DATE_BUFSIZE], prev[33] = "";
	int64_t estate_id = 0;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, p;

	*v = NULL;
	*n = 0;
	*rooms = 0;
	if ((rc = auth_require(s, "meter.read", e)) != WY_OK)
		return rc;
	if (period == NULL || period_parse(period, &p, e) != WY_OK)
		return period == NULL ? wy_fail(e, WY_EINVALID, _("no period given")) :
		    wy_prefix(e, "%s", _("Period"));
	if (estate != NULL && (rc = db_int64(s->db, &estate_id, e,
	    "SELECT id FROM estates WHERE code = ?", "t", estate)) != WY_OK)
		return rc == WY_ENOTFOUND ? wy_fail(e, WY_ENOTFOUND,
		    _("Estate: there is no estate '%s'"), estate) : rc;
	date_format(period_first_day(p), first);
	date_format(period_last_day(p), last);
	if ((rc = db_prepare(s->db, sql_unread, &st, e)) != WY_OK)
		return rc;
	db_bind(s->db, st, e, "tItt", period, estate_id, first, last);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct bill_unread *u;

		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*v = xrealloc(*v, cap * sizeof **v);
		}
		u = &(*v)[(*n)++];
		snprintf(u->meter, sizeof u->meter, "%s", sqlite3_column_text(st, 0));
		snprintf(u->room, sizeof u->room, "%s", sqlite3_column_text(st, 1));
		snprintf(u->type, sizeof u->type, "%s", sqlite3_column_text(st, 2));
		if (strcmp(prev, u->room) != 0)
			(*rooms)++;
		snprintf(prev, sizeof prev, "%s", u->room);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*v);
		*v = NULL;
		*n = 0;
		return db_fail(s->db, rc, e, "meters");
	}
	return WY_OK;
}

void
bill_split_free(struct bill_split *b)
{
	meter_apport_free(&b->a);
	free(b->items);
	free(b->amounts);
	memset(b, 0, sizeof *b);
}

int
bill_split(struct session *s, int64_t meter_id, const char *period,
    struct bill_split *b, struct wy_err *e)
{
	struct bill_result r = { 0 };
	struct run u = { .s = s, .period = period, .r = &r };
	int64_t *w = NULL;
	size_t i, k;
	int rc, type;

	memset(b, 0, sizeof *b);
	if ((rc = auth_require(s, "charge.read", e)) != WY_OK ||
	    (rc = meter_apportion(s, meter_id, period, &b->a, e)) != WY_OK ||
	    (rc = load_items(&u, e)) != WY_OK)
		goto out;
	type = type_index((const unsigned char *)b->a.type);
	w = xcalloc(b->a.n + 1, sizeof *w);
	for (i = 0; i < b->a.n; i++)
		w[i] = b->a.shares[i].weight;
	b->items = xcalloc(r.nitems + 1, sizeof *b->items);
	b->amounts = xcalloc((r.nitems + 1) * (b->a.n + 1), sizeof *b->amounts);
	for (k = 0; k < r.nitems; k++) {
		if (type < 0 || u.types[k] != type)
			continue;
		b->items[b->nitems] = r.items[k];
		if ((rc = fee_shared_amount(&u.items[k], b->a.usage,
		    &b->items[b->nitems].total, e)) != WY_OK)
			goto out;
		meter_split(b->items[b->nitems].total, w, b->a.n,
		    b->amounts + b->nitems * b->a.n);
		b->nitems++;
	}
out:
	free(w);
	free(u.items);
	free(u.types);
	bill_result_free(&r);
	if (rc != WY_OK)
		bill_split_free(b);
	return rc;
}
