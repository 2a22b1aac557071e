/* wuye: dates and accounting periods.
 *
 * A date is a day number counted from 1970-01-01 in the proleptic
 * Gregorian calendar, converted with Howard Hinnant's days_from_civil and
 * civil_from_days algorithms (exact for any year, no tables, no time_t).
 * A period is year * 12 + month - 1, so consecutive months are consecutive
 * integers.  Parsing is strict: exactly YYYY-MM-DD or YYYY-MM with leading
 * zeros, a real calendar day, and a year from 1900 to 2199.  date_today
 * reads the local clock through time() and localtime_r(), so faketime and
 * TZ apply; timestamp_now is UTC.
 */
#include "wuye/date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "wuye/i18n.h"
#include "wuye/utf8.h"

#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 2199

/* 1 if y is a Gregorian leap year. */
static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m of year y, 0 for a bad month. */
int
date_days_in_month(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Day number of y-m-d (days_from_civil). */
int32_t
date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

/* Year, month and day of a day number (civil_from_days). */
void
date_to_ymd(int32_t day, int *y, int *m, int *d)
{
	int64_t z = (int64_t)day + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);

	if (y != NULL)
		*y = (int)(yoe + era * 400) + (mm <= 2);
	if (m != NULL)
		*m = mm;
	if (d != NULL)
		*d = (int)(doy - (153 * mp + 2) / 5 + 1);
}

/* 1 if y-m-d is a real date from 1900 to 2199. */
int
date_valid_ymd(int y, int m, int d)
{
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
		return 0;
	return d >= 1 && d <= date_days_in_month(y, m);
}

/* Value of the n decimal digits at s, or -1 if one is not a digit. */
static int
digits_value(const char *s, int n)
{
	int v = 0;

	while (n-- > 0) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

/* Parse exactly YYYY-MM-DD into a day number. */
int
date_parse(const char *s, int32_t *day, struct wy_err *e)
{
	char q[UTF8_EXCERPT_MAX + 4];
	int y, m, d;

	if (s == NULL || *s == '\0')
		return wy_fail(e, WY_EINVALID, _("the date is empty"));
	utf8_excerpt(s, q, sizeof q);
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    (y = digits_value(s, 4)) < 0 || (m = digits_value(s + 5, 2)) < 0 ||
	    (d = digits_value(s + 8, 2)) < 0)
		return wy_fail(e, WY_EINVALID,
		    _("'%s' is not a date in the form YYYY-MM-DD"), q);
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
		return wy_fail(e, WY_EINVALID,
		    _("'%s' is outside the years 1900 to 2199"), q);
	if (!date_valid_ymd(y, m, d))
		return wy_fail(e, WY_EINVALID, _("'%s' is not a real date"),
		    q);
	if (day != NULL)
		*day = date_from_ymd(y, m, d);
	return WY_OK;
}

/* Write a day number as YYYY-MM-DD. */
char *
date_format(int32_t day, char *buf)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = y < 0 ? 0 : 9999;
	snprintf(buf, DATE_BUFSIZE, "%04d-%02d-%02d", y, m, d);
	return buf;
}

/* Today's day number in local time. */
int32_t
date_today(void)
{
	struct tm tm;
	time_t now = time(NULL);

	if (localtime_r(&now, &tm) == NULL)
		return 0;
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Add months, keeping the day or clamping it to the month's end. */
int32_t
date_add_months(int32_t day, int months)
{
	int y, m, d, p, dim;

	date_to_ymd(day, &y, &m, &d);
	p = y * 12 + (m - 1) + months;
	y = p >= 0 ? p / 12 : -((-p + 11) / 12);
	m = p - y * 12 + 1;
	dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, d < dim ? d : dim);
}

/* Parse exactly YYYY-MM into a period. */
int
period_parse(const char *s, int *period, struct wy_err *e)
{
	char q[UTF8_EXCERPT_MAX + 4];
	int y, m;

	if (s == NULL || *s == '\0')
		return wy_fail(e, WY_EINVALID, _("the period is empty"));
	utf8_excerpt(s, q, sizeof q);
	if (strlen(s) != 7 || s[4] != '-' || (y = digits_value(s, 4)) < 0 ||
	    (m = digits_value(s + 5, 2)) < 0)
		return wy_fail(e, WY_EINVALID,
		    _("'%s' is not a period in the form YYYY-MM"), q);
	if (m < 1 || m > 12)
		return wy_fail(e, WY_EINVALID,
		    _("'%s' has no month %02d (months are 01 to 12)"), q, m);
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
		return wy_fail(e, WY_EINVALID,
		    _("'%s' is outside the years 1900 to 2199"), q);
	if (period != NULL)
		*period = y * 12 + m - 1;
	return WY_OK;
}

/* Write a period as YYYY-MM. */
char *
period_format(int period, char *buf)
{
	int y = period >= 0 ? period / 12 : 0;
	int m = period >= 0 ? period % 12 + 1 : 1;

	if (y > 9999)
		y = 9999;
	snprintf(buf, PERIOD_BUFSIZE, "%04d-%02d", y, m);
	return buf;
}

/* The period (month) a day falls in. */
int
period_of_date(int32_t day)
{
	int y, m;

	date_to_ymd(day, &y, &m, NULL);
	return y * 12 + m - 1;
}

/* First day of a period. */
int32_t
period_first_day(int period)
{
	return date_from_ymd(period / 12, period % 12 + 1, 1);
}

/* Last day of a period. */
int32_t
period_last_day(int period)
{
	int y = period / 12, m = period % 12 + 1;

	return date_from_ymd(y, m, date_days_in_month(y, m));
}

/* Write the current UTC time as YYYY-MM-DDTHH:MM:SSZ. */
char *
timestamp_now(char *buf)
{
	struct tm tm;
	time_t now = time(NULL);

	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(buf, TIMESTAMP_BUFSIZE, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, TIMESTAMP_BUFSIZE, "1970-01-01T00:00:00Z");
	return buf;
}
