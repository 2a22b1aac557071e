/* wuye: table output in CSV, TSV, plain text and to a callback (.xlsx is in
 * sink_xlsx.c).  The sink keeps a running sum of every number column, per
 * group (since the last subtotal) and per table, so that subtotal and total
 * rows are computed here, in integers, once for every format: what the
 * text shows is what the spreadsheet's formulas cache.  Text output is
 * kept until its table is complete, so that its columns fit the data and
 * an 80-column printer. */
#include "wuye/sink.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/money.h"
#include "wuye/sink_int.h"
#include "wuye/utf8.h"

#define TEXT_WIDTH 80		/* the printer's columns */
#define TEXT_GAP 2		/* spaces between columns */

enum {
	SINK_LINE_PLAIN,	/* texts[0]: a line of its own (title, blank) */
	SINK_LINE_HEAD,
	SINK_LINE_DATA,
	SINK_LINE_SUB,
	SINK_LINE_TOTAL,
};

/* 1 for the kinds that hold an integer. */
static int
is_number(enum sink_kind kind)
{
	return kind == SINK_COL_INT || kind == SINK_COL_FIXED ||
	    kind == SINK_COL_MONEY || kind == SINK_COL_PERCENT;
}

/* The format named, or of the file name's extension. */
int
sink_format_parse(const char *name, const char *path)
{
	const char *dot;

	if (name == NULL && path != NULL && (dot = strrchr(path, '.')) != NULL)
		name = dot + 1;
	if (name == NULL)
		return -1;
	if (strcmp(name, "csv") == 0)
		return SINK_CSV;
	if (strcmp(name, "tsv") == 0)
		return SINK_TSV;
	if (strcmp(name, "xlsx") == 0)
		return SINK_XLSX;
	if (strcmp(name, "txt") == 0 || strcmp(name, "text") == 0)
		return SINK_TEXT;
	return -1;
}

/* The units of one in a ratio column: 100% is 100 * 10^scale percent
 * units, 1 is 10^scale fixed units, 100 fen. */
static int64_t
ratio_unit(const struct sink_col *c)
{
	int64_t u = 1;
	int i;

	for (i = 0; i < c->scale; i++)
		u *= 10;
	switch (c->kind) {
	case SINK_COL_PERCENT:
		return u * 100;
	case SINK_COL_FIXED:
		return u;
	case SINK_COL_MONEY:
		return 100;
	default:
		return 1;
	}
}

/* num / den in units of unit, rounded half away from zero: 0 if den is 0
 * or the result does not fit. */
static int
ratio(int64_t num, int64_t den, int64_t unit, int64_t *v)
{
	__int128 n = (__int128)num * unit, d = den, q;
	int neg;

	if (d == 0)
		return 0;
	neg = (n < 0) != (d < 0);
	if (n < 0)
		n = -n;
	if (d < 0)
		d = -d;
	q = (n + d / 2) / d;
	if (q > INT64_MAX)
		return 0;
	*v = neg ? -(int64_t)q : (int64_t)q;
	return 1;
}

/* A column's value in a subtotal or total row. */
int
sink_total_value(const struct sink *k, size_t i, const int64_t *sums,
    int64_t *v)
{
	const struct sink_col *c = &k->cols[i];

	switch (c->total) {
	case SINK_TOTAL_SUM:
		*v = sums[i];
		return 1;
	case SINK_TOTAL_RATIO:
		return ratio(sums[c->num], sums[c->den], ratio_unit(c), v);
	default:
		return 0;
	}
}

/* Check a table's columns. */
static int
check_cols(const struct sink_col *cols, size_t ncols, struct wy_err *e)
{
	const struct sink_col *c;
	size_t i;

	if (cols == NULL || ncols == 0 || ncols > SINK_MAX_COLS)
		return wy_fail(e, WY_EINVALID, _("a table needs 1 to 256 columns"));
	for (i = 0; i < ncols; i++) {
		c = &cols[i];
		if ((unsigned)c->kind > SINK_COL_DATE)
			return wy_fail(e, WY_EINVALID, _("column '%s': unknown kind %d"),
			    c->title ? c->title : "", (int)c->kind);
		if (c->total == SINK_TOTAL_SUM && !is_number(c->kind))
			return wy_fail(e, WY_EINVALID,
			    _("column '%s': a text or date column has no sum"),
			    c->title ? c->title : "");
		if (c->total == SINK_TOTAL_RATIO && (!is_number(c->kind) ||
		    c->num < 0 || (size_t)c->num >= ncols || c->den < 0 ||
		    (size_t)c->den >= ncols || !is_number(cols[c->num].kind) ||
		    !is_number(cols[c->den].kind)))
			return wy_fail(e, WY_EINVALID,
			    _("column '%s': a ratio is a number column over two number columns of the table"),
			    c->title ? c->title : "");
	}
	return WY_OK;
}

/* Free the per-table state. */
static void
free_table(struct sink *k)
{
	free(k->cols);
	free(k->widths);
	free(k->gsum);
	free(k->tsum);
	free(k->maxpos);
	free(k->maxneg);
	free(k->tcells);
	k->cols = NULL;
	k->widths = NULL;
	k->gsum = k->tsum = NULL;
	k->maxpos = k->maxneg = NULL;
	k->tcells = NULL;
}

/* Take a new table's columns (checked): copies, widths, zero sums. */
static void
set_cols(struct sink *k, const struct sink_col *cols, size_t ncols)
{
	size_t i;

	free_table(k);
	k->ncols = ncols;
	k->cols = xcalloc(ncols, sizeof *k->cols);
	k->widths = xcalloc(ncols, sizeof *k->widths);
	k->gsum = xcalloc(ncols, sizeof *k->gsum);
	k->tsum = xcalloc(ncols, sizeof *k->tsum);
	k->maxpos = xcalloc(ncols, sizeof *k->maxpos);
	k->maxneg = xcalloc(ncols, sizeof *k->maxneg);
	k->tcells = xcalloc(ncols, sizeof *k->tcells);
	memcpy(k->cols, cols, ncols * sizeof *cols);
	for (i = 0; i < ncols; i++) {
		if (k->cols[i].title == NULL)
			k->cols[i].title = "";
		if (k->cols[i].scale < 0)
			k->cols[i].scale = 0;
		if (k->cols[i].scale > SINK_MAX_SCALE)
			k->cols[i].scale = SINK_MAX_SCALE;
		k->widths[i] = utf8_width(k->cols[i].title);
		if (cols[i].width > k->widths[i])
			k->widths[i] = cols[i].width;
		if (cols[i].kind == SINK_COL_DATE && k->widths[i] < 10)
			k->widths[i] = 10;
	}
	k->grows = k->trows = 0;
}

/* Text of a cell (CSV, TSV, text); buf holds MONEY_BUFSIZE bytes. */
static const char *
cell_text(const struct sink_col *c, const struct sink_cell *v, char *buf,
    size_t size)
{
	size_t n;

	if (v->null)
		return "";
	switch (c->kind) {
	case SINK_COL_INT:
		snprintf(buf, size, "%lld", (long long)v->i);
		return buf;
	case SINK_COL_FIXED:
		return fixed_format(v->i, c->scale, buf, size);
	case SINK_COL_MONEY:
		return money_format(v->i, buf, size);
	case SINK_COL_PERCENT:
		fixed_format(v->i, c->scale, buf, size - 1);
		n = strlen(buf);
		buf[n] = '%';
		buf[n + 1] = '\0';
		return buf;
	default:
		return v->s != NULL ? v->s : "";
	}
}

/* Write a CSV field, quoted when it needs to be. */
static void
write_csv_cell(FILE *f, const char *s)
{
	if (strpbrk(s, ",\"\r\n") != NULL || (*s != '\0' &&
	    (s[0] == ' ' || s[strlen(s) - 1] == ' ')))
		csv_fwrite(f, s, strlen(s));
	else
		fputs(s, f);
}

/* Write a TSV field: tabs and line ends become spaces. */
static void
write_tsv_cell(FILE *f, const char *s)
{
	for (; *s != '\0'; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

/* Write one line of n cells in CSV or TSV. */
static void
write_delimited(struct sink *k, const char *const *texts, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputc(k->o.format == SINK_CSV ? ',' : '\t', k->f);
		if (k->o.format == SINK_CSV)
			write_csv_cell(k->f, texts[i]);
		else
			write_tsv_cell(k->f, texts[i]);
	}
	fputs(k->o.format == SINK_CSV ? "\r\n" : "\n", k->f);
}

/* Keep a line of text output until the table is complete. */
static void
text_push(struct sink *k, int kind, const char *const *texts, size_t n)
{
	struct sink_line *l;
	size_t i;

	if (k->nlines == k->linecap) {
		k->linecap = k->linecap ? 2 * k->linecap : 64;
		k->lines = xrealloc(k->lines, k->linecap * sizeof *k->lines);
	}
	l = &k->lines[k->nlines++];
	l->kind = kind;
	l->texts = xcalloc(n, sizeof *l->texts);
	for (i = 0; i < n; i++)
		l->texts[i] = xstrdup(texts[i]);
}

/* Keep a line of its own. */
static void
text_plain(struct sink *k, const char *s)
{
	text_push(k, SINK_LINE_PLAIN, &s, 1);
}

/* Throw the kept lines away. */
static void
text_free(struct sink *k)
{
	size_t i, j, n;

	for (i = 0; i < k->nlines; i++) {
		n = k->lines[i].kind == SINK_LINE_PLAIN ? 1 : k->ncols;
		for (j = 0; j < n; j++)
			free(k->lines[i].texts[j]);
		free(k->lines[i].texts);
	}
	free(k->lines);
	k->lines = NULL;
	k->nlines = k->linecap = 0;
}

/* Column widths for text: the widest cell (a subtotal's label may run on
 * into the empty cells after it), then narrowed until the line fits the
 * printer: text columns first (the widest first, down to 8 columns or
 * their data), then the headers of number columns down to their numbers.
 * A number is never cut: a table that still does not fit runs wider (for
 * a printer in condensed mode or on wide paper). */
static void
text_widths(struct sink *k, int *w)
{
	const struct sink_line *l;
	size_t i, j, m, best;
	int total, cw, pass, room, *dw, min;

	dw = xcalloc(k->ncols, sizeof *dw);
	for (j = 0; j < k->ncols; j++)
		w[j] = k->widths[j];
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < k->nlines; i++) {
			l = &k->lines[i];
			if (l->kind == SINK_LINE_PLAIN ||
			    (pass == 0) != (l->kind == SINK_LINE_DATA ||
			    l->kind == SINK_LINE_HEAD))
				continue;
			for (j = 0; j < k->ncols; j++) {
				cw = utf8_width(l->texts[j]);
				if (l->kind != SINK_LINE_HEAD && cw > dw[j] &&
				    (pass == 0 || k->cols[j].total != SINK_TOTAL_NONE))
					dw[j] = cw;
				if (cw <= w[j])
					continue;
				room = w[j];
				if (pass == 1 && k->cols[j].total == SINK_TOTAL_NONE)
					for (m = j + 1; m < k->ncols &&
					    *l->texts[m] == '\0'; m++)
						room += TEXT_GAP + w[m];
				if (cw > room)
					w[j] += cw - room;
			}
		}
	total = TEXT_GAP * ((int)k->ncols - 1);
	for (j = 0; j < k->ncols; j++)
		total += w[j];
	for (pass = 0; pass < 2 && total > TEXT_WIDTH; pass++) {
		while (total > TEXT_WIDTH) {
			best = k->ncols;
			for (j = 0; j < k->ncols; j++) {
				if ((pass == 0) != (k->cols[j].kind == SINK_COL_TEXT))
					continue;
				min = pass == 0 ? (dw[j] < 8 ? dw[j] : 8) : dw[j];
				if (w[j] > min && w[j] > 1 &&
				    (best == k->ncols || w[j] > w[best]))
					best = j;
			}
			if (best == k->ncols)
				break;
			w[best]--;
			total--;
		}
	}
	free(dw);
}

/* Write buf without trailing spaces, and a newline. */
static void
text_put(FILE *f, char *buf, size_t len)
{
	while (len > 0 && buf[len - 1] == ' ')
		len--;
	fwrite(buf, 1, len, f);
	fputc('\n', f);
}

/* Write a rule of c under every column. */
static void
text_rule(struct sink *k, const int *w, char c, char *buf)
{
	size_t j, o = 0;

	for (j = 0; j < k->ncols; j++) {
		memset(buf + o, c, (size_t)w[j]);
		o += (size_t)w[j];
		if (j + 1 < k->ncols) {
			memset(buf + o, ' ', TEXT_GAP);
			o += TEXT_GAP;
		}
	}
	text_put(k->f, buf, o);
}

/* Write a row; in subtotal and total rows a cell of a column without a
 * total (the label) runs on into the empty cells after it. */
static void
text_cells(struct sink *k, const struct sink_line *l, const int *w, char *buf)
{
	size_t j, m, o = 0;
	int right, width, sums;

	sums = l->kind == SINK_LINE_SUB || l->kind == SINK_LINE_TOTAL;
	for (j = 0; j < k->ncols; j = m) {
		width = w[j];
		m = j + 1;
		right = is_number(k->cols[j].kind);
		if (sums && k->cols[j].total == SINK_TOTAL_NONE) {
			right = 0;
			for (; m < k->ncols && *l->texts[m] == '\0'; m++)
				width += TEXT_GAP + w[m];
		}
		utf8_fit(l->texts[j], width, right, buf + o, 4 * (size_t)width + 1);
		o += strlen(buf + o);
		if (m < k->ncols) {
			memset(buf + o, ' ', TEXT_GAP);
			o += TEXT_GAP;
		}
	}
	text_put(k->f, buf, o);
}

/* Write the kept lines of the current table and forget them. */
static void
text_flush(struct sink *k)
{
	const struct sink_line *l;
	size_t i, size;
	int *w;
	char *buf;

	w = xcalloc(k->ncols, sizeof *w);
	text_widths(k, w);
	size = 4 * TEXT_WIDTH + 2;
	for (i = 0; i < k->ncols; i++)
		size += 4 * (size_t)w[i] + TEXT_GAP + 1;
	buf = xmalloc(size);
	for (i = 0; i < k->nlines; i++) {
		l = &k->lines[i];
		switch (l->kind) {
		case SINK_LINE_PLAIN:
			if (utf8_width(l->texts[0]) > TEXT_WIDTH) {
				utf8_fit(l->texts[0], TEXT_WIDTH, 0, buf, size);
				text_put(k->f, buf, strlen(buf));
			} else
				fprintf(k->f, "%s\n", l->texts[0]);
			break;
		case SINK_LINE_HEAD:
			text_cells(k, l, w, buf);
			text_rule(k, w, '-', buf);
			break;
		case SINK_LINE_SUB:
		case SINK_LINE_TOTAL:
			text_rule(k, w, l->kind == SINK_LINE_SUB ? '-' : '=', buf);
			text_cells(k, l, w, buf);
			if (l->kind == SINK_LINE_SUB && i + 1 < k->nlines &&
			    k->lines[i + 1].kind == SINK_LINE_DATA)
				fputc('\n', k->f);
			break;
		default:
			text_cells(k, l, w, buf);
			break;
		}
	}
	free(buf);
	free(w);
	text_free(k);
}

/* The start of a table: title and parameters (text, and the title in CSV
 * and TSV after the first table), then the header. */
static void
table_start(struct sink *k)
{
	const char *const *p;
	const char *texts[SINK_MAX_COLS];
	size_t i;

	for (i = 0; i < k->ncols; i++)
		texts[i] = k->cols[i].title;
	switch (k->o.format) {
	case SINK_CSV:
	case SINK_TSV:
		if (k->tables > 1) {
			fputs(k->o.format == SINK_CSV ? "\r\n" : "\n", k->f);
			if (k->o.title != NULL)
				write_delimited(k, &k->o.title, 1);
		} else if (k->o.format == SINK_CSV && k->o.bom)
			fputs("\xef\xbb\xbf", k->f);
		write_delimited(k, texts, k->ncols);
		break;
	case SINK_TEXT:
		if (k->tables > 1)
			text_plain(k, "");
		if (k->o.title != NULL)
			text_plain(k, k->o.title);
		for (p = k->o.params; p != NULL && *p != NULL; p++)
			text_plain(k, *p);
		if (k->o.title != NULL || (k->o.params != NULL &&
		    *k->o.params != NULL))
			text_plain(k, "");
		text_push(k, SINK_LINE_HEAD, texts, k->ncols);
		break;
	default:
		break;
	}
}

/* A write error on the output, if any. */
static int
check_write(struct sink *k, struct wy_err *e)
{
	if (k->f != NULL && ferror(k->f))
		return wy_fail(e, WY_EFAIL, _("%s: cannot write: %s"),
		    k->path ? k->path : "stdout", strerror(errno));
	return WY_OK;
}

/* Create the temporary file beside the target (or use stdout). */
static int
open_file(struct sink *k, struct wy_err *e)
{
	const char *path = k->o.path;
	mode_t mask;
	int fd;

	if (path == NULL || strcmp(path, "-") == 0) {
		if (k->o.format == SINK_XLSX)
			return wy_fail(e, WY_EUSAGE,
			    _("an .xlsx file needs an output file name (-o FILE)"));
		k->f = stdout;
		return WY_OK;
	}
	k->path = xstrdup(path);
	k->tmp = xasprintf("%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(k->tmp)) < 0) {
		free(k->tmp);
		k->tmp = NULL;
		return wy_fail(e, WY_EFAIL, _("%s: cannot write: %s"), path,
		    strerror(errno));
	}
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);	/* mkstemp made it private */
	if (k->o.format == SINK_XLSX)
		close(fd);
	else if ((k->f = fdopen(fd, "w")) == NULL)
		abort();
	return WY_OK;
}

/* Start a table: check the columns, open the file, write the header. */
int
sink_open(const struct sink_opts *o, const struct sink_col *cols,
    size_t ncols, struct sink **out, struct wy_err *e)
{
	struct sink *k;
	int rc;

	*out = NULL;
	if ((unsigned)o->format > SINK_CALLBACK)
		return wy_fail(e, WY_EUSAGE, _("unknown output format %d"),
		    (int)o->format);
	if (o->format == SINK_CALLBACK && o->row_cb == NULL)
		return wy_fail(e, WY_EUSAGE, _("a callback table needs a row function"));
	if ((rc = check_cols(cols, ncols, e)) != WY_OK)
		return rc;
	k = xcalloc(1, sizeof *k);
	k->o = *o;
	k->tables = 1;
	set_cols(k, cols, ncols);
	if (o->format != SINK_CALLBACK && (rc = open_file(k, e)) != WY_OK) {
		sink_close(&k, 0, NULL);
		return rc;
	}
	if (o->format == SINK_XLSX)
		rc = sink_xlsx_open(k, e);
	else {
		table_start(k);
		rc = check_write(k, e);
	}
	if (rc != WY_OK) {
		sink_close(&k, 0, NULL);
		return rc;
	}
	*out = k;
	return WY_OK;
}

/* Hand a row to the callback; a non-zero answer stops the output. */
static int
callback(struct sink *k, enum sink_row_kind kind,
    const struct sink_cell *cells, struct wy_err *e)
{
	int rc;

	if ((rc = k->o.row_cb(k->o.arg, kind, cells, k->ncols, e)) != 0) {
		k->stopped = rc;
		if (e != NULL && e->code == WY_OK)
			wy_fail(e, rc, _("the output was stopped"));
	}
	return rc;
}

/* Write a row of texts in CSV, TSV or text; label (if label_col >= 0)
 * replaces a cell whatever its column's kind. */
static int
text_row(struct sink *k, int kind, const struct sink_cell *cells,
    int label_col, const char *label, struct wy_err *e)
{
	char bufs[SINK_MAX_COLS][MONEY_BUFSIZE];
	const char *texts[SINK_MAX_COLS];
	size_t i;

	for (i = 0; i < k->ncols; i++)
		texts[i] = (int)i == label_col ? label :
		    cell_text(&k->cols[i], &cells[i], bufs[i], sizeof bufs[i]);
	if (k->o.format == SINK_TEXT) {
		text_push(k, kind, texts, k->ncols);
		return WY_OK;
	}
	write_delimited(k, texts, k->ncols);
	return check_write(k, e);
}

/* Add the row to the sums and write it. */
int
sink_row(struct sink *k, const struct sink_cell *cells, struct wy_err *e)
{
	const struct sink_col *c;
	size_t i;

	if (k->stopped)
		return k->stopped;
	for (i = 0; i < k->ncols; i++) {
		c = &k->cols[i];
		if (cells[i].null || !is_number(c->kind))
			continue;
		/* Wrapping, not undefined, if ever beyond int64 (money is
		 * at most MONEY_MAX a row). */
		k->gsum[i] = (int64_t)((uint64_t)k->gsum[i] + (uint64_t)cells[i].i);
		k->tsum[i] = (int64_t)((uint64_t)k->tsum[i] + (uint64_t)cells[i].i);
	}
	k->grows++;
	k->trows++;
	switch (k->o.format) {
	case SINK_XLSX:
		return sink_xlsx_row(k, cells, e);
	case SINK_CALLBACK:
		return callback(k, SINK_ROW_DATA, cells, e);
	default:
		return text_row(k, SINK_LINE_DATA, cells, -1, NULL, e);
	}
}

/* A subtotal (total == 0) or total row. */
static int
total_row(struct sink *k, int total, int label_col, const char *label,
    struct wy_err *e)
{
	const int64_t *sums = total ? k->tsum : k->gsum;
	struct sink_cell *c;
	size_t i;
	int rc;

	if (k->stopped)
		return k->stopped;
	if (label_col < 0 || (size_t)label_col >= k->ncols)
		return wy_fail(e, WY_EINVALID,
		    _("label column %d: the table has %zu columns"), label_col,
		    k->ncols);
	if (label == NULL)
		label = "";
	if (k->o.format == SINK_XLSX)
		rc = sink_xlsx_total(k, total, label_col, label, e);
	else {
		for (i = 0; i < k->ncols; i++) {
			c = &k->tcells[i];
			*c = (struct sink_cell){ .null = 1 };
			if (i == (size_t)label_col)
				*c = (struct sink_cell){ .s = label };
			else if (sink_total_value(k, i, sums, &c->i))
				c->null = 0;
		}
		if (k->o.format != SINK_CALLBACK)
			rc = text_row(k, total ? SINK_LINE_TOTAL : SINK_LINE_SUB,
			    k->tcells, label_col, label, e);
		else
			rc = callback(k, total ? SINK_ROW_TOTAL : SINK_ROW_SUBTOTAL,
			    k->tcells, e);
	}
	if (!total) {
		memset(k->gsum, 0, k->ncols * sizeof *k->gsum);
		k->grows = 0;
	}
	return rc;
}

/* A subtotal row over the rows since the last one. */
int
sink_subtotal(struct sink *k, int label_col, const char *label,
    struct wy_err *e)
{
	return total_row(k, 0, label_col, label, e);
}

/* A total row over every row of the table. */
int
sink_total(struct sink *k, int label_col, const char *label,
    struct wy_err *e)
{
	return total_row(k, 1, label_col, label, e);
}

/* Check a chart and put it beside the table (.xlsx only). */
int
sink_chart(struct sink *k, const struct sink_chart *c, struct wy_err *e)
{
	size_t i;

	if (k->stopped)
		return k->stopped;
	if (c == NULL || (unsigned)c->type > SINK_CHART_PIE)
		return wy_fail(e, WY_EINVALID, _("chart: unknown type"));
	if (c->category < 0 || (size_t)c->category >= k->ncols)
		return wy_fail(e, WY_EINVALID,
		    _("chart: category column %d: the table has %zu columns"),
		    c->category, k->ncols);
	if (c->nvalues == 0 || c->values == NULL)
		return wy_fail(e, WY_EINVALID, _("chart: no value columns"));
	for (i = 0; i < c->nvalues; i++)
		if (c->values[i] < 0 || (size_t)c->values[i] >= k->ncols ||
		    !is_number(k->cols[c->values[i]].kind))
			return wy_fail(e, WY_EINVALID,
			    _("chart: value column %d is not a number column of the table"),
			    c->values[i]);
	if (k->o.format != SINK_XLSX)
		return WY_OK;
	return sink_xlsx_chart(k, c, e);
}

/* Finish the table and start another in the same output. */
int
sink_next(struct sink *k, const struct sink_opts *o,
    const struct sink_col *cols, size_t ncols, struct wy_err *e)
{
	int rc;

	if (k->stopped)
		return k->stopped;
	if ((rc = check_cols(cols, ncols, e)) != WY_OK)
		return rc;
	if (k->o.format == SINK_TEXT)
		text_flush(k);
	else if (k->o.format == SINK_XLSX)
		sink_xlsx_end_sheet(k);
	k->o.title = o->title;
	k->o.sheet = o->sheet;
	k->o.params = o->params;
	set_cols(k, cols, ncols);
	k->tables++;
	if (k->o.format == SINK_XLSX)
		return sink_xlsx_start_sheet(k, e);
	table_start(k);
	return check_write(k, e);
}

/* Finish, and move the file into place or throw it away. */
int
sink_close(struct sink **kp, int keep, struct wy_err *e)
{
	struct sink *k = *kp;
	int rc = WY_OK;

	if (k == NULL)
		return WY_OK;
	if (k->o.format == SINK_TEXT && keep && k->f != NULL)
		text_flush(k);
	text_free(k);
	if (k->wb != NULL)
		rc = sink_xlsx_close(k, keep, e);
	if (k->f != NULL && k->f != stdout) {
		if ((fflush(k->f) != 0 || ferror(k->f) ||
		    fsync(fileno(k->f)) != 0) && keep && rc == WY_OK)
			rc = wy_fail(e, WY_EFAIL, _("%s: cannot write: %s"), k->path,
			    strerror(errno));
		fclose(k->f);
	} else if (k->f == stdout) {
		if ((fflush(stdout) != 0 || ferror(stdout)) && keep && rc == WY_OK)
			rc = wy_fail(e, WY_EFAIL, _("%s: cannot write: %s"), "stdout",
			    strerror(errno));
	}
	if (k->tmp != NULL) {
		if (keep && rc == WY_OK && rename(k->tmp, k->path) != 0)
			rc = wy_fail(e, WY_EFAIL, _("%s: cannot write: %s"), k->path,
			    strerror(errno));
		if (!keep || rc != WY_OK)
			unlink(k->tmp);
	}
	free(k->tmp);
	free(k->path);
	free_table(k);
	free(k);
	*kp = NULL;
	return rc;
}
