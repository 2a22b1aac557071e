/* wuye: unit tests for date.c (day numbers, parsing, months, periods). */
#include <check.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "wuye/date.h"

struct bad_text {
	const char *text;
	const char *msg;	/* expected part of the message */
};

static const struct bad_text bad_dates[] = {
	{ "", "the date is empty" },
	{ "2026-1-05", "'2026-1-05' is not a date in the form YYYY-MM-DD" },
	{ "2026-10-5", "is not a date in the form YYYY-MM-DD" },
	{ "20261005", "'20261005' is not a date in the form YYYY-MM-DD" },
	{ "2026/10/05", "is not a date in the form YYYY-MM-DD" },
	{ "2026-13", "'2026-13' is not a date in the form YYYY-MM-DD" },
	{ " 2026-10-05", "is not a date in the form YYYY-MM-DD" },
	{ "2026-10-05 ", "is not a date in the form YYYY-MM-DD" },
	{ "2026-10-05T00:00", "is not a date in the form YYYY-MM-DD" },
	{ "+026-10-05", "is not a date in the form YYYY-MM-DD" },
	{ "2026-1a-05", "is not a date in the form YYYY-MM-DD" },
	{ "２０２６-10-05", "is not a date in the form YYYY-MM-DD" },
	{ "2026年10月5日", "is not a date in the form YYYY-MM-DD" },
	{ "2026-13-01", "'2026-13-01' is not a real date" },
	{ "2026-00-10", "'2026-00-10' is not a real date" },
	{ "2026-10-00", "'2026-10-00' is not a real date" },
	{ "2026-02-29", "'2026-02-29' is not a real date" },
	{ "2026-02-30", "'2026-02-30' is not a real date" },
	{ "2026-04-31", "'2026-04-31' is not a real date" },
	{ "1900-02-29", "'1900-02-29' is not a real date" },
	{ "2100-02-29", "'2100-02-29' is not a real date" },
	{ "1899-12-31", "'1899-12-31' is outside the years 1900 to 2199" },
	{ "2200-01-01", "'2200-01-01' is outside the years 1900 to 2199" },
	{ "0000-01-01", "is outside the years 1900 to 2199" },
};

static const struct bad_text bad_periods[] = {
	{ "", "the period is empty" },
	{ "2026-13", "'2026-13' has no month 13 (months are 01 to 12)" },
	{ "2026-00", "'2026-00' has no month 00" },
	{ "2026-1", "'2026-1' is not a period in the form YYYY-MM" },
	{ "202610", "is not a period in the form YYYY-MM" },
	{ "2026-10-01", "is not a period in the form YYYY-MM" },
	{ "2026/10", "is not a period in the form YYYY-MM" },
	{ "26-10", "is not a period in the form YYYY-MM" },
	{ "2026-1x", "is not a period in the form YYYY-MM" },
	{ "2026-10 ", "is not a period in the form YYYY-MM" },
	{ "1899-12", "'1899-12' is outside the years 1900 to 2199" },
	{ "2200-01", "'2200-01' is outside the years 1900 to 2199" },
};

START_TEST(test_date_from_ymd)
{
	ck_assert_int_eq(date_from_ymd(1970, 1, 1), 0);
	ck_assert_int_eq(date_from_ymd(1970, 1, 2), 1);
	ck_assert_int_eq(date_from_ymd(1969, 12, 31), -1);
	ck_assert_int_eq(date_from_ymd(2000, 3, 1), 11017);
	ck_assert_int_eq(date_from_ymd(1900, 1, 1), -25567);
	ck_assert_int_eq(date_from_ymd(2026, 10, 5), 20731);
	ck_assert_int_eq(date_from_ymd(2199, 12, 31), 84005);
	/* Leap days. */
	ck_assert_int_eq(date_from_ymd(2000, 3, 1) - date_from_ymd(2000, 2, 28),
	    2);
	ck_assert_int_eq(date_from_ymd(1900, 3, 1) - date_from_ymd(1900, 2, 28),
	    1);
	ck_assert_int_eq(date_from_ymd(2024, 3, 1) - date_from_ymd(2024, 2, 28),
	    2);
	ck_assert_int_eq(date_from_ymd(2100, 3, 1) - date_from_ymd(2100, 2, 28),
	    1);
}
END_TEST

START_TEST(test_date_to_ymd_every_day)
{
	int32_t first = date_from_ymd(1900, 1, 1);
	int32_t last = date_from_ymd(2199, 12, 31);
	int y = 1900, m = 1, d = 1, yy, mm, dd;

	/* Walk every day of the range by hand and compare. */
	for (int32_t day = first; day <= last; day++) {
		date_to_ymd(day, &yy, &mm, &dd);
		ck_assert_msg(yy == y && mm == m && dd == d,
		    "day %d: %d-%d-%d, want %d-%d-%d", day, yy, mm, dd, y, m,
		    d);
		ck_assert_int_eq(date_from_ymd(y, m, d), day);
		ck_assert(date_valid_ymd(y, m, d));
		if (++d > date_days_in_month(y, m)) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	ck_assert_int_eq(y, 2200);
	/* NULL outputs are allowed. */
	date_to_ymd(0, NULL, NULL, &dd);
	ck_assert_int_eq(dd, 1);
}
END_TEST

START_TEST(test_date_valid_ymd)
{
	ck_assert(date_valid_ymd(2000, 2, 29));
	ck_assert(date_valid_ymd(2024, 2, 29));
	ck_assert(!date_valid_ymd(1900, 2, 29));
	ck_assert(!date_valid_ymd(2100, 2, 29));
	ck_assert(!date_valid_ymd(2023, 2, 29));
	ck_assert(date_valid_ymd(1900, 1, 1));
	ck_assert(date_valid_ymd(2199, 12, 31));
	ck_assert(!date_valid_ymd(1899, 12, 31));
	ck_assert(!date_valid_ymd(2200, 1, 1));
	ck_assert(!date_valid_ymd(2026, 0, 1));
	ck_assert(!date_valid_ymd(2026, 13, 1));
	ck_assert(!date_valid_ymd(2026, 1, 0));
	ck_assert(!date_valid_ymd(2026, 1, 32));
	ck_assert(!date_valid_ymd(2026, 4, 31));
	ck_assert(date_valid_ymd(2026, 4, 30));
	ck_assert(!date_valid_ymd(2026, -1, 1));
}
END_TEST

START_TEST(test_date_days_in_month)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	for (int m = 1; m <= 12; m++)
		ck_assert_int_eq(date_days_in_month(2026, m), days[m - 1]);
	ck_assert_int_eq(date_days_in_month(2024, 2), 29);
	ck_assert_int_eq(date_days_in_month(2000, 2), 29);
	ck_assert_int_eq(date_days_in_month(1900, 2), 28);
	ck_assert_int_eq(date_days_in_month(2026, 0), 0);
	ck_assert_int_eq(date_days_in_month(2026, 13), 0);
}
END_TEST

START_TEST(test_date_parse_ok)
{
	struct wy_err e = { 0 };
	int32_t day = -1;

	ck_assert_int_eq(date_parse("2026-10-05", &day, &e), WY_OK);
	ck_assert_int_eq(day, date_from_ymd(2026, 10, 5));
	ck_assert_int_eq(date_parse("2000-02-29", &day, &e), WY_OK);
	ck_assert_int_eq(day, date_from_ymd(2000, 2, 29));
	ck_assert_int_eq(date_parse("2024-02-29", &day, &e), WY_OK);
	ck_assert_int_eq(date_parse("1900-01-01", &day, &e), WY_OK);
	ck_assert_int_eq(day, -25567);
	ck_assert_int_eq(date_parse("2199-12-31", &day, &e), WY_OK);
	ck_assert_int_eq(day, 84005);
	ck_assert_int_eq(date_parse("1970-01-01", NULL, &e), WY_OK);
}
END_TEST

START_TEST(test_date_parse_bad)
{
	const struct bad_text *c = &bad_dates[_i];
	struct wy_err e = { 0 };
	int32_t day = 777;

	ck_assert_int_eq(date_parse(c->text, &day, &e), WY_EINVALID);
	ck_assert_int_eq(e.code, WY_EINVALID);
	ck_assert_msg(strstr(e.msg, c->msg) != NULL,
	    "'%s': message \"%s\" lacks \"%s\"", c->text, e.msg, c->msg);
	ck_assert_int_eq(day, 777);
}
END_TEST

START_TEST(test_date_parse_null)
{
	struct wy_err e = { 0 };
	int32_t day = 777;

	ck_assert_int_eq(date_parse(NULL, &day, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "the date is empty");
	ck_assert_int_eq(date_parse("x", &day, NULL), WY_EINVALID);
	ck_assert_int_eq(day, 777);
}
END_TEST

START_TEST(test_date_format)
{
	char buf[DATE_BUFSIZE];
	struct wy_err e = { 0 };
	int32_t day;

	ck_assert_str_eq(date_format(0, buf), "1970-01-01");
	ck_assert_str_eq(date_format(-1, buf), "1969-12-31");
	ck_assert_str_eq(date_format(date_from_ymd(2026, 10, 5), buf),
	    "2026-10-05");
	ck_assert_str_eq(date_format(-25567, buf), "1900-01-01");
	ck_assert_str_eq(date_format(84005, buf), "2199-12-31");
	/* Out of range day numbers still give ten characters. */
	ck_assert_uint_eq(strlen(date_format(INT32_MAX, buf)), 10);
	ck_assert_uint_eq(strlen(date_format(INT32_MIN / 2, buf)), 10);
	/* Round trip through text. */
	for (day = -25567; day <= 84005; day += 37) {
		int32_t back;

		date_format(day, buf);
		ck_assert_int_eq(date_parse(buf, &back, &e), WY_OK);
		ck_assert_int_eq(back, day);
	}
}
END_TEST

START_TEST(test_date_today)
{
	struct tm tm;
	time_t now = time(NULL);
	int32_t today = date_today();

	localtime_r(&now, &tm);
	/* Allow for midnight passing between the two calls. */
	ck_assert_int_ge(today, date_from_ymd(tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday) - 1);
	ck_assert_int_le(today, date_from_ymd(tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday));
	ck_assert_int_gt(today, date_from_ymd(2020, 1, 1));
}
END_TEST

/* date_add_months(y-m-d, n) as text. */
static const char *
add_months(int y, int m, int d, int n, char *buf)
{
	return date_format(date_add_months(date_from_ymd(y, m, d), n), buf);
}

START_TEST(test_date_add_months)
{
	char buf[DATE_BUFSIZE];

	ck_assert_str_eq(add_months(2026, 1, 31, 1, buf), "2026-02-28");
	ck_assert_str_eq(add_months(2024, 1, 31, 1, buf), "2024-02-29");
	ck_assert_str_eq(add_months(2000, 1, 31, 1, buf), "2000-02-29");
	ck_assert_str_eq(add_months(1900, 1, 31, 1, buf), "1900-02-28");
	ck_assert_str_eq(add_months(2026, 3, 31, -1, buf), "2026-02-28");
	ck_assert_str_eq(add_months(2026, 5, 31, 1, buf), "2026-06-30");
	ck_assert_str_eq(add_months(2026, 8, 31, 1, buf), "2026-09-30");
	ck_assert_str_eq(add_months(2026, 7, 31, 1, buf), "2026-08-31");
	ck_assert_str_eq(add_months(2026, 12, 15, 1, buf), "2027-01-15");
	ck_assert_str_eq(add_months(2026, 1, 15, -1, buf), "2025-12-15");
	ck_assert_str_eq(add_months(2026, 1, 15, -13, buf), "2024-12-15");
	ck_assert_str_eq(add_months(2024, 2, 29, 12, buf), "2025-02-28");
	ck_assert_str_eq(add_months(2024, 2, 29, 48, buf), "2028-02-29");
	ck_assert_str_eq(add_months(2026, 10, 5, 0, buf), "2026-10-05");
	ck_assert_str_eq(add_months(2026, 10, 31, 24, buf), "2028-10-31");
	ck_assert_str_eq(add_months(2026, 10, 31, -24, buf), "2024-10-31");
	ck_assert_str_eq(add_months(2026, 10, 31, -8, buf), "2026-02-28");
	ck_assert_str_eq(add_months(1970, 1, 1, -1, buf), "1969-12-01");
}
END_TEST

START_TEST(test_period_parse_ok)
{
	struct wy_err e = { 0 };
	int p = -1;

	ck_assert_int_eq(period_parse("2026-10", &p, &e), WY_OK);
	ck_assert_int_eq(p, 2026 * 12 + 9);
	ck_assert_int_eq(period_parse("2026-01", &p, &e), WY_OK);
	ck_assert_int_eq(p, 2026 * 12);
	ck_assert_int_eq(period_parse("1900-01", &p, &e), WY_OK);
	ck_assert_int_eq(p, 1900 * 12);
	ck_assert_int_eq(period_parse("2199-12", &p, &e), WY_OK);
	ck_assert_int_eq(p, 2199 * 12 + 11);
	ck_assert_int_eq(period_parse("2026-12", NULL, &e), WY_OK);
}
END_TEST

START_TEST(test_period_parse_bad)
{
	const struct bad_text *c = &bad_periods[_i];
	struct wy_err e = { 0 };
	int p = 777;

	ck_assert_int_eq(period_parse(c->text, &p, &e), WY_EINVALID);
	ck_assert_msg(strstr(e.msg, c->msg) != NULL,
	    "'%s': message \"%s\" lacks \"%s\"", c->text, e.msg, c->msg);
	ck_assert_int_eq(p, 777);
}
END_TEST

START_TEST(test_period_parse_null)
{
	struct wy_err e = { 0 };
	int p = 777;

	ck_assert_int_eq(period_parse(NULL, &p, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "the period is empty");
	ck_assert_int_eq(p, 777);
}
END_TEST

START_TEST(test_period_format)
{
	char buf[PERIOD_BUFSIZE];
	struct wy_err e = { 0 };
	int back;

	ck_assert_str_eq(period_format(2026 * 12 + 9, buf), "2026-10");
	ck_assert_str_eq(period_format(2026 * 12, buf), "2026-01");
	ck_assert_str_eq(period_format(2026 * 12 + 11, buf), "2026-12");
	ck_assert_str_eq(period_format(1900 * 12, buf), "1900-01");
	for (int p = 1900 * 12; p <= 2199 * 12 + 11; p++) {
		period_format(p, buf);
		ck_assert_int_eq(period_parse(buf, &back, &e), WY_OK);
		ck_assert_int_eq(back, p);
	}
	/* Nonsense periods still give seven characters. */
	ck_assert_uint_eq(strlen(period_format(-5, buf)), 7);
	ck_assert_uint_eq(strlen(period_format(INT32_MAX, buf)), 7);
}
END_TEST

START_TEST(test_period_days)
{
	char buf[DATE_BUFSIZE];
	int p2024_02 = 2024 * 12 + 1;

	ck_assert_int_eq(period_of_date(date_from_ymd(2026, 10, 5)),
	    2026 * 12 + 9);
	ck_assert_int_eq(period_of_date(date_from_ymd(2026, 1, 1)), 2026 * 12);
	ck_assert_int_eq(period_of_date(date_from_ymd(2026, 12, 31)),
	    2026 * 12 + 11);
	ck_assert_str_eq(date_format(period_first_day(p2024_02), buf),
	    "2024-02-01");
	ck_assert_str_eq(date_format(period_last_day(p2024_02), buf),
	    "2024-02-29");
	ck_assert_str_eq(date_format(period_last_day(2100 * 12 + 1), buf),
	    "2100-02-28");
	ck_assert_str_eq(date_format(period_last_day(2026 * 12 + 11), buf),
	    "2026-12-31");
	ck_assert_str_eq(date_format(period_last_day(2026 * 12 + 3), buf),
	    "2026-04-30");
	ck_assert_int_eq(period_last_day(2026 * 12 + 11) + 1,
	    period_first_day(2027 * 12));
	ck_assert_int_eq(period_of_date(period_last_day(2026 * 12 + 5)),
	    2026 * 12 + 5);
}
END_TEST

START_TEST(test_timestamp_now)
{
	char buf[TIMESTAMP_BUFSIZE], date[DATE_BUFSIZE];
	struct wy_err e = { 0 };
	struct tm tm;
	time_t before = time(NULL), after;
	int32_t day;

	timestamp_now(buf);
	after = time(NULL);
	ck_assert_uint_eq(strlen(buf), 20);
	ck_assert_int_eq(buf[10], 'T');
	ck_assert_int_eq(buf[13], ':');
	ck_assert_int_eq(buf[16], ':');
	ck_assert_int_eq(buf[19], 'Z');
	memcpy(date, buf, 10);
	date[10] = '\0';
	ck_assert_int_eq(date_parse(date, &day, &e), WY_OK);
	/* The date is UTC: that of before or after in UTC. */
	gmtime_r(&before, &tm);
	if (day != date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday)) {
		gmtime_r(&after, &tm);
		ck_assert_int_eq(day, date_from_ymd(tm.tm_year + 1900,
		    tm.tm_mon + 1, tm.tm_mday));
	}
}
END_TEST

Suite *
date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc;

	tc = tcase_create("date_ymd");
	tcase_add_test(tc, test_date_from_ymd);
	tcase_add_test(tc, test_date_to_ymd_every_day);
	tcase_add_test(tc, test_date_valid_ymd);
	tcase_add_test(tc, test_date_days_in_month);
	suite_add_tcase(s, tc);

	tc = tcase_create("date_parse");
	tcase_add_test(tc, test_date_parse_null);
	tcase_add_test(tc, test_date_parse_ok);
	tcase_add_loop_test(tc, test_date_parse_bad, 0,
	    sizeof bad_dates / sizeof bad_dates[0]);
	suite_add_tcase(s, tc);

	tc = tcase_create("date_format");
	tcase_add_test(tc, test_date_format);
	suite_add_tcase(s, tc);

	tc = tcase_create("date_today");
	tcase_add_test(tc, test_date_today);
	suite_add_tcase(s, tc);

	tc = tcase_create("date_add_months");
	tcase_add_test(tc, test_date_add_months);
	suite_add_tcase(s, tc);

	tc = tcase_create("period");
	tcase_add_test(tc, test_period_parse_null);
	tcase_add_test(tc, test_period_parse_ok);
	tcase_add_loop_test(tc, test_period_parse_bad, 0,
	    sizeof bad_periods / sizeof bad_periods[0]);
	tcase_add_test(tc, test_period_format);
	tcase_add_test(tc, test_period_days);
	suite_add_tcase(s, tc);

	tc = tcase_create("timestamp_now");
	tcase_add_test(tc, test_timestamp_now);
	suite_add_tcase(s, tc);
	return s;
}
