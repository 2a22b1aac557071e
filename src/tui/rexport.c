/* wuye: the export dialog of a report (F9 on its table).
 *
 * The user chooses .xlsx, CSV or the printer, and a file name (by default
 * <report>-<period>.xlsx in the export folder, export.dir).  The report is written again through
 * report_write() with the parameters of the run on screen: the path of
 * `wuye report run -o FILE`, so a file from the screen and one from the
 * command line are the same.  Printing writes the report as text (for an
 * 80-column printer) and pipes it to print.command in print.encoding.
 */
#include "wuye/tui.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wuye/conf.h"
#include "wuye/date.h"
#include "wuye/export.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/print.h"
#include "wuye/tui_report.h"
#include "wuye/utf8.h"

enum { FMT_XLSX, FMT_CSV, FMT_PRINT, NFMT };

static const char *const fmt_names[NFMT] = {
	N_(".xlsx (Excel)"), N_("CSV"), N_("Print"),
};
static const char *const fmt_ext[NFMT] = { ".xlsx", ".csv", NULL };

struct rexp {
	struct screen *owner;	/* the report's screen */
	int fmt;
	int focus;		/* 0 the format, 1 the file name */
	int fresh;		/* the name was just entered: typing replaces it */
	struct tui_edit file;
	int cy, cx;
};

/* Free the dialog. */
static void
exp_leave(struct screen *sc)
{
	struct rexp *x = sc->data;

	tui_edit_free(&x->file);
	free(x);
}

/* Paint the dialog: the formats, the file name and the keys. */
static void
exp_draw(struct screen *sc)
{
	struct rexp *x = sc->data;
	int w = COLS > 74 ? 70 : COLS - 4, y = tui_top() + 3, bx = (COLS - w) / 2;
	int i, cx, fw;
	char buf[64], folder[512], *dir;

	tui_box(y, bx, 9, w, _("Export the report"));
	tui_put(y + 2, bx + 2, 10, 0, A_NORMAL, _("Format:"));
	for (i = 0, cx = bx + 12; i < NFMT; i++) {
		snprintf(buf, sizeof buf, " %s ", _(fmt_names[i]));
		fw = utf8_width(buf);
		tui_put(y + 2, cx, fw, 0, tui_attr(i != x->fmt ? ROLE_NORMAL :
		    x->focus == 0 ? ROLE_FOCUS : ROLE_SELECTED), buf);
		cx += fw + 1;
	}
	x->cy = -1;
	tui_put(y + 4, bx + 2, 10, 0, A_NORMAL, _("File:"));
	if (x->fmt == FMT_PRINT)
		tui_put(y + 4, bx + 12, w - 14, 0, tui_attr(ROLE_DIM),
		    _("(to the printer: print.command)"));
	else if (x->focus == 1) {
		x->cy = y + 4;
		x->cx = tui_edit_draw(&x->file, y + 4, bx + 12, w - 14,
		    tui_attr(ROLE_FOCUS));
	} else
		tui_put(y + 4, bx + 12, w - 14, 0, tui_attr(ROLE_FIELD), x->file.buf);
	if (x->fmt != FMT_PRINT) {
		dir = export_dir_shown(tui_conf(sc->app));
		snprintf(folder, sizeof folder, _("in %s, unless it starts with / or ~/"),
		    dir);
		free(dir);
		tui_put(y + 5, bx + 12, w - 14, 0, tui_attr(ROLE_DIM), folder);
	}
	tui_put(y + 7, bx + 2, w - 4, 0, tui_attr(ROLE_KEYLABEL),
	    _("Left/Right format   Tab file   Enter export   Esc cancel"));
}

/* The cursor is in the file name when it has the focus. */
static void
exp_cursor(struct screen *sc, int *y, int *x)
{
	struct rexp *xp = sc->data;

	*y = xp->cy;
	*x = xp->cx;
}

/* Change the format; the file name's extension follows. */
static void
set_format(struct rexp *x, int fmt)
{
	char *name;
	size_t len = x->file.len, i;

	if (fmt == x->fmt)
		return;
	for (i = 0; i < NFMT; i++) {
		size_t el = fmt_ext[i] != NULL ? strlen(fmt_ext[i]) : 0;

		if (fmt_ext[fmt] != NULL && el > 0 && len > el &&
		    strcmp(x->file.buf + len - el, fmt_ext[i]) == 0) {
			name = xasprintf("%.*s%s", (int)(len - el), x->file.buf,
			    fmt_ext[fmt]);
			tui_edit_set(&x->file, name);
			free(name);
			break;
		}
	}
	x->fmt = fmt;
	if (fmt == FMT_PRINT)
		x->focus = 0;
}

/* Print: the report as text, converted and piped to print.command. */
static int
print_report(struct screen *sc, const char *const *params, size_t n,
    long *rows, struct wy_err *e)
{
	struct tui_rrun *rr = sc->data;
	char tmp[] = "/tmp/wuye-print.XXXXXX";
	struct sink_opts o = { .format = SINK_TEXT, .path = tmp };
	struct tui_rprogress pg;
	struct report_watch w;
	int fd, rc;

	if ((fd = mkstemp(tmp)) < 0)
		return wy_fail(e, WY_EFAIL, "%s: %s", tmp, strerror(errno));
	close(fd);
	tui_rprogress_start(&pg, rr->r->title, &w);
	rc = report_write(tui_session(sc->app), rr->r->name, params, n, &o, &w,
	    rows, e);
	tui_rprogress_stop(&pg);
	if (rc == WY_OK)
		rc = print_file(tui_conf(sc->app), tmp, e);
	unlink(tmp);
	return rc;
}

/* Enter: write the report. */
static int
do_export(struct screen *sc)
{
	struct rexp *x = sc->data;
	struct tui_rrun *rr = x->owner->data;
	struct sink_opts o = { .format = x->fmt == FMT_XLSX ? SINK_XLSX : SINK_CSV };
	struct wy_err e = { 0 };
	struct tui_rprogress pg;
	struct report_watch w;
	char **params, *expanded = NULL;
	size_t n;
	long rows = 0;
	int rc;

	params = tui_rparams_strings(rr, &n);
	if (x->fmt == FMT_PRINT) {
		rc = print_report(x->owner, (const char *const *)params, n, &rows, &e);
		if (rc == WY_OK)
			tui_message(sc->app, 0, _("Printed %ld rows."), rows);
	} else {
		o.bom = x->fmt == FMT_CSV && conf_bool(tui_conf(sc->app),
		    "report.csv_bom");	/* as the command line does */
		if (x->file.len == 0)
			rc = wy_fail(&e, WY_EINVALID, _("type the name of the file"));
		else if ((o.path = expanded = export_path(tui_conf(sc->app),
		    x->file.buf, &e)) == NULL)
			rc = e.code;
		else {
			tui_rprogress_start(&pg, rr->r->title, &w);
			rc = report_write(tui_session(sc->app), rr->r->name,
			    (const char *const *)params, n, &o, &w, &rows, &e);
			tui_rprogress_stop(&pg);
		}
		if (rc == WY_OK)
			tui_message(sc->app, 0, _("Exported %ld rows to %s."), rows, o.path);
	}
	tui_rparams_free_strings(params);
	free(expanded);
	if (rc != WY_OK && x->fmt == FMT_PRINT)	/* too long for the line */
		return tui_alert(sc->app, _("Not printed"), e.msg);
	if (rc != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		return TUI_REDRAW;
	}
	return TUI_POP | TUI_REDRAW;
}

/* The keys of the dialog: export, formats, focus, editing. */
static int
exp_action(struct screen *sc, enum tui_action a)
{
	struct rexp *x = sc->data;

	switch (a) {
	case ACT_ENTER:
	case ACT_EXPORT:
		return do_export(sc);
	case ACT_BACK:
		return TUI_POP;
	case ACT_TAB:
	case ACT_BTAB:
	case ACT_UP:
	case ACT_DOWN:
		x->focus = x->fmt == FMT_PRINT ? 0 : !x->focus;
		x->fresh = x->focus == 1;
		return TUI_DONE;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (x->focus == 0) {
			set_format(x, (x->fmt + (a == ACT_LEFT ? NFMT - 1 : 1)) % NFMT);
			return TUI_DONE;
		}
		/* FALLTHROUGH */
	default:
		if (x->focus == 1 && tui_edit_action(&x->file, a)) {
			x->fresh = 0;
			return TUI_DONE;
		}
		return a == ACT_HELP || a == ACT_QUIT ? TUI_PASS : TUI_DONE;
	}
}

/* A typed character goes into the file name. */
static int
exp_text(struct screen *sc, wchar_t ch)
{
	struct rexp *x = sc->data;

	if (x->fmt == FMT_PRINT)
		return TUI_DONE;
	if (x->focus == 0 || x->fresh)
		tui_edit_set(&x->file, "");	/* a new name replaces the old */
	x->focus = 1;
	x->fresh = 0;
	tui_edit_insert(&x->file, ch);
	return TUI_DONE;
}

static const enum tui_action exp_bar[] = { ACT_HELP, ACT_ENTER, ACT_TAB,
	ACT_BACK, ACT_NONE };

static const struct tui_note exp_notes[] = {
	{ ACT_ENTER, N_("Export"), N_("export or print the report") },
	{ ACT_TAB, N_("File"), N_("between the format and the file name") },
	{ ACT_LEFT, NULL, N_("previous format, or cursor left in the file name") },
	{ ACT_RIGHT, NULL, N_("next format, or cursor right in the file name") },
	{ ACT_BACK, NULL, N_("close the dialog without exporting") },
	{ ACT_NONE, NULL, NULL },
};

static const struct screen_ops exp_ops = {
	.name = N_("Export the report"),
	.help = N_("Left and Right choose the format: .xlsx (a workbook with the "
	    "title, the parameters, totals as formulas and the chart), CSV (for "
	    "other programs; Excel reads it too), or Print (the text of the "
	    "report, to print.command). Tab goes to the file name: a name "
	    "alone goes into the export folder (export.dir in wuye.conf), one "
	    "starting with ~/ into your home folder. Enter exports the report "
	    "with the parameters it ran with, the same rows as on screen; Esc "
	    "closes the dialog."),
	.leave = exp_leave,
	.draw = exp_draw,
	.action = exp_action,
	.text = exp_text,
	.cursor = exp_cursor,
	.bar = exp_bar,
	.notes = exp_notes,
	.dialog = 1,
};

/* Open the export dialog over the report's table. */
int
tui_rexport_open(struct screen *sc)
{
	struct tui_rrun *rr = sc->data;
	struct rexp *x = xcalloc(1, sizeof *x);
	const char *period = tui_rparams_period(rr);
	char today[DATE_BUFSIZE], *name;

	x->owner = sc;
	x->fresh = 1;	/* on the format; typing a name replaces the default */
	if (period == NULL)
		period = date_format(date_today(), today);
	name = xasprintf("%s-%s.xlsx", rr->r->name, period);
	tui_edit_init(&x->file, name, 1000);
	free(name);
	tui_push(sc->app, &exp_ops, x);
	return TUI_REDRAW;
}
