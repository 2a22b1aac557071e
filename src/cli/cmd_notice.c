/* STUB: `wuye notice` (a helper replaces this file). */
#include "wuye/cli.h"
#include "wuye/i18n.h"

extern const struct cli_cmd cli_cmd_notice;

static int
cmd_notice(struct cli *c, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return wy_fail(&c->err, WY_EFAIL, "notice: not built yet");
}

const struct cli_cmd cli_cmd_notice = {
	.name = "notice",
	.args = "...",
	.help = N_("not built yet"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.exec = cmd_notice,
};
