/* wuye: deposits (押金) from the command line:
 *   wuye deposit take ROOM ITEM AMOUNT --method M [--client CODE] [--note T]
 *   wuye deposit refund ID --method M [--note T]
 *   wuye deposit list [--room ROOM] [--all]
 * take and refund print the receipt number; list is TSV (held deposits,
 * or every one with --all). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/auth.h"
#include "wuye/cashier.h"
#include "wuye/cli.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/money.h"

extern const struct cli_cmd cli_cmd_deposit;

struct deposit_args {
	const char *method, *client, *note, *room;
	int all;
};

/* `deposit list`: TSV. */
static int
deposit_list(struct cli *c, const struct deposit_args *a)
{
	sqlite3_stmt *st;
	char m[MONEY_BUFSIZE];
	int rc;

	if ((rc = auth_require(&c->sess, "charge.read", &c->err)) != WY_OK ||
	    (rc = db_prepare(c->db, "SELECT d.id, coalesce(rm.code, ''),"
	    " cl.code, cl.name, i.code, d.amount, t.number, t.date,"
	    " coalesce(f.number, ''), CASE WHEN t.voided_at IS NOT NULL THEN"
	    " 'void' WHEN d.refund_receipt_id IS NOT NULL THEN 'refunded'"
	    " ELSE 'held' END FROM deposits d"
	    " JOIN receipts t ON t.id = d.taken_receipt_id"
	    " LEFT JOIN receipts f ON f.id = d.refund_receipt_id"
	    " LEFT JOIN rooms rm ON rm.id = d.room_id"
	    " JOIN clients cl ON cl.id = d.client_id"
	    " JOIN fee_items i ON i.id = d.fee_item_id"
	    " WHERE (?1 IS NULL OR rm.code = ?1) AND (?2 OR"
	    " (t.voided_at IS NULL AND d.refund_receipt_id IS NULL))"
	    " ORDER BY d.id", &st, &c->err)) != WY_OK)
		return rc;
	if ((rc = db_bind(c->db, st, &c->err, "ti", a->room, a->all)) !=
	    WY_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	printf("id\troom\tclient\tname\titem\tamount\treceipt\tdate\t"
	    "refund_receipt\tstate\n");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
		    (long long)sqlite3_column_int64(st, 0),
		    sqlite3_column_text(st, 1), sqlite3_column_text(st, 2),
		    sqlite3_column_text(st, 3), sqlite3_column_text(st, 4),
		    money_format(sqlite3_column_int64(st, 5), m, sizeof m),
		    sqlite3_column_text(st, 6), sqlite3_column_text(st, 7),
		    sqlite3_column_text(st, 8), sqlite3_column_text(st, 9));
	rc = rc == SQLITE_DONE ? WY_OK : db_fail(c->db, rc, &c->err,
	    "deposits");
	sqlite3_finalize(st);
	return rc;
}

/* `deposit take ROOM ITEM AMOUNT`. */
static int
deposit_take(struct cli *c, const struct deposit_args *a, char **argv)
{
	struct cashier_receipt r;
	int64_t room, item, client = 0, amount;
	int rc;

	if ((rc = cli_code(c, "rooms", argv[0], "ROOM", &room)) != WY_OK ||
	    (rc = cli_code(c, "fee_items", argv[1], "ITEM", &item)) != WY_OK ||
	    (a->client != NULL && (rc = cli_code(c, "clients", a->client,
	    "--client", &client)) != WY_OK))
		return rc;
	if (cli_amount(c, "AMOUNT", argv[2], 1, &amount) != WY_OK)
		return wy_prefix(&c->err, _("room %s"), argv[0]);
	if ((rc = cashier_deposit_take(&c->sess, room, client, item, amount,
	    a->method, a->note, &r, NULL, &c->err)) != WY_OK)
		return rc;
	printf("%s\n", r.number);
	return WY_OK;
}

/* `deposit refund ID`. */
static int
deposit_refund(struct cli *c, const struct deposit_args *a, const char *id)
{
	struct cashier_receipt r;
	char *end;
	long long n = strtoll(id, &end, 10);
	int rc;

	if (*id == '\0' || *end != '\0' || n <= 0)
		return wy_fail(&c->err, WY_EINVALID, _("ID: '%s' is not a "
		    "deposit number"), id);
	if ((rc = cashier_deposit_refund(&c->sess, n, a->method, a->note, &r,
	    &c->err)) != WY_OK)
		return rc;
	printf("%s\n", r.number);
	return WY_OK;
}

static int
cmd_deposit(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "method", required_argument, NULL, 'm' },
		{ "client", required_argument, NULL, 'c' },
		{ "note", required_argument, NULL, 'n' },
		{ "room", required_argument, NULL, 'r' },
		{ "all", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	struct deposit_args a = { 0 };
	const char *sub;
	char why[128];
	int ch, n;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":", opts)) != -1) {
		switch (ch) {
		case 'm': a.method = optarg; break;
		case 'c': a.client = optarg; break;
		case 'n': a.note = optarg; break;
		case 'r': a.room = optarg; break;
		case 'a': a.all = 1; break;
		default:
			snprintf(why, sizeof why, ch == ':' ?
			    _("option %s needs a value") :
			    _("unknown option %s"), argv[optind - 1]);
			return cli_usage(c, &cli_cmd_deposit, why);
		}
	}
	sub = optind < argc ? argv[optind] : "";
	n = argc - optind - 1;
	if (strcmp(sub, "list") == 0 && n == 0)
		return deposit_list(c, &a);
	if ((strcmp(sub, "take") == 0 && n == 3) ||
	    (strcmp(sub, "refund") == 0 && n == 1)) {
		if (a.method == NULL)
			return cli_usage(c, &cli_cmd_deposit,
			    _("a deposit needs --method"));
		return sub[0] == 't' ? deposit_take(c, &a, argv + optind + 1) :
		    deposit_refund(c, &a, argv[optind + 1]);
	}
	return cli_usage(c, &cli_cmd_deposit, NULL);
}

const struct cli_cmd cli_cmd_deposit = {
	.name = "deposit",
	.args = "take ROOM ITEM AMOUNT --method M [--client CODE] [--note T] | "
	    "refund ID --method M [--note T] | list [--room ROOM] [--all]",
	.help = N_("take, refund or list deposits (押金)"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.ro_verbs = "list",
	.exec = cmd_deposit,
};
