/* wuye: the home screen, under every other screen once logged in: what
 * is in the database and how to get anywhere. */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/property.h"

struct home {
	struct property_counts n;
	int loaded;
};

static int
home_load(struct screen *sc, struct wy_err *e)
{
	struct home *h = sc->data;

	h->loaded = property_counts(tui_session(sc->app), &h->n, e) == WY_OK;
	return WY_OK;
}

static void
home_leave(struct screen *sc)
{
	free(sc->data);
}

static void
home_draw(struct screen *sc)
{
	struct home *h = sc->data;
	struct session *s = tui_session(sc->app);
	char buf[256];
	int y = tui_top() + 2, x = 4, w = COLS - 8;

	snprintf(buf, sizeof buf, _("Welcome, %s."), s->user);
	tui_put(y, x, w, 0, tui_attr(ROLE_TITLE), buf);
	y += 2;
	if (h->loaded) {
		snprintf(buf, sizeof buf, _("%lld estates, %lld buildings, %lld rooms (%lld vacant)"),
		    (long long)h->n.estates, (long long)h->n.buildings,
		    (long long)h->n.rooms, (long long)h->n.rooms_vacant);
		tui_put(y++, x, w, 0, A_NORMAL, buf);
		snprintf(buf, sizeof buf, _("%lld clients, %lld current room links, %lld parking spaces, %lld vehicles"),
		    (long long)h->n.clients, (long long)h->n.links_current,
		    (long long)h->n.parking, (long long)h->n.vehicles);
		tui_put(y++, x, w, 0, A_NORMAL, buf);
	}
	y++;
	tui_put(y++, x, w, 0, A_NORMAL, _("F10 (or Esc 0) opens the menu; a letter picks an entry."));
	tui_put(y++, x, w, 0, A_NORMAL, _("F6 (or Ctrl-F) finds a room, client, phone or plate from any screen."));
	tui_put(y++, x, w, 0, A_NORMAL, _("F1 (or Esc 1) shows the help of the screen you are on."));
}

static int
confirm_quit(struct screen *owner)
{
	(void)owner;
	return TUI_QUIT;
}

static int
home_action(struct screen *sc, enum tui_action a)
{
	struct wy_err e = { 0 };

	switch (a) {
	case ACT_REFRESH:
		home_load(sc, &e);
		return TUI_DONE;
	case ACT_BACK:	/* nowhere to go back to; Ctrl-Q is tui_quit's */
		return tui_confirm(sc->app, _("Leave wuye?"), confirm_quit, sc);
	default:
		return TUI_PASS;
	}
}

static const enum tui_action home_bar[] = { ACT_HELP, ACT_REFRESH,
	ACT_QUICKFIND, ACT_MENU, ACT_QUIT, ACT_NONE };

static const struct screen_ops home_ops = {
	.name = N_("Home"),
	.help = N_("The home screen shows what the database holds.\n"
	    "Open the menu with F10 (or Esc then 0) and pick a module with Left and "
	    "Right or its letter, then an entry with Up and Down or its letter.\n"
	    "Esc always goes back to the screen you came from; here, with nothing "
	    "to go back to, it asks before it leaves wuye. Ctrl-Q leaves wuye from "
	    "any screen at once, and asks first only when there are changes not "
	    "saved."),
	.enter = home_load,
	.leave = home_leave,
	.draw = home_draw,
	.action = home_action,
	.bar = home_bar,
};

int
tui_open_home(struct app *app)
{
	return tui_replace(app, &home_ops, xcalloc(1, sizeof(struct home)));
}
