# wuye terminal test: the list of waivers (Charges > Waivers, 减免记录) at
# 80x24, in English and in zh_CN.
#
# Two waivers made on the command line (`wuye waive`) show in the list with
# their room, payer, bill, month, fee item, amount, reason and user; the
# amounts end in the column where the header's label ends, though Chinese
# names and fee items come before them; typing searches (by the reason in
# Chinese, by the room), F7 sorts by the room, F9 exports, and the list
# and its form are read only.  `wuye export waivers` shows the same rows.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "init" -- w init
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950), (2, '1-102', 1, 1, 9000, 9000);
INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三'), (2, 'C2', '欧阳明');
INSERT INTO occupancy (room_id, client_id, role, start_date, payer) VALUES
	(1, 1, 'owner', '2020-01-01', 1), (2, 2, 'owner', '2020-01-01', 1);
INSERT INTO fee_items (id, code, name, method, unit_price) VALUES
	(1, 'WY', '物业管理费', 'area', 23456), (2, 'PK', 'Parking', 'fixed', 1000000);
INSERT INTO bills (id, room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date) VALUES
	(1, 1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15'),
	(2, 2, 2, 2, '2026-10', 1000, 1000000, 10000, '2026-10-15');
" || fail "set-up SQL"
run 0 "a waiver on the command line" -- w --user admin waive 2 12.50 --reason "电梯停运"
run 3 "more than is outstanding is refused" -- w --user admin waive 1 1993.00 --reason x
run 0 "a waiver within the bill" -- w --user admin waive 1 9.93 --reason "空置期减免"

# The display column (from 1) where TEXT ends on the screen line that
# contains it first (wide characters count two).
end_col() {
	screen | python3 -c '
import sys, unicodedata
t = sys.argv[1]
for line in sys.stdin:
    i = line.find(t)
    if i >= 0:
        s = line[:i + len(t)]
        print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s))
        break' "$1"
}

tui_start 80 24
tui_login admin demo
wait_for "Welcome, admin."
keys F10 h
wait_for "Waivers(W)" && pass "the Charges menu offers the waivers"
keys w
wait_for "Waivers  2 rows" && pass "F10 H W lists the waivers"
same "the command line's waiver is a row" 1 \
    "$(grid_rows | grep -c '1-102 .*C2 .*欧阳明 .*2 .*2026-10 .*Parking .*12\.50 .*电梯停运')"
same "with the other one" 1 \
    "$(grid_rows | grep -c '1-101 .*C1 .*张三 .*1 .*2026-09 .*物业管理费 .*9\.93 .*空置期减免')"
same "amounts end where their header ends (Chinese before them)" \
    "$(end_col Amount)" "$(end_col 9.93)"
same "both amounts end in one column" "$(end_col 12.50)" "$(end_col 9.93)"
off_screen "a read-only list offers no F2" "F2New"
on_screen "it sorts" "F7Sort"
on_screen "and exports" "F9Export"
keys F1
wait_for "Keys on this screen" && pass "F1 shows the list's keys"
off_screen "its help lists no key to add a record" "add a record"
off_screen "nor row actions it does not have" "such as approve or pay"
on_screen "but the sort key" "F7"
keys Escape
wait_gone "Keys on this screen"
text "空置"
wait_for "Waivers  1 row" && pass "typing searches the reason, in Chinese"
same "the waiver found" 1 "$(grid_rows | grep -c '空置期减免')"
keys C-u
wait_for "Waivers  2 rows"
text "1-102"
wait_for "Waivers  1 row" && pass "and the room"
keys C-u
wait_for "Waivers  2 rows"
keys F7
wait_for "by Room" && pass "F7 sorts by the room"
same "1-101 comes first" "1-101" "$(grid_rows | head -n 1 | cut -c1-5)"
keys F8
wait_for "Waivers: read only" && pass "F8 deletes nothing and says why"
keys Enter
wait_for "Waivers: 1-101" && pass "Enter shows a waiver"
on_screen "read only on its status line" "Read only"
keys BSpace
wait_for "Waivers: read only" && pass "its form cannot be changed"
keys Escape
wait_for "Waivers  2 rows"
keys F9
wait_for "Export the list"
keys C-u
text "$T/waivers.xlsx"
keys Enter
wait_for "Exported 2 rows" && pass "F9 exports the waivers"
[ -s "$T/waivers.xlsx" ] && pass "the workbook is written" || fail "no workbook"
keys F10 s q
tui_exit

same "no waiver was changed" 2 "$(sqlite3 "$DB" "SELECT count(*) FROM waivers")"
run 0 "wuye export waivers" -- w --user admin export waivers --format tsv
has "the command line lists the waiver" "$OUT" "电梯停运"
has "with its amount" "$OUT" "12.50"
run 3 "wuye import waivers is refused" -- w --user admin import waivers "$T/none.csv"
has "in words" "$ERR" "read only"

if locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\{0,1\}8'; then
	TUI_BIN=$(localized_wuye)
	tui_start 80 24 LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8
	tui_login admin demo "用户："
	wait_for "欢迎，admin。"
	keys F10 h
	wait_for "减免记录(W)" && pass "zh_CN: the menu offers 减免记录"
	keys w
	wait_for "减免金额" && pass "zh_CN: the list's headers in Chinese"
	same "zh_CN: both waivers" 2 "$(grid_rows | grep -c '2026-')"
	same "zh_CN: amounts end where their header ends" \
	    "$(end_col 减免金额)" "$(end_col 12.50)"
	on_screen "zh_CN: the user who waived" "admin"
	keys F10 s q
	tui_exit
else
	fail "the zh_CN.UTF-8 locale is installed (as root: localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)"
fi
finish
