/* wuye: `wuye init` (stub, to be written). */
#include "wuye/cli.h"
#include "wuye/i18n.h"

static int
cmd_init(struct cli *c, int argc, char **argv)
{
	return wy_fail(&c->err, WY_EFAIL, "%s: not written yet", argv[0]);
}

const struct cli_cmd cli_cmd_init = {
	.name = "init",
	.args = "[--admin NAME]",
	.help = N_("create or upgrade the database; creates the admin user"),
	.flags = CLI_CREATE_DB,
	.exec = cmd_init,
};
