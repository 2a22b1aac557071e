/* wuye: `wuye bill run PERIOD [--estate CODE] [--preview]`: the bill run
 * (bill.h), printing per fee item its code, name, bills and total as TSV,
 * then a total line; on standard error what was skipped and why.  A
 * preview writes nothing.  `wuye bill unread PERIOD [--estate CODE]`: the
 * meters that have no reading in a period they are billed for (TSV). */
#include "wuye/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wuye/bill.h"
#include "wuye/i18n.h"
#include "wuye/money.h"

extern const struct cli_cmd cli_cmd_bill;

/* Progress on a terminal: "standards 4096/10000", rewritten in place. */
static void
print_progress(void *arg, int64_t done, int64_t total)
{
	(void)arg;
	fprintf(stderr, "\r%s %lld/%lld", _("standards"), (long long)done,
	    (long long)total);
}

/* `bill unread PERIOD`: TSV of the meters without a reading. */
static int
bill_unread_cmd(struct cli *c, const char *period, const char *estate)
{
	struct bill_unread *v;
	int64_t rooms;
	size_t n, i;
	int rc;

	if ((rc = bill_unread(&c->sess, period, estate, &v, &n, &rooms,
	    &c->err)) != WY_OK)
		return rc;
	printf("meter\troom\ttype\n");
	for (i = 0; i < n; i++)
		printf("%s\t%s\t%s\n", v[i].meter, v[i].room, v[i].type);
	free(v);
	return WY_OK;
}

/* On standard error: the rooms skipped for want of a reading, the meters
 * without one, and the shared-meter parts that no bill took. */
static void
print_skipped(struct cli *c, const struct bill_result *r, const char *period,
    const char *estate)
{
	struct bill_unread *v = NULL;
	struct wy_err e = { 0 };
	char buf[MONEY_BUFSIZE];
	int64_t rooms = 0;
	size_t n = 0;

	if (r->missing_rooms > 0) {
		fprintf(stderr, ngettext("%lld room gets no bill of a metered "
		    "item for want of a reading\n", "%lld rooms get no bill of a "
		    "metered item for want of a reading\n", (unsigned long)r->missing_rooms),
		    (long long)r->missing_rooms);
		if (bill_unread(&c->sess, period, estate, &v, &n, &rooms, &e) ==
		    WY_OK && n > 0)
			fprintf(stderr, ngettext("%zu meter has no reading for %s "
			    "(rooms: %lld; wuye bill unread %s lists them)\n",
			    "%zu meters have no reading for %s (rooms: %lld; wuye "
			    "bill unread %s lists them)\n", (unsigned long)n), n,
			    period, (long long)rooms, period);
		free(v);
	}
	if (r->unbilled_shares > 0)
		fprintf(stderr, ngettext("%lld room's part of a shared meter "
		    "(%s in all) is not billed: the room has no standard of the "
		    "item\n", "%lld rooms' parts of shared meters (%s in all) are "
		    "not billed: the rooms have no standard of the item\n",
		    (unsigned long)r->unbilled_shares), (long long)r->unbilled_shares,
		    money_format(r->unbilled_amount, buf, sizeof buf));
}

/* Parse the options, run (or preview) the bills, print the totals. */
static int
cmd_bill(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "estate", required_argument, NULL, 'e' },
		{ "preview", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	struct bill_result r;
	const char *estate = NULL;
	char buf[MONEY_BUFSIZE];
	int ch, rc, preview = 0, tty = isatty(STDERR_FILENO);
	size_t i;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":", opts)) != -1) {
		switch (ch) {
		case 'e': estate = optarg; break;
		case 'p': preview = 1; break;
		default: return cli_usage(c, &cli_cmd_bill, _("unknown option"));
		}
	}
	if (optind == argc - 2 && strcmp(argv[optind], "unread") == 0)
		return bill_unread_cmd(c, argv[optind + 1], estate);
	if (optind != argc - 2 || strcmp(argv[optind], "run") != 0)
		return cli_usage(c, &cli_cmd_bill, NULL);
	rc = bill_run(&c->sess, argv[optind + 1], estate,
	    preview ? BILL_PREVIEW : 0,
	    tty ? print_progress : NULL, NULL, &r, &c->err);
	if (tty)
		fputc('\n', stderr);
	if (rc == WY_OK) {
		printf("code\tname\tbills\ttotal\tmissing_readings\n");
		for (i = 0; i < r.nitems; i++)
			if (r.items[i].bills > 0 || r.items[i].missing > 0)
				printf("%s\t%s\t%lld\t%s\t%lld\n", r.items[i].code,
				    r.items[i].name, (long long)r.items[i].bills,
				    money_format(r.items[i].total, buf, sizeof buf),
				    (long long)r.items[i].missing);
		printf("total\t\t%lld\t%s\t%lld\n", (long long)r.bills,
		    money_format(r.total, buf, sizeof buf), (long long)r.missing);
		print_skipped(c, &r, argv[optind + 1], estate);
		if (preview)
			fprintf(stderr, _("preview: nothing was written\n"));
		else if (r.existing > 0)
			fprintf(stderr, ngettext("%lld bill was already there and was left as it is\n",
			    "%lld bills were already there and were left as they are\n",
			    (unsigned long)r.existing), (long long)r.existing);
		if (r.draws > 0)
			fprintf(stderr, ngettext("%lld payer paid %s from prepayment\n",
			    "%lld payers paid %s from prepayment\n",
			    (unsigned long)r.draws), (long long)r.draws,
			    money_format(r.drawn, buf, sizeof buf));
	}
	bill_result_free(&r);
	return rc;
}

const struct cli_cmd cli_cmd_bill = {
	.name = "bill",
	.args = "run PERIOD [--estate CODE] [--preview] | bill unread PERIOD [--estate CODE]",
	.help = N_("make the bills of a period (YYYY-MM) from the fee standards; "
	    "list the meters without a reading"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.ro_verbs = "unread",
	.exec = cmd_bill,
};
