/* wuye: the command table and what every command shares (opening the
 * database, logging in, reading a password). */
#include "wuye/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "wuye/auth.h"
#include "wuye/conf.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/money.h"

extern const struct cli_cmd cli_cmd_summary, cli_cmd_init, cli_cmd_demo,
    cli_cmd_import, cli_cmd_export, cli_cmd_user, cli_cmd_backup,
    cli_cmd_restore, cli_cmd_check, cli_cmd_pay, cli_cmd_receipt,
    cli_cmd_period, cli_cmd_handover, cli_cmd_bill, cli_cmd_warnings,
    cli_cmd_bank, cli_cmd_expense, cli_cmd_arrears, cli_cmd_report,
    cli_cmd_notice, cli_cmd_bills, cli_cmd_waive, cli_cmd_deposit,
    cli_cmd_refund, cli_cmd_standard,
    cli_cmd_meter;

const struct cli_cmd *const cli_commands[] = {
	&cli_cmd_init,
	&cli_cmd_demo,
	&cli_cmd_import,
	&cli_cmd_export,
	&cli_cmd_user,
	&cli_cmd_backup,
	&cli_cmd_restore,
	&cli_cmd_check,
	&cli_cmd_standard,
	&cli_cmd_meter,
	&cli_cmd_bill,
	&cli_cmd_bills,
	&cli_cmd_pay,
	&cli_cmd_waive,
	&cli_cmd_deposit,
	&cli_cmd_refund,
	&cli_cmd_receipt,
	&cli_cmd_period,
	&cli_cmd_arrears,
	&cli_cmd_notice,
	&cli_cmd_handover,
	&cli_cmd_warnings,
	&cli_cmd_bank,
	&cli_cmd_expense,
	&cli_cmd_report,
	&cli_cmd_summary,
	NULL,
};

int
cli_code(struct cli *c, const char *table, const char *code,
    const char *what, int64_t *id)
{
	static const struct {
		const char *table, *sql;
	} lookups[] = {
		{ "rooms", "SELECT id FROM rooms WHERE code = ?" },
		{ "clients", "SELECT id FROM clients WHERE code = ?" },
		{ "estates", "SELECT id FROM estates WHERE code = ?" },
		{ "buildings", "SELECT id FROM buildings WHERE code = ?" },
		{ "fee_items", "SELECT id FROM fee_items WHERE code = ?" },
		{ "meters", "SELECT id FROM meters WHERE code = ?" },
	};
	size_t i;
	int rc;

	for (i = 0; i < sizeof lookups / sizeof lookups[0]; i++)
		if (strcmp(lookups[i].table, table) == 0)
			break;
	if (i == sizeof lookups / sizeof lookups[0])
		abort();	/* a table not in the list: a bug */
	rc = db_int64(c->db, id, &c->err, lookups[i].sql, "t", code);
	if (rc == WY_ENOTFOUND)
		return wy_fail(&c->err, WY_ENOTFOUND, _("%s: there is no '%s'"),
		    what, code);
	return rc;
}

void
cli_print_help(FILE *f)
{
	const struct cli_cmd *const *c;

	for (c = cli_commands; *c != NULL; c++)
		if (strcmp((*c)->name, "summary") != 0)
			fprintf(f, "  %s%s%s\n        %s\n", (*c)->name,
			    *(*c)->args ? " " : "", (*c)->args, _((*c)->help));
}

int
cli_usage(struct cli *c, const struct cli_cmd *cmd, const char *why)
{
	return wy_fail(&c->err, WY_EUSAGE, _("%s%susage: wuye %s %s"),
	    why != NULL ? why : "", why != NULL ? "; " : "", cmd->name,
	    cmd->args);
}

unsigned
cli_cmd_flags(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *v;
	size_t n;

	if (cmd->ro_verbs == NULL || argc < 2 || argv[1][0] == '\0')
		return cmd->flags;
	n = strlen(argv[1]);
	for (v = cmd->ro_verbs; *v != '\0'; v += strcspn(v, " "),
	    v += strspn(v, " "))
		if (strncmp(v, argv[1], n) == 0 && (v[n] == ' ' ||
		    v[n] == '\0'))
			return cmd->flags | CLI_READONLY;
	return cmd->flags;
}

/* Open c->db_path with db flags and set it up from the configuration. */
static int
cli_open_db(struct cli *c, unsigned dbflags)
{
	int rc;

	if ((rc = db_open(c->db_path, dbflags, &c->db, &c->err)) != WY_OK)
		return rc;
	db_set_busy_timeout(c->db, (int)conf_int(c->conf,
	    "database.busy_timeout"));
	c->db->backup_dir = conf_str(c->conf, "backup.dir");
	c->db->backup_keep = (int)conf_int(c->conf, "backup.keep");
	return WY_OK;
}

int
cli_open(struct cli *c, unsigned flags)
{
	int rc, v;

	if (!(flags & (CLI_NEED_DB | CLI_CREATE_DB)))
		return WY_OK;
	/* A command that only reads works on a database it may not write;
	 * one older than the program must be upgraded first, which writes. */
	if ((flags & CLI_READONLY) && !(flags & CLI_CREATE_DB)) {
		if ((rc = cli_open_db(c, DB_READONLY)) != WY_OK)
			return rc;
		if ((v = db_schema_version(c->db)) >= db_schema_latest())
			return WY_OK;
		db_close(&c->db);
		if ((rc = cli_open_db(c, 0)) != WY_OK)
			return wy_prefix(&c->err, _("the database (schema "
			    "version %d) must be upgraded to %d before it can "
			    "be read"), v, db_schema_latest());
		return db_migrate(c->db, NULL, &c->err);
	}
	if ((rc = cli_open_db(c, flags & CLI_CREATE_DB ? DB_CREATE : 0)) !=
	    WY_OK)
		return rc;
	return db_migrate(c->db, NULL, &c->err);
}

/* Where the options end in argv after cli_reorder(): argv[cli_optend] is
 * the first argument, or the "--" before them when cli_dashes. */
static int cli_optend, cli_dashes;

/* 1 if arg is shaped like a negative number: an argument, never options. */
static int
cli_negative(const char *arg)
{
	return arg[0] == '-' && ((arg[1] >= '0' && arg[1] <= '9') ||
	    arg[1] == '.');
}

/* 1 if the long option arg ("--name", "--name=value", or a unique
 * abbreviation as getopt_long accepts) takes the next word as its value. */
static int
cli_long_takes_next(const char *arg, const struct option *opts)
{
	const struct option *o, *found = NULL;
	const char *name = arg + 2;
	size_t n = strcspn(name, "=");
	int ambiguous = 0;

	if (name[n] == '=' || opts == NULL)
		return 0;
	for (o = opts; o->name != NULL; o++) {
		if (strncmp(o->name, name, n) != 0)
			continue;
		if (o->name[n] == '\0')
			return o->has_arg == required_argument;
		if (found != NULL && found->has_arg != o->has_arg)
			ambiguous = 1;
		found = o;
	}
	return found != NULL && !ambiguous &&
	    found->has_arg == required_argument;
}

/* 1 if the cluster of short options arg ("-y", "-ofile", "-o") takes the
 * next word as the value of its last option.  An unknown letter stops it:
 * getopt reports it. */
static int
cli_short_takes_next(const char *arg, const char *optstring)
{
	const char *p, *o;

	optstring += strspn(optstring, "+-:");
	for (p = arg + 1; *p != '\0'; p++) {
		if (*p == ':' || (o = strchr(optstring, *p)) == NULL)
			return 0;
		if (o[1] == ':')
			return o[2] != ':' && p[1] == '\0';
	}
	return 0;
}

/* Move the options of argv[1..argc) (each with its value) to the front, in
 * their order, then the "--" if there was one, then the arguments in their
 * order; set cli_optend and cli_dashes. */
static void
cli_reorder(int argc, char **argv, const char *optstring,
    const struct option *opts)
{
	char **args = xcalloc((size_t)argc + 1, sizeof *args);
	char *a, *dashes = NULL;
	int i, nopt = 1, narg = 0;

	for (i = 1; i < argc; i++) {
		a = argv[i];
		if (dashes != NULL || a[0] != '-' || a[1] == '\0' ||
		    cli_negative(a))
			args[narg++] = a;
		else if (strcmp(a, "--") == 0)
			dashes = a;
		else {
			argv[nopt++] = a;	/* nopt <= i: read already */
			if (i + 1 < argc && (a[1] == '-' ?
			    cli_long_takes_next(a, opts) :
			    cli_short_takes_next(a, optstring))) {
				i++;
				argv[nopt++] = argv[i];
			}
		}
	}
	cli_optend = nopt;
	cli_dashes = dashes != NULL;
	if (dashes != NULL)
		argv[nopt++] = dashes;
	memcpy(argv + nopt, args, (size_t)narg * sizeof *args);
	free(args);
}

int
cli_getopt(int argc, char **argv, const char *optstring,
    const struct option *opts)
{
	char os[64];
	int ch;

	if (optind == 0)
		cli_reorder(argc, argv, optstring, opts);
	/* getopt_long() sets optind to 1 on its first call (optind 0).  It
	 * sees only the options, so that one missing its value at their end
	 * takes no argument for it. */
	if ((optind == 0 ? 1 : optind) < cli_optend) {
		snprintf(os, sizeof os, "+%s", optstring);
		if ((ch = getopt_long(cli_optend, argv, os, opts, NULL)) != -1)
			return ch;
	}
	optind = cli_optend + cli_dashes;
	return -1;
}

int
cli_amount(struct cli *c, const char *what, const char *text, int positive,
    int64_t *v)
{
	if (money_parse(text, v, &c->err) != WY_OK || *v < 0 ||
	    (positive && *v == 0) || *v > MONEY_MAX)
		return wy_fail(&c->err, WY_EINVALID, positive ?
		    _("%s: '%s' is not an amount of yuan above 0") :
		    _("%s: '%s' is not an amount of yuan"), what, text);
	return WY_OK;
}

void
cli_system(struct cli *c)
{
	session_system(&c->sess, c->db, c->conf);
}

char *
cli_password(struct cli *c, const char *prompt)
{
	struct termios old, quiet;
	char buf[256], *p;
	const char *env;
	size_t n;

	if (!isatty(STDIN_FILENO)) {
		if ((env = getenv("WUYE_PASSWORD")) == NULL) {
			wy_fail(&c->err, WY_EUSAGE,
			    _("no terminal to ask the password on: set WUYE_PASSWORD"));
			return NULL;
		}
		if ((p = strdup(env)) == NULL)
			abort();
		return p;
	}
	fputs(prompt, stderr);
	fflush(stderr);
	tcgetattr(STDIN_FILENO, &old);
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	p = fgets(buf, sizeof buf, stdin);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fputc('\n', stderr);
	if (p == NULL) {
		wy_fail(&c->err, WY_EUSAGE, _("no password given"));
		return NULL;
	}
	n = strcspn(buf, "\r\n");
	buf[n] = '\0';
	if ((p = strdup(buf)) == NULL)
		abort();
	sodium_memzero(buf, sizeof buf);
	return p;
}

int
cli_login(struct cli *c)
{
	char prompt[128], *pw;
	int rc;

	if (c->user == NULL || *c->user == '\0')
		return wy_fail(&c->err, WY_EUSAGE,
		    _("this command needs a user: give --user NAME (or set WUYE_USER)"));
	snprintf(prompt, sizeof prompt, _("Password for %s: "), c->user);
	if ((pw = cli_password(c, prompt)) == NULL)
		return c->err.code;
	rc = auth_login(c->db, c->conf, c->user, pw, &c->sess, &c->err);
	sodium_memzero(pw, strlen(pw));
	free(pw);
	return rc;
}
