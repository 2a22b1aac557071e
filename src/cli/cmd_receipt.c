/* wuye: `wuye receipt show NUMBER`, `wuye receipt print NUMBER` (through
 * print.command, counting the print), `wuye receipt void NUMBER --reason
 * TEXT` and `wuye receipt calibrate [--lines N] [--cols N] [--test]` (the
 * offsets of the pre-printed form at this terminal). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/cashier.h"
#include "wuye/cli.h"
#include "wuye/i18n.h"
#include "wuye/receipt.h"
#include "wuye/receipt_tpl.h"

extern const struct cli_cmd cli_cmd_receipt;

/* Parse an offset given to option opt into *v. */
static int
receipt_offset_arg(struct cli *c, const char *opt, const char *arg, int *v)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(arg, &end, 10);
	if (*arg == '\0' || *end != '\0' || errno != 0 || n < -RECEIPT_OFFSET_MAX ||
	    n > RECEIPT_OFFSET_MAX)
		return wy_fail(&c->err, WY_EINVALID, _("%s: '%s' is not a whole "
		    "number from -%d to %d"), opt, arg, RECEIPT_OFFSET_MAX,
		    RECEIPT_OFFSET_MAX);
	*v = (int)n;
	return WY_OK;
}

/* receipt calibrate: set the offsets given, print the test pattern if
 * asked, and list this terminal's offsets. */
static int
receipt_calibrate_cmd(struct cli *c, const char *lines_arg,
    const char *cols_arg, int test)
{
	char name[RECEIPT_TERMINAL_MAX];
	int lines, cols, rc;

	if ((rc = receipt_terminal(c->conf, name, &c->err)) != WY_OK ||
	    (rc = receipt_offsets(&c->sess, NULL, &lines, &cols, &c->err)) !=
	    WY_OK)
		return rc;
	if (lines_arg != NULL && (rc = receipt_offset_arg(c, "--lines",
	    lines_arg, &lines)) != WY_OK)
		return rc;
	if (cols_arg != NULL && (rc = receipt_offset_arg(c, "--cols",
	    cols_arg, &cols)) != WY_OK)
		return rc;
	if ((lines_arg != NULL || cols_arg != NULL) &&
	    (rc = receipt_calibrate(&c->sess, NULL, lines, cols, &c->err)) !=
	    WY_OK)
		return rc;
	if (test && (rc = receipt_print_pattern(&c->sess, &c->err)) != WY_OK)
		return rc;
	printf("terminal\tlines\tcols\n%s\t%d\t%d\n", name, lines, cols);
	return WY_OK;
}

static int
cmd_receipt(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ "lines", required_argument, NULL, 'l' },
		{ "cols", required_argument, NULL, 'c' },
		{ "test", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const char *reason = NULL, *verb, *number, *lines = NULL, *cols = NULL;
	char why[128], *text;
	int ch, rc, test = 0;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":", opts)) != -1) {
		switch (ch) {
		case 'r':
			reason = optarg;
			break;
		case 'l':
			lines = optarg;
			break;
		case 'c':
			cols = optarg;
			break;
		case 't':
			test = 1;
			break;
		default:
			snprintf(why, sizeof why, ch == ':' ?
			    _("option %s needs a value") :
			    _("unknown option %s"), argv[optind - 1]);
			return cli_usage(c, &cli_cmd_receipt, why);
		}
	}
	if (argc - optind == 1 && strcmp(argv[optind], "calibrate") == 0) {
		if (reason != NULL)
			return cli_usage(c, &cli_cmd_receipt,
			    _("--reason is for receipt void"));
		return receipt_calibrate_cmd(c, lines, cols, test);
	}
	if (lines != NULL || cols != NULL || test)
		return cli_usage(c, &cli_cmd_receipt, _("--lines, --cols and "
		    "--test are for receipt calibrate"));
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
	if (strcmp(verb, "print") == 0) {
		/* what the print command said (lp's request id) goes on to
		 * stdout, as if it had run there */
		char *said = NULL;
		int rc = receipt_print_said(&c->sess, number, &said, &c->err);

		if (said != NULL)
			fputs(said, stdout);
		free(said);
		return rc;
	}
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
	.args = "show|print NUMBER | void NUMBER --reason TEXT | calibrate "
	    "[--lines N] [--cols N] [--test]",
	.help = N_("show, print or void a receipt; calibrate the pre-printed "
	    "form"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.ro_verbs = "show",
	.exec = cmd_receipt,
};
