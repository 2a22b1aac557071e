/* wuye: the building map (楼盘图).
 *
 * One building's rooms laid out as the building stands: floors top to
 * bottom from the highest, units left to right, each room a cell with its
 * number and a letter (V vacant, O owner-occupied, R rented, D renovating,
 * S for sale, A in arrears whatever the state), coloured (vacant dim, paid
 * up green, arrears red and bold) and readable without colour by the
 * letters alone.  Above the map a legend and the counts; below it a line
 * on the room under the cursor (code, client, what it owes).  The arrows
 * move between rooms, PgUp and PgDn go to the previous and next building
 * of the estate, F3 picks another; Enter opens the cashier on the room, F4
 * its page, and the map reloads when it shows again.  A building wider or
 * taller than the terminal scrolls to keep the cursor in view.
 */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/auth.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/money.h"
#include "wuye/roommap.h"
#include "wuye/utf8.h"

#define FLOOR_W 6	/* the floor-number column, with its gap */
#define LABEL_MAX 10	/* widest room number shown */

/* A unit's block of columns. */
struct map_unit {
	int unit;
	int first;		/* its first column */
	int ncols;		/* the most rooms on one of its floors */
	int x;			/* virtual x of its separator */
	int w;			/* width of its cells (and header) */
};

struct map {
	struct roommap m;
	int *floors;		/* the floors that have rooms, highest first */
	int nfloors;
	struct map_unit *units;
	int nunits;
	int ncols;		/* columns over all units */
	long *grid;		/* nfloors x ncols: room index or -1 */
	int *row, *col;		/* each room's place */
	int *colx;		/* virtual x of each column */
	int width;		/* virtual width of the map */
	int labelw;		/* width of the room numbers */
	long cur;		/* room under the cursor, -1: none */
	int top;		/* first floor row shown */
	int xoff;		/* first virtual column shown */
	int stale;		/* reload when next drawn (after the cashier) */
	int64_t want;		/* the building to open with */
	struct screen *self;	/* the map's screen */
};

/* Free the layout (not the map). */
static void
layout_free(struct map *p)
{
	free(p->floors);
	free(p->units);
	free(p->grid);
	free(p->row);
	free(p->col);
	free(p->colx);
	p->floors = NULL;
	p->units = NULL;
	p->grid = NULL;
	p->row = p->col = p->colx = NULL;
	p->nfloors = p->nunits = p->ncols = p->width = 0;
}

/* Order floors highest first. */
static int
floor_cmp(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;

	return a < b ? 1 : a > b ? -1 : 0;
}

/* The row of floor f (floors are few: a linear search). */
static int
row_of_floor(const struct map *p, int f)
{
	int i;

	for (i = 0; i < p->nfloors; i++)
		if (p->floors[i] == f)
			return i;
	return 0;
}

/* Lay the rooms out: rows by floor, columns by unit and place on the
 * floor (the rooms come by unit, floor and code). */
static void
layout(struct map *p)
{
	const struct roommap *m = &p->m;
	char head[64];
	size_t i, j, k;
	int u, w, pos, *upos;

	layout_free(p);
	p->floors = xcalloc(m->n + 1, sizeof *p->floors);
	p->units = xcalloc(m->n + 1, sizeof *p->units);
	p->row = xcalloc(m->n + 1, sizeof *p->row);
	p->col = xcalloc(m->n + 1, sizeof *p->col);
	upos = xcalloc(m->n + 1, sizeof *upos);
	p->labelw = 2;
	for (i = 0; i < m->n; i++) {
		for (k = 0; k < (size_t)p->nfloors; k++)
			if (p->floors[k] == m->rooms[i].floor)
				break;
		if (k == (size_t)p->nfloors)
			p->floors[p->nfloors++] = m->rooms[i].floor;
		w = utf8_width(roommap_number(&m->rooms[i]));
		if (w > p->labelw)
			p->labelw = w > LABEL_MAX ? LABEL_MAX : w;
	}
	qsort(p->floors, (size_t)p->nfloors, sizeof *p->floors, floor_cmp);
	/* Place of each room on its floor within its unit. */
	for (i = 0; i < m->n; i = j) {
		u = p->nunits++;
		p->units[u].unit = m->rooms[i].unit;
		p->units[u].first = p->ncols;
		for (j = i; j < m->n && m->rooms[j].unit == m->rooms[i].unit; j++) {
			pos = j > i && m->rooms[j].floor == m->rooms[j - 1].floor ?
			    upos[j - 1] + 1 : 0;
			upos[j] = pos;
			p->row[j] = row_of_floor(p, m->rooms[j].floor);
			if (pos + 1 > p->units[u].ncols)
				p->units[u].ncols = pos + 1;
		}
		for (k = i; k < j; k++)
			p->col[k] = p->ncols + upos[k];
		p->ncols += p->units[u].ncols;
	}
	free(upos);
	p->grid = xcalloc((size_t)(p->nfloors * p->ncols) + 1, sizeof *p->grid);
	for (k = 0; k < (size_t)(p->nfloors * p->ncols); k++)
		p->grid[k] = -1;
	for (i = 0; i < m->n; i++)
		p->grid[p->row[i] * p->ncols + p->col[i]] = (long)i;
	/* Virtual x: per unit a separator and a space, then the cells, each
	 * the number, a space and the letter, then a gap. */
	p->colx = xcalloc((size_t)p->ncols + 1, sizeof *p->colx);
	for (u = 0, w = 0; u < p->nunits; u++) {
		p->units[u].x = w;
		w += 2;
		for (pos = 0; pos < p->units[u].ncols; pos++) {
			p->colx[p->units[u].first + pos] = w;
			w += p->labelw + 3;
		}
		/* Wide enough for its header too. */
		snprintf(head, sizeof head, _("Unit %d"), p->units[u].unit);
		if (p->units[u].x + 2 + utf8_width(head) + 1 > w)
			w = p->units[u].x + 2 + utf8_width(head) + 1;
		p->units[u].w = w - 1 - (p->units[u].x + 2);
	}
	p->width = w > 0 ? w - 1 : 0;	/* no gap after the last cell */
}

/* The width of one cell. */
static int
cell_w(const struct map *p)
{
	return p->labelw + 2;
}

/* Load building id's map, the cursor on room keep (or the top left). */
static int
load_map(struct map *p, struct session *s, int64_t id, int64_t keep,
    struct wy_err *e)
{
	struct roommap m;
	long at;
	int c;

	p->stale = 0;
	if (roommap_load(s, id, NULL, &m, e) != WY_OK)
		return e->code;
	roommap_free(&p->m);
	p->m = m;
	layout(p);
	at = keep != 0 ? roommap_find(&p->m, keep) : -1;
	if (at < 0) {
		p->top = p->xoff = 0;
		for (c = 0; c < p->ncols && at < 0; c++)
			at = p->grid[c];	/* the highest floor has a room */
	}
	p->cur = at;
	return WY_OK;
}

/* Load as load_map, with a failure shown on the status line. */
static void
load(struct screen *sc, int64_t id, int64_t keep)
{
	struct wy_err e = { 0 };

	if (load_map(sc->data, tui_session(sc->app), id, keep, &e) != WY_OK)
		tui_message(sc->app, 1, "%s", e.msg);
}

/* The attribute of a room's cell. */
static int
room_attr(const struct roommap_room *r)
{
	if (r->owed > 0)
		return tui_attr(ROLE_NEGATIVE) | A_BOLD;
	if (strcmp(r->state, "vacant") == 0)
		return tui_attr(ROLE_DIM);
	return tui_attr(ROLE_INFO) & ~A_BOLD;
}

/* 1 when the catalogue in use is Chinese. */
static int
chinese(void)
{
	return strcmp(_("English"), "English") != 0;
}

/* Scroll so the cursor's cell shows in rows rows and cols columns. */
static void
scroll_to(struct map *p, int rows, int cols)
{
	int r, x, w = cell_w(p);

	if (p->cur < 0)
		return;
	r = p->row[p->cur];
	if (r < p->top)
		p->top = r;
	if (rows > 0 && r >= p->top + rows)
		p->top = r - rows + 1;
	x = p->colx[p->col[p->cur]];
	if (x - 2 < p->xoff)
		p->xoff = x - 2 > 0 ? x - 2 : 0;
	if (cols > 0 && x + w > p->xoff + cols)
		p->xoff = x + w - cols;
}

/* Paint the legend: each letter in its colour, then its meaning. */
static void
draw_legend(int y, int x, int w)
{
	static const struct { char letter; const char *state; const char *text; } items[] = {
		{ 'V', "vacant", N_("vacant") },
		{ 'O', "owner", N_("owner-occupied") },
		{ 'R', "rented", N_("rented") },
		{ 'D', "renovating", N_("renovating") },
		{ 'S', "for_sale", N_("for sale") },
		{ 'A', NULL, N_("in arrears") },
	};
	struct roommap_room r;
	char letter[2];
	size_t i;
	int tw;

	for (i = 0; i < sizeof items / sizeof items[0] && x < w; i++) {
		memset(&r, 0, sizeof r);
		snprintf(r.state, sizeof r.state, "%s", items[i].state != NULL ?
		    items[i].state : "owner");
		r.owed = items[i].state == NULL;
		letter[0] = items[i].letter;
		letter[1] = '\0';
		tui_put(y, x, 1, 0, room_attr(&r), letter);
		tw = utf8_width(_(items[i].text));
		tui_put(y, x + 2, w - x - 2, 0, A_NORMAL, _(items[i].text));
		x += tw + 4;
	}
}

/* The line about the room under the cursor: code, client, what it owes
 * (in the colour of its cell), state. */
static void
draw_room_line(struct map *p, int y, int w)
{
	const struct roommap_room *r;
	char buf[512], owed[MONEY_BUFSIZE], what[256];
	const char *state;
	int x = 1;

	tui_fill(y, 0, w, A_NORMAL);
	if (p->cur < 0)
		return;
	r = &p->m.rooms[p->cur];
	state = chinese() ? r->state_zh : r->state_en;
	snprintf(buf, sizeof buf, "%s │ %s │ ", r->code, *r->client ?
	    r->client : _("(nobody)"));
	tui_put(y, x, w - x, 0, tui_attr(ROLE_TITLE), buf);
	x += utf8_width(buf);
	if (r->owed > 0)
		snprintf(what, sizeof what, _("owes %s, due since %s (bills: %lld)"),
		    money_format_grouped(r->owed, owed, sizeof owed),
		    r->oldest_due, (long long)r->bills);
	else
		snprintf(what, sizeof what, "%s", _("paid up"));
	if (x < w)
		tui_put(y, x, w - x, 0, room_attr(r), what);
	x += utf8_width(what);
	snprintf(buf, sizeof buf, " │ %s", *state ? state : r->state);
	if (x < w)
		tui_put(y, x, w - x, 0, A_NORMAL, buf);
}

/* Paint a floor row: the floor number, the separators and the cells. */
static void
draw_floor(struct map *p, int y, int row, int avail)
{
	const struct roommap_room *r;
	char buf[64], num[4 * LABEL_MAX + 1];
	int u, c, x, w = cell_w(p), attr;
	long at;

	snprintf(buf, sizeof buf, "%d", p->floors[row]);
	tui_put(y, 0, FLOOR_W - 2, 1, tui_attr(ROLE_HEADER) & ~A_UNDERLINE, buf);
	for (u = 0; u < p->nunits; u++) {
		x = p->units[u].x - p->xoff;
		if (x >= 0 && x < avail)
			tui_put(y, FLOOR_W + x, 1, 0, tui_attr(ROLE_BORDER), "│");
		for (c = p->units[u].first; c < p->units[u].first +
		    p->units[u].ncols; c++) {
			x = p->colx[c] - p->xoff;
			if (x < 0 || x + w > avail)
				continue;
			if ((at = p->grid[row * p->ncols + c]) < 0)
				continue;
			r = &p->m.rooms[at];
			snprintf(buf, sizeof buf, "%s %c", utf8_fit(roommap_number(r),
			    p->labelw, 0, num, sizeof num), roommap_letter(r));
			attr = at == p->cur ? tui_attr(ROLE_SELECTED) : room_attr(r);
			tui_put(y, FLOOR_W + x, w, 0, attr, buf);
		}
	}
}

/* Paint the title, counts, legend, map and the room line. */
static void
map_draw(struct screen *sc)
{
	struct map *p = sc->data;
	const struct roommap_counts *k = &p->m.counts;
	char buf[512], owed[MONEY_BUFSIZE];
	int y = tui_top(), w = tui_width(), bottom = tui_bottom();
	int rows, avail = w - FLOOR_W, u, x, bw, row;

	if (p->stale && p->m.building_id != 0)
		load(sc, p->m.building_id, p->cur >= 0 ? p->m.rooms[p->cur].id : 0);
	if (p->m.building_id == 0) {
		tui_put(y, 0, w, 0, tui_attr(ROLE_TITLE), _("Building map"));
		tui_put(y + 2, 1, w - 2, 0, A_NORMAL,
		    _("No building chosen: F3 picks one, Esc goes back."));
		return;
	}
	snprintf(buf, sizeof buf, _("Building map: %s %s, %s, on %s"),
	    p->m.building, p->m.building_name, p->m.estate_name, p->m.date);
	tui_put(y, 0, w, 0, tui_attr(ROLE_TITLE), buf);
	snprintf(buf, sizeof buf, _("%lld rooms: %lld vacant, %lld occupied; "
	    "%lld paid up, %lld in arrears owing %s"), (long long)k->rooms,
	    (long long)k->vacant, (long long)k->occupied, (long long)k->paid_up,
	    (long long)k->arrears, money_format_grouped(k->owed, owed, sizeof owed));
	tui_put(y + 1, 1, w - 1, 0, A_NORMAL, buf);
	draw_legend(y + 2, 1, w);
	if (p->m.n == 0) {
		tui_put(y + 4, 1, w - 2, 0, tui_attr(ROLE_DIM),
		    _("This building has no rooms."));
		return;
	}
	rows = bottom - 1 - (y + 4) + 1;
	scroll_to(p, rows, avail);
	/* The header: the units over their columns. */
	tui_fill(y + 3, 0, w, tui_attr(ROLE_HEADER));
	tui_put(y + 3, 0, FLOOR_W - 1, 0, tui_attr(ROLE_HEADER), _("Floor"));
	for (u = 0; u < p->nunits; u++) {
		x = p->units[u].x + 2 - p->xoff;
		bw = p->units[u].w;
		if (x < 0) {
			bw += x;
			x = 0;
		}
		if (bw <= 0 || x >= avail)
			continue;
		if (x + bw > avail)
			bw = avail - x;
		snprintf(buf, sizeof buf, _("Unit %d"), p->units[u].unit);
		tui_put(y + 3, FLOOR_W + x, bw, 0, tui_attr(ROLE_HEADER), buf);
	}
	if (p->xoff > 0)
		tui_put(y + 3, FLOOR_W - 1, 1, 0, tui_attr(ROLE_HEADER), "<");
	if (p->width - p->xoff > avail)
		tui_put(y + 3, w - 1, 1, 0, tui_attr(ROLE_HEADER), ">");
	for (row = p->top; row < p->nfloors && row - p->top < rows; row++)
		draw_floor(p, y + 4 + row - p->top, row, avail);
	draw_room_line(p, bottom, w);
}

/* Move the cursor to the nearest room of row r in unit u, near column c;
 * 1 if there is one. */
static int
nearest_in_row(struct map *p, int r, int c)
{
	int u, d, lo, hi;

	for (u = 0; u < p->nunits; u++)
		if (c >= p->units[u].first && c < p->units[u].first + p->units[u].ncols)
			break;
	if (u == p->nunits)
		return 0;
	lo = p->units[u].first;
	hi = lo + p->units[u].ncols - 1;
	for (d = 0; d <= hi - lo; d++) {
		if (c - d >= lo && p->grid[r * p->ncols + c - d] >= 0) {
			p->cur = p->grid[r * p->ncols + c - d];
			return 1;
		}
		if (c + d <= hi && p->grid[r * p->ncols + c + d] >= 0) {
			p->cur = p->grid[r * p->ncols + c + d];
			return 1;
		}
	}
	return 0;
}

/* Up (dr -1) or down (dr 1): the next floor with a room in the unit. */
static void
move_vertical(struct map *p, int dr)
{
	int r;

	if (p->cur < 0)
		return;
	for (r = p->row[p->cur] + dr; r >= 0 && r < p->nfloors; r += dr)
		if (nearest_in_row(p, r, p->col[p->cur]))
			return;
}

/* Left (dc -1) or right (dc 1) on the floor; to = 1: as far as it goes. */
static void
move_horizontal(struct map *p, int dc, int to_end)
{
	int r, c;
	long at;

	if (p->cur < 0)
		return;
	r = p->row[p->cur];
	for (c = p->col[p->cur] + dc; c >= 0 && c < p->ncols; c += dc) {
		if ((at = p->grid[r * p->ncols + c]) < 0)
			continue;
		p->cur = at;
		if (!to_end)
			return;
	}
}

/* Go to the next or previous building of the estate. */
static void
other_building(struct screen *sc, int dir)
{
	struct map *p = sc->data;
	struct wy_err e = { 0 };
	int64_t id;

	if (p->m.building_id == 0)
		return;
	if (roommap_neighbour(tui_session(sc->app), p->m.building_id, dir, &id,
	    &e) != WY_OK) {
		tui_message(sc->app, e.code != WY_ENOTFOUND, "%s", e.msg);
		return;
	}
	load(sc, id, 0);
}

/* The building picked with F3 is shown. */
static void
picked_building(struct screen *owner, int64_t id, const char *key)
{
	(void)key;
	load(owner, id, 0);
}

/* Enter: the cashier on the room. */
static int
open_cashier(struct screen *sc)
{
	struct map *p = sc->data;

	if (p->cur < 0)
		return TUI_DONE;
	if (!auth_can(tui_session(sc->app), "charge.pay")) {
		char words[160];

		tui_message(sc->app, 1, _("You may not %s; F4 opens the room."),
		    auth_perm_words("charge.pay", words, sizeof words));
		return TUI_DONE;
	}
	if (tui_open_cashier(sc->app, p->m.rooms[p->cur].id) == WY_OK)
		p->stale = 1;
	return TUI_DONE;
}

/* The keys of the map. */
static int
map_action(struct screen *sc, enum tui_action a)
{
	struct map *p = sc->data;

	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
		move_vertical(p, a == ACT_UP ? -1 : 1);
		return TUI_DONE;
	case ACT_LEFT:
	case ACT_RIGHT:
		move_horizontal(p, a == ACT_LEFT ? -1 : 1, 0);
		return TUI_DONE;
	case ACT_HOME:
	case ACT_END:
		move_horizontal(p, a == ACT_HOME ? -1 : 1, 1);
		return TUI_DONE;
	case ACT_PGUP:
	case ACT_PGDN:
		other_building(sc, a == ACT_PGUP ? -1 : 1);
		return TUI_DONE;
	case ACT_FIND:
		tui_pick(sc->app, "buildings", picked_building, sc);
		return TUI_DONE;
	case ACT_ENTER:
		return open_cashier(sc);
	case ACT_EDIT:
		if (p->cur >= 0 && tui_open_page(sc->app, "rooms",
		    p->m.rooms[p->cur].id) == WY_OK)
			p->stale = 1;
		return TUI_DONE;
	case ACT_REFRESH:
		if (p->m.building_id != 0)
			load(sc, p->m.building_id, p->cur >= 0 ?
			    p->m.rooms[p->cur].id : 0);
		return TUI_DONE;
	case ACT_BACK:
		return TUI_POP;
	default:
		return TUI_PASS;
	}
}

/* After the push: the building asked for, if any. */
static int
map_enter(struct screen *sc, struct wy_err *e)
{
	struct map *p = sc->data;

	p->self = sc;
	if (p->want == 0)
		return WY_OK;
	return load_map(p, tui_session(sc->app), p->want, 0, e);
}

/* Free the map screen. */
static void
map_leave(struct screen *sc)
{
	struct map *p = sc->data;

	layout_free(p);
	roommap_free(&p->m);
	free(p);
}

static const enum tui_action map_bar[] = { ACT_HELP, ACT_ENTER, ACT_FIND,
	ACT_EDIT, ACT_REFRESH, ACT_PGUP, ACT_PGDN, ACT_BACK, ACT_NONE };

static const struct tui_note map_notes[] = {
	{ ACT_ENTER, N_("Pay"), N_("the cashier on the room under the cursor") },
	{ ACT_FIND, N_("Building"), N_("pick another building") },
	{ ACT_EDIT, N_("Room"), N_("the page of the room under the cursor") },
	{ ACT_PGUP, N_("Prev"), N_("the previous building of the estate") },
	{ ACT_PGDN, N_("Next"), N_("the next building of the estate") },
	{ ACT_NONE, NULL, NULL },
};

static const struct screen_ops map_ops = {
	.name = N_("Building map"),
	.help = N_("The rooms of one building as it stands: floors from the "
	    "highest down, units from left to right. Each room shows its number "
	    "and a letter: V vacant, O owner-occupied, R rented, D renovating, "
	    "S for sale, A in arrears (something unpaid past its due date, "
	    "whatever the state; ? another state). In colour, vacant rooms are "
	    "dim, rooms paid up green and rooms in arrears red.\n"
	    "Above the map are the counts of the building: rooms, vacant, "
	    "occupied, paid up, in arrears and what they owe. Below it is the "
	    "room under the cursor: its code, its client (the payer, else an "
	    "occupant), what it owes and since when, and its state.\n"
	    "The arrows move from room to room; Home and End go to the ends of "
	    "the floor. A building wider or taller than the screen scrolls. PgUp "
	    "and PgDn show the previous and next building of the estate, F3 "
	    "picks another.\n"
	    "Enter opens the cashier on the room, F4 the room's page; when you "
	    "come back the map is read again. F5 reads it again at any time."),
	.enter = map_enter,
	.leave = map_leave,
	.draw = map_draw,
	.action = map_action,
	.bar = map_bar,
	.notes = map_notes,
};

/* Open the map of building_id, or with 0 ask for the building first. */
int
tui_open_roommap(struct app *app, int64_t building_id)
{
	struct map *p = xcalloc(1, sizeof *p);
	int rc;

	p->cur = -1;
	p->want = building_id;
	if ((rc = tui_push(app, &map_ops, p)) != WY_OK)
		return rc;
	if (building_id == 0)	/* p lives on in the screen p->self */
		return tui_pick(app, "buildings", picked_building, p->self);
	return WY_OK;
}
