/* wuye: the generated pinyin data (written at build time by
 * tools/gen-pinyin.c from ICU into $(B)/pinyin_data.c); used only by
 * src/core/pinyin.c. */
#ifndef WUYE_PINYIN_INT_H
#define WUYE_PINYIN_INT_H

#include <stdint.h>

#define PINYIN_FIRST 0x3400	/* CJK Unified Ideographs Extension A ... */
#define PINYIN_LAST 0x9FFF	/* ... to the end of the main block */

/* The toneless syllables ("a", "ai", ..., "zuo"), sorted. */
extern const char pinyin_syllables[][8];
extern const unsigned pinyin_nsyllables;

/* Per code point from PINYIN_FIRST: (syllable index + 1) * 8 + tone (1-4,
 * 5 for the neutral tone), 0 when there is no reading. */
extern const uint16_t pinyin_table[PINYIN_LAST - PINYIN_FIRST + 1];

/* Surnames whose reading differs from the character's usual one, and the
 * compound surnames (tools/pinyin-surnames.txt): the text and one reading
 * per character, coded as in pinyin_table (0 after the last). */
struct pinyin_surname {
	const char *text;
	uint16_t read[2];
};
extern const struct pinyin_surname pinyin_surnames[];
extern const unsigned pinyin_nsurnames;

#endif
