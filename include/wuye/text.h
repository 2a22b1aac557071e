/* wuye: free text typed by a user (notes, reasons, answers to a row
 * action, text fields of forms and imported files).
 *
 * One rule for every path a free text comes in by, so that what one path
 * takes another never refuses: valid UTF-8, no control characters (tab
 * is allowed, and line breaks in multi-line text), and at most TEXT_MAX
 * characters (code points, not bytes), or fewer where a form field says
 * so with maxlen.  A failure is WY_EINVALID naming the field:
 * "FIELD: too long (N characters, at most M)".
 */
#ifndef WUYE_TEXT_H
#define WUYE_TEXT_H

#include "wuye/error.h"

#define TEXT_MAX 2000	/* characters of any free text */

enum text_flags {
	TEXT_LINES = 1 << 0,	/* line breaks (LF, CR) are allowed */
};

/* Check free text s (NULL or "" is fine: whether it is required is the
 * caller's rule) of the field named what: at most max characters (max <= 0
 * or above TEXT_MAX: TEXT_MAX), per flags. */
int text_check(const char *what, const char *s, int max, unsigned flags,
    struct wy_err *e);

#endif
