/* wuye: receipt series (see cashier_series.h).
 *
 * A series is a row of receipt_series: code (the user name, or "T:" and
 * the terminal's name), the prefix it was made with and the next number.
 * Taking a number reads and bumps next_no inside the payment's BEGIN
 * IMMEDIATE transaction, so numbers are unique and gap-free however many
 * cashiers pay at once; a failed payment rolls its number back.
 */
#include "wuye/cashier_series.h"

#include <stdio.h>
#include <string.h>

#include "wuye/conf.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/receipt.h"
#include "wuye/utf8.h"

/* The prefix of a new series called name: receipt.prefix with {series}
 * replaced by name (empty: "C-{series}-" or "T-{series}-"). */
static int
cashier_prefix(const struct conf *c, const char *name, int terminal,
    char *buf, size_t size, struct wy_err *e)
{
	const char *p = conf_str(c, "receipt.prefix");
	size_t n = 0, len;

	*buf = '\0';
	if (*p == '\0')
		p = terminal ? "T-{series}-" : "C-{series}-";
	if (utf8_has_control(p))
		return wy_fail(e, WY_EINVALID, _("receipt.prefix: control "
		    "characters are not allowed"));
	for (; *p != '\0'; p += len) {
		len = strncmp(p, "{series}", 8) == 0 ? 8 : 1;
		if (len == 1 && (*p == '{' || *p == '}'))
			return wy_fail(e, WY_EINVALID, _("receipt.prefix: '%s': "
			    "the only placeholder is {series}"),
			    conf_str(c, "receipt.prefix"));
		n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%.*s",
		    len == 8 ? (int)strlen(name) : 1, len == 8 ? name : p);
		if (n >= size)
			return wy_fail(e, WY_EINVALID, _("receipt.prefix: the "
			    "prefix of series %s is longer than %zu bytes"),
			    name, size - 1);
	}
	return WY_OK;
}

/* Create the series code (named name), inside a transaction; a prefix
 * another series has already is refused, as their numbers would clash. */
static int
cashier_series_new(struct session *s, const char *code, const char *name,
    int terminal, struct wy_err *e)
{
	char prefix[CASHIER_NUMBER_MAX - 8], other[64];
	sqlite3_stmt *st;
	int rc;

	if ((rc = cashier_prefix(s->conf, name, terminal, prefix,
	    sizeof prefix, e)) != WY_OK)
		return rc;
	if ((rc = db_prepare(s->db, "SELECT code FROM receipt_series"
	    " WHERE prefix = ? LIMIT 1", &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "t", prefix)) == WY_OK) {
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			snprintf(other, sizeof other, "%s",
			    (const char *)sqlite3_column_text(st, 0));
			rc = wy_fail(e, WY_EINVALID, _("receipt.prefix: series "
			    "%s would be numbered %s000001 like series %s; put "
			    "{series} in the prefix"), code, prefix, other);
		} else
			rc = rc == SQLITE_DONE ? WY_OK : db_fail(s->db, rc, e,
			    "receipt_series");
	}
	sqlite3_finalize(st);
	if (rc != WY_OK)
		return rc;
	return db_run(s->db, e, "INSERT INTO receipt_series (code, prefix)"
	    " VALUES (?, ?)", "tt", code, prefix);
}

/* The series of this cashier, or of this terminal (receipt.series): its
 * code ("T:" and the terminal's name for a terminal) and name. */
static int
cashier_series_of(struct session *s, char *code, size_t size, char *name,
    size_t nsize, int *terminal, struct wy_err *e)
{
	char t[RECEIPT_TERMINAL_MAX];
	int rc;

	*terminal = strcmp(conf_str(s->conf, "receipt.series"),
	    "terminal") == 0;
	if (!*terminal) {
		snprintf(code, size, "%s", s->user);
		snprintf(name, nsize, "%s", s->user);
		return WY_OK;
	}
	if ((rc = receipt_terminal(s->conf, t, e)) != WY_OK)
		return rc;
	snprintf(code, size, "T:%s", t);
	snprintf(name, nsize, "%s", t);
	return WY_OK;
}

int
cashier_number(struct session *s, int64_t *series_id, int64_t *seq,
    char *number, size_t size, struct wy_err *e)
{
	char code[SESSION_NAME_MAX + 4], name[SESSION_NAME_MAX];
	sqlite3_stmt *st;
	int terminal, tries, rc;

	if ((rc = cashier_series_of(s, code, sizeof code, name, sizeof name,
	    &terminal, e)) != WY_OK)
		return rc;
	for (tries = 0;; tries++) {
		if ((rc = db_cached(s->db, "SELECT id, prefix, next_no FROM"
		    " receipt_series WHERE code = ?", &st, e)) != WY_OK ||
		    (rc = db_bind(s->db, st, e, "t", code)) != WY_OK)
			return rc;
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			break;
		rc = rc == SQLITE_DONE && tries == 0 ? WY_OK :
		    db_fail(s->db, rc == SQLITE_DONE ? SQLITE_ERROR : rc, e,
		    "receipt_series");
		sqlite3_reset(st);
		if (rc != WY_OK || (rc = cashier_series_new(s, code, name,
		    terminal, e)) != WY_OK)
			return rc;
	}
	*series_id = sqlite3_column_int64(st, 0);
	*seq = sqlite3_column_int64(st, 2);
	snprintf(number, size, "%s%06lld",
	    (const char *)sqlite3_column_text(st, 1), (long long)*seq);
	sqlite3_reset(st);
	if ((rc = db_cached(s->db, "UPDATE receipt_series SET next_no ="
	    " next_no + 1, version = version + 1 WHERE id = ?", &st,
	    e)) != WY_OK ||
	    (rc = db_bind(s->db, st, e, "I", *series_id)) != WY_OK)
		return rc;
	return db_step_all(s->db, st, "receipt_series", e);
}
