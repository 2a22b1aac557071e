/* wuye: allocation that cannot fail.  Running out of memory is the one
 * failure wuye does not recover from: these abort() instead of returning
 * NULL.  The caller frees what they return. */
#ifndef WUYE_MEM_H
#define WUYE_MEM_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);	/* n == 0 gives a valid pointer */
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);		/* NULL gives NULL */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
