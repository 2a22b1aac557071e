/* wuye: `wuye bank export PERIOD [-o FILE.csv] [--date D]` writes the bank
 * debit file of a period (bank.h gives the layout; standard output
 * without -o) and `wuye bank import FILE.csv [--date D]` registers the
 * bank's result file as payments by method bank, all or nothing.  Both
 * print a summary line on standard error.
 */
#include "wuye/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "wuye/bank.h"
#include "wuye/bank_file.h"
#include "wuye/conf.h"
#include "wuye/i18n.h"
#include "wuye/money.h"
#include "wuye/sink.h"

extern const struct cli_cmd cli_cmd_bank;

/* Every problem but the first, which main() prints with the summary. */
static void
bank_problem(void *arg, const char *msg)
{
	int *seen = arg;

	if ((*seen)++ > 0)
		fprintf(stderr, "%s\n", msg);
}

/* `bank export PERIOD`. */
static int
bank_export_cmd(struct cli *c, const char *period, const char *out,
    const char *date)
{
	struct sink *k;
	char a[MONEY_BUFSIZE];
	int64_t total;
	size_t n;
	int rc;

	if ((rc = bank_file_open(out, &k, &c->err)) != WY_OK)
		return rc;
	if ((rc = bank_export(&c->sess, period, date, bank_file_line, k, &n,
	    &total, &c->err)) != WY_OK) {
		sink_close(&k, 0, NULL);
		return rc;
	}
	if ((rc = sink_close(&k, 1, &c->err)) != WY_OK)
		return rc;
	fprintf(stderr, ngettext("%zu debit line, %s in all\n",
	    "%zu debit lines, %s in all\n", n), n,
	    money_format(total, a, sizeof a));
	return WY_OK;
}

/* `bank import FILE.csv`. */
static int
bank_import_cmd(struct cli *c, const char *path, const char *date)
{
	struct bank_import_opts o = { .path = path, .date = date,
	    .problem = bank_problem };
	struct bank_import_result r;
	char a[MONEY_BUFSIZE];
	int rc, seen = 0;

	o.arg = &seen;
	o.max_errors = (int)conf_int(c->conf, "import.max_errors");
	if ((rc = bank_import(&c->sess, &o, &r, &c->err)) != WY_OK)
		return rc;
	fprintf(stderr, ngettext("%zu debit paid (%s), ", "%zu debits paid (%s), ",
	    r.ok), r.ok, money_format(r.paid, a, sizeof a));
	fprintf(stderr, ngettext("%zu failed at the bank\n",
	    "%zu failed at the bank\n", r.failed), r.failed);
	return WY_OK;
}

/* Parse the options, then run the subcommand. */
static int
cmd_bank(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out = NULL, *date = NULL;
	char why[128];
	int ch;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":o:", opts)) != -1) {
		switch (ch) {
		case 'o': out = optarg; break;
		case 'd': date = optarg; break;
		default:
			snprintf(why, sizeof why, ch == ':' ?
			    _("option %s needs a value") :
			    _("unknown option %s"), argv[optind - 1]);
			return cli_usage(c, &cli_cmd_bank, why);
		}
	}
	if (argc - optind != 2)
		return cli_usage(c, &cli_cmd_bank, NULL);
	if (strcmp(argv[optind], "export") == 0)
		return bank_export_cmd(c, argv[optind + 1], out, date);
	if (strcmp(argv[optind], "import") == 0) {
		if (out != NULL)
			return cli_usage(c, &cli_cmd_bank, _("import takes no "
			    "-o"));
		return bank_import_cmd(c, argv[optind + 1], date);
	}
	return cli_usage(c, &cli_cmd_bank, _("the subcommand is export or "
	    "import"));
}

const struct cli_cmd cli_cmd_bank = {
	.name = "bank",
	.args = "export PERIOD [-o FILE.csv] [--date D] | import FILE.csv "
	    "[--date D]",
	.help = N_("write the bank debit file of a period; register the bank's result file as payments"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.exec = cmd_bank,
};
