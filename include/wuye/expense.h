/* wuye: expenses (费用支出): requested (forms/expenses.ini), then
 * approved or rejected, then paid.
 *
 * State moves only forward: requested -> approved -> paid, or requested
 * -> rejected.  Approving, rejecting and paying need expense.approve
 * (managers and administrators), run in one transaction each, bump the
 * version and are audit-logged ("expense.approve", "expense.reject",
 * "expense.pay").  The form's rule keeps the state and its dates out of
 * the user's hands and refuses edits of an expense no longer requested.
 */
#ifndef WUYE_EXPENSE_H
#define WUYE_EXPENSE_H

#include <stdint.h>

#include "wuye/entity.h"
#include "wuye/error.h"
#include "wuye/session.h"

/* Approve expense id, dated date (YYYY-MM-DD, NULL: today).  Unknown id
 * WY_ENOTFOUND; not requested WY_ECONFLICT. */
int expense_approve(struct session *s, int64_t id, const char *date,
    struct wy_err *e);

/* Reject expense id with a reason (required, kept in the note). */
int expense_reject(struct session *s, int64_t id, const char *reason,
    const char *date, struct wy_err *e);

/* Record that approved expense id was paid on date (NULL: today), not
 * before its approval. */
int expense_pay(struct session *s, int64_t id, const char *date,
    struct wy_err *e);

/* One line of the expense report: a month (of the request) and a type. */
struct expense_line {
	const char *month;		/* YYYY-MM */
	const char *type;		/* code in list expense_type */
	const char *type_name;		/* its name in the language in use */
	int64_t count;			/* expenses */
	int64_t requested;		/* fen, all of them */
	int64_t approved;		/* approved or paid */
	int64_t paid;
};

/* Call fn for each month and type with expenses requested in from..to
 * (YYYY-MM, NULL: no bound), by month then type.  Needs expense.read.
 * Stops when fn returns non-zero and returns that. */
int expense_report(struct session *s, const char *from, const char *to,
    int (*fn)(void *arg, const struct expense_line *l), void *arg,
    struct wy_err *e);

/* The form rule of expenses (registered through collect_rules). */
int expense_form_check(struct session *s, const struct entity *ent,
    struct value *values, int64_t id, const char **field, struct wy_err *e);

#endif
