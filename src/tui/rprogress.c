/* wuye: the progress dialog of a report's run or export (see
 * tui_report.h).
 *
 * The engine calls back every thousand rows, and the dialog shows the
 * count.  A query can also work for long between two rows (a sum over a
 * big table), so while it runs a timer looks at the keyboard every
 * POLL_MS from a signal handler: Esc or Ctrl-C sets the flag the engine's
 * SQLite progress handler watches, and the query stops at once.
 */
#include "wuye/tui.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "wuye/i18n.h"
#include "wuye/tui_report.h"

#define POLL_MS 150	/* how often the keyboard is looked at during a run */

static volatile sig_atomic_t *alarm_cancel;

/* 1 if byte i of the n read is a key of ACT_BACK (Esc, Ctrl-C): an Esc
 * only alone, not as the start of another key's sequence. */
static int
is_back(const unsigned char *buf, ssize_t i, ssize_t n)
{
	const int *keys = tui_actions[ACT_BACK].keys;
	int k;

	for (k = 0; k < 3; k++) {
		if (keys[k] == 0 || keys[k] != buf[i])
			continue;
		if (buf[i] != TUI_KEY_ESC || i + 1 == n ||
		    (buf[i + 1] != '[' && buf[i + 1] != 'O'))
			return 1;
	}
	return 0;
}

/* SIGALRM during a run: look at the keyboard with poll() and read() only
 * (safe in a handler); a key of ACT_BACK (Esc alone, Ctrl-C) sets the
 * flag the engine watches.  What else was typed is
 * dropped, as keys typed during a run are. */
static void
on_alarm(int sig)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	unsigned char buf[64];
	ssize_t n, i;
	int saved = errno;

	(void)sig;
	while (poll(&p, 1, 0) == 1 && (p.revents & POLLIN) &&
	    (n = read(STDIN_FILENO, buf, sizeof buf)) > 0)
		for (i = 0; i < n; i++)
			if (is_back(buf, i, n))
				*alarm_cancel = 1;
	errno = saved;
}

/* Start (on) or stop looking at the keyboard every POLL_MS. */
static void
watch_keys(volatile sig_atomic_t *cancel, int on)
{
	static struct sigaction old;
	struct sigaction sa = { .sa_handler = on_alarm, .sa_flags = SA_RESTART };
	struct itimerval it = { 0 };

	if (on) {
		alarm_cancel = cancel;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGALRM, &sa, &old);
		it.it_interval.tv_usec = it.it_value.tv_usec = POLL_MS * 1000;
	}
	setitimer(ITIMER_REAL, &it, NULL);
	if (!on)
		sigaction(SIGALRM, &old, NULL);
}

/* Draw the dialog over the screen, with the rows so far. */
static void
progress_draw(const struct tui_rprogress *pg, long rows)
{
	int w = COLS > 54 ? 50 : COLS - 4, y = tui_top() + 4, x = (COLS - w) / 2;
	char buf[128];

	tui_box(y, x, 6, w, pg->title);
	snprintf(buf, sizeof buf, _("Running... %ld rows so far"), rows);
	tui_put(y + 2, x + 2, w - 4, 0, A_NORMAL, buf);
	tui_put(y + 4, x + 2, w - 4, 0, tui_attr(ROLE_KEYLABEL),
	    _("Esc stops the report"));
	refresh();
}

/* Called by the engine every thousand rows: show the count. */
static int
progress(void *arg, long rows)
{
	struct tui_rprogress *pg = arg;

	progress_draw(pg, rows);
	return pg->cancel;
}

/* Show the progress dialog of a run or an export and watch for Esc. */
void
tui_rprogress_start(struct tui_rprogress *pg, const char *title,
    struct report_watch *w)
{
	pg->cancel = 0;
	pg->title = title;
	*w = (struct report_watch){ .cancel = &pg->cancel, .progress = progress,
	    .arg = pg };
	progress_draw(pg, 0);
	watch_keys(&pg->cancel, 1);
}

/* The run is over: stop watching; what was typed meanwhile is dropped. */
void
tui_rprogress_stop(struct tui_rprogress *pg)
{
	watch_keys(&pg->cancel, 0);
	flushinp();
}
