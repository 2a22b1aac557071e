/* wuye: charge and collection notices: choosing the rooms and reading
 * each room's bills, late fees and prepayment (see notice.h).  The text
 * layout is in notice_text.c.
 *
 * The rooms of the selection that have a notice are found first (so the
 * count is known for the progress), by room code; then each room's bills
 * are read with statements prepared once.  Everything is read inside one
 * savepoint, so every notice and the count come from the same snapshot.
 */
#include "wuye/notice.h"

#include <stdlib.h>
#include <string.h>

#include "wuye/auth.h"
#include "wuye/cashier.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/entity.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"

/* The rooms of the selection with a charge notice of period ?4: a bill in
 * the period or an unpaid bill of an earlier one. */
static const char notice_rooms_charge[] =
    "SELECT r.id FROM rooms r JOIN buildings bd ON bd.id = r.building_id"
    " WHERE (?1 = 0 OR bd.estate_id = ?1) AND (?2 = 0 OR r.building_id = ?2)"
    " AND (?3 = 0 OR r.id = ?3)"
    " AND (EXISTS (SELECT 1 FROM bills b WHERE b.room_id = r.id"
    " AND b.period = ?4) OR EXISTS (SELECT 1 FROM bills b INDEXED BY"
    " bills_unpaid WHERE b.room_id = r.id AND b.amount > b.paid + b.waived"
    " AND b.period < ?4))"
    " ORDER BY r.code";

/* The rooms of the selection with a bill in arrears due on or before ?4
 * (the date less min_days, at least one day). */
static const char notice_rooms_collection[] =
    "SELECT r.id FROM rooms r JOIN buildings bd ON bd.id = r.building_id"
    " WHERE (?1 = 0 OR bd.estate_id = ?1) AND (?2 = 0 OR r.building_id = ?2)"
    " AND (?3 = 0 OR r.id = ?3)"
    " AND EXISTS (SELECT 1 FROM bills b INDEXED BY bills_unpaid"
    " WHERE b.room_id = r.id AND b.amount > b.paid + b.waived"
    " AND b.due_date <= ?4)"
    " ORDER BY r.code";

/* A room's code, place and estate contacts. */
static const char notice_room_sql[] =
    "SELECT r.code, e.name || ' ' || bd.name, e.phone, e.address"
    " FROM rooms r JOIN buildings bd ON bd.id = r.building_id"
    " JOIN estates e ON e.id = bd.estate_id WHERE r.id = ?";

/* The bills of a charge notice: the period's (first), then the unpaid
 * ones of earlier periods; oldest first within each. */
static const char notice_bills_charge[] =
    "SELECT b.period, f.name, b.due_date, b.quantity, b.unit_price,"
    " b.amount, b.paid + b.waived, b.late_paid, f.late_after, f.late_rate,"
    " f.late_cap, coalesce(b.client_id, 0), b.period = ?2"
    " FROM bills b JOIN fee_items f ON f.id = b.fee_item_id"
    " WHERE b.room_id = ?1 AND (b.period = ?2 OR (b.period < ?2"
    " AND b.amount > b.paid + b.waived))"
    " ORDER BY b.period = ?2 DESC, b.period, b.due_date, b.id";

/* The bills of a collection notice: unpaid and due before the date. */
static const char notice_bills_collection[] =
    "SELECT b.period, f.name, b.due_date, b.quantity, b.unit_price,"
    " b.amount, b.paid + b.waived, b.late_paid, f.late_after, f.late_rate,"
    " f.late_cap, coalesce(b.client_id, 0), 0"
    " FROM bills b INDEXED BY bills_unpaid"
    " JOIN fee_items f ON f.id = b.fee_item_id"
    " WHERE b.room_id = ?1 AND b.amount > b.paid + b.waived"
    " AND b.due_date < ?2 ORDER BY b.period, b.due_date, b.id";

/* The options resolved: ids, day numbers and the statements. */
struct notice_ctx {
	struct session *s;
	const struct notice_opts *o;
	int64_t estate, building, room;
	char period[PERIOD_BUFSIZE];
	int32_t day, by;
	char date[DATE_BUFSIZE], bydate[DATE_BUFSIZE];
	sqlite3_stmt *room_st, *bills_st, *client_st;
	int mask;		/* mask phone numbers */
	struct notice n;	/* the notice being built */
	size_t cap;		/* bills allocated in n */
};

/* Column i of st as text, "" for NULL. */
static const char *
notice_str(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t != NULL ? (const char *)t : "";
}

/* The id of the row whose code is code (NULL or "": 0) by sql; an unknown
 * code is WY_EINVALID with the message unknown (one %s: the code). */
static int
notice_code(struct db *db, const char *sql, const char *code,
    const char *unknown, int64_t *id, struct wy_err *e)
{
	int rc;

	*id = 0;
	if (code == NULL || *code == '\0')
		return WY_OK;
	rc = db_int64(db, id, e, sql, "t", code);
	if (rc == WY_ENOTFOUND)
		return wy_fail(e, WY_EINVALID, unknown, code);
	return rc;
}

/* Check the options and resolve codes and dates into c. */
static int
notice_resolve(struct notice_ctx *c, struct wy_err *e)
{
	const struct notice_opts *o = c->o;
	struct db *db = c->s->db;
	int p, rc;

	if (o->kind == NOTICE_CHARGE) {
		if (o->period == NULL || *o->period == '\0')
			return wy_fail(e, WY_EINVALID, _("period: a charge "
			    "notice needs a period (YYYY-MM)"));
		if (period_parse(o->period, &p, e) != WY_OK)
			return wy_prefix(e, "period");
		period_format(p, c->period);
	}
	if (o->date == NULL || *o->date == '\0')
		c->day = date_today();
	else if (date_parse(o->date, &c->day, e) != WY_OK)
		return wy_prefix(e, "date");
	date_format(c->day, c->date);
	if (o->kind == NOTICE_COLLECTION) {
		if (o->min_days < 0 || o->min_days > 36500)
			return wy_fail(e, WY_EINVALID, _("min-days: %d is out "
			    "of range 0..36500"), o->min_days);
		if (o->by == NULL || *o->by == '\0')
			c->by = c->day + NOTICE_BY_DAYS;
		else if (date_parse(o->by, &c->by, e) != WY_OK)
			return wy_prefix(e, "by");
		else if (c->by < c->day)
			return wy_fail(e, WY_EINVALID, _("by: %s is before the "
			    "notice's date %s"), o->by, c->date);
		date_format(c->by, c->bydate);
	}
	if ((rc = notice_code(db, "SELECT id FROM estates WHERE code = ?",
	    o->estate, _("estate: there is no estate '%s'"), &c->estate,
	    e)) != WY_OK ||
	    (rc = notice_code(db, "SELECT id FROM buildings WHERE code = ?",
	    o->building, _("building: there is no building '%s'"),
	    &c->building, e)) != WY_OK ||
	    (rc = notice_code(db, "SELECT id FROM rooms WHERE code = ?",
	    o->room, _("room: there is no room '%s'"), &c->room, e)) != WY_OK)
		return rc;
	return WY_OK;
}

/* The ids of the rooms that have a notice, by room code. */
static int
notice_rooms(struct notice_ctx *c, int64_t **ids, size_t *n,
    struct wy_err *e)
{
	struct db *db = c->s->db;
	sqlite3_stmt *st;
	char cut[DATE_BUFSIZE];
	size_t cap = 0;
	int rc, step;

	*ids = NULL;
	*n = 0;
	if (c->o->kind == NOTICE_CHARGE)
		snprintf(cut, sizeof cut, "%s", c->period);
	else
		date_format(c->day - (c->o->min_days > 0 ? c->o->min_days : 1),
		    cut);
	if ((rc = db_prepare(db, c->o->kind == NOTICE_CHARGE ?
	    notice_rooms_charge : notice_rooms_collection, &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(db, st, e, "IIIt", c->estate, c->building, c->room,
	    cut)) != WY_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*ids = xrealloc(*ids, cap * sizeof **ids);
		}
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (step != SQLITE_DONE)
		rc = db_fail(db, step, e, "rooms");
	sqlite3_finalize(st);
	return rc;
}

/* A new zeroed bill at the end of c's notice. */
static struct notice_bill *
notice_push(struct notice_ctx *c)
{
	struct notice *n = &c->n;

	if (n->nbills == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		n->bills = xrealloc(n->bills, c->cap * sizeof *n->bills);
	}
	memset(&n->bills[n->nbills], 0, sizeof n->bills[0]);
	return &n->bills[n->nbills++];
}

/* Add period p to the list of periods owing (once; cut with "…"). */
static void
notice_add_period(struct notice *n, const char *p)
{
	size_t len = strlen(n->periods);

	if (strstr(n->periods, p) != NULL)
		return;
	if (len + strlen(p) + 8 >= sizeof n->periods) {
		if (len < 4 || strcmp(n->periods + len - 3, "…") != 0)
			snprintf(n->periods + len, sizeof n->periods - len,
			    " …");
		return;
	}
	snprintf(n->periods + len, sizeof n->periods - len, "%s%s",
	    len > 0 ? " " : "", p);
}

/* Read the room's bills into c->n: figures, late fees, the client. */
static int
notice_bills(struct notice_ctx *c, struct wy_err *e)
{
	struct notice *n = &c->n;
	struct notice_bill *b;
	sqlite3_stmt *st = c->bills_st;
	int64_t client = 0, cur_client = 0, late;
	int32_t due;
	size_t i;
	int rc, step, current;

	sqlite3_reset(st);
	if ((rc = db_bind(c->s->db, st, e, "It", n->room_id,
	    c->o->kind == NOTICE_CHARGE ? c->period : c->date)) != WY_OK)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		b = notice_push(c);
		snprintf(b->period, sizeof b->period, "%s", notice_str(st, 0));
		snprintf(b->item, sizeof b->item, "%s", notice_str(st, 1));
		snprintf(b->due_date, sizeof b->due_date, "%s",
		    notice_str(st, 2));
		b->quantity = sqlite3_column_int64(st, 3);
		b->unit_price = sqlite3_column_int64(st, 4);
		b->amount = sqlite3_column_int64(st, 5);
		b->settled = sqlite3_column_int64(st, 6);
		b->outstanding = b->amount - b->settled;
		current = sqlite3_column_int(st, 12);
		if (date_parse(b->due_date, &due, NULL) == WY_OK) {
			b->days = (int)(c->day - due);
			late = cashier_late_fee(b->outstanding, b->amount, due,
			    sqlite3_column_int(st, 8),
			    sqlite3_column_int64(st, 9),
			    sqlite3_column_int64(st, 10), c->day) -
			    sqlite3_column_int64(st, 7);
			b->late_fee = late > 0 ? late : 0;
		}
		if (sqlite3_column_int64(st, 11) > 0) {
			if (current)
				cur_client = sqlite3_column_int64(st, 11);
			else
				client = sqlite3_column_int64(st, 11);
		}
		if (current) {
			n->ncurrent++;
			n->current += b->outstanding;
			if (*n->due == '\0' || strcmp(b->due_date, n->due) < 0)
				snprintf(n->due, sizeof n->due, "%s",
				    b->due_date);
		} else
			n->carried += b->outstanding;
		n->late_fee += b->late_fee;
		if (c->o->kind == NOTICE_COLLECTION && (n->nbills == 1 ||
		    b->days > n->oldest_days)) {
			snprintf(n->oldest_due, sizeof n->oldest_due, "%s",
			    b->due_date);
			n->oldest_days = b->days;
		}
	}
	if (step != SQLITE_DONE)
		return db_fail(c->s->db, step, e, "bills");
	n->client_id = cur_client > 0 ? cur_client : client;
	/* The periods owing, oldest first (the period's bills come first). */
	for (i = n->ncurrent; i < n->nbills + n->ncurrent; i++) {
		b = &n->bills[i % n->nbills];
		if (b->outstanding > 0)
			notice_add_period(n, b->period);
	}
	return WY_OK;
}

/* Fill the client's name, phone and prepayment balance. */
static int
notice_client(struct notice_ctx *c, struct wy_err *e)
{
	struct notice *n = &c->n;
	sqlite3_stmt *st = c->client_st;
	char *m;
	int rc;

	if (n->client_id <= 0)
		return WY_OK;
	sqlite3_reset(st);
	if ((rc = db_bind(c->s->db, st, e, "I", n->client_id)) != WY_OK)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(n->client, sizeof n->client, "%s", notice_str(st, 0));
		snprintf(n->phone, sizeof n->phone, "%s", notice_str(st, 1));
		if (c->mask && *n->phone != '\0') {
			m = entity_mask(n->phone);
			snprintf(n->phone, sizeof n->phone, "%s", m);
			free(m);
		}
	}
	sqlite3_reset(st);
	return cashier_prepay_balance(c->s, n->client_id, &n->prepay, e);
}

/* Build the notice of room id into c->n. */
static int
notice_load(struct notice_ctx *c, int64_t id, struct wy_err *e)
{
	struct notice *n = &c->n;
	struct notice_bill *keep = n->bills;
	sqlite3_stmt *st = c->room_st;
	int64_t sum;
	int rc;

	memset(n, 0, sizeof *n);
	n->bills = keep;
	n->kind = c->o->kind;
	n->room_id = id;
	snprintf(n->date, sizeof n->date, "%s", c->date);
	snprintf(n->period, sizeof n->period, "%s", c->period);
	sqlite3_reset(st);
	if ((rc = db_bind(c->s->db, st, e, "I", id)) != WY_OK)
		return rc;
	if ((rc = sqlite3_step(st)) != SQLITE_ROW)
		return db_fail(c->s->db, rc == SQLITE_DONE ? SQLITE_NOTFOUND :
		    rc, e, "rooms");
	snprintf(n->room, sizeof n->room, "%s", notice_str(st, 0));
	snprintf(n->place, sizeof n->place, "%s", notice_str(st, 1));
	snprintf(n->estate_phone, sizeof n->estate_phone, "%s",
	    notice_str(st, 2));
	snprintf(n->estate_address, sizeof n->estate_address, "%s",
	    notice_str(st, 3));
	sqlite3_reset(st);
	if ((rc = notice_bills(c, e)) != WY_OK ||
	    (rc = notice_client(c, e)) != WY_OK)
		return rc;
	if (n->kind == NOTICE_COLLECTION)
		snprintf(n->due, sizeof n->due, "%s", c->bydate);
	else if (*n->due == '\0')
		snprintf(n->due, sizeof n->due, "%s", c->date);
	sum = n->current + n->carried + n->late_fee - n->prepay;
	n->total = sum > 0 ? sum : 0;
	return WY_OK;
}

/* Prepare the per-room statements. */
static int
notice_prepare(struct notice_ctx *c, struct wy_err *e)
{
	struct db *db = c->s->db;
	int rc;

	if ((rc = db_prepare(db, notice_room_sql, &c->room_st, e)) != WY_OK ||
	    (rc = db_prepare(db, c->o->kind == NOTICE_CHARGE ?
	    notice_bills_charge : notice_bills_collection, &c->bills_st,
	    e)) != WY_OK ||
	    (rc = db_prepare(db, "SELECT name, mobile FROM clients"
	    " WHERE id = ?", &c->client_st, e)) != WY_OK)
		return rc;
	return WY_OK;
}

/* Build and hand out every notice (inside the savepoint). */
static int
notice_run(struct notice_ctx *c, int (*fn)(void *arg, const struct notice *n),
    void *arg, size_t *count, struct wy_err *e)
{
	int64_t *ids = NULL;
	size_t i, n = 0;
	int rc;

	if ((rc = notice_resolve(c, e)) != WY_OK ||
	    (rc = notice_rooms(c, &ids, &n, e)) != WY_OK ||
	    (rc = notice_prepare(c, e)) != WY_OK)
		goto out;
	for (i = 0; i < n; i++) {
		if ((rc = notice_load(c, ids[i], e)) != WY_OK)
			goto out;
		c->n.index = i;
		c->n.count = n;
		if (fn != NULL && (rc = fn(arg, &c->n)) != 0)
			goto out;
		if (c->o->progress != NULL)
			c->o->progress(c->o->progress_arg, (int64_t)i + 1,
			    (int64_t)n);
	}
	if (count != NULL)
		*count = n;
out:
	free(ids);
	return rc;
}

int
notice_each(struct session *s, const struct notice_opts *o,
    int (*fn)(void *arg, const struct notice *n), void *arg, size_t *count,
    struct wy_err *e)
{
	struct notice_ctx c = { .s = s, .o = o };
	int rc;

	if (count != NULL)
		*count = 0;
	if ((rc = auth_require(s, "charge.read", e)) != WY_OK)
		return rc;
	c.mask = !auth_can(s, "client.sensitive");
	if ((rc = db_exec(s->db, "SAVEPOINT notice_read", e)) != WY_OK)
		return rc;
	rc = notice_run(&c, fn, arg, count, e);
	sqlite3_finalize(c.room_st);
	sqlite3_finalize(c.bills_st);
	sqlite3_finalize(c.client_st);
	free(c.n.bills);
	db_exec(s->db, "RELEASE notice_read", NULL);
	return rc;
}
