/* wuye: the receipt template language and the pre-printed form layout
 * (套打), without the database (receipt.c fills the values).
 *
 * A template is text with placeholders:
 *   {name}          the field's value as it is
 *   {name:12}       fitted to 12 display columns, left-aligned (also :<12)
 *   {name:>12}      right-aligned; {name:^80} centred
 *   {if name} ... {end}     only when the field is not empty
 *   {lines} ... {end}       repeated for each line of the receipt; the line
 *                           fields (item, period, ...) are used only here
 *   {# text}        a comment
 *   {{              a literal "{"
 * Widths are display columns (a Chinese character takes two), and a value
 * too wide is cut with "…".  A template line that holds a block mark or a
 * comment and prints nothing but spaces is left out, so a {if} on a line
 * of its own leaves no empty line behind.
 *
 * A layout of a pre-printed form is INI: [fields] NAME = LINE COLUMN
 * WIDTH [left|right|centre]; [lines] first = LINE, rows = N, NAME =
 * COLUMN WIDTH [align]; [form] length = LINES (0: as many as used).
 * Lines and columns count from 1; the cashier's offsets move everything.
 */
#ifndef WUYE_RECEIPT_TPL_H
#define WUYE_RECEIPT_TPL_H

#include <stddef.h>

#include "wuye/error.h"

/* The fields of a receipt: id, name in templates, what it holds. */
#define RECEIPT_FIELDS(X)						\
	X(RF_COMPANY, "company", "the company name (company.name)")	\
	X(RF_TITLE, "title", "收据, 押金收据, 押金退款单 or 退款单")	\
	X(RF_MARK, "mark", "(重打) on a reprint, [作废] on a void receipt") \
	X(RF_HEADING, "heading", "the title followed by the mark")	\
	X(RF_NUMBER, "number", "the receipt number")		\
	X(RF_DATE, "date", "the date, YYYY-MM-DD")			\
	X(RF_ROOM, "room", "the room code")				\
	X(RF_PAYER, "payer", "the payer's name")			\
	X(RF_METHOD, "method", "the method of payment")		\
	X(RF_CASHIER, "cashier", "the cashier's user name")		\
	X(RF_TOTAL, "total", "the amount taken, in figures")	\
	X(RF_TOTAL_WORDS, "total_words", "the amount in Chinese capitals (大写)") \
	X(RF_PREPAID_IN, "prepaid_in", "what was kept as prepayment (empty if nothing)") \
	X(RF_PREPAID_DRAWN, "prepaid_drawn", "what was drawn from prepayment (empty if nothing)") \
	X(RF_TENDERED, "tendered", "cash handed over (empty if not given)") \
	X(RF_CHANGE, "change", "the change (empty if nothing was tendered)") \
	X(RF_NOTE, "note", "the cashier's note")			\
	X(RF_VOIDED_AT, "voided_at", "when the receipt was voided (empty if live)") \
	X(RF_VOID_REASON, "void_reason", "why it was voided")

/* The fields of each line of a receipt. */
#define RECEIPT_LINE_FIELDS(X)						\
	X(RL_ITEM, "item", "the fee item")				\
	X(RL_PERIOD, "period", "the bill's period, YYYY-MM")	\
	X(RL_QUANTITY, "quantity", "the quantity (area, usage)")	\
	X(RL_UNIT_PRICE, "unit_price", "the unit price")		\
	X(RL_LATE_FEE, "late_fee", "the late fee paid")		\
	X(RL_AMOUNT, "amount", "the amount paid of the bill")

enum receipt_field {
#define RECEIPT_FIELD_ENUM(id, name, help) id,
	RECEIPT_FIELDS(RECEIPT_FIELD_ENUM)
	RF_COUNT
};

enum receipt_line_field {
	RECEIPT_LINE_FIELDS(RECEIPT_FIELD_ENUM)
#undef RECEIPT_FIELD_ENUM
	RL_COUNT
};

#define RECEIPT_TPL_MAXWIDTH 250	/* widest field, in columns */
#define RECEIPT_FORM_MAXLINE 200	/* lowest line of a form */
#define RECEIPT_OFFSET_MAX 50		/* |lines| and |cols| of an offset */

/* The values to print, all borrowed UTF-8 text ("" for none). */
struct receipt_values {
	const char *field[RF_COUNT];
	size_t nlines;
	const char *const *lines;	/* nlines * RL_COUNT values, row by row */
};

/* The name of field i of the receipt (RF_*) or of a line (RL_*). */
const char *receipt_field_name(int i);
const char *receipt_line_field_name(int i);

struct receipt_tpl;

/* Parse a template; name (a file name) is used in messages ("NAME:LINE:
 * COLUMN: ...").  *out is freed with receipt_tpl_free(). */
int receipt_tpl_parse(const char *name, const char *text,
    struct receipt_tpl **out, struct wy_err *e);
void receipt_tpl_free(struct receipt_tpl **tp);

/* The text of template t with values v; *out is malloc'd. */
int receipt_tpl_render(const struct receipt_tpl *t,
    const struct receipt_values *v, char **out, struct wy_err *e);

struct receipt_form;

/* Parse a pre-printed form layout (INI text of len bytes); name is used in
 * messages.  *out is freed with receipt_form_free(). */
int receipt_form_parse(const char *name, const char *text, size_t len,
    struct receipt_form **out, struct wy_err *e);
void receipt_form_free(struct receipt_form **fp);

/* The values v placed on the form, moved dlines down and dcols right
 * (negative: up, left; a place moved before line or column 1 is put on
 * it).  More receipt lines than the form has rows: the last row sums the
 * rest ("其余N项").  *out is malloc'd; trailing spaces are dropped. */
char *receipt_form_render(const struct receipt_form *f,
    const struct receipt_values *v, int dlines, int dcols);

/* The test pattern: every place of the form marked with its field's name
 * and dots up to a "|" at its last column, moved like a receipt. */
char *receipt_form_pattern(const struct receipt_form *f, int dlines,
    int dcols);

#endif
