/* wuye: reading entry (抄表录入) by building and period.
 *
 * The clerk types a building code and a period (this month is filled in);
 * Enter lists the meters of the building's rooms with the previous reading
 * and the one of the period, if any.  On a row the clerk types the new
 * reading and Enter saves it through the readings form (so the domain
 * rules compute previous, roll-over and usage) and moves down; the
 * warnings of the reading (likely typo, unusually high) show beside it.
 * Keyboard only.
 */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/entity.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/meter.h"
#include "wuye/money.h"

struct meter_row {
	int64_t meter_id, reading_id, version;
	char code[40], type[64], room[40];
	int64_t previous, reading;	/* scale 3; reading < 0: none yet */
	char warn[128];
};

enum { F_BUILDING, F_PERIOD, F_ROWS };

struct readings {
	struct tui_edit building, period, input;
	int focus;
	struct entity *ent;
	struct entity *meters;	/* for the names of the types; may be NULL */
	struct meter_row *rows;
	size_t n, cur, top;
	char shown[16];		/* the period the rows are of */
	int cy, cx;
};

/* A meter type's name in the language in use, from the meters form. */
static void
type_name(struct readings *r, struct session *s, const char *type, char *buf,
    size_t size)
{
	const struct field *f = r->meters != NULL ? entity_field(r->meters, "type") : NULL;
	struct value v = { .kind = VALUE_TEXT, .s = (char *)type };
	char *t;

	if (f == NULL) {
		snprintf(buf, size, "%s", type);
		return;
	}
	t = field_display(s, f, &v);
	snprintf(buf, size, "%s", t);
	free(t);
}

/* The warnings of a row's reading, as text. */
static void
warn_of(struct session *s, struct meter_row *m, const char *period)
{
	struct meter_calc c;
	struct wy_err e = { 0 };

	m->warn[0] = '\0';
	if (m->reading >= 0 && meter_reading_calc(s, m->meter_id, period, m->reading,
	    &c, &e) == WY_OK)
		meter_warn_text(c.warn, m->warn, sizeof m->warn);
}

/* The meters of the building's rooms, with the period's readings. */
static int
load(struct screen *sc, struct wy_err *e)
{
	struct readings *r = sc->data;
	struct session *s = tui_session(sc->app);
	sqlite3_stmt *st;
	int p, rc;
	size_t cap = 0, i;
	struct meter_row *m;

	free(r->rows);
	r->rows = NULL;
	r->n = r->cur = r->top = 0;
	if ((rc = period_parse(r->period.buf, &p, e)) != WY_OK)
		return rc;
	if ((rc = db_prepare(tui_db(sc->app),
	    "SELECT m.id, m.code, m.type, ro.code, "
	    "coalesce((SELECT x.reading FROM readings x WHERE x.meter_id = m.id "
	    "AND x.period < ?1 ORDER BY x.period DESC LIMIT 1), m.initial), "
	    "g.id, g.version, g.reading "
	    "FROM meters m JOIN rooms ro ON ro.id = m.room_id "
	    "JOIN buildings b ON b.id = ro.building_id "
	    "LEFT JOIN readings g ON g.meter_id = m.id AND g.period = ?1 "
	    "WHERE b.code = ?2 AND (m.removed IS NULL OR m.removed >= ?3) "
	    "ORDER BY ro.code, m.type, m.code", &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(tui_db(sc->app), st, e, "ttt", r->period.buf,
	    r->building.buf, r->period.buf)) != WY_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (r->n == cap) {
			cap = cap * 2 + 16;
			r->rows = xrealloc(r->rows, cap * sizeof *r->rows);
		}
		m = &r->rows[r->n++];
		memset(m, 0, sizeof *m);
		m->meter_id = sqlite3_column_int64(st, 0);
		snprintf(m->code, sizeof m->code, "%s", (const char *)sqlite3_column_text(st, 1));
		type_name(r, s, (const char *)sqlite3_column_text(st, 2), m->type,
		    sizeof m->type);
		snprintf(m->room, sizeof m->room, "%s", (const char *)sqlite3_column_text(st, 3));
		m->previous = sqlite3_column_int64(st, 4);
		m->reading_id = sqlite3_column_int64(st, 5);
		m->version = sqlite3_column_int64(st, 6);
		m->reading = sqlite3_column_type(st, 7) == SQLITE_NULL ? -1 :
		    sqlite3_column_int64(st, 7);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(tui_db(sc->app), rc, e, "meters");
	snprintf(r->shown, sizeof r->shown, "%s", r->period.buf);
	for (i = 0; i < r->n; i++)
		warn_of(s, &r->rows[i], r->shown);
	return WY_OK;
}

/* The selected row's saved reading as the input shows it ("" if none). */
static const char *
row_text(const struct readings *r, char *buf, size_t size)
{
	if (r->cur < r->n && r->rows[r->cur].reading >= 0)
		return fixed_format(r->rows[r->cur].reading, 3, buf, size);
	return "";
}

/* Put the row's reading (if any) in the input. */
static void
input_row(struct readings *r)
{
	char buf[32];

	tui_edit_set(&r->input, row_text(r, buf, sizeof buf));
}

/* List the meters of the building and period typed. */
static void
show(struct screen *sc)
{
	struct readings *r = sc->data;
	struct wy_err e = { 0 };

	if (load(sc, &e) != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		return;
	}
	if (r->n == 0) {
		tui_message(sc->app, 1, _("Building %s has no room meters."), r->building.buf);
		return;
	}
	r->focus = F_ROWS;
	input_row(r);
}

/* Enter on a row: save the reading typed, move down. */
static void
save(struct screen *sc)
{
	struct readings *r = sc->data;
	struct session *s = tui_session(sc->app);
	struct meter_row *m = &r->rows[r->cur];
	const struct field *where = NULL, *f = entity_field(r->ent, "reading");
	struct value *v, parsed = { 0 };
	struct wy_err e = { 0 };
	char today[DATE_BUFSIZE];
	int64_t id = m->reading_id, version = m->version, newid = 0;
	size_t i;

	if (r->input.len == 0) {
		if (r->cur + 1 < r->n)
			r->cur++;
		input_row(r);
		return;
	}
	if (f == NULL || field_parse(s, r->ent, f, r->input.buf, 0, &parsed, &e) != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		return;
	}
	v = xcalloc(r->ent->nfields, sizeof *v);
	if (id != 0 && entity_get(s, r->ent, id, v, &version, &e) != WY_OK)
		goto fail;
	if (id == 0) {
		struct value *x;

		if ((x = entity_value(r->ent, v, "meter")) != NULL) {
			x->kind = VALUE_INT;
			x->i = m->meter_id;
		}
		if ((x = entity_value(r->ent, v, "period")) != NULL) {
			x->kind = VALUE_TEXT;
			x->s = xstrdup(r->shown);
		}
		if ((x = entity_value(r->ent, v, "read_on")) != NULL) {
			x->kind = VALUE_TEXT;
			x->s = xstrdup(date_format(date_today(), today));
		}
		if ((x = entity_value(r->ent, v, "read_by")) != NULL) {
			x->kind = VALUE_TEXT;
			x->s = xstrdup(s->user);
		}
	}
	i = (size_t)(f - r->ent->fields);
	values_clear(&v[i], 1);
	v[i] = parsed;
	parsed.s = NULL;
	if (entity_save(s, r->ent, id, version, v, &newid, &where, &e) != WY_OK)
		goto fail;
	if (id == 0) {
		m->reading_id = newid;
		m->version = 1;
	} else
		m->version = version + 1;
	m->reading = v[i].i;
	warn_of(s, m, r->shown);
	values_clear(v, r->ent->nfields);
	free(v);
	if (m->warn[0] != '\0')
		tui_message(sc->app, 1, _("Meter %s: %s"), m->code, m->warn);
	else
		tui_message(sc->app, 0, _("Meter %s: reading saved."), m->code);
	if (r->cur + 1 < r->n)
		r->cur++;
	input_row(r);
	return;
fail:
	tui_message(sc->app, 1, "%s", e.msg);
	values_clear(v, r->ent->nfields);
	free(v);
}

/* Free the screen. */
static void
readings_leave(struct screen *sc)
{
	struct readings *r = sc->data;

	tui_edit_free(&r->building);
	tui_edit_free(&r->period);
	tui_edit_free(&r->input);
	entity_free(&r->ent);
	entity_free(&r->meters);
	free(r->rows);
	free(r);
}

/* Paint the fields and the meters, the selected one with its editor. */
static void
readings_draw(struct screen *sc)
{
	struct readings *r = sc->data;
	int y = tui_top(), w = tui_width(), rows, row, col, attr;
	char a[32], b[32];
	size_t i;

	r->cy = r->cx = -1;
	tui_put(y, 0, w, 0, tui_attr(ROLE_TITLE), _("Reading entry"));
	tui_put(y + 1, 1, 10, 0, A_NORMAL, _("Building:"));
	col = tui_edit_draw(&r->building, y + 1, 11, 12, tui_attr(r->focus == F_BUILDING ?
	    ROLE_FOCUS : ROLE_FIELD));
	if (r->focus == F_BUILDING) {
		r->cy = y + 1;
		r->cx = col;
	}
	tui_put(y + 1, 26, 8, 0, A_NORMAL, _("Period:"));
	col = tui_edit_draw(&r->period, y + 1, 34, 9, tui_attr(r->focus == F_PERIOD ?
	    ROLE_FOCUS : ROLE_FIELD));
	if (r->focus == F_PERIOD) {
		r->cy = y + 1;
		r->cx = col;
	}
	/* The header by columns: its words may be Chinese, twice as wide. */
	tui_fill(y + 3, 0, w, tui_attr(ROLE_HEADER));
	tui_put(y + 3, 0, 12, 0, tui_attr(ROLE_HEADER), _("Meter"));
	tui_put(y + 3, 13, 12, 0, tui_attr(ROLE_HEADER), _("Type"));
	tui_put(y + 3, 26, 12, 0, tui_attr(ROLE_HEADER), _("Room"));
	tui_put(y + 3, 39, 13, 1, tui_attr(ROLE_HEADER), _("Previous"));
	tui_put(y + 3, 53, 13, 0, tui_attr(ROLE_HEADER), _("New reading"));
	if (w > 68)
		tui_put(y + 3, 68, w - 68, 0, tui_attr(ROLE_HEADER), _("Warnings"));
	rows = tui_bottom() - (y + 4) + 1;
	if (rows < 1)
		rows = 1;
	if (r->cur < r->top)
		r->top = r->cur;
	if (r->cur >= r->top + (size_t)rows)
		r->top = r->cur - (size_t)rows + 1;
	for (i = r->top, row = y + 4; i < r->n && row <= tui_bottom(); i++, row++) {
		struct meter_row *m = &r->rows[i];
		int sel = r->focus == F_ROWS && i == r->cur;

		attr = tui_attr(sel ? ROLE_SELECTED : ROLE_NORMAL);
		tui_fill(row, 0, 52, attr);
		tui_put(row, 0, 12, 0, attr, m->code);
		tui_put(row, 13, 12, 0, attr, m->type);
		tui_put(row, 26, 12, 0, attr, m->room);
		tui_put(row, 39, 13, 1, attr, fixed_format(m->previous, 3, a, sizeof a));
		if (sel) {
			tui_put(row, 52, 1, 0, A_NORMAL, "");
			r->cy = row;
			r->cx = tui_edit_draw(&r->input, row, 53, 13, tui_attr(ROLE_FOCUS));
		} else
			tui_put(row, 52, 14, 1, tui_attr(ROLE_NORMAL), m->reading >= 0 ?
			    fixed_format(m->reading, 3, b, sizeof b) : "");
		tui_put(row, 68, w - 68, 0, tui_attr(ROLE_NEGATIVE), m->warn);
	}
}

/* The cursor goes in the field being typed in. */
static void
readings_cursor(struct screen *sc, int *y, int *x)
{
	struct readings *r = sc->data;

	*y = r->cy;
	*x = r->cx;
}

/* The editor of the field under the cursor. */
static struct tui_edit *
editor(struct readings *r)
{
	return r->focus == F_BUILDING ? &r->building : r->focus == F_PERIOD ?
	    &r->period : &r->input;
}

/* The building picked with F3 goes into its field. */
static void
picked_building(struct screen *owner, int64_t id, const char *key)
{
	struct readings *r = owner->data;

	(void)id;
	tui_edit_set(&r->building, key);
	r->focus = F_PERIOD;
}

/* The keys of the reading entry screen. */
static int
readings_action(struct screen *sc, enum tui_action a)
{
	struct readings *r = sc->data;

	switch (a) {
	case ACT_BACK:
		return tui_back(sc);
	case ACT_FIND:
		if (r->focus == F_BUILDING)
			tui_pick_search(sc->app, "buildings", r->building.buf,
			    picked_building, sc);
		return TUI_DONE;
	case ACT_REFRESH:
		show(sc);
		return TUI_DONE;
	case ACT_ENTER:
	case ACT_SAVE:
		if (r->focus == F_BUILDING)
			r->focus = F_PERIOD;
		else if (r->focus == F_PERIOD)
			show(sc);
		else if (r->n > 0)
			save(sc);
		return TUI_DONE;
	case ACT_TAB:
		r->focus = r->focus == F_ROWS || (r->focus == F_PERIOD && r->n == 0) ?
		    F_BUILDING : r->focus + 1;
		return TUI_DONE;
	case ACT_BTAB:
		r->focus = r->focus == F_BUILDING ? (r->n > 0 ? F_ROWS : F_PERIOD) :
		    r->focus - 1;
		return TUI_DONE;
	case ACT_DOWN:
		if (r->focus == F_ROWS && r->cur + 1 < r->n) {
			r->cur++;
			input_row(r);
		}
		return TUI_DONE;
	case ACT_UP:
		if (r->focus == F_ROWS && r->cur > 0) {
			r->cur--;
			input_row(r);
		}
		return TUI_DONE;
	case ACT_PGDN:
		if (r->focus == F_ROWS && r->n > 0) {
			r->cur = r->cur + 10 < r->n ? r->cur + 10 : r->n - 1;
			input_row(r);
		}
		return TUI_DONE;
	case ACT_PGUP:
		if (r->focus == F_ROWS) {
			r->cur = r->cur > 10 ? r->cur - 10 : 0;
			input_row(r);
		}
		return TUI_DONE;
	default:
		if (tui_edit_action(editor(r), a))
			return TUI_DONE;
		return TUI_PASS;
	}
}

/* Characters go into the field under the cursor. */
static int
readings_text(struct screen *sc, wchar_t ch)
{
	struct readings *r = sc->data;

	tui_edit_insert(editor(r), ch);
	return TUI_DONE;
}

static const enum tui_action readings_bar[] = { ACT_HELP, ACT_FIND, ACT_REFRESH,
	ACT_BACK, ACT_NONE };

static const struct tui_note readings_notes[] = {
	{ ACT_FIND, N_("Pick"), N_("pick a building from the list") },
	{ ACT_ENTER, NULL, N_("list the meters, or save the reading and move down") },
	{ ACT_NONE, NULL, NULL },
};

/* A reading typed on a meter and not yet saved with Enter. */
static int
readings_unsaved(struct screen *sc)
{
	const struct readings *r = sc->data;
	char buf[32];

	return r->focus == F_ROWS &&
	    strcmp(r->input.buf, row_text(r, buf, sizeof buf)) != 0;
}

static const struct screen_ops readings_ops = {
	.name = N_("Reading entry"),
	.help = N_("Type a building code (F3 picks one) and the period, and press "
	    "Enter: the meters of the building's rooms show with their previous "
	    "readings. Type the new reading of the selected meter and press Enter: "
	    "it is saved and the next meter is selected. Up and Down move without "
	    "saving; Enter on an empty reading skips the meter. Warnings (a likely "
	    "typo, usage over three times the average) show beside the meter; the "
	    "reading is kept."),
	.leave = readings_leave,
	.draw = readings_draw,
	.action = readings_action,
	.text = readings_text,
	.cursor = readings_cursor,
	.bar = readings_bar,
	.notes = readings_notes,
	.unsaved = readings_unsaved,
};

/* Open the reading entry screen for this month. */
int
tui_open_readings(struct app *app)
{
	struct readings *r = xcalloc(1, sizeof *r);
	struct wy_err e = { 0 };
	char period[PERIOD_BUFSIZE];

	if (entity_load(tui_conf(app), "readings", &r->ent, &e) != WY_OK) {
		tui_message(app, 1, "%s", e.msg);
		free(r);
		return e.code;
	}
	if (entity_load(tui_conf(app), "meters", &r->meters, &e) != WY_OK)
		entity_free(&r->meters);
	tui_edit_init(&r->building, "", 32);
	tui_edit_init(&r->period, period_format(period_of_date(date_today()), period), 7);
	tui_edit_init(&r->input, "", 16);
	return tui_push(app, &readings_ops, r);
}
