/* wuye: pre-printed receipt forms (套打) at a terminal: its name, the
 * offsets its cashier calibrated, and the test pattern (see receipt.h).
 *
 * A terminal is a desk with its printer, so the offsets are kept per
 * terminal name in print_offsets (schema 010), not per user: whoever sits
 * at the desk prints on the same forms through the same printer.
 */
#include "wuye/receipt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wuye/audit.h"
#include "wuye/auth.h"
#include "wuye/conf.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/print.h"
#include "wuye/receipt_int.h"
#include "wuye/receipt_tpl.h"

#define TERMINAL_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" \
	"0123456789_.-:/@"

/* Copy s into buf (RECEIPT_TERMINAL_MAX) with characters a terminal name
 * may not hold replaced by '_', at most max characters. */
static void
receipt_terminal_clean(char *buf, const char *s, size_t max)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i < max && i < RECEIPT_TERMINAL_MAX - 1;
	    i++)
		buf[i] = strchr(TERMINAL_CHARS, s[i]) != NULL ? s[i] : '_';
	buf[i] = '\0';
}

int
receipt_terminal(const struct conf *c, char buf[RECEIPT_TERMINAL_MAX],
    struct wy_err *e)
{
	const char *given = conf_str(c, "receipt.terminal"), *what;
	char host[256], tty[64];
	const char *t;
	size_t n;

	what = "receipt.terminal";
	if (*given == '\0') {
		given = getenv("WUYE_TERMINAL");
		what = "WUYE_TERMINAL";
	}
	if (given != NULL && *given != '\0') {
		n = strlen(given);
		if (n > RECEIPT_TERMINAL_MAX - 1 ||
		    strspn(given, TERMINAL_CHARS) != n)
			return wy_fail(e, WY_EINVALID, _("%s: '%s' is not a "
			    "terminal name (1 to 30 letters, digits or _.-:/@)"),
			    what, given);
		memcpy(buf, given, n + 1);
		return WY_OK;
	}
	if (gethostname(host, sizeof host) != 0 || *host == '\0')
		snprintf(host, sizeof host, "localhost");
	host[sizeof host - 1] = '\0';
	*tty = '\0';
	if ((t = ttyname(STDIN_FILENO)) != NULL) {
		if (strncmp(t, "/dev/", 5) == 0)
			t += 5;
		receipt_terminal_clean(tty + 1, t, 20);
		tty[0] = ':';
	}
	receipt_terminal_clean(buf, host, RECEIPT_TERMINAL_MAX - 1 -
	    strlen(tty));
	strcat(buf, tty);
	return WY_OK;
}

/* The terminal t, or this one in buf when t is NULL. */
static int
receipt_terminal_or(const struct conf *c, const char *t,
    char buf[RECEIPT_TERMINAL_MAX], struct wy_err *e)
{
	size_t n;

	if (t == NULL)
		return receipt_terminal(c, buf, e);
	n = strlen(t);
	if (n == 0 || n > RECEIPT_TERMINAL_MAX - 1 ||
	    strspn(t, TERMINAL_CHARS) != n)
		return wy_fail(e, WY_EINVALID, _("'%s' is not a terminal name "
		    "(1 to 30 letters, digits or _.-:/@)"), t);
	memcpy(buf, t, n + 1);
	return WY_OK;
}

int
receipt_offsets(struct session *s, const char *terminal, int *lines,
    int *cols, struct wy_err *e)
{
	char name[RECEIPT_TERMINAL_MAX];
	sqlite3_stmt *st;
	int rc;

	*lines = *cols = 0;
	if ((rc = auth_require(s, "charge.read", e)) != WY_OK ||
	    (rc = receipt_terminal_or(s->conf, terminal, name, e)) != WY_OK)
		return rc;
	if ((rc = db_prepare(s->db, "SELECT lines, cols FROM print_offsets"
	    " WHERE terminal = ?", &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "t", name)) == WY_OK) {
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			*lines = sqlite3_column_int(st, 0);
			*cols = sqlite3_column_int(st, 1);
		}
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? WY_OK :
		    db_fail(s->db, rc, e, "print_offsets");
	}
	sqlite3_finalize(st);
	return rc;
}

int
receipt_calibrate(struct session *s, const char *terminal, int lines,
    int cols, struct wy_err *e)
{
	char name[RECEIPT_TERMINAL_MAX], now[TIMESTAMP_BUFSIZE], detail[96];
	int rc;

	if ((rc = auth_require(s, "charge.pay", e)) != WY_OK ||
	    (rc = receipt_terminal_or(s->conf, terminal, name, e)) != WY_OK)
		return rc;
	if (lines < -RECEIPT_OFFSET_MAX || lines > RECEIPT_OFFSET_MAX)
		return wy_fail(e, WY_EINVALID, _("lines: %d is out of range "
		    "-%d..%d"), lines, RECEIPT_OFFSET_MAX, RECEIPT_OFFSET_MAX);
	if (cols < -RECEIPT_OFFSET_MAX || cols > RECEIPT_OFFSET_MAX)
		return wy_fail(e, WY_EINVALID, _("cols: %d is out of range "
		    "-%d..%d"), cols, RECEIPT_OFFSET_MAX, RECEIPT_OFFSET_MAX);
	timestamp_now(now);
	snprintf(detail, sizeof detail, "%s lines %d cols %d", name, lines,
	    cols);
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	if ((rc = db_run(s->db, e, "INSERT INTO print_offsets (terminal,"
	    " lines, cols, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)"
	    " ON CONFLICT (terminal) DO UPDATE SET lines = excluded.lines,"
	    " cols = excluded.cols, changed_at = excluded.changed_at,"
	    " changed_by = excluded.changed_by, version = version + 1",
	    "tiitt", name, lines, cols, now, s->user)) != WY_OK ||
	    (rc = audit_append(s, "print.calibrate", "print_offsets", 0,
	    detail, e)) != WY_OK ||
	    (rc = db_commit(s->db, e)) != WY_OK) {
		db_rollback(s->db);
		return rc;
	}
	return WY_OK;
}

int
receipt_layout(const struct conf *c, struct receipt_form **out,
    struct wy_err *e)
{
	char *name, *text;
	size_t len;
	int rc;

	*out = NULL;
	if ((rc = receipt_data_file(c, "receipt.layout",
	    "templates/receipt-preprinted.ini", &name, &text, &len, e)) !=
	    WY_OK)
		return rc;
	rc = receipt_form_parse(name, text, len, out, e);
	free(name);
	free(text);
	return rc;
}

int
receipt_pattern(struct session *s, char **out, struct wy_err *e)
{
	struct receipt_form *f = NULL;
	int lines, cols, rc;

	*out = NULL;
	if ((rc = receipt_offsets(s, NULL, &lines, &cols, e)) != WY_OK ||
	    (rc = receipt_layout(s->conf, &f, e)) != WY_OK)
		return rc;
	*out = receipt_form_pattern(f, lines, cols);
	receipt_form_free(&f);
	return WY_OK;
}

int
receipt_print_pattern(struct session *s, struct wy_err *e)
{
	char *text;
	int rc;

	if ((rc = receipt_pattern(s, &text, e)) != WY_OK)
		return rc;
	rc = print_text(s->conf, text, e);
	free(text);
	return rc;
}
