/* wuye: `wuye report list | show NAME | run NAME`.
 *
 * list prints every report the user may run as TSV (a malformed one with
 * its error); show prints a definition as read; run writes a report (or
 * the month-end pack) to standard output as TSV, to a file whose
 * extension gives the format, or through print.command.  Ctrl-C stops a
 * run cleanly: the flag set by the handler stops the query, and the
 * temporary file is removed.
 */
#include "wuye/cli.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
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
#include "wuye/report.h"

extern const struct cli_cmd cli_cmd_report;

static volatile sig_atomic_t interrupted;

/* Ctrl-C: ask the running report to stop. */
static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* Print a field for TSV: tabs and newlines become spaces. */
static void
put_field(const char *s, const char *end)
{
	for (; s != NULL && *s != '\0'; s++)
		putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
	fputs(end, stdout);
}

/* `wuye report list`. */
static int
report_list_cmd(struct cli *c)
{
	struct report_entry *list;
	size_t i, n;
	int rc;

	if ((rc = report_list(&c->sess, &list, &n, &c->err)) != WY_OK)
		return rc;
	printf("name\tgroup\tsource\ttitle\terror\n");
	for (i = 0; i < n; i++) {
		put_field(list[i].name, "\t");
		put_field(list[i].report ? list[i].report->group : "", "\t");
		put_field(list[i].builtin ? "builtin" : "user", "\t");
		put_field(list[i].report ? list[i].report->title : "", "\t");
		put_field(list[i].error, "\n");
	}
	report_list_free(list, n);
	return WY_OK;
}

/* The definition's name of a column type. */
static const char *
kind_name(enum sink_kind k)
{
	static const char *const names[] = { "text", "integer", "area",
	    "money", "percent", "date" };

	return (size_t)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

/* The definition's name of a parameter type. */
static const char *
ptype_name(enum report_ptype t)
{
	static const char *const names[] = { "period", "date", "estate",
	    "building", "fee_item", "cashier", "integer", "text" };

	return (size_t)t < sizeof names / sizeof names[0] ? names[t] : "?";
}

/* `wuye report show NAME`. */
static int
report_show_cmd(struct cli *c, const char *name)
{
	const struct report_column *col;
	const struct report_param *p;
	struct report *r;
	size_t i;
	int rc;

	if ((rc = report_load(&c->sess, name, &r, &c->err)) != WY_OK)
		return rc;
	printf("%s: %s\n", r->name, r->title);
	printf(_("file: %s (%s)\n"), r->file, r->builtin ? _("built-in") :
	    _("user"));
	printf(_("group: %s  order: %d  month-end pack: %s\n"), r->group,
	    r->order, r->pack ? _("yes") : _("no"));
	if (r->perm != NULL)
		printf(_("permission: %s\n"), r->perm);
	if (r->drill != NULL)
		printf(_("drill: %s (%s)\n"), r->drill, r->cols[r->drill_col].name);
	if (r->group_col >= 0)
		printf(_("subtotals by: %s\n"), r->cols[r->group_col].name);
	printf(_("parameters:\n"));
	for (i = 0; i < r->nparams; i++) {
		p = &r->params[i];
		printf("  %s\t%s\t%s", p->name, ptype_name(p->type), p->label);
		if (p->def != NULL)
			printf(_("\tdefault %s"), p->def);
		if (p->required)
			printf(_("\trequired"));
		putchar('\n');
	}
	printf(_("columns:\n"));
	for (i = 0; i < r->ncols; i++) {
		col = &r->cols[i];
		printf("  %s\t%s\t%s\t%s%s\n", col->name, kind_name(col->kind),
		    col->title, col->total == SINK_TOTAL_SUM ? "sum" :
		    col->total == SINK_TOTAL_RATIO ? "ratio" : "-",
		    col->hidden ? _("\thidden") : "");
	}
	printf("SQL:\n  %s\n", r->sql);
	report_free(&r);
	return WY_OK;
}

/* Show the row count on the terminal. */
static int
progress(void *arg, long rows)
{
	(void)arg;
	fputc('\r', stderr);
	fprintf(stderr, _("%ld rows"), rows);
	return 0;
}

/* `wuye report run NAME ...` (argv[0] is "run"). */
static int
report_run_cmd(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "param", required_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "bom", no_argument, NULL, 'b' },
		{ "print", no_argument, NULL, 'P' },
		{ NULL, 0, NULL, 0 },
	};
	struct sink_opts so = { .format = SINK_TSV };
	struct report_watch w = { .cancel = &interrupted };
	struct sigaction sa = { .sa_handler = on_sigint }, old;
	const char **params;
	const char *format = NULL;
	char tmp[] = "/tmp/wuye-report-XXXXXX", date[DATE_BUFSIZE], *name;
	char *dflt = NULL;
	size_t np = 0;
	long rows = 0;
	int ch, rc, fmt, print = 0, fd;

	params = xcalloc((size_t)argc + 1, sizeof *params);
	optind = 0;
	while ((ch = cli_getopt(argc, argv, "p:o:f:", opts)) != -1) {
		switch (ch) {
		case 'p': params[np++] = optarg; break;
		case 'o': so.path = optarg; break;
		case 'f': format = optarg; break;
		case 'b': so.bom = 1; break;
		case 'P': print = 1; break;
		default:
			free(params);
			return cli_usage(c, &cli_cmd_report, NULL);
		}
	}
	if (optind != argc - 1) {
		free(params);
		return cli_usage(c, &cli_cmd_report, _("run needs one report name"));
	}
	if (format != NULL || (so.path != NULL && strcmp(so.path, "-") != 0)) {
		fmt = sink_format_parse(format, format == NULL ? so.path : NULL);
		if (fmt < 0 || fmt == SINK_CALLBACK) {
			free(params);
			return cli_usage(c, &cli_cmd_report, format != NULL ?
			    _("--format is csv, tsv, xlsx or txt") :
			    _("-o FILE ends in .csv, .tsv, .xlsx or .txt (or give --format)"));
		}
		so.format = (enum sink_format)fmt;
	}
	if (print && (so.path != NULL || (format != NULL && so.format != SINK_TEXT))) {
		free(params);
		return cli_usage(c, &cli_cmd_report, _("--print writes text to "
		    "the printer: no -o or --format"));
	}
	if (!print && so.path == NULL && (so.format == SINK_XLSX ||
	    (format == NULL && strcmp(argv[optind], "month-end") == 0))) {
		/* no standard output for a workbook: NAME-DATE.xlsx in the
		 * export folder, said on stdout */
		date_format(date_today(), date);
		name = xasprintf("%s-%s.xlsx", argv[optind], date);
		so.path = dflt = export_path(c->conf, name, &c->err);
		free(name);
		if (dflt == NULL) {
			free(params);
			return c->err.code;
		}
		so.format = SINK_XLSX;
	}
	if (print) {
		if ((fd = mkstemp(tmp)) < 0) {
			free(params);
			return wy_fail(&c->err, WY_EFAIL, "%s: %s", tmp,
			    strerror(errno));
		}
		close(fd);
		so.path = tmp;
		so.format = SINK_TEXT;
	}
	if (conf_bool(c->conf, "report.csv_bom"))
		so.bom = 1;
	if (isatty(STDERR_FILENO))
		w.progress = progress;
	interrupted = 0;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old);
	rc = report_write(&c->sess, argv[optind], params, np, &so, &w, &rows,
	    &c->err);
	sigaction(SIGINT, &old, NULL);
	if (w.progress != NULL && rows >= 1000)
		fputs("\r\033[K", stderr);
	if (print) {
		if (rc == WY_OK)
			rc = print_file(c->conf, tmp, &c->err);
		unlink(tmp);
	}
	if (rc == WY_OK && dflt != NULL)
		printf(ngettext("exported %ld row to %s\n",
		    "exported %ld rows to %s\n", (unsigned long)rows), rows, dflt);
	free(dflt);
	free(params);
	return rc;
}

/* Dispatch the subcommands. */
static int
cmd_report(struct cli *c, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "list") == 0 && argc == 2)
		return report_list_cmd(c);
	if (argc >= 2 && strcmp(argv[1], "show") == 0) {
		if (argc != 3)
			return cli_usage(c, &cli_cmd_report, _("show needs one "
			    "report name"));
		return report_show_cmd(c, argv[2]);
	}
	if (argc >= 2 && strcmp(argv[1], "run") == 0)
		return report_run_cmd(c, argc - 1, argv + 1);
	return cli_usage(c, &cli_cmd_report, NULL);
}

const struct cli_cmd cli_cmd_report = {
	.name = "report",
	.args = "list | show NAME | run NAME [--param KEY=VALUE]... "
	    "[-o FILE] [--format csv|tsv|xlsx|txt] [--bom] [--print]",
	.help = N_("reports: list them, show one, run one (TSV to standard "
	    "output by default; run month-end -o FILE.xlsx: the month-end pack)"),
	.flags = CLI_NEED_DB | CLI_LOGIN | CLI_READONLY,
	.exec = cmd_report,
};
