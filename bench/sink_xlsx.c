/* wuye bench: an .xlsx export through the sink (sink.h): the rows of
 * bench/xlsx_min.c, made by the same code, handed to sink_row() as a
 * report would hand them (scaled integers, dates as text); the sink adds
 * column widths from the data and a frozen header.
 * Usage: sink_xlsx OUT.xlsx ROWS */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "wuye/sink.h"

static const char *const names[] = { "张伟", "王芳", "李娜", "刘洋",
	"陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏", "Smith, John",
	"欧阳娜娜", "孙悦", "马超", "朱琳", "胡歌" };

static const struct sink_col cols[] = {
	{ .title = "Room", .kind = SINK_COL_TEXT },
	{ .title = "Client", .kind = SINK_COL_TEXT },
	{ .title = "Floor", .kind = SINK_COL_INT },
	{ .title = "Due", .kind = SINK_COL_MONEY },
	{ .title = "Paid", .kind = SINK_COL_MONEY },
	{ .title = "Balance", .kind = SINK_COL_MONEY },
	{ .title = "Rate", .kind = SINK_COL_PERCENT, .scale = 2 },
	{ .title = "Due date", .kind = SINK_COL_DATE },
};

int
main(int argc, char **argv)
{
	struct sink_opts o = { .format = SINK_XLSX, .sheet = "Bills" };
	struct sink_cell cells[8] = { { 0 } };
	struct wy_err e = { 0 };
	struct sink *k;
	char room[32], date[16];
	long n, r;
	int64_t due, paid;

	if (argc != 3 || (n = atol(argv[2])) < 0) {
		fprintf(stderr, "usage: sink_xlsx OUT.xlsx ROWS\n");
		return 2;
	}
	setlocale(LC_ALL, "C.UTF-8");
	o.path = argv[1];
	if (sink_open(&o, cols, 8, &k, &e) != WY_OK) {
		fprintf(stderr, "sink_xlsx: %s\n", e.msg);
		return 1;
	}
	cells[0].s = room;
	cells[7].s = date;
	for (r = 0; r < n; r++) {
		snprintf(room, sizeof room, "%c%ld-%ld-%04ld", 'A' + (int)(r % 5),
		    r / 5000 % 20 + 1, r / 100 % 50 + 1, r % 10000);
		due = 10000 + (r * 7919) % 500000;
		paid = due - (r % 3) * 1000;
		snprintf(date, sizeof date, "2026-%02d-%02d", (int)(r % 12) + 1,
		    (int)(r % 28) + 1);
		cells[1].s = names[r % 16];
		cells[2].i = r % 33 + 1;
		cells[3].i = due;
		cells[4].i = paid;
		cells[5].i = due - paid;
		cells[6].i = (paid * 10000 + due / 2) / due;
		if (sink_row(k, cells, &e) != WY_OK) {
			fprintf(stderr, "sink_xlsx: %s\n", e.msg);
			sink_close(&k, 0, NULL);
			return 1;
		}
	}
	if (sink_close(&k, 1, &e) != WY_OK) {
		fprintf(stderr, "sink_xlsx: %s\n", e.msg);
		return 1;
	}
	return 0;
}
