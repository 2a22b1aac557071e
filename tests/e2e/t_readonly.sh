#!/bin/sh
# wuye e2e: a database one may read but not write (file mode 0444, or a
# folder one cannot write) serves the commands that only read; a command
# that writes says the file is read-only; an unreadable one says which
# file and what permission is missing.  File permissions do not bind
# root, so as root the program runs as nobody (setpriv, else su).
. "$(dirname "$0")/lib.sh"

# as_other CMD...: run CMD as a user the permissions bind.
if [ "$(id -u)" != 0 ]; then
	as_other() { "$@"; }
elif command -v setpriv >/dev/null 2>&1 &&
    setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
	as_other() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
elif command -v su >/dev/null 2>&1 && su nobody -s /bin/sh -c true 2>/dev/null; then
	as_other() {
		q=; for a in "$@"; do q="$q '$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'"; done
		su nobody -s /bin/sh -c "$q"
	}
else
	echo "SKIP $NAME: running as root without setpriv or su to drop to nobody"
	finish
	exit 0
fi
other=$(as_other id -u)

run 0 "init" -- w init
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950);
INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三');
INSERT INTO occupancy (room_id, client_id, role, start_date, payer) VALUES
	(1, 1, 'owner', '2020-01-01', 1);
INSERT INTO fee_items (id, code, name, method, unit_price) VALUES (1, 'WY', '物业管理费', 'area', 23456);
INSERT INTO bills (id, room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date) VALUES
	(7, 1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15'),
	(8, 1, 1, 1, '2026-10', 89500, 23456, 20993, '2026-10-15');
" || fail "set-up SQL"
run 0 "a payment to have a receipt" -- w --user admin pay 1-101 100 --method cash
receipt=$(cat "$OUT")

# The other user reaches $T/ro (and the configuration) but owns nothing.
chmod 711 "$T"
chmod 644 "$CONF"
mkdir "$T/ro" "$T/files"
chmod 777 "$T/files"
RO="$T/ro/wuye.db"
ro() { as_other env WUYE_PASSWORD="${PW:-demo}" "$WUYE" --config "$CONF" --db "$RO" "$@"; }
# Reading it here too must not need a -shm file.
peek() { sqlite3 "file:$RO?immutable=1" "$1"; }
receipts() { peek "SELECT count(*) FROM receipts"; }

# The commands that only read, and one that writes.
reads() {
	run 0 "$1: export" -- ro --user admin export rooms
	has "$1: the rooms are exported" "$OUT" "1-101"
	run 0 "$1: report list" -- ro --user admin report list
	run 0 "$1: report run" -- ro --user admin report run summary --param period=2026-09
	run 0 "$1: check" -- ro check
	has "$1: check says ok" "$OUT" "ok:"
	run 0 "$1: bills" -- ro --user admin bills 1-101
	has "$1: the unpaid bill" "$OUT" "2026-10"
	run 0 "$1: receipt show" -- ro --user admin receipt show "$receipt"
	run 0 "$1: user list" -- ro --user admin user list
	run 0 "$1: arrears" -- ro --user admin arrears
	run 0 "$1: handover" -- ro --user admin handover
	run 0 "$1: warnings" -- ro --user admin warnings
	run 0 "$1: deposit list" -- ro --user admin deposit list
	run 0 "$1: expense report" -- ro --user admin expense report
	run 0 "$1: notice to a file" -- ro --user admin notice charge 2026-10 -o "$T/files/notice.txt"
	has "$1: the notice is written" "$T/files/notice.txt" "1-101"
	n=$(receipts)
	run 1 "$1: pay (a command that writes)" -- ro --user admin pay 1-101 10 --method cash
	has "$1: it names the file" "$ERR" "$RO"
	has "$1: and says it is read-only" "$ERR" "read-only"
	same "$1: nothing was written" "$n" "$(receipts)"
	run 1 "$1: receipt void" -- ro --user admin receipt void "$receipt" --reason x
	has "$1: it says read-only" "$ERR" "read-only"
	PW=wrong run 5 "$1: a wrong password" -- ro --user admin export rooms
	has "$1: it is not counted, and says why" "$ERR" "not counted"
	same "$1: the counter is unchanged" 0 "$(peek "SELECT failed FROM users WHERE name = 'admin'")"
}

# The file 0444 in a folder the other user may write.
cp "$DB" "$RO"
chown "$other" "$T/ro"
chmod 444 "$RO"
reads "mode 0444"
ls "$T/ro" >"$T/ls"
lacks "mode 0444: reading leaves no -shm file of the reader's" "$T/ls" "wuye.db-shm"

# The file writable, in a folder the other user may not write (no -shm
# file can be made).
rm -f "$T/ro"/*
cp "$DB" "$RO"
chmod 644 "$RO"
chmod 555 "$T/ro"
reads "read-only folder"

# A read-only command on a writable database still counts a wrong password.
WUYE_PASSWORD=wrong run 5 "a wrong password on export, the file writable" -- w --user admin export rooms
same "it is counted" 1 "$(sqlite3 "$DB" "SELECT failed FROM users WHERE name = 'admin'")"
run 0 "the right one resets the counter" -- w --user admin export rooms
same "the counter is 0" 0 "$(sqlite3 "$DB" "SELECT failed FROM users WHERE name = 'admin'")"

# Unreadable: the file's mode, or a folder on the way.
chmod 000 "$RO"
run 1 "a database of mode 0000" -- ro --user admin export rooms
has "it names the file and the permission" "$ERR" "$RO: cannot read: Permission denied"
lacks "not SQLite's bare message" "$ERR" "unable to open database file"
chmod 644 "$RO"
chmod 000 "$T/ro"
run 1 "a database in a folder one may not enter" -- ro --user admin export rooms
has "it names the folder" "$ERR" "no permission to enter the folder $T/ro"
lacks "not SQLite's bare message" "$ERR" "unable to open database file"
chmod 755 "$T/ro"
run 4 "a database in a folder that does not exist" -- as_other env WUYE_PASSWORD=demo "$WUYE" --config "$CONF" --db "$T/none/wuye.db" --user admin export rooms
has "it names the file" "$ERR" "$T/none/wuye.db"
finish
