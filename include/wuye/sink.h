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
#include "wuye/table.h"

enum sink_format {
	SINK_CSV, SINK_TSV, SINK_XLSX, SINK_TEXT,
	SINK_CALLBACK,		/* rows handed to sink_opts.row_cb (the screen) */
};

/* The kind of a row handed to a callback sink. */
enum sink_row_kind { SINK_ROW_DATA, SINK_ROW_SUBTOTAL, SINK_ROW_TOTAL };

enum sink_chart_type {
	SINK_CHART_COLUMN, SINK_CHART_BAR, SINK_CHART_LINE, SINK_CHART_PIE,
};

/* A chart of the data rows (xlsx only; other formats ignore it). */
struct sink_chart {
	enum sink_chart_type type;
	const char *title;
	int category;		/* column of the category labels */
	const int *values;	/* columns of the series (nvalues of them) */
	size_t nvalues;
};


struct sink_opts {
	const char *path;	/* output file; NULL or "-" for stdout (not xlsx) */
	enum sink_format format;
	const char *title;	/* xlsx/text: a title above the table, or NULL */
	const char *sheet;	/* xlsx: sheet name, or NULL */
	int bom;		/* CSV: start with a UTF-8 byte-order mark (Excel) */
	const char *const *params;	/* xlsx/text: lines under the title
					 * ("Period: 2026-10"), NULL-ended */
	/* SINK_CALLBACK: called for every row, subtotal and total row, in
	 * order; a non-zero return stops the output with that status. */
	int (*row_cb)(void *arg, enum sink_row_kind kind,
	    const struct sink_cell *cells, size_t ncells, struct wy_err *e);
	void *arg;
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

/* Write a subtotal row: label (borrowed) in column label_col, and in each
 * column its sink_col.total over the data rows since the previous subtotal
 * (or the start of the table).  xlsx writes formulas (SUBTOTAL(9,range),
 * so the grand total skips subtotal rows) with the computed values cached;
 * the other formats write the same values as text. */
int sink_subtotal(struct sink *k, int label_col, const char *label,
    struct wy_err *e);

/* Write the total row over every data row of the table, as sink_subtotal. */
int sink_total(struct sink *k, int label_col, const char *label,
    struct wy_err *e);

/* Put a chart of the data rows written so far beside the table (xlsx; a
 * no-op elsewhere).  Call after the last data row. */
int sink_chart(struct sink *k, const struct sink_chart *c, struct wy_err *e);

/* Start another table in the same output: in xlsx a new sheet (o->sheet,
 * o->title, o->params; the other fields of o are ignored), elsewhere a
 * blank line, the title and a new header. */
int sink_next(struct sink *k, const struct sink_opts *o,
    const struct sink_col *cols, size_t ncols, struct wy_err *e);

/* Finish: with keep, flush and move the file into place; without, throw
 * the temporary file away.  Sets *kp to NULL. */
int sink_close(struct sink **kp, int keep, struct wy_err *e);

#endif
