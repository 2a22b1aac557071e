/* wuye: what sink.c shares with sink_xlsx.c (not a public API).
 *
 * sink.c keeps the columns, the running sums behind subtotal and total
 * rows, and the CSV, TSV, text and callback formats; sink_xlsx.c writes
 * .xlsx through libxlsxwriter in constant-memory mode.
 */
#ifndef WUYE_SINK_INT_H
#define WUYE_SINK_INT_H

#include <stdint.h>
#include <stdio.h>

#include <xlsxwriter.h>

#include "wuye/sink.h"

#define SINK_MAX_COLS 256
#define SINK_MAX_SCALE 6
#define SINK_SHEET_MAX 31	/* characters in a sheet name (Excel) */
#define SINK_XLSX_WIDTH_MAX 60	/* widest .xlsx column, in characters */

/* A buffered line of text output (the widths come from all the rows). */
struct sink_line {
	int kind;		/* SINK_LINE_* in sink.c */
	char **texts;		/* ncols cells, or one for a plain line */
};

/* A run of consecutive data rows on a sheet (charts skip subtotals). */
struct sink_span {
	lxw_row_t first, last;
};

struct sink {
	struct sink_opts o;
	struct sink_col *cols;	/* ncols, copied, scale clamped to 0..6 */
	size_t ncols;
	int *widths;		/* widest display width seen per column */
	int64_t *gsum;		/* per column: sum since the last subtotal */
	int64_t *tsum;		/* per column: sum over the table */
	uint64_t *maxpos;	/* .xlsx widths: largest value >= 0 per column */
	uint64_t *maxneg;	/* ... and largest magnitude below 0 (0: none) */
	long grows, trows;	/* data rows since the last subtotal / in the table */
	struct sink_cell *tcells;	/* subtotal and total cells (callback) */
	int stopped;		/* callback: the status that stopped the output */
	char *path;		/* target file, or NULL for stdout */
	char *tmp;		/* temporary file written */
	FILE *f;		/* CSV, TSV, text */

	/* Text: the current table, written when it is complete. */
	struct sink_line *lines;
	size_t nlines, linecap;
	int tables;		/* tables started (sink_next adds one) */

	/* .xlsx */
	lxw_workbook *wb;
	lxw_worksheet *ws;
	char *sheet;		/* the current sheet's name */
	char **sheets;		/* every sheet name used so far */
	size_t nsheets;
	lxw_format *fmt_head, *fmt_title, *fmt_param, *fmt_label;	/* label: bold */
	lxw_format *fmt_num[2][SINK_COL_DATE + 1][SINK_MAX_SCALE + 1];
	lxw_row_t row;		/* next row */
	lxw_row_t head;		/* the header row */
	lxw_row_t gfirst;	/* first row of the current group */
	lxw_row_t tfirst;	/* first data row of the table */
	struct sink_span *spans;	/* data rows, between subtotals */
	size_t nspans, spancap;
	int charts;		/* charts on this sheet */
};

/* Value of column i in a subtotal or total row over sums[]: 1 and *v, or
 * 0 for an empty cell (no total, or a ratio over a zero denominator). */
int sink_total_value(const struct sink *k, size_t i, const int64_t *sums,
    int64_t *v);

/* A valid, unused sheet name made from name (NULL or nothing left:
 * "Sheet<n>"): the characters []:*?/\, control characters and invalid
 * bytes become '_', an apostrophe becomes U+2019 (see sink_xlsx.c),
 * leading and trailing spaces go, at most 31 characters, and " (2)",
 * " (3)"... is added when the name (compared without case) is in used[]
 * or is "History" (reserved by Excel).  The caller frees the result. */
char *sink_sheet_name(const char *name, char *const *used, size_t nused,
    int n);

/* .xlsx (sink_xlsx.c): start the workbook and the first sheet. */
int sink_xlsx_open(struct sink *k, struct wy_err *e);

/* .xlsx: a data row. */
int sink_xlsx_row(struct sink *k, const struct sink_cell *cells,
    struct wy_err *e);

/* .xlsx: a subtotal (total == 0) or total row. */
int sink_xlsx_total(struct sink *k, int total, int label_col,
    const char *label, struct wy_err *e);

/* .xlsx: a chart of the data rows beside the table. */
int sink_xlsx_chart(struct sink *k, const struct sink_chart *c,
    struct wy_err *e);

/* .xlsx: finish the current sheet (column widths). */
void sink_xlsx_end_sheet(struct sink *k);

/* .xlsx: start a sheet for the table in k->o and k->cols: title,
 * parameters, header, frozen panes. */
int sink_xlsx_start_sheet(struct sink *k, struct wy_err *e);

/* .xlsx: finish the sheet and write the workbook (even without keep, to
 * free it); free the .xlsx state. */
int sink_xlsx_close(struct sink *k, int keep, struct wy_err *e);

#endif
