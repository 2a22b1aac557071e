/* wuye: bank debit (银行划款).
 *
 * The debit file (CSV, UTF-8, CRLF line ends, a header line) has the
 * columns
 *   ref,room,client,name,bank,account,amount
 * one line per room whose payer (on the export date) has bank_debit = yes
 * and which owes on bills of the period or before: ref is PERIOD-ROOM
 * ("2026-10-1-101"), unique; client the payer's code, name the payer's
 * name, bank and account the payer's bank and account number, amount the
 * yuan owed on those bills with their late fees on the export date.  Each
 * line is kept (table bank_debits) so the result can be checked against
 * it; exporting again refreshes the lines not yet paid and leaves out the
 * rooms whose line was paid.
 *
 * The bank's result file has the same columns plus
 *   result,bank_ref
 * (result ok or failed, bank_ref the bank's own reference).  Import checks
 * every line first (a known ref of the same room and client, the exported
 * amount, a result of ok or failed, not paid already, not twice in the
 * file, the room still owing at least the amount on the payment date) and
 * reports each problem with file:line; only a file without problems
 * registers its ok lines, all in one transaction, as payments by method
 * bank (cashier_pay's rules: receipts, allocations late fee first and
 * oldest bill first, audit).  Failed lines change nothing.
 */
#ifndef WUYE_BANK_H
#define WUYE_BANK_H

#include <stddef.h>
#include <stdint.h>

#include "wuye/error.h"
#include "wuye/session.h"

/* One line of a debit file. */
struct bank_line {
	char ref[64];
	char room[40];
	char client[40];
	char name[128];
	char bank[128];
	char account[64];
	int64_t amount;			/* fen */
};

/* Write the debit lines of period (YYYY-MM) on date (YYYY-MM-DD, NULL:
 * today): needs charge.pay; in one transaction the lines are kept and fn
 * is called for each (by room code); when fn fails (non-zero, with e
 * filled) nothing is kept.  A payer with bank_debit but no account is
 * WY_EINVALID naming the client.  *n and *total (may be NULL) get the
 * line count and sum. */
int bank_export(struct session *s, const char *period, const char *date,
    int (*fn)(void *arg, const struct bank_line *l, struct wy_err *e),
    void *arg, size_t *n, int64_t *total, struct wy_err *e);

/* A line of the result file that passed the checks (a preview). */
struct bank_checked {
	long line;			/* in the file, from 1 (the header) */
	const char *ref, *room, *client, *bank_ref;	/* borrowed */
	int64_t amount;			/* fen */
	int ok;				/* 1: to be paid; 0: failed at the bank */
};

struct bank_import_opts {
	const char *path;		/* the result file */
	const char *date;		/* payment date, NULL: today */
	int max_errors;			/* stop checking after this many */
	int check_only;			/* check and report, register nothing:
					 * r gets what would be paid */
	/* Called for each problem ("result.csv:7: ..."); may be NULL. */
	void (*problem)(void *arg, const char *message);
	/* Called for each line that passed the checks; may be NULL. */
	void (*checked)(void *arg, const struct bank_checked *l);
	void *arg;
	/* Called every BANK_PROGRESS_LINES lines checked and paid with the
	 * count so far; non-zero stops the import (WY_EFAIL, nothing
	 * registered); may be NULL. */
	int (*progress)(void *progress_arg, long lines);
	void *progress_arg;
};
#define BANK_PROGRESS_LINES 200

struct bank_import_result {
	size_t ok;			/* lines paid */
	size_t failed;			/* lines the bank could not debit */
	int64_t paid;			/* fen */
};

/* Import the bank's result file (see above), all or nothing.  Problems
 * are WY_EINVALID (e names the first and the count), an unreadable file
 * WY_ENOTFOUND. */
int bank_import(struct session *s, const struct bank_import_opts *o,
    struct bank_import_result *r, struct wy_err *e);

#endif
