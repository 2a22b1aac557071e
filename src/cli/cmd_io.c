/* wuye: `wuye import KIND FILE.csv` and `wuye export KIND`.
 *
 * KIND is the name of a form (forms/NAME.ini): estates, buildings, rooms,
 * clients, occupancy, family, leases, parking, vehicles, handover_items,
 * handover_findings.  Export writes the columns import reads, so an export
 * imports back into an empty database unchanged.
 */
#include "wuye/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wuye/conf.h"
#include "wuye/date.h"
#include "wuye/entity.h"
#include "wuye/export.h"
#include "wuye/i18n.h"
#include "wuye/import.h"
#include "wuye/sink.h"

extern const struct cli_cmd cli_cmd_import, cli_cmd_export;

/* Every problem but the first, which main() prints with the summary. */
static void
print_problem(void *arg, const char *msg)
{
	int *seen = arg;

	if ((*seen)++ > 0)
		fprintf(stderr, "%s\n", msg);
}

static void
print_progress(void *arg, long rows)
{
	(void)arg;
	fprintf(stderr, "\r%s %ld", _("rows"), rows);
}

/* List the kinds for a usage message. */
static void
kinds_text(struct cli *c, char *buf, size_t size)
{
	char **names;
	size_t n, i, len = 0;

	buf[0] = '\0';
	names = entity_names(c->conf, &n);
	for (i = 0; i < n && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
		    names[i]);
	entity_names_free(names, n);
}

static int
load_kind(struct cli *c, const struct cli_cmd *cmd, const char *kind,
    struct entity **ent)
{
	char kinds[512], why[640], name[64], *p;
	int rc;

	snprintf(name, sizeof name, "%s", kind);
	for (p = name; *p != '\0'; p++)
		if (*p == '-')
			*p = '_';	/* fee-items is fee_items */
	rc = entity_load(c->conf, name, ent, &c->err);
	if (rc == WY_ENOTFOUND) {
		kinds_text(c, kinds, sizeof kinds);
		snprintf(why, sizeof why, _("unknown kind '%s' (one of: %s)"), kind, kinds);
		return cli_usage(c, cmd, why);
	}
	return rc;
}

static int
cmd_import(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "accept-warnings", no_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	struct import_opts o = { .problem = print_problem };
	struct entity *ent;
	long rows;
	int ch, rc, seen = 0;

	optind = 0;	/* 0: a full reset of GNU getopt */
	while ((ch = cli_getopt(argc, argv, "", opts)) != -1) {
		switch (ch) {
		case 'w': o.accept_warnings = 1; break;
		default: return cli_usage(c, &cli_cmd_import, NULL);
		}
	}
	if (optind != argc - 2)
		return cli_usage(c, &cli_cmd_import, NULL);
	if ((rc = load_kind(c, &cli_cmd_import, argv[optind], &ent)) != WY_OK)
		return rc;
	o.path = argv[optind + 1];
	o.arg = &seen;
	o.max_errors = (int)conf_int(c->conf, "import.max_errors");
	if (isatty(STDERR_FILENO))
		o.progress = print_progress;
	rc = import_csv(&c->sess, ent, &o, &rows, &c->err);
	if (o.progress != NULL)
		fputc('\n', stderr);
	if (rc == WY_OK)
		printf(_("imported %ld %s from %s\n"), rows, ent->name, o.path);
	entity_free(&ent);
	return rc;
}

static int
cmd_export(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "bom", no_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	struct sink_opts so = { .format = SINK_CSV };
	struct entity *ent;
	const char *format = NULL;
	char name[128], date[DATE_BUFSIZE], *dflt = NULL;
	long rows = 0;
	int ch, rc, fmt;

	optind = 0;	/* 0: a full reset of GNU getopt */
	while ((ch = cli_getopt(argc, argv, "f:o:", opts)) != -1) {
		switch (ch) {
		case 'f': format = optarg; break;
		case 'o': so.path = optarg; break;
		case 'b': so.bom = 1; break;
		default: return cli_usage(c, &cli_cmd_export, NULL);
		}
	}
	if (optind != argc - 1)
		return cli_usage(c, &cli_cmd_export, NULL);
	if (format != NULL || so.path != NULL) {
		fmt = sink_format_parse(format, format == NULL ? so.path : NULL);
		if (fmt < 0 && format == NULL)
			fmt = SINK_CSV;
		if (fmt < 0)
			return cli_usage(c, &cli_cmd_export,
			    _("--format is csv, tsv, xlsx or text"));
		so.format = (enum sink_format)fmt;
	}
	if ((rc = load_kind(c, &cli_cmd_export, argv[optind], &ent)) != WY_OK)
		return rc;
	so.sheet = entity_title(ent);
	if (so.path == NULL && so.format == SINK_XLSX) {
		/* no standard output for a workbook: KIND-DATE.xlsx in the
		 * export folder, said on stdout */
		date_format(date_today(), date);
		snprintf(name, sizeof name, "%s-%s.xlsx", ent->name, date);
		if ((so.path = dflt = export_path(c->conf, name, &c->err)) == NULL) {
			entity_free(&ent);
			return c->err.code;
		}
	}
	rc = export_entity(&c->sess, ent, NULL, &so, &rows, &c->err);
	if (rc == WY_OK && dflt != NULL)
		printf(ngettext("exported %ld row to %s\n",
		    "exported %ld rows to %s\n", (unsigned long)rows), rows, dflt);
	free(dflt);
	entity_free(&ent);
	return rc;
}

const struct cli_cmd cli_cmd_import = {
	.name = "import",
	.args = "KIND FILE.csv [--accept-warnings]",
	.help = N_("import records from CSV, all or nothing"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.exec = cmd_import,
};

const struct cli_cmd cli_cmd_export = {
	.name = "export",
	.args = "KIND [--format csv|tsv|xlsx|text] [-o FILE] [--bom]",
	.help = N_("export records (CSV to standard output by default; .xlsx "
	    "without -o into export.dir)"),
	.flags = CLI_NEED_DB | CLI_LOGIN | CLI_READONLY,
	.exec = cmd_export,
};
