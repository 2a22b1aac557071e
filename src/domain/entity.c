/* wuye: entities described by forms/NAME.ini.
 *
 * entity_load() reads a form file into struct entity and checks it; the
 * SQL for the entity (insert, update, select) is made from the checked
 * identifiers of the form, never from record values, which are always
 * bound.  Identifiers must match [a-z_][a-z0-9_]* and are quoted as well.
 *
 * A form file has a [form] section and one section per field, in the
 * order the fields are shown; wuye.conf(5) documents the keys.
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
#include <sys/mman.h>
#include <unistd.h>

#include <iniparser.h>

#include "wuye/auth.h"
#include "wuye/conf.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/embed.h"
#include "wuye/i18n.h"
#include "wuye/ident.h"
#include "wuye/money.h"
#include "wuye/utf8.h"

extern const struct entity_rule property_rules[];
extern const struct entity_rule client_rules[];

static const struct entity_rule *const rule_tables[] = {
	property_rules,
	client_rules,
};

static const char *const field_type_names[] = {
#define FIELD_TYPE_NAME(name, text) text,
	FIELD_TYPES(FIELD_TYPE_NAME)
#undef FIELD_TYPE_NAME
};

static const char *const form_keys[] = {
	"table", "title", "title.zh", "key", "order", "search", "read", "write",
	NULL,
};

static const char *const field_keys[] = {
	"label", "label.zh", "column", "type", "width", "maxlen", "required",
	"unique", "scale", "min", "max", "list", "choices", "lookup", "default",
	"format", "browse", "sensitive", "help", "help.zh", NULL,
};

static char ini_error[512];

static int
ini_errback(const char *fmt, ...)
{
	va_list ap;
	size_t n = strlen(ini_error);

	va_start(ap, fmt);
	if (n < sizeof ini_error - 1)
		vsnprintf(ini_error + n, sizeof ini_error - n, fmt, ap);
	va_end(ap);
	return 0;
}

static char *
xstrdup(const char *s)
{
	char *p;

	if (s == NULL)
		return NULL;
	if ((p = strdup(s)) == NULL)
		abort();
	return p;
}

static void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n == 0 ? 1 : n, size);

	if (p == NULL)
		abort();
	return p;
}

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

/* Load an INI text (not a file name) with iniparser, through a memory
 * file, since iniparser 4.1 reads only named files. */
static dictionary *
ini_load_text(const char *name, const unsigned char *data, size_t len,
    struct wy_err *e)
{
	char path[64];
	dictionary *d;
	int fd;

	if ((fd = memfd_create("wuye-form", MFD_CLOEXEC)) < 0 ||
	    write(fd, data, len) != (ssize_t)len) {
		if (fd >= 0)
			close(fd);
		wy_fail(e, WY_EFAIL, "%s: %s", name, strerror(errno));
		return NULL;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	ini_error[0] = '\0';
	iniparser_set_error_callback(ini_errback);
	d = iniparser_load(path);
	close(fd);
	if (d == NULL || ini_error[0] != '\0') {
		iniparser_freedict(d);
		ini_error[strcspn(ini_error, "\n")] = '\0';
		wy_fail(e, WY_EINVALID, _("%s: %s"), name,
		    ini_error[0] ? ini_error : _("cannot read the file"));
		return NULL;
	}
	return d;
}

/* Read the file at path into memory; NULL if it cannot be read. */
static unsigned char *
read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0) {
		buf = xcalloc((size_t)n + 1, 1);
		if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		} else
			*len = (size_t)n;
	}
	fclose(f);
	return buf;
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
	f->maxlen = f->type == FIELD_LONGTEXT ? 2000 : 200;
	f->width = f->type == FIELD_DATE ? 10 : f->type == FIELD_MONEY ? 12 : 10;
	if ((rc = def_int(src, sec, "width", ini_get(d, sec, "width"), 1, 200,
	    &f->width, e)) != WY_OK ||
	    (rc = def_int(src, sec, "maxlen", ini_get(d, sec, "maxlen"), 1, 100000,
	    &f->maxlen, e)) != WY_OK ||
	    (rc = def_bool(src, sec, "required", ini_get(d, sec, "required"),
	    &f->required, e)) != WY_OK ||
	    (rc = def_bool(src, sec, "unique", ini_get(d, sec, "unique"),
	    &f->unique, e)) != WY_OK ||
	    (rc = def_bool(src, sec, "browse", ini_get(d, sec, "browse"),
	    &f->in_list, e)) != WY_OK ||
	    (rc = def_bool(src, sec, "sensitive", ini_get(d, sec, "sensitive"),
	    &f->sensitive, e)) != WY_OK)
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
	ent->order = xstrdup(ini_get(d, "form", "order"));
	ent->perm_read = xstrdup((v = ini_get(d, "form", "read")) ? v : "property.read");
	ent->perm_write = xstrdup((v = ini_get(d, "form", "write")) ? v : "property.write");
	names = split_list((v = ini_get(d, "form", "search")) ? v : "", &ent->nsearch);
	ent->search = names;

	nsec = iniparser_getnsec(d);
	ent->fields = xcalloc((size_t)nsec, sizeof *ent->fields);
	for (s = 0; s < nsec; s++) {
		sec = iniparser_getsecname(d, s);
		if (strcmp(sec, "form") == 0)
			continue;
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
	if (ent->order != NULL && entity_field(ent, ent->order) == NULL)
		return wy_fail(e, WY_EINVALID, _("%s: [form] order: no field '%s'"),
		    src, ent->order);
	for (i = 0; i < ent->nsearch; i++)
		if (entity_field(ent, ent->search[i]) == NULL)
			return wy_fail(e, WY_EINVALID, _("%s: [form] search: no field '%s'"),
			    src, ent->search[i]);
	return WY_OK;
}

/* The user's override of a data file, if there is one: malloc'd path. */
static char *
user_file(const struct conf *conf, const char *rel)
{
	char *path;

	if (conf == NULL)
		return NULL;
	if (asprintf(&path, "%s/%s", conf_str(conf, "paths.data"), rel) < 0)
		abort();
	if (access(path, R_OK) == 0)
		return path;
	free(path);
	return NULL;
}

/* Fill lookup_table and lookup_key of each lookup field from its target. */
static int resolve_lookups(const struct conf *conf, struct entity *ent,
    int depth, struct wy_err *e);

static int
load(const struct conf *conf, const char *name, int depth,
    struct entity **out, struct wy_err *e)
{
	const struct embed_file *f;
	struct entity *ent;
	unsigned char *data = NULL;
	dictionary *d;
	char rel[128], *path;
	size_t len = 0;
	int rc;

	*out = NULL;
	if (!is_identifier(name))
		return wy_fail(e, WY_ENOTFOUND, _("unknown kind '%s'"), name);
	snprintf(rel, sizeof rel, "forms/%s.ini", name);
	ent = xcalloc(1, sizeof *ent);
	ent->name = xstrdup(name);
	if ((path = user_file(conf, rel)) != NULL) {
		if ((data = read_all(path, &len)) == NULL) {
			rc = wy_fail(e, WY_EFAIL, "%s: %s", path, strerror(errno));
			free(path);
			entity_free(&ent);
			return rc;
		}
		ent->source = path;
	} else if ((f = embed_find(rel)) != NULL) {
		ent->source = xstrdup(rel);
	} else {
		entity_free(&ent);
		return wy_fail(e, WY_ENOTFOUND, _("unknown kind '%s'"), name);
	}
	d = data != NULL ? ini_load_text(ent->source, data, len, e) :
	    ini_load_text(ent->source, f->data, f->len, e);
	free(data);
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
		free(f->def);
		free(f->format);
		free(f->help);
		free(f->help_zh);
	}
	free(ent->fields);
	free_list(ent->search, ent->nsearch);
	free(ent->name);
	free(ent->source);
	free(ent->table);
	free(ent->title);
	free(ent->title_zh);
	free(ent->key);
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
		if ((*names = realloc(*names, *cap * sizeof **names)) == NULL)
			abort();
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
		if (asprintf(&dir, "%s/forms", conf_str(conf, "paths.data")) < 0)
			abort();
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

const char *
entity_title(const struct entity *ent)
{
	return chinese() ? ent->title_zh : ent->title;
}

void
values_clear(struct value *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].s);
		v[i].s = NULL;
		v[i].kind = VALUE_NULL;
		v[i].i = 0;
	}
}

static void
set_text(struct value *out, const char *s)
{
	out->kind = VALUE_TEXT;
	out->s = xstrdup(s);
}

static void
set_int(struct value *out, int64_t i)
{
	out->kind = VALUE_INT;
	out->i = i;
}

/* A choice: the code whose code, English or Chinese name is text. */
static int
parse_choice(struct session *s, const struct field *f, const char *text,
    struct value *out, struct wy_err *e)
{
	sqlite3_stmt *st;
	size_t i;
	int rc;

	for (i = 0; i < f->nchoices; i++)
		if (strcmp(f->choices[i].code, text) == 0 ||
		    strcasecmp(f->choices[i].label, text) == 0 ||
		    strcmp(f->choices[i].label_zh, text) == 0) {
			set_text(out, f->choices[i].code);
			return WY_OK;
		}
	if (f->list != NULL) {
		rc = db_cached(s->db, "SELECT code FROM categories WHERE list = ?1"
		    " AND active = 1 AND (code = ?2 OR name_zh = ?2"
		    " OR name_en = ?2 COLLATE NOCASE) ORDER BY code = ?2 DESC LIMIT 1",
		    &st, e);
		if (rc != WY_OK ||
		    (rc = db_bind(s->db, st, e, "tt", f->list, text)) != WY_OK)
			return rc;
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			set_text(out, (const char *)sqlite3_column_text(st, 0));
			sqlite3_reset(st);
			return WY_OK;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_fail(s->db, rc, e, f->name);
	}
	return wy_fail(e, WY_EINVALID, _("%s: '%s' is not one of the choices"),
	    field_label(f), text);
}

static int
parse_lookup(struct session *s, const struct field *f, const char *text,
    struct value *out, struct wy_err *e)
{
	sqlite3_stmt *st;
	char sql[256];
	int rc;

	snprintf(sql, sizeof sql, "SELECT id FROM \"%s\" WHERE \"%s\" = ?",
	    f->lookup_table, f->lookup_key);
	if ((rc = db_cached(s->db, sql, &st, e)) != WY_OK ||
	    (rc = db_bind(s->db, st, e, "t", text)) != WY_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		set_int(out, sqlite3_column_int64(st, 0));
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return WY_OK;
	if (rc != SQLITE_DONE)
		return db_fail(s->db, rc, e, f->name);
	return wy_fail(e, WY_EINVALID, _("%s: no %s '%s'"), field_label(f),
	    f->lookup, text);
}

static int
parse_bool(const struct field *f, const char *text, struct value *out,
    struct wy_err *e)
{
	static const char *const yes[] = { "yes", "y", "true", "1", "是", NULL };
	static const char *const no[] = { "no", "n", "false", "0", "否", NULL };
	size_t i;

	for (i = 0; yes[i] != NULL; i++)
		if (strcasecmp(text, yes[i]) == 0) {
			set_int(out, 1);
			return WY_OK;
		}
	for (i = 0; no[i] != NULL; i++)
		if (strcasecmp(text, no[i]) == 0) {
			set_int(out, 0);
			return WY_OK;
		}
	return wy_fail(e, WY_EINVALID, _("%s: '%s' is not yes or no"),
	    field_label(f), text);
}

static int
check_range(const struct field *f, int64_t v, struct wy_err *e)
{
	char lo[MONEY_BUFSIZE], hi[MONEY_BUFSIZE];

	if ((f->has_min && v < f->min) || (f->has_max && v > f->max)) {
		fixed_format(f->min, f->scale, lo, sizeof lo);
		fixed_format(f->max, f->scale, hi, sizeof hi);
		if (f->has_min && f->has_max)
			return wy_fail(e, WY_EINVALID, _("%s: must be from %s to %s"),
			    field_label(f), lo, hi);
		if (f->has_min)
			return wy_fail(e, WY_EINVALID, _("%s: must be at least %s"),
			    field_label(f), lo);
		return wy_fail(e, WY_EINVALID, _("%s: must be at most %s"),
		    field_label(f), hi);
	}
	return WY_OK;
}

/* Codes: letters, digits and - _ . / ·, no spaces. */
static int
check_code(const struct field *f, const char *text, struct wy_err *e)
{
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p != '\0'; p++)
		if (*p == ' ' || *p == '\t' || *p == ',' || *p == '"' || *p == '\'')
			return wy_fail(e, WY_EINVALID,
			    _("%s: '%s' may not contain spaces, commas or quotes"),
			    field_label(f), text);
	return WY_OK;
}

int
field_parse(struct session *s, const struct entity *ent,
    const struct field *f, const char *text, int use_default,
    struct value *out, struct wy_err *e)
{
	int64_t v;
	int32_t day;
	int rc;

	out->kind = VALUE_NULL;
	out->s = NULL;
	if (text == NULL || *text == '\0') {
		if (!use_default || f->def == NULL)
			return WY_OK;
		text = f->def;
	}
	if (!utf8_valid(text, strlen(text)))
		return wy_fail(e, WY_EINVALID, _("%s: the text is not valid UTF-8"),
		    field_label(f));
	if (f->type == FIELD_LONGTEXT ? strpbrk(text, "\x01\x02\x03\x04\x05\x06\x07"
	    "\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a"
	    "\x1b\x1c\x1d\x1e\x1f\x7f") != NULL : utf8_has_control(text))
		return wy_fail(e, WY_EINVALID, _("%s: control characters are not allowed"),
		    field_label(f));
	switch (f->type) {
	case FIELD_TEXT:
	case FIELD_LONGTEXT:
		if ((int)utf8_len(text) > f->maxlen)
			return wy_fail(e, WY_EINVALID,
			    _("%s: too long (%zu characters, at most %d)"),
			    field_label(f), utf8_len(text), f->maxlen);
		if (f->format != NULL && strcmp(f->format, "code") == 0 &&
		    (rc = check_code(f, text, e)) != WY_OK)
			return rc;
		if (f->format != NULL && strcmp(f->format, "phone") == 0 &&
		    ident_phone_check(text, e) != WY_OK)
			return wy_prefix(e, "%s", field_label(f));
		set_text(out, text);
		return WY_OK;
	case FIELD_INT:
	case FIELD_DECIMAL:
	case FIELD_MONEY:
		if (fixed_parse(text, f->scale, f->type == FIELD_MONEY ? MONEY_MAX :
		    INT64_C(999999999999999), &v, e) != WY_OK)
			return wy_prefix(e, "%s", field_label(f));
		if ((rc = check_range(f, v, e)) != WY_OK)
			return rc;
		set_int(out, v);
		return WY_OK;
	case FIELD_DATE:
		if (date_parse(text, &day, e) != WY_OK)
			return wy_prefix(e, "%s", field_label(f));
		set_text(out, text);
		return WY_OK;
	case FIELD_BOOL:
		return parse_bool(f, text, out, e);
	case FIELD_CHOICE:
		return parse_choice(s, f, text, out, e);
	case FIELD_LOOKUP:
		return parse_lookup(s, f, text, out, e);
	}
	(void)ent;
	return WY_OK;
}

char *
field_text(struct session *s, const struct field *f, const struct value *v)
{
	char buf[MONEY_BUFSIZE], sql[256], *out = NULL;
	sqlite3_stmt *st;

	if (v->kind == VALUE_NULL)
		return xstrdup("");
	if (v->kind == VALUE_TEXT)
		return xstrdup(v->s);
	switch (f->type) {
	case FIELD_DECIMAL:
	case FIELD_MONEY:
		return xstrdup(fixed_format(v->i, f->scale, buf, sizeof buf));
	case FIELD_BOOL:
		return xstrdup(v->i ? "yes" : "no");
	case FIELD_LOOKUP:
		snprintf(sql, sizeof sql, "SELECT \"%s\" FROM \"%s\" WHERE id = ?",
		    f->lookup_key, f->lookup_table);
		if (db_cached(s->db, sql, &st, NULL) == WY_OK &&
		    db_bind(s->db, st, NULL, "I", v->i) == WY_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			out = xstrdup((const char *)sqlite3_column_text(st, 0));
		if (st != NULL)
			sqlite3_reset(st);
		if (out != NULL)
			return out;
		/* FALLTHROUGH */
	default:
		snprintf(buf, sizeof buf, "%lld", (long long)v->i);
		return xstrdup(buf);
	}
}

/* Bind a value to parameter i. */
static int
bind_value(sqlite3_stmt *st, int i, const struct value *v)
{
	switch (v->kind) {
	case VALUE_INT:
		return sqlite3_bind_int64(st, i, v->i);
	case VALUE_TEXT:
		return sqlite3_bind_text(st, i, v->s, -1, SQLITE_TRANSIENT);
	default:
		return sqlite3_bind_null(st, i);
	}
}

static int
check_unique(struct session *s, const struct entity *ent,
    const struct field *f, const struct value *v, int64_t id,
    struct wy_err *e)
{
	sqlite3_stmt *st;
	char sql[256], *text;
	int rc;

	snprintf(sql, sizeof sql,
	    "SELECT 1 FROM \"%s\" WHERE \"%s\" = ? AND id <> ? LIMIT 1",
	    ent->table, f->column);
	if ((rc = db_cached(s->db, sql, &st, e)) != WY_OK)
		return rc;
	bind_value(st, 1, v);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return WY_OK;
	if (rc != SQLITE_ROW)
		return db_fail(s->db, rc, e, f->name);
	text = field_text(s, f, v);
	rc = wy_fail(e, WY_EINVALID, _("%s: '%s' is already used by another record"),
	    field_label(f), text);
	free(text);
	return rc;
}

struct value *
entity_value(const struct entity *ent, struct value *values, const char *name)
{
	size_t i;

	for (i = 0; i < ent->nfields; i++)
		if (strcmp(ent->fields[i].name, name) == 0)
			return &values[i];
	return NULL;
}

/* format = idcard: check an 18-digit ID when the record's id_type is
 * idcard (or when it has no id_type field). */
static int
check_idcard(const struct entity *ent, struct value *values,
    const struct value *v, struct wy_err *e)
{
	const struct value *type = entity_value(ent, values, "id_type");

	if (v->kind != VALUE_TEXT)
		return WY_OK;
	if (type != NULL && (type->kind != VALUE_TEXT ||
	    strcmp(type->s, "idcard") != 0))
		return WY_OK;
	return ident_idcard_check(v->s, e);	/* the message names the number */
}

int
entity_check(struct session *s, const struct entity *ent,
    struct value *values, int64_t id, const struct field **where,
    struct wy_err *e)
{
	const struct entity_rule *r;
	const struct field *f;
	const char *bad;
	size_t i, t;
	int rc;

	for (i = 0; i < ent->nfields; i++) {
		f = &ent->fields[i];
		if (where != NULL)
			*where = f;
		if (f->required && values[i].kind == VALUE_NULL)
			return wy_fail(e, WY_EINVALID, _("%s: required"),
			    field_label(f));
		if (f->unique && values[i].kind != VALUE_NULL &&
		    (rc = check_unique(s, ent, f, &values[i], id, e)) != WY_OK)
			return rc;
		if (f->format != NULL && strcmp(f->format, "idcard") == 0 &&
		    (rc = check_idcard(ent, values, &values[i], e)) != WY_OK)
			return rc;
	}
	for (t = 0; t < sizeof rule_tables / sizeof rule_tables[0]; t++)
		for (r = rule_tables[t]; r->entity != NULL; r++) {
			if (strcmp(r->entity, ent->name) != 0)
				continue;
			bad = NULL;
			if ((rc = r->check(s, ent, values, id, &bad, e)) != WY_OK) {
				if (where != NULL)
					*where = bad != NULL ? entity_field(ent, bad) : NULL;
				return rc;
			}
		}
	if (where != NULL)
		*where = NULL;
	return WY_OK;
}

/* Append to a growing SQL text; the pieces are checked identifiers. */
static void
sql_add(char *sql, size_t size, const char *fmt, ...)
{
	size_t n = strlen(sql);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql + n, size - n, fmt, ap);
	va_end(ap);
}

/* Step a write statement and reset it; errors name the entity. */
static int
step_write(struct session *s, const struct entity *ent, sqlite3_stmt *st,
    struct wy_err *e)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE)
		db_fail(s->db, rc, e, entity_title(ent));
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? WY_OK : e->code;
}

/* Bind the stored value of f: an empty text column is '' (the tables keep
 * text NOT NULL), other empty values NULL. */
static void
bind_stored(sqlite3_stmt *st, int i, const struct field *f,
    const struct value *v)
{
	if (v->kind == VALUE_NULL && (f->type == FIELD_TEXT ||
	    f->type == FIELD_LONGTEXT || f->type == FIELD_CHOICE))
		sqlite3_bind_text(st, i, "", 0, SQLITE_STATIC);
	else
		bind_value(st, i, v);
}

int
entity_insert(struct session *s, const struct entity *ent,
    struct value *values, int64_t *id, struct wy_err *e)
{
	char sql[4096] = "";
	sqlite3_stmt *st;
	size_t i;
	int rc;

	if ((rc = auth_require(s, ent->perm_write, e)) != WY_OK)
		return rc;
	sql_add(sql, sizeof sql, "INSERT INTO \"%s\" (", ent->table);
	for (i = 0; i < ent->nfields; i++)
		sql_add(sql, sizeof sql, "%s\"%s\"", i ? ", " : "",
		    ent->fields[i].column);
	sql_add(sql, sizeof sql, ") VALUES (");
	for (i = 0; i < ent->nfields; i++)
		sql_add(sql, sizeof sql, "%s?", i ? ", " : "");
	sql_add(sql, sizeof sql, ")");
	if ((rc = db_cached(s->db, sql, &st, e)) != WY_OK)
		return rc;
	for (i = 0; i < ent->nfields; i++)
		bind_stored(st, (int)i + 1, &ent->fields[i], &values[i]);
	if ((rc = step_write(s, ent, st, e)) != WY_OK)
		return rc;
	*id = sqlite3_last_insert_rowid(s->db->h);
	return WY_OK;
}

int
entity_update(struct session *s, const struct entity *ent, int64_t id,
    int64_t version, struct value *values, struct wy_err *e)
{
	char sql[4096] = "";
	sqlite3_stmt *st;
	size_t i;
	int rc;

	if ((rc = auth_require(s, ent->perm_write, e)) != WY_OK)
		return rc;
	sql_add(sql, sizeof sql, "UPDATE \"%s\" SET ", ent->table);
	for (i = 0; i < ent->nfields; i++)
		sql_add(sql, sizeof sql, "\"%s\" = ?, ", ent->fields[i].column);
	sql_add(sql, sizeof sql, "version = version + 1 WHERE id = ? AND version = ?");
	if ((rc = db_cached(s->db, sql, &st, e)) != WY_OK)
		return rc;
	for (i = 0; i < ent->nfields; i++)
		bind_stored(st, (int)i + 1, &ent->fields[i], &values[i]);
	sqlite3_bind_int64(st, (int)ent->nfields + 1, id);
	sqlite3_bind_int64(st, (int)ent->nfields + 2, version);
	if ((rc = step_write(s, ent, st, e)) != WY_OK)
		return rc;
	if (sqlite3_changes(s->db->h) == 0)
		return wy_fail(e, WY_ECONFLICT,
		    _("%s: the record was changed or deleted by another user since "
		    "you opened it; reopen it to see the changes"), entity_title(ent));
	return WY_OK;
}

char *
entity_mask(const char *text)
{
	size_t n = utf8_len(text), i, keep_head = 3, keep_tail = 4, pos = 0;
	char *out = xcalloc(strlen(text) + n + 1, 1), *o = out;

	if (n <= keep_head + keep_tail) {
		keep_head = n / 3;
		keep_tail = n / 3;
	}
	for (i = 0; i < n; i++) {
		size_t next = utf8_next(text, pos);

		if (i < keep_head || i >= n - keep_tail) {
			memcpy(o, text + pos, next - pos);
			o += next - pos;
		} else
			*o++ = '*';
		pos = next;
	}
	*o = '\0';
	return out;
}

int
entity_each(struct session *s, const struct entity *ent,
    int (*fn)(void *arg, int64_t id, int64_t version,
    const struct value *values), void *arg, struct wy_err *e)
{
	char sql[4096] = "";
	struct value *vals;
	sqlite3_stmt *st;
	int mask, rc, stop = 0;
	size_t i;
	const char *t;

	if ((rc = auth_require(s, ent->perm_read, e)) != WY_OK)
		return rc;
	mask = !auth_can(s, "client.sensitive");
	sql_add(sql, sizeof sql, "SELECT id, version");
	for (i = 0; i < ent->nfields; i++)
		sql_add(sql, sizeof sql, ", \"%s\"", ent->fields[i].column);
	sql_add(sql, sizeof sql, " FROM \"%s\" ORDER BY ", ent->table);
	if (ent->order != NULL)
		sql_add(sql, sizeof sql, "\"%s\", ", entity_field(ent, ent->order)->column);
	sql_add(sql, sizeof sql, "id");
	if ((rc = db_prepare(s->db, sql, &st, e)) != WY_OK)
		return rc;
	vals = xcalloc(ent->nfields, sizeof *vals);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < ent->nfields; i++) {
			switch (sqlite3_column_type(st, (int)i + 2)) {
			case SQLITE_NULL:
				break;
			case SQLITE_INTEGER:
				set_int(&vals[i], sqlite3_column_int64(st, (int)i + 2));
				break;
			default:
				t = (const char *)sqlite3_column_text(st, (int)i + 2);
				if (mask && ent->fields[i].sensitive) {
					vals[i].kind = VALUE_TEXT;
					vals[i].s = entity_mask(t);
				} else
					set_text(&vals[i], t);
			}
		}
		stop = fn(arg, sqlite3_column_int64(st, 0),
		    sqlite3_column_int64(st, 1), vals);
		values_clear(vals, ent->nfields);
		if (stop != 0)
			break;
	}
	free(vals);
	if (stop == 0 && rc != SQLITE_DONE)
		stop = db_fail(s->db, rc, e, entity_title(ent));
	sqlite3_finalize(st);
	return stop;
}
