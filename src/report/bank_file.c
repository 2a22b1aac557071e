/* wuye: the bank debit file through a sink (see bank_file.h). */
#include "wuye/bank_file.h"

#include "wuye/sink.h"

static const struct sink_col bank_file_cols[] = {
	{ .title = "ref", .kind = SINK_COL_TEXT },
	{ .title = "room", .kind = SINK_COL_TEXT },
	{ .title = "client", .kind = SINK_COL_TEXT },
	{ .title = "name", .kind = SINK_COL_TEXT },
	{ .title = "bank", .kind = SINK_COL_TEXT },
	{ .title = "account", .kind = SINK_COL_TEXT },
	{ .title = "amount", .kind = SINK_COL_MONEY },
};

int
bank_file_open(const char *path, struct sink **out, struct wy_err *e)
{
	struct sink_opts so = { .path = path, .format = SINK_CSV };

	return sink_open(&so, bank_file_cols, sizeof bank_file_cols /
	    sizeof bank_file_cols[0], out, e);
}

int
bank_file_line(void *sink, const struct bank_line *l, struct wy_err *e)
{
	struct sink_cell cells[] = {
		{ .s = l->ref }, { .s = l->room }, { .s = l->client },
		{ .s = l->name }, { .s = l->bank }, { .s = l->account },
		{ .i = l->amount },
	};

	return sink_row(sink, cells, e);
}
