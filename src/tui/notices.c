/* wuye: the notices dialog (Charges > Charge and collection notices):
 * charge notices (收费通知单) of a period or collection notices (催缴通知单)
 * of the rooms in arrears, printed or written to a file.
 *
 * One dialog of fields: the kind (Space, Left or Right changes it), the
 * period (charge) or the days past due (collection), the pay-by date
 * (collection), estate, building and room codes (F3 picks from a list),
 * and a file name (empty: print through print.command).  Enter on the
 * last field, or Ctrl-S anywhere, makes the notices with a progress bar;
 * the count stays shown in the dialog and on the status line.  Nothing is
 * written to the database.
 */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/date.h"
#include "wuye/export.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/notice.h"
#include "wuye/sink.h"

enum { F_KIND, F_PERIOD, F_BY, F_ESTATE, F_BUILDING, F_ROOM, F_FILE,
	NFIELDS };

struct notices {
	enum notice_kind kind;
	int focus;
	int picking;		/* the field F3 picks for */
	struct tui_edit period, days, by, estate, building, room, file;
	char *text;		/* the result shown under the fields */
	int y, x, w, h;		/* the box, for the progress bar */
	int cy, cx;
};

/* The editor of field f (NULL for the kind). */
static struct tui_edit *
edit_of(struct notices *d, int f)
{
	switch (f) {
	case F_PERIOD:
		return d->kind == NOTICE_CHARGE ? &d->period : &d->days;
	case F_BY: return &d->by;
	case F_ESTATE: return &d->estate;
	case F_BUILDING: return &d->building;
	case F_ROOM: return &d->room;
	case F_FILE: return &d->file;
	default: return NULL;
	}
}

/* 1 if field f is used by the kind chosen. */
static int
used(const struct notices *d, int f)
{
	return f != F_BY || d->kind == NOTICE_COLLECTION;
}

/* Free the dialog. */
static void
notices_leave(struct screen *sc)
{
	struct notices *d = sc->data;

	tui_edit_free(&d->period);
	tui_edit_free(&d->days);
	tui_edit_free(&d->by);
	tui_edit_free(&d->estate);
	tui_edit_free(&d->building);
	tui_edit_free(&d->room);
	tui_edit_free(&d->file);
	free(d->text);
	free(d);
}

/* The label of field f. */
static const char *
label_of(const struct notices *d, int f)
{
	switch (f) {
	case F_KIND: return _("Notices:");
	case F_PERIOD: return d->kind == NOTICE_CHARGE ?
	    _("Period (YYYY-MM):") : _("Days past due, at least:");
	case F_BY: return _("Pay by (empty: in 15 days):");
	case F_ESTATE: return _("Estate (F3 picks):");
	case F_BUILDING: return _("Building (F3 picks):");
	case F_ROOM: return _("Room (F3 picks):");
	default: return _("File (empty: print):");
	}
}

/* Paint the fields, the result and the keys. */
static void
notices_draw(struct screen *sc)
{
	struct notices *d = sc->data;
	char **lines;
	size_t n, i;
	int f, row, col, lw = 28, fw, attr;

	d->w = COLS > 76 ? 72 : COLS - 4;
	d->h = tui_bottom() - tui_top() - 1;
	d->y = tui_top() + 1;
	d->x = (COLS - d->w) / 2;
	d->cy = d->cx = -1;
	fw = d->w - lw - 4;
	tui_box(d->y, d->x, d->h, d->w, _("Charge and collection notices"));
	for (f = 0; f < NFIELDS; f++) {
		row = d->y + 1 + f;
		attr = tui_attr(d->focus == f ? ROLE_FOCUS : ROLE_FIELD);
		tui_put(row, d->x + 2, lw, 0, tui_attr(used(d, f) ?
		    ROLE_NORMAL : ROLE_DIM), label_of(d, f));
		if (!used(d, f))
			continue;
		if (f == F_KIND) {
			tui_put(row, d->x + 2 + lw, fw, 0, attr,
			    d->kind == NOTICE_CHARGE ?
			    _("< Charge notices 收费通知单 >") :
			    _("< Collection notices 催缴通知单 >"));
			continue;
		}
		col = tui_edit_draw(edit_of(d, f), row, d->x + 2 + lw,
		    f == F_PERIOD || f == F_BY ? 12 : fw, attr);
		if (d->focus == f) {
			d->cy = row;
			d->cx = col;
		}
	}
	if (d->text != NULL) {
		n = tui_wrap(d->text, d->w - 4, &lines);
		for (i = 0, row = d->y + NFIELDS + 2; i < n &&
		    row < d->y + d->h - 3; i++, row++)
			tui_put(row, d->x + 2, d->w - 4, 0, A_NORMAL, lines[i]);
		tui_wrap_free(lines, n);
	}
	tui_put(d->y + d->h - 2, d->x + 2, d->w - 4, 0,
	    tui_attr(ROLE_KEYLABEL), _("Enter: next field (on File: make)   "
	    "^S: make   Esc: close"));
}

/* The cursor goes in the field being typed in. */
static void
notices_cursor(struct screen *sc, int *y, int *x)
{
	struct notices *d = sc->data;

	*y = d->cy;
	*x = d->cx;
}

/* The progress bar, drawn straight to the terminal. */
static void
progress(void *arg, int64_t done, int64_t total)
{
	struct notices *d = arg;
	int w = d->w - 4, filled;
	char buf[64];

	if (total <= 0 || w < 10)
		return;
	filled = (int)(done * (w - 8) / total);
	tui_fill(d->y + d->h - 3, d->x + 2, w, tui_attr(ROLE_NORMAL));
	tui_fill(d->y + d->h - 3, d->x + 2, filled, tui_attr(ROLE_SELECTED));
	snprintf(buf, sizeof buf, "%3d%%", (int)(done * 100 / total));
	tui_put(d->y + d->h - 3, d->x + 2 + w - 5, 5, 1, tui_attr(ROLE_INFO),
	    buf);
	refresh();
}

/* Where row() writes. */
struct table {
	struct sink *k;
	struct wy_err *e;
};

/* One notice's row into the sink. */
static int
row(void *arg, const struct notice *n)
{
	struct table *t = arg;
	struct sink_cell cells[NOTICE_COLS_MAX];

	notice_cells(n, cells);
	return sink_row(t->k, cells, t->e);
}

/* Write the notices of o to path: the text (.txt) or one row per room
 * through the sink (.csv, .tsv, .xlsx). */
static int
save(struct session *s, const struct notice_opts *o, const char *path,
    size_t *count, struct wy_err *e)
{
	const char *title = o->kind == NOTICE_CHARGE ? "收费通知单" :
	    "催缴通知单";
	struct sink_opts so = { .path = path, .sheet = title,
	    .title = title };
	struct table t = { .e = e };
	const struct sink_col *cols;
	size_t ncols;
	int fmt, rc;

	fmt = sink_format_parse(NULL, path);
	if (fmt == SINK_TEXT)
		return notice_save_text(s, o, path, count, e);
	if (fmt != SINK_CSV && fmt != SINK_TSV && fmt != SINK_XLSX)
		return wy_fail(e, WY_EINVALID, _("%s: the name must end in "
		    ".txt, .csv, .tsv or .xlsx"), path);
	so.format = (enum sink_format)fmt;
	so.bom = so.format == SINK_CSV;	/* for Excel */
	cols = notice_columns(o->kind, &ncols);
	if ((rc = sink_open(&so, cols, ncols, &t.k, e)) != WY_OK)
		return rc;
	rc = notice_each(s, o, row, &t, count, e);
	if (sink_close(&t.k, rc == WY_OK, rc == WY_OK ? e : NULL) != WY_OK &&
	    rc == WY_OK)
		rc = e->code;
	return rc;
}

/* Make the notices: print them or write the file; show the count. */
static int
go(struct screen *sc)
{
	struct notices *d = sc->data;
	struct notice_opts o = { .kind = d->kind, .estate = d->estate.buf,
	    .building = d->building.buf, .room = d->room.buf,
	    .progress = progress, .progress_arg = d };
	struct wy_err e = { 0 };
	char *path = NULL, *end, *msg;
	size_t count = 0;
	long v;
	int rc;

	if (d->kind == NOTICE_CHARGE)
		o.period = d->period.buf;
	else {
		v = strtol(d->days.buf, &end, 10);
		if (d->days.len > 0 && (*end != '\0' || v < 0 || v > 36500 ||
		    *d->days.buf < '0' || *d->days.buf > '9')) {
			tui_message(sc->app, 1, _("'%s' is not a number of days "
			    "from 0 to 36500"), d->days.buf);
			d->focus = F_PERIOD;
			return TUI_DONE;
		}
		o.min_days = d->days.len > 0 ? (int)v : 0;
		o.by = d->by.buf;
	}
	if (d->file.len == 0)
		rc = notice_print(tui_session(sc->app), &o, &count, &e);
	else if ((path = export_path(tui_conf(sc->app), d->file.buf, &e)) == NULL)
		rc = e.code;	/* the export folder cannot be made */
	else
		rc = save(tui_session(sc->app), &o, path, &count, &e);
	if (rc != WY_OK && d->file.len == 0)	/* too long for the line */
		return tui_alert(sc->app, _("Not printed"), e.msg);
	if (rc != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		free(path);
		return TUI_REDRAW;
	}
	if (count == 0)
		msg = xstrdup(_("No room of the selection has a notice."));
	else if (path == NULL)
		msg = xasprintf(ngettext("%zu notice printed.",
		    "%zu notices printed.", count), count);
	else
		msg = xasprintf(ngettext("%zu notice written to %s.",
		    "%zu notices written to %s.", count), count, path);
	tui_message(sc->app, 0, "%s", msg);
	free(d->text);
	d->text = msg;
	free(path);
	return TUI_REDRAW;
}

/* F3 picked a record: its code goes into the field F3 was pressed in. */
static void
picked(struct screen *owner, int64_t id, const char *key)
{
	struct notices *d = owner->data;

	(void)id;
	tui_edit_set(edit_of(d, d->picking), key);
}

/* Move the focus by step to the next field in use. */
static void
step_focus(struct notices *d, int step)
{
	do
		d->focus = (d->focus + step + NFIELDS) % NFIELDS;
	while (!used(d, d->focus));
}

/* The keys of the dialog. */
static int
notices_action(struct screen *sc, enum tui_action a)
{
	static const char *const forms[] = { [F_ESTATE] = "estates",
	    [F_BUILDING] = "buildings", [F_ROOM] = "rooms" };
	struct notices *d = sc->data;
	struct tui_edit *ed = edit_of(d, d->focus);

	switch (a) {
	case ACT_HELP:
	case ACT_QUIT:
		return TUI_PASS;
	case ACT_BACK:
		return TUI_POP;
	case ACT_SAVE:
		return go(sc);
	case ACT_ENTER:
		if (d->focus == F_FILE)
			return go(sc);
		step_focus(d, 1);
		return TUI_DONE;
	case ACT_TAB:
	case ACT_DOWN:
		step_focus(d, 1);
		return TUI_DONE;
	case ACT_BTAB:
	case ACT_UP:
		step_focus(d, -1);
		return TUI_DONE;
	case ACT_FIND:
		if (d->focus >= F_ESTATE && d->focus <= F_ROOM) {
			d->picking = d->focus;
			tui_pick_search(sc->app, forms[d->focus],
			    edit_of(d, d->focus)->buf, picked, sc);
		} else if (d->focus == F_KIND)
			d->kind = !d->kind;
		return TUI_DONE;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (d->focus == F_KIND) {
			d->kind = !d->kind;
			return TUI_DONE;
		}
		/* FALLTHROUGH */
	default:
		if (ed != NULL)
			tui_edit_action(ed, a);
		return TUI_DONE;
	}
}

/* Characters are typed into the field; Space changes the kind. */
static int
notices_text(struct screen *sc, wchar_t ch)
{
	struct notices *d = sc->data;

	if (d->focus == F_KIND) {
		if (ch == L' ')
			d->kind = !d->kind;
		return TUI_DONE;
	}
	tui_edit_insert(edit_of(d, d->focus), ch);
	return TUI_DONE;
}

static const enum tui_action notices_bar[] = { ACT_HELP, ACT_FIND, ACT_SAVE,
	ACT_BACK, ACT_NONE };

static const struct tui_note notices_notes[] = {
	{ ACT_FIND, N_("Pick"), N_("pick an estate, building or room from a "
	    "list; on the kind, change it") },
	{ ACT_SAVE, N_("Make"), N_("make the notices: print them, or write "
	    "the file") },
	{ ACT_ENTER, NULL, N_("next field; on the file name, make the "
	    "notices") },
	{ ACT_NONE, NULL, NULL },
};

static const struct screen_ops notices_ops = {
	.name = N_("Charge and collection notices"),
	.help = N_("Charge notices (收费通知单) show each room's bills of a "
	    "period, what earlier periods still owe, late fees to today, the "
	    "prepayment balance and the total due. Collection notices (催缴通知单) "
	    "list each room's bills past due with their days overdue and late "
	    "fees, and a date to pay by (empty: 15 days from today); give a "
	    "number of days to take only rooms at least that long overdue.\n"
	    "Space, Left or Right changes the kind. Leave estate, building and "
	    "room empty for every room, or type a code (F3 picks it from a "
	    "list). With the file name empty the notices are printed through "
	    "the print command, one per page; a name ending in .txt gets the "
	    "text, .csv, .tsv or .xlsx one row per room; a name alone goes "
	    "into the export folder (export.dir). Enter on the file "
	    "name, or Ctrl-S, makes them. The same as `wuye notice`."),
	.leave = notices_leave,
	.draw = notices_draw,
	.action = notices_action,
	.text = notices_text,
	.cursor = notices_cursor,
	.bar = notices_bar,
	.notes = notices_notes,
	.dialog = 1,
};

/* Open the dialog on this month's charge notices. */
int
tui_open_notices(struct app *app)
{
	struct notices *d = xcalloc(1, sizeof *d);
	char period[PERIOD_BUFSIZE];

	d->kind = NOTICE_CHARGE;
	d->focus = F_PERIOD;
	tui_edit_init(&d->period, period_format(period_of_date(date_today()),
	    period), 7);
	tui_edit_init(&d->days, "", 5);
	tui_edit_init(&d->by, "", 10);
	tui_edit_init(&d->estate, "", 32);
	tui_edit_init(&d->building, "", 32);
	tui_edit_init(&d->room, "", 32);
	tui_edit_init(&d->file, "", 200);
	return tui_push(app, &notices_ops, d);
}
