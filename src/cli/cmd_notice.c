/* wuye: `wuye notice charge PERIOD ...` and `wuye notice collection ...`:
 * charge notices (收费通知单) and collection notices (催缴通知单) of the
 * rooms chosen by --estate, --building and --room (notice.h).
 *
 * The text goes to stdout, or with --print through print.command, or
 * with -o FILE into a file: FILE.txt gets the text, FILE.csv, .tsv and
 * .xlsx one row per room through the sink.  A bad period, date or code is
 * exit 3 with a message naming the option.
 */
#include "wuye/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/date.h"
#include "wuye/i18n.h"
#include "wuye/notice.h"
#include "wuye/sink.h"

extern const struct cli_cmd cli_cmd_notice;

/* Where notice_row writes. */
struct notice_sink {
	struct sink *k;
	struct wy_err *e;
};

/* Write one notice's row to the sink. */
static int
notice_row(void *arg, const struct notice *n)
{
	struct notice_sink *ns = arg;
	struct sink_cell cells[NOTICE_COLS_MAX];

	notice_cells(n, cells);
	return sink_row(ns->k, cells, ns->e);
}

/* Write the table form of the notices to path in format. */
static int
notice_table(struct cli *c, const struct notice_opts *o, const char *path,
    int format, size_t *count)
{
	const struct sink_col *cols;
	char title[64], date[64], today[DATE_BUFSIZE];
	const char *params[] = { date, NULL };
	struct sink_opts so = { .path = path, .format = format,
	    .title = title, .params = params,
	    .sheet = o->kind == NOTICE_CHARGE ? "收费通知单" : "催缴通知单" };
	struct notice_sink ns = { .e = &c->err };
	size_t ncols;
	int rc;

	snprintf(title, sizeof title, "%s%s%s", so.sheet,
	    o->kind == NOTICE_CHARGE ? "  " : "",
	    o->kind == NOTICE_CHARGE ? o->period : "");
	snprintf(date, sizeof date, _("Date: %s"), o->date != NULL ? o->date :
	    date_format(date_today(), today));
	cols = notice_columns(o->kind, &ncols);
	if ((rc = sink_open(&so, cols, ncols, &ns.k, &c->err)) != WY_OK)
		return rc;
	rc = notice_each(&c->sess, o, notice_row, &ns, count, &c->err);
	if (sink_close(&ns.k, rc == WY_OK, rc == WY_OK ? &c->err : NULL) !=
	    WY_OK && rc == WY_OK)
		rc = c->err.code;
	return rc;
}

/* Name the option in a domain message that starts with its field name
 * and a colon (an ASCII one, or the full-width one of a translation). */
static int
notice_option(struct cli *c, int rc)
{
	static const char *const fields[] = { "date", "by", "min-days",
	    "estate", "building", "room", NULL };
	const char *m = c->err.msg;
	size_t i, n, len;

	if (rc != WY_EINVALID)
		return rc;
	for (i = 0; fields[i] != NULL; i++) {
		n = strlen(fields[i]);
		if (strncmp(m, fields[i], n) != 0 || (m[n] != ':' &&
		    strncmp(m + n, "\xef\xbc\x9a", 3) != 0))
			continue;
		len = strnlen(c->err.msg, sizeof c->err.msg - 3);
		memmove(c->err.msg + 2, c->err.msg, len);
		memcpy(c->err.msg, "--", 2);
		c->err.msg[len + 2] = '\0';
		break;
	}
	return rc;
}

/* Parse --min-days. */
static int
notice_min_days(struct cli *c, const char *s, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0 || v > 36500)
		return wy_fail(&c->err, WY_EINVALID, _("--min-days: '%s' is "
		    "not a whole number from 0 to 36500"), s);
	*out = (int)v;
	return WY_OK;
}

/* Parse the options and make the notices. */
static int
cmd_notice(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "min-days", required_argument, NULL, 'm' },
		{ "by", required_argument, NULL, 'b' },
		{ "date", required_argument, NULL, 'd' },
		{ "estate", required_argument, NULL, 'e' },
		{ "building", required_argument, NULL, 'B' },
		{ "room", required_argument, NULL, 'r' },
		{ "print", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	struct notice_opts o = { .kind = NOTICE_CHARGE };
	const char *out = NULL, *kind, *min_days = NULL;
	char why[160], *text;
	size_t count = 0;
	int ch, rc, print = 0, format;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":o:", opts)) != -1) {
		switch (ch) {
		case 'm': min_days = optarg; break;
		case 'b': o.by = optarg; break;
		case 'd': o.date = optarg; break;
		case 'e': o.estate = optarg; break;
		case 'B': o.building = optarg; break;
		case 'r': o.room = optarg; break;
		case 'p': print = 1; break;
		case 'o': out = optarg; break;
		case ':':
			snprintf(why, sizeof why, _("%s needs a value"),
			    argv[optind - 1]);
			return cli_usage(c, &cli_cmd_notice, why);
		default:
			snprintf(why, sizeof why, _("unknown option %s"),
			    argv[optind - 1]);
			return cli_usage(c, &cli_cmd_notice, why);
		}
	}
	if (optind >= argc)
		return cli_usage(c, &cli_cmd_notice, _("notice needs charge "
		    "or collection"));
	kind = argv[optind++];
	if (strcmp(kind, "charge") == 0) {
		if (optind >= argc)
			return cli_usage(c, &cli_cmd_notice, _("notice charge "
			    "needs a period (YYYY-MM)"));
		o.period = argv[optind++];
		if (min_days != NULL || o.by != NULL)
			return cli_usage(c, &cli_cmd_notice, _("--min-days and "
			    "--by are for notice collection"));
	} else if (strcmp(kind, "collection") == 0) {
		o.kind = NOTICE_COLLECTION;
		if (min_days != NULL && notice_min_days(c, min_days,
		    &o.min_days) != WY_OK)
			return WY_EINVALID;
	} else
		return cli_usage(c, &cli_cmd_notice, _("notice needs charge "
		    "or collection"));
	if (optind != argc)
		return cli_usage(c, &cli_cmd_notice, _("too many arguments"));
	if (print && out != NULL)
		return cli_usage(c, &cli_cmd_notice, _("--print and -o do not "
		    "go together"));
	if (print) {
		if ((rc = notice_option(c, notice_print(&c->sess, &o, &count,
		    &c->err))) == WY_OK)
			printf(ngettext("%zu notice printed\n",
			    "%zu notices printed\n", count), count);
		return rc;
	}
	if (out != NULL) {
		format = sink_format_parse(NULL, out);
		if (format != SINK_TEXT && format != SINK_CSV &&
		    format != SINK_TSV && format != SINK_XLSX)
			return wy_fail(&c->err, WY_EINVALID, _("-o: '%s' must "
			    "end in .txt, .csv, .tsv or .xlsx"), out);
		rc = format == SINK_TEXT ? notice_save_text(&c->sess, &o, out,
		    &count, &c->err) : notice_table(c, &o, out, format, &count);
		if ((rc = notice_option(c, rc)) == WY_OK)
			printf(ngettext("%zu notice written to %s\n",
			    "%zu notices written to %s\n", count), count, out);
		return rc;
	}
	if ((rc = notice_option(c, notice_text(&c->sess, &o, &text, &count,
	    &c->err))) != WY_OK)
		return rc;
	fputs(text, stdout);
	free(text);
	return WY_OK;
}

const struct cli_cmd cli_cmd_notice = {
	.name = "notice",
	.args = "charge PERIOD | collection [--min-days N] [--by DATE] "
	    "[--date DATE] [--estate CODE] [--building CODE] [--room CODE] "
	    "[--print | -o FILE]",
	.help = N_("charge notices of a period, or collection notices of "
	    "rooms in arrears"),
	.flags = CLI_NEED_DB | CLI_LOGIN | CLI_READONLY,
	.exec = cmd_notice,
};
