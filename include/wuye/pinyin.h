/* wuye: pinyin (拼音) and natural order of text, for search and sorting.
 *
 * The readings come from a table generated at build time from ICU's
 * Han-Latin transliteration (tools/gen-pinyin.c): one reading per
 * character of CJK Unified Ideographs and Extension A (U+3400..U+9FFF),
 * which covers the 6,763 of GB 2312.  At the start of a person's name the
 * surname's own reading wins (单 shan, 曾 zeng, 万俟 moqi; the list is
 * tools/pinyin-surnames.txt).
 *
 * The keys are plain text that sorts right byte by byte (SQLite's BINARY
 * collation), so that they can be stored in a column and indexed:
 *   - an initials key, for search: 张三丰 is "zsf";
 *   - a sort key: numbers inside the text compare by value (A1-1-101
 *     before A1-1-1001, B2 before B10), letters without case, and in the
 *     pinyin orders each Chinese character by its syllable and tone
 *     (张 "zhang1"), ending with the original text, which breaks ties.
 * Invalid UTF-8 never crashes: its bytes are left out of the keys.
 */
#ifndef WUYE_PINYIN_H
#define WUYE_PINYIN_H

#include <stdint.h>

/* How a text sorts (a form field's `sort` key). */
enum pinyin_order {
	PINYIN_NONE,	/* as stored, byte by byte */
	PINYIN_NATURAL,	/* codes: numbers by value, case ignored */
	PINYIN_TEXT,	/* natural, and Chinese characters by pinyin */
	PINYIN_NAME,	/* PINYIN_TEXT with the surname's reading first */
};

/* The order called name ("natural", "pinyin", "name"), or -1. */
int pinyin_order_parse(const char *name);
/* Its name, as in pinyin_order_parse ("" for PINYIN_NONE). */
const char *pinyin_order_name(enum pinyin_order order);

/* The usual reading of code point cp: its syllable without tone ("zhang",
 * ü written v, static text) and *tone (1-4, 5 neutral; tone may be NULL),
 * or NULL when cp has none. */
const char *pinyin_reading(uint32_t cp, int *tone);

/* The initials of text: each Chinese character its syllable's first
 * letter (zh, ch and sh are z, c and s), ASCII letters lower case, digits
 * kept, everything else left out; with PINYIN_NAME the surname's reading
 * at the start.  Returns a malloc'd string ("" for NULL). */
char *pinyin_initials(const char *text, enum pinyin_order order);

/* The sort key of text in order (PINYIN_NONE gives the text itself).
 * Returns a malloc'd string; "" for NULL or "". */
char *pinyin_key(const char *text, enum pinyin_order order);

/* 1 if the search text s should also be looked for among initials: it
 * has an ASCII letter (张sf, zsf; not 张 alone, nor 138). */
int pinyin_search_initials(const char *s);

/* The leading part of s before its first ASCII letter, digit or space,
 * malloc'd: what a search such as 张sf fixes of the text itself ("张"). */
char *pinyin_search_head(const char *s);

#endif
