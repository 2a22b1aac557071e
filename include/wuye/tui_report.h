/* wuye: the report screens of the full-screen program (报表), between
 * their files.
 *
 * reports.c has the list of reports and the parameter form, and runs a
 * report into a table of rows (rtable.c) through a callback sink;
 * rtable.c shows that table (sort, search, drill-down); rexport.c is the
 * export dialog, which writes the same report again through
 * report_write(), the path of `wuye report run`.  The parameter form and
 * the table are one screen with two faces (sc->ops is switched), so F5
 * goes from the table back to the parameters and Esc from either goes
 * back to the list.
 */
#ifndef WUYE_TUI_REPORT_H
#define WUYE_TUI_REPORT_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "wuye/report.h"
#include "wuye/tui.h"

struct rtab;

/* One report on screen: its parameters as typed, and the last run. */
struct tui_rrun {
	struct report *r;
	struct report_args a;	/* the values of the last run */
	struct tui_edit *ed;	/* one per parameter */
	char **msg;		/* the complaint beside each, or NULL */
	size_t cur;		/* the parameter with the cursor */
	int cy, cx;		/* where the cursor is drawn */
	struct rtab *tab;	/* the rows of the last run, or NULL */
};

/* The parameter face (reports.c) and the table face (rtable.c). */
extern const struct screen_ops tui_rparams_ops;
extern const struct screen_ops tui_rtab_ops;

/* An empty table for the columns of r (cols, ncols from
 * report_sink_cols(), taken over).  Free with tui_rtab_free(). */
struct rtab *tui_rtab_new(const struct report *r, struct sink_col *cols,
    size_t ncols);
void tui_rtab_free(struct rtab **tp);

/* The row callback of the SINK_CALLBACK sink (arg is the rtab). */
int tui_rtab_row(void *arg, enum sink_row_kind kind,
    const struct sink_cell *cells, size_t ncells, struct wy_err *e);

/* Where report_run() is to put each data row's drill-down id
 * (report_watch.drill_id). */
int64_t *tui_rtab_drill(struct rtab *t);

/* After the last row: lay the columns out.  The number of data rows. */
long tui_rtab_done(struct rtab *t);

/* The "name=value" strings of the last run (NULL-ended, malloc'd, each
 * too; free with tui_rparams_free_strings()), and the value of the first
 * period parameter (else date), or NULL. */
char **tui_rparams_strings(const struct tui_rrun *rr, size_t *n);
void tui_rparams_free_strings(char **v);
const char *tui_rparams_period(const struct tui_rrun *rr);

/* The progress dialog of a run or an export: the rows so far; Esc or
 * Ctrl-C, looked for even while the query works between two rows, stops
 * the run through w->cancel.  start fills *w (add drill_id if needed). */
struct tui_rprogress {
	volatile sig_atomic_t cancel;
	const char *title;
};
void tui_rprogress_start(struct tui_rprogress *pg, const char *title,
    struct report_watch *w);
void tui_rprogress_stop(struct tui_rprogress *pg);

/* The export dialog (F9 on the table) for the report of sc. */
int tui_rexport_open(struct screen *sc);

#endif
