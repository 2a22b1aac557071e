/* wuye: bank debit files out and the bank's results in (see bank.h).
 *
 * The import reads the whole file, checks every line against the lines
 * kept at export and the bills as they stand, and only then opens one
 * transaction for all its payments (cashier_pay_intx), so a file is
 * registered completely or not at all.
 */
#include "wuye/bank.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/audit.h"
#include "wuye/auth.h"
#include "wuye/cashier.h"
#include "wuye/cashier_int.h"
#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/money.h"

/* Copy column i of st into buf. */
static void
bank_text(sqlite3_stmt *st, int i, char *buf, size_t size)
{
	const char *t = (const char *)sqlite3_column_text(st, i);

	snprintf(buf, size, "%s", t != NULL ? t : "");
}

/* What room_id owes on date: bills of period or before (period NULL: all)
 * with their late fees. */
static int
bank_owed(struct session *s, int64_t room_id, const char *period,
    const char *date, int64_t *owed, struct wy_err *e)
{
	struct cashier_bill *v;
	size_t n, i;
	int rc;

	*owed = 0;
	if ((rc = cashier_unpaid(s, room_id, 0, date, &v, &n, e)) != WY_OK)
		return rc;
	for (i = 0; i < n; i++)
		if (period == NULL || strcmp(v[i].period, period) <= 0)
			*owed += v[i].outstanding + v[i].late_fee;
	free(v);
	return WY_OK;
}

#define BANK_ROOMS_SQL							\
	"SELECT r.id, r.code, c.id, c.code, c.name, c.bank, c.bank_account" \
	" FROM rooms r JOIN occupancy o ON o.room_id = r.id AND o.payer = 1" \
	" AND o.start_date <= ?2 AND (o.end_date IS NULL OR o.end_date > ?2)" \
	" JOIN clients c ON c.id = o.client_id WHERE c.bank_debit = 1"	\
	" AND EXISTS (SELECT 1 FROM bills b WHERE b.room_id = r.id"	\
	" AND b.period <= ?1 AND b.amount > b.paid + b.waived)"		\
	" AND NOT EXISTS (SELECT 1 FROM bank_debits d WHERE d.ref = ?1"	\
	" || '-' || r.code AND d.receipt_id IS NOT NULL)"		\
	" GROUP BY r.id ORDER BY r.code"

/* The body of bank_export, inside the transaction. */
static int
bank_export_tx(struct session *s, const char *period, const char *date,
    int (*fn)(void *, const struct bank_line *, struct wy_err *), void *arg,
    size_t *n, int64_t *total, struct wy_err *e)
{
	struct bank_line l;
	sqlite3_stmt *st;
	char now[TIMESTAMP_BUFSIZE];
	int64_t room, client;
	int rc;

	timestamp_now(now);
	if ((rc = db_prepare(s->db, BANK_ROOMS_SQL, &st, e)) != WY_OK)
		return rc;
	if ((rc = db_bind(s->db, st, e, "tt", period, date)) != WY_OK)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&l, 0, sizeof l);
		room = sqlite3_column_int64(st, 0);
		bank_text(st, 1, l.room, sizeof l.room);
		client = sqlite3_column_int64(st, 2);
		bank_text(st, 3, l.client, sizeof l.client);
		bank_text(st, 4, l.name, sizeof l.name);
		bank_text(st, 5, l.bank, sizeof l.bank);
		bank_text(st, 6, l.account, sizeof l.account);
		snprintf(l.ref, sizeof l.ref, "%s-%s", period, l.room);
		if (l.account[0] == '\0') {
			rc = wy_fail(e, WY_EINVALID, _("client %s (%s) pays by "
			    "bank debit but has no bank account"), l.client,
			    l.name);
			goto out;
		}
		if ((rc = bank_owed(s, room, period, date, &l.amount, e)) !=
		    WY_OK)
			goto out;
		if (l.amount <= 0)
			continue;
		if ((rc = db_run(s->db, e, "INSERT INTO bank_debits (ref, period,"
		    " room_id, client_id, amount, exported_at, exported_by)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (ref) DO"
		    " UPDATE SET client_id = ?4, amount = ?5, exported_at = ?6,"
		    " exported_by = ?7, version = version + 1", "ttIIItt",
		    l.ref, period, room, client, l.amount, now, s->user)) !=
		    WY_OK)
			goto out;
		if ((rc = fn(arg, &l, e)) != WY_OK)
			goto out;
		if (n != NULL)
			(*n)++;
		if (total != NULL)
			*total += l.amount;
	}
	rc = rc == SQLITE_DONE ? WY_OK : db_fail(s->db, rc, e, "rooms");
out:
	sqlite3_finalize(st);
	return rc;
}

/* Write the debit lines of a period (see bank.h). */
int
bank_export(struct session *s, const char *period, const char *date,
    int (*fn)(void *arg, const struct bank_line *l, struct wy_err *e),
    void *arg, size_t *n, int64_t *total, struct wy_err *e)
{
	char d[DATE_BUFSIZE], p[PERIOD_BUFSIZE], detail[128];
	size_t mine_n = 0;
	int64_t mine_total = 0;
	int32_t day;
	int per, rc;

	if (n == NULL)
		n = &mine_n;
	if (total == NULL)
		total = &mine_total;
	*n = 0;
	*total = 0;
	if ((rc = auth_require(s, "charge.pay", e)) != WY_OK)
		return rc;
	if (period == NULL || period_parse(period, &per, e) != WY_OK)
		return period == NULL ? wy_fail(e, WY_EINVALID,
		    _("a bank debit file needs a period")) : wy_prefix(e,
		    _("period"));
	period_format(per, p);
	if (date == NULL)
		day = date_today();
	else if (date_parse(date, &day, e) != WY_OK)
		return wy_prefix(e, _("date"));
	date_format(day, d);
	if ((rc = db_begin(s->db, e)) != WY_OK)
		return rc;
	snprintf(detail, sizeof detail, "%s", p);
	if ((rc = bank_export_tx(s, p, d, fn, arg, n, total, e)) != WY_OK ||
	    (rc = audit_append(s, "bank.export", "bank_debits", 0, detail,
	    e)) != WY_OK || (rc = db_commit(s->db, e)) != WY_OK) {
		db_rollback(s->db);
		*n = 0;
		*total = 0;
		return rc;
	}
	return WY_OK;
}

/* An ok line to pay. */
struct bank_pay {
	long line;
	int64_t debit_id, room_id, client_id, amount;
	char ref[64];
	char bank_ref[64];
};

enum { COL_REF, COL_ROOM, COL_CLIENT, COL_AMOUNT, COL_RESULT, COL_BANK_REF,
    NCOLS };
static const char *const bank_cols[NCOLS] = {
	"ref", "room", "client", "amount", "result", "bank_ref",
};

/* The state of an import. */
struct bank_in {
	struct session *s;
	const struct bank_import_opts *o;
	const char *name;
	const char *date;
	char **cells;
	size_t ncells, cap;
	int col[NCOLS];			/* index of each column, -1: none */
	size_t ncols;			/* header cells */
	int header_done;
	long line, row_line;
	long errors;
	int stop;
	int stopped;			/* by the progress callback */
	struct wy_err first;
	struct bank_pay *pay;
	size_t npay;
	size_t failed;
};

/* Record a problem at the current row. */
static void
bank_problem(struct bank_in *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Record a problem at the current row (see above). */
static void
bank_problem(struct bank_in *b, const char *fmt, ...)
{
	char msg[WY_ERR_MSG_MAX - 80], full[WY_ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(full, sizeof full, "%s:%ld: %s", b->name, b->row_line, msg);
	if (b->errors++ == 0)
		wy_fail(&b->first, WY_EINVALID, "%s", full);
	if (b->o->problem != NULL)
		b->o->problem(b->o->arg, full);
	if (b->o->max_errors > 0 && b->errors >= b->o->max_errors)
		b->stop = 1;
}

/* libcsv: a cell of the current row. */
static void
bank_cell(void *data, size_t len, void *arg)
{
	struct bank_in *b = arg;

	if (b->ncells == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 16;
		b->cells = xrealloc(b->cells, b->cap * sizeof *b->cells);
	}
	b->cells[b->ncells] = xmalloc(len + 1);
	memcpy(b->cells[b->ncells], data, len);
	b->cells[b->ncells++][len] = '\0';
}

/* The header: every column of bank_cols present. */
static void
bank_header(struct bank_in *b)
{
	size_t i, j;

	b->header_done = 1;
	b->ncols = b->ncells;
	for (j = 0; j < NCOLS; j++) {
		b->col[j] = -1;
		for (i = 0; i < b->ncells; i++)
			if (strcmp(b->cells[i], bank_cols[j]) == 0)
				b->col[j] = (int)i;
		if (b->col[j] < 0) {
			bank_problem(b, _("the header has no column '%s' (it "
			    "needs ref, room, client, name, bank, account, "
			    "amount, result, bank_ref)"), bank_cols[j]);
			b->stop = 1;
		}
	}
}

/* Tell the caller of a line that passed the checks. */
static void
bank_checked(struct bank_in *b, const char *ref, const char *room,
    const char *client, int64_t amount, int ok)
{
	struct bank_checked l = { .line = b->row_line, .ref = ref,
	    .room = room, .client = client, .amount = amount, .ok = ok,
	    .bank_ref = b->cells[b->col[COL_BANK_REF]] };

	if (b->o->checked != NULL)
		b->o->checked(b->o->arg, &l);
}

/* Every BANK_PROGRESS_LINES lines: the progress callback; 1 to stop. */
static int
bank_progress(struct bank_in *b, long lines)
{
	const struct bank_import_opts *o = b->o;

	if (o->progress == NULL || lines == 0 || lines % BANK_PROGRESS_LINES)
		return 0;
	if (o->progress(o->progress_arg, lines) == 0)
		return 0;
	b->stopped = 1;
	return 1;
}

/* Check one result line; keep it to pay when ok. */
static void
bank_record(struct bank_in *b)
{
	struct wy_err e;
	sqlite3_stmt *st;
	struct bank_pay p = { .line = b->row_line };
	const char *ref, *room, *client, *result, *amount;
	char code[40], ccode[40], a[MONEY_BUFSIZE], x[MONEY_BUFSIZE];
	int64_t want, got, receipt, owed;
	size_t i;
	int rc;

	if (b->ncells != b->ncols) {
		bank_problem(b, _("%zu cells, but the header has %zu columns"),
		    b->ncells, b->ncols);
		return;
	}
	ref = b->cells[b->col[COL_REF]];
	room = b->cells[b->col[COL_ROOM]];
	client = b->cells[b->col[COL_CLIENT]];
	amount = b->cells[b->col[COL_AMOUNT]];
	result = b->cells[b->col[COL_RESULT]];
	if (strcmp(result, "ok") != 0 && strcmp(result, "failed") != 0) {
		bank_problem(b, _("result: '%s' is not ok or failed"), result);
		return;
	}
	if (db_prepare(b->s->db, "SELECT d.id, d.room_id, d.client_id,"
	    " d.amount, coalesce(d.receipt_id, 0), r.code, c.code FROM bank_debits d"
	    " JOIN rooms r ON r.id = d.room_id JOIN clients c"
	    " ON c.id = d.client_id WHERE d.ref = ?", &st, &e) !=
	    WY_OK || db_bind(b->s->db, st, &e, "t", ref) != WY_OK) {
		sqlite3_finalize(st);
		bank_problem(b, "%s", e.msg);
		b->stop = 1;
		return;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		p.debit_id = sqlite3_column_int64(st, 0);
		p.room_id = sqlite3_column_int64(st, 1);
		p.client_id = sqlite3_column_int64(st, 2);
		want = sqlite3_column_int64(st, 3);
		receipt = sqlite3_column_int64(st, 4);
		bank_text(st, 5, code, sizeof code);
		bank_text(st, 6, ccode, sizeof ccode);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		bank_problem(b, _("ref: '%s' was not in a debit file"), ref);
		return;
	}
	if (strcmp(room, code) != 0) {
		bank_problem(b, _("room: '%s', but %s was exported for room %s"),
		    room, ref, code);
		return;
	}
	if (strcmp(client, ccode) != 0) {
		bank_problem(b, _("client: '%s', but %s was exported for client "
		    "%s"), client, ref, ccode);
		return;
	}
	if (money_parse(amount, &got, &e) != WY_OK) {
		bank_problem(b, _("amount: %s"), e.msg);
		return;
	}
	if (got != want) {
		bank_problem(b, _("amount: %s, but %s was exported for %s"),
		    money_format(got, a, sizeof a), ref,
		    money_format(want, x, sizeof x));
		return;
	}
	if (strcmp(result, "failed") == 0) {
		b->failed++;
		bank_checked(b, ref, room, client, want, 0);
		return;
	}
	if (receipt != 0) {
		bank_problem(b, _("ref: %s is paid already"), ref);
		return;
	}
	for (i = 0; i < b->npay; i++)
		if (b->pay[i].debit_id == p.debit_id) {
			bank_problem(b, _("ref: %s is in the file twice (line "
			    "%ld too)"), ref, b->pay[i].line);
			return;
		}
	if (bank_owed(b->s, p.room_id, NULL, b->date, &owed, &e) != WY_OK) {
		bank_problem(b, "%s", e.msg);
		return;
	}
	if (owed < want) {
		bank_problem(b, _("room %s owes %s now, less than the %s "
		    "debited: was it paid since the export?"), code,
		    money_format(owed, a, sizeof a),
		    money_format(want, x, sizeof x));
		return;
	}
	p.amount = want;
	snprintf(p.ref, sizeof p.ref, "%s", ref);
	snprintf(p.bank_ref, sizeof p.bank_ref, "%s",
	    b->cells[b->col[COL_BANK_REF]]);
	b->pay = xrealloc(b->pay, (b->npay + 1) * sizeof *b->pay);
	b->pay[b->npay++] = p;
	bank_checked(b, ref, room, client, want, 1);
}

/* libcsv: the end of a row: the header, else a result line. */
static void
bank_row(int c, void *arg)
{
	struct bank_in *b = arg;
	size_t i;

	(void)c;
	if (!b->stop && !(b->ncells == 1 && b->cells[0][0] == '\0')) {
		if (!b->header_done)
			bank_header(b);
		else
			bank_record(b);
	}
	for (i = 0; i < b->ncells; i++)
		free(b->cells[i]);
	b->ncells = 0;
	b->row_line = b->line + 1;
}

/* Read and check the whole file. */
static int
bank_read(struct bank_in *b, FILE *f)
{
	struct csv_parser p;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
	b->row_line = 1;
	while (!b->stop && (n = getline(&line, &cap, f)) > 0) {
		if (bank_progress(b, b->line)) {
			b->stop = 1;
			break;
		}
		b->line++;
		if (b->line == 1 && n >= 3 && memcmp(line, "\xef\xbb\xbf",
		    3) == 0) {
			memmove(line, line + 3, (size_t)n - 2);
			n -= 3;
		}
		if (csv_parse(&p, line, (size_t)n, bank_cell, bank_row, b) !=
		    (size_t)n) {
			b->row_line = b->line;
			bank_problem(b, "%s", csv_strerror(csv_error(&p)));
			break;
		}
	}
	if (!b->stop && csv_fini(&p, bank_cell, bank_row, b) != 0) {
		b->row_line = b->line;
		bank_problem(b, _("unterminated quoted cell at the end of the "
		    "file"));
	}
	if (b->stopped) {
		b->errors++;
		wy_fail(&b->first, WY_EFAIL, _("%s: stopped at line %ld; "
		    "nothing was registered"), b->name, b->line);
		csv_free(&p);
		free(line);
		return WY_EFAIL;
	}
	if (b->errors == 0 && !b->header_done) {
		b->row_line = 1;
		bank_problem(b, _("the file is empty; the first line must name "
		    "the columns"));
	}
	csv_free(&p);
	free(line);
	return b->errors == 0 ? WY_OK : WY_EINVALID;
}

/* Pay the ok lines, inside the transaction. */
static int
bank_pay_all(struct bank_in *b, struct bank_import_result *r,
    struct wy_err *e)
{
	struct cashier_receipt rec;
	char note[160], detail[160];
	size_t i;
	int rc;

	for (i = 0; i < b->npay; i++) {
		struct cashier_payment p = {
			.room_id = b->pay[i].room_id,
			.client_id = b->pay[i].client_id,
			.amount = b->pay[i].amount,
			.method = "bank",
			.tendered = -1,
			.date = b->date,
			.note = note,
		};

		snprintf(note, sizeof note, "%s %s%s%s", _("bank debit"),
		    b->pay[i].ref, b->pay[i].bank_ref[0] ? " / " : "",
		    b->pay[i].bank_ref);
		if ((rc = cashier_pay_intx(b->s, &p, &rec, e)) != WY_OK ||
		    (rc = db_run(b->s->db, e, "UPDATE bank_debits SET"
		    " receipt_id = ?, bank_ref = ?, version = version + 1"
		    " WHERE id = ?", "ItI", rec.id, b->pay[i].bank_ref,
		    b->pay[i].debit_id)) != WY_OK)
			return wy_prefix(e, "%s:%ld", b->name, b->pay[i].line);
		r->ok++;
		r->paid += b->pay[i].amount;
		if (bank_progress(b, (long)r->ok))
			return wy_fail(e, WY_EFAIL, _("%s: stopped after %zu "
			    "payments; nothing was registered"), b->name, r->ok);
	}
	snprintf(detail, sizeof detail, "%zu paid, %zu failed, from %s",
	    r->ok, b->failed, b->name);
	return audit_append(b->s, "bank.import", "bank_debits", 0, detail, e);
}

/* Import the bank's result file, all or nothing (see bank.h). */
int
bank_import(struct session *s, const struct bank_import_opts *o,
    struct bank_import_result *r, struct wy_err *e)
{
	struct bank_in b = { .s = s, .o = o };
	char d[DATE_BUFSIZE];
	size_t i;
	int32_t day;
	FILE *f;
	int rc;

	memset(r, 0, sizeof *r);
	if ((rc = auth_require(s, "charge.pay", e)) != WY_OK)
		return rc;
	if (o->date == NULL)
		day = date_today();
	else if (date_parse(o->date, &day, e) != WY_OK)
		return wy_prefix(e, _("date"));
	b.date = date_format(day, d);
	b.name = o->path;
	if ((f = fopen(o->path, "rb")) == NULL)
		return wy_fail(e, WY_ENOTFOUND, _("%s: cannot read: %s"),
		    o->path, strerror(errno));
	rc = bank_read(&b, f);
	fclose(f);
	if (rc == WY_EFAIL) {
		*e = b.first;
		goto out;
	}
	if (rc != WY_OK) {
		*e = b.first;
		if (b.errors > 1)
			snprintf(e->msg + strlen(e->msg), sizeof e->msg -
			    strlen(e->msg), ngettext(" (and %ld more problem; "
			    "nothing was registered)", " (and %ld more problems; "
			    "nothing was registered)", (unsigned long)(b.errors -
			    1)), b.errors - 1);
		else
			snprintf(e->msg + strlen(e->msg), sizeof e->msg -
			    strlen(e->msg), _(" (nothing was registered)"));
		goto out;
	}
	if (o->check_only) {	/* what would be paid */
		for (i = 0; i < b.npay; i++)
			r->paid += b.pay[i].amount;
		r->ok = b.npay;
		r->failed = b.failed;
		goto out;
	}
	if ((rc = db_begin(s->db, e)) != WY_OK)
		goto out;
	if ((rc = bank_pay_all(&b, r, e)) != WY_OK ||
	    (rc = db_commit(s->db, e)) != WY_OK) {
		db_rollback(s->db);
		memset(r, 0, sizeof *r);
		goto out;
	}
	r->failed = b.failed;
out:
	for (i = 0; i < b.ncells; i++)
		free(b.cells[i]);
	free(b.cells);
	free(b.pay);
	return rc;
}
