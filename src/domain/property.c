/* wuye: rules of the property records (estates, buildings, rooms,
 * handover findings) that their forms cannot express. */
#include "wuye/property.h"

#include "wuye/entity.h"

#include <string.h>

#include "wuye/db.h"
#include "wuye/i18n.h"

/* A room's unit and floor must exist in its building. */
static int
room_check(struct session *s, const struct entity *ent, struct value *v,
    int64_t id, const char **field,
    struct wy_err *e)
{
	struct value *b = entity_value(ent, v, "building");
	struct value *unit = entity_value(ent, v, "unit");
	struct value *floor = entity_value(ent, v, "floor");
	sqlite3_stmt *st;
	int64_t floors, units;
	int rc;

	if (b == NULL || b->kind != VALUE_INT)
		return WY_OK;
	if ((rc = db_cached(s->db, "SELECT floors, units FROM buildings WHERE id = ?",
	    &st, e)) != WY_OK || (rc = db_bind(s->db, st, e, "I", b->i)) != WY_OK)
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return WY_OK;	/* the lookup already reported it */
	}
	floors = sqlite3_column_int64(st, 0);
	units = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	*field = "floor";
	if (floor != NULL && floor->kind == VALUE_INT && (floor->i > floors ||
	    floor->i == 0))
		return wy_fail(e, WY_EINVALID,
		    _("Floor: %lld is not a floor of the building (1 to %lld, or below ground -1 to -9)"),
		    (long long)floor->i, (long long)floors);
	*field = "unit";
	if (unit != NULL && unit->kind == VALUE_INT && unit->i > units)
		return wy_fail(e, WY_EINVALID,
		    _("Unit: the building has only %lld units"), (long long)units);
	(void)id;
	return WY_OK;
}

/* A finding cannot be fixed before it was found. */
static int
finding_check(struct session *s, const struct entity *ent, struct value *v,
    int64_t id, const char **field,
    struct wy_err *e)
{
	struct value *found = entity_value(ent, v, "found");
	struct value *fixed = entity_value(ent, v, "fixed");

	*field = "fixed";
	if (found != NULL && fixed != NULL && found->kind == VALUE_TEXT &&
	    fixed->kind == VALUE_TEXT && strcmp(fixed->s, found->s) < 0)
		return wy_fail(e, WY_EINVALID,
		    _("Fixed on: %s is before the finding (%s)"), fixed->s, found->s);
	(void)s, (void)id;
	return WY_OK;
}

const struct entity_rule property_rules[] = {
	{ .entity = "rooms", .check = room_check },
	{ .entity = "handover_findings", .check = finding_check },
	{ .entity = NULL },
};

int
property_counts(struct session *s, struct property_counts *c,
    struct wy_err *e)
{
	sqlite3_stmt *st;
	int rc;

	rc = db_prepare(s->db,
	    "SELECT (SELECT count(*) FROM estates), (SELECT count(*) FROM buildings),"
	    " (SELECT count(*) FROM rooms),"
	    " (SELECT count(*) FROM rooms WHERE state = 'vacant'),"
	    " (SELECT count(*) FROM clients),"
	    " (SELECT count(*) FROM occupancy WHERE end_date IS NULL),"
	    " (SELECT count(*) FROM parking_spaces), (SELECT count(*) FROM vehicles),"
	    " (SELECT count(*) FROM users)", &st, e);
	if (rc != WY_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c->estates = sqlite3_column_int64(st, 0);
		c->buildings = sqlite3_column_int64(st, 1);
		c->rooms = sqlite3_column_int64(st, 2);
		c->rooms_vacant = sqlite3_column_int64(st, 3);
		c->clients = sqlite3_column_int64(st, 4);
		c->links_current = sqlite3_column_int64(st, 5);
		c->parking = sqlite3_column_int64(st, 6);
		c->vehicles = sqlite3_column_int64(st, 7);
		c->users = sqlite3_column_int64(st, 8);
		rc = WY_OK;
	} else
		rc = db_fail(s->db, rc, e, "summary");
	sqlite3_finalize(st);
	return rc;
}
