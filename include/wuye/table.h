/* wuye: the shape of a table: its columns and cells.
 *
 * The types a table's producers (reports, exports, notices) and its
 * writers (the sinks of sink.h, the screen) share.  They carry no code, so
 * that the domain layer can describe its tables without reaching into the
 * report layer that writes them.
 */
#ifndef WUYE_TABLE_H
#define WUYE_TABLE_H

#include <stdint.h>

enum sink_kind {
	SINK_COL_TEXT,		/* s */
	SINK_COL_INT,		/* i */
	SINK_COL_FIXED,		/* i scaled by 10^scale (areas) */
	SINK_COL_MONEY,		/* i in fen */
	SINK_COL_PERCENT,	/* i in 1/10^scale percent units (e.g. 9512 scale 2 = 95.12%) */
	SINK_COL_DATE,		/* s, YYYY-MM-DD */
};

/* What a column holds in subtotal and total rows. */
enum sink_total {
	SINK_TOTAL_NONE,	/* empty */
	SINK_TOTAL_SUM,		/* the sum of the rows above (xlsx: SUBTOTAL(9,...)) */
	SINK_TOTAL_RATIO,	/* num's total / den's total, in this column's units */
};

struct sink_col {
	const char *title;	/* header text */
	enum sink_kind kind;
	int scale;		/* decimals of SINK_COL_FIXED / SINK_COL_PERCENT */
	int width;		/* minimum display width (text, xlsx) */
	enum sink_total total;	/* what subtotal and total rows hold here */
	int num, den;		/* SINK_TOTAL_RATIO: column indexes */
};

struct sink_cell {
	int null;		/* empty cell */
	int64_t i;		/* numeric kinds */
	const char *s;		/* text and date kinds (borrowed) */
};

#endif
