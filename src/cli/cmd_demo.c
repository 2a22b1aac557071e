/* wuye: `wuye demo` (stub, to be written). */
#include "wuye/cli.h"
#include "wuye/i18n.h"

static int
cmd_demo(struct cli *c, int argc, char **argv)
{
	return wy_fail(&c->err, WY_EFAIL, "%s: not written yet", argv[0]);
}

const struct cli_cmd cli_cmd_demo = {
	.name = "demo",
	.args = "[--rooms N] [--months M] [--seed S] [--if-missing]",
	.help = N_("fill a new database with realistic demo data"),
	.flags = 0,
	.exec = cmd_demo,
};
