/* wuye: printing: text converted to print.encoding (UTF-8, or GB18030
 * through glibc iconv for Chinese dot-matrix printers) and piped to
 * print.command.  Receipts, notices, reports and the test pattern of
 * pre-printed forms all print through here.
 */
#ifndef WUYE_PRINT_H
#define WUYE_PRINT_H

#include <stddef.h>

#include "wuye/error.h"

struct conf;

/* Convert UTF-8 text to encoding ("UTF-8" or NULL: a copy; "GB18030").
 * *out (malloc'd, NUL-terminated) gets *len bytes.  A character the
 * encoding cannot write is WY_EINVALID naming its byte offset. */
int print_encode(const char *text, const char *encoding, char **out,
    size_t *len, struct wy_err *e);

/* Pipe len bytes to the shell command cmd.  SIGPIPE is ignored meanwhile,
 * so a command that ends without reading everything is a failure
 * (WY_EFAIL), as is an exit status other than 0, not the end of wuye. */
int print_pipe(const char *cmd, const char *data, size_t len,
    struct wy_err *e);

/* Print text: print_encode to print.encoding, then print_pipe to
 * print.command. */
int print_text(const struct conf *c, const char *text, struct wy_err *e);

/* Print the contents of the text file at path, as print_text. */
int print_file(const struct conf *c, const char *path, struct wy_err *e);

#endif
