/* wuye: the .xlsx sink, through libxlsxwriter in constant-memory mode (one
 * row in memory, however many rows).  A sheet is title, parameters, a
 * frozen header row, the rows, and subtotal and total rows as formulas
 * (SUBTOTAL(9,range), so that a grand total skips the subtotals inside it)
 * with the values sink.c computed cached in the file, for readers without a
 * calculation engine.  Column widths are the widest display width seen
 * (CJK counts 2), set when the sheet is finished: libxlsxwriter writes the
 * column list at workbook_close(), so this works in constant-memory mode
 * after the rows, as does inserting a chart.  Number formats are made once
 * per kind and scale, never per cell. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/sink_int.h"
#include "wuye/utf8.h"

#define CHART_ROWS 16		/* rows between charts stacked beside a table */
#define CHART_REF_MAX 1000	/* longest series reference of data rows only */

/* Bytes of the UTF-8 character at s (1 for an invalid byte). */
static size_t
char_len(const char *s)
{
	unsigned char b = (unsigned char)*s;
	size_t n = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
	size_t i;

	for (i = 1; i < n; i++)
		if (s[i] == '\0')
			return 1;
	return n > 1 && !utf8_valid(s, n) ? 1 : n;
}

/* Cut s after max characters. */
static void
cut_chars(char *s, size_t max)
{
	size_t o = 0, n = 0;

	while (s[o] != '\0' && n < max) {
		o += char_len(s + o);
		n++;
	}
	s[o] = '\0';
}

/* 1 if name is taken (sheet names compare without case). */
static int
sheet_used(const char *name, char *const *used, size_t nused)
{
	size_t i;

	if (strcasecmp(name, "History") == 0)	/* reserved by Excel */
		return 1;
	for (i = 0; i < nused; i++)
		if (strcasecmp(name, used[i]) == 0)
			return 1;
	return 0;
}

/* A valid sheet name not used yet. */
char *
sink_sheet_name(const char *name, char *const *used, size_t nused, int n)
{
	char *base, *cand, suffix[24];
	size_t i, o = 0, len, start, end;
	int dup;

	base = xmalloc(name != NULL ? 3 * strlen(name) + 1 : 1);
	for (i = 0; name != NULL && name[i] != '\0'; i += len) {
		len = char_len(name + i);
		if (len == 1 && ((unsigned char)name[i] < 0x20 ||
		    (unsigned char)name[i] >= 0x7f || strchr("[]:*?/\\", name[i])))
			base[o++] = '_';
		else if (name[i] == '\'') {
			/* libxlsxwriter 1.1.4 cannot find a sheet named with
			 * an apostrophe from a chart: the typographic one. */
			memcpy(base + o, "\u2019", strlen("\u2019"));
			o += strlen("\u2019");
		} else {
			memcpy(base + o, name + i, len);
			o += len;
		}
	}
	base[o] = '\0';
	for (start = 0; base[start] == ' '; start++)
		;
	for (end = o; end > start && base[end - 1] == ' '; end--)
		;
	memmove(base, base + start, end - start);
	base[end - start] = '\0';
	if (*base == '\0') {
		free(base);
		base = xasprintf("Sheet%d", n);
	}
	cut_chars(base, SINK_SHEET_MAX);
	cand = xstrdup(base);
	for (dup = 2; sheet_used(cand, used, nused); dup++) {
		free(cand);
		snprintf(suffix, sizeof suffix, " (%d)", dup);
		cut_chars(base, SINK_SHEET_MAX - strlen(suffix));
		cand = xasprintf("%s%s", base, suffix);
	}
	free(base);
	return cand;
}

/* An error of libxlsxwriter. */
static int
xlsx_fail(struct sink *k, lxw_error err, struct wy_err *e)
{
	return wy_fail(e, WY_EFAIL, "%s: %s", k->path, lxw_strerror(err));
}

/* The format of a column's kind and scale, plain or bold (totals). */
static lxw_format *
num_format(struct sink *k, int bold, const struct sink_col *c)
{
	static const char *const fixed[] = { "0", "0.0", "0.00", "0.000",
	    "0.0000", "0.00000", "0.000000" };
	static const char *const pct[] = { "0%", "0.0%", "0.00%", "0.000%",
	    "0.0000%", "0.00000%", "0.000000%" };
	int scale = c->kind == SINK_COL_FIXED || c->kind == SINK_COL_PERCENT ?
	    c->scale : 0;
	lxw_format **f = &k->fmt_num[bold][c->kind][scale];

	if (*f != NULL || (c->kind == SINK_COL_TEXT && !bold))
		return *f;
	*f = workbook_add_format(k->wb);
	switch (c->kind) {
	case SINK_COL_INT:
		format_set_num_format(*f, "0");
		break;
	case SINK_COL_MONEY:
		format_set_num_format(*f, "#,##0.00");
		break;
	case SINK_COL_FIXED:
		format_set_num_format(*f, fixed[scale]);
		break;
	case SINK_COL_PERCENT:
		format_set_num_format(*f, pct[scale]);
		break;
	case SINK_COL_DATE:
		format_set_num_format(*f, "yyyy-mm-dd");
		break;
	default:
		break;
	}
	if (bold)
		format_set_bold(*f);
	return *f;
}

/* 10^n as a double, for the spreadsheet boundary only. */
static double
pow10i(int n)
{
	double p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

/* The spreadsheet number of a scaled integer: the one place where money
 * becomes yuan, and a percent a fraction (9512 at scale 2 is 0.9512). */
static double
cell_number(const struct sink_col *c, int64_t v)
{
	switch (c->kind) {
	case SINK_COL_MONEY:
		return (double)v / 100.0;
	case SINK_COL_FIXED:
		return (double)v / pow10i(c->scale);
	case SINK_COL_PERCENT:
		return (double)v / (pow10i(c->scale) * 100.0);
	default:
		return (double)v;
	}
}

/* Display width of |v| in a column's number format (without a sign). */
static int
num_width(const struct sink_col *c, uint64_t u)
{
	int digits = 1, ip;

	for (; u >= 10; u /= 10)
		digits++;
	switch (c->kind) {
	case SINK_COL_MONEY:
		ip = digits > 2 ? digits - 2 : 1;
		return ip + (ip - 1) / 3 + 3;
	case SINK_COL_FIXED:
	case SINK_COL_PERCENT:
		ip = digits > c->scale ? digits - c->scale : 1;
		return ip + (c->scale > 0 ? c->scale + 1 : 0) +
		    (c->kind == SINK_COL_PERCENT);
	default:
		return digits;
	}
}

/* Remember the magnitude of a number for the column's width. */
static void
see_number(struct sink *k, size_t i, int64_t v)
{
	uint64_t u;

	if (v < 0) {
		u = -(uint64_t)v;
		if (u > k->maxneg[i])
			k->maxneg[i] = u;
	} else if ((uint64_t)v > k->maxpos[i])
		k->maxpos[i] = (uint64_t)v;
}

/* Remember the width of a text. */
static void
see_text(struct sink *k, size_t i, const char *s)
{
	int w;

	/* The display width is at most the length in bytes. */
	if ((int)strlen(s) <= k->widths[i] || k->widths[i] >= SINK_XLSX_WIDTH_MAX)
		return;
	if ((w = utf8_width(s)) > k->widths[i])
		k->widths[i] = w > SINK_XLSX_WIDTH_MAX ? SINK_XLSX_WIDTH_MAX : w;
}

/* "YYYY-MM-DD" as a date; 0 if s is not one. */
static int
parse_date(const char *s, lxw_datetime *dt)
{
	static const int at[] = { 0, 1, 2, 3, 5, 6, 8, 9 };
	int d[8];
	size_t i;

	if (s == NULL || s[4] != '-' || s[7] != '-' || s[10] != '\0')
		return 0;
	for (i = 0; i < 8; i++) {
		if (s[at[i]] < '0' || s[at[i]] > '9')
			return 0;
		d[i] = s[at[i]] - '0';
	}
	*dt = (lxw_datetime){
		.year = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3],
		.month = d[4] * 10 + d[5],
		.day = d[6] * 10 + d[7],
	};
	return dt->month >= 1 && dt->month <= 12 && dt->day >= 1 && dt->day <= 31;
}

/* Start a sheet: title, parameters, header, frozen panes. */
int
sink_xlsx_start_sheet(struct sink *k, struct wy_err *e)
{
	const char *const *p;
	lxw_error err = LXW_NO_ERROR;
	char *name;
	size_t i;

	name = sink_sheet_name(k->o.sheet, k->sheets, k->nsheets,
	    (int)k->nsheets + 1);
	k->sheets = xrealloc(k->sheets, (k->nsheets + 1) * sizeof *k->sheets);
	k->sheets[k->nsheets++] = name;
	k->sheet = name;
	if ((k->ws = workbook_add_worksheet(k->wb, name)) == NULL)
		return wy_fail(e, WY_EFAIL, _("%s: cannot add the sheet '%s'"),
		    k->path, name);
	k->row = 0;
	k->nspans = 0;
	k->charts = 0;
	if (k->o.title != NULL)
		err = worksheet_write_string(k->ws, k->row++, 0, k->o.title,
		    k->fmt_title);
	for (p = k->o.params; p != NULL && *p != NULL && err == LXW_NO_ERROR; p++)
		err = worksheet_write_string(k->ws, k->row++, 0, *p, k->fmt_param);
	if (k->row > 0)
		k->row++;
	k->head = k->row;
	for (i = 0; i < k->ncols && err == LXW_NO_ERROR; i++)
		err = worksheet_write_string(k->ws, k->row, (lxw_col_t)i,
		    k->cols[i].title, k->fmt_head);
	if (err != LXW_NO_ERROR)
		return xlsx_fail(k, err, e);
	worksheet_freeze_panes(k->ws, k->head + 1, 0);
	k->row++;
	k->gfirst = k->tfirst = k->row;
	return WY_OK;
}

/* Create the workbook, its fixed formats and the first sheet. */
int
sink_xlsx_open(struct sink *k, struct wy_err *e)
{
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE };

	if ((k->wb = workbook_new_opt(k->tmp, &opt)) == NULL)
		return wy_fail(e, WY_EFAIL, _("%s: cannot create the workbook"),
		    k->path);
	k->fmt_head = workbook_add_format(k->wb);
	format_set_bold(k->fmt_head);
	format_set_bottom(k->fmt_head, LXW_BORDER_THIN);
	k->fmt_title = workbook_add_format(k->wb);
	format_set_bold(k->fmt_title);
	format_set_font_size(k->fmt_title, 14);
	k->fmt_param = workbook_add_format(k->wb);
	format_set_italic(k->fmt_param);
	k->fmt_label = workbook_add_format(k->wb);
	format_set_bold(k->fmt_label);
	return sink_xlsx_start_sheet(k, e);
}

/* Count row r as a data row (for charts). */
static void
add_span(struct sink *k, lxw_row_t r)
{
	if (k->nspans > 0 && k->spans[k->nspans - 1].last + 1 == r) {
		k->spans[k->nspans - 1].last = r;
		return;
	}
	if (k->nspans == k->spancap) {
		k->spancap = k->spancap ? 2 * k->spancap : 16;
		k->spans = xrealloc(k->spans, k->spancap * sizeof *k->spans);
	}
	k->spans[k->nspans++] = (struct sink_span){ r, r };
}

/* Write a data row of numbers, dates and text. */
int
sink_xlsx_row(struct sink *k, const struct sink_cell *cells, struct wy_err *e)
{
	const struct sink_col *c;
	const struct sink_cell *v;
	lxw_datetime dt;
	lxw_error err = LXW_NO_ERROR;
	lxw_col_t col;
	size_t i;

	for (i = 0; i < k->ncols && err == LXW_NO_ERROR; i++) {
		c = &k->cols[i];
		v = &cells[i];
		col = (lxw_col_t)i;
		if (v->null)
			continue;
		switch (c->kind) {
		case SINK_COL_INT:
		case SINK_COL_MONEY:
		case SINK_COL_FIXED:
		case SINK_COL_PERCENT:
			see_number(k, i, v->i);
			err = worksheet_write_number(k->ws, k->row, col,
			    cell_number(c, v->i), num_format(k, 0, c));
			break;
		case SINK_COL_DATE:
			if (parse_date(v->s, &dt)) {
				err = worksheet_write_datetime(k->ws, k->row, col,
				    &dt, num_format(k, 0, c));
				break;
			}
			/* FALLTHROUGH */
		case SINK_COL_TEXT:
			if (v->s != NULL && *v->s != '\0') {
				see_text(k, i, v->s);
				err = worksheet_write_string(k->ws, k->row, col,
				    v->s, NULL);
			}
			break;
		}
	}
	if (err != LXW_NO_ERROR)
		return xlsx_fail(k, err, e);
	add_span(k, k->row++);
	return WY_OK;
}

/* The formula text of a column's sum over rows [first, last] of a
 * subtotal or total row; "0" when there are none. */
static void
sum_formula(lxw_col_t col, lxw_row_t first, lxw_row_t last, char *buf,
    size_t size)
{
	char range[2 * LXW_MAX_CELL_RANGE_LENGTH];

	if (first > last) {
		snprintf(buf, size, "0");
		return;
	}
	lxw_rowcol_to_range(range, first, col, last, col);
	snprintf(buf, size, "SUBTOTAL(9,%s)", range);
}

/* Write a ratio cell: IF(den=0,"",num/den) over the row's sums (or the
 * ranges' when the row does not show them), with the value cached. */
static lxw_error
write_ratio(struct sink *k, size_t i, int label_col, lxw_row_t first,
    lxw_row_t last, const int64_t *sums)
{
	const struct sink_col *c = &k->cols[i];
	char num[96], den[96], formula[320];
	lxw_format *f = num_format(k, 1, c);
	int64_t v;

	if (k->cols[c->num].total == SINK_TOTAL_SUM && c->num != label_col)
		lxw_rowcol_to_cell(num, k->row, (lxw_col_t)c->num);
	else
		sum_formula((lxw_col_t)c->num, first, last, num, sizeof num);
	if (k->cols[c->den].total == SINK_TOTAL_SUM && c->den != label_col)
		lxw_rowcol_to_cell(den, k->row, (lxw_col_t)c->den);
	else
		sum_formula((lxw_col_t)c->den, first, last, den, sizeof den);
	snprintf(formula, sizeof formula, "=IF(%s=0,\"\",%s/%s)", den, num, den);
	if (!sink_total_value(k, i, sums, &v))
		return worksheet_write_formula_str(k->ws, k->row, (lxw_col_t)i,
		    formula, f, "");
	see_number(k, i, v);
	return worksheet_write_formula_num(k->ws, k->row, (lxw_col_t)i, formula,
	    f, cell_number(c, v));
}

/* Write a subtotal or total row of formulas with cached values. */
int
sink_xlsx_total(struct sink *k, int total, int label_col, const char *label,
    struct wy_err *e)
{
	const int64_t *sums = total ? k->tsum : k->gsum;
	lxw_row_t first = total ? k->tfirst : k->gfirst, last = k->row - 1;
	lxw_error err = LXW_NO_ERROR;
	char formula[2 * LXW_MAX_CELL_RANGE_LENGTH + 16];
	const struct sink_col *c;
	size_t i;
	int64_t v;

	if (k->row == first)	/* no rows: an empty range */
		last = first - 1;
	for (i = 0; i < k->ncols && err == LXW_NO_ERROR; i++) {
		c = &k->cols[i];
		if ((int)i == label_col) {
			if (*label != '\0') {
				see_text(k, i, label);
				err = worksheet_write_string(k->ws, k->row,
				    (lxw_col_t)i, label, k->fmt_label);
			}
		} else if (c->total == SINK_TOTAL_SUM) {
			sink_total_value(k, i, sums, &v);
			see_number(k, i, v);
			formula[0] = '=';
			sum_formula((lxw_col_t)i, first, last, formula + 1,
			    sizeof formula - 1);
			err = worksheet_write_formula_num(k->ws, k->row,
			    (lxw_col_t)i, formula, num_format(k, 1, c),
			    cell_number(c, v));
		} else if (c->total == SINK_TOTAL_RATIO)
			err = write_ratio(k, i, label_col, first, last, sums);
	}
	if (err != LXW_NO_ERROR)
		return xlsx_fail(k, err, e);
	k->row++;
	k->gfirst = k->row;
	return WY_OK;
}

/* Append the current sheet's name, quoted for a reference: 'It''s'. */
static void
put_sheet(FILE *s, struct sink *k)
{
	const char *p;

	fputc('\'', s);
	for (p = k->sheet; *p != '\0'; p++) {
		if (*p == '\'')
			fputc('\'', s);
		fputc(*p, s);
	}
	fputs("'!", s);
}

/* Append a reference to rows [first, last] of column col of the current
 * sheet: 'Sheet'!$B$5:$B$9. */
static void
put_range(FILE *s, struct sink *k, int col, lxw_row_t first, lxw_row_t last)
{
	char name[LXW_MAX_COL_NAME_LENGTH];

	lxw_col_to_name(name, (lxw_col_t)col, 0);
	put_sheet(s, k);
	fprintf(s, "$%s$%lu:$%s$%lu", name, (unsigned long)first + 1, name,
	    (unsigned long)last + 1);
}

/* "='Sheet'!$C$4": a reference to one cell of the current sheet.  The
 * caller frees it. */
static char *
cell_ref(struct sink *k, lxw_row_t row, int col)
{
	char name[LXW_MAX_COL_NAME_LENGTH], *buf = NULL;
	size_t len = 0;
	FILE *s;

	if ((s = open_memstream(&buf, &len)) == NULL)
		abort();
	lxw_col_to_name(name, (lxw_col_t)col, 0);
	fputc('=', s);
	put_sheet(s, k);
	fprintf(s, "$%s$%lu", name, (unsigned long)row + 1);
	fclose(s);
	return buf;
}

/* A reference to the data rows of column col: several ranges when
 * subtotal rows lie between them (one range over all when that would be
 * too long).  The caller frees it. */
static char *
data_ref(struct sink *k, int col)
{
	char *buf = NULL;
	size_t len = 0, i;
	FILE *s;

	if ((s = open_memstream(&buf, &len)) == NULL)
		abort();
	fputc('=', s);
	if (k->nspans == 1)
		put_range(s, k, col, k->spans[0].first, k->spans[0].last);
	else {
		fputc('(', s);
		for (i = 0; i < k->nspans; i++) {
			if (i > 0)
				fputc(',', s);
			put_range(s, k, col, k->spans[i].first, k->spans[i].last);
		}
		fputc(')', s);
	}
	fclose(s);
	if (len > CHART_REF_MAX) {
		free(buf);
		if ((s = open_memstream(&buf, &len)) == NULL)
			abort();
		fputc('=', s);
		put_range(s, k, col, k->spans[0].first,
		    k->spans[k->nspans - 1].last);
		fclose(s);
	}
	return buf;
}

/* Put a chart of the data rows to the right of the table. */
int
sink_xlsx_chart(struct sink *k, const struct sink_chart *c, struct wy_err *e)
{
	static const uint8_t types[] = {
		[SINK_CHART_COLUMN] = LXW_CHART_COLUMN,
		[SINK_CHART_BAR] = LXW_CHART_BAR,
		[SINK_CHART_LINE] = LXW_CHART_LINE,
		[SINK_CHART_PIE] = LXW_CHART_PIE,
	};
	lxw_chart_series *series;
	lxw_chart *chart;
	lxw_error err;
	char *cats, *vals, *name;
	size_t i, n;

	if (k->nspans == 0)	/* no data rows: nothing to draw */
		return WY_OK;
	if ((chart = workbook_add_chart(k->wb, types[c->type])) == NULL)
		return wy_fail(e, WY_EFAIL, _("%s: cannot add a chart"), k->path);
	cats = data_ref(k, c->category);
	n = c->type == SINK_CHART_PIE ? 1 : c->nvalues;
	for (i = 0; i < n; i++) {
		vals = data_ref(k, c->values[i]);
		series = chart_add_series(chart, cats, vals);
		free(vals);
		if (series == NULL) {
			free(cats);
			return wy_fail(e, WY_EFAIL, _("%s: cannot add a chart"),
			    k->path);
		}
		/* The series is named by its column's header cell. */
		name = cell_ref(k, k->head, c->values[i]);
		chart_series_set_name(series, name);
		free(name);
	}
	free(cats);
	if (c->title != NULL && *c->title != '\0')
		chart_title_set_name(chart, c->title);
	if (n == 1 && c->type != SINK_CHART_PIE)
		chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	err = worksheet_insert_chart(k->ws, k->head + (lxw_row_t)(CHART_ROWS *
	    k->charts), (lxw_col_t)(k->ncols + 1), chart);
	if (err != LXW_NO_ERROR)
		return xlsx_fail(k, err, e);
	k->charts++;
	return WY_OK;
}

/* Set the column widths of the finished sheet. */
void
sink_xlsx_end_sheet(struct sink *k)
{
	const struct sink_col *c;
	int w, wn;
	size_t i;

	if (k->ws == NULL)
		return;
	for (i = 0; i < k->ncols; i++) {
		c = &k->cols[i];
		w = k->widths[i];
		if (c->kind != SINK_COL_TEXT && c->kind != SINK_COL_DATE) {
			if ((wn = num_width(c, k->maxpos[i])) > w)
				w = wn;
			if (k->maxneg[i] > 0 && (wn = num_width(c, k->maxneg[i]) +
			    1) > w)
				w = wn;
		}
		if (w > SINK_XLSX_WIDTH_MAX)
			w = SINK_XLSX_WIDTH_MAX;
		worksheet_set_column(k->ws, (lxw_col_t)i, (lxw_col_t)i, w + 2,
		    NULL);
	}
	k->ws = NULL;
}

/* Write the workbook, sync it, free the .xlsx state. */
int
sink_xlsx_close(struct sink *k, int keep, struct wy_err *e)
{
	lxw_error err;
	size_t i;
	int rc = WY_OK, fd = -1;

	sink_xlsx_end_sheet(k);
	if ((err = workbook_close(k->wb)) != LXW_NO_ERROR && keep)
		rc = xlsx_fail(k, err, e);
	k->wb = NULL;
	/* On the disk before it is renamed into place, as CSV is. */
	if (keep && rc == WY_OK && ((fd = open(k->tmp, O_RDONLY)) < 0 ||
	    fsync(fd) != 0))
		rc = wy_fail(e, WY_EFAIL, _("%s: cannot write: %s"), k->path,
		    strerror(errno));
	if (fd >= 0)
		close(fd);
	for (i = 0; i < k->nsheets; i++)
		free(k->sheets[i]);
	free(k->sheets);
	free(k->spans);
	k->sheets = NULL;
	k->spans = NULL;
	return rc;
}
