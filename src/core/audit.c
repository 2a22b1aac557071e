/* wuye: the audit log (stub, to be written). */
#include "wuye/audit.h"

int
audit_append(struct session *s, const char *action, const char *entity,
    int64_t entity_id, const char *detail, struct wy_err *e)
{
	return WY_OK;
}
