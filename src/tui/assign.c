/* wuye: the dialog that gives every room of a building or an estate a fee
 * standard (批量设置收费标准): the fee item, the building or the estate
 * (F3 picks each), the first month and, if the standard ends, the last.
 * Enter on the last field (or Ctrl-S) assigns it through
 * bill_assign_standard(): one transaction; the count stays shown.
 */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "wuye/bill.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"

enum { F_ITEM, F_BUILDING, F_ESTATE, F_FROM, F_TO, NFIELDS };

static const struct {
	const char *label;	/* N_() */
	const char *form;	/* F3 picks from it, or NULL */
	const char *sql;	/* the id of a code */
} fields[NFIELDS] = {
	[F_ITEM] = { N_("Fee item (F3 picks):"), "fee_items",
	    "SELECT id FROM fee_items WHERE code = ?" },
	[F_BUILDING] = { N_("Building (F3 picks):"), "buildings",
	    "SELECT id FROM buildings WHERE code = ?" },
	[F_ESTATE] = { N_("or estate (F3 picks):"), "estates",
	    "SELECT id FROM estates WHERE code = ?" },
	[F_FROM] = { N_("From (YYYY-MM):"), NULL, NULL },
	[F_TO] = { N_("To (empty: open):"), NULL, NULL },
};

struct assign {
	struct tui_edit ed[NFIELDS];
	int focus, picking;
	char msg[256];		/* the result, shown under the fields */
	int cy, cx;
};

/* Free the dialog. */
static void
assign_leave(struct screen *sc)
{
	struct assign *d = sc->data;
	int f;

	for (f = 0; f < NFIELDS; f++)
		tui_edit_free(&d->ed[f]);
	free(d);
}

/* Paint the fields, the result and the keys. */
static void
assign_draw(struct screen *sc)
{
	struct assign *d = sc->data;
	int w = COLS > 74 ? 70 : COLS - 4, h = NFIELDS + 7, x = (COLS - w) / 2;
	int y = tui_top() + 1, f, col, lw = 26;

	d->cy = d->cx = -1;
	tui_box(y, x, h, w, _("Fee standards for a building or an estate"));
	for (f = 0; f < NFIELDS; f++) {
		tui_put(y + 1 + f, x + 2, lw, 0, A_NORMAL, _(fields[f].label));
		col = tui_edit_draw(&d->ed[f], y + 1 + f, x + 2 + lw,
		    f >= F_FROM ? 10 : 20, tui_attr(d->focus == f ? ROLE_FOCUS :
		    ROLE_FIELD));
		if (d->focus == f) {
			d->cy = y + 1 + f;
			d->cx = col;
		}
	}
	tui_put(y + NFIELDS + 2, x + 2, w - 4, 0, A_NORMAL, d->msg);
	tui_put(y + h - 2, x + 2, w - 4, 0, tui_attr(ROLE_KEYLABEL),
	    _("Ctrl-S assigns    F3 picks    Esc closes"));
}

/* The cursor goes in the field being typed in. */
static void
assign_cursor(struct screen *sc, int *y, int *x)
{
	struct assign *d = sc->data;

	*y = d->cy;
	*x = d->cx;
}

/* F3 picked a record: its code goes into the field F3 was pressed in. */
static void
picked(struct screen *owner, int64_t id, const char *key)
{
	struct assign *d = owner->data;

	(void)id;
	tui_edit_set(&d->ed[d->picking], key);
}

/* The id of the code in field f (0 when empty); 0 and a message if there
 * is no such record. */
static int
code_id(struct screen *sc, int f, int64_t *id)
{
	struct assign *d = sc->data;
	struct wy_err e = { 0 };

	*id = 0;
	if (d->ed[f].len == 0)
		return 1;
	if (db_int64(tui_db(sc->app), id, &e, fields[f].sql, "t",
	    d->ed[f].buf) == WY_OK)
		return 1;
	tui_message(sc->app, 1, "%s %s", _(fields[f].label), e.code ==
	    WY_ENOTFOUND ? _("there is no such code") : e.msg);
	d->focus = f;
	return 0;
}

/* Ctrl-S: assign. */
static int
assign_go(struct screen *sc)
{
	struct assign *d = sc->data;
	struct wy_err e = { 0 };
	int64_t item, building, estate, added;

	if (!code_id(sc, F_ITEM, &item) || !code_id(sc, F_BUILDING, &building) ||
	    !code_id(sc, F_ESTATE, &estate))
		return TUI_DONE;
	if (item == 0) {
		tui_message(sc->app, 1, _("Type a fee item code (F3 picks one)."));
		d->focus = F_ITEM;
		return TUI_DONE;
	}
	if (bill_assign_standard(tui_session(sc->app), item, building, estate,
	    d->ed[F_FROM].buf, d->ed[F_TO].len > 0 ? d->ed[F_TO].buf : NULL,
	    &added, &e) != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		return TUI_DONE;
	}
	snprintf(d->msg, sizeof d->msg, ngettext("%lld room was given %s from %s.",
	    "%lld rooms were given %s from %s.", (unsigned long)added),
	    (long long)added, d->ed[F_ITEM].buf, d->ed[F_FROM].buf);
	tui_message(sc->app, 0, "%s", d->msg);
	return TUI_DONE;
}

/* The keys of the dialog. */
static int
assign_action(struct screen *sc, enum tui_action a)
{
	struct assign *d = sc->data;

	switch (a) {
	case ACT_BACK:
		return TUI_POP;
	case ACT_SAVE:
		return assign_go(sc);
	case ACT_ENTER:
		if (d->focus == NFIELDS - 1)
			return assign_go(sc);
		/* FALLTHROUGH */
	case ACT_TAB:
	case ACT_DOWN:
		d->focus = (d->focus + 1) % NFIELDS;
		return TUI_DONE;
	case ACT_BTAB:
	case ACT_UP:
		d->focus = (d->focus + NFIELDS - 1) % NFIELDS;
		return TUI_DONE;
	case ACT_FIND:
		if (fields[d->focus].form != NULL) {
			d->picking = d->focus;
			tui_pick_search(sc->app, fields[d->focus].form,
			    d->ed[d->focus].buf, picked, sc);
		}
		return TUI_DONE;
	default:
		if (tui_edit_action(&d->ed[d->focus], a))
			return TUI_DONE;
		return a == ACT_HELP || a == ACT_QUIT ? TUI_PASS : TUI_DONE;
	}
}

/* Characters go into the field. */
static int
assign_text(struct screen *sc, wchar_t ch)
{
	struct assign *d = sc->data;

	tui_edit_insert(&d->ed[d->focus], ch);
	return TUI_DONE;
}

static const enum tui_action assign_bar[] = { ACT_HELP, ACT_FIND, ACT_SAVE,
	ACT_BACK, ACT_NONE };

static const struct tui_note assign_notes[] = {
	{ ACT_SAVE, N_("Assign"), N_("give every room a standard of the item") },
	{ ACT_FIND, N_("Pick"), N_("pick the fee item, building or estate from a "
	    "list") },
	{ ACT_ENTER, NULL, N_("next field; on the last, assign") },
	{ ACT_NONE, NULL, NULL },
};

static const struct screen_ops assign_ops = {
	.name = N_("Fee standards for a building or an estate"),
	.help = N_("Gives every room of a building, or of every building of an "
	    "estate, a fee standard of the fee item from the first month (and "
	    "up to the last, if given), at the item's own price. A room that "
	    "already has a standard of the item starting that month keeps it. "
	    "Give a building or an estate, not both. Standards of single rooms, "
	    "with their own price or discounts, are edited in Charges > Fee "
	    "standards."),
	.leave = assign_leave,
	.draw = assign_draw,
	.action = assign_action,
	.text = assign_text,
	.cursor = assign_cursor,
	.bar = assign_bar,
	.notes = assign_notes,
	.dialog = 1,
};

int
tui_open_assign(struct app *app)
{
	struct assign *d = xcalloc(1, sizeof *d);
	char month[PERIOD_BUFSIZE];
	int f;

	for (f = 0; f < NFIELDS; f++)
		tui_edit_init(&d->ed[f], "", f >= F_FROM ? 7 : 32);
	period_format(period_of_date(date_today()), month);
	tui_edit_set(&d->ed[F_FROM], month);
	return tui_push(app, &assign_ops, d);
}
