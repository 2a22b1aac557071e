/* wuye: what receipt.c shares with receipt_calib.c (not a public API). */
#ifndef WUYE_RECEIPT_INT_H
#define WUYE_RECEIPT_INT_H

#include <stddef.h>

#include "wuye/error.h"

struct conf;
struct receipt_form;

/* A data file: the file named by option when it is set (it must exist),
 * else rel under paths.data when there is one, else the built-in rel.
 * *name (the file's name for messages) and *text (NUL-terminated, *len
 * bytes) are malloc'd. */
int receipt_data_file(const struct conf *c, const char *option,
    const char *rel, char **name, char **text, size_t *len,
    struct wy_err *e);

/* The pre-printed form layout in use (receipt.layout); *out is freed with
 * receipt_form_free(). */
int receipt_layout(const struct conf *c, struct receipt_form **out,
    struct wy_err *e);

#endif
