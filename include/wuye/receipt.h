/* wuye: receipts as printed (收据) and the cashier's daily hand-over
 * (交班日报).
 *
 * The text is laid out for an 80-column dot-matrix printer by display
 * width (Chinese characters take two columns).  Every print after the
 * first is marked 重打 (receipts.printed counts prints) and a void one
 * 作废.  Printing pipes the text to print.command, converted to
 * print.encoding (GB18030 through glibc iconv) when that is not UTF-8.
 */
#ifndef WUYE_RECEIPT_H
#define WUYE_RECEIPT_H

#include <stddef.h>

#include "wuye/error.h"
#include "wuye/session.h"

#define RECEIPT_WIDTH 80

/* The text of receipt `number` (charge.read), marked 重打 when reprint is
 * non-zero.  *out is malloc'd, the caller frees it. */
int receipt_text(struct session *s, const char *number, int reprint,
    char **out, struct wy_err *e);

/* Print receipt `number` (charge.read) through print.command, counting
 * the print; the text is marked 重打 from the second print on.  The count
 * is kept only when the command succeeds (exit status 0).  A receipt of a
 * closed period is printed as a reprint without counting. */
int receipt_print(struct session *s, const char *number, struct wy_err *e);

/* Convert UTF-8 text to encoding ("UTF-8": a copy, "GB18030").  *out
 * (malloc'd, NUL-terminated) gets *len bytes. */
int receipt_encode(const char *text, const char *encoding, char **out,
    size_t *len, struct wy_err *e);

/* The hand-over of `cashier` (NULL: the session's user) on `date`
 * (YYYY-MM-DD, NULL: today) (charge.read): every receipt issued that day,
 * totals per method of the live ones, and the voids the cashier made that
 * day (of receipts of any day).  *out is malloc'd. */
int receipt_handover(struct session *s, const char *cashier,
    const char *date, char **out, struct wy_err *e);

#endif
