# wuye terminal-test helpers, sourced by tests/e2e/t_tui_*.sh after lib.sh.
#
# The real program runs in a private tmux server (its own -L socket name,
# no status line, a fixed size), on the test's database ($DB, $CONF), with
# its standard error kept in a file so a sanitiser report is seen.  Tests
# send keys and poll the captured screen until what they expect appears;
# there is no fixed sleep.  Esc waits 0.6 s for a digit (Esc 1 is F1)
# before it counts as Back, and Esc Esc is one Esc: after an Esc, wait for
# what it changes on the screen before the next key.
#
#   tui_start COLS ROWS [VAR=VALUE ...]  start wuye (LC_ALL, LANG, NO_COLOR...)
#   tui_use NAME                 talk to another started server ($TUI names one)
#   keys KEY...                  tmux send-keys (Enter, Escape, F1, C-s, BSpace)
#   text STRING                  type STRING literally (send-keys -l)
#   screen                       print the screen
#   wait_for TEXT [SECONDS]      poll until the screen shows TEXT (default 5 s)
#   wait_gone TEXT [SECONDS]     poll until it does not
#   on_screen DESC TEXT          the screen shows TEXT now (a check, no wait)
#   off_screen DESC TEXT         the screen does not show TEXT now
#   tui_login USER PASSWORD      type them into the log-in screen
#   tui_exit [SECONDS]           wait for the program to end; status in $TUI_RC
#   tui_pid                      the program's process id
#   tui_alive                    true while the program runs
#   grid_rows                    the data rows a browse grid shows
# A wait that times out is a failure: it prints the screen and the
# program's standard error.  After one, the later waits on the same program
# fail at once without counting again, so a broken flow ends quickly.
# `finish` here also fails the test if a sanitiser reported anything.
unset TMUX TMUX_PANE
export TMUX_TMPDIR="$T"	# the sockets go with the temporary folder
TUI_TERM=${TUI_TERM:-screen}	# what tmux emulates: its key sequences match
TUI_BIN=${TUI_BIN:-$WUYE}
TUI_N=0
TUI=
TUI_SERVERS=
TUI_BROKEN=
TUI_RC=
SCREEN="$T/screen"

cat >"$T/tmux.conf" <<'EOF'
set -g status off
set -g remain-on-exit on
set -g history-limit 100
set -g escape-time 0
set -g default-shell /bin/sh
EOF

# Kill every tmux server this script started; remove the temporary folder.
tui_cleanup() {
	for s in $TUI_SERVERS; do
		tmux -L "$s" kill-server 2>/dev/null
	done
	rm -rf "$T"
}
trap tui_cleanup EXIT
trap 'exit 1' HUP INT TERM

tmx() { tmux -L "$TUI" "$@"; }

# Start wuye on $DB in a new tmux server of COLS x ROWS; VAR=VALUE words
# (no blanks or quotes) are added to its environment, after LC_ALL, LANG,
# TZ and TERM, so they win.  A small script runs it: the inner shell
# writes its pid and becomes wuye; the outer one keeps the exit status
# (tmux's pane_dead_status is not always set when the terminal closes
# first).
tui_start() {
	_cols=$1 _rows=$2
	shift 2
	TUI_N=$((TUI_N + 1))
	TUI="wuye-e2e-$$-$TUI_N"
	TUI_SERVERS="$TUI_SERVERS $TUI"
	_f="$T/tui-$TUI_N"
	: >"$_f.err"
	rm -f "$_f.rc" "$_f.pid" "$OUT" "$ERR"	# lib.sh's failures show OUT, ERR
	TUI_BROKEN=
	cat >"$_f.sh" <<EOF
sh -c 'echo \$\$ >"\$0"; exec "\$@"' '$_f.pid' env TERM=$TUI_TERM TZ=$TZ \\
    LC_ALL=$LC_ALL LANG=$LANG $* '$TUI_BIN' --config '$CONF' --db '$DB' 2>'$_f.err'
echo \$? >'$_f.rc~'
mv '$_f.rc~' '$_f.rc'
EOF
	tmx -f "$T/tmux.conf" new-session -d -x "$_cols" -y "$_rows" "sh '$_f.sh'" ||
	    tui_fail "tmux did not start"
}

# Switch to a server started earlier (its name was in $TUI).
tui_use() {
	TUI=$1
	TUI_BROKEN=
}

# The standard-error file of the current server's program.
tui_errfile() { echo "$T/tui-${TUI##*-}.err"; }

keys() { tmx send-keys "$@"; }
text() { tmx send-keys -l -- "$1"; }
screen() { tmx capture-pane -p; }
tui_alive() { [ ! -f "$T/tui-${TUI##*-}.rc" ]; }
tui_pid() { cat "$T/tui-${TUI##*-}.pid"; }

# Record a failure of the terminal test, with the screen and stderr.
tui_fail() {
	FAILED=$((FAILED + 1))
	echo "FAIL $NAME: $1"
	tmx capture-pane -p 2>/dev/null | sed 's/^/  screen| /'
	[ -s "$(tui_errfile)" ] && sed 's/^/  stderr: /' "$(tui_errfile)" | head -n 30
	TUI_BROKEN=1
	return 1
}

# Poll the screen every 50 ms until it shows (mode has) or stops showing
# (mode lacks) TEXT, for up to SECONDS.
tui_poll() {
	_mode=$1 _text=$2 _n=$(( ${3:-5} * 20 ))
	[ -n "$TUI_BROKEN" ] && return 1
	while :; do
		tmx capture-pane -p >"$SCREEN" 2>/dev/null
		if grep -qF -- "$_text" "$SCREEN"; then
			[ "$_mode" = has ] && return 0
		else
			[ "$_mode" = lacks ] && return 0
		fi
		if ! tui_alive; then
			tui_fail "the program ended while waiting for the screen to $_mode '$_text'"
			return 1
		fi
		_n=$((_n - 1))
		if [ "$_n" -le 0 ]; then
			if [ "$_mode" = has ]; then
				tui_fail "timed out waiting for '$_text' on the screen"
			else
				tui_fail "timed out waiting for '$_text' to leave the screen"
			fi
			return 1
		fi
		sleep 0.05
	done
}

wait_for() { tui_poll has "$1" "${2:-5}"; }
wait_gone() { tui_poll lacks "$1" "${2:-5}"; }

# Check the screen as it is now: it shows (on_screen) or does not show
# (off_screen) TEXT.  A failure prints the screen but lets the flow go on.
on_screen() {
	tmx capture-pane -p >"$SCREEN"
	if grep -qF -- "$2" "$SCREEN"; then
		pass "$1"
	else
		FAILED=$((FAILED + 1))
		echo "FAIL $NAME: $1 (no '$2' on the screen)"
		sed 's/^/  screen| /' "$SCREEN"
	fi
}
off_screen() {
	tmx capture-pane -p >"$SCREEN"
	if grep -qF -- "$2" "$SCREEN"; then
		FAILED=$((FAILED + 1))
		echo "FAIL $NAME: $1 ('$2' on the screen)"
		sed 's/^/  screen| /' "$SCREEN"
	else
		pass "$1"
	fi
}

# Log in: wait for the log-in screen (TEXT, default "Password:"), type
# the user, Enter, the password, Enter.
tui_login() {
	wait_for "${3:-Password:}" || return 1
	text "$1"
	keys Enter
	text "$2"
	keys Enter
}

# Wait up to SECONDS (default 10) for the program to end; its exit status
# goes into TUI_RC.
tui_exit() {
	_n=$(( ${1:-10} * 20 ))
	while tui_alive; do
		_n=$((_n - 1))
		if [ "$_n" -le 0 ]; then
			TUI_RC=
			tui_fail "the program did not end"
			return 1
		fi
		sleep 0.05
	done
	TUI_RC=$(cat "$T/tui-${TUI##*-}.rc")
	return 0
}

# The non-empty data rows of a browse grid: the lines between its column
# header (line 3) and the status line.
grid_rows() {
	_h=$(tmx display -p '#{pane_height}')
	screen | sed -n "4,$((_h - 2))p" | grep -v '^ *$'
}

# lib.sh's finish, after checking that no program under test reported a
# sanitiser error.
finish() {
	_i=1
	while [ "$_i" -le "$TUI_N" ]; do
		if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$T/tui-$_i.err"; then
			FAILED=$((FAILED + 1))
			echo "FAIL $NAME: program $_i reported a sanitiser error"
			sed 's/^/  stderr: /' "$T/tui-$_i.err" | head -n 40
		fi
		_i=$((_i + 1))
	done
	echo "$PASSED $FAILED" >>"${E2E_RESULTS:-/dev/null}"
	[ "$FAILED" -eq 0 ]
}

# Checks of the screen as it is now, by display column (tests/e2e/screen.py):
#   frame_ok DESC                         every box has its corners and edges
#   columns_ok DESC FIRST LAST [TITLE...] the table under header line FIRST
#                                         (down to LAST) keeps its columns
# A failure prints why and the screen, and lets the flow go on.
screen_check() {
	_desc=$1 _what=$2
	shift 2
	tmx capture-pane -p >"$SCREEN"
	if python3 "$TUI_SCREEN_PY" "$_what" "$SCREEN" "$@" >"$T/why" 2>&1; then
		pass "$_desc"
	else
		FAILED=$((FAILED + 1))
		echo "FAIL $NAME: $_desc"
		sed 's/^/  why| /' "$T/why"
		sed 's/^/  screen| /' "$SCREEN"
	fi
}
TUI_SCREEN_PY="$(cd "$(dirname "$0")" && pwd)/screen.py"
frame_ok() { screen_check "$1" frame; }
columns_ok() { _d=$1; shift; screen_check "$_d" columns "$@"; }
