# wuye terminal test: the list of deposits (Charges > Deposits, 押金) and
# the refund of a deposit from it (F12, 退还押金), at 80x24.
#
# Two deposits are taken with `wuye deposit take`.  The list shows both as
# held; F12 on the first offers the refund, whose dialog shows the deposit
# and steps through the methods; Ctrl-S asks, no does nothing, yes refunds
# through the same call as `wuye deposit refund`, shows the receipt, and
# the list shows the deposit refunded; `wuye deposit list` agrees.  A
# cashier, who may not refund, is told so in words before the dialog.  In
# zh_CN the second deposit is refunded in Chinese.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "init" -- w init
run 0 "a cashier" -- w --user admin user add cashier1 --role cashier
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950), (2, '1-102', 1, 1, 9000, 9000);
INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三'), (2, 'C2', '李四');
INSERT INTO occupancy (room_id, client_id, role, start_date, payer) VALUES
	(1, 1, 'owner', '2020-01-01', 1), (2, 2, 'owner', '2020-01-01', 1);
INSERT INTO fee_items (id, code, name, method, unit_price, deposit) VALUES (2, 'ZX', '装修押金', 'oneoff', 0, 1);
" || fail "set-up SQL"
run 0 "a deposit for 1-101" -- w --user admin deposit take 1-101 ZX 2000 --method cash
run 0 "a deposit for 1-102" -- w --user admin deposit take 1-102 ZX 500 --method cash
q() { sqlite3 "$DB" "$1"; }

tui_start 80 24
tui_login admin demo
wait_for "Welcome, admin."
keys F10 h
wait_for "Deposits(Y)" && pass "the Charges menu offers the deposits"
keys y
wait_for "Deposits  2 rows" && pass "F10 H Y lists the deposits"
same "both are held" 2 "$(grid_rows | grep -c 'Held')"
on_screen "with the fee item" "装修押金"
on_screen "a read-only list with actions" "F12Actions"
off_screen "and no F2" "F2New"
keys F12
wait_for "Refund the deposit" && pass "F12 offers the refund"
keys Enter
wait_for "Refund deposit 1" && pass "Enter opens the refund dialog"
frame_ok "the dialog's frame is whole"
on_screen "it shows the amount" "Amount: 2000.00"
on_screen "and the client" "C1 张三"
on_screen "and the method" "< Cash >"
keys Right
wait_for "< Transfer >" && pass "Right steps the method"
keys Tab
text "装修完毕"
keys C-s
wait_for "Refund deposit 1, 2000.00, to C1 张三 by Transfer?" && pass "Ctrl-S asks first"
text n
wait_gone "by Transfer?"
same "no refund on no" 0 "$(q "SELECT count(*) FROM receipts WHERE kind = 'deposit_refund'")"
keys C-s
wait_for "by Transfer?"
text y
wait_for "Refund receipt C-admin-000003: deposit 1" && pass "yes refunds and names the receipt"
wait_for "押金退款单" && pass "the receipt shows"
same "a refund receipt as wuye deposit refund makes it" "deposit_refund|200000|transfer|装修完毕" \
    "$(q "SELECT kind, amount, method, note FROM receipts WHERE number = 'C-admin-000003'")"
keys Escape
wait_for "Refunded with receipt C-admin-000003" && pass "the dialog says what was done"
keys Escape
wait_gone "Refunded with receipt"
same "the list shows it refunded" 1 "$(grid_rows | grep -c 'Refunded')"
keys F12 Enter
wait_for "Deposit 1 is not held" && pass "a refunded deposit is not refunded twice"
keys Escape
wait_gone "Actions on"
keys F10 s q
tui_exit

run 0 "wuye deposit list" -- w --user admin deposit list
lacks "the command line no longer holds deposit 1" "$OUT" "C-admin-000001"
has "but still deposit 2" "$OUT" "C-admin-000002"
run 0 "wuye export deposits" -- w --user admin export deposits --format tsv
has "the export has the refund receipt" "$OUT" "C-admin-000003"

tui_start 80 24
tui_login cashier1 demo
wait_for "Welcome, cashier1."
keys F10 h y
wait_for "Deposits  " && pass "a cashier sees the deposits"
keys F12 Enter
wait_for "permission denied: user cashier1" && pass "a cashier is refused before the dialog"
off_screen "not by the permission's name" "charge.void"
off_screen "the dialog did not open" "Refund deposit"
keys Escape
wait_gone "permission denied"
keys Escape
wait_gone "Actions on"
keys F10 s q
tui_exit

if locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\{0,1\}8'; then
	TUI_BIN=$(localized_wuye)
	tui_start 80 24 LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8
	tui_login admin demo "用户："
	wait_for "欢迎，admin。"
	keys F10 h
	wait_for "押金(Y)" && pass "zh_CN: the menu offers 押金"
	keys y
	wait_for "在押" && pass "zh_CN: the state in Chinese"
	on_screen "zh_CN: refunded in Chinese" "已退还"
	keys Down F12
	wait_for "退还押金" && pass "zh_CN: the action in Chinese"
	keys Enter
	wait_for "退还押金 2" && pass "zh_CN: the dialog in Chinese"
	frame_ok "zh_CN: the dialog's frame is whole"
	on_screen "zh_CN: the client" "C2 李四"
	keys C-s
	wait_for "以现金" && pass "zh_CN: the question in Chinese"
	text y
	wait_for "退款收据 C-admin-000004" && pass "zh_CN: the refund names its receipt"
	same "zh_CN: refunded by cash" "deposit_refund|50000|cash" \
	    "$(q "SELECT kind, amount, method FROM receipts WHERE number = 'C-admin-000004'")"
	keys Escape
	wait_for "已退还，收据 C-admin-000004" && pass "zh_CN: the dialog says what was done"
	keys Escape
	wait_gone "已退还，收据"
	keys F10 s q
	tui_exit
else
	fail "the zh_CN.UTF-8 locale is installed (as root: localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)"
fi
finish
