/* wuye: money and fixed-point quantities.
 *
 * Every amount is an int64_t of fen and every other quantity an integer
 * scaled by 10^scale; nothing here uses floating point.  Parsing is strict
 * (one optional sign, digits with optional groups of three separated by
 * commas, an optional point and at most `scale` decimals, nothing else) and
 * every refusal names the text.  money_mul multiplies in __int128, so no
 * product of two int64_t can overflow before the single rounding to fen.
 *
 * money_capitals writes 人民币大写 following the People's Bank of China
 * rules for filling in bills and vouchers (《支付结算办法》 annex
 * "正确填写票据和结算凭证的基本规定"):
 *
 * - digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟 within a group of four,
 *   万 and 亿 after a group, then 元角分.  A leading 1 of the tens keeps
 *   its 壹: 10 = 壹拾元整, 100010 = 壹拾万零壹拾元整.
 * - "整" (never 正) after 元 when there are no 角 and no 分: 100 = 壹佰元整,
 *   0 = 零元整.  After 角 the rule allows either; wuye writes no 整 there
 *   (1.50 = 壹元伍角, 0.50 = 伍角), and never after 分.
 * - Zeros in the middle of the yuan part, one or several in a row, are
 *   written as one 零: 1001 = 壹仟零壹元整, 1000001 = 壹佰万零壹元整,
 *   100100 = 壹拾万零壹佰元整, 100000001 = 壹亿零壹元整,
 *   100010000 = 壹亿零壹万元整, 203000405.06 = 贰亿零叁佰万零肆佰零伍元零陆分.
 *   Trailing zeros of a group are absorbed by its 万 or 亿: 10000 = 壹万元整,
 *   100000000 = 壹亿元整, and when only the 万 place is 0 and the 仟 place
 *   after it is not, the rule allows 零 or not and wuye writes none:
 *   107000.53 = 壹拾万柒仟元零伍角叁分 (the PBOC example).
 * - When the 元 place is 0 and 角 is not, the rule again allows 零 or not;
 *   wuye writes 零: 1680.32 = 壹仟陆佰捌拾元零叁角贰分 (the PBOC example).
 * - When 角 is 0 and 分 is not, 零 is written (one 零 even if the 元 place
 *   is 0 too): 16409.02 = 壹万陆仟肆佰零玖元零贰分,
 *   325.04 = 叁佰贰拾伍元零肆分, 10.05 = 壹拾元零伍分.
 * - Under one yuan there is no 元 and no leading 零: 0.50 = 伍角,
 *   0.05 = 伍分, 0.55 = 伍角伍分.
 * - A negative amount gets 负 in front: -1.00 = 负壹元整.
 * - The largest amount is 9999亿9999万9999元9角9分 (MONEY_MAX fen).
 */
#include "wuye/money.h"

#include <stdio.h>
#include <string.h>

#include "wuye/i18n.h"
#include "wuye/utf8.h"


static const char *const cap_digits[10] = {
	"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"
};
static const char *const cap_units[4] = { "", "拾", "佰", "仟" };
static const char *const cap_groups[3] = { "", "万", "亿" };

static const int64_t pow10_table[] = {
	INT64_C(1), INT64_C(10), INT64_C(100), INT64_C(1000), INT64_C(10000),
	INT64_C(100000), INT64_C(1000000), INT64_C(10000000),
	INT64_C(100000000), INT64_C(1000000000), INT64_C(10000000000),
	INT64_C(100000000000), INT64_C(1000000000000)
};

/* Magnitude of v as unsigned (correct for INT64_MIN too). */
static uint64_t
magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* Check the syntax of s; on success set the positions of the integer
 * digits [*ib, *ie) and fraction digits [*fb, *fe) and the sign. */
static int
check_syntax(const char *s, int scale, const char *q, int *neg, size_t *ib,
    size_t *ie, size_t *fb, size_t *fe, struct wy_err *e)
{
	size_t i = 0, run;
	int grouped = 0;

	*neg = 0;
	if (s[0] == '+' || s[0] == '-') {
		*neg = s[0] == '-';
		i++;
	}
	*ib = i;
	for (run = 0;; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			run++;
			continue;
		}
		if (s[i] != ',')
			break;
		/* A separator: the run before it must be a full group. */
		if (!grouped) {
			if (run == 0 || run > 3)
				goto bad_group;
		} else if (run != 3)
			goto bad_group;
		grouped = 1;
		run = 0;
	}
	if (grouped && run != 3)
		goto bad_group;
	*ie = i;
	*fb = *fe = i;
	if (s[i] == '.') {
		i++;
		*fb = i;
		while (s[i] >= '0' && s[i] <= '9')
			i++;
		*fe = i;
		if (s[i] == '\0' && *fe == *fb && *ie > *ib)
			return wy_fail(e, WY_EINVALID,
			    _("'%s' has no digits after the decimal point"), q);
	}
	if (s[i] != '\0' || (*ie == *ib && *fe == *fb))
		return wy_fail(e, WY_EINVALID, _("'%s' is not a number"), q);
	if (*fe - *fb > (size_t)scale) {
		if (scale == 0)
			return wy_fail(e, WY_EINVALID,
			    _("'%s' must be a whole number"), q);
		return wy_fail(e, WY_EINVALID,
		    _("'%s' has more than %d decimals"), q, scale);
	}
	return WY_OK;

bad_group:
	/* "1,23" or ",5" is a misplaced separator; "1,x" is not a number. */
	while ((s[i] >= '0' && s[i] <= '9') || s[i] == ',')
		i++;
	if (s[i] == '.') {
		i++;
		while (s[i] >= '0' && s[i] <= '9')
			i++;
	}
	if (s[i] != '\0')
		return wy_fail(e, WY_EINVALID, _("'%s' is not a number"), q);
	return wy_fail(e, WY_EINVALID,
	    _("'%s' has a misplaced thousands separator (groups of three "
	    "digits: 1,234,567.89)"), q);
}

/* Parse s strictly into an integer scaled by 10^scale. */
int
fixed_parse(const char *s, int scale, int64_t max, int64_t *out,
    struct wy_err *e)
{
	char q[UTF8_EXCERPT_MAX + 4], maxbuf[MONEY_BUFSIZE];
	size_t ib = 0, ie = 0, fb = 0, fe = 0, i;
	unsigned __int128 v = 0;
	int neg, rc, big = 0;

	if (scale < 0 || scale > 6)
		return wy_fail(e, WY_EINVALID, _("scale %d is not 0 to 6"),
		    scale);
	if (s == NULL || *s == '\0')
		return wy_fail(e, WY_EINVALID, _("'' is empty"));
	utf8_excerpt(s, q, sizeof q);
	rc = check_syntax(s, scale, q, &neg, &ib, &ie, &fb, &fe, e);
	if (rc != WY_OK)
		return rc;
	if (max < 0)
		max = 0;

	/* Integer digits, then the decimals, then zeros up to the scale;
	 * stop growing once past max so the value cannot wrap. */
	for (i = ib; i < ie && !big; i++) {
		if (s[i] == ',')
			continue;
		v = v * 10 + (unsigned)(s[i] - '0');
		big = v > (unsigned __int128)max;
	}
	for (i = fb; i < fe && !big; i++) {
		v = v * 10 + (unsigned)(s[i] - '0');
		big = v > (unsigned __int128)max;
	}
	if (!big) {
		v *= (unsigned __int128)pow10_table[scale - (int)(fe - fb)];
		big = v > (unsigned __int128)max;
	}
	if (big) {
		fixed_format(max, scale, maxbuf, sizeof maxbuf);
		if (neg)
			return wy_fail(e, WY_EINVALID,
			    _("'%s' is too small (at least -%s)"), q, maxbuf);
		return wy_fail(e, WY_EINVALID,
		    _("'%s' is too large (at most %s)"), q, maxbuf);
	}
	if (out != NULL)
		*out = neg ? -(int64_t)v : (int64_t)v;
	return WY_OK;
}

/* Write v with exactly scale decimals. */
char *
fixed_format(int64_t v, int scale, char *buf, size_t size)
{
	uint64_t m = magnitude(v), p;
	const char *sign = v < 0 ? "-" : "";

	if (size == 0)
		return buf;
	if (scale <= 0 || scale > 12) {
		snprintf(buf, size, "%s%llu", sign, (unsigned long long)m);
		return buf;
	}
	p = (uint64_t)pow10_table[scale];
	snprintf(buf, size, "%s%llu.%0*llu", sign, (unsigned long long)(m / p),
	    scale, (unsigned long long)(m % p));
	return buf;
}

/* Parse yuan text into fen. */
int
money_parse(const char *s, int64_t *fen, struct wy_err *e)
{
	return fixed_parse(s, 2, MONEY_MAX, fen, e);
}

/* Write fen as yuan with two decimals. */
char *
money_format(int64_t fen, char *buf, size_t size)
{
	return fixed_format(fen, 2, buf, size);
}

/* Write fen as yuan with thousands separators. */
char *
money_format_grouped(int64_t fen, char *buf, size_t size)
{
	char digits[24], tmp[MONEY_BUFSIZE + 8];
	uint64_t m = magnitude(fen);
	size_t n, i, o = 0;

	if (size == 0)
		return buf;
	snprintf(digits, sizeof digits, "%llu", (unsigned long long)(m / 100));
	n = strlen(digits);
	if (fen < 0)
		tmp[o++] = '-';
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			tmp[o++] = ',';
		tmp[o++] = digits[i];
	}
	snprintf(tmp + o, sizeof tmp - o, ".%02u", (unsigned)(m % 100));
	snprintf(buf, size, "%s", tmp);
	return buf;
}

/* Append text to the capitals buffer. */
static void
cap_put(char *out, size_t *n, const char *text)
{
	size_t len = strlen(text);

	memcpy(out + *n, text, len);
	*n += len;
	out[*n] = '\0';
}

/* Write the yuan part (1 to 999999999999) in capitals, without 元. */
static void
cap_yuan(uint64_t yuan, char *out, size_t *n)
{
	int pos, d, zero = 0, written = 0, group_nonzero = 0;

	for (pos = 11; pos >= 0; pos--) {
		d = (int)(yuan / (uint64_t)pow10_table[pos] % 10);
		if (d == 0) {
			if (written)
				zero = 1;
		} else {
			if (zero)
				cap_put(out, n, cap_digits[0]);
			cap_put(out, n, cap_digits[d]);
			cap_put(out, n, cap_units[pos % 4]);
			zero = 0;
			written = 1;
			group_nonzero = 1;
		}
		if (pos % 4 == 0) {
			/* End of a group: its 万 or 亿 absorbs the zeros
			 * that trail it. */
			if (group_nonzero && pos > 0) {
				cap_put(out, n, cap_groups[pos / 4]);
				zero = 0;
			}
			group_nonzero = 0;
		}
	}
}

/* Write fen in Chinese capitals by the rules at the top of this file. */
int
money_capitals(int64_t fen, char *buf, size_t size, struct wy_err *e)
{
	char out[MONEY_CAPS_BUFSIZE], amount[MONEY_BUFSIZE];
	uint64_t m, yuan;
	int jiao, fen1;
	size_t n = 0;

	if (fen > MONEY_MAX || fen < -MONEY_MAX) {
		money_format(fen, amount, sizeof amount);
		return wy_fail(e, WY_EINVALID,
		    _("%s is too large to write in Chinese capitals (at most "
		    "999999999999.99)"), amount);
	}
	out[0] = '\0';
	m = magnitude(fen);
	yuan = m / 100;
	jiao = (int)(m / 10 % 10);
	fen1 = (int)(m % 10);
	if (fen < 0)
		cap_put(out, &n, "负");
	if (m == 0)
		cap_put(out, &n, "零元整");
	else if (yuan > 0) {
		cap_yuan(yuan, out, &n);
		cap_put(out, &n, "元");
		if (jiao == 0 && fen1 == 0)
			cap_put(out, &n, "整");
		else if (jiao == 0 || yuan % 10 == 0)
			cap_put(out, &n, cap_digits[0]);
	}
	if (jiao != 0) {
		cap_put(out, &n, cap_digits[jiao]);
		cap_put(out, &n, "角");
	}
	if (fen1 != 0) {
		cap_put(out, &n, cap_digits[fen1]);
		cap_put(out, &n, "分");
	}
	if (buf == NULL || n >= size)
		return wy_fail(e, WY_EFAIL,
		    _("buffer of %zu bytes too small for Chinese capitals"),
		    size);
	memcpy(buf, out, n + 1);
	return WY_OK;
}

/* Multiply two scaled integers and round half away from zero to fen. */
int
money_mul(int64_t a, int sa, int64_t b, int sb, int64_t *fen,
    struct wy_err *e)
{
	__int128 p = (__int128)a * b;
	unsigned __int128 m, d, r;
	char abuf[MONEY_BUFSIZE], bbuf[MONEY_BUFSIZE];
	int scale = sa + sb, neg = p < 0;

	if (sa < 0 || sa > 6 || sb < 0 || sb > 6)
		return wy_fail(e, WY_EINVALID,
		    _("scales %d and %d are not 0 to 6"), sa, sb);
	m = neg ? -(unsigned __int128)p : (unsigned __int128)p;
	if (scale >= 2) {
		d = (unsigned __int128)pow10_table[scale - 2];
		r = m % d;
		m /= d;
		if (r * 2 >= d)
			m++;
	} else if (m <= (unsigned __int128)MONEY_MAX)
		m *= (unsigned __int128)pow10_table[2 - scale];
	if (m > (unsigned __int128)MONEY_MAX) {
		fixed_format(a, sa, abuf, sizeof abuf);
		fixed_format(b, sb, bbuf, sizeof bbuf);
		return wy_fail(e, WY_EINVALID,
		    _("%s times %s is too large (at most 999999999999.99)"),
		    abuf, bbuf);
	}
	if (fen != NULL)
		*fen = neg ? -(int64_t)m : (int64_t)m;
	return WY_OK;
}
