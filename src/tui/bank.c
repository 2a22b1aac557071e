/* wuye: bank debit (银行划款) in the program, as `wuye bank export` and
 * `wuye bank import` do (bank.h gives the files and the rules).
 *
 * F9 asks for the period and a file name and writes the debit file into
 * the export folder (export.dir).  F2 asks for the bank's result file and
 * checks it without registering anything (bank_import with check_only):
 * the screen then lists, with their line numbers, the lines that will be
 * paid, those the bank could not debit, and every problem that refuses
 * the file.  Ctrl-S, on a file without problems, asks and registers it
 * all in one transaction (the same call as the command line).  Both runs
 * show a progress dialog on long files, and Esc there stops them with
 * nothing registered.  The screen opens only for a user who may take
 * payments (charge.pay).
 */
#include "wuye/tui.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/auth.h"
#include "wuye/bank.h"
#include "wuye/bank_file.h"
#include "wuye/conf.h"
#include "wuye/date.h"
#include "wuye/export.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/money.h"
#include "wuye/report.h"
#include "wuye/sink.h"
#include "wuye/tui_report.h"
#include "wuye/utf8.h"

/* A line of the preview. */
struct bline {
	long line;		/* in the file; 0: a problem without one */
	int kind;		/* 0 problem, 1 to pay, 2 failed at the bank */
	char *text;		/* owned */
};

struct bank {
	char *path;		/* the result file previewed, or NULL */
	struct bline *v;
	size_t n, top;
	size_t problems;
	struct bank_import_result r;	/* what the preview found */
	int registered;
};

static void
bank_clear(struct bank *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		free(b->v[i].text);
	free(b->v);
	free(b->path);
	b->v = NULL;
	b->path = NULL;
	b->n = b->top = b->problems = 0;
	b->registered = 0;
	memset(&b->r, 0, sizeof b->r);
}

static void
add(struct bank *b, long line, int kind, char *text)
{
	b->v = xrealloc(b->v, (b->n + 1) * sizeof *b->v);
	b->v[b->n++] = (struct bline){ .line = line, .kind = kind,
	    .text = text };
}

/* bank_import: a problem ("FILE:LINE: what"): keep what follows the
 * line number. */
static void
on_problem(void *arg, const char *msg)
{
	struct bank *b = arg;
	const char *p = b->path != NULL ? msg + strlen(b->path) : msg;
	long line = 0;

	if (b->path != NULL && strncmp(msg, b->path, strlen(b->path)) == 0 &&
	    *p == ':') {
		line = strtol(p + 1, (char **)&p, 10);
		if (*p == ':')
			p++;
		while (*p == ' ')
			p++;
	} else
		p = msg;
	b->problems++;
	add(b, line, 0, xstrdup(p));
}

/* bank_import: a line that passed the checks. */
static void
on_checked(void *arg, const struct bank_checked *l)
{
	struct bank *b = arg;
	char a[MONEY_BUFSIZE];

	add(b, l->line, l->ok ? 1 : 2, xasprintf("%s  %s  %s  %s", l->ref,
	    l->room, l->client, money_format(l->amount, a, sizeof a)));
}

static void
bank_leave(struct screen *sc)
{
	struct bank *b = sc->data;

	bank_clear(b);
	free(b);
}

static void
bank_draw(struct screen *sc)
{
	struct bank *b = sc->data;
	const char *kinds[] = { _("refused"), _("to pay"), _("failed") };
	char buf[512], a[MONEY_BUFSIZE];
	int y = tui_top(), w = tui_width(), rows, kw = 0, i, k;
	size_t j;

	snprintf(buf, sizeof buf, "%s  %s", _("Bank debit (银行划款)"),
	    b->path != NULL ? b->path : "");
	tui_put(y, 0, w, 0, tui_attr(ROLE_TITLE), buf);
	if (b->path == NULL) {
		tui_put(y + 2, 1, w - 2, 0, A_NORMAL, _("F9 writes the debit "
		    "file of a period into the export folder."));
		tui_put(y + 3, 1, w - 2, 0, A_NORMAL, _("F2 reads the bank's "
		    "result file and shows what it will pay; Ctrl-S then "
		    "registers it."));
		return;
	}
	if (b->registered)
		snprintf(buf, sizeof buf, _("Registered: %zu paid (%s), %zu "
		    "failed at the bank."), b->r.ok,
		    money_format(b->r.paid, a, sizeof a), b->r.failed);
	else if (b->problems > 0)
		snprintf(buf, sizeof buf, ngettext("%zu problem; nothing can "
		    "be registered.", "%zu problems; nothing can be "
		    "registered.", b->problems), b->problems);
	else
		snprintf(buf, sizeof buf, _("%zu to pay (%s), %zu failed at the "
		    "bank; Ctrl-S registers."), b->r.ok,
		    money_format(b->r.paid, a, sizeof a), b->r.failed);
	tui_put(y + 1, 1, w - 2, 0, tui_attr(b->problems > 0 ? ROLE_NEGATIVE :
	    ROLE_INFO), buf);
	for (k = 0; k < 3; k++)
		if ((i = utf8_width(kinds[k])) > kw)
			kw = i;
	tui_put(y + 2, 1, 6, 1, tui_attr(ROLE_HEADER), _("Line"));
	tui_put(y + 2, 8, kw, 0, tui_attr(ROLE_HEADER), "");
	tui_put(y + 2, 9 + kw, w - 10 - kw, 0, tui_attr(ROLE_HEADER),
	    _("ref, room, client, amount, or the problem"));
	rows = tui_bottom() - (y + 3) + 1;
	for (i = 0, j = b->top; i < rows && j < b->n; i++, j++) {
		if (b->v[j].line > 0)
			snprintf(buf, sizeof buf, "%ld", b->v[j].line);
		else
			buf[0] = '\0';
		tui_put(y + 3 + i, 1, 6, 1, A_NORMAL, buf);
		tui_put(y + 3 + i, 8, kw, 0, tui_attr(b->v[j].kind == 0 ?
		    ROLE_NEGATIVE : b->v[j].kind == 1 ? ROLE_INFO : ROLE_DIM),
		    kinds[b->v[j].kind]);
		tui_put(y + 3 + i, 9 + kw, w - 10 - kw, 0, A_NORMAL,
		    b->v[j].text);
	}
}

/* Run bank_import on b->path (check only or for real) with a progress
 * dialog; Esc stops it. */
static int
run_import(struct screen *sc, int check_only, struct bank_import_result *r,
    struct wy_err *e)
{
	struct bank *b = sc->data;
	struct bank_import_opts o = { .path = b->path,
	    .check_only = check_only };
	struct tui_rprogress pg;
	struct report_watch w;
	int rc;

	o.max_errors = (int)conf_int(tui_conf(sc->app), "import.max_errors");
	if (check_only) {
		o.problem = on_problem;
		o.checked = on_checked;
		o.arg = b;
	}
	tui_rprogress_start(&pg, check_only ? _("Checking the bank's result "
	    "file") : _("Registering the bank's result file"), &w);
	o.progress = w.progress;
	o.progress_arg = w.arg;
	rc = bank_import(tui_session(sc->app), &o, r, e);
	tui_rprogress_stop(&pg);
	return rc;
}

/* The result file's name: check it and show the preview. */
static int
import_named(struct screen *sc, const char *name)
{
	struct bank *b = sc->data;
	struct wy_err e = { 0 };
	char *path;
	int rc;

	if (*name == '\0')
		return TUI_DONE;
	if ((path = export_path(tui_conf(sc->app), name, &e)) == NULL) {
		tui_message(sc->app, 1, "%s", e.msg);
		return TUI_REDRAW;
	}
	bank_clear(b);
	b->path = path;
	rc = run_import(sc, 1, &b->r, &e);
	if (rc == WY_ENOTFOUND || rc == WY_EFAIL || rc == WY_EDENIED) {
		tui_message(sc->app, 1, "%s", e.msg);
		bank_clear(b);
	} else if (rc != WY_OK && b->problems == 0)
		on_problem(b, e.msg);
	return TUI_REDRAW;
}

/* Yes to "register ...?". */
static int
register_confirmed(struct screen *sc)
{
	struct bank *b = sc->data;
	struct bank_import_result r;
	struct wy_err e = { 0 };
	char a[MONEY_BUFSIZE];

	if (run_import(sc, 0, &r, &e) != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		return TUI_REDRAW;
	}
	b->r = r;
	b->registered = 1;
	tui_message(sc->app, 0, ngettext("%zu bank debit paid (%s), %zu "
	    "failed at the bank.", "%zu bank debits paid (%s), %zu failed at "
	    "the bank.", r.ok), r.ok, money_format(r.paid, a, sizeof a), r.failed);
	return TUI_REDRAW;
}

/* The period and file of the debit file: write it. */
static int
export_check(struct screen *sc, const char *const *texts, char *msg,
    size_t size)
{
	struct wy_err e = { 0 };
	int p;

	(void)sc;
	if (period_parse(texts[0], &p, &e) != WY_OK) {
		snprintf(msg, size, "%s: %s", _("Period"), e.msg);
		return 0;
	}
	if (*texts[1] == '\0') {
		snprintf(msg, size, "%s", _("File: type a file name"));
		return 1;
	}
	return -1;
}

static int
export_named(struct screen *sc, const char *const *texts)
{
	struct wy_err e = { 0 };
	struct sink *k = NULL;
	char *path, a[MONEY_BUFSIZE];
	int64_t total = 0;
	size_t n = 0;

	if ((path = export_path(tui_conf(sc->app), texts[1], &e)) == NULL ||
	    bank_file_open(path, &k, &e) != WY_OK) {
		tui_message(sc->app, 1, "%s", e.msg);
		free(path);
		return TUI_REDRAW;
	}
	if (bank_export(tui_session(sc->app), texts[0], NULL, bank_file_line,
	    k, &n, &total, &e) != WY_OK) {
		sink_close(&k, 0, NULL);
		tui_message(sc->app, 1, "%s", e.msg);
	} else if (sink_close(&k, 1, &e) != WY_OK)
		tui_message(sc->app, 1, "%s", e.msg);
	else
		tui_message(sc->app, 0, _("%s: %zu debit lines, %s in all."),
		    path, n, money_format(total, a, sizeof a));
	free(path);
	return TUI_REDRAW;
}

static int
bank_action(struct screen *sc, enum tui_action a)
{
	struct bank *b = sc->data;
	char period[PERIOD_BUFSIZE], file[64], label[320], q[512];
	char m[MONEY_BUFSIZE], *folder;
	int rows = tui_bottom() - tui_top() - 2;

	switch (a) {
	case ACT_EXPORT: {
		struct tui_ask_field f[] = {
			{ _("Period"), period, 7 },
			{ label, file, 200 },
		};

		period_format(period_of_date(date_today()), period);
		snprintf(file, sizeof file, "bank-%s.csv", period);
		folder = export_dir_shown(tui_conf(sc->app));
		snprintf(label, sizeof label, _("File in %s"), folder);
		free(folder);
		return tui_ask_fields(sc->app, _("Write the bank debit file"), f,
		    2, export_check, export_named, sc);
	}
	case ACT_NEW:
		folder = export_dir_shown(tui_conf(sc->app));
		snprintf(label, sizeof label, _("The bank's result file (.csv) in "
		    "%s, or its full path:"), folder);
		free(folder);
		return tui_prompt(sc->app, _("Read the bank's result file"),
		    label, "", import_named, sc);
	case ACT_SAVE:
		if (b->path == NULL || b->registered) {
			tui_message(sc->app, 1, _("F2 reads a result file first."));
			return TUI_DONE;
		}
		if (b->problems > 0) {
			tui_message(sc->app, 1, _("The file has problems (listed "
			    "here): nothing can be registered."));
			return TUI_DONE;
		}
		snprintf(q, sizeof q, ngettext("Register %zu payment by bank "
		    "debit, %s in all?", "Register %zu payments by bank debit, "
		    "%s in all?", b->r.ok), b->r.ok,
		    money_format(b->r.paid, m, sizeof m));
		return tui_confirm(sc->app, q, register_confirmed, sc);
	case ACT_UP:
		if (b->top > 0)
			b->top--;
		return TUI_DONE;
	case ACT_DOWN:
		if (b->top + 1 < b->n)
			b->top++;
		return TUI_DONE;
	case ACT_PGUP:
		b->top = b->top > (size_t)rows ? b->top - (size_t)rows : 0;
		return TUI_DONE;
	case ACT_PGDN:
		if (b->top + (size_t)rows < b->n)
			b->top += (size_t)rows;
		return TUI_DONE;
	case ACT_BACK:
		return TUI_POP;
	default:
		return TUI_PASS;
	}
}

static const enum tui_action bank_bar[] = { ACT_HELP, ACT_NEW, ACT_SAVE,
	ACT_EXPORT, ACT_MENU, ACT_BACK, ACT_NONE };

static const struct tui_note bank_notes[] = {
	{ ACT_NEW, N_("Import"), N_("read the bank's result file and show what it will pay, registering nothing") },
	{ ACT_SAVE, N_("Register"), N_("register the result file shown, after asking, in one step") },
	{ ACT_EXPORT, N_("Debit file"), N_("write the debit file of a period into the export folder") },
	{ ACT_NONE, NULL, NULL },
};

static const struct screen_ops bank_ops = {
	.name = N_("Bank debit"),
	.help = N_("Bank debit (银行划款), as wuye bank export and wuye bank "
	    "import do on the command line.\n"
	    "F9 writes the debit file of a period (a line for each room whose "
	    "payer pays by bank debit and owes on the bills of the period or "
	    "before) into the export folder, under the name you give.\n"
	    "F2 reads the bank's result file (a name in the export folder, or "
	    "a full path) and checks every line without registering anything: "
	    "the list shows, by line number, what will be paid, what the bank "
	    "could not debit, and each problem. A file with a problem cannot "
	    "be registered. Ctrl-S asks, then registers the payments of the "
	    "file in one step, by method bank, with their receipts.\n"
	    "Long files show their progress; Esc stops them, and nothing is "
	    "registered."),
	.leave = bank_leave,
	.draw = bank_draw,
	.action = bank_action,
	.bar = bank_bar,
	.notes = bank_notes,
};

int
tui_open_bank(struct app *app)
{
	struct wy_err e = { 0 };

	if (auth_require(tui_session(app), "charge.pay", &e) != WY_OK) {
		tui_alert(app, _("Bank debit"), e.msg);
		return e.code;
	}
	return tui_push(app, &bank_ops, xcalloc(1, sizeof(struct bank)));
}
