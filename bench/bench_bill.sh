#!/bin/sh
# Benchmark: the bill run (`wuye bill run`) of N rooms (default 100,000)
# with 5 fee items each (fixed, area, area with a discount, vacant
# discount, quarterly), against the floor: the same bill rows inserted by
# bench/bill_insert.c, one prepared INSERT in one transaction, into a copy
# of the database taken before the run.  Also times a preview and a
# rerun (which adds nothing).
. "$(dirname "$0")/lib.sh"

dir=$(cd "$(dirname "$0")" && pwd)
DB="$T/bill.db"
fail() { echo "bench $NAME: $*" >&2; sed 's/^/  /' "$T/err" >&2; exit 1; }

${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -o "$T/bill_insert" \
    "$dir/bill_insert.c" -lsqlite3 2>"$T/err" || fail "cannot build bench/bill_insert.c"
wy "$DB" demo --rooms "$ROOMS" --months 0 >/dev/null 2>"$T/err" ||
    fail "wuye demo failed"
sqlite3 "$DB" >"$T/err" 2>&1 <<'SQL' || fail "cannot set up fee standards"
BEGIN;
INSERT INTO fee_items (code, name, method, unit_price, cycle) VALUES
	('BENCH-GL', '管理费', 'fixed', 300000, 'monthly'),
	('BENCH-WY', '物业费', 'area', 23456, 'monthly'),
	('BENCH-WX', '维修基金', 'area', 2500, 'monthly'),
	('BENCH-LJ', '垃圾费', 'fixed', 150000, 'monthly'),
	('BENCH-JG', '景观费', 'fixed', 900000, 'quarterly');
INSERT INTO fee_standards (room_id, fee_item_id, start_period, discount, vacant_discount)
	SELECT r.id, f.id, '2026-01', CASE WHEN f.code = 'BENCH-WX' THEN 500 ELSE 0 END,
	CASE WHEN f.code = 'BENCH-WY' THEN 5000 ELSE 0 END
	FROM rooms r, fee_items f WHERE f.code GLOB 'BENCH-*';
COMMIT;
SQL
cp "$DB" "$T/before.db"
measure "$T/out" "$DB" --user admin bill run 2026-04 --preview 2>"$T/err" ||
    fail "wuye bill run --preview failed"
report "preview of $ROOMS rooms x 5 items in $SECS s; peak RSS $RSS_MB MB"
measure "$T/out" "$DB" --user admin bill run 2026-04 2>"$T/err" ||
    fail "wuye bill run failed"
n=$(sqlite3 "$DB" "SELECT count(*) FROM bills WHERE period = '2026-04'")
run_secs=$SECS
report "bill run: $n bills in $SECS s: $(rate "$n") bills/s; peak RSS $RSS_MB MB"
floor=$("$T/bill_insert" "$DB" "$T/before.db" 2026-04 2>"$T/err") ||
    fail "bench/bill_insert failed"
report "plain prepared INSERT loop of the same rows: $floor" \
    "(bill run, whole process: $(awk -v s="$run_secs" 'BEGIN { printf "%.0f", s * 1000 }') ms)"
measure "$T/out" "$DB" --user admin bill run 2026-04 2>"$T/err" ||
    fail "wuye bill run (again) failed"
m=$(sqlite3 "$DB" "SELECT count(*) FROM bills WHERE period = '2026-04'")
[ "$m" = "$n" ] || fail "the rerun changed the bills: $n then $m"
report "rerun (adds nothing) in $SECS s"
