/* wuye: receipts as printed (收据) and the cashier's daily hand-over
 * (交班日报).
 *
 * The text comes from a template (receipt_tpl.h): the built-in
 * templates/receipt.txt lays a receipt out for an 80-column dot-matrix
 * printer by display width (Chinese characters take two columns); a
 * company's own is templates/receipt.txt under paths.data, or the file
 * named by receipt.template.  With receipt.preprinted, printing puts only
 * the values on the company's pre-printed form (套打) where its layout
 * (templates/receipt-preprinted.ini, or receipt.layout) says, moved by the
 * offsets the cashier calibrated for this terminal (table print_offsets).
 * Every print after the first is marked 重打 (receipts.printed counts
 * prints) and a void one 作废.  Printing pipes the text to print.command,
 * converted to print.encoding (GB18030 through glibc iconv) when that is
 * not UTF-8.
 */
#ifndef WUYE_RECEIPT_H
#define WUYE_RECEIPT_H

#include <stddef.h>

#include "wuye/error.h"
#include "wuye/session.h"

struct conf;

#define RECEIPT_WIDTH 80

/* The text of receipt `number` (charge.read), marked 重打 when reprint is
 * non-zero.  *out is malloc'd, the caller frees it. */
int receipt_text(struct session *s, const char *number, int reprint,
    char **out, struct wy_err *e);

/* The text of receipt `number` (charge.read) on the pre-printed form,
 * moved by this terminal's offsets.  *out is malloc'd. */
int receipt_form_text(struct session *s, const char *number, int reprint,
    char **out, struct wy_err *e);

/* Print receipt `number` (charge.read) through print.command (on the
 * pre-printed form when receipt.preprinted is set), counting
 * the print; the text is marked 重打 from the second print on.  The count
 * is kept only when the command succeeds (exit status 0).  A receipt of a
 * closed period is printed as a reprint without counting. */
int receipt_print(struct session *s, const char *number, struct wy_err *e);

/* receipt_print, and on success *said (malloc'd; said may be NULL) gets
 * what the print command wrote on its standard output ("request id is
 * ..."), for the command line to pass on. */
int receipt_print_said(struct session *s, const char *number, char **said,
    struct wy_err *e);

/* The hand-over of `cashier` (NULL: the session's user) on `date`
 * (YYYY-MM-DD, NULL: today) (charge.read): every receipt issued that day,
 * totals per method of the live ones, and the voids the cashier made that
 * day (of receipts of any day).  *out is malloc'd. */
int receipt_handover(struct session *s, const char *cashier,
    const char *date, char **out, struct wy_err *e);

#define RECEIPT_TERMINAL_MAX 31	/* a terminal name and its NUL */

/* This terminal's name: receipt.terminal, else $WUYE_TERMINAL, else the
 * host name and the tty of standard input ("desk1:pts/3", the host name
 * shortened to fit).  A given name must be 1 to 30 characters of letters,
 * digits and "_.-:/@"; a derived one has others replaced by "_". */
int receipt_terminal(const struct conf *c, char buf[RECEIPT_TERMINAL_MAX],
    struct wy_err *e);

/* The pre-printed form offsets of terminal (NULL: this one): lines down
 * and columns right, 0 0 when never set (charge.read). */
int receipt_offsets(struct session *s, const char *terminal, int *lines,
    int *cols, struct wy_err *e);

/* Set the offsets of terminal (NULL: this one) (charge.pay), each within
 * -50..50, in a transaction with an audit entry. */
int receipt_calibrate(struct session *s, const char *terminal, int lines,
    int cols, struct wy_err *e);

/* The test pattern of the pre-printed form with this terminal's offsets:
 * every place marked with its field's name (charge.read).  *out is
 * malloc'd. */
int receipt_pattern(struct session *s, char **out, struct wy_err *e);

/* Print the test pattern through print.command (charge.read). */
int receipt_print_pattern(struct session *s, struct wy_err *e);

#endif
