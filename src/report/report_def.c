/* wuye: report definitions (reports/NAME.ini): finding, parsing, checking.
 *
 * A definition is read with iniparser, then every section and key is
 * checked against the format (report-format in wuye.conf(5)); since
 * iniparser keeps no line numbers, a message finds its line by scanning
 * the text for the key inside its section.  The SQL is prepared on the
 * read-only connection (report_ro.c), which is how the result columns are
 * compared with the [col.*] sections.  Strings of struct report point into
 * the parsed dictionary or the report's own string pool (struct rpriv).
 *
 * The query may be the key sql of [report] or, better for anything long,
 * the text after a last section [sql], taken as it is: iniparser reads at
 * most 1023 bytes of a line with its continuations and cuts a value at
 * ';' or '#', neither of which suits SQL.
 */
#include "wuye/report.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <iniparser.h>

#include "wuye/conf.h"
#include "wuye/date.h"
#include "wuye/embed.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/report_int.h"

struct rpriv {
	dictionary *d;		/* the parsed file */
	char **strs;		/* strings owned by the report */
	size_t nstrs;
	int *values;		/* the chart's series columns */
};

/* The parse of one file. */
struct def {
	const char *file;	/* for messages */
	const char *text;	/* the file's text, for line numbers */
	const char *raw_sql;	/* the text after [sql], or NULL */
	int raw_line;		/* the line of [sql] */
	dictionary *d;
	struct report *r;
	struct wy_err *e;
};

static const char *const report_keys[] = {
	"title", "title.zh", "group", "pack", "perm", "order", "freeze",
	"drill", "drill_key", "group_by", "totals", "sql", NULL,
};
static const char *const param_keys[] = {
	"type", "label", "label.zh", "default", "required", NULL,
};
static const char *const col_keys[] = {
	"title", "title.zh", "type", "width", "total", "hidden", "labels", NULL,
};
static const char *const chart_keys[] = {
	"type", "title", "title.zh", "category", "values", NULL,
};
static const char *const groups[] = {
	"charges", "property", "clients", "parking", "meters", "other", NULL,
};
static const char *const ptypes[] = {
	"period", "date", "estate", "building", "fee_item", "cashier",
	"integer", "text", NULL,
};
static const char *const ctypes[] = {
	"text", "integer", "money", "percent", "date", "area", "qty", NULL,
};
static const char *const charts[] = {
	"column", "bar", "line", "pie", NULL,
};

/* The index of s in the NULL-ended list, or -1. */
static int
list_index(const char *const *list, const char *s)
{
	int i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

/* "a, b, c" of a list, into buf. */
static const char *
list_text(const char *const *list, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (; *list != NULL && n < size; list++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? ", " : "",
		    *list);
	return buf;
}

/* Keep s in the report's pool; returns the copy. */
static const char *
keep(struct report *r, const char *s)
{
	struct rpriv *p = r->priv;

	p->strs = xrealloc(p->strs, (p->nstrs + 1) * sizeof *p->strs);
	return p->strs[p->nstrs++] = xstrdup(s);
}

/* Record an error naming file, line, section and key (key may be NULL). */
static int __attribute__((format(printf, 4, 5)))
def_fail(struct def *p, const char *sec, const char *key, const char *fmt, ...)
{
	char msg[768], where[256];
	va_list ap;
	int line = report_def_line(p->text, sec, key);

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (line > 0)
		snprintf(where, sizeof where, "%s:%d", p->file, line);
	else
		snprintf(where, sizeof where, "%s", p->file);
	if (sec == NULL)
		return wy_fail(p->e, WY_EINVALID, "%s: %s", where, msg);
	if (key == NULL)
		return wy_fail(p->e, WY_EINVALID, "%s: [%s]: %s", where, sec, msg);
	return wy_fail(p->e, WY_EINVALID, "%s: [%s] %s: %s", where, sec, key, msg);
}

/* The value of sec:key, or NULL. */
static const char *
get(struct def *p, const char *sec, const char *key)
{
	char full[256];

	snprintf(full, sizeof full, "%s:%s", sec, key);
	return iniparser_getstring(p->d, full, NULL);
}

/* A value in the UI language: key.zh when the messages are Chinese. */
static const char *
get_lang(struct def *p, const char *sec, const char *key, const char *dflt)
{
	char zh[64];
	const char *v = get(p, sec, key), *z;

	if (report_chinese()) {
		snprintf(zh, sizeof zh, "%s.zh", key);
		if ((z = get(p, sec, zh)) != NULL && *z != '\0')
			return z;
	}
	return v != NULL && *v != '\0' ? v : dflt;
}

/* A yes/no value of sec:key (dflt when absent). */
static int
get_bool(struct def *p, const char *sec, const char *key, int dflt, int *out)
{
	const char *v = get(p, sec, key);

	*out = dflt;
	if (v == NULL)
		return WY_OK;
	if (strcmp(v, "yes") == 0 || strcmp(v, "true") == 0 || strcmp(v, "1") == 0)
		*out = 1;
	else if (strcmp(v, "no") == 0 || strcmp(v, "false") == 0 ||
	    strcmp(v, "0") == 0)
		*out = 0;
	else
		return def_fail(p, sec, key, _("'%s' is not yes or no"), v);
	return WY_OK;
}

/* A whole number value of sec:key from lo to hi (dflt when absent). */
static int
get_int(struct def *p, const char *sec, const char *key, int lo, int hi,
    int dflt, int *out)
{
	const char *v = get(p, sec, key);
	char *end;
	long n;

	*out = dflt;
	if (v == NULL)
		return WY_OK;
	errno = 0;
	n = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || errno != 0 || n < lo || n > hi)
		return def_fail(p, sec, key, _("'%s' is not a whole number from "
		    "%d to %d"), v, lo, hi);
	*out = (int)n;
	return WY_OK;
}

/* A value that must be one of list: its index, or an error. */
static int
get_enum(struct def *p, const char *sec, const char *key,
    const char *const *list, int dflt, int *out)
{
	const char *v = get(p, sec, key);
	char buf[256];

	*out = dflt;
	if (v == NULL && dflt >= 0)
		return WY_OK;
	if (v == NULL || *v == '\0')
		return def_fail(p, sec, key, _("missing (one of %s)"),
		    list_text(list, buf, sizeof buf));
	if ((*out = list_index(list, v)) < 0)
		return def_fail(p, sec, key, _("'%s' is not one of %s"), v,
		    list_text(list, buf, sizeof buf));
	return WY_OK;
}

/* Check that every key of section sec is one of keys. */
static int
check_keys(struct def *p, const char *sec, const char *const *keys)
{
	const char **names;
	int i, n = iniparser_getsecnkeys(p->d, sec), rc = WY_OK;

	if (n <= 0)
		return WY_OK;
	names = xcalloc((size_t)n, sizeof *names);
	iniparser_getseckeys(p->d, sec, names);
	for (i = 0; i < n && rc == WY_OK; i++) {
		const char *k = strchr(names[i], ':');

		k = k != NULL ? k + 1 : names[i];
		if (list_index(keys, k) < 0)
			rc = def_fail(p, sec, k, _("unknown key"));
	}
	free(names);
	return rc;
}

int
report_name_valid(const char *s)
{
	if (s == NULL || *s == '\0' || strlen(s) > 64)
		return 0;
	for (; *s != '\0'; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) ||
		    *s == '-' || *s == '_'))
			return 0;
	return 1;
}

/* Check a parameter's default against its type. */
static int
check_default(struct def *p, const char *sec, enum report_ptype t,
    const char *v)
{
	struct wy_err ign = { 0 };
	int32_t day;
	char *end;
	long n;
	int per;

	switch (t) {
	case REPORT_P_PERIOD:
		if (strcmp(v, "current") == 0 || strcmp(v, "previous") == 0)
			return WY_OK;
		if (strncmp(v, "current-", 8) == 0) {
			errno = 0;
			n = strtol(v + 8, &end, 10);
			if (v[8] != '\0' && *end == '\0' && errno == 0 && n >= 0 &&
			    n <= 1200)
				return WY_OK;
		} else if (period_parse(v, &per, &ign) == WY_OK)
			return WY_OK;
		return def_fail(p, sec, "default", _("'%s' is not current, "
		    "previous, current-N or a period YYYY-MM"), v);
	case REPORT_P_DATE:
		if (strcmp(v, "today") == 0 || strcmp(v, "month_start") == 0 ||
		    strcmp(v, "month_end") == 0 || date_parse(v, &day, &ign) == WY_OK)
			return WY_OK;
		return def_fail(p, sec, "default", _("'%s' is not today, "
		    "month_start, month_end or a date YYYY-MM-DD"), v);
	case REPORT_P_INTEGER:
		errno = 0;
		(void)strtoll(v, &end, 10);
		if (*v != '\0' && *end == '\0' && errno == 0)
			return WY_OK;
		return def_fail(p, sec, "default", _("'%s' is not a whole number"), v);
	default:
		return WY_OK;
	}
}

/* Parse the [param.*] sections, in the order of the file. */
static int
parse_params(struct def *p)
{
	struct report *r = p->r;
	struct report_param *rp;
	const char *sec, *v;
	int s, nsec = iniparser_getnsec(p->d), t, rc;

	r->params = xcalloc((size_t)nsec + 1, sizeof *r->params);
	for (s = 0; s < nsec; s++) {
		sec = iniparser_getsecname(p->d, s);
		if (strncmp(sec, "param.", 6) != 0)
			continue;
		if (sec[6] == '\0')
			return def_fail(p, sec, NULL, _("a parameter needs a name"));
		rp = &r->params[r->nparams++];
		rp->name = sec + 6;
		if ((rc = check_keys(p, sec, param_keys)) != WY_OK ||
		    (rc = get_enum(p, sec, "type", ptypes, -1, &t)) != WY_OK ||
		    (rc = get_bool(p, sec, "required", 0, &rp->required)) != WY_OK)
			return rc;
		rp->type = (enum report_ptype)t;
		rp->label = get_lang(p, sec, "label", rp->name);
		if ((v = get(p, sec, "default")) != NULL && *v != '\0') {
			if ((rc = check_default(p, sec, rp->type, v)) != WY_OK)
				return rc;
			rp->def = v;
		}
	}
	return WY_OK;
}

/* The index of the result column called name, or -1. */
static int
col_index(const struct report *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->ncols; i++)
		if (strcasecmp(r->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* Parse "ratio(a, b)" of column c. */
static int
parse_ratio(struct def *p, const char *sec, const char *v,
    struct report_column *c)
{
	char a[128], b[128];
	int n = 0;

	if (sscanf(v, "ratio ( %127[^, )] , %127[^, )] ) %n", a, b, &n) != 2 ||
	    v[n] != '\0')
		return def_fail(p, sec, "total", _("'%s' is not sum, none or "
		    "ratio(column, column)"), v);
	if ((c->num = col_index(p->r, a)) < 0 || (c->den = col_index(p->r, b)) < 0)
		return def_fail(p, sec, "total", _("the query returns no column "
		    "'%s'"), c->num < 0 ? a : b);
	if (p->r->cols[c->num].hidden || p->r->cols[c->den].hidden)
		return def_fail(p, sec, "total", _("a ratio of a hidden column"));
	c->total = SINK_TOTAL_RATIO;
	return WY_OK;
}

/* Fill the columns from the prepared statement and the [col.*] sections. */
static int
parse_cols(struct def *p, sqlite3_stmt *st, const char *drill_key)
{
	static const enum sink_kind kinds[] = { SINK_COL_TEXT, SINK_COL_INT,
	    SINK_COL_MONEY, SINK_COL_PERCENT, SINK_COL_DATE, SINK_COL_FIXED,
	    SINK_COL_FIXED };
	static const int scales[] = { 0, 0, 0, 2, 0, 2, 3 };	/* qty: 3 */
	struct report *r = p->r;
	struct report_column *c;
	const char *name, *v;
	char sec[192];
	size_t i, n;
	int s, t, rc, nsec, drill;

	n = (size_t)sqlite3_column_count(st);
	r->cols = xcalloc(n + 1, sizeof *r->cols);
	for (i = 0, r->ncols = 0; i < n; i++, r->ncols++) {
		name = sqlite3_column_name(st, (int)i);
		if (col_index(r, name) >= 0)
			return def_fail(p, "report", "sql", _("two result columns "
			    "are called '%s'"), name);
		c = &r->cols[i];
		c->name = keep(r, name);
		c->num = c->den = -1;
	}
	for (i = 0; i < r->ncols; i++) {
		c = &r->cols[i];
		snprintf(sec, sizeof sec, "col.%s", c->name);
		for (s = 0; sec[s] != '\0'; s++)
			sec[s] = (char)tolower((unsigned char)sec[s]);
		if (iniparser_find_entry(p->d, sec) == 0) {
			if (drill_key == NULL || strcasecmp(c->name, drill_key) != 0)
				return def_fail(p, "report", "sql", _("result column "
				    "'%s' has no [col.%s] section"), c->name, c->name);
			c->title = c->name;
			c->kind = SINK_COL_INT;
			c->hidden = 1;
			continue;
		}
		if ((rc = check_keys(p, sec, col_keys)) != WY_OK ||
		    (rc = get_enum(p, sec, "type", ctypes, 0, &t)) != WY_OK ||
		    (rc = get_int(p, sec, "width", 0, 200, 0, &c->width)) != WY_OK ||
		    (rc = get_bool(p, sec, "hidden", 0, &c->hidden)) != WY_OK)
			return rc;
		c->kind = kinds[t];
		c->scale = scales[t];
		c->title = keep(r, get_lang(p, sec, "title", c->name));
		if ((v = get(p, sec, "labels")) != NULL && *v != '\0') {
			if (c->kind != SINK_COL_TEXT)
				return def_fail(p, sec, "labels", _("only a text "
				    "column shows its codes by their names"));
			c->labels = keep(r, v);
		}
		if (drill_key != NULL && strcasecmp(c->name, drill_key) == 0)
			c->hidden = 1;
	}
	/* Totals after every column is known (a ratio names two). */
	for (i = 0; i < r->ncols; i++) {
		c = &r->cols[i];
		snprintf(sec, sizeof sec, "col.%s", c->name);
		for (s = 0; sec[s] != '\0'; s++)
			sec[s] = (char)tolower((unsigned char)sec[s]);
		drill = drill_key != NULL && strcasecmp(c->name, drill_key) == 0;
		c->total = !drill && (c->kind == SINK_COL_INT ||
		    c->kind == SINK_COL_MONEY || c->kind == SINK_COL_FIXED) ?
		    SINK_TOTAL_SUM : SINK_TOTAL_NONE;
		if (drill || (v = get(p, sec, "total")) == NULL)
			continue;
		if (strcmp(v, "sum") == 0) {
			if (c->kind == SINK_COL_TEXT || c->kind == SINK_COL_DATE)
				return def_fail(p, sec, "total", _("a %s column "
				    "cannot be summed"), c->kind == SINK_COL_TEXT ?
				    "text" : "date");
			c->total = SINK_TOTAL_SUM;
		} else if (strcmp(v, "none") == 0)
			c->total = SINK_TOTAL_NONE;
		else if ((rc = parse_ratio(p, sec, v, c)) != WY_OK)
			return rc;
	}
	/* Sections for columns the query does not return. */
	nsec = iniparser_getnsec(p->d);
	for (s = 0; s < nsec; s++) {
		name = iniparser_getsecname(p->d, s);
		if (strncmp(name, "col.", 4) == 0 && col_index(r, name + 4) < 0)
			return def_fail(p, name, NULL, _("the query returns no "
			    "column '%s'"), name + 4);
	}
	return WY_OK;
}

/* A column named by key of sec that must exist (and be visible). */
static int
named_col(struct def *p, const char *sec, const char *key, const char *v,
    int visible, int *out)
{
	if ((*out = col_index(p->r, v)) < 0)
		return def_fail(p, sec, key, _("the query returns no column '%s'"),
		    v);
	if (visible && p->r->cols[*out].hidden)
		return def_fail(p, sec, key, _("column '%s' is hidden"), v);
	return WY_OK;
}

/* Parse [chart]. */
static int
parse_chart(struct def *p)
{
	struct report *r = p->r;
	struct rpriv *rp = r->priv;
	const char *v;
	char *list, *tok, *save;
	int t, rc, col;

	if (iniparser_find_entry(p->d, "chart") == 0)
		return WY_OK;
	if ((rc = check_keys(p, "chart", chart_keys)) != WY_OK ||
	    (rc = get_enum(p, "chart", "type", charts, -1, &t)) != WY_OK)
		return rc;
	r->has_chart = 1;
	r->chart.type = (enum sink_chart_type)t;
	r->chart.title = get_lang(p, "chart", "title", r->title);
	if ((v = get(p, "chart", "category")) == NULL || *v == '\0')
		return def_fail(p, "chart", "category", _("missing"));
	if ((rc = named_col(p, "chart", "category", v, 1, &r->chart.category)) != WY_OK)
		return rc;
	if ((v = get(p, "chart", "values")) == NULL || *v == '\0')
		return def_fail(p, "chart", "values", _("missing"));
	rp->values = xcalloc(r->ncols + 1, sizeof *rp->values);
	list = xstrdup(v);
	rc = WY_OK;
	for (tok = strtok_r(list, ", \t", &save); tok != NULL && rc == WY_OK;
	    tok = strtok_r(NULL, ", \t", &save)) {
		if ((rc = named_col(p, "chart", "values", tok, 1, &col)) != WY_OK)
			break;
		if (r->cols[col].kind == SINK_COL_TEXT || r->cols[col].kind == SINK_COL_DATE)
			rc = def_fail(p, "chart", "values", _("column '%s' is not "
			    "a number"), tok);
		else if (r->chart.nvalues < r->ncols)
			rp->values[r->chart.nvalues++] = col;
	}
	free(list);
	r->chart.values = rp->values;
	return rc;
}

/* Check the SQL's parameters against the [param.*] sections. */
static int
check_sql_params(struct def *p, sqlite3_stmt *st)
{
	struct report *r = p->r;
	const char *name;
	size_t j;
	int i, n = sqlite3_bind_parameter_count(st);
	unsigned char *used = xcalloc(r->nparams + 1, 1);

	for (i = 1; i <= n; i++) {
		name = sqlite3_bind_parameter_name(st, i);
		if (name == NULL || name[0] != ':') {
			free(used);
			return def_fail(p, "report", "sql", _("parameter %s: write "
			    "parameters as :name"), name != NULL ? name : "?");
		}
		for (j = 0; j < r->nparams; j++)
			if (strcasecmp(r->params[j].name, name + 1) == 0)
				break;
		if (j == r->nparams) {
			free(used);
			return def_fail(p, "report", "sql", _("parameter %s has no "
			    "[param.%s] section"), name, name + 1);
		}
		used[j] = 1;
	}
	for (j = 0; j < r->nparams; j++)
		if (!used[j]) {
			char sec[128];

			free(used);
			snprintf(sec, sizeof sec, "param.%s", r->params[j].name);
			return def_fail(p, sec, NULL, _("the sql does not use :%s"),
			    r->params[j].name);
		}
	free(used);
	return WY_OK;
}

/* Whether the form NAME exists (built in or the user's). */
static int
form_exists(const struct conf *conf, const char *name)
{
	char rel[160], *path;
	int ok;

	snprintf(rel, sizeof rel, "forms/%s.ini", name);
	if (embed_find(rel) != NULL)
		return 1;
	if (conf == NULL)
		return 0;
	path = xasprintf("%s/%s", conf_str(conf, "paths.data"), rel);
	ok = access(path, R_OK) == 0;
	free(path);
	return ok;
}

/* The pack takes period, estate and building; anything else needs a default. */
static int
check_pack(struct def *p)
{
	const struct report_param *rp;
	char sec[128];
	size_t i;

	for (i = 0; i < p->r->nparams; i++) {
		rp = &p->r->params[i];
		if (strcmp(rp->name, "period") == 0 || strcmp(rp->name, "estate") == 0 ||
		    strcmp(rp->name, "building") == 0 || !rp->required ||
		    rp->def != NULL)
			continue;
		snprintf(sec, sizeof sec, "param.%s", rp->name);
		return def_fail(p, sec, "required", _("a report in the month-end "
		    "pack may only require period, estate and building"));
	}
	return WY_OK;
}

/* Parse and check the whole definition. */
static int
parse(struct def *p, struct session *s, struct report_ro *ro)
{
	struct report *r = p->r;
	sqlite3_stmt *st = NULL;
	const char *sec, *v, *drill_key;
	char where[512];
	int i, nsec, g, freeze, rc;

	if (iniparser_find_entry(p->d, "report") == 0)
		return def_fail(p, NULL, NULL, _("no [report] section"));
	nsec = iniparser_getnsec(p->d);
	for (i = 0; i < nsec; i++) {
		sec = iniparser_getsecname(p->d, i);
		if (strcmp(sec, "report") != 0 && strcmp(sec, "chart") != 0 &&
		    strncmp(sec, "param.", 6) != 0 && strncmp(sec, "col.", 4) != 0)
			return def_fail(p, sec, NULL, _("unknown section"));
	}
	if ((rc = check_keys(p, "report", report_keys)) != WY_OK)
		return rc;
	if ((v = get(p, "report", "title")) == NULL || *v == '\0')
		return def_fail(p, "report", "title", _("missing"));
	r->title = get_lang(p, "report", "title", v);
	if ((rc = get_enum(p, "report", "group", groups, 5, &g)) != WY_OK ||
	    (rc = get_bool(p, "report", "pack", 0, &r->pack)) != WY_OK ||
	    (rc = get_int(p, "report", "order", 0, 100000, 100, &r->order)) != WY_OK ||
	    (rc = get_int(p, "report", "freeze", 1, 4, 1, &freeze)) != WY_OK)
		return rc;
	r->freeze = (size_t)freeze;
	r->group = groups[g];
	if ((v = get(p, "report", "perm")) != NULL && *v != '\0')
		r->perm = v;
	r->drill = get(p, "report", "drill");
	drill_key = get(p, "report", "drill_key");
	if (r->drill != NULL && *r->drill == '\0')
		r->drill = NULL;
	if (drill_key != NULL && *drill_key == '\0')
		drill_key = NULL;
	if (r->drill != NULL && drill_key == NULL)
		return def_fail(p, "report", "drill", _("drill needs drill_key "
		    "(the column of the record's id)"));
	if (r->drill == NULL && drill_key != NULL)
		return def_fail(p, "report", "drill_key", _("drill_key without drill"));
	if (r->drill != NULL && !form_exists(s->conf, r->drill))
		return def_fail(p, "report", "drill", _("there is no form '%s'"),
		    r->drill);
	v = get(p, "report", "sql");
	if (v != NULL && p->raw_sql != NULL)
		return def_fail(p, "report", "sql", _("the query is given twice: "
		    "here and in [sql]"));
	if (p->raw_sql != NULL)
		v = keep(r, p->raw_sql);
	if (v == NULL || *v == '\0')
		return def_fail(p, p->raw_sql != NULL ? "sql" : "report",
		    p->raw_sql != NULL ? NULL : "sql", _("missing"));
	r->sql = v;
	if ((rc = parse_params(p)) != WY_OK)
		return rc;
	if (p->raw_sql != NULL)
		snprintf(where, sizeof where, "%s:%d: [sql]", p->file,
		    p->raw_line);
	else
		snprintf(where, sizeof where, "%s:%d: [report] sql", p->file,
		    report_def_line(p->text, "report", "sql"));
	if ((rc = report_ro_prepare(ro, r->sql, where, &st, p->e)) != WY_OK) {
		if (p->raw_sql == NULL && *r->sql != '"' && report_value_has_cut(p->text,
		    report_def_line(p->text, "report", "sql")))
			snprintf(p->e->msg + strlen(p->e->msg), sizeof p->e->msg -
			    strlen(p->e->msg), _(" (a ';' or '#' ends the value: "
			    "put the whole sql in double quotes)"));
		return rc;
	}
	if ((rc = check_sql_params(p, st)) == WY_OK)
		rc = parse_cols(p, st, drill_key);
	sqlite3_finalize(st);
	if (rc != WY_OK)
		return rc;
	r->drill_col = r->group_col = -1;
	if (drill_key != NULL &&
	    (rc = named_col(p, "report", "drill_key", drill_key, 0, &r->drill_col)) != WY_OK)
		return rc;
	if ((v = get(p, "report", "group_by")) != NULL && *v != '\0' &&
	    (rc = named_col(p, "report", "group_by", v, 0, &r->group_col)) != WY_OK)
		return rc;
	for (i = 0; i < (int)r->ncols; i++)
		if (r->cols[i].total != SINK_TOTAL_NONE && !r->cols[i].hidden)
			break;
	if ((rc = get_bool(p, "report", "totals", i < (int)r->ncols,
	    &r->totals)) != WY_OK)
		return rc;
	for (i = 0; i < (int)r->ncols && r->cols[i].hidden; i++)
		;
	if (i == (int)r->ncols)
		return def_fail(p, "report", "sql", _("every column is hidden"));
	if ((rc = parse_chart(p)) != WY_OK)
		return rc;
	return r->pack ? check_pack(p) : WY_OK;
}

int
report_def_read(struct session *s, struct report_ro *ro, const char *name,
    struct report **out, int *builtin, struct wy_err *e)
{
	struct report *r;
	struct rpriv *rp;
	struct def p = { .e = e };
	char rel[128], *file, *data, *raw;
	size_t len;
	int rc;

	*out = NULL;
	*builtin = 0;
	if (!report_name_valid(name))
		return wy_fail(e, WY_ENOTFOUND, _("unknown report '%s'"), name);
	snprintf(rel, sizeof rel, "reports/%s.ini", name);
	if ((rc = embed_data(NULL, s->conf != NULL ? conf_str(s->conf,
	    "paths.data") : NULL, rel, &file, &data, &len, builtin, e)) != WY_OK)
		return rc == WY_ENOTFOUND ? wy_fail(e, WY_ENOTFOUND,
		    _("unknown report '%s'"), name) : rc;
	r = xcalloc(1, sizeof *r);
	r->priv = rp = xcalloc(1, sizeof *rp);
	r->name = xstrdup(name);
	r->file = file;
	r->builtin = *builtin;
	r->drill_col = r->group_col = -1;
	p.file = r->file;
	p.text = data;
	p.r = r;
	raw = report_split_sql(p.text, &len, &p.raw_line);
	p.raw_sql = raw;
	rp->d = p.d = conf_ini_read(r->file, (const unsigned char *)p.text,
	    len, e);
	rc = p.d == NULL ? (int)e->code : parse(&p, s, ro);
	free(raw);
	free(data);
	if (rc != WY_OK) {
		report_free(&r);
		return rc;
	}
	*out = r;
	return WY_OK;
}

void
report_free(struct report **rp)
{
	struct report *r = *rp;
	struct rpriv *p;
	size_t i;

	if (r == NULL)
		return;
	if ((p = r->priv) != NULL) {
		iniparser_freedict(p->d);
		for (i = 0; i < p->nstrs; i++)
			free(p->strs[i]);
		free(p->strs);
		free(p->values);
		free(p);
	}
	free(r->params);
	free(r->cols);
	free(r->name);
	free(r->file);
	free(r);
	*rp = NULL;
}

int
report_group_rank(const char *group)
{
	int i = group != NULL ? list_index(groups, group) : -1;

	return i >= 0 ? i : (int)(sizeof groups / sizeof groups[0]);
}
