/* wuye: `wuye handover [--date D] [--cashier NAME]`: a cashier's daily
 * hand-over (交班日报): the day's receipts, voids and totals per method. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "wuye/cli.h"
#include "wuye/i18n.h"
#include "wuye/receipt.h"

extern const struct cli_cmd cli_cmd_handover;

static int
cmd_handover(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "cashier", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	const char *date = NULL, *cashier = NULL;
	char why[128], *text;
	int ch, rc;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":", opts)) != -1) {
		switch (ch) {
		case 'd':
			date = optarg;
			break;
		case 'c':
			cashier = optarg;
			break;
		default:
			snprintf(why, sizeof why, ch == ':' ?
			    _("option %s needs a value") :
			    _("unknown option %s"), argv[optind - 1]);
			return cli_usage(c, &cli_cmd_handover, why);
		}
	}
	if (optind != argc)
		return cli_usage(c, &cli_cmd_handover, _("too many arguments"));
	if ((rc = receipt_handover(&c->sess, cashier, date, &text, &c->err)) !=
	    WY_OK)
		return rc;
	fputs(text, stdout);
	free(text);
	return WY_OK;
}

const struct cli_cmd cli_cmd_handover = {
	.name = "handover",
	.args = "[--date D] [--cashier NAME]",
	.help = N_("a cashier's daily hand-over: receipts, voids, totals"),
	.flags = CLI_NEED_DB | CLI_LOGIN | CLI_READONLY,
	.exec = cmd_handover,
};
