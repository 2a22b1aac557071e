/* wuye: the cashier screen (收银).
 *
 * The cashier types a room code (or picks one with F3), or a client's code
 * or mobile number, and sees the room's (or the client's) unpaid bills
 * with their late fees to today and the payer's prepayment (预存) balance.
 * The bills due by today are ticked at first (all of them with
 * cashier.tick = all), oldest first; Space on a bill unticks or ticks it,
 * and the amount follows the ticked bills until the cashier types one.
 * Typing into a field just entered, or into the room after a look-up,
 * replaces its text, as in the forms.  The method is a choice (Left and Right, or
 * Space), cash tendered shows the change.  F2 or Ctrl-S takes the payment
 * (cashier_pay: one transaction, the surplus kept as prepayment) and shows
 * the receipt, which F9 prints.  F8 voids a receipt by number with a
 * reason, F4 waives (减免) part of the bill under the cursor, F7 takes a
 * deposit (押金) for the room: each asks in a small form of two fields
 * (tui_ask_fields), and each is offered (on the key bar, and at all) only
 * to a user with its permission.
 */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/auth.h"
#include "wuye/cashier.h"
#include "wuye/cashier_int.h"
#include "wuye/conf.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/money.h"
#include "wuye/tui_calibrate.h"

/* The methods of payment, in the order the choice steps through them. */
static const struct {
	const char *code;
	const char *name;	/* N_() */
} methods[] = {
	{ "cash", N_("cash") },
	{ "transfer", N_("transfer") },
	{ "card", N_("card") },
	{ "wechat", N_("WeChat") },
	{ "alipay", N_("Alipay") },
	{ "bank", N_("bank debit") },
	{ "prepay", N_("prepayment") },
};
#define NMETHODS (sizeof methods / sizeof methods[0])

/* The fields, in the order Tab visits them. */
enum { F_ROOM, F_AMOUNT, F_METHOD, F_TENDERED, F_BILLS, F_COUNT };

struct cashier {
	struct tui_edit room, amount, tendered;
	int focus;
	int fresh;		/* the field was just entered or looked up:
				 * typing replaces its text */
	size_t method;
	int amount_typed;	/* the amount no longer follows the ticks */
	int64_t room_id, client_id, balance;
	char room_code[64], payer[128];
	struct cashier_bill *bills;
	unsigned char *ticked;
	size_t n, cur, top;
	char last[CASHIER_NUMBER_MAX];	/* the last receipt issued here */
	int64_t waive_bill;	/* the bill the waiver dialog is for */
	int cy, cx;
};

/* What the ticked bills come to, late fees included. */
static int64_t
ticked_total(const struct cashier *c)
{
	int64_t t = 0;
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->ticked[i])
			t += c->bills[i].outstanding + c->bills[i].late_fee;
	return t;
}

/* Put the ticked total in the amount, unless the cashier typed one. */
static void
follow_ticks(struct cashier *c)
{
	char buf[32];

	if (!c->amount_typed)
		tui_edit_set(&c->amount, money_format(ticked_total(c), buf, sizeof buf));
}

/* A money field's value: 0 and *fen set when valid, -1 when empty, 1 when
 * not money. */
static int
money_of(const struct tui_edit *ed, int64_t *fen)
{
	struct wy_err e = { 0 };

	if (ed->len == 0)
		return -1;
	return money_parse(ed->buf, fen, &e) == WY_OK && *fen >= 0 ? 0 : 1;
}

/* Read the room's bills, payer and balance again. */
static int
load(struct cashier *c, struct app *app, struct wy_err *e)
{
	struct session *s = tui_session(app);
	char today[DATE_BUFSIZE];
	sqlite3_stmt *st;
	size_t i;
	int rc;

	free(c->bills);
	free(c->ticked);
	c->bills = NULL;
	c->ticked = NULL;
	c->n = c->cur = c->top = 0;
	c->balance = 0;
	c->payer[0] = '\0';
	if (c->room_id == 0 && c->client_id == 0)
		return WY_OK;
	date_format(date_today(), today);
	if (c->room_id != 0)
		c->client_id = cashier_payer(tui_db(app), c->room_id, today);
	if (db_prepare(tui_db(app), "SELECT coalesce((SELECT code FROM rooms"
	    " WHERE id = ?2), ''), coalesce((SELECT name FROM clients"
	    " WHERE id = ?1), '')", &st, e) != WY_OK)
		return e->code;
	if (db_bind(tui_db(app), st, e, "II", c->client_id, c->room_id) != WY_OK) {
		sqlite3_finalize(st);
		return e->code;
	}
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(c->room_code, sizeof c->room_code, "%s",
		    (const char *)sqlite3_column_text(st, 0));
		snprintf(c->payer, sizeof c->payer, "%s",
		    (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if ((rc = cashier_unpaid(s, c->room_id, c->client_id, NULL, &c->bills,
	    &c->n, e)) != WY_OK)
		return rc;
	c->ticked = xcalloc(c->n + 1, 1);
	for (i = 0; i < c->n; i++)	/* arrears of closed periods too (schema 006) */
		c->ticked[i] = c->bills[i].due ||
		    strcmp(conf_str(tui_conf(app), "cashier.tick"), "all") == 0;
	if (c->client_id != 0 &&
	    (rc = cashier_prepay_balance(s, c->client_id, &c->balance, e)) != WY_OK)
		return rc;
	follow_ticks(c);
	return WY_OK;
}

/* Open the room whose code is typed, else the client whose code or
 * mobile number it is (the client's bills of every room). */
static void
find_room(struct screen *sc)
{
	struct cashier *c = sc->data;
	struct wy_err e = { 0 };
	int64_t id, client = 0;

	if (c->room.len == 0)
		return;
	if (db_int64(tui_db(sc->app), &id, &e, "SELECT id FROM rooms WHERE code = ?",
	    "t", c->room.buf) != WY_OK) {
		id = 0;
		if (db_int64(tui_db(sc->app), &client, &e, "SELECT id FROM clients"
		    " WHERE code = ?1 UNION ALL SELECT id FROM clients WHERE"
		    " mobile = ?1 AND mobile <> '' LIMIT 1", "t", c->room.buf) !=
		    WY_OK) {
			tui_message(sc->app, 1, _("There is no room, client code or "
			    "mobile number %s."), c->room.buf);
			/* Nothing of the room before stays on screen. */
			c->room_id = c->client_id = 0;
			c->amount_typed = 0;
			load(c, sc->app, &e);
			tui_edit_set(&c->amount, "");
			tui_edit_set(&c->tendered, "");
			c->focus = F_ROOM;
			c->fresh = 1;
			return;
		}
	}
	c->room_id = id;
	c->client_id = client;
	c->room_code[0] = '\0';
	c->amount_typed = 0;
	if (load(c, sc->app, &e) != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		return;
	}
	if (c->room_id != 0)
		tui_edit_set(&c->room, c->room_code);
	c->focus = c->n > 0 ? F_AMOUNT : F_ROOM;
	c->fresh = 1;	/* typing a new room replaces this one */
	if (c->n == 0)
		tui_message(sc->app, 0, _("%s has no unpaid bills."), c->room_id != 0 ?
		    c->room_code : c->payer);
}

/* The room picked with F3 is opened. */
static void
picked_room(struct screen *owner, int64_t id, const char *key)
{
	struct cashier *c = owner->data;

	(void)id;
	tui_edit_set(&c->room, key);
	find_room(owner);
}

/* Free the cashier screen. */
static void
cashier_leave(struct screen *sc)
{
	struct cashier *c = sc->data;

	tui_edit_free(&c->room);
	tui_edit_free(&c->amount);
	tui_edit_free(&c->tendered);
	free(c->bills);
	free(c->ticked);
	free(c);
}

/* A label and a field on one row; returns the cursor column if focused. */
static int
field(struct cashier *c, int f, int y, int x, int lw, int w, const char *label,
    struct tui_edit *ed)
{
	int col;

	tui_put(y, x, lw, 0, tui_attr(ROLE_NORMAL), label);
	col = tui_edit_draw(ed, y, x + lw, w, tui_attr(c->focus == f ?
	    ROLE_FOCUS : ROLE_FIELD));
	if (c->focus == f) {
		c->cy = y;
		c->cx = col;
	}
	return col;
}

/* Paint the room, the payment fields and the bills. */
static void
cashier_draw(struct screen *sc)
{
	struct cashier *c = sc->data;
	char buf[256], a[32], b[32], d[32];
	int y = tui_top(), w = tui_width(), rows, row, attr;
	int64_t amount = 0, tendered = 0, total = ticked_total(c);
	size_t i;

	c->cy = c->cx = -1;
	tui_put(y, 0, w, 0, tui_attr(ROLE_TITLE), _("Cashier"));
	field(c, F_ROOM, y + 1, 1, 10, 14, _("Room:"), &c->room);
	if (c->room_id != 0 || c->client_id != 0) {
		snprintf(buf, sizeof buf, "%s  %s: %s", *c->payer ? c->payer :
		    _("(no payer)"), _("Prepayment"), money_format(c->balance, a, sizeof a));
		tui_put(y + 1, 27, w - 28, 0, tui_attr(ROLE_INFO), buf);
	}
	field(c, F_AMOUNT, y + 2, 1, 10, 14, _("Amount:"), &c->amount);
	tui_put(y + 2, 27, 9, 0, tui_attr(ROLE_NORMAL), _("Method:"));
	snprintf(buf, sizeof buf, "< %s >", _(methods[c->method].name));
	tui_put(y + 2, 36, 16, 0, tui_attr(c->focus == F_METHOD ? ROLE_FOCUS :
	    ROLE_FIELD), buf);
	if (c->focus == F_METHOD) {
		c->cy = y + 2;
		c->cx = 38;
	}
	field(c, F_TENDERED, y + 3, 1, 10, 14, _("Tendered:"), &c->tendered);
	buf[0] = '\0';
	if (money_of(&c->amount, &amount) == 0 && money_of(&c->tendered, &tendered) == 0 &&
	    tendered >= amount)
		snprintf(buf, sizeof buf, "%s %s", _("Change:"),
		    money_format(tendered - amount, a, sizeof a));
	tui_put(y + 3, 27, w - 28, 0, tui_attr(ROLE_INFO), buf);
	snprintf(buf, sizeof buf, _("Ticked: %s   To prepayment: %s"),
	    money_format(total, a, sizeof a), money_format(money_of(&c->amount,
	    &amount) == 0 && amount > total && strcmp(methods[c->method].code,
	    "prepay") != 0 ? amount - total : 0, b, sizeof b));
	tui_put(y + 4, 1, w - 2, 0, tui_attr(ROLE_NORMAL), buf);

	/* The header by columns: its words may be Chinese, twice as wide. */
	attr = tui_attr(ROLE_HEADER);
	tui_fill(y + 6, 0, w, attr);
	tui_put(y + 6, 5, 8, 0, attr, _("Period"));
	tui_put(y + 6, 14, 11, 0, attr, _("Due"));
	tui_put(y + 6, 26, 12, 1, attr, _("Amount"));
	tui_put(y + 6, 39, 12, 1, attr, _("Outstanding"));
	tui_put(y + 6, 52, 10, 1, attr, _("Late fee"));
	if (w > 64)
		tui_put(y + 6, 64, w - 64, 0, attr, _("Fee item"));
	rows = tui_bottom() - (y + 7) + 1;
	if (rows < 1)
		rows = 1;
	if (c->cur < c->top)
		c->top = c->cur;
	if (c->cur >= c->top + (size_t)rows)
		c->top = c->cur - (size_t)rows + 1;
	for (i = c->top, row = y + 7; i < c->n && row <= tui_bottom(); i++, row++) {
		snprintf(buf, sizeof buf, " %s %-7s  %-10s  %12s %12s %10s  %s",
		    c->ticked[i] ? "[x]" : "[ ]",
		    c->bills[i].period, c->bills[i].due_date,
		    money_format(c->bills[i].amount, a, sizeof a),
		    money_format(c->bills[i].outstanding, b, sizeof b),
		    money_format(c->bills[i].late_fee, d, sizeof d), c->bills[i].item);
		attr = tui_attr(c->focus == F_BILLS && i == c->cur ? ROLE_SELECTED :
		    ROLE_NORMAL);
		tui_put(row, 0, w, 0, attr, buf);
		if (c->focus == F_BILLS && i == c->cur) {
			c->cy = row;
			c->cx = 2;
		}
	}
	if ((c->room_id != 0 || c->client_id != 0) && c->n == 0)
		tui_put(y + 7, 1, w - 2, 0, tui_attr(ROLE_DIM), _("No unpaid bills."));
}

/* The cursor goes in the field being typed in. */
static void
cashier_cursor(struct screen *sc, int *y, int *x)
{
	struct cashier *c = sc->data;

	*y = c->cy;
	*x = c->cx;
}

/* F2: take the payment. */
static int
take(struct screen *sc)
{
	struct cashier *c = sc->data;
	struct cashier_payment p = { .tendered = -1, .keep_surplus = 1 };
	struct cashier_receipt r = { 0 };
	struct wy_err e = { 0 };
	int64_t *ids = NULL;
	size_t i, k = 0;
	int all = 1;

	if (c->room_id == 0 && c->client_id == 0) {
		tui_message(sc->app, 1, _("Type a room code first (F3 picks one)."));
		c->focus = F_ROOM;
		return TUI_DONE;
	}
	if (money_of(&c->amount, &p.amount) != 0 || p.amount == 0) {
		tui_message(sc->app, 1, _("Amount: '%s' is not an amount of money."), c->amount.buf);
		c->focus = F_AMOUNT;
		return TUI_DONE;
	}
	p.method = methods[c->method].code;
	if (strcmp(p.method, "cash") == 0 && c->tendered.len > 0) {
		if (money_of(&c->tendered, &p.tendered) != 0 || p.tendered < p.amount) {
			tui_message(sc->app, 1, _("Tendered: '%s' is less than the amount."),
			    c->tendered.buf);
			c->focus = F_TENDERED;
			return TUI_DONE;
		}
	}
	ids = xcalloc(c->n + 1, sizeof *ids);
	for (i = 0; i < c->n; i++) {
		if (c->ticked[i])
			ids[k++] = c->bills[i].id;
		else
			all = 0;	/* some unticked: pay the ticked ones */
	}
	p.room_id = c->room_id;
	p.client_id = c->client_id;
	if (!all) {
		p.bills = ids;
		p.nbills = k;
	}
	if (cashier_pay(tui_session(sc->app), &p, &r, &e) != WY_OK) {
		free(ids);
		tui_message(sc->app, 1, "%s", e.msg);
		return TUI_DONE;
	}
	free(ids);
	snprintf(c->last, sizeof c->last, "%s", r.number);
	c->amount_typed = 0;
	tui_edit_set(&c->tendered, "");
	if (load(c, sc->app, &e) != WY_OK)
		tui_message(sc->app, 1, "%s", e.msg);
	tui_open_receipt(sc->app, r.number);
	if (r.change > 0) {
		char a[32];

		tui_message(sc->app, 0, _("Receipt %s issued; change %s."), r.number,
		    money_format(r.change, a, sizeof a));
	} else
		tui_message(sc->app, 0, _("Receipt %s issued."), r.number);
	return TUI_REDRAW;
}

/* The field at fault (index i, label) when text is empty, else -1. */
static int
required(const char *text, int i, const char *label, char *msg, size_t size)
{
	const char *p = text;

	while (*p == ' ')
		p++;
	if (*p != '\0')
		return -1;
	snprintf(msg, size, _("%s: required"), label);
	return i;
}

/* Reload after a change and say what was done (msg has one %s). */
static int
changed(struct screen *sc, const char *msg, const char *what)
{
	struct cashier *c = sc->data;
	struct wy_err e = { 0 };

	c->amount_typed = 0;
	if (load(c, sc->app, &e) != WY_OK)
		tui_message(sc->app, 1, "%s", e.msg);
	else
		tui_message(sc->app, 0, msg, what);
	return TUI_REDRAW;
}

/* F8: the receipt number and the reason. */
static int
void_check(struct screen *owner, const char *const *t, char *msg, size_t size)
{
	int bad;

	(void)owner;
	if ((bad = required(t[0], 0, _("Receipt number"), msg, size)) >= 0 ||
	    (bad = required(t[1], 1, _("Reason"), msg, size)) >= 0)
		return bad;
	if (strlen(t[0]) >= CASHIER_NUMBER_MAX) {
		snprintf(msg, size, _("Receipt number: '%s' is too long"), t[0]);
		return 0;
	}
	return -1;
}

static int
voided(struct screen *owner, const char *const *t)
{
	struct wy_err e = { 0 };

	if (cashier_void(tui_session(owner->app), t[0], t[1], &e) != WY_OK) {
		tui_message(owner->app, 1, "%s", e.msg);
		return TUI_DONE;
	}
	return changed(owner, _("Receipt %s is void."), t[0]);
}

/* F4: how much of the bill under the cursor, and why. */
static int
waive_check(struct screen *owner, const char *const *t, char *msg, size_t size)
{
	struct wy_err e = { 0 };
	int64_t fen;
	int bad;

	(void)owner;
	if ((bad = required(t[0], 0, _("Amount"), msg, size)) >= 0)
		return bad;
	if (money_parse(t[0], &fen, &e) != WY_OK || fen <= 0) {
		snprintf(msg, size, _("Amount: '%s' is not an amount of money."), t[0]);
		return 0;
	}
	return required(t[1], 1, _("Reason"), msg, size);
}

static int
waived(struct screen *owner, const char *const *t)
{
	struct cashier *c = owner->data;
	struct wy_err e = { 0 };
	int64_t fen;

	if (money_parse(t[0], &fen, &e) != WY_OK ||
	    cashier_waive(tui_session(owner->app), c->waive_bill, fen, t[1],
	    &e) != WY_OK) {
		tui_message(owner->app, 1, "%s", e.msg);
		return TUI_DONE;
	}
	return changed(owner, _("Waived %s."), t[0]);
}

/* F7: the deposit's fee item and amount, taken for the room from its
 * payer by the method chosen. */
static int
deposit_check(struct screen *owner, const char *const *t, char *msg,
    size_t size)
{
	struct wy_err e = { 0 };
	int64_t id, fen;
	int bad;

	if ((bad = required(t[0], 0, _("Fee item"), msg, size)) >= 0)
		return bad;
	if (db_int64(tui_db(owner->app), &id, &e, "SELECT id FROM fee_items"
	    " WHERE code = ?", "t", t[0]) != WY_OK) {
		snprintf(msg, size, _("Fee item: there is no fee item %s."), t[0]);
		return 0;
	}
	if ((bad = required(t[1], 1, _("Amount"), msg, size)) >= 0)
		return bad;
	if (money_parse(t[1], &fen, &e) != WY_OK || fen <= 0) {
		snprintf(msg, size, _("Amount: '%s' is not an amount of money."), t[1]);
		return 1;
	}
	return -1;
}

static int
deposit(struct screen *owner, const char *const *t)
{
	struct cashier *c = owner->data;
	struct cashier_receipt r;
	struct wy_err e = { 0 };
	int64_t item_id, fen;

	if (db_int64(tui_db(owner->app), &item_id, &e, "SELECT id FROM fee_items"
	    " WHERE code = ?", "t", t[0]) != WY_OK ||
	    money_parse(t[1], &fen, &e) != WY_OK ||
	    cashier_deposit_take(tui_session(owner->app), c->room_id, c->client_id,
	    item_id, fen, methods[c->method].code, NULL, &r, NULL, &e) != WY_OK) {
		tui_message(owner->app, 1, "%s", e.msg);
		return TUI_DONE;
	}
	snprintf(c->last, sizeof c->last, "%s", r.number);
	changed(owner, "%s", "");
	tui_open_receipt(owner->app, r.number);
	tui_message(owner->app, 0, _("Deposit taken: receipt %s."), r.number);
	return TUI_REDRAW;
}

/* 1 if the user may do what the action does here (the permission is
 * checked again by the domain). */
static int
cashier_offered(struct screen *sc, enum tui_action a)
{
	const struct session *s = tui_session(sc->app);

	switch (a) {
	case ACT_DELETE:
		return auth_can(s, "charge.void");
	case ACT_EDIT:
		return auth_can(s, "charge.waive");
	case ACT_NEW:
	case ACT_SAVE:
	case ACT_SORT:
		return auth_can(s, "charge.pay");
	default:
		return 1;
	}
}

/* The action is not for this user: say so in words, before asking
 * anything; 1 if refused. */
static int
refused(struct screen *sc, enum tui_action a, const char *perm)
{
	struct wy_err e = { 0 };

	if (cashier_offered(sc, a))
		return 0;
	auth_require(tui_session(sc->app), perm, &e);
	tui_message(sc->app, 1, "%s", e.msg);
	return 1;
}

/* The field under the cursor, if it is an editor. */
static struct tui_edit *
editor(struct cashier *c)
{
	switch (c->focus) {
	case F_ROOM:
		return &c->room;
	case F_AMOUNT:
		return &c->amount;
	case F_TENDERED:
		return &c->tendered;
	default:
		return NULL;
	}
}

/* Tick or untick the bill under the cursor. */
static void
toggle(struct cashier *c)
{
	if (c->cur < c->n) {
		c->ticked[c->cur] = !c->ticked[c->cur];
		follow_ticks(c);
	}
}

/* The keys of the cashier screen. */
static int
cashier_keys(struct screen *sc, enum tui_action a)
{
	struct cashier *c = sc->data;
	struct tui_edit *ed = editor(c);
	struct wy_err e = { 0 };

	switch (a) {
	case ACT_SAVE:
	case ACT_NEW:
		if (refused(sc, a, "charge.pay"))
			return TUI_DONE;
		return take(sc);
	case ACT_FIND:	/* the rooms that what is typed finds */
		if (c->focus == F_ROOM)
			tui_pick_search(sc->app, "rooms", c->room.buf, picked_room, sc);
		else if (c->focus == F_METHOD)
			c->method = (c->method + 1) % NMETHODS;
		return TUI_DONE;
	case ACT_DELETE: {
		struct tui_ask_field f[] = {
			{ _("Receipt number"), c->last, CASHIER_NUMBER_MAX - 1 },
			{ _("Reason"), NULL, 200 },
		};

		if (refused(sc, a, "charge.void"))
			return TUI_DONE;
		return tui_ask_fields(sc->app, _("Void a receipt"), f, 2, void_check,
		    voided, sc);
	}
	case ACT_EDIT: {
		struct tui_ask_field f[] = {
			{ _("Amount"), NULL, 16 },
			{ _("Reason"), NULL, 200 },
		};
		char title[160], amount[32];

		if (refused(sc, a, "charge.waive"))
			return TUI_DONE;
		if (c->focus != F_BILLS || c->cur >= c->n) {
			tui_message(sc->app, 1, _("Go down to the bills and put the "
			    "cursor on the one to waive."));
			return TUI_DONE;
		}
		c->waive_bill = c->bills[c->cur].id;
		snprintf(title, sizeof title, _("Waive (减免): %s %s, %s outstanding"),
		    c->bills[c->cur].period, c->bills[c->cur].item,
		    money_format(c->bills[c->cur].outstanding, amount, sizeof amount));
		return tui_ask_fields(sc->app, title, f, 2, waive_check, waived, sc);
	}
	case ACT_SORT: {
		struct tui_ask_field f[] = {
			{ _("Fee item"), NULL, 32 },
			{ _("Amount"), NULL, 16 },
		};

		if (refused(sc, a, "charge.pay"))
			return TUI_DONE;
		if (c->room_id == 0) {
			tui_message(sc->app, 1, _("A deposit is taken for a room: "
			    "type its code first."));
			return TUI_DONE;
		}
		return tui_ask_fields(sc->app, _("Take a deposit (押金)"), f, 2,
		    deposit_check, deposit, sc);
	}
	case ACT_EXPORT:
		tui_open_calibrate(sc->app);
		return TUI_REDRAW;
	case ACT_REFRESH:
		if (load(c, sc->app, &e) != WY_OK)
			tui_message(sc->app, 1, "%s", e.msg);
		return TUI_DONE;
	case ACT_BACK:
		return tui_back(sc);
	case ACT_ENTER:
		if (c->focus == F_ROOM) {
			find_room(sc);
			return TUI_DONE;
		}
		if (c->focus == F_BILLS) {
			toggle(c);
			return TUI_DONE;
		}
		/* FALLTHROUGH */
	case ACT_TAB:
		if (c->focus == F_ROOM)
			find_room(sc);
		else
			c->focus = (c->focus + 1) % F_COUNT;
		if (c->focus == F_BILLS && c->n == 0)
			c->focus = F_ROOM;
		return TUI_DONE;
	case ACT_BTAB:
		c->focus = (c->focus + F_COUNT - 1) % F_COUNT;
		if (c->focus == F_BILLS && c->n == 0)
			c->focus = F_TENDERED;
		return TUI_DONE;
	case ACT_DOWN:
		if (c->focus == F_BILLS) {
			if (c->cur + 1 < c->n)
				c->cur++;
		} else if (c->focus < F_BILLS && (c->focus + 1 < F_BILLS || c->n > 0))
			c->focus++;
		return TUI_DONE;
	case ACT_UP:
		if (c->focus == F_BILLS && c->cur > 0)
			c->cur--;
		else if (c->focus > 0)
			c->focus--;
		return TUI_DONE;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (c->focus == F_METHOD) {
			c->method = (c->method + (a == ACT_RIGHT ? 1 : NMETHODS - 1)) % NMETHODS;
			return TUI_DONE;
		}
		break;
	default:
		break;
	}
	if (ed != NULL && tui_edit_action(ed, a)) {
		if (ed == &c->amount)
			c->amount_typed = 1;
		c->fresh = 0;	/* the text is being edited, not replaced */
		return TUI_DONE;
	}
	return TUI_PASS;
}

/* A field entered afresh is replaced by what is typed into it. */
static int
cashier_action(struct screen *sc, enum tui_action a)
{
	struct cashier *c = sc->data;
	int focus = c->focus, r;

	r = cashier_keys(sc, a);
	if (c->focus != focus)
		c->fresh = 1;
	return r;
}

/* Space ticks a bill or steps the method; other characters are typed. */
static int
cashier_text(struct screen *sc, wchar_t ch)
{
	struct cashier *c = sc->data;
	struct tui_edit *ed = editor(c);

	if (ch == L' ' && c->focus == F_BILLS) {
		toggle(c);
		if (c->cur + 1 < c->n)
			c->cur++;
		return TUI_DONE;
	}
	if (ch == L' ' && c->focus == F_METHOD) {
		c->method = (c->method + 1) % NMETHODS;
		return TUI_DONE;
	}
	if (ed != NULL && c->fresh)	/* typing over a value replaces it */
		tui_edit_set(ed, "");
	c->fresh = 0;
	if (ed != NULL && tui_edit_insert(ed, ch) && ed == &c->amount)
		c->amount_typed = 1;
	return TUI_DONE;
}

static const enum tui_action cashier_bar[] = { ACT_HELP, ACT_NEW, ACT_FIND,
	ACT_EDIT, ACT_REFRESH, ACT_SORT, ACT_DELETE, ACT_EXPORT, ACT_BACK,
	ACT_NONE };

static const struct tui_note cashier_notes[] = {
	{ ACT_EXPORT, N_("Printer"), N_("printer offsets for pre-printed "
	    "receipt forms (套打), and a test print") },
	{ ACT_NEW, N_("Pay"), N_("take the payment and issue the receipt") },
	{ ACT_SAVE, N_("Pay"), N_("take the payment and issue the receipt") },
	{ ACT_FIND, N_("Pick"), N_("pick a room from the list") },
	{ ACT_EDIT, N_("Waive"), N_("waive (减免) part of the bill under the "
	    "cursor, with a reason") },
	{ ACT_SORT, N_("Deposit"), N_("take a deposit (押金) for the room by "
	    "the method chosen") },
	{ ACT_DELETE, N_("Void"), N_("void a receipt by its number, with a reason") },
	{ ACT_ENTER, NULL, N_("find the room typed, next field, or tick a bill") },
	{ ACT_NONE, NULL, NULL },
};

/* A payment being typed: an amount of the cashier's own, or the cash
 * tendered; leaving asks first (a looked-up room alone is not work). */
static int
cashier_unsaved(struct screen *sc)
{
	const struct cashier *c = sc->data;

	return c->amount_typed || c->tendered.len > 0;
}

static const struct screen_ops cashier_ops = {
	.name = N_("Cashier"),
	.help = N_("Type a room code and press Enter, or F3 to pick a room from "
	    "those the typed text finds (or type a client's code or mobile "
	    "number for the client's bills of every room): the unpaid bills "
	    "show with their late fees to today, and the payer's prepayment "
	    "balance. Typing into a field you have just moved to, or into the "
	    "room after a look-up, replaces its text.\nThe bills due by today "
	    "are ticked, oldest first; Space or Enter on a bill unticks or "
	    "ticks it. The amount follows the ticked bills until you type one; "
	    "what is paid over them is kept as prepayment.\nLeft and Right (or "
	    "Space) choose the method; for cash, the tendered amount shows the "
	    "change.\nF2 or Ctrl-S takes the payment and shows the receipt (F9 "
	    "there prints it). F8 voids a receipt: its number (the last one "
	    "issued is offered) and the reason. F4 on a bill waives part of it "
	    "(the amount and the reason); F7 takes a deposit for the room (the "
	    "fee item code and the amount) by the method chosen. A key your "
	    "role may not use is left off the key bar. F9 sets this terminal's "
	    "printer offsets for pre-printed forms."),
	.leave = cashier_leave,
	.draw = cashier_draw,
	.action = cashier_action,
	.text = cashier_text,
	.cursor = cashier_cursor,
	.bar = cashier_bar,
	.notes = cashier_notes,
	.offered = cashier_offered,
	.unsaved = cashier_unsaved,
};

/* Open the cashier screen, on room room_id if it is not 0. */
int
tui_open_cashier(struct app *app, int64_t room_id)
{
	struct cashier *c = xcalloc(1, sizeof *c);
	struct wy_err e = { 0 };

	tui_edit_init(&c->room, "", 32);
	tui_edit_init(&c->amount, "", 16);
	tui_edit_init(&c->tendered, "", 16);
	c->room_id = room_id;
	if (room_id != 0) {
		if (load(c, app, &e) != WY_OK)
			tui_message(app, 1, "%s", e.msg);
		tui_edit_set(&c->room, c->room_code);
		c->focus = F_AMOUNT;
		c->fresh = 1;
	}
	return tui_push(app, &cashier_ops, c);
}
