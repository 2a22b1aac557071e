/* wuye unit tests: forms, field parsing, record checks and domain rules. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/entity.h"

static struct fixture fx;

static void
setup(void)
{
	fixture_open(&fx);
	fixture_sql(&fx,
	    "INSERT INTO estates (code, name) VALUES ('JX', '锦绣花园');"
	    "INSERT INTO buildings (code, estate_id, name, floors, units)"
	    " VALUES ('A1', 1, '1栋', 18, 2);"
	    "INSERT INTO rooms (code, building_id, unit, floor, build_area, charge_area)"
	    " VALUES ('A1-1-101', 1, 1, 1, 8950, 8500);"
	    "INSERT INTO clients (code, name) VALUES ('C1', '王伟'), ('C2', '李娜');");
}

static void
teardown(void)
{
	fixture_close(&fx);
}

static struct entity *
load(const char *name)
{
	struct wy_err e = { 0 };
	struct entity *ent = NULL;

	ck_assert_msg(entity_load(fx.conf, name, &ent, &e) == WY_OK, "%s", e.msg);
	return ent;
}

/* Parse text into the field called name; returns the status. */
static int
parse(struct entity *ent, const char *name, const char *text, struct value *v,
    struct wy_err *e)
{
	const struct field *f = entity_field(ent, name);

	ck_assert_ptr_nonnull(f);
	return field_parse(&fx.s, ent, f, text, 1, v, e);
}

START_TEST(test_builtin_forms_load)
{
	struct wy_err e = { 0 };
	struct entity *ent;
	char **names;
	size_t n, i;

	names = entity_names(fx.conf, &n);
	ck_assert_uint_ge(n, 11);
	for (i = 0; i < n; i++) {
		ck_assert_msg(entity_load(fx.conf, names[i], &ent, &e) == WY_OK,
		    "%s: %s", names[i], e.msg);
		ck_assert_uint_gt(ent->nfields, 0);
		entity_free(&ent);
		ck_assert_ptr_null(ent);
	}
	entity_names_free(names, n);
}
END_TEST

/* A list column is as wide as its widest fixed choice and its label. */
START_TEST(test_field_width)
{
	struct wy_err e = { 0 };
	struct entity *ent;

	ck_assert_int_eq(entity_load(fx.conf, "clients", &ent, &e), WY_OK);
	/* width 4, "Type", but "Company" */
	ck_assert_int_eq(field_width(entity_field(ent, "kind")), 7);
	/* width 12 beats the label "Name" */
	ck_assert_int_eq(field_width(entity_field(ent, "name")), 12);
	/* width 8, the label "Client code" is wider */
	ck_assert_int_eq(field_width(entity_field(ent, "code")), 11);
	entity_free(&ent);
}
END_TEST

START_TEST(test_unknown_form)
{
	struct wy_err e = { 0 };
	struct entity *ent;

	ck_assert_int_eq(entity_load(fx.conf, "nosuch", &ent, &e), WY_ENOTFOUND);
	ck_assert_ptr_null(ent);
	ck_assert_int_eq(entity_load(fx.conf, "../etc", &ent, &e), WY_ENOTFOUND);
}
END_TEST

/* Each malformed user form is refused with a message naming file and key. */
START_TEST(test_bad_forms)
{
	static const struct { const char *text, *want; } cases[] = {
		{ "[form]\ntable = rooms\ncolour = red\n[code]\n", "unknown key 'colour'" },
		{ "[form]\ntable = rooms\n[code]\ntype = blob\n", "type: 'blob'" },
		{ "[form]\n[code]\n", "table: missing" },
		{ "[form]\ntable = rooms drop\n[code]\n", "table" },
		{ "[form]\ntable = rooms\n[code]\nrequired = maybe\n", "required: 'maybe'" },
		{ "[form]\ntable = rooms\n[code]\nwidth = 0\n", "width: '0'" },
		{ "[form]\ntable = rooms\n[b]\ntype = lookup\nlookup = nosuch\n", "[b] lookup" },
		{ "[form]\ntable = rooms\n[c]\ntype = choice\n", "needs list" },
		{ "[form]\ntable = rooms\nkey = nosuch\n[code]\n", "key: no field 'nosuch'" },
		{ "[form]\ntable = rooms\n", "no fields" },
		{ "[form\ntable = rooms\n", "bad.ini" },
		{ "[form]\ntable = rooms\n[code]\nmin = abc\ntype = integer\n", "min: 'abc'" },
	};
	struct wy_err e = { 0 };
	struct entity *ent;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fixture_file(&fx, "data/forms/bad.ini", cases[i].text);
		ck_assert_msg(entity_load(fx.conf, "bad", &ent, &e) != WY_OK,
		    "case %zu loaded", i);
		ck_assert_msg(strstr(e.msg, cases[i].want) != NULL,
		    "case %zu: '%s' lacks '%s'", i, e.msg, cases[i].want);
		ck_assert_msg(strstr(e.msg, "bad.ini") != NULL, "%s", e.msg);
	}
}
END_TEST

START_TEST(test_user_form_overrides)
{
	struct entity *ent;

	fixture_file(&fx, "data/forms/estates.ini",
	    "[form]\ntable = estates\ntitle = Sites\nkey = code\n"
	    "[code]\nrequired = yes\n[name]\nlabel = Site\n");
	ent = load("estates");
	ck_assert_str_eq(ent->title, "Sites");
	ck_assert_uint_eq(ent->nfields, 2);
	ck_assert_ptr_nonnull(strstr(ent->source, "data/forms/estates.ini"));
	entity_free(&ent);
}
END_TEST

START_TEST(test_parse_numbers)
{
	struct entity *ent = load("rooms");
	struct wy_err e = { 0 };
	struct value v = { 0 };

	ck_assert_int_eq(parse(ent, "build_area", "89.5", &v, &e), WY_OK);
	ck_assert_int_eq(v.kind, VALUE_INT);
	ck_assert_int_eq(v.i, 8950);
	ck_assert_int_eq(parse(ent, "build_area", "1,234.56", &v, &e), WY_OK);
	ck_assert_int_eq(v.i, 123456);
	ck_assert_int_eq(parse(ent, "build_area", "89.555", &v, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "Building area"));
	ck_assert_int_eq(parse(ent, "build_area", "0", &v, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "from 0.01 to 999999.99"));
	ck_assert_int_eq(parse(ent, "floor", "12a", &v, &e), WY_EINVALID);
	ck_assert_int_eq(parse(ent, "floor", "201", &v, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "from -9 to 200"));
	ck_assert_int_eq(parse(ent, "floor", "", &v, &e), WY_OK);
	ck_assert_int_eq(v.kind, VALUE_NULL);
	ck_assert_int_eq(parse(ent, "unit", "", &v, &e), WY_OK);	/* default 1 */
	ck_assert_int_eq(v.i, 1);
	entity_free(&ent);
}
END_TEST

START_TEST(test_parse_choice_lookup_date_bool)
{
	struct entity *ent = load("rooms");
	struct entity *occ = load("occupancy");
	struct wy_err e = { 0 };
	struct value v = { 0 };

	ck_assert_int_eq(parse(ent, "state", "空置", &v, &e), WY_OK);
	ck_assert_str_eq(v.s, "vacant");
	values_clear(&v, 1);
	ck_assert_int_eq(parse(ent, "state", "Rented", &v, &e), WY_OK);
	ck_assert_str_eq(v.s, "rented");
	values_clear(&v, 1);
	ck_assert_int_eq(parse(ent, "state", "owner", &v, &e), WY_OK);
	ck_assert_str_eq(v.s, "owner");
	values_clear(&v, 1);
	ck_assert_int_eq(parse(ent, "state", "haunted", &v, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "'haunted' is not one of the choices"));
	ck_assert_int_eq(parse(ent, "state", "", &v, &e), WY_OK);	/* default */
	ck_assert_str_eq(v.s, "vacant");
	values_clear(&v, 1);
	ck_assert_int_eq(parse(ent, "building", "A1", &v, &e), WY_OK);
	ck_assert_int_eq(v.i, 1);
	ck_assert_int_eq(parse(ent, "building", "Z9", &v, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "Building: there is no 'Z9'"));
	ck_assert_int_eq(parse(ent, "handover", "2026-02-30", &v, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "Handover date"));
	ck_assert_int_eq(parse(ent, "handover", "2026-02-28", &v, &e), WY_OK);
	ck_assert_str_eq(v.s, "2026-02-28");
	values_clear(&v, 1);
	ck_assert_int_eq(parse(occ, "role", "业主", &v, &e), WY_OK);
	ck_assert_str_eq(v.s, "owner");
	values_clear(&v, 1);
	ck_assert_int_eq(parse(occ, "payer", "是", &v, &e), WY_OK);
	ck_assert_int_eq(v.i, 1);
	ck_assert_int_eq(parse(occ, "payer", "perhaps", &v, &e), WY_EINVALID);
	entity_free(&ent);
	entity_free(&occ);
}
END_TEST

START_TEST(test_parse_text)
{
	struct entity *ent = load("clients");
	struct wy_err e = { 0 };
	struct value v = { 0 };
	char longname[400];

	memset(longname, 'x', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	ck_assert_int_eq(parse(ent, "name", "王伟", &v, &e), WY_OK);
	ck_assert_str_eq(v.s, "王伟");
	values_clear(&v, 1);
	ck_assert_int_eq(parse(ent, "name", longname, &v, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "too long"));
	ck_assert_int_eq(parse(ent, "name", "ab\xff", &v, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "UTF-8"));
	ck_assert_int_eq(parse(ent, "name", "a\x1b[31mb", &v, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "control"));
	ck_assert_int_eq(parse(ent, "code", "C 1", &v, &e), WY_EINVALID);
	ck_assert_int_eq(parse(ent, "mobile", "12345", &v, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "Mobile"));
	ck_assert_int_eq(parse(ent, "mobile", "13800138000", &v, &e), WY_OK);
	values_clear(&v, 1);
	entity_free(&ent);
}
END_TEST

/* Parse a whole record from name=value pairs; unnamed fields get defaults. */
static int
record(struct entity *ent, struct value *vals, const char *const *pairs,
    struct wy_err *e)
{
	const char *text;
	size_t i, j;
	int rc;

	for (i = 0; i < ent->nfields; i++) {
		text = NULL;
		for (j = 0; pairs[j] != NULL; j += 2)
			if (strcmp(pairs[j], ent->fields[i].name) == 0)
				text = pairs[j + 1];
		rc = field_parse(&fx.s, ent, &ent->fields[i], text, 1, &vals[i], e);
		if (rc != WY_OK)
			return rc;
	}
	return entity_check(&fx.s, ent, vals, 0, NULL, e);
}

static int
add(const char *name, const char *const *pairs, struct wy_err *e)
{
	struct entity *ent = load(name);
	struct value *vals = calloc(ent->nfields, sizeof *vals);
	int64_t id;
	int rc;

	rc = record(ent, vals, pairs, e);
	if (rc == WY_OK)
		rc = entity_insert(&fx.s, ent, vals, &id, e);
	values_clear(vals, ent->nfields);
	free(vals);
	entity_free(&ent);
	return rc;
}

START_TEST(test_check_required_unique)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(add("rooms", (const char *[]){ "code", "A1-1-102",
	    "building", "A1", "floor", "1", "build_area", "80",
	    "charge_area", "78", NULL }, &e), WY_OK);
	ck_assert_int_eq(add("rooms", (const char *[]){ "code", "A1-1-102",
	    "building", "A1", "floor", "1", "build_area", "80",
	    "charge_area", "78", NULL }, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "'A1-1-102' is already used"));
	ck_assert_int_eq(add("rooms", (const char *[]){ "code", "A1-1-103",
	    "building", "A1", "build_area", "80", "charge_area", "78", NULL }, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "Floor: required"));
}
END_TEST

START_TEST(test_room_floor_in_building)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(add("rooms", (const char *[]){ "code", "A1-1-1901",
	    "building", "A1", "floor", "19", "build_area", "80",
	    "charge_area", "78", NULL }, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "not a floor of the building"));
	ck_assert_int_eq(add("rooms", (const char *[]){ "code", "A1-3-101",
	    "building", "A1", "unit", "3", "floor", "1", "build_area", "80",
	    "charge_area", "78", NULL }, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "only 2 units"));
	ck_assert_int_eq(add("rooms", (const char *[]){ "code", "A1-B1",
	    "building", "A1", "floor", "-1", "build_area", "30",
	    "charge_area", "30", NULL }, &e), WY_OK);
}
END_TEST

START_TEST(test_client_id_and_gender)
{
	struct wy_err e = { 0 };
	int64_t n = 0;

	ck_assert_int_eq(add("clients", (const char *[]){ "code", "C3", "name",
	    "张三", "id_type", "idcard", "id_no", "110105194912310021", NULL }, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "ID number"));
	ck_assert_int_eq(add("clients", (const char *[]){ "code", "C3", "name",
	    "张三", "id_type", "居民身份证", "id_no", "11010519491231002X",
	    "gender", "M", NULL }, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "Gender"));
	ck_assert_int_eq(add("clients", (const char *[]){ "code", "C3", "name",
	    "张三", "id_type", "idcard", "id_no", "11010519491231002X", NULL }, &e),
	    WY_OK);
	ck_assert_int_eq(db_int64(fx.db, &n, &e,
	    "SELECT count(*) FROM clients WHERE code = 'C3' AND gender = 'F'", ""), WY_OK);
	ck_assert_int_eq(n, 1);
	/* A passport number is not checked as an ID card. */
	ck_assert_int_eq(add("clients", (const char *[]){ "code", "C4", "name",
	    "John Smith", "id_type", "passport", "id_no", "E12345678", NULL }, &e),
	    WY_OK);
}
END_TEST

START_TEST(test_occupancy_one_payer)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(add("occupancy", (const char *[]){ "room", "A1-1-101",
	    "client", "C1", "role", "owner", "start_date", "2020-01-01",
	    "end_date", "2024-06-30", "payer", "yes", NULL }, &e), WY_OK);
	/* Overlapping payer: refused. */
	ck_assert_int_eq(add("occupancy", (const char *[]){ "room", "A1-1-101",
	    "client", "C2", "role", "owner", "start_date", "2024-06-29",
	    "payer", "yes", NULL }, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "already has a payer"));
	/* From the move-out day on: fine (a link covers [start, end)). */
	ck_assert_int_eq(add("occupancy", (const char *[]){ "room", "A1-1-101",
	    "client", "C2", "role", "owner", "start_date", "2024-06-30",
	    "payer", "yes", NULL }, &e), WY_OK);
	/* A tenant who is not the payer: fine. */
	ck_assert_int_eq(add("occupancy", (const char *[]){ "room", "A1-1-101",
	    "client", "C1", "role", "tenant", "start_date", "2024-08-01", NULL },
	    &e), WY_OK);
	/* The same link twice: refused. */
	ck_assert_int_eq(add("occupancy", (const char *[]){ "room", "A1-1-101",
	    "client", "C1", "role", "tenant", "start_date", "2025-01-01", NULL },
	    &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "already linked"));
	/* End before start: refused. */
	ck_assert_int_eq(add("occupancy", (const char *[]){ "room", "A1-1-101",
	    "client", "C2", "role", "resident", "start_date", "2025-01-01",
	    "end_date", "2024-01-01", NULL }, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "before the start"));
}
END_TEST

START_TEST(test_lease_and_parking_dates)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(add("leases", (const char *[]){ "code", "L1", "room",
	    "A1-1-101", "client", "C2", "rent", "3500", "start_date", "2025-01-01",
	    "end_date", "2025-01-01", NULL }, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "must be after the start"));
	ck_assert_int_eq(add("leases", (const char *[]){ "code", "L1", "room",
	    "A1-1-101", "client", "C2", "rent", "3,500.00", "deposit", "7000",
	    "start_date", "2025-01-01", "end_date", "2025-12-31", NULL }, &e), WY_OK);
	ck_assert_int_eq(add("parking", (const char *[]){ "code", "P-001",
	    "estate", "JX", "contract_start", "2025-02-01", "contract_end",
	    "2025-01-01", NULL }, &e), WY_EINVALID);
	ck_assert_int_eq(add("parking", (const char *[]){ "code", "P-001",
	    "estate", "JX", "ownership", "租用", "client", "C1", "rent_price",
	    "300", NULL }, &e), WY_OK);
	ck_assert_int_eq(add("vehicles", (const char *[]){ "plate", "粤B·12345",
	    "client", "C1", "space", "P-001", NULL }, &e), WY_OK);
	ck_assert_int_eq(add("vehicles", (const char *[]){ "plate", "粤B·54321",
	    "client", "C9", NULL }, &e), WY_EINVALID);
}
END_TEST

START_TEST(test_update_version_conflict)
{
	struct entity *ent = load("estates");
	struct value *vals = calloc(ent->nfields, sizeof *vals);
	struct wy_err e = { 0 };
	size_t i;

	ck_assert_int_eq(record(ent, vals, (const char *[]){ "code", "JX",
	    "name", "锦绣花园二期", NULL }, &e), WY_EINVALID);	/* JX exists */
	ck_assert_ptr_nonnull(strstr(e.msg, "'JX' is already used"));
	values_clear(vals, ent->nfields);
	for (i = 0; i < ent->nfields; i++)
		ck_assert_int_eq(field_parse(&fx.s, ent, &ent->fields[i],
		    i == 0 ? "JX" : i == 1 ? "锦绣花园二期" : NULL, 1, &vals[i],
		    &e), WY_OK);
	ck_assert_int_eq(entity_check(&fx.s, ent, vals, 1, NULL, &e), WY_OK);	/* itself */
	ck_assert_msg(entity_update(&fx.s, ent, 1, 1, vals, &e) == WY_OK, "%s", e.msg);
	/* A second clerk still holding version 1: refused. */
	ck_assert_int_eq(entity_update(&fx.s, ent, 1, 1, vals, &e), WY_ECONFLICT);
	ck_assert_ptr_nonnull(strstr(e.msg, "changed"));
	ck_assert_msg(entity_update(&fx.s, ent, 1, 2, vals, &e) == WY_OK, "%s", e.msg);
	values_clear(vals, ent->nfields);
	free(vals);
	entity_free(&ent);
}
END_TEST

START_TEST(test_mask)
{
	char *m;

	m = entity_mask("11010519491231002X");
	ck_assert_str_eq(m, "110***********002X");
	free(m);
	m = entity_mask("13800138000");
	ck_assert_str_eq(m, "138****8000");
	free(m);
	m = entity_mask("王伟");
	ck_assert_str_eq(m, "**");
	free(m);
}
END_TEST

Suite *
entity_suite(void)
{
	Suite *s = suite_create("entity");
	TCase *tc = tcase_create("entity");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_builtin_forms_load);
	tcase_add_test(tc, test_unknown_form);
	tcase_add_test(tc, test_bad_forms);
	tcase_add_test(tc, test_user_form_overrides);
	tcase_add_test(tc, test_parse_numbers);
	tcase_add_test(tc, test_parse_choice_lookup_date_bool);
	tcase_add_test(tc, test_parse_text);
	tcase_add_test(tc, test_check_required_unique);
	tcase_add_test(tc, test_room_floor_in_building);
	tcase_add_test(tc, test_client_id_and_gender);
	tcase_add_test(tc, test_occupancy_one_payer);
	tcase_add_test(tc, test_lease_and_parking_dates);
	tcase_add_test(tc, test_update_version_conflict);
	tcase_add_test(tc, test_mask);
	tcase_add_test(tc, test_field_width);
	suite_add_tcase(s, tc);
	return s;
}
