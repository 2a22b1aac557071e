/* wuye: the command table and what every command shares (opening the
 * database, logging in, reading a password). */
#include "wuye/cli.h"

#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "wuye/auth.h"
#include "wuye/conf.h"
#include "wuye/db.h"
#include "wuye/i18n.h"

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

int
cli_open(struct cli *c, unsigned flags)
{
	int rc;

	if (!(flags & (CLI_NEED_DB | CLI_CREATE_DB)))
		return WY_OK;
	rc = db_open(c->db_path, flags & CLI_CREATE_DB ? DB_CREATE : 0, &c->db,
	    &c->err);
	if (rc != WY_OK)
		return rc;
	db_set_busy_timeout(c->db, (int)conf_int(c->conf,
	    "database.busy_timeout"));
	c->db->backup_dir = conf_str(c->conf, "backup.dir");
	c->db->backup_keep = (int)conf_int(c->conf, "backup.keep");
	return db_migrate(c->db, NULL, &c->err);
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
