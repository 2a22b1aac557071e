/* wuye: rules of the client records (clients, family, room-client links,
 * leases, parking, vehicles) that their forms cannot express. */
#include "wuye/property.h"

#include "wuye/entity.h"

#include <stdlib.h>
#include <string.h>

#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/ident.h"

/* WY_EINVALID if the date `to` is before `from` (both optional). */
static int
date_order(struct value *from, struct value *to, const char *label,
    int strict, struct wy_err *e)
{
	int cmp;

	if (from == NULL || to == NULL || from->kind != VALUE_TEXT ||
	    to->kind != VALUE_TEXT)
		return WY_OK;
	cmp = strcmp(to->s, from->s);
	if (cmp < 0 || (strict && cmp == 0))
		return wy_fail(e, WY_EINVALID, strict ?
		    _("%s: %s must be after the start %s") :
		    _("%s: %s is before the start %s"), label, to->s, from->s);
	return WY_OK;
}

/* With a valid ID card number the gender follows from it: filled in when
 * empty, refused when it disagrees. */
static int
gender_check(const struct entity *ent, struct value *v, struct wy_err *e)
{
	struct value *type = entity_value(ent, v, "id_type");
	struct value *no = entity_value(ent, v, "id_no");
	struct value *gender = entity_value(ent, v, "gender");
	char g[2] = { 0, 0 };

	if (type == NULL || no == NULL || gender == NULL ||
	    type->kind != VALUE_TEXT || strcmp(type->s, "idcard") != 0 ||
	    no->kind != VALUE_TEXT || ident_idcard_check(no->s, NULL) != WY_OK)
		return WY_OK;
	g[0] = ident_idcard_gender(no->s);
	if (gender->kind == VALUE_NULL || (gender->kind == VALUE_TEXT &&
	    gender->s[0] == '\0')) {
		values_clear(gender, 1);
		gender->kind = VALUE_TEXT;
		if ((gender->s = strdup(g)) == NULL)
			return wy_fail(e, WY_EFAIL, "out of memory");
		return WY_OK;
	}
	if (gender->kind == VALUE_TEXT && strcmp(gender->s, g) != 0)
		return wy_fail(e, WY_EINVALID,
		    _("Gender: %s does not match the ID number, which says %s"),
		    gender->s, g);
	return WY_OK;
}

static int
client_check(struct session *s, const struct entity *ent, struct value *v,
    int64_t id, const char **field,
    struct wy_err *e)
{
	(void)s, (void)id;
	*field = "gender";
	return gender_check(ent, v, e);
}

/* One payer per room at a time, and no client linked twice to a room in
 * the same role over the same days.  A link covers [start, end): the end
 * date is the move-out day, on which the next one may move in.  Open ends
 * are 9999-12-31. */
static int
occupancy_check(struct session *s, const struct entity *ent, struct value *v,
    int64_t id, const char **field,
    struct wy_err *e)
{
	struct value *room = entity_value(ent, v, "room");
	struct value *client = entity_value(ent, v, "client");
	struct value *role = entity_value(ent, v, "role");
	struct value *from = entity_value(ent, v, "start_date");
	struct value *to = entity_value(ent, v, "end_date");
	struct value *payer = entity_value(ent, v, "payer");
	const char *end = to != NULL && to->kind == VALUE_TEXT ? to->s : NULL;
	int64_t other;
	int rc;

	*field = "end_date";
	if ((rc = date_order(from, to, _("To"), 0, e)) != WY_OK)
		return rc;
	if (room == NULL || room->kind != VALUE_INT || from == NULL ||
	    from->kind != VALUE_TEXT)
		return WY_OK;
	*field = "payer";
	if (payer != NULL && payer->kind == VALUE_INT && payer->i) {
		rc = db_int64(s->db, &other, e,
		    "SELECT id FROM occupancy WHERE room_id = ?1 AND payer = 1"
		    " AND id <> ?2 AND start_date < coalesce(?4, '9999-12-31')"
		    " AND coalesce(end_date, '9999-12-31') > ?3 LIMIT 1",
		    "IItt", room->i, id, from->s, end);
		if (rc == WY_OK)
			return wy_fail(e, WY_EINVALID,
			    _("Payer: the room already has a payer for these dates; "
			    "end that link first (a room has one payer at a time)"));
		if (rc != WY_ENOTFOUND)
			return rc;
	}
	*field = "client";
	if (client != NULL && client->kind == VALUE_INT && role != NULL &&
	    role->kind == VALUE_TEXT) {
		rc = db_int64(s->db, &other, e,
		    "SELECT id FROM occupancy WHERE room_id = ?1 AND client_id = ?2"
		    " AND role = ?3 AND id <> ?4"
		    " AND start_date < coalesce(?6, '9999-12-31')"
		    " AND coalesce(end_date, '9999-12-31') > ?5 LIMIT 1",
		    "IItItt", room->i, client->i, role->s, id, from->s, end);
		if (rc == WY_OK)
			return wy_fail(e, WY_EINVALID,
			    _("Client: already linked to this room in this role for these dates"));
		if (rc != WY_ENOTFOUND)
			return rc;
	}
	*field = NULL;
	wy_clear(e);
	return WY_OK;
}

/* A room's state follows its current links: a tenant makes it rented, an
 * owner alone owner-occupied, nobody vacant.  Renovating is left alone;
 * so is a state that already fits. */
static int
occupancy_after(struct session *s, const struct entity *ent,
    const struct value *v, int64_t id, struct wy_err *e)
{
	const struct value *room = entity_value(ent, (struct value *)v, "room");
	char today[DATE_BUFSIZE];

	(void)id;
	if (room == NULL || room->kind != VALUE_INT)
		return WY_OK;
	date_format(date_today(), today);
	return db_run(s->db, e,
	    "WITH cur AS (SELECT"
	    "  max(role = 'tenant') AS tenant, max(role = 'owner') AS owner"
	    "  FROM occupancy WHERE room_id = ?1 AND start_date <= ?2"
	    "  AND (end_date IS NULL OR end_date > ?2)),"
	    " want AS (SELECT CASE WHEN tenant THEN 'rented' WHEN owner THEN 'owner'"
	    "  ELSE 'vacant' END AS state FROM cur)"
	    " UPDATE rooms SET state = (SELECT state FROM want), version = version + 1"
	    " WHERE id = ?1 AND state <> 'renovating'"
	    " AND state <> (SELECT state FROM want)"
	    " AND NOT (state = 'for_sale' AND (SELECT state FROM want) = 'vacant')",
	    "It", room->i, today);
}

static int
lease_check(struct session *s, const struct entity *ent, struct value *v,
    int64_t id, const char **field,
    struct wy_err *e)
{
	(void)s, (void)id;
	*field = "end_date";
	return date_order(entity_value(ent, v, "start_date"),
	    entity_value(ent, v, "end_date"), _("End"), 1, e);
}

static int
parking_check(struct session *s, const struct entity *ent, struct value *v,
    int64_t id, const char **field,
    struct wy_err *e)
{
	(void)s, (void)id;
	*field = "contract_end";
	return date_order(entity_value(ent, v, "contract_start"),
	    entity_value(ent, v, "contract_end"), _("Contract end"), 0, e);
}

static int
family_check(struct session *s, const struct entity *ent, struct value *v,
    int64_t id, const char **field,
    struct wy_err *e)
{
	(void)s, (void)id;
	*field = "gender";
	return gender_check(ent, v, e);
}

const struct entity_rule client_rules[] = {
	{ .entity = "clients", .check = client_check },
	{ .entity = "family", .check = family_check },
	{ .entity = "occupancy", .check = occupancy_check,
	  .after = occupancy_after },
	{ .entity = "leases", .check = lease_check },
	{ .entity = "parking", .check = parking_check },
	{ .entity = NULL },
};

int
client_move_out(struct session *s, int64_t link_id, int64_t version,
    const char *date, struct wy_err *e)
{
	struct entity *ent;
	struct value *vals, *end;
	int64_t id, current;
	int rc;

	if ((rc = entity_load(s->conf, "occupancy", &ent, e)) != WY_OK)
		return rc;
	vals = calloc(ent->nfields, sizeof *vals);
	if (vals == NULL)
		abort();
	rc = entity_get(s, ent, link_id, vals, &current, e);
	if (rc == WY_OK && current != version)
		rc = wy_fail(e, WY_ECONFLICT,
		    _("the link was changed by another user; reload and try again"));
	if (rc == WY_OK && (end = entity_value(ent, vals, "end_date")) != NULL) {
		if (end->kind != VALUE_NULL)
			rc = wy_fail(e, WY_EINVALID, _("To: the link already ended on %s"),
			    end->s);
		else
			rc = field_parse(s, ent, entity_field(ent, "end_date"), date, 0,
			    end, e);
	}
	if (rc == WY_OK)
		rc = entity_save(s, ent, link_id, version, vals, &id, NULL, e);
	values_clear(vals, ent->nfields);
	free(vals);
	entity_free(&ent);
	return rc;
}
