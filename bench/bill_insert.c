/* wuye bench: the floor for a bill run.  Reads the bills of a period from
 * a billed database (argv[1]) into memory, then, timed, inserts the same
 * rows into another database (argv[2], the same data before the run) with
 * one prepared INSERT in one transaction, as wuye opens its files (WAL,
 * synchronous=FULL, foreign keys on, 8 MiB cache).  Prints "ROWS rows in MS ms". */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct row {
	sqlite3_int64 v[8];	/* room, client (-1: NULL), item, qty, price, discount, amount */
	char due[11];
};

static void
die(sqlite3 *db, const char *what)
{
	fprintf(stderr, "bill_insert: %s: %s\n", what, sqlite3_errmsg(db));
	exit(1);
}

int
main(int argc, char **argv)
{
	sqlite3 *src, *dst;
	sqlite3_stmt *st;
	struct row *rows = NULL;
	size_t n = 0, cap = 0, i;
	struct timespec t0, t1;
	int j;

	if (argc != 4) {
		fprintf(stderr, "usage: bill_insert BILLED.db EMPTY.db PERIOD\n");
		return 2;
	}
	if (sqlite3_open(argv[1], &src) != SQLITE_OK)
		die(src, argv[1]);
	if (sqlite3_prepare_v2(src, "SELECT room_id, coalesce(client_id, -1),"
	    " fee_item_id, quantity, unit_price, discount, amount, due_date"
	    " FROM bills WHERE period = ? ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		die(src, "select");
	sqlite3_bind_text(st, 1, argv[3], -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			if ((rows = realloc(rows, cap * sizeof *rows)) == NULL)
				abort();
		}
		for (j = 0; j < 7; j++)
			rows[n].v[j] = sqlite3_column_int64(st, j);
		snprintf(rows[n].due, sizeof rows[n].due, "%s",
		    (const char *)sqlite3_column_text(st, 7));
		n++;
	}
	sqlite3_finalize(st);
	sqlite3_close(src);
	if (sqlite3_open(argv[2], &dst) != SQLITE_OK)
		die(dst, argv[2]);
	sqlite3_exec(dst, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
	    " PRAGMA foreign_keys = ON; PRAGMA cache_size = -8192", NULL, NULL, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (sqlite3_exec(dst, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		die(dst, "begin");
	if (sqlite3_prepare_v2(dst, "INSERT INTO bills (room_id, client_id,"
	    " fee_item_id, period, quantity, unit_price, discount, amount, due_date)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		die(dst, "insert");
	for (i = 0; i < n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, rows[i].v[0]);
		if (rows[i].v[1] < 0)
			sqlite3_bind_null(st, 2);
		else
			sqlite3_bind_int64(st, 2, rows[i].v[1]);
		sqlite3_bind_int64(st, 3, rows[i].v[2]);
		sqlite3_bind_text(st, 4, argv[3], -1, SQLITE_STATIC);
		for (j = 3; j < 7; j++)
			sqlite3_bind_int64(st, j + 2, rows[i].v[j]);
		sqlite3_bind_text(st, 9, rows[i].due, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			die(dst, "insert row");
	}
	sqlite3_finalize(st);
	if (sqlite3_exec(dst, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		die(dst, "commit");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%zu rows in %.0f ms\n", n, (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	sqlite3_close(dst);
	free(rows);
	return 0;
}
