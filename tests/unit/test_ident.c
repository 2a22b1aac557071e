/* wuye: unit tests for ident.c (ID card numbers, phone numbers).
 *
 * The valid ID numbers below were made with ident_check_digit on their
 * first 17 digits:
 *   11010519491231002 -> X   (the textbook GB 11643 example)
 *   44030419900101001 -> 1
 *   31011519851208123 -> 8
 *   11010120000229002 -> 6   (born on a leap day)
 *   51010719800101123 -> 5
 *   11010119000101001 -> 4   (born on the first day allowed)
 *   11010119000229001 -> 8   (1900-02-29 does not exist)
 *   11010121000101001 -> X   (born in 2100: in the future)
 *   11010118990501001 -> 9   (born before 1900: only implausible)
 *   11010118960229001 -> 7   (1896-02-29, a leap day before 1900)
 *   11010118991231001 -> X
 *   11010118000229001 -> 2   (1800-02-29 does not exist)
 *   11010118991332001 -> 7   (month 13)
 */
#include <check.h>
#include <string.h>

#include "wuye/ident.h"

struct bad_text {
	const char *text;
	const char *msg;	/* expected part of the message */
};

static const char *const good_ids[] = {
	"11010519491231002X",
	"11010519491231002x",
	"440304199001010011",
	"310115198512081238",
	"110101200002290026",
	"510107198001011235",
	"110101190001010014",
	/* The hard rules hold before 1900 (it is only a warning). */
	"110101189905010019",
	"110101189602290017",
	"11010118991231001X",
	"11010121000101001X",
};

/* Valid numbers that break a plausibility rule, and the rule. */
static const struct bad_text implausible_ids[] = {
	{ "110101189905010019", "ID number '110101189905010019': birth date "
	  "1899-05-01 is before 1900" },
	{ "110101189602290017", "birth date 1896-02-29 is before 1900" },
	{ "11010118991231001X", "birth date 1899-12-31 is before 1900" },
	{ "11010121000101001X", "birth date 2100-01-01 is in the future" },
};

static const struct bad_text bad_ids[] = {
	{ "", "the ID number is empty" },
	{ "11010519491231002", "'11010519491231002' has 17 characters, "
	  "should have 18" },
	{ "11010519491231002X1", "has 19 characters, should have 18" },
	{ "110105194912310021", "ID number '110105194912310021': check digit "
	  "is 1, should be X" },
	{ "440304199001010012", "check digit is 2, should be 1" },
	{ "11010519491231002Y", "the last character must be a digit or X" },
	{ "11010519491231002 ", "the last character must be a digit or X" },
	{ "11010519491231002Ｘ", "the last character must be a digit or X" },
	{ "1101051949123100AX", "the first 17 characters must be digits" },
	{ "A1010519491231002X", "the first 17 characters must be digits" },
	{ " 1010519491231002X", "the first 17 characters must be digits" },
	{ "１１０１０５１９４９１２３１００２Ｘ",
	  "the first 17 characters must be digits" },
	{ "110101190002290018", "birth date 1900-02-29 is not a real date" },
	{ "110101189912310011", "check digit is 1, should be X" },
	{ "110101189905010018", "check digit is 8, should be 9" },
	{ "110101180002290012", "birth date 1800-02-29 is not a real date" },
	{ "110101189913320017", "birth date 1899-13-32 is not a real date" },
	{ "110101199013010011", "birth date 1990-13-01 is not a real date" },
	{ "110101199002300011", "birth date 1990-02-30 is not a real date" },
	{ "110101199001000011", "birth date 1990-01-00 is not a real date" },
	{ "110101210001010011", "check digit is 1, should be X" },
};

static const char *const good_phones[] = {
	"13800138000", "19912345678", "15012345678", "17712345678",
	"+8613800138000", "8613800138000",
	"010-12345678", "01012345678", "021-87654321", "0755-1234567",
	"07551234567", "075512345678", "0755-12345678", "010-1234567",
	"021-87654321-123", "02187654321-8", "0755-1234567-123456",
	"4001234567", "8001234567", "400-123-4567", "800-810-8888",
};

static const struct bad_text bad_phones[] = {
	{ "", "the phone number is empty" },
	{ "138 0013 8000", "may not contain spaces" },
	{ " 13800138000", "may not contain spaces" },
	{ "+86 13800138000", "may not contain spaces" },
	{ "1380013800", "is not a mobile number" },		/* 10 digits */
	{ "138001380001", "is not a mobile number" },		/* 12 digits */
	{ "12800138000", "is not a mobile number" },		/* 12x */
	{ "10800138000", "is not a mobile number" },
	{ "1380013800a", "is not a mobile number" },
	{ "+86138001380000", "is not a mobile number" },
	{ "+8601012345678", "is not a mobile number" },
	{ "+86-13800138000", "is not a mobile number" },
	{ "86138001380", "is not a phone number" },
	{ "010-123456", "is not a landline number" },		/* 6 digits */
	{ "010-123456789", "is not a landline number" },	/* 9 digits */
	{ "0010-12345678", "is not a landline number" },	/* 00... */
	{ "010-12345678-", "is not a landline number" },
	{ "010-12345678-1234567", "is not a landline number" },
	{ "010--12345678", "is not a landline number" },
	{ "01-12345678", "is not a landline number" },
	{ "01075-12345678", "is not a landline number" },
	{ "010123456", "is not a landline number" },
	{ "0101234567890", "is not a landline number" },
	{ "010-1234-5678", "is not a landline number" },
	{ "4001234", "is not a phone number" },
	{ "40012345678", "is not a phone number" },
	{ "400-1234-567", "is not a phone number" },
	{ "500-123-4567", "is not a phone number" },
	{ "23800138000", "is not a phone number" },
	{ "abc", "'abc' is not a phone number" },
	{ "电话", "'电话' is not a phone number" },
	{ "(010)12345678", "is not a phone number" },
};

START_TEST(test_ident_check_digit)
{
	ck_assert_int_eq(ident_check_digit(NULL), '\0');
	ck_assert_int_eq(ident_check_digit(""), '\0');
	ck_assert_int_eq(ident_check_digit("1101051949123100"), '\0');
	ck_assert_int_eq(ident_check_digit("1101051949123100a"), '\0');
	ck_assert_int_eq(
	    ident_check_digit("１１０１０５１９４９１２３１００２"), '\0');
	ck_assert_int_eq(ident_check_digit("11010519491231002"), 'X');
	ck_assert_int_eq(ident_check_digit("44030419900101001"), '1');
	ck_assert_int_eq(ident_check_digit("31011519851208123"), '8');
	ck_assert_int_eq(ident_check_digit("11010120000229002"), '6');
	ck_assert_int_eq(ident_check_digit("51010719800101123"), '5');
	ck_assert_int_eq(ident_check_digit("11010119000101001"), '4');
	/* All zeros: sum 0 -> '1'. */
	ck_assert_int_eq(ident_check_digit("00000000000000000"), '1');
	/* The whole number may be passed: the 18th character is ignored. */
	ck_assert_int_eq(ident_check_digit("11010519491231002X"), 'X');
	ck_assert_int_eq(ident_check_digit("110105194912310021"), 'X');
}
END_TEST

START_TEST(test_ident_check_digit_each_value)
{
	char id[18];
	int seen[128] = { 0 };

	/* The 17th digit has weight 2, which is invertible mod 11, so its ten
	 * values give ten different check characters, each a digit or X. */
	memcpy(id, "11010519491231000", 18);
	for (int d = 0; d <= 9; d++) {
		char c;

		id[16] = (char)('0' + d);
		c = ident_check_digit(id);
		ck_assert((c >= '0' && c <= '9') || c == 'X');
		ck_assert_int_eq(seen[(int)c], 0);
		seen[(int)c] = 1;
	}
}
END_TEST

START_TEST(test_ident_idcard_ok)
{
	struct wy_err e = { 0 };

	ck_assert_msg(ident_idcard_check(good_ids[_i], &e) == WY_OK, "%s: %s",
	    good_ids[_i], e.msg);
}
END_TEST

START_TEST(test_ident_idcard_bad)
{
	const struct bad_text *c = &bad_ids[_i];
	struct wy_err e = { 0 };

	ck_assert_int_eq(ident_idcard_check(c->text, &e), WY_EINVALID);
	ck_assert_int_eq(e.code, WY_EINVALID);
	ck_assert_msg(strstr(e.msg, c->msg) != NULL,
	    "'%s': message \"%s\" lacks \"%s\"", c->text, e.msg, c->msg);
}
END_TEST

START_TEST(test_ident_idcard_implausible)
{
	const struct bad_text *c = &implausible_ids[_i];
	struct wy_err e = { 0 };

	ck_assert_int_eq(ident_idcard_check(c->text, &e), WY_OK);
	ck_assert_int_eq(ident_idcard_plausible(c->text, &e), WY_EINVALID);
	ck_assert_msg(strstr(e.msg, c->msg) != NULL,
	    "'%s': message \"%s\" lacks \"%s\"", c->text, e.msg, c->msg);
}
END_TEST

START_TEST(test_ident_idcard_plausible)
{
	struct wy_err e = { 0 };

	/* From 1900-01-01 to today is plausible. */
	ck_assert_int_eq(ident_idcard_plausible("110101190001010014", &e), WY_OK);
	ck_assert_int_eq(ident_idcard_plausible("11010519491231002X", &e), WY_OK);
	ck_assert_int_eq(ident_idcard_plausible("110101200002290026", &e), WY_OK);
	ck_assert_int_eq(ident_idcard_plausible(NULL, &e), WY_OK);
	ck_assert_int_eq(ident_idcard_plausible("110101189905010019", NULL),
	    WY_EINVALID);
}
END_TEST

START_TEST(test_ident_idcard_null)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(ident_idcard_check(NULL, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "the ID number is empty");
	ck_assert_int_eq(ident_idcard_check("123", NULL), WY_EINVALID);
}
END_TEST

START_TEST(test_ident_idcard_gender)
{
	ck_assert_int_eq(ident_idcard_gender("11010519491231002X"), 'F');
	ck_assert_int_eq(ident_idcard_gender("440304199001010011"), 'M');
	ck_assert_int_eq(ident_idcard_gender("310115198512081238"), 'M');
	ck_assert_int_eq(ident_idcard_gender("110101200002290026"), 'F');
	ck_assert_int_eq(ident_idcard_gender("110101190001010014"), 'M');
	ck_assert_int_eq(ident_idcard_gender("110101190001010094"), 'M');
	ck_assert_int_eq(ident_idcard_gender("110101190001010084"), 'F');
	ck_assert_int_eq(ident_idcard_gender(NULL), '\0');
	ck_assert_int_eq(ident_idcard_gender(""), '\0');
	ck_assert_int_eq(ident_idcard_gender("abc"), '\0');
	ck_assert_int_eq(ident_idcard_gender("1101051949123100"), '\0');
}
END_TEST

START_TEST(test_ident_phone_ok)
{
	struct wy_err e = { 0 };

	ck_assert_msg(ident_phone_check(good_phones[_i], &e) == WY_OK,
	    "%s: %s", good_phones[_i], e.msg);
}
END_TEST

START_TEST(test_ident_phone_bad)
{
	const struct bad_text *c = &bad_phones[_i];
	struct wy_err e = { 0 };

	ck_assert_int_eq(ident_phone_check(c->text, &e), WY_EINVALID);
	ck_assert_msg(strstr(e.msg, c->msg) != NULL,
	    "'%s': message \"%s\" lacks \"%s\"", c->text, e.msg, c->msg);
}
END_TEST

START_TEST(test_ident_phone_null)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(ident_phone_check(NULL, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "the phone number is empty");
	ck_assert_int_eq(ident_phone_check("x", NULL), WY_EINVALID);
}
END_TEST

Suite *
ident_suite(void)
{
	Suite *s = suite_create("ident");
	TCase *tc;

	tc = tcase_create("ident_check_digit");
	tcase_add_test(tc, test_ident_check_digit);
	tcase_add_test(tc, test_ident_check_digit_each_value);
	suite_add_tcase(s, tc);

	tc = tcase_create("ident_idcard_check");
	tcase_add_test(tc, test_ident_idcard_null);
	tcase_add_loop_test(tc, test_ident_idcard_ok, 0,
	    sizeof good_ids / sizeof good_ids[0]);
	tcase_add_loop_test(tc, test_ident_idcard_bad, 0,
	    sizeof bad_ids / sizeof bad_ids[0]);
	tcase_add_loop_test(tc, test_ident_idcard_implausible, 0,
	    sizeof implausible_ids / sizeof implausible_ids[0]);
	tcase_add_test(tc, test_ident_idcard_plausible);
	suite_add_tcase(s, tc);

	tc = tcase_create("ident_idcard_gender");
	tcase_add_test(tc, test_ident_idcard_gender);
	suite_add_tcase(s, tc);

	tc = tcase_create("ident_phone_check");
	tcase_add_test(tc, test_ident_phone_null);
	tcase_add_loop_test(tc, test_ident_phone_ok, 0,
	    sizeof good_phones / sizeof good_phones[0]);
	tcase_add_loop_test(tc, test_ident_phone_bad, 0,
	    sizeof bad_phones / sizeof bad_phones[0]);
	suite_add_tcase(s, tc);
	return s;
}
