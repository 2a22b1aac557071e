# wuye terminal test: the refund screen (Charges > Refund a prepayment,
# 退款) and the list of refunds (Charges > Refunds, 退款记录), at 80x24.
#
# Room 1-101's payer 张三 has 150.00 of prepayment.  The screen finds him
# by the room, shows the balance as the amount; 60.00 by transfer with a
# reason asks first (no does nothing), then makes the refund through the
# same call as `wuye refund` and shows its receipt and number; more than
# the balance is refused with the domain's words.  The refunds list shows
# the refund, is read only (no F2, F4, F8; the form cannot be typed over)
# and exports; `wuye export refunds` and `wuye receipt show` agree.  A
# cashier, who may not make refunds, is told so before the screen opens.
# In zh_CN the screen finds 李四 by his mobile number and refunds all of
# his balance; the list shows it in Chinese.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "init" -- w init
run 0 "a cashier" -- w --user admin user add cashier1 --role cashier
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950), (2, '1-102', 1, 1, 9000, 9000);
INSERT INTO clients (id, code, name, mobile) VALUES (1, 'C1', '张三', ''),
	(2, 'C2', '李四', '13900000002');
INSERT INTO occupancy (room_id, client_id, role, start_date, payer) VALUES
	(1, 1, 'owner', '2020-01-01', 1), (2, 2, 'owner', '2020-01-01', 1);
INSERT INTO prepayments (client_id, amount, date, period) VALUES
	(1, 15000, '2026-01-05', '2026-01'), (2, 8000, '2026-01-05', '2026-01');
" || fail "set-up SQL"
q() { sqlite3 "$DB" "$1"; }
balance() { q "SELECT sum(amount) FROM prepayments WHERE client_id = $1"; }

tui_start 80 24
tui_login admin demo
wait_for "Welcome, admin."
keys F10 h
wait_for "Refund a prepayment(U)" && pass "the Charges menu offers the refund"
on_screen "and the list of refunds" "Refunds(V)"
keys u
wait_for "Room or client:" && pass "F10 H U opens the refund screen"
on_screen "its key bar says what Ctrl-S does" "^SRefund"
keys F1
wait_for "Pays back" && pass "F1 explains the screen"
keys Escape
wait_gone "Pays back"
text "1-101"
keys Enter
wait_for "Prepayment balance: 150.00" && pass "a room finds its payer and the balance"
on_screen "the payer is named" "C1 张三  1-101"
on_screen "the balance is the amount" "Amount:           150.00"
text "60"
wait_for "Amount:           60" && pass "typing replaces the amount"
off_screen "and does not add to it" "Amount:           150"
keys Tab Right Tab
on_screen "Right steps the method" "< Transfer >"
text "业主退房"
keys C-s
wait_for "Refund 60.00 to C1 张三 by Transfer?" && pass "Ctrl-S asks first"
text n
wait_gone "Refund 60.00 to"
same "no refund on no" 0 "$(q "SELECT count(*) FROM receipts WHERE kind = 'refund'")"
keys C-s
wait_for "Refund 60.00 to"
text y
wait_for "Refund receipt C-admin-000001: 60.00 paid back to C1 张三." &&
    pass "yes refunds and names the receipt"
on_screen "the refund receipt shows" "C-admin-000001"
same "one refund receipt, as wuye refund makes it" "refund|6000|transfer|业主退房|1|1" \
    "$(q "SELECT kind, amount, method, note, room_id, client_id FROM receipts")"
same "the balance went down" 9000 "$(balance 1)"
keys Escape
wait_for "Room or client:"
on_screen "the screen is ready for the next refund" "Refund a prepayment"
off_screen "the last one is cleared" "C1 张三"

text "C1"
keys Enter
wait_for "Prepayment balance: 90.00" && pass "a client's code finds the client"
text "100"
keys Tab Tab
text "x"
keys C-s
wait_for "Refund 100.00 to"
text y
wait_for "more than the prepayment balance 90.00" &&
    pass "more than the balance is refused in the domain's words"
same "nothing more was refunded" 9000 "$(balance 1)"
keys Escape
wait_for "Leave without making the refund?" && pass "Esc asks before it loses what was typed"
text y
wait_gone "Room or client:"

keys F10 h v
wait_for "Refunds  1 row" && pass "F10 H V lists the refunds"
same "the refund is a row of the list" 1 \
    "$(grid_rows | grep -c 'C-admin-000001 .*1-101 .*60\.00')"
off_screen "a read-only list offers no F2" "F2New"
off_screen "no F4" "F4Edit"
off_screen "no F8" "F8Delete"
on_screen "but F9 export" "F9Export"
keys F2
wait_for "Refunds: read only" && pass "F2 says the list is read only"
keys Enter
wait_for "Refunds: C-admin-000001" && pass "Enter shows the refund in its form"
on_screen "with its reason" "业主退房"
text "z"
wait_for "Refunds: read only" && pass "the form cannot be typed over"
off_screen "nothing was typed" "(changed)"
keys Escape
wait_for "Refunds  1 row"
keys F9
wait_for "Export the list"
keys C-u
text "$T/refunds.csv"
keys Enter
wait_for "Exported 1 row" && pass "F9 exports the list"
has "the export has the receipt" "$T/refunds.csv" "C-admin-000001"
has "and the amount" "$T/refunds.csv" "60.00"
keys F10 s q
tui_exit

run 0 "wuye export refunds" -- w --user admin export refunds --format tsv
has "the command line lists the refund" "$OUT" "C-admin-000001"
has "with its reason" "$OUT" "业主退房"
run 0 "wuye receipt show of the refund" -- w --user admin receipt show C-admin-000001
has "the receipt shows the amount" "$OUT" "60.00"

tui_start 80 24
tui_login cashier1 demo
wait_for "Welcome, cashier1."
keys F10 h u
wait_for "permission denied: user cashier1" &&
    pass "a cashier is refused before the screen opens"
on_screen "in words, not the permission's name" "make refunds"
off_screen "not by its name" "charge.void"
off_screen "the refund screen did not open" "Room or client:"
keys Escape
wait_gone "permission denied"
keys F10 s q
tui_exit

if locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\{0,1\}8'; then
	TUI_BIN=$(localized_wuye)
	tui_start 80 24 LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8
	tui_login admin demo "用户："
	wait_for "欢迎，admin。"
	keys F10 h
	wait_for "预存退款(U)" && pass "zh_CN: the menu offers 预存退款"
	keys u
	wait_for "房间或客户：" && pass "zh_CN: the refund screen in Chinese"
	text "13900000002"
	keys Enter
	wait_for "预存余额：80.00" && pass "zh_CN: a mobile number finds the client"
	on_screen "zh_CN: 李四 is named" "C2 李四"
	keys Tab Tab
	text "多缴退回"
	keys C-s
	wait_for "其预存余额将由 80.00 变为 0.00" && pass "zh_CN: the question in Chinese"
	text y
	wait_for "退款收据 C-admin-000002" && pass "zh_CN: the refund names its receipt"
	same "zh_CN: the whole balance refunded" 0 "$(balance 2)"
	keys Escape
	wait_for "房间或客户："
	keys Escape
	wait_gone "房间或客户："
	keys F10 h v
	wait_for "退款记录" && pass "zh_CN: the refunds list"
	same "zh_CN: both refunds listed" 2 "$(grid_rows | grep -c 'C-admin-00000')"
	on_screen "zh_CN: the kind in Chinese" "预存退款"
	on_screen "zh_CN: the header in Chinese" "退款金额"
	keys F10 s q
	tui_exit
else
	fail "the zh_CN.UTF-8 locale is installed (as root: localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)"
fi
finish
