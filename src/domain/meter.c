/* wuye: meter readings: usage past roll-overs and multipliers, the
 * previous reading, warnings, replacement (换表) and the split of shared
 * meters (公摊). */
#include "wuye/meter.h"

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

int64_t
meter_wrap(int64_t dial_max)
{
	return (dial_max / 1000 + 1) * 1000;
}

int
meter_usage(int64_t previous, int64_t reading, int64_t dial_max,
    int64_t multiplier, struct meter_calc *c, struct wy_err *e)
{
	char a[MONEY_BUFSIZE], b[MONEY_BUFSIZE];
	int64_t raw, wrap = meter_wrap(dial_max);

	c->previous = previous;
	c->rolled = 0;
	c->warn = 0;
	c->usage = 0;
	if (reading < 0 || reading > dial_max)
		return wy_fail(e, WY_EINVALID,
		    _("Reading: %s is beyond the dial's maximum %s"),
		    fixed_format(reading, 3, a, sizeof a),
		    fixed_format(dial_max, 3, b, sizeof b));
	if (previous < 0 || previous > dial_max)
		return wy_fail(e, WY_EINVALID,
		    _("Previous: %s is beyond the dial's maximum %s"),
		    fixed_format(previous, 3, a, sizeof a),
		    fixed_format(dial_max, 3, b, sizeof b));
	if (reading >= previous)
		raw = reading - previous;
	else {
		raw = wrap - previous + reading;
		c->rolled = 1;
		if (raw > wrap / 2)
			c->warn |= METER_WARN_TYPO;
	}
	if (multiplier < 1 || raw > INT64_C(999999999999999) / multiplier)
		return wy_fail(e, WY_EINVALID, _("Usage: too large"));
	c->usage = raw * multiplier;
	return WY_OK;
}

/* The meter's dial, multiplier and initial reading. */
static int
meter_dial(struct session *s, int64_t meter_id, int64_t *dial_max,
    int64_t *multiplier, int64_t *initial, struct wy_err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_cached(s->db, "SELECT dial_max, multiplier, initial"
	    " FROM meters WHERE id = ?", &st, e)) != WY_OK ||
	    (rc = db_bind(s->db, st, e, "I", meter_id)) != WY_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*dial_max = sqlite3_column_int64(st, 0);
		*multiplier = sqlite3_column_int64(st, 1);
		*initial = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return wy_fail(e, WY_ENOTFOUND, _("Meter: no meter with id %lld"),
		    (long long)meter_id);
	return rc == SQLITE_ROW ? WY_OK : db_fail(s->db, rc, e, "meters");
}

int
meter_reading_calc(struct session *s, int64_t meter_id, const char *period,
    int64_t reading, struct meter_calc *c, struct wy_err *e)
{
	int64_t dial_max = 0, multiplier = 1, previous = 0, sum = 0, n = 0;
	sqlite3_stmt *st;
	int rc, p;

	memset(c, 0, sizeof *c);
	if ((rc = period_parse(period, &p, e)) != WY_OK)
		return wy_prefix(e, "%s", _("Period"));
	if ((rc = meter_dial(s, meter_id, &dial_max, &multiplier, &previous,
	    e)) != WY_OK)
		return rc;
	if ((rc = db_cached(s->db, "SELECT reading FROM readings WHERE meter_id = ?"
	    " AND period < ? ORDER BY period DESC LIMIT 1", &st, e)) != WY_OK ||
	    (rc = db_bind(s->db, st, e, "It", meter_id, period)) != WY_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		previous = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s->db, rc, e, "readings");
	if ((rc = meter_usage(previous, reading, dial_max, multiplier, c, e)) != WY_OK)
		return rc;
	if ((rc = db_cached(s->db, "SELECT coalesce(sum(usage), 0), count(*) FROM (SELECT usage"
	    " FROM readings WHERE meter_id = ? AND period < ?"
	    " ORDER BY period DESC LIMIT 6)", &st, e)) != WY_OK ||
	    (rc = db_bind(s->db, st, e, "It", meter_id, period)) != WY_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sum = sqlite3_column_int64(st, 0);
		n = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_fail(s->db, rc, e, "readings");
	c->average = n > 0 ? sum / n : 0;
	if (c->average > 0 && c->usage > 3 * c->average)
		c->warn |= METER_WARN_HIGH;
	return WY_OK;
}

int
meter_warnings(struct session *s, const char *period,
    int (*fn)(void *arg, int64_t reading_id, const char *meter,
    const struct meter_calc *c), void *arg, struct wy_err *e)
{
	struct meter_calc c;
	sqlite3_stmt *st;
	char code[64];
	int rc, p, stop = 0;

	if ((rc = auth_require(s, "meter.read", e)) != WY_OK)
		return rc;
	if (period_parse(period, &p, e) != WY_OK)
		return wy_prefix(e, "%s", _("Period"));
	if ((rc = db_prepare(s->db, "SELECT r.id, r.meter_id, m.code, r.reading"
	    " FROM readings r JOIN meters m ON m.id = r.meter_id"
	    " WHERE r.period = ? ORDER BY m.code", &st, e)) != WY_OK)
		return rc;
	db_bind(s->db, st, e, "t", period);
	while (stop == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(code, sizeof code, "%s", (const char *)sqlite3_column_text(st, 2));
		if ((stop = meter_reading_calc(s, sqlite3_column_int64(st, 1), period,
		    sqlite3_column_int64(st, 3), &c, e)) != WY_OK)
			break;
		if (c.warn != 0)
			stop = fn(arg, sqlite3_column_int64(st, 0), code, &c);
	}
	if (stop == 0 && rc != SQLITE_DONE)
		stop = db_fail(s->db, rc, e, "readings");
	sqlite3_finalize(st);
	return stop;
}

const char *
meter_warn_text(unsigned w, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s",
	    w & METER_WARN_TYPO ? _("rolled past more than half the dial: a typo?") : "",
	    (w & METER_WARN_TYPO) && (w & METER_WARN_HIGH) ? "; " : "",
	    w & METER_WARN_HIGH ? _("over 3 times the average usage") : "");
	return buf;
}

int
meter_replace(struct session *s, int64_t old_id, const char *period,
    int64_t final_reading, const char *date, const char *code,
    int64_t initial, int64_t *new_id, struct wy_err *e)
{
	struct meter_calc c;
	char detail[128];
	int64_t other;
	int32_t day;
	int rc;

	if ((rc = auth_require(s, "meter.write", e)) != WY_OK)
		return rc;
	if (date_parse(date, &day, e) != WY_OK)
		return wy_prefix(e, "%s", _("Removed"));
	if (code == NULL || *code == '\0')
		return wy_fail(e, WY_EINVALID, _("Meter no.: required"));
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	if (db_int64(s->db, &other, NULL, "SELECT id FROM meters WHERE code = ?",
	    "t", code) == WY_OK)
		rc = wy_fail(e, WY_EINVALID, _("Meter no.: %s is another meter's"),
		    code);
	else
		rc = meter_reading_calc(s, old_id, period, final_reading, &c, e);
	if (rc == WY_OK)
		rc = db_run(s->db, e, "INSERT INTO readings (meter_id, period,"
		    " previous, reading, rolled, usage, read_on, read_by, note)"
		    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, '换表')", "ItIIiItt", old_id,
		    period, c.previous, final_reading, c.rolled, c.usage, date,
		    s->user);
	if (rc == WY_OK)
		rc = db_run(s->db, e, "UPDATE meters SET removed = ?,"
		    " version = version + 1 WHERE id = ?", "tI", date, old_id);
	if (rc == WY_OK)
		rc = db_run(s->db, e, "INSERT INTO meters (code, type, room_id,"
		    " building_id, estate_id, apportion, multiplier, dial_max,"
		    " initial, installed, replaces) SELECT ?, type, room_id,"
		    " building_id, estate_id, apportion, multiplier, dial_max, ?,"
		    " ?, id FROM meters WHERE id = ?", "tItI", code, initial, date,
		    old_id);
	if (rc == WY_OK) {
		*new_id = sqlite3_last_insert_rowid(s->db->h);
		rc = db_sort_keys_fill(s->db, e);	/* the new code's key */
	}
	if (rc == WY_OK) {
		snprintf(detail, sizeof detail, "replaces meter %lld in %s",
		    (long long)old_id, period);
		rc = audit_append(s, "meter.replace", "meters", *new_id, detail, e);
	}
	if (rc == WY_OK)
		rc = db_commit(s->db, e);
	else
		db_rollback(s->db);
	return rc;
}

struct remainder {
	int64_t rem;
	size_t i;
};

/* Larger remainders first, then earlier parts. */
static int
remainder_cmp(const void *a, const void *b)
{
	const struct remainder *x = a, *y = b;

	if (x->rem != y->rem)
		return x->rem > y->rem ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

void
meter_split(int64_t total, const int64_t *weights, size_t n, int64_t *parts)
{
	struct remainder *r;
	__int128 sum = 0, q;
	int64_t given = 0;
	size_t i;
	int equal;

	if (n == 0)
		return;
	for (i = 0; i < n; i++)
		sum += weights[i] > 0 ? weights[i] : 0;
	equal = sum == 0;
	if (equal)
		sum = (__int128)n;
	r = xcalloc(n, sizeof *r);
	for (i = 0; i < n; i++) {
		q = (__int128)total * (equal ? 1 : (weights[i] > 0 ? weights[i] : 0));
		parts[i] = (int64_t)(q / sum);
		r[i].rem = (int64_t)(q % sum);
		r[i].i = i;
		given += parts[i];
	}
	qsort(r, n, sizeof *r, remainder_cmp);
	for (i = 0; given < total && i < n; i++, given++)
		parts[r[i].i]++;
	free(r);
}

void
meter_apport_free(struct meter_apport *a)
{
	free(a->shares);
	memset(a, 0, sizeof *a);
}

int
meter_apportion_of(struct session *s, int64_t meter_id, const char *period,
    struct meter_apport *a, struct wy_err *e)
{
	int64_t building = 0, estate = 0, *w, *parts;
	sqlite3_stmt *st;
	size_t cap = 0, i;
	int rc;

	memset(a, 0, sizeof *a);
	if ((rc = db_prepare(s->db, "SELECT building_id, estate_id, apportion,"
	    " (SELECT usage FROM readings WHERE meter_id = m.id AND period = ?),"
	    " type FROM meters m WHERE id = ?", &st, e)) != WY_OK)
		return rc;
	db_bind(s->db, st, e, "tI", period, meter_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		building = sqlite3_column_int64(st, 0);
		estate = sqlite3_column_int64(st, 1);
		a->equal = sqlite3_column_text(st, 2) != NULL &&
		    strcmp((const char *)sqlite3_column_text(st, 2), "equal") == 0;
		a->usage = sqlite3_column_int64(st, 3);
		snprintf(a->type, sizeof a->type, "%s",
		    (const char *)sqlite3_column_text(st, 4));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return wy_fail(e, WY_ENOTFOUND, _("Meter: no meter with id %lld"),
		    (long long)meter_id);
	if (rc != SQLITE_ROW)
		return db_fail(s->db, rc, e, "meters");
	if (building == 0 && estate == 0)
		return wy_fail(e, WY_EINVALID, _("Meter: a room's own meter is not shared"));
	if ((rc = db_prepare(s->db, building != 0 ?
	    "SELECT id, charge_area, code FROM rooms WHERE building_id = ?1"
	    " ORDER BY code" :
	    "SELECT r.id, r.charge_area, r.code FROM rooms r JOIN buildings b"
	    " ON b.id = r.building_id WHERE b.estate_id = ?1 ORDER BY r.code",
	    &st, e)) != WY_OK)
		return rc;
	db_bind(s->db, st, e, "I", building != 0 ? building : estate);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (a->n == cap) {
			cap = cap ? cap * 2 : 64;
			a->shares = xrealloc(a->shares, cap * sizeof *a->shares);
		}
		a->shares[a->n] = (struct meter_share){
		    .room_id = sqlite3_column_int64(st, 0),
		    .weight = a->equal ? 1 : sqlite3_column_int64(st, 1) };
		snprintf(a->shares[a->n].room, sizeof a->shares[a->n].room, "%s",
		    (const char *)sqlite3_column_text(st, 2));
		a->n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		meter_apport_free(a);
		return db_fail(s->db, rc, e, "rooms");
	}
	w = xcalloc(a->n + 1, sizeof *w);
	parts = xcalloc(a->n + 1, sizeof *parts);
	for (i = 0; i < a->n; i++)
		w[i] = a->shares[i].weight;
	meter_split(a->usage, w, a->n, parts);
	for (i = 0; i < a->n; i++)
		a->shares[i].usage = parts[i];
	free(w);
	free(parts);
	return WY_OK;
}

int
meter_apportion(struct session *s, int64_t meter_id, const char *period,
    struct meter_apport *a, struct wy_err *e)
{
	int rc;

	memset(a, 0, sizeof *a);
	if ((rc = auth_require(s, "meter.read", e)) != WY_OK)
		return rc;
	return meter_apportion_of(s, meter_id, period, a, e);
}
