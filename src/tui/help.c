/* wuye: F1 help: the screen's own text, then its keys and the keys that
 * work everywhere, all from the action table. */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/utf8.h"

struct help {
	char **lines;
	size_t n, cap;
	size_t first;		/* first line shown */
	char *title;
};

static void
add_line(struct help *h, const char *s)
{
	if (h->n == h->cap) {
		h->cap = h->cap * 2 + 32;
		h->lines = xrealloc(h->lines, h->cap * sizeof *h->lines);
	}
	h->lines[h->n++] = xstrdup(s);
}

/* Add a paragraph wrapped to width columns. */
static void
add_wrapped(struct help *h, const char *text, int width)
{
	char **lines;
	size_t n, i;

	n = tui_wrap(text, width, &lines);
	for (i = 0; i < n; i++)
		add_line(h, lines[i]);
	tui_wrap_free(lines, n);
}

/* The keys of the actions, each with its help wrapped beside it. */
static void
add_keys(struct help *h, struct screen *about, const enum tui_action *acts,
    int width)
{
	const struct screen_ops *ops = about != NULL ? about->ops : NULL;
	char line[512], keys[64], **lines;
	size_t n, i;

	for (; *acts != ACT_NONE; acts++) {
		if (ops != NULL && ops->offered != NULL &&
		    !ops->offered(about, *acts))
			continue;	/* not here, or not for this user */
		n = tui_wrap(tui_action_help(ops, *acts), width - 21, &lines);
		for (i = 0; i < n; i++) {
			snprintf(line, sizeof line, "  %-18s %s", i == 0 ?
			    tui_action_keys(*acts, keys, sizeof keys) : "", lines[i]);
			add_line(h, line);
		}
		tui_wrap_free(lines, n);
	}
}

static void
help_leave(struct screen *sc)
{
	struct help *h = sc->data;
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->lines[i]);
	free(h->lines);
	free(h->title);
	free(h);
}

static void
help_draw(struct screen *sc)
{
	struct help *h = sc->data;
	int y, rows = tui_bottom() - tui_top() - 1;
	size_t i;

	tui_put(tui_top(), 0, COLS, 0, tui_attr(ROLE_TITLE), h->title);
	for (y = 0, i = h->first; y < rows && i < h->n; y++, i++)
		tui_put(tui_top() + 1 + y, 1, COLS - 2, 0, A_NORMAL, h->lines[i]);
}

static int
help_action(struct screen *sc, enum tui_action a)
{
	struct help *h = sc->data;
	size_t rows = (size_t)(tui_bottom() - tui_top() - 1);

	switch (a) {
	case ACT_DOWN:
		if (h->first + rows < h->n)
			h->first++;
		return TUI_DONE;
	case ACT_UP:
		if (h->first > 0)
			h->first--;
		return TUI_DONE;
	case ACT_PGDN:
		h->first = h->first + rows < h->n ? h->first + rows : h->first;
		return TUI_DONE;
	case ACT_PGUP:
		h->first = h->first > rows ? h->first - rows : 0;
		return TUI_DONE;
	case ACT_HOME:
		h->first = 0;
		return TUI_DONE;
	case ACT_HELP:
	case ACT_BACK:
	case ACT_ENTER:
		return TUI_POP;
	default:
		return TUI_PASS;
	}
}

static const enum tui_action help_bar[] = { ACT_BACK, ACT_PGUP, ACT_PGDN,
	ACT_NONE };
static const enum tui_action everywhere[] = { ACT_HELP, ACT_MENU,
	ACT_QUICKFIND, ACT_BACK, ACT_QUIT, ACT_REDRAW, ACT_NONE };

static const struct screen_ops help_ops = {
	.name = N_("Help"),
	.help = N_("Up, Down, PgUp and PgDn scroll; Esc closes the help."),
	.leave = help_leave,
	.draw = help_draw,
	.action = help_action,
	.bar = help_bar,
};

int
tui_open_help(struct app *app, struct screen *about)
{
	struct help *h = xcalloc(1, sizeof *h);
	int width = COLS - 4 > 20 ? COLS - 4 : 20;

	h->title = xasprintf(_(" Help: %s"), about != NULL ?
	    _(about->ops->name) : "wuye");
	if (about != NULL && about->ops->help != NULL)
		add_wrapped(h, _(about->ops->help), width);
	add_line(h, "");
	if (about != NULL && about->ops->bar != NULL) {
		add_line(h, _("Keys on this screen:"));
		add_keys(h, about, about->ops->bar, width);
		add_line(h, "");
	}
	add_line(h, _("Keys everywhere:"));
	add_keys(h, NULL, everywhere, width);
	add_line(h, "");
	add_wrapped(h, _("Every F-key also works as Esc followed by a digit (Esc 0 is F10), "
	    "for terminals and SSH clients that do not send F-keys. The full list of "
	    "keys is in the manual: man wuye."), width);
	return tui_push(app, &help_ops, h);
}
