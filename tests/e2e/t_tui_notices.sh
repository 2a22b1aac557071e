# wuye terminal test: the notices dialog (Charges > Charge and collection
# notices).
#
# Every bill is years past due (late fees reach their caps), so the
# notices do not depend on the day the test runs.  The dialog opens on
# charge notices of this month; 2020-10 with no codes prints three notices
# (1-101, 1-102, 2-101) through print.command.  Space on the kind turns it
# into collection notices; F3 on the estate picks E1 from the list, and a
# .csv file name writes one notice (1-101: 1-102 is paid up).  An unknown
# estate code is refused with its name; Esc closes the dialog.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

printf '[company]\nname = 幸福物业\n[print]\ncommand = cat >>%s/printed\n' "$T" >>"$CONF"
run 0 "init" -- w init
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园'), (2, 'E2', '翠湖苑');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼'), (2, 'B2', 2, '2号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950), (2, '1-102', 1, 1, 9000, 9000), (3, '2-101', 2, 1, 9000, 9000);
INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三'), (2, 'C2', '李四'), (3, 'C3', '王五');
INSERT INTO fee_items (id, code, name, method, unit_price, late_rate, late_cap) VALUES
	(1, 'WY', '物业管理费', 'area', 23456, 1000, 500);
INSERT INTO bills (id, room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date, paid) VALUES
	(1, 1, 1, 1, '2020-09', 89500, 23456, 20993, '2020-09-15', 0),
	(2, 1, 1, 1, '2020-10', 89500, 23456, 20993, '2020-10-15', 0),
	(3, 2, 2, 1, '2020-10', 90000, 23456, 21110, '2020-10-15', 21110),
	(4, 3, 3, 1, '2020-10', 90000, 23456, 21110, '2020-10-15', 0);
" || fail "set-up SQL"

tui_start 100 30
tui_login admin demo
wait_for "Welcome, admin." && pass "logged in"
keys F10 h
wait_for "Charge and collection notices(N)" && pass "the Charges menu lists the notices"
keys n
wait_for "Period (YYYY-MM):" && wait_for "< Charge notices 收费通知单 >" &&
    pass "N opens the dialog on charge notices"
on_screen "this month is filled in" "$(date +%Y-%m)"
keys C-u
text "2020-10"
keys Enter Enter Enter Enter
wait_for "File (empty: print):" || true
keys Enter
wait_for "3 notices printed." && pass "Enter on the empty file name prints three notices"
same "one run of print.command, a form feed between notices" 2 "$(tr -cd '\f' <"$T/printed" | wc -c)"
has "the period on the printout" "$T/printed" "收费通知单  2020-10"
has "a payer on the printout" "$T/printed" "业主: 张三"
has "capped late fee of 1-101's two bills" "$T/printed" "应缴合计: 440.86"

keys BTab BTab BTab BTab BTab
keys Space
wait_for "< Collection notices 催缴通知单 >" && wait_for "Days past due, at least:" &&
    pass "Space on the kind changes it to collection notices"
keys Tab Tab Tab
keys F3
wait_for "翠湖苑" && pass "F3 on the estate opens the estate list"
keys Enter
wait_for "E1" && wait_for "< Collection notices" && pass "Enter picks the estate into the dialog"
keys Tab Tab Tab
text "$T/coll.csv"
keys Enter
wait_for "1 notice written to" && pass "a .csv name writes the table"
same "only 1-101 of E1 is in arrears" "1-101" "$(tail -n +2 "$T/coll.csv" | cut -d, -f1)"
same "its total: principal and capped late fees" "440.86" "$(tail -n +2 "$T/coll.csv" | cut -d, -f9 | tr -d '\r')"

keys BTab BTab BTab
keys C-u
text "NOPE"
keys C-s
wait_for "estate: there is no estate 'NOPE'" && pass "an unknown estate is refused with its code"
keys Escape
wait_gone "Days past due, at least:" && pass "Esc closes the dialog"
keys C-q
tui_exit && same "the program ends cleanly" 0 "$TUI_RC"

finish
