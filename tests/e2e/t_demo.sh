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
fi

finish
