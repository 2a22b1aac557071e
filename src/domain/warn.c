/* wuye: arrears warnings (see warn.h): rooms owing too much or too long,
 * rooms with failed collection actions, estates and buildings collecting
 * too little of a period's bills.
 *
 * Only bills past their due date on the date count as arrears.  The
 * collection rate is what has been paid so far of the period's bills
 * over what they asked for less waivers, in 1/100 percent, rounded down.
 */
#include "wuye/warn.h"

#include <stdio.h>
#include <string.h>

#include "wuye/auth.h"
#include "wuye/conf.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/money.h"

/* The limits from the configuration (see warn.h). */
int
warn_limits_conf(const struct conf *c, struct warn_limits *l,
    struct wy_err *e)
{
	const char *a = conf_str(c, "warn.arrears_amount");

	memset(l, 0, sizeof *l);
	if (money_parse(a != NULL ? a : "0", &l->arrears_amount, e) != WY_OK ||
	    l->arrears_amount < 0)
		return wy_fail(e, WY_EINVALID, _("option warn.arrears_amount: "
		    "'%s' is not an amount of yuan"), a != NULL ? a : "");
	l->arrears_days = (int)conf_int(c, "warn.arrears_days");
	l->failed_attempts = (int)conf_int(c, "warn.failed_attempts");
	l->collection_rate = (int)conf_int(c, "warn.collection_rate");
	return WY_OK;
}

/* Copy column i of st into buf. */
static void
warn_text(sqlite3_stmt *st, int i, char *buf, size_t size)
{
	const char *t = (const char *)sqlite3_column_text(st, i);

	snprintf(buf, size, "%s", t != NULL ? t : "");
}

#define WARN_ROOM_SQL							\
	"SELECT r.code, coalesce((SELECT c.name FROM occupancy o"	\
	" JOIN clients c ON c.id = o.client_id WHERE o.room_id = r.id"	\
	" AND o.payer = 1 AND o.start_date <= ?1 AND (o.end_date IS NULL" \
	" OR o.end_date > ?1) ORDER BY o.start_date DESC LIMIT 1), ''),"	\
	" a.owed, a.oldest,"						\
	" (SELECT count(*) FROM collection_actions f WHERE f.room_id = r.id" \
	" AND f.success = 0 AND f.date <= ?1 AND f.date > coalesce("	\
	" (SELECT max(g.date) FROM collection_actions g WHERE"		\
	" g.room_id = r.id AND g.success = 1 AND g.date <= ?1), ''))"	\
	" FROM rooms r JOIN (SELECT room_id, sum(amount - paid - waived)"	\
	" AS owed, min(due_date) AS oldest FROM bills"			\
	" WHERE amount > paid + waived AND due_date < ?1"		\
	" GROUP BY room_id) a ON a.room_id = r.id ORDER BY r.code"

/* The room checks. */
static int
warn_rooms(struct session *s, const struct warn_limits *l, const char *date,
    int32_t day, int (*fn)(void *, const struct warn_item *), void *arg,
    struct wy_err *e)
{
	struct warn_item w;
	sqlite3_stmt *st;
	int32_t oldest;
	int64_t owed, days, failed;
	char due[DATE_BUFSIZE];
	int rc, stop = 0;

	if ((rc = db_prepare(s->db, WARN_ROOM_SQL, &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "t", date)) != WY_OK)
		goto out;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&w, 0, sizeof w);
		w.scope = "room";
		warn_text(st, 0, w.code, sizeof w.code);
		warn_text(st, 1, w.name, sizeof w.name);
		owed = sqlite3_column_int64(st, 2);
		warn_text(st, 3, due, sizeof due);
		days = date_parse(due, &oldest, NULL) == WY_OK ? day - oldest : 0;
		failed = sqlite3_column_int64(st, 4);
		if (l->arrears_amount > 0 && owed >= l->arrears_amount) {
			w.kind = "arrears";
			w.value = owed;
			w.limit = l->arrears_amount;
			stop = fn(arg, &w);
		}
		if (!stop && l->arrears_days > 0 && days >= l->arrears_days) {
			w.kind = "overdue";
			w.value = days;
			w.limit = l->arrears_days;
			stop = fn(arg, &w);
		}
		if (!stop && l->failed_attempts > 0 &&
		    failed >= l->failed_attempts) {
			w.kind = "attempts";
			w.value = failed;
			w.limit = l->failed_attempts;
			stop = fn(arg, &w);
		}
	}
	if (stop)
		rc = stop;
	else if (rc != SQLITE_DONE)
		rc = db_fail(s->db, rc, e, "bills");
	else
		rc = WY_OK;
out:
	sqlite3_finalize(st);
	return rc;
}

#define WARN_RATE_SQL							\
	"SELECT 'estate', x.code, x.name, sum(b.paid), sum(b.amount - b.waived)" \
	" FROM bills b JOIN rooms r ON r.id = b.room_id"		\
	" JOIN buildings d ON d.id = r.building_id"			\
	" JOIN estates x ON x.id = d.estate_id WHERE b.period = ?1"	\
	" GROUP BY x.id"						\
	" UNION ALL SELECT 'building', d.code, d.name, sum(b.paid),"	\
	" sum(b.amount - b.waived)"					\
	" FROM bills b JOIN rooms r ON r.id = b.room_id"		\
	" JOIN buildings d ON d.id = r.building_id WHERE b.period = ?1"	\
	" GROUP BY d.id ORDER BY 1 DESC, 2"

/* The collection rate check. */
static int
warn_rates(struct session *s, const struct warn_limits *l, const char *period,
    int (*fn)(void *, const struct warn_item *), void *arg,
    struct wy_err *e)
{
	struct warn_item w;
	sqlite3_stmt *st;
	int64_t paid, due, rate;
	int rc, stop = 0;

	if (l->collection_rate <= 0)
		return WY_OK;
	if ((rc = db_prepare(s->db, WARN_RATE_SQL, &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "t", period)) != WY_OK)
		goto out;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		paid = sqlite3_column_int64(st, 3);
		due = sqlite3_column_int64(st, 4);
		if (due <= 0)
			continue;
		rate = paid * 10000 / due;
		if (rate >= (int64_t)l->collection_rate * 100)
			continue;
		memset(&w, 0, sizeof w);
		w.kind = "rate";
		w.scope = strcmp((const char *)sqlite3_column_text(st, 0),
		    "estate") == 0 ? "estate" : "building";
		warn_text(st, 1, w.code, sizeof w.code);
		warn_text(st, 2, w.name, sizeof w.name);
		w.value = rate;
		w.limit = (int64_t)l->collection_rate * 100;
		stop = fn(arg, &w);
	}
	if (stop)
		rc = stop;
	else if (rc != SQLITE_DONE)
		rc = db_fail(s->db, rc, e, "bills");
	else
		rc = WY_OK;
out:
	sqlite3_finalize(st);
	return rc;
}

/* Every warning on a date (see warn.h). */
int
warn_list(struct session *s, const struct warn_limits *l,
    const char *period, const char *date,
    int (*fn)(void *arg, const struct warn_item *w), void *arg,
    struct wy_err *e)
{
	char d[DATE_BUFSIZE], p[PERIOD_BUFSIZE];
	int32_t day;
	int per, rc;

	if ((rc = auth_require(s, "charge.read", e)) != WY_OK)
		return rc;
	if (date == NULL)
		day = date_today();
	else if ((rc = date_parse(date, &day, e)) != WY_OK)
		return wy_prefix(e, _("date"));
	date_format(day, d);
	if (period == NULL)
		period_format(period_of_date(day) - 1, p);
	else if ((rc = period_parse(period, &per, e)) != WY_OK)
		return wy_prefix(e, _("period"));
	else
		period_format(per, p);
	if ((rc = warn_rooms(s, l, d, day, fn, arg, e)) != WY_OK)
		return rc;
	return warn_rates(s, l, p, fn, arg, e);
}
