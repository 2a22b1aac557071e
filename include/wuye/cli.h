/* wuye: the command line.
 *
 * One file per command group in src/cli/, each exporting a const struct
 * cli_cmd; the table in src/cli/cli.c lists them, and `wuye --help` and the
 * dispatcher in main.c are made from it.  A command's exec() returns a
 * status and leaves the message in c->err; only main() prints it and exits.
 * Listings go to stdout as TSV with a header line.
 */
#ifndef WUYE_CLI_H
#define WUYE_CLI_H

#include <stdio.h>

#include "wuye/error.h"
#include "wuye/session.h"

struct conf;
struct db;

struct cli {
	const char *db_path;	/* --db, else conf database.path (borrowed) */
	const char *conf_file;	/* --config, or NULL */
	const char *user;	/* --user, else $WUYE_USER, or NULL */
	struct conf *conf;	/* loaded before any command runs; owned */
	struct db *db;		/* opened by cli_open(); owned */
	struct session sess;	/* filled by cli_login() or cli_system() */
	struct wy_err err;	/* the failure to report */
};

enum cli_flags {
	CLI_NEED_DB = 1 << 0,	/* open (and migrate) the database first */
	CLI_CREATE_DB = 1 << 1,	/* ... creating it if missing */
	CLI_LOGIN = 1 << 2,	/* and log in (--user, password) */
};

struct cli_cmd {
	const char *name;	/* "import" */
	const char *args;	/* "KIND FILE.csv" */
	const char *help;	/* one line, English, N_() */
	unsigned flags;		/* enum cli_flags */
	int (*exec)(struct cli *c, int argc, char **argv);	/* argv[0] = name */
};

/* The commands, ended by a NULL name. */
extern const struct cli_cmd *const cli_commands[];

/* Open the database per flags (main() calls it from the command's flags). */
int cli_open(struct cli *c, unsigned flags);

/* Log in as c->user with a password from the terminal or $WUYE_PASSWORD. */
int cli_login(struct cli *c);

/* Work as the program itself (every permission), for init and demo. */
void cli_system(struct cli *c);

/* Record a usage error for cmd ("usage: wuye NAME ARGS") with a reason. */
int cli_usage(struct cli *c, const struct cli_cmd *cmd, const char *why);

/* Read a password: from the terminal without echo when stdin is one,
 * else from $WUYE_PASSWORD.  Returns a malloc'd string or NULL (and fills
 * c->err).  The caller frees it (after clearing it with sodium_memzero). */
char *cli_password(struct cli *c, const char *prompt);

/* The id of the record of table (rooms, clients, estates, buildings,
 * fee_items, meters) whose code is code, into *id; WY_ENOTFOUND naming
 * the argument or option `what` ("ROOM", "--client") if there is none. */
int cli_code(struct cli *c, const char *table, const char *code,
    const char *what, int64_t *id);

/* Print the command list (for --help). */
void cli_print_help(FILE *f);

#endif
