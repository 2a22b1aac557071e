/* wuye: printing through print.command in print.encoding (print.h).
 *
 * The command runs in a session of its own (setsid), so it has no
 * controlling terminal: it cannot write on the curses screen, nor read
 * the keyboard, and its whole process group can be stopped at once.  Its
 * standard input is the printout; its standard output and error are read
 * through pipes, at the same time as the printout is written (poll), so a
 * command that talks a lot never blocks on a full pipe while wuye blocks
 * on its input.  The first few kilobytes of what it said are kept for the
 * message, the rest read and dropped.
 */
#include "wuye/print.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "wuye/conf.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"

#define SAID_MAX 4096		/* bytes kept of each of stdout and stderr */
#define SAID_LINES 2		/* lines of it quoted in a message */
#define SAID_SHOWN 240		/* most bytes of it quoted */
#define KILL_GRACE_MS 1000	/* from SIGTERM to SIGKILL */
#define DRAIN_MS 200		/* for what it left running, after it ended */

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

/* What the command wrote on one of its outputs. */
struct said {
	int fd;			/* the read end, -1 once at its end */
	char buf[SAID_MAX + 1];	/* the first SAID_MAX bytes, NUL-terminated */
	size_t len;
};

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Read what is there on s->fd; at its end (or an error) close it. */
static void
said_read(struct said *s)
{
	char junk[4096];
	ssize_t n;

	if (s->len < SAID_MAX)
		n = read(s->fd, s->buf + s->len, SAID_MAX - s->len);
	else
		n = read(s->fd, junk, sizeof junk);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		close(s->fd);
		s->fd = -1;
		return;
	}
	if (s->len < SAID_MAX)
		s->len += (size_t)n;
	s->buf[s->len] = '\0';
}

/* The first SAID_LINES non-empty lines of what the command said on
 * stderr (else stdout), joined by " / ", control characters as spaces,
 * at most SAID_SHOWN bytes cut at a character.  Returns buf. */
static char *
print_said(const char *err, const char *out, char *buf, size_t size)
{
	const char *p = *err != '\0' ? err : out;
	size_t n = 0, max = size - 4 < SAID_SHOWN ? size - 4 : SAID_SHOWN;
	int lines = 0, at_start = 1;

	for (; *p != '\0' && n < max; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '\n' || c == '\r') {
			if (!at_start && ++lines >= SAID_LINES)
				break;
			at_start = 1;
			continue;
		}
		if (at_start && (c == ' ' || c == '\t'))
			continue;
		if (at_start && lines > 0) {
			if (n + 3 >= max)
				break;
			memcpy(buf + n, " / ", 3);
			n += 3;
		}
		at_start = 0;
		buf[n++] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
	}
	if (n >= max && *p != '\0' && *p != '\n' && *p != '\r') {
		/* cut, but not inside a character */
		while (n > 0 && ((unsigned char)*p & 0xc0) == 0x80)
			n--, p--;
		memcpy(buf + n, "…", sizeof "…");
		return buf;
	}
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
	return buf;
}

/* Stop the command's process group: SIGTERM, then SIGKILL if it is
 * still there after KILL_GRACE_MS; reap it. */
static void
stop_group(pid_t pid, int *st)
{
	long long until = now_ms() + KILL_GRACE_MS;
	struct timespec ms10 = { 0, 10 * 1000000 };

	kill(-pid, SIGTERM);
	while (waitpid(pid, st, WNOHANG) == 0) {
		if (now_ms() >= until) {
			kill(-pid, SIGKILL);
			while (waitpid(pid, st, 0) < 0 && errno == EINTR)
				;
			break;
		}
		nanosleep(&ms10, NULL);
	}
	kill(-pid, SIGKILL);	/* what it left behind in its group */
}

/* The child: a session of its own, the pipes as 0, 1 and 2 and no other
 * file open (not the terminal, whatever its number), the default
 * dispositions of the signals wuye ignores; then sh -c cmd. */
static void
child(const char *cmd, int in, int out, int err)
{
	int fd;

	if (setsid() < 0)
		setpgid(0, 0);
	dup2(in, 0);
	dup2(out, 1);
	dup2(err, 2);
	if (close_range(3, ~0U, 0) != 0)
		for (fd = 3; fd < 1024; fd++)
			close(fd);
	signal(SIGPIPE, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
	_exit(127);
}

int
print_pipe(const char *cmd, const char *data, size_t len, int timeout_s,
    char **said_out, struct wy_err *e)
{
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	struct said *out, *err;
	struct pollfd pf[3];
	int in[2], po[2], pe[2], st = 0, short_write = 0, timed_out = 0, w;
	int rc = WY_OK, npf, got_status = 0;
	long long deadline;
	size_t off = 0;
	ssize_t n;
	char said[SAID_SHOWN + 8];
	pid_t pid;

	if (said_out != NULL)
		*said_out = NULL;
	if (cmd == NULL || *cmd == '\0')
		return wy_fail(e, WY_EINVALID, _("print.command is empty"));
	if (pipe2(in, O_CLOEXEC) < 0)
		return wy_fail(e, WY_EFAIL, "pipe: %s", strerror(errno));
	if (pipe2(po, O_CLOEXEC) < 0) {
		close(in[0]);
		close(in[1]);
		return wy_fail(e, WY_EFAIL, "pipe: %s", strerror(errno));
	}
	if (pipe2(pe, O_CLOEXEC) < 0) {
		close(in[0]);
		close(in[1]);
		close(po[0]);
		close(po[1]);
		return wy_fail(e, WY_EFAIL, "pipe: %s", strerror(errno));
	}
	fflush(NULL);
	if ((pid = fork()) < 0) {
		rc = wy_fail(e, WY_EFAIL, _("print.command '%s': %s"), cmd,
		    strerror(errno));
		close(in[0]);
		close(in[1]);
		close(po[0]);
		close(po[1]);
		close(pe[0]);
		close(pe[1]);
		return rc;
	}
	if (pid == 0)
		child(cmd, in[0], po[1], pe[1]);
	close(in[0]);
	close(po[1]);
	close(pe[1]);
	out = xcalloc(1, sizeof *out);
	err = xcalloc(1, sizeof *err);
	out->fd = po[0];
	err->fd = pe[0];
	fcntl(in[1], F_SETFL, fcntl(in[1], F_GETFL) | O_NONBLOCK);
	if (len == 0) {
		close(in[1]);
		in[1] = -1;
	}
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	deadline = now_ms() + (long long)timeout_s * 1000;
	/* Write the printout and read what it says until both its outputs
	 * end, or the time is up; once the command has ended, what it left
	 * running gets DRAIN_MS more to let go of the pipes. */
	while (out->fd >= 0 || err->fd >= 0) {
		long long left;

		if (!got_status && waitpid(pid, &st, WNOHANG) == pid) {
			got_status = 1;
			if (deadline > now_ms() + DRAIN_MS)
				deadline = now_ms() + DRAIN_MS;
		}
		if ((left = deadline - now_ms()) <= 0) {
			timed_out = !got_status;
			break;
		}
		npf = 0;
		if (in[1] >= 0)
			pf[npf++] = (struct pollfd){ .fd = in[1], .events = POLLOUT };
		if (out->fd >= 0)
			pf[npf++] = (struct pollfd){ .fd = out->fd, .events = POLLIN };
		if (err->fd >= 0)
			pf[npf++] = (struct pollfd){ .fd = err->fd, .events = POLLIN };
		if (poll(pf, (nfds_t)npf, left > 100 ? 100 : (int)left) <= 0)
			continue;	/* EINTR (a signal), or a tenth gone */
		for (w = 0; w < npf; w++) {
			if (pf[w].revents == 0)
				continue;
			if (pf[w].fd == in[1]) {
				n = write(in[1], data + off, len - off);
				if (n > 0)
					off += (size_t)n;
				else if (n < 0 && errno != EAGAIN && errno != EINTR)
					short_write = 1;	/* EPIPE: it stopped reading */
				if (short_write || off == len) {
					close(in[1]);
					in[1] = -1;
				}
			} else
				said_read(pf[w].fd == out->fd ? out : err);
		}
	}
	if (in[1] >= 0) {
		close(in[1]);
		short_write = off < len;
	}
	/* Both outputs ended: the command has ended, or is about to (or
	 * closed them and goes on: the same deadline holds). */
	while (!timed_out && !got_status) {
		struct timespec ms10 = { 0, 10 * 1000000 };
		pid_t r = waitpid(pid, &st, WNOHANG);

		if (r == pid || (r < 0 && errno != EINTR))
			got_status = 1;
		else if (now_ms() >= deadline)
			timed_out = 1;
		else
			nanosleep(&ms10, NULL);
	}
	if (timed_out)
		stop_group(pid, &st);
	sigaction(SIGPIPE, &old, NULL);
	if (out->fd >= 0)
		close(out->fd);
	if (err->fd >= 0)
		close(err->fd);
	print_said(err->buf, out->buf, said, sizeof said);
	if (timed_out)
		rc = wy_fail(e, WY_EFAIL, ngettext("print command '%s' did not "
		    "finish in %d second and was stopped", "print command '%s' "
		    "did not finish in %d seconds and was stopped",
		    (unsigned long)timeout_s), cmd, timeout_s);
	else if (WIFSIGNALED(st))
		rc = wy_fail(e, WY_EFAIL, _("print command '%s' was ended by "
		    "signal %d (%s)"), cmd, WTERMSIG(st), strsignal(WTERMSIG(st)));
	else if (WIFEXITED(st) && WEXITSTATUS(st) != 0 && *said != '\0')
		rc = wy_fail(e, WY_EFAIL, _("print command '%s' failed with "
		    "exit code %d: %s"), cmd, WEXITSTATUS(st), said);
	else if (WIFEXITED(st) && WEXITSTATUS(st) != 0)
		rc = wy_fail(e, WY_EFAIL, _("print command '%s' failed with "
		    "exit code %d"), cmd, WEXITSTATUS(st));
	else if (short_write)
		rc = wy_fail(e, WY_EFAIL, _("print.command '%s' ended before "
		    "it had read everything"), cmd);
	if (rc == WY_OK && said_out != NULL)
		*said_out = xstrdup(out->buf);
	free(out);
	free(err);
	return rc;
}

/* Add to a failed print's message where the command is set. */
static int
hint(const struct conf *c, struct wy_err *e)
{
	const char *path = conf_path(c);
	size_t n = strlen(e->msg);

	/* the command's own full stop goes: ours continues the sentence */
	if (n > 0 && e->msg[n - 1] == '.')
		e->msg[--n] = '\0';
	else if (n >= 3 && memcmp(e->msg + n - 3, "\xe3\x80\x82", 3) == 0)
		e->msg[n -= 3] = '\0';	/* 。 */
	snprintf(e->msg + n, sizeof e->msg - n, _("; the print command is "
	    "set by command in the [print] section of %s"),
	    path != NULL ? path : "wuye.conf");
	return e->code;
}

int
print_text(const struct conf *c, const char *text, struct wy_err *e)
{
	return print_text_said(c, text, NULL, e);
}

int
print_text_said(const struct conf *c, const char *text, char **said,
    struct wy_err *e)
{
	char *enc;
	size_t len;
	int rc;

	if (said != NULL)
		*said = NULL;
	if ((rc = print_encode(text, conf_str(c, "print.encoding"), &enc, &len,
	    e)) != WY_OK)
		return rc;
	rc = print_pipe(conf_str(c, "print.command"), enc, len,
	    (int)conf_int(c, "print.timeout"), said, e);
	free(enc);
	return rc != WY_OK ? hint(c, e) : rc;
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
