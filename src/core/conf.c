/* wuye: configuration.
 *
 * The option table below is the one place an option is declared.  Values
 * are kept as validated text in a small array parallel to the table; the
 * file is read with iniparser, whose syntax errors (reported through a
 * global callback, hence the static buffer) become an error naming the
 * file and line.
 */
#include "wuye/conf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <iniparser.h>

#include "wuye/i18n.h"

static const struct conf_option options[] = {
	{ "database.path", CONF_STRING, "$XDG_DATA_HOME/wuye/wuye.db", 0, 0, NULL,
	  N_("the database file") },
	{ "database.busy_timeout", CONF_INT, "5000", 100, 600000, NULL,
	  N_("milliseconds to wait for another user's write before giving up") },
	{ "company.name", CONF_STRING, "", 0, 0, NULL,
	  N_("company name printed on receipts and reports") },
	{ "ui.language", CONF_ENUM, "auto", 0, 0, "auto|en|zh",
	  N_("language of the program: auto (from LANG), en or zh") },
	{ "paths.data", CONF_STRING, "$XDG_CONFIG_HOME/wuye", 0, 0, NULL,
	  N_("folder whose forms/ and reports/ override the built-in ones") },
	{ "backup.dir", CONF_STRING, "$XDG_DATA_HOME/wuye/backups", 0, 0, NULL,
	  N_("folder for backups (also taken before a schema upgrade)") },
	{ "backup.keep", CONF_INT, "10", 0, 10000, NULL,
	  N_("how many backups to keep in backup.dir (0 keeps all)") },
	{ "security.max_failed_logins", CONF_INT, "5", 1, 100, NULL,
	  N_("wrong passwords in a row that lock an account") },
	{ "security.password_hash", CONF_ENUM, "interactive", 0, 0,
	  "interactive|moderate|sensitive|minimal",
	  N_("Argon2id strength for new passwords (minimal is for tests only)") },
	{ "import.max_errors", CONF_INT, "50", 1, 100000, NULL,
	  N_("errors listed before an import stops checking") },
	{ "export.dir", CONF_STRING, "$HOME/wuye-exports", 0, 0, NULL,
	  N_("folder the exports of the program go to, and the command line's files named by default (made if missing)") },
	{ "print.command", CONF_STRING, "lp", 0, 0, NULL,
	  N_("command that receives printouts on its standard input") },
	{ "print.timeout", CONF_INT, "30", 1, 3600, NULL,
	  N_("seconds a print command may run before it is stopped") },
	{ "print.encoding", CONF_ENUM, "UTF-8", 0, 0, "UTF-8|GB18030",
	  N_("encoding of printouts") },
	{ "receipt.template", CONF_STRING, "", 0, 0, NULL,
	  N_("receipt template file (empty: templates/receipt.txt under paths.data, else the built-in one)") },
	{ "receipt.preprinted", CONF_BOOL, "no", 0, 0, NULL,
	  N_("print receipts on pre-printed forms (套打): only the values, placed by receipt.layout") },
	{ "receipt.layout", CONF_STRING, "", 0, 0, NULL,
	  N_("layout of the pre-printed form (empty: templates/receipt-preprinted.ini under paths.data, else the built-in one)") },
	{ "receipt.series", CONF_ENUM, "cashier", 0, 0, "cashier|terminal",
	  N_("receipt numbers run per cashier or per terminal") },
	{ "receipt.terminal", CONF_STRING, "", 0, 0, NULL,
	  N_("this terminal's name (empty: $WUYE_TERMINAL, else host name and tty)") },
	{ "receipt.prefix", CONF_STRING, "", 0, 0, NULL,
	  N_("prefix of the numbers of a new series; {series} is the cashier or terminal (empty: C-{series}- or T-{series}-)") },
	{ "cashier.tick", CONF_ENUM, "due", 0, 0, "due|all",
	  N_("bills the cashier ticks at first: those due by today, or all unpaid ones") },
	{ "warn.arrears_amount", CONF_STRING, "1000.00", 0, 0, NULL,
	  N_("warn of rooms owing at least this many yuan past due (0: never)") },
	{ "warn.arrears_days", CONF_INT, "90", 0, 3650, NULL,
	  N_("warn of rooms with a bill this many days past due (0: never)") },
	{ "warn.failed_attempts", CONF_INT, "3", 0, 1000, NULL,
	  N_("warn of rooms with this many failed collection attempts since the last success (0: never)") },
	{ "warn.collection_rate", CONF_INT, "80", 0, 100, NULL,
	  N_("warn of estates and buildings collecting less than this percent of a period's bills (0: never)") },
	{ "bill.draw_prepayment", CONF_BOOL, "yes", 0, 0, NULL,
	  N_("a bill run pays the new bills from their payers' prepayment balances") },
	{ "report.timeout", CONF_INT, "60", 1, 86400, NULL,
	  N_("seconds a report may run before it is stopped") },
	{ "report.csv_bom", CONF_BOOL, "no", 0, 0, NULL,
	  N_("start CSV output of reports with a byte-order mark (for Excel)") },
	{ NULL, 0, NULL, 0, 0, NULL, NULL },
};

#define NOPTIONS (sizeof options / sizeof options[0] - 1)

struct conf {
	char *path;			/* file read, or NULL */
	char *values[NOPTIONS];		/* validated text of each option */
};

static char ini_error[512];

static int
ini_errback(const char *fmt, ...)
{
	va_list ap;
	size_t n = strlen(ini_error);

	va_start(ap, fmt);
	if (n < sizeof ini_error - 1)
		vsnprintf(ini_error + n, sizeof ini_error - n, fmt, ap);
	va_end(ap);
	return 0;
}

const struct conf_option *
conf_options(void)
{
	return options;
}

static int
option_index(const char *key)
{
	size_t i;

	for (i = 0; i < NOPTIONS; i++)
		if (strcmp(options[i].key, key) == 0)
			return (int)i;
	return -1;
}

/* Expand $XDG_DATA_HOME and $XDG_CONFIG_HOME (with their fallbacks under
 * $HOME), $HOME and ~ at the start of a value. */
static char *
expand(const char *s)
{
	static const struct { const char *var, *fallback; } xdg[] = {
		{ "$XDG_DATA_HOME", "/.local/share" },
		{ "$XDG_CONFIG_HOME", "/.config" },
		{ "$HOME", "" },
		{ "~", "" },
	};
	const char *env, *home;
	char *out;
	size_t i, n;

	for (i = 0; i < sizeof xdg / sizeof xdg[0]; i++) {
		n = strlen(xdg[i].var);
		if (strncmp(s, xdg[i].var, n) != 0 ||
		    (s[n] != '\0' && s[n] != '/'))
			continue;
		env = getenv(xdg[i].var + 1);
		home = getenv("HOME");
		if (env != NULL && *env == '/') {
			if (asprintf(&out, "%s%s", env, s + n) < 0)
				abort();
		} else if (asprintf(&out, "%s%s%s", home ? home : ".",
		    xdg[i].fallback, s + n) < 0)
			abort();
		return out;
	}
	if ((out = strdup(s)) == NULL)
		abort();
	return out;
}

static int
validate(const struct conf_option *o, const char *value, const char *where,
    struct wy_err *e)
{
	char *end;
	long v;
	const char *p;
	size_t n;

	switch (o->type) {
	case CONF_STRING:
		return WY_OK;
	case CONF_INT:
		errno = 0;
		v = strtol(value, &end, 10);
		if (*value == '\0' || *end != '\0' || errno != 0)
			return wy_fail(e, WY_EINVALID,
			    _("%s: %s: '%s' is not a whole number"), where,
			    o->key, value);
		if (v < o->min || v > o->max)
			return wy_fail(e, WY_EINVALID,
			    _("%s: %s: %ld is out of range %ld..%ld"), where,
			    o->key, v, o->min, o->max);
		return WY_OK;
	case CONF_BOOL:
		if (strcmp(value, "yes") == 0 || strcmp(value, "no") == 0 ||
		    strcmp(value, "true") == 0 || strcmp(value, "false") == 0 ||
		    strcmp(value, "1") == 0 || strcmp(value, "0") == 0)
			return WY_OK;
		return wy_fail(e, WY_EINVALID, _("%s: %s: '%s' is not yes or no"),
		    where, o->key, value);
	case CONF_ENUM:
		n = strlen(value);
		for (p = o->choices; p != NULL && *p != '\0';) {
			if (strncmp(p, value, n) == 0 && n > 0 &&
			    (p[n] == '|' || p[n] == '\0'))
				return WY_OK;
			p = strchr(p, '|');
			p = p != NULL ? p + 1 : NULL;
		}
		return wy_fail(e, WY_EINVALID, _("%s: %s: '%s' is not one of %s"),
		    where, o->key, value, o->choices);
	}
	return WY_OK;
}

int
conf_set(struct conf *c, const char *key, const char *value, struct wy_err *e)
{
	int i = option_index(key);

	if (i < 0)
		return wy_fail(e, WY_EINVALID, _("unknown option %s"), key);
	if (validate(&options[i], value, c->path ? c->path : "option", e) != WY_OK)
		return e->code;
	free(c->values[i]);
	c->values[i] = expand(value);
	return WY_OK;
}

/* Turn iniparser's "iniparser: syntax error in F (N):\n-> TEXT" into
 * "NAME:N: syntax error: TEXT". */
static void
ini_syntax_error(const char *name, struct wy_err *e)
{
	char *open = strrchr(ini_error, '('), *arrow = strstr(ini_error, "-> ");
	long line = open != NULL ? strtol(open + 1, NULL, 10) : 0;
	char *text = arrow != NULL ? arrow + 3 : NULL;

	if (ini_error[0] == '\0') {
		wy_fail(e, WY_EINVALID, "%s: %s", name, strerror(errno));
		return;
	}
	if (text != NULL)
		text[strcspn(text, "\n")] = '\0';
	if (line > 0)
		wy_fail(e, WY_EINVALID, _("%s:%ld: syntax error: %s"), name, line,
		    text != NULL ? text : "");
	else {
		ini_error[strcspn(ini_error, "\n")] = '\0';
		wy_fail(e, WY_EINVALID, "%s: %s", name, ini_error);
	}
}

dictionary *
conf_ini_read(const char *name, const unsigned char *data, size_t len,
    struct wy_err *e)
{
	char path[64];
	dictionary *d;
	int fd = -1;

	if (data != NULL) {
		/* iniparser 4.1 reads only named files: a memory file then. */
		if ((fd = memfd_create("wuye-ini", MFD_CLOEXEC)) < 0 ||
		    write(fd, data, len) != (ssize_t)len) {
			wy_fail(e, WY_EFAIL, "%s: %s", name, strerror(errno));
			if (fd >= 0)
				close(fd);
			return NULL;
		}
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	ini_error[0] = '\0';
	iniparser_set_error_callback(ini_errback);
	d = iniparser_load(data != NULL ? path : name);
	if (fd >= 0)
		close(fd);
	if (d == NULL || ini_error[0] != '\0') {
		iniparser_freedict(d);
		ini_syntax_error(name, e);
		return NULL;
	}
	return d;
}

/* Read the file at path into c, checking every key against the table. */
static int
read_file(struct conf *c, const char *path, struct wy_err *e)
{
	dictionary *d;
	const char *keys[64], *sec, *val;
	char full[128];
	int s, k, nsec, nkeys, i, rc = WY_OK;

	if ((d = conf_ini_read(path, NULL, 0, e)) == NULL)
		return e->code;
	nsec = iniparser_getnsec(d);
	for (s = 0; s < nsec && rc == WY_OK; s++) {
		sec = iniparser_getsecname(d, s);
		nkeys = iniparser_getsecnkeys(d, sec);
		if (nkeys > (int)(sizeof keys / sizeof keys[0]))
			nkeys = sizeof keys / sizeof keys[0];
		iniparser_getseckeys(d, sec, keys);
		if (nkeys == 0 && option_index(sec) < 0) {
			snprintf(full, sizeof full, "%s.", sec);
			for (i = 0; i < (int)NOPTIONS; i++)
				if (strncmp(options[i].key, full, strlen(full)) == 0)
					break;
			if (i == (int)NOPTIONS)
				rc = wy_fail(e, WY_EINVALID, _("%s: unknown section [%s]"),
				    path, sec);
		}
		for (k = 0; k < nkeys && rc == WY_OK; k++) {
			/* iniparser gives "section:key" */
			snprintf(full, sizeof full, "%s", keys[k]);
			full[strcspn(full, ":")] = '.';
			val = iniparser_getstring(d, keys[k], "");
			if (option_index(full) < 0)
				rc = wy_fail(e, WY_EINVALID,
				    _("%s: unknown option %s"), path, full);
			else
				rc = conf_set(c, full, val, e);
		}
	}
	iniparser_freedict(d);
	return rc;
}

int
conf_load(const char *path, struct conf **out, struct wy_err *e)
{
	struct conf *c;
	char *user;
	size_t i;
	int rc = WY_OK;

	*out = NULL;
	if ((c = calloc(1, sizeof *c)) == NULL)
		abort();
	for (i = 0; i < NOPTIONS; i++)
		c->values[i] = expand(options[i].def);
	if (path != NULL) {
		if (access(path, R_OK) != 0) {
			conf_free(&c);
			return wy_fail(e, WY_ENOTFOUND, _("%s: cannot read the configuration: %s"),
			    path, strerror(errno));
		}
		if ((c->path = strdup(path)) == NULL)
			abort();
	} else {
		user = expand("$XDG_CONFIG_HOME/wuye/wuye.conf");
		if (access(user, R_OK) == 0)
			c->path = user;
		else {
			free(user);
			if (access("/etc/wuye.conf", R_OK) == 0 &&
			    (c->path = strdup("/etc/wuye.conf")) == NULL)
				abort();
		}
	}
	if (c->path != NULL)
		rc = read_file(c, c->path, e);
	if (rc != WY_OK) {
		conf_free(&c);
		return rc;
	}
	*out = c;
	return WY_OK;
}

void
conf_free(struct conf **cp)
{
	struct conf *c = *cp;
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < NOPTIONS; i++)
		free(c->values[i]);
	free(c->path);
	free(c);
	*cp = NULL;
}

const char *
conf_str(const struct conf *c, const char *key)
{
	int i = option_index(key);

	if (i < 0)
		abort();	/* a programming error: the key is not in the table */
	return c->values[i];
}

long
conf_int(const struct conf *c, const char *key)
{
	return strtol(conf_str(c, key), NULL, 10);
}

int
conf_bool(const struct conf *c, const char *key)
{
	const char *v = conf_str(c, key);

	return strcmp(v, "yes") == 0 || strcmp(v, "true") == 0 ||
	    strcmp(v, "1") == 0;
}

const char *
conf_path(const struct conf *c)
{
	return c->path;
}
