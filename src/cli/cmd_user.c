/* wuye: `wuye user add NAME --role ROLE [--name FULLNAME]`,
 * `wuye user passwd NAME` and `wuye user list`.
 *
 * The new password is asked twice on a terminal.  Without a terminal it
 * comes from $WUYE_NEW_PASSWORD, else (like every password) from
 * $WUYE_PASSWORD, which then is also the password of the --user logging
 * in.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "wuye/auth.h"
#include "wuye/cli.h"
#include "wuye/i18n.h"

extern const struct cli_cmd cli_cmd_user;

/* Free a password after wiping it. */
static void
user_wipe(char **pw)
{
	if (*pw != NULL) {
		sodium_memzero(*pw, strlen(*pw));
		free(*pw);
		*pw = NULL;
	}
}

/* Ask for the new password of name; NULL (with c->err) on failure. */
static char *
user_new_password(struct cli *c, const char *name)
{
	char prompt[128], *pw, *again;
	const char *env;

	if (!isatty(STDIN_FILENO) &&
	    (env = getenv("WUYE_NEW_PASSWORD")) != NULL) {
		if ((pw = strdup(env)) == NULL)
			abort();
		return pw;
	}
	snprintf(prompt, sizeof prompt, _("New password for %s: "), name);
	if ((pw = cli_password(c, prompt)) == NULL || !isatty(STDIN_FILENO))
		return pw;
	if ((again = cli_password(c, _("The same password again: "))) == NULL) {
		user_wipe(&pw);
		return NULL;
	}
	if (strcmp(pw, again) != 0) {
		wy_fail(&c->err, WY_EINVALID, _("the two passwords differ"));
		user_wipe(&pw);
	}
	user_wipe(&again);
	return pw;
}

/* Record a usage error for a bad option at argv[optind - 1]. */
static int
user_bad_option(struct cli *c, int ch, char **argv)
{
	char why[128];

	snprintf(why, sizeof why, ch == ':' ? _("option %s needs a value") :
	    _("unknown option %s"), argv[optind - 1]);
	return cli_usage(c, &cli_cmd_user, why);
}

/* Parse a subcommand that takes no options; WY_OK with optind at the
 * first operand. */
static int
user_no_options(struct cli *c, int argc, char **argv)
{
	static const struct option none[] = { { NULL, 0, NULL, 0 } };
	int ch;

	optind = 0;	/* glibc: start afresh, permuting again */
	if ((ch = cli_getopt(argc, argv, ":", none)) != -1)
		return user_bad_option(c, ch, argv);
	return WY_OK;
}

/* user add NAME --role ROLE [--name FULLNAME] */
static int
user_add_cmd(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "name", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const char *role = NULL, *full = "", *name;
	char *pw;
	int ch, rc;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":", opts)) != -1) {
		switch (ch) {
		case 'r':
			role = optarg;
			break;
		case 'n':
			full = optarg;
			break;
		default:
			return user_bad_option(c, ch, argv);
		}
	}
	if (optind != argc - 1)
		return cli_usage(c, &cli_cmd_user, optind == argc ?
		    _("user add needs a user name") : _("too many arguments"));
	if (role == NULL)
		return cli_usage(c, &cli_cmd_user, _("user add needs --role"));
	name = argv[optind];
	if ((rc = auth_require(&c->sess, "user.admin", &c->err)) != WY_OK)
		return rc;
	if ((pw = user_new_password(c, name)) == NULL)
		return c->err.code;
	rc = user_add(&c->sess, name, role, pw, full, &c->err);
	user_wipe(&pw);
	if (rc == WY_OK)
		printf(_("created user %s (role %s)\n"), name, role);
	return rc;
}

/* user passwd NAME */
static int
user_passwd_cmd(struct cli *c, int argc, char **argv)
{
	const char *name;
	char *pw;
	int rc;

	if ((rc = user_no_options(c, argc, argv)) != WY_OK)
		return rc;
	if (optind != argc - 1)
		return cli_usage(c, &cli_cmd_user, optind == argc ?
		    _("user passwd needs a user name") : _("too many arguments"));
	name = argv[optind];
	if (strcmp(name, c->sess.user) != 0 &&
	    (rc = auth_require(&c->sess, "user.admin", &c->err)) != WY_OK)
		return rc;
	if ((pw = user_new_password(c, name)) == NULL)
		return c->err.code;
	rc = user_passwd(&c->sess, name, pw, &c->err);
	user_wipe(&pw);
	if (rc == WY_OK)
		printf(_("new password set for %s\n"), name);
	return rc;
}

/* One TSV line of user list. */
static int
user_print(void *arg, const struct user_info *u)
{
	FILE *f = arg;

	fprintf(f, "%s\t%s\t%s\t%d\t%s\t%s\n", u->name, u->role, u->full_name,
	    u->failed, u->locked ? "yes" : "no", u->created);
	return 0;
}

/* user list */
static int
user_list_cmd(struct cli *c, int argc, char **argv)
{
	if (user_no_options(c, argc, argv) != WY_OK)
		return c->err.code;
	if (optind != argc)
		return cli_usage(c, &cli_cmd_user, _("too many arguments"));
	if (auth_require(&c->sess, "user.admin", &c->err) != WY_OK)
		return c->err.code;
	printf("name\trole\tfull_name\tfailed\tlocked\tcreated\n");
	return user_list(&c->sess, user_print, stdout, &c->err);
}

static int
cmd_user(struct cli *c, int argc, char **argv)
{
	char why[128];

	if (argc < 2)
		return cli_usage(c, &cli_cmd_user, _("which user command?"));
	if (strcmp(argv[1], "add") == 0)
		return user_add_cmd(c, argc - 1, argv + 1);
	if (strcmp(argv[1], "passwd") == 0)
		return user_passwd_cmd(c, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return user_list_cmd(c, argc - 1, argv + 1);
	snprintf(why, sizeof why, _("unknown user command '%s'"), argv[1]);
	return cli_usage(c, &cli_cmd_user, why);
}

const struct cli_cmd cli_cmd_user = {
	.name = "user",
	.args = "add NAME --role ROLE [--name FULLNAME] | passwd NAME | list",
	.help = N_("add users, set passwords, list users"),
	.flags = CLI_NEED_DB | CLI_LOGIN,
	.ro_verbs = "list",
	.exec = cmd_user,
};
