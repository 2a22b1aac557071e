/* wuye: `wuye standard assign ITEM (--building CODE | --estate CODE)
 * --from YYYY-MM [--to YYYY-MM]`: give every room of a building or an
 * estate a fee standard of fee item ITEM at once (rooms that have one of
 * the item starting in that period keep theirs). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "wuye/bill.h"
#include "wuye/cli.h"
#include "wuye/db.h"
#include "wuye/i18n.h"

extern const struct cli_cmd cli_cmd_standard;

static int
cmd_standard(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "building", required_argument, NULL, 'b' },
		{ "estate", required_argument, NULL, 'e' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const char *building = NULL, *estate = NULL, *from = NULL, *to = NULL;
	int64_t item, bid = 0, eid = 0, added;
	char why[128];
	int ch, rc;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":", opts)) != -1) {
		switch (ch) {
		case 'b': building = optarg; break;
		case 'e': estate = optarg; break;
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		default:
			snprintf(why, sizeof why, ch == ':' ?
			    _("option %s needs a value") :
			    _("unknown option %s"), argv[optind - 1]);
			return cli_usage(c, &cli_cmd_standard, why);
		}
	}
	if (argc - optind != 2 || strcmp(argv[optind], "assign") != 0)
		return cli_usage(c, &cli_cmd_standard, NULL);
	if ((building == NULL) == (estate == NULL))
		return cli_usage(c, &cli_cmd_standard,
		    _("give either --building or --estate"));
	if (from == NULL)
		return cli_usage(c, &cli_cmd_standard, _("give --from YYYY-MM"));
	if ((rc = cli_code(c, "fee_items", argv[optind + 1], "ITEM",
	    &item)) != WY_OK ||
	    (building != NULL && (rc = cli_code(c, "buildings", building,
	    "--building", &bid)) != WY_OK) ||
	    (estate != NULL && (rc = cli_code(c, "estates", estate, "--estate",
	    &eid)) != WY_OK) ||
	    (rc = bill_assign_standard(&c->sess, item, bid, eid, from, to,
	    &added, &c->err)) != WY_OK)
		return rc;
	printf(ngettext("%lld room given %s from %s\n",
	    "%lld rooms given %s from %s\n", (unsigned long)added),
	    (long long)added, argv[optind + 1], from);
	return WY_OK;
}

const struct cli_cmd cli_cmd_standard = {
	.name = "standard",
	.args = "assign ITEM (--building CODE | --estate CODE) --from YYYY-MM "
	    "[--to YYYY-MM]",
	.help = N_("give every room of a building or an estate a fee standard"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.exec = cmd_standard,
};
