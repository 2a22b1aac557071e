/* wuye: unit tests for conf.c (defaults, files, validation). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wuye/conf.h"

static char dir[64];

static void
setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/wuye-conf.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void
teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
}

/* Write text to DIR/wuye.conf and return the path (static buffer). */
static const char *
conf_file(const char *text)
{
	static char path[128];
	FILE *f;

	snprintf(path, sizeof path, "%s/wuye.conf", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
	return path;
}

/* Expect loading text to fail with want in the message. */
static void
bad(const char *text, const char *want)
{
	struct conf *c = NULL;
	struct wy_err e = { 0 };
	const char *path = conf_file(text);

	ck_assert_int_eq(conf_load(path, &c, &e), WY_EINVALID);
	ck_assert_ptr_null(c);
	ck_assert_msg(strstr(e.msg, want) != NULL, "wanted '%s' in '%s'", want,
	    e.msg);
	ck_assert_msg(strstr(e.msg, path) != NULL, "no file name in '%s'",
	    e.msg);
}

START_TEST(test_defaults)
{
	struct conf *c;
	struct wy_err e = { 0 };
	const char *p;

	ck_assert_int_eq(conf_load(conf_file(""), &c, &e), WY_OK);
	ck_assert_int_eq(conf_int(c, "database.busy_timeout"), 5000);
	ck_assert_int_eq(conf_int(c, "security.max_failed_logins"), 5);
	ck_assert_str_eq(conf_str(c, "security.password_hash"), "interactive");
	ck_assert_int_eq(conf_int(c, "backup.keep"), 10);
	ck_assert_str_eq(conf_str(c, "company.name"), "");
	p = conf_str(c, "database.path");
	ck_assert_int_eq(p[0], '/');	/* $XDG_DATA_HOME expanded */
	ck_assert_ptr_null(strchr(p, '$'));
	ck_assert_int_eq(strcmp(p + strlen(p) - 13, "/wuye/wuye.db"), 0);
	ck_assert_ptr_null(strchr(conf_str(c, "backup.dir"), '$'));
	ck_assert_ptr_nonnull(conf_path(c));
	conf_free(&c);
	ck_assert_ptr_null(c);
	conf_free(&c);
}
END_TEST

START_TEST(test_options_table)
{
	const struct conf_option *o;
	int n = 0;

	for (o = conf_options(); o->key != NULL; o++, n++) {
		ck_assert_ptr_nonnull(strchr(o->key, '.'));
		ck_assert_ptr_nonnull(o->help);
		ck_assert_ptr_nonnull(o->def);
	}
	ck_assert_int_ge(n, 10);
}
END_TEST

START_TEST(test_good_file)
{
	struct conf *c;
	struct wy_err e = { 0 };
	const char *path = conf_file(
	    "; comment\n"
	    "[database]\n"
	    "path = /srv/wuye/物业.db\n"
	    "busy_timeout = 100\n"
	    "[company]\n"
	    "name = 阳光物业管理有限公司\n"
	    "[security]\n"
	    "max_failed_logins = 100\n"
	    "password_hash = sensitive\n"
	    "[ui]\n"
	    "language = zh\n");

	ck_assert_msg(conf_load(path, &c, &e) == WY_OK, "%s", e.msg);
	ck_assert_str_eq(conf_path(c), path);
	ck_assert_str_eq(conf_str(c, "database.path"), "/srv/wuye/物业.db");
	ck_assert_int_eq(conf_int(c, "database.busy_timeout"), 100);
	ck_assert_str_eq(conf_str(c, "company.name"), "阳光物业管理有限公司");
	ck_assert_int_eq(conf_int(c, "security.max_failed_logins"), 100);
	ck_assert_str_eq(conf_str(c, "security.password_hash"), "sensitive");
	ck_assert_str_eq(conf_str(c, "ui.language"), "zh");
	ck_assert_int_eq(conf_int(c, "backup.keep"), 10);	/* default */
	conf_free(&c);
}
END_TEST

START_TEST(test_missing_file)
{
	struct conf *c = NULL;
	struct wy_err e = { 0 };
	char path[128];

	snprintf(path, sizeof path, "%s/none.conf", dir);
	ck_assert_int_eq(conf_load(path, &c, &e), WY_ENOTFOUND);
	ck_assert_ptr_null(c);
	ck_assert_ptr_nonnull(strstr(e.msg, "none.conf"));
}
END_TEST

START_TEST(test_unknown_key)
{
	bad("[security]\nmax_failed_login = 3\n",
	    "unknown option security.max_failed_login");
	bad("[nosuch]\nkey = 1\n", "unknown option nosuch.key");
}
END_TEST

START_TEST(test_bad_int)
{
	bad("[database]\nbusy_timeout = 5s\n",
	    "database.busy_timeout: '5s' is not a whole number");
	bad("[database]\nbusy_timeout = \n", "is not a whole number");
}
END_TEST

START_TEST(test_out_of_range)
{
	bad("[security]\nmax_failed_logins = 0\n",
	    "security.max_failed_logins: 0 is out of range 1..100");
	bad("[security]\nmax_failed_logins = 101\n", "out of range 1..100");
	bad("[backup]\nkeep = -1\n", "out of range");
}
END_TEST

START_TEST(test_bad_enum)
{
	bad("[security]\npassword_hash = fast\n",
	    "security.password_hash: 'fast' is not one of "
	    "interactive|moderate|sensitive|minimal");
	bad("[ui]\nlanguage = e\n", "is not one of");	/* no prefixes */
	bad("[ui]\nlanguage = enx\n", "is not one of");
}
END_TEST

START_TEST(test_syntax_error)
{
	bad("[security]\nthis line has no equals sign\n", "wuye.conf");
	bad("[security\nmax_failed_logins = 3\n", ":1: syntax error: [security");
}
END_TEST

START_TEST(test_set)
{
	struct conf *c;
	struct wy_err e = { 0 };

	ck_assert_int_eq(conf_load(conf_file(""), &c, &e), WY_OK);
	ck_assert_int_eq(conf_set(c, "backup.keep", "3", &e), WY_OK);
	ck_assert_int_eq(conf_int(c, "backup.keep"), 3);
	ck_assert_int_eq(conf_set(c, "backup.keep", "x", &e), WY_EINVALID);
	ck_assert_int_eq(conf_int(c, "backup.keep"), 3);
	ck_assert_int_eq(conf_set(c, "no.such", "1", &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "no.such"));
	ck_assert_int_eq(conf_set(c, "security.password_hash", "minimal", &e),
	    WY_OK);
	ck_assert_str_eq(conf_str(c, "security.password_hash"), "minimal");
	conf_free(&c);
}
END_TEST

Suite *
conf_suite(void)
{
	Suite *s = suite_create("conf");
	TCase *tc;

	tc = tcase_create("conf_load");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_options_table);
	tcase_add_test(tc, test_good_file);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_unknown_key);
	tcase_add_test(tc, test_bad_int);
	tcase_add_test(tc, test_out_of_range);
	tcase_add_test(tc, test_bad_enum);
	tcase_add_test(tc, test_syntax_error);
	suite_add_tcase(s, tc);

	tc = tcase_create("conf_set");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_set);
	suite_add_tcase(s, tc);
	return s;
}
