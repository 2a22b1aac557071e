/* wuye: `wuye refund CLIENT AMOUNT --method M --reason TEXT [--room ROOM]`:
 * pay back (退款) part or all of a client's prepayment balance and print
 * the number of the refund receipt. */
#include <getopt.h>
#include <stdio.h>

#include "wuye/cashier.h"
#include "wuye/cli.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/money.h"

extern const struct cli_cmd cli_cmd_refund;

static int
cmd_refund(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "method", required_argument, NULL, 'm' },
		{ "reason", required_argument, NULL, 'r' },
		{ "room", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *method = NULL, *reason = NULL, *room = NULL;
	struct cashier_receipt r;
	int64_t client, room_id = 0, amount;
	char why[128];
	int ch, rc;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":", opts)) != -1) {
		switch (ch) {
		case 'm': method = optarg; break;
		case 'r': reason = optarg; break;
		case 'o': room = optarg; break;
		default:
			snprintf(why, sizeof why, ch == ':' ?
			    _("option %s needs a value") :
			    _("unknown option %s"), argv[optind - 1]);
			return cli_usage(c, &cli_cmd_refund, why);
		}
	}
	if (argc - optind != 2)
		return cli_usage(c, &cli_cmd_refund, NULL);
	if (method == NULL || reason == NULL)
		return cli_usage(c, &cli_cmd_refund,
		    _("a refund needs --method and --reason"));
	if ((rc = cli_code(c, "clients", argv[optind], "CLIENT", &client)) !=
	    WY_OK || (room != NULL && (rc = cli_code(c, "rooms", room, "--room",
	    &room_id)) != WY_OK))
		return rc;
	if (cli_amount(c, "AMOUNT", argv[optind + 1], 1, &amount) != WY_OK)
		return wy_prefix(&c->err, _("client %s"), argv[optind]);
	if ((rc = cashier_refund(&c->sess, client, room_id, amount, method,
	    reason, &r, &c->err)) != WY_OK)
		return rc;
	printf("%s\n", r.number);
	return WY_OK;
}

const struct cli_cmd cli_cmd_refund = {
	.name = "refund",
	.args = "CLIENT AMOUNT --method M --reason TEXT [--room ROOM]",
	.help = N_("pay back (退款) part of a client's prepayment balance"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.exec = cmd_refund,
};
