#!/bin/sh
# wuye e2e: values on the command line.  A negative amount is a value, not
# an option (refused with exit 3 naming it and what it was for), "--" ends
# the options, an option's value may begin with '-'; and a free text has
# the one limit of 2,000 characters whatever path it comes by (pay --note
# as a form field's note in an import).
. "$(dirname "$0")/lib.sh"

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
INSERT INTO fee_items (id, code, name, method, unit_price, deposit) VALUES (2, 'ZX', '装修押金', 'oneoff', 0, 1);
INSERT INTO bills (id, room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date) VALUES
	(7, 1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15');
" || fail "set-up SQL"
receipts() { sqlite3 "$DB" "SELECT count(*) FROM receipts"; }

# Negative amounts where an amount is due.
run 3 "pay a negative amount" -- w --user admin pay 1-101 -10.00 --method cash
has "it names the amount" "$ERR" "'-10.00'"
has "and the room" "$ERR" "room 1-101"
lacks "it is not taken for an option" "$ERR" "unknown option"
run 3 "the same with the options first" -- w --user admin pay --method cash 1-101 -10.00
has "it names the amount" "$ERR" "'-10.00'"
run 3 "a negative amount without a leading digit" -- w --user admin pay 1-101 -.5 --method cash
has "it names the amount" "$ERR" "'-.5'"
run 3 "waive a negative amount" -- w --user admin waive 7 -1 --reason x
has "it names the amount" "$ERR" "'-1'"
has "and the bill" "$ERR" "bill 7"
run 3 "a negative deposit" -- w --user admin deposit take 1-101 ZX -5 --method cash
has "it names the amount" "$ERR" "'-5'"
run 3 "a negative refund" -- w --user admin refund C1 -5 --method cash --reason x
has "it names the amount" "$ERR" "'-5'"
run 3 "a negative deposit number" -- w --user admin deposit refund -3 --method cash
has "it names the number" "$ERR" "'-3'"
same "nothing was written" 0 "$(receipts)"
same "nothing was waived" 0 "$(sqlite3 "$DB" 'SELECT count(*) FROM waivers')"

# "--" ends the options; option values may begin with '-'.
run 3 "-- before the arguments" -- w --user admin pay --method cash -- 1-101 -10.00
has "the amount is read after --" "$ERR" "'-10.00'"
run 2 "after -- even -x is an argument" -- w --user admin pay 1-101 10 --method cash -- -x
has "one argument too many" "$ERR" "too many arguments"
lacks "not an unknown option" "$ERR" "unknown option"
run 3 "--tendered -5 reaches its check" -- w --user admin pay 1-101 10 --method cash --tendered -5
has "it names the option and value" "$ERR" "--tendered: '-5'"
run 2 "a word that is not a number is still an option" -- w --user admin pay 1-101 -x --method cash
has "an unknown option" "$ERR" "unknown option"
same "still nothing was written" 0 "$(receipts)"
run 0 "--note -x is a note" -- w --user admin pay 1-101 1 --method cash --note -x
same "the note is kept" "-x" "$(sqlite3 "$DB" 'SELECT note FROM receipts')"

# One limit of free text: 2,000 characters on every path.
long=$(printf '%2001s' '' | tr ' ' 'x')
run 3 "pay --note of 2,001 characters" -- w --user admin pay 1-101 1 --method cash --note "$long"
has "it names the field and the limit" "$ERR" "note: too long (2001 characters, at most 2000)"
same "no receipt was written" 1 "$(receipts)"
printf 'code,name,note\nC9,王五,%s\n' "$long" >"$T/clients.csv"
run 3 "a client's note of 2,001 characters in an import" -- w --user admin import clients "$T/clients.csv"
has "the same limit" "$ERR" "too long (2001 characters, at most 2000)"
run 3 "a waiver's reason of 2,001 characters" -- w --user admin waive 7 1 --reason "$long"
has "the same limit" "$ERR" "reason: too long (2001 characters, at most 2000)"
run 3 "a refund's reason of 2,001 characters" -- w --user admin refund C1 1 --method cash --reason "$long"
has "the same limit" "$ERR" "reason: too long (2001 characters, at most 2000)"
run 0 "pay --note of 2,000 characters" -- w --user admin pay 1-101 1 --method cash --note "${long%x}"
same "the note is kept whole" 2000 "$(sqlite3 "$DB" 'SELECT length(note) FROM receipts ORDER BY id DESC LIMIT 1')"
run 0 "check" -- w check
finish
