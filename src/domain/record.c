/* wuye: records of entities: values typed by users or read from CSV
 * parsed into stored values, checked (generic rules from the form, then the
 * module's own rules), written and read back.
 *
 * The SQL here is made from the form's checked identifiers (see entity.c);
 * record values are always bound.
 */
#include "wuye/entity.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "wuye/audit.h"
#include "wuye/auth.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/ident.h"
#include "wuye/money.h"
#include "wuye/pinyin.h"
#include "wuye/text.h"
#include "wuye/utf8.h"

extern const struct entity_rule property_rules[];
extern const struct entity_rule client_rules[];
extern const struct entity_rule system_rules[];
extern const struct entity_rule charge_rules[];
extern const struct entity_rule collect_rules[];

static const struct entity_rule *const rule_tables[] = {
	property_rules,
	client_rules,
	system_rules,
	charge_rules,
	collect_rules,
};

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

/* A lookup is typed as the target's key, or as it is shown (field_display:
 * the key, a space and the display field, "C001 王秀英"). */
static int
parse_lookup(struct session *s, const struct field *f, const char *text,
    struct value *out, struct wy_err *e)
{
	sqlite3_stmt *st;
	char sql[512], *key = NULL;
	const char *space = strchr(text, ' ');
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
	if (rc == SQLITE_DONE && space != NULL && f->lookup_display != NULL) {
		key = xasprintf("%.*s", (int)(space - text), text);
		snprintf(sql, sizeof sql, "SELECT id FROM \"%s\" WHERE \"%s\" = ?1"
		    " AND \"%s\" || ' ' || \"%s\" = ?2", f->lookup_table,
		    f->lookup_key, f->lookup_key, f->lookup_display);
		if ((rc = db_cached(s->db, sql, &st, e)) != WY_OK ||
		    (rc = db_bind(s->db, st, e, "tt", key, text)) != WY_OK) {
			free(key);
			return rc;
		}
		free(key);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			set_int(out, sqlite3_column_int64(st, 0));
		sqlite3_reset(st);
	}
	if (rc == SQLITE_ROW)
		return WY_OK;
	if (rc != SQLITE_DONE)
		return db_fail(s->db, rc, e, f->name);
	return wy_fail(e, WY_EINVALID, _("%s: there is no '%s'"),
	    field_label(f), text);
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
	/* The one check of free text (text.h), as for notes and reasons. */
	if ((rc = text_check(field_label(f), text, f->type == FIELD_TEXT ||
	    f->type == FIELD_LONGTEXT ? f->maxlen : TEXT_MAX,
	    f->type == FIELD_LONGTEXT ? TEXT_LINES : 0, e)) != WY_OK)
		return rc;
	switch (f->type) {
	case FIELD_TEXT:
	case FIELD_LONGTEXT:
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

char *
field_display(struct session *s, const struct field *f, const struct value *v)
{
	sqlite3_stmt *st = NULL;
	char *out = NULL;
	int zh = strcmp(_("English"), "English") != 0;
	size_t i;

	if (f->type == FIELD_BOOL && v->kind == VALUE_INT)
		return xstrdup(v->i ? _("yes") : _("no"));
	if (f->type == FIELD_LOOKUP && v->kind == VALUE_INT &&
	    f->lookup_display != NULL) {
		char sql[512];

		snprintf(sql, sizeof sql, "SELECT \"%s\" || ' ' || \"%s\" FROM \"%s\" WHERE id = ?",
		    f->lookup_key, f->lookup_display, f->lookup_table);
		if (db_cached(s->db, sql, &st, NULL) == WY_OK &&
		    db_bind(s->db, st, NULL, "I", v->i) == WY_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			out = xstrdup((const char *)sqlite3_column_text(st, 0));
		if (st != NULL)
			sqlite3_reset(st);
		if (out != NULL)
			return out;
	}
	if (f->type != FIELD_CHOICE || v->kind != VALUE_TEXT)
		return field_text(s, f, v);
	for (i = 0; i < f->nchoices; i++)
		if (strcmp(f->choices[i].code, v->s) == 0)
			return xstrdup(zh ? f->choices[i].label_zh : f->choices[i].label);
	if (f->list != NULL && db_cached(s->db, zh ?
	    "SELECT name_zh FROM categories WHERE list = ? AND code = ?" :
	    "SELECT name_en FROM categories WHERE list = ? AND code = ?", &st,
	    NULL) == WY_OK && db_bind(s->db, st, NULL, "tt", f->list, v->s) == WY_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		out = xstrdup((const char *)sqlite3_column_text(st, 0));
	if (st != NULL)
		sqlite3_reset(st);
	return out != NULL ? out : xstrdup(v->s);
}

int
field_choices(struct session *s, const struct field *f,
    int (*fn)(void *arg, const char *code, const char *name), void *arg,
    struct wy_err *e)
{
	int zh = strcmp(_("English"), "English") != 0, rc, stop = 0;
	sqlite3_stmt *st;
	size_t i;

	for (i = 0; i < f->nchoices && stop == 0; i++)
		stop = fn(arg, f->choices[i].code, zh ? f->choices[i].label_zh :
		    f->choices[i].label);
	if (f->list == NULL || stop != 0)
		return stop;
	if ((rc = db_cached(s->db, zh ?
	    "SELECT code, name_zh FROM categories WHERE list = ? AND active = 1"
	    " ORDER BY sort, code" :
	    "SELECT code, name_en FROM categories WHERE list = ? AND active = 1"
	    " ORDER BY sort, code", &st, e)) != WY_OK ||
	    (rc = db_bind(s->db, st, e, "t", f->list)) != WY_OK)
		return rc;
	while (stop == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW)
		stop = fn(arg, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	if (stop == 0 && rc != SQLITE_DONE)
		stop = db_fail(s->db, rc, e, f->name);
	sqlite3_reset(st);
	return stop;
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
	    "SELECT 1 FROM \"%s\" WHERE \"%s\" = ? AND rowid <> ? LIMIT 1",
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
 * idcard (or when it has no id_type field).  The hard rules are errors,
 * the plausible birth date a warning. */
static int
check_idcard(const struct entity *ent, struct value *values,
    struct value *v, struct wy_err *e)
{
	const struct value *type = entity_value(ent, values, "id_type");

	size_t n;
	int rc;

	if (v->kind != VALUE_TEXT)
		return WY_OK;
	if (type != NULL && (type->kind != VALUE_TEXT ||
	    strcmp(type->s, "idcard") != 0))
		return WY_OK;
	rc = ident_idcard_check(v->s, e);	/* the message names the number */
	if (rc != WY_OK)
		return rc;
	n = strlen(v->s);
	if (n > 0 && v->s[n - 1] == 'x')
		v->s[n - 1] = 'X';	/* stored as printed on the card */
	if (ident_idcard_plausible(v->s, e) != WY_OK)
		return ENTITY_WARNING;
	return WY_OK;
}

const char *
entity_override_perm(const struct entity *ent, char *buf, size_t size)
{
	const char *w = ent->perm_write != NULL ? ent->perm_write : "";

	snprintf(buf, size, "%.*s.override", (int)strcspn(w, "."), w);
	return buf;
}

int
entity_may_override(const struct session *s, const struct entity *ent)
{
	char perm[64];

	return auth_can(s, entity_override_perm(ent, perm, sizeof perm));
}

/* Keep the first warning (in *first, its field in *wf) and go on. */
static void
note_warning(struct wy_err *first, const struct field **wf,
    const struct field *f, int *nwarn, struct wy_err *e)
{
	if ((*nwarn)++ == 0) {
		*first = *e;
		*wf = f;
	}
	wy_clear(e);
}

/* entity_check_warn; *accepted (may be NULL) gets the name of the field
 * of the first warning of a record that passes because it was accepted
 * ("record" for the record as a whole), else stays NULL. */
static int
check_record(struct session *s, const struct entity *ent,
    struct value *values, int64_t id, int accept, int *warned,
    const struct field **where, const char **accepted, struct wy_err *e)
{
	const struct entity_rule *r;
	const struct field *f, *wf = NULL;
	struct wy_err first = { 0 };
	char perm[64];
	const char *bad;
	size_t i, t;
	int rc, nwarn = 0;

	if (warned != NULL)
		*warned = 0;
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
		    (rc = check_idcard(ent, values, &values[i], e)) != WY_OK) {
			if (rc != ENTITY_WARNING)
				return rc;
			note_warning(&first, &wf, f, &nwarn, e);
		}
	}
	for (t = 0; t < sizeof rule_tables / sizeof rule_tables[0]; t++)
		for (r = rule_tables[t]; r->entity != NULL; r++) {
			if (strcmp(r->entity, ent->name) != 0)
				continue;
			bad = NULL;
			rc = r->check(s, ent, values, id, &bad, e);
			f = bad != NULL ? entity_field(ent, bad) : NULL;
			if (rc == ENTITY_WARNING)
				note_warning(&first, &wf, f, &nwarn, e);
			else if (rc != WY_OK) {
				if (where != NULL)
					*where = f;
				return rc;
			}
		}
	if (where != NULL)
		*where = NULL;
	if (nwarn == 0)
		return WY_OK;
	if (warned != NULL)
		*warned = 1;
	if (where != NULL)
		*where = wf;
	if (!accept) {
		if (e != NULL)
			*e = first;
		return WY_EINVALID;
	}
	if (!entity_may_override(s, ent)) {
		char words[160];

		return wy_fail(e, WY_EDENIED,
		    _("%s; only a user allowed to %s may save it anyway"),
		    first.msg, auth_perm_words(entity_override_perm(ent, perm,
		    sizeof perm), words, sizeof words));
	}
	if (where != NULL)
		*where = NULL;
	if (accepted != NULL)
		*accepted = wf != NULL ? wf->name : "record";
	return WY_OK;
}

int
entity_check_warn(struct session *s, const struct entity *ent,
    struct value *values, int64_t id, int accept, int *warned,
    const struct field **where, struct wy_err *e)
{
	return check_record(s, ent, values, id, accept, warned, where, NULL, e);
}

int
entity_check(struct session *s, const struct entity *ent,
    struct value *values, int64_t id, const struct field **where,
    struct wy_err *e)
{
	return check_record(s, ent, values, id, 0, NULL, where, NULL, e);
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
 * text NOT NULL) unless the form says null = yes; other empty values are
 * NULL. */
static void
bind_stored(sqlite3_stmt *st, int i, const struct field *f,
    const struct value *v)
{
	if (v->kind == VALUE_NULL && !f->null && (f->type == FIELD_TEXT ||
	    f->type == FIELD_LONGTEXT || f->type == FIELD_CHOICE))
		sqlite3_bind_text(st, i, "", 0, SQLITE_STATIC);
	else
		bind_value(st, i, v);
}

/* The number of key columns of ent: one per field with a sort order,
 * two for pinyin and name (the sort key and the initials). */
static size_t
key_count(const struct entity *ent)
{
	size_t i, n = 0;

	for (i = 0; i < ent->nfields; i++)
		if (ent->fields[i].sort != PINYIN_NONE)
			n += ent->fields[i].sort == PINYIN_NATURAL ? 1 : 2;
	return n;
}

/* The key columns of ent for an INSERT (", "c_key", "c_py"") or, with
 * set, an UPDATE ("c_key" = ?, "c_py" = ?, ), in the order bind_keys
 * binds them. */
static void
key_columns(const struct entity *ent, int set, char *sql, size_t size)
{
	const struct field *f;
	size_t i;

	for (i = 0; i < ent->nfields; i++) {
		f = &ent->fields[i];
		if (f->sort == PINYIN_NONE)
			continue;
		sql_add(sql, size, set ? "\"%s_key\" = ?, " : ", \"%s_key\"",
		    f->column);
		if (f->sort != PINYIN_NATURAL)
			sql_add(sql, size, set ? "\"%s_py\" = ?, " : ", \"%s_py\"",
			    f->column);
	}
}

/* Bind the keys of the values from parameter i on; returns how many. */
static int
bind_keys(sqlite3_stmt *st, int i, const struct entity *ent,
    const struct value *values)
{
	const struct field *f;
	const char *text;
	size_t k;
	int n = 0;

	for (k = 0; k < ent->nfields; k++) {
		f = &ent->fields[k];
		if (f->sort == PINYIN_NONE)
			continue;
		text = values[k].kind == VALUE_TEXT ? values[k].s : "";
		sqlite3_bind_text(st, i + n++, pinyin_key(text, f->sort), -1, free);
		if (f->sort != PINYIN_NATURAL)
			sqlite3_bind_text(st, i + n++, pinyin_initials(text,
			    f->sort), -1, free);
	}
	return n;
}

int
entity_writable(const struct entity *ent, struct wy_err *e)
{
	if (!ent->readonly)
		return WY_OK;
	return wy_fail(e, WY_EINVALID, _("%s: read only, a record of what "
	    "was done"), entity_title(ent));
}

int
entity_insert(struct session *s, const struct entity *ent,
    struct value *values, int64_t *id, struct wy_err *e)
{
	char sql[4096] = "";
	sqlite3_stmt *st;
	size_t i;
	int rc;

	if ((rc = entity_writable(ent, e)) != WY_OK ||
	    (rc = auth_require(s, ent->perm_write, e)) != WY_OK)
		return rc;
	sql_add(sql, sizeof sql, "INSERT INTO \"%s\" (", ent->table);
	for (i = 0; i < ent->nfields; i++)
		sql_add(sql, sizeof sql, "%s\"%s\"", i ? ", " : "",
		    ent->fields[i].column);
	key_columns(ent, 0, sql, sizeof sql);
	sql_add(sql, sizeof sql, ") VALUES (");
	for (i = 0; i < ent->nfields; i++)
		sql_add(sql, sizeof sql, "%s?", i ? ", " : "");
	for (i = 0; i < key_count(ent); i++)
		sql_add(sql, sizeof sql, ", ?");
	sql_add(sql, sizeof sql, ")");
	if ((rc = db_cached(s->db, sql, &st, e)) != WY_OK)
		return rc;
	for (i = 0; i < ent->nfields; i++)
		bind_stored(st, (int)i + 1, &ent->fields[i], &values[i]);
	bind_keys(st, (int)ent->nfields + 1, ent, values);
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
	int rc, n;

	if ((rc = entity_writable(ent, e)) != WY_OK ||
	    (rc = auth_require(s, ent->perm_write, e)) != WY_OK)
		return rc;
	sql_add(sql, sizeof sql, "UPDATE \"%s\" SET ", ent->table);
	for (i = 0; i < ent->nfields; i++)
		sql_add(sql, sizeof sql, "\"%s\" = ?, ", ent->fields[i].column);
	key_columns(ent, 1, sql, sizeof sql);
	sql_add(sql, sizeof sql, "version = version + 1 WHERE rowid = ? AND version = ?");
	if ((rc = db_cached(s->db, sql, &st, e)) != WY_OK)
		return rc;
	for (i = 0; i < ent->nfields; i++)
		bind_stored(st, (int)i + 1, &ent->fields[i], &values[i]);
	n = bind_keys(st, (int)ent->nfields + 1, ent, values);
	sqlite3_bind_int64(st, (int)ent->nfields + n + 1, id);
	sqlite3_bind_int64(st, (int)ent->nfields + n + 2, version);
	if ((rc = step_write(s, ent, st, e)) != WY_OK)
		return rc;
	if (sqlite3_changes(s->db->h) == 0)
		return wy_fail(e, WY_ECONFLICT,
		    _("%s: the record was changed or deleted by another user since "
		    "you opened it; reopen it to see the changes"), entity_title(ent));
	return WY_OK;
}

/* The entity's after-save rules. */
static int
run_after(struct session *s, const struct entity *ent,
    const struct value *values, int64_t id, struct wy_err *e)
{
	const struct entity_rule *r;
	size_t t;
	int rc;

	for (t = 0; t < sizeof rule_tables / sizeof rule_tables[0]; t++)
		for (r = rule_tables[t]; r->entity != NULL; r++)
			if (r->after != NULL && strcmp(r->entity, ent->name) == 0 &&
			    (rc = r->after(s, ent, values, id, e)) != WY_OK)
				return rc;
	return WY_OK;
}

int
entity_save_warn(struct session *s, const struct entity *ent, int64_t id,
    int64_t version, struct value *values, int accept, int *warned,
    int64_t *newid, const struct field **where, struct wy_err *e)
{
	const char *accepted = NULL;
	char detail[128];
	int64_t saved = id;
	int rc;

	if (warned != NULL)
		*warned = 0;
	if (where != NULL)
		*where = NULL;
	if ((rc = entity_writable(ent, e)) != WY_OK ||
	    (rc = auth_require(s, ent->perm_write, e)) != WY_OK ||
	    (rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	rc = check_record(s, ent, values, id, accept, warned, where, &accepted,
	    e);
	if (rc == WY_OK && id == 0)
		rc = entity_insert(s, ent, values, &saved, e);
	else if (rc == WY_OK)
		rc = entity_update(s, ent, id, version, values, e);
	if (rc == WY_OK)
		rc = run_after(s, ent, values, saved, e);
	snprintf(detail, sizeof detail, id == 0 ? "new" : "version %lld",
	    (long long)version);
	if (accepted != NULL)	/* the field, not its value: no ID in the log */
		snprintf(detail + strlen(detail), sizeof detail - strlen(detail),
		    "; warning accepted: %s", accepted);
	if (rc == WY_OK)
		rc = audit_append(s, id == 0 ? "insert" : "update", ent->table,
		    saved, detail, e);
	if (rc == WY_OK && newid != NULL)
		*newid = saved;
	if (rc == WY_OK)
		rc = db_commit(s->db, e);
	else
		db_rollback(s->db);
	return rc;
}

int
entity_save(struct session *s, const struct entity *ent, int64_t id,
    int64_t version, struct value *values, int64_t *newid,
    const struct field **where, struct wy_err *e)
{
	return entity_save_warn(s, ent, id, version, values, 0, NULL, newid,
	    where, e);
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

/* Read column i of st into v, masking sensitive text when mask. */
static void
column_value(sqlite3_stmt *st, int col, const struct field *f, int mask,
    struct value *v)
{
	const char *t;

	switch (sqlite3_column_type(st, col)) {
	case SQLITE_NULL:
		v->kind = VALUE_NULL;
		break;
	case SQLITE_INTEGER:
		set_int(v, sqlite3_column_int64(st, col));
		break;
	default:
		t = (const char *)sqlite3_column_text(st, col);
		if (mask && f->sensitive) {
			v->kind = VALUE_TEXT;
			v->s = entity_mask(t);
		} else
			set_text(v, t);
	}
}

/* "SELECT id, version, col, ... FROM table AS t" into sql; with join
 * (see sort_expr) from the joined tables instead. */
static void
select_from(const struct entity *ent, const char *join, char *sql,
    size_t size)
{
	size_t i;

	sql_add(sql, size, "SELECT t.rowid, t.version");
	for (i = 0; i < ent->nfields; i++)
		sql_add(sql, size, ", t.\"%s\"", ent->fields[i].column);
	if (join != NULL && *join != '\0')
		sql_add(sql, size, "%s", join);
	else
		sql_add(sql, size, " FROM \"%s\" AS t", ent->table);
}

static void
select_all(const struct entity *ent, char *sql, size_t size)
{
	select_from(ent, NULL, sql, size);
}

/* A row read from a statement, kept for calling back in another order. */
struct kept {
	int64_t id, version;
	struct value *values;
};

/* Step st and call fn for each row (in reverse when reverse). */
static int
read_rows(struct session *s, const struct entity *ent, sqlite3_stmt *st,
    int reverse, int (*fn)(void *arg, int64_t id, int64_t version,
    const struct value *values), void *arg, struct wy_err *e)
{
	int mask = !auth_can(s, "client.sensitive"), rc, stop = 0;
	struct kept *kept = NULL;
	size_t i, n = 0, cap = 0;
	struct value *vals;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		vals = xcalloc(ent->nfields, sizeof *vals);
		for (i = 0; i < ent->nfields; i++)
			column_value(st, (int)i + 2, &ent->fields[i], mask, &vals[i]);
		if (reverse) {
			if (n == cap) {
				cap = cap * 2 + 16;
				kept = xrealloc(kept, cap * sizeof *kept);
			}
			kept[n].id = sqlite3_column_int64(st, 0);
			kept[n].version = sqlite3_column_int64(st, 1);
			kept[n++].values = vals;
			continue;
		}
		stop = fn(arg, sqlite3_column_int64(st, 0),
		    sqlite3_column_int64(st, 1), vals);
		values_clear(vals, ent->nfields);
		free(vals);
		if (stop != 0)
			break;
	}
	if (stop == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW)
		stop = db_fail(s->db, rc, e, entity_title(ent));
	while (n > 0) {
		n--;
		if (stop == 0)
			stop = fn(arg, kept[n].id, kept[n].version, kept[n].values);
		values_clear(kept[n].values, ent->nfields);
		free(kept[n].values);
	}
	free(kept);
	return stop;
}

int
entity_each(struct session *s, const struct entity *ent,
    int (*fn)(void *arg, int64_t id, int64_t version,
    const struct value *values), void *arg, struct wy_err *e)
{
	struct page_query q = { .sort = 0 };
	const struct field *order;

	if (ent->order != NULL && (order = entity_field(ent, ent->order)) != NULL)
		q.sort = (size_t)(order - ent->fields);
	return entity_page(s, ent, &q, fn, arg, e);
}

/* 1 if the column of table is declared NOT NULL (a view's never is). */
static int
column_not_null(struct session *s, const char *table, const char *column)
{
	sqlite3_stmt *st;
	int nn = 0;

	if (db_cached(s->db, "SELECT \"notnull\" FROM pragma_table_info(?1)"
	    " WHERE name = ?2", &st, NULL) != WY_OK)
		return 0;
	if (db_bind(s->db, st, NULL, "tt", table, column) == WY_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		nn = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return nn;
}

/* 1 if a full index of table starts with column. */
static int
column_indexed(struct session *s, const char *table, const char *column)
{
	sqlite3_stmt *st;
	int found = 0;

	if (db_cached(s->db, "SELECT 1 FROM pragma_index_list(?1) AS il,"
	    " pragma_index_info(il.name) AS ii WHERE il.partial = 0"
	    " AND ii.seqno = 0 AND ii.name = ?2", &st, NULL) != WY_OK)
		return 0;
	if (db_bind(s->db, st, NULL, "tt", table, column) == WY_OK)
		found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

/* The expression a field sorts by (and into join the FROM clause it
 * needs, or ""): a lookup by the target's key (or that key's sort key), a
 * column that may be NULL as '' (so keyset comparisons see every row).  A
 * lookup that is never NULL joins its target (as l); with walk, when an
 * index starts with the lookup column, the target comes first (CROSS JOIN
 * keeps SQLite from reordering), so that the order walks the index of the
 * target's key and each target's rows through that index, instead of
 * sorting every row.  A column declared NOT NULL is sorted as it is,
 * through its index. */
static void
sort_expr(struct session *s, const struct entity *ent, const struct field *f,
    int walk, char *buf, size_t size, char *join, size_t jsize)
{
	char key[80];

	*join = '\0';
	if (f->type == FIELD_LOOKUP) {
		snprintf(key, sizeof key, "%s%s", f->lookup_key,
		    f->lookup_sort != PINYIN_NONE ? "_key" : "");
		if (column_not_null(s, ent->table, f->column) &&
		    column_not_null(s, f->lookup_table, key)) {
			if (walk && column_indexed(s, ent->table, f->column))
				snprintf(join, jsize, " FROM \"%s\" AS l CROSS JOIN"
				    " \"%s\" AS t ON l.id = t.\"%s\"", f->lookup_table,
				    ent->table, f->column);
			else
				snprintf(join, jsize, " FROM \"%s\" AS t JOIN \"%s\" AS l"
				    " ON l.id = t.\"%s\"", ent->table, f->lookup_table,
				    f->column);
			snprintf(buf, size, "l.\"%s\"", key);
		} else
			snprintf(buf, size, "ifnull((SELECT \"%s\" FROM \"%s\" WHERE id = t.\"%s\"), '')",
			    key, f->lookup_table, f->column);
	} else if (f->sort != PINYIN_NONE)	/* its key, kept by the engine */
		snprintf(buf, size, "t.\"%s_key\"", f->column);
	else if (f->required || (ent->key != NULL && strcmp(f->name, ent->key) == 0) ||
	    column_not_null(s, ent->table, f->column))
		snprintf(buf, size, "t.\"%s\"", f->column);
	else
		snprintf(buf, size, "ifnull(t.\"%s\", '')", f->column);
}

/* 1 if the text has ASCII lower case, which the search also tries upper. */
static int
has_lower(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'a' && *s <= 'z')
			return 1;
	return 0;
}

/* " AND col GLOB ?8" (prefix: "" or "+t.") when the search starts with
 * characters that are not ASCII (张sf): the text itself must start so. */
static void
head_where(const char *search, const char *prefix, const struct field *f,
    char *sql, size_t size)
{
	if ((unsigned char)search[0] >= 0x80)
		sql_add(sql, size, " AND %s\"%s\" GLOB ?8", prefix, f->column);
}

/* The WHERE clause of a search: rows where a search field starts with the
 * text (?1), or with it upper-cased (?2) when that differs; " WHERE 1"
 * when there is no search.  Normally each field's index finds its rows
 * ("t.rowid IN (SELECT ... UNION ...)"), so a rare prefix is found at once
 * whatever the sort order.  With scan, the terms use no index, so that a
 * search matching many rows walks the sort order instead of sorting them
 * all.  With sample (and not scan), each field gives only its first
 * matches, up to ?10 (see page_query.sample). */
static void
search_where(const struct entity *ent, const char *search, int scan,
    int sample, char *sql, size_t size)
{
	const struct field *f;
	size_t i, n = 0;
	int p, passes;

	if (search == NULL || *search == '\0') {
		sql_add(sql, size, " WHERE 1");
		return;
	}
	passes = has_lower(search) ? 2 : 1;
	for (p = 1; p <= passes; p++)
		for (i = 0; i < ent->nsearch; i++) {
			f = entity_field(ent, ent->search[i]);
			if (f == NULL || (f->type != FIELD_TEXT &&
			    f->type != FIELD_LONGTEXT && f->type != FIELD_CHOICE))
				continue;
			if (scan)
				sql_add(sql, size, "%s +t.\"%s\" GLOB ?%d",
				    n++ ? " OR" : " WHERE (", f->column, p);
			else
				sql_add(sql, size, "%s SELECT %s FROM \"%s\" WHERE \"%s\" GLOB ?%d%s",
				    n++ ? " UNION" : " WHERE t.rowid IN (",
				    sample ? "r FROM (SELECT rowid AS r" : "rowid",
				    ent->table, f->column, p, sample ? " LIMIT ?10)" : "");
		}
	/* Pinyin initials (zsf, 张sf: 张三丰): the initials column, and the
	 * text itself starting with what was typed before the letters (?8),
	 * if anything was. */
	for (i = 0; pinyin_search_initials(search) && i < ent->nsearch; i++) {
		f = entity_field(ent, ent->search[i]);
		if (f == NULL || (f->sort != PINYIN_TEXT && f->sort != PINYIN_NAME))
			continue;
		p = f->sort == PINYIN_NAME ? 9 : 7;
		if (scan)
			sql_add(sql, size, "%s (+t.\"%s_py\" GLOB ?%d", n++ ? " OR" :
			    " WHERE (", f->column, p);
		else
			sql_add(sql, size, "%s SELECT %s FROM \"%s\" WHERE \"%s_py\""
			    " GLOB ?%d", n++ ? " UNION" : " WHERE t.rowid IN (",
			    sample ? "r FROM (SELECT rowid AS r" : "rowid",
			    ent->table, f->column, p);
		head_where(search, scan ? "+t." : "", f, sql, size);
		if (scan)
			sql_add(sql, size, ")");
		else if (sample)
			sql_add(sql, size, " LIMIT ?10)");
	}
	if (n > 0)
		sql_add(sql, size, ")");
	else
		sql_add(sql, size, " WHERE ?1 IS NOT NULL");
}

/* " AND t.col = ?6" for a filter on a field; the field must exist. */
static int
filter_where(const struct entity *ent, const char *name, char *sql,
    size_t size, struct wy_err *e)
{
	const struct field *f;

	if (name == NULL)
		return WY_OK;
	if ((f = entity_field(ent, name)) == NULL)
		return wy_fail(e, WY_EINVALID, "%s: no field '%s'", ent->name, name);
	sql_add(sql, size, " AND t.\"%s\" = ?6", f->column);
	return WY_OK;
}

/* The GLOB pattern for a prefix: special characters in brackets, then '*';
 * upper-cased ASCII when upper. */
static char *
prefix_pattern(const char *text, int upper)
{
	char *out = xmalloc(strlen(text) * 3 + 2), *o = out;

	for (; *text != '\0'; text++) {
		if (*text == '*' || *text == '?' || *text == '[') {
			*o++ = '[';
			*o++ = *text;
			*o++ = ']';
		} else
			*o++ = upper && *text >= 'a' && *text <= 'z' ?
			    (char)(*text - 'a' + 'A') : *text;
	}
	*o++ = '*';
	*o = '\0';
	return out;
}

/* The GLOB pattern for a prefix made of text (letters, digits and
 * characters outside ASCII only): text and '*', text freed. */
static char *
glob_prefix(char *text)
{
	char *p = prefix_pattern(text, 0);

	free(text);
	return p;
}

/* Bind the search patterns (?1, ?2, and ?7 to ?9) of a statement. */
static void
bind_search(sqlite3_stmt *st, const char *search)
{
	char *p;

	if (search == NULL || *search == '\0')
		return;
	p = prefix_pattern(search, 0);
	sqlite3_bind_text(st, 1, p, -1, SQLITE_TRANSIENT);
	free(p);
	if (pinyin_search_initials(search)) {
		/* ?7 and ?9: the initials as a pinyin text and a name would
		 * have them; ?8: what the text itself starts with. */
		sqlite3_bind_text(st, 7, glob_prefix(pinyin_initials(search,
		    PINYIN_TEXT)), -1, free);
		sqlite3_bind_text(st, 9, glob_prefix(pinyin_initials(search,
		    PINYIN_NAME)), -1, free);
		sqlite3_bind_text(st, 8, glob_prefix(pinyin_search_head(search)),
		    -1, free);
	}
	if (!has_lower(search))
		return;
	p = prefix_pattern(search, 1);
	sqlite3_bind_text(st, 2, p, -1, SQLITE_TRANSIENT);
	free(p);
}

/* Bind the boundary row's value of the sort field f (?3) as sort_expr
 * sorts it: a sort key for a field with a sort order, a lookup as its
 * target's key (or that key's sort key), NULL as ''. */
static void
bind_boundary(struct session *s, sqlite3_stmt *st, const struct field *f,
    const struct value *key)
{
	char *text;

	if (f->type == FIELD_LOOKUP && key->kind == VALUE_INT) {
		text = field_text(s, f, key);
		sqlite3_bind_text(st, 3, f->lookup_sort != PINYIN_NONE ?
		    pinyin_key(text, f->lookup_sort) : xstrdup(text), -1, free);
		free(text);
	} else if (f->sort != PINYIN_NONE)
		sqlite3_bind_text(st, 3, pinyin_key(key->kind == VALUE_TEXT ?
		    key->s : "", f->sort), -1, free);
	else if (key->kind == VALUE_NULL)
		sqlite3_bind_text(st, 3, "", 0, SQLITE_STATIC);
	else
		bind_value(st, 3, key);
}

/* How a window's rows are found: gathered through the search fields'
 * indexes and sorted, by walking the sort order, or by walking at most
 * WALK_ROWS rows of it. */
enum page_mode { PAGE_GATHER, PAGE_WALK, PAGE_WALK_SOME };
#define WALK_ROWS 2000

/* One window's query in mode, read into fn (see entity_page). */
static int
page_run(struct session *s, const struct entity *ent,
    const struct page_query *q, enum page_mode mode,
    int (*fn)(void *arg, int64_t id, int64_t version,
    const struct value *values), void *arg, int reverse, struct wy_err *e)
{
	char sql[8192] = "", expr[512], join[256], walk[256];
	sqlite3_stmt *st;
	int rc, desc, sample, search;
	const char *op;

	desc = q->desc ^ reverse;
	search = q->search != NULL && *q->search != '\0';
	/* Walk the sort order unless a search gathers its rows through the
	 * indexes, or a filter picks few. */
	sort_expr(s, ent, &ent->fields[q->sort], mode == PAGE_WALK &&
	    q->filter == NULL, expr, sizeof expr, join, sizeof join);
	sample = q->sample > 0 && mode == PAGE_GATHER && search;
	select_from(ent, join, sql, sizeof sql);
	search_where(ent, q->search, mode != PAGE_GATHER, sample, sql, sizeof sql);
	if (mode == PAGE_WALK_SOME) {
		/* Of the first rows of the order (from the boundary), those
		 * that match: the rows walked, then only those looked up. */
		sort_expr(s, ent, &ent->fields[q->sort], q->filter == NULL, expr,
		    sizeof expr, walk, sizeof walk);
		sql_add(sql, sizeof sql, " AND t.rowid IN (SELECT t.rowid");
		if (*walk != '\0')
			sql_add(sql, sizeof sql, "%s", walk);
		else
			sql_add(sql, sizeof sql, " FROM \"%s\" AS t", ent->table);
		sql_add(sql, sizeof sql, " WHERE 1");
	} else
		*walk = '\0';
	if ((rc = filter_where(ent, q->filter, sql, sizeof sql, e)) != WY_OK)
		return rc;
	if (q->key != NULL && (q->from == PAGE_AFTER || q->from == PAGE_FROM ||
	    q->from == PAGE_BEFORE)) {
		op = q->from == PAGE_FROM ? (desc ? "<=" : ">=") : desc ? "<" : ">";
		/* Through a join, the first term alone is what walks the
		 * target's index from the boundary. */
		if (*join != '\0' || *walk != '\0')
			sql_add(sql, sizeof sql, " AND %s %s ?3", expr, desc ? "<=" : ">=");
		sql_add(sql, sizeof sql, " AND (%s, t.rowid) %s (?3, ?4)", expr, op);
	}
	if (mode == PAGE_WALK_SOME) {
		sql_add(sql, sizeof sql, " ORDER BY %s %s, t.rowid %s LIMIT %d)",
		    expr, desc ? "DESC" : "ASC", desc ? "DESC" : "ASC", WALK_ROWS);
		/* the outer query's own expression (through its own join) */
		sort_expr(s, ent, &ent->fields[q->sort], 0, expr, sizeof expr,
		    walk, sizeof walk);
	}
	sql_add(sql, sizeof sql, " ORDER BY %s %s, t.rowid %s LIMIT ?5", expr,
	    desc ? "DESC" : "ASC", desc ? "DESC" : "ASC");
	if ((rc = db_cached(s->db, sql, &st, e)) != WY_OK)
		return rc;
	bind_search(st, q->search);
	if (q->key != NULL) {
		bind_boundary(s, st, &ent->fields[q->sort], q->key);
		sqlite3_bind_int64(st, 4, q->key_id);
	}
	sqlite3_bind_int64(st, 5, q->limit > 0 ? (int64_t)q->limit : -1);
	if (q->filter != NULL)
		sqlite3_bind_int64(st, 6, q->filter_id);
	if (sample)
		sqlite3_bind_int64(st, 10, (int64_t)q->sample);
	rc = read_rows(s, ent, st, reverse && mode != PAGE_WALK_SOME, fn, arg, e);
	sqlite3_reset(st);
	return rc;
}

/* The rows of a window kept for delivering later (PAGE_WALK_SOME). */
struct window {
	const struct entity *ent;
	struct kept *rows;
	size_t n, cap;
};

static int
keep_row(void *arg, int64_t id, int64_t version, const struct value *v)
{
	struct window *w = arg;
	size_t i;

	if (w->n == w->cap) {
		w->cap = w->cap * 2 + 16;
		w->rows = xrealloc(w->rows, w->cap * sizeof *w->rows);
	}
	w->rows[w->n].id = id;
	w->rows[w->n].version = version;
	w->rows[w->n].values = xcalloc(w->ent->nfields, sizeof *v);
	for (i = 0; i < w->ent->nfields; i++)
		value_copy(&w->rows[w->n].values[i], &v[i]);
	w->n++;
	return 0;
}

int
entity_page(struct session *s, const struct entity *ent,
    const struct page_query *q,
    int (*fn)(void *arg, int64_t id, int64_t version,
    const struct value *values), void *arg, struct wy_err *e)
{
	struct window w = { .ent = ent };
	int rc, reverse, stop = 0;
	size_t i, k;

	if ((rc = auth_require(s, ent->perm_read, e)) != WY_OK)
		return rc;
	if (q->sort >= ent->nfields)
		return wy_fail(e, WY_EINVALID, "sort field %zu out of range", q->sort);
	reverse = q->from == PAGE_BEFORE || q->from == PAGE_LAST;
	if (q->search == NULL || *q->search == '\0')	/* every row */
		return page_run(s, ent, q, PAGE_WALK, fn, arg, reverse, e);
	if (!q->many)
		return page_run(s, ent, q, PAGE_GATHER, fn, arg, reverse, e);
	if (q->limit == 0)
		return page_run(s, ent, q, PAGE_WALK, fn, arg, reverse, e);
	/* Many matches: walking the order finds a window soon, unless the
	 * matches gather somewhere in it (sorted by name, the names that
	 * start with z come last); then WALK_ROWS rows hold too few, and
	 * the matches are gathered and sorted after all. */
	rc = page_run(s, ent, q, PAGE_WALK_SOME, keep_row, &w, reverse, e);
	if (rc == WY_OK && w.n >= q->limit)
		for (i = 0; i < w.n && stop == 0; i++) {
			k = reverse ? w.n - 1 - i : i;
			stop = fn(arg, w.rows[k].id, w.rows[k].version, w.rows[k].values);
		}
	for (i = 0; i < w.n; i++) {
		values_clear(w.rows[i].values, ent->nfields);
		free(w.rows[i].values);
	}
	free(w.rows);
	if (rc != WY_OK || w.n >= q->limit)
		return rc != WY_OK ? rc : stop;
	/* (with a sample, each field's first matches: the quick find) */
	return page_run(s, ent, q, PAGE_GATHER, fn, arg, reverse, e);
}

/* Count the rows of one query (with the search bound), up to cap. */
static int
count_rows(struct session *s, const struct entity *ent, const char *sql,
    const char *search, int64_t cap, int64_t *n, struct wy_err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_cached(s->db, sql, &st, e)) != WY_OK)
		return rc;
	bind_search(st, search);
	sqlite3_bind_int64(st, 5, cap > 0 ? cap : -1);
	rc = sqlite3_step(st);
	*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? WY_OK : db_fail(s->db, rc, e, entity_title(ent));
}

int
entity_count(struct session *s, const struct entity *ent, const char *search,
    int64_t cap, int64_t *n, struct wy_err *e)
{
	const struct field *f;
	char sql[4096];
	size_t i;
	int rc, p, arms = 0, matched = 0;
	int64_t one = 0;

	if ((rc = auth_require(s, ent->perm_read, e)) != WY_OK)
		return rc;
	/* A prefix that one field alone matches cap times: cap, at once
	 * (the union below would gather every match first); one that only
	 * one field matches at all: that field's count. */
	for (p = 1; cap > 0 && search != NULL && *search != '\0' &&
	    p <= 1 + has_lower(search); p++)
		for (i = 0; i < ent->nsearch; i++) {
			f = entity_field(ent, ent->search[i]);
			if (f == NULL || (f->type != FIELD_TEXT &&
			    f->type != FIELD_LONGTEXT && f->type != FIELD_CHOICE))
				continue;
			snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT 1 FROM"
			    " \"%s\" WHERE \"%s\" GLOB ?%d LIMIT ?5)",
			    ent->table, f->column, p);
			if ((rc = count_rows(s, ent, sql, search, cap, n, e)) != WY_OK)
				return rc;
			arms++;
			if (*n >= cap)
				return WY_OK;
			if (*n > 0 && matched++ == 0)
				one = *n;
		}
	for (i = 0; cap > 0 && pinyin_search_initials(search) &&
	    i < ent->nsearch; i++) {
		f = entity_field(ent, ent->search[i]);
		if (f == NULL || (f->sort != PINYIN_TEXT && f->sort != PINYIN_NAME))
			continue;
		snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT 1 FROM"
		    " \"%s\" WHERE \"%s_py\" GLOB ?%d", ent->table, f->column,
		    f->sort == PINYIN_NAME ? 9 : 7);
		head_where(search, "", f, sql, sizeof sql);
		sql_add(sql, sizeof sql, " LIMIT ?5)");
		if ((rc = count_rows(s, ent, sql, search, cap, n, e)) != WY_OK)
			return rc;
		arms++;
		if (*n >= cap)
			return WY_OK;
		if (*n > 0 && matched++ == 0)
			one = *n;
	}
	if (arms > 0 && matched <= 1) {
		*n = one;
		return WY_OK;
	}
	sql[0] = '\0';
	sql_add(sql, sizeof sql, "SELECT count(*) FROM (SELECT 1 FROM \"%s\" AS t",
	    ent->table);
	search_where(ent, search, 0, 0, sql, sizeof sql);
	sql_add(sql, sizeof sql, " LIMIT ?5)");
	return count_rows(s, ent, sql, search, cap, n, e);
}

/* Keep the values of the one row read by entity_get. */
struct got {
	const struct entity *ent;
	struct value *values;
	int64_t version;
	int found;
};

static int
got_row(void *arg, int64_t id, int64_t version, const struct value *v)
{
	struct got *g = arg;
	size_t i;

	(void)id;
	for (i = 0; i < g->ent->nfields; i++)
		value_copy(&g->values[i], &v[i]);
	g->version = version;
	g->found = 1;
	return 0;
}

int
entity_get(struct session *s, const struct entity *ent, int64_t id,
    struct value *values, int64_t *version, struct wy_err *e)
{
	struct got g = { .ent = ent, .values = values };
	char sql[4096] = "";
	sqlite3_stmt *st;
	int rc;

	if ((rc = auth_require(s, ent->perm_read, e)) != WY_OK)
		return rc;
	values_clear(values, ent->nfields);
	select_all(ent, sql, sizeof sql);
	sql_add(sql, sizeof sql, " WHERE t.rowid = ?");
	if ((rc = db_cached(s->db, sql, &st, e)) != WY_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = read_rows(s, ent, st, 0, got_row, &g, e);
	sqlite3_reset(st);
	if (rc != WY_OK)
		return rc;
	if (!g.found)
		return wy_fail(e, WY_ENOTFOUND,
		    _("%s: the record was deleted by another user"), entity_title(ent));
	*version = g.version;
	return WY_OK;
}

int
entity_delete(struct session *s, const struct entity *ent, int64_t id,
    int64_t version, struct wy_err *e)
{
	char sql[512], detail[64];
	int rc;

	if ((rc = entity_writable(ent, e)) != WY_OK ||
	    (rc = auth_require(s, ent->perm_write, e)) != WY_OK)
		return rc;
	snprintf(sql, sizeof sql, "DELETE FROM \"%s\" WHERE rowid = ? AND version = ?",
	    ent->table);
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	rc = db_run(s->db, e, sql, "II", id, version);
	if (rc == WY_EINVALID)	/* a foreign key: others refer to it */
		rc = wy_fail(e, WY_ECONFLICT,
		    _("%s: the record is still used by other records (e.g. rooms of a "
		    "building, links of a client); change those first"),
		    entity_title(ent));
	else if (rc == WY_OK && sqlite3_changes(s->db->h) == 0)
		rc = wy_fail(e, WY_ECONFLICT,
		    _("%s: the record was changed or deleted by another user since "
		    "you opened it; reload and try again"), entity_title(ent));
	snprintf(detail, sizeof detail, "version %lld", (long long)version);
	if (rc == WY_OK)
		rc = audit_append(s, "delete", ent->table, id, detail, e);
	if (rc == WY_OK)
		rc = db_commit(s->db, e);
	else
		db_rollback(s->db);
	return rc;
}

void
value_copy(struct value *dst, const struct value *src)
{
	dst->kind = src->kind;
	dst->i = src->i;
	dst->s = src->kind == VALUE_TEXT ? xstrdup(src->s) : NULL;
}
