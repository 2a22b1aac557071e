/* wuye: drafts of forms kept on a hang-up (draft.h, schema 014).
 *
 * A draft is written as a delete of the user's old draft of the form and
 * the inserts of the new one and its values, in one transaction.  They are
 * read back with two statements: the drafts, then the values of each.
 */
#include "wuye/draft.h"

#include <stdlib.h>
#include <string.h>

#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"

/* The session's user, or WY_EDENIED for the system (no one to offer the
 * draft to). */
static int
draft_user(const struct session *s, struct wy_err *e)
{
	if (s->user_id <= 0)
		return wy_fail(e, WY_EDENIED, _("drafts belong to a user who "
		    "logged in"));
	return WY_OK;
}

int
draft_save(struct session *s, const struct draft *d, struct wy_err *e)
{
	char now[32];
	int64_t id;
	size_t i;
	int rc;

	if ((rc = draft_user(s, e)) != WY_OK)
		return rc;
	if (d->form == NULL || *d->form == '\0' ||
	    strlen(d->form) > DRAFT_FORM_MAX)
		return wy_fail(e, WY_EINVALID, _("a draft needs the name of "
		    "its form"));
	timestamp_now(now);
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	rc = db_run(s->db, e, "DELETE FROM drafts WHERE user_id = ? AND form = ?",
	    "It", s->user_id, d->form);
	if (rc == WY_OK)
		rc = db_run(s->db, e, "INSERT INTO drafts (user_id, form, "
		    "record_id, record_version, title, saved_at) VALUES "
		    "(?, ?, NULLIF(?, 0), NULLIF(?, 0), ?, ?)", "ItIItt",
		    s->user_id, d->form, d->record_id, d->version,
		    d->title != NULL ? d->title : "", now);
	if (rc == WY_OK)
		rc = db_int64(s->db, &id, e, "SELECT id FROM drafts WHERE "
		    "user_id = ? AND form = ?", "It", s->user_id, d->form);
	for (i = 0; i < d->nvalues && rc == WY_OK; i++)
		rc = db_run(s->db, e, "INSERT INTO draft_values (draft_id, "
		    "field, value, original) VALUES (?, ?, ?, ?)", "Ittt", id,
		    d->values[i].field, d->values[i].value != NULL ?
		    d->values[i].value : "", d->values[i].original != NULL ?
		    d->values[i].original : "");
	if (rc == WY_OK)
		return db_commit(s->db, e);
	db_rollback(s->db);
	return rc;
}

/* sqlite3_column_text as an owned string ("" for NULL). */
static char *
column_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return xstrdup(t != NULL ? (const char *)t : "");
}

/* Read the values of d. */
static int
draft_values(struct session *s, struct draft *d, struct wy_err *e)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, src;

	if ((rc = db_prepare(s->db, "SELECT field, value, original FROM "
	    "draft_values WHERE draft_id = ? ORDER BY field", &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "I", d->id)) == WY_OK) {
		while ((src = sqlite3_step(st)) == SQLITE_ROW) {
			if (d->nvalues == cap) {
				cap = cap * 2 + 8;
				d->values = xrealloc(d->values, cap * sizeof *d->values);
			}
			d->values[d->nvalues].field = column_dup(st, 0);
			d->values[d->nvalues].value = column_dup(st, 1);
			d->values[d->nvalues].original = column_dup(st, 2);
			d->nvalues++;
		}
		if (src != SQLITE_DONE)
			rc = db_fail(s->db, src, e, "draft_values");
	}
	sqlite3_finalize(st);
	return rc;
}

int
draft_list(struct session *s, struct draft **out, size_t *n, struct wy_err *e)
{
	sqlite3_stmt *st;
	struct draft *d = NULL;
	size_t cap = 0, i;
	int rc, src;

	*out = NULL;
	*n = 0;
	if ((rc = draft_user(s, e)) != WY_OK)
		return rc;
	if ((rc = db_prepare(s->db, "SELECT id, form, coalesce(record_id, 0), "
	    "coalesce(record_version, 0), title, saved_at FROM drafts WHERE "
	    "user_id = ? ORDER BY saved_at DESC, id DESC", &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "I", s->user_id)) == WY_OK) {
		while ((src = sqlite3_step(st)) == SQLITE_ROW) {
			if (*n == cap) {
				cap = cap * 2 + 4;
				d = xrealloc(d, cap * sizeof *d);
			}
			memset(&d[*n], 0, sizeof *d);
			d[*n].id = sqlite3_column_int64(st, 0);
			d[*n].form = column_dup(st, 1);
			d[*n].record_id = sqlite3_column_int64(st, 2);
			d[*n].version = sqlite3_column_int64(st, 3);
			d[*n].title = column_dup(st, 4);
			d[*n].saved_at = column_dup(st, 5);
			(*n)++;
		}
		if (src != SQLITE_DONE)
			rc = db_fail(s->db, src, e, "drafts");
	}
	sqlite3_finalize(st);
	for (i = 0; i < *n && rc == WY_OK; i++)
		rc = draft_values(s, &d[i], e);
	if (rc != WY_OK) {
		draft_free_all(&d, *n);
		*n = 0;
		return rc;
	}
	*out = d;
	return WY_OK;
}

int
draft_delete(struct session *s, int64_t id, struct wy_err *e)
{
	int rc;

	if ((rc = draft_user(s, e)) != WY_OK)
		return rc;
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	if ((rc = db_run(s->db, e, "DELETE FROM draft_values WHERE draft_id IN "
	    "(SELECT id FROM drafts WHERE id = ? AND user_id = ?)", "II", id,
	    s->user_id)) == WY_OK &&
	    (rc = db_run(s->db, e, "DELETE FROM drafts WHERE id = ? AND "
	    "user_id = ?", "II", id, s->user_id)) == WY_OK)
		return db_commit(s->db, e);
	db_rollback(s->db);
	return rc;
}

void
draft_clear(struct draft *d)
{
	size_t i;

	for (i = 0; i < d->nvalues; i++) {
		free(d->values[i].field);
		free(d->values[i].value);
		free(d->values[i].original);
	}
	free(d->values);
	free(d->form);
	free(d->title);
	free(d->saved_at);
	memset(d, 0, sizeof *d);
}

void
draft_free_all(struct draft **dp, size_t n)
{
	size_t i;

	for (i = 0; *dp != NULL && i < n; i++)
		draft_clear(&(*dp)[i]);
	free(*dp);
	*dp = NULL;
}
