/* wuye bench: arrears.  On a database (argv[1]) with a configuration
 * (argv[2]), as the program itself (session_system), times:
 *   - arrears_list for every room (what `wuye arrears` prints), 10 times:
 *     the first, the median and the slowest, with the rows listed;
 *   - the query alone (arrears_query(), stepped to the end), to show
 *     where the time goes (the rest is reading its columns, the late
 *     fees, naming the rooms: a lookup of room, client and phone per
 *     room, and sorting them);
 *   - cashier_unpaid (one room's unpaid bills with late fees, what the
 *     cashier screen shows for a room) for argv[3] random rooms, and the
 *     same for as many random rooms in arrears.
 * Prints one result a line (without the "bench arrears:" prefix, which
 * bench/bench_arrears.sh adds).  Built against the libwuye.a beside the
 * wuye binary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wuye/arrears.h"
#include "wuye/auth.h"
#include "wuye/cashier.h"
#include "wuye/conf.h"
#include "wuye/date.h"
#include "wuye/db.h"

#define AGING_RUNS 10

/* Print what failed and exit. */
static void
die(const char *what, const struct wy_err *e)
{
	fprintf(stderr, "arrears_lat: %s: %s\n", what, e != NULL ? e->msg : "");
	exit(1);
}

/* Microseconds on the monotonic clock. */
static long long
now_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

/* Microseconds of CPU time used by the process. */
static long long
cpu_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (long long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

/* qsort order of long longs. */
static int
cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

/* The q-th quantile (0..1) of n sorted values. */
static double
quantile(const long long *v, size_t n, double q)
{
	size_t i = (size_t)(q * (double)n + 0.5);

	if (i < 1)
		i = 1;
	if (i > n)
		i = n;
	return (double)v[i - 1];
}

/* Count a row. */
static int
count_row(void *arg, const struct arrears_row *r)
{
	(void)r;
	(*(long long *)arg)++;
	return 0;
}

/* The ids of the rooms (in arrears: only those with a bill past due
 * unpaid on day) into *out; returns their number. */
static size_t
room_ids(struct db *db, int arrears, const char *day, long long **out)
{
	struct wy_err e = { 0 };
	sqlite3_stmt *st;
	size_t n = 0, cap = 0;

	*out = NULL;
	if (db_prepare(db, arrears ? "SELECT DISTINCT room_id FROM bills"
	    " INDEXED BY bills_unpaid WHERE amount > paid + waived"
	    " AND due_date < ?" : "SELECT id FROM rooms WHERE ? IS NOT NULL",
	    &st, &e) != WY_OK)
		die("rooms", &e);
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			if ((*out = realloc(*out, cap * sizeof **out)) == NULL)
				abort();
		}
		(*out)[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return n;
}

/* Time cashier_unpaid for n rooms picked at random from ids[nids]. */
static void
time_unpaid(struct session *s, const long long *ids, size_t nids, size_t n,
    const char *what)
{
	struct wy_err e = { 0 };
	struct cashier_bill *b;
	long long *lat, *cpu, t0, c0, bills = 0;
	size_t i, nb;

	if (nids == 0) {
		printf("one room's unpaid bills (%s): no rooms\n", what);
		return;
	}
	if ((lat = malloc(n * sizeof *lat)) == NULL ||
	    (cpu = malloc(n * sizeof *cpu)) == NULL)
		abort();
	for (i = 0; i < n; i++) {
		long long id = ids[(size_t)random() % nids];

		c0 = cpu_us();
		t0 = now_us();
		if (cashier_unpaid(s, id, 0, NULL, &b, &nb, &e) != WY_OK)
			die("cashier_unpaid", &e);
		lat[i] = now_us() - t0;
		cpu[i] = cpu_us() - c0;
		bills += (long long)nb;
		free(b);
	}
	qsort(lat, n, sizeof *lat, cmp_ll);
	qsort(cpu, n, sizeof *cpu, cmp_ll);
	printf("one room's unpaid bills (%s, %zu lookups, %.1f bills each):"
	    " p50 %.3f ms, p99 %.3f ms, max %.3f ms (goal: p99 < 1 ms);"
	    " CPU p50 %.3f ms, p99 %.3f ms\n", what, n, (double)bills /
	    (double)n, quantile(lat, n, 0.5) / 1000, quantile(lat, n, 0.99) /
	    1000, (double)lat[n - 1] / 1000, quantile(cpu, n, 0.5) / 1000,
	    quantile(cpu, n, 0.99) / 1000);
	free(lat);
	free(cpu);
}

int
main(int argc, char **argv)
{
	struct wy_err e = { 0 };
	struct conf *conf = NULL;
	struct db *db = NULL;
	struct session s;
	struct arrears_opts o = { 0 };
	struct arrears_row total;
	sqlite3_stmt *st;
	char day[DATE_BUFSIZE];
	long long runs[AGING_RUNS], cpu[AGING_RUNS], t0, c0, rows = 0, qrows;
	long long *ids;
	size_t i, n, lookups;

	if (argc != 4) {
		fprintf(stderr, "usage: arrears_lat DB CONF LOOKUPS\n");
		return 2;
	}
	lookups = strtoul(argv[3], NULL, 10);
	if (lookups == 0)
		lookups = 1;
	srandom(4);
	if (conf_load(argv[2], &conf, &e) != WY_OK)
		die(argv[2], &e);
	if (db_open(argv[1], DB_READONLY, &db, &e) != WY_OK)
		die(argv[1], &e);
	session_system(&s, db, conf);
	date_format(date_today(), day);

	for (i = 0; i < AGING_RUNS; i++) {
		rows = 0;
		c0 = cpu_us();
		t0 = now_us();
		if (arrears_list(&s, &o, count_row, &rows, &total, &e) != WY_OK)
			die("arrears_list", &e);
		runs[i] = now_us() - t0;
		cpu[i] = cpu_us() - c0;
	}
	printf("aging of every room (arrears_list, %lld rooms in arrears, %lld"
	    " bills): first %.1f ms", rows, (long long)total.bills,
	    (double)runs[0] / 1000);
	qsort(runs, AGING_RUNS, sizeof *runs, cmp_ll);
	qsort(cpu, AGING_RUNS, sizeof *cpu, cmp_ll);
	printf(", median %.1f ms (CPU %.1f ms), max %.1f ms of %d runs"
	    " (goal: < 60 ms)\n", quantile(runs, AGING_RUNS, 0.5) / 1000,
	    quantile(cpu, AGING_RUNS, 0.5) / 1000,
	    (double)runs[AGING_RUNS - 1] / 1000, AGING_RUNS);

	if (db_prepare(db, arrears_query(), &st, &e) != WY_OK)
		die("arrears_query", &e);
	for (i = 0; i < AGING_RUNS; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, 0);
		qrows = 0;
		c0 = cpu_us();
		t0 = now_us();
		while (sqlite3_step(st) == SQLITE_ROW)
			qrows++;
		runs[i] = now_us() - t0;
		cpu[i] = cpu_us() - c0;
	}
	sqlite3_finalize(st);
	qsort(runs, AGING_RUNS, sizeof *runs, cmp_ll);
	qsort(cpu, AGING_RUNS, sizeof *cpu, cmp_ll);
	printf("  of which the query over the unpaid bills (%lld rows): median"
	    " %.1f ms (CPU %.1f ms)\n", qrows, quantile(runs, AGING_RUNS, 0.5) /
	    1000, quantile(cpu, AGING_RUNS, 0.5) / 1000);

	n = room_ids(db, 0, day, &ids);
	time_unpaid(&s, ids, n, lookups, "random rooms");
	free(ids);
	n = room_ids(db, 1, day, &ids);
	time_unpaid(&s, ids, n, lookups, "random rooms in arrears");
	free(ids);
	db_close(&db);
	conf_free(&conf);
	return 0;
}
