/* wuye: realistic demo data (`wuye demo`).
 *
 * The rooms are split among estates (about 3000 rooms each, at least a few
 * for small demos); each estate is a run of residential towers, sometimes
 * with a shop building and an office tower, all of one style.  Rooms are
 * made floor by floor, so a building cut short to hit the exact number of
 * rooms only lacks the top of its top floor.  Every position on a floor
 * keeps its layout and area all the way up, as in a real tower.  People,
 * links, leases and parking are made in demo_occ.c.
 *
 * Speed comes from one transaction and statements prepared once and reset
 * for every row: 100,000 rooms with their people take a few seconds with
 * synchronous=FULL, since only the commit syncs.
 */
#include "wuye/demo.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/audit.h"
#include "wuye/auth.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/demo_gen.h"
#include "wuye/i18n.h"

static const char *const stmt_sql[DEMO_ST_COUNT] = {
	[DEMO_ST_ESTATE] = "INSERT INTO estates (code, name, address, "
	    "land_area, phone) VALUES (?, ?, ?, ?, ?)",
	[DEMO_ST_ESTATE_COUNTS] = "UPDATE estates SET buildings = ?, "
	    "households = ?, population = ? WHERE id = ?",
	[DEMO_ST_BUILDING] = "INSERT INTO buildings (code, estate_id, name, "
	    "type, floors, units) VALUES (?, ?, ?, ?, ?, ?)",
	[DEMO_ST_ROOM] = "INSERT INTO rooms (code, name, building_id, unit, "
	    "floor, build_area, charge_area, layout, orientation, use, state, "
	    "handover) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[DEMO_ST_FINDING] = "INSERT INTO handover_findings (room_id, item_id, "
	    "problem, found, found_by, fixed) VALUES (?, ?, ?, ?, ?, ?)",
	[DEMO_ST_CLIENT] = "INSERT INTO clients (code, name, kind, gender, "
	    "id_type, id_no, hukou, home_phone, mobile, emergency_contact, "
	    "emergency_phone, contact_person, tax_id) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[DEMO_ST_OCC] = "INSERT INTO occupancy (room_id, client_id, role, "
	    "start_date, end_date, payer) VALUES (?, ?, ?, ?, ?, ?)",
	[DEMO_ST_FAMILY] = "INSERT INTO family (client_id, name, gender, "
	    "relation, id_type, id_no, phone) VALUES (?, ?, ?, ?, ?, ?, ?)",
	[DEMO_ST_LEASE] = "INSERT INTO leases (code, room_id, client_id, rent, "
	    "deposit, start_date, end_date, note) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[DEMO_ST_SPACE] = "INSERT INTO parking_spaces (code, estate_id, name, "
	    "type, location, ownership, room_id, client_id, fee_price, "
	    "rent_price, contract_start, contract_end, remind_days, note) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[DEMO_ST_VEHICLE] = "INSERT INTO vehicles (plate, model, colour, "
	    "client_id, space_id) VALUES (?, ?, ?, ?, ?)",
};

static const char *const stmt_table[DEMO_ST_COUNT] = {
	[DEMO_ST_ESTATE] = "estates", [DEMO_ST_ESTATE_COUNTS] = "estates",
	[DEMO_ST_BUILDING] = "buildings", [DEMO_ST_ROOM] = "rooms",
	[DEMO_ST_FINDING] = "handover_findings", [DEMO_ST_CLIENT] = "clients",
	[DEMO_ST_OCC] = "occupancy", [DEMO_ST_FAMILY] = "family",
	[DEMO_ST_LEASE] = "leases", [DEMO_ST_SPACE] = "parking_spaces",
	[DEMO_ST_VEHICLE] = "vehicles",
};

/* The demo users: name, role, full name. */
static const struct {
	const char *name, *role, *full_name;
} demo_users[] = {
	{ "admin", "admin", "系统管理员" },
	{ "manager", "manager", "陈志明" },
	{ "cashier", "cashier", "李小红" },
	{ "clerk", "clerk", "张丽" },
	{ "engineer", "engineer", "刘建国" },
};

int
demo_step(struct demo_gen *g, int k, int rc)
{
	sqlite3_stmt *st = g->st[k];

	if (rc == WY_OK) {
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? WY_OK :
		    db_fail(g->db, rc, g->e, stmt_table[k]);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

int64_t
demo_last_id(struct demo_gen *g)
{
	return sqlite3_last_insert_rowid(g->db->h);
}

/* WY_ECONFLICT unless the database has no estate and no client. */
static int
check_empty(struct db *db, struct wy_err *e)
{
	int64_t estates = 0, clients = 0;
	int rc;

	if ((rc = db_int64(db, &estates, e, "SELECT count(*) FROM estates",
	    "")) != WY_OK ||
	    (rc = db_int64(db, &clients, e, "SELECT count(*) FROM clients",
	    "")) != WY_OK)
		return rc;
	if (estates > 0 || clients > 0)
		return wy_fail(e, WY_ECONFLICT,
		    _("%s already has data (%lld estates, %lld clients); demo "
		    "data goes only into a database without estates or "
		    "clients"),
		    db->path, (long long)estates, (long long)clients);
	return WY_OK;
}

/* Add the demo users that do not exist yet (user_add: own transactions). */
static int
add_users(struct demo_gen *g)
{
	int64_t id;
	size_t i, n = sizeof demo_users / sizeof demo_users[0];
	int rc;

	for (i = 0; i < n; i++) {
		if (g->progress != NULL)
			g->progress(g->arg, "users", (long)i, (long)n);
		rc = db_int64(g->db, &id, g->e,
		    "SELECT id FROM users WHERE name = ?", "t",
		    demo_users[i].name);
		if (rc == WY_OK)
			continue;
		if (rc != WY_ENOTFOUND)
			return rc;
		if ((rc = user_add(g->s, demo_users[i].name, demo_users[i].role,
		    DEMO_PASSWORD, demo_users[i].full_name, g->e)) != WY_OK)
			return wy_prefix(g->e, _("demo user %s"),
			    demo_users[i].name);
	}
	if (g->progress != NULL)
		g->progress(g->arg, "users", (long)n, (long)n);
	return WY_OK;
}

/* Estate code for index i: A..Z, then AA, AB, ... */
static void
estate_code(int i, char *buf, size_t size)
{
	if (i < 26)
		snprintf(buf, size, "%c", 'A' + i);
	else
		snprintf(buf, size, "%c%c", 'A' + (i - 26) / 26 % 26,
		    'A' + (i - 26) % 26);
}

/* A random area in 1/100 m2 between lo and hi m2. */
static int64_t
area(struct demo_gen *g, int lo, int hi)
{
	return demo_rng_range(&g->r, lo * 100, hi * 100);
}

/* What a position on every floor of a building is like. */
struct position {
	const char *layout;
	const char *orientation;
	int64_t build_area;
	int64_t charge_area;
};

/* Choose layouts and areas for the positions of a building. */
static void
plan_positions(struct demo_gen *g, const char *type, struct position *pos,
    int n)
{
	static const struct { const char *code; int lo, hi, w; } layouts[] = {
		{ "studio", 30, 45, 3 }, { "1b1l", 45, 62, 8 },
		{ "2b1l", 70, 95, 20 }, { "2b2l", 85, 105, 15 },
		{ "3b1l", 95, 120, 14 }, { "3b2l", 110, 145, 30 },
		{ "4b2l", 140, 190, 10 },
	};
	static const char *const orient[] = { "S", "N", "E", "W", "SN", "SE",
		"SW", "EW" };
	static const int orient_w[] = { 15, 4, 6, 4, 35, 16, 12, 8 };
	int w[7], i, k;

	for (i = 0; i < 7; i++)
		w[i] = layouts[i].w;
	for (i = 0; i < n; i++) {
		if (strcmp(type, "shop") == 0) {
			pos[i].layout = "open";
			pos[i].build_area = area(g, 25, 180);
		} else if (strcmp(type, "office") == 0) {
			pos[i].layout = demo_rng_chance(&g->r, 150) ? "studio" :
			    "open";
			pos[i].build_area = area(g, 60, 400);
		} else {
			k = demo_rng_weighted(&g->r, w, 7);
			pos[i].layout = layouts[k].code;
			pos[i].build_area = area(g, layouts[k].lo,
			    layouts[k].hi);
		}
		k = demo_rng_weighted(&g->r, orient_w, 8);
		pos[i].orientation = orient[k];
		pos[i].charge_area = demo_rng_chance(&g->r, 400) ?
		    pos[i].build_area : pos[i].build_area -
		    pos[i].build_area * demo_rng_range(&g->r, 1, 30) / 1000;
	}
}

/* A few handover findings for a room handed over on day `found`. */
static int
add_findings(struct demo_gen *g, int64_t room, int32_t found)
{
	char d1[DATE_BUFSIZE], d2[DATE_BUFSIZE];
	const char *problem;
	int i, n = demo_rng_range(&g->r, 1, 3), k, rc;
	int32_t fixed;

	for (i = 0; i < n && g->nitems > 0; i++) {
		k = demo_rng_range(&g->r, 0, g->nitems - 1);
		if ((problem = demo_handover_problem(&g->r, g->item_code[k])) ==
		    NULL)
			problem = "其他问题";
		fixed = found + demo_rng_range(&g->r, 2, 45);
		rc = DEMO_RUN(g, DEMO_ST_FINDING, "IIttt" "t", room,
		    g->item_id[k], problem, date_format(found, d1),
		    g->staff[demo_rng_range(&g->r, 0, 2)], fixed < g->today &&
		    (found < g->today - 120 || demo_rng_chance(&g->r, 600)) ?
		    date_format(fixed, d2) : NULL);
		if (rc != WY_OK)
			return rc;
	}
	return WY_OK;
}

/* One room at position p on floor f of unit u. */
static int
add_room(struct demo_gen *g, const struct demo_building *b,
    const struct position *p, int u, int f, int n)
{
	static const char *const states[] = { "vacant", "owner", "rented",
		"renovating", "for_sale" };
	static const int w_home[] = { 100, 600, 220, 50, 30 };
	static const int w_new[] = { 300, 380, 120, 170, 30 };
	static const int w_shop[] = { 180, 250, 520, 40, 10 };
	char code[64], name[64], hd[DATE_BUFSIZE];
	const char *use, *state;
	int32_t handover = 0;
	int64_t room;
	int rc;

	snprintf(code, sizeof code, "%s-%d-%d%02d", b->code, u, f, n);
	if (strcmp(b->type, "residential") == 0) {
		use = "residential";
		snprintf(name, sizeof name, "%d单元%d%02d室", u, f, n);
		state = states[demo_rng_weighted(&g->r, g->today - g->built <
		    730 ? w_new : w_home, 5)];
	} else {
		use = strcmp(b->type, "shop") == 0 ? "commercial" : "office";
		snprintf(name, sizeof name, "%s%d%02d",
		    strcmp(b->type, "shop") == 0 ? "商铺" : "办公室", f, n);
		state = states[demo_rng_weighted(&g->r, w_shop, 5)];
	}
	if (strcmp(state, "vacant") != 0 || demo_rng_chance(&g->r, 600)) {
		handover = g->built + demo_rng_range(&g->r, 0, 240);
		if (handover >= g->today)
			handover = g->today - 1;
	}
	rc = DEMO_RUN(g, DEMO_ST_ROOM, "ttIiiIIttttt", code, name, b->id, u, f,
	    p->build_area, p->charge_area, p->layout, p->orientation, use,
	    state, handover ? date_format(handover, hd) : NULL);
	if (rc != WY_OK)
		return rc;
	room = demo_last_id(g);
	if (handover && demo_rng_chance(&g->r, 30) &&
	    (rc = add_findings(g, room, handover)) != WY_OK)
		return rc;
	if (strcmp(state, "vacant") == 0)
		return WY_OK;
	return demo_occupy(g, room, state, strcmp(use, "residential") != 0,
	    p->charge_area, handover ? handover : g->built);
}

/* A building of `count` rooms (at most floors * units * per_floor; fewer
 * floors when fewer rooms are asked). */
static int
add_building(struct demo_gen *g, int64_t estate, int no, const char *type,
    int floors, int units, int per_floor, int count)
{
	struct demo_building b = { .type = type };
	struct position pos[99];
	char name[48];
	int u, f, n, rc;

	if (count < floors * units * per_floor) {
		floors = (count + units * per_floor - 1) / (units * per_floor);
		if (floors < 6 && units > 1) {
			units = (count + 6 * per_floor - 1) / (6 * per_floor);
			units = units < 1 ? 1 : units;
			floors = (count + units * per_floor - 1) /
			    (units * per_floor);
		}
	}
	snprintf(b.code, sizeof b.code, "%s%d", g->estate_code, no);
	if (strcmp(type, "shop") == 0)
		snprintf(name, sizeof name, "%d栋商业楼", no);
	else if (strcmp(type, "office") == 0)
		snprintf(name, sizeof name, "%d栋写字楼", no);
	else
		snprintf(name, sizeof name, "%d栋", no);
	if ((rc = DEMO_RUN(g, DEMO_ST_BUILDING, "tIttii", b.code, estate, name,
	    type, floors, units)) != WY_OK)
		return rc;
	b.id = demo_last_id(g);
	plan_positions(g, type, pos, per_floor);
	/* Unit by unit, floor by floor; a room exists if its place in
	 * floor-major order is within count. */
	for (u = 1; u <= units; u++)
		for (f = 1; f <= floors; f++)
			for (n = 1; n <= per_floor; n++) {
				if (((f - 1) * units + (u - 1)) * per_floor +
				    (n - 1) >= count)
					continue;
				if ((rc = add_room(g, &b, &pos[n - 1], u, f, n)) !=
				    WY_OK)
					return rc;
				if (++g->rooms_done % 1000 == 0 &&
				    g->progress != NULL)
					g->progress(g->arg, "rooms", g->rooms_done,
					    g->o->rooms);
			}
	g->buildings++;
	return WY_OK;
}

/* The residential towers of an estate in one style. */
static int
add_towers(struct demo_gen *g, int64_t estate, int *no, int rem)
{
	static const struct { int flo, fhi, ulo, uhi, plo, phi; } styles[] = {
		{ 6, 9, 2, 4, 2, 2 },		/* 多层 walk-ups */
		{ 11, 18, 1, 3, 2, 4 },		/* 小高层 */
		{ 24, 33, 1, 2, 3, 4 },		/* 高层 towers */
	};
	int s = demo_rng_range(&g->r, 0, 2), floors, units, per, cap, rc;

	while (rem > 0) {
		floors = demo_rng_range(&g->r, styles[s].flo, styles[s].fhi);
		units = demo_rng_range(&g->r, styles[s].ulo, styles[s].uhi);
		per = demo_rng_range(&g->r, styles[s].plo, styles[s].phi);
		cap = floors * units * per;
		if ((rc = add_building(g, estate, (*no)++, "residential", floors,
		    units, per, cap < rem ? cap : rem)) != WY_OK)
			return rc;
		rem -= cap < rem ? cap : rem;
	}
	return WY_OK;
}

/* Estate number idx with nrooms rooms. */
static int
add_estate(struct demo_gen *g, int idx, int nrooms, const int *order)
{
	char name[64], addr[128], phone[24];
	int64_t estate;
	int no = 1, rem = nrooms, n, floors, per, rc, i;

	estate_code(idx, g->estate_code, sizeof g->estate_code);
	demo_estate_name(order, idx, name, sizeof name);
	demo_address(&g->r, g->city, addr, sizeof addr);
	demo_landline(&g->r, g->city, phone, sizeof phone);
	if ((rc = DEMO_RUN(g, DEMO_ST_ESTATE, "tttIt", g->estate_code, name,
	    addr, (int64_t)nrooms * demo_rng_range(&g->r, 2800, 5500),
	    phone)) != WY_OK)
		return rc;
	estate = demo_last_id(g);
	g->built = g->today - demo_rng_range(&g->r, 365, 9000);
	g->estate_rooms = nrooms;
	g->buildings = 0;
	g->population = 0;
	g->nocc = 0;
	g->nfirms = 0;
	for (i = 0; i < 3; i++)
		demo_person_name(&g->r, demo_rng_chance(&g->r, 700) ? 'M' : 'F',
		    g->staff[i], sizeof g->staff[i]);
	if (nrooms >= 60 && demo_rng_chance(&g->r, 450)) {
		floors = demo_rng_range(&g->r, 2, 3);
		per = demo_rng_range(&g->r, 8, 24);
		n = demo_rng_range(&g->r, nrooms / 20, nrooms / 10);
		n = n < floors * per ? n : floors * per;
		if ((rc = add_building(g, estate, no++, "shop", floors, 1, per,
		    n)) != WY_OK)
			return rc;
		rem -= n;
	}
	if (nrooms >= 400 && demo_rng_chance(&g->r, 200)) {
		floors = demo_rng_range(&g->r, 12, 30);
		per = demo_rng_range(&g->r, 6, 12);
		n = floors * per < rem / 4 ? floors * per : rem / 4;
		if ((rc = add_building(g, estate, no++, "office", floors, 1, per,
		    n)) != WY_OK)
			return rc;
		rem -= n;
	}
	if ((rc = add_towers(g, estate, &no, rem)) != WY_OK ||
	    (rc = demo_parking(g, estate)) != WY_OK)
		return rc;
	return DEMO_RUN(g, DEMO_ST_ESTATE_COUNTS, "iiII", g->buildings, nrooms,
	    (int64_t)g->population, estate);
}

/* Share the rooms among the estates and make them. */
static int
add_estates(struct demo_gen *g)
{
	int names = demo_estate_names(), *order, i, j, t, n, rc = WY_OK;
	int rooms = g->o->rooms, ne, *weight;
	int64_t sum = 0, given = 0;

	ne = rooms < 100 ? 1 : rooms < 300 ? 2 : rooms < 9000 ? 3 :
	    (rooms + 2999) / 3000;
	if ((order = calloc((size_t)names, sizeof *order)) == NULL ||
	    (weight = calloc((size_t)ne, sizeof *weight)) == NULL)
		abort();
	for (i = 0; i < names; i++)
		order[i] = i;
	for (i = names - 1; i > 0; i--) {
		j = demo_rng_range(&g->r, 0, i);
		t = order[i], order[i] = order[j], order[j] = t;
	}
	for (i = 0; i < ne; i++)
		sum += weight[i] = demo_rng_range(&g->r, 60, 140);
	for (i = 0; i < ne && rc == WY_OK; i++) {
		n = i == ne - 1 ? rooms - (int)given :
		    (int)(rooms * (int64_t)weight[i] / sum);
		given += n;
		rc = add_estate(g, i, n > 0 ? n : 1, order);
		if (g->progress != NULL)
			g->progress(g->arg, "rooms", g->rooms_done, rooms);
	}
	free(weight);
	free(order);
	return rc;
}

/* Load the active handover checklist items. */
static int
load_items(struct demo_gen *g)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_prepare(g->db, "SELECT id, code FROM handover_items "
	    "WHERE active = 1 ORDER BY sort, id", &st, g->e)) != WY_OK)
		return rc;
	while (g->nitems < DEMO_ITEMS_MAX &&
	    (rc = sqlite3_step(st)) == SQLITE_ROW) {
		g->item_id[g->nitems] = sqlite3_column_int64(st, 0);
		snprintf(g->item_code[g->nitems], sizeof g->item_code[0], "%s",
		    (const char *)sqlite3_column_text(st, 1));
		g->nitems++;
	}
	sqlite3_finalize(st);
	return WY_OK;
}

/* Everything but the users, inside the caller's transaction. */
static int
fill(struct demo_gen *g)
{
	char detail[128];
	int rc, k;

	if ((rc = check_empty(g->db, g->e)) != WY_OK ||
	    (rc = load_items(g)) != WY_OK)
		return rc;
	for (k = 0; k < DEMO_ST_COUNT; k++)
		if ((rc = db_prepare(g->db, stmt_sql[k], &g->st[k], g->e)) !=
		    WY_OK)
			return rc;
	if ((rc = add_estates(g)) != WY_OK ||
	    (rc = demo_charges_setup(g)) != WY_OK)
		return rc;
	snprintf(detail, sizeof detail, "rooms=%d months=%d seed=%" PRIu64,
	    g->o->rooms, g->o->months, g->o->seed);
	return audit_append(g->s, "demo.create", "", 0, detail, g->e);
}

int
demo_create(struct session *s, const struct demo_opts *o,
    demo_progress_fn *progress, void *arg, struct wy_err *e)
{
	struct demo_gen g = { .s = s, .db = s->db, .e = e, .o = o,
	    .progress = progress, .arg = arg };
	int rc, k;

	if (o->rooms < 1 || o->rooms > DEMO_ROOMS_MAX)
		return wy_fail(e, WY_EUSAGE,
		    _("rooms: %d is out of range 1..%d"), o->rooms,
		    DEMO_ROOMS_MAX);
	if (o->months < 0 || o->months > DEMO_MONTHS_MAX)
		return wy_fail(e, WY_EUSAGE,
		    _("months: %d is out of range 0..%d"), o->months,
		    DEMO_MONTHS_MAX);
	if ((rc = auth_require(s, "user.admin", e)) != WY_OK ||
	    (rc = auth_require(s, "property.write", e)) != WY_OK ||
	    (rc = auth_require(s, "client.write", e)) != WY_OK ||
	    (rc = check_empty(s->db, e)) != WY_OK ||
	    (rc = add_users(&g)) != WY_OK)
		return rc;
	demo_rng_seed(&g.r, o->seed);
	g.city = demo_city_pick(&g.r);
	g.today = date_today();
	g.hist = date_add_months(g.today, -o->months);
	if ((rc = db_begin(g.db, e)) != WY_OK)
		return rc;
	rc = fill(&g);
	if (rc == WY_OK)	/* the sort keys of all these rows at once */
		rc = db_sort_keys_fill(g.db, e);
	for (k = 0; k < DEMO_ST_COUNT; k++)
		sqlite3_finalize(g.st[k]);
	if (rc != WY_OK) {
		demo_gen_free(&g);
		db_rollback(g.db);
		return rc;
	}
	if ((rc = db_commit(g.db, e)) == WY_OK && progress != NULL)
		progress(arg, "rooms", o->rooms, o->rooms);
	if (rc == WY_OK)
		rc = demo_charges_run(&g);
	if (rc == WY_OK)
		rc = db_sort_keys_fill(g.db, e);
	demo_gen_free(&g);
	return rc;
}

int
demo_count(struct session *s, struct demo_counts *out, struct wy_err *e)
{
	static const char *const sql[] = {
		"SELECT count(*) FROM estates",
		"SELECT count(*) FROM buildings",
		"SELECT count(*) FROM rooms", "SELECT count(*) FROM clients",
		"SELECT count(*) FROM occupancy", "SELECT count(*) FROM family",
		"SELECT count(*) FROM leases",
		"SELECT count(*) FROM handover_findings",
		"SELECT count(*) FROM parking_spaces",
		"SELECT count(*) FROM vehicles",
		"SELECT count(*) FROM fee_items",
		"SELECT count(*) FROM meters",
		"SELECT count(*) FROM readings",
		"SELECT count(*) FROM bills",
		"SELECT count(*) FROM receipts",
		"SELECT count(*) FROM receipts WHERE voided_at IS NOT NULL",
		"SELECT count(*) FROM waivers",
		"SELECT count(*) FROM periods WHERE closed_at IS NOT NULL",
		"SELECT count(*) FROM (SELECT client_id FROM prepayments"
		" GROUP BY client_id HAVING sum(amount) > 0)",
	};
	char today[DATE_BUFSIZE];
	int64_t *field[] = { &out->estates, &out->buildings, &out->rooms,
		&out->clients, &out->links, &out->family, &out->leases,
		&out->findings, &out->spaces, &out->vehicles,
		&out->fee_items, &out->meters, &out->readings, &out->bills,
		&out->receipts, &out->voided, &out->waivers, &out->closed,
		&out->prepaid };
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = auth_require(s, "property.read", e)) != WY_OK)
		return rc;
	for (i = 0; i < sizeof sql / sizeof sql[0]; i++)
		if ((rc = db_int64(s->db, field[i], e, sql[i], "")) != WY_OK)
			return rc;
	return db_int64(s->db, &out->arrears, e, "SELECT count(DISTINCT"
	    " room_id) FROM bills WHERE amount > paid + waived"
	    " AND due_date < ?", "t", date_format(date_today(), today));
}

int
demo_is_demo(struct session *s)
{
	int64_t one;

	return db_int64(s->db, &one, NULL,
	    "SELECT 1 FROM audit WHERE action = 'demo.create' LIMIT 1", "") == WY_OK;
}
