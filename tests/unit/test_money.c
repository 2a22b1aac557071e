/* wuye: unit tests for money.c (parsing, formatting, 大写, products). */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "wuye/money.h"

struct parse_ok {
	const char *text;
	int scale;
	int64_t max;
	int64_t want;
};

struct parse_bad {
	const char *text;
	int scale;
	int64_t max;
	const char *msg;	/* expected part of the message */
};

struct caps_case {
	int64_t fen;
	const char *want;
};

static const struct parse_ok parse_ok[] = {
	{ "0", 2, MONEY_MAX, 0 },
	{ "0.00", 2, MONEY_MAX, 0 },
	{ "-0", 2, MONEY_MAX, 0 },
	{ "1234.56", 2, MONEY_MAX, 123456 },
	{ "1,234.5", 2, MONEY_MAX, 123450 },
	{ "1,234,567.89", 2, MONEY_MAX, 123456789 },
	{ "12,345", 2, MONEY_MAX, 1234500 },
	{ "123,456", 2, MONEY_MAX, 12345600 },
	{ "-0.01", 2, MONEY_MAX, -1 },
	{ "+3", 2, MONEY_MAX, 300 },
	{ ".5", 2, MONEY_MAX, 50 },
	{ "-.05", 2, MONEY_MAX, -5 },
	{ "+.5", 2, MONEY_MAX, 50 },
	{ "007", 2, MONEY_MAX, 700 },
	{ "0.1", 2, MONEY_MAX, 10 },
	{ "999999999999.99", 2, MONEY_MAX, MONEY_MAX },
	{ "-999999999999.99", 2, MONEY_MAX, -MONEY_MAX },
	{ "999,999,999,999.99", 2, MONEY_MAX, MONEY_MAX },
	{ "999999999999.9", 2, MONEY_MAX, MONEY_MAX - 9 },
	{ "0000000000000000000000000001", 2, MONEY_MAX, 100 },
	{ "89.5", 2, INT64_MAX, 8950 },
	{ "2.3456", 4, INT64_MAX, 23456 },
	{ "2.3", 4, INT64_MAX, 23000 },
	{ "12.345", 3, INT64_MAX, 12345 },
	{ "7", 0, INT64_MAX, 7 },
	{ "-7", 0, INT64_MAX, -7 },
	{ "0.000001", 6, INT64_MAX, 1 },
	{ "100", 0, 100, 100 },
	{ "-100", 0, 100, -100 },
	{ "1.00", 2, 100, 100 },
	{ "9223372036854775807", 0, INT64_MAX, INT64_MAX },
	{ "-9223372036854775807", 0, INT64_MAX, -INT64_MAX },
	{ "9,223,372,036,854,775,807", 0, INT64_MAX, INT64_MAX },
	{ "92233720368547.75807", 5, INT64_MAX, INT64_MAX },
};

static const struct parse_bad parse_bad[] = {
	{ "", 2, MONEY_MAX, "'' is empty" },
	{ "1.234", 2, MONEY_MAX, "'1.234' has more than 2 decimals" },
	{ "0.001", 2, MONEY_MAX, "'0.001' has more than 2 decimals" },
	{ "12a", 2, MONEY_MAX, "'12a' is not a number" },
	{ "1,23", 2, MONEY_MAX, "'1,23' has a misplaced thousands separator" },
	{ "1,2345", 2, MONEY_MAX, "'1,2345' has a misplaced" },
	{ "1234,567", 2, MONEY_MAX, "'1234,567' has a misplaced" },
	{ ",123", 2, MONEY_MAX, "',123' has a misplaced" },
	{ "1,,234", 2, MONEY_MAX, "'1,,234' has a misplaced" },
	{ "1,234,56", 2, MONEY_MAX, "'1,234,56' has a misplaced" },
	{ "1,234,", 2, MONEY_MAX, "'1,234,' has a misplaced" },
	{ "1.234,5", 2, MONEY_MAX, "'1.234,5' is not a number" },
	{ "1,2x", 2, MONEY_MAX, "'1,2x' is not a number" },
	{ " 1", 2, MONEY_MAX, "' 1' is not a number" },
	{ "1 ", 2, MONEY_MAX, "'1 ' is not a number" },
	{ "1e3", 2, MONEY_MAX, "'1e3' is not a number" },
	{ "0x10", 2, MONEY_MAX, "'0x10' is not a number" },
	{ "+", 2, MONEY_MAX, "'+' is not a number" },
	{ "-", 2, MONEY_MAX, "'-' is not a number" },
	{ ".", 2, MONEY_MAX, "'.' is not a number" },
	{ "-.", 2, MONEY_MAX, "'-.' is not a number" },
	{ "--1", 2, MONEY_MAX, "'--1' is not a number" },
	{ "+-1", 2, MONEY_MAX, "'+-1' is not a number" },
	{ "1.2.3", 2, MONEY_MAX, "'1.2.3' is not a number" },
	{ "1.", 2, MONEY_MAX, "'1.' has no digits after the decimal point" },
	{ "１２", 2, MONEY_MAX, "'１２' is not a number" },
	{ "¥12", 2, MONEY_MAX, "'¥12' is not a number" },
	{ "12元", 2, MONEY_MAX, "'12元' is not a number" },
	{ "1_000", 2, MONEY_MAX, "'1_000' is not a number" },
	{ "1000000000000", 2, MONEY_MAX,
	  "'1000000000000' is too large (at most 999999999999.99)" },
	{ "1,000,000,000,000.00", 2, MONEY_MAX,
	  "is too large (at most 999999999999.99)" },
	{ "-1000000000000", 2, MONEY_MAX,
	  "'-1000000000000' is too small (at least -999999999999.99)" },
	{ "99999999999999999999999999999999999999", 2, MONEY_MAX,
	  "is too large (at most 999999999999.99)" },
	{ "999999999999.991", 2, MONEY_MAX, "has more than 2 decimals" },
	{ "7.5", 0, INT64_MAX, "'7.5' must be a whole number" },
	{ "101", 0, 100, "'101' is too large (at most 100)" },
	{ "1.01", 2, 100, "'1.01' is too large (at most 1.00)" },
	{ "-101", 0, 100, "'-101' is too small (at least -100)" },
	{ "9223372036854775808", 0, INT64_MAX, "is too large" },
	{ "-9223372036854775808", 0, INT64_MAX, "is too small" },
	{ "92233720368547.75808", 5, INT64_MAX, "is too large" },
	{ "1", 7, INT64_MAX, "scale 7 is not 0 to 6" },
	{ "1", -1, INT64_MAX, "scale -1 is not 0 to 6" },
};

static const struct caps_case caps_cases[] = {
	/* Zero, under one yuan. */
	{ 0, "零元整" },
	{ 1, "壹分" },
	{ 5, "伍分" },
	{ 10, "壹角" },
	{ 50, "伍角" },
	{ 55, "伍角伍分" },
	{ 99, "玖角玖分" },
	/* 元整, 角 without 分, 分 after 零. */
	{ 100, "壹元整" },
	{ 150, "壹元伍角" },
	{ 105, "壹元零伍分" },
	{ 155, "壹元伍角伍分" },
	{ 32504, "叁佰贰拾伍元零肆分" },
	/* Tens keep their 壹; zero in the 元 place. */
	{ 1000, "壹拾元整" },
	{ 1005, "壹拾元零伍分" },
	{ 1050, "壹拾元零伍角" },
	{ 1055, "壹拾元零伍角伍分" },
	{ 1100, "壹拾壹元整" },
	{ 1900, "壹拾玖元整" },
	{ 10000, "壹佰元整" },
	{ 10100, "壹佰零壹元整" },
	{ 11000, "壹佰壹拾元整" },
	{ 100100, "壹仟零壹元整" },
	{ 101000, "壹仟零壹拾元整" },
	{ 100010, "壹仟元零壹角" },
	{ 168032, "壹仟陆佰捌拾元零叁角贰分" },
	/* The 万 group. */
	{ 1000000, "壹万元整" },
	{ 1000050, "壹万元零伍角" },
	{ 1000100, "壹万零壹元整" },
	{ 1010000, "壹万零壹佰元整" },
	{ 1100000, "壹万壹仟元整" },
	{ 1640902, "壹万陆仟肆佰零玖元零贰分" },
	{ 2000005, "贰万元零伍分" },
	{ 10001000, "壹拾万零壹拾元整" },
	{ 10010000, "壹拾万零壹佰元整" },
	{ 10100000, "壹拾万壹仟元整" },
	{ 10700053, "壹拾万柒仟元零伍角叁分" },
	{ 100000000, "壹佰万元整" },
	{ 100000100, "壹佰万零壹元整" },
	{ 1000000000, "壹仟万元整" },
	{ 1000100000, "壹仟万壹仟元整" },
	{ 1000010000, "壹仟万零壹佰元整" },
	{ 1001000000, "壹仟零壹万元整" },
	{ 1010101010, "壹仟零壹拾万壹仟零壹拾元零壹角" },
	{ 1001001001, "壹仟零壹万零壹拾元零壹分" },
	/* The 亿 group, zeros in the middle of groups. */
	{ INT64_C(10000000000), "壹亿元整" },
	{ INT64_C(10000000001), "壹亿元零壹分" },
	{ INT64_C(10000000050), "壹亿元零伍角" },
	{ INT64_C(10000000100), "壹亿零壹元整" },
	{ INT64_C(10001000000), "壹亿零壹万元整" },
	{ INT64_C(10010000000), "壹亿零壹拾万元整" },
	{ INT64_C(11000000000), "壹亿壹仟万元整" },
	{ INT64_C(10100000000), "壹亿零壹佰万元整" },
	{ INT64_C(20300040506), "贰亿零叁佰万零肆佰零伍元零陆分" },
	{ INT64_C(120000500000), "壹拾贰亿零伍仟元整" },
	{ INT64_C(100000000000), "壹拾亿元整" },
	{ INT64_C(1000000000000), "壹佰亿元整" },
	{ INT64_C(10000000000000), "壹仟亿元整" },
	{ INT64_C(10000000000100), "壹仟亿零壹元整" },
	{ INT64_C(10000100000000), "壹仟亿零壹佰万元整" },
	{ INT64_C(10001000000001), "壹仟亿壹仟万元零壹分" },
	{ INT64_C(10010000000001), "壹仟零壹亿元零壹分" },
	{ INT64_C(10000010000001), "壹仟亿零壹拾万元零壹分" },
	{ INT64_C(10000000001000), "壹仟亿零壹拾元整" },
	{ INT64_C(12345678901234),
	  "壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分" },
	{ MONEY_MAX,
	  "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分" },
	/* Negative. */
	{ -1, "负壹分" },
	{ -55, "负伍角伍分" },
	{ -100, "负壹元整" },
	{ -168032, "负壹仟陆佰捌拾元零叁角贰分" },
	{ -MONEY_MAX,
	  "负玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分" },
};

START_TEST(test_fixed_parse_ok)
{
	const struct parse_ok *c = &parse_ok[_i];
	struct wy_err e = { 0 };
	int64_t v = -12345;

	ck_assert_msg(fixed_parse(c->text, c->scale, c->max, &v, &e) == WY_OK,
	    "'%s': %s", c->text, e.msg);
	ck_assert_msg(v == c->want, "'%s' gave %lld, want %lld", c->text,
	    (long long)v, (long long)c->want);
}
END_TEST

START_TEST(test_fixed_parse_bad)
{
	const struct parse_bad *c = &parse_bad[_i];
	struct wy_err e = { 0 };
	int64_t v = -12345;

	ck_assert_int_eq(fixed_parse(c->text, c->scale, c->max, &v, &e),
	    WY_EINVALID);
	ck_assert_int_eq(e.code, WY_EINVALID);
	ck_assert_msg(strstr(e.msg, c->msg) != NULL,
	    "'%s': message \"%s\" lacks \"%s\"", c->text, e.msg, c->msg);
	ck_assert_msg(v == -12345, "'%s' changed the output", c->text);
}
END_TEST

START_TEST(test_fixed_parse_null)
{
	struct wy_err e = { 0 };
	int64_t v = 0;

	ck_assert_int_eq(fixed_parse(NULL, 2, MONEY_MAX, &v, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "'' is empty");
	/* A NULL error record and a NULL output are allowed. */
	ck_assert_int_eq(fixed_parse("x", 2, MONEY_MAX, &v, NULL), WY_EINVALID);
	ck_assert_int_eq(fixed_parse("1", 2, MONEY_MAX, NULL, &e), WY_OK);
}
END_TEST

START_TEST(test_fixed_parse_long_text)
{
	char text[300];
	struct wy_err e = { 0 };
	int64_t v;

	/* A long bad text is quoted in part, cut at a character boundary. */
	memset(text, 0, sizeof text);
	for (size_t i = 0; i + 3 < sizeof text - 1; i += 3)
		memcpy(text + i, "元", 3);
	ck_assert_int_eq(money_parse(text, &v, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "…' is not a number"));
	ck_assert_uint_lt(strlen(e.msg), 120);
}
END_TEST

START_TEST(test_money_parse)
{
	struct wy_err e = { 0 };
	int64_t v;

	ck_assert_int_eq(money_parse("1,234.56", &v, &e), WY_OK);
	ck_assert_int_eq(v, 123456);
	ck_assert_int_eq(money_parse("999999999999.99", &v, &e), WY_OK);
	ck_assert_int_eq(v, MONEY_MAX);
	ck_assert_int_eq(money_parse("1000000000000.00", &v, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg,
	    "'1000000000000.00' is too large (at most 999999999999.99)");
	ck_assert_int_eq(money_parse("1.234", &v, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "'1.234' has more than 2 decimals");
}
END_TEST

START_TEST(test_fixed_format)
{
	char buf[MONEY_BUFSIZE];

	ck_assert_str_eq(fixed_format(8950, 2, buf, sizeof buf), "89.50");
	ck_assert_str_eq(fixed_format(0, 2, buf, sizeof buf), "0.00");
	ck_assert_str_eq(fixed_format(-1, 2, buf, sizeof buf), "-0.01");
	ck_assert_str_eq(fixed_format(-100, 2, buf, sizeof buf), "-1.00");
	ck_assert_str_eq(fixed_format(23456, 4, buf, sizeof buf), "2.3456");
	ck_assert_str_eq(fixed_format(5, 3, buf, sizeof buf), "0.005");
	ck_assert_str_eq(fixed_format(7, 0, buf, sizeof buf), "7");
	ck_assert_str_eq(fixed_format(-7, 0, buf, sizeof buf), "-7");
	ck_assert_str_eq(fixed_format(1, 6, buf, sizeof buf), "0.000001");
	ck_assert_str_eq(fixed_format(INT64_MAX, 2, buf, sizeof buf),
	    "92233720368547758.07");
	ck_assert_str_eq(fixed_format(INT64_MIN, 2, buf, sizeof buf),
	    "-92233720368547758.08");
	/* A short buffer is cut, never overrun. */
	ck_assert_str_eq(fixed_format(8950, 2, buf, 4), "89.");
	ck_assert_str_eq(fixed_format(8950, 2, buf, 1), "");
}
END_TEST

START_TEST(test_fixed_roundtrip)
{
	static const int64_t values[] = {
		0, 1, -1, 9, 10, 99, 100, 101, 123456, -987654321, MONEY_MAX,
		-MONEY_MAX, INT64_MAX, -INT64_MAX
	};
	char buf[MONEY_BUFSIZE];
	struct wy_err e = { 0 };
	int64_t v;

	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
		for (int scale = 0; scale <= 6; scale++) {
			fixed_format(values[i], scale, buf, sizeof buf);
			ck_assert_msg(fixed_parse(buf, scale, INT64_MAX, &v,
			    &e) == WY_OK, "%s: %s", buf, e.msg);
			ck_assert_msg(v == values[i], "%s scale %d", buf,
			    scale);
		}
}
END_TEST

START_TEST(test_money_format)
{
	char buf[MONEY_BUFSIZE];

	ck_assert_str_eq(money_format(123456, buf, sizeof buf), "1234.56");
	ck_assert_str_eq(money_format(-1, buf, sizeof buf), "-0.01");
	ck_assert_str_eq(money_format(0, buf, sizeof buf), "0.00");
	ck_assert_str_eq(money_format(5, buf, sizeof buf), "0.05");
	ck_assert_str_eq(money_format(MONEY_MAX, buf, sizeof buf),
	    "999999999999.99");
	ck_assert_str_eq(money_format(INT64_MIN, buf, sizeof buf),
	    "-92233720368547758.08");
}
END_TEST

START_TEST(test_money_format_grouped)
{
	char buf[MONEY_BUFSIZE];

	ck_assert_str_eq(money_format_grouped(0, buf, sizeof buf), "0.00");
	ck_assert_str_eq(money_format_grouped(1, buf, sizeof buf), "0.01");
	ck_assert_str_eq(money_format_grouped(-1, buf, sizeof buf), "-0.01");
	ck_assert_str_eq(money_format_grouped(99999, buf, sizeof buf),
	    "999.99");
	ck_assert_str_eq(money_format_grouped(100000, buf, sizeof buf),
	    "1,000.00");
	ck_assert_str_eq(money_format_grouped(123456789, buf, sizeof buf),
	    "1,234,567.89");
	ck_assert_str_eq(money_format_grouped(-123456, buf, sizeof buf),
	    "-1,234.56");
	ck_assert_str_eq(money_format_grouped(10000000, buf, sizeof buf),
	    "100,000.00");
	ck_assert_str_eq(money_format_grouped(MONEY_MAX, buf, sizeof buf),
	    "999,999,999,999.99");
	ck_assert_str_eq(money_format_grouped(INT64_MIN, buf, sizeof buf),
	    "-92,233,720,368,547,758.08");
	ck_assert_str_eq(money_format_grouped(100000, buf, 4), "1,0");
}
END_TEST

START_TEST(test_money_capitals_table)
{
	const struct caps_case *c = &caps_cases[_i];
	char buf[MONEY_CAPS_BUFSIZE];
	char amount[MONEY_BUFSIZE];
	struct wy_err e = { 0 };

	money_format(c->fen, amount, sizeof amount);
	ck_assert_msg(money_capitals(c->fen, buf, sizeof buf, &e) == WY_OK,
	    "%s: %s", amount, e.msg);
	ck_assert_msg(strcmp(buf, c->want) == 0, "%s: got %s, want %s",
	    amount, buf, c->want);
}
END_TEST

START_TEST(test_money_capitals_range)
{
	char buf[MONEY_CAPS_BUFSIZE];
	struct wy_err e = { 0 };

	ck_assert_int_eq(money_capitals(MONEY_MAX + 1, buf, sizeof buf, &e),
	    WY_EINVALID);
	ck_assert_str_eq(e.msg, "1000000000000.00 is too large to write in "
	    "Chinese capitals (at most 999999999999.99)");
	ck_assert_int_eq(money_capitals(-MONEY_MAX - 1, buf, sizeof buf, &e),
	    WY_EINVALID);
	ck_assert_int_eq(money_capitals(INT64_MAX, buf, sizeof buf, &e),
	    WY_EINVALID);
	ck_assert_int_eq(money_capitals(INT64_MIN, buf, sizeof buf, &e),
	    WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "-92233720368547758.08"));
}
END_TEST

START_TEST(test_money_capitals_buffer)
{
	char buf[MONEY_CAPS_BUFSIZE];
	struct wy_err e = { 0 };

	/* "壹元整" is 9 bytes: 10 is enough, 9 is not. */
	ck_assert_int_eq(money_capitals(100, buf, 10, &e), WY_OK);
	ck_assert_str_eq(buf, "壹元整");
	strcpy(buf, "untouched");
	ck_assert_int_eq(money_capitals(100, buf, 9, &e), WY_EFAIL);
	ck_assert_str_eq(buf, "untouched");
	ck_assert_int_eq(money_capitals(100, NULL, 0, &e), WY_EFAIL);
}
END_TEST

START_TEST(test_money_capitals_all_small)
{
	char buf[MONEY_CAPS_BUFSIZE];
	struct wy_err e = { 0 };

	/* Every amount up to 100000.00 in steps that reach every digit
	 * pattern of the low places: the text is never empty, never has two
	 * 零 in a row, never starts or ends with 零 (except 零元整). */
	for (int64_t f = 1; f <= 10000000; f += (f < 200000 ? 1 : 997)) {
		ck_assert_int_eq(money_capitals(f, buf, sizeof buf, &e), WY_OK);
		ck_assert_msg(strstr(buf, "零零") == NULL, "%lld: %s",
		    (long long)f, buf);
		ck_assert_msg(strncmp(buf, "零", 3) != 0, "%lld: %s",
		    (long long)f, buf);
		ck_assert_msg(strlen(buf) >= 6, "%lld: %s", (long long)f, buf);
		ck_assert_msg(strcmp(buf + strlen(buf) - 3, "零") != 0,
		    "%lld: %s", (long long)f, buf);
	}
}
END_TEST

START_TEST(test_money_mul)
{
	struct wy_err e = { 0 };
	int64_t f = -1;

	/* The header's example: 2.3456 x 89.50 = 209.931200 -> 209.93. */
	ck_assert_int_eq(money_mul(23456, 4, 8950, 2, &f, &e), WY_OK);
	ck_assert_int_eq(f, 20993);
	/* Exactly half a fen rounds away from zero, both signs. */
	ck_assert_int_eq(money_mul(5, 3, 1, 0, &f, &e), WY_OK);
	ck_assert_int_eq(f, 1);
	ck_assert_int_eq(money_mul(-5, 3, 1, 0, &f, &e), WY_OK);
	ck_assert_int_eq(f, -1);
	ck_assert_int_eq(money_mul(5, 3, -1, 0, &f, &e), WY_OK);
	ck_assert_int_eq(f, -1);
	ck_assert_int_eq(money_mul(-5, 3, -1, 0, &f, &e), WY_OK);
	ck_assert_int_eq(f, 1);
	ck_assert_int_eq(money_mul(12350, 4, 100, 2, &f, &e), WY_OK);
	ck_assert_int_eq(f, 124);
	ck_assert_int_eq(money_mul(-12350, 4, 100, 2, &f, &e), WY_OK);
	ck_assert_int_eq(f, -124);
	/* Just under half rounds toward zero. */
	ck_assert_int_eq(money_mul(12349, 4, 100, 2, &f, &e), WY_OK);
	ck_assert_int_eq(f, 123);
	ck_assert_int_eq(money_mul(-12349, 4, 100, 2, &f, &e), WY_OK);
	ck_assert_int_eq(f, -123);
	ck_assert_int_eq(money_mul(4, 3, 1, 0, &f, &e), WY_OK);
	ck_assert_int_eq(f, 0);
	/* Half a fen on a scale-6 product: 0.5 x 0.01 = 0.005. */
	ck_assert_int_eq(money_mul(5, 1, 1, 2, &f, &e), WY_OK);
	ck_assert_int_eq(f, 1);
	/* Scales below fen are widened. */
	ck_assert_int_eq(money_mul(3, 0, 4, 0, &f, &e), WY_OK);
	ck_assert_int_eq(f, 1200);
	ck_assert_int_eq(money_mul(15, 1, 2, 0, &f, &e), WY_OK);
	ck_assert_int_eq(f, 300);
	ck_assert_int_eq(money_mul(0, 6, INT64_MAX, 6, &f, &e), WY_OK);
	ck_assert_int_eq(f, 0);
	/* Meter usage (scale 3) x unit price (scale 4). */
	ck_assert_int_eq(money_mul(12345, 3, 28500, 4, &f, &e), WY_OK);
	ck_assert_int_eq(f, 3518);	/* 12.345 x 2.85 = 35.18325 */
	/* Boundaries. */
	ck_assert_int_eq(money_mul(MONEY_MAX, 2, 1, 0, &f, &e), WY_OK);
	ck_assert_int_eq(f, MONEY_MAX);
	ck_assert_int_eq(money_mul(-MONEY_MAX, 2, 1, 0, &f, &e), WY_OK);
	ck_assert_int_eq(f, -MONEY_MAX);
	ck_assert_int_eq(money_mul(INT64_C(999999999999994), 3, 1, 0, &f, &e),
	    WY_OK);
	ck_assert_int_eq(f, MONEY_MAX);	/* rounds down onto the maximum */
}
END_TEST

START_TEST(test_money_mul_overflow)
{
	struct wy_err e = { 0 };
	int64_t f = 42;

	ck_assert_int_eq(money_mul(MONEY_MAX, 2, 2, 0, &f, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "999999999999.99 times 2 is too large "
	    "(at most 999999999999.99)");
	ck_assert_int_eq(f, 42);
	/* Rounds up past the maximum. */
	ck_assert_int_eq(money_mul(INT64_C(999999999999995), 3, 1, 0, &f, &e),
	    WY_EINVALID);
	ck_assert_int_eq(money_mul(INT64_MAX, 6, INT64_MAX, 6, &f, &e),
	    WY_EINVALID);
	ck_assert_int_eq(money_mul(INT64_MIN, 0, -1, 0, &f, &e), WY_EINVALID);
	ck_assert_int_eq(money_mul(INT64_MIN, 0, INT64_MIN, 0, &f, &e),
	    WY_EINVALID);
	ck_assert_int_eq(money_mul(INT64_MAX, 0, 1, 0, &f, &e), WY_EINVALID);
	ck_assert_int_eq(money_mul(1, 7, 1, 0, &f, &e), WY_EINVALID);
	ck_assert_int_eq(money_mul(1, 0, 1, -1, &f, &e), WY_EINVALID);
	ck_assert_int_eq(f, 42);
}
END_TEST

Suite *
money_suite(void)
{
	Suite *s = suite_create("money");
	TCase *tc;

	tc = tcase_create("fixed_parse");
	tcase_add_test(tc, test_fixed_parse_null);
	tcase_add_loop_test(tc, test_fixed_parse_ok, 0,
	    sizeof parse_ok / sizeof parse_ok[0]);
	tcase_add_loop_test(tc, test_fixed_parse_bad, 0,
	    sizeof parse_bad / sizeof parse_bad[0]);
	tcase_add_test(tc, test_fixed_parse_long_text);
	suite_add_tcase(s, tc);

	tc = tcase_create("fixed_format");
	tcase_add_test(tc, test_fixed_format);
	tcase_add_test(tc, test_fixed_roundtrip);
	suite_add_tcase(s, tc);

	tc = tcase_create("money_parse");
	tcase_add_test(tc, test_money_parse);
	suite_add_tcase(s, tc);

	tc = tcase_create("money_format");
	tcase_add_test(tc, test_money_format);
	tcase_add_test(tc, test_money_format_grouped);
	suite_add_tcase(s, tc);

	tc = tcase_create("money_capitals");
	tcase_add_loop_test(tc, test_money_capitals_table, 0,
	    sizeof caps_cases / sizeof caps_cases[0]);
	tcase_add_test(tc, test_money_capitals_range);
	tcase_add_test(tc, test_money_capitals_buffer);
	tcase_add_test(tc, test_money_capitals_all_small);
	suite_add_tcase(s, tc);

	tc = tcase_create("money_mul");
	tcase_add_test(tc, test_money_mul);
	tcase_add_test(tc, test_money_mul_overflow);
	suite_add_tcase(s, tc);
	return s;
}
