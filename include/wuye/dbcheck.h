/* wuye: checking a database (`wuye check`).
 *
 * SQLite's own checks (integrity, foreign keys), the audit chain, and the
 * business rules that constraints cannot express (or that a database
 * edited outside wuye may break): occupancy dates, overlapping payers,
 * category codes that are not in their list, areas.
 */
#ifndef WUYE_DBCHECK_H
#define WUYE_DBCHECK_H

#include "wuye/error.h"
#include "wuye/session.h"

/* Run every check (needs the permission "check"), calling report with one
 * line per problem ("rooms row 12: state 'gone' is not in the category
 * list room_state"); *problems (may be NULL) gets the number found.  The
 * problem text is valid only during the call.  When report returns
 * non-zero the check stops and dbcheck_run returns that.  Problems are not
 * a failure: WY_OK is returned unless the checks themselves could not run. */
int dbcheck_run(struct session *s,
    int (*report)(void *arg, const char *problem), void *arg, int *problems,
    struct wy_err *e);

#endif
