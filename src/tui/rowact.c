/* wuye: the actions of a form on one record ([action.NAME], e.g. approve
 * or pay an expense), opened from the browse grid with the actions key.
 *
 * A small dialog lists the form's actions; Enter takes one.  If the action
 * asks a question (a reason) the prompt comes next, if it wants a
 * confirmation the yes/no dialog; both are pushed over the list, so Esc
 * there returns to it.  Then the registered domain function runs (see
 * entity_action.c), the result or its error goes to the status line, the
 * list closes and the screen below reloads.
 */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/entity.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/utf8.h"

struct rowact {
	const struct entity *ent;	/* borrowed from the screen below */
	int64_t id;
	char *what;		/* the record in messages ("Expenses 12") */
	size_t cur;		/* the selected action */
	char *text;		/* the answer to its question, or NULL */
};

/* Actions with a dialog of their own in the program (a choice and a
 * note, a receipt to show), which takes the place of the list; the
 * form's question and confirmation are then the dialog's. */
static const struct {
	const char *call;
	int (*open)(struct app *app, int64_t id);
} own_dialogs[] = {
	{ "deposit.refund", tui_replace_deposit_refund },
};

/* The dialog of action a's call, or NULL. */
static int (*own_dialog(const struct entity_action *a))(struct app *, int64_t)
{
	size_t i;

	for (i = 0; i < sizeof own_dialogs / sizeof own_dialogs[0]; i++)
		if (a->call != NULL && strcmp(a->call, own_dialogs[i].call) == 0)
			return own_dialogs[i].open;
	return NULL;
}

/* Free the dialog's state (the entity is the grid's). */
static void
rowact_leave(struct screen *sc)
{
	struct rowact *r = sc->data;

	free(r->what);
	free(r->text);
	free(r);
}

/* A box over the list: the actions, the selected one highlighted. */
static void
rowact_draw(struct screen *sc)
{
	struct rowact *r = sc->data;
	char title[256];
	int w, h, y, x, lw;
	size_t i;

	snprintf(title, sizeof title, _("Actions on %s"), r->what);
	w = utf8_width(title) + 6;
	for (i = 0; i < r->ent->nactions; i++)
		if ((lw = utf8_width(entity_action_label(&r->ent->actions[i])) + 8) > w)
			w = lw;
	if (w < 30)
		w = 30;
	if (w > COLS - 4)
		w = COLS - 4;
	h = (int)r->ent->nactions + 2;
	if (h > tui_bottom() - tui_top() + 1)
		h = tui_bottom() - tui_top() + 1;
	y = tui_top() + (tui_bottom() - tui_top() - h) / 2;
	x = (COLS - w) / 2;
	tui_box(y, x, h, w, title);
	for (i = 0; i < r->ent->nactions && (int)i < h - 2; i++)
		tui_put(y + 1 + (int)i, x + 2, w - 4, 0, i == r->cur ?
		    tui_attr(ROLE_SELECTED) : (int)A_NORMAL,
		    entity_action_label(&r->ent->actions[i]));
}

/* Run the selected action with the answer; the list closes either way. */
static int
rowact_run(struct screen *sc)
{
	struct rowact *r = sc->data;
	const struct entity_action *a = &r->ent->actions[r->cur];
	struct wy_err e = { 0 };

	if (entity_action_run(tui_session(sc->app), r->ent, r->cur, r->id,
	    r->text, &e) != WY_OK)
		tui_message(sc->app, 1, "%s", e.msg);
	else
		tui_message(sc->app, 0, _("%s: done (%s)."),
		    entity_action_label(a), r->what);
	return TUI_POP | TUI_RELOAD;
}

/* Yes to "are you sure?": run it. */
static int
rowact_confirmed(struct screen *owner)
{
	return rowact_run(owner);
}

/* After the question (if any): confirm, or run. */
static int
rowact_go(struct screen *sc)
{
	struct rowact *r = sc->data;
	const struct entity_action *a = &r->ent->actions[r->cur];
	char question[512];

	if (a->confirm) {
		snprintf(question, sizeof question, _("%s %s: are you sure?"),
		    entity_action_label(a), r->what);
		return tui_confirm(sc->app, question, rowact_confirmed, sc);
	}
	return rowact_run(sc);
}

/* The answer to the action's question: keep it, then go on. */
static int
rowact_answered(struct screen *owner, const char *text)
{
	struct rowact *r = owner->data;

	free(r->text);
	r->text = xstrdup(text);
	return rowact_go(owner);
}

/* Up and Down choose, Enter takes, Esc goes back. */
static int
rowact_action(struct screen *sc, enum tui_action a)
{
	struct rowact *r = sc->data;
	const struct entity_action *act = &r->ent->actions[r->cur];

	switch (a) {
	case ACT_UP:
		if (r->cur > 0)
			r->cur--;
		return TUI_DONE;
	case ACT_DOWN:
		if (r->cur + 1 < r->ent->nactions)
			r->cur++;
		return TUI_DONE;
	case ACT_HOME:
		r->cur = 0;
		return TUI_DONE;
	case ACT_END:
		r->cur = r->ent->nactions - 1;
		return TUI_DONE;
	case ACT_ENTER:
		if (own_dialog(act) != NULL)	/* r is freed by then */
			return own_dialog(act)(sc->app, r->id);
		free(r->text);
		r->text = NULL;
		if (act->ask != NULL)
			return tui_prompt(sc->app, entity_action_label(act),
			    entity_action_ask(act), "", rowact_answered, sc);
		return rowact_go(sc);
	case ACT_BACK:
		return TUI_POP;
	case ACT_HELP:
	case ACT_QUIT:
	case ACT_REDRAW:
		return TUI_PASS;
	default:
		return TUI_DONE;
	}
}

static const enum tui_action rowact_bar[] = { ACT_HELP, ACT_ENTER, ACT_BACK,
	ACT_NONE };
static const struct tui_note rowact_notes[] = {
	{ ACT_ENTER, N_("Run"), N_("run the selected action (after its question)") },
	{ ACT_NONE, NULL, NULL },
};

static const struct screen_ops rowact_ops = {
	.name = N_("Actions"),
	.help = N_("The actions of this list on the selected record. Up and "
	    "Down choose one; Enter runs it, after asking its question or "
	    "whether you are sure if it has one; Esc goes back. The result, "
	    "or why it was refused, shows on the status line."),
	.leave = rowact_leave,
	.draw = rowact_draw,
	.action = rowact_action,
	.bar = rowact_bar,
	.notes = rowact_notes,
	.dialog = 1,
};

/* Open the list of ent's actions on record id. */
int
tui_open_actions(struct app *app, const struct entity *ent, int64_t id,
    const char *what)
{
	struct rowact *r;

	if (ent == NULL || ent->nactions == 0)
		return WY_OK;
	r = xcalloc(1, sizeof *r);
	r->ent = ent;
	r->id = id;
	r->what = xstrdup(what);
	return tui_push(app, &rowact_ops, r);
}
