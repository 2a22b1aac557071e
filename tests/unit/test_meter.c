/* wuye unit tests for meter.c and the charge forms' rules: usage past
 * roll-overs, warnings, previous readings, replacement, shared meters and
 * CSV import of readings, fee items, standards and meters. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/db.h"
#include "wuye/entity.h"
#include "wuye/import.h"
#include "wuye/meter.h"

static struct fixture fx;

static void
setup(void)
{
	fixture_open(&fx);
	fixture_sql(&fx,
	    "INSERT INTO estates (code, name) VALUES ('JX', '锦绣花园');"
	    "INSERT INTO buildings (code, estate_id, name, floors, units)"
	    " VALUES ('A1', 1, '1栋', 30, 2);"
	    "INSERT INTO rooms (code, building_id, floor, build_area, charge_area)"
	    " VALUES ('A1-101', 1, 1, 9000, 8500), ('A1-102', 1, 1, 13000, 12000),"
	    " ('A1-103', 1, 1, 12000, 11050);"
	    "INSERT INTO meters (code, type, room_id, dial_max, initial)"
	    " VALUES ('W1', 'water', 1, 9999999, 100000);"
	    "INSERT INTO meters (code, type, building_id, apportion)"
	    " VALUES ('WA', 'water', 1, 'area'), ('WE', 'electricity', 1, 'equal');");
}

static void
teardown(void)
{
	fixture_close(&fx);
}

/* Import a CSV into the form `kind`; returns the status. */
static int
import_text(const char *kind, const char *name, const char *csv,
    struct wy_err *e)
{
	struct import_opts o = { .max_errors = 10 };
	struct entity *ent;
	long rows;
	int rc;

	ck_assert_int_eq(entity_load(fx.conf, kind, &ent, e), WY_OK);
	o.path = fixture_file(&fx, name, csv);
	rc = import_csv(&fx.s, ent, &o, &rows, e);
	entity_free(&ent);
	return rc;
}

static int64_t
num(const char *sql)
{
	struct wy_err e = { 0 };
	int64_t v = -1;

	ck_assert_int_eq(db_int64(fx.db, &v, &e, sql, ""), WY_OK);
	return v;
}

START_TEST(test_usage)
{
	struct meter_calc c;
	struct wy_err e = { 0 };

	/* Plain: 110.000 - 100.000 = 10.000, times 1. */
	ck_assert_int_eq(meter_usage(100000, 110000, 9999999, 1, &c, &e), WY_OK);
	ck_assert_int_eq(c.usage, 10000);
	ck_assert_int_eq(c.rolled, 0);
	ck_assert_uint_eq(c.warn, 0);
	/* Unchanged: 0. */
	ck_assert_int_eq(meter_usage(5, 5, 9999999, 1, &c, &e), WY_OK);
	ck_assert_int_eq(c.usage, 0);
	/* Multiplier 50 on 1.234. */
	ck_assert_int_eq(meter_usage(0, 1234, 9999999, 50, &c, &e), WY_OK);
	ck_assert_int_eq(c.usage, 61700);
	/* 翻零: 9990.000 to 5.000 on a 9999.999 dial is 15.000. */
	ck_assert_int_eq(meter_usage(9990000, 5000, 9999999, 1, &c, &e), WY_OK);
	ck_assert_int_eq(c.usage, 15000);
	ck_assert_int_eq(c.rolled, 1);
	ck_assert_uint_eq(c.warn, 0);
	/* From the maximum to 0 is one step. */
	ck_assert_int_eq(meter_usage(9999999, 0, 9999999, 1, &c, &e), WY_OK);
	ck_assert_int_eq(c.usage, 1);
	/* A whole-number dial of 9999 wraps at 10000: 9990 to 15 is 25
	 * (not 24.001), 9999 to 0 is 1, and times 10 it is 250. */
	ck_assert_int_eq(meter_wrap(9999000), 10000000);
	ck_assert_int_eq(meter_usage(9990000, 15000, 9999000, 1, &c, &e), WY_OK);
	ck_assert_int_eq(c.usage, 25000);
	ck_assert_int_eq(c.rolled, 1);
	ck_assert_int_eq(meter_usage(9999000, 0, 9999000, 1, &c, &e), WY_OK);
	ck_assert_int_eq(c.usage, 1000);
	ck_assert_int_eq(meter_usage(9990000, 15000, 9999000, 10, &c, &e), WY_OK);
	ck_assert_int_eq(c.usage, 250000);
	/* A one-decimal dial of 99.9 wraps at 100: 99.8 to 0.1 is 0.3; a
	 * three-decimal dial of 999.999 at 1000: 999.995 to 0.004 is 0.009. */
	ck_assert_int_eq(meter_usage(99800, 100, 99900, 1, &c, &e), WY_OK);
	ck_assert_int_eq(c.usage, 300);
	ck_assert_int_eq(meter_usage(999995, 4, 999999, 1, &c, &e), WY_OK);
	ck_assert_int_eq(c.usage, 9);
	/* A reading past the highest one of the whole dial is refused. */
	ck_assert_int_eq(meter_usage(0, 9999500, 9999000, 1, &c, &e), WY_EINVALID);
	/* Typo warning at half the wrap: 5000 units of a 10000 dial is not. */
	ck_assert_int_eq(meter_usage(5000000, 0, 9999000, 1, &c, &e), WY_OK);
	ck_assert_int_eq(c.usage, 5000000);
	ck_assert_uint_eq(c.warn, 0);
	ck_assert_int_eq(meter_usage(5000000, 1, 9999000, 1, &c, &e), WY_OK);
	ck_assert_uint_eq(c.warn, METER_WARN_TYPO);
	/* 100.000 to 50.000: a roll-over of 9950 units, more likely a typo. */
	ck_assert_int_eq(meter_usage(100000, 50000, 9999999, 1, &c, &e), WY_OK);
	ck_assert_int_eq(c.rolled, 1);
	ck_assert_uint_eq(c.warn, METER_WARN_TYPO);
	ck_assert_int_eq(c.usage, 9950000);
	/* Beyond the dial. */
	ck_assert_int_eq(meter_usage(0, 10000000, 9999999, 1, &c, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "10000.000"));
	ck_assert_int_eq(meter_usage(10000000, 1, 9999999, 1, &c, &e), WY_EINVALID);
}
END_TEST

START_TEST(test_split)
{
	int64_t parts[4] = { -1, -1, -1, -1 };
	int64_t equal[3] = { 1, 1, 1 }, zero[3] = { 0, 0, 0 };
	int64_t area[3] = { 8500, 12000, 11050 };

	meter_split(100, NULL, 0, parts);	/* nothing to split: untouched */
	ck_assert_int_eq(parts[0], -1);
	meter_split(100, equal, 3, parts);
	ck_assert_int_eq(parts[0], 34);
	ck_assert_int_eq(parts[1], 33);
	ck_assert_int_eq(parts[2], 33);
	meter_split(0, equal, 3, parts);
	ck_assert_int_eq(parts[0] + parts[1] + parts[2], 0);
	meter_split(2, zero, 3, parts);	/* no weights: equally */
	ck_assert_int_eq(parts[0], 1);
	ck_assert_int_eq(parts[1], 1);
	ck_assert_int_eq(parts[2], 0);
	/* 100.000 by 85 : 120 : 110.5 = 26.941, 38.035, 35.024 (the
	 * remainders .378, .352 and .620 give the last unit to the third). */
	meter_split(100000, area, 3, parts);
	ck_assert_int_eq(parts[0], 26941);
	ck_assert_int_eq(parts[1], 38035);
	ck_assert_int_eq(parts[2], 35024);
	ck_assert_int_eq(parts[0] + parts[1] + parts[2], 100000);
}
END_TEST

/* Any weights and any amount: the parts add up to the whole, and each is
 * its exact share rounded down or up (less than one unit from it). */
START_TEST(test_split_property)
{
	uint64_t x = 0x9e3779b97f4a7c15u;
	int64_t w[40], parts[40], total, sum;
	__int128 wsum, exact;
	size_t n, i;
	int round;

	for (round = 0; round < 20000; round++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		n = 1 + x % 40;
		total = (int64_t)(x >> 20) % (round % 3 ? 1000000 : 100000000000LL);
		for (wsum = 0, i = 0; i < n; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			w[i] = round % 5 == 0 ? 1 : round % 7 == 0 && i % 2 ? 0 :
			    (int64_t)(x % 2000000);
			wsum += w[i];
		}
		meter_split(total, w, n, parts);
		for (sum = 0, i = 0; i < n; i++) {
			sum += parts[i];
			/* |part - total * w / wsum| < 1 */
			exact = wsum > 0 ? (__int128)total * w[i] : total;
			ck_assert(parts[i] >= 0);
			ck_assert((__int128)parts[i] * (wsum > 0 ? wsum : (__int128)n) >
			    exact - (wsum > 0 ? wsum : (__int128)n));
			ck_assert((__int128)parts[i] * (wsum > 0 ? wsum : (__int128)n) <
			    exact + (wsum > 0 ? wsum : (__int128)n));
		}
		ck_assert_int_eq(sum, total);
	}
}
END_TEST

START_TEST(test_reading_calc)
{
	struct meter_calc c;
	struct wy_err e = { 0 };
	char buf[256];

	/* No reading yet: from the meter's first reading. */
	ck_assert_int_eq(meter_reading_calc(&fx.s, 1, "2026-01", 112000, &c, &e), WY_OK);
	ck_assert_int_eq(c.previous, 100000);
	ck_assert_int_eq(c.usage, 12000);
	ck_assert_int_eq(c.average, 0);
	fixture_sql(&fx, "INSERT INTO readings (meter_id, period, previous, reading,"
	    " usage) VALUES (1, '2025-07', 100000, 110000, 10000),"
	    " (1, '2025-08', 110000, 120000, 10000), (1, '2025-09', 120000, 130000, 10000),"
	    " (1, '2025-10', 130000, 140000, 10000), (1, '2025-11', 140000, 150000, 10000),"
	    " (1, '2025-12', 150000, 162000, 12000), (1, '2026-02', 162000, 170000, 8000);");
	/* The last reading before the period; averages of the 6 before it. */
	ck_assert_int_eq(meter_reading_calc(&fx.s, 1, "2026-01", 192000, &c, &e), WY_OK);
	ck_assert_int_eq(c.previous, 162000);
	ck_assert_int_eq(c.average, 10333);
	ck_assert_int_eq(c.usage, 30000);
	ck_assert_uint_eq(c.warn, 0);	/* 30 is under 3 x 10.333 */
	ck_assert_int_eq(meter_reading_calc(&fx.s, 1, "2026-01", 195000, &c, &e), WY_OK);
	ck_assert_uint_eq(c.warn, METER_WARN_HIGH);
	ck_assert_str_eq(meter_warn_text(c.warn, buf, sizeof buf),
	    "over 3 times the average usage");
	ck_assert_str_eq(meter_warn_text(0, buf, sizeof buf), "");
	ck_assert_int_eq(meter_reading_calc(&fx.s, 99, "2026-01", 1, &c, &e), WY_ENOTFOUND);
	ck_assert_int_eq(meter_reading_calc(&fx.s, 1, "2026-13", 1, &c, &e), WY_EINVALID);
	ck_assert_int_eq(meter_reading_calc(&fx.s, 1, "", 1, &c, &e), WY_EINVALID);
}
END_TEST

static int
collect_warn(void *arg, int64_t id, const char *meter, const struct meter_calc *c)
{
	char *out = arg;

	snprintf(out + strlen(out), 256 - strlen(out), "%s:%lld:%u;", meter,
	    (long long)id, c->warn);
	return 0;
}

START_TEST(test_warnings)
{
	struct wy_err e = { 0 };
	char out[256] = "";

	fixture_sql(&fx, "INSERT INTO meters (id, code, type, room_id, dial_max)"
	    " VALUES (9, 'W9', 'water', 2, 9999999);"
	    "INSERT INTO readings (id, meter_id, period, previous, reading, usage) VALUES"
	    " (1, 1, '2026-01', 100000, 110000, 10000), (2, 1, '2026-02', 110000, 120000, 10000),"
	    " (3, 1, '2026-03', 120000, 170000, 50000),"
	    " (4, 9, '2026-02', 0, 300000, 300000), (5, 9, '2026-03', 300000, 200000, 9900000)");
	ck_assert_int_eq(meter_warnings(&fx.s, "2026-02", collect_warn, out, &e), WY_OK);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(meter_warnings(&fx.s, "2026-03", collect_warn, out, &e), WY_OK);
	ck_assert_str_eq(out, "W1:3:2;W9:5:3;");
	ck_assert_int_eq(meter_warnings(&fx.s, "2026-3", collect_warn, out, &e), WY_EINVALID);
}
END_TEST

START_TEST(test_import_readings)
{
	struct wy_err e = { 0 };

	/* The second row of a meter follows the first in the same file;
	 * 9999.000 -> 2.000 rolls over. */
	ck_assert_int_eq(import_text("readings", "r.csv",
	    "表号,期间,本次读数,抄表人\n"
	    "W1,2026-01,9999,李四\n"
	    "W1,2026-02,2,李四\n", &e), WY_OK);
	ck_assert_int_eq(num("SELECT previous FROM readings WHERE period = '2026-01'"), 100000);
	ck_assert_int_eq(num("SELECT usage FROM readings WHERE period = '2026-01'"), 9899000);
	ck_assert_int_eq(num("SELECT previous FROM readings WHERE period = '2026-02'"), 9999000);
	ck_assert_int_eq(num("SELECT usage FROM readings WHERE period = '2026-02'"), 3000);
	ck_assert_int_eq(num("SELECT rolled FROM readings WHERE period = '2026-02'"), 1);
	/* Usage given in the file is recomputed, not believed. */
	ck_assert_int_eq(import_text("readings", "r2.csv",
	    "meter,period,reading,usage\nW1,2026-03,12,999\n", &e), WY_OK);
	ck_assert_int_eq(num("SELECT usage FROM readings WHERE period = '2026-03'"), 10000);
	/* Bad period, beyond the dial, a second reading of the period: nothing. */
	ck_assert_int_eq(import_text("readings", "bad.csv",
	    "meter,period,reading\nW1,2026-4,20\n", &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "bad.csv:2:2"));
	ck_assert_int_eq(import_text("readings", "bad2.csv",
	    "meter,period,reading\nW1,2026-04,20\nW1,2026-05,10000\n", &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "bad2.csv:3:3"));
	ck_assert_int_eq(num("SELECT count(*) FROM readings"), 3);
	/* A closed period refuses readings. */
	fixture_sql(&fx, "INSERT INTO periods (period, closed_at) VALUES ('2026-06', '2026-07-01')");
	ck_assert_int_eq(import_text("readings", "closed.csv",
	    "meter,period,reading\nW1,2026-06,20\n", &e), WY_EINVALID);
	ck_assert_int_eq(num("SELECT count(*) FROM readings"), 3);
}
END_TEST

START_TEST(test_forms)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(import_text("fee_items", "i.csv",
	    "code,name,method,meter_type,unit_price\n"
	    "WY,物业费,area,,2.3456\nSF,水费,tiered,water,0\n", &e), WY_OK);
	ck_assert_int_eq(num("SELECT count(*) FROM fee_items WHERE meter_type IS NULL"), 1);
	ck_assert_int_eq(num("SELECT unit_price FROM fee_items WHERE code = 'WY'"), 23456);
	ck_assert_int_eq(import_text("fee_items", "i2.csv",
	    "code,name,method,meter_type\nDF,电费,metered,\n", &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "Meter type: required"));
	ck_assert_int_eq(import_text("fee_items", "i3.csv",
	    "code,name,method,meter_type\nGL,管理费,fixed,gas\n", &e), WY_EINVALID);
	ck_assert_int_eq(import_text("fee_items", "i4.csv",
	    "code,name,method,unit_price\nX,x,fixed,1.23456\n", &e), WY_EINVALID);
	ck_assert_int_eq(import_text("fee_standards", "s.csv",
	    "room,fee_item,start_period,end_period\nA1-101,WY,2026-01,\n"
	    "A1-102,WY,2026-01,2026-12\n", &e), WY_OK);
	ck_assert_int_eq(num("SELECT count(*) FROM fee_standards WHERE end_period IS NULL"), 1);
	ck_assert_int_eq(import_text("fee_standards", "s2.csv",
	    "room,fee_item,start_period\nA1-103,WY,2026/01\n", &e), WY_EINVALID);
	ck_assert_int_eq(import_text("fee_standards", "s3.csv",
	    "room,fee_item,start_period,end_period\nA1-103,WY,2026-05,2026-04\n", &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "before the from period"));
	/* Meters: one place; shared ones apportioned. */
	ck_assert_int_eq(import_text("meters", "m.csv",
	    "code,type,room,building,apportion\nE2,electricity,A1-102,,\n", &e), WY_OK);
	ck_assert_int_eq(num("SELECT apportion IS NULL FROM meters WHERE code = 'E2'"), 1);
	ck_assert_int_eq(import_text("meters", "m2.csv",
	    "code,type,room,building,apportion\nE3,electricity,A1-102,A1,\n", &e),
	    WY_EINVALID);
	ck_assert_int_eq(import_text("meters", "m3.csv",
	    "code,type,building\nE4,electricity,A1\n", &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "required for a shared meter"));
}
END_TEST

START_TEST(test_replace)
{
	struct wy_err e = { 0 };
	int64_t id = 0;

	fixture_sql(&fx, "INSERT INTO readings (meter_id, period, previous, reading,"
	    " usage) VALUES (1, '2026-01', 100000, 110000, 10000)");
	ck_assert_int_eq(meter_replace(&fx.s, 1, "2026-02", 114000, "2026-02-10",
	    "W1-新", 0, &id, &e), WY_OK);
	ck_assert_int_gt(id, 1);
	ck_assert_int_eq(num("SELECT usage FROM readings WHERE meter_id = 1"
	    " AND period = '2026-02'"), 4000);
	ck_assert_int_eq(num("SELECT removed = '2026-02-10' FROM meters WHERE id = 1"), 1);
	ck_assert_int_eq(num("SELECT count(*) FROM meters WHERE replaces = 1 AND"
	    " room_id = 1 AND initial = 0 AND type = 'water'"), 1);
	ck_assert_int_eq(num("SELECT count(*) FROM audit WHERE action = 'meter.replace'"), 1);
	/* A bad date or an existing code changes nothing. */
	ck_assert_int_eq(meter_replace(&fx.s, id, "2026-03", 1000, "2026-02-30",
	    "W1-3", 0, &id, &e), WY_EINVALID);
	ck_assert_int_ne(meter_replace(&fx.s, 1, "2026-03", 115000, "2026-03-10",
	    "W1-新", 0, &id, &e), WY_OK);
	ck_assert_int_eq(num("SELECT count(*) FROM readings WHERE period = '2026-03'"), 0);
	ck_assert_int_eq(num("SELECT count(*) FROM meters"), 4);
}
END_TEST

START_TEST(test_apportion)
{
	struct meter_apport a;
	struct wy_err e = { 0 };

	fixture_sql(&fx, "INSERT INTO readings (meter_id, period, previous, reading,"
	    " usage) VALUES (2, '2026-03', 0, 100000, 100000), (3, '2026-03', 0, 100, 100)");
	ck_assert_int_eq(meter_apportion(&fx.s, 2, "2026-03", &a, &e), WY_OK);
	ck_assert_uint_eq(a.n, 3);
	ck_assert_int_eq(a.equal, 0);
	ck_assert_int_eq(a.usage, 100000);
	ck_assert_str_eq(a.type, "water");
	ck_assert_int_eq(a.shares[0].usage, 26941);
	ck_assert_int_eq(a.shares[1].usage, 38035);
	ck_assert_int_eq(a.shares[2].usage, 35024);
	ck_assert_int_eq(a.shares[0].weight, 8500);
	ck_assert_str_ne(a.shares[0].room, "");
	meter_apport_free(&a);
	ck_assert_int_eq(meter_apportion(&fx.s, 3, "2026-03", &a, &e), WY_OK);
	ck_assert_int_eq(a.equal, 1);
	ck_assert_int_eq(a.shares[0].weight, 1);	/* equal: each weighs 1 */
	ck_assert_int_eq(a.shares[0].usage, 34);
	ck_assert_int_eq(a.shares[2].usage, 33);
	meter_apport_free(&a);
	ck_assert_int_eq(meter_apportion(&fx.s, 2, "2026-04", &a, &e), WY_OK);
	ck_assert_int_eq(a.shares[0].usage, 0);	/* no reading */
	meter_apport_free(&a);
	ck_assert_int_eq(meter_apportion(&fx.s, 1, "2026-03", &a, &e), WY_EINVALID);
	ck_assert_ptr_null(a.shares);
	ck_assert_int_eq(meter_apportion(&fx.s, 42, "2026-03", &a, &e), WY_ENOTFOUND);
}
END_TEST

Suite *
meter_suite(void)
{
	Suite *s = suite_create("meter");
	TCase *pure = tcase_create("usage");
	TCase *db = tcase_create("readings");

	tcase_add_test(pure, test_usage);
	tcase_add_test(pure, test_split);
	tcase_add_test(pure, test_split_property);
	tcase_add_checked_fixture(db, setup, teardown);
	tcase_add_test(db, test_reading_calc);
	tcase_add_test(db, test_warnings);
	tcase_add_test(db, test_import_readings);
	tcase_add_test(db, test_forms);
	tcase_add_test(db, test_replace);
	tcase_add_test(db, test_apportion);
	suite_add_tcase(s, pure);
	suite_add_tcase(s, db);
	return s;
}
