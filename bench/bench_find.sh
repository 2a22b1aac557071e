#!/bin/sh
# Benchmark: the keystrokes of searching and sorting, through a
# pseudo-terminal (80x24, TERM=xterm, bench/ptybench.c), on a demo database
# of N rooms (default 100,000; about 1.15 clients a room): in the quick
# find (F6) the first Chinese character of a surname, a letter after it
# (张s), and pinyin initials typed key by key (zsf); in the Clients list a
# search by initials key by key, one Chinese character, clearing it, F7
# through every column, and sorted by name a letter and a Chinese
# character (their matches come together in that order); in the Rooms
# list F7 through every column (the building is a lookup, sorted by the
# building's code) and a one-letter search (z: the rooms of estate Z, the
# last codes).  Each step
# BENCH_FIND_REPEAT times (default 10); prints the median, 90th percentile
# and maximum in milliseconds.  BENCH_FIND_DB reuses a database made
# before (`wuye demo --rooms N --months 0`); the goal is 50 ms a key.
. "$(dirname "$0")/lib.sh"

dir=$(cd "$(dirname "$0")" && pwd)
REPEAT=${BENCH_FIND_REPEAT:-10}
fail() {
	echo "bench $NAME: $*" >&2
	[ -s "$T/err" ] && sed 's/^/  /' "$T/err" >&2
	exit 1
}

${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -o "$T/ptybench" \
    "$dir/ptybench.c" "$dir/vt.c" -lutil 2>"$T/err" ||
    fail "cannot build bench/ptybench.c"

line() {
	printf '%s' "$1"
	shift
	for f in "$@"; do printf '\t%s' "$f"; done
	printf '\n'
}

# The browse labels of a form, in order (the F7 cycle).
labels() {
	awk '/^\[/ { lab = "" } /^label = / { lab = substr($0, 9) }
	    /^browse = yes/ { print lab }' "$dir/../forms/$1.ini"
}

# F7 from the second column of the list TITLE (form FORM) back to the
# first, untimed.
sort_back() {
	labels "$2" | tail -n +3 >"$T/labels"
	labels "$2" | head -n 1 >>"$T/labels"
	while IFS= read -r l; do
		line key - '\e[18~' "by $l "
	done <"$T/labels"
}

# F7 through every column of the list TITLE, back to the first.
sorts() {
	labels "$2" >"$T/labels"
	first=$(head -n 1 "$T/labels")
	{ tail -n +2 "$T/labels"; echo "$first"; } | while IFS= read -r l; do
		line key "$1: F7 sort by $l" '\e[18~' "by $l "
	done
}

scenario() {
	clients=$(sqlite3 "$db" "SELECT count(*) FROM clients")
	line start - "- log in"
	line key - 'admin\r' "User: admin"
	line key - 'demo' "Password: ****"
	line key - '\r' "Welcome, admin."
	i=0
	while [ "$i" -lt "$REPEAT" ]; do
		line key - '\e[17~' "Quick find"
		line key "quick find: first Chinese character (张)" '张' "│ 张  "
		line key "quick find: a letter after it (张s)" 's' "│ 张s  "
		line key - '\e' "Welcome, admin."
		line key - '\e[17~' "Quick find"
		line key "quick find: initials, key 1 (z)" 'z' "│ z  "
		line key "quick find: initials, key 2 (zs)" 's' "│ zs  "
		line key "quick find: initials, key 3 (zsf)" 'f' "│ zsf  "
		line key - '\e' "Welcome, admin."
		i=$((i + 1))
	done
	line key - '\e[21~' "Property(P)"
	line key - '\eOC' "Clients(N)"
	line key - 'n' "Clients  $clients rows"
	i=0
	while [ "$i" -lt "$REPEAT" ]; do
		line key "Clients: search, key 1 (z)" 'z' "Search: z "
		line key "Clients: search, key 2 (zs)" 's' "Search: zs "
		line key "Clients: search, key 3 (zsf)" 'f' "Search: zsf "
		line key "Clients: clear the search (Ctrl-U)" '\x15' "Clients  $clients rows"
		line key "Clients: search, first Chinese character (张)" '张' "Search: 张 "
		line key - '\x15' "Clients  $clients rows"
		sorts Clients clients
		# Sorted by name, a search whose matches gather in that order.
		line key - '\e[18~' "by $(labels clients | sed -n 2p) "
		line key "Clients by Name: search, key 1 (z)" 'z' "Search: z "
		line key - '\x15' "Clients  $clients rows"
		line key "Clients by Name: search, first Chinese character (张)" '张' "Search: 张 "
		line key - '\x15' "Clients  $clients rows"
		sort_back Clients clients
		i=$((i + 1))
	done
	line key - '\e' "Welcome, admin."
	rooms=$(sqlite3 "$db" "SELECT count(*) FROM rooms")
	line key - '\e[21~' "Property(P)"
	line key - '\eOD' "Rooms(R)"
	line key - 'r' "Rooms  $rooms rows"
	i=0
	while [ "$i" -lt "$REPEAT" ]; do
		sorts Rooms rooms
		line key "Rooms: search, key 1 (z)" 'z' "Search: z "
		line key "Rooms: clear the search (Ctrl-U)" '\x15' "Rooms  $rooms rows"
		i=$((i + 1))
	done
	line stop
}

db=${BENCH_FIND_DB:-}
if [ -z "$db" ]; then
	db="$T/r$ROOMS.db"
	wy "$db" demo --rooms "$ROOMS" --months 0 >/dev/null 2>"$T/err" ||
	    fail "wuye demo --rooms $ROOMS failed"
fi
scenario >"$T/s"
"$T/ptybench" -- "$WUYE" --config "$CONF" --db "$db" <"$T/s" >"$T/o" \
    2>"$T/err" || fail "ptybench failed"
n_rooms=$(sqlite3 "$db" "SELECT count(*) FROM rooms")
n_clients=$(sqlite3 "$db" "SELECT count(*) FROM clients")
report "$REPEAT runs of each step on $n_rooms rooms and $n_clients" \
    "clients, 80x24; ms from the keystroke to the screen" \
    "(median / 90th percentile / max), goal < 50"
awk -F '\t' '$1 == "time" { printf "| %s | %.1f / %.1f / %.1f%s |\n", $2, $4,
    $5, $6, ($5 >= 50 ? " (misses)" : "") }' "$T/o"
