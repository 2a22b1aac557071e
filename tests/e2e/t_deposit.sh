#!/bin/sh
# wuye e2e: `wuye bills` (unpaid bills with their numbers), `wuye waive`
# (减免) and `wuye deposit take|refund|list` (押金): amounts, permissions,
# bad input, and `check` after each.
. "$(dirname "$0")/lib.sh"

run 0 "init" -- w init
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950), (2, '1-102', 1, 1, 9000, 9000);
INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三'), (2, 'C2', '李四');
INSERT INTO occupancy (room_id, client_id, role, start_date, payer) VALUES
	(1, 1, 'owner', '2020-01-01', 1);
INSERT INTO fee_items (id, code, name, method, unit_price) VALUES (1, 'WY', '物业管理费', 'area', 23456);
INSERT INTO fee_items (id, code, name, method, unit_price, deposit) VALUES (2, 'ZX', '装修押金', 'oneoff', 0, 1);
INSERT INTO bills (id, room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date) VALUES
	(7, 1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15'),
	(8, 1, 1, 1, '2026-10', 89500, 23456, 20993, '2026-10-15');
" || fail "set-up SQL"
WUYE_NEW_PASSWORD=cashpw w --user admin user add cash1 --role cashier >/dev/null 2>&1 ||
    fail "add a cashier"

run 0 "bills lists the unpaid bills" -- w --user admin bills 1-101 --date 2026-10-01
has "the header" "$OUT" "bill	period	item	due_date	amount	outstanding	late_fee"
has "oldest first, with its number" "$(sed -n 2p "$OUT" >"$T/l2"; echo "$T/l2")" "7	2026-09	物业管理费	2026-09-15	209.93	209.93"
run 0 "a room without bills" -- w --user admin bills 1-102
same "only the header" 1 "$(wc -l <"$OUT")"
run 4 "bills of an unknown room" -- w --user admin bills 9-9
run 2 "bills without a room" -- w --user admin bills

run 0 "waive 9.93 of bill 7" -- w --user admin waive 7 9.93 --reason 维修延误补偿
same "the bill is waived that much" 993 "$(sqlite3 "$DB" 'SELECT waived FROM bills WHERE id = 7')"
same "the waiver is kept with its reason" "993|维修延误补偿" "$(sqlite3 "$DB" 'SELECT amount, reason FROM waivers')"
run 3 "waive more than is outstanding" -- w --user admin waive 7 200.01 --reason x
has "it says how much is outstanding" "$ERR" "200.00 outstanding"
run 3 "waive nothing" -- w --user admin waive 7 0 --reason x
run 3 "waive a bad number" -- w --user admin waive 7x 1 --reason x
has "it names the argument" "$ERR" "BILL: '7x'"
run 2 "waive without a reason" -- w --user admin waive 7 1
run 4 "waive an unknown bill" -- w --user admin waive 99 1 --reason x
WUYE_PASSWORD=cashpw run 5 "a cashier may not waive" -- w --user cash1 waive 8 1 --reason x
same "nothing more was waived" 993 "$(sqlite3 "$DB" 'SELECT sum(waived) FROM bills')"

WUYE_PASSWORD=cashpw run 0 "a cashier takes a deposit" -- w --user cash1 deposit take 1-101 ZX 2000 --method wechat --note 装修
same "it prints the receipt number" "C-cash1-000001" "$(cat "$OUT")"
same "held for the room's payer" "1|1|200000" "$(sqlite3 "$DB" 'SELECT room_id, client_id, amount FROM deposits')"
run 0 "a deposit for a named client" -- w --user admin deposit take 1-102 ZX 500 --method cash --client C2
run 3 "a deposit of a fee item that is not one" -- w --user admin deposit take 1-101 WY 10 --method cash
run 3 "a deposit by prepayment" -- w --user admin deposit take 1-101 ZX 10 --method prepay
run 3 "a deposit of a bad amount" -- w --user admin deposit take 1-101 ZX 1.001 --method cash
run 4 "a deposit for an unknown room" -- w --user admin deposit take 9-9 ZX 10 --method cash
run 4 "a deposit for an unknown client" -- w --user admin deposit take 1-101 ZX 10 --method cash --client NOBODY
run 2 "a deposit without a method" -- w --user admin deposit take 1-101 ZX 10
run 0 "list the deposits held" -- w --user admin deposit list
has "the first" "$OUT" "1	1-101	C1	张三	ZX	2000.00	C-cash1-000001"
has "the second" "$OUT" "2	1-102	C2	李四	ZX	500.00"
WUYE_PASSWORD=cashpw run 5 "a cashier may not refund" -- w --user cash1 deposit refund 1 --method cash
run 0 "a manager refunds it" -- w --user admin deposit refund 1 --method cash
run 6 "not twice" -- w --user admin deposit refund 1 --method cash
has "it says why" "$ERR" "refunded"
run 3 "a bad deposit number" -- w --user admin deposit refund one --method cash
run 0 "held only" -- w --user admin deposit list
lacks "the refunded one is gone" "$OUT" "C-cash1-000001"
run 0 "all, by room" -- w --user admin deposit list --all --room 1-101
has "refunded, with its refund receipt" "$OUT" "C-admin-000002	refunded"

# Refunds (退款) of a prepayment balance.
sqlite3 "$DB" "INSERT INTO occupancy (room_id, client_id, role, start_date, payer) VALUES (2, 2, 'owner', '2020-01-01', 1)"
run 0 "100.00 kept as prepayment" -- w --user admin pay 1-102 100 --method cash --prepay
same "C2's balance" 10000 "$(sqlite3 "$DB" 'SELECT sum(amount) FROM prepayments WHERE client_id = 2')"
run 3 "refund more than the balance" -- w --user admin refund C2 100.01 --method cash --reason 退房
has "it says the balance" "$ERR" "more than the prepayment balance 100.00"
WUYE_PASSWORD=cashpw run 5 "a cashier may not refund" -- w --user cash1 refund C2 10 --method cash --reason x
run 2 "a refund needs a reason" -- w --user admin refund C2 10 --method cash
run 3 "not by prepayment" -- w --user admin refund C2 10 --method prepay --reason x
run 4 "an unknown client" -- w --user admin refund NOBODY 10 --method cash --reason x
run 0 "refund 60.00 by transfer" -- w --user admin refund C2 60 --method transfer --reason 业主退房 --room 1-102
N=$(cat "$OUT")
same "a refund receipt" "refund|6000|6000|业主退房" "$(sqlite3 "$DB" "SELECT kind, amount, prepay_out, note FROM receipts WHERE number = '$N'")"
same "the balance is 40.00" 4000 "$(sqlite3 "$DB" 'SELECT sum(amount) FROM prepayments WHERE client_id = 2')"
run 0 "the refund receipt shows" -- w --user admin receipt show "$N"
has "titled 退款单" "$OUT" "退款单"
run 0 "check after the refund" -- w --user admin check
run 0 "void the refund" -- w --user admin receipt void "$N" --reason 录错
same "the balance is back" 10000 "$(sqlite3 "$DB" 'SELECT sum(amount) FROM prepayments WHERE client_id = 2')"
run 0 "check: the money adds up" -- w --user admin check
finish
