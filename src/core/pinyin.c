/* wuye: pinyin initials and sort keys (see pinyin.h).
 *
 * A sort key is built in a growing buffer: lower-case ASCII letters, other
 * printable ASCII as it is, each run of digits as its value (leading zeros
 * dropped) after a digit giving its length ('0' + length up to 8, else '9'
 * and two digits), so that "2" (12) sorts before "10" (210); Chinese
 * characters by syllable and tone in the pinyin orders, other characters
 * as their UTF-8 bytes; spaces and controls left out.  Then a unit
 * separator (0x1f, below every byte of a key) and the original text,
 * which breaks ties: "A 1" and "A1" differ only there.
 */
#include "wuye/pinyin.h"

#include <stdlib.h>
#include <string.h>

#include "wuye/mem.h"
#include "wuye/pinyin_int.h"

#define KEY_SEP '\x1f'

int
pinyin_order_parse(const char *name)
{
	if (strcmp(name, "natural") == 0)
		return PINYIN_NATURAL;
	if (strcmp(name, "pinyin") == 0)
		return PINYIN_TEXT;
	if (strcmp(name, "name") == 0)
		return PINYIN_NAME;
	return -1;
}

const char *
pinyin_order_name(enum pinyin_order order)
{
	switch (order) {
	case PINYIN_NATURAL:
		return "natural";
	case PINYIN_TEXT:
		return "pinyin";
	case PINYIN_NAME:
		return "name";
	default:
		return "";
	}
}

/* The code point at p (*cp) and its length in bytes; 0 for an invalid or
 * cut sequence (an overlong, a surrogate, beyond U+10FFFF). */
static size_t
decode(const unsigned char *p, uint32_t *cp)
{
	size_t n, i;
	uint32_t c;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2, c = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3, c = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4, c = p[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

/* The syllable and tone coded as in pinyin_table (0: NULL). */
static const char *
coded(unsigned code, int *tone)
{
	if (code == 0 || code / 8 > pinyin_nsyllables)
		return NULL;
	if (tone != NULL)
		*tone = (int)(code % 8);
	return pinyin_syllables[code / 8 - 1];
}

const char *
pinyin_reading(uint32_t cp, int *tone)
{
	if (cp < PINYIN_FIRST || cp > PINYIN_LAST)
		return NULL;
	return coded(pinyin_table[cp - PINYIN_FIRST], tone);
}

/* The surname at the start of text (the longest that matches), or NULL. */
static const struct pinyin_surname *
surname(const char *text)
{
	const struct pinyin_surname *best = NULL;
	size_t i, len, blen = 0;

	for (i = 0; i < pinyin_nsurnames; i++) {
		len = strlen(pinyin_surnames[i].text);
		if (len > blen && strncmp(text, pinyin_surnames[i].text, len) == 0) {
			best = &pinyin_surnames[i];
			blen = len;
		}
	}
	return best;
}

/* A growing string. */
struct buf {
	char *s;
	size_t len, cap;
};

static void
put(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
putc_(struct buf *b, char c)
{
	put(b, &c, 1);
}

/* Walk text calling one of the three for each piece: an ASCII character,
 * a run of digits, a character with a reading (its syllable and tone), or
 * another valid character (its bytes).  Invalid bytes are skipped. */
struct walk {
	struct buf *b;
	void (*ascii)(struct buf *b, char c);
	void (*digits)(struct buf *b, const char *s, size_t n);
	void (*reading)(struct buf *b, const char *syl, int tone);
	void (*other)(struct buf *b, const char *s, size_t n);
};

static void
walk(const char *text, enum pinyin_order order, const struct walk *w)
{
	const unsigned char *p = (const unsigned char *)text;
	const struct pinyin_surname *sn = NULL;
	size_t n, d, k = 0;
	const char *syl;
	uint32_t cp;
	int tone;

	if (order == PINYIN_NAME)
		sn = surname(text);
	while (*p != '\0') {
		if (*p >= '0' && *p <= '9') {
			for (d = 0; p[d] >= '0' && p[d] <= '9'; d++)
				;
			w->digits(w->b, (const char *)p, d);
			p += d;
			continue;
		}
		if ((n = decode(p, &cp)) == 0) {
			p++;
			continue;
		}
		if (cp < 0x80)
			w->ascii(w->b, (char)cp);
		else if (order != PINYIN_NATURAL && sn != NULL && k < 2 &&
		    sn->read[k] != 0 &&
		    (syl = coded(sn->read[k], &tone)) != NULL)
			w->reading(w->b, syl, tone);
		else if (order != PINYIN_NATURAL &&
		    (syl = pinyin_reading(cp, &tone)) != NULL)
			w->reading(w->b, syl, tone);
		else
			w->other(w->b, (const char *)p, n);
		if (sn != NULL && ++k >= 2)
			sn = NULL;	/* past the surname */
		if (sn != NULL && sn->read[k] == 0)
			sn = NULL;
		p += n;
	}
}

static void
key_ascii(struct buf *b, char c)
{
	if (c >= 'A' && c <= 'Z')
		putc_(b, (char)(c - 'A' + 'a'));
	else if (c > ' ' && c < 0x7f)
		putc_(b, c);
}

static void
key_digits(struct buf *b, const char *s, size_t n)
{
	char len[3];

	while (n > 1 && *s == '0') {
		s++;
		n--;
	}
	if (n == 1 && *s == '0')
		n = 0;		/* zero: the shortest number */
	if (n <= 8)
		putc_(b, (char)('0' + n));
	else {
		len[0] = '9';
		len[1] = (char)('0' + (n > 99 ? 99 : n) / 10);
		len[2] = (char)('0' + (n > 99 ? 99 : n) % 10);
		put(b, len, 3);
	}
	put(b, s, n > 99 ? 99 : n);
}

static void
key_reading(struct buf *b, const char *syl, int tone)
{
	put(b, syl, strlen(syl));
	putc_(b, (char)('0' + tone));
}

static void
key_other(struct buf *b, const char *s, size_t n)
{
	put(b, s, n);
}

static void
ini_ascii(struct buf *b, char c)
{
	if (c >= 'A' && c <= 'Z')
		putc_(b, (char)(c - 'A' + 'a'));
	else if (c >= 'a' && c <= 'z')
		putc_(b, c);
}

static void
ini_digits(struct buf *b, const char *s, size_t n)
{
	put(b, s, n);
}

static void
ini_reading(struct buf *b, const char *syl, int tone)
{
	(void)tone;
	putc_(b, syl[0]);
}

static void
ini_other(struct buf *b, const char *s, size_t n)
{
	(void)b;
	(void)s;
	(void)n;
}

char *
pinyin_initials(const char *text, enum pinyin_order order)
{
	struct buf b = { 0 };
	const struct walk w = { &b, ini_ascii, ini_digits, ini_reading, ini_other };

	put(&b, "", 0);
	if (text != NULL)
		walk(text, order == PINYIN_NATURAL ? PINYIN_TEXT : order, &w);
	return b.s;
}

char *
pinyin_key(const char *text, enum pinyin_order order)
{
	struct buf b = { 0 };
	const struct walk w = { &b, key_ascii, key_digits, key_reading, key_other };

	put(&b, "", 0);
	if (text == NULL || *text == '\0')
		return b.s;
	if (order == PINYIN_NONE) {
		put(&b, text, strlen(text));
		return b.s;
	}
	walk(text, order, &w);
	putc_(&b, KEY_SEP);
	put(&b, text, strlen(text));
	return b.s;
}

int
pinyin_search_initials(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
			return 1;
	return 0;
}

char *
pinyin_search_head(const char *s)
{
	size_t n = 0;
	char *out;

	while (s[n] != '\0' && (unsigned char)s[n] >= 0x80)
		n++;
	out = xmalloc(n + 1);
	memcpy(out, s, n);
	out[n] = '\0';
	return out;
}
