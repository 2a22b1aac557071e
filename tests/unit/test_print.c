/* wuye unit tests for print.c: encodings and the print command (its
 * exit code and stderr in the message, a signal, a timeout that stops a
 * hanging command, a chatty command that must not deadlock, a command
 * that stops reading, an empty command, a file). */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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
	ck_assert_int_eq(print_pipe(cmd, "收据\n", strlen("收据\n"), 10, NULL, &e), WY_OK);
	got = slurp("out");
	ck_assert_str_eq(got, "收据\n");
	free(got);
	/* what it says on stdout is kept for the caller (lp's request id) */
	ck_assert_int_eq(print_pipe("cat >/dev/null; echo 'request id is q-7'",
	    "x", 1, 10, &got, &e), WY_OK);
	ck_assert_str_eq(got, "request id is q-7\n");
	free(got);
	/* it has its pipes and nothing else of wuye's open (the terminal),
	 * and no controlling terminal */
	ck_assert_msg(print_pipe("cat >/dev/null; ls /proc/$$/fd | "
	    "tr '\\n' ' '; { true >/dev/tty; } 2>/dev/null || echo no-tty",
	    "x", 1, 10, &got, &e) == WY_OK, "%s", e.msg);
	ck_assert_str_eq(got, "0 1 2 no-tty\n");
	free(got);
	ck_assert_int_eq(print_pipe("exit 3", "x", 1, 10, NULL, &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "failed"));
	ck_assert_int_eq(print_pipe("", "x", 1, 10, NULL, &e), WY_EINVALID);
	ck_assert_int_eq(print_pipe(NULL, "x", 1, 10, NULL, &e), WY_EINVALID);
	/* A command that reads nothing of a megabyte: an error, and wuye
	 * lives on (SIGPIPE is ignored). */
	ck_assert_ptr_nonnull(big = malloc(n));
	memset(big, 'x', n);
	ck_assert_int_eq(print_pipe("true", big, n, 10, NULL, &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "before it had read everything"));
	free(big);
}
END_TEST

/* The exit code and the first lines of stderr in the message, nothing on
 * wuye's own stdout or stderr; a signal by its name. */
START_TEST(test_pipe_status)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(print_pipe("cat >/dev/null; echo 'lp: no printer' >&2; "
	    "echo second >&2; echo third >&2; exit 3", "x", 1, 10, NULL, &e), WY_EFAIL);
	ck_assert_str_eq(e.msg, "print command 'cat >/dev/null; echo 'lp: no "
	    "printer' >&2; echo second >&2; echo third >&2; exit 3' failed "
	    "with exit code 3: lp: no printer / second");
	ck_assert_ptr_null(strstr(e.msg, "status"));
	/* stdout when stderr is silent; control characters are blanked */
	ck_assert_int_eq(print_pipe("printf 'out\033[31m\n'; exit 1", "", 0, 10,
	    NULL, &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "exit code 1: out [31m"));
	ck_assert_int_eq(print_pipe("exit 4", "x", 1, 10, NULL, &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "failed with exit code 4"));
	ck_assert_int_eq(print_pipe("kill -TERM $$", "x", 1, 10, NULL, &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "signal 15"));
	ck_assert_int_eq(print_pipe("no-such-printer-cmd", "x", 1, 10, NULL, &e),
	    WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "exit code 127"));
	ck_assert_ptr_nonnull(strstr(e.msg, "not found"));
}
END_TEST

/* 1 if process pid has ended (is gone, or a zombie not yet reaped by its
 * new parent), waiting up to 3 seconds for it. */
static int
gone(pid_t pid)
{
	char path[64], line[256], *close_paren;
	FILE *f;
	int i;

	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	for (i = 0; i < 300; i++) {
		if ((f = fopen(path, "r")) == NULL)
			return 1;
		close_paren = fgets(line, sizeof line, f) != NULL ?
		    strrchr(line, ')') : NULL;
		fclose(f);
		if (close_paren != NULL && close_paren[1] == ' ' &&
		    close_paren[2] == 'Z')
			return 1;
		usleep(10000);
	}
	return 0;
}

/* A command that hangs is stopped after the timeout, its children too. */
START_TEST(test_pipe_timeout)
{
	struct wy_err e = { 0 };
	char cmd[400], pidfile[300], buf[32];
	time_t t0 = time(NULL);
	FILE *f;
	long child;

	snprintf(pidfile, sizeof pidfile, "%s/pid", fx.dir);
	snprintf(cmd, sizeof cmd, "sleep 30 & echo $! >%s; wait", pidfile);
	ck_assert_int_eq(print_pipe(cmd, "x", 1, 1, NULL, &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "did not finish in 1 second and was stopped"));
	ck_assert_int_lt(time(NULL) - t0, 10);
	ck_assert_ptr_nonnull(f = fopen(pidfile, "r"));
	ck_assert_ptr_nonnull(fgets(buf, sizeof buf, f));
	fclose(f);
	child = strtol(buf, NULL, 10);
	ck_assert_int_gt(child, 1);
	ck_assert(gone((pid_t)child));	/* the sleep is stopped too */
	/* one that ignores SIGTERM is killed all the same */
	t0 = time(NULL);
	ck_assert_int_eq(print_pipe("trap '' TERM; while :; do sleep 1; done",
	    "x", 1, 1, NULL, &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "was stopped"));
	ck_assert_int_lt(time(NULL) - t0, 10);
}
END_TEST

/* A command that writes megabytes on stdout and stderr while wuye writes
 * a megabyte to it does not deadlock; it succeeds. */
START_TEST(test_pipe_chatty)
{
	struct wy_err e = { 0 };
	size_t n = 1 << 20;
	char *big = malloc(n);

	ck_assert_ptr_nonnull(big);
	memset(big, 'x', n);
	ck_assert_int_eq(print_pipe("head -c 3000000 /dev/zero; "
	    "head -c 3000000 /dev/zero >&2; cat >/dev/null", big, n, 20,
	    NULL, &e), WY_OK);
	ck_assert_int_eq(print_pipe("head -c 3000000 /dev/zero | tr '\\0' e >&2; "
	    "exit 2", big, n, 20, NULL, &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "exit code 2: eee"));
	ck_assert_ptr_nonnull(strstr(e.msg, "…"));
	ck_assert_int_lt((long)strlen(e.msg), 400);
	free(big);
}
END_TEST

/* A failure names where print.command is set. */
START_TEST(test_text_hint)
{
	struct wy_err e = { 0 };

	ck_assert_int_eq(conf_set(fx.conf, "print.command", "echo oops >&2; exit 5",
	    &e), WY_OK);
	ck_assert_int_eq(print_text(fx.conf, "收据", &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "exit code 5: oops"));
	ck_assert_ptr_nonnull(strstr(e.msg, "[print]"));
	ck_assert_ptr_nonnull(strstr(e.msg, "wuye.conf"));
	/* the command's own full stop, ASCII or Chinese, does not stay
	 * before the hint's semicolon */
	ck_assert_int_eq(conf_set(fx.conf, "print.command",
	    "echo 'no default destination.' >&2; exit 1", &e), WY_OK);
	ck_assert_int_eq(print_text(fx.conf, "收据", &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "destination; "));
	ck_assert_int_eq(conf_set(fx.conf, "print.command",
	    "echo '无默认目标。' >&2; exit 1", &e), WY_OK);
	ck_assert_int_eq(print_text(fx.conf, "收据", &e), WY_EFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "无默认目标; "));
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
	tcase_add_test(tc, test_pipe_status);
	tcase_add_test(tc, test_pipe_timeout);
	tcase_add_test(tc, test_pipe_chatty);
	tcase_add_test(tc, test_text_hint);
	tcase_add_test(tc, test_text_and_file);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
