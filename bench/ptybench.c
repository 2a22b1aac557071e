/* wuye benchmarks: ptybench, the full-screen program timed through a
 * pseudo-terminal.
 *
 *	ptybench [-c COLS] [-l LINES] [-s SETTLE_MS] [-t TIMEOUT_MS] [-v]
 *	    -- COMMAND [ARG...] <SCENARIO
 *
 * The command runs under forkpty() with TERM=xterm.  Its output goes
 * through a small terminal emulator (vt.c), so a marker is looked for on
 * the screen as the user would see it, not in the byte stream, where
 * curses splits a changed line into pieces.  Build:
 *
 *	cc -std=c11 -D_GNU_SOURCE -O2 -o ptybench ptybench.c vt.c -lutil
 *
 * The scenario comes on standard input, one step a line, the fields
 * separated by tabs:
 *
 *	start NAME MARKER...	start the command; time until the markers show
 *	key NAME KEYS MARKER...	type KEYS; time until the markers show
 *	rss LABEL		print the command's peak memory (VmHWM) now
 *	stop			end the command (SIGTERM)
 *	# ...			a comment
 *
 * A step is timed from just before the keys are written (or the command
 * is started) until every marker is on the screen, after at least one byte
 * of output; then the program waits until the output has been quiet for
 * the settle time, which is not counted.  NAME "-" runs a step without
 * reporting it.  KEYS may hold \e (Esc), \r, \n, \t, \\ and \xHH.
 *
 * At the end it prints, for each step name in order of first use,
 * "time NAME COUNT MEDIAN P90 MAX" (milliseconds), and for each rss step
 * "rss LABEL HWM_KB", tab-separated.  On a timeout it prints the screen to
 * standard error and exits 1.
 */
#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "vt.h"

#define MAXMARKERS 8

/* Timings of one step name. */
struct series {
	char *name;
	double *ms;
	size_t n, cap;
};

static struct series *series;
static size_t nseries;
static int verbose;

/* Milliseconds on the monotonic clock. */
static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Exit with a message. */
static void
die(const char *msg)
{
	fprintf(stderr, "ptybench: %s\n", msg);
	exit(2);
}

/* Allocate or die. */
static void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n)) == NULL)
		die("out of memory");
	return p;
}

/* Read what the program wrote within wait_ms; returns the bytes read, 0 on
 * a timeout, -1 when the program has gone. */
static ssize_t
pump(struct vt *t, int wait_ms)
{
	struct pollfd pfd = { .fd = t->fd, .events = POLLIN };
	unsigned char buf[65536];
	ssize_t n;
	int rc;

	if ((rc = poll(&pfd, 1, wait_ms < 0 ? 0 : wait_ms)) < 0)
		return errno == EINTR ? 0 : -1;
	if (rc == 0)
		return 0;
	n = read(t->fd, buf, sizeof buf);
	if (n <= 0)
		return n < 0 && errno == EINTR ? 0 : -1;
	vt_feed(t, buf, (size_t)n);
	return n;
}

/* Wait until the markers show (after some output), then until the output
 * is quiet for settle ms.  Returns the time to the markers, or -1. */
static double
wait_screen(struct vt *t, double t0, char *const *markers, int nm,
    int settle, int timeout)
{
	double found = -1, now;
	ssize_t n;
	int seen = 0;

	for (;;) {
		now = now_ms();
		if (found < 0 && now - t0 > timeout)
			return -1;
		n = pump(t, found < 0 ? (int)(t0 + timeout - now) + 1 : settle);
		if (n < 0)
			return found < 0 ? -1 : found - t0;
		if (found >= 0 && (n == 0 || now - found > timeout))
			return found - t0;	/* quiet (or never quiet) */
		if (n > 0)
			seen = 1;
		if (found < 0 && seen && vt_has(t, markers, nm))
			found = now_ms();
	}
}

/* Add a timing to the series of its name. */
static void
record(const char *name, double ms)
{
	struct series *s = NULL;
	size_t i;

	if (strcmp(name, "-") == 0)
		return;
	for (i = 0; i < nseries; i++)
		if (strcmp(series[i].name, name) == 0)
			s = &series[i];
	if (s == NULL) {
		series = xrealloc(series, (nseries + 1) * sizeof *series);
		s = &series[nseries++];
		memset(s, 0, sizeof *s);
		if ((s->name = strdup(name)) == NULL)
			die("out of memory");
	}
	if (s->n == s->cap) {
		s->cap = s->cap * 2 + 16;
		s->ms = xrealloc(s->ms, s->cap * sizeof *s->ms);
	}
	s->ms[s->n++] = ms;
}

/* Record a timing; with -v, show it and the screen. */
static void
report(struct vt *t, const char *name, double ms)
{
	record(name, ms);
	if (verbose) {
		fprintf(stderr, "ptybench: %s %.2f ms\n", name, ms);
		vt_dump(t);
	}
}

/* Order doubles for qsort. */
static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Print the median, 90th percentile (nearest rank) and maximum of each
 * series. */
static void
print_series(void)
{
	struct series *s;
	double med;
	size_t i, k;

	for (i = 0; i < nseries; i++) {
		s = &series[i];
		qsort(s->ms, s->n, sizeof *s->ms, cmp_double);
		med = s->n % 2 ? s->ms[s->n / 2] :
		    (s->ms[s->n / 2 - 1] + s->ms[s->n / 2]) / 2;
		k = (s->n * 9 + 9) / 10;	/* ceil(0.9 n) */
		printf("time\t%s\t%zu\t%.1f\t%.1f\t%.1f\n", s->name, s->n, med,
		    s->ms[k - 1], s->ms[s->n - 1]);
	}
}

/* Decode the escapes of a KEYS field in place; returns its length. */
static size_t
unescape(char *s)
{
	char *start = s, *o = s, hex[3] = { 0 };

	for (; *s != '\0'; s++) {
		if (*s != '\\' || s[1] == '\0') {
			*o++ = *s;
			continue;
		}
		switch (*++s) {
		case 'e': *o++ = '\033'; break;
		case 'r': *o++ = '\r'; break;
		case 'n': *o++ = '\n'; break;
		case 't': *o++ = '\t'; break;
		case 'x':
			if (isxdigit((unsigned char)s[1]) &&
			    isxdigit((unsigned char)s[2])) {
				hex[0] = s[1];
				hex[1] = s[2];
				*o++ = (char)strtol(hex, NULL, 16);
				s += 2;
				break;
			}
			*o++ = *s;
			break;
		default: *o++ = *s; break;
		}
	}
	*o = '\0';
	return (size_t)(o - start);
}

/* The program under test. */
struct child {
	pid_t pid;
	char **argv;
	int rows, cols;
};

/* Start the program on a new pseudo-terminal; returns the master side. */
static int
spawn(struct child *c)
{
	struct winsize ws = { .ws_row = (unsigned short)c->rows,
	    .ws_col = (unsigned short)c->cols };
	int fd;

	if ((c->pid = forkpty(&fd, NULL, NULL, &ws)) < 0)
		die("forkpty failed");
	if (c->pid == 0) {
		setenv("TERM", "xterm", 1);
		unsetenv("LINES");
		unsetenv("COLUMNS");
		execvp(c->argv[0], c->argv);
		fprintf(stderr, "ptybench: cannot run %s: %s\n", c->argv[0],
		    strerror(errno));
		_exit(127);
	}
	return fd;
}

/* End the program: SIGTERM, read what it still writes, wait for it (and
 * SIGKILL it if it takes more than 3 s). */
static void
stop(struct child *c, struct vt *t)
{
	double t0 = now_ms();
	int status, reaped = 0;

	if (c->pid <= 0)
		return;
	kill(c->pid, SIGTERM);
	while (!reaped && now_ms() - t0 < 3000) {
		if (waitpid(c->pid, &status, WNOHANG) == c->pid)
			reaped = 1;
		else if (pump(t, 50) < 0)
			usleep(1000);	/* the terminal is closed: it is exiting */
	}
	if (!reaped) {
		kill(c->pid, SIGKILL);
		waitpid(c->pid, &status, 0);
	}
	close(t->fd);
	t->fd = -1;
	c->pid = 0;
}

/* The peak resident memory of pid in kB (VmHWM), or -1. */
static long
peak_rss(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, "VmHWM:", 6) == 0)
			kb = strtol(line + 6, NULL, 10);
	fclose(f);
	return kb;
}

/* Split a line at tabs into at most max fields; returns their number. */
static int
split(char *line, char **f, int max)
{
	int n = 0;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max) {
		f[n++] = line;
		if ((line = strchr(line, '\t')) == NULL)
			break;
		*line++ = '\0';
	}
	return n;
}

/* Report a step that did not reach its screen, and exit. */
static void
timed_out(struct vt *t, int lineno, char **f, int nf)
{
	int i;

	fprintf(stderr, "ptybench: line %d (%s %s): the screen did not show",
	    lineno, f[0], nf > 1 ? f[1] : "");
	for (i = f[0][0] == 'k' ? 3 : 2; i < nf; i++)
		fprintf(stderr, " \"%s\"", f[i]);
	fprintf(stderr, "; it shows:\n");
	vt_dump(t);
	exit(1);
}

/* Run the scenario on standard input. */
static void
run(struct child *c, int settle, int timeout)
{
	struct vt t = { .rows = c->rows, .cols = c->cols, .fd = -1 };
	char line[4096], *f[2 + MAXMARKERS + 1];
	double t0, ms;
	size_t len;
	int nf, lineno = 0;

	t.cell = xrealloc(NULL, (size_t)t.rows * (size_t)t.cols * sizeof *t.cell);
	while (fgets(line, sizeof line, stdin) != NULL) {
		lineno++;
		if (line[0] == '#' || line[strspn(line, " \t\r\n")] == '\0')
			continue;
		nf = split(line, f, 2 + MAXMARKERS + 1);
		if (strcmp(f[0], "start") == 0 && nf >= 3) {
			if (c->pid > 0)
				stop(c, &t);
			vt_reset(&t);
			t0 = now_ms();
			t.fd = spawn(c);
			if ((ms = wait_screen(&t, t0, f + 2, nf - 2, settle,
			    timeout)) < 0)
				timed_out(&t, lineno, f, nf);
			report(&t, f[1], ms);
		} else if (strcmp(f[0], "key") == 0 && nf >= 4) {
			if (c->pid <= 0)
				die("key: the program is not running");
			len = unescape(f[2]);
			t0 = now_ms();
			if (write(t.fd, f[2], len) != (ssize_t)len)
				die("cannot write to the terminal");
			if ((ms = wait_screen(&t, t0, f + 3, nf - 3, settle,
			    timeout)) < 0)
				timed_out(&t, lineno, f, nf);
			report(&t, f[1], ms);
		} else if (strcmp(f[0], "rss") == 0 && nf == 2) {
			if (c->pid <= 0)
				die("rss: the program is not running");
			printf("rss\t%s\t%ld\n", f[1], peak_rss(c->pid));
		} else if (strcmp(f[0], "stop") == 0)
			stop(c, &t);
		else {
			fprintf(stderr, "ptybench: line %d: unknown step '%s'\n",
			    lineno, f[0]);
			exit(2);
		}
	}
	stop(c, &t);
	free(t.cell);
}

/* Print the usage and exit. */
static void
usage(void)
{
	fprintf(stderr, "usage: ptybench [-c COLS] [-l LINES] [-s SETTLE_MS] "
	    "[-t TIMEOUT_MS] [-v] -- COMMAND [ARG...] <SCENARIO\n");
	exit(2);
}

/* Parse the options, run the scenario, print the timings. */
int
main(int argc, char **argv)
{
	struct child c = { .rows = 24, .cols = 80 };
	int opt, settle = 30, timeout = 10000;

	setlocale(LC_CTYPE, "C.UTF-8");	/* for wcwidth() */
	while ((opt = getopt(argc, argv, "c:l:s:t:v")) != -1) {
		switch (opt) {
		case 'c': c.cols = atoi(optarg); break;
		case 'l': c.rows = atoi(optarg); break;
		case 's': settle = atoi(optarg); break;
		case 't': timeout = atoi(optarg); break;
		case 'v': verbose = 1; break;
		default: usage();
		}
	}
	if (optind >= argc || c.rows < 2 || c.cols < 2 || c.cols > 200 ||
	    settle < 1 || timeout < 1)
		usage();
	c.argv = argv + optind;
	signal(SIGPIPE, SIG_IGN);
	run(&c, settle, timeout);
	print_series();
	return 0;
}
