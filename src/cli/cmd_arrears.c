/* wuye: `wuye arrears [--min-days N] [--estate CODE] [--date D]
 * [--by-client]`: the arrears list (arrears.h) as TSV: room, client, phone
 * (masked without client.sensitive), bills, outstanding, late fee, oldest
 * due date, its age in days and the five aging buckets, then a total line
 * whose room column is "total" and client column the number of rows.
 */
#include "wuye/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/arrears.h"
#include "wuye/i18n.h"
#include "wuye/money.h"

extern const struct cli_cmd cli_cmd_arrears;

/* Print the figures of r after its first three columns. */
static void
print_figures(const struct arrears_row *r)
{
	char buf[MONEY_BUFSIZE];
	int k;

	printf("\t%lld\t%s", (long long)r->bills,
	    money_format(r->outstanding, buf, sizeof buf));
	printf("\t%s\t%s\t%d", money_format(r->late_fee, buf, sizeof buf),
	    r->oldest_due, r->oldest_days);
	for (k = 0; k < ARREARS_BUCKETS; k++)
		printf("\t%s", money_format(r->bucket[k], buf, sizeof buf));
	putchar('\n');
}

/* The header line, once (*printed). */
static void
print_header(int *printed)
{
	int k;

	if (*printed)
		return;
	*printed = 1;
	printf("room\tclient\tphone\tbills\toutstanding\tlate_fee\toldest_due"
	    "\tdays");
	for (k = 0; k < ARREARS_BUCKETS; k++)
		printf("\t%s", arrears_bucket_label(k));
	putchar('\n');
}

/* One row of the list (after the header). */
static int
print_row(void *arg, const struct arrears_row *r)
{
	print_header(arg);
	printf("%s\t%s\t%s", r->room, r->client, r->phone);
	print_figures(r);
	return 0;
}

/* Parse the options and print the list. */
static int
cmd_arrears(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "min-days", required_argument, NULL, 'm' },
		{ "estate", required_argument, NULL, 'e' },
		{ "date", required_argument, NULL, 'd' },
		{ "by-client", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	struct arrears_opts o = { 0 };
	struct arrears_row total;
	char why[160], *end;
	long v;
	int ch, rc, printed = 0;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":", opts)) != -1) {
		switch (ch) {
		case 'm':
			errno = 0;
			v = strtol(optarg, &end, 10);
			if (*optarg < '0' || *optarg > '9' || *end != '\0' ||
			    errno != 0 || v > 36500) {
				snprintf(why, sizeof why, _("--min-days: '%s' "
				    "is not a whole number from 0 to 36500"),
				    optarg);
				return cli_usage(c, &cli_cmd_arrears, why);
			}
			o.min_days = (int)v;
			break;
		case 'e': o.estate = optarg; break;
		case 'd': o.date = optarg; break;
		case 'c': o.by_client = 1; break;
		case ':':
			snprintf(why, sizeof why, _("%s needs a value"),
			    argv[optind - 1]);
			return cli_usage(c, &cli_cmd_arrears, why);
		default:
			snprintf(why, sizeof why, _("unknown option %s"),
			    argv[optind - 1]);
			return cli_usage(c, &cli_cmd_arrears, why);
		}
	}
	if (optind != argc)
		return cli_usage(c, &cli_cmd_arrears, _("too many arguments"));
	if ((rc = arrears_list(&c->sess, &o, print_row, &printed, &total,
	    &c->err)) != WY_OK)
		return rc;
	print_header(&printed);
	printf("total\t%lld\t", (long long)total.rows);
	print_figures(&total);
	return WY_OK;
}

const struct cli_cmd cli_cmd_arrears = {
	.name = "arrears",
	.args = "[--min-days N] [--estate CODE] [--date YYYY-MM-DD] "
	    "[--by-client]",
	.help = N_("list rooms (or clients) in arrears with late fees and "
	    "aging"),
	.flags = CLI_NEED_DB | CLI_LOGIN | CLI_READONLY,
	.exec = cmd_arrears,
};
