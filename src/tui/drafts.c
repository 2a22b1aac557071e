/* wuye: the offer of the drafts kept at a hang-up (draft.h), after a
 * log-in: a dialog over the home screen naming the form, the record and
 * when it was kept; Enter opens the form as it was (its changes still to
 * be saved), D discards the draft, Esc leaves it for the next log-in.
 * With several drafts, discarding one shows the next.
 *
 * The form is opened from the dialog's leave(): by then the dialog is off
 * the stack, so the form goes on top of the home screen, not of a dialog
 * that would come back when the form closes.
 */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wuye/draft.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"

struct offer {
	struct draft *d;	/* the user's drafts */
	size_t n, cur;		/* cur: the one offered */
	int open;		/* Enter: leave() opens d[cur] */
};

/* saved_at (UTC, YYYY-MM-DDTHH:MM:SSZ) as local "YYYY-MM-DD HH:MM" into
 * buf; the text itself if it does not read as such. */
static void
local_time(const char *utc, char *buf, size_t size)
{
	struct tm tm = { 0 };
	time_t t;

	if (strptime(utc, "%Y-%m-%dT%H:%M:%SZ", &tm) == NULL ||
	    (t = timegm(&tm)) == (time_t)-1 || localtime_r(&t, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(buf, size, "%s", utc);
}

static void
offer_leave(struct screen *sc)
{
	struct offer *o = sc->data;
	struct wy_err e = { 0 };
	struct session *s = tui_session(sc->app);

	/* A form that cannot open (its record deleted since) has said why;
	 * its draft stays, to be discarded at the next log-in. */
	if (o->open && o->cur < o->n &&
	    tui_open_draft(sc->app, &o->d[o->cur]) == WY_OK) {
		if (draft_delete(s, o->d[o->cur].id, &e) != WY_OK)
			tui_message(sc->app, 1, "%s", e.msg);
		else if (o->cur + 1 < o->n)
			tui_message(sc->app, 0, _("The other changes kept are "
			    "offered again at your next log-in."));
	}
	draft_free_all(&o->d, o->n);
	free(o);
}

static void
offer_draw(struct screen *sc)
{
	struct offer *o = sc->data;
	const struct draft *d = &o->d[o->cur];
	int w = COLS > 74 ? 70 : COLS - 4, h, y, x, row;
	char when[64], *text, count[64] = "", **lines;
	size_t n, i;

	local_time(d->saved_at, when, sizeof when);
	if (o->n > 1)
		snprintf(count, sizeof count, _(" (%zu of %zu)"), o->cur + 1, o->n);
	text = xasprintf(_("When wuye was stopped at %s (the connection was "
	    "lost), a form had changes that were not saved. They were kept:\n"
	    "\n  %s\n\n"
	    "Enter opens the form with them, still to be saved. D discards "
	    "them. Esc decides later, at your next log-in."), when, d->title);
	n = tui_wrap(text, w - 4, &lines);
	free(text);
	h = (int)n + 4;
	if (h > tui_bottom() - tui_top())
		h = tui_bottom() - tui_top();
	y = tui_top() + (tui_bottom() - tui_top() - h) / 2;
	x = (COLS - w) / 2;
	text = xasprintf("%s%s", _("Changes kept"), count);
	tui_box(y, x, h, w, text);
	free(text);
	for (i = 0, row = y + 1; i < n && row < y + h - 2; i++, row++)
		tui_put(row, x + 2, w - 4, 0, A_NORMAL, lines[i]);
	tui_wrap_free(lines, n);
	tui_put(y + h - 2, x + 2, w - 4, 0, tui_attr(ROLE_KEYLABEL),
	    _("Enter open    D discard    Esc later"));
}

/* D: delete the draft offered; the next one, or close. */
static int
discard(struct screen *sc)
{
	struct offer *o = sc->data;
	struct wy_err e = { 0 };

	if (draft_delete(tui_session(sc->app), o->d[o->cur].id, &e) != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		return TUI_DONE;
	}
	tui_message(sc->app, 0, _("Discarded the changes to %s."),
	    o->d[o->cur].title);
	if (++o->cur < o->n)
		return TUI_REDRAW;
	return TUI_POP;
}

static int
offer_action(struct screen *sc, enum tui_action a)
{
	struct offer *o = sc->data;

	switch (a) {
	case ACT_ENTER:
		o->open = 1;
		return TUI_POP;
	case ACT_BACK:
		return TUI_POP;
	case ACT_DELETE:
		return discard(sc);
	default:
		return a == ACT_HELP || a == ACT_QUIT ? TUI_PASS : TUI_DONE;
	}
}

static int
offer_text(struct screen *sc, wchar_t ch)
{
	struct offer *o = sc->data;

	if (ch == L'd' || ch == L'D')
		return discard(sc);
	if (ch == L'o' || ch == L'O') {
		o->open = 1;
		return TUI_POP;
	}
	return TUI_DONE;
}

static const enum tui_action offer_bar[] = { ACT_HELP, ACT_ENTER, ACT_DELETE, ACT_BACK,
	ACT_NONE };

static const struct tui_note offer_notes[] = {
	{ ACT_ENTER, N_("Open"), N_("open the form with the changes kept") },
	{ ACT_DELETE, N_("Discard"), N_("discard the changes kept (so does D)") },
	{ ACT_BACK, N_("Later"), N_("decide at the next log-in") },
	{ ACT_NONE, NULL, NULL },
};

static const struct screen_ops offer_ops = {
	.name = N_("Changes kept"),
	.help = N_("When the connection to wuye is lost (or wuye is stopped) "
	    "while a form has changes not saved, the changes are kept, and "
	    "offered here at your next log-in.\n"
	    "Enter (or O) opens the form as it was, with your changes still to "
	    "be saved: Ctrl-S saves them. If someone else changed the record "
	    "meanwhile, saving shows what they changed, as always.\n"
	    "D (or F8) discards the changes. Esc leaves them for your next "
	    "log-in."),
	.leave = offer_leave,
	.draw = offer_draw,
	.action = offer_action,
	.text = offer_text,
	.bar = offer_bar,
	.notes = offer_notes,
	.dialog = 1,
};

void
tui_offer_drafts(struct app *app)
{
	struct offer *o = xcalloc(1, sizeof *o);
	struct wy_err e = { 0 };

	if (draft_list(tui_session(app), &o->d, &o->n, &e) != WY_OK)
		tui_message(app, 1, "%s", e.msg);
	if (o->n == 0) {
		free(o);
		return;
	}
	tui_push(app, &offer_ops, o);
}
