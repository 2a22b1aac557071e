/* wuye: meters from the command line:
 *   wuye meter replace OLD --final READING --new CODE [--initial READING]
 *       [--period YYYY-MM] [--date D]      换表: the old meter's last
 *       reading, the old one removed, the new one started, at once;
 *   wuye meter split METER PERIOD          a shared meter's (公摊) usage of
 *       the period split among the rooms, and the money of each fee item
 *       of its type, as the bill run bills it.
 * Readings are in the meter's units with up to three decimals. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/bill.h"
#include "wuye/cli.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/meter.h"
#include "wuye/money.h"

extern const struct cli_cmd cli_cmd_meter;

#define READING_MAX 999999999999LL	/* scale 3 */

/* A reading given to option what, scale 3. */
static int
reading(struct cli *c, const char *what, const char *text, int64_t *v)
{
	if (fixed_parse(text, 3, READING_MAX, v, &c->err) != WY_OK || *v < 0)
		return wy_fail(&c->err, WY_EINVALID, _("%s: '%s' is not a meter "
		    "reading"), what, text);
	return WY_OK;
}

/* `meter split METER PERIOD`: TSV of the rooms' parts, with the money
 * part of each fee item of the meter's type, and a total line. */
static int
meter_split_cmd(struct cli *c, const char *code, const char *period)
{
	struct bill_split b;
	char w[32], u[32], m[MONEY_BUFSIZE];
	int64_t id;
	size_t i, k;
	int rc, p;

	if (period_parse(period, &p, &c->err) != WY_OK)
		return wy_prefix(&c->err, "PERIOD");
	if ((rc = cli_code(c, "meters", code, "METER", &id)) != WY_OK ||
	    (rc = bill_split(&c->sess, id, period, &b, &c->err)) != WY_OK)
		return rc;
	printf("room\tweight\tusage");
	for (k = 0; k < b.nitems; k++)
		printf("\t%s", b.items[k].code);
	printf("\n");
	for (i = 0; i < b.a.n; i++) {
		printf("%s\t%s\t%s", b.a.shares[i].room, b.a.equal ?
		    "1" : fixed_format(b.a.shares[i].weight, 2, w, sizeof w),
		    fixed_format(b.a.shares[i].usage, 3, u, sizeof u));
		for (k = 0; k < b.nitems; k++)
			printf("\t%s", money_format(b.amounts[k * b.a.n + i], m,
			    sizeof m));
		printf("\n");
	}
	printf("total\t\t%s", fixed_format(b.a.usage, 3, u, sizeof u));
	for (k = 0; k < b.nitems; k++)
		printf("\t%s", money_format(b.items[k].total, m, sizeof m));
	printf("\n");
	bill_split_free(&b);
	return WY_OK;
}

static int
cmd_meter(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "final", required_argument, NULL, 'f' },
		{ "new", required_argument, NULL, 'n' },
		{ "initial", required_argument, NULL, 'i' },
		{ "period", required_argument, NULL, 'p' },
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char *final = NULL, *code = NULL, *period = NULL, *date = NULL;
	char why[128], today[DATE_BUFSIZE], month[PERIOD_BUFSIZE];
	int64_t old, fin, initial = 0, new_id;
	int ch, rc, p;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":", opts)) != -1) {
		switch (ch) {
		case 'f': final = optarg; break;
		case 'n': code = optarg; break;
		case 'i':
			if ((rc = reading(c, "--initial", optarg, &initial)) !=
			    WY_OK)
				return rc;
			break;
		case 'p': period = optarg; break;
		case 'd': date = optarg; break;
		default:
			snprintf(why, sizeof why, ch == ':' ?
			    _("option %s needs a value") :
			    _("unknown option %s"), argv[optind - 1]);
			return cli_usage(c, &cli_cmd_meter, why);
		}
	}
	if (argc - optind == 3 && strcmp(argv[optind], "split") == 0)
		return meter_split_cmd(c, argv[optind + 1], argv[optind + 2]);
	if (argc - optind != 2 || strcmp(argv[optind], "replace") != 0)
		return cli_usage(c, &cli_cmd_meter, NULL);
	if (final == NULL || code == NULL)
		return cli_usage(c, &cli_cmd_meter,
		    _("a replacement needs --final and --new"));
	if ((rc = reading(c, "--final", final, &fin)) != WY_OK)
		return rc;
	if (date == NULL)
		date = date_format(date_today(), today);
	if (period == NULL) {
		if (date_parse(date, &p, &c->err) != WY_OK)
			return wy_prefix(&c->err, "--date");
		period = period_format(period_of_date(p), month);
	} else if (period_parse(period, &p, &c->err) != WY_OK)
		return wy_prefix(&c->err, "--period");
	if ((rc = cli_code(c, "meters", argv[optind + 1], "OLD", &old)) != WY_OK ||
	    (rc = meter_replace(&c->sess, old, period, fin, date, code, initial,
	    &new_id, &c->err)) != WY_OK)
		return rc;
	printf(_("meter %s replaced by %s in %s\n"), argv[optind + 1], code,
	    period);
	return WY_OK;
}

const struct cli_cmd cli_cmd_meter = {
	.name = "meter",
	.args = "replace OLD --final READING --new CODE [--initial READING] "
	    "[--period YYYY-MM] [--date D] | split METER PERIOD",
	.help = N_("replace a meter (换表), or show how a shared meter is split"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.ro_verbs = "split",
	.exec = cmd_meter,
};
