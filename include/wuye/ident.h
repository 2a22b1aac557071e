/* wuye: identity numbers and phone numbers.
 *
 * The 18-digit resident ID card number (GB 11643-1999): 6-digit area code,
 * 8-digit birth date, 3-digit sequence (odd for men, even for women) and a
 * check digit by ISO 7064 MOD 11-2 ('0'-'9' or 'X').  Phone numbers are
 * checked for sanity, not for existence.
 */
#ifndef WUYE_IDENT_H
#define WUYE_IDENT_H

#include "wuye/error.h"

/* The check character ('0'-'9' or 'X') for the first 17 digits of an ID
 * number, or '\0' if they are not 17 digits.  Characters after the 17th are
 * ignored, so a whole 18-character number may be passed. */
char ident_check_digit(const char *first17);

/* WY_OK if id is a valid 18-digit ID number: 17 digits, a real birth date
 * (any year), and the right check digit (a lower-case 'x' is accepted).
 * Otherwise WY_EINVALID with a message saying which part is wrong (e.g.
 * "check digit is 3, should be X").  These are the hard rules. */
int ident_idcard_check(const char *id, struct wy_err *e);

/* The plausibility rules of a number that passes ident_idcard_check:
 * WY_OK if its birth date is from 1900-01-01 to today, else WY_EINVALID
 * with a message naming the rule ("birth date 1899-05-01 is before 1900").
 * A record may be saved despite them (see entity.h, ENTITY_WARNING). */
int ident_idcard_plausible(const char *id, struct wy_err *e);

/* 'M' or 'F' from the sequence digit of a valid ID number ('\0' if the
 * first 17 characters are not digits). */
char ident_idcard_gender(const char *id);

/* WY_OK if phone looks like a Chinese mobile (1[3-9] and 9 digits,
 * optionally after +86 or 86), a landline (0 + area code of 2-3 digits not
 * starting with 0, optional '-', 7-8 digits, optional extension "-123" of
 * 1-6 digits), or a service number (400/800 + 7 digits, also written
 * 400-123-4567).  Spaces are not allowed.  Otherwise WY_EINVALID with a
 * message. */
int ident_phone_check(const char *phone, struct wy_err *e);

#endif
