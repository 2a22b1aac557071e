# wuye terminal test: the month close (月结) in the full-screen program.
#
# Two months with bills and a payment, none closed: the dialog offers the
# older; Enter shows the two blocks of totals (the bills, the payments)
# with their signs, and a line past the box is reached by PgDn; Y closes
# it and says so in words that differ from the refusal.  Opened again it
# offers the next month; the month in course is refused at Enter with the
# day it can be closed from; one closed before is refused with when and by
# whom.  Then the same close in Chinese at 80x24.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

first=$(date -d "$(date +%Y-%m-01) -2 month" +%Y-%m)
second=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)
now=$(date +%Y-%m)
next=$(date -d "$(date +%Y-%m-01) +1 month" +%Y-%m-%d)

run 0 "init" -- w init
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950), (2, '1-102', 1, 1, 9000, 9000);
INSERT INTO fee_items (id, code, name, method, unit_price) VALUES (1, 'WY', '物业管理费', 'area', 23456);
INSERT INTO bills (room_id, fee_item_id, period, quantity, unit_price, amount, due_date) VALUES
	(1, 1, '$first', 89500, 23456, 20993, '$first-15'),
	(2, 1, '$first', 90000, 23456, 21110, '$first-15'),
	(1, 1, '$second', 89500, 23456, 20993, '$second-15');
" || fail "set-up SQL"
run 0 "a payment in the first month" -- w --user admin pay 1-101 209.93 --method cash --date "$first-20"

tui_start 80 24
tui_login admin demo
wait_for "Welcome, admin." && pass "logged in"
keys F10 h l
wait_for "Close a period" && pass "Charges > Close a period"
on_screen "the oldest open month is offered" "$first"
keys Enter
wait_for "Close period $first?" && pass "Enter asks"
on_screen "the receivable" "Receivable: the period's bills"
on_screen "less what was paid in the period" "- Paid in the period"
on_screen "is what is outstanding" "= Outstanding"
on_screen "the outstanding amount" "211.10"
keys PgDn
wait_for "Taken in payments" && pass "PgDn shows the payments' block"
keys y
wait_for "is now closed" && pass "Y closes it"
on_screen "the success says what it means" "Period $first is now closed: nothing dated in it can change."
keys Escape
wait_gone "Close a period"
keys F10 h l
wait_for "Close a period"
on_screen "then the next month is offered" "$second"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace
text "$now"
keys Enter
wait_for "has not ended yet" && pass "the month in course is refused at Enter"
on_screen "with the day it can be closed from" "it can be closed from $next on"
off_screen "and nothing asked" "Y close the period"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace
text "$first"
keys Enter
wait_for "was closed before" && pass "a closed month is refused"
on_screen "saying by whom" "by admin"
keys Escape
wait_gone "Close a period"
keys F10 s q
tui_exit
same "closed once" 1 "$(sqlite3 "$DB" "SELECT count(*) FROM periods WHERE closed_at IS NOT NULL")"

if locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\{0,1\}8'; then
	TUI_BIN=$(localized_wuye)
	tui_start 80 24 LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8
	tui_login admin demo "用户："
	wait_for "欢迎，admin。" && keys F10 h l
	wait_for "$second" && pass "zh: the next open month is offered"
	keys Enter
	wait_for "应收" && pass "zh: the totals in Chinese"
	on_screen "zh: outstanding" "欠款"
	keys y
	wait_for "月结完成" && pass "zh: the close says it is done"
	keys Escape
	wait_gone "月结完成"
	keys F10 h l
	wait_for "$now"
	keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace
	text "$second"
	keys Enter
	wait_for "早已月结" && pass "zh: the refusal reads differently"
	keys Escape
	keys F10 s q
	tui_exit
else
	fail "the zh_CN.UTF-8 locale is installed (as root: localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)"
fi
finish
