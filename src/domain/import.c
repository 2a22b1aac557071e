/* wuye: CSV import, all or nothing.
 *
 * libcsv parses the file; it is fed one physical line at a time, so the
 * line where each record starts is known for the messages even when a
 * quoted cell spans lines.  Each record is parsed field by field with
 * field_parse(), checked with entity_check() and inserted at once, inside
 * one transaction: later rows then see earlier ones (a duplicate code within
 * the file is caught like one already in the database).  At the first
 * problem the transaction is doomed; checking goes on to report more, and
 * the end rolls back.
 *
 * A row with fewer cells than the header has the missing trailing cells
 * empty; one with more is an error.  A NUL byte in a cell, which would
 * cut the C string short, is refused like any other control character.
 */
#include "wuye/import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "wuye/audit.h"
#include "wuye/auth.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"

struct import {
	struct session *s;
	const struct entity *ent;
	const struct import_opts *o;
	const char *name;	/* file name for messages */
	long line;		/* physical line being fed */
	long row_line;		/* line where the current record started */
	char **cells;		/* cells of the current record */
	size_t ncells, cap;
	int nul_col;		/* first cell (1-based) with a NUL byte, or 0 */
	int *map;		/* column -> field index, -1 unknown */
	size_t ncols;		/* columns in the header */
	int header_done;
	long rows;		/* records imported */
	long warned;		/* ... of which despite a warning */
	long errors;
	int stop;		/* too many errors or a fatal one */
	struct wy_err first;	/* the first problem */
	struct value *values;
};

/* Report a problem of status code at the current record, in column col
 * (1-based) or in the record as a whole (col 0). */
static void
problem_code(struct import *im, int code, int col, const char *msg)
{
	char buf[WY_ERR_MSG_MAX + 256];

	if (col > 0)
		snprintf(buf, sizeof buf, "%s:%ld:%d: %s", im->name, im->row_line,
		    col, msg);
	else
		snprintf(buf, sizeof buf, "%s:%ld: %s", im->name, im->row_line, msg);
	if (im->errors == 0)
		wy_fail(&im->first, code, "%s", buf);
	im->errors++;
	if (im->o->problem != NULL)
		im->o->problem(im->o->arg, buf);
	if (im->errors >= im->o->max_errors)
		im->stop = 1;
}

/* An invalid-input problem (see problem_code). */
static void
problem(struct import *im, int col, const char *msg)
{
	problem_code(im, WY_EINVALID, col, msg);
}

static void
cell_cb(void *data, size_t len, void *arg)
{
	struct import *im = arg;
	char *s;

	if (im->ncells == im->cap) {
		im->cap = im->cap * 2 + 16;
		im->cells = xrealloc(im->cells, im->cap * sizeof *im->cells);
	}
	if (im->nul_col == 0 && len > 0 && memchr(data, '\0', len) != NULL)
		im->nul_col = (int)im->ncells + 1;
	s = xmalloc(len + 1);
	memcpy(s, data, len);
	s[len] = '\0';
	/* Spreadsheets pad cells; spaces around a value are never meant. */
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		s[--len] = '\0';
	len = strspn(s, " \t");
	if (len > 0)
		memmove(s, s + len, strlen(s + len) + 1);
	im->cells[im->ncells++] = s;
}

/* Map the header's column names to fields. */
static void
read_header(struct import *im)
{
	const struct field *f;
	char msg[512];
	size_t i, j;

	im->ncols = im->ncells;
	im->map = xcalloc(im->ncols + 1, sizeof *im->map);
	for (i = 0; i < im->ncols; i++) {
		f = entity_field(im->ent, im->cells[i]);
		im->map[i] = f != NULL ? (int)(f - im->ent->fields) : -1;
		if (f == NULL) {
			snprintf(msg, sizeof msg,
			    _("unknown column '%s'; the columns of %s are listed by 'wuye export %s'"),
			    im->cells[i], im->ent->name, im->ent->name);
			problem(im, (int)i + 1, msg);
			continue;
		}
		for (j = 0; j < i; j++)
			if (im->map[j] == im->map[i]) {
				snprintf(msg, sizeof msg, _("column '%s' appears twice"),
				    im->cells[i]);
				problem(im, (int)i + 1, msg);
			}
	}
	for (i = 0; i < im->ent->nfields; i++) {
		f = &im->ent->fields[i];
		for (j = 0; j < im->ncols; j++)
			if (im->map[j] == (int)i)
				break;
		if (j == im->ncols && f->required && f->def == NULL) {
			snprintf(msg, sizeof msg, _("the required column '%s' is missing"),
			    f->name);
			problem(im, 0, msg);
		}
	}
	im->header_done = 1;
}

/* The 1-based column of field f in the file, or 0 if it has none. */
static int
column_of(const struct import *im, const struct field *f)
{
	size_t c;

	for (c = 0; c < im->ncols; c++)
		if (im->map[c] == (int)(f - im->ent->fields))
			return (int)c + 1;
	return 0;
}

/* The refusal of a NUL byte in the cell at column col (1-based). */
static void
nul_problem(struct import *im, int col)
{
	const struct field *f = NULL;
	char msg[512];

	if (im->header_done && (size_t)col <= im->ncols && im->map[col - 1] >= 0)
		f = &im->ent->fields[im->map[col - 1]];
	if (f != NULL)
		snprintf(msg, sizeof msg, _("%s: control characters are not allowed"),
		    field_label(f));
	else
		snprintf(msg, sizeof msg, "%s",
		    _("a NUL byte; control characters are not allowed"));
	problem(im, col, msg);
}

/* A warning refused: say how to import the row anyway. */
static void
warning_problem(struct import *im, int col, const char *rule)
{
	char msg[WY_ERR_MSG_MAX + 256], perm[64];

	entity_override_perm(im->ent, perm, sizeof perm);
	snprintf(msg, sizeof msg,
	    _("%s (a warning: a user with the permission %s may import the row "
	    "anyway with --accept-warnings)"), rule, perm);
	problem(im, col, msg);
}

/* Parse, check and insert one record. */
static void
read_record(struct import *im)
{
	const struct entity *ent = im->ent;
	struct wy_err e = { 0 };
	char msg[WY_ERR_MSG_MAX + 64];
	const struct field *bad;
	int64_t id;
	size_t i;
	int col_of_field, rc, warned;

	if (im->ncells > im->ncols) {
		snprintf(msg, sizeof msg, _("%zu cells, but the header has %zu columns"),
		    im->ncells, im->ncols);
		problem(im, 0, msg);
		return;
	}
	values_clear(im->values, ent->nfields);
	for (i = 0; i < ent->nfields; i++) {
		const char *text = NULL;

		/* A missing trailing cell is an empty one. */
		col_of_field = column_of(im, &ent->fields[i]);
		if (col_of_field > 0 && (size_t)col_of_field <= im->ncells)
			text = im->cells[col_of_field - 1];
		if (field_parse(im->s, ent, &ent->fields[i], text, 1,
		    &im->values[i], &e) != WY_OK) {
			if (col_of_field > 0)
				problem(im, col_of_field, e.msg);
			else
				problem(im, 0, e.msg);
			return;
		}
	}
	rc = entity_check_warn(im->s, ent, im->values, 0, im->o->accept_warnings,
	    &warned, &bad, &e);
	if (rc != WY_OK) {
		col_of_field = bad != NULL ? column_of(im, bad) : 0;
		if (warned && rc == WY_EINVALID)
			warning_problem(im, col_of_field, e.msg);
		else
			problem_code(im, rc, col_of_field, e.msg);
		return;
	}
	if (entity_insert(im->s, ent, im->values, &id, &e) != WY_OK) {
		problem(im, 0, e.msg);
		if (e.code != WY_EINVALID)
			im->stop = 1;	/* the database failed: no use going on */
		return;
	}
	im->rows++;
	im->warned += warned;
	if (im->o->progress != NULL && im->rows % 1000 == 0)
		im->o->progress(im->o->arg, im->rows);
}

static void
record_cb(int c, void *arg)
{
	struct import *im = arg;
	size_t i;

	(void)c;
	if (!im->stop) {
		if (im->nul_col > 0) {
			/* The row is refused; a header still names the
			 * columns, so that the rows after it are read. */
			nul_problem(im, im->nul_col);
			if (!im->header_done)
				read_header(im);
		} else if (!(im->ncells == 1 && im->cells[0][0] == '\0')) {
			/* (Blank lines, a single empty cell, are skipped.) */
			if (!im->header_done)
				read_header(im);
			else
				read_record(im);
		}
	}
	for (i = 0; i < im->ncells; i++)
		free(im->cells[i]);
	im->ncells = 0;
	im->nul_col = 0;
	im->row_line = im->line + 1;
}

int
import_csv(struct session *s, const struct entity *ent,
    const struct import_opts *o, long *rows, struct wy_err *e)
{
	struct import im = { .s = s, .ent = ent, .o = o };
	struct csv_parser p;
	char detail[512], perm[64], *line = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *f;
	int rc;

	*rows = 0;
	if ((rc = entity_writable(ent, e)) != WY_OK ||
	    (rc = auth_require(s, "import", e)) != WY_OK ||
	    (rc = auth_require(s, ent->perm_write, e)) != WY_OK)
		return rc;
	if (o->accept_warnings && (rc = auth_require(s, entity_override_perm(ent,
	    perm, sizeof perm), e)) != WY_OK)
		return wy_prefix(e, "--accept-warnings");
	im.name = strcmp(o->path, "-") == 0 ? "stdin" : o->path;
	f = strcmp(o->path, "-") == 0 ? stdin : fopen(o->path, "rb");
	if (f == NULL)
		return wy_fail(e, WY_ENOTFOUND, _("%s: cannot read: %s"), o->path,
		    strerror(errno));
	im.values = xcalloc(ent->nfields, sizeof *im.values);
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
	if ((rc = db_begin(s->db, e)) != WY_OK)
		goto out;
	im.row_line = 1;
	while (!im.stop && (n = getline(&line, &cap, f)) > 0) {
		im.line++;
		if (im.line == 1 && n >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0) {
			memmove(line, line + 3, (size_t)n - 2);
			n -= 3;
		}
		if (csv_parse(&p, line, (size_t)n, cell_cb, record_cb, &im) !=
		    (size_t)n) {
			im.row_line = im.line;
			problem(&im, 0, csv_strerror(csv_error(&p)));
			break;
		}
	}
	if (!im.stop && ferror(f))
		problem(&im, 0, strerror(errno));
	if (!im.stop && csv_fini(&p, cell_cb, record_cb, &im) != 0) {
		im.row_line = im.line;
		problem(&im, 0, _("unterminated quoted cell at the end of the file"));
	}
	if (im.errors == 0 && !im.header_done) {
		im.row_line = 1;
		problem(&im, 0, _("the file is empty; the first line must name the columns"));
	}
	if (im.errors > 0) {
		db_rollback(s->db);
		*e = im.first;
		if (im.errors > 1)
			snprintf(e->msg + strlen(e->msg), sizeof e->msg - strlen(e->msg),
			    ngettext(" (and %ld more problem; nothing was imported)",
			    " (and %ld more problems; nothing was imported)",
			    (unsigned long)(im.errors - 1)), im.errors - 1);
		else
			snprintf(e->msg + strlen(e->msg), sizeof e->msg - strlen(e->msg),
			    _(" (nothing was imported)"));
		rc = e->code;
		goto out;
	}
	snprintf(detail, sizeof detail, "%ld rows from %s", im.rows, im.name);
	if (im.warned > 0)
		snprintf(detail + strlen(detail), sizeof detail - strlen(detail),
		    " (%ld despite a warning)", im.warned);
	if ((rc = audit_append(s, "import", ent->table, 0, detail, e)) != WY_OK ||
	    (rc = db_commit(s->db, e)) != WY_OK) {
		db_rollback(s->db);
		goto out;
	}
	if (o->progress != NULL)
		o->progress(o->arg, im.rows);
	*rows = im.rows;
out:
	csv_free(&p);
	free(line);
	for (size_t i = 0; i < im.ncells; i++)
		free(im.cells[i]);
	free(im.cells);
	free(im.map);
	values_clear(im.values, ent->nfields);
	free(im.values);
	if (f != stdin)
		fclose(f);
	return rc;
}
