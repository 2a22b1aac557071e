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
#include "wuye/tui.h"

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
			if (access(dir, R_OK) != 0)	/* build/asan/wuye */
				snprintf(dir, sizeof dir, "%s/../locale", exe);
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

/* The configuration may force the language: zh even where LANG is not
 * Chinese, en even where it is. */
static void
apply_language(const char *lang)
{
	if (strcmp(lang, "zh") == 0) {
		if (strcmp(setlocale(LC_MESSAGES, NULL), "C") == 0 ||
		    strcmp(setlocale(LC_MESSAGES, NULL), "POSIX") == 0)
			setlocale(LC_MESSAGES, "C.UTF-8");
		setenv("LANGUAGE", "zh_CN", 1);
	} else if (strcmp(lang, "en") == 0)
		setenv("LANGUAGE", "en", 1);
	else
		return;
	textdomain("wuye");	/* forget what was looked up before */
}

/* `wuye --keys`: the key table, from which the man page's list is made. */
static void
print_keys(void)
{
	char keys[64];
	int i;

	printf("action\tkeys\thelp\n");
	for (i = 1; i < ACT_COUNT; i++)
		printf("%s\t%s\t%s\n", tui_actions[i].name,
		    tui_action_keys((enum tui_action)i, keys, sizeof keys),
		    _(tui_actions[i].help));
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
	    "  --keys          the keys of the full-screen program\n"
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
		{ "keys", no_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli c = { 0 };
	const struct cli_cmd *cmd;
	const char *name;
	char *summary[] = { "summary", NULL }, **cargv = summary;
	int ch, rc, cargc = 1;

	setup_locale();
	while ((ch = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': c.db_path = optarg; break;
		case 'c': c.conf_file = optarg; break;
		case 'u': c.user = optarg; break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("wuye %s\n", WUYE_VERSION); return 0;
		case 'k': print_keys(); return 0;
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
		apply_language(conf_str(c.conf, "ui.language"));
		if (c.db_path == NULL)
			c.db_path = conf_str(c.conf, "database.path");
		if (optind < argc) {
			cargc = argc - optind;
			cargv = argv + optind;
		}
		rc = cli_open(&c, cli_cmd_flags(cmd, cargc, cargv));
		if (rc == WY_OK && (cmd->flags & CLI_LOGIN))
			rc = cli_login(&c);
		if (rc == WY_OK)
			rc = cmd->exec(&c, cargc, cargv);
	}
	if (rc != WY_OK)
		fprintf(stderr, "wuye: %s\n", c.err.msg[0] ? c.err.msg :
		    wy_strstatus(rc));
	db_close(&c.db);
	conf_free(&c.conf);
	return rc;
}
