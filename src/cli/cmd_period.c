/* wuye: `wuye period close PERIOD`: close an accounting month and print
 * its totals (TSV). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "wuye/cli.h"
#include "wuye/i18n.h"
#include "wuye/money.h"
#include "wuye/period.h"

extern const struct cli_cmd cli_cmd_period;

static int
cmd_period(struct cli *c, int argc, char **argv)
{
	static const struct option none[] = { { NULL, 0, NULL, 0 } };
	struct period_totals t;
	char why[128], a[MONEY_BUFSIZE], b[MONEY_BUFSIZE], w[MONEY_BUFSIZE];
	char o[MONEY_BUFSIZE];
	int ch, rc;

	optind = 0;	/* glibc: start afresh, permuting again */
	if ((ch = getopt_long(argc, argv, ":", none, NULL)) != -1) {
		snprintf(why, sizeof why, _("unknown option %s"),
		    argv[optind - 1]);
		return cli_usage(c, &cli_cmd_period, why);
	}
	if (argc - optind != 2 || strcmp(argv[optind], "close") != 0)
		return cli_usage(c, &cli_cmd_period, argc - optind > 2 ?
		    _("too many arguments") : _("period needs close and a "
		    "period"));
	if ((rc = period_close(&c->sess, argv[optind + 1], &t, &c->err)) !=
	    WY_OK)
		return rc;
	printf("period\treceivable\treceived\twaived\toutstanding\n"
	    "%s\t%s\t%s\t%s\t%s\n", argv[optind + 1],
	    money_format(t.receivable, a, sizeof a),
	    money_format(t.received, b, sizeof b),
	    money_format(t.waived, w, sizeof w),
	    money_format(t.outstanding, o, sizeof o));
	return WY_OK;
}

const struct cli_cmd cli_cmd_period = {
	.name = "period",
	.args = "close PERIOD",
	.help = N_("close an accounting period (it becomes read-only)"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.exec = cmd_period,
};
