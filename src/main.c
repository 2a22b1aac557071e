/* wuye: entry point.  Parses the global options, loads the configuration,
 * dispatches to a command of the table in src/cli/cli.c (or the summary
 * when there is none) and turns the returned status into the exit code.
 * Only main() exits. */
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wuye/cli.h"
#include "wuye/conf.h"
#include "wuye/db.h"
#include "wuye/i18n.h"

/* Text layout needs a UTF-8 LC_CTYPE; fall back to C.UTF-8. */
static void
setup_locale(void)
{
	char exe[PATH_MAX], dir[PATH_MAX + 16];
	ssize_t n;
	char *slash;

	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	/* Run from the build tree: translations beside the binary. */
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(dir, sizeof dir, "%s/locale", exe);
			if (access(dir, R_OK) == 0) {
				bindtextdomain("wuye", dir);
				textdomain("wuye");
				return;
			}
		}
	}
	bindtextdomain("wuye", WUYE_LOCALEDIR);
	textdomain("wuye");
}

static void
usage(FILE *f)
{
	fprintf(f, _("usage: wuye [--db FILE] [--config FILE] [--user NAME] [COMMAND ...]\n"
	    "\n"
	    "With no command, wuye starts the full-screen program.\n"
	    "\n"
	    "Options:\n"
	    "  --db FILE       the database (default: the configuration's database.path,\n"
	    "                  else $XDG_DATA_HOME/wuye/wuye.db)\n"
	    "  --config FILE   the configuration (default: $XDG_CONFIG_HOME/wuye/wuye.conf,\n"
	    "                  then /etc/wuye.conf)\n"
	    "  --user NAME     who is working (else $WUYE_USER); the password is asked on\n"
	    "                  the terminal, or read from $WUYE_PASSWORD\n"
	    "  -h, --help      this help\n"
	    "  -V, --version   the version\n"
	    "\n"
	    "Commands:\n"));
	cli_print_help(f);
	fprintf(f, _("\nExit status: 0 done, 2 usage, 3 invalid input (nothing written), 4 not found,\n"
	    "5 permission denied, 6 conflict (closed period, changed record, busy), 1 other.\n"
	    "See wuye(1) and wuye.conf(5).\n"));
}

static const struct cli_cmd *
find_command(const char *name)
{
	const struct cli_cmd *const *c;

	for (c = cli_commands; *c != NULL; c++)
		if (strcmp((*c)->name, name) == 0)
			return *c;
	return NULL;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "config", required_argument, NULL, 'c' },
		{ "user", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli c = { 0 };
	const struct cli_cmd *cmd;
	const char *name;
	int ch, rc;

	setup_locale();
	while ((ch = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': c.db_path = optarg; break;
		case 'c': c.conf_file = optarg; break;
		case 'u': c.user = optarg; break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("wuye %s\n", WUYE_VERSION); return 0;
		default: usage(stderr); return WY_EUSAGE;
		}
	}
	if (c.user == NULL)
		c.user = getenv("WUYE_USER");
	name = optind < argc ? argv[optind] : "summary";
	if ((cmd = find_command(name)) == NULL) {
		fprintf(stderr, _("wuye: unknown command '%s'; see 'wuye --help'\n"), name);
		return WY_EUSAGE;
	}
	if ((rc = conf_load(c.conf_file, &c.conf, &c.err)) == WY_OK) {
		if (c.db_path == NULL)
			c.db_path = conf_str(c.conf, "database.path");
		rc = cli_open(&c, cmd->flags);
		if (rc == WY_OK && (cmd->flags & CLI_LOGIN))
			rc = cli_login(&c);
		if (rc == WY_OK)
			rc = cmd->exec(&c, optind < argc ? argc - optind : 1,
			    optind < argc ? argv + optind : (char *[]){ "summary", NULL });
	}
	if (rc != WY_OK)
		fprintf(stderr, "wuye: %s\n", c.err.msg[0] ? c.err.msg :
		    wy_strstatus(rc));
	db_close(&c.db);
	conf_free(&c.conf);
	return rc;
}
