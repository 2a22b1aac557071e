/* wuye: a report's parameter values: set, defaulted, checked.
 *
 * Values arrive as text (the command line, the parameter form).  Resolving
 * fills each unset one from its default (current, previous, current-N,
 * today, month_start, month_end or a literal), checks it against its type
 * and, for codes, against the database, and keeps the normalised text
 * that is bound (never pasted) as :name.  An empty optional value is
 * bound as NULL.
 */
#include "wuye/report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"

void
report_args_init(struct report_args *a, const struct report *r)
{
	a->n = r->nparams;
	a->values = xcalloc(a->n + 1, sizeof *a->values);
	a->bound = xcalloc(a->n + 1, sizeof *a->bound);
}

void
report_args_free(struct report_args *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		free(a->values[i]);
		free(a->bound[i]);
	}
	free(a->values);
	free(a->bound);
	a->values = a->bound = NULL;
	a->n = 0;
}

int
report_args_set(const struct report *r, struct report_args *a,
    const char *name, const char *value, struct wy_err *e)
{
	const char *eq;
	char *key;
	size_t i;

	if (value == NULL) {
		if ((eq = strchr(name, '=')) == NULL)
			return wy_fail(e, WY_EINVALID, _("parameter '%s': write "
			    "NAME=VALUE"), name);
		key = xstrdup(name);
		key[eq - name] = '\0';
		i = report_args_set(r, a, key, eq + 1, e);
		free(key);
		return (int)i;
	}
	for (i = 0; i < r->nparams && i < a->n; i++)
		if (strcasecmp(r->params[i].name, name) == 0) {
			free(a->values[i]);
			a->values[i] = xstrdup(value);
			return WY_OK;
		}
	return wy_fail(e, WY_EINVALID, _("report %s has no parameter '%s'"),
	    r->name, name);
}

/* The text of a default (current, today, ...) into buf. */
static const char *
default_text(const struct report_param *p, char *buf)
{
	int32_t today = date_today();
	int per = period_of_date(today);
	long n;

	switch (p->type) {
	case REPORT_P_PERIOD:
		if (strcmp(p->def, "current") == 0)
			return period_format(per, buf);
		if (strcmp(p->def, "previous") == 0)
			return period_format(per - 1, buf);
		if (strncmp(p->def, "current-", 8) == 0) {
			n = strtol(p->def + 8, NULL, 10);
			return period_format(per - (int)n, buf);
		}
		return p->def;
	case REPORT_P_DATE:
		if (strcmp(p->def, "today") == 0)
			return date_format(today, buf);
		if (strcmp(p->def, "month_start") == 0)
			return date_format(period_first_day(per), buf);
		if (strcmp(p->def, "month_end") == 0)
			return date_format(period_last_day(per), buf);
		return p->def;
	default:
		return p->def;
	}
}

/* Check that the code v exists for a code parameter. */
static int
check_code(struct session *s, const struct report_param *p, const char *v,
    struct wy_err *e)
{
	static const struct {
		enum report_ptype type;
		const char *sql, *what;
	} codes[] = {
		{ REPORT_P_ESTATE, "SELECT id FROM estates WHERE code = ?",
		  N_("estate") },
		{ REPORT_P_BUILDING, "SELECT id FROM buildings WHERE code = ?",
		  N_("building") },
		{ REPORT_P_FEE_ITEM, "SELECT id FROM fee_items WHERE code = ?",
		  N_("fee item") },
		{ REPORT_P_CASHIER, "SELECT id FROM users WHERE name = ?",
		  N_("user") },
	};
	struct wy_err ign = { 0 };
	int64_t id;
	size_t i;
	int rc;

	for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		if (codes[i].type != p->type)
			continue;
		rc = db_int64(s->db, &id, &ign, codes[i].sql, "t", v);
		if (rc == WY_ENOTFOUND)
			return wy_fail(e, WY_EINVALID, _("parameter %s: there is "
			    "no %s '%s'"), p->name, _(codes[i].what), v);
		if (rc != WY_OK) {
			*e = ign;
			return rc;
		}
	}
	return WY_OK;
}

/* Check v against p's type; *out gets the text to bind (malloc'd). */
static int
check_value(struct session *s, const struct report_param *p, const char *v,
    char **out, struct wy_err *e)
{
	char buf[DATE_BUFSIZE > PERIOD_BUFSIZE ? DATE_BUFSIZE : PERIOD_BUFSIZE];
	int32_t day;
	char *end;
	long long n;
	int per, rc;

	*out = NULL;
	switch (p->type) {
	case REPORT_P_PERIOD:
		if ((rc = period_parse(v, &per, e)) != WY_OK)
			return wy_prefix(e, _("parameter %s"), p->name);
		*out = xstrdup(period_format(per, buf));
		return WY_OK;
	case REPORT_P_DATE:
		if ((rc = date_parse(v, &day, e)) != WY_OK)
			return wy_prefix(e, _("parameter %s"), p->name);
		*out = xstrdup(date_format(day, buf));
		return WY_OK;
	case REPORT_P_INTEGER:
		errno = 0;
		n = strtoll(v, &end, 10);
		if (*v == '\0' || *end != '\0' || errno != 0)
			return wy_fail(e, WY_EINVALID, _("parameter %s: '%s' is "
			    "not a whole number"), p->name, v);
		*out = xasprintf("%lld", n);
		return WY_OK;
	case REPORT_P_TEXT:
		*out = xstrdup(v);
		return WY_OK;
	default:
		if ((rc = check_code(s, p, v, e)) != WY_OK)
			return rc;
		*out = xstrdup(v);
		return WY_OK;
	}
}

int
report_args_resolve(struct session *s, const struct report *r,
    struct report_args *a, struct wy_err *e)
{
	const struct report_param *p;
	char buf[32];
	const char *v;
	size_t i;
	int rc;

	for (i = 0; i < r->nparams && i < a->n; i++) {
		p = &r->params[i];
		free(a->bound[i]);
		a->bound[i] = NULL;
		v = a->values[i];
		if (v == NULL && p->def != NULL)
			v = default_text(p, buf);
		if (v == NULL || *v == '\0') {
			if (p->required)
				return wy_fail(e, WY_EINVALID, _("parameter %s "
				    "(%s) is required"), p->name, p->label);
			continue;
		}
		if ((rc = check_value(s, p, v, &a->bound[i], e)) != WY_OK)
			return rc;
	}
	return WY_OK;
}

char **
report_args_lines(const struct report *r, const struct report_args *a)
{
	char **lines = xcalloc(r->nparams + 1, sizeof *lines);
	size_t i;

	for (i = 0; i < r->nparams; i++)
		lines[i] = xasprintf("%s: %s", r->params[i].label,
		    i < a->n && a->bound[i] != NULL ? a->bound[i] : _("(all)"));
	return lines;
}

void
report_args_lines_free(char **lines)
{
	size_t i;

	if (lines == NULL)
		return;
	for (i = 0; lines[i] != NULL; i++)
		free(lines[i]);
	free(lines);
}
