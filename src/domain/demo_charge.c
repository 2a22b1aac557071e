/* wuye: demo charges (收费): fee items, standards, meters and readings,
 * then month by month bill runs, payments, arrears, prepayment, voids,
 * waivers, deposits and month closes.
 *
 * demo_charges_setup() runs inside demo_create's transaction and writes the
 * set-up rows directly (fee items, standards, meters, every reading of the
 * window).  demo_charges_run() runs after that commit and goes through the
 * domain functions, each in its own transaction, as the demo users would:
 * the manager bills, closes, voids and waives; the cashier takes payments
 * and deposits.  Each room has a habit drawn once (prompt, late, in
 * arrears for some months, prepaying); the payment days follow from it,
 * and nothing is dated after today.  Most rooms pay every month, a
 * quarter of them every third month (季度缴费), some a month late, some
 * stay in arrears for months, some keep a prepayment that later months
 * draw on.  While the payments go in, the connection runs with
 * synchronous=OFF (a demo that dies is simply made again); FULL is
 * restored at the end.
 *
 * Cost: about 5 ms a room for 12 months (cashier_pay's statements are
 * prepared afresh for every payment), so no charges are made above
 * DEMO_CHARGE_ROOMS_MAX rooms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/bill.h"
#include "wuye/cashier.h"
#include "wuye/cashier_int.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/demo_gen.h"
#include "wuye/i18n.h"
#include "wuye/period.h"
#include "wuye/session.h"

enum habit { HABIT_PROMPT, HABIT_LATE, HABIT_ARREARS, HABIT_PREPAY,
	HABIT_QUARTER };

#define WATER_DIAL 9999999	/* 9999.999 m3 */
#define ELEC_DIAL 99999999	/* 99999.999 kWh */

static const char *const methods[] = { "wechat", "alipay", "cash",
	"transfer", "card", "bank" };
static const int method_w[] = { 35, 25, 15, 10, 10, 5 };

/* Insert one fee item; *id gets it. */
static int
fee_item(struct demo_gen *g, const char *code, const char *name,
    const char *method, const char *meter, int64_t price, const char *cycle,
    int due, int late_after, int rate, int cap, int deposit, int64_t *id)
{
	int rc;

	rc = db_run(g->db, g->e, "INSERT INTO fee_items (code, name, method,"
	    " meter_type, unit_price, cycle, due_day, late_after, late_rate,"
	    " late_cap, deposit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	    "ttttItiiiii", code, name, method, meter, price, cycle, due,
	    late_after, rate, cap, deposit);
	*id = demo_last_id(g);
	return rc;
}

/* The fee items and their tiers. */
static int
add_items(struct demo_gen *g)
{
	int rc;

	if ((rc = fee_item(g, "WYF", "物业费", "area", NULL, 23000, "monthly",
	    15, 15, 500, 3000, 0, &g->fee_prop)) != WY_OK ||
	    (rc = fee_item(g, "SF", "水费", "tiered", "water", 0, "monthly", 20,
	    10, 500, 3000, 0, &g->fee_water)) != WY_OK ||
	    (rc = fee_item(g, "DF", "电费", "metered", "electricity", 6200,
	    "monthly", 20, 10, 500, 3000, 0, &g->fee_elec)) != WY_OK ||
	    (rc = fee_item(g, "CWF", "车位费", "parking", NULL, 0, "monthly",
	    15, 15, 500, 3000, 0, &g->fee_park)) != WY_OK ||
	    (rc = fee_item(g, "WXJJ", "公共维修基金", "oneoff", NULL, 0,
	    "oneoff", 28, 0, 0, 0, 0, &g->fee_fund)) != WY_OK ||
	    (rc = fee_item(g, "ZXYJ", "装修押金", "fixed", NULL, 20000000,
	    "oneoff", 28, 0, 0, 0, 1, &g->fee_deposit)) != WY_OK)
		return rc;
	return db_run(g->db, g->e, "INSERT INTO fee_tiers (fee_item_id, upto,"
	    " unit_price) VALUES (?1, 18000, 35000), (?1, 25000, 45500),"
	    " (?1, NULL, 98000)", "I", g->fee_water);
}

/* Standards: property fee (vacant rooms half), water and electricity for
 * every room, parking for rooms with a space, the maintenance fund for
 * rooms handed over in the window. */
static int
add_standards(struct demo_gen *g, const char *from)
{
	char last[PERIOD_BUFSIZE];
	int rc;

	period_format(g->p0 + g->o->months - 1, last);
	if ((rc = db_run(g->db, g->e, "INSERT INTO fee_standards (room_id,"
	    " fee_item_id, start_period, unit_price, vacant_discount)"
	    " SELECT id, ?, ?, CASE use WHEN 'commercial' THEN 58000"
	    " WHEN 'office' THEN 45000 END, 5000 FROM rooms", "It",
	    g->fee_prop, from)) != WY_OK ||
	    (rc = db_run(g->db, g->e, "INSERT INTO fee_standards (room_id,"
	    " fee_item_id, start_period) SELECT id, ?1, ?3 FROM rooms"
	    " UNION ALL SELECT id, ?2, ?3 FROM rooms", "IIt", g->fee_water,
	    g->fee_elec, from)) != WY_OK ||
	    (rc = db_run(g->db, g->e, "INSERT INTO fee_standards (room_id,"
	    " fee_item_id, start_period, space_id) SELECT room_id, ?, ?,"
	    " min(id) FROM parking_spaces WHERE room_id IS NOT NULL"
	    " GROUP BY room_id", "It", g->fee_park, from)) != WY_OK)
		return rc;
	return db_run(g->db, g->e, "INSERT INTO fee_standards (room_id,"
	    " fee_item_id, start_period, unit_price, note) SELECT id, ?,"
	    " substr(handover, 1, 7), charge_area * 3000, '30.00/m2'"
	    " FROM rooms WHERE handover IS NOT NULL"
	    " AND substr(handover, 1, 7) BETWEEN ?2 AND ?3", "Itt",
	    g->fee_fund, from, last);
}

/* The date of day d of period p, or today when that is later. */
static int32_t
day_in(struct demo_gen *g, int p, int d)
{
	int32_t day = period_first_day(p) + d - 1;

	if (day > period_last_day(p))
		day = period_last_day(p);
	return day > g->today ? g->today : day;
}

/* Step cached statement st if rc (its binding) is WY_OK; reset it. */
static int
cached_run(struct demo_gen *g, sqlite3_stmt *st, int rc, const char *what)
{
	if (rc == WY_OK) {
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? WY_OK : db_fail(g->db, rc, g->e, what);
	}
	sqlite3_reset(st);
	return rc;
}

/* A meter of a room starting at `initial`; *id gets it. */
static int
add_meter(struct demo_gen *g, const char *code, const char *type,
    int64_t room, int64_t dial, int64_t initial, const char *installed,
    int64_t replaces, int64_t *id)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_cached(g->db, "INSERT INTO meters (code, type, room_id,"
	    " dial_max, initial, installed, replaces) VALUES (?, ?, ?, ?, ?,"
	    " ?, nullif(?, 0))", &st, g->e)) != WY_OK)
		return rc;
	rc = cached_run(g, st, db_bind(g->db, st, g->e, "ttIIItI", code,
	    type, room, dial, initial, installed, replaces), "meters");
	*id = demo_last_id(g);
	return rc;
}

/* One reading of meter id in period p from *prev on, *prev moved on. */
static int
add_reading(struct demo_gen *g, int64_t id, int p, int64_t *prev,
    int64_t usage, int64_t dial)
{
	char per[PERIOD_BUFSIZE], on[DATE_BUFSIZE];
	int64_t reading = *prev + usage;
	int rolled = reading > dial;

	if (rolled)
		reading -= dial + 1;
	sqlite3_stmt *st;
	int rc;

	period_format(p, per);
	date_format(day_in(g, p, 20), on);
	*prev = reading;
	if ((rc = db_cached(g->db, "INSERT INTO readings (meter_id, period,"
	    " previous, reading, rolled, usage, read_on, read_by)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, 'clerk')", &st, g->e)) != WY_OK)
		return rc;
	return cached_run(g, st, db_bind(g->db, st, g->e, "ItIIiIt", id, per,
	    reading + (rolled ? dial + 1 : 0) - usage, reading, rolled, usage,
	    on), "readings");
}

/* Usage of a month: base (scale 3) varied by +-25 %, more in summer and
 * winter for electricity. */
static int64_t
usage_of(struct demo_gen *g, int64_t base, int p, int elec)
{
	int month = p % 12 + 1, f = demo_rng_range(&g->r, 75, 125);

	if (elec && (month == 7 || month == 8))
		f = f * 16 / 10;
	else if (elec && (month == 12 || month == 1 || month == 2))
		f = f * 13 / 10;
	return base * f / 100;
}

/* The water and electricity meters of one room with a reading a month;
 * roll-overs now and then, and the replace-th room's electricity meter
 * replaced mid-window (换表). */
static int
room_meters(struct demo_gen *g, int64_t room, const char *code,
    int64_t area, int vacant, int replace)
{
	char mc[80], inst[DATE_BUFSIZE], rem[DATE_BUFSIZE];
	int64_t wid, eid, nid, wprev, eprev, wbase, ebase, u, part;
	int k, p, half = g->o->months / 2, rc;

	/* Installed a month before the first reading. */
	date_format(period_first_day(g->p0) - 30, inst);
	wbase = vacant ? demo_rng_range(&g->r, 0, 300) :
	    area * 10 * demo_rng_range(&g->r, 50, 130) / 1000;
	ebase = vacant ? demo_rng_range(&g->r, 0, 3000) :
	    area * 10 * demo_rng_range(&g->r, 1200, 2600) / 1000;
	wprev = demo_rng_chance(&g->r, 8) ? WATER_DIAL - wbase *
	    demo_rng_range(&g->r, 1, 4) : demo_rng_range(&g->r, 0, 2000000);
	eprev = demo_rng_chance(&g->r, 5) ? ELEC_DIAL - ebase *
	    demo_rng_range(&g->r, 1, 4) : demo_rng_range(&g->r, 0, 30000000);
	if (wprev < 0)
		wprev = 0;
	if (eprev < 0)
		eprev = 0;
	snprintf(mc, sizeof mc, "W-%s", code);
	if ((rc = add_meter(g, mc, "water", room, WATER_DIAL, wprev, inst, 0,
	    &wid)) != WY_OK)
		return rc;
	snprintf(mc, sizeof mc, "E-%s", code);
	if ((rc = add_meter(g, mc, "electricity", room, ELEC_DIAL, eprev,
	    inst, 0, &eid)) != WY_OK)
		return rc;
	for (k = 0; k < g->o->months; k++) {
		p = g->p0 + k;
		if ((rc = add_reading(g, wid, p, &wprev, usage_of(g, wbase, p,
		    0), WATER_DIAL)) != WY_OK)
			return rc;
		u = usage_of(g, ebase, p, 1);
		if (replace && k == half && half > 0) {
			/* The old meter's final reading on the 10th, then a
			 * new meter from 0. */
			part = u / 3;
			if ((rc = add_reading(g, eid, p, &eprev, part,
			    ELEC_DIAL)) != WY_OK)
				return rc;
			date_format(day_in(g, p, 10), rem);
			if ((rc = db_run(g->db, g->e, "UPDATE meters SET removed"
			    " = ?, note = '表计故障，已换表' WHERE id = ?", "tI",
			    rem, eid)) != WY_OK)
				return rc;
			snprintf(mc, sizeof mc, "E-%s-2", code);
			if ((rc = add_meter(g, mc, "electricity", room,
			    ELEC_DIAL, 0, rem, eid, &nid)) != WY_OK)
				return rc;
			eid = nid;
			eprev = 0;
			u -= part;
		}
		if ((rc = add_reading(g, eid, p, &eprev, u, ELEC_DIAL)) !=
		    WY_OK)
			return rc;
	}
	return WY_OK;
}

/* Meters and readings of every room, and each room's paying habit. */
static int
add_meters(struct demo_gen *g)
{
	static const int habit_w[] = { 550, 90, 60, 50, 250 };
	sqlite3_stmt *st;
	char code[64];
	int64_t room;
	size_t i = 0;
	long replace = -1;
	int rc, step, vacant;

	if ((rc = db_prepare(g->db, "SELECT id, code, charge_area, state ="
	    " 'vacant' FROM rooms ORDER BY id", &st, g->e)) != WY_OK)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		room = sqlite3_column_int64(st, 0);
		snprintf(code, sizeof code, "%s", sqlite3_column_text(st, 1));
		vacant = sqlite3_column_int(st, 3);
		if (i == g->caproom) {
			g->caproom = g->caproom ? g->caproom * 2 : 1024;
			if ((g->room = realloc(g->room, g->caproom *
			    sizeof *g->room)) == NULL)
				abort();
		}
		g->room[i].id = room;
		g->room[i].habit = (unsigned char)demo_rng_weighted(&g->r,
		    habit_w, 5);
		g->room[i].day = (unsigned char)demo_rng_range(&g->r, 1, 28);
		g->room[i].from = demo_rng_range(&g->r, 0, g->o->months - 1);
		g->room[i].until = g->room[i].from + demo_rng_range(&g->r, 3,
		    8);
		if (!vacant && replace < 0 && i >= 6)
			replace = (long)i;
		if ((rc = room_meters(g, room, code, sqlite3_column_int64(st,
		    2), vacant, replace == (long)i)) != WY_OK)
			break;
		g->nroom = ++i;
	}
	if (rc == WY_OK && step != SQLITE_DONE)
		rc = db_fail(g->db, step, g->e, "rooms");
	sqlite3_finalize(st);
	return rc;
}

/* The company's expenses (费用支出) of the window: each month salaries,
 * cleaning, water and power and a repair, requested by the clerk on the
 * 3rd, approved by the manager on the 5th and paid on the 10th, as far as
 * today allows; in the last month the repair still waits for approval and
 * the water and power for payment. */
static int
add_expenses(struct demo_gen *g)
{
	static const struct {
		const char *type, *payee;
		int per_room;		/* fen a room a month */
	} kinds[] = {
		{ "salary", "本公司员工", 6000 },
		{ "cleaning", "洁美保洁服务有限公司", 1500 },
		{ "utilities", "市供电局、自来水公司", 900 },
		{ "repairs", "恒达电梯维保有限公司", 400 },
	};
	char req[DATE_BUFSIZE], app[DATE_BUFSIZE], paid[DATE_BUFSIZE];
	int32_t first;
	size_t i;
	int k, rc = WY_OK;

	for (k = 0; k < g->o->months && rc == WY_OK; k++) {
		first = period_first_day(g->p0 + k);
		if (first + 2 > g->today)
			break;
		date_format(first + 2, req);
		date_format(first + 4, app);
		date_format(first + 9, paid);
		for (i = 0; i < sizeof kinds / sizeof kinds[0] && rc == WY_OK;
		    i++) {
			int64_t amount = (int64_t)kinds[i].per_room * g->o->rooms *
			    demo_rng_range(&g->r, 90, 110) / 100;
			int last = k == g->o->months - 1;
			int approved = first + 4 <= g->today && !(last && i == 3);
			int is_paid = approved && first + 9 <= g->today &&
			    !(last && i == 2);

			rc = db_run(g->db, g->e, "INSERT INTO expenses (type,"
			    " amount, payee, requested_by, requested_on,"
			    " approved_by, approved_on, paid_on, state) VALUES"
			    " (?, ?, ?, 'clerk', ?, ?, ?, ?, ?)", "tItttttt",
			    kinds[i].type, amount, kinds[i].payee, req,
			    approved ? "manager" : NULL, approved ? app : NULL,
			    is_paid ? paid : NULL, is_paid ? "paid" :
			    approved ? "approved" : "requested");
		}
	}
	return rc;
}

int
demo_charges_setup(struct demo_gen *g)
{
	char from[PERIOD_BUFSIZE];
	int rc;

	g->p0 = period_of_date(g->today) - (g->o->months > 0 ?
	    g->o->months - 1 : 0);
	if (g->o->rooms > DEMO_CHARGE_ROOMS_MAX)
		return WY_OK;
	period_format(g->p0, from);
	if (g->progress != NULL)
		g->progress(g->arg, "charges", 0, g->o->months);
	if ((rc = add_items(g)) != WY_OK ||
	    (rc = add_standards(g, from)) != WY_OK ||
	    (rc = add_expenses(g)) != WY_OK)
		return rc;
	return g->o->months > 0 ? add_meters(g) : WY_OK;
}

/* A session of demo user `name` with the permissions of its role. */
static int
user_session(struct demo_gen *g, const char *name, struct session *out)
{
	sqlite3_stmt *st;
	int rc;

	*out = *g->s;
	if ((rc = db_prepare(g->db, "SELECT u.id, u.role, '|' ||"
	    " coalesce((SELECT group_concat(perm, '|') FROM role_perms p"
	    " WHERE p.role = u.role), '') || '|' FROM users u WHERE u.name = ?",
	    &st, g->e)) != WY_OK)
		return rc;
	if ((rc = db_bind(g->db, st, g->e, "t", name)) == WY_OK) {
		if (sqlite3_step(st) == SQLITE_ROW) {
			out->user_id = sqlite3_column_int64(st, 0);
			snprintf(out->user, sizeof out->user, "%s", name);
			snprintf(out->role, sizeof out->role, "%s",
			    sqlite3_column_text(st, 1));
			snprintf(out->perms, sizeof out->perms, "%s",
			    sqlite3_column_text(st, 2));
		} else
			rc = wy_fail(g->e, WY_ENOTFOUND, _("there is no demo "
			    "user %s"), name);
	}
	sqlite3_finalize(st);
	return rc;
}

/* What room owes on day (principal and late fees, as the cashier reckons
 * them), with one cached statement rather than cashier_unpaid(). */
static int
owed(struct demo_gen *g, int64_t room, int32_t day, int64_t *due)
{
	sqlite3_stmt *st;
	int32_t dd;
	int64_t late;
	int rc, step;

	*due = 0;
	if ((rc = db_cached(g->db, "SELECT b.amount, b.amount - b.paid -"
	    " b.waived, b.late_paid, b.due_date, f.late_after, f.late_rate,"
	    " f.late_cap FROM bills b INDEXED BY bills_unpaid"
	    " JOIN fee_items f ON f.id = b.fee_item_id"
	    " WHERE b.room_id = ? AND b.amount > b.paid + b.waived", &st,
	    g->e)) != WY_OK ||
	    (rc = db_bind(g->db, st, g->e, "I", room)) != WY_OK)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (date_parse((const char *)sqlite3_column_text(st, 3), &dd,
		    NULL) != WY_OK)
			continue;
		late = cashier_late_fee(sqlite3_column_int64(st, 1),
		    sqlite3_column_int64(st, 0), dd, sqlite3_column_int(st, 4),
		    sqlite3_column_int64(st, 5), sqlite3_column_int64(st, 6),
		    day) - sqlite3_column_int64(st, 2);
		*due += sqlite3_column_int64(st, 1) + (late > 0 ? late : 0);
	}
	if (step != SQLITE_DONE)
		rc = db_fail(g->db, step, g->e, "bills");
	sqlite3_reset(st);
	return rc;
}

/* Room i's payment in period p (k-th of the window), if its habit pays. */
static int
pay_room(struct demo_gen *g, struct session *cs, size_t i, int p, int k)
{
	struct demo_room *rm = &g->room[i];
	struct cashier_payment pay = { .room_id = rm->id, .tendered = -1 };
	char day[DATE_BUFSIZE];
	int64_t due, balance = 0, client;
	int d = rm->day, rc;

	if (rm->habit == HABIT_ARREARS && k >= rm->from && k < rm->until)
		return WY_OK;
	if (rm->habit == HABIT_QUARTER && k % 3 != 2 &&
	    k != g->o->months - 1)
		return WY_OK;		/* a quarter at a time (季度缴费) */
	if (rm->habit == HABIT_LATE) {
		if (k % 2 == 0)
			return WY_OK;
		d = d / 2 + 1;
	}
	if (period_first_day(p) + d - 1 > g->today)
		return WY_OK;		/* not yet this month */
	if ((rc = owed(g, rm->id, day_in(g, p, d), &due)) != WY_OK ||
	    due == 0)
		return rc;
	date_format(day_in(g, p, d), day);
	pay.date = day;
	pay.amount = due;
	pay.method = methods[demo_rng_weighted(&g->r, method_w, 6)];
	if (rm->habit == HABIT_PREPAY &&
	    (client = cashier_payer(g->db, rm->id, day)) > 0) {
		if ((rc = cashier_prepay_balance(cs, client, &balance, g->e)) !=
		    WY_OK)
			return rc;
		if (balance >= due)
			pay.method = "prepay";
		else {
			/* A round sum for a few months ahead. */
			pay.amount = (due * 4 / 50000 + 1) * 50000;
			pay.keep_surplus = 1;
			pay.note = "预存物业费";
		}
	}
	if (strcmp(pay.method, "cash") == 0)
		pay.tendered = (pay.amount + 9999) / 10000 * 10000;
	return cashier_pay(cs, &pay, NULL, g->e);
}

/* Voids, waivers and deposits, dated today. */
static int
extras(struct demo_gen *g, struct session *cs, struct session *ms)
{
	static const char *const void_reason[] = { "金额录入错误，重新收款",
		"重复收款", "业主要求改用其他支付方式" };
	static const char *const waive_reason[] = { "业主投诉漏水，经理批准减免",
		"空置期物业费减免", "困难家庭，经理批准减免",
		"电梯停运一月，减免当月物业费" };
	sqlite3_stmt *st;
	char cur[PERIOD_BUFSIZE], num[3][CASHIER_NUMBER_MAX];
	int64_t ids[8], amt[8], dep[3];
	int n = 0, i, rc;

	period_format(period_of_date(g->today), cur);
	if ((rc = db_prepare(g->db, "SELECT number FROM receipts WHERE period"
	    " = ? AND kind = 'payment' AND prepay_in = 0 AND prepay_out = 0"
	    " ORDER BY id", &st, g->e)) != WY_OK)
		return rc;
	/* The first, the 8th and the 15th receipt of the month. */
	if ((rc = db_bind(g->db, st, g->e, "t", cur)) == WY_OK)
		for (i = 0; n < 3 && sqlite3_step(st) == SQLITE_ROW; i++)
			if (i % 7 == 0)
				snprintf(num[n++], sizeof num[0], "%s",
				    sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	for (i = 0; i < n && rc == WY_OK; i++)
		rc = cashier_void(ms, num[i], void_reason[i], g->e);
	if (rc != WY_OK)
		return rc;
	n = 0;
	if ((rc = db_prepare(g->db, "SELECT id, (amount - paid - waived) / 2"
	    " FROM bills WHERE fee_item_id = ? AND amount > paid + waived"
	    " AND amount >= 200 ORDER BY period, id LIMIT 4", &st, g->e)) !=
	    WY_OK)
		return rc;
	if ((rc = db_bind(g->db, st, g->e, "I", g->fee_prop)) == WY_OK)
		while (n < 4 && sqlite3_step(st) == SQLITE_ROW) {
			ids[n] = sqlite3_column_int64(st, 0);
			amt[n++] = sqlite3_column_int64(st, 1);
		}
	sqlite3_finalize(st);
	for (i = 0; i < n && rc == WY_OK; i++)
		rc = cashier_waive(ms, ids[i], amt[i], waive_reason[i], g->e);
	if (rc != WY_OK)
		return rc;
	n = 0;
	if ((rc = db_prepare(g->db, "SELECT r.id, o.client_id FROM rooms r"
	    " JOIN occupancy o ON o.room_id = r.id AND o.payer = 1"
	    " AND o.end_date IS NULL WHERE r.state = 'renovating'"
	    " ORDER BY r.id LIMIT 8", &st, g->e)) != WY_OK)
		return rc;
	while (n < 8 && sqlite3_step(st) == SQLITE_ROW) {
		ids[n] = sqlite3_column_int64(st, 0);
		amt[n++] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	for (i = 0; i < n && rc == WY_OK; i++)
		rc = cashier_deposit_take(cs, ids[i], amt[i], g->fee_deposit,
		    200000, i % 2 ? "transfer" : "wechat", "装修押金", NULL,
		    i < 3 ? &dep[i] : NULL, g->e);
	for (i = 0; i < n && i < 2 && rc == WY_OK; i++)
		rc = cashier_deposit_refund(ms, dep[i], "transfer",
		    "装修完工验收合格，退还押金", NULL, g->e);
	return rc;
}

/* Bill, pay and close the window month by month. */
static int
run_months(struct demo_gen *g, struct session *cs, struct session *ms)
{
	struct bill_result br;
	char per[PERIOD_BUFSIZE];
	size_t i;
	int k, p, rc = WY_OK;

	for (k = 0; k < g->o->months && rc == WY_OK; k++) {
		p = g->p0 + k;
		period_format(p, per);
		if (g->progress != NULL)
			g->progress(g->arg, "charges", k, g->o->months);
		memset(&br, 0, sizeof br);
		rc = bill_run(ms, per, NULL, BILL_NO_DRAW, NULL, NULL, &br, g->e);
		bill_result_free(&br);
		for (i = 0; i < g->nroom && rc == WY_OK; i++)
			rc = pay_room(g, cs, i, p, k);
		if (rc == WY_OK && k < g->o->months - 1)
			rc = period_close(ms, per, NULL, g->e);
	}
	return rc == WY_OK ? extras(g, cs, ms) : rc;
}

int
demo_charges_run(struct demo_gen *g)
{
	struct session cs, ms;
	int rc;

	if (g->o->rooms > DEMO_CHARGE_ROOMS_MAX || g->o->months == 0)
		return WY_OK;
	if ((rc = user_session(g, "cashier", &cs)) != WY_OK ||
	    (rc = user_session(g, "manager", &ms)) != WY_OK ||
	    (rc = db_exec(g->db, "PRAGMA synchronous = OFF", g->e)) != WY_OK)
		return rc;
	rc = run_months(g, &cs, &ms);
	db_exec(g->db, "PRAGMA synchronous = FULL", NULL);
	if (rc == WY_OK && g->progress != NULL)
		g->progress(g->arg, "charges", g->o->months, g->o->months);
	return rc;
}
