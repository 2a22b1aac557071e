/* wuye: arrears (欠费) by room or client, with late fees and aging buckets
 * (see arrears.h).
 *
 * One pass over the unpaid bills past due, in room and period order
 * through the partial index bills_unpaid (which covers every column read,
 * so no bill row is looked up), folds them into one row per room; the
 * late fee terms of the fee items are read once beforehand rather than
 * joined to every bill.  The rooms are then filtered by age (by client:
 * merged first), named (room code, client name and phone, one lookup per
 * row, not per bill) and handed out.  All is read in one snapshot (a
 * savepoint).
 */
#include "wuye/arrears.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/auth.h"
#include "wuye/cashier.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/entity.h"
#include "wuye/i18n.h"

static const char arrears_sql[] =
    "SELECT b.room_id, coalesce(b.client_id, 0), b.due_date, b.amount,"
    " b.amount - b.paid - b.waived, b.late_paid, b.fee_item_id"
    " FROM bills b INDEXED BY bills_unpaid"
    " WHERE b.amount > b.paid + b.waived AND b.due_date < ?1"
    " AND (?2 = 0 OR b.room_id IN (SELECT r.id FROM rooms r"
    " JOIN buildings bd ON bd.id = r.building_id WHERE bd.estate_id = ?2))"
    " ORDER BY b.room_id, b.period, b.due_date, b.id";

static const char *const bucket_labels[ARREARS_BUCKETS] = {
	"0-30", "31-90", "91-180", "181-365", ">365",
};

const char *
arrears_query(void)
{
	return arrears_sql;
}

enum arrears_bucket
arrears_bucket_of(int days)
{
	if (days <= 30)
		return ARREARS_30;
	if (days <= 90)
		return ARREARS_90;
	if (days <= 180)
		return ARREARS_180;
	if (days <= 365)
		return ARREARS_365;
	return ARREARS_OVER;
}

const char *
arrears_bucket_label(enum arrears_bucket b)
{
	return (unsigned)b < ARREARS_BUCKETS ? bucket_labels[b] : "";
}

/* The rows found so far. */
struct arrears_set {
	struct arrears_row *v;
	size_t n, cap;
};

/* The late fee terms of a fee item. */
struct arrears_item {
	int64_t id;
	int late_after;
	int64_t late_rate;
	int64_t late_cap;
};

/* The fee items, by id. */
struct arrears_items {
	struct arrears_item *v;
	size_t n, cap;
	size_t last;		/* the one found last */
};

/* A new zeroed row at the end of set. */
static struct arrears_row *
arrears_push(struct arrears_set *set)
{
	if (set->n == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 64;
		if ((set->v = realloc(set->v, set->cap * sizeof *set->v)) ==
		    NULL)
			abort();
	}
	memset(&set->v[set->n], 0, sizeof set->v[0]);
	return &set->v[set->n++];
}

/* Copy text t (NULL: "") into buf of size bytes, cut to fit like
 * snprintf "%s". */
static void
arrears_copy(char *buf, size_t size, const unsigned char *t)
{
	size_t len = t != NULL ? strlen((const char *)t) : 0;

	if (len >= size)
		len = size - 1;
	if (len > 0)
		memcpy(buf, t, len);
	buf[len] = '\0';
}

/* Add bill figures to row r (its due date `due`, age `days`). */
static void
arrears_add(struct arrears_row *r, const char *due, int days,
    int64_t outstanding, int64_t late)
{
	if (r->bills == 0 || days > r->oldest_days) {
		arrears_copy(r->oldest_due, sizeof r->oldest_due,
		    (const unsigned char *)due);
		r->oldest_days = days;
	}
	r->bills++;
	r->outstanding += outstanding;
	r->late_fee += late;
	r->bucket[arrears_bucket_of(days)] += outstanding;
}

/* Fold row b into row a (same client). */
static void
arrears_merge(struct arrears_row *a, const struct arrears_row *b)
{
	int k;

	if (b->oldest_days > a->oldest_days) {
		memcpy(a->oldest_due, b->oldest_due, sizeof a->oldest_due);
		a->oldest_days = b->oldest_days;
	}
	a->bills += b->bills;
	a->outstanding += b->outstanding;
	a->late_fee += b->late_fee;
	for (k = 0; k < ARREARS_BUCKETS; k++)
		a->bucket[k] += b->bucket[k];
}

/* Read the late fee terms of every fee item into *items, by id. */
static int
arrears_items_load(struct db *db, struct arrears_items *items,
    struct wy_err *e)
{
	sqlite3_stmt *st;
	struct arrears_item *it;
	int rc, step;

	if ((rc = db_prepare(db, "SELECT id, late_after, late_rate, late_cap"
	    " FROM fee_items ORDER BY id", &st, e)) != WY_OK)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (items->n == items->cap) {
			items->cap = items->cap ? items->cap * 2 : 16;
			if ((items->v = realloc(items->v, items->cap *
			    sizeof *items->v)) == NULL)
				abort();
		}
		it = &items->v[items->n++];
		*it = (struct arrears_item){
			.id = sqlite3_column_int64(st, 0),
			.late_after = sqlite3_column_int(st, 1),
			.late_rate = sqlite3_column_int64(st, 2),
			.late_cap = sqlite3_column_int64(st, 3),
		};
	}
	rc = step == SQLITE_DONE ? WY_OK : db_fail(db, step, e, "fee items");
	sqlite3_finalize(st);
	return rc;
}

/* The fee item with this id, or NULL. */
static const struct arrears_item *
arrears_item_find(struct arrears_items *items, int64_t id)
{
	size_t lo = 0, hi = items->n, mid;

	if (items->last < items->n && items->v[items->last].id == id)
		return &items->v[items->last];
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (items->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == items->n || items->v[lo].id != id)
		return NULL;
	items->last = lo;
	return &items->v[lo];
}

/* Read the unpaid bills past due on day into one row per room. */
static int
arrears_scan(struct db *db, int32_t day, int64_t estate,
    struct arrears_set *set, struct wy_err *e)
{
	sqlite3_stmt *st;
	struct arrears_items items = { 0 };
	const struct arrears_item *it;
	struct arrears_row *r = NULL;
	char date[DATE_BUFSIZE], due[DATE_BUFSIZE];
	int64_t room, client, outstanding, late;
	int32_t dd;
	int rc, step;

	if ((rc = arrears_items_load(db, &items, e)) != WY_OK)
		goto out;
	if ((rc = db_prepare(db, arrears_sql, &st, e)) != WY_OK)
		goto out;
	if ((rc = db_bind(db, st, e, "tI", date_format(day, date), estate)) !=
	    WY_OK) {
		sqlite3_finalize(st);
		goto out;
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		/* The join the query used to make: no item, no bill. */
		if ((it = arrears_item_find(&items,
		    sqlite3_column_int64(st, 6))) == NULL)
			continue;
		arrears_copy(due, sizeof due, sqlite3_column_text(st, 2));
		if (date_parse(due, &dd, NULL) != WY_OK)
			continue;
		room = sqlite3_column_int64(st, 0);
		client = sqlite3_column_int64(st, 1);
		outstanding = sqlite3_column_int64(st, 4);
		late = cashier_late_fee(outstanding,
		    sqlite3_column_int64(st, 3), dd, it->late_after,
		    it->late_rate, it->late_cap, day) -
		    sqlite3_column_int64(st, 5);
		if (r == NULL || r->room_id != room) {
			r = arrears_push(set);
			r->room_id = room;
		}
		if (client > 0)
			r->client_id = client;
		arrears_add(r, due, (int)(day - dd), outstanding,
		    late > 0 ? late : 0);
	}
	if (step != SQLITE_DONE)
		rc = db_fail(db, step, e, "bills");
	sqlite3_finalize(st);
out:
	free(items.v);
	return rc;
}

/* Order by client (no client: by room, after them). */
static int
arrears_cmp_client(const void *pa, const void *pb)
{
	const struct arrears_row *a = pa, *b = pb;
	int64_t ka = a->client_id > 0 ? a->client_id : INT64_MAX;
	int64_t kb = b->client_id > 0 ? b->client_id : INT64_MAX;

	if (ka != kb)
		return ka < kb ? -1 : 1;
	return strcmp(a->room, b->room);
}

/* Order by room code. */
static int
arrears_cmp_room(const void *pa, const void *pb)
{
	const struct arrears_row *a = pa, *b = pb;

	return strcmp(a->room, b->room);
}

/* Fill the room code, client name and phone of every row. */
static int
arrears_name(struct session *s, struct arrears_set *set, struct wy_err *e)
{
	sqlite3_stmt *rs, *cs;
	char *m;
	size_t i;
	int rc, mask = !auth_can(s, "client.sensitive");

	if ((rc = db_prepare(s->db, "SELECT code FROM rooms WHERE id = ?",
	    &rs, e)) != WY_OK)
		return rc;
	if ((rc = db_prepare(s->db, "SELECT name, mobile FROM clients"
	    " WHERE id = ?", &cs, e)) != WY_OK) {
		sqlite3_finalize(rs);
		return rc;
	}
	for (i = 0; i < set->n && rc == WY_OK; i++) {
		struct arrears_row *r = &set->v[i];

		sqlite3_reset(rs);
		if ((rc = db_bind(s->db, rs, e, "I", r->room_id)) == WY_OK &&
		    sqlite3_step(rs) == SQLITE_ROW)
			arrears_copy(r->room, sizeof r->room,
			    sqlite3_column_text(rs, 0));
		if (r->client_id <= 0 || rc != WY_OK)
			continue;
		sqlite3_reset(cs);
		if ((rc = db_bind(s->db, cs, e, "I", r->client_id)) == WY_OK &&
		    sqlite3_step(cs) == SQLITE_ROW) {
			arrears_copy(r->client, sizeof r->client,
			    sqlite3_column_text(cs, 0));
			arrears_copy(r->phone, sizeof r->phone,
			    sqlite3_column_text(cs, 1));
			if (mask && *r->phone != '\0') {
				m = entity_mask(r->phone);
				snprintf(r->phone, sizeof r->phone, "%s", m);
				free(m);
			}
		}
	}
	sqlite3_finalize(rs);
	sqlite3_finalize(cs);
	return rc;
}

/* Drop the rows whose oldest bill is younger than min_days (by room; a
 * client's rows are merged first). */
static void
arrears_keep_old(struct arrears_set *set, int min_days)
{
	size_t i, n = 0;

	if (min_days <= 0)
		return;
	for (i = 0; i < set->n; i++)
		if (set->v[i].oldest_days >= min_days)
			set->v[n++] = set->v[i];
	set->n = n;
}

/* Merge the rows of each client into its first (set sorted by client). */
static void
arrears_by_client(struct arrears_set *set)
{
	size_t i, n = 0;

	for (i = 0; i < set->n; i++) {
		if (n > 0 && set->v[i].client_id > 0 &&
		    set->v[n - 1].client_id == set->v[i].client_id)
			arrears_merge(&set->v[n - 1], &set->v[i]);
		else
			set->v[n++] = set->v[i];
	}
	set->n = n;
}

int
arrears_list(struct session *s, const struct arrears_opts *o,
    int (*fn)(void *arg, const struct arrears_row *r), void *arg,
    struct arrears_row *total, struct wy_err *e)
{
	struct arrears_set set = { 0 };
	struct arrears_row sum = { 0 };
	int64_t estate = 0;
	int32_t day;
	size_t i;
	int rc;

	if (total != NULL)
		memset(total, 0, sizeof *total);
	if ((rc = auth_require(s, "charge.read", e)) != WY_OK)
		return rc;
	if (o->min_days < 0 || o->min_days > 36500)
		return wy_fail(e, WY_EINVALID, _("min-days: %d is out of range "
		    "0..36500"), o->min_days);
	if (o->date == NULL)
		day = date_today();
	else if ((rc = date_parse(o->date, &day, e)) != WY_OK)
		return wy_prefix(e, _("date"));
	if (o->estate != NULL) {
		rc = db_int64(s->db, &estate, e, "SELECT id FROM estates"
		    " WHERE code = ?", "t", o->estate);
		if (rc == WY_ENOTFOUND)
			return wy_fail(e, WY_ENOTFOUND, _("there is no estate "
			    "'%s'"), o->estate);
		if (rc != WY_OK)
			return rc;
	}
	/* One snapshot for the fee items, the bills and the names. */
	if ((rc = db_exec(s->db, "SAVEPOINT arrears_read", e)) != WY_OK)
		return rc;
	if ((rc = arrears_scan(s->db, day, estate, &set, e)) == WY_OK) {
		if (!o->by_client)
			arrears_keep_old(&set, o->min_days);
		rc = arrears_name(s, &set, e);
	}
	db_exec(s->db, "RELEASE arrears_read", NULL);
	if (rc != WY_OK)
		goto out;
	if (set.n > 1 && o->by_client) {
		qsort(set.v, set.n, sizeof *set.v, arrears_cmp_client);
		arrears_by_client(&set);
	} else if (set.n > 1)
		qsort(set.v, set.n, sizeof *set.v, arrears_cmp_room);
	for (i = 0; i < set.n; i++) {
		if (set.v[i].oldest_days < o->min_days)
			continue;
		arrears_merge(&sum, &set.v[i]);
		sum.rows++;
		if (fn != NULL && (rc = fn(arg, &set.v[i])) != 0)
			goto out;
	}
	if (total != NULL)
		*total = sum;
out:
	free(set.v);
	return rc;
}
