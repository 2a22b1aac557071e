#!/bin/sh
# Benchmark: the full-screen program, through a pseudo-terminal (80x24,
# TERM=xterm), on a demo database of 1,000 rooms and one of N (default
# 100,000).  bench/ptybench.c (built here with cc) types the keys and times
# each from the keystroke until the screen shows what it should: start-up
# to the log-in box, log-in to the home screen, and for the Rooms and the
# Clients lists: open (from the menu), End, Home, a search typed key by key,
# clearing it (Ctrl-U) and Esc back home; each BENCH_TUI_REPEAT times
# (default 20).  Prints the median, 90th percentile and maximum of each in
# milliseconds, and the program's peak memory (VmHWM) after all the steps,
# for both databases: it should not grow with the rows.
. "$(dirname "$0")/lib.sh"

dir=$(cd "$(dirname "$0")" && pwd)
REPEAT=${BENCH_TUI_REPEAT:-20}
SMALL=1000
fail() {
	echo "bench $NAME: $*" >&2
	[ -s "$T/err" ] && sed 's/^/  /' "$T/err" >&2
	exit 1
}

${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -o "$T/ptybench" \
    "$dir/ptybench.c" "$dir/vt.c" -lutil 2>"$T/err" ||
    fail "cannot build bench/ptybench.c"

# A scenario line: the fields separated by tabs (KEYS keep their \e, \r).
line() {
	printf '%s' "$1"
	shift
	for f in "$@"; do printf '\t%s' "$f"; done
	printf '\n'
}

# The text of a query on database $db.
q() { sqlite3 "$db" "$1"; }

# The number of rows of TABLE where one of FIELDS starts with PREFIX, as
# the grid shows them (a GLOB prefix on each search field; a search counts
# up to 10000 and shows "10000+").
matching() {
	m_where=
	for m_f in $2; do
		m_where="$m_where${m_where:+ OR }\"$m_f\" GLOB '$3*'"
	done
	m_n=$(q "SELECT count(*) FROM \"$1\" WHERE $m_where")
	if [ "$m_n" -ge 10000 ]; then echo "10000+ rows"
	elif [ "$m_n" = 1 ]; then echo "1 row"
	else echo "$m_n rows"; fi
}

# Steps for a search typed key by key into the list TITLE (of TABLE with
# search FIELDS), then Ctrl-U; NAME names the steps.
search() {
	title=$1 table=$2 fields=$3 prefix=$4 name=$5 total=$6
	k=1 len=$(q "SELECT length('$prefix')")
	while [ "$k" -le "$len" ]; do
		key=$(q "SELECT substr('$prefix', $k, 1)")
		typed=$(q "SELECT substr('$prefix', 1, $k)")
		line key "$title: $name, key $k" "$key" "Search: $typed" \
		    "$title  $(matching "$table" "$fields" "$typed")"
		k=$((k + 1))
	done
	line key "$title: clear the search (Ctrl-U)" '\x15' "$title  $total rows"
}

# The scenario for database $db on standard output.
scenario() {
	rooms=$(q "SELECT count(*) FROM rooms")
	r_first=$(q "SELECT code FROM rooms ORDER BY code, id LIMIT 1")
	r_last=$(q "SELECT code FROM rooms ORDER BY code DESC, id DESC LIMIT 1")
	r_prefix=$(q "SELECT substr(code, 1, 6) FROM rooms ORDER BY code
	    LIMIT 1 OFFSET (SELECT count(*) / 2 FROM rooms)")
	clients=$(q "SELECT count(*) FROM clients")
	c_first=$(q "SELECT code FROM clients ORDER BY code, id LIMIT 1")
	c_last=$(q "SELECT code FROM clients ORDER BY code DESC, id DESC LIMIT 1")
	c_name=$(q "SELECT substr(name, 1, 2) FROM clients ORDER BY code
	    LIMIT 1 OFFSET (SELECT count(*) / 2 FROM clients)")
	c_mobile=$(q "SELECT substr(mobile, 1, 4) FROM clients WHERE mobile <> ''
	    ORDER BY code LIMIT 1 OFFSET (SELECT count(*) / 2 FROM clients)")
	echo "# rooms $rooms, prefix $r_prefix;" \
	    "clients $clients, name $c_name, mobile $c_mobile"
	search Rooms rooms "code name" "$r_prefix" "search" "$rooms" >"$T/search_r"
	search Clients clients "code name mobile home_phone id_no" "$c_name" \
	    "search name" "$clients" >"$T/search_c"
	search Clients clients "code name mobile home_phone id_no" "$c_mobile" \
	    "search mobile" "$clients" >>"$T/search_c"
	i=0
	while [ "$i" -lt "$REPEAT" ]; do
		line start "start-up to the log-in box" "- log in"
		line key - 'admin\r' "User: admin"
		line key - 'demo' "Password: ****"
		line key "log in: Enter to the home screen" '\r' "Welcome, admin."
		line stop
		i=$((i + 1))
	done
	line start - "- log in"
	line key - 'admin\r' "User: admin"
	line key - 'demo' "Password: ****"
	line key - '\r' "Welcome, admin."
	i=0
	while [ "$i" -lt "$REPEAT" ]; do
		line key - '\e[21~' "Rooms(R)"
		line key "Rooms: open (F10 P R)" 'pr' "Rooms  $rooms rows" "$r_first "
		line key "Rooms: End" '\eOF' "$r_last "
		line key "Rooms: Home" '\eOH' "$r_first "
		cat "$T/search_r"
		line key "Rooms: Esc back home" '\e' "Welcome, admin."
		i=$((i + 1))
	done
	i=0
	while [ "$i" -lt "$REPEAT" ]; do
		# The menu bar stays on the module last used.
		if [ "$i" = 0 ]; then
			line key - '\e[21~' "Rooms(R)"
			line key - '\eOC' "Vehicles(V)"
		else
			line key - '\e[21~' "Vehicles(V)"
		fi
		line key "Clients: open (F10 Right Enter)" '\r' \
		    "Clients  $clients rows" "$c_first "
		line key "Clients: End" '\eOF' "$c_last "
		line key "Clients: Home" '\eOH' "$c_first "
		cat "$T/search_c"
		line key "Clients: Esc back home" '\e' "Welcome, admin."
		i=$((i + 1))
	done
	line rss "peak RSS"
	line stop
}

for size in "$SMALL" "$ROOMS"; do
	db="$T/r$size.db"
	wy "$db" demo --rooms "$size" >/dev/null 2>"$T/err" ||
	    fail "wuye demo --rooms $size failed"
	scenario >"$T/s$size"
	"$T/ptybench" -- "$WUYE" --config "$CONF" --db "$db" <"$T/s$size" \
	    >"$T/o$size" 2>"$T/err" || fail "ptybench on $size rooms failed"
done

report "$REPEAT runs of each step, 80x24 pseudo-terminal; ms from the" \
    "keystroke to the screen (median / 90th percentile / max)"
sed -n 's/^# /  /p' "$T/s$SMALL" "$T/s$ROOMS"
awk -F '\t' -v small="$SMALL" -v big="$ROOMS" '
function goal(s) {
	if (s ~ /^start-up/) return 100
	if (s ~ /: (open|End|Home|search|clear)/) return 50
	return 0
}
FNR == 1 { file++ }
$1 == "time" { if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 }
	fig[$2, file] = sprintf("%.1f / %.1f / %.1f", $4, $5, $6); p90[$2, file] = $5 }
$1 == "rss" { rss[file] = sprintf("%.1f MB", $3 / 1024) }
END {
	printf "| step | goal | %d rooms | %d rooms |\n|---|---|---|---|\n", small, big
	for (i = 1; i <= n; i++) {
		s = order[i]; g = goal(s)
		miss = g && p90[s, 2] >= g ? " (misses)" : ""
		printf "| %s | %s | %s | %s%s |\n", s, (g ? "< " g : ""), fig[s, 1],
		    fig[s, 2], miss
	}
	printf "| peak RSS (VmHWM) after every step | flat | %s | %s |\n",
	    rss[1], rss[2]
}' "$T/o$SMALL" "$T/o$ROOMS"
