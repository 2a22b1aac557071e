/* wuye: the two dialogs that take a password: a new user (F2 in the users
 * list) and a new password (System > Change password; an administrator may
 * name any user, which also unlocks a locked account).  The password is
 * typed twice and never shown. */
#include "wuye/tui.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "wuye/auth.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"

enum { F_NAME, F_FULL, F_ROLE, F_PW, F_PW2, NFIELDS };

struct pwdlg {
	int adding;		/* a new user, else a new password */
	struct tui_edit ed[NFIELDS];
	int cur;
	int cy, cx;
};

static const char *const labels[NFIELDS] = {
	N_("User name:"), N_("Full name:"), N_("Role:"), N_("Password:"),
	N_("Again:"),
};

/* Whether field i is on this dialog. */
static int
shown(const struct pwdlg *d, int i)
{
	return d->adding || i == F_NAME || i == F_PW || i == F_PW2;
}

static void
pw_leave(struct screen *sc)
{
	struct pwdlg *d = sc->data;
	int i;

	for (i = 0; i < NFIELDS; i++) {
		if (d->ed[i].buf != NULL)
			sodium_memzero(d->ed[i].buf, d->ed[i].cap);
		tui_edit_free(&d->ed[i]);
	}
	free(d);
}

static void
pw_draw(struct screen *sc)
{
	struct pwdlg *d = sc->data;
	int w = 56, x = (COLS - w) / 2, y = tui_top() + 3, row = 0, i, cx;

	if (x < 0)
		x = 0;
	tui_box(y, x, d->adding ? 9 : 7, w, d->adding ? _("New user") :
	    _("Change password"));
	for (i = 0; i < NFIELDS; i++) {
		if (!shown(d, i))
			continue;
		tui_put(y + 1 + row, x + 2, 14, 1, A_NORMAL, _(labels[i]));
		cx = tui_edit_draw(&d->ed[i], y + 1 + row, x + 17, 32,
		    tui_attr(i == d->cur ? ROLE_FOCUS : ROLE_FIELD));
		if (i == d->cur) {
			d->cy = y + 1 + row;
			d->cx = cx;
		}
		row++;
	}
	if (d->adding)
		tui_put(y + 1 + row, x + 2, w - 4, 0, tui_attr(ROLE_DIM),
		    _("Roles: admin, manager, cashier, clerk, engineer"));
}

static void
pw_cursor(struct screen *sc, int *y, int *x)
{
	struct pwdlg *d = sc->data;

	*y = d->cy;
	*x = d->cx;
}

static void
step(struct pwdlg *d, int dir)
{
	do
		d->cur = (d->cur + NFIELDS + dir) % NFIELDS;
	while (!shown(d, d->cur));
}

static int
submit(struct screen *sc)
{
	struct pwdlg *d = sc->data;
	struct wy_err e = { 0 };
	int rc;

	if (strcmp(d->ed[F_PW].buf, d->ed[F_PW2].buf) != 0) {
		tui_message(sc->app, 1, _("The two passwords differ; type them again."));
		tui_edit_set(&d->ed[F_PW], "");
		tui_edit_set(&d->ed[F_PW2], "");
		d->cur = F_PW;
		return TUI_DONE;
	}
	if (d->adding)
		rc = user_add(tui_session(sc->app), d->ed[F_NAME].buf,
		    d->ed[F_ROLE].buf, d->ed[F_PW].buf, d->ed[F_FULL].buf, &e);
	else
		rc = user_passwd(tui_session(sc->app), d->ed[F_NAME].buf,
		    d->ed[F_PW].buf, &e);
	if (rc != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		return TUI_DONE;
	}
	tui_message(sc->app, 0, d->adding ? _("User %s added.") :
	    _("Password of %s changed."), d->ed[F_NAME].buf);
	return TUI_POP | TUI_RELOAD;
}

static int
pw_action(struct screen *sc, enum tui_action a)
{
	struct pwdlg *d = sc->data;

	switch (a) {
	case ACT_ENTER:
		if (d->cur == F_PW2)
			return submit(sc);
		/* FALLTHROUGH */
	case ACT_TAB:
	case ACT_DOWN:
		step(d, 1);
		return TUI_DONE;
	case ACT_BTAB:
	case ACT_UP:
		step(d, -1);
		return TUI_DONE;
	case ACT_SAVE:
		return submit(sc);
	case ACT_BACK:
		return TUI_POP;
	default:
		return tui_edit_action(&d->ed[d->cur], a) ? TUI_DONE : TUI_PASS;
	}
}

static int
pw_text(struct screen *sc, wchar_t ch)
{
	struct pwdlg *d = sc->data;

	tui_edit_insert(&d->ed[d->cur], ch);
	return TUI_DONE;
}

static const enum tui_action pw_bar[] = { ACT_HELP, ACT_SAVE, ACT_BACK,
	ACT_NONE };

static const struct screen_ops pw_ops = {
	.name = N_("Password"),
	.help = N_("Type the fields, Enter or Tab to go to the next; Enter in the "
	    "last field (or Ctrl-S) saves. The password is typed twice and shown "
	    "as stars. Only an administrator adds users or sets another user's "
	    "password; setting one unlocks a locked account."),
	.leave = pw_leave,
	.draw = pw_draw,
	.action = pw_action,
	.text = pw_text,
	.cursor = pw_cursor,
	.bar = pw_bar,
	.dialog = 1,
};

int
tui_open_password(struct app *app, int adding)
{
	struct pwdlg *d = xcalloc(1, sizeof *d);
	int i;

	d->adding = adding;
	for (i = 0; i < NFIELDS; i++)
		tui_edit_init(&d->ed[i], "", i == F_FULL ? 40 : i >= F_PW ? 128 : 32);
	d->ed[F_PW].secret = d->ed[F_PW2].secret = 1;
	if (!adding) {	/* your own, unless you name another */
		tui_edit_set(&d->ed[F_NAME], tui_session(app)->user);
		d->cur = F_PW;
	} else
		tui_edit_set(&d->ed[F_ROLE], "clerk");
	return tui_push(app, &pw_ops, d);
}
