/* wuye: the refund screen (退款): pay back part or all of a client's
 * prepayment balance, as `wuye refund` does.
 *
 * The user types a room (its payer today), a client's code or a mobile
 * number, or picks a client with F3; the screen shows the client and the
 * prepayment balance, which is the amount until another is typed.  The
 * method steps through the payment methods of the category list (not
 * prepayment), the reason is one line.  F2 or Ctrl-S asks first, then
 * cashier_refund does it all in one transaction (the same call as the
 * command line) and the refund receipt is shown with its number.  The
 * screen opens only for a user who may make refunds (charge.void).
 */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/auth.h"
#include "wuye/cashier.h"
#include "wuye/entity.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/money.h"

/* The fields, in the order Tab visits them. */
enum { R_WHO, R_AMOUNT, R_METHOD, R_REASON, R_COUNT };

struct refund {
	struct tui_edit who, amount, reason;
	int focus;
	int fresh;		/* just entered the field: typing replaces it */
	int amount_typed;	/* the amount no longer follows the balance */
	struct cashier_refundee to;	/* found from `who` when found */
	int found;
	struct tui_methods m;	/* the methods */
	size_t method;
	int cy, cx;
};

/* Clear what was typed for the next refund. */
static void
reset(struct refund *r)
{
	tui_edit_set(&r->who, "");
	tui_edit_set(&r->amount, "");
	tui_edit_set(&r->reason, "");
	memset(&r->to, 0, sizeof r->to);
	r->found = 0;
	r->amount_typed = 0;
	r->focus = R_WHO;
}

/* Find the client of what was typed; the amount follows the balance. */
static int
find(struct screen *sc)
{
	struct refund *r = sc->data;
	struct wy_err e = { 0 };
	char a[MONEY_BUFSIZE];

	r->found = 0;
	if (cashier_refundee(tui_session(sc->app), r->who.buf, &r->to, &e) !=
	    WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		return 0;
	}
	r->found = 1;
	if (!r->amount_typed)
		tui_edit_set(&r->amount, money_format(r->to.balance, a, sizeof a));
	if (r->to.balance <= 0)
		tui_message(sc->app, 1, _("%s %s has no prepayment to refund."),
		    r->to.client, r->to.name);
	return 1;
}

/* A client picked with F3. */
static void
picked(struct screen *owner, int64_t id, const char *key)
{
	struct refund *r = owner->data;

	(void)id;
	tui_edit_set(&r->who, key);
	if (find(owner)) {
		r->focus = R_AMOUNT;
		r->fresh = 1;
	}
}

static void
refund_leave(struct screen *sc)
{
	struct refund *r = sc->data;

	tui_edit_free(&r->who);
	tui_edit_free(&r->amount);
	tui_edit_free(&r->reason);
	tui_methods_free(&r->m);
	free(r);
}

/* A label and a field on one row. */
static void
field(struct refund *r, int f, int y, int lw, int w, const char *label,
    struct tui_edit *ed)
{
	int col;

	tui_put(y, 1, lw, 0, tui_attr(ROLE_NORMAL), label);
	col = tui_edit_draw(ed, y, 1 + lw, w, tui_attr(r->focus == f ?
	    ROLE_FOCUS : ROLE_FIELD));
	if (r->focus == f) {
		r->cy = y;
		r->cx = col;
	}
}

static void
refund_draw(struct screen *sc)
{
	struct refund *r = sc->data;
	char buf[320], a[MONEY_BUFSIZE];
	int y = tui_top(), w = tui_width(), lw = 18, fw;

	fw = w - lw - 3 > 40 ? 40 : w - lw - 3;
	r->cy = r->cx = -1;
	tui_put(y, 0, w, 0, tui_attr(ROLE_TITLE), _("Refund a prepayment"));
	field(r, R_WHO, y + 2, lw, 16, _("Room or client:"), &r->who);
	if (r->found) {
		snprintf(buf, sizeof buf, "%s %s%s%s", r->to.client, r->to.name,
		    *r->to.room ? "  " : "", r->to.room);
		tui_put(y + 3, 1 + lw, w - lw - 2, 0, tui_attr(ROLE_INFO), buf);
		snprintf(buf, sizeof buf, _("Prepayment balance: %s"),
		    money_format(r->to.balance, a, sizeof a));
		tui_put(y + 4, 1 + lw, w - lw - 2, 0, tui_attr(ROLE_INFO), buf);
	}
	field(r, R_AMOUNT, y + 6, lw, 14, _("Amount:"), &r->amount);
	tui_put(y + 7, 1, lw, 0, tui_attr(ROLE_NORMAL), _("Method:"));
	snprintf(buf, sizeof buf, "< %s >", r->m.n > 0 ?
	    r->m.names[r->method] : "");
	tui_put(y + 7, 1 + lw, 16, 0, tui_attr(r->focus == R_METHOD ?
	    ROLE_FOCUS : ROLE_FIELD), buf);
	if (r->focus == R_METHOD) {
		r->cy = y + 7;
		r->cx = 3 + lw;
	}
	field(r, R_REASON, y + 8, lw, fw, _("Reason:"), &r->reason);
	tui_put(tui_bottom(), 1, w - 2, 0, tui_attr(ROLE_DIM),
	    _("F3 picks a client; Left, Right: the method; Ctrl-S refunds."));
}

static void
refund_cursor(struct screen *sc, int *y, int *x)
{
	struct refund *r = sc->data;

	*y = r->cy;
	*x = r->cx;
}

/* Yes to "refund ...?": one call, as `wuye refund`; the receipt shows. */
static int
refund_confirmed(struct screen *sc)
{
	struct refund *r = sc->data;
	struct cashier_receipt rc;
	struct wy_err e = { 0 };
	int64_t amount = 0;
	char a[MONEY_BUFSIZE];

	if (money_parse(r->amount.buf, &amount, &e) != WY_OK ||
	    cashier_refund(tui_session(sc->app), r->to.client_id, r->to.room_id,
	    amount, r->m.codes[r->method], r->reason.buf, &rc, &e) != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		return TUI_DONE;
	}
	tui_message(sc->app, 0, _("Refund receipt %s: %s paid back to %s %s."),
	    rc.number, money_format(amount, a, sizeof a), r->to.client,
	    r->to.name);
	reset(r);
	tui_open_receipt(sc->app, rc.number);
	return TUI_REDRAW;
}

/* F2 or Ctrl-S: check what can be checked here, then ask. */
static int
submit(struct screen *sc)
{
	struct refund *r = sc->data;
	struct wy_err e = { 0 };
	int64_t amount;
	char q[512], a[MONEY_BUFSIZE], b[MONEY_BUFSIZE], c[MONEY_BUFSIZE];

	if (!r->found && !find(sc)) {
		r->focus = R_WHO;
		return TUI_DONE;
	}
	if (money_parse(r->amount.buf, &amount, &e) != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		r->focus = R_AMOUNT;
		return TUI_DONE;
	}
	if (r->m.n == 0) {
		tui_message(sc->app, 1, _("There is no method to pay a refund "
		    "by in the category list pay_method."));
		return TUI_DONE;
	}
	if (r->reason.len == 0) {
		tui_message(sc->app, 1, _("Reason: a refund needs a reason."));
		r->focus = R_REASON;
		return TUI_DONE;
	}
	snprintf(q, sizeof q, _("Refund %s to %s %s by %s? Their prepayment "
	    "balance goes from %s to %s."), money_format(amount, a, sizeof a),
	    r->to.client, r->to.name, r->m.names[r->method],
	    money_format(r->to.balance, b, sizeof b),
	    money_format(r->to.balance - amount, c, sizeof c));
	return tui_confirm(sc->app, q, refund_confirmed, sc);
}

/* The editor of a text field, or NULL for the method. */
static struct tui_edit *
editor(struct refund *r)
{
	switch (r->focus) {
	case R_WHO: return &r->who;
	case R_AMOUNT: return &r->amount;
	case R_REASON: return &r->reason;
	default: return NULL;
	}
}

/* Move to field f; leaving the room or client field finds it. */
static void
move_to(struct screen *sc, int f)
{
	struct refund *r = sc->data;

	if (r->focus == R_WHO && f != R_WHO && !r->found && r->who.len > 0)
		find(sc);
	r->focus = (f + R_COUNT) % R_COUNT;
	r->fresh = 1;
}

static int
leave_anyway(struct screen *owner)
{
	(void)owner;
	return TUI_POP;
}

/* Typed but not refunded. */
static int
refund_unsaved(struct screen *sc)
{
	struct refund *r = sc->data;

	return r->who.len > 0 || r->reason.len > 0;
}

static int
refund_action(struct screen *sc, enum tui_action a)
{
	struct refund *r = sc->data;
	struct tui_edit *ed = editor(r);

	switch (a) {
	case ACT_SAVE:
	case ACT_NEW:
		return submit(sc);
	case ACT_ENTER:
		if (r->focus == R_WHO) {
			if (find(sc)) {
				r->focus = R_AMOUNT;
				r->fresh = 1;
			}
			return TUI_DONE;
		}
		if (r->focus == R_REASON)
			return submit(sc);
		move_to(sc, r->focus + 1);
		return TUI_DONE;
	case ACT_TAB:
	case ACT_DOWN:
		move_to(sc, r->focus + 1);
		return TUI_DONE;
	case ACT_BTAB:
	case ACT_UP:
		move_to(sc, r->focus - 1);
		return TUI_DONE;
	case ACT_FIND:
		return tui_pick(sc->app, "clients", picked, sc) == WY_OK ?
		    TUI_REDRAW : TUI_DONE;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (ed == NULL) {
			if (r->m.n > 0)
				r->method = (r->method + (a == ACT_LEFT ?
				    r->m.n - 1 : 1)) % r->m.n;
			return TUI_DONE;
		}
		break;
	case ACT_BACK:
		if (refund_unsaved(sc))
			return tui_confirm(sc->app, _("Leave without making the "
			    "refund?"), leave_anyway, sc);
		return TUI_POP;
	default:
		break;
	}
	if (ed != NULL && tui_edit_action(ed, a)) {
		r->fresh = 0;
		if (ed == &r->who)
			r->found = 0;
		if (ed == &r->amount)
			r->amount_typed = 1;
		return TUI_DONE;
	}
	return TUI_PASS;
}

static int
refund_text(struct screen *sc, wchar_t ch)
{
	struct refund *r = sc->data;
	struct tui_edit *ed = editor(r);

	if (ed == NULL) {	/* Space steps the method */
		if (ch == ' ' && r->m.n > 0)
			r->method = (r->method + 1) % r->m.n;
		return TUI_DONE;
	}
	if (r->fresh)	/* typing over a field replaces what was there */
		tui_edit_set(ed, "");
	r->fresh = 0;
	if (!tui_edit_insert(ed, ch))
		return TUI_DONE;
	if (ed == &r->who)
		r->found = 0;
	if (ed == &r->amount)
		r->amount_typed = 1;
	return TUI_DONE;
}

static const enum tui_action refund_bar[] = { ACT_HELP, ACT_SAVE, ACT_FIND,
	ACT_QUICKFIND, ACT_MENU, ACT_BACK, ACT_NONE };

static const struct tui_note refund_notes[] = {
	{ ACT_SAVE, N_("Refund"), N_("make the refund, after asking, and show its receipt") },
	{ ACT_FIND, N_("Pick"), N_("pick the client from the list") },
	{ ACT_BACK, NULL, N_("go back; asks first if something was typed") },
	{ ACT_NONE, NULL, NULL },
};

static const struct screen_ops refund_ops = {
	.name = N_("Refund"),
	.help = N_("Pays back (退款) part or all of a client's prepayment "
	    "balance, as wuye refund does on the command line.\n"
	    "Type a room (its payer today is refunded, and the refund is for "
	    "that room), a client's code or mobile number, and Enter; or F3 "
	    "to pick a client. The client and the prepayment balance show, "
	    "and the balance is the amount until you type another.\n"
	    "Left and Right (or Space) choose how the money is paid back; the "
	    "reason is required. F2 or Ctrl-S asks first, then makes the "
	    "refund in one step and shows its receipt, whose number is on the "
	    "status line; F9 there prints it. A refund is undone by voiding "
	    "its receipt. Charges > Refunds lists them all.\n"
	    "Only a user who may void receipts or make refunds opens this "
	    "screen."),
	.leave = refund_leave,
	.draw = refund_draw,
	.action = refund_action,
	.text = refund_text,
	.cursor = refund_cursor,
	.bar = refund_bar,
	.notes = refund_notes,
	.unsaved = refund_unsaved,
};

int
tui_open_refund(struct app *app)
{
	struct session *s = tui_session(app);
	struct wy_err e = { 0 };
	struct refund *r;

	if (auth_require(s, "charge.void", &e) != WY_OK) {
		tui_alert(app, _("Refund"), e.msg);
		return e.code;
	}
	r = xcalloc(1, sizeof *r);
	tui_edit_init(&r->who, "", 32);
	tui_edit_init(&r->amount, "", 16);
	tui_edit_init(&r->reason, "", 200);
	/* The methods of the refunds list, from the category list. */
	if (tui_methods_load(app, &r->m, &e) != WY_OK)
		tui_message(app, 1, "%s", e.msg);
	return tui_push(app, &refund_ops, r);
}
