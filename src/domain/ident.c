/* wuye: identity numbers and phone numbers.
 *
 * The ID card check character is ISO 7064 MOD 11-2 as GB 11643-1999 gives
 * it: the sum of the first 17 digits times the weights 7 9 10 5 8 4 2 1 6 3
 * 7 9 10 5 8 4 2 (that is 2^(17-i) mod 11), taken mod 11, indexes
 * "10X98765432".  The birth date (characters 7-14) must be a real date
 * (any year: date.h stops at 1900, so the days of the month are counted
 * here); that it is from 1900-01-01 to today is only plausible, a warning.
 * Phone numbers are matched by hand against the three shapes in ident.h;
 * nothing is looked up.
 */
#include "wuye/ident.h"

#include <stdint.h>
#include <string.h>

#include "wuye/date.h"
#include "wuye/i18n.h"
#include "wuye/utf8.h"

#define IDENT_LEN 18
#define IDENT_YEAR_MIN 1900	/* an earlier birth year is a warning */

static const int id_weights[17] = {
	7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
};
static const char id_checks[] = "10X98765432";

/* 1 if c is an ASCII digit. */
static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Number of ASCII digits at the start of s. */
static size_t
count_digits(const char *s)
{
	size_t n = 0;

	while (is_digit(s[n]))
		n++;
	return n;
}

/* Value of the n digits at s (which must be digits). */
static int
digits_value(const char *s, int n)
{
	int v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

/* Compute the check character of 17 digits; characters after them are
 * ignored, so the whole 18-character number may be passed. */
char
ident_check_digit(const char *first17)
{
	int i, sum = 0;

	if (first17 == NULL)
		return '\0';
	for (i = 0; i < 17; i++) {
		if (!is_digit(first17[i]))
			return '\0';
		sum += (first17[i] - '0') * id_weights[i];
	}
	return id_checks[sum % 11];
}

/* Check length, digits, birth date and check character, in that order. */
int
ident_idcard_check(const char *id, struct wy_err *e)
{
	char q[UTF8_EXCERPT_MAX + 4], want, got;
	size_t len;
	int y, m, d;

	if (id == NULL || *id == '\0')
		return wy_fail(e, WY_EINVALID, _("the ID number is empty"));
	utf8_excerpt(id, q, sizeof q);
	len = utf8_len(id);
	if (len != IDENT_LEN)
		return wy_fail(e, WY_EINVALID,
		    _("ID number '%s' has %zu characters, should have 18"),
		    q, len);
	if (count_digits(id) < 17)
		return wy_fail(e, WY_EINVALID,
		    _("ID number '%s': the first 17 characters must be "
		    "digits"), q);
	got = id[17];
	if (got == 'x')
		got = 'X';
	if (!is_digit(got) && got != 'X')
		return wy_fail(e, WY_EINVALID,
		    _("ID number '%s': the last character must be a digit or "
		    "X"), q);
	y = digits_value(id + 6, 4);
	m = digits_value(id + 10, 2);
	d = digits_value(id + 12, 2);
	if (d < 1 || d > date_days_in_month(y, m))
		return wy_fail(e, WY_EINVALID,
		    _("ID number '%s': birth date %.4s-%.2s-%.2s is not a real "
		    "date"), q, id + 6, id + 10, id + 12);
	want = ident_check_digit(id);
	if (got != want)
		return wy_fail(e, WY_EINVALID,
		    _("ID number '%s': check digit is %c, should be %c"), q,
		    got, want);
	return WY_OK;
}

/* The plausibility rules of a number that passed ident_idcard_check. */
int
ident_idcard_plausible(const char *id, struct wy_err *e)
{
	char q[UTF8_EXCERPT_MAX + 4];
	int y, m, d;

	if (id == NULL || count_digits(id) < 14)
		return WY_OK;
	utf8_excerpt(id, q, sizeof q);
	y = digits_value(id + 6, 4);
	m = digits_value(id + 10, 2);
	d = digits_value(id + 12, 2);
	if (y < IDENT_YEAR_MIN)
		return wy_fail(e, WY_EINVALID,
		    _("ID number '%s': birth date %.4s-%.2s-%.2s is before %d"),
		    q, id + 6, id + 10, id + 12, IDENT_YEAR_MIN);
	if (!date_valid_ymd(y, m, d) || date_from_ymd(y, m, d) > date_today())
		return wy_fail(e, WY_EINVALID,
		    _("ID number '%s': birth date %.4s-%.2s-%.2s is in the "
		    "future"), q, id + 6, id + 10, id + 12);
	return WY_OK;
}

/* 'M' for an odd sequence digit, 'F' for an even one, '\0' without one. */
char
ident_idcard_gender(const char *id)
{
	if (id == NULL || count_digits(id) < 17)
		return '\0';
	return (id[16] - '0') % 2 == 1 ? 'M' : 'F';
}

/* 1 if s is 1[3-9] and 9 more digits, nothing else. */
static int
is_mobile(const char *s)
{
	return count_digits(s) == 11 && strlen(s) == 11 && s[0] == '1' &&
	    s[1] >= '3';
}

/* 1 if s is a landline: 0, an area code of 2-3 digits not starting with
 * 0, an optional '-', 7-8 digits, an optional extension "-" and 1-6
 * digits. */
static int
is_landline(const char *s)
{
	size_t n, ext, area;

	if (s[0] != '0' || s[1] == '0')
		return 0;
	n = count_digits(s);
	if (s[n] == '-' && n >= 3 && n <= 4) {
		/* 0AA-NNNNNNN: the area code ends at the dash. */
		area = n;
		n = count_digits(s + area + 1);
		if (n < 7 || n > 8)
			return 0;
		s += area + 1 + n;
	} else {
		/* 0AANNNNNNN: 1 + 2-3 + 7-8 digits without a dash. */
		if (n < 10 || n > 12)
			return 0;
		s += n;
	}
	if (*s == '\0')
		return 1;
	if (*s != '-')
		return 0;
	ext = count_digits(s + 1);
	return ext >= 1 && ext <= 6 && s[1 + ext] == '\0';
}

/* 1 if s is a 400 or 800 number: 400 and 7 digits, also written
 * 400-NNN-NNNN. */
static int
is_service(const char *s)
{
	if (strncmp(s, "400", 3) != 0 && strncmp(s, "800", 3) != 0)
		return 0;
	if (count_digits(s) == 10 && s[10] == '\0')
		return 1;
	return s[3] == '-' && count_digits(s + 4) == 3 && s[7] == '-' &&
	    count_digits(s + 8) == 4 && s[12] == '\0';
}

/* Accept a mobile (after an optional +86 or 86), landline or service
 * number; the message says which shape a near miss was meant to be. */
int
ident_phone_check(const char *phone, struct wy_err *e)
{
	char q[UTF8_EXCERPT_MAX + 4];
	const char *p;

	if (phone == NULL || *phone == '\0')
		return wy_fail(e, WY_EINVALID, _("the phone number is empty"));
	utf8_excerpt(phone, q, sizeof q);
	if (strchr(phone, ' ') != NULL)
		return wy_fail(e, WY_EINVALID,
		    _("'%s': a phone number may not contain spaces"), q);
	p = phone;
	if (strncmp(p, "+86", 3) == 0)
		p += 3;
	else if (strncmp(p, "86", 2) == 0 && strlen(p) == 13)
		p += 2;
	if (is_mobile(p))
		return WY_OK;
	if (p == phone && (is_landline(p) || is_service(p)))
		return WY_OK;
	if (p[0] == '1' || p != phone)
		return wy_fail(e, WY_EINVALID,
		    _("'%s' is not a mobile number (11 digits starting with "
		    "13 to 19)"), q);
	if (p[0] == '0')
		return wy_fail(e, WY_EINVALID,
		    _("'%s' is not a landline number (area code, '-', 7 or 8 "
		    "digits, e.g. 010-12345678)"), q);
	return wy_fail(e, WY_EINVALID,
	    _("'%s' is not a phone number (a mobile, a landline such as "
	    "010-12345678, or a 400/800 number)"), q);
}
