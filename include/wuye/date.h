/* wuye: dates and accounting periods.
 *
 * A date is an int32_t day number (days since 1970-01-01, proleptic
 * Gregorian), written YYYY-MM-DD.  A period is a month, an int
 * (year * 12 + month - 1), written YYYY-MM.  Years 1900-2199 only.
 */
#ifndef WUYE_DATE_H
#define WUYE_DATE_H

#include <stddef.h>
#include <stdint.h>

#include "wuye/error.h"

#define DATE_BUFSIZE 11		/* "YYYY-MM-DD" */
#define PERIOD_BUFSIZE 8	/* "YYYY-MM" */
#define TIMESTAMP_BUFSIZE 21	/* "YYYY-MM-DDTHH:MM:SSZ" */

/* Day number of a valid calendar date (no checks). */
int32_t date_from_ymd(int y, int m, int d);
/* Year, month, day of a day number. */
void date_to_ymd(int32_t day, int *y, int *m, int *d);
/* 1 if y-m-d is a real calendar date within 1900-2199. */
int date_valid_ymd(int y, int m, int d);
/* Days in month m (1-12) of year y (28-31), or 0 if m is not a month. */
int date_days_in_month(int y, int m);

/* Parse exactly YYYY-MM-DD (a real date); message names the text. */
int date_parse(const char *s, int32_t *day, struct wy_err *e);
/* Write YYYY-MM-DD into buf (DATE_BUFSIZE); returns buf. */
char *date_format(int32_t day, char *buf);
/* Today in local time (follows faketime in tests). */
int32_t date_today(void);
/* Add months, clamping the day to the month's end (01-31 + 1 = 02-28). */
int32_t date_add_months(int32_t day, int months);

/* Parse exactly YYYY-MM with month 01-12. */
int period_parse(const char *s, int *period, struct wy_err *e);
/* Write YYYY-MM into buf (PERIOD_BUFSIZE); returns buf. */
char *period_format(int period, char *buf);
int period_of_date(int32_t day);
int32_t period_first_day(int period);
int32_t period_last_day(int period);

/* Now as a UTC timestamp YYYY-MM-DDTHH:MM:SSZ; returns buf. */
char *timestamp_now(char *buf);

#endif
