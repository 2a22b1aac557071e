/* wuye: `wuye summary` (stub, to be written). */
#include "wuye/cli.h"
#include "wuye/i18n.h"

static int
cmd_summary(struct cli *c, int argc, char **argv)
{
	return wy_fail(&c->err, WY_EFAIL, "%s: not written yet", argv[0]);
}

const struct cli_cmd cli_cmd_summary = {
	.name = "summary",
	.args = "",
	.help = N_("a summary of the database (no command)"),
	.flags = CLI_NEED_DB,
	.exec = cmd_summary,
};
