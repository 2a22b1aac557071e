# wuye terminal test: the cashier screen finds a client by mobile number
# (the client's bills of every room), F4 waives part of a bill with a
# reason, F7 takes a deposit for the room; `check` passes after.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "init" -- w init
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950), (2, '1-102', 1, 1, 9000, 9000);
INSERT INTO clients (id, code, name, mobile) VALUES (1, 'C1', '张三', '13800138000');
INSERT INTO occupancy (room_id, client_id, role, start_date, payer) VALUES
	(1, 1, 'owner', '2020-01-01', 1), (2, 1, 'owner', '2020-01-01', 1);
INSERT INTO fee_items (id, code, name, method, unit_price) VALUES (1, 'WY', '物业管理费', 'area', 23456);
INSERT INTO fee_items (id, code, name, method, unit_price, deposit) VALUES (2, 'ZX', '装修押金', 'oneoff', 0, 1);
INSERT INTO bills (id, room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date) VALUES
	(1, 1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15'),
	(2, 2, 1, 1, '2026-10', 90000, 23456, 21110, '2026-10-15');
" || fail "set-up SQL"
q() { sqlite3 "$DB" "$1"; }

tui_start 100 30
tui_login admin demo
wait_for "Welcome, admin."
keys F10 h k
wait_for "Room:"
text "13800138000"
keys Enter
wait_for "张三" && wait_for "2026-09" && wait_for "2026-10" && wait_for "421.03" &&
    pass "a mobile number finds the client's bills of both rooms"
keys Down Down Down
keys F4
wait_for "Waive (减免): 2026-09 物业管理费, 209.93 outstanding" && wait_for "Amount" &&
    wait_for "Reason" && pass "F4 on a bill asks for the amount and the reason in two fields"
keys C-s
wait_for "Amount: required" && pass "an empty amount is refused, naming the field"
text "9.93"
keys Enter
text "维修延误"
keys Enter
wait_for "Waived 9.93." && wait_for "411.10" && pass "the waiver is made and the bills reload"
same "bill 1 is waived 9.93 with the reason" "993|维修延误" "$(q "SELECT w.amount, w.reason FROM waivers w WHERE bill_id = 1")"
keys F7
wait_for "A deposit is taken for a room" && pass "no deposit without a room"
keys Up Up Up Up Up Up
keys C-u
text "1-102"
keys Enter
wait_for "2026-10" && wait_gone "2026-09"
keys F7
wait_for "Take a deposit (押金)" && wait_for "Fee item"
text "WY"
keys Tab
text "100"
keys Enter
wait_for "not a deposit item" && pass "a fee item that is not a deposit is refused"
keys F7
wait_for "Take a deposit (押金)"
text "NOPE"
keys C-s
wait_for "Fee item: there is no fee item NOPE." &&
    pass "an unknown fee item is named in the dialog, which stays open"
keys C-u
text "ZX"
keys Enter
text "2000"
keys Enter
wait_for "Deposit taken: receipt C-admin-000001." && wait_for "2000.00" &&
    pass "F7 takes the deposit and shows its receipt"
same "the deposit is held for room 1-102" "2|1|200000" "$(q "SELECT room_id, client_id, amount FROM deposits")"
keys Escape
wait_gone "Deposit taken"
keys Escape
wait_gone "Room:"
keys C-q
tui_exit
run 0 "check passes" -- w --user admin check
finish
