/* wuye: `wuye init [--admin NAME]`: create or upgrade the database and,
 * when it has no users yet, create the administrator.
 *
 * The command opens the database itself (its descriptor asks main() for
 * nothing) so that it can tell a new file from an existing one and report
 * an upgrade with the versions before and after.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "wuye/auth.h"
#include "wuye/cli.h"
#include "wuye/conf.h"
#include "wuye/db.h"
#include "wuye/i18n.h"

extern const struct cli_cmd cli_cmd_init;

/* Ask for the new administrator's password (twice on a terminal). */
static char *
init_password(struct cli *c, const char *name)
{
	char prompt[128], *pw, *again;

	snprintf(prompt, sizeof prompt, _("Password for the new user %s: "),
	    name);
	if ((pw = cli_password(c, prompt)) == NULL || !isatty(STDIN_FILENO))
		return pw;
	if ((again = cli_password(c, _("The same password again: "))) == NULL) {
		sodium_memzero(pw, strlen(pw));
		free(pw);
		return NULL;
	}
	if (strcmp(pw, again) != 0) {
		wy_fail(&c->err, WY_EINVALID, _("the two passwords differ"));
		sodium_memzero(pw, strlen(pw));
		free(pw);
		pw = NULL;
	}
	sodium_memzero(again, strlen(again));
	free(again);
	return pw;
}

/* Open (creating if missing) and migrate the database, saying what was
 * done. */
static int
init_open(struct cli *c)
{
	struct stat sb;
	int rc, existed, before, applied;

	existed = stat(c->db_path, &sb) == 0 && sb.st_size > 0;
	if ((rc = db_open(c->db_path, DB_CREATE, &c->db, &c->err)) != WY_OK)
		return rc;
	db_set_busy_timeout(c->db, (int)conf_int(c->conf,
	    "database.busy_timeout"));
	c->db->backup_dir = conf_str(c->conf, "backup.dir");
	c->db->backup_keep = (int)conf_int(c->conf, "backup.keep");
	before = db_schema_version(c->db);
	if ((rc = db_migrate(c->db, &applied, &c->err)) != WY_OK)
		return rc;
	if (!existed || before == 0)
		printf(_("created database %s (schema version %d)\n"),
		    c->db_path, db_schema_version(c->db));
	else if (applied > 0)
		printf(_("upgraded database %s from schema version %d to %d "
		    "(a backup was written to %s first)\n"), c->db_path, before,
		    db_schema_version(c->db), c->db->backup_dir);
	else
		printf(_("database %s is at schema version %d\n"), c->db_path,
		    db_schema_version(c->db));
	return WY_OK;
}

static int
cmd_init(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "admin", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	const char *admin = NULL;
	char why[128];
	int64_t users;
	char *pw;
	int ch, rc;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":", opts)) != -1) {
		switch (ch) {
		case 'a':
			admin = optarg;
			break;
		default:
			snprintf(why, sizeof why, ch == ':' ?
			    _("option %s needs a value") : _("unknown option %s"),
			    argv[optind - 1]);
			return cli_usage(c, &cli_cmd_init, why);
		}
	}
	if (optind != argc)
		return cli_usage(c, &cli_cmd_init, _("too many arguments"));
	if ((rc = init_open(c)) != WY_OK)
		return rc;
	if ((rc = db_int64(c->db, &users, &c->err,
	    "SELECT count(*) FROM users", "")) != WY_OK)
		return rc;
	if (users > 0) {
		if (admin != NULL)
			printf(_("the database has users already; no user %s "
			    "created\n"), admin);
		return WY_OK;
	}
	if (admin == NULL)
		admin = "admin";
	cli_system(c);
	if ((pw = init_password(c, admin)) == NULL)
		return c->err.code;
	rc = user_add(&c->sess, admin, "admin", pw, "", &c->err);
	sodium_memzero(pw, strlen(pw));
	free(pw);
	if (rc != WY_OK)
		return rc;
	printf(_("created user %s (role admin)\n"), admin);
	return WY_OK;
}

const struct cli_cmd cli_cmd_init = {
	.name = "init",
	.args = "[--admin NAME]",
	.help = N_("create or upgrade the database; creates the admin user"),
	.flags = 0,	/* cmd_init opens the database itself */
	.exec = cmd_init,
};
