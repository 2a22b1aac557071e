/* wuye: the bank debit file (bank.h gives its columns) written through a
 * sink, for `wuye bank export` and the Bank debit screen alike. */
#ifndef WUYE_BANK_FILE_H
#define WUYE_BANK_FILE_H

#include "wuye/bank.h"
#include "wuye/error.h"

struct sink;

/* Open the CSV debit file at path (NULL or "-": standard output) with its
 * header line; close it with sink_close (keep 0 removes it). */
int bank_file_open(const char *path, struct sink **out, struct wy_err *e);

/* Write one debit line: the fn of bank_export, with arg the sink. */
int bank_file_line(void *sink, const struct bank_line *l, struct wy_err *e);

#endif
