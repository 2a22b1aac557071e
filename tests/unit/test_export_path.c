/* wuye unit tests for the export folder (export_path, export_dir_shown in
 * export.c, and the $HOME and ~ expansion of conf.c): a name alone goes
 * into export.dir, made with its parents; a full path and ~/ are taken as
 * given; a folder that cannot be made is an error. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fixture.h"
#include "wuye/export.h"

static struct fixture fx;
static char *old_home;

static void
setup(void)
{
	char home[128];

	fixture_open(&fx);
	old_home = getenv("HOME") != NULL ? strdup(getenv("HOME")) : NULL;
	snprintf(home, sizeof home, "%s/home", fx.dir);
	mkdir(home, 0700);
	setenv("HOME", home, 1);
}

static void
teardown(void)
{
	if (old_home != NULL)
		setenv("HOME", old_home, 1);
	free(old_home);
	fixture_close(&fx);
}

START_TEST(test_default_and_expansion)
{
	struct wy_err e = { 0 };
	char want[256], *p;
	struct stat st;

	/* the default, $HOME/wuye-exports, read with this HOME */
	ck_assert_int_eq(conf_set(fx.conf, "export.dir", "$HOME/wuye-exports", &e),
	    WY_OK);
	snprintf(want, sizeof want, "%s/home/wuye-exports", fx.dir);
	ck_assert_str_eq(conf_str(fx.conf, "export.dir"), want);
	ck_assert_int_ne(stat(want, &st), 0);	/* not made until needed */
	ck_assert_ptr_nonnull(p = export_path(fx.conf, "rooms.xlsx", &e));
	snprintf(want, sizeof want, "%s/home/wuye-exports/rooms.xlsx", fx.dir);
	ck_assert_str_eq(p, want);
	free(p);
	snprintf(want, sizeof want, "%s/home/wuye-exports", fx.dir);
	ck_assert_int_eq(stat(want, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	ck_assert_int_eq(st.st_mode & 0777, 0700);
	ck_assert_ptr_nonnull(p = export_dir_shown(fx.conf));
	ck_assert_str_eq(p, "~/wuye-exports");
	free(p);
	/* ~ expands too; $HOMEDIR is not $HOME */
	ck_assert_int_eq(conf_set(fx.conf, "export.dir", "~/出口", &e), WY_OK);
	snprintf(want, sizeof want, "%s/home/出口", fx.dir);
	ck_assert_str_eq(conf_str(fx.conf, "export.dir"), want);
	ck_assert_int_eq(conf_set(fx.conf, "export.dir", "$HOMEDIR/x", &e), WY_OK);
	ck_assert_str_eq(conf_str(fx.conf, "export.dir"), "$HOMEDIR/x");
}
END_TEST

START_TEST(test_names)
{
	struct wy_err e = { 0 };
	char dir[256], want[300], *p;
	FILE *f;

	snprintf(dir, sizeof dir, "%s/a/b c/", fx.dir);
	ck_assert_int_eq(conf_set(fx.conf, "export.dir", dir, &e), WY_OK);
	ck_assert_ptr_nonnull(p = export_path(fx.conf, "x.csv", &e));
	snprintf(want, sizeof want, "%s/a/b c/x.csv", fx.dir);
	ck_assert_str_eq(p, want);	/* one slash, parents made */
	free(p);
	ck_assert_ptr_nonnull(p = export_path(fx.conf, "/tmp/full.csv", &e));
	ck_assert_str_eq(p, "/tmp/full.csv");
	free(p);
	ck_assert_ptr_nonnull(p = export_path(fx.conf, "~/mine.csv", &e));
	snprintf(want, sizeof want, "%s/home/mine.csv", fx.dir);
	ck_assert_str_eq(p, want);
	free(p);
	ck_assert_ptr_nonnull(p = export_dir_shown(fx.conf));
	ck_assert_str_eq(p, dir);	/* not under HOME: as it is */
	free(p);
	/* a file where the folder should be */
	snprintf(want, sizeof want, "%s/file", fx.dir);
	ck_assert_ptr_nonnull(f = fopen(want, "w"));
	fclose(f);
	snprintf(dir, sizeof dir, "%s/file/sub", fx.dir);
	ck_assert_int_eq(conf_set(fx.conf, "export.dir", dir, &e), WY_OK);
	ck_assert_ptr_null(export_path(fx.conf, "x.csv", &e));
	ck_assert_int_eq(e.code, WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "export.dir"));
}
END_TEST

Suite *
export_path_suite(void)
{
	Suite *s = suite_create("export_path");
	TCase *tc = tcase_create("export_path");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_default_and_expansion);
	tcase_add_test(tc, test_names);
	suite_add_tcase(s, tc);
	return s;
}
