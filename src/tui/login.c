/* wuye: the log-in screen.  On a demo database it names the demo users. */
#include "wuye/tui.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "wuye/auth.h"
#include "wuye/demo.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/utf8.h"

struct login {
	struct tui_edit user, password;
	int focus;		/* 0 user, 1 password */
	int demo;		/* the database holds demo data */
	int cy, cx;		/* cursor position after drawing */
};

static int
login_enter(struct screen *sc, struct wy_err *e)
{
	struct login *l = sc->data;
	struct session sys;

	(void)e;
	session_system(&sys, tui_db(sc->app), tui_conf(sc->app));
	l->demo = demo_is_demo(&sys);
	return WY_OK;
}

static void
login_leave(struct screen *sc)
{
	struct login *l = sc->data;

	sodium_memzero(l->password.buf, l->password.cap);
	tui_edit_free(&l->user);
	tui_edit_free(&l->password);
	free(l);
}

static void
login_draw(struct screen *sc)
{
	struct login *l = sc->data;
	int w = 50, x = (COLS - w) / 2, y = tui_top() + 3, lw = 12, cx;

	if (x < 0)
		x = 0;
	tui_box(y, x, 9, w, _("wuye property management - log in"));
	tui_put(y + 2, x + 2, lw, 1, A_NORMAL, _("User:"));
	cx = tui_edit_draw(&l->user, y + 2, x + 3 + lw, 20, tui_attr(l->focus == 0 ?
	    ROLE_FOCUS : ROLE_FIELD));
	if (l->focus == 0) {
		l->cy = y + 2;
		l->cx = cx;
	}
	tui_put(y + 4, x + 2, lw, 1, A_NORMAL, _("Password:"));
	cx = tui_edit_draw(&l->password, y + 4, x + 3 + lw, 20, tui_attr(l->focus == 1 ?
	    ROLE_FOCUS : ROLE_FIELD));
	if (l->focus == 1) {
		l->cy = y + 4;
		l->cx = cx;
	}
	tui_put(y + 6, x + 2, w - 4, 0, tui_attr(ROLE_DIM),
	    _("Enter: next field / log in    Esc: quit"));
	if (l->demo) {
		tui_put(y + 10, 2, COLS - 4, 0, tui_attr(ROLE_INFO),
		    _("Demo database: log in as admin, manager, cashier, clerk or engineer,"));
		tui_put(y + 11, 2, COLS - 4, 0, tui_attr(ROLE_INFO),
		    _("all with the password demo."));
	}
}

static void
login_cursor(struct screen *sc, int *y, int *x)
{
	struct login *l = sc->data;

	*y = l->cy;
	*x = l->cx;
}

static int
try_login(struct screen *sc)
{
	struct login *l = sc->data;
	struct app *app = sc->app;
	struct session s;
	struct wy_err e = { 0 };

	if (auth_login(tui_db(sc->app), tui_conf(sc->app), l->user.buf,
	    l->password.buf, &s, &e) != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		sodium_memzero(l->password.buf, l->password.cap);
		tui_edit_set(&l->password, "");
		return TUI_DONE;
	}
	tui_logged_in(app, &s);
	tui_open_home(app);	/* replaces this screen (sc is gone) */
	tui_offer_drafts(app);	/* the changes kept at a hang-up */
	return TUI_DONE;
}

static int
login_action(struct screen *sc, enum tui_action a)
{
	struct login *l = sc->data;
	struct tui_edit *ed = l->focus == 0 ? &l->user : &l->password;

	switch (a) {
	case ACT_ENTER:
		if (l->focus == 0) {
			l->focus = 1;
			return TUI_DONE;
		}
		return try_login(sc);
	case ACT_TAB:
	case ACT_DOWN:
	case ACT_BTAB:
	case ACT_UP:
		l->focus = !l->focus;
		return TUI_DONE;
	case ACT_BACK:
	case ACT_QUIT:
		return TUI_QUIT;
	default:
		if (tui_edit_action(ed, a))
			return TUI_DONE;
		return TUI_PASS;
	}
}

static int
login_text(struct screen *sc, wchar_t ch)
{
	struct login *l = sc->data;

	tui_edit_insert(l->focus == 0 ? &l->user : &l->password, ch);
	return TUI_DONE;
}

static const enum tui_action login_bar[] = { ACT_HELP, ACT_BACK, ACT_NONE };

static const struct screen_ops login_ops = {
	.name = N_("Log in"),
	.help = N_("Type your user name, Enter, your password, Enter.\n"
	    "After too many wrong passwords in a row the account is locked until "
	    "an administrator sets a new password (wuye user passwd NAME)."),
	.enter = login_enter,
	.leave = login_leave,
	.draw = login_draw,
	.action = login_action,
	.text = login_text,
	.cursor = login_cursor,
	.bar = login_bar,
};

int
tui_open_login(struct app *app)
{
	struct login *l = xcalloc(1, sizeof *l);

	tui_edit_init(&l->user, "", 32);
	tui_edit_init(&l->password, "", 128);
	l->password.secret = 1;
	return tui_push(app, &login_ops, l);
}
