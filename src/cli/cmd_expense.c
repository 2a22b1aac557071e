/* wuye: `wuye expense approve|reject|pay ID [--date D] [--reason TEXT]`
 * moves an expense (expense.h) on; `wuye expense report [--from P]
 * [--to P]` lists expenses by month and type as TSV: month, type, name,
 * count, requested, approved (approved or paid), paid.  Expenses are
 * requested through the form (import expenses FILE.csv, or on screen).
 */
#include "wuye/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/expense.h"
#include "wuye/i18n.h"
#include "wuye/money.h"

extern const struct cli_cmd cli_cmd_expense;

/* Print one report line. */
static int
expense_print(void *arg, const struct expense_line *l)
{
	char r[MONEY_BUFSIZE], a[MONEY_BUFSIZE], p[MONEY_BUFSIZE];

	(void)arg;
	printf("%s\t%s\t%s\t%lld\t%s\t%s\t%s\n", l->month, l->type,
	    l->type_name, (long long)l->count,
	    money_format(l->requested, r, sizeof r),
	    money_format(l->approved, a, sizeof a),
	    money_format(l->paid, p, sizeof p));
	return 0;
}

/* Parse the options, then run the subcommand. */
static int
cmd_expense(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "reason", required_argument, NULL, 'r' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const char *date = NULL, *reason = NULL, *from = NULL, *to = NULL;
	const char *sub;
	char why[128], *end;
	long long id;
	int ch;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":", opts)) != -1) {
		switch (ch) {
		case 'd': date = optarg; break;
		case 'r': reason = optarg; break;
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		default:
			snprintf(why, sizeof why, ch == ':' ?
			    _("option %s needs a value") :
			    _("unknown option %s"), argv[optind - 1]);
			return cli_usage(c, &cli_cmd_expense, why);
		}
	}
	if (optind >= argc)
		return cli_usage(c, &cli_cmd_expense, _("expense needs a "
		    "subcommand"));
	sub = argv[optind];
	if (strcmp(sub, "report") == 0) {
		if (optind + 1 != argc)
			return cli_usage(c, &cli_cmd_expense,
			    _("too many arguments"));
		printf("month\ttype\tname\tcount\trequested\tapproved\tpaid\n");
		return expense_report(&c->sess, from, to, expense_print, NULL,
		    &c->err);
	}
	if (strcmp(sub, "approve") != 0 && strcmp(sub, "reject") != 0 &&
	    strcmp(sub, "pay") != 0)
		return cli_usage(c, &cli_cmd_expense, _("the subcommand is "
		    "approve, reject, pay or report"));
	if (optind + 2 != argc)
		return cli_usage(c, &cli_cmd_expense, _("give one expense ID"));
	id = strtoll(argv[optind + 1], &end, 10);
	if (argv[optind + 1][0] == '\0' || *end != '\0' || id <= 0)
		return wy_fail(&c->err, WY_EINVALID, _("'%s' is not an expense "
		    "ID"), argv[optind + 1]);
	if (strcmp(sub, "approve") == 0)
		return expense_approve(&c->sess, id, date, &c->err);
	if (strcmp(sub, "pay") == 0)
		return expense_pay(&c->sess, id, date, &c->err);
	if (reason == NULL)
		return cli_usage(c, &cli_cmd_expense, _("reject needs "
		    "--reason"));
	return expense_reject(&c->sess, id, reason, date, &c->err);
}

const struct cli_cmd cli_cmd_expense = {
	.name = "expense",
	.args = "approve|pay ID [--date D] | reject ID --reason TEXT "
	    "[--date D] | report [--from YYYY-MM] [--to YYYY-MM]",
	.help = N_("approve, reject or pay an expense; list expenses by month and type"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.ro_verbs = "report",
	.exec = cmd_expense,
};
