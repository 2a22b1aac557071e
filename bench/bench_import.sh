#!/bin/sh
# Benchmark: CSV export and import of N rooms (default 100,000).  A demo
# database gives `wuye export rooms`; a second database gets the same
# estates and buildings (imported, not timed) and then, timed,
# `wuye import rooms rooms.csv`: one transaction, every row checked.
. "$(dirname "$0")/lib.sh"

SRC="$T/src.db"
DST="$T/dst.db"
fail() { echo "bench $NAME: $*" >&2; sed 's/^/  /' "$T/err" >&2; exit 1; }

wy "$SRC" demo --rooms "$ROOMS" --months 0 >/dev/null 2>"$T/err" ||
    fail "wuye demo failed"
measure "$T/out" "$SRC" --user admin export rooms -o "$T/rooms.csv" \
    2>"$T/err" || fail "wuye export rooms failed"
report "export $ROOMS rooms to CSV ($(mb "$T/rooms.csv") MB) in $SECS s:" \
    "$(rate "$ROOMS") rooms/s; peak RSS $RSS_MB MB"

wy "$DST" init >/dev/null 2>"$T/err" || fail "wuye init failed"
for k in estates buildings; do
	wy "$SRC" --user admin export "$k" -o "$T/$k.csv" 2>"$T/err" ||
	    fail "wuye export $k failed"
	wy "$DST" --user admin import "$k" "$T/$k.csv" >/dev/null 2>"$T/err" ||
	    fail "wuye import $k failed"
done
measure "$T/out" "$DST" --user admin import rooms "$T/rooms.csv" \
    2>"$T/err" || fail "wuye import rooms failed"
n=$(sqlite3 "$DST" "SELECT count(*) FROM rooms")
[ "$n" = "$ROOMS" ] || fail "imported $n rooms, not $ROOMS"
report "import $ROOMS rooms from CSV in $SECS s: $(rate "$ROOMS") rooms/s;" \
    "peak RSS $RSS_MB MB"
