/* wuye: accounting periods from the command line:
 *   wuye period close PERIOD    close a month (月结) and print its totals;
 *   wuye period show PERIOD     the same totals now, closing nothing.
 * The totals are TSV lines of key, amount and label, in two blocks that
 * each add up (period.h): the period's bills, then its payments, then the
 * figures beside them. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "wuye/cli.h"
#include "wuye/i18n.h"
#include "wuye/money.h"
#include "wuye/period.h"

extern const struct cli_cmd cli_cmd_period;

/* Print the lines of t. */
static void
print_totals(const struct period_totals *t)
{
	struct period_line v[PERIOD_LINES];
	char a[MONEY_BUFSIZE];
	size_t n = period_lines(t, v), i;

	printf("line\tamount\tlabel\n");
	for (i = 0; i < n; i++) {
		if (v[i].count)
			snprintf(a, sizeof a, "%lld", (long long)v[i].amount);
		else
			money_format(v[i].amount, a, sizeof a);
		printf("%s\t%s\t%s\n", v[i].key, a, _(v[i].label));
	}
}

static int
cmd_period(struct cli *c, int argc, char **argv)
{
	static const struct option none[] = { { NULL, 0, NULL, 0 } };
	struct period_totals t;
	char why[128];
	const char *verb;
	int ch, rc;

	optind = 0;	/* glibc: start afresh, permuting again */
	if ((ch = cli_getopt(argc, argv, ":", none)) != -1) {
		snprintf(why, sizeof why, _("unknown option %s"),
		    argv[optind - 1]);
		return cli_usage(c, &cli_cmd_period, why);
	}
	verb = argc - optind >= 1 ? argv[optind] : "";
	if (argc - optind != 2 || (strcmp(verb, "close") != 0 &&
	    strcmp(verb, "show") != 0))
		return cli_usage(c, &cli_cmd_period, argc - optind > 2 ?
		    _("too many arguments") : _("period needs close or show and "
		    "a period"));
	if (strcmp(verb, "show") == 0) {
		if ((rc = period_show(&c->sess, argv[optind + 1], &t,
		    &c->err)) != WY_OK)
			return rc;
		print_totals(&t);
		return WY_OK;
	}
	if ((rc = period_close(&c->sess, argv[optind + 1], &t, &c->err)) !=
	    WY_OK)
		return rc;
	print_totals(&t);
	fprintf(stderr, _("period %s is now closed: nothing dated in it can "
	    "change\n"), argv[optind + 1]);
	return WY_OK;
}

const struct cli_cmd cli_cmd_period = {
	.name = "period",
	.args = "close PERIOD | period show PERIOD",
	.help = N_("close an accounting period (it becomes read-only), or show "
	    "its totals"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.ro_verbs = "show",
	.exec = cmd_period,
};
