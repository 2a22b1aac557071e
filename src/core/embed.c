/* wuye: data files built into the binary, and the user's own copies
 * that override them. */
#include "wuye/embed.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/i18n.h"
#include "wuye/mem.h"

const struct embed_file *
embed_find(const char *name)
{
	const struct embed_file *f;

	for (f = embed_files; f->name != NULL; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

char *
embed_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;
	int err;

	if (f == NULL)
		return NULL;
	do {
		if (n + 4097 > cap)
			buf = xrealloc(buf, cap = cap * 2 + 8192);
		got = fread(buf + n, 1, 4096, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		err = errno;
		fclose(f);
		free(buf);
		errno = err;
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

int
embed_data(const char *given, const char *dir, const char *rel,
    char **name, char **text, size_t *len, int *builtin, struct wy_err *e)
{
	const struct embed_file *f;
	char *path;

	*name = *text = NULL;
	*len = 0;
	if (builtin != NULL)
		*builtin = 0;
	if (given != NULL && *given != '\0')
		path = xstrdup(given);
	else if (dir != NULL)
		path = xasprintf("%s/%s", dir, rel);
	else
		path = NULL;
	if (path != NULL && (*text = embed_read_file(path, len)) != NULL) {
		*name = path;
		return WY_OK;
	}
	if (path != NULL && (errno != ENOENT || (given != NULL &&
	    *given != '\0'))) {
		int rc = wy_fail(e, errno == ENOENT ? WY_ENOTFOUND : WY_EFAIL,
		    "%s: %s", path, strerror(errno));

		free(path);
		return rc;
	}
	free(path);
	if ((f = embed_find(rel)) == NULL)
		return wy_fail(e, WY_ENOTFOUND, _("%s is not built in"), rel);
	*name = xstrdup(rel);
	*text = xmalloc(f->len + 1);
	memcpy(*text, f->data, f->len + 1);
	*len = f->len;
	if (builtin != NULL)
		*builtin = 1;
	return WY_OK;
}
