/* wuye: the text of charge and collection notices, printing them, and
 * their table form (see notice.h).
 *
 * Every line is built in a buffer column by column with utf8_fit(), so
 * each column has a fixed display width whatever the script, and written
 * without trailing blanks.  Tables are 80 columns:
 *	the period's bills: item 18, quantity 11, unit price 11, amount 12,
 *	    paid or waived 11, unpaid 12;
 *	earlier arrears: period 8, items 40, unpaid 14, late fees 14;
 *	collection: period 8, item 20, due date 10, days 8, unpaid 14,
 *	    late fees 14;
 * one space between columns.  The words printed are Chinese, as on the
 * receipts, whatever the language of the program.
 */
#include "wuye/notice.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wuye/conf.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/money.h"
#include "wuye/print.h"
#include "wuye/receipt.h"
#include "wuye/utf8.h"

#define NOTICE_LINEBUF (4 * NOTICE_WIDTH + 64)

/* A line being built. */
struct notice_line {
	char buf[NOTICE_LINEBUF];
	size_t len;
	int cols;		/* display columns so far */
};

/* Append s fitted to w columns (right-aligned when right). */
static void
line_col(struct notice_line *l, const char *s, int w, int right)
{
	char fit[NOTICE_LINEBUF];
	size_t n;

	if (w <= 0 || l->cols + w > NOTICE_WIDTH)
		w = NOTICE_WIDTH - l->cols;
	if (w <= 0)
		return;
	utf8_fit(s, w, right, fit, sizeof fit);
	n = strlen(fit);
	if (l->len + n >= sizeof l->buf)
		return;
	memcpy(l->buf + l->len, fit, n + 1);
	l->len += n;
	l->cols += w;
}

/* Append one blank column. */
static void
line_gap(struct notice_line *l)
{
	line_col(l, "", 1, 0);
}

/* Write the line without its trailing blanks, and start a new one. */
static void
line_end(struct notice_line *l, FILE *f)
{
	while (l->len > 0 && l->buf[l->len - 1] == ' ')
		l->len--;
	fwrite(l->buf, 1, l->len, f);
	fputc('\n', f);
	l->len = 0;
	l->cols = 0;
	l->buf[0] = '\0';
}

/* A whole line of text (cut at the width). */
static void
line_text(FILE *f, const char *s)
{
	struct notice_line l = { .len = 0 };
	int w = utf8_width(s);

	line_col(&l, s, w < NOTICE_WIDTH ? w : NOTICE_WIDTH, 0);
	line_end(&l, f);
}

/* s centred in the width (nothing for ""). */
static void
line_centre(FILE *f, const char *s)
{
	struct notice_line l = { .len = 0 };
	int w = utf8_width(s);

	if (*s == '\0')
		return;
	if (w > NOTICE_WIDTH)
		w = NOTICE_WIDTH;
	line_col(&l, "", (NOTICE_WIDTH - w) / 2, 0);
	line_col(&l, s, w, 0);
	line_end(&l, f);
}

/* A rule across the width. */
static void
line_rule(FILE *f)
{
	char rule[NOTICE_WIDTH + 1];

	memset(rule, '-', NOTICE_WIDTH);
	rule[NOTICE_WIDTH] = '\0';
	fprintf(f, "%s\n", rule);
}

/* Two "label value" halves of 40 columns on one line. */
static void
line_pair(FILE *f, const char *l1, const char *v1, const char *l2,
    const char *v2)
{
	struct notice_line l = { .len = 0 };
	char left[NOTICE_LINEBUF];
	const int half = NOTICE_WIDTH / 2;

	snprintf(left, sizeof left, "%s%s", l1, v1);
	line_col(&l, left, half, 0);
	if (l2 != NULL) {
		snprintf(left, sizeof left, "%s%s", l2, v2);
		line_col(&l, left, half, 0);
	}
	line_end(&l, f);
}

/* A money amount as text in buf (MONEY_BUFSIZE). */
static const char *
yuan(int64_t fen, char *buf)
{
	return money_format(fen, buf, MONEY_BUFSIZE);
}

/* The lines every notice starts with: company, title, room and payer. */
static void
notice_head(struct session *s, const struct notice *n, const char *title,
    const char *due_label, FILE *f)
{
	char room[NOTICE_LINEBUF];

	line_centre(f, conf_str(s->conf, "company.name"));
	line_centre(f, title);
	snprintf(room, sizeof room, "%s  %s", n->room, n->place);
	line_pair(f, "房间: ", room, "业主: ", n->client);
	line_pair(f, "通知日期: ", n->date, due_label, n->due);
	line_rule(f);
}

/* The figures, the total in capitals and how to pay. */
static void
notice_foot(struct session *s, const struct notice *n, FILE *f)
{
	char a[MONEY_BUFSIZE], b[MONEY_BUFSIZE], caps[MONEY_CAPS_BUFSIZE];
	char late[64], contact[NOTICE_LINEBUF];

	snprintf(late, sizeof late, "滞纳金(截至%s): ", n->date);
	if (n->kind == NOTICE_CHARGE) {
		line_pair(f, "本期未缴: ", yuan(n->current, a), "往期欠费: ",
		    yuan(n->carried, b));
		line_pair(f, late, yuan(n->late_fee, a), "预存余额: ",
		    yuan(n->prepay, b));
		line_pair(f, "应缴合计: ", yuan(n->total, a), NULL, NULL);
	} else {
		line_pair(f, "欠费合计: ", yuan(n->carried, a), late,
		    yuan(n->late_fee, b));
		line_pair(f, "预存余额: ", yuan(n->prepay, a), "应缴合计: ",
		    yuan(n->total, b));
	}
	if (money_capitals(n->total, caps, sizeof caps, NULL) == WY_OK) {
		snprintf(contact, sizeof contact, "大写: 人民币%s", caps);
		line_text(f, contact);
	}
	line_rule(f);
	if (n->kind == NOTICE_COLLECTION)
		line_text(f, "逾期仍未缴纳的，本公司将依据物业服务合同继续催缴，"
		    "并按规定计收滞纳金。");
	line_text(f, "缴费方式: 请到物业服务中心收费处缴纳，可用现金、刷卡、"
	    "微信、支付宝或转账；");
	line_text(f, "已办理银行代扣的，将从约定账户划款。逾期按规定计收滞纳金。");
	if (*n->estate_phone != '\0' || *n->estate_address != '\0') {
		snprintf(contact, sizeof contact, "%s%s%s%s",
		    *n->estate_phone != '\0' ? "联系电话: " : "",
		    n->estate_phone, *n->estate_address != '\0' ?
		    (*n->estate_phone != '\0' ? "  地址: " : "地址: ") : "",
		    n->estate_address);
		line_text(f, contact);
	}
}

/* The period's bills of a charge notice. */
static void
charge_current(const struct notice *n, FILE *f)
{
	static const char *const hdr[] = { "收费项目", "数量", "单价", "金额",
	    "已缴/减免", "未缴" };
	static const int w[] = { 18, 11, 11, 12, 11, 12 };
	struct notice_line l = { .len = 0 };
	char q[32], p[32], a[MONEY_BUFSIZE], t[64];
	const struct notice_bill *b;
	size_t i, k;

	snprintf(t, sizeof t, "本期费用 (%s)", n->period);
	line_text(f, t);
	for (k = 0; k < 6; k++) {
		if (k > 0)
			line_gap(&l);
		line_col(&l, hdr[k], w[k], k > 0);
	}
	line_end(&l, f);
	for (i = 0; i < n->ncurrent; i++) {
		b = &n->bills[i];
		line_col(&l, b->item, w[0], 0);
		line_gap(&l);
		line_col(&l, fixed_format(b->quantity, 3, q, sizeof q), w[1], 1);
		line_gap(&l);
		line_col(&l, fixed_format(b->unit_price, 4, p, sizeof p), w[2],
		    1);
		line_gap(&l);
		line_col(&l, yuan(b->amount, a), w[3], 1);
		line_gap(&l);
		line_col(&l, yuan(b->settled, a), w[4], 1);
		line_gap(&l);
		line_col(&l, yuan(b->outstanding, a), w[5], 1);
		line_end(&l, f);
	}
	if (n->ncurrent == 0)
		line_text(f, "本期没有费用。");
	line_rule(f);
}

/* The earlier periods still owing, one line per period. */
static void
charge_carried(const struct notice *n, FILE *f)
{
	static const char *const hdr[] = { "期间", "收费项目", "欠费金额",
	    "滞纳金" };
	static const int w[] = { 8, 40, 14, 14 };
	struct notice_line l = { .len = 0 };
	char items[NOTICE_LINEBUF], a[MONEY_BUFSIZE];
	int64_t owed, late;
	size_t i, j, k, lines = 0;

	line_text(f, "往期欠费");
	for (k = 0; k < 4; k++) {
		if (k > 0)
			line_gap(&l);
		line_col(&l, hdr[k], w[k], k > 1);
	}
	line_end(&l, f);
	for (i = n->ncurrent; i < n->nbills; i = j) {
		owed = late = 0;
		*items = '\0';
		for (j = i; j < n->nbills && strcmp(n->bills[j].period,
		    n->bills[i].period) == 0; j++) {
			owed += n->bills[j].outstanding;
			late += n->bills[j].late_fee;
			if (strlen(items) + strlen(n->bills[j].item) + 4 <
			    sizeof items)
				snprintf(items + strlen(items), sizeof items -
				    strlen(items), "%s%s", j > i ? "、" : "",
				    n->bills[j].item);
		}
		line_col(&l, n->bills[i].period, w[0], 0);
		line_gap(&l);
		line_col(&l, items, w[1], 0);
		line_gap(&l);
		line_col(&l, yuan(owed, a), w[2], 1);
		line_gap(&l);
		line_col(&l, yuan(late, a), w[3], 1);
		line_end(&l, f);
		lines++;
	}
	if (lines == 0)
		line_text(f, "无。");
	line_rule(f);
}

/* The bills in arrears of a collection notice. */
static void
collection_bills(const struct notice *n, FILE *f)
{
	static const char *const hdr[] = { "期间", "收费项目", "到期日",
	    "逾期天数", "欠费金额", "滞纳金" };
	static const int w[] = { 8, 20, 10, 8, 14, 14 };
	struct notice_line l = { .len = 0 };
	char a[MONEY_BUFSIZE], t[NOTICE_LINEBUF];
	const struct notice_bill *b;
	size_t i, k;

	line_text(f, "尊敬的业主/住户:");
	snprintf(t, sizeof t, "    截至%s，贵户下列费用已逾期未缴，请于%s前缴清。",
	    n->date, n->due);
	line_text(f, t);
	for (k = 0; k < 6; k++) {
		if (k > 0)
			line_gap(&l);
		line_col(&l, hdr[k], w[k], k > 2);
	}
	line_end(&l, f);
	for (i = 0; i < n->nbills; i++) {
		b = &n->bills[i];
		line_col(&l, b->period, w[0], 0);
		line_gap(&l);
		line_col(&l, b->item, w[1], 0);
		line_gap(&l);
		line_col(&l, b->due_date, w[2], 0);
		line_gap(&l);
		snprintf(t, sizeof t, "%d", b->days);
		line_col(&l, t, w[3], 1);
		line_gap(&l);
		line_col(&l, yuan(b->outstanding, a), w[4], 1);
		line_gap(&l);
		line_col(&l, yuan(b->late_fee, a), w[5], 1);
		line_end(&l, f);
	}
	line_rule(f);
}

void
notice_write(struct session *s, const struct notice *n, FILE *f)
{
	char t[64];

	if (n->kind == NOTICE_CHARGE) {
		snprintf(t, sizeof t, "收费通知单  %s", n->period);
		notice_head(s, n, t, "缴费期限: ", f);
		charge_current(n, f);
		charge_carried(n, f);
	} else {
		notice_head(s, n, "催缴通知单", "缴清期限: ", f);
		collection_bills(n, f);
	}
	notice_foot(s, n, f);
}

/* Where notice_text_one writes. */
struct notice_out {
	struct session *s;
	FILE *f;
};

/* Write one notice, after a form feed unless it is the first. */
static int
notice_text_one(void *arg, const struct notice *n)
{
	struct notice_out *o = arg;

	if (n->index > 0)
		fputc('\f', o->f);
	notice_write(o->s, n, o->f);
	return 0;
}

int
notice_text(struct session *s, const struct notice_opts *o, char **out,
    size_t *count, struct wy_err *e)
{
	struct notice_out no = { .s = s };
	size_t len;
	int rc;

	*out = NULL;
	if ((no.f = open_memstream(out, &len)) == NULL)
		abort();
	rc = notice_each(s, o, notice_text_one, &no, count, e);
	fclose(no.f);
	if (rc != WY_OK) {
		free(*out);
		*out = NULL;
	}
	return rc;
}

int
notice_print(struct session *s, const struct notice_opts *o, size_t *count,
    struct wy_err *e)
{
	char *text = NULL;
	size_t n = 0;
	int rc;

	if (count != NULL)
		*count = 0;
	if ((rc = notice_text(s, o, &text, &n, e)) == WY_OK && n > 0)
		rc = print_text(s->conf, text, e);
	if (rc == WY_OK && count != NULL)
		*count = n;
	free(text);
	return rc;
}

int
notice_save_text(struct session *s, const struct notice_opts *o,
    const char *path, size_t *count, struct wy_err *e)
{
	char *text = NULL, *tmp;
	size_t n = 0;
	FILE *f;
	int rc, fd;

	if (count != NULL)
		*count = 0;
	if ((rc = notice_text(s, o, &text, &n, e)) != WY_OK)
		return rc;
	tmp = xasprintf("%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0 || (f = fdopen(fd, "w")) == NULL) {
		rc = wy_fail(e, WY_EFAIL, _("%s: cannot write: %s"), path,
		    strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		goto out;
	}
	fputs(text, f);
	if (ferror(f) | (fclose(f) != 0) || rename(tmp, path) != 0) {
		rc = wy_fail(e, WY_EFAIL, _("%s: cannot write: %s"), path,
		    strerror(errno));
		unlink(tmp);
	} else if (count != NULL)
		*count = n;
out:
	free(tmp);
	free(text);
	return rc;
}

static const struct sink_col charge_cols[] = {
	{ .title = "room", .kind = SINK_COL_TEXT, .width = 10 },
	{ .title = "client", .kind = SINK_COL_TEXT, .width = 12 },
	{ .title = "phone", .kind = SINK_COL_TEXT, .width = 11 },
	{ .title = "period", .kind = SINK_COL_TEXT, .width = 7 },
	{ .title = "periods", .kind = SINK_COL_TEXT, .width = 16 },
	{ .title = "bills", .kind = SINK_COL_INT, .width = 5,
	  .total = SINK_TOTAL_SUM },
	{ .title = "current", .kind = SINK_COL_MONEY, .width = 12,
	  .total = SINK_TOTAL_SUM },
	{ .title = "carried", .kind = SINK_COL_MONEY, .width = 12,
	  .total = SINK_TOTAL_SUM },
	{ .title = "late_fee", .kind = SINK_COL_MONEY, .width = 10,
	  .total = SINK_TOTAL_SUM },
	{ .title = "prepay", .kind = SINK_COL_MONEY, .width = 10,
	  .total = SINK_TOTAL_SUM },
	{ .title = "total", .kind = SINK_COL_MONEY, .width = 12,
	  .total = SINK_TOTAL_SUM },
	{ .title = "due", .kind = SINK_COL_DATE, .width = 10 },
};

static const struct sink_col collection_cols[] = {
	{ .title = "room", .kind = SINK_COL_TEXT, .width = 10 },
	{ .title = "client", .kind = SINK_COL_TEXT, .width = 12 },
	{ .title = "phone", .kind = SINK_COL_TEXT, .width = 11 },
	{ .title = "periods", .kind = SINK_COL_TEXT, .width = 16 },
	{ .title = "bills", .kind = SINK_COL_INT, .width = 5,
	  .total = SINK_TOTAL_SUM },
	{ .title = "outstanding", .kind = SINK_COL_MONEY, .width = 12,
	  .total = SINK_TOTAL_SUM },
	{ .title = "late_fee", .kind = SINK_COL_MONEY, .width = 10,
	  .total = SINK_TOTAL_SUM },
	{ .title = "prepay", .kind = SINK_COL_MONEY, .width = 10,
	  .total = SINK_TOTAL_SUM },
	{ .title = "total", .kind = SINK_COL_MONEY, .width = 12,
	  .total = SINK_TOTAL_SUM },
	{ .title = "oldest_due", .kind = SINK_COL_DATE, .width = 10 },
	{ .title = "days", .kind = SINK_COL_INT, .width = 5 },
	{ .title = "pay_by", .kind = SINK_COL_DATE, .width = 10 },
};

const struct sink_col *
notice_columns(enum notice_kind kind, size_t *n)
{
	if (kind == NOTICE_CHARGE) {
		*n = sizeof charge_cols / sizeof charge_cols[0];
		return charge_cols;
	}
	*n = sizeof collection_cols / sizeof collection_cols[0];
	return collection_cols;
}

void
notice_cells(const struct notice *n, struct sink_cell *c)
{
	size_t i = 0;

	c[i++] = (struct sink_cell){ .s = n->room };
	c[i++] = (struct sink_cell){ .s = n->client };
	c[i++] = (struct sink_cell){ .s = n->phone };
	if (n->kind == NOTICE_CHARGE)
		c[i++] = (struct sink_cell){ .s = n->period };
	c[i++] = (struct sink_cell){ .s = n->periods };
	c[i++] = (struct sink_cell){ .i = (int64_t)n->nbills };
	if (n->kind == NOTICE_CHARGE) {
		c[i++] = (struct sink_cell){ .i = n->current };
		c[i++] = (struct sink_cell){ .i = n->carried };
	} else
		c[i++] = (struct sink_cell){ .i = n->carried };
	c[i++] = (struct sink_cell){ .i = n->late_fee };
	c[i++] = (struct sink_cell){ .i = n->prepay };
	c[i++] = (struct sink_cell){ .i = n->total };
	if (n->kind == NOTICE_CHARGE)
		c[i++] = (struct sink_cell){ .s = n->due };
	else {
		c[i++] = (struct sink_cell){ .s = n->oldest_due };
		c[i++] = (struct sink_cell){ .i = n->oldest_days };
		c[i++] = (struct sink_cell){ .s = n->due };
	}
}
