/* wuye: rules of the system records (users, roles, permissions) that
 * their forms cannot express. */
#include "wuye/entity.h"

#include <string.h>

#include "wuye/db.h"
#include "wuye/i18n.h"

/* The role named in field `name` must exist. */
static int
role_exists(struct session *s, const struct entity *ent, struct value *v,
    struct wy_err *e)
{
	struct value *role = entity_value(ent, v, "role");
	int64_t one;
	int rc;

	if (role == NULL || role->kind != VALUE_TEXT)
		return WY_OK;
	rc = db_int64(s->db, &one, e, "SELECT 1 FROM roles WHERE name = ?", "t",
	    role->s);
	if (rc == WY_ENOTFOUND)
		return wy_fail(e, WY_EINVALID, _("Role: there is no role '%s'"), role->s);
	return rc;
}

static int
user_check(struct session *s, const struct entity *ent, struct value *v,
    int64_t id, const char **field, struct wy_err *e)
{
	*field = "role";
	if (id == 0)
		return wy_fail(e, WY_EINVALID,
		    _("a new user needs a password: use New user (F2 in the list) or 'wuye user add'"));
	return role_exists(s, ent, v, e);
}

static int
perm_check(struct session *s, const struct entity *ent, struct value *v,
    int64_t id, const char **field, struct wy_err *e)
{
	(void)id;
	*field = "role";
	return role_exists(s, ent, v, e);
}

const struct entity_rule system_rules[] = {
	{ .entity = "users", .check = user_check },
	{ .entity = "role_perms", .check = perm_check },
	{ .entity = NULL },
};
