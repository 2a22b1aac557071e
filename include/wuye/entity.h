/* wuye: entities described by forms/NAME.ini.
 *
 * An entity is one table the user keeps records in (rooms, clients, ...).
 * Its form file says which columns it has, their labels in English and
 * Chinese, types, limits, lookups into other entities and category lists;
 * from that one description come validation, CSV import and export, and
 * the browse and edit screens.  Rules that the description cannot say (an
 * ID number's check digit against the ID type, one payer per room at a
 * time) are hooks in the domain file of the module, run after the generic
 * checks.  See wuye.conf(5) for the keys of a form file.
 *
 * Values travel as text between the user and the entity (as typed, or as
 * a CSV cell) and as struct value (integer or text, stored form) between
 * the entity and the database.
 */
#ifndef WUYE_ENTITY_H
#define WUYE_ENTITY_H

#include <stddef.h>
#include <stdint.h>

#include "wuye/error.h"
#include "wuye/session.h"

struct conf;

#define FIELD_TYPES(X)			\
	X(FIELD_TEXT, "text")		\
	X(FIELD_LONGTEXT, "longtext")	\
	X(FIELD_INT, "integer")		\
	X(FIELD_DECIMAL, "decimal")	\
	X(FIELD_MONEY, "money")		\
	X(FIELD_DATE, "date")		\
	X(FIELD_BOOL, "yesno")		\
	X(FIELD_CHOICE, "choice")	\
	X(FIELD_LOOKUP, "lookup")

enum field_type {
#define FIELD_TYPE_ENUM(name, text) name,
	FIELD_TYPES(FIELD_TYPE_ENUM)
#undef FIELD_TYPE_ENUM
};

/* A fixed choice (choices = code:English:中文, ...). */
struct choice {
	char *code;
	char *label;
	char *label_zh;
};

struct field {
	char *name;		/* key in the form and CSV header ("build_area") */
	char *label;		/* English label */
	char *label_zh;		/* Chinese label */
	char *column;		/* column in the entity's table */
	enum field_type type;
	int width;		/* display columns in lists and forms */
	int maxlen;		/* most characters (text types) */
	int required;		/* must not be empty */
	int unique;		/* no two records share a value */
	int scale;		/* decimals: decimal 0-6, money 2 */
	int has_min, has_max;
	int64_t min, max;	/* range, scaled like the value */
	char *list;		/* choice: category list in table categories */
	struct choice *choices;	/* choice: fixed choices instead of a list */
	size_t nchoices;
	char *lookup;		/* lookup: the target entity's name */
	char *lookup_table;	/* lookup: its table (filled by entity_load) */
	char *lookup_key;	/* lookup: its key column (filled by entity_load) */
	char *lookup_display;	/* lookup: its display column, or NULL */
	char *def;		/* default as text, or NULL */
	char *format;		/* extra check: "phone", "idcard", "code" */
	int in_list;		/* a column of the browse list */
	int sensitive;		/* masked without permission client.sensitive */
	int null;		/* empty text is stored as NULL, not '' */
	int sort;		/* sort = natural|pinyin|name: an enum
				 * pinyin_order (pinyin.h); the engine keeps
				 * its key in the column COLUMN_key, and for
				 * pinyin and name the initials, which the
				 * search also matches, in COLUMN_py */
	int lookup_sort;	/* lookup: the target key's sort (entity_load) */
	char *help;		/* one line, English */
	char *help_zh;
};

/* A function a form's action may call, registered by a domain module
 * (see entity_action.c): run it on record id with the user's answer to
 * the action's question (NULL when it asks none).  It checks its own
 * permission and state, in its own transaction. */
typedef int (*entity_call_fn)(struct session *s, int64_t id,
    const char *text, struct wy_err *e);

struct entity_call {
	const char *name;	/* "expense.approve" */
	entity_call_fn fn;
};

/* An action on one record ([action.NAME] in the form): approve, close, ... */
struct entity_action {
	char *name;		/* "approve" */
	char *label;		/* English */
	char *label_zh;		/* Chinese */
	char *ask;		/* question whose answer is passed, or NULL */
	char *ask_zh;
	int confirm;		/* ask "Are you sure?" first */
	char *call;		/* registered function's name */
	entity_call_fn fn;	/* ... and the function (filled by entity_load) */
};

struct entity {
	char *name;		/* form name ("rooms") */
	char *source;		/* "built-in" or the file it came from */
	char *table;
	char *title;		/* English */
	char *title_zh;
	char *key;		/* field naming a record (lookups, messages), or NULL */
	char *display;		/* field shown after the key in lookups ("name") */
	char *perm_read;	/* permission to see records */
	char *perm_write;	/* permission to change them */
	int readonly;		/* readonly = yes: a list of what was done
				 * (a view), never written through the form */
	char *order;		/* field the list is sorted by */
	char **search;		/* fields incremental search looks in */
	size_t nsearch;
	struct field *fields;
	size_t nfields;
	struct entity_action *actions;	/* in the order of the file */
	size_t nactions;
};

/* A stored value: NULL, an integer (scaled), or text. */
struct value {
	enum { VALUE_NULL, VALUE_INT, VALUE_TEXT } kind;
	int64_t i;
	char *s;		/* owned */
};

/* Load the form `name` (user folder conf paths.data/forms/NAME.ini first,
 * then the built-in one) and check it: unknown keys, types, identifiers,
 * ranges.  Errors name the file, section and key.  *out is freed with
 * entity_free(). */
int entity_load(const struct conf *conf, const char *name,
    struct entity **out, struct wy_err *e);
void entity_free(struct entity **ep);

/* Names of all forms (built-in and user), sorted; free with entity_names_free. */
char **entity_names(const struct conf *conf, size_t *n);
void entity_names_free(char **names, size_t n);

/* The field called name (or whose English or Chinese label is name), or NULL. */
const struct field *entity_field(const struct entity *ent, const char *name);

/* The value of the field called name in values[nfields], or NULL. */
struct value *entity_value(const struct entity *ent, struct value *values,
    const char *name);

/* The label in the language of the messages catalogue in use. */
const char *field_label(const struct field *f);
/* The display columns a field takes in a list: its width, widened to its
 * label and to its fixed choices' names, in the language in use. */
int field_width(const struct field *f);
const char *entity_title(const struct entity *ent);

/* Turn text typed by a user (or a CSV cell) into the stored value of f:
 * numbers parsed exactly, dates checked, choices matched by code, English
 * or Chinese name, lookups resolved through the target's key, text checked
 * for UTF-8, control characters and length.  Empty text is NULL (or the
 * default when use_default).  The message names the field, not the line:
 * the caller adds where. */
int field_parse(struct session *s, const struct entity *ent,
    const struct field *f, const char *text, int use_default,
    struct value *out, struct wy_err *e);

/* The text form of a stored value of f (for export and display): the
 * inverse of field_parse.  Lookups show the target's key.  Returns a
 * malloc'd string the caller frees; NULL values give "". */
char *field_text(struct session *s, const struct field *f,
    const struct value *v);

/* The text shown on screen for a stored value: field_text, except that a
 * choice shows its name in the language in use, yes/no are words, and a
 * lookup shows the target's key and display field ("C001 王秀英"). */
char *field_display(struct session *s, const struct field *f,
    const struct value *v);

/* Call fn for each choice of a choice field (code and name in the language
 * in use), in order.  Stops when fn returns non-zero. */
int field_choices(struct session *s, const struct field *f,
    int (*fn)(void *arg, const char *code, const char *name), void *arg,
    struct wy_err *e);

/* Check and write a record in one transaction: insert when id is 0 (*newid,
 * if newid is not NULL, gets the record's id), else update if still at
 * version.  The change is
 * audit-logged.  On failure *where (may be NULL) names the field at fault. */
int entity_save(struct session *s, const struct entity *ent, int64_t id,
    int64_t version, struct value *values, int64_t *newid,
    const struct field **where, struct wy_err *e);

/* entity_save with entity_check_warn's accept and *warned; the audit
 * entry of a record saved despite a warning names the field warned about. */
int entity_save_warn(struct session *s, const struct entity *ent, int64_t id,
    int64_t version, struct value *values, int accept, int *warned,
    int64_t *newid, const struct field **where, struct wy_err *e);

/* Check a whole record (values[nfields]): required fields, unique fields
 * (ignoring the record id itself; 0 for a new record), then the entity's
 * domain rules.  On failure *where (if not NULL) gets the field at fault,
 * or NULL when the record as a whole is.  A record that breaks only
 * warning rules is refused with WY_EINVALID naming the first. */
int entity_check(struct session *s, const struct entity *ent,
    struct value *values, int64_t id, const struct field **where,
    struct wy_err *e);

/* What a rule returns instead of a status when the record breaks only a
 * plausibility rule (e filled as for WY_EINVALID, naming the rule, and
 * *field set): a warning.  The checks go on; an error found later wins.
 * Never returned outside the domain. */
#define ENTITY_WARNING 100

/* entity_check, and what a warning does: *warned (may be NULL) is 1 when
 * the record broke warning rules and no error rule.  Without accept such
 * a record is refused with WY_EINVALID naming the first warning; with it,
 * it passes for a user with the permission entity_override_perm() names,
 * and is WY_EDENIED naming the rule and the permission for others. */
int entity_check_warn(struct session *s, const struct entity *ent,
    struct value *values, int64_t id, int accept, int *warned,
    const struct field **where, struct wy_err *e);

/* The permission that lets a user save a record of ent despite warnings:
 * the module of its write permission and ".override" ("client.override"
 * for client.write).  Written to buf, which is returned. */
const char *entity_override_perm(const struct entity *ent, char *buf,
    size_t size);

/* 1 if the user may save records of ent despite warnings. */
int entity_may_override(const struct session *s, const struct entity *ent);

/* WY_OK if records of ent may be written; WY_EINVALID naming the list
 * when the form is readonly (waivers, refunds: changed only by their own
 * commands).  entity_save, _insert, _update, _delete and import check it. */
int entity_writable(const struct entity *ent, struct wy_err *e);

/* Insert a checked record inside the caller's transaction; *id gets the
 * new row id.  Needs perm_write. */
int entity_insert(struct session *s, const struct entity *ent,
    struct value *values, int64_t *id, struct wy_err *e);

/* Update record id if it is still at `version` (else WY_ECONFLICT: another
 * user changed it), inside the caller's transaction. */
int entity_update(struct session *s, const struct entity *ent, int64_t id,
    int64_t version, struct value *values, struct wy_err *e);

/* Free the text of n values and reset them to NULL. */
void values_clear(struct value *v, size_t n);

/* Call fn for every record, in the entity's order, with its values (one per
 * field), id and version.  Stops when fn returns non-zero and returns that.
 * Needs perm_read; sensitive fields come masked without client.sensitive. */
int entity_each(struct session *s, const struct entity *ent,
    int (*fn)(void *arg, int64_t id, int64_t version,
    const struct value *values), void *arg, struct wy_err *e);

/* A window over an entity's records, for the browse grid: rows in the
 * order of one field, optionally only those where a search field starts
 * with the typed text, from a boundary row on.  Keyset paging: every page
 * is one indexed query however far down the list is. */
enum page_from {
	PAGE_FIRST,		/* the first rows */
	PAGE_AFTER,		/* rows after the boundary */
	PAGE_FROM,		/* rows from the boundary on (it included) */
	PAGE_BEFORE,		/* rows before the boundary (nearest last) */
	PAGE_LAST,		/* the last rows */
};

struct page_query {
	size_t sort;		/* index of the field to sort by */
	int desc;		/* descending */
	const char *search;	/* prefix to look for, NULL or "": all */
	const char *filter;	/* only rows whose field `filter` ... */
	int64_t filter_id;	/* ... (a lookup) is this id */
	enum page_from from;
	const struct value *key;	/* boundary row's sort value */
	int64_t key_id;		/* boundary row's id */
	size_t limit;		/* most rows; 0: all */
	int many;		/* the search matches many rows (a count at its
				 * cap): walk the sort order, do not sort them */
	size_t sample;		/* with a search, when its matches are gathered:
				 * take each search field's first `sample`
				 * matches (in its index's order) and sort those:
				 * a finder's first few of a common text, not for
				 * paging; 0: all */
};

/* Call fn for each row of the window, in display order, with its values
 * (as entity_each).  Needs perm_read. */
int entity_page(struct session *s, const struct entity *ent,
    const struct page_query *q,
    int (*fn)(void *arg, int64_t id, int64_t version,
    const struct value *values), void *arg, struct wy_err *e);

/* How many rows match the search, counting at most cap (0: all). */
int entity_count(struct session *s, const struct entity *ent,
    const char *search, int64_t cap, int64_t *n, struct wy_err *e);

/* Read one record: values[nfields] (cleared first) and its version.
 * WY_ENOTFOUND if it is gone. */
int entity_get(struct session *s, const struct entity *ent, int64_t id,
    struct value *values, int64_t *version, struct wy_err *e);

/* Delete record id if it is still at version (WY_ECONFLICT otherwise),
 * in its own transaction, audit-logged.  A record others refer to is
 * refused with WY_ECONFLICT naming why. */
int entity_delete(struct session *s, const struct entity *ent, int64_t id,
    int64_t version, struct wy_err *e);

/* Copy a value (the text is duplicated). */
void value_copy(struct value *dst, const struct value *src);

/* Mask a sensitive text: keep the first 3 and last 4 characters of an ID
 * or phone number, stars between.  Returns a malloc'd string. */
char *entity_mask(const char *text);

/* The function registered under name (see entity_action.c), or NULL. */
entity_call_fn entity_call_find(const char *name);

/* The label and question of an action in the language in use (the
 * question NULL when it asks none). */
const char *entity_action_label(const struct entity_action *a);
const char *entity_action_ask(const struct entity_action *a);

/* Run action i of ent on record id with the answer text (NULL or "" when
 * the action asks nothing; leading and trailing spaces are dropped).  The
 * called function checks permission and state; its error is returned. */
int entity_action_run(struct session *s, const struct entity *ent,
    size_t i, int64_t id, const char *text, struct wy_err *e);

/* A rule of one entity that the form cannot express; see domain/ files. */
struct entity_rule {
	const char *entity;	/* form name */
	/* WY_OK, or a status (or ENTITY_WARNING) with *field set to the
	 * name of the field at fault (left NULL when it is the record as a
	 * whole). */
	int (*check)(struct session *s, const struct entity *ent,
	    struct value *values, int64_t id, const char **field,
	    struct wy_err *e);
	/* What follows from a saved record (e.g. a room's state after a
	 * move-in), in entity_save's transaction; may be NULL. */
	int (*after)(struct session *s, const struct entity *ent,
	    const struct value *values, int64_t id, struct wy_err *e);
};

#endif
