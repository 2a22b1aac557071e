#!/bin/sh
# Benchmark: arrears on a demo database of N rooms (default 100,000) with
# ten monthly property-fee bills a room (1,000,000 bills at 100,000 rooms,
# late fees on), the ten months before this one, all past due: 88 % of the
# rooms have paid everything, 12 % are 1 to 10 months behind (a few paid
# half of their oldest bill).  Times, through bench/arrears_lat.c (linked
# with the libwuye.a beside $WUYE): the aging of every room (arrears_list,
# what `wuye arrears` lists), and one room's unpaid bills (cashier_unpaid)
# over 10,000 random rooms; then the whole `wuye arrears` process; then
# the first two again with the bills_unpaid index of schema/008, to show
# what the covering one of schema/011 saves.
# Goals (issue 4): aging < 60 ms; one room p99 < 1 ms.
. "$(dirname "$0")/lib.sh"

dir=$(cd "$(dirname "$0")" && pwd)
DB="$T/arrears.db"
fail() { echo "bench $NAME: $*" >&2; [ -f "$T/err" ] && sed 's/^/  /' "$T/err" >&2; exit 1; }
LIB="$(dirname "$WUYE")/libwuye.a"
[ -f "$LIB" ] || fail "no $LIB beside $WUYE (make builds it)"
${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -I"$dir/../include" \
    -I/usr/include/iniparser -o "$T/arrears_lat" "$dir/arrears_lat.c" "$LIB" \
    $(pkg-config --libs sqlite3 ncursesw xlsxwriter libsodium zlib) \
    -liniparser -lcsv -lm 2>"$T/err" || fail "cannot build bench/arrears_lat.c"

wy "$DB" demo --rooms "$ROOMS" --months 0 >/dev/null 2>"$T/err" || fail "wuye demo failed"
# Room r is behind (r * 7919) % 100 < 12 by 1 + r % 10 months.
t0=$(date +%s%N)
sqlite3 "$DB" >"$T/err" 2>&1 <<'SQL' || fail "cannot make the bills"
BEGIN;
INSERT INTO fee_items (code, name, method, unit_price, cycle, due_day,
	late_after, late_rate, late_cap)
	VALUES ('BENCH-WY', '物业费', 'area', 23456, 'monthly', 15, 0, 500, 1000);
WITH RECURSIVE m(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM m WHERE n < 10),
b AS (SELECT r.id AS room, o.client_id AS client, f.id AS item, m.n AS n,
	strftime('%Y-%m', 'now', 'start of month', -m.n || ' months') AS period,
	r.charge_area * 10 AS qty, f.unit_price AS price,
	(r.charge_area * f.unit_price + 5000) / 10000 AS amount,
	(r.id * 7919) % 100 < 12 AND m.n <= 1 + r.id % 10 AS owes,
	m.n = 1 + r.id % 10 AND r.id % 7 = 0 AS half
	FROM rooms r LEFT JOIN occupancy o ON o.room_id = r.id AND o.payer = 1
	AND o.end_date IS NULL, fee_items f, m WHERE f.code = 'BENCH-WY')
INSERT INTO bills (room_id, client_id, fee_item_id, period, quantity,
	unit_price, amount, due_date, paid)
	SELECT room, client, item, period, qty, price, amount, period || '-15',
	CASE WHEN NOT owes THEN amount WHEN half THEN amount / 2 ELSE 0 END
	FROM b ORDER BY period, room;
COMMIT;
SQL
t1=$(date +%s%N)
n=$(sqlite3 "$DB" "SELECT count(*) FROM bills")
u=$(sqlite3 "$DB" "SELECT count(*) FROM bills WHERE amount > paid + waived")
report "$n bills ($u unpaid) made in $(((t1 - t0) / 1000000)) ms with sqlite3; database $(mb "$DB") MB"
"$T/arrears_lat" "$DB" "$CONF" 10000 >"$T/out" 2>"$T/err" || fail "arrears_lat failed"
while IFS= read -r line; do report "$line"; done <"$T/out"
measure "$T/list" "$DB" --user cashier arrears 2>"$T/err" || fail "wuye arrears failed"
report "wuye arrears, whole process (log-in, list, $(($(wc -l <"$T/list") - 2)) rows printed): $SECS s, peak RSS $RSS_MB MB"
# What the covering bills_unpaid (schema/011) saves: the same with the
# index of schema/008 (room_id, period only), where every unpaid bill's
# row is looked up in the table.
sqlite3 "$DB" "DROP INDEX bills_unpaid; CREATE INDEX bills_unpaid ON bills
	(room_id, period) WHERE amount > paid + waived" 2>"$T/err" ||
    fail "cannot make the index of schema 8"
"$T/arrears_lat" "$DB" "$CONF" 10000 >"$T/out" 2>"$T/err" || fail "arrears_lat failed"
while IFS= read -r line; do report "with bills_unpaid of schema 8: $line"; done <"$T/out"
