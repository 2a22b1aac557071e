/* wuye: table output in CSV, TSV, .xlsx (libxlsxwriter, constant-memory
 * mode: memory stays flat however many rows) and plain text.  One format
 * object per column kind is made once, never per cell. */
#include "wuye/sink.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>
#include <xlsxwriter.h>

#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/money.h"
#include "wuye/utf8.h"

struct sink {
	struct sink_opts o;
	struct sink_col *cols;
	size_t ncols;
	int *widths;		/* widest display width seen per column */
	char *path;		/* target file, or NULL for stdout */
	char *tmp;		/* temporary file written */
	FILE *f;		/* CSV, TSV, text */
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *fmt_head, *fmt_title, *fmt_money, *fmt_int, *fmt_date;
	lxw_format *fmt_fixed[7], *fmt_pct[7];
	lxw_row_t row;		/* next xlsx row */
};

/* 10^n as a double, for the spreadsheet boundary only. */
static double
pow10i(int n)
{
	double p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

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

/* Text of a numeric cell (CSV, TSV, text). */
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

static void
write_csv_cell(FILE *f, const char *s)
{
	if (strpbrk(s, ",\"\r\n") != NULL || (*s != '\0' &&
	    (s[0] == ' ' || s[strlen(s) - 1] == ' ')))
		csv_fwrite(f, s, strlen(s));
	else
		fputs(s, f);
}

static void
write_tsv_cell(FILE *f, const char *s)
{
	for (; *s != '\0'; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

/* Write one line of cells in CSV or TSV. */
static void
write_delimited(struct sink *k, const char *const *texts)
{
	size_t i;

	for (i = 0; i < k->ncols; i++) {
		if (i > 0)
			fputc(k->o.format == SINK_CSV ? ',' : '\t', k->f);
		if (k->o.format == SINK_CSV)
			write_csv_cell(k->f, texts[i]);
		else
			write_tsv_cell(k->f, texts[i]);
	}
	fputs(k->o.format == SINK_CSV ? "\r\n" : "\n", k->f);
}

static void
write_text_line(struct sink *k, const char *const *texts)
{
	char buf[1024];
	size_t i;
	int right;

	for (i = 0; i < k->ncols; i++) {
		right = k->cols[i].kind != SINK_COL_TEXT &&
		    k->cols[i].kind != SINK_COL_DATE;
		fputs(utf8_fit(texts[i], k->widths[i], right, buf, sizeof buf), k->f);
		fputs(i + 1 < k->ncols ? "  " : "\n", k->f);
	}
}

static int
xlsx_fail(struct sink *k, lxw_error err, struct wy_err *e)
{
	return wy_fail(e, WY_EFAIL, "%s: %s", k->path, lxw_strerror(err));
}

static lxw_format *
new_format(lxw_workbook *wb, const char *num, int bold)
{
	lxw_format *f = workbook_add_format(wb);

	if (num != NULL)
		format_set_num_format(f, num);
	if (bold)
		format_set_bold(f);
	return f;
}

static int
xlsx_open(struct sink *k, struct wy_err *e)
{
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE };
	static const char *const fixed[] = { "0", "0.0", "0.00", "0.000",
	    "0.0000", "0.00000", "0.000000" };
	static const char *const pct[] = { "0%", "0.0%", "0.00%", "0.000%",
	    "0.0000%", "0.00000%", "0.000000%" };
	lxw_error err;
	size_t i;
	int j;

	if ((k->wb = workbook_new_opt(k->tmp, &opt)) == NULL)
		return wy_fail(e, WY_EFAIL, _("%s: cannot create the workbook"), k->path);
	if ((k->ws = workbook_add_worksheet(k->wb, k->o.sheet)) == NULL)
		return wy_fail(e, WY_EINVALID, _("%s: bad sheet name '%s'"), k->path,
		    k->o.sheet);
	k->fmt_head = new_format(k->wb, NULL, 1);
	format_set_bottom(k->fmt_head, LXW_BORDER_THIN);
	k->fmt_title = new_format(k->wb, NULL, 1);
	format_set_font_size(k->fmt_title, 14);
	k->fmt_money = new_format(k->wb, "#,##0.00", 0);
	k->fmt_int = new_format(k->wb, "0", 0);
	k->fmt_date = new_format(k->wb, "yyyy-mm-dd", 0);
	for (j = 0; j < 7; j++) {
		k->fmt_fixed[j] = new_format(k->wb, fixed[j], 0);
		k->fmt_pct[j] = new_format(k->wb, pct[j], 0);
	}
	if (k->o.title != NULL) {
		err = worksheet_write_string(k->ws, k->row, 0, k->o.title, k->fmt_title);
		if (err != LXW_NO_ERROR)
			return xlsx_fail(k, err, e);
		k->row += 2;
	}
	for (i = 0; i < k->ncols; i++) {
		err = worksheet_write_string(k->ws, k->row, (lxw_col_t)i,
		    k->cols[i].title, k->fmt_head);
		if (err != LXW_NO_ERROR)
			return xlsx_fail(k, err, e);
	}
	worksheet_freeze_panes(k->ws, k->row + 1, 0);
	k->row++;
	return WY_OK;
}

static int
xlsx_row(struct sink *k, const struct sink_cell *cells, struct wy_err *e)
{
	const struct sink_col *c;
	const struct sink_cell *v;
	lxw_datetime dt = { 0 };
	lxw_error err = LXW_NO_ERROR;
	int scale;
	size_t i;

	for (i = 0; i < k->ncols && err == LXW_NO_ERROR; i++) {
		c = &k->cols[i];
		v = &cells[i];
		scale = c->scale < 0 ? 0 : c->scale > 6 ? 6 : c->scale;
		if (v->null)
			continue;
		switch (c->kind) {
		case SINK_COL_INT:
			err = worksheet_write_number(k->ws, k->row, (lxw_col_t)i,
			    (double)v->i, k->fmt_int);
			break;
		case SINK_COL_MONEY:	/* fen to yuan: the one boundary */
			err = worksheet_write_number(k->ws, k->row, (lxw_col_t)i,
			    (double)v->i / 100.0, k->fmt_money);
			break;
		case SINK_COL_FIXED:
			err = worksheet_write_number(k->ws, k->row, (lxw_col_t)i,
			    (double)v->i / pow10i(scale), k->fmt_fixed[scale]);
			break;
		case SINK_COL_PERCENT:
			err = worksheet_write_number(k->ws, k->row, (lxw_col_t)i,
			    (double)v->i / pow10i(scale) / 100.0, k->fmt_pct[scale]);
			break;
		case SINK_COL_DATE:
			if (v->s != NULL && sscanf(v->s, "%4d-%2d-%2d", &dt.year,
			    &dt.month, &dt.day) == 3) {
				err = worksheet_write_datetime(k->ws, k->row,
				    (lxw_col_t)i, &dt, k->fmt_date);
				break;
			}
			/* FALLTHROUGH */
		case SINK_COL_TEXT:
			if (v->s != NULL && *v->s != '\0')
				err = worksheet_write_string(k->ws, k->row,
				    (lxw_col_t)i, v->s, NULL);
			break;
		}
	}
	k->row++;
	return err == LXW_NO_ERROR ? WY_OK : xlsx_fail(k, err, e);
}

int
sink_open(const struct sink_opts *o, const struct sink_col *cols,
    size_t ncols, struct sink **out, struct wy_err *e)
{
	const char *texts[256];
	struct sink *k;
	size_t i;
	int fd, rc = WY_OK;
	mode_t mask;

	*out = NULL;
	if (ncols == 0 || ncols > 256)
		return wy_fail(e, WY_EINVALID, _("a table needs 1 to 256 columns"));
	k = xcalloc(1, sizeof *k);
	k->cols = xcalloc(ncols, sizeof *k->cols);
	k->widths = xcalloc(ncols, sizeof *k->widths);
	k->o = *o;
	k->ncols = ncols;
	memcpy(k->cols, cols, ncols * sizeof *cols);
	for (i = 0; i < ncols; i++) {
		k->widths[i] = utf8_width(cols[i].title);
		if (cols[i].width > k->widths[i])
			k->widths[i] = cols[i].width;
	}
	if (o->path != NULL && strcmp(o->path, "-") != 0) {
		k->path = xstrdup(o->path);
		k->tmp = xasprintf("%s.tmp-XXXXXX", o->path);
		if ((fd = mkstemp(k->tmp)) < 0) {
			rc = wy_fail(e, WY_EFAIL, _("%s: cannot write: %s"), o->path,
			    strerror(errno));
			free(k->tmp);
			k->tmp = NULL;
			sink_close(&k, 0, NULL);
			return rc;
		}
		mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);	/* mkstemp made it private */
		if (o->format == SINK_XLSX)
			close(fd);
		else if ((k->f = fdopen(fd, "w")) == NULL)
			abort();
	} else if (o->format == SINK_XLSX) {
		sink_close(&k, 0, NULL);
		return wy_fail(e, WY_EUSAGE, _("an .xlsx file needs an output file name (-o FILE)"));
	} else
		k->f = stdout;

	switch (o->format) {
	case SINK_XLSX:
		rc = xlsx_open(k, e);
		break;
	case SINK_CSV:
	case SINK_TSV:
		if (o->format == SINK_CSV && o->bom)
			fputs("\xef\xbb\xbf", k->f);
		for (i = 0; i < ncols; i++)
			texts[i] = cols[i].title;
		write_delimited(k, texts);
		break;
	case SINK_TEXT:
		if (o->title != NULL)
			fprintf(k->f, "%s\n\n", o->title);
		for (i = 0; i < ncols; i++)
			texts[i] = cols[i].title;
		write_text_line(k, texts);
		break;
	case SINK_CALLBACK:	/* STUB: the sink helper builds this */
		break;
	}
	if (rc != WY_OK) {
		sink_close(&k, 0, NULL);
		return rc;
	}
	*out = k;
	return WY_OK;
}

int
sink_row(struct sink *k, const struct sink_cell *cells, struct wy_err *e)
{
	char bufs[256][MONEY_BUFSIZE];
	const char *texts[256];
	size_t i;
	int w;

	for (i = 0; i < k->ncols; i++) {
		texts[i] = cell_text(&k->cols[i], &cells[i], bufs[i], sizeof bufs[i]);
		if (k->o.format == SINK_XLSX && (w = utf8_width(texts[i])) > k->widths[i])
			k->widths[i] = w > 60 ? 60 : w;
	}
	switch (k->o.format) {
	case SINK_XLSX:
		return xlsx_row(k, cells, e);
	case SINK_CSV:
	case SINK_TSV:
		write_delimited(k, texts);
		break;
	case SINK_TEXT:
		write_text_line(k, texts);
		break;
	case SINK_CALLBACK:	/* STUB: the sink helper builds this */
		return WY_OK;
	}
	if (ferror(k->f))
		return wy_fail(e, WY_EFAIL, _("%s: cannot write: %s"),
		    k->path ? k->path : "stdout", strerror(errno));
	return WY_OK;
}

int
sink_close(struct sink **kp, int keep, struct wy_err *e)
{
	struct sink *k = *kp;
	lxw_error err;
	size_t i;
	int rc = WY_OK;

	if (k == NULL)
		return WY_OK;
	if (k->wb != NULL) {
		for (i = 0; i < k->ncols; i++)
			worksheet_set_column(k->ws, (lxw_col_t)i, (lxw_col_t)i,
			    k->widths[i] + 2, NULL);
		if ((err = workbook_close(k->wb)) != LXW_NO_ERROR && keep)
			rc = xlsx_fail(k, err, e);
	}
	if (k->f != NULL && k->f != stdout) {
		if ((fflush(k->f) != 0 || fsync(fileno(k->f)) != 0) && keep)
			rc = wy_fail(e, WY_EFAIL, _("%s: cannot write: %s"), k->path,
			    strerror(errno));
		fclose(k->f);
	} else if (k->f == stdout)
		fflush(stdout);
	if (k->tmp != NULL) {
		if (keep && rc == WY_OK && rename(k->tmp, k->path) != 0)
			rc = wy_fail(e, WY_EFAIL, _("%s: cannot write: %s"), k->path,
			    strerror(errno));
		if (!keep || rc != WY_OK)
			unlink(k->tmp);
	}
	free(k->tmp);
	free(k->path);
	free(k->cols);
	free(k->widths);
	free(k);
	*kp = NULL;
	return rc;
}

/* STUB (helper sink owns this): a subtotal row. */
int
sink_subtotal(struct sink *k, int label_col, const char *label,
    struct wy_err *e)
{
	(void)k; (void)label_col; (void)label;
	return wy_fail(e, WY_EFAIL, "sink_subtotal: not built yet");
}

/* STUB: a total row. */
int
sink_total(struct sink *k, int label_col, const char *label,
    struct wy_err *e)
{
	(void)k; (void)label_col; (void)label;
	return wy_fail(e, WY_EFAIL, "sink_total: not built yet");
}

/* STUB: a chart. */
int
sink_chart(struct sink *k, const struct sink_chart *c, struct wy_err *e)
{
	(void)k; (void)c;
	return wy_fail(e, WY_EFAIL, "sink_chart: not built yet");
}

/* STUB: another table. */
int
sink_next(struct sink *k, const struct sink_opts *o,
    const struct sink_col *cols, size_t ncols, struct wy_err *e)
{
	(void)k; (void)o; (void)cols; (void)ncols;
	return wy_fail(e, WY_EFAIL, "sink_next: not built yet");
}
