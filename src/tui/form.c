/* wuye: the form engine: the edit screen of every form.
 *
 * One row per field: its label (a red * when required), the text as typed,
 * and the message of the last check beside it.  Each field is checked by
 * the domain (field_parse) when the cursor leaves it, and the whole record
 * (entity_save: the generic rules, the module's rules, the row version) on
 * save, so the screen and the command line can never disagree.  Choices and
 * lookups are typed (code or name) or picked with F3.  Esc with unsaved
 * changes asks first.  A record that breaks only a warning rule (an ID
 * number born before 1900) is saved after a question for a user who may
 * override it; others are told the rule and the permission.
 */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "wuye/auth.h"
#include "wuye/date.h"
#include "wuye/draft.h"
#include "wuye/entity.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/utf8.h"

struct form_field {
	const struct field *f;
	struct tui_edit ed;	/* the text as typed */
	char *orig;		/* the text as loaded */
	char *msg;		/* the last check's complaint, or NULL */
};

struct form {
	struct entity *ent;
	int64_t id, version;	/* id 0: a new record */
	struct form_field *ff;
	size_t n;
	size_t cur;		/* the field with the cursor */
	size_t first;		/* the first field shown */
	char **preset;		/* name, text, ..., NULL: a new record's values */
	int fresh;		/* just entered the field: typing replaces it */
	int accept;		/* the user said "save anyway" to a warning */
	int acted;		/* a row action ran: the list below reloads */
	int cy, cx;
};

static void
set_msg(struct form_field *ff, const char *msg)
{
	free(ff->msg);
	ff->msg = msg != NULL ? xstrdup(msg) : NULL;
}

static int
changed(const struct form *fm)
{
	size_t i;

	for (i = 0; i < fm->n; i++)
		if (strcmp(fm->ff[i].ed.buf, fm->ff[i].orig) != 0)
			return 1;
	return 0;
}

/* Fill the fields from the record (or the defaults and presets of a new
 * one). */
static int
load_record(struct screen *sc, const char *const *preset, struct wy_err *e)
{
	struct form *fm = sc->data;
	struct session *s = tui_session(sc->app);
	struct value *vals = xcalloc(fm->n, sizeof *vals);
	const char *const *p;
	const char *text;
	char *t;
	size_t i;
	int rc = WY_OK;

	if (fm->id != 0)
		rc = entity_get(s, fm->ent, fm->id, vals, &fm->version, e);
	for (i = 0; i < fm->n && rc == WY_OK; i++) {
		if (fm->id != 0)
			t = field_display(s, fm->ff[i].f, &vals[i]);
		else {
			text = fm->ff[i].f->def;
			for (p = preset; p != NULL && *p != NULL; p += 2)
				if (strcmp(p[0], fm->ff[i].f->name) == 0)
					text = p[1];
			if (text != NULL && (fm->ff[i].f->type == FIELD_CHOICE ||
			    fm->ff[i].f->type == FIELD_BOOL)) {
				/* a default or preset code, shown by its name */
				struct value v = { 0 };

				if (field_parse(s, fm->ent, fm->ff[i].f, text, 0, &v,
				    NULL) == WY_OK) {
					t = field_display(s, fm->ff[i].f, &v);
					values_clear(&v, 1);
				} else
					t = xstrdup(text);
			} else
				t = xstrdup(text != NULL ? text : "");
		}
		tui_edit_set(&fm->ff[i].ed, t);
		free(fm->ff[i].orig);
		fm->ff[i].orig = t;
		set_msg(&fm->ff[i], NULL);
	}
	values_clear(vals, fm->n);
	free(vals);
	return rc;
}

/* Check the field under the cursor; 1 if it is fine. */
static int
check_field(struct screen *sc, size_t i)
{
	struct form *fm = sc->data;
	struct value v = { 0 };
	struct wy_err e = { 0 };
	int ok;

	ok = field_parse(tui_session(sc->app), fm->ent, fm->ff[i].f,
	    fm->ff[i].ed.buf, 0, &v, &e) == WY_OK;
	if (ok && fm->ff[i].f->required && v.kind == VALUE_NULL) {
		ok = 0;
		wy_fail(&e, WY_EINVALID, _("%s: required"), field_label(fm->ff[i].f));
	}
	values_clear(&v, 1);
	set_msg(&fm->ff[i], ok ? NULL : e.msg);
	if (!ok)
		tui_message(sc->app, 1, "%s", e.msg);
	return ok;
}

static void
move_to(struct screen *sc, size_t i)
{
	struct form *fm = sc->data;

	if (i == fm->cur || i >= fm->n)
		return;
	check_field(sc, fm->cur);	/* the message stays beside the field */
	fm->cur = i;
	fm->fresh = 1;
}

/* Another user saved the record since it was opened: show what they
 * changed; the user's own text stays on screen. */
static int
show_conflict(struct screen *sc, const struct wy_err *why)
{
	struct form *fm = sc->data;
	struct session *s = tui_session(sc->app);
	struct value *vals = xcalloc(fm->n, sizeof *vals);
	struct wy_err e = { 0 };
	int64_t version;
	char text[2048], *theirs;
	size_t i, len;

	snprintf(text, sizeof text, "%s\n", why->msg);
	if (entity_get(s, fm->ent, fm->id, vals, &version, &e) != WY_OK)
		snprintf(text, sizeof text, "%s", e.msg);
	else
		for (i = 0; i < fm->n; i++) {
			theirs = field_display(s, fm->ff[i].f, &vals[i]);
			len = strlen(text);
			if (strcmp(theirs, fm->ff[i].orig) != 0 && len < sizeof text - 1)
				snprintf(text + len, sizeof text - len, "  %s: %s -> %s\n",
				    field_label(fm->ff[i].f), fm->ff[i].orig, theirs);
			free(theirs);
		}
	len = strlen(text);
	snprintf(text + len, sizeof text - len, "%s",
	    _("Your text is still on the form. F5 loads their version (yours is lost); Esc leaves without saving."));
	values_clear(vals, fm->n);
	free(vals);
	return tui_alert(sc->app, _("Changed by another user"), text);
}

static int save(struct screen *sc);

/* Yes to "save anyway?": save again, accepting the warnings. */
static int
save_anyway(struct screen *sc)
{
	struct form *fm = sc->data;
	int r;

	fm->accept = 1;
	r = save(sc);
	fm->accept = 0;
	return r;
}

static int
save(struct screen *sc)
{
	struct form *fm = sc->data;
	struct session *s = tui_session(sc->app);
	struct value *vals = xcalloc(fm->n, sizeof *vals);
	const struct field *where = NULL;
	struct wy_err e = { 0 };
	char q[WY_ERR_MSG_MAX + 256], perm[64], words[160];
	int64_t id = 0;
	size_t i;
	int rc = WY_OK, warned = 0;

	for (i = 0; i < fm->n; i++)
		if (!check_field(sc, i) && rc == WY_OK) {
			rc = WY_EINVALID;
			fm->cur = i;
		}
	for (i = 0; i < fm->n && rc == WY_OK; i++)
		rc = field_parse(s, fm->ent, fm->ff[i].f, fm->ff[i].ed.buf, 0,
		    &vals[i], &e);
	if (rc == WY_OK)
		rc = entity_save_warn(s, fm->ent, fm->id, fm->version, vals,
		    fm->accept, &warned, &id, &where, &e);
	values_clear(vals, fm->n);
	free(vals);
	if (rc == WY_OK) {
		tui_message(sc->app, 0, _("Saved."));
		return TUI_POP | TUI_RELOAD;
	}
	if (where != NULL) {
		fm->cur = (size_t)(where - fm->ent->fields);
		set_msg(&fm->ff[fm->cur], e.msg);
	}
	fm->fresh = 1;	/* typing in the field at fault replaces it */
	if (rc == WY_ECONFLICT && fm->id != 0)
		return show_conflict(sc, &e);
	if (rc == WY_EINVALID && warned && entity_may_override(s, fm->ent)) {
		snprintf(q, sizeof q, _("%s: save anyway?"), e.msg);
		return tui_confirm(sc->app, q, save_anyway, sc);
	}
	if (rc == WY_EINVALID && warned) {
		/* A dialog: the status line would cut the permission off. */
		snprintf(q, sizeof q,
		    _("%s; only a user allowed to %s may save it anyway"),
		    e.msg, auth_perm_words(entity_override_perm(fm->ent, perm,
		    sizeof perm), words, sizeof words));
		return tui_alert(sc->app, _("Not saved"), q);
	}
	if (e.msg[0] != '\0')
		tui_message(sc->app, 1, "%s", e.msg);
	return TUI_DONE;
}

/* The draft tui_open_draft is opening, for form_enter (NULL: none). */
static const struct draft *restoring;

/* Put the draft d into the form just loaded: each field's text as typed
 * and as it was loaded then, and the version it was opened at, so that
 * saving meets the version check if the record changed since.  The cursor
 * goes to the first field changed. */
static void
restore(struct form *fm, const struct draft *d)
{
	size_t i, j;
	int first = 1;

	if (fm->id != 0)
		fm->version = d->version;
	for (i = 0; i < fm->n; i++)
		for (j = 0; j < d->nvalues; j++) {
			if (strcmp(d->values[j].field, fm->ff[i].f->name) != 0)
				continue;
			tui_edit_set(&fm->ff[i].ed, d->values[j].value);
			free(fm->ff[i].orig);
			fm->ff[i].orig = xstrdup(d->values[j].original);
			if (first && strcmp(d->values[j].value,
			    d->values[j].original) != 0) {
				fm->cur = i;
				fm->fresh = 0;	/* typing goes on where it was */
				first = 0;
			}
			break;
		}
}

/* The field a form opens on: the first empty required one; in a new
 * record with some fields filled (a move-in from a room page), else the
 * first empty one; else the first.  Typing there never replaces a value
 * that came with the form. */
static size_t
first_to_fill(const struct form *fm)
{
	size_t i, filled = 0;

	for (i = 0; i < fm->n; i++)
		if (fm->ff[i].ed.len > 0)
			filled++;
	if (filled == 0)
		return 0;
	for (i = 0; i < fm->n; i++)
		if (fm->ff[i].f->required && fm->ff[i].ed.len == 0)
			return i;
	for (i = 0; fm->id == 0 && i < fm->n; i++)
		if (fm->ff[i].ed.len == 0)
			return i;
	return 0;
}

static int
form_enter(struct screen *sc, struct wy_err *e)
{
	struct form *fm = sc->data;
	int rc;

	fm->fresh = 1;
	rc = load_record(sc, (const char *const *)fm->preset, e);
	if (rc == WY_OK)
		fm->cur = first_to_fill(fm);
	if (rc == WY_OK && restoring != NULL)
		restore(fm, restoring);
	return rc;
}

static void
form_leave(struct screen *sc)
{
	struct form *fm = sc->data;
	size_t i;

	for (i = 0; i < fm->n; i++) {
		tui_edit_free(&fm->ff[i].ed);
		free(fm->ff[i].orig);
		free(fm->ff[i].msg);
	}
	free(fm->ff);
	for (i = 0; fm->preset != NULL && fm->preset[i] != NULL; i++)
		free(fm->preset[i]);
	free(fm->preset);
	entity_free(&fm->ent);
	free(fm);
}

/* "Rooms: A1-1-101", or "Rooms: new record", into buf. */
static void
form_title(const struct form *fm, char *buf, size_t size)
{
	snprintf(buf, size, "%s: %s", entity_title(fm->ent),
	    fm->id == 0 ? _("new record") : fm->ff[0].orig);
}

static void
form_draw(struct screen *sc)
{
	struct form *fm = sc->data;
	const struct field *f;
	const char *help, *msg = fm->ff[fm->cur].msg;
	char title[256];
	int y = tui_top(), lw = 0, w, fw, x, rows, cx, tw, cut = 0, below;
	size_t i;

	/* The field's message, or its help, below the fields: whole, on up
	 * to 3 rows, which the fields give up. */
	f = fm->ff[fm->cur].f;
	help = strcmp(_("English"), "English") != 0 && f->help_zh != NULL ?
	    f->help_zh : f->help;
	if (help == NULL)
		help = fm->ent->readonly ?
		    _("Read only: what was done, as it was done; Esc goes back.") :
		    _("Ctrl-S or F2 saves; Esc goes back.");
	below = tui_put_wrapped(0, 1, COLS - 2, 0, A_NORMAL,
	    msg != NULL ? msg : help);
	if (below > 3)
		below = 3;
	form_title(fm, title, sizeof title);
	if (changed(fm))
		strncat(title, _(" (changed)"), sizeof title - strlen(title) - 1);
	tui_put(y++, 0, COLS, 0, tui_attr(ROLE_TITLE), title);
	for (i = 0; i < fm->n; i++)
		if ((w = utf8_width(field_label(fm->ff[i].f))) > lw)
			lw = w;
	if (lw > 24)
		lw = 24;
	rows = tui_bottom() - y - below;
	if (rows < 1)
		rows = 1;
	if (fm->cur < fm->first)
		fm->first = fm->cur;
	if ((int)(fm->cur - fm->first) >= rows)
		fm->first = fm->cur - (size_t)rows + 1;
	for (i = fm->first; i < fm->n && (int)(i - fm->first) < rows; i++, y++) {
		f = fm->ff[i].f;
		tui_put(y, 1, lw, 1, A_NORMAL, field_label(f));
		if (f->required)
			tui_put(y, lw + 1, 1, 0, tui_attr(ROLE_REQUIRED), "*");
		x = lw + 3;
		fw = f->type == FIELD_LONGTEXT ? COLS - x - 2 : f->width + 2;
		if (fw < 12)
			fw = 12;
		/* A picked value ("C001 王秀英") shows whole where it fits. */
		if ((f->type == FIELD_LOOKUP || f->type == FIELD_CHOICE) &&
		    (tw = utf8_width(fm->ff[i].ed.buf) + 1) > fw)
			fw = tw;
		if (fw > COLS - x - 1)
			fw = COLS - x - 1;
		if (i == fm->cur && (f->type == FIELD_LOOKUP || f->type == FIELD_CHOICE))
			cut = utf8_width(fm->ff[i].ed.buf) >= fw;
		if (i == fm->cur) {
			cx = tui_edit_draw(&fm->ff[i].ed, y, x, fw, tui_attr(ROLE_FOCUS));
			fm->cy = y;
			fm->cx = cx;
		} else	/* from its start, whatever was last scrolled to */
			tui_put(y, x, fw, 0, tui_attr(ROLE_FIELD), fm->ff[i].ed.buf);
		if (fm->ff[i].msg != NULL && x + fw + 2 < COLS)
			tui_put(y, x + fw + 1, COLS - x - fw - 1, 0, tui_attr(ROLE_NEGATIVE),
			    fm->ff[i].msg);
		else if ((f->type == FIELD_CHOICE || f->type == FIELD_LOOKUP) &&
		    i == fm->cur && x + fw + 2 < COLS)
			tui_put(y, x + fw + 1, COLS - x - fw - 1, 0, tui_attr(ROLE_DIM),
			    _("F3: pick"));
	}
	y = tui_bottom() - below + 1;
	if (msg != NULL)
		tui_put_wrapped(y, 1, COLS - 2, below, tui_attr(ROLE_NEGATIVE),
		    msg);
	else if (cut)	/* the field is too narrow: its whole text below */
		tui_put_wrapped(y, 1, COLS - 2, below, tui_attr(ROLE_INFO),
		    fm->ff[fm->cur].ed.buf);
	else
		tui_put_wrapped(y, 1, COLS - 2, below, tui_attr(ROLE_DIM), help);
}

static void
form_cursor(struct screen *sc, int *y, int *x)
{
	struct form *fm = sc->data;

	*y = fm->cy;
	*x = fm->cx;
}

static int
discard(struct screen *owner)
{
	struct form *fm = owner->data;

	return TUI_POP | (fm->acted ? TUI_RELOAD : 0);
}

/* A read-only form (waivers, refunds) says so to any change. */
static int
read_only(struct screen *sc)
{
	struct form *fm = sc->data;
	struct wy_err e = { 0 };

	entity_writable(fm->ent, &e);
	tui_message(sc->app, 1, "%s", e.msg);
	return TUI_DONE;
}

/* F12: the form's actions on this record ([action.NAME]), as in its list;
 * the form loads the record again after one ran. */
static int
open_actions(struct screen *sc)
{
	struct form *fm = sc->data;
	const struct field *key;
	char what[256];

	if (fm->id == 0 || fm->ent->nactions == 0)
		return TUI_DONE;
	if (changed(fm)) {
		tui_message(sc->app, 1, _("Save your changes first (Ctrl-S), or "
		    "F5 to load the record again."));
		return TUI_DONE;
	}
	key = fm->ent->key != NULL ? entity_field(fm->ent, fm->ent->key) : NULL;
	if (key != NULL)
		snprintf(what, sizeof what, "%s %s", entity_title(fm->ent),
		    fm->ff[key - fm->ent->fields].orig);
	else
		snprintf(what, sizeof what, "%s %lld", entity_title(fm->ent),
		    (long long)fm->id);
	fm->acted = 1;
	tui_open_actions(sc->app, fm->ent, fm->id, what);
	return TUI_REDRAW;
}

static int
reload(struct screen *owner)
{
	struct wy_err e = { 0 };

	if (load_record(owner, NULL, &e) != WY_OK) {
		tui_message(owner->app, 1, "%s", e.msg);
		return TUI_POP | TUI_RELOAD;
	}
	return TUI_DONE;
}

/* A picked lookup or choice goes into the field under the cursor whole,
 * as a record shows it ("C001 王秀英"); typing over it replaces it. */
static void
picked(struct screen *owner, int64_t id, const char *key)
{
	struct form *fm = owner->data;
	const struct field *f = fm->ff[fm->cur].f;
	struct value v = { .kind = VALUE_INT, .i = id };
	char *shown = NULL;

	if (f->type == FIELD_LOOKUP && id > 0)
		shown = field_display(tui_session(owner->app), f, &v);
	tui_edit_set(&fm->ff[fm->cur].ed, shown != NULL ? shown : key);
	free(shown);
	set_msg(&fm->ff[fm->cur], NULL);
	fm->fresh = 1;
}

/* What a picker opened on the field under the cursor searches for: the
 * text typed, or the key of the record the field names. */
static char *
pick_search(struct screen *sc)
{
	struct form *fm = sc->data;
	const struct field *f = fm->ff[fm->cur].f;
	struct value v = { 0 };
	char *text;

	if (f->type == FIELD_LOOKUP && fm->ff[fm->cur].ed.len > 0 &&
	    field_parse(tui_session(sc->app), fm->ent, f, fm->ff[fm->cur].ed.buf,
	    0, &v, NULL) == WY_OK && v.kind == VALUE_INT) {
		text = field_text(tui_session(sc->app), f, &v);
		values_clear(&v, 1);
		return text;
	}
	values_clear(&v, 1);
	return xstrdup(fm->ff[fm->cur].ed.buf);
}

static int
pick(struct screen *sc)
{
	struct form *fm = sc->data;
	const struct field *f = fm->ff[fm->cur].f;
	char *search;

	if (f->type == FIELD_LOOKUP || f->type == FIELD_CHOICE) {
		search = pick_search(sc);
		if (f->type == FIELD_LOOKUP)
			tui_pick_search(sc->app, f->lookup, search, picked, sc);
		else
			tui_pick_choice(sc->app, tui_session(sc->app), f, search,
			    picked, sc);
		free(search);
	} else if (f->type == FIELD_DATE && fm->ff[fm->cur].ed.len == 0) {
		char today[DATE_BUFSIZE];

		tui_edit_set(&fm->ff[fm->cur].ed, date_format(date_today(), today));
	} else
		tui_message(sc->app, 0, _("F3 picks from a list in choice and lookup fields, and fills in today in an empty date."));
	return TUI_DONE;
}

static int
form_action(struct screen *sc, enum tui_action a)
{
	struct form *fm = sc->data;

	if (fm->ent->readonly && (a == ACT_SAVE || a == ACT_NEW ||
	    a == ACT_FIND || a == ACT_BACKSPACE || a == ACT_DELCHAR ||
	    a == ACT_KILL))
		return read_only(sc);
	switch (a) {
	case ACT_ACTIONS:
		return open_actions(sc);
	case ACT_SAVE:
	case ACT_NEW:
		return save(sc);
	case ACT_ENTER:
		if (fm->cur + 1 == fm->n)
			return save(sc);
		/* FALLTHROUGH */
	case ACT_TAB:
	case ACT_DOWN:
		move_to(sc, fm->cur + 1 < fm->n ? fm->cur + 1 : fm->cur);
		return TUI_DONE;
	case ACT_BTAB:
	case ACT_UP:
		move_to(sc, fm->cur > 0 ? fm->cur - 1 : 0);
		return TUI_DONE;
	case ACT_PGDN:
		move_to(sc, fm->n - 1);
		return TUI_DONE;
	case ACT_PGUP:
		move_to(sc, 0);
		return TUI_DONE;
	case ACT_FIND:
		return pick(sc);
	case ACT_REFRESH:
		if (fm->id == 0)
			return TUI_DONE;
		if (changed(fm))
			return tui_confirm(sc->app, _("Load the record again and lose your changes?"),
			    reload, sc);
		return reload(sc);
	case ACT_BACK:
		if (changed(fm))
			return tui_confirm(sc->app, _("Leave without saving your changes?"),
			    discard, sc);
		return discard(sc);
	default:
		if (tui_edit_action(&fm->ff[fm->cur].ed, a)) {
			fm->fresh = 0;
			return TUI_DONE;
		}
		return TUI_PASS;
	}
}

static int
form_text(struct screen *sc, wchar_t ch)
{
	struct form *fm = sc->data;

	if (fm->ent->readonly)
		return read_only(sc);
	if (fm->fresh)	/* typing over a field replaces what was there */
		tui_edit_set(&fm->ff[fm->cur].ed, "");
	fm->fresh = 0;
	if (!tui_edit_insert(&fm->ff[fm->cur].ed, ch))
		tui_message(sc->app, 1, _("%s: at most %d characters"),
		    field_label(fm->ff[fm->cur].f), fm->ff[fm->cur].ed.maxchars);
	return TUI_DONE;
}

static const enum tui_action form_bar[] = { ACT_HELP, ACT_SAVE, ACT_FIND,
	ACT_REFRESH, ACT_QUICKFIND, ACT_MENU, ACT_BACK, ACT_NONE };

/* The bars of a form with row actions, of a read-only one (waivers,
 * refunds), and of a read-only one with actions. */
static const enum tui_action form_actions_bar[] = { ACT_HELP, ACT_SAVE,
	ACT_FIND, ACT_ACTIONS, ACT_REFRESH, ACT_QUICKFIND, ACT_MENU, ACT_BACK,
	ACT_NONE };
static const enum tui_action form_readonly_bar[] = { ACT_HELP, ACT_REFRESH,
	ACT_QUICKFIND, ACT_MENU, ACT_BACK, ACT_NONE };
static const enum tui_action form_readonly_actions_bar[] = { ACT_HELP,
	ACT_ACTIONS, ACT_REFRESH, ACT_QUICKFIND, ACT_MENU, ACT_BACK, ACT_NONE };

static const struct tui_note form_notes[] = {
	{ ACT_ACTIONS, NULL, N_("actions on this record, such as approve or pay; the form then shows the record as it is") },
	{ ACT_FIND, N_("Pick"), N_("pick from a list (choices, lookups), or today in a date") },
	{ ACT_REFRESH, NULL, N_("load the record again (asks if you changed it)") },
	{ ACT_NONE, NULL, NULL },
};

/* The form has changes not saved. */
static int
form_unsaved(struct screen *sc)
{
	return changed(sc->data);
}

/* On a hang-up: keep the form as the user's draft of it (draft.h). */
static int
form_keep(struct screen *sc, struct wy_err *e)
{
	struct form *fm = sc->data;
	struct draft d = { .form = fm->ent->name, .record_id = fm->id,
	    .version = fm->id != 0 ? fm->version : 0, .nvalues = fm->n };
	char title[256];
	size_t i;
	int rc;

	form_title(fm, title, sizeof title);
	d.title = title;
	d.values = xcalloc(fm->n, sizeof *d.values);
	for (i = 0; i < fm->n; i++) {
		d.values[i].field = fm->ff[i].f->name;
		d.values[i].value = fm->ff[i].ed.buf;
		d.values[i].original = fm->ff[i].orig;
	}
	rc = draft_save(tui_session(sc->app), &d, e);
	free(d.values);	/* the strings are the form's */
	return rc;
}

static const struct screen_ops form_ops = {
	.name = N_("Form"),
	.help = N_("One record. Type into the field with the cursor; Tab, Enter, Up "
	    "and Down move between fields, and each field is checked as you leave "
	    "it, with the reason beside it when it is wrong. A red * marks a "
	    "required field.\n"
	    "In a choice or lookup field type the code or the name, or press F3 to "
	    "pick from a list: it opens on the records (or choices) that start "
	    "with the text in the field, and Esc in the list shows them all. In an "
	    "empty date field F3 fills in today. Dates are written 2026-10-31, "
	    "amounts 1234.56.\n"
	    "Ctrl-S or F2 saves (so does Enter on the last field). If another user "
	    "saved the record since you opened it, nothing is overwritten: their "
	    "changes are shown, and F5 loads them.\n"
	    "Esc goes back, and Ctrl-Q quits, asking first if you changed anything. "
	    "If the connection drops, your changes are kept and offered again at "
	    "your next log-in."),
	.unsaved = form_unsaved,
	.keep = form_keep,
	.enter = form_enter,
	.leave = form_leave,
	.draw = form_draw,
	.action = form_action,
	.text = form_text,
	.cursor = form_cursor,
	.bar = form_bar,
	.notes = form_notes,
};

/* The form's screen: with the actions key on its bar when its records
 * have actions, without editing keys when it is read only. */
static const struct screen_ops *
form_ops_for(const struct entity *ent)
{
	static const enum tui_action *const bars[4] = { form_bar,
		form_actions_bar, form_readonly_bar, form_readonly_actions_bar };
	static struct screen_ops variants[4];
	size_t v = (ent->nactions > 0 ? 1 : 0) + (ent->readonly ? 2 : 0);

	if (v == 0)
		return &form_ops;
	if (variants[v].bar == NULL) {
		variants[v] = form_ops;
		variants[v].bar = bars[v];
		if (ent->readonly)
			variants[v].help = N_("One record of a read-only list "
			    "(waivers, refunds): what was done, kept as it "
			    "happened. Nothing can be typed over or saved here; "
			    "it changes only through its own commands. Up, Down, "
			    "Tab and Enter move between the fields, Left and "
			    "Right along a long one; Esc goes back.");
	}
	return &variants[v];
}

int
tui_open_form(struct app *app, const char *form, int64_t id,
    const char *const *preset)
{
	struct form *fm;
	struct entity *ent;
	struct wy_err e = { 0 };
	size_t i, n = 0;

	if (entity_load(tui_conf(app), form, &ent, &e) != WY_OK) {
		tui_message(app, 1, "%s", e.msg);
		return e.code;
	}
	fm = xcalloc(1, sizeof *fm);
	fm->ent = ent;
	fm->id = id;
	fm->n = ent->nfields;
	fm->ff = xcalloc(fm->n, sizeof *fm->ff);
	for (i = 0; i < fm->n; i++) {
		fm->ff[i].f = &ent->fields[i];
		tui_edit_init(&fm->ff[i].ed, "", ent->fields[i].maxlen);
		fm->ff[i].orig = xstrdup("");
	}
	while (preset != NULL && preset[n] != NULL)
		n++;
	fm->preset = xcalloc(n + 1, sizeof *fm->preset);
	for (i = 0; i < n; i++)
		fm->preset[i] = xstrdup(preset[i]);
	return tui_push(app, form_ops_for(ent), fm);
}

int
tui_open_draft(struct app *app, const struct draft *d)
{
	int rc;

	restoring = d;
	rc = tui_open_form(app, d->form, d->record_id, NULL);
	restoring = NULL;
	return rc;
}

/* The choice picker: a small list dialog of a choice field's choices. */
struct choices {
	char **names;
	size_t n, cap, cur;
	void (*done)(struct screen *owner, int64_t id, const char *key);
	struct screen *owner;
	char *title;
};

static int
add_choice(void *arg, const char *code, const char *name)
{
	struct choices *c = arg;

	(void)code;
	if (c->n == c->cap) {
		c->cap = c->cap * 2 + 16;
		c->names = xrealloc(c->names, c->cap * sizeof *c->names);
	}
	c->names[c->n++] = xstrdup(name);
	return 0;
}

static void
choices_leave(struct screen *sc)
{
	struct choices *c = sc->data;
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->names[i]);
	free(c->names);
	free(c->title);
	free(c);
}

static void
choices_draw(struct screen *sc)
{
	struct choices *c = sc->data;
	int h = (int)c->n + 2, w = 30, y, x = (COLS - w) / 2, i, first = 0;

	if (h > tui_bottom() - tui_top())
		h = tui_bottom() - tui_top();
	y = tui_top() + (tui_bottom() - tui_top() - h) / 2;
	if ((int)c->cur >= first + h - 2)
		first = (int)c->cur - (h - 3);
	tui_box(y, x, h, w, c->title);
	for (i = 0; i < h - 2 && first + i < (int)c->n; i++)
		tui_put(y + 1 + i, x + 1, w - 2, 0, tui_attr((size_t)(first + i) == c->cur ?
		    ROLE_SELECTED : ROLE_NORMAL), c->names[first + i]);
}

static int
choices_action(struct screen *sc, enum tui_action a)
{
	struct choices *c = sc->data;

	switch (a) {
	case ACT_UP:
		c->cur = c->cur > 0 ? c->cur - 1 : 0;
		return TUI_DONE;
	case ACT_DOWN:
		c->cur = c->cur + 1 < c->n ? c->cur + 1 : c->cur;
		return TUI_DONE;
	case ACT_ENTER:
		if (c->n > 0)
			c->done(c->owner, 0, c->names[c->cur]);
		return TUI_POP;
	case ACT_BACK:
		return TUI_POP;
	default:
		return TUI_PASS;
	}
}

static const enum tui_action choices_bar[] = { ACT_HELP, ACT_ENTER, ACT_BACK,
	ACT_NONE };

static const struct screen_ops choices_ops = {
	.name = N_("Pick a choice"),
	.help = N_("Up and Down move, Enter takes the choice, Esc leaves the field as it was."),
	.leave = choices_leave,
	.draw = choices_draw,
	.action = choices_action,
	.bar = choices_bar,
	.dialog = 1,
};

/* Keep the choices that start with search, unless it names one (then all
 * stay, the cursor on it) or none does. */
static void
filter_choices(struct choices *c, const char *search)
{
	size_t i, k = 0, len = strlen(search), match = 0;

	if (len == 0)
		return;
	for (i = 0; i < c->n; i++) {
		if (strcasecmp(c->names[i], search) == 0) {
			c->cur = i;
			return;
		}
		if (strncasecmp(c->names[i], search, len) == 0)
			match++;
	}
	if (match == 0)
		return;
	for (i = 0; i < c->n; i++) {
		if (strncasecmp(c->names[i], search, len) == 0)
			c->names[k++] = c->names[i];
		else
			free(c->names[i]);
	}
	c->n = k;
	free(c->title);
	c->title = NULL;
}

int
tui_pick_choice(struct app *app, struct session *s, const struct field *f,
    const char *search,
    void (*done)(struct screen *owner, int64_t id, const char *key),
    struct screen *owner)
{
	struct choices *c = xcalloc(1, sizeof *c);
	struct wy_err e = { 0 };

	c->done = done;
	c->owner = owner;
	c->title = xstrdup(field_label(f));
	if (field_choices(s, f, add_choice, c, &e) != WY_OK)
		tui_message(app, 1, "%s", e.msg);
	filter_choices(c, search != NULL ? search : "");
	if (c->title == NULL)	/* filtered: the title says by what */
		c->title = xasprintf("%s: %s…", field_label(f), search);
	return tui_push(app, &choices_ops, c);
}
