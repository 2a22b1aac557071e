# wuye e2e: `wuye demo` (realistic demo data, deterministic for a seed).
. "$(dirname "$0")/lib.sh"

count() { sqlite3 "$1" "SELECT count(*) FROM $2"; }
# The data tables in id order, for comparing two databases.
dump() {
	for t in estates buildings rooms handover_findings clients occupancy \
	    family leases parking_spaces vehicles; do
		sqlite3 "$1" "SELECT * FROM $t ORDER BY id"
	done | cksum
}

run 0 "demo with the defaults" -- w demo
has "summary counts rooms" "$OUT" "2000 rooms"
has "summary counts the charges" "$OUT" "11 periods closed"
has "summary counts parking spaces" "$OUT" "parking spaces"
has "summary names the demo users" "$OUT" "log in as admin, manager, cashier, clerk or engineer with the password demo"
lacks "no progress without a terminal" "$ERR" "rooms "
same "2000 rooms" 2000 "$(count "$DB" rooms)"
same "3 estates" 3 "$(count "$DB" estates)"
same "households add up" 2000 "$(sqlite3 "$DB" 'SELECT sum(households) FROM estates')"
same "buildings add up" "$(count "$DB" buildings)" "$(sqlite3 "$DB" 'SELECT sum(buildings) FROM estates')"
same "5 demo users" 5 "$(count "$DB" users)"
same "one demo.create audit entry" 1 "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'demo.create' AND detail = 'rooms=2000 months=12 seed=1'")"
same "every non-vacant room has one current payer" 0 "$(sqlite3 "$DB" "SELECT count(*) FROM rooms r WHERE (SELECT count(*) FROM occupancy o WHERE o.room_id = r.id AND o.payer = 1 AND o.end_date IS NULL) <> (r.state <> 'vacant')")"
same "history within 12 months" 0 "$(sqlite3 "$DB" "SELECT count(*) FROM occupancy WHERE end_date < date('now', '-13 months')")"
same "some history" 1 "$(sqlite3 "$DB" "SELECT count(*) > 0 FROM occupancy WHERE end_date IS NOT NULL")"
same "clients, vehicles, spaces, leases made" 1 "$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM clients) > 1000 AND (SELECT count(*) FROM vehicles) > 100 AND (SELECT count(*) FROM parking_spaces) > 500 AND (SELECT count(*) FROM leases) > 100")"
same "WAL kept" wal "$(sqlite3 "$DB" 'PRAGMA journal_mode')"
run 0 "a demo user logs in with the password demo" -- w --user clerk export rooms -o "$T/rooms.csv"
run 0 "wuye check passes on demo data" -- w check

# Charges: twelve months billed, paid, closed but the last.
cur=$(date +%Y-%m)
sq() { sqlite3 "$DB" "$1"; }
same "6 fee items" 6 "$(count "$DB" fee_items)"
same "12 months billed" 12 "$(sq "SELECT count(DISTINCT period) FROM bills")"
same "the last month is the current one" "$cur" "$(sq "SELECT max(period) FROM bills")"
same "11 periods closed, the current one open" "11 0" "$(sq "SELECT count(*) || ' ' || count(*) FILTER (WHERE period = '$cur') FROM periods WHERE closed_at IS NOT NULL")"
same "every room billed every month" 1 "$(sq "SELECT count(*) = 0 FROM rooms r WHERE (SELECT count(DISTINCT period) FROM bills b WHERE b.room_id = r.id) <> 12")"
same "most bills paid" 1 "$(sq "SELECT sum(paid + waived) * 100 / sum(amount) BETWEEN 80 AND 99 FROM bills WHERE period < '$cur'")"
same "receipts from the demo cashier" 1 "$(sq "SELECT count(*) > 10000 AND count(*) = count(*) FILTER (WHERE cashier = 'cashier' OR kind <> 'payment') FROM receipts")"
same "several payment methods" 1 "$(sq "SELECT count(DISTINCT method) >= 6 FROM receipts")"
same "rooms in arrears for 3 months and more" 1 "$(sq "SELECT count(*) > 10 FROM (SELECT room_id FROM bills WHERE amount > paid + waived GROUP BY room_id HAVING count(DISTINCT period) >= 3)")"
same "prepaid balances" 1 "$(sq "SELECT count(*) > 10 FROM (SELECT client_id FROM prepayments GROUP BY client_id HAVING sum(amount) > 0)")"
same "prepayment drawn by later payments" 1 "$(sq "SELECT count(*) > 0 FROM receipts WHERE method = 'prepay'")"
same "three voids with reasons" 3 "$(sq "SELECT count(*) FROM receipts WHERE voided_at IS NOT NULL AND void_reason <> ''")"
same "four waivers with reasons" 4 "$(sq "SELECT count(*) FROM waivers WHERE reason <> ''")"
same "late fees collected" 1 "$(sq "SELECT sum(late_paid) > 0 FROM bills")"
same "meter roll-overs" 1 "$(sq "SELECT count(*) > 0 FROM readings WHERE rolled = 1")"
same "one replaced meter" 1 "$(sq "SELECT count(*) FROM meters WHERE replaces IS NOT NULL")"
same "readings of every room's meters" 48001 "$(count "$DB" readings)"
run 0 "arrears on demo data" -- w --user cashier arrears --min-days 91
has "arrears header" "$OUT" "room	client	phone	bills	outstanding	late_fee	oldest_due	days	0-30	31-90	91-180	181-365	>365"
has "arrears total line" "$OUT" "total	"
same "arrears rows past 90 days" 1 "$(awk -F'\t' 'NR > 1 && $1 != "total" && $8 < 91 { bad++ } END { print (bad + 0 == 0 && NR > 3) }' "$OUT")"

# --if-missing leaves an existing database alone.
before=$(cksum <"$DB")
run 0 "--if-missing with an existing database" -- w demo --if-missing --rooms 10
has "--if-missing says so" "$OUT" "demo database $DB already exists; left as it is"
same "--if-missing changed nothing" "$before" "$(cksum <"$DB")"

# A second demo into a database with data is refused.
run 6 "second demo refused" -- w demo --rooms 10
has "refusal says why" "$ERR" "already has data"
same "refused demo changed nothing" 2000 "$(count "$DB" rooms)"

# Bad options: exit 2, the message names the option, nothing created.
NEW="$T/new.db"
nw() { "$WUYE" --config "$CONF" --db "$NEW" "$@"; }
run 2 "--rooms 0 refused" -- nw demo --rooms 0
has "message names --rooms" "$ERR" "--rooms"
run 2 "--rooms abc refused" -- nw demo --rooms abc
has "message names --rooms (abc)" "$ERR" "--rooms: 'abc'"
run 2 "--rooms 1000001 refused" -- nw demo --rooms 1000001
run 2 "--months 121 refused" -- nw demo --months 121
has "message names --months" "$ERR" "--months"
run 2 "--seed -1 refused" -- nw demo --seed -1
has "message names --seed" "$ERR" "--seed"
run 2 "--rooms without a value" -- nw demo --rooms
run 2 "unknown option" -- nw demo --colour red
has "unknown option named" "$ERR" "--colour"
same "bad options created no database" no "$([ -e "$NEW" ] && echo yes || echo no)"

# --if-missing with no database makes one; --opt=value works too.
run 0 "--if-missing creates a missing database" -- nw demo --if-missing --rooms=30 --months 0 --seed 5
same "30 rooms" 30 "$(count "$NEW" rooms)"
same "no history with --months 0" 0 "$(sqlite3 "$NEW" 'SELECT count(*) FROM occupancy WHERE end_date IS NOT NULL')"

# Same seed, same charges (the money rows, without timestamps).
charges() {
	sqlite3 "$1" "SELECT * FROM bills ORDER BY id; SELECT * FROM allocations ORDER BY id; SELECT * FROM prepayments ORDER BY id; SELECT * FROM readings ORDER BY id; SELECT id, number, kind, date, room_id, client_id, method, amount, tendered, prepay_in, prepay_out, cashier, void_reason FROM receipts ORDER BY id; SELECT period, receivable, received, waived, outstanding, digest FROM periods ORDER BY period" | cksum
}
run 0 "charges with a seed" -- "$WUYE" --config "$CONF" --db "$T/c1.db" demo --rooms 60 --months 4 --seed 8
run 0 "charges with the same seed" -- "$WUYE" --config "$CONF" --db "$T/c2.db" demo --rooms 60 --months 4 --seed 8
same "same seed gives the same charges" "$(charges "$T/c1.db")" "$(charges "$T/c2.db")"
run 0 "check passes on a small demo" -- "$WUYE" --config "$CONF" --db "$T/c1.db" check

# Charges are made above 10000 rooms too (up to DEMO_CHARGE_ROOMS_MAX).
run 0 "charges for 10001 rooms" -- "$WUYE" --config "$CONF" --db "$T/big.db" demo --rooms 10001 --months 1
lacks "the summary does not say there are none" "$OUT" "no charges"
same "bills for every room with a standard, fee items" "1 6" "$(sqlite3 "$T/big.db" "SELECT (SELECT count(*) > 10000 FROM bills) || ' ' || (SELECT count(*) FROM fee_items)")"
run 0 "check passes on it" -- "$WUYE" --config "$CONF" --db "$T/big.db" check

# Same seed, same data; another seed, other data.
run 0 "same seed again" -- "$WUYE" --config "$CONF" --db "$T/same.db" demo --rooms 30 --months 0 --seed 5
same "same seed gives the same rows" "$(dump "$NEW")" "$(dump "$T/same.db")"
run 0 "another seed" -- "$WUYE" --config "$CONF" --db "$T/other.db" demo --rooms 30 --months 0 --seed 6
[ "$(dump "$NEW")" != "$(dump "$T/other.db")" ] && pass "another seed gives other rows" || fail "another seed gives other rows"

# History is anchored at today: a faked date moves it.
if command -v faketime >/dev/null 2>&1; then
	# faketime preloads a library, which ASan would refuse.
	export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
	run 0 "demo on a faked date" -- faketime '2031-03-15 10:00:00' "$WUYE" --config "$CONF" --db "$T/fake.db" demo --rooms 100 --months 6
	same "dates run up to the faked today" 1 "$(sqlite3 "$T/fake.db" "SELECT max(start_date) < '2031-03-15' AND max(start_date) >= '2030-09-14' FROM occupancy")"
	same "leases run past the faked today" 1 "$(sqlite3 "$T/fake.db" "SELECT count(*) > 0 FROM leases WHERE end_date >= '2031-03-15'")"
	same "bills of the six months to the faked today" "2030-10 2031-03" "$(sqlite3 "$T/fake.db" "SELECT min(period) || ' ' || max(period) FROM bills")"
	same "periods closed to the faked today" "5 2031-02" "$(sqlite3 "$T/fake.db" "SELECT count(*) || ' ' || max(period) FROM periods WHERE closed_at IS NOT NULL")"
	same "no receipt after the faked today" 0 "$(sqlite3 "$T/fake.db" "SELECT count(*) FROM receipts WHERE date > '2031-03-15'")"
	run 0 "check passes on the faked date" -- faketime '2031-03-15 11:00:00' "$WUYE" --config "$CONF" --db "$T/fake.db" check
fi

finish
