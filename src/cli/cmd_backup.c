/* wuye: `wuye backup [-o FILE]`: write a compressed backup (needs the
 * permission "backup") and print the path written. */
#include <getopt.h>
#include <stdio.h>

#include "wuye/backup.h"
#include "wuye/cli.h"
#include "wuye/i18n.h"

extern const struct cli_cmd cli_cmd_backup;

static int
cmd_backup(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out = NULL;
	char path[4200], why[128];
	int ch, rc;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":o:", opts)) != -1) {
		switch (ch) {
		case 'o':
			out = optarg;
			break;
		default:
			snprintf(why, sizeof why, ch == ':' ?
			    _("option %s needs a value") : _("unknown option %s"),
			    argv[optind - 1]);
			return cli_usage(c, &cli_cmd_backup, why);
		}
	}
	if (optind != argc)
		return cli_usage(c, &cli_cmd_backup, _("too many arguments"));
	if ((rc = backup_create_as(&c->sess, out, path, sizeof path,
	    &c->err)) != WY_OK)
		return rc;
	printf("%s\n", path);
	return WY_OK;
}

const struct cli_cmd cli_cmd_backup = {
	.name = "backup",
	.args = "[-o FILE]",
	.help = N_("write a compressed backup"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.exec = cmd_backup,
};
