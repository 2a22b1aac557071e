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

struct embed_file {
	const char *name;		/* path relative to the project root */
	const unsigned char *data;	/* contents, NUL-terminated */
	size_t len;			/* length without the NUL */
};

/* The table generated at build time, ended by a NULL name. */
extern const struct embed_file embed_files[];

/* The embedded file called name, or NULL. */
const struct embed_file *embed_find(const char *name);

#endif
