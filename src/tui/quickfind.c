/* wuye: quick find, from any screen (F6): type the start of a room code,
 * a client's name (or its pinyin initials: zsf for 张三丰), code, phone or
 * ID number, or a plate; the first matches of each kind show as you type,
 * under a heading that says how many there are ("6 of 84"), in columns
 * aligned by display width; Enter opens the one selected, F3 the list of
 * its kind searched for the same text (all the matches). */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/auth.h"
#include "wuye/entity.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/utf8.h"

#define PER_KIND 6	/* matches shown of each kind */
#define COUNT_UPTO 1000	/* matches counted of each kind ("1000+") */
#define MAX_CELLS 8	/* columns of a hit */
#define CELL_MAX 16	/* widest column, in display columns */

static const char *const kinds[] = { "rooms", "clients", "vehicles" };
#define NKINDS (sizeof kinds / sizeof kinds[0])

struct hit {
	size_t kind;
	int64_t id;
	char *cells[MAX_CELLS];	/* the record's browse columns */
	size_t ncells;
};

struct quick {
	struct tui_edit ed;
	struct entity *ent[NKINDS];
	int64_t total[NKINDS];	/* matches of each kind, up to COUNT_UPTO */
	struct hit *hits;
	size_t n, cap, cur;
	int cy, cx;
};

struct collecting {
	struct quick *q;
	struct session *s;
	size_t kind;
};

static void
hits_clear(struct quick *q)
{
	size_t i;

	size_t c;

	for (i = 0; i < q->n; i++)
		for (c = 0; c < q->hits[i].ncells; c++)
			free(q->hits[i].cells[c]);
	q->n = 0;
	q->cur = 0;
}

/* A hit: the record's browse columns, in order. */
static int
add_hit(void *arg, int64_t id, int64_t version, const struct value *v)
{
	struct collecting *c = arg;
	struct quick *q = c->q;
	const struct entity *ent = q->ent[c->kind];
	struct hit *h;
	size_t i;

	(void)version;
	if (q->n == q->cap) {
		q->cap = q->cap * 2 + 16;
		q->hits = xrealloc(q->hits, q->cap * sizeof *q->hits);
	}
	h = &q->hits[q->n++];
	h->kind = c->kind;
	h->id = id;
	h->ncells = 0;
	for (i = 0; i < ent->nfields && h->ncells < MAX_CELLS; i++)
		if (ent->fields[i].in_list)
			h->cells[h->ncells++] = field_display(c->s, &ent->fields[i],
			    &v[i]);
	return 0;
}

static void
search(struct screen *sc)
{
	struct quick *q = sc->data;
	struct collecting c = { .q = q, .s = tui_session(sc->app) };
	struct page_query pq = { .search = q->ed.buf, .limit = PER_KIND };
	struct wy_err e = { 0 };
	const struct field *key;

	hits_clear(q);
	if (q->ed.len == 0)
		return;
	for (c.kind = 0; c.kind < NKINDS; c.kind++) {
		if (q->ent[c.kind] == NULL)
			continue;	/* the user may not read these */
		key = entity_field(q->ent[c.kind], q->ent[c.kind]->key);
		pq.sort = key != NULL ? (size_t)(key - q->ent[c.kind]->fields) : 0;
		q->total[c.kind] = 0;
		/* Counted first: a text that many match (one letter, "1000+")
		 * walks a little of the key's order for the first few; when
		 * the matches come later in it (Z-rooms come last), it shows
		 * the first in that order of each search field's first
		 * COUNT_UPTO matches, so that no key sorts or walks a whole
		 * table. */
		if (entity_count(c.s, q->ent[c.kind], q->ed.buf, COUNT_UPTO,
		    &q->total[c.kind], &e) != WY_OK)
			tui_message(sc->app, 1, "%s", e.msg);
		pq.many = q->total[c.kind] >= COUNT_UPTO;
		pq.sample = COUNT_UPTO;
		if (entity_page(c.s, q->ent[c.kind], &pq, add_hit, &c, &e) != WY_OK)
			tui_message(sc->app, 1, "%s", e.msg);
	}
}

static void
quick_leave(struct screen *sc)
{
	struct quick *q = sc->data;
	size_t k;

	hits_clear(q);
	free(q->hits);
	for (k = 0; k < NKINDS; k++)
		entity_free(&q->ent[k]);
	tui_edit_free(&q->ed);
	free(q);
}

/* The width of each column of the hits of kind (at most CELL_MAX). */
static void
column_widths(const struct quick *q, size_t kind, int *widths)
{
	size_t i, c;
	int w;

	memset(widths, 0, MAX_CELLS * sizeof *widths);
	for (i = 0; i < q->n; i++)
		for (c = 0; q->hits[i].kind == kind && c < q->hits[i].ncells; c++) {
			w = utf8_width(q->hits[i].cells[c]);
			if (w > widths[c])
				widths[c] = w > CELL_MAX ? CELL_MAX : w;
		}
}

/* A hit's line: its columns fitted to widths, two spaces apart. */
static void
hit_line(const struct hit *h, const int *widths, char *line, size_t size)
{
	char cell[4 * CELL_MAX + 1];
	size_t c, len;

	*line = '\0';
	for (c = 0; c < h->ncells; c++) {
		if (widths[c] == 0)
			continue;
		len = strlen(line);
		snprintf(line + len, size - len, "%s%s", len ? "  " : "",
		    utf8_fit(h->cells[c], widths[c], 0, cell, sizeof cell));
	}
}

static void
quick_draw(struct screen *sc)
{
	struct quick *q = sc->data;
	int w = COLS > 76 ? 72 : COLS - 4, h = tui_bottom() - tui_top() - 1;
	int y = tui_top() + 1, x = (COLS - w) / 2, row;
	int widths[MAX_CELLS] = { 0 };
	char line[MAX_CELLS * (4 * CELL_MAX + 3)], head[160];
	size_t i, shown, kind = NKINDS;

	tui_box(y, x, h, w, _("Quick find"));
	tui_put(y + 1, x + 2, w - 4, 0, tui_attr(ROLE_DIM),
	    _("Room code, client name, code, phone or ID number, or plate:"));
	q->cy = y + 2;
	q->cx = tui_edit_draw(&q->ed, y + 2, x + 2, w - 4, tui_attr(ROLE_FOCUS));
	row = y + 4;
	for (i = 0; i < q->n && row < y + h - 2; i++) {
		if (q->hits[i].kind != kind) {
			kind = q->hits[i].kind;
			for (shown = 0; i + shown < q->n &&
			    q->hits[i + shown].kind == kind; shown++)
				;
			if (q->total[kind] >= COUNT_UPTO)
				/* TRANSLATORS: a heading: "Rooms  6 of 1000+". */
				snprintf(head, sizeof head, _("%s  %zu of %lld+"),
				    entity_title(q->ent[kind]), shown,
				    (long long)q->total[kind]);
			else if ((int64_t)shown < q->total[kind])
				/* TRANSLATORS: a heading: "Clients  6 of 84". */
				snprintf(head, sizeof head, _("%s  %zu of %lld"),
				    entity_title(q->ent[kind]), shown,
				    (long long)q->total[kind]);
			else
				snprintf(head, sizeof head, "%s", entity_title(q->ent[kind]));
			tui_put(row++, x + 2, w - 4, 0, tui_attr(ROLE_HEADER), head);
			column_widths(q, kind, widths);
		}
		hit_line(&q->hits[i], widths, line, sizeof line);
		tui_put(row++, x + 3, w - 5, 0, tui_attr(i == q->cur ? ROLE_SELECTED :
		    ROLE_NORMAL), line);
	}
	if (q->ed.len > 0 && q->n == 0)
		tui_put(row, x + 2, w - 4, 0, tui_attr(ROLE_DIM), _("Nothing found."));
	else if (q->n > 0)
		tui_put(y + h - 2, x + 2, w - 4, 0, tui_attr(ROLE_DIM),
		    _("F3: all the matches of the selected kind, in its list"));
}

static void
quick_cursor(struct screen *sc, int *y, int *x)
{
	struct quick *q = sc->data;

	*y = q->cy;
	*x = q->cx;
}

static int
quick_action(struct screen *sc, enum tui_action a)
{
	struct quick *q = sc->data;
	struct app *app = sc->app;
	struct hit h;

	switch (a) {
	case ACT_DOWN:
		if (q->cur + 1 < q->n)
			q->cur++;
		return TUI_DONE;
	case ACT_UP:
		if (q->cur > 0)
			q->cur--;
		return TUI_DONE;
	case ACT_ENTER:
		if (q->n == 0)
			return TUI_DONE;
		/* The record opens over the finder: Esc comes back to it. */
		h = q->hits[q->cur];
		tui_open_page(app, kinds[h.kind], h.id);
		return TUI_DONE;
	case ACT_FIND:
		/* More: the selected kind's list, searched for the same text. */
		if (q->n > 0)
			tui_open_list_search(app, kinds[q->hits[q->cur].kind],
			    q->ed.buf);
		return TUI_DONE;
	case ACT_BACK:
	case ACT_QUICKFIND:
		return TUI_POP;
	default:
		if (tui_edit_action(&q->ed, a)) {
			search(sc);
			return TUI_DONE;
		}
		return TUI_PASS;
	}
}

static int
quick_text(struct screen *sc, wchar_t ch)
{
	struct quick *q = sc->data;

	if (tui_edit_insert(&q->ed, ch))
		search(sc);
	return TUI_DONE;
}

static const enum tui_action quick_bar[] = { ACT_HELP, ACT_FIND, ACT_ENTER,
	ACT_BACK, ACT_NONE };

static const struct tui_note quick_notes[] = {
	{ ACT_FIND, N_("All"), N_("all the matches of the selected kind, in "
	    "its list, searched for the same text") },
	{ ACT_NONE, NULL, NULL },
};

static const struct screen_ops quick_ops = {
	.name = N_("Quick find"),
	.help = N_("Type the start of a room code (A1-2-12), a client's name or "
	    "its pinyin initials (zsf for 张三丰, also mixed: 张sf), code, "
	    "mobile or ID number, or a plate; the matches show as you type, "
	    "each kind under a heading that says how many there are (6 of 84). "
	    "Up and Down choose, Enter opens the room's or the client's page, or "
	    "the vehicle (Esc there comes back here); F3 opens the list of the "
	    "selected kind searched for the same text, with all the matches; "
	    "Esc closes the finder."),
	.leave = quick_leave,
	.draw = quick_draw,
	.action = quick_action,
	.text = quick_text,
	.cursor = quick_cursor,
	.bar = quick_bar,
	.notes = quick_notes,
	.dialog = 1,
};

int
tui_open_quickfind(struct app *app)
{
	struct quick *q = xcalloc(1, sizeof *q);
	struct wy_err e = { 0 };
	size_t k;

	for (k = 0; k < NKINDS; k++)
		if (entity_load(tui_conf(app), kinds[k], &q->ent[k], &e) != WY_OK ||
		    !auth_can(tui_session(app), q->ent[k]->perm_read))
			entity_free(&q->ent[k]);
	tui_edit_init(&q->ed, "", 40);
	return tui_push(app, &quick_ops, q);
}
