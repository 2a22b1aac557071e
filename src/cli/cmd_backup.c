/* wuye: `wuye backup` (stub, to be written). */
#include "wuye/cli.h"
#include "wuye/i18n.h"

static int
cmd_backup(struct cli *c, int argc, char **argv)
{
	return wy_fail(&c->err, WY_EFAIL, "%s: not written yet", argv[0]);
}

const struct cli_cmd cli_cmd_backup = {
	.name = "backup",
	.args = "[-o FILE]",
	.help = N_("write a compressed backup"),
	.flags = CLI_NEED_DB|CLI_LOGIN,
	.exec = cmd_backup,
};
