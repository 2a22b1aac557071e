# wuye e2e: `wuye arrears` (arrears with late fees and aging) on demo data.
. "$(dirname "$0")/lib.sh"

# faketime preloads a library, which ASan would refuse.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
sq() { sqlite3 "$DB" "$1"; }
HDR="room	client	phone	bills	outstanding	late_fee	oldest_due	days	0-30	31-90	91-180	181-365	>365"

run 0 "demo with charges" -- w demo --rooms 300 --months 8 --seed 4

run 0 "arrears of every room" -- w --user cashier arrears
has "header line" "$OUT" "$HDR"
has "total line" "$OUT" "total	"
rows=$(($(wc -l <"$OUT") - 2))
same "one row per room in arrears" "$(sq "SELECT count(DISTINCT room_id) FROM bills WHERE amount > paid + waived AND due_date < date('now')")" "$rows"
same "total counts the rows" "$rows" "$(awk -F'\t' '$1 == "total" { print $2 }' "$OUT")"
same "outstanding adds up to the unpaid bills past due" \
    "$(sq "SELECT printf('%.2f', sum(amount - paid - waived) / 100.0) FROM bills WHERE amount > paid + waived AND due_date < date('now')")" \
    "$(awk -F'\t' '$1 == "total" { print $5 }' "$OUT")"
same "buckets add up to the outstanding on every line" 0 \
    "$(awk -F'\t' 'NR > 1 { d = $5 * 100 - ($9 + $10 + $11 + $12 + $13) * 100; if (d > 0.5 || d < -0.5) bad++ } END { print bad + 0 }' "$OUT")"
same "rooms sorted by code" "$(awk -F'\t' 'NR > 1 && $1 != "total" { print $1 }' "$OUT" | LC_ALL=C sort)" \
    "$(awk -F'\t' 'NR > 1 && $1 != "total" { print $1 }' "$OUT")"
same "late fees due" 1 "$(awk -F'\t' '$1 == "total" { print ($6 > 0) }' "$OUT")"

run 0 "arrears of at least 60 days" -- w --user cashier arrears --min-days 60
same "only rooms 60 days and more past due" 0 "$(awk -F'\t' 'NR > 1 && $1 != "total" && $8 < 60 { bad++ } END { print bad + 0 }' "$OUT")"
old=$(($(wc -l <"$OUT") - 2))
same "some rooms in arrears for months" 1 "$([ "$old" -gt 0 ] && [ "$old" -lt "$rows" ] && echo 1)"

run 0 "arrears of one estate" -- w --user cashier arrears --estate A
same "only rooms of estate A" 0 "$(awk -F'\t' 'NR > 1 && $1 != "total" && $1 !~ /^A/ { bad++ } END { print bad + 0 }' "$OUT")"
run 0 "arrears by client" -- w --user cashier arrears --by-client
has "by client: header" "$OUT" "$HDR"

run 0 "arrears on an earlier date" -- w --user cashier arrears --date 2000-01-01
same "nothing was due in 2000" "total	0		0	0.00	0.00		0	0.00	0.00	0.00	0.00	0.00" "$(tail -n 1 "$OUT")"

# Hand-made bills: exact figures, late fee and buckets.
sq "INSERT INTO estates (code, name) VALUES ('ZZ', '测试苑');
INSERT INTO buildings (code, estate_id, name) SELECT 'ZZ1', id, '1栋' FROM estates WHERE code = 'ZZ';
INSERT INTO rooms (code, building_id, floor, build_area, charge_area) SELECT 'ZZ1-1-101', id, 1, 10000, 10000 FROM buildings WHERE code = 'ZZ1';
INSERT INTO clients (code, name, mobile) VALUES ('ZZC1', '测试客户', '13700137000');
INSERT INTO occupancy (room_id, client_id, role, start_date, payer) SELECT r.id, c.id, 'owner', '2020-01-01', 1 FROM rooms r, clients c WHERE r.code = 'ZZ1-1-101' AND c.code = 'ZZC1';
INSERT INTO fee_items (code, name, method, unit_price, late_rate, late_cap) VALUES ('ZZF', '测试费', 'fixed', 1000000, 1000, 500);
INSERT INTO bills (room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date) SELECT r.id, c.id, f.id, '2020-01', 1000, 1000000, 10000, '2020-01-15' FROM rooms r, clients c, fee_items f WHERE r.code = 'ZZ1-1-101' AND c.code = 'ZZC1' AND f.code = 'ZZF';
INSERT INTO bills (room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date) SELECT r.id, c.id, f.id, '2020-03', 1000, 1000000, 10000, '2020-03-15' FROM rooms r, clients c, fee_items f WHERE r.code = 'ZZ1-1-101' AND c.code = 'ZZC1' AND f.code = 'ZZF';"
run 0 "arrears of the test estate" -- w --user cashier arrears --estate ZZ --date 2020-02-24
same "exact line: 40 days, 4.00 late fee" "ZZ1-1-101	测试客户	13700137000	1	100.00	4.00	2020-01-15	40	0.00	100.00	0.00	0.00	0.00" "$(sed -n 2p "$OUT")"
run 0 "arrears a year on: capped late fees" -- w --user cashier arrears --estate ZZ --date 2021-03-10
same "exact line: capped at 5 %" "ZZ1-1-101	测试客户	13700137000	2	200.00	10.00	2020-01-15	420	0.00	0.00	0.00	100.00	100.00" "$(sed -n 2p "$OUT")"
same "total line" "total	1		2	200.00	10.00	2020-01-15	420	0.00	0.00	0.00	100.00	100.00" "$(sed -n 3p "$OUT")"

# Bad input: exit codes and messages.
run 2 "--min-days abc" -- w --user cashier arrears --min-days abc
has "names --min-days" "$ERR" "--min-days: 'abc'"
run 2 "unknown option" -- w --user cashier arrears --colour red
run 2 "extra argument" -- w --user cashier arrears extra
run 3 "bad date" -- w --user cashier arrears --date 2026-02-30
has "names the date" "$ERR" "date"
run 4 "unknown estate" -- w --user cashier arrears --estate NOPE
has "names the estate" "$ERR" "NOPE"
run 5 "engineer may not see arrears" -- w --user engineer arrears
lacks "nothing on stdout when refused" "$OUT" "room"

finish
