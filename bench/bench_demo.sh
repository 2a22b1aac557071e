#!/bin/sh
# Benchmark: `wuye demo --rooms N` (default 100,000) into a new database:
# every row in one transaction, WAL with synchronous=FULL.  Reports the
# wall time, rooms a second, rows written, peak memory and database size.
. "$(dirname "$0")/lib.sh"

DB="$T/demo.db"
measure "$T/out" "$DB" demo --rooms "$ROOMS" || {
	echo "bench $NAME: wuye demo failed" >&2; exit 1; }
rows=$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM estates) +
    (SELECT count(*) FROM buildings) + (SELECT count(*) FROM rooms) +
    (SELECT count(*) FROM handover_findings) + (SELECT count(*) FROM clients) +
    (SELECT count(*) FROM occupancy) + (SELECT count(*) FROM family) +
    (SELECT count(*) FROM leases) + (SELECT count(*) FROM parking_spaces) +
    (SELECT count(*) FROM vehicles)")
report "$ROOMS rooms ($rows rows) in $SECS s: $(rate "$ROOMS") rooms/s," \
    "$(rate "$rows") rows/s; peak RSS $RSS_MB MB; database $(mb "$DB") MB"
