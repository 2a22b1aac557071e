/* wuye: `wuye` with no command: the full-screen program on a terminal;
 * otherwise (a script, a pipe) a summary of the database and the commands. */
#include "wuye/cli.h"

#include <stdio.h>
#include <unistd.h>

#include "wuye/auth.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/property.h"
#include "wuye/tui.h"

static int
cmd_summary(struct cli *c, int argc, char **argv)
{
	struct property_counts n;
	int rc;

	(void)argc, (void)argv;
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		return tui_main(c->db, c->conf, &c->err);
	cli_system(c);
	if ((rc = property_counts(&c->sess, &n, &c->err)) != WY_OK)
		return rc;
	printf(_("wuye %s: database %s (schema version %d)\n\n"), WUYE_VERSION,
	    c->db->path, db_schema_version(c->db));
	printf(_("  estates     %10lld\n"), (long long)n.estates);
	printf(_("  buildings   %10lld\n"), (long long)n.buildings);
	printf(_("  rooms       %10lld   (%lld vacant)\n"), (long long)n.rooms,
	    (long long)n.rooms_vacant);
	printf(_("  clients     %10lld   (%lld current room links)\n"),
	    (long long)n.clients, (long long)n.links_current);
	printf(_("  parking     %10lld   (%lld vehicles)\n"), (long long)n.parking,
	    (long long)n.vehicles);
	printf(_("  users       %10lld\n"), (long long)n.users);
	printf(_("\nOn a terminal, wuye with no command starts the full-screen program.\n"
	    "The commands:\n"));
	cli_print_help(stdout);
	printf(_("\nFor example: wuye --user admin export rooms -o rooms.xlsx\n"
	    "See wuye --help and man wuye.\n"));
	return WY_OK;
}

const struct cli_cmd cli_cmd_summary = {
	.name = "summary",
	.args = "",
	.help = N_("a summary of the database (what wuye with no command shows)"),
	.flags = CLI_NEED_DB,
	.exec = cmd_summary,
};
