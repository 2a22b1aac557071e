/* wuye: printing through print.command in print.encoding (print.h). */
#include "wuye/print.h"

#include <errno.h>
#include <iconv.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/conf.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"

int
print_encode(const char *text, const char *encoding, char **out,
    size_t *len, struct wy_err *e)
{
	iconv_t cd;
	size_t inleft = strlen(text), size = 2 * inleft + 16, outleft;
	char *in = (char *)text, *o;

	*out = NULL;
	*len = 0;
	if (encoding == NULL || strcmp(encoding, "UTF-8") == 0) {
		*out = xstrdup(text);
		*len = inleft;
		return WY_OK;
	}
	if ((cd = iconv_open(encoding, "UTF-8")) == (iconv_t)-1)
		return wy_fail(e, WY_EFAIL, _("print.encoding: cannot convert "
		    "to %s"), encoding);
	*out = xmalloc(size);
	o = *out;
	outleft = size - 1;
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		iconv_close(cd);
		free(*out);
		*out = NULL;
		return wy_fail(e, WY_EINVALID, _("text cannot be written in %s "
		    "at byte %zu"), encoding, (size_t)(in - text));
	}
	iconv_close(cd);
	*o = '\0';
	*len = (size_t)(o - *out);
	return WY_OK;
}

int
print_pipe(const char *cmd, const char *data, size_t len, struct wy_err *e)
{
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	FILE *p;
	int st, short_write;

	if (cmd == NULL || *cmd == '\0')
		return wy_fail(e, WY_EINVALID, _("print.command is empty"));
	fflush(NULL);
	if ((p = popen(cmd, "w")) == NULL)
		return wy_fail(e, WY_EFAIL, _("print.command '%s': %s"), cmd,
		    strerror(errno));
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	short_write = fwrite(data, 1, len, p) != len || fflush(p) != 0;
	st = pclose(p);
	sigaction(SIGPIPE, &old, NULL);
	if (st != 0)
		return wy_fail(e, WY_EFAIL, _("print.command '%s' failed "
		    "(status %d)"), cmd, st);
	if (short_write)
		return wy_fail(e, WY_EFAIL, _("print.command '%s' ended before "
		    "it had read everything"), cmd);
	return WY_OK;
}

int
print_text(const struct conf *c, const char *text, struct wy_err *e)
{
	char *enc;
	size_t len;
	int rc;

	if ((rc = print_encode(text, conf_str(c, "print.encoding"), &enc, &len,
	    e)) != WY_OK)
		return rc;
	rc = print_pipe(conf_str(c, "print.command"), enc, len, e);
	free(enc);
	return rc;
}

int
print_file(const struct conf *c, const char *path, struct wy_err *e)
{
	char *text = NULL;
	size_t n = 0, cap = 0, got;
	FILE *f;
	int rc;

	if ((f = fopen(path, "r")) == NULL)
		return wy_fail(e, WY_EFAIL, "%s: %s", path, strerror(errno));
	do {
		if (n + 4097 > cap)
			text = xrealloc(text, cap = cap * 2 + 8192);
		got = fread(text + n, 1, 4096, f);
		n += got;
	} while (got > 0);
	text[n] = '\0';
	rc = ferror(f) ? wy_fail(e, WY_EFAIL, "%s: %s", path, strerror(errno)) :
	    print_text(c, text, e);
	fclose(f);
	free(text);
	return rc;
}
