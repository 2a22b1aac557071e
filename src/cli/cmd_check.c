/* wuye: `wuye check`: verify the database and its business rules.  Each
 * problem is printed on a line of its own; the exit status is 0 when there
 * are none, 1 otherwise.  Needs no log-in. */
#include <getopt.h>
#include <stdio.h>

#include "wuye/cli.h"
#include "wuye/db.h"
#include "wuye/dbcheck.h"
#include "wuye/i18n.h"

extern const struct cli_cmd cli_cmd_check;

/* Print one problem. */
static int
check_print(void *arg, const char *problem)
{
	fprintf(arg, "%s\n", problem);
	return 0;
}

static int
cmd_check(struct cli *c, int argc, char **argv)
{
	static const struct option none[] = { { NULL, 0, NULL, 0 } };
	char why[128];
	int64_t entries = 0;
	int ch, rc, problems;

	optind = 0;	/* glibc: start afresh, permuting again */
	if ((ch = cli_getopt(argc, argv, ":", none)) != -1) {
		snprintf(why, sizeof why, _("unknown option %s"),
		    argv[optind - 1]);
		return cli_usage(c, &cli_cmd_check, why);
	}
	if (optind != argc)
		return cli_usage(c, &cli_cmd_check, _("too many arguments"));
	cli_system(c);
	if ((rc = dbcheck_run(&c->sess, check_print, stdout, &problems,
	    &c->err)) != WY_OK)
		return rc;
	if (problems > 0)
		return wy_fail(&c->err, WY_EFAIL, problems == 1 ?
		    _("%d problem in %s") : _("%d problems in %s"), problems,
		    c->db_path);
	db_int64(c->db, &entries, NULL, "SELECT count(*) FROM audit", "");
	printf(_("ok: %s: integrity, foreign keys, audit log (%lld entries) "
	    "and business rules\n"), c->db_path, (long long)entries);
	return WY_OK;
}

const struct cli_cmd cli_cmd_check = {
	.name = "check",
	.args = "",
	.help = N_("verify the database and its business rules"),
	.flags = CLI_NEED_DB | CLI_READONLY,
	.exec = cmd_check,
};
