/* wuye: data files compiled into the binary, with user overrides.
 *
 * The files in schema/, forms/ and reports/ are embedded at build time
 * (tools/embed.c).  A file of the same name under the configured data
 * directory (conf "paths.data", default $XDG_CONFIG_HOME/wuye) overrides the
 * built-in one for forms and reports; schema files are never overridden.
 */
#ifndef WUYE_EMBED_H
#define WUYE_EMBED_H

#include <stddef.h>

#include "wuye/error.h"

struct embed_file {
	const char *name;		/* path relative to the project root */
	const unsigned char *data;	/* contents, NUL-terminated */
	size_t len;			/* length without the NUL */
};

/* The table generated at build time, ended by a NULL name. */
extern const struct embed_file embed_files[];

/* The embedded file called name, or NULL. */
const struct embed_file *embed_find(const char *name);

/* A data file (forms/NAME.ini, reports/NAME.ini, templates/...): the file
 * `given` when it is not NULL or "" (it must exist), else <dir>/<rel> when
 * that exists (a company's own, dir NULL: none), else the one built in.
 * *name gets what was read (the path, or rel) and *text its contents, both
 * malloc'd (text NUL-terminated, *len bytes); *builtin (may be NULL) 1 for
 * the built-in one.  WY_ENOTFOUND when there is none; WY_EFAIL naming the
 * file when it cannot be read. */
int embed_data(const char *given, const char *dir, const char *rel,
    char **name, char **text, size_t *len, int *builtin, struct wy_err *e);

/* The whole file at path (malloc'd, NUL-terminated, *len bytes), or NULL
 * with errno set. */
char *embed_read_file(const char *path, size_t *len);

#endif
