/* wuye: the full-screen program's main loop and screen stack.
 *
 * One loop reads a key, turns it into a named action (or a typed
 * character), gives it to the top screen, and applies the reaction flags
 * the screen returns; then everything is repainted (curses sends only what
 * changed).  The generic actions (help, menu, quick find, quit, back) are
 * handled here when the screen passes them on.
 */
#include "wuye/tui.h"

#include <curses.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wctype.h>

#include "wuye/conf.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/utf8.h"

#define ESC_DIGIT_MS 300	/* how long Esc waits for a digit (Esc 1 = F1) */

struct app {
	struct db *db;
	const struct conf *conf;
	struct session s;	/* the logged-in user */
	int logged_in;
	struct screen *top;	/* the screen stack */
	char msg[512];		/* status-line message until the next key */
	int msg_error;
	int quit;
	int pending;		/* a key read after Esc waits in pb_ch */
	wint_t pb_ch;
	int pb_key;
};

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

struct session *
tui_session(struct app *app)
{
	return &app->s;
}

struct db *
tui_db(struct app *app)
{
	return app->db;
}

const struct conf *
tui_conf(struct app *app)
{
	return app->conf;
}

void
tui_logged_in(struct app *app, const struct session *s)
{
	app->s = *s;
	app->logged_in = 1;
}

void
tui_message(struct app *app, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->msg, sizeof app->msg, fmt, ap);
	va_end(ap);
	app->msg_error = error;
}

struct screen *
tui_below(struct screen *sc)
{
	return sc->below;
}

static void
pop(struct app *app)
{
	struct screen *sc = app->top;

	if (sc == NULL)
		return;
	app->top = sc->below;
	if (sc->ops->leave != NULL)
		sc->ops->leave(sc);
	free(sc);
}

int
tui_push(struct app *app, const struct screen_ops *ops, void *data)
{
	struct wy_err e = { 0 };
	struct screen *sc = xcalloc(1, sizeof *sc);
	int rc;

	sc->ops = ops;
	sc->app = app;
	sc->data = data;
	sc->below = app->top;
	app->top = sc;
	if (ops->enter != NULL && (rc = ops->enter(sc, &e)) != WY_OK) {
		pop(app);
		tui_message(app, 1, "%s", e.msg);
		return rc;
	}
	return WY_OK;
}

int
tui_replace(struct app *app, const struct screen_ops *ops, void *data)
{
	pop(app);
	return tui_push(app, ops, data);
}

void
tui_logout(struct app *app)
{
	while (app->top != NULL)
		pop(app);
	memset(&app->s, 0, sizeof app->s);
	app->logged_in = 0;
	tui_open_login(app);
}

/* Apply the reactions of a handler of the top screen. */
static void
apply(struct app *app, int r)
{
	if (r & TUI_QUIT)
		app->quit = 1;
	if (r & TUI_REDRAW)
		clearok(curscr, TRUE);
	if (r & TUI_POP) {
		pop(app);
		if (app->top == NULL)
			app->quit = 1;
		else if ((r & TUI_RELOAD) && app->top->ops->action != NULL)
			app->top->ops->action(app->top, ACT_REFRESH);
	}
}

static int quit_anyway(struct screen *owner);

/* The dialogs: a question or a message over the screen below. */
struct dialog {
	char *title;
	char *text;
	int (*yes)(struct screen *owner);	/* NULL: a message */
	struct screen *owner;
};

static void
dialog_leave(struct screen *sc)
{
	struct dialog *d = sc->data;

	free(d->title);
	free(d->text);
	free(d);
}

static void
dialog_draw(struct screen *sc)
{
	struct dialog *d = sc->data;
	int w = COLS > 74 ? 70 : COLS - 4, h, y, x, row, room;
	char **lines;
	size_t n, i;

	n = tui_wrap(d->text, w - 4, &lines);
	room = tui_bottom() - tui_top() - 4;
	h = (int)n + 4;
	if (h > room + 4)
		h = room + 4;
	y = tui_top() + (tui_bottom() - tui_top() - h) / 2;
	x = (COLS - w) / 2;
	tui_box(y, x, h, w, d->title);
	for (i = 0, row = y + 1; i < n && row < y + h - 2; i++, row++)
		tui_put(row, x + 2, w - 4, 0, A_NORMAL, lines[i]);
	tui_wrap_free(lines, n);
	tui_put(y + h - 2, x + 2, w - 4, 0, tui_attr(ROLE_KEYLABEL),
	    d->yes != NULL ? _("Y yes    N no (Esc)") : _("any key to close"));
}

static int
dialog_action(struct screen *sc, enum tui_action a)
{
	struct dialog *d = sc->data;

	/* Ctrl-Q quits from a dialog too, unless it asks that already. */
	if (a == ACT_QUIT)
		return d->yes == quit_anyway ? TUI_DONE : TUI_PASS;
	if (d->yes == NULL || a == ACT_BACK)
		return TUI_POP;
	if (a == ACT_ENTER)
		return TUI_DONE;	/* Enter does not mean yes */
	return TUI_DONE;
}

static int
dialog_text(struct screen *sc, wchar_t ch)
{
	struct dialog *d = sc->data;

	if (d->yes == NULL)
		return TUI_POP;
	if (ch == L'y' || ch == L'Y' || ch == L'是') {
		int (*yes)(struct screen *) = d->yes;
		struct screen *owner = d->owner;

		/* Close the dialog first: yes() may open a screen of its
		 * own, and its reactions are owner's. */
		pop(sc->app);
		return yes(owner);
	}
	if (ch == L'n' || ch == L'N' || ch == L'否')
		return TUI_POP;
	return TUI_DONE;
}

static const enum tui_action dialog_bar[] = { ACT_BACK, ACT_NONE };

static const struct screen_ops dialog_ops = {
	.name = N_("Question"),
	.help = N_("Answer with Y (yes) or N (no); Esc is no."),
	.leave = dialog_leave,
	.draw = dialog_draw,
	.action = dialog_action,
	.text = dialog_text,
	.bar = dialog_bar,
	.dialog = 1,
};

int
tui_confirm(struct app *app, const char *question,
    int (*yes)(struct screen *owner), struct screen *owner)
{
	struct dialog *d = xcalloc(1, sizeof *d);

	d->title = xstrdup(_("Please confirm"));
	d->text = xstrdup(question);
	d->yes = yes;
	d->owner = owner;
	tui_push(app, &dialog_ops, d);
	return TUI_REDRAW;
}

int
tui_alert(struct app *app, const char *title, const char *text)
{
	struct dialog *d = xcalloc(1, sizeof *d);

	d->title = xstrdup(title);
	d->text = xstrdup(text);
	tui_push(app, &dialog_ops, d);
	return TUI_REDRAW;
}

/* A dialog asking for one or a few lines of text (tui_prompt,
 * tui_ask_fields). */
struct ask {
	char *title;
	char **labels;
	struct tui_edit *ed;
	size_t n, cur;
	char msg[WY_ERR_MSG_MAX];	/* why the answers were refused */
	int (*check)(struct screen *owner, const char *const *texts, char *msg,
	    size_t size);
	int (*done)(struct screen *owner, const char *const *texts);
	int (*done1)(struct screen *owner, const char *text);	/* tui_prompt */
	struct screen *owner;
	int cy, cx;
};

static void
ask_leave(struct screen *sc)
{
	struct ask *p = sc->data;
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->labels[i]);
		tui_edit_free(&p->ed[i]);
	}
	free(p->labels);
	free(p->ed);
	free(p->title);
	free(p);
}

static void
ask_draw(struct screen *sc)
{
	struct ask *p = sc->data;
	int w = COLS > 70 ? 66 : COLS - 4, y = tui_top() + 4, x = (COLS - w) / 2;
	int lw = 0, lwi, fx, i, attr;

	if (p->n == 1) {	/* the label above a line to type on */
		tui_box(y, x, 6, w, p->title);
		tui_put(y + 1, x + 2, w - 4, 0, A_NORMAL, p->labels[0]);
		p->cy = y + 3;
		p->cx = tui_edit_draw(&p->ed[0], y + 3, x + 2, w - 4,
		    tui_attr(ROLE_FOCUS));
		if (p->msg[0] != '\0')
			tui_put(y + 4, x + 2, w - 4, 0, tui_attr(ROLE_NEGATIVE), p->msg);
		return;
	}
	for (i = 0; i < (int)p->n; i++)	/* labels and fields in two columns */
		if ((lwi = utf8_width(p->labels[i])) > lw)
			lw = lwi;
	if (lw > w / 3)
		lw = w / 3;
	fx = x + 2 + lw + 1;
	tui_box(y, x, (int)p->n + 5, w, p->title);
	for (i = 0; i < (int)p->n; i++) {
		tui_put(y + 2 + i, x + 2, lw, 1, A_NORMAL, p->labels[i]);
		attr = tui_attr((size_t)i == p->cur ? ROLE_FOCUS : ROLE_FIELD);
		if ((size_t)i == p->cur) {
			p->cy = y + 2 + i;
			p->cx = tui_edit_draw(&p->ed[i], y + 2 + i, fx, x + w - 2 - fx,
			    attr);
		} else
			tui_put(y + 2 + i, fx, x + w - 2 - fx, 0, attr, p->ed[i].buf);
	}
	tui_put(y + 3 + (int)p->n, x + 2, w - 4, 0, p->msg[0] != '\0' ?
	    tui_attr(ROLE_NEGATIVE) : tui_attr(ROLE_DIM), p->msg[0] != '\0' ?
	    p->msg : _("Enter: next field, or done on the last one; Esc cancels"));
}

static void
ask_cursor(struct screen *sc, int *y, int *x)
{
	struct ask *p = sc->data;

	*y = p->cy;
	*x = p->cx;
}

/* Check the answers; if they are fine, close the dialog and pass them on. */
static int
ask_answer(struct screen *sc)
{
	struct ask *p = sc->data;
	struct screen *owner = p->owner;
	int (*done)(struct screen *, const char *const *) = p->done;
	int (*done1)(struct screen *, const char *) = p->done1;
	const char **texts = xcalloc(p->n + 1, sizeof *texts);
	char **copy;
	size_t i, n = p->n;
	int bad, r;

	for (i = 0; i < n; i++)
		texts[i] = p->ed[i].buf;
	p->msg[0] = '\0';
	if (p->check != NULL &&
	    (bad = p->check(owner, texts, p->msg, sizeof p->msg)) >= 0) {
		free(texts);
		if ((size_t)bad < n)
			p->cur = (size_t)bad;
		tui_message(sc->app, 1, "%s", p->msg);
		return TUI_DONE;
	}
	copy = xcalloc(n + 1, sizeof *copy);
	for (i = 0; i < n; i++)
		copy[i] = xstrdup(texts[i]);
	free(texts);
	/* Close the dialog first: done() may open a screen of its own (a
	 * receipt), and its reactions are owner's. */
	pop(sc->app);
	r = done1 != NULL ? done1(owner, copy[0]) :
	    done(owner, (const char *const *)copy);
	for (i = 0; i < n; i++)
		free(copy[i]);
	free(copy);
	return r;
}

static int
ask_action(struct screen *sc, enum tui_action a)
{
	struct ask *p = sc->data;

	switch (a) {
	case ACT_BACK:
		return TUI_POP;
	case ACT_SAVE:
		return ask_answer(sc);
	case ACT_ENTER:
		if (p->cur + 1 >= p->n)
			return ask_answer(sc);
		/* FALLTHROUGH */
	case ACT_TAB:
	case ACT_DOWN:
		if (p->cur + 1 < p->n)
			p->cur++;
		return TUI_DONE;
	case ACT_BTAB:
	case ACT_UP:
		if (p->cur > 0)
			p->cur--;
		return TUI_DONE;
	default:
		if (tui_edit_action(&p->ed[p->cur], a))
			return TUI_DONE;
		return a == ACT_HELP || a == ACT_QUIT ? TUI_PASS : TUI_DONE;
	}
}

static int
ask_text(struct screen *sc, wchar_t ch)
{
	struct ask *p = sc->data;

	tui_edit_insert(&p->ed[p->cur], ch);
	return TUI_DONE;
}

static const enum tui_action prompt_bar[] = { ACT_HELP, ACT_ENTER, ACT_BACK,
	ACT_NONE };

static const struct screen_ops prompt_ops = {
	.name = N_("Question"),
	.help = N_("Type the answer and press Enter; Esc cancels."),
	.leave = ask_leave,
	.draw = ask_draw,
	.action = ask_action,
	.text = ask_text,
	.cursor = ask_cursor,
	.bar = prompt_bar,
	.dialog = 1,
};

static const enum tui_action ask_bar[] = { ACT_HELP, ACT_SAVE, ACT_TAB,
	ACT_BACK, ACT_NONE };

static const struct tui_note ask_notes[] = {
	{ ACT_SAVE, N_("Done"), N_("answer (so does Enter on the last field)") },
	{ ACT_TAB, N_("Next"), N_("the next field") },
	{ ACT_NONE, NULL, NULL },
};

static const struct screen_ops ask_ops = {
	.name = N_("Question"),
	.help = N_("Fill in the fields: Tab, Enter, Up and Down move between "
	    "them; Enter on the last field or Ctrl-S answers. A field that is "
	    "wrong is named below them, with the cursor in it. Esc cancels."),
	.leave = ask_leave,
	.draw = ask_draw,
	.action = ask_action,
	.text = ask_text,
	.cursor = ask_cursor,
	.bar = ask_bar,
	.notes = ask_notes,
	.dialog = 1,
};

static struct ask *
ask_new(const char *title, const struct tui_ask_field *fields, size_t n,
    struct screen *owner)
{
	struct ask *p = xcalloc(1, sizeof *p);
	size_t i;

	p->title = xstrdup(title);
	p->n = n;
	p->labels = xcalloc(n, sizeof *p->labels);
	p->ed = xcalloc(n, sizeof *p->ed);
	p->cur = n;
	for (i = 0; i < n; i++) {
		p->labels[i] = xstrdup(fields[i].label);
		tui_edit_init(&p->ed[i], fields[i].initial != NULL ?
		    fields[i].initial : "", fields[i].maxchars);
		if (p->cur == n && p->ed[i].len == 0)
			p->cur = i;	/* the first field to fill in */
	}
	if (p->cur == n)
		p->cur = 0;
	p->owner = owner;
	return p;
}

int
tui_prompt(struct app *app, const char *title, const char *label,
    const char *initial, int (*done)(struct screen *owner, const char *text),
    struct screen *owner)
{
	struct tui_ask_field f = { .label = label, .initial = initial,
	    .maxchars = 1000 };
	struct ask *p = ask_new(title, &f, 1, owner);

	p->done1 = done;
	tui_push(app, &prompt_ops, p);
	return TUI_REDRAW;
}

int
tui_ask_fields(struct app *app, const char *title,
    const struct tui_ask_field *fields, size_t n,
    int (*check)(struct screen *owner, const char *const *texts, char *msg,
    size_t size),
    int (*done)(struct screen *owner, const char *const *texts),
    struct screen *owner)
{
	struct ask *p = ask_new(title, fields, n, owner);

	p->check = check;
	p->done = done;
	tui_push(app, n == 1 ? &prompt_ops : &ask_ops, p);
	return TUI_REDRAW;
}

/* The message, until the next key: on row LINES-2 when it fits, else
 * wrapped (utf8_wrap) onto as many rows as it needs from the bottom up,
 * over the key bar and then the last rows of the screen (at most half of
 * them), so that nothing of it is cut at 80 columns.  Returns the first
 * row it took. */
static int
draw_message(struct app *app)
{
	int attr = tui_attr(app->msg_error ? ROLE_ERROR : ROLE_INFO);
	int rows = tui_put_wrapped(0, 0, COLS, 0, attr, app->msg);

	if (rows == 1) {
		tui_put(LINES - 2, 0, COLS, 0, attr, app->msg);
		return LINES - 2;
	}
	if (rows > LINES / 2)
		rows = LINES / 2 > 2 ? LINES / 2 : 2;
	tui_put_wrapped(LINES - rows, 0, COLS, rows, attr, app->msg);
	return LINES - rows;
}

/* Row LINES-2: the message if there is one (draw_message), else who and
 * where.  Returns the first row the message took, or LINES-2. */
static int
draw_status(struct app *app)
{
	char buf[512], period[PERIOD_BUFSIZE];
	const char *company = conf_str(app->conf, "company.name");

	if (app->msg[0] != '\0')
		return draw_message(app);
	period_format(period_of_date(date_today()), period);
	if (app->logged_in)
		snprintf(buf, sizeof buf, " %s │ %s │ %s %s (%s) │ %s %s",
		    *company ? company : _("wuye property management"),
		    _("all estates"), _("user"), app->s.user, app->s.role,
		    _("period"), period);
	else
		snprintf(buf, sizeof buf, " %s │ %s %s",
		    *company ? company : _("wuye property management"),
		    _("period"), period);
	tui_put(LINES - 2, 0, COLS, 0, tui_attr(ROLE_STATUS), buf);
	return LINES - 2;
}

/* Row LINES-1: the top screen's actions with their keys. */
static void
draw_keybar(struct app *app)
{
	const enum tui_action *a;
	const char *key, *label;
	int x = 0, kw, lw;

	tui_fill(LINES - 1, 0, COLS, A_NORMAL);
	if (app->top == NULL || app->top->ops->bar == NULL)
		return;
	for (a = app->top->ops->bar; *a != ACT_NONE && x < COLS; a++) {
		if (app->top->ops->offered != NULL &&
		    !app->top->ops->offered(app->top, *a))
			continue;	/* not for this user */
		key = tui_key_name(tui_actions[*a].keys[0]);
		label = tui_action_label(app->top->ops, *a);
		if (*label == '\0')
			continue;	/* a key is never shown without its label */
		kw = utf8_width(key);
		lw = utf8_width(label);
		if (x + kw + lw > COLS)
			break;
		tui_put(LINES - 1, x, kw, 0, tui_attr(ROLE_KEY), key);
		tui_put(LINES - 1, x + kw, lw, 0, tui_attr(ROLE_KEYLABEL), label);
		x += kw + lw + 1;
	}
}

static void
draw(struct app *app)
{
	struct screen *sc, *base, *stack[64];
	int n = 0, y = -1, x = -1, top;

	erase();
	/* Paint from the lowest screen that is not a dialog up. */
	for (sc = app->top; sc != NULL && n < 64; sc = sc->below) {
		stack[n++] = sc;
		if (!sc->ops->dialog)
			break;
	}
	while (n > 0) {
		base = stack[--n];
		base->ops->draw(base);
	}
	tui_menu_draw(app);
	draw_keybar(app);	/* a long message goes over it */
	top = draw_status(app);
	if (app->top != NULL && app->top->ops->cursor != NULL &&
	    !tui_menu_is_open(app))
		app->top->ops->cursor(app->top, &y, &x);
	if (y >= top)
		y = -1;		/* the field is under the message */
	curs_set(y >= 0 ? 1 : 0);
	if (y >= 0)
		move(y, x);
	refresh();
}

/* One byte or key from curses (keypad on): *key is set for KEY_ codes. */
static int
read_byte(int ms, int *c, int *key)
{
	timeout(ms);
	if ((*c = getch()) == ERR)
		return ERR;
	*key = *c >= KEY_MIN;
	return OK;
}

/* Decode the UTF-8 character whose first byte is c, reading its other
 * bytes; an invalid sequence is dropped (ERR), and the byte that broke it
 * is kept for the next read, so no key is lost. */
static int
read_utf8(struct app *app, int c, wint_t *ch)
{
	int n, i, b, key;
	wint_t cp;

	if (c < 0x80) {
		*ch = (wint_t)c;
		return OK;
	}
	n = (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2 : (c & 0xf8) == 0xf0 ? 3 : -1;
	if (n < 0)
		return ERR;	/* a stray continuation or an invalid byte */
	cp = (wint_t)(c & (0x3f >> n));
	for (i = 0; i < n; i++) {
		if (read_byte(50, &b, &key) == ERR)
			return ERR;
		if (key || (b & 0xc0) != 0x80) {	/* not a continuation */
			app->pending = 1;
			app->pb_ch = (wint_t)b;
			app->pb_key = key;
			return ERR;
		}
		cp = (cp << 6) | (wint_t)(b & 0x3f);
	}
	if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) ||
	    (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return ERR;	/* overlong, surrogate or out of range */
	*ch = cp;
	return OK;
}

/* Read one key.  Text is decoded from UTF-8 here rather than by curses, so
 * that invalid bytes from a misconfigured terminal are dropped alone.  Esc
 * followed quickly by a digit is that F-key (Esc 0 is F10); an escape
 * sequence curses does not know is swallowed whole.  Returns ERR on a
 * timeout or a dropped byte, so signals are noticed. */
static int
read_key(struct app *app, wint_t *ch, int *is_key)
{
	int c, key;

	if (app->pending) {
		app->pending = 0;
		c = (int)app->pb_ch;
		key = app->pb_key;
	} else if (read_byte(1000, &c, &key) == ERR)
		return ERR;
	*is_key = key;
	if (key) {
		*ch = (wint_t)c;
		return OK;
	}
	if (c != TUI_KEY_ESC)
		return read_utf8(app, c, ch);
	*ch = TUI_KEY_ESC;
	if (read_byte(ESC_DIGIT_MS, &c, &key) == ERR)
		return OK;	/* Esc alone */
	if (!key && (c == '[' || c == 'O')) {
		while (read_byte(50, &c, &key) == OK && !key && !(c >= 0x40 && c <= 0x7e))
			;
		return ERR;
	}
	if (!key && c >= '0' && c <= '9') {
		*ch = (wint_t)KEY_F(c == '0' ? 10 : c - '0');
		*is_key = 1;
	} else if (key || c != TUI_KEY_ESC) {
		app->pending = 1;	/* Esc, then this key */
		app->pb_ch = (wint_t)c;
		app->pb_key = key;
	}
	return OK;
}

int
tui_unsaved(struct app *app)
{
	struct screen *sc;

	for (sc = app->top; sc != NULL; sc = sc->below)
		if (sc->ops->unsaved != NULL && sc->ops->unsaved(sc))
			return 1;
	return 0;
}

/* Yes to "leave without saving?". */
static int
pop_anyway(struct screen *owner)
{
	(void)owner;
	return TUI_POP;
}

int
tui_back(struct screen *sc)
{
	if (sc->ops->unsaved != NULL && sc->ops->unsaved(sc))
		return tui_confirm(sc->app, _("Leave without saving your changes?"),
		    pop_anyway, sc);
	return TUI_POP;
}

/* Yes to "quit and lose the changes?". */
static int
quit_anyway(struct screen *owner)
{
	(void)owner;
	return TUI_QUIT;
}

int
tui_quit(struct app *app)
{
	if (tui_unsaved(app))
		return tui_confirm(app, _("Quit and lose the changes not saved?"),
		    quit_anyway, app->top);
	return TUI_QUIT;
}

/* Yes to "log out and lose the changes?". */
static int
logout_anyway(struct screen *owner)
{
	tui_logout(owner->app);
	return TUI_DONE;
}

int
tui_logout_ask(struct app *app)
{
	if (tui_unsaved(app))
		return tui_confirm(app, _("Log out and lose the changes not saved?"),
		    logout_anyway, app->top);
	tui_logout(app);
	return TUI_DONE;
}

/* What the program does with an action the screen passed on. */
static int
generic_action(struct app *app, enum tui_action a)
{
	switch (a) {
	case ACT_HELP:
		tui_open_help(app, app->top);
		return TUI_DONE;
	case ACT_MENU:
		if (app->logged_in)
			tui_menu_open(app);
		return TUI_DONE;
	case ACT_QUICKFIND:
		if (app->logged_in)
			tui_open_quickfind(app);
		return TUI_DONE;
	case ACT_QUIT:
		return tui_quit(app);
	case ACT_BACK:
		return app->top != NULL && app->top->below != NULL ? TUI_POP : TUI_DONE;
	case ACT_REDRAW:
		return TUI_REDRAW;
	default:
		return TUI_DONE;
	}
}

static void
handle_key(struct app *app, wint_t ch, int is_key)
{
	struct screen *top = app->top;
	enum tui_action a;
	int r = TUI_PASS, y = -1, x = -1;

	a = tui_action_of_key((int)ch);
	if (!is_key && ch >= 32 && ch != 127 && a != ACT_HELP)
		a = ACT_NONE;	/* a printable key is text, but '?' is help */
	if (a == ACT_HELP && !is_key && top->ops->cursor != NULL) {
		top->ops->cursor(top, &y, &x);
		if (y >= 0)
			a = ACT_NONE;	/* ... except when typing into a field */
	}
	if (tui_menu_is_open(app)) {
		r = tui_menu_key(app, a, is_key ? 0 : (wchar_t)ch);
		apply(app, r);
		return;
	}
	if (a != ACT_NONE) {
		if (top->ops->action != NULL)
			r = top->ops->action(top, a);
		if (r & TUI_PASS)
			r = generic_action(app, a);
	} else if (!is_key && iswprint((wint_t)ch) && top->ops->text != NULL)
		r = top->ops->text(top, (wchar_t)ch);
	else
		r = TUI_DONE;	/* control characters and unknown keys: ignored */
	apply(app, r);
}

/* 1 if the terminal has gone (hung up), as when the SSH connection
 * dropped without a SIGHUP reaching us: getch() then fails at once, and
 * would forever. */
static int
terminal_gone(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

/* On a hang-up: every screen with unsaved work keeps it as a draft for
 * the next log-in.  Returns how many were kept; the first failure is in e. */
static int
keep_drafts(struct app *app, struct wy_err *e)
{
	struct screen *sc;
	struct wy_err why = { 0 };
	int kept = 0;

	if (!app->logged_in)
		return 0;
	for (sc = app->top; sc != NULL; sc = sc->below) {
		if (sc->ops->keep == NULL || sc->ops->unsaved == NULL ||
		    !sc->ops->unsaved(sc))
			continue;
		if (sc->ops->keep(sc, &why) == WY_OK)
			kept++;
		else if (e->code == WY_OK)
			*e = why;
	}
	return kept;
}

int
tui_main(struct db *db, const struct conf *conf, struct wy_err *e)
{
	struct wy_err kerr = { 0 };
	int kept = 0;
	struct app app = { .db = db, .conf = conf };
	struct sigaction sa = { .sa_handler = on_signal };
	wint_t ch;
	int is_key;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return wy_fail(e, WY_EUSAGE,
		    _("the full-screen program needs a terminal; see 'wuye --help' for the commands"));
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGINT, SIG_IGN);
	if (initscr() == NULL)
		return wy_fail(e, WY_EFAIL, _("cannot start the terminal"));
	set_escdelay(25);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	tui_colours_init();
	tui_open_login(&app);
	while (!app.quit && app.top != NULL && !got_signal) {
		draw(&app);
		if (read_key(&app, &ch, &is_key) == ERR) {
			if (terminal_gone())
				got_signal = SIGHUP;
			continue;
		}
		if (is_key && ch == KEY_RESIZE) {
			clearok(curscr, TRUE);
			continue;
		}
		app.msg[0] = '\0';
		handle_key(&app, ch, is_key);
	}
	if (got_signal)
		kept = keep_drafts(&app, &kerr);
	while (app.top != NULL)
		pop(&app);
	endwin();
	if (got_signal && kerr.code != WY_OK)
		return wy_fail(e, WY_EFAIL, _("stopped by signal %d (the terminal "
		    "hung up?); the changes not saved could not be kept: %s"),
		    (int)got_signal, kerr.msg);
	if (got_signal && kept > 0)
		return wy_fail(e, WY_EFAIL, _("stopped by signal %d (the terminal "
		    "hung up?); the changes not saved were kept for your next "
		    "log-in"), (int)got_signal);
	if (got_signal)
		return wy_fail(e, WY_EFAIL, _("stopped by signal %d (the terminal hung up?)"),
		    (int)got_signal);
	return WY_OK;
}
