/* wuye: `wuye import` and `wuye export` (stub, to be written). */
#include "wuye/cli.h"
#include "wuye/i18n.h"

static int
cmd_import(struct cli *c, int argc, char **argv)
{
	return wy_fail(&c->err, WY_EFAIL, "%s: not written yet", argv[0]);
}

static int
cmd_export(struct cli *c, int argc, char **argv)
{
	return wy_fail(&c->err, WY_EFAIL, "%s: not written yet", argv[0]);
}

const struct cli_cmd cli_cmd_import = {
	.name = "import",
	.args = "KIND FILE.csv",
	.help = N_("import records from CSV, all or nothing"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.exec = cmd_import,
};

const struct cli_cmd cli_cmd_export = {
	.name = "export",
	.args = "KIND [--format csv|xlsx] [-o FILE]",
	.help = N_("export records as CSV or .xlsx"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.exec = cmd_export,
};
