/* wuye unit tests: reading records for the screens: keyset pages, search,
 * filters, counts, one record, save with audit, delete, display texts,
 * choices, move-out. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/db.h"
#include "wuye/entity.h"
#include "wuye/property.h"

static struct fixture fx;
static struct entity *rooms;

static void
setup(void)
{
	struct wy_err e = { 0 };
	char sql[256];
	int i;

	fixture_open(&fx);
	fixture_sql(&fx,
	    "INSERT INTO estates (code, name) VALUES ('JX', '锦绣花园');"
	    "INSERT INTO buildings (code, estate_id, name, floors, units)"
	    " VALUES ('A1', 1, '1栋', 30, 2);"
	    "INSERT INTO clients (code, name, mobile) VALUES ('C1', '王伟', '13800138000'),"
	    " ('C2', '李娜', '13912345678'), ('C3', '王芳', '13700001111');");
	fixture_sql(&fx, "BEGIN");
	for (i = 1; i <= 95; i++) {	/* A1-1-0101 ... A1-1-0910, A1-1-1001 ... 1005 */
		snprintf(sql, sizeof sql, "INSERT INTO rooms (code, building_id, floor,"
		    " build_area, charge_area, state) VALUES ('A1-1-%02d%02d', 1, %d,"
		    " 9000, 8800, '%s')", (i - 1) / 10 + 1, (i - 1) % 10 + 1,
		    (i - 1) / 10 + 1, i % 3 ? "owner" : "vacant");
		fixture_sql(&fx, sql);
	}
	fixture_sql(&fx, "COMMIT");
	ck_assert_int_eq(entity_load(fx.conf, "rooms", &rooms, &e), WY_OK);
}

static void
teardown(void)
{
	entity_free(&rooms);
	fixture_close(&fx);
}

/* Collect the codes (first field) of a page, comma-separated. */
struct codes {
	char text[4096];
	int64_t last_id;
	struct value last_key;
	size_t sort;
	int n;
};

static int
collect(void *arg, int64_t id, int64_t version, const struct value *v)
{
	struct codes *c = arg;

	(void)version;
	if (c->n++ > 0)
		strcat(c->text, ",");
	strcat(c->text, v[0].s);
	c->last_id = id;
	values_clear(&c->last_key, 1);
	value_copy(&c->last_key, &v[c->sort]);
	return 0;
}

static const char *
page(struct page_query *q, struct codes *c)
{
	struct wy_err e = { 0 };

	memset(c->text, 0, sizeof c->text);
	c->n = 0;
	c->sort = q->sort;
	ck_assert_msg(entity_page(&fx.s, rooms, q, collect, c, &e) == WY_OK, "%s", e.msg);
	return c->text;
}

START_TEST(test_keyset_pages)
{
	struct page_query q = { .limit = 3 };
	struct codes c = { 0 };
	struct value key;

	ck_assert_str_eq(page(&q, &c), "A1-1-0101,A1-1-0102,A1-1-0103");
	value_copy(&key, &c.last_key);
	q.from = PAGE_AFTER;
	q.key = &key;
	q.key_id = c.last_id;
	ck_assert_str_eq(page(&q, &c), "A1-1-0104,A1-1-0105,A1-1-0106");
	q.from = PAGE_FROM;
	ck_assert_str_eq(page(&q, &c), "A1-1-0103,A1-1-0104,A1-1-0105");
	q.from = PAGE_BEFORE;
	ck_assert_str_eq(page(&q, &c), "A1-1-0101,A1-1-0102");
	q.from = PAGE_LAST;
	q.key = NULL;
	ck_assert_str_eq(page(&q, &c), "A1-1-1003,A1-1-1004,A1-1-1005");
	q.desc = 1;
	q.from = PAGE_FIRST;
	ck_assert_str_eq(page(&q, &c), "A1-1-1005,A1-1-1004,A1-1-1003");
	values_clear(&key, 1);
	values_clear(&c.last_key, 1);
}
END_TEST

START_TEST(test_search_and_count)
{
	struct page_query q = { .limit = 50, .search = "a1-1-10" };
	struct codes c = { 0 };
	struct wy_err e = { 0 };
	struct entity *clients;
	int64_t n;

	ck_assert_str_eq(page(&q, &c), "A1-1-1001,A1-1-1002,A1-1-1003,A1-1-1004,A1-1-1005");
	ck_assert_int_eq(entity_count(&fx.s, rooms, "A1-1-09", 0, &n, &e), WY_OK);
	ck_assert_int_eq(n, 10);
	ck_assert_int_eq(entity_count(&fx.s, rooms, NULL, 0, &n, &e), WY_OK);
	ck_assert_int_eq(n, 95);
	ck_assert_int_eq(entity_count(&fx.s, rooms, NULL, 50, &n, &e), WY_OK);
	ck_assert_int_eq(n, 50);	/* capped */
	q.many = 1;	/* the same rows, walking the sort order */
	ck_assert_str_eq(page(&q, &c), "A1-1-1001,A1-1-1002,A1-1-1003,A1-1-1004,A1-1-1005");
	q.many = 0;
	q.search = "A1-1-0*";	/* a GLOB character is a character */
	ck_assert_str_eq(page(&q, &c), "");
	ck_assert_int_eq(entity_load(fx.conf, "clients", &clients, &e), WY_OK);
	c.sort = 0;
	q.search = "王";
	memset(c.text, 0, sizeof c.text);
	c.n = 0;
	ck_assert_int_eq(entity_page(&fx.s, clients, &q, collect, &c, &e), WY_OK);
	ck_assert_str_eq(c.text, "C1,C3");
	q.search = "1391";	/* by mobile */
	memset(c.text, 0, sizeof c.text);
	c.n = 0;
	ck_assert_int_eq(entity_page(&fx.s, clients, &q, collect, &c, &e), WY_OK);
	ck_assert_str_eq(c.text, "C2");
	values_clear(&c.last_key, 1);
	entity_free(&clients);
}
END_TEST

START_TEST(test_sort_by_other_field)
{
	const struct field *f = entity_field(rooms, "state");
	struct page_query q = { .limit = 2, .sort = (size_t)(f - rooms->fields) };
	struct codes c = { 0 };

	/* owner sorts before vacant; ties in id order */
	ck_assert_str_eq(page(&q, &c), "A1-1-0101,A1-1-0102");
	q.desc = 1;
	ck_assert_str_eq(page(&q, &c), "A1-1-1003,A1-1-0910");
	values_clear(&c.last_key, 1);
}
END_TEST

START_TEST(test_get_save_delete)
{
	struct value *v = calloc(rooms->nfields, sizeof *v);
	struct wy_err e = { 0 };
	int64_t version, id, n;
	const struct field *where;
	char *text;

	ck_assert_int_eq(entity_get(&fx.s, rooms, 1, v, &version, &e), WY_OK);
	ck_assert_int_eq(version, 1);
	ck_assert_str_eq(v[0].s, "A1-1-0101");
	text = field_display(&fx.s, entity_field(rooms, "building"),
	    entity_value(rooms, v, "building"));
	ck_assert_str_eq(text, "A1 1栋");	/* key and display field */
	free(text);
	text = field_display(&fx.s, entity_field(rooms, "state"),
	    entity_value(rooms, v, "state"));
	ck_assert_str_eq(text, "Owner-occupied");
	free(text);
	/* a floor beyond the building: refused, naming the field */
	values_clear(entity_value(rooms, v, "floor"), 1);
	entity_value(rooms, v, "floor")->kind = VALUE_INT;
	entity_value(rooms, v, "floor")->i = 31;
	ck_assert_int_eq(entity_save(&fx.s, rooms, 1, version, v, &id, &where, &e),
	    WY_EINVALID);
	ck_assert_ptr_eq(where, entity_field(rooms, "floor"));
	entity_value(rooms, v, "floor")->i = 2;
	ck_assert_int_eq(entity_save(&fx.s, rooms, 1, version, v, &id, &where, &e), WY_OK);
	ck_assert_int_eq(db_int64(fx.db, &n, &e, "SELECT count(*) FROM audit"
	    " WHERE action = 'update' AND entity = 'rooms' AND entity_id = 1", ""), WY_OK);
	ck_assert_int_eq(n, 1);
	/* stale version: conflict, nothing changed */
	ck_assert_int_eq(entity_save(&fx.s, rooms, 1, version, v, &id, &where, &e),
	    WY_ECONFLICT);
	ck_assert_int_eq(entity_delete(&fx.s, rooms, 1, version, &e), WY_ECONFLICT);
	ck_assert_int_eq(entity_delete(&fx.s, rooms, 1, version + 1, &e), WY_OK);
	ck_assert_int_eq(entity_get(&fx.s, rooms, 1, v, &version, &e), WY_ENOTFOUND);
	values_clear(v, rooms->nfields);
	free(v);
}
END_TEST

START_TEST(test_delete_in_use)
{
	struct entity *b;
	struct wy_err e = { 0 };

	ck_assert_int_eq(entity_load(fx.conf, "buildings", &b, &e), WY_OK);
	ck_assert_int_eq(entity_delete(&fx.s, b, 1, 1, &e), WY_ECONFLICT);
	ck_assert_ptr_nonnull(strstr(e.msg, "still used"));
	entity_free(&b);
}
END_TEST

static int
count_choice(void *arg, const char *code, const char *name)
{
	int *n = arg;

	ck_assert_ptr_nonnull(code);
	ck_assert_ptr_nonnull(name);
	(*n)++;
	return 0;
}

START_TEST(test_choices)
{
	struct wy_err e = { 0 };
	int n = 0;

	ck_assert_int_eq(field_choices(&fx.s, entity_field(rooms, "state"),
	    count_choice, &n, &e), 0);
	ck_assert_int_eq(n, 5);
	fixture_sql(&fx, "UPDATE categories SET active = 0 WHERE list = 'room_state'"
	    " AND code = 'for_sale'");
	n = 0;
	field_choices(&fx.s, entity_field(rooms, "state"), count_choice, &n, &e);
	ck_assert_int_eq(n, 4);
}
END_TEST

START_TEST(test_move_out)
{
	struct wy_err e = { 0 };
	int64_t n;

	fixture_sql(&fx, "INSERT INTO occupancy (room_id, client_id, role, start_date, payer)"
	    " VALUES (1, 1, 'owner', '2020-01-01', 1)");
	ck_assert_int_eq(client_move_out(&fx.s, 1, 1, "2019-12-31", &e), WY_EINVALID);
	ck_assert_int_eq(client_move_out(&fx.s, 1, 2, "2026-01-01", &e), WY_ECONFLICT);
	ck_assert_msg(client_move_out(&fx.s, 1, 1, "2026-01-01", &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(db_int64(fx.db, &n, &e, "SELECT count(*) FROM occupancy"
	    " WHERE end_date = '2026-01-01'", ""), WY_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(client_move_out(&fx.s, 1, 2, "2026-02-01", &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "already ended"));
	/* Nobody lives there any more: the room is vacant. */
	ck_assert_int_eq(db_int64(fx.db, &n, &e, "SELECT count(*) FROM rooms"
	    " WHERE id = 1 AND state = 'vacant' AND version = 2", ""), WY_OK);
	ck_assert_int_eq(n, 1);
}
END_TEST

/* A move-in through the form's save makes the room's state follow. */
START_TEST(test_move_in_state)
{
	struct entity *occ;
	struct value *v;
	struct wy_err e = { 0 };
	const char *const texts[] = { "A1-1-0103", "C2", "tenant", "2025-05-01",
	    "", "no", "" };
	int64_t id, n;
	size_t i;

	ck_assert_int_eq(entity_load(fx.conf, "occupancy", &occ, &e), WY_OK);
	v = calloc(occ->nfields, sizeof *v);
	for (i = 0; i < occ->nfields; i++)
		ck_assert_int_eq(field_parse(&fx.s, occ, &occ->fields[i], texts[i], 1,
		    &v[i], &e), WY_OK);
	ck_assert_msg(entity_save(&fx.s, occ, 0, 0, v, &id, NULL, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(db_int64(fx.db, &n, &e, "SELECT count(*) FROM rooms"
	    " WHERE code = 'A1-1-0103' AND state = 'rented'", ""), WY_OK);
	ck_assert_int_eq(n, 1);
	values_clear(v, occ->nfields);
	free(v);
	entity_free(&occ);
}
END_TEST

/* A lookup is typed as its key, or as the screen shows it ("C2 李娜"),
 * which an edit form loads into the field: both save. */
START_TEST(test_lookup_as_shown)
{
	struct entity *occ;
	const struct field *f;
	struct value v = { 0 };
	struct wy_err e = { 0 };
	char *shown;

	ck_assert_int_eq(entity_load(fx.conf, "occupancy", &occ, &e), WY_OK);
	f = entity_field(occ, "client");
	ck_assert_int_eq(field_parse(&fx.s, occ, f, "C2", 0, &v, &e), WY_OK);
	ck_assert_int_eq(v.i, 2);
	shown = field_display(&fx.s, f, &v);
	ck_assert_str_eq(shown, "C2 李娜");
	values_clear(&v, 1);
	ck_assert_msg(field_parse(&fx.s, occ, f, shown, 0, &v, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(v.i, 2);
	free(shown);
	/* The key with another client's name is not that client. */
	ck_assert_int_eq(field_parse(&fx.s, occ, f, "C2 王伟", 0, &v, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "there is no 'C2 王伟'"));
	ck_assert_int_eq(field_parse(&fx.s, occ, f, "C9 李娜", 0, &v, &e), WY_EINVALID);
	entity_free(&occ);
}
END_TEST

/* The plan of the statement last prepared whose SQL contains needle (run
 * with its bindings): each step's detail, "; "-separated. */
static const char *
plan_of(const char *needle)
{
	static char out[2048];
	sqlite3_stmt *st = NULL, *ex;
	char *sql;

	while ((st = sqlite3_next_stmt(fx.db->h, st)) != NULL)
		if (strstr(sqlite3_sql(st), needle) != NULL)
			break;
	ck_assert_msg(st != NULL, "no statement with %s", needle);
	sql = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sqlite3_sql(st));
	ck_assert_int_eq(sqlite3_prepare_v2(fx.db->h, sql, -1, &ex, NULL), SQLITE_OK);
	sqlite3_free(sql);
	ck_assert_int_eq(sqlite3_transfer_bindings(st, ex), SQLITE_OK);
	out[0] = '\0';
	while (sqlite3_step(ex) == SQLITE_ROW) {
		strncat(out, (const char *)sqlite3_column_text(ex, 3),
		    sizeof out - strlen(out) - 3);
		strcat(out, "; ");
	}
	sqlite3_finalize(ex);
	return out;
}

/* Rooms by building (a lookup, by the building's natural code key): ties
 * in id order, pages across buildings both ways, with and without a
 * search or a filter; the order walks the buildings' key index and each
 * building's rooms, sorting nothing but one building's rooms at a time. */
START_TEST(test_sort_by_lookup)
{
	const struct field *f = entity_field(rooms, "building");
	struct page_query q = { .limit = 4, .sort = (size_t)(f - rooms->fields) };
	struct codes c = { 0 };
	struct wy_err e = { 0 };
	struct value key = { 0 };
	const char *plan;

	/* B10 (id 2) sorts after B2 (id 3); rooms interleaved by id. */
	fixture_sql(&fx, "INSERT INTO buildings (code, estate_id, name) VALUES"
	    " ('B10', 1, '10栋'), ('B2', 1, '2栋');"
	    "INSERT INTO rooms (code, building_id, floor, build_area, charge_area)"
	    " VALUES ('R1', 2, 1, 100, 100), ('R2', 3, 1, 100, 100),"
	    " ('R3', 2, 1, 100, 100), ('R4', 3, 1, 100, 100), ('R5', 2, 1, 100, 100)");
	ck_assert_int_eq(db_sort_keys_fill(fx.db, &e), WY_OK);
	q.from = PAGE_LAST;
	ck_assert_str_eq(page(&q, &c), "R4,R1,R3,R5");
	plan = plan_of("ORDER BY l.\"code_key\" DESC");
	ck_assert_msg(strstr(plan, "SCAN l USING COVERING INDEX buildings_code_key") != NULL &&
	    strstr(plan, "TEMP B-TREE FOR ORDER BY") == NULL, "%s", plan);
	/* Before R1 (B10, the first of its building): over the boundary. */
	value_copy(&key, &c.last_key);	/* R5: building 2 */
	q.key = &key;
	q.key_id = 96;	/* R1 */
	q.from = PAGE_BEFORE;
	q.limit = 3;
	ck_assert_str_eq(page(&q, &c), "A1-1-1005,R2,R4");
	plan = plan_of("l.\"code_key\" <= ?3");
	ck_assert_msg(strstr(plan, "SEARCH l USING COVERING INDEX buildings_code_key") != NULL,
	    "%s", plan);
	q.from = PAGE_FROM;
	ck_assert_str_eq(page(&q, &c), "R1,R3,R5");
	/* After R4 (the last of B2), then after A1-1-1005 (building 1). */
	values_clear(&key, 1);
	key.kind = VALUE_INT;
	key.i = 3;
	q.key_id = 99;
	q.from = PAGE_AFTER;
	ck_assert_str_eq(page(&q, &c), "R1,R3,R5");
	key.i = 1;
	q.key_id = 95;
	ck_assert_str_eq(page(&q, &c), "R2,R4,R1");
	q.key = NULL;
	q.from = PAGE_FIRST;
	q.desc = 1;
	ck_assert_str_eq(page(&q, &c), "R5,R3,R1");
	q.desc = 0;
	q.limit = 10;
	q.search = "R";	/* gathered through the code index, then sorted */
	ck_assert_str_eq(page(&q, &c), "R2,R4,R1,R3,R5");
	q.many = 1;	/* walking the buildings' order */
	ck_assert_str_eq(page(&q, &c), "R2,R4,R1,R3,R5");
	q.many = 0;
	q.search = NULL;
	q.filter = "building";
	q.filter_id = 2;
	ck_assert_str_eq(page(&q, &c), "R1,R3,R5");
	values_clear(&c.last_key, 1);
}
END_TEST

/* Every column of the Rooms and Clients lists sorts through an index:
 * the first page reads no more than it shows (no sort of the table). */
START_TEST(test_sort_columns_indexed)
{
	static const char *const forms[] = { "rooms", "clients" };
	struct page_query q = { .limit = 3 };
	struct entity *ent;
	struct wy_err e = { 0 };
	struct codes c = { 0 };
	const char *plan;
	size_t k, i;

	for (k = 0; k < 2; k++) {
		ck_assert_int_eq(entity_load(fx.conf, forms[k], &ent, &e), WY_OK);
		for (i = 0; i < ent->nfields; i++) {
			if (!ent->fields[i].in_list)
				continue;
			q.sort = i;
			memset(c.text, 0, sizeof c.text);
			c.n = 0;
			c.sort = i;
			ck_assert_int_eq(entity_page(&fx.s, ent, &q, collect, &c, &e), WY_OK);
			plan = plan_of(" LIMIT ?5");
			ck_assert_msg(strstr(plan, "USE TEMP B-TREE FOR ORDER BY") == NULL,
			    "%s by %s: %s", forms[k], ent->fields[i].name, plan);
			values_clear(&c.last_key, 1);
		}
		entity_free(&ent);
	}
}
END_TEST

/* A count that one field alone makes is that field's, without the union
 * of every field's matches; the quick find's sample (each field's first
 * few matches, then sorted) reads a common initial through the index of
 * the initials. */
START_TEST(test_count_and_sample)
{
	struct page_query q = { .limit = 2, .search = "A1-1-", .sample = 3 };
	struct entity *clients;
	struct codes c = { 0 };
	struct wy_err e = { 0 };
	const char *plan;
	sqlite3_stmt *st = NULL;
	int64_t n;

	ck_assert_int_eq(entity_count(&fx.s, rooms, "A1-1-0", 1000, &n, &e), WY_OK);
	ck_assert_int_eq(n, 90);
	while ((st = sqlite3_next_stmt(fx.db->h, st)) != NULL)
		ck_assert_msg(strstr(sqlite3_sql(st), "UNION") == NULL, "%s",
		    sqlite3_sql(st));
	/* By floor, down: of the first 3 codes (floor 1), the last 2. */
	q.sort = (size_t)(entity_field(rooms, "floor") - rooms->fields);
	q.desc = 1;
	ck_assert_str_eq(page(&q, &c), "A1-1-0103,A1-1-0102");
	q.sample = 0;	/* all: floor 10 */
	ck_assert_str_eq(page(&q, &c), "A1-1-1005,A1-1-1004");
	ck_assert_int_eq(entity_load(fx.conf, "clients", &clients, &e), WY_OK);
	ck_assert_int_eq(db_sort_keys_fill(fx.db, &e), WY_OK);
	q.sort = 0;
	q.desc = 0;
	q.search = "w";
	q.sample = 1000;
	memset(c.text, 0, sizeof c.text);
	c.n = 0;
	c.sort = 0;
	ck_assert_int_eq(entity_page(&fx.s, clients, &q, collect, &c, &e), WY_OK);
	ck_assert_str_eq(c.text, "C1,C3");	/* 王伟, 王芳: wangwei, wf */
	plan = plan_of("\"name_py\" GLOB ?9 LIMIT ?10");
	ck_assert_msg(strstr(plan, "USING COVERING INDEX clients_name_py (name_py>? AND name_py<?)") != NULL,
	    "%s", plan);
	values_clear(&c.last_key, 1);
	entity_free(&clients);
}
END_TEST

/* A search that matches many rows walks the sort order, at most some
 * rows of it; matches that all come later (after 2,000 rows) are then
 * gathered: the same windows either way, both ways and across pages. */
START_TEST(test_many_gathered_late)
{
	struct page_query q = { .limit = 2, .search = "Z", .many = 1 };
	struct codes c = { 0 };
	struct value key = { 0 };
	struct wy_err e = { 0 };
	char sql[256];
	int i;

	fixture_sql(&fx, "BEGIN");
	for (i = 1; i <= 2100; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO rooms (code, building_id,"
		    " floor, build_area, charge_area) VALUES ('%s%04d', 1, 1, 100, 100)",
		    i > 2097 ? "Z" : "X", i);
		fixture_sql(&fx, sql);
	}
	fixture_sql(&fx, "COMMIT");
	ck_assert_int_eq(db_sort_keys_fill(fx.db, &e), WY_OK);
	ck_assert_str_eq(page(&q, &c), "Z2098,Z2099");
	value_copy(&key, &c.last_key);
	q.key = &key;
	q.key_id = c.last_id;
	q.from = PAGE_AFTER;
	ck_assert_str_eq(page(&q, &c), "Z2100");
	q.from = PAGE_BEFORE;
	ck_assert_str_eq(page(&q, &c), "Z2098");
	q.key = NULL;
	q.from = PAGE_LAST;
	ck_assert_str_eq(page(&q, &c), "Z2099,Z2100");
	/* Dense matches: found in the first rows walked. */
	q.search = "X";
	ck_assert_str_eq(page(&q, &c), "X2096,X2097");
	values_clear(&key, 1);
	value_copy(&key, &c.last_key);
	q.key = &key;
	q.key_id = c.last_id;
	q.from = PAGE_BEFORE;
	ck_assert_str_eq(page(&q, &c), "X2095,X2096");
	q.desc = 1;
	q.from = PAGE_AFTER;
	ck_assert_str_eq(page(&q, &c), "X2096,X2095");
	values_clear(&key, 1);
	values_clear(&c.last_key, 1);
}
END_TEST

Suite *
record_suite(void)
{
	Suite *s = suite_create("record");
	TCase *tc = tcase_create("record");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_keyset_pages);
	tcase_add_test(tc, test_search_and_count);
	tcase_add_test(tc, test_sort_by_other_field);
	tcase_add_test(tc, test_get_save_delete);
	tcase_add_test(tc, test_delete_in_use);
	tcase_add_test(tc, test_choices);
	tcase_add_test(tc, test_move_out);
	tcase_add_test(tc, test_move_in_state);
	tcase_add_test(tc, test_lookup_as_shown);
	tcase_add_test(tc, test_sort_by_lookup);
	tcase_add_test(tc, test_sort_columns_indexed);
	tcase_add_test(tc, test_count_and_sample);
	tcase_add_test(tc, test_many_gathered_late);
	suite_add_tcase(s, tc);
	return s;
}
