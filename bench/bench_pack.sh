#!/bin/sh
# Benchmark: the month-end pack (`wuye report run month-end`) and the
# largest single reports, whole process, on a demo database of N rooms
# (BENCH_ROOMS, default 100,000) with M months of charges (BENCH_MONTHS,
# default 3: the demo makes about 2 ms of CPU of charges per room and
# month).  The database has just been written, so it is in the page cache:
# a first run after a reboot also reads it from disk (see README.md).
. "$(dirname "$0")/lib.sh"

MONTHS=${BENCH_MONTHS:-3}
DB="$T/pack.db"
fail() { echo "bench $NAME: $*" >&2; sed 's/^/  /' "$T/err" >&2; exit 1; }

measure "$T/out" "$DB" demo --rooms "$ROOMS" --months "$MONTHS" 2>"$T/err" ||
    fail "wuye demo failed"
report "demo of $ROOMS rooms x $MONTHS months: $SECS s," \
    "$(sqlite3 "$DB" 'SELECT count(*) FROM bills') bills, $(mb "$DB") MB"
period=$(sqlite3 "$DB" "SELECT max(period) FROM periods WHERE closed_at IS NOT NULL")
[ -n "$period" ] || period=$(date -u +%Y-%m)
measure "$T/out" "$DB" --user manager report run month-end \
    --param "period=$period" -o "$T/pack.xlsx" 2>"$T/err" ||
    fail "the month-end pack failed"
report "month-end pack of $period: $SECS s, peak RSS $RSS_MB MB," \
    "$(($(stat -c %s "$T/pack.xlsx") / 1024)) KB of .xlsx"
for r in summary arrears-aging meter-anomalies collection-by-month; do
	measure "$T/out" "$DB" --user manager report run "$r" \
	    --param "period=$period" 2>"$T/err" ||
	    measure "$T/out" "$DB" --user manager report run "$r" 2>"$T/err" ||
	    fail "report $r failed"
	report "report $r: $SECS s, $(($(wc -l <"$T/out") - 1)) rows"
done
