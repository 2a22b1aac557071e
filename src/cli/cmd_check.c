/* wuye: `wuye check` (stub, to be written). */
#include "wuye/cli.h"
#include "wuye/i18n.h"

static int
cmd_check(struct cli *c, int argc, char **argv)
{
	return wy_fail(&c->err, WY_EFAIL, "%s: not written yet", argv[0]);
}

const struct cli_cmd cli_cmd_check = {
	.name = "check",
	.args = "",
	.help = N_("verify the database and its business rules"),
	.flags = CLI_NEED_DB,
	.exec = cmd_check,
};
