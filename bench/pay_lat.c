/* wuye bench: the latency of the receipt transaction.  Logs in as a user
 * (argv[3], password argv[4]) on a database (argv[1]) with a configuration
 * (argv[2]) the way the program does, then pays the rooms listed in
 * argv[5] (one room id a line), taking every argv[7]-th from line argv[6]
 * (0-based), argv[8] of them: for each, the room's unpaid bills are read
 * (cashier_unpaid, not timed) and then, if it owes anything, paid in
 * full, late fees included, in cash (cashier_pay, timed: BEGIN IMMEDIATE,
 * the next number of the user's series, receipt, allocations, bills,
 * audit entry, COMMIT with synchronous=FULL).  Prints one line per
 * payment: the microseconds from the call to its return, i.e. from the
 * start of the wait for the write lock to the commit, and the
 * microseconds of CPU the process used in them (the rest is waiting: for
 * the lock, the disk or a CPU).  With BENCH_SYNC=OFF or NORMAL in the
 * environment the connection runs with that synchronous setting instead
 * of FULL (to tell the work from the waiting for the disk); with
 * BENCH_AUTOCHECKPOINT=N it checkpoints the WAL every N pages instead of
 * SQLite's 1000 (0: never), to tell what the checkpoints cost.
 *
 * `pay_lat --fsync FILE N` measures the floor instead: N times, write
 * 4 KiB (a WAL frame) to FILE and fdatasync it, printing the microseconds
 * of each, which is what a commit waits for at least with synchronous=FULL.
 *
 * Built by bench/bench_receipt.sh against the libwuye.a beside the wuye
 * binary.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "wuye/auth.h"
#include "wuye/cashier.h"
#include "wuye/conf.h"
#include "wuye/db.h"

/* Print what failed and exit. */
static void
die(const char *what, const struct wy_err *e)
{
	fprintf(stderr, "pay_lat: %s: %s\n", what, e != NULL ? e->msg : "");
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

/* Read the room ids of file path; *n gets their number. */
static long long *
read_rooms(const char *path, size_t *n)
{
	FILE *f;
	long long *v = NULL, id;
	size_t cap = 0;

	if ((f = fopen(path, "r")) == NULL) {
		perror(path);
		exit(1);
	}
	*n = 0;
	while (fscanf(f, "%lld", &id) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			if ((v = realloc(v, cap * sizeof *v)) == NULL)
				abort();
		}
		v[(*n)++] = id;
	}
	fclose(f);
	return v;
}

/* Time n writes of 4 KiB to path, each followed by fdatasync. */
static int
fsync_floor(const char *path, long n)
{
	char page[4096];
	long long t0;
	long i;
	int fd;

	memset(page, 'w', sizeof page);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0) {
		perror(path);
		return 1;
	}
	for (i = 0; i < n; i++) {
		t0 = now_us();
		if (pwrite(fd, page, sizeof page, (off_t)(i % 64) * 4096) !=
		    (ssize_t)sizeof page || fdatasync(fd) != 0) {
			perror(path);
			close(fd);
			return 1;
		}
		printf("%lld\n", now_us() - t0);
	}
	close(fd);
	unlink(path);
	return 0;
}

/* Set synchronous from $BENCH_SYNC (OFF or NORMAL; else it stays FULL). */
static void
set_sync(struct db *db)
{
	const char *v = getenv("BENCH_SYNC");
	struct wy_err e = { 0 };

	if (v == NULL)
		return;
	if (strcmp(v, "OFF") == 0 &&
	    db_exec(db, "PRAGMA synchronous = OFF", &e) != WY_OK)
		die("synchronous", &e);
	if (strcmp(v, "NORMAL") == 0 &&
	    db_exec(db, "PRAGMA synchronous = NORMAL", &e) != WY_OK)
		die("synchronous", &e);
}

/* Set wal_autocheckpoint from $BENCH_AUTOCHECKPOINT (pages; 0: never). */
static void
set_checkpoint(struct db *db)
{
	const char *v = getenv("BENCH_AUTOCHECKPOINT");

	if (v != NULL)
		sqlite3_wal_autocheckpoint(db->h, (int)strtol(v, NULL, 10));
}

int
main(int argc, char **argv)
{
	struct wy_err e = { 0 };
	struct conf *conf = NULL;
	struct db *db = NULL;
	struct session s;
	struct cashier_bill *bills;
	struct cashier_receipt r;
	long long *rooms, t0, t1, c0;
	size_t nrooms, nb, i, j, first, step, count, done = 0;
	int64_t due;

	if (argc == 4 && strcmp(argv[1], "--fsync") == 0)
		return fsync_floor(argv[2], strtol(argv[3], NULL, 10));
	if (argc != 9) {
		fprintf(stderr, "usage: pay_lat DB CONF USER PASSWORD ROOMS FIRST"
		    " STEP COUNT\n");
		return 2;
	}
	first = strtoul(argv[6], NULL, 10);
	step = strtoul(argv[7], NULL, 10);
	count = strtoul(argv[8], NULL, 10);
	if (step == 0)
		step = 1;
	rooms = read_rooms(argv[5], &nrooms);
	if (conf_load(argv[2], &conf, &e) != WY_OK)
		die(argv[2], &e);
	if (db_open(argv[1], 0, &db, &e) != WY_OK)
		die(argv[1], &e);
	db_set_busy_timeout(db, (int)conf_int(conf, "database.busy_timeout"));
	set_sync(db);
	set_checkpoint(db);
	if (auth_login(db, conf, argv[3], argv[4], &s, &e) != WY_OK)
		die(argv[3], &e);
	for (i = first; i < nrooms && done < count; i += step) {
		struct cashier_payment p = { .room_id = rooms[i],
		    .method = "cash", .tendered = -1 };

		if (cashier_unpaid(&s, rooms[i], 0, NULL, &bills, &nb, &e) !=
		    WY_OK)
			die("cashier_unpaid", &e);
		for (due = 0, j = 0; j < nb; j++)
			due += bills[j].outstanding + bills[j].late_fee;
		free(bills);
		if (due == 0)
			continue;	/* nothing to pay */
		p.amount = due;
		c0 = cpu_us();
		t0 = now_us();
		if (cashier_pay(&s, &p, &r, &e) != WY_OK)
			die("cashier_pay", &e);
		t1 = now_us();
		printf("%lld %lld\n", t1 - t0, cpu_us() - c0);
		done++;
	}
	if (done < count)
		fprintf(stderr, "pay_lat: only %zu rooms to pay\n", done);
	db_close(&db);
	conf_free(&conf);
	free(rooms);
	return 0;
}
