/* wuye bench: start-up.  Times, argv[3] times in one process, what the
 * program does before its first screen or command on a database (argv[1])
 * with a configuration (argv[2]): load the configuration, open the
 * database (pragmas, schema version, no integrity check), apply the
 * missing migrations (none), and run the first query, the one the log-in
 * screen makes (demo_is_demo); then close.  Prints the first (cold for
 * the process), the median and the slowest, and the median of each step,
 * one result a line (bench/bench_start.sh adds the "bench start:" prefix).
 * Built against the libwuye.a beside the wuye binary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wuye/auth.h"
#include "wuye/conf.h"
#include "wuye/db.h"
#include "wuye/demo.h"

enum step { S_CONF, S_OPEN, S_MIGRATE, S_QUERY, S_TOTAL, S_COUNT };

static const char *const step_names[S_COUNT] = {
	"load the configuration", "open the database", "check the migrations",
	"first query", "in all",
};

/* Print what failed and exit. */
static void
die(const char *what, const struct wy_err *e)
{
	fprintf(stderr, "start_lat: %s: %s\n", what, e != NULL ? e->msg : "");
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

/* qsort order of long longs. */
static int
cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

/* The median of n values (sorted in place), in ms. */
static double
median_ms(long long *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_ll);
	return (double)v[n / 2] / 1000;
}

int
main(int argc, char **argv)
{
	struct wy_err e = { 0 };
	struct conf *conf;
	struct db *db;
	struct session s;
	long long *t[S_COUNT], t0, t1, first;
	double med;
	size_t i, n;
	int k, demo = 0;

	if (argc != 4) {
		fprintf(stderr, "usage: start_lat DB CONF RUNS\n");
		return 2;
	}
	n = strtoul(argv[3], NULL, 10);
	if (n == 0)
		n = 1;
	for (k = 0; k < S_COUNT; k++)
		if ((t[k] = calloc(n, sizeof **t)) == NULL)
			abort();
	for (i = 0; i < n; i++) {
		conf = NULL;
		db = NULL;
		t0 = now_us();
		if (conf_load(argv[2], &conf, &e) != WY_OK)
			die(argv[2], &e);
		t1 = now_us();
		t[S_CONF][i] = t1 - t0;
		if (db_open(argv[1], 0, &db, &e) != WY_OK)
			die(argv[1], &e);
		db_set_busy_timeout(db, (int)conf_int(conf, "database.busy_timeout"));
		db->backup_dir = conf_str(conf, "backup.dir");
		db->backup_keep = (int)conf_int(conf, "backup.keep");
		t[S_OPEN][i] = now_us() - t1;
		t1 = now_us();
		if (db_migrate(db, NULL, &e) != WY_OK)
			die("migrate", &e);
		t[S_MIGRATE][i] = now_us() - t1;
		t1 = now_us();
		session_system(&s, db, conf);
		demo = demo_is_demo(&s);
		t[S_QUERY][i] = now_us() - t1;
		t[S_TOTAL][i] = now_us() - t0;
		db_close(&db);
		conf_free(&conf);
	}
	first = t[S_TOTAL][0];
	med = median_ms(t[S_TOTAL], n);		/* sorts: max last */
	printf("open and first query (%zu times in one process): first %.2f ms,"
	    " median %.2f ms, max %.2f ms (goal: < 10 ms)\n", n,
	    (double)first / 1000, med, (double)t[S_TOTAL][n - 1] / 1000);
	printf("  median of each step:");
	for (k = 0; k < S_TOTAL; k++)
		printf("%s %s %.2f ms", k ? "," : "", step_names[k],
		    median_ms(t[k], n));
	printf(" (a demo database: %s)\n", demo ? "yes" : "no");
	for (k = 0; k < S_COUNT; k++)
		free(t[k]);
	return 0;
}
