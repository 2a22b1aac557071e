/* wuye: unit tests for utf8.c (decoding, widths, fitting to columns).
 * The generated runner has already called setlocale(LC_ALL, "C.UTF-8"). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/utf8.h"

struct valid_case {
	const char *bytes;
	size_t len;
	int valid;
};

struct fit_case {
	const char *text;
	int width;
	int right;
	const char *want;
};

#define V(s, ok) { s, sizeof s - 1, ok }

static const struct valid_case valid_cases[] = {
	V("", 1),
	V("abc", 1),
	V("房间A1", 1),
	V("\xc2\x80", 1),		/* U+0080, smallest 2-byte */
	V("\xdf\xbf", 1),		/* U+07FF */
	V("\xe0\xa0\x80", 1),		/* U+0800, smallest 3-byte */
	V("\xed\x9f\xbf", 1),		/* U+D7FF, just below surrogates */
	V("\xee\x80\x80", 1),		/* U+E000, just above */
	V("\xef\xbf\xbd", 1),		/* U+FFFD */
	V("\xf0\x90\x80\x80", 1),	/* U+10000, smallest 4-byte */
	V("\xf0\x9f\x98\x80", 1),	/* U+1F600 */
	V("\xf4\x8f\xbf\xbf", 1),	/* U+10FFFF, the largest */
	V("a\0b", 1),			/* NUL is a character */
	V("\x80", 0),			/* lone continuation byte */
	V("\xbf", 0),
	V("\xc0\xaf", 0),		/* overlong '/' */
	V("\xc1\xbf", 0),		/* overlong */
	V("\xe0\x80\xaf", 0),		/* overlong */
	V("\xe0\x9f\xbf", 0),		/* overlong U+07FF */
	V("\xf0\x80\x80\xaf", 0),	/* overlong */
	V("\xf0\x8f\xbf\xbf", 0),	/* overlong U+FFFF */
	V("\xed\xa0\x80", 0),		/* U+D800, a surrogate */
	V("\xed\xbf\xbf", 0),		/* U+DFFF */
	V("\xf4\x90\x80\x80", 0),	/* U+110000 */
	V("\xf5\x80\x80\x80", 0),
	V("\xf8\x88\x80\x80\x80", 0),	/* old 5-byte form */
	V("\xfe", 0),
	V("\xff", 0),
	V("\xe6\x88", 0),		/* truncated 3-byte */
	V("\xf0\x9f\x98", 0),		/* truncated 4-byte */
	V("\xc2", 0),			/* truncated 2-byte */
	V("\xe6\x88" "a", 0),		/* interrupted */
	V("\xc2\xc2\x80", 0),
	V("abc\x80", 0),
};

static const struct fit_case fit_cases[] = {
	{ "abc", 5, 0, "abc  " },
	{ "abc", 5, 1, "  abc" },
	{ "abc", 3, 0, "abc" },
	{ "abc", 3, 1, "abc" },
	{ "abcdef", 4, 0, "abc…" },
	{ "abcdef", 4, 1, "abc…" },
	{ "abcd", 4, 0, "abcd" },
	{ "abcde", 1, 0, "…" },
	{ "", 3, 0, "   " },
	{ "房间A1", 6, 0, "房间A1" },
	{ "房间A1", 8, 0, "房间A1  " },
	{ "房间A1", 8, 1, "  房间A1" },
	{ "房间A1", 5, 0, "房间…" },
	{ "房间A1", 4, 0, "房 …" },	/* 间 does not fit: a space */
	{ "房间A1", 4, 1, "房 …" },
	{ "房间A1", 3, 0, "房…" },
	{ "房间A1", 2, 0, " …" },
	{ "房间A1", 1, 0, "…" },
	{ "A房间", 4, 0, "A房…" },
	{ "A房间", 3, 0, "A …" },
	{ "业主张三", 7, 0, "业主张…" },
	{ "业主张三", 6, 0, "业主 …" },
	{ "a\x80" "b", 5, 0, "a?b  " },	/* invalid byte */
	{ "\xe6\x88", 3, 1, " ??" },		/* truncated sequence */
	{ "\xff\xfe\xfd\xfc", 3, 0, "??…" },
	{ "a\nb", 3, 0, "a?b" },		/* control character */
	{ "a\tb", 4, 0, "a?b " },
	{ "e\xcc\x81x", 2, 0, "e\xcc\x81x" },	/* combining accent */
	{ "e\xcc\x81xyz", 3, 0, "e\xcc\x81x…" },
	{ "e\xcc\x81xyz", 2, 0, "e\xcc\x81…" },
	{ "\xf0\x9f\x98\x80!", 3, 0, "\xf0\x9f\x98\x80!" },
	{ "\xf0\x9f\x98\x80!!", 3, 0, "\xf0\x9f\x98\x80…" },
	{ "…………", 3, 0, "………" },
	{ "Ａ１", 4, 1, "Ａ１" },
};

START_TEST(test_utf8_valid_table)
{
	const struct valid_case *c = &valid_cases[_i];

	ck_assert_msg(utf8_valid(c->bytes, c->len) == c->valid,
	    "case %d: want %d", _i, c->valid);
}
END_TEST

START_TEST(test_utf8_valid_edges)
{
	ck_assert_int_eq(utf8_valid(NULL, 0), 1);
	ck_assert_int_eq(utf8_valid(NULL, 3), 0);
	/* A length that cuts a character is invalid. */
	ck_assert_int_eq(utf8_valid("房", 3), 1);
	ck_assert_int_eq(utf8_valid("房", 2), 0);
	ck_assert_int_eq(utf8_valid("房", 0), 1);
	ck_assert_int_eq(utf8_valid("ab房", 2), 1);
}
END_TEST

START_TEST(test_utf8_valid_every_code_point)
{
	char buf[4];
	size_t n;

	/* Encode every code point by hand: surrogates must be refused,
	 * everything else accepted. */
	for (unsigned long cp = 0; cp <= 0x10ffff; cp++) {
		if (cp < 0x80) {
			buf[0] = (char)cp;
			n = 1;
		} else if (cp < 0x800) {
			buf[0] = (char)(0xc0 | cp >> 6);
			buf[1] = (char)(0x80 | (cp & 0x3f));
			n = 2;
		} else if (cp < 0x10000) {
			buf[0] = (char)(0xe0 | cp >> 12);
			buf[1] = (char)(0x80 | (cp >> 6 & 0x3f));
			buf[2] = (char)(0x80 | (cp & 0x3f));
			n = 3;
		} else {
			buf[0] = (char)(0xf0 | cp >> 18);
			buf[1] = (char)(0x80 | (cp >> 12 & 0x3f));
			buf[2] = (char)(0x80 | (cp >> 6 & 0x3f));
			buf[3] = (char)(0x80 | (cp & 0x3f));
			n = 4;
		}
		ck_assert_msg(utf8_valid(buf, n) == !(cp >= 0xd800 &&
		    cp <= 0xdfff), "U+%04lX", cp);
	}
}
END_TEST

START_TEST(test_utf8_has_control)
{
	ck_assert_int_eq(utf8_has_control(NULL), 0);
	ck_assert_int_eq(utf8_has_control(""), 0);
	ck_assert_int_eq(utf8_has_control("房间A1"), 0);
	ck_assert_int_eq(utf8_has_control("a\tb"), 0);
	ck_assert_int_eq(utf8_has_control("a\nb"), 1);
	ck_assert_int_eq(utf8_has_control("a\rb"), 1);
	ck_assert_int_eq(utf8_has_control("\x01"), 1);
	ck_assert_int_eq(utf8_has_control("\x1f"), 1);
	ck_assert_int_eq(utf8_has_control("\x1b[31m"), 1);
	ck_assert_int_eq(utf8_has_control("a\x7f"), 1);		/* DEL */
	ck_assert_int_eq(utf8_has_control("\xc2\x85"), 1);	/* NEL, C1 */
	ck_assert_int_eq(utf8_has_control("\xc2\x9f"), 1);
	ck_assert_int_eq(utf8_has_control("\xc2\xa0"), 0);	/* NBSP */
	ck_assert_int_eq(utf8_has_control(" ~"), 0);
	/* A raw C1 byte is not UTF-8 for a C1 control: invalid, not control. */
	ck_assert_int_eq(utf8_has_control("\x85"), 0);
}
END_TEST

START_TEST(test_utf8_len)
{
	ck_assert_uint_eq(utf8_len(NULL), 0);
	ck_assert_uint_eq(utf8_len(""), 0);
	ck_assert_uint_eq(utf8_len("abc"), 3);
	ck_assert_uint_eq(utf8_len("房间A1"), 4);
	ck_assert_uint_eq(utf8_len("\xf0\x9f\x98\x80"), 1);
	ck_assert_uint_eq(utf8_len("e\xcc\x81"), 2);
	/* Invalid bytes are one character each. */
	ck_assert_uint_eq(utf8_len("a\x80" "b"), 3);
	ck_assert_uint_eq(utf8_len("\xe6\x88"), 2);
	ck_assert_uint_eq(utf8_len("\xed\xa0\x80"), 3);
	ck_assert_uint_eq(utf8_len("\xc0\xaf"), 2);
}
END_TEST

START_TEST(test_utf8_width)
{
	ck_assert_int_eq(utf8_width(NULL), 0);
	ck_assert_int_eq(utf8_width(""), 0);
	ck_assert_int_eq(utf8_width("abc"), 3);
	ck_assert_int_eq(utf8_width("房间A1"), 6);
	ck_assert_int_eq(utf8_width("1号楼2单元301室"), 15);
	ck_assert_int_eq(utf8_width("物业管理"), 8);
	ck_assert_int_eq(utf8_width("Ａ１"), 4);		/* full-width */
	ck_assert_int_eq(utf8_width("\xe3\x80\x80"), 2);	/* U+3000 */
	ck_assert_int_eq(utf8_width("\xf0\x9f\x98\x80"), 2);
	ck_assert_int_eq(utf8_width("…"), 1);
	ck_assert_int_eq(utf8_width("e\xcc\x81"), 1);		/* combining */
	ck_assert_int_eq(utf8_width("a\xe2\x80\x8b" "b"), 2);	/* ZWSP */
	/* Non-printable characters and invalid bytes count as one. */
	ck_assert_int_eq(utf8_width("a\tb"), 3);
	ck_assert_int_eq(utf8_width("\xc2\x85"), 1);
	ck_assert_int_eq(utf8_width("a\x80" "b"), 3);
	ck_assert_int_eq(utf8_width("\xe6\x88"), 2);
	ck_assert_int_eq(utf8_width("\xed\xa0\x80"), 3);
}
END_TEST

START_TEST(test_utf8_fit_table)
{
	const struct fit_case *c = &fit_cases[_i];
	size_t size = 4 * (size_t)c->width + 1;
	char *buf = malloc(size);

	ck_assert_ptr_nonnull(buf);
	utf8_fit(c->text, c->width, c->right, buf, size);
	ck_assert_msg(strcmp(buf, c->want) == 0,
	    "'%s' in %d: got '%s', want '%s'", c->text, c->width, buf,
	    c->want);
	ck_assert_int_eq(utf8_width(buf), c->width);
	free(buf);
}
END_TEST

START_TEST(test_utf8_fit_edges)
{
	char buf[32];

	strcpy(buf, "x");
	ck_assert_str_eq(utf8_fit("abc", 0, 0, buf, sizeof buf), "");
	strcpy(buf, "x");
	ck_assert_str_eq(utf8_fit("abc", -3, 1, buf, sizeof buf), "");
	ck_assert_str_eq(utf8_fit(NULL, 3, 0, buf, sizeof buf), "   ");
	ck_assert_ptr_eq(utf8_fit("abc", 2, 0, buf, sizeof buf), buf);
	/* size 0 and NULL buf are left alone. */
	strcpy(buf, "keep");
	utf8_fit("abc", 2, 0, buf, 0);
	ck_assert_str_eq(buf, "keep");
	ck_assert_ptr_null(utf8_fit("abc", 2, 0, NULL, 10));
}
END_TEST

START_TEST(test_utf8_fit_every_width)
{
	static const char *const texts[] = {
		"", "a", "房", "房间A1", "A房间B", "1号楼2单元301室业主张三",
		"e\xcc\x81\xcc\x81\xcc\x81xyz",
		"\xf0\x9f\x98\x80\xf0\x9f\x98\x80" "a",
		"a\x80\xff\xe6\x88房", "tab\there", "……房……",
	};

	/* Every text at every width, in an exactly sized heap buffer (so
	 * ASan sees any overrun): exact width, valid UTF-8, never more than
	 * the text's own characters. */
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
		for (int w = 0; w <= 30; w++)
			for (int right = 0; right <= 1; right++) {
				size_t size = 4 * (size_t)w + 1;
				char *buf = malloc(size);

				ck_assert_ptr_nonnull(buf);
				utf8_fit(texts[t], w, right, buf, size);
				ck_assert_msg(utf8_width(buf) == w,
				    "'%s' at %d: '%s'", texts[t], w, buf);
				ck_assert(utf8_valid(buf, strlen(buf)));
				ck_assert(!utf8_has_control(buf));
				free(buf);
			}
}
END_TEST

START_TEST(test_utf8_fit_small_buffer)
{
	char *buf;
	char text[64];

	/* 'e' and 20 combining accents: 41 bytes for one column.  A buffer of
	 * 4 * width + 1 must not overflow; the width still holds. */
	text[0] = 'e';
	for (int i = 0; i < 20; i++)
		memcpy(text + 1 + 2 * i, "\xcc\x81", 2);
	text[41] = '\0';
	buf = malloc(9);
	ck_assert_ptr_nonnull(buf);
	utf8_fit(text, 2, 0, buf, 9);
	ck_assert_int_eq(utf8_width(buf), 2);
	ck_assert(utf8_valid(buf, strlen(buf)));
	utf8_fit(text, 2, 1, buf, 9);
	ck_assert_int_eq(utf8_width(buf), 2);
	free(buf);
	/* A buffer below the contract is never overrun either. */
	buf = malloc(4);
	ck_assert_ptr_nonnull(buf);
	utf8_fit("房间房间", 3, 0, buf, 4);
	ck_assert_uint_lt(strlen(buf), 4);
	ck_assert(utf8_valid(buf, strlen(buf)));
	utf8_fit("abcdef", 8, 1, buf, 4);
	ck_assert_uint_lt(strlen(buf), 4);
	free(buf);
}
END_TEST

START_TEST(test_utf8_next_prev)
{
	/* a, 房 (3), 😀 (4), an invalid byte, b. */
	static const char s[] = "a房\xf0\x9f\x98\x80\x80" "b";
	static const size_t starts[] = { 0, 1, 4, 8, 9, 10 };

	for (size_t i = 0; i + 1 < sizeof starts / sizeof starts[0]; i++) {
		ck_assert_uint_eq(utf8_next(s, starts[i]), starts[i + 1]);
		ck_assert_uint_eq(utf8_prev(s, starts[i + 1]), starts[i]);
	}
	ck_assert_uint_eq(utf8_next(s, 10), 10);	/* at the NUL */
	ck_assert_uint_eq(utf8_prev(s, 0), 0);
	ck_assert_uint_eq(utf8_next(NULL, 0), 0);
	ck_assert_uint_eq(utf8_prev(NULL, 5), 0);
	ck_assert_uint_eq(utf8_next("", 0), 0);
}
END_TEST

START_TEST(test_utf8_next_prev_invalid)
{
	/* Truncated and stray bytes step one at a time, both ways. */
	static const char t[] = "\xe6\x88" "a\x80\x80房";

	ck_assert_uint_eq(utf8_next(t, 0), 1);
	ck_assert_uint_eq(utf8_next(t, 1), 2);
	ck_assert_uint_eq(utf8_next(t, 2), 3);
	ck_assert_uint_eq(utf8_next(t, 3), 4);
	ck_assert_uint_eq(utf8_next(t, 4), 5);
	ck_assert_uint_eq(utf8_next(t, 5), 8);
	ck_assert_uint_eq(utf8_prev(t, 8), 5);
	ck_assert_uint_eq(utf8_prev(t, 5), 4);
	ck_assert_uint_eq(utf8_prev(t, 4), 3);
	ck_assert_uint_eq(utf8_prev(t, 3), 2);
	ck_assert_uint_eq(utf8_prev(t, 2), 1);
	ck_assert_uint_eq(utf8_prev(t, 1), 0);
	/* From the middle of a character, prev goes back one byte. */
	ck_assert_uint_eq(utf8_prev("房", 2), 1);
	/* Overlong: two invalid bytes. */
	ck_assert_uint_eq(utf8_prev("\xc0\xaf", 2), 1);
}
END_TEST

START_TEST(test_utf8_walk_matches_len)
{
	static const char *const texts[] = {
		"", "abc", "房间A1", "a\x80\xff\xe6\x88房\xf0\x9f\x98\x80",
		"\xed\xa0\x80x", "e\xcc\x81",
	};

	/* Walking forward and back visits utf8_len() characters. */
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		const char *s = texts[t];
		size_t pos = 0, n = 0, end = strlen(s);

		while (s[pos] != '\0') {
			pos = utf8_next(s, pos);
			n++;
		}
		ck_assert_uint_eq(pos, end);
		ck_assert_uint_eq(n, utf8_len(s));
		for (n = 0; pos > 0; n++)
			pos = utf8_prev(s, pos);
		ck_assert_uint_eq(n, utf8_len(s));
	}
}
END_TEST

Suite *
utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc;

	tc = tcase_create("utf8_valid");
	tcase_add_test(tc, test_utf8_valid_edges);
	tcase_add_loop_test(tc, test_utf8_valid_table, 0,
	    sizeof valid_cases / sizeof valid_cases[0]);
	tcase_add_test(tc, test_utf8_valid_every_code_point);
	suite_add_tcase(s, tc);

	tc = tcase_create("utf8_has_control");
	tcase_add_test(tc, test_utf8_has_control);
	suite_add_tcase(s, tc);

	tc = tcase_create("utf8_len");
	tcase_add_test(tc, test_utf8_len);
	suite_add_tcase(s, tc);

	tc = tcase_create("utf8_width");
	tcase_add_test(tc, test_utf8_width);
	suite_add_tcase(s, tc);

	tc = tcase_create("utf8_fit");
	tcase_add_test(tc, test_utf8_fit_edges);
	tcase_add_loop_test(tc, test_utf8_fit_table, 0,
	    sizeof fit_cases / sizeof fit_cases[0]);
	tcase_add_test(tc, test_utf8_fit_every_width);
	tcase_add_test(tc, test_utf8_fit_small_buffer);
	suite_add_tcase(s, tc);

	tc = tcase_create("utf8_next_prev");
	tcase_add_test(tc, test_utf8_next_prev);
	tcase_add_test(tc, test_utf8_next_prev_invalid);
	tcase_add_test(tc, test_utf8_walk_matches_len);
	suite_add_tcase(s, tc);
	return s;
}
