/* wuye: the room page (以房间为主线): a room's record and, below it, its
 * occupants past and present (owners, tenants, residents), the family of
 * its current owners, its parking spaces and its handover findings.  Tab
 * moves between the lists; Enter opens the selected record; F2 in the
 * occupants is a move-in (入伙), F8 there a move-out. */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/date.h"
#include "wuye/entity.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/property.h"
#include "wuye/utf8.h"

enum { SEC_OCCUPANTS, SEC_FAMILY, SEC_PARKING, SEC_FINDINGS, NSECTIONS };

struct sec_row {
	int64_t id, version;
	int current;		/* occupants: no end date */
	int owner;		/* occupants: the role is owner */
	int64_t client;		/* occupants: the client's id */
	char **cells;
};

struct section {
	const char *form;	/* form name */
	const char *filter;	/* field that links it to the room (or client) */
	const char *title;	/* N_() */
	struct entity *ent;
	size_t *cols, ncols;	/* browse fields, without the filter field */
	struct sec_row *rows;
	size_t n, cap;
};

struct room {
	int64_t id;
	struct entity *ent;	/* rooms */
	char *header[3];	/* the room's own lines */
	char *code;
	struct section sec[NSECTIONS];
	int focus;		/* section with the cursor */
	size_t cur;		/* row in it */
};

static const struct {
	const char *form, *filter, *title;
} sec_def[NSECTIONS] = {
	[SEC_OCCUPANTS] = { "occupancy", "room", N_("Occupants, current and past") },
	[SEC_FAMILY] = { "family", "client", N_("Family of the current owners") },
	[SEC_PARKING] = { "parking", "room", N_("Parking spaces") },
	[SEC_FINDINGS] = { "handover_findings", "room", N_("Handover findings") },
};

static void
section_clear(struct section *sc)
{
	size_t i, c;

	for (i = 0; i < sc->n; i++) {
		for (c = 0; c < sc->ncols; c++)
			free(sc->rows[i].cells[c]);
		free(sc->rows[i].cells);
	}
	sc->n = 0;
}

struct adding {
	struct session *s;
	struct section *sec;
};

static int
add_sec_row(void *arg, int64_t id, int64_t version, const struct value *v)
{
	struct adding *a = arg;
	struct section *sec = a->sec;
	const struct value *end, *client, *role;
	struct sec_row *r;
	size_t c;

	if (sec->n == sec->cap) {
		sec->cap = sec->cap * 2 + 8;
		sec->rows = xrealloc(sec->rows, sec->cap * sizeof *sec->rows);
	}
	r = &sec->rows[sec->n++];
	memset(r, 0, sizeof *r);
	r->id = id;
	r->version = version;
	end = entity_value(sec->ent, (struct value *)v, "end_date");
	r->current = end != NULL && end->kind == VALUE_NULL;
	role = entity_value(sec->ent, (struct value *)v, "role");
	r->owner = role != NULL && role->kind == VALUE_TEXT &&
	    strcmp(role->s, "owner") == 0;
	client = entity_value(sec->ent, (struct value *)v, "client");
	r->client = client != NULL && client->kind == VALUE_INT ? client->i : 0;
	r->cells = xcalloc(sec->ncols, sizeof *r->cells);
	for (c = 0; c < sec->ncols; c++)
		r->cells[c] = field_display(a->s, &sec->ent->fields[sec->cols[c]],
		    &v[sec->cols[c]]);
	return 0;
}

/* Load a section's rows: those whose filter field is id. */
static void
load_section(struct screen *sc, struct section *sec, int64_t id)
{
	struct adding a = { .s = tui_session(sc->app), .sec = sec };
	struct page_query q = { .filter = sec->filter, .filter_id = id, .limit = 200 };
	struct wy_err e = { 0 };
	const struct field *order;

	if (sec->ent->order != NULL && (order = entity_field(sec->ent, sec->ent->order)) != NULL)
		q.sort = (size_t)(order - sec->ent->fields);
	if (entity_page(a.s, sec->ent, &q, add_sec_row, &a, &e) != WY_OK)
		tui_message(sc->app, 1, "%s", e.msg);
}

/* The display text of the room's field called name ("" if none). */
static char *
room_text(struct screen *sc, struct value *v, const char *name)
{
	struct room *r = sc->data;
	const struct field *f = entity_field(r->ent, name);

	return f != NULL ? field_display(tui_session(sc->app), f,
	    &v[f - r->ent->fields]) : xstrdup("");
}

static int
room_load(struct screen *sc, struct wy_err *e)
{
	static const char *const names[] = { "code", "building", "unit", "floor",
	    "build_area", "charge_area", "layout", "orientation", "use", "state",
	    "handover" };
	enum { CODE, BUILDING, UNIT, FLOOR, AREA, CHARGE, LAYOUT, ORIENT, USE,
	    STATE, HANDOVER, NTEXTS };
	struct room *r = sc->data;
	struct session *s = tui_session(sc->app);
	struct value *v = xcalloc(r->ent->nfields, sizeof *v);
	struct section *occ = &r->sec[SEC_OCCUPANTS];
	char *t[NTEXTS];
	int64_t version;
	size_t i;
	int rc;

	if ((rc = entity_get(s, r->ent, r->id, v, &version, e)) != WY_OK) {
		free(v);
		return rc;
	}
	for (i = 0; i < NTEXTS; i++)
		t[i] = room_text(sc, v, names[i]);
	for (i = 0; i < 3; i++)
		free(r->header[i]);
	free(r->code);
	r->code = xstrdup(t[CODE]);
	r->header[0] = xasprintf("%s %s   %s %s  %s %s  %s %s", _("Room"),
	    t[CODE], _("Building"), t[BUILDING], _("Unit"), t[UNIT], _("Floor"),
	    t[FLOOR]);
	r->header[1] = xasprintf("%s %s m²  %s %s m²   %s  %s  %s", _("Area"),
	    t[AREA], _("charged"), t[CHARGE], t[LAYOUT], t[ORIENT], t[USE]);
	r->header[2] = xasprintf("%s: %s   %s: %s", _("State"), t[STATE],
	    _("Handover"), *t[HANDOVER] ? t[HANDOVER] : "-");
	for (i = 0; i < NTEXTS; i++)
		free(t[i]);
	values_clear(v, r->ent->nfields);
	free(v);

	for (i = 0; i < NSECTIONS; i++)
		section_clear(&r->sec[i]);
	load_section(sc, occ, r->id);
	for (i = 0; i < occ->n; i++)
		if (occ->rows[i].current && occ->rows[i].owner)
			load_section(sc, &r->sec[SEC_FAMILY], occ->rows[i].client);
	load_section(sc, &r->sec[SEC_PARKING], r->id);
	load_section(sc, &r->sec[SEC_FINDINGS], r->id);
	if (r->cur >= r->sec[r->focus].n)
		r->cur = r->sec[r->focus].n > 0 ? r->sec[r->focus].n - 1 : 0;
	return WY_OK;
}

static void
room_leave(struct screen *sc)
{
	struct room *r = sc->data;
	size_t k;

	for (k = 0; k < NSECTIONS; k++) {
		section_clear(&r->sec[k]);
		free(r->sec[k].rows);
		free(r->sec[k].cols);
		entity_free(&r->sec[k].ent);
	}
	for (k = 0; k < 3; k++)
		free(r->header[k]);
	free(r->code);
	entity_free(&r->ent);
	free(r);
}

/* Column widths of a section: the widest of the label and the cells. */
static void
section_widths(const struct section *sec, int *w)
{
	size_t c, i;
	int cw;

	for (c = 0; c < sec->ncols; c++) {
		w[c] = utf8_width(field_label(&sec->ent->fields[sec->cols[c]]));
		for (i = 0; i < sec->n; i++)
			if ((cw = utf8_width(sec->rows[i].cells[c])) > w[c])
				w[c] = cw > 24 ? 24 : cw;
	}
}

static void
room_draw(struct screen *sc)
{
	struct room *r = sc->data;
	const struct section *sec;
	int y = tui_top(), x, w[32], k, attr;
	size_t c, i;
	char title[128];

	for (k = 0; k < 3; k++)
		tui_put(y++, 1, COLS - 2, 0, k == 0 ? tui_attr(ROLE_TITLE) : (int)A_NORMAL,
		    r->header[k]);
	for (k = 0; k < NSECTIONS && y < tui_bottom(); k++) {
		sec = &r->sec[k];
		snprintf(title, sizeof title, "── %s (%zu) ", _(sec_def[k].title), sec->n);
		tui_put(y++, 0, COLS, 0, tui_attr(k == r->focus ? ROLE_TITLE : ROLE_BORDER),
		    title);
		if (sec->n == 0)
			continue;
		section_widths(sec, w);
		for (c = 0, x = 2; c < sec->ncols && x < COLS && y < tui_bottom(); c++) {
			tui_put(y, x, w[c], 0, tui_attr(ROLE_HEADER),
			    field_label(&sec->ent->fields[sec->cols[c]]));
			x += w[c] + 2;
		}
		y++;
		for (i = 0; i < sec->n && y <= tui_bottom(); i++, y++) {
			attr = k == r->focus && i == r->cur ? tui_attr(ROLE_SELECTED) :
			    k == SEC_OCCUPANTS && !sec->rows[i].current ?
			    tui_attr(ROLE_DIM) : (int)A_NORMAL;
			if (k == r->focus && i == r->cur)
				tui_fill(y, 0, COLS, attr);
			for (c = 0, x = 2; c < sec->ncols && x < COLS; c++) {
				tui_put(y, x, w[c], 0, attr, sec->rows[i].cells[c]);
				x += w[c] + 2;
			}
		}
	}
}

static int
moved_out(struct screen *owner)
{
	struct room *r = owner->data;
	struct sec_row *row = &r->sec[SEC_OCCUPANTS].rows[r->cur];
	struct wy_err e = { 0 };
	char today[DATE_BUFSIZE];

	date_format(date_today(), today);
	if (client_move_out(tui_session(owner->app), row->id, row->version, today,
	    &e) != WY_OK)
		tui_message(owner->app, 1, "%s", e.msg);
	else
		tui_message(owner->app, 0, _("Moved out on %s."), today);
	room_load(owner, &e);
	return TUI_DONE;
}

static int
room_action(struct screen *sc, enum tui_action a)
{
	struct room *r = sc->data;
	struct section *sec = &r->sec[r->focus];
	struct wy_err e = { 0 };
	char today[DATE_BUFSIZE], question[256];
	const char *move_in[] = { "room", r->code, "start_date", today, "role",
	    "owner", "payer", "yes", NULL };
	const char *here[] = { "room", r->code, "found", today, NULL };

	date_format(date_today(), today);
	switch (a) {
	case ACT_TAB:
		r->focus = (r->focus + 1) % NSECTIONS;
		r->cur = 0;
		return TUI_DONE;
	case ACT_BTAB:
		r->focus = (r->focus + NSECTIONS - 1) % NSECTIONS;
		r->cur = 0;
		return TUI_DONE;
	case ACT_DOWN:
		if (r->cur + 1 < sec->n)
			r->cur++;
		return TUI_DONE;
	case ACT_UP:
		if (r->cur > 0)
			r->cur--;
		return TUI_DONE;
	case ACT_ENTER:
		if (sec->n > 0)
			tui_open_form(sc->app, sec_def[r->focus].form, sec->rows[r->cur].id,
			    NULL);
		return TUI_DONE;
	case ACT_EDIT:
		tui_open_form(sc->app, "rooms", r->id, NULL);
		return TUI_DONE;
	case ACT_NEW:	/* move-in, or a new parking space or finding here */
		if (r->focus == SEC_OCCUPANTS)
			tui_open_form(sc->app, "occupancy", 0, move_in);
		else if (r->focus == SEC_PARKING) {
			here[2] = NULL;	/* just the room */
			tui_open_form(sc->app, "parking", 0, here);
		} else if (r->focus == SEC_FINDINGS)
			tui_open_form(sc->app, "handover_findings", 0, here);
		return TUI_DONE;
	case ACT_DELETE:	/* move-out */
		if (r->focus != SEC_OCCUPANTS || sec->n == 0)
			return TUI_DONE;
		if (!sec->rows[r->cur].current) {
			tui_message(sc->app, 1, _("That link has already ended."));
			return TUI_DONE;
		}
		snprintf(question, sizeof question, _("Move %s out of %s today (%s)?"),
		    sec->rows[r->cur].cells[0], r->code, today);
		return tui_confirm(sc->app, question, moved_out, sc);
	case ACT_REFRESH:
		if (room_load(sc, &e) != WY_OK) {
			tui_message(sc->app, 1, "%s", e.msg);
			return TUI_POP | TUI_RELOAD;
		}
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

static const enum tui_action room_bar[] = { ACT_HELP, ACT_NEW, ACT_EDIT,
	ACT_REFRESH, ACT_QUICKFIND, ACT_DELETE, ACT_MENU, ACT_BACK, ACT_NONE };

static const struct screen_ops room_ops = {
	.name = N_("Room"),
	.help = N_("A room and everything linked to it: its occupants (owners, "
	    "tenants and residents, past ones dimmed), the family members of its "
	    "current owners, its parking spaces and its handover findings.\n"
	    "Tab moves between the lists, Up and Down within one; Enter opens the "
	    "selected record. F4 edits the room itself.\n"
	    "In the occupants list F2 is a move-in (入伙): a new link starting "
	    "today; F8 is a move-out: the selected link ends today (after "
	    "asking). A room has one payer (收费对象) at a time.\n"
	    "In the parking and findings lists F2 adds one for this room."),
	.enter = room_load,
	.leave = room_leave,
	.draw = room_draw,
	.action = room_action,
	.bar = room_bar,
};

int
tui_open_room(struct app *app, int64_t room_id)
{
	struct room *r;
	struct wy_err e = { 0 };
	const struct field *f;
	size_t k, i;

	r = xcalloc(1, sizeof *r);
	r->id = room_id;
	if (entity_load(tui_conf(app), "rooms", &r->ent, &e) != WY_OK)
		goto fail;
	for (k = 0; k < NSECTIONS; k++) {
		struct section *sec = &r->sec[k];

		sec->form = sec_def[k].form;
		sec->filter = sec_def[k].filter;
		if (entity_load(tui_conf(app), sec->form, &sec->ent, &e) != WY_OK)
			goto fail;
		sec->cols = xcalloc(sec->ent->nfields, sizeof *sec->cols);
		for (i = 0; i < sec->ent->nfields; i++) {
			f = &sec->ent->fields[i];
			if (f->in_list && strcmp(f->name, sec->filter) != 0)
				sec->cols[sec->ncols++] = i;
		}
	}
	return tui_push(app, &room_ops, r);
fail:
	tui_message(app, 1, "%s", e.msg);
	room_leave(&(struct screen){ .data = r });
	return e.code;
}
