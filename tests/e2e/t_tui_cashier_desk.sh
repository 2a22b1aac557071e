# wuye terminal test: the cashier as a desk clerk types (issue 10, item 10).
#
# Room 1-101 has a bill past due, one due today and one due next month:
# the two due are ticked, the one not yet due is not (cashier.tick = all
# ticks all three).  After a look-up, typing into the room replaces the
# code; a look-up that finds nothing clears the payer, the bills and the
# totals.  A cashier without the permission to void or waive has no F8 or
# F4 on the key bar, and F8 says in words what is not allowed, in English
# and in Chinese, before asking anything.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "init" -- w init
WUYE_NEW_PASSWORD=demo run 0 "a cashier" -- w --user admin user add cash1 --role cashier
today=$(date +%Y-%m-%d)
past=$(date -d '-40 days' +%Y-%m-%d)
later=$(date -d '+20 days' +%Y-%m-%d)
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950), (2, '1-102', 1, 1, 9000, 9000);
INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三'), (2, 'C2', '李四');
INSERT INTO occupancy (room_id, client_id, role, start_date, payer) VALUES
	(1, 1, 'owner', '2020-01-01', 1), (2, 2, 'owner', '2020-01-01', 1);
INSERT INTO fee_items (id, code, name, method, unit_price) VALUES (1, 'WY', '物业管理费', 'area', 23456),
	(2, 'SF', '水费', 'fixed', 10000), (3, 'TC', '停车费', 'fixed', 10000);
INSERT INTO bills (id, room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date) VALUES
	(1, 1, 1, 1, substr('$past', 1, 7), 1000, 10000, 10000, '$past'),
	(2, 1, 1, 2, substr('$today', 1, 7), 1000, 20000, 20000, '$today'),
	(3, 1, 1, 3, substr('$later', 1, 7), 1000, 40000, 40000, '$later'),
	(4, 2, 2, 1, substr('$past', 1, 7), 1000, 80000, 80000, '$past');
" || fail "set-up SQL"

# Ctrl-Q, and Y if the program asks (QUESTION) before it ends.
leave() {
	keys C-q
	_i=0
	while tui_alive && [ "$_i" -lt 100 ]; do
		screen | grep -qF "$1" && text y
		sleep 0.05
		_i=$((_i + 1))
	done
	tui_exit
}

tui_start 100 30
tui_login admin demo
wait_for "Welcome, admin." && pass "logged in"
keys F10 h k
wait_for "Room:"
text "1-101"
keys Enter
wait_for "张三" && wait_for "$later" && pass "room 1-101: three bills"
on_screen "the bill past due is ticked" "[x] ${past%-*}  $past"
on_screen "the bill due today is ticked" "[x] ${today%-*}  $today"
on_screen "the bill not yet due is not" "[ ] ${later%-*}  $later"
on_screen "the amount is what is due: 100.00 + 200.00" "Amount:   300.00"
on_screen "and so is the ticked total" "Ticked: 300.00"

# The amount, just entered, is replaced by what is typed.
text "250"
wait_for "Amount:   250 " && pass "typing into the amount replaces the ticked total"
keys Up
text "1-102"
wait_for "Room:     1-102 " && pass "typing a room after a look-up replaces the code"
off_screen "nothing is appended" "1-1011-102"
keys Enter
wait_for "李四" && wait_for "800.00" && pass "Enter shows room 1-102"
keys Up
text "NOPE"
keys Enter
wait_for "There is no room, client code or mobile number NOPE." &&
    pass "an unknown room is refused"
off_screen "the previous payer is gone" "李四"
off_screen "and the bills" "800.00"
off_screen "and the prepayment line" "Prepayment:"
on_screen "the amount is cleared" "Amount:              "
keys Escape
wait_gone "Room:"
leave "Leave wuye?"

printf '[cashier]\ntick = all\n' >>"$CONF"
tui_start 100 30
tui_login admin demo
wait_for "Welcome, admin."
keys F10 h k
wait_for "Room:"
text "1-101"
keys Enter
wait_for "张三" && wait_for "[x] ${later%-*}  $later" &&
    pass "with cashier.tick = all the bill not yet due is ticked too"
on_screen "the amount is all three" "Amount:   700.00"
leave "Leave wuye?"

# A cashier: no void, no waiver.
tui_start 100 30
tui_login cash1 demo
wait_for "Welcome, cash1." && pass "the cashier logged in"
keys F10 h k
wait_for "Room:" && wait_for "F2Pay" && pass "the cashier may take payments"
off_screen "F8 void is not on the cashier's key bar" "F8Void"
off_screen "nor F4 waive" "F4Waive"
text "1-101"
keys Enter
wait_for "张三"
keys F8
wait_for "may not void receipts or make refunds" &&
    pass "F8 says in words what the cashier may not do"
off_screen "never the internal name" "charge.void"
off_screen "and asks nothing" "Void a receipt"
keys Down Down Down Down
keys F4
wait_for "may not waive bills" && pass "F4 too"
off_screen "no waiver dialog" "outstanding"
leave "Leave wuye?"

TUI_BIN=$(localized_wuye)
tui_start 100 30 LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8
tui_login cash1 demo "密码"
wait_for "cash1" && keys F10 h k
wait_for "房间：" && pass "the cashier screen in Chinese"
off_screen "no 作废 on the key bar" "F8作废"
keys F8
wait_for "不能作废收据或办理退款" && pass "the refusal in Chinese, in words"
off_screen "never the internal name (zh)" "charge.void"
leave "退出 wuye？"
finish
