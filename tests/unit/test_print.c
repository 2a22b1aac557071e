/* wuye unit tests for print.c: encodings and the print command (its exit
 * status, a command that stops reading, an empty command, a file). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/conf.h"
#include "wuye/print.h"

static struct fixture fx;

static void
setup(void)
{
	fixture_open(&fx);
}

static void
teardown(void)
{
	fixture_close(&fx);
}

/* The contents of file name in the fixture's folder (malloc'd). */
static char *
slurp(const char *name)
{
	char path[256], *buf = calloc(1, 1 << 20);
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", fx.dir, name);
	ck_assert_ptr_nonnull(f = fopen(path, "r"));
	ck_assert_ptr_nonnull(buf);
	buf[fread(buf, 1, (1 << 20) - 1, f)] = '\0';
	fclose(f);
	return buf;
}

START_TEST(test_encode)
{
	struct wy_err e = { 0 };
	char *out;
	size_t len;

	ck_assert_int_eq(print_encode("收据 A", "GB18030", &out, &len, &e), WY_OK);
	ck_assert_uint_eq(len, 6);
	ck_assert_int_eq(memcmp(out, "\xca\xd5\xbe\xdd A", 6), 0);
	free(out);
	ck_assert_int_eq(print_encode("收据", "UTF-8", &out, &len, &e), WY_OK);
	ck_assert_str_eq(out, "收据");
	free(out);
	ck_assert_int_eq(print_encode("x", NULL, &out, &len, &e), WY_OK);
	ck_assert_uint_eq(len, 1);
	free(out);
	ck_assert_int_eq(print_encode("", "GB18030", &out, &len, &e), WY_OK);
	ck_assert_uint_eq(len, 0);
	free(out);
	ck_assert_int_eq(print_encode("x", "NO-SUCH-CHARSET", &out, &len, &e),
	    WY_EFAIL);
	ck_assert_ptr_null(out);
}
END_TEST

START_TEST(test_pipe)
{
	struct wy_err e = { 0 };
	char cmd[300], *got, *big;
	size_t n = 1 << 20;

	snprintf(cmd, sizeof cmd, "cat >%s/out", fx.dir);
	ck_assert_int_eq(print_pipe(cmd, "收据\n", strlen("收据\n"), &e), WY_OK);
	got = slurp("out");
	ck_assert_str_eq(got, "收据\n");
	free(got);
	ck_assert_int_eq(print_pipe("exit 3", "x", 1, &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "failed"));
	ck_assert_int_eq(print_pipe("", "x", 1, &e), WY_EINVALID);
	ck_assert_int_eq(print_pipe(NULL, "x", 1, &e), WY_EINVALID);
	/* A command that reads nothing of a megabyte: an error, and wuye
	 * lives on (SIGPIPE is ignored). */
	ck_assert_ptr_nonnull(big = malloc(n));
	memset(big, 'x', n);
	ck_assert_int_eq(print_pipe("true", big, n, &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "before it had read everything"));
	free(big);
}
END_TEST

START_TEST(test_text_and_file)
{
	struct wy_err e = { 0 };
	char cmd[300], *got;
	const char *path;

	snprintf(cmd, sizeof cmd, "cat >%s/gb", fx.dir);
	ck_assert_int_eq(conf_set(fx.conf, "print.command", cmd, &e), WY_OK);
	ck_assert_int_eq(conf_set(fx.conf, "print.encoding", "GB18030", &e), WY_OK);
	ck_assert_int_eq(print_text(fx.conf, "收据", &e), WY_OK);
	got = slurp("gb");
	ck_assert_str_eq(got, "\xca\xd5\xbe\xdd");
	free(got);
	path = fixture_file(&fx, "report.txt", "合计 1.00\n");
	ck_assert_int_eq(print_file(fx.conf, path, &e), WY_OK);
	got = slurp("gb");
	ck_assert_str_eq(got, "\xba\xcf\xbc\xc6 1.00\n");
	free(got);
	ck_assert_int_eq(print_file(fx.conf, "/nonexistent/x.txt", &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "/nonexistent/x.txt"));
}
END_TEST

Suite *
print_suite(void)
{
	Suite *s = suite_create("print");
	TCase *tc = tcase_create("print");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_encode);
	tcase_add_test(tc, test_pipe);
	tcase_add_test(tc, test_text_and_file);
	suite_add_tcase(s, tc);
	return s;
}
