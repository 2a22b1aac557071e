/* wuye: `wuye restore` (stub, to be written). */
#include "wuye/cli.h"
#include "wuye/i18n.h"

static int
cmd_restore(struct cli *c, int argc, char **argv)
{
	return wy_fail(&c->err, WY_EFAIL, "%s: not written yet", argv[0]);
}

const struct cli_cmd cli_cmd_restore = {
	.name = "restore",
	.args = "FILE",
	.help = N_("verify a backup and restore it"),
	.flags = CLI_NEED_DB|CLI_LOGIN,
	.exec = cmd_restore,
};
