/* wuye: rules of the charge records (fee items, standards, meters,
 * readings) that their forms cannot express.  (Optional choices that must
 * be NULL when unused say `null = yes` in their forms.)
 */
#include "wuye/entity.h"

#include <string.h>

#include "wuye/date.h"
#include "wuye/i18n.h"
#include "wuye/meter.h"

/* 1 if v is the text t. */
static int
is_text(const struct value *v, const char *t)
{
	return v != NULL && v->kind == VALUE_TEXT && v->s != NULL &&
	    strcmp(v->s, t) == 0;
}

/* A meter type for metered and tiered items, none for the others. */
static int
item_check(struct session *s, const struct entity *ent, struct value *v,
    int64_t id, const char **field, struct wy_err *e)
{
	struct value *method = entity_value(ent, v, "method");
	struct value *type = entity_value(ent, v, "meter_type");
	int metered = is_text(method, "metered") || is_text(method, "tiered");

	(void)s, (void)id;
	if (type == NULL)
		return WY_OK;
	*field = "meter_type";
	if (metered && type->kind == VALUE_NULL)
		return wy_fail(e, WY_EINVALID,
		    _("Meter type: required for a metered or tiered item"));
	if (!metered && type->kind != VALUE_NULL)
		return wy_fail(e, WY_EINVALID,
		    _("Meter type: only metered and tiered items have one"));
	return WY_OK;
}

/* A period field: YYYY-MM. */
static int
period_field(const struct entity *ent, struct value *v, const char *name,
    const char **field, struct wy_err *e)
{
	struct value *p = entity_value(ent, v, name);
	const struct field *f = entity_field(ent, name);
	int n;

	*field = name;
	if (p == NULL || p->kind != VALUE_TEXT || p->s == NULL)
		return WY_OK;
	if (period_parse(p->s, &n, e) != WY_OK)
		return wy_prefix(e, "%s", f != NULL ? field_label(f) : name);
	return WY_OK;
}

/* Periods well formed and in order. */
static int
standard_check(struct session *s, const struct entity *ent, struct value *v,
    int64_t id, const char **field, struct wy_err *e)
{
	struct value *from = entity_value(ent, v, "start_period");
	struct value *to = entity_value(ent, v, "end_period");
	int rc;

	(void)s, (void)id;
	if ((rc = period_field(ent, v, "start_period", field, e)) != WY_OK ||
	    (rc = period_field(ent, v, "end_period", field, e)) != WY_OK)
		return rc;
	if (from != NULL && to != NULL && from->kind == VALUE_TEXT &&
	    to->kind == VALUE_TEXT && strcmp(to->s, from->s) < 0)
		return wy_fail(e, WY_EINVALID,
		    _("To period: %s is before the from period %s"), to->s, from->s);
	return WY_OK;
}

/* A room's meter, or a shared one of a building or estate with a way to
 * apportion it; the first reading within the dial. */
static int
meter_check(struct session *s, const struct entity *ent, struct value *v,
    int64_t id, const char **field, struct wy_err *e)
{
	struct value *room = entity_value(ent, v, "room");
	struct value *bldg = entity_value(ent, v, "building");
	struct value *estate = entity_value(ent, v, "estate");
	struct value *how = entity_value(ent, v, "apportion");
	struct value *dial = entity_value(ent, v, "dial_max");
	struct value *initial = entity_value(ent, v, "initial");
	int places;

	(void)s, (void)id;
	if (room == NULL || bldg == NULL || estate == NULL || how == NULL)
		return WY_OK;
	places = (room->kind != VALUE_NULL) + (bldg->kind != VALUE_NULL) +
	    (estate->kind != VALUE_NULL);
	*field = "room";
	if (places != 1)
		return wy_fail(e, WY_EINVALID,
		    _("Room: give exactly one of room, building or estate"));
	*field = "apportion";
	if (room->kind == VALUE_NULL && how->kind == VALUE_NULL)
		return wy_fail(e, WY_EINVALID,
		    _("Apportion by: required for a shared meter"));
	if (room->kind != VALUE_NULL && how->kind != VALUE_NULL)
		return wy_fail(e, WY_EINVALID,
		    _("Apportion by: only shared meters are apportioned"));
	*field = "initial";
	if (dial != NULL && initial != NULL && dial->kind == VALUE_INT &&
	    initial->kind == VALUE_INT && initial->i > dial->i)
		return wy_fail(e, WY_EINVALID,
		    _("First reading: beyond the dial's maximum"));
	return WY_OK;
}

/* Previous reading, roll-over and usage, computed. */
static int
reading_check(struct session *s, const struct entity *ent, struct value *v,
    int64_t id, const char **field, struct wy_err *e)
{
	struct value *meter = entity_value(ent, v, "meter");
	struct value *period = entity_value(ent, v, "period");
	struct value *prev = entity_value(ent, v, "previous");
	struct value *reading = entity_value(ent, v, "reading");
	struct value *rolled = entity_value(ent, v, "rolled");
	struct value *usage = entity_value(ent, v, "usage");
	struct meter_calc c;
	int rc;

	(void)id;
	if ((rc = period_field(ent, v, "period", field, e)) != WY_OK)
		return rc;
	if (meter == NULL || period == NULL || reading == NULL ||
	    meter->kind != VALUE_INT || period->kind != VALUE_TEXT ||
	    reading->kind != VALUE_INT)
		return WY_OK;
	*field = "reading";
	if ((rc = meter_reading_calc(s, meter->i, period->s, reading->i, &c,
	    e)) != WY_OK)
		return rc;
	if (prev != NULL) {
		prev->kind = VALUE_INT;
		prev->i = c.previous;
	}
	if (rolled != NULL) {
		rolled->kind = VALUE_INT;
		rolled->i = c.rolled;
	}
	if (usage != NULL) {
		usage->kind = VALUE_INT;
		usage->i = c.usage;
	}
	return WY_OK;
}

const struct entity_rule charge_rules[] = {
	{ .entity = "fee_items", .check = item_check },
	{ .entity = "fee_standards", .check = standard_check },
	{ .entity = "meters", .check = meter_check },
	{ .entity = "readings", .check = reading_check },
	{ .entity = NULL },
};
