/* wuye: expenses (费用支出): approve, reject, pay, the monthly report,
 * and the rule of their form (see expense.h).
 */
#include "wuye/expense.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/audit.h"
#include "wuye/auth.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/money.h"
#include "wuye/text.h"

/* Resolve date (NULL: today) into buf (DATE_BUFSIZE). */
static int
expense_date(const char *date, char *buf, struct wy_err *e)
{
	int32_t day;

	if (date == NULL)
		day = date_today();
	else if (date_parse(date, &day, e) != WY_OK)
		return wy_prefix(e, _("date"));
	date_format(day, buf);
	return WY_OK;
}

/* Read the state, version and approval date of expense id into buffers. */
static int
expense_state(struct db *db, int64_t id, char *state, size_t size,
    char *approved_on, int64_t *version, struct wy_err *e)
{
	sqlite3_stmt *st;
	const char *t;
	int rc;

	if ((rc = db_prepare(db, "SELECT state, coalesce(approved_on, ''),"
	    " version FROM expenses WHERE id = ?", &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(db, st, e, "I", id)) == WY_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			t = (const char *)sqlite3_column_text(st, 0);
			snprintf(state, size, "%s", t != NULL ? t : "");
			t = (const char *)sqlite3_column_text(st, 1);
			snprintf(approved_on, DATE_BUFSIZE, "%s",
			    t != NULL ? t : "");
			*version = sqlite3_column_int64(st, 2);
			rc = WY_OK;
		} else if (rc == SQLITE_DONE)
			rc = wy_fail(e, WY_ENOTFOUND, _("there is no expense "
			    "%lld"), (long long)id);
		else
			rc = db_fail(db, rc, e, "expenses");
	}
	sqlite3_finalize(st);
	return rc;
}

/* Move expense id from state `from` to `to` (approve, reject, pay). */
static int
expense_move(struct session *s, int64_t id, const char *from, const char *to,
    const char *date, const char *reason, struct wy_err *e)
{
	char d[DATE_BUFSIZE], state[16], approved[DATE_BUFSIZE], detail[600];
	int64_t version = 0;
	int rc;

	if ((rc = auth_require(s, "expense.approve", e)) != WY_OK ||
	    (rc = expense_date(date, d, e)) != WY_OK)
		return rc;
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	if ((rc = expense_state(s->db, id, state, sizeof state, approved,
	    &version, e)) != WY_OK)
		goto fail;
	if (strcmp(state, from) != 0) {
		rc = wy_fail(e, WY_ECONFLICT, _("expense %lld is %s, not %s"),
		    (long long)id, state, from);
		goto fail;
	}
	if (strcmp(to, "paid") == 0) {
		if (strcmp(d, approved) < 0) {
			rc = wy_fail(e, WY_EINVALID, _("expense %lld: paid on %s "
			    "is before its approval on %s"), (long long)id, d,
			    approved);
			goto fail;
		}
		rc = db_run(s->db, e, "UPDATE expenses SET state = 'paid',"
		    " paid_on = ?, version = version + 1 WHERE id = ?"
		    " AND version = ?", "tII", d, id, version);
	} else
		rc = db_run(s->db, e, "UPDATE expenses SET state = ?,"
		    " approved_by = ?, approved_on = ?, note = CASE WHEN ?4"
		    " IS NULL THEN note WHEN note = '' THEN ?4 ELSE note ||"
		    " char(10) || ?4 END, version = version + 1 WHERE id = ?"
		    " AND version = ?", "ttttII", to, s->user, d, reason, id,
		    version);
	if (rc != WY_OK)
		goto fail;
	snprintf(detail, sizeof detail, "%s %s%s%s", to, d,
	    reason != NULL ? " " : "", reason != NULL ? reason : "");
	if (strcmp(to, "approved") == 0)
		rc = audit_append(s, "expense.approve", "expenses", id, detail, e);
	else if (strcmp(to, "rejected") == 0)
		rc = audit_append(s, "expense.reject", "expenses", id, detail, e);
	else
		rc = audit_append(s, "expense.pay", "expenses", id, detail, e);
	if (rc != WY_OK || (rc = db_commit(s->db, e)) != WY_OK)
		goto fail;
	return WY_OK;
fail:
	db_rollback(s->db);
	return rc;
}

/* Approve a requested expense. */
int
expense_approve(struct session *s, int64_t id, const char *date,
    struct wy_err *e)
{
	return expense_move(s, id, "requested", "approved", date, NULL, e);
}

/* Reject a requested expense with a reason. */
int
expense_reject(struct session *s, int64_t id, const char *reason,
    const char *date, struct wy_err *e)
{
	int rc;

	if (reason == NULL || *reason == '\0')
		return wy_fail(e, WY_EINVALID, _("a rejection needs a reason"));
	if ((rc = text_check(_("reason"), reason, TEXT_MAX, 0, e)) != WY_OK)
		return rc;
	/* The reason is stored as given (the state says it is a rejection):
	 * data stays in the words of whoever wrote it, whatever the language
	 * of the screen that shows it later. */
	return expense_move(s, id, "requested", "rejected", date, reason, e);
}

/* Record the payment of an approved expense. */
int
expense_pay(struct session *s, int64_t id, const char *date,
    struct wy_err *e)
{
	return expense_move(s, id, "approved", "paid", date, NULL, e);
}

/* Row actions of forms/expenses.ini (see entity_action.c): dated today. */
static int
expense_call_approve(struct session *s, int64_t id, const char *text,
    struct wy_err *e)
{
	(void)text;
	return expense_approve(s, id, NULL, e);
}

/* Reject: the answer is the reason, required. */
static int
expense_call_reject(struct session *s, int64_t id, const char *text,
    struct wy_err *e)
{
	return expense_reject(s, id, text, NULL, e);
}

/* Pay, dated today. */
static int
expense_call_pay(struct session *s, int64_t id, const char *text,
    struct wy_err *e)
{
	(void)text;
	return expense_pay(s, id, NULL, e);
}

const struct entity_call expense_calls[] = {
	{ .name = "expense.approve", .fn = expense_call_approve },
	{ .name = "expense.reject", .fn = expense_call_reject },
	{ .name = "expense.pay", .fn = expense_call_pay },
	{ .name = NULL },
};

#define EXPENSE_REPORT_SQL						\
	"SELECT substr(x.requested_on, 1, 7) AS m, x.type,"		\
	" coalesce(c.name_en, x.type), coalesce(c.name_zh, x.type),"	\
	" count(*), sum(x.amount),"					\
	" sum(CASE WHEN x.state IN ('approved', 'paid') THEN x.amount"	\
	" ELSE 0 END), sum(CASE WHEN x.state = 'paid' THEN x.amount"	\
	" ELSE 0 END) FROM expenses x LEFT JOIN categories c"		\
	" ON c.list = 'expense_type' AND c.code = x.type"		\
	" WHERE (?1 IS NULL OR substr(x.requested_on, 1, 7) >= ?1)"	\
	" AND (?2 IS NULL OR substr(x.requested_on, 1, 7) <= ?2)"	\
	" GROUP BY m, x.type ORDER BY m, x.type"

/* Expenses by month and type. */
int
expense_report(struct session *s, const char *from, const char *to,
    int (*fn)(void *arg, const struct expense_line *l), void *arg,
    struct wy_err *e)
{
	struct expense_line l;
	sqlite3_stmt *st;
	int zh = strcmp(_("English"), "English") != 0, p, rc, stop = 0;

	if ((rc = auth_require(s, "expense.read", e)) != WY_OK)
		return rc;
	if (from != NULL && period_parse(from, &p, e) != WY_OK)
		return wy_prefix(e, _("from"));
	if (to != NULL && period_parse(to, &p, e) != WY_OK)
		return wy_prefix(e, _("to"));
	if ((rc = db_prepare(s->db, EXPENSE_REPORT_SQL, &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "tt", from, to)) != WY_OK)
		goto out;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		l = (struct expense_line){
			.month = (const char *)sqlite3_column_text(st, 0),
			.type = (const char *)sqlite3_column_text(st, 1),
			.type_name = (const char *)sqlite3_column_text(st,
			    zh ? 3 : 2),
			.count = sqlite3_column_int64(st, 4),
			.requested = sqlite3_column_int64(st, 5),
			.approved = sqlite3_column_int64(st, 6),
			.paid = sqlite3_column_int64(st, 7),
		};
		stop = fn(arg, &l);
	}
	if (stop)
		rc = stop;
	else if (rc != SQLITE_DONE)
		rc = db_fail(s->db, rc, e, "expenses");
	else
		rc = WY_OK;
out:
	sqlite3_finalize(st);
	return rc;
}

/* Set v to text t (NULL: NULL). */
static void
expense_set(struct value *v, const char *t)
{
	if (v == NULL)
		return;
	free(v->s);
	v->s = NULL;
	v->i = 0;
	v->kind = t != NULL ? VALUE_TEXT : VALUE_NULL;
	if (t != NULL)
		v->s = xstrdup(t);
}

/* Restore the stored approval fields of expense id into the values. */
static int
expense_keep(struct session *s, const struct entity *ent, struct value *v,
    int64_t id, const char **field, struct wy_err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_prepare(s->db, "SELECT state, approved_by, approved_on,"
	    " paid_on FROM expenses WHERE id = ?", &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "I", id)) == WY_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(
		    st, 0), "requested") != 0) {
			*field = "state";
			rc = wy_fail(e, WY_ECONFLICT, _("expense %lld is %s: only "
			    "a requested expense can be changed"), (long long)id,
			    (const char *)sqlite3_column_text(st, 0));
		} else if (rc == SQLITE_ROW) {
			expense_set(entity_value(ent, v, "state"), "requested");
			rc = WY_OK;
		} else if (rc == SQLITE_DONE)
			rc = wy_fail(e, WY_ENOTFOUND, _("there is no expense "
			    "%lld"), (long long)id);
		else
			rc = db_fail(s->db, rc, e, "expenses");
	}
	sqlite3_finalize(st);
	return rc;
}

/* State and approval fields are not the form's to set; the requester
 * defaults to the user; a changed expense must still be requested. */
int
expense_form_check(struct session *s, const struct entity *ent,
    struct value *values, int64_t id, const char **field, struct wy_err *e)
{
	struct value *by = entity_value(ent, values, "requested_by");
	int rc;

	if (id > 0 && (rc = expense_keep(s, ent, values, id, field, e)) !=
	    WY_OK)
		return rc;
	expense_set(entity_value(ent, values, "state"), "requested");
	expense_set(entity_value(ent, values, "approved_by"), NULL);
	expense_set(entity_value(ent, values, "approved_on"), NULL);
	expense_set(entity_value(ent, values, "paid_on"), NULL);
	if (by != NULL && (by->kind == VALUE_NULL || (by->kind == VALUE_TEXT &&
	    (by->s == NULL || by->s[0] == '\0'))))
		expense_set(by, s->user);
	return WY_OK;
}
