/* wuye: `wuye receipt show NUMBER`, `wuye receipt print NUMBER` (through
 * print.command, counting the print) and `wuye receipt void NUMBER
 * --reason TEXT`. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/cashier.h"
#include "wuye/cli.h"
#include "wuye/i18n.h"
#include "wuye/receipt.h"

extern const struct cli_cmd cli_cmd_receipt;

static int
cmd_receipt(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	const char *reason = NULL, *verb, *number;
	char why[128], *text;
	int ch, rc;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (ch != 'r') {
			snprintf(why, sizeof why, ch == ':' ?
			    _("option %s needs a value") :
			    _("unknown option %s"), argv[optind - 1]);
			return cli_usage(c, &cli_cmd_receipt, why);
		}
		reason = optarg;
	}
	if (argc - optind != 2)
		return cli_usage(c, &cli_cmd_receipt, argc - optind < 2 ?
		    _("receipt needs show, print or void and a number") :
		    _("too many arguments"));
	verb = argv[optind];
	number = argv[optind + 1];
	if (strcmp(verb, "void") == 0) {
		if (reason == NULL)
			return cli_usage(c, &cli_cmd_receipt,
			    _("receipt void needs --reason"));
		if ((rc = cashier_void(&c->sess, number, reason, &c->err)) ==
		    WY_OK)
			printf(_("voided receipt %s\n"), number);
		return rc;
	}
	if (reason != NULL)
		return cli_usage(c, &cli_cmd_receipt,
		    _("--reason is for receipt void"));
	if (strcmp(verb, "print") == 0)
		return receipt_print(&c->sess, number, &c->err);
	if (strcmp(verb, "show") != 0)
		return cli_usage(c, &cli_cmd_receipt, _("receipt needs show, "
		    "print or void"));
	if ((rc = receipt_text(&c->sess, number, 0, &text, &c->err)) != WY_OK)
		return rc;
	fputs(text, stdout);
	free(text);
	return WY_OK;
}

const struct cli_cmd cli_cmd_receipt = {
	.name = "receipt",
	.args = "show|print NUMBER | void NUMBER --reason TEXT",
	.help = N_("show, print or void a receipt"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.exec = cmd_receipt,
};
