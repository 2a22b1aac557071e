/* wuye: `wuye bills ROOM [--date D]` lists a room's unpaid bills with
 * their numbers (for `pay --bill` and `waive`), and `wuye waive BILL AMOUNT
 * --reason TEXT` waives (减免) part or all of one. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "wuye/cashier.h"
#include "wuye/cli.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/money.h"

extern const struct cli_cmd cli_cmd_bills, cli_cmd_waive;

/* Parse the options of cmd: --date into *date, --reason into *reason
 * (either may be NULL when the command has no such option). */
static int
bills_opts(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv,
    const char **date, const char **reason)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	char why[128];
	int ch;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":", opts)) != -1) {
		if (ch == 'd' && date != NULL)
			*date = optarg;
		else if (ch == 'r' && reason != NULL)
			*reason = optarg;
		else {
			snprintf(why, sizeof why, ch == ':' ?
			    _("option %s needs a value") :
			    _("unknown option %s"), argv[optind - 1]);
			return cli_usage(c, cmd, why);
		}
	}
	return WY_OK;
}

/* `bills ROOM`: TSV of the unpaid bills, oldest first. */
static int
cmd_bills(struct cli *c, int argc, char **argv)
{
	struct cashier_bill *v;
	const char *date = NULL;
	char a[MONEY_BUFSIZE], b[MONEY_BUFSIZE], l[MONEY_BUFSIZE];
	int64_t room;
	size_t n, i;
	int rc;

	if ((rc = bills_opts(c, &cli_cmd_bills, argc, argv, &date, NULL)) !=
	    WY_OK)
		return rc;
	if (argc - optind != 1)
		return cli_usage(c, &cli_cmd_bills, NULL);
	if ((rc = cli_code(c, "rooms", argv[optind], "ROOM", &room)) != WY_OK ||
	    (rc = cashier_unpaid(&c->sess, room, 0, date, &v,
	    &n, &c->err)) != WY_OK)
		return rc;
	printf("bill\tperiod\titem\tdue_date\tamount\toutstanding\tlate_fee\n");
	for (i = 0; i < n; i++)
		printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s\n", (long long)v[i].id,
		    v[i].period, v[i].item, v[i].due_date,
		    money_format(v[i].amount, a, sizeof a),
		    money_format(v[i].outstanding, b, sizeof b),
		    money_format(v[i].late_fee, l, sizeof l));
	free(v);
	return WY_OK;
}

/* `waive BILL AMOUNT --reason TEXT`. */
static int
cmd_waive(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL;
	char *end;
	long long bill;
	int64_t amount;
	int rc;

	if ((rc = bills_opts(c, &cli_cmd_waive, argc, argv, NULL, &reason)) !=
	    WY_OK)
		return rc;
	if (argc - optind != 2)
		return cli_usage(c, &cli_cmd_waive, NULL);
	if (reason == NULL)
		return cli_usage(c, &cli_cmd_waive, _("waive needs --reason"));
	bill = strtoll(argv[optind], &end, 10);
	if (*argv[optind] == '\0' || *end != '\0' || bill <= 0)
		return wy_fail(&c->err, WY_EINVALID, _("BILL: '%s' is not a "
		    "bill number"), argv[optind]);
	if (cli_amount(c, "AMOUNT", argv[optind + 1], 1, &amount) != WY_OK)
		return wy_prefix(&c->err, _("bill %s"), argv[optind]);
	return cashier_waive(&c->sess, bill, amount, reason, &c->err);
}

const struct cli_cmd cli_cmd_bills = {
	.name = "bills",
	.args = "ROOM [--date D]",
	.help = N_("list a room's unpaid bills with their numbers and late fees"),
	.flags = CLI_NEED_DB | CLI_LOGIN | CLI_READONLY,
	.exec = cmd_bills,
};

const struct cli_cmd cli_cmd_waive = {
	.name = "waive",
	.args = "BILL AMOUNT --reason TEXT",
	.help = N_("waive (减免) part or all of a bill, with a reason"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.exec = cmd_waive,
};
