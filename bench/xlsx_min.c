/* wuye bench: the floor for an .xlsx export.  Writes ROWS rows x 8 columns
 * (room code and client name as text, floor as an integer, due, paid and
 * balance as money, the paid rate as a percent, the due date as a date)
 * with plain libxlsxwriter in constant-memory mode: one format per kind,
 * numbers and dates written directly, nothing else.  The cells are those of
 * bench/sink_xlsx.c, made by the same code.
 * Usage: xlsx_min OUT.xlsx ROWS */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <xlsxwriter.h>

static const char *const names[] = { "张伟", "王芳", "李娜", "刘洋",
	"陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏", "Smith, John",
	"欧阳娜娜", "孙悦", "马超", "朱琳", "胡歌" };

int
main(int argc, char **argv)
{
	static const char *const head[] = { "Room", "Client", "Floor", "Due",
	    "Paid", "Balance", "Rate", "Due date" };
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE };
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold, *money, *integer, *pct, *date;
	lxw_datetime dt = { 0 };
	char room[32];
	long n, r;
	int64_t due, paid;
	lxw_row_t row;
	int c;

	if (argc != 3 || (n = atol(argv[2])) < 0) {
		fprintf(stderr, "usage: xlsx_min OUT.xlsx ROWS\n");
		return 2;
	}
	if ((wb = workbook_new_opt(argv[1], &opt)) == NULL)
		return 1;
	ws = workbook_add_worksheet(wb, "Bills");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	money = workbook_add_format(wb);
	format_set_num_format(money, "#,##0.00");
	integer = workbook_add_format(wb);
	format_set_num_format(integer, "0");
	pct = workbook_add_format(wb);
	format_set_num_format(pct, "0.00%");
	date = workbook_add_format(wb);
	format_set_num_format(date, "yyyy-mm-dd");
	for (c = 0; c < 8; c++)
		worksheet_write_string(ws, 0, (lxw_col_t)c, head[c], bold);
	for (r = 0; r < n; r++) {
		row = (lxw_row_t)r + 1;
		snprintf(room, sizeof room, "%c%ld-%ld-%04ld", 'A' + (int)(r % 5),
		    r / 5000 % 20 + 1, r / 100 % 50 + 1, r % 10000);
		due = 10000 + (r * 7919) % 500000;
		paid = due - (r % 3) * 1000;
		dt.year = 2026;
		dt.month = (int)(r % 12) + 1;
		dt.day = (int)(r % 28) + 1;
		worksheet_write_string(ws, row, 0, room, NULL);
		worksheet_write_string(ws, row, 1, names[r % 16], NULL);
		worksheet_write_number(ws, row, 2, (double)(r % 33 + 1), integer);
		worksheet_write_number(ws, row, 3, (double)due / 100.0, money);
		worksheet_write_number(ws, row, 4, (double)paid / 100.0, money);
		worksheet_write_number(ws, row, 5, (double)(due - paid) / 100.0, money);
		worksheet_write_number(ws, row, 6,
		    (double)((paid * 10000 + due / 2) / due) / 10000.0, pct);
		worksheet_write_datetime(ws, row, 7, &dt, date);
	}
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
