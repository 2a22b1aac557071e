/* wuye: rules of the collection (催缴) and expense records that their
 * forms cannot express.
 */
#include "wuye/entity.h"

#include <stdlib.h>
#include <string.h>

#include "wuye/cashier_int.h"
#include "wuye/expense.h"
#include "wuye/mem.h"

/* 1 if v is empty. */
static int
is_empty(const struct value *v)
{
	return v->kind == VALUE_NULL || (v->kind == VALUE_TEXT &&
	    (v->s == NULL || v->s[0] == '\0'));
}

/* The person defaults to the user, the client to the room's payer on the
 * date. */
static int
action_check(struct session *s, const struct entity *ent, struct value *v,
    int64_t id, const char **field, struct wy_err *e)
{
	struct value *by = entity_value(ent, v, "by");
	struct value *room = entity_value(ent, v, "room");
	struct value *client = entity_value(ent, v, "client");
	struct value *date = entity_value(ent, v, "date");
	int64_t payer;

	(void)id, (void)field, (void)e;
	if (by != NULL && is_empty(by)) {
		free(by->s);
		by->kind = VALUE_TEXT;
		by->s = xstrdup(s->user);
	}
	if (room != NULL && client != NULL && date != NULL &&
	    room->kind == VALUE_INT && client->kind == VALUE_NULL &&
	    date->kind == VALUE_TEXT && date->s != NULL &&
	    (payer = cashier_payer(s->db, room->i, date->s)) > 0) {
		client->kind = VALUE_INT;
		client->i = payer;
	}
	return WY_OK;
}

const struct entity_rule collect_rules[] = {
	{ .entity = "collection_actions", .check = action_check },
	{ .entity = "expenses", .check = expense_form_check },
	{ .entity = NULL },
};
