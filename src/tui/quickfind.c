/* wuye: quick find, from any screen (F6): type the start of a room code,
 * a client's name, code, phone or ID number, or a plate; the matches of
 * each kind show as you type; Enter opens the one selected. */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/auth.h"
#include "wuye/entity.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"

#define PER_KIND 6	/* matches shown of each kind */

static const char *const kinds[] = { "rooms", "clients", "vehicles" };
#define NKINDS (sizeof kinds / sizeof kinds[0])

struct hit {
	size_t kind;
	int64_t id;
	char *label;
};

struct quick {
	struct tui_edit ed;
	struct entity *ent[NKINDS];
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

	for (i = 0; i < q->n; i++)
		free(q->hits[i].label);
	q->n = 0;
	q->cur = 0;
}

/* A hit's label: the record's browse columns, in order. */
static int
add_hit(void *arg, int64_t id, int64_t version, const struct value *v)
{
	struct collecting *c = arg;
	struct quick *q = c->q;
	const struct entity *ent = q->ent[c->kind];
	char label[512] = "", *t;
	size_t i, len;

	(void)version;
	for (i = 0; i < ent->nfields; i++) {
		if (!ent->fields[i].in_list || v[i].kind == VALUE_NULL)
			continue;
		t = field_display(c->s, &ent->fields[i], &v[i]);
		len = strlen(label);
		if (*t != '\0' && len < sizeof label - 2)
			snprintf(label + len, sizeof label - len, "%s%s", len ? "  " : "", t);
		free(t);
	}
	if (q->n == q->cap) {
		q->cap = q->cap * 2 + 16;
		q->hits = xrealloc(q->hits, q->cap * sizeof *q->hits);
	}
	q->hits[q->n].kind = c->kind;
	q->hits[q->n].id = id;
	q->hits[q->n++].label = xstrdup(label);
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

static void
quick_draw(struct screen *sc)
{
	struct quick *q = sc->data;
	int w = COLS > 76 ? 72 : COLS - 4, h = tui_bottom() - tui_top() - 1;
	int y = tui_top() + 1, x = (COLS - w) / 2, row;
	size_t i, kind = NKINDS;

	tui_box(y, x, h, w, _("Quick find"));
	tui_put(y + 1, x + 2, w - 4, 0, tui_attr(ROLE_DIM),
	    _("Room code, client name, code, phone or ID number, or plate:"));
	q->cy = y + 2;
	q->cx = tui_edit_draw(&q->ed, y + 2, x + 2, w - 4, tui_attr(ROLE_FOCUS));
	row = y + 4;
	for (i = 0; i < q->n && row < y + h - 1; i++) {
		if (q->hits[i].kind != kind) {
			kind = q->hits[i].kind;
			tui_put(row++, x + 2, w - 4, 0, tui_attr(ROLE_HEADER),
			    entity_title(q->ent[kind]));
		}
		tui_put(row++, x + 3, w - 5, 0, tui_attr(i == q->cur ? ROLE_SELECTED :
		    ROLE_NORMAL), q->hits[i].label);
	}
	if (q->ed.len > 0 && q->n == 0)
		tui_put(row, x + 2, w - 4, 0, tui_attr(ROLE_DIM), _("Nothing found."));
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

static const enum tui_action quick_bar[] = { ACT_HELP, ACT_ENTER, ACT_BACK,
	ACT_NONE };

static const struct screen_ops quick_ops = {
	.name = N_("Quick find"),
	.help = N_("Type the start of a room code (A1-2-12), a client's name, code, "
	    "mobile or ID number, or a plate; the matches show as you type. Up "
	    "and Down choose, Enter opens the room's or the client's page, or the "
	    "vehicle (Esc there comes back here); Esc closes the finder."),
	.leave = quick_leave,
	.draw = quick_draw,
	.action = quick_action,
	.text = quick_text,
	.cursor = quick_cursor,
	.bar = quick_bar,
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
