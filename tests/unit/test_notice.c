/* wuye: unit tests for notice.c and notice_text.c (charge and collection
 * notices: selection, figures worked by hand, text layout, printing,
 * files, the table form). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/arrears.h"
#include "wuye/money.h"
#include "wuye/notice.h"
#include "wuye/print.h"
#include "wuye/receipt.h"
#include "wuye/utf8.h"

static struct fixture fx;

#define ON "2026-11-20"

/* Estate E1 (阳光花园): building B1 with rooms 1-101 (欧阳娜娜), 1-102
 * (李四) and 1-103 (nothing billed), building B2 with 2-101 (no payer);
 * estate E2 (翠湖苑): building B3 with 3-101 (李四).  Item 1 物业管理费
 * 1000 ppm a day capped at 5 %, item 2 水费 no late fee.  On 2026-11-20:
 *   1-101: bill 1 2026-09 209.93 due 09-15 (66 days: 13.86, capped at
 *          10.50); bill 2 2026-09 水费 42.00; bill 3 2026-10 209.93 with
 *          9.93 paid (200.00, 36 days: 7.20); bill 4 2026-11 209.93 due
 *          11-15 (5 days: 1.05); bill 5 2026-11 水费 35.00 paid; bill 9
 *          2026-12 (later: never shown).  Prepayment 50.00.
 *          Charge 2026-11: current 209.93, carried 451.93, late 18.75,
 *          total 209.93 + 451.93 + 18.75 - 50.00 = 630.61.
 *   1-102: bill 6 2026-11 211.10 due 11-25 (not due): total 211.10.
 *   2-101: bill 7 2026-08 30.00 due 08-15 (97 days: 2.91, capped 1.50).
 *   3-101: bill 8 2026-11 50.00 paid in full: total 0.00. */
static void
setup(void)
{
	fixture_open(&fx);
	fixture_sql(&fx,
	    "INSERT INTO estates (id, code, name, phone, address) VALUES"
	    " (1, 'E1', '阳光花园', '0755-12345678', '南山区阳光路1号'),"
	    " (2, 'E2', '翠湖苑', '', '');"
	    "INSERT INTO buildings (id, code, estate_id, name) VALUES "
	    "(1, 'B1', 1, '1号楼'), (2, 'B2', 1, '2号楼'), (3, 'B3', 2, '3号楼');"
	    "INSERT INTO rooms (id, code, building_id, floor, build_area, "
	    "charge_area) VALUES (1, '1-101', 1, 1, 8950, 8950), "
	    "(2, '1-102', 1, 1, 9000, 9000), (3, '2-101', 2, 1, 9000, 9000),"
	    "(4, '3-101', 3, 1, 5000, 5000), (5, '1-103', 1, 1, 5000, 5000);"
	    "INSERT INTO clients (id, code, name, mobile) VALUES "
	    "(1, 'C1', '欧阳娜娜', '13800138000'), (2, 'C2', '李四', '13900139000');"
	    "INSERT INTO fee_items (id, code, name, method, meter_type,"
	    " unit_price, late_rate, late_cap) VALUES"
	    " (1, 'WY', '物业管理费', 'area', NULL, 23456, 1000, 500),"
	    " (2, 'SF', '水费', 'metered', 'water', 35000, 0, 0);"
	    "INSERT INTO bills (id, room_id, client_id, fee_item_id, period, "
	    "quantity, unit_price, amount, due_date, paid) VALUES "
	    "(1, 1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15', 0), "
	    "(2, 1, 1, 2, '2026-09', 12000, 35000, 4200, '2026-09-15', 0), "
	    "(3, 1, 1, 1, '2026-10', 89500, 23456, 20993, '2026-10-15', 993), "
	    "(4, 1, 1, 1, '2026-11', 89500, 23456, 20993, '2026-11-15', 0), "
	    "(5, 1, 1, 2, '2026-11', 10000, 35000, 3500, '2026-11-15', 3500), "
	    "(6, 2, 2, 1, '2026-11', 90000, 23456, 21110, '2026-11-25', 0), "
	    "(7, 3, NULL, 1, '2026-08', 1000, 300000, 3000, '2026-08-15', 0), "
	    "(8, 4, 2, 1, '2026-11', 1000, 500000, 5000, '2026-11-15', 5000), "
	    "(9, 1, 1, 1, '2026-12', 89500, 23456, 20993, '2026-12-15', 0);"
	    "INSERT INTO prepayments (client_id, amount, date, period) VALUES"
	    " (1, 5000, '2026-11-01', '2026-11');");
}

static void
teardown(void)
{
	fixture_close(&fx);
}

/* The notices a run gave (bills not kept). */
struct got {
	struct notice v[8];
	int n;
	int stop;	/* return this after the first notice, 0: go on */
};

static int
collect(void *arg, const struct notice *n)
{
	struct got *g = arg;

	ck_assert_int_lt(g->n, 8);
	g->v[g->n] = *n;
	g->v[g->n].bills = NULL;
	g->n++;
	return g->stop;
}

/* Charge notices of 2026-11 on ON narrowed by the codes. */
static int
charge(struct session *s, const char *estate, const char *building,
    const char *room, struct got *g, size_t *count, struct wy_err *e)
{
	struct notice_opts o = { .kind = NOTICE_CHARGE, .period = "2026-11",
	    .date = ON, .estate = estate, .building = building, .room = room };

	return notice_each(s, &o, g != NULL ? collect : NULL, g, count, e);
}

START_TEST(test_null_and_empty)
{
	struct notice_opts o = { .kind = NOTICE_CHARGE, .period = "2026-11",
	    .date = "2025-01-01", .estate = "E2" };
	struct got g = { .n = 0 };
	struct wy_err e = { 0 };
	size_t count = 99;
	char *text = NULL;

	/* No callback: just the count. */
	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, &count, &e), WY_OK);
	ck_assert_uint_eq(count, 1);
	/* A period without a bill anywhere: no notice, empty text. */
	o.period = "2020-01";
	o.estate = NULL;
	ck_assert_int_eq(notice_each(&fx.s, &o, collect, &g, &count, &e), WY_OK);
	ck_assert_uint_eq(count, 0);
	ck_assert_int_eq(g.n, 0);
	ck_assert_int_eq(notice_text(&fx.s, &o, &text, &count, &e), WY_OK);
	ck_assert_str_eq(text, "");
	free(text);
	/* Nothing in arrears before anything fell due. */
	o.kind = NOTICE_COLLECTION;
	o.date = "2026-01-01";
	ck_assert_int_eq(notice_each(&fx.s, &o, collect, &g, &count, &e), WY_OK);
	ck_assert_uint_eq(count, 0);
	/* Empty codes mean all, like NULL. */
	o.kind = NOTICE_CHARGE;
	o.period = "2026-11";
	o.date = ON;
	o.estate = o.building = o.room = "";
	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, &count, &e), WY_OK);
	ck_assert_uint_eq(count, 4);
}
END_TEST

START_TEST(test_charge_figures)
{
	struct got g = { .n = 0 };
	struct wy_err e = { 0 };
	size_t count = 0;

	ck_assert_msg(charge(&fx.s, NULL, NULL, NULL, &g, &count, &e) == WY_OK,
	    "%s", e.msg);
	/* Every room with a bill of the period or earlier arrears, by code;
	 * 1-103 has nothing. */
	ck_assert_uint_eq(count, 4);
	ck_assert_int_eq(g.n, 4);
	ck_assert_str_eq(g.v[0].room, "1-101");
	ck_assert_str_eq(g.v[1].room, "1-102");
	ck_assert_str_eq(g.v[2].room, "2-101");
	ck_assert_str_eq(g.v[3].room, "3-101");
	/* 1-101: CJK payer, arrears carried, capped late fee, prepayment. */
	ck_assert_str_eq(g.v[0].client, "欧阳娜娜");
	ck_assert_str_eq(g.v[0].place, "阳光花园 1号楼");
	ck_assert_str_eq(g.v[0].period, "2026-11");
	ck_assert_str_eq(g.v[0].date, ON);
	ck_assert_str_eq(g.v[0].due, "2026-11-15");
	ck_assert_uint_eq(g.v[0].nbills, 5);
	ck_assert_uint_eq(g.v[0].ncurrent, 2);
	ck_assert_int_eq(g.v[0].current, 20993);
	ck_assert_int_eq(g.v[0].carried, 20993 + 4200 + 20000);
	ck_assert_int_eq(g.v[0].late_fee, 1050 + 720 + 105);
	ck_assert_int_eq(g.v[0].prepay, 5000);
	ck_assert_int_eq(g.v[0].total, 63061);
	ck_assert_str_eq(g.v[0].periods, "2026-09 2026-10 2026-11");
	ck_assert_uint_eq(g.v[0].index, 0);
	ck_assert_uint_eq(g.v[0].count, 4);
	/* 1-102: not due yet, no late fee; due date of its bill. */
	ck_assert_int_eq(g.v[1].total, 21110);
	ck_assert_int_eq(g.v[1].late_fee, 0);
	ck_assert_str_eq(g.v[1].due, "2026-11-25");
	/* 2-101: only arrears carried, no payer; due on the date. */
	ck_assert_uint_eq(g.v[2].ncurrent, 0);
	ck_assert_int_eq(g.v[2].carried, 3000);
	ck_assert_int_eq(g.v[2].late_fee, 150);
	ck_assert_int_eq(g.v[2].total, 3150);
	ck_assert_str_eq(g.v[2].client, "");
	ck_assert_str_eq(g.v[2].due, ON);
	/* 3-101: paid up; its notice says 0.00. */
	ck_assert_int_eq(g.v[3].total, 0);
	ck_assert_str_eq(g.v[3].client, "李四");
	ck_assert_str_eq(g.v[3].periods, "");
}
END_TEST

START_TEST(test_prepay_exceeds)
{
	struct got g = { .n = 0 };
	struct wy_err e = { 0 };
	size_t count = 0;

	/* A balance larger than what is due leaves a total of 0, not less. */
	fixture_sql(&fx, "INSERT INTO prepayments (client_id, amount, date,"
	    " period) VALUES (2, 99999, '2026-11-02', '2026-11')");
	ck_assert_int_eq(charge(&fx.s, NULL, NULL, "1-102", &g, &count, &e),
	    WY_OK);
	ck_assert_int_eq(g.n, 1);
	ck_assert_int_eq(g.v[0].prepay, 99999);
	ck_assert_int_eq(g.v[0].total, 0);
}
END_TEST

START_TEST(test_collection_figures)
{
	struct notice_opts o = { .kind = NOTICE_COLLECTION, .date = ON };
	struct arrears_opts ao = { .date = ON };
	struct arrears_row total;
	struct got g = { .n = 0 };
	struct wy_err e = { 0 };
	size_t count = 0;

	ck_assert_int_eq(notice_each(&fx.s, &o, collect, &g, &count, &e), WY_OK);
	ck_assert_uint_eq(count, 2);
	ck_assert_str_eq(g.v[0].room, "1-101");
	ck_assert_uint_eq(g.v[0].nbills, 4);
	ck_assert_int_eq(g.v[0].carried, 20993 + 4200 + 20000 + 20993);
	ck_assert_int_eq(g.v[0].late_fee, 1875);
	ck_assert_int_eq(g.v[0].total, 66186 + 1875 - 5000);
	ck_assert_str_eq(g.v[0].oldest_due, "2026-09-15");
	ck_assert_int_eq(g.v[0].oldest_days, 66);
	ck_assert_str_eq(g.v[0].due, "2026-12-05");	/* 15 days on */
	ck_assert_str_eq(g.v[1].room, "2-101");
	ck_assert_int_eq(g.v[1].oldest_days, 97);
	ck_assert_int_eq(g.v[1].total, 3150);
	/* The same figures as `wuye arrears`. */
	ck_assert_int_eq(arrears_list(&fx.s, &ao, NULL, NULL, &total, &e),
	    WY_OK);
	ck_assert_int_eq(total.rows, 2);
	ck_assert_int_eq(total.outstanding, g.v[0].carried + g.v[1].carried);
	ck_assert_int_eq(total.late_fee, g.v[0].late_fee + g.v[1].late_fee);
	/* At least 70 days: only 2-101; pay-by given. */
	g.n = 0;
	o.min_days = 70;
	o.by = "2026-12-31";
	ck_assert_int_eq(notice_each(&fx.s, &o, collect, &g, &count, &e), WY_OK);
	ck_assert_uint_eq(count, 1);
	ck_assert_str_eq(g.v[0].room, "2-101");
	ck_assert_str_eq(g.v[0].due, "2026-12-31");
	/* 97 days is the boundary. */
	o.min_days = 97;
	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, &count, &e), WY_OK);
	ck_assert_uint_eq(count, 1);
	o.min_days = 98;
	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, &count, &e), WY_OK);
	ck_assert_uint_eq(count, 0);
	/* A bill due on the date itself is not in arrears yet. */
	o.min_days = 0;
	o.date = "2026-09-15";
	o.by = NULL;
	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, &count, &e), WY_OK);
	ck_assert_uint_eq(count, 1);	/* 2-101 only */
}
END_TEST

START_TEST(test_selection)
{
	struct got g = { .n = 0 };
	struct wy_err e = { 0 };
	size_t count = 0;

	ck_assert_int_eq(charge(&fx.s, "E2", NULL, NULL, &g, &count, &e), WY_OK);
	ck_assert_uint_eq(count, 1);
	ck_assert_str_eq(g.v[0].room, "3-101");
	g.n = 0;
	ck_assert_int_eq(charge(&fx.s, "E1", "B2", NULL, &g, &count, &e), WY_OK);
	ck_assert_uint_eq(count, 1);
	ck_assert_str_eq(g.v[0].room, "2-101");
	g.n = 0;
	ck_assert_int_eq(charge(&fx.s, NULL, "B1", NULL, &g, &count, &e), WY_OK);
	ck_assert_uint_eq(count, 2);
	g.n = 0;
	ck_assert_int_eq(charge(&fx.s, NULL, NULL, "1-102", &g, &count, &e),
	    WY_OK);
	ck_assert_uint_eq(count, 1);
	/* A room outside the estate: nothing, not an error. */
	ck_assert_int_eq(charge(&fx.s, "E2", NULL, "1-102", NULL, &count, &e),
	    WY_OK);
	ck_assert_uint_eq(count, 0);
	/* A room with nothing billed has no notice. */
	ck_assert_int_eq(charge(&fx.s, NULL, NULL, "1-103", NULL, &count, &e),
	    WY_OK);
	ck_assert_uint_eq(count, 0);
}
END_TEST

START_TEST(test_stop_and_progress)
{
	struct got g = { .n = 0, .stop = 7 };
	struct wy_err e = { 0 };

	ck_assert_int_eq(charge(&fx.s, NULL, NULL, NULL, &g, NULL, &e), 7);
	ck_assert_int_eq(g.n, 1);
}
END_TEST

/* Count the progress calls; check they end at total. */
static void
count_progress(void *arg, int64_t done, int64_t total)
{
	int64_t *calls = arg;

	ck_assert_int_eq(total, 4);
	ck_assert_int_eq(done, ++*calls);
}

START_TEST(test_progress)
{
	int64_t calls = 0;
	struct notice_opts o = { .kind = NOTICE_CHARGE, .period = "2026-11",
	    .date = ON, .progress = count_progress, .progress_arg = &calls };
	struct wy_err e = { 0 };

	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, NULL, &e), WY_OK);
	ck_assert_int_eq(calls, 4);
}
END_TEST

START_TEST(test_masked_and_denied)
{
	struct session s = fx.s;
	struct got g = { .n = 0 };
	struct wy_err e = { 0 };

	snprintf(s.perms, sizeof s.perms, "|charge.read|");
	ck_assert_int_eq(charge(&s, NULL, NULL, "1-101", &g, NULL, &e), WY_OK);
	ck_assert_str_ne(g.v[0].phone, "13800138000");
	ck_assert_ptr_nonnull(strstr(g.v[0].phone, "*"));
	g.n = 0;
	ck_assert_int_eq(charge(&fx.s, NULL, NULL, "1-101", &g, NULL, &e), WY_OK);
	ck_assert_str_eq(g.v[0].phone, "13800138000");
	snprintf(s.perms, sizeof s.perms, "|property.read|");
	ck_assert_int_eq(charge(&s, NULL, NULL, NULL, &g, NULL, &e), WY_EDENIED);
}
END_TEST

START_TEST(test_bad_input)
{
	struct notice_opts o = { .kind = NOTICE_CHARGE, .date = ON };
	struct wy_err e = { 0 };

	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, NULL, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "period"));
	o.period = "2026-13";
	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, NULL, &e),
	    WY_EINVALID);
	ck_assert_int_eq(strncmp(e.msg, "period: ", 8), 0);
	o.period = "2026-11";
	o.date = "2026-02-30";
	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, NULL, &e),
	    WY_EINVALID);
	ck_assert_int_eq(strncmp(e.msg, "date: ", 6), 0);
	o.date = ON;
	o.estate = "没有";
	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, NULL, &e),
	    WY_EINVALID);
	ck_assert_str_eq(e.msg, "estate: there is no estate '没有'");
	o.estate = NULL;
	o.building = "B9";
	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, NULL, &e),
	    WY_EINVALID);
	ck_assert_int_eq(strncmp(e.msg, "building: ", 10), 0);
	o.building = NULL;
	o.room = "9-999";
	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, NULL, &e),
	    WY_EINVALID);
	ck_assert_int_eq(strncmp(e.msg, "room: ", 6), 0);
	o.room = NULL;
	o.kind = NOTICE_COLLECTION;
	o.by = "2026-11-19";
	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, NULL, &e),
	    WY_EINVALID);
	ck_assert_int_eq(strncmp(e.msg, "by: ", 4), 0);
	o.by = "2026-11-20";	/* the date itself will do */
	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, NULL, &e), WY_OK);
	o.by = "tomorrow";
	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, NULL, &e),
	    WY_EINVALID);
	o.by = NULL;
	o.min_days = -1;
	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, NULL, &e),
	    WY_EINVALID);
	ck_assert_int_eq(strncmp(e.msg, "min-days: ", 10), 0);
	o.min_days = 36501;
	ck_assert_int_eq(notice_each(&fx.s, &o, NULL, NULL, NULL, &e),
	    WY_EINVALID);
}
END_TEST

/* 1 if every line of text is at most 80 columns without trailing blanks. */
static int
lines_fit(const char *text)
{
	char line[1024];
	const char *p = text, *nl;
	size_t len;

	while (*p != '\0') {
		if (*p == '\f')
			p++;
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		ck_assert_uint_lt(len, sizeof line);
		memcpy(line, p, len);
		line[len] = '\0';
		if (utf8_width(line) > NOTICE_WIDTH ||
		    (len > 0 && line[len - 1] == ' '))
			return 0;
		p += len + (nl != NULL);
	}
	return 1;
}

/* The display column where needle ends in its line of text, or -1. */
static int
end_column(const char *text, const char *needle)
{
	const char *at = strstr(text, needle), *bol;
	char line[1024];
	size_t len;

	if (at == NULL)
		return -1;
	for (bol = at; bol > text && bol[-1] != '\n'; bol--)
		;
	len = (size_t)(at - bol) + strlen(needle);
	memcpy(line, bol, len);
	line[len] = '\0';
	return utf8_width(line);
}

START_TEST(test_charge_text)
{
	struct notice_opts o = { .kind = NOTICE_CHARGE, .period = "2026-11",
	    .date = ON };
	struct wy_err e = { 0 };
	size_t count = 0, ff = 0;
	char *text = NULL, *p;

	ck_assert_int_eq(conf_set(fx.conf, "company.name", "幸福物业", &e), WY_OK);
	ck_assert_int_eq(notice_text(&fx.s, &o, &text, &count, &e), WY_OK);
	ck_assert_uint_eq(count, 4);
	for (p = text; (p = strchr(p, '\f')) != NULL; p++)
		ff++;
	ck_assert_uint_eq(ff, 3);	/* between notices, not after */
	ck_assert(lines_fit(text));
	ck_assert_ptr_nonnull(strstr(text, "幸福物业"));
	ck_assert_ptr_nonnull(strstr(text, "收费通知单  2026-11"));
	ck_assert_ptr_nonnull(strstr(text, "业主: 欧阳娜娜"));
	ck_assert_ptr_nonnull(strstr(text, "缴费期限: 2026-11-15"));
	ck_assert_ptr_nonnull(strstr(text, "2026-09  物业管理费、水费"));
	ck_assert_ptr_nonnull(strstr(text, "本期未缴: 209.93"));
	ck_assert_ptr_nonnull(strstr(text, "往期欠费: 451.93"));
	ck_assert_ptr_nonnull(strstr(text, "滞纳金(截至2026-11-20): 18.75"));
	ck_assert_ptr_nonnull(strstr(text, "预存余额: 50.00"));
	ck_assert_ptr_nonnull(strstr(text, "应缴合计: 630.61"));
	ck_assert_ptr_nonnull(strstr(text, "大写: 人民币陆佰叁拾元零陆角壹分"));
	ck_assert_ptr_nonnull(strstr(text, "联系电话: 0755-12345678"));
	ck_assert_ptr_nonnull(strstr(text, "大写: 人民币零元整"));	/* 3-101 */
	/* The bill lines end at column 80 whatever the item's script, and
	 * the arrears columns line up under their header. */
	ck_assert_int_eq(end_column(text, "物业管理费              89.500      "
	    "2.3456       209.93        0.00       209.93"), 80);
	ck_assert_int_eq(end_column(text, "251.93          10.50"),
	    end_column(text, "欠费金额         滞纳金"));
	ck_assert_int_eq(end_column(text, "200.00           7.20"), 79);
	free(text);
}
END_TEST

START_TEST(test_collection_text)
{
	struct notice_opts o = { .kind = NOTICE_COLLECTION, .date = ON,
	    .room = "1-101" };
	struct wy_err e = { 0 };
	size_t count = 0;
	char *text = NULL;

	ck_assert_int_eq(notice_text(&fx.s, &o, &text, &count, &e), WY_OK);
	ck_assert_uint_eq(count, 1);
	ck_assert_ptr_null(strchr(text, '\f'));
	ck_assert(lines_fit(text));
	ck_assert_ptr_nonnull(strstr(text, "催缴通知单"));
	ck_assert_ptr_nonnull(strstr(text, "缴清期限: 2026-12-05"));
	ck_assert_ptr_nonnull(strstr(text, "请于2026-12-05前缴清"));
	ck_assert_ptr_nonnull(strstr(text, "2026-09  物业管理费           "
	    "2026-09-15       66         209.93          10.50"));
	ck_assert_ptr_nonnull(strstr(text, "2026-11  物业管理费           "
	    "2026-11-15        5         209.93           1.05"));
	ck_assert_ptr_null(strstr(text, "2026-12-15"));	/* a later bill */
	ck_assert_ptr_nonnull(strstr(text, "欠费合计: 661.86"));
	ck_assert_ptr_nonnull(strstr(text, "应缴合计: 630.61"));
	free(text);
}
END_TEST

START_TEST(test_print_gb18030)
{
	struct notice_opts o = { .kind = NOTICE_COLLECTION, .date = ON };
	struct wy_err e = { 0 };
	char cmd[256], path[160], *text = NULL, *enc = NULL, buf[8192];
	size_t count = 0, len, n;
	FILE *f;

	snprintf(path, sizeof path, "%s/printed", fx.dir);
	snprintf(cmd, sizeof cmd, "cat >'%s'", path);
	ck_assert_int_eq(conf_set(fx.conf, "print.command", cmd, &e), WY_OK);
	ck_assert_int_eq(conf_set(fx.conf, "print.encoding", "GB18030", &e),
	    WY_OK);
	ck_assert_msg(notice_print(&fx.s, &o, &count, &e) == WY_OK, "%s", e.msg);
	ck_assert_uint_eq(count, 2);
	ck_assert_int_eq(notice_text(&fx.s, &o, &text, NULL, &e), WY_OK);
	ck_assert_int_eq(print_encode(text, "GB18030", &enc, &len, &e), WY_OK);
	f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	ck_assert_uint_eq(n, len);
	ck_assert_int_eq(memcmp(buf, enc, len), 0);
	free(text);
	free(enc);
	/* A failing command is an error. */
	ck_assert_int_eq(conf_set(fx.conf, "print.command", "exit 3", &e), WY_OK);
	ck_assert_int_eq(notice_print(&fx.s, &o, &count, &e), WY_EFAIL);
	ck_assert_uint_eq(count, 0);
}
END_TEST

START_TEST(test_save_text)
{
	struct notice_opts o = { .kind = NOTICE_CHARGE, .period = "2026-11",
	    .date = ON, .room = "1-101" };
	struct wy_err e = { 0 };
	char path[160], buf[8192], *text = NULL;
	size_t count = 0, n;
	FILE *f;

	snprintf(path, sizeof path, "%s/notices.txt", fx.dir);
	ck_assert_int_eq(notice_save_text(&fx.s, &o, path, &count, &e), WY_OK);
	ck_assert_uint_eq(count, 1);
	ck_assert_int_eq(notice_text(&fx.s, &o, &text, NULL, &e), WY_OK);
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	ck_assert_str_eq(buf, text);
	free(text);
	/* An unwritable place: an error naming it, no file. */
	snprintf(path, sizeof path, "%s/no/such/dir/n.txt", fx.dir);
	ck_assert_int_eq(notice_save_text(&fx.s, &o, path, &count, &e),
	    WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, path));
	ck_assert_ptr_null(fopen(path, "r"));
}
END_TEST

START_TEST(test_columns_cells)
{
	struct got g = { .n = 0 };
	struct sink_cell c[NOTICE_COLS_MAX];
	const struct sink_col *cols;
	struct wy_err e = { 0 };
	size_t n;

	cols = notice_columns(NOTICE_CHARGE, &n);
	ck_assert_uint_eq(n, 12);
	ck_assert_uint_le(n, NOTICE_COLS_MAX);
	ck_assert_str_eq(cols[0].title, "room");
	ck_assert_str_eq(cols[10].title, "total");
	ck_assert_int_eq(cols[10].kind, SINK_COL_MONEY);
	cols = notice_columns(NOTICE_COLLECTION, &n);
	ck_assert_uint_eq(n, 12);
	ck_assert_str_eq(cols[8].title, "total");
	ck_assert_str_eq(cols[11].title, "pay_by");
	ck_assert_int_eq(charge(&fx.s, NULL, NULL, "1-101", &g, NULL, &e), WY_OK);
	notice_cells(&g.v[0], c);
	ck_assert_str_eq(c[0].s, "1-101");
	ck_assert_str_eq(c[1].s, "欧阳娜娜");
	ck_assert_str_eq(c[3].s, "2026-11");
	ck_assert_int_eq(c[5].i, 5);
	ck_assert_int_eq(c[6].i, 20993);
	ck_assert_int_eq(c[7].i, 45193);
	ck_assert_int_eq(c[8].i, 1875);
	ck_assert_int_eq(c[9].i, 5000);
	ck_assert_int_eq(c[10].i, 63061);
	ck_assert_str_eq(c[11].s, "2026-11-15");
}
END_TEST

Suite *
notice_suite(void)
{
	Suite *s = suite_create("notice");
	TCase *tc;

	tc = tcase_create("notice_each");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_null_and_empty);
	tcase_add_test(tc, test_charge_figures);
	tcase_add_test(tc, test_prepay_exceeds);
	tcase_add_test(tc, test_collection_figures);
	tcase_add_test(tc, test_selection);
	tcase_add_test(tc, test_stop_and_progress);
	tcase_add_test(tc, test_progress);
	tcase_add_test(tc, test_masked_and_denied);
	tcase_add_test(tc, test_bad_input);
	suite_add_tcase(s, tc);
	tc = tcase_create("notice_text");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_charge_text);
	tcase_add_test(tc, test_collection_text);
	suite_add_tcase(s, tc);
	tc = tcase_create("notice_print");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_print_gb18030);
	suite_add_tcase(s, tc);
	tc = tcase_create("notice_save_text");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_save_text);
	suite_add_tcase(s, tc);
	tc = tcase_create("notice_columns");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_columns_cells);
	suite_add_tcase(s, tc);
	return s;
}
