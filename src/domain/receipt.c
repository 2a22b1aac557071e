/* wuye: receipt text, printing and the daily hand-over (see receipt.h).
 *
 * Lines are built with utf8_fit() so every column has a fixed display
 * width; the item table is 80 columns: item 20, period 8, quantity 12,
 * unit price 12, late fee 10 and amount 13, one space between each.
 */
#include "wuye/receipt.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/auth.h"
#include "wuye/conf.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/money.h"
#include "wuye/utf8.h"

#define RECEIPT_FIT(w) (4 * (w) + 1)

/* Write s fitted to w columns (right-aligned when right) to f. */
static void
receipt_col(FILE *f, const char *s, int w, int right)
{
	char buf[RECEIPT_FIT(RECEIPT_WIDTH)];

	fputs(utf8_fit(s, w, right, buf, sizeof buf), f);
}

/* Write s centred in the line width. */
static void
receipt_centre(FILE *f, const char *s)
{
	int w = utf8_width(s), pad = (RECEIPT_WIDTH - w) / 2;

	if (pad < 0)
		pad = 0;
	fprintf(f, "%*s", pad, "");
	receipt_col(f, s, w < RECEIPT_WIDTH ? w : RECEIPT_WIDTH, 0);
	fputc('\n', f);
}

/* A rule across the line. */
static void
receipt_rule(FILE *f)
{
	int i;

	for (i = 0; i < RECEIPT_WIDTH; i++)
		fputc('-', f);
	fputc('\n', f);
}

/* Column i of st as text, "" for NULL. */
static const char *
receipt_str(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t != NULL ? (const char *)t : "";
}

/* The item lines of receipt id (allocations, or the deposit). */
static int
receipt_lines(struct db *db, int64_t id, FILE *f, struct wy_err *e)
{
	sqlite3_stmt *st;
	char q[32], p[32], l[MONEY_BUFSIZE], a[MONEY_BUFSIZE];
	int rc;

	if ((rc = db_prepare(db, "SELECT f.name, b.period, b.quantity,"
	    " b.unit_price, a.late_fee, a.amount FROM allocations a"
	    " JOIN bills b ON b.id = a.bill_id JOIN fee_items f"
	    " ON f.id = b.fee_item_id WHERE a.receipt_id = ?1"
	    " UNION ALL SELECT f.name, '', NULL, NULL, 0, d.amount"
	    " FROM deposits d JOIN fee_items f ON f.id = d.fee_item_id"
	    " WHERE d.taken_receipt_id = ?1 OR d.refund_receipt_id = ?1",
	    &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(db, st, e, "I", id)) != WY_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*q = *p = '\0';
		if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
			fixed_format(sqlite3_column_int64(st, 2), 3, q, sizeof q);
			fixed_format(sqlite3_column_int64(st, 3), 4, p, sizeof p);
		}
		receipt_col(f, receipt_str(st, 0), 20, 0);
		fputc(' ', f);
		receipt_col(f, receipt_str(st, 1), 8, 0);
		fputc(' ', f);
		receipt_col(f, q, 12, 1);
		fputc(' ', f);
		receipt_col(f, p, 12, 1);
		fputc(' ', f);
		receipt_col(f, money_format(sqlite3_column_int64(st, 4), l,
		    sizeof l), 10, 1);
		fputc(' ', f);
		receipt_col(f, money_format(sqlite3_column_int64(st, 5), a,
		    sizeof a), 13, 1);
		fputc('\n', f);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? WY_OK : db_fail(db, rc, e, "allocations");
}

/* Drop the spaces at the end of every line of text, in place. */
static void
receipt_trim(char *text)
{
	char *r, *w = text, *sp = NULL;

	for (r = text; *r != '\0'; r++) {
		if (*r == ' ') {
			if (sp == NULL)
				sp = w;
		} else if (*r == '\n' && sp != NULL) {
			w = sp;
			sp = NULL;
		} else
			sp = NULL;
		*w++ = *r;
	}
	*(sp != NULL ? sp : w) = '\0';
}

/* Write a label and a value fitted to w columns. */
static void
receipt_field(FILE *f, const char *label, const char *value, int w)
{
	fputs(label, f);
	receipt_col(f, value, w - utf8_width(label), 0);
}

/* Write the receipt whose row is st (see receipt_text's query). */
static int
receipt_write(struct session *s, sqlite3_stmt *st, int reprint, FILE *f,
    struct wy_err *e)
{
	static const char *const hdr[] = { "收费项目", "期间", "数量", "单价",
	    "滞纳金", "金额" };
	static const int w[] = { 20, 8, 12, 12, 10, 13 };
	char a[MONEY_BUFSIZE], caps[MONEY_CAPS_BUFSIZE], line[256];
	int64_t amount = sqlite3_column_int64(st, 7);
	const char *kind = receipt_str(st, 2);
	size_t i;
	int rc;

	receipt_centre(f, conf_str(s->conf, "company.name"));
	snprintf(line, sizeof line, "%s%s%s",
	    strcmp(kind, "deposit") == 0 ? "押金收据" :
	    strcmp(kind, "deposit_refund") == 0 ? "押金退款单" :
	    strcmp(kind, "refund") == 0 ? "退款单" : "收据",
	    reprint ? "  (重打)" : "",
	    sqlite3_column_type(st, 13) != SQLITE_NULL ? "  [作废]" : "");
	receipt_centre(f, line);
	receipt_field(f, "编号: ", receipt_str(st, 1), 40);
	receipt_field(f, "日期: ", receipt_str(st, 3), 40);
	fputc('\n', f);
	receipt_field(f, "房间: ", receipt_str(st, 4), 40);
	receipt_field(f, "交款人: ", receipt_str(st, 5), 40);
	fputc('\n', f);
	receipt_rule(f);
	for (i = 0; i < sizeof w / sizeof w[0]; i++) {
		receipt_col(f, hdr[i], w[i], i >= 2);
		if (i + 1 < sizeof w / sizeof w[0])
			fputc(' ', f);
	}
	fputc('\n', f);
	if ((rc = receipt_lines(s->db, sqlite3_column_int64(st, 0), f, e)) !=
	    WY_OK)
		return rc;
	receipt_rule(f);
	receipt_field(f, "合计: ", money_format(amount, a, sizeof a), 40);
	receipt_field(f, "收款方式: ", receipt_str(st, 6), 40);
	fputc('\n', f);
	if ((rc = money_capitals(amount, caps, sizeof caps, e)) != WY_OK)
		return rc;
	fprintf(f, "大写: 人民币%s\n", caps);
	if (sqlite3_column_int64(st, 8) > 0 || sqlite3_column_int64(st, 9) > 0) {
		receipt_field(f, "预存转入: ", money_format(
		    sqlite3_column_int64(st, 8), a, sizeof a), 40);
		receipt_field(f, "预存抵扣: ", money_format(
		    sqlite3_column_int64(st, 9), a, sizeof a), 40);
		fputc('\n', f);
	}
	if (sqlite3_column_type(st, 10) != SQLITE_NULL) {
		receipt_field(f, "实收现金: ", money_format(
		    sqlite3_column_int64(st, 10), a, sizeof a), 40);
		receipt_field(f, "找零: ", money_format(
		    sqlite3_column_int64(st, 10) - amount, a, sizeof a), 40);
		fputc('\n', f);
	}
	if (*receipt_str(st, 12) != '\0') {
		receipt_field(f, "备注: ", receipt_str(st, 12), RECEIPT_WIDTH);
		fputc('\n', f);
	}
	if (sqlite3_column_type(st, 13) != SQLITE_NULL) {
		snprintf(line, sizeof line, "作废: %s %s", receipt_str(st, 13),
		    receipt_str(st, 14));
		receipt_col(f, line, RECEIPT_WIDTH, 0);
		fputc('\n', f);
	}
	receipt_field(f, "收银员: ", receipt_str(st, 11), 40);
	fputs("交款人签字:\n", f);
	return WY_OK;
}

int
receipt_text(struct session *s, const char *number, int reprint,
    char **out, struct wy_err *e)
{
	sqlite3_stmt *st;
	FILE *f;
	size_t len;
	int rc;

	*out = NULL;
	if ((rc = auth_require(s, "charge.read", e)) != WY_OK)
		return rc;
	if ((rc = db_prepare(s->db, "SELECT r.id, r.number, r.kind, r.date,"
	    " coalesce(m.code, ''), coalesce(c.name, ''),"
	    " coalesce(k.name_zh, r.method), r.amount, r.prepay_in,"
	    " r.prepay_out, r.tendered, r.cashier, r.note, r.voided_at,"
	    " r.void_reason FROM receipts r LEFT JOIN rooms m"
	    " ON m.id = r.room_id LEFT JOIN clients c ON c.id = r.client_id"
	    " LEFT JOIN categories k ON k.list = 'pay_method'"
	    " AND k.code = r.method WHERE r.number = ?", &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "t", number)) != WY_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return wy_fail(e, WY_ENOTFOUND, _("there is no receipt "
			    "%s"), number);
		return db_fail(s->db, rc, e, "receipts");
	}
	if ((f = open_memstream(out, &len)) == NULL)
		abort();
	rc = receipt_write(s, st, reprint, f, e);
	sqlite3_finalize(st);
	fclose(f);
	if (rc != WY_OK) {
		free(*out);
		*out = NULL;
	} else
		receipt_trim(*out);
	return rc;
}

int
receipt_encode(const char *text, const char *encoding, char **out,
    size_t *len, struct wy_err *e)
{
	iconv_t cd;
	size_t inleft = strlen(text), size = 2 * inleft + 16, outleft;
	char *in = (char *)text, *o;

	*out = NULL;
	*len = 0;
	if (encoding == NULL || strcmp(encoding, "UTF-8") == 0) {
		if ((*out = strdup(text)) == NULL)
			abort();
		*len = inleft;
		return WY_OK;
	}
	if ((cd = iconv_open(encoding, "UTF-8")) == (iconv_t)-1)
		return wy_fail(e, WY_EFAIL, _("print.encoding: cannot convert "
		    "to %s"), encoding);
	if ((*out = malloc(size)) == NULL)
		abort();
	o = *out;
	outleft = size - 1;
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		iconv_close(cd);
		free(*out);
		*out = NULL;
		return wy_fail(e, WY_EINVALID, _("text cannot be written in %s "
		    "at byte %zu"), encoding, (size_t)(in - text));
	}
	iconv_close(cd);
	*o = '\0';
	*len = (size_t)(o - *out);
	return WY_OK;
}

/* Count a print of number; *printed gets the count (0 when it cannot be
 * counted because the period is closed). */
static int
receipt_count(struct session *s, const char *number, int64_t *printed,
    struct wy_err *e)
{
	struct wy_err ign = { 0 };
	int rc;

	*printed = 0;
	rc = db_run(s->db, &ign, "UPDATE receipts SET printed = printed + 1"
	    " WHERE number = ?", "t", number);
	if (rc == WY_EINVALID && strstr(ign.msg, "closed") != NULL)
		return WY_OK;
	if (rc != WY_OK) {
		*e = ign;
		return rc;
	}
	rc = db_int64(s->db, printed, e, "SELECT printed FROM receipts"
	    " WHERE number = ?", "t", number);
	return rc == WY_ENOTFOUND ? wy_fail(e, WY_ENOTFOUND, _("there is no "
	    "receipt %s"), number) : rc;
}

/* Pipe len bytes of data to the print command. */
static int
receipt_pipe(const char *cmd, const char *data, size_t len, struct wy_err *e)
{
	FILE *p;
	int st;

	if (cmd == NULL || *cmd == '\0')
		return wy_fail(e, WY_EINVALID, _("print.command is empty"));
	fflush(NULL);
	if ((p = popen(cmd, "w")) == NULL)
		return wy_fail(e, WY_EFAIL, _("print.command '%s': %s"), cmd,
		    strerror(errno));
	fwrite(data, 1, len, p);
	st = pclose(p);
	if (st != 0)
		return wy_fail(e, WY_EFAIL, _("print.command '%s' failed "
		    "(status %d)"), cmd, st);
	return WY_OK;
}

int
receipt_print(struct session *s, const char *number, struct wy_err *e)
{
	char *text = NULL, *enc = NULL;
	int64_t printed;
	size_t len;
	int rc;

	if ((rc = auth_require(s, "charge.read", e)) != WY_OK)
		return rc;
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	if ((rc = receipt_count(s, number, &printed, e)) == WY_OK &&
	    (rc = receipt_text(s, number, printed != 1, &text, e)) == WY_OK &&
	    (rc = receipt_encode(text, conf_str(s->conf, "print.encoding"),
	    &enc, &len, e)) == WY_OK &&
	    (rc = receipt_pipe(conf_str(s->conf, "print.command"), enc, len,
	    e)) == WY_OK)
		rc = db_commit(s->db, e);
	if (rc != WY_OK)
		db_rollback(s->db);
	free(text);
	free(enc);
	return rc;
}

/* The voids cashier made on date (UTC day of voided_at), whenever the
 * receipts were issued. */
static int
receipt_handover_voids(struct session *s, const char *cashier,
    const char *date, FILE *f, struct wy_err *e)
{
	sqlite3_stmt *st;
	char a[MONEY_BUFSIZE];
	int rc;

	fputs("\nvoided\tissued\tcashier\tamount\treason\n", f);
	if ((rc = db_prepare(s->db, "SELECT number, date, cashier, amount,"
	    " void_reason FROM receipts WHERE voided_by = ?"
	    " AND substr(voided_at, 1, 10) = ? ORDER BY voided_at, id", &st,
	    e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "tt", cashier, date)) != WY_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fprintf(f, "%s\t%s\t%s\t%s\t%s\n", receipt_str(st, 0),
		    receipt_str(st, 1), receipt_str(st, 2),
		    money_format(sqlite3_column_int64(st, 3), a, sizeof a),
		    receipt_str(st, 4));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? WY_OK : db_fail(s->db, rc, e, "receipts");
}

/* Write the hand-over of cashier on date to f. */
static int
receipt_handover_write(struct session *s, const char *cashier,
    const char *date, FILE *f, struct wy_err *e)
{
	sqlite3_stmt *st;
	char a[MONEY_BUFSIZE], line[160];
	int64_t live = 0, voided = 0, nvoid = 0, n = 0, sign;
	int rc;

	snprintf(line, sizeof line, "交班日报  %s  %s", cashier, date);
	receipt_centre(f, conf_str(s->conf, "company.name"));
	receipt_centre(f, line);
	fputs("number\tkind\troom\tmethod\tamount\tstate\n", f);
	if ((rc = db_prepare(s->db, "SELECT r.number, r.kind,"
	    " coalesce(m.code, ''), r.method, r.amount, r.voided_at IS NOT NULL"
	    " FROM receipts r LEFT JOIN rooms m ON m.id = r.room_id"
	    " WHERE r.cashier = ? AND r.date = ? ORDER BY r.id", &st,
	    e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "tt", cashier, date)) != WY_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sign = strcmp(receipt_str(st, 1), "deposit_refund") == 0 ||
		    strcmp(receipt_str(st, 1), "refund") == 0 ? -1 : 1;
		fprintf(f, "%s\t%s\t%s\t%s\t%s\t%s\n", receipt_str(st, 0),
		    receipt_str(st, 1), receipt_str(st, 2), receipt_str(st, 3),
		    money_format(sign * sqlite3_column_int64(st, 4), a,
		    sizeof a), sqlite3_column_int(st, 5) ? "void" : "live");
		n++;
		if (sqlite3_column_int(st, 5)) {
			nvoid++;
			voided += sign * sqlite3_column_int64(st, 4);
		} else
			live += sign * sqlite3_column_int64(st, 4);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s->db, rc, e, "receipts");
	fputs("\nmethod\treceipts\ttotal\n", f);
	if ((rc = db_prepare(s->db, "SELECT method, count(*), sum(CASE WHEN"
	    " kind IN ('deposit_refund', 'refund') THEN -amount ELSE amount"
	    " END) FROM receipts WHERE cashier = ? AND date = ?"
	    " AND voided_at IS NULL GROUP BY method ORDER BY method", &st,
	    e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "tt", cashier, date)) != WY_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fprintf(f, "%s\t%lld\t%s\n", receipt_str(st, 0),
		    (long long)sqlite3_column_int64(st, 1),
		    money_format(sqlite3_column_int64(st, 2), a, sizeof a));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s->db, rc, e, "receipts");
	fprintf(f, "total\t%lld\t%s\n", (long long)(n - nvoid),
	    money_format(live, a, sizeof a));
	fprintf(f, "void\t%lld\t%s\n", (long long)nvoid,
	    money_format(voided, a, sizeof a));
	return receipt_handover_voids(s, cashier, date, f, e);
}

int
receipt_handover(struct session *s, const char *cashier, const char *date,
    char **out, struct wy_err *e)
{
	char d[DATE_BUFSIZE];
	int32_t day;
	size_t len;
	FILE *f;
	int rc;

	*out = NULL;
	if ((rc = auth_require(s, "charge.read", e)) != WY_OK)
		return rc;
	if (date == NULL)
		day = date_today();
	else if ((rc = date_parse(date, &day, e)) != WY_OK)
		return rc;
	date_format(day, d);
	if ((f = open_memstream(out, &len)) == NULL)
		abort();
	rc = receipt_handover_write(s, cashier != NULL ? cashier : s->user, d,
	    f, e);
	fclose(f);
	if (rc != WY_OK) {
		free(*out);
		*out = NULL;
	} else
		receipt_trim(*out);
	return rc;
}
