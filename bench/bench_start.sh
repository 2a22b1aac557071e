#!/bin/sh
# Benchmark: start-up on a demo database of N rooms (default 100,000).
# bench/start_lat.c (linked with the libwuye.a beside $WUYE) times, 50
# times in one process, what the program does before its first screen:
# load the configuration, open the database (pragmas, schema version; no
# integrity check), check the migrations, the first query (the log-in
# screen's).  Then whole processes, each run 20 times: `wuye --version`,
# `wuye --user cashier receipt show` of an unknown number (log-in and one
# lookup) and `wuye summary` (counts over the tables).
# Goal (issue 4): open and first query < 10 ms.
. "$(dirname "$0")/lib.sh"

dir=$(cd "$(dirname "$0")" && pwd)
DB="$T/start.db"
fail() { echo "bench $NAME: $*" >&2; [ -f "$T/err" ] && sed 's/^/  /' "$T/err" >&2; exit 1; }
LIB="$(dirname "$WUYE")/libwuye.a"
[ -f "$LIB" ] || fail "no $LIB beside $WUYE (make builds it)"
${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -I"$dir/../include" \
    -I/usr/include/iniparser -o "$T/start_lat" "$dir/start_lat.c" "$LIB" \
    $(pkg-config --libs sqlite3 ncursesw xlsxwriter libsodium zlib) \
    -liniparser -lcsv -lm 2>"$T/err" || fail "cannot build bench/start_lat.c"

wy "$DB" demo --rooms "$ROOMS" --months 0 >/dev/null 2>"$T/err" || fail "wuye demo failed"
"$T/start_lat" "$DB" "$CONF" 50 >"$T/out" 2>"$T/err" || fail "start_lat failed"
while IFS= read -r line; do report "$line"; done <"$T/out"

# The whole process, RUNS times: the mean wall time in ms.
RUNS=20
per_run() {
	t0=$(date +%s%N)
	i=0
	while [ $i -lt $RUNS ]; do
		"$@" >/dev/null 2>&1
		[ $? -le 4 ] || return 1
		i=$((i + 1))
	done
	t1=$(date +%s%N)
	awk -v t=$((t1 - t0)) -v n=$RUNS 'BEGIN { printf "%.1f ms", t / n / 1e6 }'
}
v=$(per_run "$WUYE" --version) || fail "wuye --version failed"
s=$(per_run wy "$DB" --user cashier receipt show C-none-000001) || fail "wuye receipt show failed"
m=$(per_run wy "$DB" summary) || fail "wuye summary failed"
report "whole process, mean of $RUNS: wuye --version $v; log-in and one lookup (receipt show) $s; wuye summary $m"
