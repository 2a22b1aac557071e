/* wuye: the refund of a deposit (退还押金), the action refund of the
 * Deposits list (F12 there), as `wuye deposit refund` does.
 *
 * A dialog over the list shows the deposit (room, client, fee item, the
 * amount, which is refunded whole, and the receipt that took it); Left,
 * Right or Space step through the methods of the category list (not
 * prepayment) and a note may be typed.  Enter or Ctrl-S asks first, then
 * cashier_deposit_refund does it in one transaction (the same call as the
 * command line), the list below reloads and the refund receipt shows;
 * when it closes, the dialog says what was done and any key closes it.
 * The dialog opens only for a user who may refund (charge.void), and only
 * on a deposit still held.
 *
 * Also the methods a refund may be paid by, shared with refund.c.
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
#include "wuye/utf8.h"

/* Keep a method of the category list, except prepayment. */
static int
add_method(void *arg, const char *code, const char *name)
{
	struct tui_methods *m = arg;

	if (strcmp(code, "prepay") == 0)
		return 0;
	m->codes = xrealloc(m->codes, (m->n + 1) * sizeof *m->codes);
	m->names = xrealloc(m->names, (m->n + 1) * sizeof *m->names);
	m->codes[m->n] = xstrdup(code);
	m->names[m->n++] = xstrdup(name);
	return 0;
}

int
tui_methods_load(struct app *app, struct tui_methods *m, struct wy_err *e)
{
	struct entity *ent = NULL;
	const struct field *f;
	int rc;

	memset(m, 0, sizeof *m);
	if ((rc = entity_load(tui_conf(app), "refunds", &ent, e)) == WY_OK) {
		if ((f = entity_field(ent, "method")) == NULL)
			rc = wy_fail(e, WY_EINVALID, _("refunds: the form has "
			    "no field method"));
		else
			rc = field_choices(tui_session(app), f, add_method, m,
			    e);
	}
	entity_free(&ent);
	return rc;
}

void
tui_methods_free(struct tui_methods *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->codes[i]);
		free(m->names[i]);
	}
	free(m->codes);
	free(m->names);
	memset(m, 0, sizeof *m);
}

enum { D_METHOD, D_NOTE, D_COUNT };

struct depref {
	struct cashier_deposit d;
	struct tui_methods m;
	size_t method;
	struct tui_edit note;
	int focus;
	char done[64];		/* the refund receipt, once refunded */
	int cy, cx;
};

static void
depref_leave(struct screen *sc)
{
	struct depref *r = sc->data;

	tui_edit_free(&r->note);
	tui_methods_free(&r->m);
	free(r);
}

/* A label (right-aligned in lw columns) and its text. */
static void
row(int y, int x, int lw, int w, const char *label, const char *text)
{
	tui_put(y, x, lw, 1, A_NORMAL, label);
	tui_put(y, x + lw + 1, w - lw - 1, 0, tui_attr(ROLE_INFO), text);
}

static void
depref_draw(struct screen *sc)
{
	struct depref *r = sc->data;
	const char *labels[] = { _("Room:"), _("Client:"), _("Fee item:"),
	    _("Amount:"), _("Taken:"), _("Method:"), _("Note:") };
	char title[160], buf[320], a[MONEY_BUFSIZE];
	int w = COLS > 74 ? 70 : COLS - 4, h = 12, y, x, lw = 0, iw, fx;
	size_t i;

	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if ((iw = utf8_width(labels[i])) > lw)
			lw = iw;
	y = tui_top() + (tui_bottom() - tui_top() + 1 - h) / 2;
	x = (COLS - w) / 2;
	snprintf(title, sizeof title, _("Refund deposit %lld"),
	    (long long)r->d.id);
	tui_box(y, x, h, w, title);
	iw = w - 4;
	row(y + 1, x + 2, lw, iw, labels[0], *r->d.room ? r->d.room : "-");
	snprintf(buf, sizeof buf, "%s %s", r->d.client, r->d.name);
	row(y + 2, x + 2, lw, iw, labels[1], buf);
	row(y + 3, x + 2, lw, iw, labels[2], r->d.item);
	row(y + 4, x + 2, lw, iw, labels[3], money_format(r->d.amount, a,
	    sizeof a));
	snprintf(buf, sizeof buf, "%s  %s", r->d.taken_on, r->d.receipt);
	row(y + 5, x + 2, lw, iw, labels[4], buf);
	fx = x + 2 + lw + 1;
	r->cy = r->cx = -1;
	tui_put(y + 7, x + 2, lw, 1, A_NORMAL, labels[5]);
	snprintf(buf, sizeof buf, "< %s >", r->m.n > 0 ?
	    r->m.names[r->method] : "");
	tui_put(y + 7, fx, 16, 0, tui_attr(r->focus == D_METHOD && !*r->done ?
	    ROLE_FOCUS : ROLE_FIELD), buf);
	tui_put(y + 8, x + 2, lw, 1, A_NORMAL, labels[6]);
	if (r->focus == D_NOTE && !*r->done) {
		r->cy = y + 8;
		r->cx = tui_edit_draw(&r->note, y + 8, fx, x + w - 2 - fx,
		    tui_attr(ROLE_FOCUS));
	} else
		tui_put(y + 8, fx, x + w - 2 - fx, 0, tui_attr(ROLE_FIELD),
		    r->note.buf);
	if (*r->done)
		snprintf(buf, sizeof buf, _("Refunded with receipt %s; any key "
		    "closes."), r->done);
	else
		snprintf(buf, sizeof buf, "%s", _("Left, Right: the method; "
		    "Ctrl-S refunds; Esc cancels."));
	tui_put(y + h - 2, x + 2, iw, 0, tui_attr(*r->done ? ROLE_INFO :
	    ROLE_DIM), buf);
}

static void
depref_cursor(struct screen *sc, int *y, int *x)
{
	struct depref *r = sc->data;

	*y = r->cy;
	*x = r->cx;
}

/* Yes to "refund ...?": one call, as `wuye deposit refund`. */
static int
depref_confirmed(struct screen *sc)
{
	struct depref *r = sc->data;
	struct cashier_receipt rc;
	struct screen *list = tui_below(sc);
	struct wy_err e = { 0 };
	char a[MONEY_BUFSIZE];

	if (cashier_deposit_refund(tui_session(sc->app), r->d.id,
	    r->m.codes[r->method], r->note.buf, &rc, &e) != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		return TUI_DONE;
	}
	snprintf(r->done, sizeof r->done, "%s", rc.number);
	if (list != NULL && list->ops->action != NULL)
		list->ops->action(list, ACT_REFRESH);	/* shows it refunded */
	tui_message(sc->app, 0, _("Refund receipt %s: deposit %lld, %s paid "
	    "back to %s %s."), rc.number, (long long)r->d.id,
	    money_format(r->d.amount, a, sizeof a), r->d.client, r->d.name);
	tui_open_receipt(sc->app, rc.number);
	return TUI_REDRAW;
}

/* Enter on the note or Ctrl-S: ask first. */
static int
depref_submit(struct screen *sc)
{
	struct depref *r = sc->data;
	char q[512], a[MONEY_BUFSIZE];

	if (r->m.n == 0) {
		tui_message(sc->app, 1, _("There is no method to pay a refund "
		    "by in the category list pay_method."));
		return TUI_DONE;
	}
	snprintf(q, sizeof q, _("Refund deposit %lld, %s, to %s %s by %s?"),
	    (long long)r->d.id, money_format(r->d.amount, a, sizeof a),
	    r->d.client, r->d.name, r->m.names[r->method]);
	return tui_confirm(sc->app, q, depref_confirmed, sc);
}

static void
step(struct depref *r, int by)
{
	if (r->m.n > 0)
		r->method = (r->method + r->m.n + (size_t)(by < 0 ?
		    r->m.n - 1 : 1)) % r->m.n;
}

static int
depref_action(struct screen *sc, enum tui_action a)
{
	struct depref *r = sc->data;

	if (*r->done)	/* refunded: any key closes */
		return a == ACT_HELP || a == ACT_REDRAW ? TUI_PASS :
		    TUI_POP | TUI_RELOAD;
	switch (a) {
	case ACT_SAVE:
		return depref_submit(sc);
	case ACT_ENTER:
		if (r->focus == D_NOTE)
			return depref_submit(sc);
		r->focus = D_NOTE;
		return TUI_DONE;
	case ACT_TAB:
	case ACT_DOWN:
	case ACT_BTAB:
	case ACT_UP:
		r->focus = r->focus == D_NOTE ? D_METHOD : D_NOTE;
		return TUI_DONE;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (r->focus == D_METHOD) {
			step(r, a == ACT_LEFT ? -1 : 1);
			return TUI_DONE;
		}
		break;
	case ACT_BACK:
		return TUI_POP;
	case ACT_HELP:
	case ACT_QUIT:
	case ACT_REDRAW:
		return TUI_PASS;
	default:
		break;
	}
	if (r->focus == D_NOTE)
		tui_edit_action(&r->note, a);
	return TUI_DONE;
}

static int
depref_text(struct screen *sc, wchar_t ch)
{
	struct depref *r = sc->data;

	if (*r->done)
		return TUI_POP | TUI_RELOAD;
	if (r->focus == D_METHOD) {
		if (ch == ' ')
			step(r, 1);
		return TUI_DONE;
	}
	tui_edit_insert(&r->note, ch);
	return TUI_DONE;
}

/* A note typed but the deposit not refunded. */
static int
depref_unsaved(struct screen *sc)
{
	struct depref *r = sc->data;

	return !*r->done && r->note.len > 0;
}

static const enum tui_action depref_bar[] = { ACT_HELP, ACT_SAVE, ACT_BACK,
	ACT_NONE };

static const struct tui_note depref_notes[] = {
	{ ACT_SAVE, N_("Refund"), N_("refund the deposit, after asking, and show its receipt") },
	{ ACT_NONE, NULL, NULL },
};

static const struct screen_ops depref_ops = {
	.name = N_("Refund a deposit"),
	.help = N_("Refunds (退还) a deposit held, as wuye deposit refund "
	    "does on the command line: the whole amount is paid back.\n"
	    "Left and Right (or Space) choose how the money is paid back; "
	    "Tab goes to the note, which is optional. Enter on the note or "
	    "Ctrl-S asks first, then makes the refund in one step; the list "
	    "shows the deposit refunded and its receipt shows, whose number "
	    "is on the status line; F9 there prints it. Esc cancels.\n"
	    "A refund is undone by voiding its receipt, and the deposit is "
	    "held again. Only a user who may void receipts or make refunds "
	    "opens this dialog."),
	.leave = depref_leave,
	.draw = depref_draw,
	.action = depref_action,
	.text = depref_text,
	.cursor = depref_cursor,
	.bar = depref_bar,
	.notes = depref_notes,
	.dialog = 1,
	.unsaved = depref_unsaved,
};

int
tui_replace_deposit_refund(struct app *app, int64_t id)
{
	struct session *s = tui_session(app);
	struct wy_err e = { 0 };
	struct depref *r;

	if (auth_require(s, "charge.void", &e) != WY_OK) {
		tui_alert(app, _("Refund a deposit"), e.msg);
		return TUI_REDRAW;
	}
	r = xcalloc(1, sizeof *r);
	if (cashier_deposit_get(s, id, &r->d, &e) != WY_OK) {
		free(r);
		tui_message(app, 1, "%s", e.msg);
		return TUI_DONE;
	}
	if (!r->d.held) {
		free(r);
		tui_message(app, 1, _("Deposit %lld is not held: it was refunded "
		    "or its receipt voided."), (long long)id);
		return TUI_DONE;
	}
	if (tui_methods_load(app, &r->m, &e) != WY_OK)
		tui_message(app, 1, "%s", e.msg);
	tui_edit_init(&r->note, "", 200);
	tui_replace(app, &depref_ops, r);
	return TUI_REDRAW;
}
