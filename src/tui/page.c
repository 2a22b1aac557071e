/* wuye: record pages: one record and, below it, the lists of records
 * linked to it, each page described by a table (struct page_def).  The room
 * page (以房间为主线) shows a room's occupants past and present, the family
 * of its current owners, its parking spaces and its handover findings; the
 * client page a client's rooms, family, vehicles, parking and leases.
 * Tab moves between the lists; Enter opens the selected record; F2 adds one
 * linked to this record (in the occupants, a move-in, 入伙); F8 in the
 * occupants is a move-out. */
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

#define NSECTIONS_MAX 6

struct sec_def {
	const char *form;	/* the form listed */
	const char *filter;	/* its field that holds the record's id */
	const char *title;	/* N_() */
	int of_owners;		/* filter by the current owners, not the record */
	int moves;		/* room-client links: F2 move-in, F8 move-out */
	const char *link;	/* F2 presets this field with the record's key */
	const char *today;	/* ... and this date field with today */
};

struct page_def {
	const char *form;	/* the record's form */
	const struct screen_ops *ops;	/* its name, help and handlers */
	const char *const *header;	/* the record's fields shown on top */
	const struct sec_def *secs;
	size_t nsecs;
};

static int page_load(struct screen *sc, struct wy_err *e);
static void page_leave(struct screen *sc);
static void page_draw(struct screen *sc);
static int page_action(struct screen *sc, enum tui_action a);

static const enum tui_action page_bar[] = { ACT_HELP, ACT_NEW, ACT_FIND,
	ACT_EDIT, ACT_REFRESH, ACT_QUICKFIND, ACT_DELETE, ACT_TAB, ACT_BACK,
	ACT_NONE };

static const struct tui_note page_notes[] = {
	{ ACT_NEW, NULL, N_("add a record linked to this one; in the occupants, a move-in") },
	{ ACT_EDIT, NULL, N_("change this record itself") },
	{ ACT_DELETE, N_("Move out"), N_("in the occupants: end the selected link today (a move-out)") },
	{ ACT_FIND, N_("Pay"), N_("the cashier for this room (room page)") },
	{ ACT_TAB, N_("Next list"), N_("the next list") },
	{ ACT_NONE, NULL, NULL },
};

static const struct screen_ops page_ops[] = {
	{ .name = N_("Room"), .enter = page_load, .leave = page_leave,
	  .draw = page_draw, .action = page_action, .bar = page_bar,
	  .notes = page_notes,
	  .help =
	  N_("A room and everything linked to it: its occupants (owners, tenants "
	  "and residents, past ones dimmed), the family members of its current "
	  "owners, its parking spaces and its handover findings.\n"
	  "Tab moves between the lists, Up and Down within one; Enter opens the "
	  "selected record. F4 edits the room itself.\n"
	  "In the occupants F2 is a move-in (入伙): a new link starting today; F8 "
	  "is a move-out: the selected link ends today (after asking). A room has "
	  "one payer (收费对象) at a time.\n"
	  "In the other lists F2 adds a record for this room. F3 opens the "
	  "cashier for the room.") },
	{ .name = N_("Client"), .enter = page_load, .leave = page_leave,
	  .draw = page_draw, .action = page_action, .bar = page_bar,
	  .notes = page_notes,
	  .help =
	  N_("A client and everything linked to them: their rooms (current and "
	  "past), family members, vehicles, parking spaces and leases.\n"
	  "Tab moves between the lists, Up and Down within one; Enter opens the "
	  "selected record. F4 edits the client.\n"
	  "In the rooms list F2 links the client to a room from today (a "
	  "move-in), F8 ends the selected link today (a move-out). In the other "
	  "lists F2 adds a record for this client.") },
};

static const char *const room_header[] = { "code", "building", "unit",
	"floor", "build_area", "charge_area", "layout", "orientation", "use",
	"state", "handover", NULL };

static const struct sec_def room_secs[] = {
	{ "occupancy", "room", N_("Occupants, current and past"), 0, 1, "room",
	  "start_date" },
	{ "family", "client", N_("Family of the current owners"), 1, 0, NULL, NULL },
	{ "parking", "room", N_("Parking spaces"), 0, 0, "room", NULL },
	{ "handover_findings", "room", N_("Handover findings"), 0, 0, "room", "found" },
};

static const char *const client_header[] = { "code", "name", "kind",
	"gender", "id_type", "id_no", "mobile", "home_phone", "hukou",
	"emergency_contact", "emergency_phone", "contact_person", NULL };

static const struct sec_def client_secs[] = {
	{ "occupancy", "client", N_("Rooms, current and past"), 0, 1, "client",
	  "start_date" },
	{ "family", "client", N_("Family members"), 0, 0, "client", NULL },
	{ "vehicles", "client", N_("Vehicles"), 0, 0, "client", NULL },
	{ "parking", "client", N_("Parking spaces"), 0, 0, "client", NULL },
	{ "leases", "client", N_("Leases"), 0, 0, "client", "start_date" },
};

static const struct page_def pages[] = {
	{ "rooms", &page_ops[0],
	  room_header, room_secs, sizeof room_secs / sizeof room_secs[0] },
	{ "clients", &page_ops[1],
	  client_header, client_secs, sizeof client_secs / sizeof client_secs[0] },
};

struct sec_row {
	int64_t id, version;
	int current;		/* links: no end date */
	int owner;		/* links: the role is owner */
	int64_t client;		/* links: the client's id */
	char **cells;
};

struct section {
	const struct sec_def *def;
	struct entity *ent;
	size_t *cols, ncols;	/* browse fields, without the filter field */
	struct sec_row *rows;
	size_t n, cap;
};

struct page {
	const struct page_def *def;
	int64_t id;
	struct entity *ent;
	char *key;		/* the record's key text */
	char *header;		/* "Label value  Label value ..." */
	struct section sec[NSECTIONS_MAX];
	int focus;		/* section with the cursor */
	size_t cur;		/* row in it */
};

static void
section_clear(struct section *sec)
{
	size_t i, c;

	for (i = 0; i < sec->n; i++) {
		for (c = 0; c < sec->ncols; c++)
			free(sec->rows[i].cells[c]);
		free(sec->rows[i].cells);
	}
	sec->n = 0;
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
	struct value *vals = (struct value *)v;
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
	end = entity_value(sec->ent, vals, "end_date");
	r->current = end != NULL && end->kind == VALUE_NULL;
	role = entity_value(sec->ent, vals, "role");
	r->owner = role != NULL && role->kind == VALUE_TEXT &&
	    strcmp(role->s, "owner") == 0;
	client = entity_value(sec->ent, vals, "client");
	r->client = client != NULL && client->kind == VALUE_INT ? client->i : 0;
	r->cells = xcalloc(sec->ncols, sizeof *r->cells);
	for (c = 0; c < sec->ncols; c++)
		r->cells[c] = field_display(a->s, &sec->ent->fields[sec->cols[c]],
		    &v[sec->cols[c]]);
	return 0;
}

/* Add to a section the rows whose filter field is id. */
static void
load_section(struct screen *sc, struct section *sec, int64_t id)
{
	struct adding a = { .s = tui_session(sc->app), .sec = sec };
	struct page_query q = { .filter = sec->def->filter, .filter_id = id,
	    .limit = 200 };
	struct wy_err e = { 0 };
	const struct field *order;

	if (sec->ent->order != NULL &&
	    (order = entity_field(sec->ent, sec->ent->order)) != NULL)
		q.sort = (size_t)(order - sec->ent->fields);
	if (entity_page(a.s, sec->ent, &q, add_sec_row, &a, &e) != WY_OK)
		tui_message(sc->app, 1, "%s", e.msg);
}

/* The header: each listed field's label and text, skipping empty ones. */
static char *
make_header(struct screen *sc, struct value *v)
{
	struct page *p = sc->data;
	const struct field *f;
	char buf[2048] = "", *t;
	size_t i, len;

	for (i = 0; p->def->header[i] != NULL; i++) {
		if ((f = entity_field(p->ent, p->def->header[i])) == NULL)
			continue;
		t = field_display(tui_session(sc->app), f, &v[f - p->ent->fields]);
		len = strlen(buf);
		if (*t != '\0' && len < sizeof buf - 1)
			snprintf(buf + len, sizeof buf - len, "%s%s %s", len ? "   " : "",
			    field_label(f), t);
		free(t);
	}
	return xstrdup(buf);
}

static int
page_load(struct screen *sc, struct wy_err *e)
{
	struct page *p = sc->data;
	struct session *s = tui_session(sc->app);
	struct value *v = xcalloc(p->ent->nfields, sizeof *v);
	const struct field *key;
	struct section *links = NULL;
	int64_t version;
	size_t i, k;
	int rc;

	if ((rc = entity_get(s, p->ent, p->id, v, &version, e)) != WY_OK) {
		free(v);
		return rc;
	}
	free(p->header);
	free(p->key);
	p->header = make_header(sc, v);
	key = entity_field(p->ent, p->ent->key);
	p->key = key != NULL ? field_text(s, key, &v[key - p->ent->fields]) :
	    xstrdup("");
	values_clear(v, p->ent->nfields);
	free(v);

	for (k = 0; k < p->def->nsecs; k++) {
		section_clear(&p->sec[k]);
		if (p->sec[k].def->moves)
			links = &p->sec[k];
	}
	for (k = 0; k < p->def->nsecs; k++) {
		if (!p->sec[k].def->of_owners) {
			load_section(sc, &p->sec[k], p->id);
			continue;
		}
		for (i = 0; links != NULL && i < links->n; i++)
			if (links->rows[i].current && links->rows[i].owner)
				load_section(sc, &p->sec[k], links->rows[i].client);
	}
	if (p->cur >= p->sec[p->focus].n)
		p->cur = p->sec[p->focus].n > 0 ? p->sec[p->focus].n - 1 : 0;
	return WY_OK;
}

static void
page_free(struct page *p)
{
	size_t k;

	for (k = 0; k < NSECTIONS_MAX; k++) {
		section_clear(&p->sec[k]);
		free(p->sec[k].rows);
		free(p->sec[k].cols);
		entity_free(&p->sec[k].ent);
	}
	free(p->header);
	free(p->key);
	entity_free(&p->ent);
	free(p);
}

static void
page_leave(struct screen *sc)
{
	page_free(sc->data);
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

/* Draw the header wrapped over up to three lines; returns the next row. */
static int
draw_header(const struct page *p, int y)
{
	char line[1024];
	const char *s = p->header;
	size_t pos = 0, next, start;
	int lines = 0, w;

	while (s[pos] != '\0' && lines < 3) {
		start = pos;
		w = 0;
		while (s[pos] != '\0') {
			next = utf8_next(s, pos);
			snprintf(line, sizeof line, "%.*s", (int)(next - pos), s + pos);
			if (w + utf8_width(line) > COLS - 2)
				break;
			w += utf8_width(line);
			pos = next;
		}
		if (s[pos] != '\0') {	/* break at the last field gap */
			size_t gap = pos;

			while (gap > start + 3 && strncmp(s + gap - 3, "   ", 3) != 0)
				gap--;
			if (gap > start + 3)
				pos = gap;
		}
		snprintf(line, sizeof line, "%.*s", (int)(pos - start), s + start);
		tui_put(y++, 1, COLS - 2, 0, lines == 0 ? tui_attr(ROLE_TITLE) :
		    (int)A_NORMAL, line);
		lines++;
		while (s[pos] == ' ')
			pos++;
	}
	return y;
}

static void
page_draw(struct screen *sc)
{
	struct page *p = sc->data;
	const struct section *sec;
	int y = tui_top(), x, w[64], attr;
	size_t c, i, k;
	char title[128];

	y = draw_header(p, y);
	for (k = 0; k < p->def->nsecs && y < tui_bottom(); k++) {
		sec = &p->sec[k];
		snprintf(title, sizeof title, "── %s (%zu) ", _(sec->def->title), sec->n);
		tui_put(y++, 0, COLS, 0, tui_attr((int)k == p->focus ? ROLE_TITLE :
		    ROLE_BORDER), title);
		if (sec->n == 0)
			continue;
		section_widths(sec, w);
		for (c = 0, x = 2; c < sec->ncols && x < COLS; c++) {
			tui_put(y, x, w[c], 0, tui_attr(ROLE_HEADER),
			    field_label(&sec->ent->fields[sec->cols[c]]));
			x += w[c] + 2;
		}
		y++;
		for (i = 0; i < sec->n && y <= tui_bottom(); i++, y++) {
			attr = (int)k == p->focus && i == p->cur ? tui_attr(ROLE_SELECTED) :
			    sec->def->moves && !sec->rows[i].current ?
			    tui_attr(ROLE_DIM) : (int)A_NORMAL;
			if ((int)k == p->focus && i == p->cur)
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
	struct page *p = owner->data;
	struct sec_row *row = &p->sec[p->focus].rows[p->cur];
	struct wy_err e = { 0 };
	char today[DATE_BUFSIZE];

	date_format(date_today(), today);
	if (client_move_out(tui_session(owner->app), row->id, row->version, today,
	    &e) != WY_OK)
		tui_message(owner->app, 1, "%s", e.msg);
	else
		tui_message(owner->app, 0, _("Moved out on %s."), today);
	page_load(owner, &e);
	return TUI_DONE;
}

/* F2 in a list: a new record linked to this one. */
static void
add_linked(struct screen *sc)
{
	struct page *p = sc->data;
	const struct sec_def *d = p->sec[p->focus].def;
	char today[DATE_BUFSIZE];
	const char *preset[12];
	size_t n = 0;

	if (d->link == NULL)
		return;
	date_format(date_today(), today);
	preset[n++] = d->link;
	preset[n++] = p->key;
	if (d->today != NULL) {
		preset[n++] = d->today;
		preset[n++] = today;
	}
	if (d->moves) {	/* a move-in: an owner who pays, by default */
		preset[n++] = "role";
		preset[n++] = "owner";
		preset[n++] = "payer";
		preset[n++] = "yes";
	}
	preset[n] = NULL;
	tui_open_form(sc->app, d->form, 0, preset);
}

static int
page_action(struct screen *sc, enum tui_action a)
{
	struct page *p = sc->data;
	struct section *sec = &p->sec[p->focus];
	struct wy_err e = { 0 };
	char today[DATE_BUFSIZE], question[256];

	switch (a) {
	case ACT_TAB:
		p->focus = (p->focus + 1) % (int)p->def->nsecs;
		p->cur = 0;
		return TUI_DONE;
	case ACT_BTAB:
		p->focus = (p->focus + (int)p->def->nsecs - 1) % (int)p->def->nsecs;
		p->cur = 0;
		return TUI_DONE;
	case ACT_DOWN:
		if (p->cur + 1 < sec->n)
			p->cur++;
		return TUI_DONE;
	case ACT_UP:
		if (p->cur > 0)
			p->cur--;
		return TUI_DONE;
	case ACT_ENTER:
		if (sec->n > 0)
			tui_open_form(sc->app, sec->def->form, sec->rows[p->cur].id, NULL);
		return TUI_DONE;
	case ACT_EDIT:
		tui_open_form(sc->app, p->def->form, p->id, NULL);
		return TUI_DONE;
	case ACT_FIND:	/* the room's cashier */
		if (strcmp(p->def->form, "rooms") != 0)
			return TUI_DONE;
		tui_open_cashier(sc->app, p->id);
		return TUI_DONE;
	case ACT_NEW:
		add_linked(sc);
		return TUI_DONE;
	case ACT_DELETE:	/* a move-out */
		if (!sec->def->moves || sec->n == 0)
			return TUI_DONE;
		if (!sec->rows[p->cur].current) {
			tui_message(sc->app, 1, _("That link has already ended."));
			return TUI_DONE;
		}
		date_format(date_today(), today);
		snprintf(question, sizeof question, _("End the link %s / %s today (%s): a move-out?"),
		    sec->rows[p->cur].cells[0], p->key, today);
		return tui_confirm(sc->app, question, moved_out, sc);
	case ACT_REFRESH:
		if (page_load(sc, &e) != WY_OK) {
			tui_message(sc->app, 1, "%s", e.msg);
			return TUI_POP | TUI_RELOAD;
		}
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

int
tui_has_page(const char *form)
{
	size_t i;

	for (i = 0; i < sizeof pages / sizeof pages[0]; i++)
		if (strcmp(pages[i].form, form) == 0)
			return 1;
	return 0;
}

int
tui_open_page(struct app *app, const char *form, int64_t id)
{
	struct page *p;
	struct wy_err e = { 0 };
	const struct field *f;
	size_t i, k, d;

	for (d = 0; d < sizeof pages / sizeof pages[0]; d++)
		if (strcmp(pages[d].form, form) == 0)
			break;
	if (d == sizeof pages / sizeof pages[0])
		return tui_open_form(app, form, id, NULL);
	p = xcalloc(1, sizeof *p);
	p->def = &pages[d];
	p->id = id;
	if (entity_load(tui_conf(app), form, &p->ent, &e) != WY_OK)
		goto fail;
	for (k = 0; k < p->def->nsecs; k++) {
		struct section *sec = &p->sec[k];

		sec->def = &p->def->secs[k];
		if (entity_load(tui_conf(app), sec->def->form, &sec->ent, &e) != WY_OK)
			goto fail;
		sec->cols = xcalloc(sec->ent->nfields, sizeof *sec->cols);
		for (i = 0; i < sec->ent->nfields; i++) {
			f = &sec->ent->fields[i];
			if (f->in_list && strcmp(f->name, sec->def->filter) != 0)
				sec->cols[sec->ncols++] = i;
		}
	}
	return tui_push(app, p->def->ops, p);
fail:
	tui_message(app, 1, "%s", e.msg);
	page_free(p);
	return e.code;
}
