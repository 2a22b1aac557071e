# wuye terminal test: the cashier screen (收银), the bill run dialog and
# the period close.
#
# Room 1-101 has two unpaid bills: 300.00 cash with 500.00 tendered pays
# the older in full and part of the newer (oldest first), shows the change
# and the receipt, which F9 prints; the receipt and its allocations are in
# the database.  On room 1-103 the older bill is unticked with Space and a
# transfer pays only the newer.  F8 voids the first receipt with a reason.
# The bill run dialog previews this month's bills and makes them; the
# period close refuses a period with an earlier one open, then closes it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

printf '[print]\ncommand = cat >>%s/printed\n' "$T" >>"$CONF"
run 0 "init" -- w init
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950), (2, '1-102', 1, 1, 9000, 9000),
	(3, '1-103', 1, 1, 9000, 9000);
INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三'), (2, 'C2', '李四'), (3, 'C3', '王五');
INSERT INTO occupancy (room_id, client_id, role, start_date, payer) VALUES
	(1, 1, 'owner', '2020-01-01', 1), (2, 2, 'owner', '2020-01-01', 1),
	(3, 3, 'owner', '2020-01-01', 1);
INSERT INTO fee_items (id, code, name, method, unit_price) VALUES (1, 'WY', '物业管理费', 'area', 23456);
INSERT INTO fee_standards (room_id, fee_item_id, start_period) VALUES (1, 1, '2020-01'),
	(2, 1, '2020-01'), (3, 1, '2020-01');
INSERT INTO bills (id, room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date) VALUES
	(1, 1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15'),
	(2, 1, 1, 1, '2026-10', 89500, 23456, 20993, '2026-10-15'),
	(3, 3, 3, 1, '2026-09', 90000, 23456, 21110, '2026-09-15'),
	(4, 3, 3, 1, '2026-10', 90000, 23456, 21110, '2026-10-15');
" || fail "set-up SQL"
q() { sqlite3 "$DB" "$1"; }

tui_start 100 30
tui_login admin demo
wait_for "Welcome, admin." && pass "logged in"
keys F10 h
wait_for "Cashier(K)" && wait_for "Bill run(B)" && wait_for "Reading entry(E)" &&
    pass "the Charges menu lists the cashier, the bill run and reading entry"
keys k
wait_for "Room:" && pass "K opens the cashier"
text "1-101"
keys Enter
wait_for "张三" && wait_for "2026-09" && wait_for "2026-10" &&
    pass "Enter shows the payer and both unpaid bills"
on_screen "the amount follows the ticked bills" "419.86"
keys C-u
text "300"
keys Tab Tab
text "500"
wait_for "Change: 200.00" && pass "the change for 500.00 tendered"
keys F2
wait_for "Receipt C-admin-000001" && wait_for "合计: 300.00" &&
    pass "F2 takes the payment and shows the receipt"
same "one receipt of 300.00 cash" "30000|cash|50000" \
    "$(q "SELECT amount, method, tendered FROM receipts")"
same "allocated oldest first" "1|20993
2|9007" "$(q "SELECT bill_id, amount FROM allocations ORDER BY bill_id")"
same "the bills' paid" "20993 9007" "$(q "SELECT group_concat(paid, ' ') FROM (SELECT paid FROM bills WHERE room_id = 1 ORDER BY id)")"
keys F9
wait_for "Receipt C-admin-000001 printed." && pass "F9 prints the receipt"
grep -q "C-admin-000001" "$T/printed" 2>/dev/null && pass "the print command got the receipt" ||
    fail "the print command got the receipt"
keys Escape
wait_gone "合计: 300.00" && wait_for "119.86" &&
    pass "Esc closes the receipt; the rest of the newer bill is due"

keys Escape
wait_gone "Room:"
keys F10 h k
wait_for "Room:"
text "1-103"
keys Enter
wait_for "王五" && wait_for "422.20" && pass "room 1-103: two bills, 422.20"
keys Tab Right
wait_for "< transfer >" && pass "Right chooses the method"
keys Tab Tab
text " "
wait_for "[ ] 2026-09" && wait_for "211.10" && pass "Space unticks the older bill"
keys F2
wait_for "Receipt C-admin-000002" && pass "the transfer is taken"
same "only the newer bill is paid" "4|21110" \
    "$(q "SELECT bill_id, amount FROM allocations WHERE receipt_id = (SELECT id FROM receipts WHERE number = 'C-admin-000002')")"
same "by transfer" "transfer" "$(q "SELECT method FROM receipts WHERE number = 'C-admin-000002'")"
keys Enter
wait_gone "Receipt C-admin-000002"
keys F8
wait_for "Void a receipt" && wait_for "Receipt number C-admin-000002" &&
    pass "F8 asks in two fields, offering the last receipt issued"
keys Enter
wait_for "Reason: required" && pass "a void without a reason is refused, naming the field"
keys Up C-u
text "C-admin-000001"
keys Tab
text "收错房间"
keys Enter
wait_for "Receipt C-admin-000001 is void." && pass "F8 voids a receipt with a reason"
same "voided with the reason" "收错房间" "$(q "SELECT void_reason FROM receipts WHERE number = 'C-admin-000001'")"
same "the bills of 1-101 are unpaid again" "0" "$(q "SELECT sum(paid) FROM bills WHERE room_id = 1")"

keys Escape
wait_gone "Room:"
keys F10 h k
wait_for "Room:"
keys F3
wait_for "1-102"
text "1-102"
wait_gone "1-103"
keys Enter
wait_for "李四" && wait_for "No unpaid bills." &&
    pass "F3 picks room 1-102, which owes nothing"
keys Escape
wait_gone "Room:"
month=$(date +%Y-%m)
keys F10 h b
wait_for "Period (YYYY-MM):"
keys Enter
text "NOPE"
keys Enter
wait_for "NOPE" && wait_for "estate" && pass "an unknown estate is refused"
keys Escape
wait_gone "Period (YYYY-MM):"
keys F10 h b
wait_for "Period (YYYY-MM):" && wait_for "$month" && pass "the bill run dialog offers this month"
keys Enter Enter
wait_for "Total: 3 bills, 632.13." && wait_for "WY" && pass "the preview: 3 bills, 632.13"
same "the preview writes nothing" "0" "$(q "SELECT count(*) FROM bills WHERE period = '$month'")"
text "y"
wait_for "The bill run is done." && pass "Y runs the bill run"
same "three bills of this month" "3|63213" "$(q "SELECT count(*), sum(amount) FROM bills WHERE period = '$month'")"
keys Escape
wait_gone "Period (YYYY-MM):"

keys F10 h l
wait_for "Close a period"
keys C-u
text "2026-10"
keys Enter
wait_for "period 2026-09 is still open" && pass "closing 2026-10 with 2026-09 open is refused at Enter"
off_screen "and nothing is asked" "Close period 2026-10?"
keys C-u
text "2026-09"
keys Enter
wait_for "Close period 2026-09?" && pass "Enter shows the totals and asks"
wait_for "Receivable: the period's bills" && on_screen "the receivable" "421.03"
text "y"
wait_for "Period 2026-09 is now closed" && pass "Y closes 2026-09"
same "2026-09 is closed" "1" "$(q "SELECT count(*) FROM periods WHERE period = '2026-09' AND closed_at IS NOT NULL")"
keys Escape
wait_gone "Close a period"
keys C-q
tui_exit && same "Ctrl-Q ends the program" 0 "$TUI_RC"
finish
