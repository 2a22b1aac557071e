/* wuye: row actions of forms ([action.NAME]): the functions they may call.
 *
 * A domain module that offers an action on its records (approve an
 * expense, close a ticket) exports a table of struct entity_call, ended by
 * a NULL name, and is listed in call_tables below; a form names the
 * function with call = NAME, checked when the form is loaded.  Each
 * function checks its own permission and state and runs in its own
 * transaction, so an action is as safe from the full-screen program as
 * from the command line.  wuye.conf(5) lists the functions.
 */
#include "wuye/entity.h"

#include <stdlib.h>
#include <string.h>

#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/text.h"

extern const struct entity_call expense_calls[];
extern const struct entity_call deposit_calls[];

static const struct entity_call *const call_tables[] = {
	expense_calls,
	deposit_calls,
};

/* The function registered under name, or NULL. */
entity_call_fn
entity_call_find(const char *name)
{
	const struct entity_call *c;
	size_t t;

	if (name == NULL)
		return NULL;
	for (t = 0; t < sizeof call_tables / sizeof call_tables[0]; t++)
		for (c = call_tables[t]; c->name != NULL; c++)
			if (strcmp(c->name, name) == 0)
				return c->fn;
	return NULL;
}

/* Run action i on record id with the trimmed answer. */
int
entity_action_run(struct session *s, const struct entity *ent, size_t i,
    int64_t id, const char *text, struct wy_err *e)
{
	const struct entity_action *a;
	char *answer = NULL, *end;
	const char *p;
	int rc;

	if (ent == NULL || i >= ent->nactions || ent->actions[i].fn == NULL)
		return wy_fail(e, WY_EINVALID, _("%s: no such action"),
		    ent != NULL ? ent->name : "?");
	a = &ent->actions[i];
	if (text != NULL) {
		for (p = text; *p == ' ' || *p == '\t'; p++)
			;
		answer = xstrdup(p);
		end = answer + strlen(answer);
		while (end > answer && (end[-1] == ' ' || end[-1] == '\t'))
			*--end = '\0';
		if (*answer == '\0') {
			free(answer);
			answer = NULL;
		}
	}
	/* The answer is free text: the one check of text.h. */
	if ((rc = text_check(entity_action_label(a), answer, TEXT_MAX, 0,
	    e)) != WY_OK) {
		free(answer);
		return rc;
	}
	rc = a->fn(s, id, answer, e);
	free(answer);
	if (rc != WY_OK)
		return wy_prefix(e, "%s", entity_action_label(a));
	return WY_OK;
}
