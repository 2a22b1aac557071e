/* wuye: configuration (wuye.conf, INI through iniparser).
 *
 * Every option is declared once in the table in src/core/conf.c (section,
 * key, type, default, range, help); loading, validation, `wuye --help` and
 * the option list in wuye.conf(5) all come from it.  Keys are written
 * "section.key" in this API ("database.path").  Unknown keys and bad values
 * are errors naming the file, section and key.
 */
#ifndef WUYE_CONF_H
#define WUYE_CONF_H

#include <stdio.h>

#include "wuye/error.h"

enum conf_type { CONF_STRING, CONF_INT, CONF_BOOL, CONF_ENUM };

struct conf_option {
	const char *key;	/* "section.key" */
	enum conf_type type;
	const char *def;	/* default, as text */
	long min, max;		/* CONF_INT range */
	const char *choices;	/* CONF_ENUM: "auto|en|zh" */
	const char *help;	/* one line, English */
};

struct conf;

/* Load the configuration.  path NULL: $XDG_CONFIG_HOME/wuye/wuye.conf (or
 * ~/.config/wuye/wuye.conf), then /etc/wuye.conf, the first that exists,
 * else defaults only.  An explicitly given path must exist.  Defaults that
 * name folders are expanded ($XDG_DATA_HOME/wuye/...).  *out is freed with
 * conf_free(). */
int conf_load(const char *path, struct conf **out, struct wy_err *e);
void conf_free(struct conf **cp);

/* Value of an option ("database.path"); the key must be in the table. */
const char *conf_str(const struct conf *c, const char *key);
long conf_int(const struct conf *c, const char *key);
int conf_bool(const struct conf *c, const char *key);

/* Set an option from text, validated as when loading (tests, --db). */
int conf_set(struct conf *c, const char *key, const char *value,
    struct wy_err *e);

/* The file the configuration came from, or NULL for defaults only. */
const char *conf_path(const struct conf *c);

/* Read an INI text with iniparser (forms, reports and wuye.conf all go
 * through here): data of len bytes, or the file name itself when data is
 * NULL.  A syntax error is WY_EINVALID naming name and the line.  Free
 * the result with iniparser_freedict(). */
struct _dictionary_;
struct _dictionary_ *conf_ini_read(const char *name, const unsigned char *data,
    size_t len, struct wy_err *e);

/* The option table, ended by a NULL key. */
const struct conf_option *conf_options(void);

#endif
