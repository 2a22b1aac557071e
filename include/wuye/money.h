/* wuye: money and fixed-point quantities.
 *
 * Money is int64_t fen (1/100 yuan) everywhere; no float ever touches an
 * amount.  Other quantities are scaled integers too: areas 1/100 m2
 * (scale 2), meter usage scale 3, unit prices 1/10000 yuan (scale 4).  A
 * product is rounded half-up (away from zero) to fen once, at the end.
 */
#ifndef WUYE_MONEY_H
#define WUYE_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "wuye/error.h"

/* Largest amount: 9999亿9999万9999元9角9分, the most 大写 can write. */
#define MONEY_MAX INT64_C(99999999999999)
#define MONEY_BUFSIZE 32	/* enough for any money_format* result */
#define MONEY_CAPS_BUFSIZE 192	/* enough for any money_capitals result */

/* Parse a decimal string with at most `scale` decimals into an integer
 * scaled by 10^scale: "1234.56", "1,234.5" (groups of three only), "-0.01",
 * "+3", ".5" are accepted; "", "1.234" (too many decimals), "12a", "1,23",
 * " 1", and |value| > max are refused with a message naming the text.
 * scale is 0..6. */
int fixed_parse(const char *s, int scale, int64_t max, int64_t *out,
    struct wy_err *e);

/* Format v (scaled by 10^scale) with exactly `scale` decimals, e.g.
 * fixed_format(8950, 2) -> "89.50".  Returns buf. */
char *fixed_format(int64_t v, int scale, char *buf, size_t size);

/* fixed_parse with scale 2 and MONEY_MAX: yuan text to fen. */
int money_parse(const char *s, int64_t *fen, struct wy_err *e);

/* "1234.56", "-0.01", "0.00".  Returns buf (size >= MONEY_BUFSIZE). */
char *money_format(int64_t fen, char *buf, size_t size);

/* With thousands separators: "1,234,567.89".  Returns buf. */
char *money_format_grouped(int64_t fen, char *buf, size_t size);

/* The amount in Chinese capitals (人民币大写) by the People's Bank of China
 * rules for bills and vouchers: "壹仟零壹元整", "伍角", "壹拾元零伍分",
 * "零元整" for zero, "负" before a negative amount.  The "人民币" prefix is
 * not included; no "整" after 角 ("壹元伍角").  The rules followed are in
 * money.c.  WY_EINVALID if |fen| > MONEY_MAX; WY_EFAIL if size is too
 * small (MONEY_CAPS_BUFSIZE always suffices). */
int money_capitals(int64_t fen, char *buf, size_t size, struct wy_err *e);

/* a (scale sa) times b (scale sb), rounded half-up to fen (scale 2).
 * E.g. unit price 2.3456 (23456, 4) x area 89.50 (8950, 2) = 209.93 yuan
 * = 20993 fen.  Scales are 0..6.  WY_EINVALID on overflow, that is when
 * the rounded result is beyond +-MONEY_MAX. */
int money_mul(int64_t a, int sa, int64_t b, int sb, int64_t *fen,
    struct wy_err *e);

#endif
