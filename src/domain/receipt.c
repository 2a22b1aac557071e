/* wuye: receipt text, printing and the daily hand-over (see receipt.h).
 *
 * A receipt is read into its values (struct receipt_values: every field
 * as text, "" for what it lacks, so a template's {if} shows only what is
 * there), then laid out by the template or placed on the pre-printed
 * form (receipt_tpl.c, receipt_form.c).  The hand-over is laid out here,
 * by display width with utf8_fit().
 */
#include "wuye/receipt.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/auth.h"
#include "wuye/conf.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/embed.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/money.h"
#include "wuye/print.h"
#include "wuye/receipt_int.h"
#include "wuye/receipt_tpl.h"
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

/* Column i of st as text, "" for NULL. */
static const char *
receipt_str(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t != NULL ? (const char *)t : "";
}

/* A receipt's values, owned (see receipt_tpl.h for what each holds). */
struct receipt_doc {
	struct receipt_values v;
	char *field[RF_COUNT];
	char **lines;		/* nlines * RL_COUNT */
	size_t nlines;
};

/* Free what d owns. */
static void
receipt_doc_free(struct receipt_doc *d)
{
	size_t i;

	for (i = 0; i < RF_COUNT; i++)
		free(d->field[i]);
	for (i = 0; i < d->nlines * RL_COUNT; i++)
		free(d->lines[i]);
	free(d->lines);
	memset(d, 0, sizeof *d);
}

/* Set field i of d to money text of fen. */
static void
receipt_money(struct receipt_doc *d, int i, int64_t fen)
{
	char a[MONEY_BUFSIZE];

	free(d->field[i]);
	d->field[i] = xstrdup(money_format(fen, a, sizeof a));
}

/* Read the item lines of receipt id (allocations, or the deposit). */
static int
receipt_lines(struct db *db, int64_t id, struct receipt_doc *d,
    struct wy_err *e)
{
	sqlite3_stmt *st;
	char q[32], p[32], l[MONEY_BUFSIZE], a[MONEY_BUFSIZE];
	char **row;
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
		d->lines = xrealloc(d->lines, (d->nlines + 1) * RL_COUNT *
		    sizeof *d->lines);
		row = d->lines + d->nlines++ * RL_COUNT;
		row[RL_ITEM] = xstrdup(receipt_str(st, 0));
		row[RL_PERIOD] = xstrdup(receipt_str(st, 1));
		row[RL_QUANTITY] = xstrdup(q);
		row[RL_UNIT_PRICE] = xstrdup(p);
		row[RL_LATE_FEE] = xstrdup(money_format(
		    sqlite3_column_int64(st, 4), l, sizeof l));
		row[RL_AMOUNT] = xstrdup(money_format(
		    sqlite3_column_int64(st, 5), a, sizeof a));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? WY_OK : db_fail(db, rc, e, "allocations");
}

/* Fill d from the receipt whose row is st (see receipt_load's query). */
static int
receipt_fill(struct session *s, sqlite3_stmt *st, int reprint,
    struct receipt_doc *d, struct wy_err *e)
{
	char caps[MONEY_CAPS_BUFSIZE], mark[64];
	int64_t amount = sqlite3_column_int64(st, 7);
	const char *kind = receipt_str(st, 2), *title;
	int voided = sqlite3_column_type(st, 13) != SQLITE_NULL, rc, i;

	title = strcmp(kind, "deposit") == 0 ? "押金收据" :
	    strcmp(kind, "deposit_refund") == 0 ? "押金退款单" :
	    strcmp(kind, "refund") == 0 ? "退款单" : "收据";
	snprintf(mark, sizeof mark, "%s%s%s", reprint ? "(重打)" : "",
	    reprint && voided ? "  " : "", voided ? "[作废]" : "");
	d->field[RF_COMPANY] = xstrdup(conf_str(s->conf, "company.name"));
	d->field[RF_TITLE] = xstrdup(title);
	d->field[RF_MARK] = xstrdup(mark);
	d->field[RF_HEADING] = xasprintf("%s%s%s", title, *mark ? "  " : "",
	    mark);
	d->field[RF_NUMBER] = xstrdup(receipt_str(st, 1));
	d->field[RF_DATE] = xstrdup(receipt_str(st, 3));
	d->field[RF_ROOM] = xstrdup(receipt_str(st, 4));
	d->field[RF_PAYER] = xstrdup(receipt_str(st, 5));
	d->field[RF_METHOD] = xstrdup(receipt_str(st, 6));
	d->field[RF_CASHIER] = xstrdup(receipt_str(st, 11));
	receipt_money(d, RF_TOTAL, amount);
	if ((rc = money_capitals(amount, caps, sizeof caps, e)) != WY_OK)
		return rc;
	d->field[RF_TOTAL_WORDS] = xstrdup(caps);
	if (sqlite3_column_int64(st, 8) > 0)
		receipt_money(d, RF_PREPAID_IN, sqlite3_column_int64(st, 8));
	if (sqlite3_column_int64(st, 9) > 0)
		receipt_money(d, RF_PREPAID_DRAWN, sqlite3_column_int64(st, 9));
	if (sqlite3_column_type(st, 10) != SQLITE_NULL) {
		receipt_money(d, RF_TENDERED, sqlite3_column_int64(st, 10));
		receipt_money(d, RF_CHANGE, sqlite3_column_int64(st, 10) -
		    amount);
	}
	d->field[RF_NOTE] = xstrdup(receipt_str(st, 12));
	d->field[RF_VOIDED_AT] = xstrdup(receipt_str(st, 13));
	d->field[RF_VOID_REASON] = xstrdup(receipt_str(st, 14));
	for (i = 0; i < RF_COUNT; i++) {
		if (d->field[i] == NULL)
			d->field[i] = xstrdup("");
		d->v.field[i] = d->field[i];
	}
	if ((rc = receipt_lines(s->db, sqlite3_column_int64(st, 0), d, e)) !=
	    WY_OK)
		return rc;
	d->v.nlines = d->nlines;
	d->v.lines = (const char *const *)d->lines;
	return WY_OK;
}

/* Read receipt number into d (charge.read). */
static int
receipt_load(struct session *s, const char *number, int reprint,
    struct receipt_doc *d, struct wy_err *e)
{
	sqlite3_stmt *st;
	int rc;

	memset(d, 0, sizeof *d);
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
	rc = receipt_fill(s, st, reprint, d, e);
	sqlite3_finalize(st);
	if (rc != WY_OK)
		receipt_doc_free(d);
	return rc;
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

int
receipt_data_file(const struct conf *c, const char *option, const char *rel,
    char **name, char **text, size_t *len, struct wy_err *e)
{
	const char *given = conf_str(c, option);
	int rc;

	rc = embed_data(given, conf_str(c, "paths.data"), rel, name, text, len,
	    NULL, e);
	return rc != WY_OK && *given != '\0' ? wy_prefix(e, "%s", option) : rc;
}

int
receipt_text(struct session *s, const char *number, int reprint,
    char **out, struct wy_err *e)
{
	struct receipt_tpl *t = NULL;
	struct receipt_doc d;
	char *name, *src;
	size_t len;
	int rc;

	*out = NULL;
	if ((rc = receipt_load(s, number, reprint, &d, e)) != WY_OK)
		return rc;
	if ((rc = receipt_data_file(s->conf, "receipt.template",
	    "templates/receipt.txt", &name, &src, &len, e)) == WY_OK) {
		if ((rc = receipt_tpl_parse(name, src, &t, e)) == WY_OK)
			rc = receipt_tpl_render(t, &d.v, out, e);
		receipt_tpl_free(&t);
		free(name);
		free(src);
	}
	receipt_doc_free(&d);
	if (rc == WY_OK)
		receipt_trim(*out);
	return rc;
}

int
receipt_form_text(struct session *s, const char *number, int reprint,
    char **out, struct wy_err *e)
{
	struct receipt_form *f = NULL;
	struct receipt_doc d;
	int lines, cols, rc;

	*out = NULL;
	if ((rc = receipt_load(s, number, reprint, &d, e)) != WY_OK)
		return rc;
	if ((rc = receipt_offsets(s, NULL, &lines, &cols, e)) == WY_OK &&
	    (rc = receipt_layout(s->conf, &f, e)) == WY_OK)
		*out = receipt_form_render(f, &d.v, lines, cols);
	receipt_form_free(&f);
	receipt_doc_free(&d);
	return rc;
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

int
receipt_print(struct session *s, const char *number, struct wy_err *e)
{
	return receipt_print_said(s, number, NULL, e);
}

int
receipt_print_said(struct session *s, const char *number, char **said,
    struct wy_err *e)
{
	char *text = NULL;
	int64_t printed;
	int rc;

	if ((rc = auth_require(s, "charge.read", e)) != WY_OK)
		return rc;
	/* Count the print to learn whether it is a reprint and make the
	 * text, then roll back: the print command may take up to
	 * print.timeout seconds, and other users' writes must not wait on
	 * it.  The print is counted once it has succeeded. */
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	if ((rc = receipt_count(s, number, &printed, e)) == WY_OK)
		rc = (conf_bool(s->conf, "receipt.preprinted") ?
		    receipt_form_text : receipt_text)(s, number, printed != 1,
		    &text, e);
	db_rollback(s->db);
	if (said != NULL)
		*said = NULL;
	if (rc == WY_OK)
		rc = print_text_said(s->conf, text, said, e);
	free(text);
	if (rc != WY_OK || (rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	if ((rc = receipt_count(s, number, &printed, e)) == WY_OK)
		return db_commit(s->db, e);
	db_rollback(s->db);
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

/* The live receipts of the hand-over by kind, which add up to its total
 * too, and beside them the prepayment kept and drawn (no money moved at
 * the desk for a draw). */
static int
receipt_handover_kinds(struct session *s, const char *cashier,
    const char *date, FILE *f, struct wy_err *e)
{
	static const char *const kinds[] = { "payment", "deposit",
	    "deposit_refund", "refund" };
	int64_t n[4] = { 0 }, sum[4] = { 0 }, pin = 0, pout = 0;
	sqlite3_stmt *st;
	char a[MONEY_BUFSIZE];
	size_t i;
	int rc;

	if ((rc = db_prepare(s->db, "SELECT kind, count(*), sum(amount),"
	    " sum(prepay_in), sum(prepay_out) FROM receipts WHERE cashier = ?"
	    " AND date = ? AND voided_at IS NULL GROUP BY kind", &st,
	    e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "tt", cashier, date)) != WY_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (i = 0; i < 4; i++)
			if (strcmp(receipt_str(st, 0), kinds[i]) == 0) {
				n[i] = sqlite3_column_int64(st, 1);
				sum[i] = sqlite3_column_int64(st, 2) * (i >= 2 ? -1 : 1);
				pin += sqlite3_column_int64(st, 3);
				pout += sqlite3_column_int64(st, 4);
			}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s->db, rc, e, "receipts");
	fputs("\nkind\treceipts\ttotal\n", f);
	for (i = 0; i < 4; i++)
		fprintf(f, "%s\t%lld\t%s\n", kinds[i], (long long)n[i],
		    money_format(sum[i], a, sizeof a));
	fprintf(f, "kept_as_prepayment\t\t%s\n", money_format(pin, a, sizeof a));
	fprintf(f, "drawn_from_prepayment\t\t%s\n", money_format(pout, a,
	    sizeof a));
	return WY_OK;
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
	if ((rc = receipt_handover_kinds(s, cashier, date, f, e)) != WY_OK)
		return rc;
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
