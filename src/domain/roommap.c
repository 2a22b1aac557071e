/* wuye: the building map (楼盘图): one building's rooms with their state,
 * client and arrears (see roommap.h).
 *
 * Four queries, each through an index: the building; its rooms in map
 * order (rooms_building); the occupancy links current on the date of those
 * rooms (occupancy_room), of which the best per room is kept; and the
 * unpaid bills past due of those rooms, summed per room (bills_unpaid).
 * The occupants and the bills are matched to the rooms through an index of
 * the rooms by id, so the cost is that of the building, not the database.
 */
#include "wuye/roommap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/auth.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"

static const char building_sql[] =
    "SELECT b.code, b.name, b.estate_id, e.code, e.name"
    " FROM buildings b JOIN estates e ON e.id = b.estate_id WHERE b.id = ?1";

static const char rooms_sql[] =
    "SELECT r.id, r.code, r.unit, r.floor, r.state,"
    " coalesce(c.name_en, ''), coalesce(c.name_zh, '')"
    " FROM rooms r LEFT JOIN categories c"
    " ON c.list = 'room_state' AND c.code = r.state"
    " WHERE r.building_id = ?1 ORDER BY r.unit, r.floor, r.code";

static const char occupants_sql[] =
    "SELECT o.room_id, o.payer, o.role, o.start_date, o.client_id, c.name"
    " FROM rooms r JOIN occupancy o ON o.room_id = r.id"
    " JOIN clients c ON c.id = o.client_id"
    " WHERE r.building_id = ?1 AND o.start_date <= ?2"
    " AND (o.end_date IS NULL OR o.end_date > ?2)";

static const char bills_sql[] =
    "SELECT b.room_id, count(*), sum(b.amount - b.paid - b.waived),"
    " min(b.due_date)"
    " FROM rooms r JOIN bills b INDEXED BY bills_unpaid ON b.room_id = r.id"
    " WHERE r.building_id = ?1 AND b.amount > b.paid + b.waived"
    " AND b.due_date < ?2 GROUP BY b.room_id";

/* The SQL of the unpaid bills. */
const char *
roommap_bills_query(void)
{
	return bills_sql;
}

/* A room's id and its index in the map, for lookups by id. */
struct roommap_key {
	int64_t id;
	size_t at;
};

/* Order keys by id. */
static int
roommap_key_cmp(const void *pa, const void *pb)
{
	const struct roommap_key *a = pa, *b = pb;

	return a->id < b->id ? -1 : a->id > b->id;
}

/* The room of id through the sorted keys, or NULL. */
static struct roommap_room *
roommap_by_id(struct roommap *m, const struct roommap_key *keys, int64_t id)
{
	struct roommap_key k = { .id = id }, *hit;

	hit = bsearch(&k, keys, m->n, sizeof *keys, roommap_key_cmp);
	return hit != NULL ? &m->rooms[hit->at] : NULL;
}

/* Copy column col of st into buf (NULL as ""). */
static void
roommap_text(sqlite3_stmt *st, int col, char *buf, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(buf, size, "%s", t != NULL ? (const char *)t : "");
}

/* Prepare sql and bind the building and, when date is not NULL, the date. */
static int
roommap_prepare(struct db *db, const char *sql, int64_t building,
    const char *date, sqlite3_stmt **st, struct wy_err *e)
{
	int rc;

	if ((rc = db_prepare(db, sql, st, e)) != WY_OK)
		return rc;
	rc = date != NULL ? db_bind(db, *st, e, "It", building, date) :
	    db_bind(db, *st, e, "I", building);
	if (rc != WY_OK) {
		sqlite3_finalize(*st);
		*st = NULL;
	}
	return rc;
}

/* Read the building and its estate. */
static int
roommap_building(struct db *db, struct roommap *m, struct wy_err *e)
{
	sqlite3_stmt *st;
	int rc, step;

	if ((rc = roommap_prepare(db, building_sql, m->building_id, NULL, &st,
	    e)) != WY_OK)
		return rc;
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		roommap_text(st, 0, m->building, sizeof m->building);
		roommap_text(st, 1, m->building_name, sizeof m->building_name);
		m->estate_id = sqlite3_column_int64(st, 2);
		roommap_text(st, 3, m->estate, sizeof m->estate);
		roommap_text(st, 4, m->estate_name, sizeof m->estate_name);
	} else if (step == SQLITE_DONE)
		rc = wy_fail(e, WY_ENOTFOUND, _("there is no building with id "
		    "%lld"), (long long)m->building_id);
	else
		rc = db_fail(db, step, e, "buildings");
	sqlite3_finalize(st);
	return rc;
}

/* Read the rooms in map order. */
static int
roommap_rooms(struct db *db, struct roommap *m, struct wy_err *e)
{
	struct roommap_room *r;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, step;

	if ((rc = roommap_prepare(db, rooms_sql, m->building_id, NULL, &st,
	    e)) != WY_OK)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (m->n == cap) {
			cap = cap ? cap * 2 : 64;
			m->rooms = xrealloc(m->rooms, cap * sizeof *m->rooms);
		}
		r = &m->rooms[m->n++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(st, 0);
		roommap_text(st, 1, r->code, sizeof r->code);
		r->unit = sqlite3_column_int(st, 2);
		r->floor = sqlite3_column_int(st, 3);
		roommap_text(st, 4, r->state, sizeof r->state);
		roommap_text(st, 5, r->state_en, sizeof r->state_en);
		roommap_text(st, 6, r->state_zh, sizeof r->state_zh);
	}
	if (step != SQLITE_DONE)
		rc = db_fail(db, step, e, "rooms");
	sqlite3_finalize(st);
	return rc;
}

/* How good a link is as the room's client: lower is better. */
static int
roommap_rank(int payer, const char *role)
{
	if (payer)
		return 0;
	if (strcmp(role, "owner") == 0)
		return 1;
	if (strcmp(role, "tenant") == 0)
		return 2;
	return 3;
}

/* Read the current occupants; keep the best of each room (the latest to
 * start among equals). */
static int
roommap_occupants(struct db *db, struct roommap *m,
    const struct roommap_key *keys, struct wy_err *e)
{
	struct roommap_room *r;
	sqlite3_stmt *st;
	char *best_start;
	int *best;
	char start[DATE_BUFSIZE], role[16];
	int rc, step, rank;
	size_t at;

	if ((rc = roommap_prepare(db, occupants_sql, m->building_id, m->date,
	    &st, e)) != WY_OK)
		return rc;
	best = xcalloc(m->n + 1, sizeof *best);
	best_start = xcalloc(m->n + 1, DATE_BUFSIZE);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = roommap_by_id(m, keys, sqlite3_column_int64(st, 0))) ==
		    NULL)
			continue;
		at = (size_t)(r - m->rooms);
		roommap_text(st, 2, role, sizeof role);
		roommap_text(st, 3, start, sizeof start);
		rank = roommap_rank(sqlite3_column_int(st, 1), role) + 1;
		if (best[at] != 0 && (rank > best[at] || (rank == best[at] &&
		    strcmp(start, best_start + at * DATE_BUFSIZE) <= 0)))
			continue;
		best[at] = rank;
		memcpy(best_start + at * DATE_BUFSIZE, start, DATE_BUFSIZE);
		r->client_id = sqlite3_column_int64(st, 4);
		roommap_text(st, 5, r->client, sizeof r->client);
	}
	if (step != SQLITE_DONE)
		rc = db_fail(db, step, e, "occupancy");
	free(best);
	free(best_start);
	sqlite3_finalize(st);
	return rc;
}

/* Read what each room owes past due. */
static int
roommap_bills(struct db *db, struct roommap *m,
    const struct roommap_key *keys, struct wy_err *e)
{
	struct roommap_room *r;
	sqlite3_stmt *st;
	int rc, step;

	if ((rc = roommap_prepare(db, bills_sql, m->building_id, m->date, &st,
	    e)) != WY_OK)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = roommap_by_id(m, keys, sqlite3_column_int64(st, 0))) ==
		    NULL)
			continue;
		r->bills = sqlite3_column_int64(st, 1);
		r->owed = sqlite3_column_int64(st, 2);
		roommap_text(st, 3, r->oldest_due, sizeof r->oldest_due);
	}
	if (step != SQLITE_DONE)
		rc = db_fail(db, step, e, "bills");
	sqlite3_finalize(st);
	return rc;
}

/* Count the rooms for the legend. */
static void
roommap_count(struct roommap *m)
{
	struct roommap_counts *c = &m->counts;
	size_t i;

	memset(c, 0, sizeof *c);
	for (i = 0; i < m->n; i++) {
		c->rooms++;
		if (strcmp(m->rooms[i].state, "vacant") == 0)
			c->vacant++;
		else
			c->occupied++;
		if (m->rooms[i].owed > 0) {
			c->arrears++;
			c->owed += m->rooms[i].owed;
		} else
			c->paid_up++;
	}
}

/* Load a building's map. */
int
roommap_load(struct session *s, int64_t building_id, const char *date,
    struct roommap *m, struct wy_err *e)
{
	struct roommap_key *keys = NULL;
	int32_t day;
	size_t i;
	int rc;

	memset(m, 0, sizeof *m);
	if ((rc = auth_require(s, "charge.read", e)) != WY_OK)
		return rc;
	if (date == NULL)
		day = date_today();
	else if ((rc = date_parse(date, &day, e)) != WY_OK)
		return wy_prefix(e, _("date"));
	date_format(day, m->date);
	m->building_id = building_id;
	if ((rc = roommap_building(s->db, m, e)) != WY_OK ||
	    (rc = roommap_rooms(s->db, m, e)) != WY_OK)
		goto out;
	keys = xcalloc(m->n + 1, sizeof *keys);
	for (i = 0; i < m->n; i++) {
		keys[i].id = m->rooms[i].id;
		keys[i].at = i;
	}
	qsort(keys, m->n, sizeof *keys, roommap_key_cmp);
	if ((rc = roommap_occupants(s->db, m, keys, e)) != WY_OK ||
	    (rc = roommap_bills(s->db, m, keys, e)) != WY_OK)
		goto out;
	roommap_count(m);
out:
	free(keys);
	if (rc != WY_OK)
		roommap_free(m);
	return rc;
}

/* Free a map. */
void
roommap_free(struct roommap *m)
{
	free(m->rooms);
	memset(m, 0, sizeof *m);
}

/* The next or previous building of the estate. */
int
roommap_neighbour(struct session *s, int64_t building_id, int dir,
    int64_t *out, struct wy_err *e)
{
	int rc;

	*out = 0;
	if ((rc = auth_require(s, "charge.read", e)) != WY_OK)
		return rc;
	if (dir >= 0)
		rc = db_int64(s->db, out, e, "SELECT n.id FROM buildings b"
		    " JOIN buildings n ON n.estate_id = b.estate_id"
		    " AND n.code > b.code WHERE b.id = ?1"
		    " ORDER BY n.code LIMIT 1", "I", building_id);
	else
		rc = db_int64(s->db, out, e, "SELECT n.id FROM buildings b"
		    " JOIN buildings n ON n.estate_id = b.estate_id"
		    " AND n.code < b.code WHERE b.id = ?1"
		    " ORDER BY n.code DESC LIMIT 1", "I", building_id);
	if (rc == WY_ENOTFOUND)
		return wy_fail(e, WY_ENOTFOUND, dir >= 0 ?
		    _("there is no building after this one in the estate") :
		    _("there is no building before this one in the estate"));
	return rc;
}

/* The index of a room by id. */
long
roommap_find(const struct roommap *m, int64_t id)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->rooms[i].id == id)
			return (long)i;
	return -1;
}

/* The letter of a room on the map. */
char
roommap_letter(const struct roommap_room *r)
{
	static const struct { const char *state; char letter; } letters[] = {
		{ "vacant", 'V' }, { "owner", 'O' }, { "rented", 'R' },
		{ "renovating", 'D' }, { "for_sale", 'S' },
	};
	size_t i;

	if (r->owed > 0)
		return 'A';
	for (i = 0; i < sizeof letters / sizeof letters[0]; i++)
		if (strcmp(r->state, letters[i].state) == 0)
			return letters[i].letter;
	return '?';
}

/* The number of a room on the map. */
const char *
roommap_number(const struct roommap_room *r)
{
	const char *dash = strrchr(r->code, '-');

	return dash != NULL && dash[1] != '\0' ? dash + 1 : r->code;
}
