/* wuye: table output: CSV, TSV, .xlsx and plain text from the same rows.
 *
 * Everything that leaves wuye as a table (exports, report output, the
 * browse grid's F9) goes through a sink, so the formats never disagree.
 * Numbers arrive as scaled integers; money is converted to yuan only here,
 * at the boundary (a spreadsheet number).  A file is written to a temporary
 * name beside the target and renamed on a successful close, so a failed or
 * interrupted export never leaves a half-written file under the target name.
 */
#ifndef WUYE_SINK_H
#define WUYE_SINK_H

#include <stddef.h>
#include <stdint.h>

#include "wuye/error.h"

enum sink_format { SINK_CSV, SINK_TSV, SINK_XLSX, SINK_TEXT };

enum sink_kind {
	SINK_COL_TEXT,		/* s */
	SINK_COL_INT,		/* i */
	SINK_COL_FIXED,		/* i scaled by 10^scale (areas) */
	SINK_COL_MONEY,		/* i in fen */
	SINK_COL_PERCENT,	/* i in 1/10^scale percent units (e.g. 9512 scale 2 = 95.12%) */
	SINK_COL_DATE,		/* s, YYYY-MM-DD */
};

struct sink_col {
	const char *title;	/* header text */
	enum sink_kind kind;
	int scale;		/* decimals of SINK_COL_FIXED / SINK_COL_PERCENT */
	int width;		/* minimum display width (text, xlsx) */
};

struct sink_cell {
	int null;		/* empty cell */
	int64_t i;		/* numeric kinds */
	const char *s;		/* text and date kinds (borrowed) */
};

struct sink_opts {
	const char *path;	/* output file; NULL or "-" for stdout (not xlsx) */
	enum sink_format format;
	const char *title;	/* xlsx/text: a title above the table, or NULL */
	const char *sheet;	/* xlsx: sheet name, or NULL */
	int bom;		/* CSV: start with a UTF-8 byte-order mark (Excel) */
};

struct sink;

/* The format named "csv", "tsv", "xlsx" or "txt"/"text"; or from a file
 * name's extension when name is NULL.  -1 if unknown. */
int sink_format_parse(const char *name, const char *path);

/* Start a table with ncols columns (cols is copied).  *out is closed with
 * sink_close(). */
int sink_open(const struct sink_opts *o, const struct sink_col *cols,
    size_t ncols, struct sink **out, struct wy_err *e);

/* Write one row of ncols cells. */
int sink_row(struct sink *k, const struct sink_cell *cells, struct wy_err *e);

/* Finish: with keep, flush and move the file into place; without, throw
 * the temporary file away.  Sets *kp to NULL. */
int sink_close(struct sink **kp, int keep, struct wy_err *e);

#endif
