/* wuye: pre-printed receipt forms (套打): the layout and the placing of
 * values on it (see receipt_tpl.h).
 *
 * The page is a grid of display cells, one row per printed line.  A cell
 * holds one character; the cell after a double-width character holds
 * nothing (it is that character's right half).  Writing over half of a
 * wide character blanks its other half, so a misplaced field can spoil a
 * neighbour's character but never the line's columns.
 */
#include "wuye/receipt_tpl.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <iniparser.h>

#include "wuye/conf.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/money.h"
#include "wuye/utf8.h"

#define FORM_MAXCOL 300		/* rightmost column a field may reach */

/* Where a field goes. */
struct form_place {
	int line, col, width;	/* line and column from 1 */
	char align;		/* '<', '>', '^' */
};

struct receipt_form {
	struct form_place field[RF_COUNT];	/* line 0: not printed */
	struct form_place column[RL_COUNT];	/* line unused; col 0: not printed */
	int first, rows;	/* the lines block: first line, rows */
	int length;		/* lines of a form, 0: as many as used */
};

/* One cell of the page: a character, "" for a wide one's right half. */
struct form_cell {
	char ch[5];
};

struct form_page {
	struct form_cell (*row)[FORM_MAXCOL + 2];
	int nrows;
};

/* Parse "N" in [lo, hi]; -1 if it is not. */
static int
form_num(const char *s, int lo, int hi)
{
	long v = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > 100000)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v >= lo && v <= hi ? (int)v : -1;
}

/* Parse "[LINE] COLUMN WIDTH [ALIGN]" (LINE when with_line) into p. */
static int
form_place_parse(const char *value, int with_line, struct form_place *p)
{
	char buf[128], *w[5], *save = NULL, *tok;
	int n = 0, need = with_line ? 3 : 2;

	snprintf(buf, sizeof buf, "%s", value);
	for (tok = strtok_r(buf, " \t", &save); tok != NULL && n < 5;
	    tok = strtok_r(NULL, " \t", &save))
		w[n++] = tok;
	if (n != need && n != need + 1)
		return -1;
	p->line = with_line ? form_num(w[0], 1, RECEIPT_FORM_MAXLINE) : 0;
	p->col = form_num(w[need - 2], 1, FORM_MAXCOL);
	p->width = form_num(w[need - 1], 1, RECEIPT_TPL_MAXWIDTH);
	if ((with_line && p->line < 0) || p->col < 0 || p->width < 0 ||
	    p->col + p->width - 1 > FORM_MAXCOL)
		return -1;
	p->align = '<';
	if (n == need + 1) {
		if (strcmp(w[need], "right") == 0)
			p->align = '>';
		else if (strcmp(w[need], "centre") == 0 ||
		    strcmp(w[need], "center") == 0)
			p->align = '^';
		else if (strcmp(w[need], "left") != 0)
			return -1;
	}
	return 0;
}

/* The index of the field (of a line when line) called name, or -1. */
static int
form_lookup(const char *name, int line)
{
	int i;

	for (i = 0; i < (line ? RL_COUNT : RF_COUNT); i++)
		if (strcmp(name, line ? receipt_line_field_name(i) :
		    receipt_field_name(i)) == 0)
			return i;
	return -1;
}

/* Read the keys of section sec of d into f. */
static int
form_section(dictionary *d, const char *name, const char *sec,
    struct receipt_form *f, struct wy_err *e)
{
	const char *keys[64], *key, *val;
	int nkeys, k, i, lines = strcmp(sec, "lines") == 0, v;

	nkeys = iniparser_getsecnkeys(d, sec);
	if (nkeys > (int)(sizeof keys / sizeof keys[0]))
		return wy_fail(e, WY_EINVALID, _("%s: [%s] has too many keys"),
		    name, sec);
	iniparser_getseckeys(d, sec, keys);
	for (k = 0; k < nkeys; k++) {
		key = strchr(keys[k], ':') + 1;
		val = iniparser_getstring(d, keys[k], "");
		if (strcmp(sec, "form") == 0) {
			if (strcmp(key, "length") != 0)
				return wy_fail(e, WY_EINVALID, _("%s: [form] "
				    "unknown key '%s' (only length)"), name, key);
			if ((f->length = form_num(val, 0,
			    RECEIPT_FORM_MAXLINE)) < 0)
				return wy_fail(e, WY_EINVALID, _("%s: [form] "
				    "length: '%s' is not a number of lines 0 to "
				    "%d"), name, val, RECEIPT_FORM_MAXLINE);
			continue;
		}
		if (lines && (strcmp(key, "first") == 0 ||
		    strcmp(key, "rows") == 0)) {
			if ((v = form_num(val, 1, RECEIPT_FORM_MAXLINE)) < 0)
				return wy_fail(e, WY_EINVALID, _("%s: [lines] "
				    "%s: '%s' is not a number 1 to %d"), name,
				    key, val, RECEIPT_FORM_MAXLINE);
			*(key[0] == 'f' ? &f->first : &f->rows) = v;
			continue;
		}
		if ((i = form_lookup(key, lines)) < 0)
			return wy_fail(e, WY_EINVALID, _("%s: [%s] unknown "
			    "field '%s'"), name, sec, key);
		if (form_place_parse(val, !lines, lines ? &f->column[i] :
		    &f->field[i]) != 0)
			return wy_fail(e, WY_EINVALID, lines ?
			    _("%s: [lines] %s: '%s' is not COLUMN WIDTH "
			    "[left|right|centre]") :
			    _("%s: [fields] %s: '%s' is not LINE COLUMN WIDTH "
			    "[left|right|centre]"), name, key, val);
	}
	return WY_OK;
}

int
receipt_form_parse(const char *name, const char *text, size_t len,
    struct receipt_form **out, struct wy_err *e)
{
	struct receipt_form *f;
	const char *sec;
	dictionary *d;
	int s, nsec, rc = WY_OK, i, cols = 0;

	*out = NULL;
	if ((d = conf_ini_read(name, (const unsigned char *)text, len,
	    e)) == NULL)
		return e->code;
	f = xcalloc(1, sizeof *f);
	nsec = iniparser_getnsec(d);
	for (s = 0; s < nsec && rc == WY_OK; s++) {
		sec = iniparser_getsecname(d, s);
		if (strcmp(sec, "fields") != 0 && strcmp(sec, "lines") != 0 &&
		    strcmp(sec, "form") != 0)
			rc = wy_fail(e, WY_EINVALID, _("%s: unknown section [%s] "
			    "(fields, lines or form)"), name, sec);
		else
			rc = form_section(d, name, sec, f, e);
	}
	iniparser_freedict(d);
	for (i = 0; i < RL_COUNT; i++)
		cols += f->column[i].col > 0;
	if (rc == WY_OK && cols > 0 && (f->first == 0 || f->rows == 0))
		rc = wy_fail(e, WY_EINVALID, _("%s: [lines] needs first and "
		    "rows"), name);
	if (rc == WY_OK && f->first + f->rows - 1 > RECEIPT_FORM_MAXLINE)
		rc = wy_fail(e, WY_EINVALID, _("%s: [lines] ends below line "
		    "%d"), name, RECEIPT_FORM_MAXLINE);
	if (rc != WY_OK) {
		free(f);
		return rc;
	}
	*out = f;
	return WY_OK;
}

void
receipt_form_free(struct receipt_form **fp)
{
	free(*fp);
	*fp = NULL;
}

/* Blank the half of a wide character that cell c of r leaves behind. */
static void
form_unsplit(struct form_cell *r, int c)
{
	if (r[c].ch[0] == '\0' && c > 1)
		strcpy(r[c - 1].ch, " ");	/* c was a right half */
	if (c + 1 <= FORM_MAXCOL && r[c + 1].ch[0] == '\0')
		strcpy(r[c + 1].ch, " ");	/* c was a left half */
}

/* Make the page at least n rows long. */
static void
form_rows(struct form_page *pg, int n)
{
	int c;

	while (pg->nrows < n) {
		pg->row = xrealloc(pg->row, (size_t)(pg->nrows + 1) *
		    sizeof *pg->row);
		for (c = 0; c < FORM_MAXCOL + 2; c++)
			strcpy(pg->row[pg->nrows][c].ch, " ");
		pg->nrows++;
	}
}

/* Write v at line, col (from 1) in width columns aligned as align. */
static void
form_write(struct form_page *pg, int line, int col, int width, char align,
    const char *v)
{
	char buf[4 * RECEIPT_TPL_MAXWIDTH + 1], one[5];
	struct form_cell *r;
	size_t i, n;
	int w, c;

	if (line < 1)
		line = 1;
	if (col < 1)
		col = 1;
	if (col + width - 1 > FORM_MAXCOL)
		width = FORM_MAXCOL - col + 1;
	if (width < 1)
		return;
	form_rows(pg, line);
	if (align == '^' && (w = utf8_width(v)) < width) {
		col += (width - w) / 2;
		width -= (width - w) / 2;
		align = '<';
	}
	utf8_fit(v, width, align == '>', buf, sizeof buf);
	r = pg->row[line - 1];
	for (i = 0, c = col; buf[i] != '\0' && c <= FORM_MAXCOL; i += n) {
		n = utf8_next(buf, i) - i;
		snprintf(one, sizeof one, "%.*s", (int)n, buf + i);
		w = utf8_width(one);
		form_unsplit(r, c);
		memcpy(r[c].ch, one, n + 1);
		if (w == 2) {
			form_unsplit(r, c + 1);
			r[c + 1].ch[0] = '\0';
		}
		c += w > 0 ? w : 1;
	}
}

/* The page as text, padded to length lines; frees the page. */
static char *
form_text(struct form_page *pg, int length)
{
	char *out, *p;
	size_t len;
	int y, c, end;

	form_rows(pg, length);
	out = p = xmalloc((size_t)pg->nrows * ((FORM_MAXCOL + 1) * 4 + 1) + 1);
	for (y = 0; y < pg->nrows; y++) {
		for (end = FORM_MAXCOL; end >= 1; end--)
			if (strcmp(pg->row[y][end].ch, " ") != 0)
				break;
		for (c = 1; c <= end; c++) {
			len = strlen(pg->row[y][c].ch);
			memcpy(p, pg->row[y][c].ch, len);
			p += len;
		}
		*p++ = '\n';
	}
	*p = '\0';
	free(pg->row);
	return out;
}

/* The sum of the amounts of lines from on, as money text in buf. */
static const char *
form_rest(const struct receipt_values *v, size_t from, char *buf,
    size_t size)
{
	int64_t sum = 0, a;

	for (; from < v->nlines; from++)
		if (money_parse(v->lines[from * RL_COUNT + RL_AMOUNT], &a,
		    NULL) == WY_OK)
			sum += a;
	return money_format(sum, buf, size);
}

char *
receipt_form_render(const struct receipt_form *f,
    const struct receipt_values *v, int dlines, int dcols)
{
	struct form_page pg = { 0 };
	const struct form_place *p;
	char rest[32], sum[MONEY_BUFSIZE];
	size_t row, n;
	int i;

	for (i = 0; i < RF_COUNT; i++) {
		p = &f->field[i];
		if (p->line > 0 && v->field[i] != NULL)
			form_write(&pg, p->line + dlines, p->col + dcols,
			    p->width, p->align, v->field[i]);
	}
	n = v->nlines <= (size_t)f->rows ? v->nlines : (size_t)f->rows;
	for (row = 0; row < n; row++) {
		if (row + 1 == (size_t)f->rows && v->nlines > (size_t)f->rows)
			break;
		for (i = 0; i < RL_COUNT; i++) {
			p = &f->column[i];
			if (p->col > 0)
				form_write(&pg, f->first + (int)row + dlines,
				    p->col + dcols, p->width, p->align,
				    v->lines[row * RL_COUNT + i]);
		}
	}
	if (row < v->nlines && f->rows > 0) {
		/* The rows left over, in one: "其余N项" and their sum. */
		snprintf(rest, sizeof rest, "其余%zu项", v->nlines - row);
		p = &f->column[RL_ITEM];
		if (p->col > 0)
			form_write(&pg, f->first + (int)row + dlines,
			    p->col + dcols, p->width, p->align, rest);
		p = &f->column[RL_AMOUNT];
		if (p->col > 0)
			form_write(&pg, f->first + (int)row + dlines,
			    p->col + dcols, p->width, p->align,
			    form_rest(v, row, sum, sizeof sum));
	}
	return form_text(&pg, f->length);
}

/* The mark of a place: name, dots, "|" at the last column. */
static void
form_mark(char *buf, size_t size, const char *name, int width)
{
	int i, n = (int)strlen(name);

	if ((size_t)width + 1 > size)
		width = (int)size - 1;
	for (i = 0; i < width; i++)
		buf[i] = i == width - 1 ? '|' : i < n ? name[i] : '.';
	buf[width] = '\0';
}

char *
receipt_form_pattern(const struct receipt_form *f, int dlines, int dcols)
{
	struct form_page pg = { 0 };
	const struct form_place *p;
	char buf[RECEIPT_TPL_MAXWIDTH + 1];
	int i, row;

	for (i = 0; i < RF_COUNT; i++) {
		p = &f->field[i];
		if (p->line == 0)
			continue;
		form_mark(buf, sizeof buf, receipt_field_name(i), p->width);
		form_write(&pg, p->line + dlines, p->col + dcols, p->width, '<',
		    buf);
	}
	for (row = 0; row < f->rows; row++)
		for (i = 0; i < RL_COUNT; i++) {
			p = &f->column[i];
			if (p->col == 0)
				continue;
			form_mark(buf, sizeof buf, receipt_line_field_name(i),
			    p->width);
			form_write(&pg, f->first + row + dlines, p->col + dcols,
			    p->width, '<', buf);
		}
	return form_text(&pg, f->length);
}
