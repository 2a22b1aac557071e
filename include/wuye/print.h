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

/* Pipe len bytes to the shell command cmd, run in a session of its own
 * (no controlling terminal) with its standard output and error captured,
 * never written on the terminal.  SIGPIPE is ignored meanwhile, so a
 * command that ends without reading everything is a failure (WY_EFAIL),
 * not the end of wuye.  An exit code other than 0 is WY_EFAIL naming the
 * command, the code and the first lines of its stderr (else stdout); a
 * signal is named as such.  A command still running after timeout_s
 * seconds has its process group stopped (SIGTERM, then SIGKILL) and is
 * WY_EFAIL saying so.  On success *said (when said is not NULL; malloc'd)
 * gets the first kilobytes of its standard output ("request id is ..."). */
int print_pipe(const char *cmd, const char *data, size_t len, int timeout_s,
    char **said, struct wy_err *e);

/* Print text: print_encode to print.encoding, then print_pipe to
 * print.command within print.timeout; a failure of the command ends its
 * message with where print.command is set (the configuration file). */
int print_text(const struct conf *c, const char *text, struct wy_err *e);

/* print_text, and on success *said (malloc'd; said may be NULL) gets what
 * the command wrote on its standard output, for the command line to show. */
int print_text_said(const struct conf *c, const char *text, char **said,
    struct wy_err *e);

/* Print the contents of the text file at path, as print_text. */
int print_file(const struct conf *c, const char *path, struct wy_err *e);

#endif
