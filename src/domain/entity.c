/* wuye: entities described by forms/NAME.ini.
 *
 * entity_load() reads a form file into struct entity and checks it; the
 * SQL for the entity (insert, update, select) is made from the checked
 * identifiers of the form, never from record values, which are always
 * bound.  Identifiers must match [a-z_][a-z0-9_]* and are quoted as well.
 *
 * A form file has a [form] section and one section per field, in the
 * order the fields are shown, and optionally [action.NAME] sections: row
 * actions that call a function a domain module registered (see
 * entity_action.c); wuye.conf(5) documents the keys.
 */
#include "wuye/entity.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <iniparser.h>

#include "wuye/conf.h"
#include "wuye/embed.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/money.h"
#include "wuye/pinyin.h"
#include "wuye/text.h"
#include "wuye/utf8.h"

static const char *const field_type_names[] = {
#define FIELD_TYPE_NAME(name, text) text,
	FIELD_TYPES(FIELD_TYPE_NAME)
#undef FIELD_TYPE_NAME
};

static const char *const form_keys[] = {
	"table", "title", "title.zh", "key", "display", "order", "search", "read",
	"write", "readonly", NULL,
};

static const char *const field_keys[] = {
	"label", "label.zh", "column", "type", "width", "maxlen", "required",
	"unique", "scale", "min", "max", "list", "choices", "lookup", "default",
	"format", "browse", "sensitive", "null", "help", "help.zh", "sort", NULL,
};

static const char *const action_keys[] = {
	"label", "label.zh", "ask", "ask.zh", "confirm", "call", NULL,
};

/* 1 if s is a safe SQL identifier: [a-z_][a-z0-9_]*, at most 63 bytes. */
static int
is_identifier(const char *s)
{
	size_t i;

	if (s == NULL || !(islower((unsigned char)s[0]) || s[0] == '_'))
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if (!(islower((unsigned char)s[i]) || isdigit((unsigned char)s[i]) ||
		    s[i] == '_') || i > 62)
			return 0;
	return 1;
}

static int
in_list(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

static const char *
ini_get(dictionary *d, const char *sec, const char *key)
{
	char full[160];

	snprintf(full, sizeof full, "%s:%s", sec, key);
	return iniparser_getstring(d, full, NULL);
}

/* Parse yes/no for a definition key. */
static int
def_bool(const char *src, const char *sec, const char *key, const char *v,
    int *out, struct wy_err *e)
{
	if (v == NULL) {
		*out = 0;
		return WY_OK;
	}
	if (strcmp(v, "yes") == 0 || strcmp(v, "true") == 0 || strcmp(v, "1") == 0)
		*out = 1;
	else if (strcmp(v, "no") == 0 || strcmp(v, "false") == 0 ||
	    strcmp(v, "0") == 0)
		*out = 0;
	else
		return wy_fail(e, WY_EINVALID, _("%s: [%s] %s: '%s' is not yes or no"),
		    src, sec, key, v);
	return WY_OK;
}

static int
def_int(const char *src, const char *sec, const char *key, const char *v,
    int lo, int hi, int *out, struct wy_err *e)
{
	char *end;
	long n;

	if (v == NULL)
		return WY_OK;
	errno = 0;
	n = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || errno != 0 || n < lo || n > hi)
		return wy_fail(e, WY_EINVALID,
		    _("%s: [%s] %s: '%s' is not a whole number from %d to %d"),
		    src, sec, key, v, lo, hi);
	*out = (int)n;
	return WY_OK;
}

/* Split "a, b, c" into a malloc'd array of trimmed strings. */
static char **
split_list(const char *s, size_t *n)
{
	char **out, *copy, *tok, *save, *end;

	*n = 0;
	out = xcalloc(strlen(s) / 2 + 2, sizeof *out);
	copy = xstrdup(s);
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ' || *tok == '\t')
			tok++;
		end = tok + strlen(tok);
		while (end > tok && (end[-1] == ' ' || end[-1] == '\t'))
			*--end = '\0';
		if (*tok != '\0')
			out[(*n)++] = xstrdup(tok);
	}
	free(copy);
	return out;
}

static void
free_list(char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

/* choices = code:English:中文, code:English:中文 */
static int
parse_choices(const char *src, const char *sec, const char *v,
    struct field *f, struct wy_err *e)
{
	char **items, *p, *q;
	size_t n, i;

	items = split_list(v, &n);
	f->choices = xcalloc(n, sizeof *f->choices);
	for (i = 0; i < n; i++) {
		p = strchr(items[i], ':');
		q = p != NULL ? strchr(p + 1, ':') : NULL;
		if (p == NULL || q == NULL) {
			free_list(items, n);
			return wy_fail(e, WY_EINVALID,
			    _("%s: [%s] choices: '%s' is not code:English:Chinese"),
			    src, sec, v);
		}
		*p = *q = '\0';
		f->choices[i].code = xstrdup(items[i]);
		f->choices[i].label = xstrdup(p + 1);
		f->choices[i].label_zh = xstrdup(q + 1);
		f->nchoices++;
	}
	free_list(items, n);
	return WY_OK;
}

static int
parse_limit(const char *src, const char *sec, const char *key,
    const struct field *f, const char *v, int64_t *out, int *has,
    struct wy_err *e)
{
	int scale = f->type == FIELD_DECIMAL ? f->scale :
	    f->type == FIELD_MONEY ? 2 : 0;

	if (v == NULL)
		return WY_OK;
	if (fixed_parse(v, scale, INT64_MAX / 10, out, e) != WY_OK)
		return wy_fail(e, WY_EINVALID, _("%s: [%s] %s: '%s' is not a number"),
		    src, sec, key, v);
	*has = 1;
	return WY_OK;
}

/* Check the keys of one section against the allowed list. */
static int
check_keys(dictionary *d, const char *src, const char *sec,
    const char *const *allowed, struct wy_err *e)
{
	const char *keys[64];
	int n, i;

	n = iniparser_getsecnkeys(d, sec);
	if (n > 64)
		return wy_fail(e, WY_EINVALID, _("%s: [%s] has too many keys"),
		    src, sec);
	iniparser_getseckeys(d, sec, keys);
	for (i = 0; i < n; i++)
		if (!in_list(allowed, keys[i] + strlen(sec) + 1))
			return wy_fail(e, WY_EINVALID, _("%s: [%s] unknown key '%s'"),
			    src, sec, keys[i] + strlen(sec) + 1);
	return WY_OK;
}

static int
parse_field(dictionary *d, const char *src, const char *sec, struct field *f,
    struct wy_err *e)
{
	const char *v;
	size_t t;
	int rc;

	if ((rc = check_keys(d, src, sec, field_keys, e)) != WY_OK)
		return rc;
	if (!is_identifier(sec))
		return wy_fail(e, WY_EINVALID,
		    _("%s: [%s]: a field name is lower-case letters, digits and _"),
		    src, sec);
	f->name = xstrdup(sec);
	f->label = xstrdup((v = ini_get(d, sec, "label")) ? v : sec);
	f->label_zh = xstrdup((v = ini_get(d, sec, "label.zh")) ? v : f->label);
	f->column = xstrdup((v = ini_get(d, sec, "column")) ? v : sec);
	if (!is_identifier(f->column))
		return wy_fail(e, WY_EINVALID, _("%s: [%s] column: '%s' is not a column name"),
		    src, sec, f->column);
	v = ini_get(d, sec, "type");
	f->type = FIELD_TEXT;
	if (v != NULL) {
		for (t = 0; t < sizeof field_type_names / sizeof field_type_names[0]; t++)
			if (strcmp(v, field_type_names[t]) == 0)
				break;
		if (t == sizeof field_type_names / sizeof field_type_names[0])
			return wy_fail(e, WY_EINVALID,
			    _("%s: [%s] type: '%s' is not one of text, longtext, integer, "
			    "decimal, money, date, yesno, choice, lookup"), src, sec, v);
		f->type = (enum field_type)t;
	}
	f->scale = f->type == FIELD_MONEY ? 2 : 0;
	f->maxlen = f->type == FIELD_LONGTEXT ? TEXT_MAX : 200;
	f->width = f->type == FIELD_DATE ? 10 : f->type == FIELD_MONEY ? 12 : 10;
	if ((rc = def_int(src, sec, "width", ini_get(d, sec, "width"), 1, 200,
	    &f->width, e)) != WY_OK ||
	    (rc = def_int(src, sec, "maxlen", ini_get(d, sec, "maxlen"), 1, TEXT_MAX,
	    &f->maxlen, e)) != WY_OK ||
	    (rc = def_bool(src, sec, "required", ini_get(d, sec, "required"),
	    &f->required, e)) != WY_OK ||
	    (rc = def_bool(src, sec, "unique", ini_get(d, sec, "unique"),
	    &f->unique, e)) != WY_OK ||
	    (rc = def_bool(src, sec, "browse", ini_get(d, sec, "browse"),
	    &f->in_list, e)) != WY_OK ||
	    (rc = def_bool(src, sec, "sensitive", ini_get(d, sec, "sensitive"),
	    &f->sensitive, e)) != WY_OK ||
	    (rc = def_bool(src, sec, "null", ini_get(d, sec, "null"),
	    &f->null, e)) != WY_OK)
		return rc;
	if (f->type == FIELD_DECIMAL && (rc = def_int(src, sec, "scale",
	    ini_get(d, sec, "scale"), 0, 6, &f->scale, e)) != WY_OK)
		return rc;
	if ((rc = parse_limit(src, sec, "min", f, ini_get(d, sec, "min"),
	    &f->min, &f->has_min, e)) != WY_OK ||
	    (rc = parse_limit(src, sec, "max", f, ini_get(d, sec, "max"),
	    &f->max, &f->has_max, e)) != WY_OK)
		return rc;
	f->list = xstrdup(ini_get(d, sec, "list"));
	if ((v = ini_get(d, sec, "choices")) != NULL &&
	    (rc = parse_choices(src, sec, v, f, e)) != WY_OK)
		return rc;
	if (f->type == FIELD_CHOICE && f->list == NULL && f->nchoices == 0)
		return wy_fail(e, WY_EINVALID,
		    _("%s: [%s]: a choice needs list (a category list) or choices"),
		    src, sec);
	f->lookup = xstrdup(ini_get(d, sec, "lookup"));
	if (f->type == FIELD_LOOKUP && !is_identifier(f->lookup))
		return wy_fail(e, WY_EINVALID, _("%s: [%s]: a lookup needs lookup = FORM"),
		    src, sec);
	f->def = xstrdup(ini_get(d, sec, "default"));
	f->format = xstrdup(ini_get(d, sec, "format"));
	if (f->format != NULL && strcmp(f->format, "phone") != 0 &&
	    strcmp(f->format, "idcard") != 0 && strcmp(f->format, "code") != 0)
		return wy_fail(e, WY_EINVALID,
		    _("%s: [%s] format: '%s' is not phone, idcard or code"),
		    src, sec, f->format);
	f->help = xstrdup(ini_get(d, sec, "help"));
	f->help_zh = xstrdup(ini_get(d, sec, "help.zh"));
	if ((v = ini_get(d, sec, "sort")) != NULL &&
	    ((f->type != FIELD_TEXT && f->type != FIELD_LONGTEXT) ||
	    (f->sort = pinyin_order_parse(v)) < 0))
		return wy_fail(e, WY_EINVALID,
		    _("%s: [%s] sort: '%s' is not natural, pinyin or name (of a "
		    "text field)"), src, sec, v);
	return WY_OK;
}

/* One [action.NAME] section: its label, question and the function. */
static int
parse_action(dictionary *d, const char *src, const char *sec,
    struct entity_action *a, struct wy_err *e)
{
	const char *v;
	int rc;

	if ((rc = check_keys(d, src, sec, action_keys, e)) != WY_OK)
		return rc;
	if (!is_identifier(sec + 7))
		return wy_fail(e, WY_EINVALID,
		    _("%s: [%s]: an action name is lower-case letters, digits and _"),
		    src, sec);
	a->name = xstrdup(sec + 7);
	if ((v = ini_get(d, sec, "label")) == NULL || *v == '\0')
		return wy_fail(e, WY_EINVALID, _("%s: [%s]: an action needs a label"),
		    src, sec);
	a->label = xstrdup(v);
	a->label_zh = xstrdup((v = ini_get(d, sec, "label.zh")) ? v : a->label);
	a->ask = xstrdup(ini_get(d, sec, "ask"));
	if (a->ask != NULL && *a->ask == '\0') {
		free(a->ask);
		a->ask = NULL;
	}
	if (a->ask != NULL)
		a->ask_zh = xstrdup((v = ini_get(d, sec, "ask.zh")) ? v : a->ask);
	if ((rc = def_bool(src, sec, "confirm", ini_get(d, sec, "confirm"),
	    &a->confirm, e)) != WY_OK)
		return rc;
	if ((v = ini_get(d, sec, "call")) == NULL || *v == '\0')
		return wy_fail(e, WY_EINVALID, _("%s: [%s]: an action needs call = FUNCTION"),
		    src, sec);
	a->call = xstrdup(v);
	if ((a->fn = entity_call_find(v)) == NULL)
		return wy_fail(e, WY_EINVALID, _("%s: [%s] call: no function '%s'"),
		    src, sec, v);
	return WY_OK;
}

static int
parse_form(dictionary *d, const char *src, struct entity *ent,
    struct wy_err *e)
{
	const char *v, *sec;
	char **names;
	size_t i;
	int s, nsec, rc;

	if (iniparser_find_entry(d, "form") == 0)
		return wy_fail(e, WY_EINVALID, _("%s: no [form] section"), src);
	if ((rc = check_keys(d, src, "form", form_keys, e)) != WY_OK)
		return rc;
	ent->table = xstrdup(ini_get(d, "form", "table"));
	if (!is_identifier(ent->table))
		return wy_fail(e, WY_EINVALID, _("%s: [form] table: missing or not a table name"),
		    src);
	ent->title = xstrdup((v = ini_get(d, "form", "title")) ? v : ent->name);
	ent->title_zh = xstrdup((v = ini_get(d, "form", "title.zh")) ? v : ent->title);
	ent->key = xstrdup(ini_get(d, "form", "key"));
	ent->display = xstrdup(ini_get(d, "form", "display"));
	ent->order = xstrdup(ini_get(d, "form", "order"));
	ent->perm_read = xstrdup((v = ini_get(d, "form", "read")) ? v : "property.read");
	ent->perm_write = xstrdup((v = ini_get(d, "form", "write")) ? v : "property.write");
	names = split_list((v = ini_get(d, "form", "search")) ? v : "", &ent->nsearch);
	ent->search = names;
	if ((rc = def_bool(src, "form", "readonly", ini_get(d, "form",
	    "readonly"), &ent->readonly, e)) != WY_OK)
		return rc;

	nsec = iniparser_getnsec(d);
	ent->fields = xcalloc((size_t)nsec, sizeof *ent->fields);
	ent->actions = xcalloc((size_t)nsec, sizeof *ent->actions);
	for (s = 0; s < nsec; s++) {
		sec = iniparser_getsecname(d, s);
		if (strcmp(sec, "form") == 0)
			continue;
		if (strncmp(sec, "action.", 7) == 0) {
			rc = parse_action(d, src, sec,
			    &ent->actions[ent->nactions++], e);
			if (rc != WY_OK)
				return rc;
			continue;
		}
		for (i = 0; i < ent->nfields; i++)
			if (strcmp(ent->fields[i].name, sec) == 0)
				return wy_fail(e, WY_EINVALID, _("%s: [%s] appears twice"),
				    src, sec);
		rc = parse_field(d, src, sec, &ent->fields[ent->nfields++], e);
		if (rc != WY_OK)
			return rc;
	}
	if (ent->nfields == 0)
		return wy_fail(e, WY_EINVALID, _("%s: no fields"), src);
	if (ent->key != NULL && entity_field(ent, ent->key) == NULL)
		return wy_fail(e, WY_EINVALID, _("%s: [form] key: no field '%s'"),
		    src, ent->key);
	if (ent->display != NULL && entity_field(ent, ent->display) == NULL)
		return wy_fail(e, WY_EINVALID, _("%s: [form] display: no field '%s'"),
		    src, ent->display);
	if (ent->order != NULL && entity_field(ent, ent->order) == NULL)
		return wy_fail(e, WY_EINVALID, _("%s: [form] order: no field '%s'"),
		    src, ent->order);
	for (i = 0; i < ent->nsearch; i++)
		if (entity_field(ent, ent->search[i]) == NULL)
			return wy_fail(e, WY_EINVALID, _("%s: [form] search: no field '%s'"),
			    src, ent->search[i]);
	return WY_OK;
}

/* Fill lookup_table and lookup_key of each lookup field from its target. */
static int resolve_lookups(const struct conf *conf, struct entity *ent,
    int depth, struct wy_err *e);

static int
load(const struct conf *conf, const char *name, int depth,
    struct entity **out, struct wy_err *e)
{
	struct entity *ent;
	char rel[128], *text;
	dictionary *d;
	size_t len;
	int rc;

	*out = NULL;
	if (!is_identifier(name))
		return wy_fail(e, WY_ENOTFOUND, _("unknown kind '%s'"), name);
	snprintf(rel, sizeof rel, "forms/%s.ini", name);
	ent = xcalloc(1, sizeof *ent);
	ent->name = xstrdup(name);
	if ((rc = embed_data(NULL, conf != NULL ? conf_str(conf, "paths.data") :
	    NULL, rel, &ent->source, &text, &len, NULL, e)) != WY_OK) {
		entity_free(&ent);
		return rc == WY_ENOTFOUND ? wy_fail(e, WY_ENOTFOUND,
		    _("unknown kind '%s'"), name) : rc;
	}
	d = conf_ini_read(ent->source, (const unsigned char *)text, len, e);
	free(text);
	if (d == NULL) {
		entity_free(&ent);
		return e->code;
	}
	rc = parse_form(d, ent->source, ent, e);
	iniparser_freedict(d);
	if (rc == WY_OK)
		rc = resolve_lookups(conf, ent, depth, e);
	if (rc != WY_OK) {
		entity_free(&ent);
		return rc;
	}
	*out = ent;
	return WY_OK;
}

static int
resolve_lookups(const struct conf *conf, struct entity *ent, int depth,
    struct wy_err *e)
{
	struct entity *target;
	const struct field *key;
	struct field *f;
	size_t i;
	int rc;

	for (i = 0; i < ent->nfields; i++) {
		f = &ent->fields[i];
		if (f->type != FIELD_LOOKUP)
			continue;
		if (depth > 0)
			continue;	/* a target's own lookups are not needed */
		if ((rc = load(conf, f->lookup, depth + 1, &target, e)) != WY_OK)
			return wy_prefix(e, _("%s: [%s] lookup"), ent->source, f->name);
		key = target->key != NULL ? entity_field(target, target->key) : NULL;
		if (key == NULL) {
			entity_free(&target);
			return wy_fail(e, WY_EINVALID,
			    _("%s: [%s] lookup: form '%s' has no key"),
			    ent->source, f->name, f->lookup);
		}
		f->lookup_table = xstrdup(target->table);
		f->lookup_key = xstrdup(key->column);
		f->lookup_sort = key->sort;
		if (target->display != NULL)
			f->lookup_display = xstrdup(entity_field(target,
			    target->display)->column);
		entity_free(&target);
	}
	return WY_OK;
}

int
entity_load(const struct conf *conf, const char *name, struct entity **out,
    struct wy_err *e)
{
	return load(conf, name, 0, out, e);
}

void
entity_free(struct entity **ep)
{
	struct entity *ent = *ep;
	struct field *f;
	size_t i, j;

	if (ent == NULL)
		return;
	for (i = 0; i < ent->nfields; i++) {
		f = &ent->fields[i];
		free(f->name);
		free(f->label);
		free(f->label_zh);
		free(f->column);
		free(f->list);
		for (j = 0; j < f->nchoices; j++) {
			free(f->choices[j].code);
			free(f->choices[j].label);
			free(f->choices[j].label_zh);
		}
		free(f->choices);
		free(f->lookup);
		free(f->lookup_table);
		free(f->lookup_key);
		free(f->lookup_display);
		free(f->def);
		free(f->format);
		free(f->help);
		free(f->help_zh);
	}
	free(ent->fields);
	for (i = 0; i < ent->nactions; i++) {
		free(ent->actions[i].name);
		free(ent->actions[i].label);
		free(ent->actions[i].label_zh);
		free(ent->actions[i].ask);
		free(ent->actions[i].ask_zh);
		free(ent->actions[i].call);
	}
	free(ent->actions);
	free_list(ent->search, ent->nsearch);
	free(ent->name);
	free(ent->source);
	free(ent->table);
	free(ent->title);
	free(ent->title_zh);
	free(ent->key);
	free(ent->display);
	free(ent->order);
	free(ent->perm_read);
	free(ent->perm_write);
	free(ent);
	*ep = NULL;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add name to the set if it is not there yet. */
static void
add_name(char ***names, size_t *n, size_t *cap, const char *file)
{
	size_t i, len = strlen(file);

	if (len < 5 || strcmp(file + len - 4, ".ini") != 0)
		return;
	for (i = 0; i < *n; i++)
		if (strncmp((*names)[i], file, len - 4) == 0 &&
		    (*names)[i][len - 4] == '\0')
			return;
	if (*n == *cap) {
		*cap = *cap * 2 + 8;
		*names = xrealloc(*names, *cap * sizeof **names);
	}
	(*names)[*n] = xstrdup(file);
	(*names)[(*n)++][len - 4] = '\0';
}

char **
entity_names(const struct conf *conf, size_t *n)
{
	const struct embed_file *f;
	struct dirent *de;
	char **names = NULL, *dir;
	size_t cap = 0;
	DIR *dp;

	*n = 0;
	for (f = embed_files; f->name != NULL; f++)
		if (strncmp(f->name, "forms/", 6) == 0)
			add_name(&names, n, &cap, f->name + 6);
	if (conf != NULL) {
		dir = xasprintf("%s/forms", conf_str(conf, "paths.data"));
		if ((dp = opendir(dir)) != NULL) {
			while ((de = readdir(dp)) != NULL)
				add_name(&names, n, &cap, de->d_name);
			closedir(dp);
		}
		free(dir);
	}
	if (*n > 0)
		qsort(names, *n, sizeof *names, cmp_str);
	return names;
}

void
entity_names_free(char **names, size_t n)
{
	free_list(names, n);
}

const struct field *
entity_field(const struct entity *ent, const char *name)
{
	size_t i;

	for (i = 0; i < ent->nfields; i++)
		if (strcmp(ent->fields[i].name, name) == 0)
			return &ent->fields[i];
	for (i = 0; i < ent->nfields; i++)
		if (strcasecmp(ent->fields[i].label, name) == 0 ||
		    strcmp(ent->fields[i].label_zh, name) == 0)
			return &ent->fields[i];
	return NULL;
}

/* 1 when the messages are Chinese (the catalogue in use translates). */
static int
chinese(void)
{
	return strcmp(_("English"), "English") != 0;
}

const char *
field_label(const struct field *f)
{
	return chinese() ? f->label_zh : f->label;
}

int
field_width(const struct field *f)
{
	int w = f->width, lw;
	size_t i;

	if ((lw = utf8_width(field_label(f))) > w)
		w = lw;
	for (i = 0; i < f->nchoices; i++)
		if ((lw = utf8_width(chinese() ? f->choices[i].label_zh :
		    f->choices[i].label)) > w)
			w = lw;
	return w;
}

const char *
entity_title(const struct entity *ent)
{
	return chinese() ? ent->title_zh : ent->title;
}

/* The action's label in the language in use. */
const char *
entity_action_label(const struct entity_action *a)
{
	return chinese() ? a->label_zh : a->label;
}

/* The action's question in the language in use, or NULL. */
const char *
entity_action_ask(const struct entity_action *a)
{
	return chinese() ? a->ask_zh : a->ask;
}
