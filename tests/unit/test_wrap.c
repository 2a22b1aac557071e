/* wuye: unit tests for utf8_wrap (line breaking by display width, with
 * the Chinese rules).  The generated runner has already called
 * setlocale(LC_ALL, "C.UTF-8"). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/utf8.h"

/* The lines of text wrapped to width, joined by '|'. */
static char *
wrapped(const char *text, int width)
{
	static char out[2048];
	char **lines;
	size_t n, i, o = 0;

	n = utf8_wrap(text, width, &lines);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		ck_assert_int_le(utf8_width(lines[i]), width);
		o += (size_t)snprintf(out + o, sizeof out - o, "%s%s", i ? "|" : "",
		    lines[i]);
	}
	utf8_wrap_free(lines, n);
	return out;
}

START_TEST(test_wrap_empty)
{
	char **lines;

	ck_assert_uint_eq(utf8_wrap("", 10, &lines), 0);
	utf8_wrap_free(lines, 0);
	ck_assert_uint_eq(utf8_wrap(NULL, 10, &lines), 0);
	ck_assert_str_eq(wrapped("a\n\nb", 10), "a||b");
}
END_TEST

START_TEST(test_wrap_latin_words)
{
	ck_assert_str_eq(wrapped("the quick brown fox", 10), "the quick|brown fox");
	ck_assert_str_eq(wrapped("one  two", 4), "one|two");
	/* a word longer than the line is cut where the line is full */
	ck_assert_str_eq(wrapped("abcdefghij xy", 4), "abcd|efgh|ij|xy");
}
END_TEST

START_TEST(test_wrap_cjk_width)
{
	/* ten characters, twenty columns, broken anywhere between them */
	ck_assert_str_eq(wrapped("一二三四五六七八九十", 8), "一二三四|五六七八|九十");
	/* an odd width: a line never exceeds it */
	ck_assert_str_eq(wrapped("一二三四五六七八九十", 7), "一二三|四五六|七八九|十");
}
END_TEST

START_TEST(test_wrap_cjk_punctuation)
{
	/* never before closing punctuation: the last character goes along */
	ck_assert_str_eq(wrapped("一二三四，五六", 8), "一二三|四，五六");
	ck_assert_str_eq(wrapped("一二三四。", 8), "一二三|四。");
	ck_assert_str_eq(wrapped("一二三四）五", 8), "一二三|四）五");
	ck_assert_str_eq(wrapped("一二三四…", 8), "一二三|四…");
	/* never after opening punctuation */
	ck_assert_str_eq(wrapped("一二三（四五", 8), "一二三|（四五");
	ck_assert_str_eq(wrapped("一二三《四》", 8), "一二三|《四》");
}
END_TEST

START_TEST(test_wrap_mixed)
{
	/* a Latin word stays whole among Chinese text */
	ck_assert_str_eq(wrapped("打印到printer为止", 10), "打印到|printer为|止");
	ck_assert_str_eq(wrapped("房间 A1-1-101 已入住", 12), "房间|A1-1-101 已|入住");
}
END_TEST

START_TEST(test_wrap_key_names)
{
	/* a key name is not left alone at the end of a line */
	ck_assert_str_eq(wrapped("在列表中按 F6 查找", 12), "在列表中按|F6 查找");
	ck_assert_str_eq(wrapped("退出请按 Ctrl-Q 键", 16), "退出请按|Ctrl-Q 键");
	ck_assert_str_eq(wrapped("一二三四F1显示", 10), "一二三四|F1显示");
	ck_assert_str_eq(wrapped("press F1 for help", 9), "press|F1 for|help");
}
END_TEST

START_TEST(test_wrap_help_width)
{
	/* a long Chinese paragraph fills its lines: none is much shorter
	 * than the width but the last */
	const char *t = "收银台：输入房间号或按 F3 选择房间，勾选要收的账单，"
	    "输入实收金额和付款方式后按 Ctrl-S 收款，打印收据（F9）。"
	    "作废收据需要权限，并填写原因。";
	char **lines;
	size_t n, i;

	n = utf8_wrap(t, 40, &lines);
	ck_assert_uint_ge(n, 3);
	for (i = 0; i + 1 < n; i++)
		ck_assert_int_ge(utf8_width(lines[i]), 34);
	utf8_wrap_free(lines, n);
}
END_TEST

Suite *
wrap_suite(void)
{
	Suite *s = suite_create("wrap");
	TCase *tc = tcase_create("utf8_wrap");

	tcase_add_test(tc, test_wrap_empty);
	tcase_add_test(tc, test_wrap_latin_words);
	tcase_add_test(tc, test_wrap_cjk_width);
	tcase_add_test(tc, test_wrap_cjk_punctuation);
	tcase_add_test(tc, test_wrap_mixed);
	tcase_add_test(tc, test_wrap_key_names);
	tcase_add_test(tc, test_wrap_help_width);
	suite_add_tcase(s, tc);
	return s;
}
