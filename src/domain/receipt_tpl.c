/* wuye: the receipt template language (see receipt_tpl.h).
 *
 * A template is parsed once into a flat array of tokens: text, a field
 * (with its alignment and width), the block marks {if}, {lines} and {end}
 * (each opener knows its {end} and each {end} its opener), comments and
 * newlines.  Rendering walks the tokens with a program counter: a false
 * {if} jumps past its {end}, and {end} of {lines} jumps back while lines
 * remain.  Output goes line by line so that a line holding only marks is
 * dropped.  No recursion, no allocation per value beyond the output.
 */
#include "wuye/receipt_tpl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/i18n.h"
#include "wuye/mem.h"
#include "wuye/utf8.h"

enum tpl_kind { TK_TEXT, TK_FIELD, TK_LFIELD, TK_IF, TK_LIF, TK_LINES,
	TK_END, TK_MARK, TK_NL };

struct tpl_tok {
	enum tpl_kind kind;
	int field;		/* RF_* or RL_* */
	char align;		/* '<', '>', '^'; 0: as it is */
	int width;		/* columns, 0: as it is */
	size_t off, len;	/* TK_TEXT: bytes of the source; openers: off */
	size_t match;		/* opener: its {end}; {end}: its opener */
};

struct receipt_tpl {
	char *src;		/* the text, owned */
	struct tpl_tok *tok;
	size_t n;
};

static const char *const field_names[] = {
#define RECEIPT_FIELD_NAME(id, name, help) name,
	RECEIPT_FIELDS(RECEIPT_FIELD_NAME)
};
static const char *const line_field_names[] = {
	RECEIPT_LINE_FIELDS(RECEIPT_FIELD_NAME)
#undef RECEIPT_FIELD_NAME
};

const char *
receipt_field_name(int i)
{
	return i >= 0 && i < RF_COUNT ? field_names[i] : NULL;
}

const char *
receipt_line_field_name(int i)
{
	return i >= 0 && i < RL_COUNT ? line_field_names[i] : NULL;
}

/* The index of the field called name[0..len) in names, or -1. */
static int
tpl_lookup(const char *const *names, int n, const char *name, size_t len)
{
	int i;

	for (i = 0; i < n; i++)
		if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0)
			return i;
	return -1;
}

/* Append a token to t. */
static struct tpl_tok *
tpl_add(struct receipt_tpl *t, enum tpl_kind kind)
{
	struct tpl_tok *k;

	t->tok = xrealloc(t->tok, (t->n + 1) * sizeof *t->tok);
	k = &t->tok[t->n++];
	memset(k, 0, sizeof *k);
	k->kind = kind;
	return k;
}

/* Parse the alignment and width after ':' (spec[0..len)). */
static int
tpl_spec(const char *spec, size_t len, struct tpl_tok *k)
{
	size_t i = 0;
	long w = 0;

	k->align = '<';
	if (len > 0 && strchr("<>^", spec[0]) != NULL)
		k->align = spec[i++];
	if (i == len)
		return -1;
	for (; i < len; i++) {
		if (spec[i] < '0' || spec[i] > '9' || w > RECEIPT_TPL_MAXWIDTH)
			return -1;
		w = w * 10 + (spec[i] - '0');
	}
	if (w < 1 || w > RECEIPT_TPL_MAXWIDTH)
		return -1;
	k->width = (int)w;
	return 0;
}

/* Fail naming name, the line and the column (in characters) of byte off. */
static int
tpl_error(const char *name, const char *src, size_t off, struct wy_err *e,
    const char *what, const char *item)
{
	char ex[UTF8_EXCERPT_MAX + 4];
	size_t i, line = 1, col = 1;

	for (i = 0; i < off && src[i] != '\0'; i = utf8_next(src, i)) {
		if (src[i] == '\n') {
			line++;
			col = 1;
		} else
			col++;
	}
	return wy_fail(e, WY_EINVALID, "%s:%zu:%zu: %s '%s'", name, line, col,
	    what, utf8_excerpt(item, ex, sizeof ex));
}

/* Parse the placeholder p[0..len) (between the braces) at byte off. */
static int
tpl_placeholder(struct receipt_tpl *t, const char *name, size_t off,
    const char *p, size_t len, size_t *stack, size_t *depth, int *inlines,
    struct wy_err *e)
{
	char item[RECEIPT_TPL_MAXWIDTH + 8];
	const char *colon;
	struct tpl_tok *k;
	size_t nlen;
	int f, lf;

	snprintf(item, sizeof item, "{%.*s}", (int)(len < 240 ? len : 240), p);
	if (len > 0 && p[0] == '#') {
		tpl_add(t, TK_MARK);
		return WY_OK;
	}
	if (len == 5 && memcmp(p, "lines", 5) == 0) {
		if (*depth >= 16)
			return tpl_error(name, t->src, off, e, _("blocks nested "
			    "too deep at"), item);
		if (*inlines)
			return tpl_error(name, t->src, off, e, _("{lines} "
			    "inside {lines}:"), item);
		*inlines = 1;
		stack[(*depth)++] = t->n;
		tpl_add(t, TK_LINES)->off = off;
		return WY_OK;
	}
	if (len == 3 && memcmp(p, "end", 3) == 0) {
		if (*depth == 0)
			return tpl_error(name, t->src, off, e, _("{end} without "
			    "{if} or {lines}:"), item);
		k = tpl_add(t, TK_END);
		k->match = stack[--(*depth)];
		t->tok[k->match].match = t->n - 1;
		if (t->tok[k->match].kind == TK_LINES)
			*inlines = 0;
		return WY_OK;
	}
	if (len >= 3 && memcmp(p, "if ", 3) == 0) {
		f = tpl_lookup(field_names, RF_COUNT, p + 3, len - 3);
		lf = tpl_lookup(line_field_names, RL_COUNT, p + 3, len - 3);
		if (f < 0 && lf < 0)
			return tpl_error(name, t->src, off, e, _("unknown field "
			    "in"), item);
		if (f < 0 && !*inlines)
			return tpl_error(name, t->src, off, e, _("a field of the "
			    "lines block outside {lines} ... {end}:"), item);
		if (*depth >= 16)
			return tpl_error(name, t->src, off, e, _("blocks nested "
			    "too deep at"), item);
		stack[(*depth)++] = t->n;
		k = tpl_add(t, f >= 0 ? TK_IF : TK_LIF);
		k->field = f >= 0 ? f : lf;
		k->off = off;
		return WY_OK;
	}
	colon = memchr(p, ':', len);
	nlen = colon != NULL ? (size_t)(colon - p) : len;
	f = tpl_lookup(field_names, RF_COUNT, p, nlen);
	lf = tpl_lookup(line_field_names, RL_COUNT, p, nlen);
	if (f < 0 && lf < 0)
		return tpl_error(name, t->src, off, e, _("unknown placeholder"),
		    item);
	if (f < 0 && !*inlines)
		return tpl_error(name, t->src, off, e, _("a field of the lines "
		    "block outside {lines} ... {end}:"), item);
	k = tpl_add(t, f >= 0 ? TK_FIELD : TK_LFIELD);
	k->field = f >= 0 ? f : lf;
	if (colon != NULL && tpl_spec(colon + 1, len - nlen - 1, k) != 0)
		return tpl_error(name, t->src, off, e, _("bad width (write "
		    "{name:12}, {name:>12} or {name:^12}, 1 to 250 columns) in"),
		    item);
	return WY_OK;
}

/* Tokenize t->src. */
static int
tpl_scan(struct receipt_tpl *t, const char *name, struct wy_err *e)
{
	const char *s = t->src, *close;
	char *bad;
	size_t i = 0, start = 0, stack[16], depth = 0;
	struct tpl_tok *k;
	int inlines = 0, rc;

	while (s[i] != '\0') {
		if (s[i] != '{' && s[i] != '\n') {
			i++;
			continue;
		}
		if (i > start) {
			k = tpl_add(t, TK_TEXT);
			k->off = start;
			k->len = i - start;
		}
		if (s[i] == '\n') {
			tpl_add(t, TK_NL);
			start = ++i;
			continue;
		}
		if (s[i + 1] == '{') {
			k = tpl_add(t, TK_TEXT);
			k->off = i;
			k->len = 1;
			start = i += 2;
			continue;
		}
		close = strpbrk(s + i + 1, "}\n{");
		if (close == NULL || *close != '}') {
			bad = strndup(s + i, strcspn(s + i + 1, "\n{") + 1);
			if (bad == NULL)
				abort();
			rc = tpl_error(name, s, i, e, _("a '{' that is not "
			    "closed by '}' (write {{ for a brace):"), bad);
			free(bad);
			return rc;
		}
		if ((rc = tpl_placeholder(t, name, i, s + i + 1,
		    (size_t)(close - s - i - 1), stack, &depth, &inlines,
		    e)) != WY_OK)
			return rc;
		start = i = (size_t)(close - s) + 1;
	}
	if (i > start) {
		k = tpl_add(t, TK_TEXT);
		k->off = start;
		k->len = i - start;
	}
	if (depth > 0) {
		k = &t->tok[stack[depth - 1]];
		return tpl_error(name, s, k->off, e, _("a block not closed by "
		    "{end}:"), k->kind == TK_LINES ? "{lines}" : "{if}");
	}
	return WY_OK;
}

int
receipt_tpl_parse(const char *name, const char *text,
    struct receipt_tpl **out, struct wy_err *e)
{
	struct receipt_tpl *t;
	int rc;

	*out = NULL;
	if (text == NULL)
		text = "";
	if (!utf8_valid(text, strlen(text)))
		return wy_fail(e, WY_EINVALID, _("%s: not UTF-8 text"), name);
	t = xcalloc(1, sizeof *t);
	t->src = xstrdup(text);
	if ((rc = tpl_scan(t, name, e)) != WY_OK) {
		receipt_tpl_free(&t);
		return rc;
	}
	*out = t;
	return WY_OK;
}

void
receipt_tpl_free(struct receipt_tpl **tp)
{
	if (*tp == NULL)
		return;
	free((*tp)->src);
	free((*tp)->tok);
	free(*tp);
	*tp = NULL;
}

/* The output of a rendering: a growing string. */
struct tpl_buf {
	char *p;
	size_t len, cap;
};

/* Append n bytes of s to b. */
static void
tpl_cat(struct tpl_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* Append n spaces to b. */
static void
tpl_spaces(struct tpl_buf *b, int n)
{
	while (n-- > 0)
		tpl_cat(b, " ", 1);
}

/* Append v aligned in width columns (0: as it is) to b. */
static void
tpl_put(struct tpl_buf *b, const char *v, char align, int width)
{
	char buf[4 * RECEIPT_TPL_MAXWIDTH + 1];
	int w, pad;

	if (width <= 0) {
		tpl_cat(b, v, strlen(v));
		return;
	}
	if (align == '^' && (w = utf8_width(v)) < width) {
		pad = (width - w) / 2;
		tpl_spaces(b, pad);
		tpl_cat(b, v, strlen(v));
		tpl_spaces(b, width - w - pad);
		return;
	}
	utf8_fit(v, width, align == '>', buf, sizeof buf);
	tpl_cat(b, buf, strlen(buf));
}

/* 1 if b is only spaces from byte from on. */
static int
tpl_blank(const struct tpl_buf *b, size_t from)
{
	for (; from < b->len; from++)
		if (b->p[from] != ' ')
			return 0;
	return 1;
}

/* A field's value: "" for NULL. */
static const char *
tpl_value(const struct receipt_values *v, const struct tpl_tok *k, size_t row)
{
	const char *s;

	if (k->kind == TK_FIELD || k->kind == TK_IF)
		s = v->field[k->field];
	else
		s = row < v->nlines ? v->lines[row * RL_COUNT + k->field] : "";
	return s != NULL ? s : "";
}

/* End the line begun at byte start: dropped if it holds marks and prints
 * only spaces. */
static void
tpl_endline(struct tpl_buf *b, size_t *start, int *marks, int nl)
{
	if (*marks && tpl_blank(b, *start)) {
		b->len = *start;
		b->p[b->len] = '\0';
	} else if (nl)
		tpl_cat(b, "\n", 1);
	*start = b->len;
	*marks = 0;
}

int
receipt_tpl_render(const struct receipt_tpl *t,
    const struct receipt_values *v, char **out, struct wy_err *e)
{
	struct tpl_buf b = { 0 };
	const struct tpl_tok *k;
	size_t pc, row = 0, start = 0;
	int marks = 0;

	(void)e;
	tpl_cat(&b, "", 0);
	for (pc = 0; pc < t->n; pc++) {
		k = &t->tok[pc];
		switch (k->kind) {
		case TK_TEXT:
			tpl_cat(&b, t->src + k->off, k->len);
			break;
		case TK_FIELD:
		case TK_LFIELD:
			tpl_put(&b, tpl_value(v, k, row), k->align, k->width);
			break;
		case TK_IF:
		case TK_LIF:
			marks = 1;
			if (*tpl_value(v, k, row) == '\0')
				pc = k->match;
			break;
		case TK_LINES:
			marks = 1;
			row = 0;
			if (v->nlines == 0)
				pc = k->match;
			break;
		case TK_END:
			marks = 1;
			if (t->tok[k->match].kind == TK_LINES &&
			    ++row < v->nlines)
				pc = k->match;
			break;
		case TK_MARK:
			marks = 1;
			break;
		case TK_NL:
			tpl_endline(&b, &start, &marks, 1);
			break;
		}
	}
	tpl_endline(&b, &start, &marks, 0);
	*out = b.p;
	return WY_OK;
}
