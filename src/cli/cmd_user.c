/* wuye: `wuye user` (stub, to be written). */
#include "wuye/cli.h"
#include "wuye/i18n.h"

static int
cmd_user(struct cli *c, int argc, char **argv)
{
	return wy_fail(&c->err, WY_EFAIL, "%s: not written yet", argv[0]);
}

const struct cli_cmd cli_cmd_user = {
	.name = "user",
	.args = "add NAME --role ROLE | passwd NAME | list",
	.help = N_("manage users"),
	.flags = CLI_NEED_DB|CLI_LOGIN,
	.exec = cmd_user,
};
