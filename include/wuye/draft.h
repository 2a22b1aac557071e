/* wuye: drafts (草稿): a form's unsaved changes kept when the full-screen
 * program is stopped by a hang-up (SIGHUP) or SIGTERM, offered again at
 * the user's next log-in (schema 014).
 *
 * A draft belongs to one user; there is at most one per user and form (a
 * new one replaces the old).  It holds what the form needs to come back
 * as it was: the record and the version it was opened at (so saving it
 * meets the usual version check), and each field's text as typed and as
 * loaded.  Only the user who made it sees it.
 */
#ifndef WUYE_DRAFT_H
#define WUYE_DRAFT_H

#include <stddef.h>
#include <stdint.h>

#include "wuye/error.h"
#include "wuye/session.h"

#define DRAFT_FORM_MAX 64

/* One field of a draft. */
struct draft_value {
	char *field;		/* the field's name */
	char *value;		/* the text as typed */
	char *original;		/* the text the form was opened with */
};

/* A draft; every string is owned. */
struct draft {
	int64_t id;
	char *form;		/* the form's name ("rooms") */
	int64_t record_id;	/* 0: a new record */
	int64_t version;	/* the version it was opened at (0: new) */
	char *title;		/* the form's title then ("Rooms: A1-1-101") */
	char *saved_at;		/* UTC, YYYY-MM-DDTHH:MM:SSZ */
	struct draft_value *values;
	size_t nvalues;
};

/* Keep d (id and saved_at are ignored) as the draft of the session's user
 * for d->form, in place of the one there was, in one transaction. */
int draft_save(struct session *s, const struct draft *d, struct wy_err *e);

/* The drafts of the session's user, the newest first, with their values:
 * *out (malloc'd, NULL when *n is 0) is freed with draft_free_all(). */
int draft_list(struct session *s, struct draft **out, size_t *n,
    struct wy_err *e);

/* Delete the session user's draft id (opened, or discarded). */
int draft_delete(struct session *s, int64_t id, struct wy_err *e);

/* Free the strings of one draft (not d itself). */
void draft_clear(struct draft *d);

/* Free an array from draft_list and set *dp to NULL. */
void draft_free_all(struct draft **dp, size_t n);

#endif
