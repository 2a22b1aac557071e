/* wuye: finding reports: one by name, or the list of them all.
 *
 * Built-in reports are embedded (reports/NAME.ini); a file of the same
 * name in <paths.data>/reports overrides one.  The list checks every
 * definition, keeps the broken ones with their error (so a user sees why
 * their report is missing) and leaves out the ones the user may not run.
 */
#include "wuye/report.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/auth.h"
#include "wuye/conf.h"
#include "wuye/embed.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/report_int.h"

int
report_load(struct session *s, const char *name, struct report **out,
    struct wy_err *e)
{
	struct report_ro *ro;
	int rc, builtin;

	*out = NULL;
	if ((rc = auth_require(s, "report.read", e)) != WY_OK)
		return rc;
	if ((rc = report_ro_open(s, &ro, e)) != WY_OK)
		return rc;
	rc = report_def_read(s, ro, name, out, &builtin, e);
	report_ro_close(&ro);
	if (rc == WY_OK && (*out)->perm != NULL &&
	    (rc = auth_require(s, (*out)->perm, e)) != WY_OK)
		report_free(out);
	return rc;
}

/* Add name (from a file name NAME.ini) to the list if it is not there. */
static void
add_name(char ***names, size_t *n, const char *file)
{
	size_t i, len = strlen(file);

	if (len <= 4 || strcmp(file + len - 4, ".ini") != 0 || file[0] == '.')
		return;
	for (i = 0; i < *n; i++)
		if (strncmp((*names)[i], file, len - 4) == 0 &&
		    (*names)[i][len - 4] == '\0')
			return;
	*names = xrealloc(*names, (*n + 1) * sizeof **names);
	(*names)[*n] = xstrdup(file);
	(*names)[(*n)++][len - 4] = '\0';
}

/* Order of entries: loaded ones by group, order, name; then the broken. */
static int
cmp_entry(const void *a, const void *b)
{
	const struct report_entry *x = a, *y = b;
	int gx, gy;

	if ((x->report == NULL) != (y->report == NULL))
		return x->report == NULL ? 1 : -1;
	if (x->report != NULL) {
		gx = report_group_rank(x->report->group);
		gy = report_group_rank(y->report->group);
		if (gx != gy)
			return gx - gy;
		if (x->report->order != y->report->order)
			return x->report->order < y->report->order ? -1 : 1;
	}
	return strcmp(x->name, y->name);
}

int
report_list(struct session *s, struct report_entry **out, size_t *n,
    struct wy_err *e)
{
	const struct embed_file *f;
	struct report_entry *list;
	struct report_ro *ro;
	struct dirent *de;
	struct wy_err le;
	char **names = NULL, *dir;
	size_t i, nn = 0, k = 0;
	DIR *dp;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = auth_require(s, "report.read", e)) != WY_OK)
		return rc;
	if ((rc = report_ro_open(s, &ro, e)) != WY_OK)
		return rc;
	for (f = embed_files; f->name != NULL; f++)
		if (strncmp(f->name, "reports/", 8) == 0 && strchr(f->name + 8, '/') == NULL)
			add_name(&names, &nn, f->name + 8);
	if (s->conf != NULL) {
		dir = xasprintf("%s/reports", conf_str(s->conf, "paths.data"));
		if ((dp = opendir(dir)) != NULL) {
			while ((de = readdir(dp)) != NULL)
				add_name(&names, &nn, de->d_name);
			closedir(dp);
		}
		free(dir);
	}
	list = xcalloc(nn + 1, sizeof *list);
	for (i = 0; i < nn; i++) {
		struct report_entry *en = &list[k];

		wy_clear(&le);
		en->name = names[i];
		if (!report_name_valid(en->name))
			wy_fail(&le, WY_EINVALID, _("reports/%s.ini: '%s' is not a "
			    "report name (lower case letters, digits, - and _)"),
			    en->name, en->name);
		else if (strcmp(en->name, "month-end") == 0)
			wy_fail(&le, WY_EINVALID, _("reports/%s.ini: month-end is "
			    "the name of the month-end pack"), en->name);
		else if (report_def_read(s, ro, en->name, &en->report, &en->builtin,
		    &le) == WY_OK && en->report->perm != NULL &&
		    !auth_can(s, en->report->perm)) {
			report_free(&en->report);
			free(en->name);
			continue;
		}
		if (en->report == NULL)
			en->error = xstrdup(le.msg);
		k++;
	}
	free(names);
	report_ro_close(&ro);
	qsort(list, k, sizeof *list, cmp_entry);
	*out = list;
	*n = k;
	return WY_OK;
}

void
report_list_free(struct report_entry *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(list[i].name);
		free(list[i].error);
		report_free(&list[i].report);
	}
	free(list);
}
