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
struct option;

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
	CLI_READONLY = 1 << 3,	/* only reads: open it read-only, no migration */
};

struct cli_cmd {
	const char *name;	/* "import" */
	const char *args;	/* "KIND FILE.csv" */
	const char *help;	/* one line, English, N_() */
	unsigned flags;		/* enum cli_flags */
	const char *ro_verbs;	/* "show list": verbs (the word after the
				 * command) that only read, as CLI_READONLY */
	int (*exec)(struct cli *c, int argc, char **argv);	/* argv[0] = name */
};

/* The commands, ended by a NULL name. */
extern const struct cli_cmd *const cli_commands[];

/* The flags to open the database with for cmd run as argv[0..argc) (argv[0]
 * the command's name): its flags, with CLI_READONLY when argv[1] is one of
 * its ro_verbs. */
unsigned cli_cmd_flags(const struct cli_cmd *cmd, int argc, char **argv);

/* Open the database per flags (main() calls it with cli_cmd_flags()).
 * CLI_READONLY opens it read-only (SQLITE_OPEN_READONLY: no migration, no
 * backup, no journal mode change), unless its schema is older than this
 * program's, when it is opened to be upgraded as for any command. */
int cli_open(struct cli *c, unsigned flags);

/* getopt_long() for a command's options, with two rules of wuye's command
 * line: a word shaped like a negative number ('-' and a digit or '.') is
 * never an option but an argument, and "--" ends the options (what follows
 * it are arguments, even "-x").  The value of an option is the word after
 * it, whatever it begins with (--note -x, --tendered -5).  Start with
 * optind = 0; after -1, argv[optind..argc) are the arguments in their
 * order.  Like GNU getopt it reorders argv (options first). */
int cli_getopt(int argc, char **argv, const char *optstring,
    const struct option *opts);

/* Parse amount text (yuan, "12.50") of the argument or option what into *v:
 * WY_EINVALID naming what and text unless it is an amount of at least 0
 * (positive: more than 0) and at most MONEY_MAX. */
int cli_amount(struct cli *c, const char *what, const char *text,
    int positive, int64_t *v);

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
