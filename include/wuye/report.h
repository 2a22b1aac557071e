/* wuye: reports defined by reports/NAME.ini.
 *
 * A report is a title, one read-only SELECT, typed parameters and typed
 * columns, with optional subtotals, totals and a chart.  Built-in reports
 * are embedded in the binary; a user's own in <paths.data>/reports
 * override them by name.  The SQL runs on a second, read-only connection
 * whose authorizer allows only reading, with the parameters bound (never
 * pasted), under a time limit the user can cut short.  Every output (the
 * screen, .xlsx, CSV, the printer) is the same rows through a sink
 * (sink.h), so they cannot disagree.
 */
#ifndef WUYE_REPORT_H
#define WUYE_REPORT_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "wuye/error.h"
#include "wuye/session.h"
#include "wuye/sink.h"

struct conf;

enum report_ptype {
	REPORT_P_PERIOD, REPORT_P_DATE, REPORT_P_ESTATE, REPORT_P_BUILDING,
	REPORT_P_FEE_ITEM, REPORT_P_CASHIER, REPORT_P_INTEGER, REPORT_P_TEXT,
};

struct report_param {
	const char *name;		/* bound as :name */
	enum report_ptype type;
	const char *label;		/* in the UI language */
	const char *def;		/* default as written ("current"), or NULL */
	int required;
};

struct report_column {
	const char *name;		/* the SQL result column */
	const char *title;		/* in the UI language */
	enum sink_kind kind;
	int width;
	enum sink_total total;
	int num, den;			/* ratio totals: column indexes */
	int hidden;
	const char *labels;		/* code list shown by its names, or NULL */
	int scale;			/* decimals of area (2), qty (3), percent (2) */
};

struct report {
	char *name;			/* file name without .ini */
	char *file;			/* where it came from, for messages */
	int builtin;			/* embedded, not a user file */
	const char *title;		/* in the UI language */
	const char *group;		/* charges, property, ... */
	const char *perm;		/* needed besides report.read, or NULL */
	int pack;			/* in the month-end pack */
	int order;
	size_t freeze;			/* key columns kept at the left on screen */
	const char *drill;		/* form opened from a row, or NULL */
	int drill_col;			/* column holding its id, or -1 */
	int group_col;			/* subtotal column, or -1 */
	int totals;			/* a grand-total row */
	const char *sql;
	struct report_param *params;
	size_t nparams;
	struct report_column *cols;
	size_t ncols;
	int has_chart;
	struct sink_chart chart;	/* column indexes into cols */
	void *priv;			/* the parsed INI, strings point into it */
};

/* Every report (built-in and the user's) the session may run (report.read
 * and the report's perm), sorted by group, order, name.  A malformed file
 * is still listed (after the others), with its error in error (malloc'd
 * message) and NULL in report; name is always set.  Checking a definition
 * prepares its SQL on a read-only connection to s->db.  WY_EDENIED without
 * report.read.  Free with report_list_free(). */
struct report_entry {
	char *name;
	struct report *report;		/* NULL if it did not load */
	char *error;			/* why, or NULL */
	int builtin;			/* embedded, not a user file */
};
int report_list(struct session *s, struct report_entry **out,
    size_t *n, struct wy_err *e);
void report_list_free(struct report_entry *list, size_t n);

/* Load and check the report called name (its SQL is prepared read-only
 * on s->db to compare the columns).  WY_ENOTFOUND for an unknown name;
 * WY_EINVALID naming file, line and key for a malformed one; WY_EDENIED
 * without report.read or the report's perm. */
int report_load(struct session *s, const char *name,
    struct report **out, struct wy_err *e);
void report_free(struct report **rp);

/* Parameter values for one run, in the order of r->params; unset ones
 * take their defaults when resolved. */
struct report_args {
	char **values;			/* as given (NULL: unset) */
	char **bound;			/* resolved (NULL: bound as NULL) */
	size_t n;
};
void report_args_init(struct report_args *a, const struct report *r);
void report_args_free(struct report_args *a);

/* Set "name=value" or (name, value): WY_EINVALID for an unknown name. */
int report_args_set(const struct report *r, struct report_args *a,
    const char *name, const char *value, struct wy_err *e);

/* Fill defaults and check every value against its type and the database
 * (an estate code must exist, ...): WY_EINVALID naming the parameter. */
int report_args_resolve(struct session *s, const struct report *r,
    struct report_args *a, struct wy_err *e);

/* Lines "Label: value" for the sink's params (NULL-ended, malloc'd;
 * free with report_args_lines_free). */
char **report_args_lines(const struct report *r, const struct report_args *a);
void report_args_lines_free(char **lines);

/* How a run is watched: *cancel set non-zero (a signal handler, the
 * screen's Esc) stops it with WY_EFAIL "interrupted"; progress() is called
 * every few thousand rows and may return non-zero to stop. */
struct report_watch {
	volatile sig_atomic_t *cancel;
	int (*progress)(void *arg, long rows);
	void *arg;
	int64_t *drill_id;		/* may be NULL: set to each data row's
					 * drill_key value (0 when NULL or no
					 * drill) just before the row reaches the
					 * sink (a SINK_CALLBACK row_cb reads it) */
};

/* Run r with resolved arguments into the open sink k (whose columns came
 * from report_sink_cols): the rows, the subtotals on r->group_col, the
 * total row and the chart.  *rows (may be NULL) gets the data row count.
 * Time limit: report.timeout. */
int report_run(struct session *s, const struct report *r,
    const struct report_args *a, struct sink *k,
    const struct report_watch *w, long *rows, struct wy_err *e);

/* The visible columns of r for sink_open()/sink_next(); *n gets their
 * count.  malloc'd. */
struct sink_col *report_sink_cols(const struct report *r, size_t *n);

/* Run report `name` with "name=value" params into the file or stdout
 * described by o: the whole path of `wuye report run` (load, args,
 * resolve, open sink, run, close).  name "month-end" writes the
 * month-end pack (o must be .xlsx). */
int report_write(struct session *s, const char *name,
    const char *const *params, size_t nparams, const struct sink_opts *o,
    const struct report_watch *w, long *rows, struct wy_err *e);

#endif
