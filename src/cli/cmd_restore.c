/* wuye: `wuye restore [--yes] FILE`: verify a backup and replace the
 * database with it (needs the permission "restore").  On a terminal it
 * asks first; without one --yes is required. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "wuye/auth.h"
#include "wuye/backup.h"
#include "wuye/cli.h"
#include "wuye/i18n.h"

extern const struct cli_cmd cli_cmd_restore;

/* Ask on the terminal whether to go ahead; 1 for yes. */
static int
restore_confirm(const char *db, const char *from)
{
	char answer[16];

	fprintf(stderr, _("Replace the database %s with %s? [y/N] "), db, from);
	fflush(stderr);
	if (fgets(answer, sizeof answer, stdin) == NULL)
		return 0;
	return answer[0] == 'y' || answer[0] == 'Y';
}

static int
cmd_restore(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "yes", no_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 },
	};
	const char *from;
	char why[128];
	int ch, rc, yes = 0;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":y", opts)) != -1) {
		switch (ch) {
		case 'y':
			yes = 1;
			break;
		default:
			snprintf(why, sizeof why, _("unknown option %s"),
			    argv[optind - 1]);
			return cli_usage(c, &cli_cmd_restore, why);
		}
	}
	if (optind != argc - 1)
		return cli_usage(c, &cli_cmd_restore, optind == argc ?
		    _("which backup file?") : _("too many arguments"));
	from = argv[optind];
	if ((rc = auth_require(&c->sess, "restore", &c->err)) != WY_OK)
		return rc;
	if (!yes) {
		if (!isatty(STDIN_FILENO))
			return cli_usage(c, &cli_cmd_restore,
			    _("no terminal to ask on: give --yes to replace the "
			    "database"));
		if (!restore_confirm(c->db_path, from))
			return wy_fail(&c->err, WY_EFAIL,
			    _("nothing restored: not confirmed"));
	}
	if ((rc = backup_restore_as(&c->sess, from, &c->err)) != WY_OK)
		return rc;
	printf(_("restored %s from %s\n"), c->db_path, from);
	return WY_OK;
}

const struct cli_cmd cli_cmd_restore = {
	.name = "restore",
	.args = "[--yes] FILE",
	.help = N_("verify a backup and restore it"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.exec = cmd_restore,
};
