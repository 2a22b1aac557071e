/* wuye: `wuye pay ROOM AMOUNT --method METHOD [--tendered AMOUNT]
 * [--prepay] [--draw AMOUNT] [--bill ID ...] [--date D] [--note TEXT]`:
 * take a payment for a room and print the receipt number.
 *
 * The amount goes to the room's unpaid bills, oldest first (late fee
 * before principal), or to the bills named with --bill in that order.
 * --prepay keeps what is left over as the payer's prepayment (without it
 * a payment over what is due is refused); --draw uses up to that much of
 * the prepayment first; --method prepay pays AMOUNT from the prepayment.
 * The change of a cash payment is written to stderr.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/cashier.h"
#include "wuye/cli.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/money.h"

extern const struct cli_cmd cli_cmd_pay;

#define PAY_BILLS_MAX 64

static int
cmd_pay(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "method", required_argument, NULL, 'm' },
		{ "tendered", required_argument, NULL, 't' },
		{ "prepay", no_argument, NULL, 'p' },
		{ "draw", required_argument, NULL, 'd' },
		{ "bill", required_argument, NULL, 'b' },
		{ "date", required_argument, NULL, 'D' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct cashier_payment p = { .tendered = -1 };
	struct cashier_receipt r;
	int64_t bills[PAY_BILLS_MAX];
	char why[128], a[MONEY_BUFSIZE], *end;
	int ch, rc;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":", opts)) != -1) {
		switch (ch) {
		case 'm':
			p.method = optarg;
			break;
		case 't':
			if ((rc = cli_amount(c, "--tendered", optarg,
			    0, &p.tendered)) != WY_OK)
				return rc;
			break;
		case 'p':
			p.keep_surplus = 1;
			break;
		case 'd':
			if ((rc = cli_amount(c, "--draw", optarg, 0, &p.draw)) !=
			    WY_OK)
				return rc;
			break;
		case 'b':
			if (p.nbills == PAY_BILLS_MAX)
				return wy_fail(&c->err, WY_EINVALID, _("at most "
				    "%d bills"), PAY_BILLS_MAX);
			bills[p.nbills] = strtoll(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' ||
			    bills[p.nbills] <= 0)
				return wy_fail(&c->err, WY_EINVALID, _("--bill: "
				    "'%s' is not a bill number"), optarg);
			p.nbills++;
			p.bills = bills;
			break;
		case 'D':
			p.date = optarg;
			break;
		case 'n':
			p.note = optarg;
			break;
		default:
			snprintf(why, sizeof why, ch == ':' ?
			    _("option %s needs a value") :
			    _("unknown option %s"), argv[optind - 1]);
			return cli_usage(c, &cli_cmd_pay, why);
		}
	}
	if (argc - optind != 2)
		return cli_usage(c, &cli_cmd_pay, argc - optind < 2 ?
		    _("pay needs a room and an amount") :
		    _("too many arguments"));
	if (p.method == NULL)
		return cli_usage(c, &cli_cmd_pay, _("pay needs --method"));
	rc = db_int64(c->db, &p.room_id, &c->err, "SELECT id FROM rooms"
	    " WHERE code = ?", "t", argv[optind]);
	if (rc == WY_ENOTFOUND)
		return wy_fail(&c->err, WY_ENOTFOUND, _("there is no room %s"),
		    argv[optind]);
	if (rc != WY_OK)
		return rc;
	if ((rc = cli_amount(c, "AMOUNT", argv[optind + 1], 0, &p.amount)) !=
	    WY_OK)
		return wy_prefix(&c->err, _("room %s"), argv[optind]);
	if ((rc = cashier_pay(&c->sess, &p, &r, &c->err)) != WY_OK)
		return rc;
	printf("%s\n", r.number);
	if (r.change > 0)
		fprintf(stderr, _("change: %s\n"), money_format(r.change, a,
		    sizeof a));
	return WY_OK;
}

const struct cli_cmd cli_cmd_pay = {
	.name = "pay",
	.args = "ROOM AMOUNT --method METHOD [--tendered AMOUNT] [--prepay] "
	    "[--draw AMOUNT] [--bill ID]... [--date D] [--note TEXT]",
	.help = N_("take a payment for a room and print the receipt number"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.exec = cmd_pay,
};
