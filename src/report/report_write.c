/* wuye: the whole path of `wuye report run`: load, arguments, sink, run.
 *
 * Everything that can be refused (the name, the parameters, the format)
 * is refused before the sink opens, and the sink writes a temporary file
 * renamed only when the run succeeds, so a failure leaves no file under
 * the target name.  "month-end" is the pack: the summary, then every
 * report with pack = yes by order, one sheet each, in one workbook.
 */
#include "wuye/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/i18n.h"
#include "wuye/mem.h"

/* One report of a run, ready to write. */
struct job {
	struct report *r;		/* borrowed or owned (see write_one) */
	struct report_args a;
	char **lines;			/* parameter lines for the sink */
	char sheet[128];
	struct sink_col *cols;
	size_t ncols;
};

/* The first limit characters of title without []:*?/\' into base. */
static void
sheet_cut(const char *title, size_t limit, char *base, size_t size)
{
	size_t i, len = 0, chars = 0;

	for (i = 0; title[i] != '\0' && len + 5 < size; i++) {
		if (((unsigned char)title[i] & 0xc0) != 0x80 && ++chars > limit)
			break;
		base[len++] = strchr("[]:*?/\\'", title[i]) != NULL ? '_' :
		    title[i];
	}
	base[len] = '\0';
	if (len == 0)
		snprintf(base, size, "Sheet");
}

/* An .xlsx sheet name from title: at most 31 characters, unique among
 * the n names in used (by a " (2)" suffix). */
static void
sheet_name(const char *title, char *buf, size_t size, const struct job *used,
    size_t n)
{
	char base[112];
	size_t k;
	int dup = 1;

	sheet_cut(title, 31, buf, size);
	sheet_cut(title, 26, base, sizeof base);
	for (k = 0; k < n; k++)
		if (strcmp(used[k].sheet, buf) == 0) {
			snprintf(buf, size, "%s (%d)", base, ++dup % 1000);
			k = (size_t)-1;
		}
}

/* Set up job j for r with params ("name=value"); only params r has when
 * only_own, else an unknown one is an error. */
static int
job_prepare(struct session *s, struct job *j, struct report *r,
    const char *const *params, size_t nparams, int only_own,
    struct wy_err *e)
{
	const char *eq;
	size_t i, k, len;
	int rc;

	j->r = r;
	report_args_init(&j->a, r);
	for (i = 0; i < nparams; i++) {
		if (only_own && (eq = strchr(params[i], '=')) != NULL) {
			len = (size_t)(eq - params[i]);
			for (k = 0; k < r->nparams; k++)
				if (strlen(r->params[k].name) == len &&
				    strncmp(r->params[k].name, params[i], len) == 0)
					break;
			if (k == r->nparams)
				continue;
		}
		if ((rc = report_args_set(r, &j->a, params[i], NULL, e)) != WY_OK)
			return rc;
	}
	if ((rc = report_args_resolve(s, r, &j->a, e)) != WY_OK)
		return rc;
	j->lines = report_args_lines(r, &j->a);
	j->cols = report_sink_cols(r, &j->ncols);
	return WY_OK;
}

/* Free what job_prepare() made. */
static void
job_free(struct job *j)
{
	report_args_free(&j->a);
	report_args_lines_free(j->lines);
	free(j->cols);
	j->lines = NULL;
	j->cols = NULL;
}

/* Write the prepared jobs into one output. */
static int
write_jobs(struct session *s, struct job *jobs, size_t n,
    const struct sink_opts *o, const struct report_watch *w, long *rows,
    struct wy_err *e)
{
	struct sink_opts so = *o;
	struct sink *k = NULL;
	size_t i;
	long got;
	int rc = WY_OK;

	for (i = 0; i < n && rc == WY_OK; i++) {
		got = 0;
		so.title = jobs[i].r->title;
		so.sheet = jobs[i].sheet;
		so.params = (const char *const *)jobs[i].lines;
		rc = i == 0 ? sink_open(&so, jobs[i].cols, jobs[i].ncols, &k, e) :
		    sink_next(k, &so, jobs[i].cols, jobs[i].ncols, e);
		if (rc == WY_OK)
			rc = report_run(s, jobs[i].r, &jobs[i].a, k, w, &got, e);
		if (rows != NULL)
			*rows += got;
	}
	if (k != NULL) {
		if (rc == WY_OK)
			rc = sink_close(&k, 1, e);
		else
			sink_close(&k, 0, NULL);
	}
	return rc;
}

/* Order of the pack: the summary, then by order and name. */
static int
cmp_pack(const void *a, const void *b)
{
	const struct job *x = a, *y = b;

	if ((strcmp(x->r->name, "summary") == 0) != (strcmp(y->r->name, "summary") == 0))
		return strcmp(x->r->name, "summary") == 0 ? -1 : 1;
	if (x->r->order != y->r->order)
		return x->r->order < y->r->order ? -1 : 1;
	return strcmp(x->r->name, y->r->name);
}

/* The month-end pack. */
static int
write_pack(struct session *s, const char *const *params, size_t nparams,
    const struct sink_opts *o, const struct report_watch *w, long *rows,
    struct wy_err *e)
{
	static const char *const allowed[] = { "period", "estate", "building" };
	struct report_entry *list = NULL;
	struct job *jobs = NULL;
	size_t i, k, n = 0, nj = 0, len;
	int rc, period = 0, summary = 0;

	if (o->format != SINK_XLSX || o->path == NULL || strcmp(o->path, "-") == 0)
		return wy_fail(e, WY_EUSAGE, _("the month-end pack is an .xlsx "
		    "file: -o FILE.xlsx"));
	for (i = 0; i < nparams; i++) {
		len = strcspn(params[i], "=");
		for (k = 0; k < 3; k++)
			if (strlen(allowed[k]) == len &&
			    strncmp(allowed[k], params[i], len) == 0)
				break;
		if (k == 3 || params[i][len] != '=')
			return wy_fail(e, WY_EINVALID, _("the month-end pack takes "
			    "only period, estate and building, not '%s'"), params[i]);
		period |= k == 0 && params[i][len + 1] != '\0';
	}
	if (!period)
		return wy_fail(e, WY_EINVALID, _("the month-end pack needs "
		    "--param period=YYYY-MM"));
	if ((rc = report_list(s, &list, &n, e)) != WY_OK)
		return rc;
	jobs = xcalloc(n + 1, sizeof *jobs);
	for (i = 0; i < n && rc == WY_OK; i++) {
		if (list[i].report == NULL)
			rc = wy_fail(e, WY_EINVALID, _("month-end: %s"), list[i].error);
		else if (list[i].report->pack)
			jobs[nj++].r = list[i].report;
		else if (strcmp(list[i].name, "summary") == 0)
			rc = wy_fail(e, WY_EINVALID, _("month-end: %s: the summary "
			    "needs pack = yes"), list[i].report->file);
		summary |= strcmp(list[i].name, "summary") == 0;
	}
	if (rc == WY_OK && !summary)
		rc = wy_fail(e, WY_ENOTFOUND, _("month-end: there is no report "
		    "named summary (the pack's first sheet)"));
	qsort(jobs, nj, sizeof *jobs, cmp_pack);
	if (rc == WY_OK && jobs[0].r->order != 0)
		rc = wy_fail(e, WY_EINVALID, _("month-end: %s: the summary "
		    "needs order = 0"), jobs[0].r->file);
	for (i = 0; i < nj && rc == WY_OK; i++) {
		rc = job_prepare(s, &jobs[i], jobs[i].r, params, nparams, 1, e);
		if (rc != WY_OK)
			wy_prefix(e, "%s", jobs[i].r->name);
		sheet_name(jobs[i].r->title, jobs[i].sheet, sizeof jobs[i].sheet,
		    jobs, i);
	}
	if (rows != NULL)
		*rows = 0;
	if (rc == WY_OK)
		rc = write_jobs(s, jobs, nj, o, w, rows, e);
	for (i = 0; i < nj; i++)
		job_free(&jobs[i]);
	free(jobs);
	report_list_free(list, n);
	return rc;
}

int
report_write(struct session *s, const char *name,
    const char *const *params, size_t nparams, const struct sink_opts *o,
    const struct report_watch *w, long *rows, struct wy_err *e)
{
	struct report *r = NULL;
	struct job j = { 0 };
	int rc;

	if (rows != NULL)
		*rows = 0;
	if (strcmp(name, "month-end") == 0)
		return write_pack(s, params, nparams, o, w, rows, e);
	if ((rc = report_load(s, name, &r, e)) != WY_OK)
		return rc;
	rc = job_prepare(s, &j, r, params, nparams, 0, e);
	if (rc == WY_OK) {
		sheet_name(r->title, j.sheet, sizeof j.sheet, NULL, 0);
		rc = write_jobs(s, &j, 1, o, w, rows, e);
	}
	job_free(&j);
	report_free(&r);
	return rc;
}
