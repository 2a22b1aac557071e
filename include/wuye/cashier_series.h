/* wuye: receipt series (收据号段): one per cashier, or one per terminal
 * (receipt.series), each numbered from 1 without gaps; the prefix of a
 * new series comes from receipt.prefix ("C-{series}-" or "T-{series}-"
 * when empty) and stays with it. */
#ifndef WUYE_CASHIER_SERIES_H
#define WUYE_CASHIER_SERIES_H

#include <stddef.h>
#include <stdint.h>

#include "wuye/cashier.h"
#include "wuye/error.h"
#include "wuye/session.h"

/* Take the next number of this cashier's or this terminal's series
 * inside the caller's transaction (made on first use): *series_id, *seq
 * and the number text in number (size bytes, CASHIER_NUMBER_MAX). */
int cashier_number(struct session *s, int64_t *series_id, int64_t *seq,
    char *number, size_t size, struct wy_err *e);

#endif
