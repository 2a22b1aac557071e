# wuye terminal test: the reports (报表) in the full-screen program.
#
# A report of the test's own (in paths.data/reports, next to a broken one)
# is found in the list by typing, its period is changed, it runs: the rows,
# a subtotal per building and the total are shown; F7 sorts by the current
# column; Enter opens a row's room; F9 exports it to .xlsx (the header read
# back with tools/xlsx-dump.py when there is one) and to CSV, whose rows
# equal the CLI's; a wrong value is named beside its parameter; the broken
# report shows its error; Esc stops a long run.  Then the same in Chinese at 80x24.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

mkdir -p "$T/wdata/reports"
cat >>"$CONF" <<CONF
[paths]
data = $T/wdata
[print]
command = cat >'$T/printed.txt'
CONF
cat >"$T/wdata/reports/room-bills.ini" <<'EOF'
; Bills of a period per room (a test report).
[report]
title = Bills by room
title.zh = 按房间统计账单
group = charges
order = 1
drill = rooms
drill_key = room_id
group_by = building
sql = SELECT d.code building, r.code room, r.id room_id, r.charge_area area,\
	count(b.id) bills, coalesce(sum(b.amount), 0) amount\
	FROM rooms r JOIN buildings d ON d.id = r.building_id\
	LEFT JOIN bills b ON b.room_id = r.id AND b.period = :period\
	WHERE (:building IS NULL OR d.code = :building)\
	GROUP BY r.id ORDER BY d.code, r.code

[param.period]
type = period
label = Period
label.zh = 期间
default = current
required = yes

[param.building]
type = building
label = Building
label.zh = 楼栋

[col.building]
title = Building
title.zh = 楼栋
type = text

[col.room]
title = Room
title.zh = 房间
type = text
width = 8

[col.area]
title = Area
title.zh = 面积
type = area

[col.bills]
title = Bills
title.zh = 笔数
type = integer

[col.amount]
title = Amount
title.zh = 金额
type = money
width = 12
EOF
cat >"$T/wdata/reports/broken.ini" <<'EOF'
[report]
title = Broken
sql = SELECT 1 AS x
[col.x]
title = X
type = percnt
EOF
cat >"$T/wdata/reports/slow.ini" <<'EOF'
[report]
title = Slow count
sql = WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n\
	WHERE i < 2000000000) SELECT count(*) AS c FROM n
[col.c]
title = Count
type = integer
EOF

run 0 "init" -- w init
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼'), (2, 'B2', 1, '2号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950), (2, '1-102', 1, 1, 9000, 9000),
	(3, '2-101', 2, 1, 12000, 12000);
INSERT INTO fee_items (id, code, name, method, unit_price) VALUES (1, 'WY', '物业管理费', 'area', 23456);
INSERT INTO bills (room_id, fee_item_id, period, quantity, unit_price, amount, due_date) VALUES
	(1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15'),
	(1, 1, '2026-10', 89500, 23456, 20993, '2026-10-15'),
	(2, 1, '2026-10', 1000, 10000000, 100000, '2026-10-15'),
	(3, 1, '2026-10', 1000, 10000000, 123456, '2026-10-15');
" || fail "set-up SQL"
month=$(date +%Y-%m)

tui_start 100 30
tui_login admin demo
wait_for "Welcome, admin." && pass "logged in"
keys F10 r
wait_for "Meter reports" && pass "the Reports menu lists the groups"
on_screen "a group per module" "Charges reports"
keys m
wait_for "Meter usage by building" && pass "Reports > Meter reports lists the meters' reports"
off_screen "and no charges report" "Month summary"
keys Escape
wait_gone "Meter usage by building"
keys F10 r a
wait_for "Bills by room" && pass "Reports > All reports lists the test report"
on_screen "under its group" "Charges"
keys End
wait_for "broken" && pass "the broken report is listed, last"
on_screen "with its error" "percnt"
keys Home
text "by room"
wait_gone "broken" && pass "typing narrows the list"
on_screen "the report found by typing stays" "Bills by room"
keys Enter
wait_for "Period" && wait_for "$month" && pass "the parameter form has this month filled in"
on_screen "the building parameter" "Building"
# A wrong building is named beside its field.
keys Down
text "B9"
keys Enter
wait_for "B9" && on_screen "a wrong building is refused" "B9'"
# F3 picks a building from the list of buildings.
keys F3
wait_for "Pick: Buildings" && wait_for "Search: B9" &&
    pass "F3 opens the list of buildings, searched by what was typed"
keys C-u
text "B2"
wait_gone "1号楼"
keys Enter
wait_gone "Pick: Buildings" && wait_for " B2 " && pass "the picked building is in the field"
keys C-u
keys Up
keys C-u
text "2026-10"
keys Enter
wait_for "3 rows" && pass "the report runs: 3 rows"
on_screen "the first room" "1-101"
on_screen "the money of a row" "1,209.93"
on_screen "a subtotal row per building" "1,209.93"
on_screen "the total row" "2,444.49"
on_screen "the parameters under the title" "2026-10"
# Sort by the amount (the last column), up then down.
keys Right Right Right Right
keys F7
wait_for "by Amount ↑" && pass "F7 sorts by the current column"
first=$(screen | grep -n -m1 -E '1-101|1-102|2-101' | sed 's/.*\(1-101\|1-102\|2-101\).*/\1/')
same "sorted up, the smallest first" "1-101" "$first"
keys F7
wait_for "by Amount ↓" && pass "F7 again sorts down"
first=$(screen | grep -n -m1 -E '1-101|1-102|2-101' | sed 's/.*\(1-101\|1-102\|2-101\).*/\1/')
same "sorted down, the largest first" "2-101" "$first"
on_screen "the total stays" "2,444.49"
# Typing searches the rows.
text "1-10"
wait_for "2 of 3 rows" && pass "typing keeps the rows that contain the text"
keys Escape
wait_for "Bills by room  3 rows" && pass "Esc clears the search"
# Enter opens the room of the row.
keys Home Enter
wait_for "2-101" && wait_for "120.00" && pass "Enter opens the row's room"
keys Escape
wait_for "by Amount" && pass "Esc goes back to the table"
# F9: export to .xlsx, then to CSV.
keys F9
wait_for "Export the report" && wait_for "room-bills-2026-10.xlsx" &&
    wait_for "in ~/wuye-exports, unless" &&
    pass "F9 offers room-bills-2026-10.xlsx in the export folder"
off_screen "not in the home folder" "~/room-bills"
keys Enter
wait_for "Exported 3 rows to $HOME/wuye-exports/room-bills-2026-10.xlsx." &&
    pass "the export says where (the full path) and how many rows"
if [ -s "$HOME/wuye-exports/room-bills-2026-10.xlsx" ]; then
	pass "the .xlsx file exists"
	tool="$(dirname "$0")/../../tools/xlsx-dump.py"
	if [ -f "$tool" ] && python3 "$tool" "$HOME/wuye-exports/room-bills-2026-10.xlsx" >"$T/dump" 2>&1; then
		has "the .xlsx has the report's header" "$T/dump" "Amount"
		has "and its rows" "$T/dump" "2-101"
	fi
else
	fail "the .xlsx file exists"
fi
keys F9
wait_for "Export the report"
keys Right Right Enter
wait_for "Printed 3 rows." && pass "F9 prints the report"
has "the printout has the title" "$T/printed.txt" "Bills by room"
has "and the total" "$T/printed.txt" "2444.49"
keys F9
wait_for "Export the report"
keys Right Tab
text "$T/rb.csv"
keys Enter
wait_for "Exported 3 rows to $T/rb.csv." && pass "the CSV export"
run 0 "the CLI writes the same report" -- w --user admin report run room-bills \
    --param period=2026-10 -o "$T/cli.csv"
if cmp -s "$T/rb.csv" "$T/cli.csv"; then
	pass "the screen's CSV equals the CLI's"
else
	fail "the screen's CSV equals the CLI's"
	diff "$T/rb.csv" "$T/cli.csv" | head -n 20
fi
# A bigger terminal: the table fills it, the total at the bottom.
tmx resize-window -x 120 -y 40
wait_for "Bills by room  3 rows"
same "after a resize the total is on the last row of the table" "Total" \
    "$(screen | sed -n 38p | cut -c1-5)"
tmx resize-window -x 100 -y 30
# F5: back to the parameters, change and run again.
keys F5
wait_for "Enter or F10 runs the report" && pass "F5 goes back to the parameters"
keys C-u
text "2026-09"
keys F10
wait_for "Bills by room  3 rows" && wait_for "209.93" && pass "F10 runs it again for 2026-09"
off_screen "the old period's total is gone" "2,444.49"
keys F1
wait_for "Help: Report" && wait_for "sorts by the current column" && pass "F1 helps on the table"
keys Escape
wait_gone "Help: Report"
keys Escape
wait_for "Bills by room" && wait_for "Search: by room" && pass "Esc goes back to the list"
keys Escape
wait_gone "Search: by room" && pass "Esc clears the list's search"
keys Escape
wait_gone "Bills by room"
# The broken report cannot run: Enter shows its error.
keys F10 r a
wait_for "Bills by room"
text "broken"
wait_gone "Bills by room"
keys Enter
wait_for "percnt" && wait_for "any key to close" && pass "a broken report shows its error"
keys Escape
wait_gone "any key to close"
# A long query is stopped by Esc, though it gives no row for a long time.
keys C-u
text "slow"
wait_for "Slow count"
keys Enter
wait_for "Enter or F10 runs the report"
keys Enter
wait_for "Esc stops the report" && pass "a run shows its progress"
keys Escape
wait_for "report slow: interrupted" && pass "Esc stops the run"
on_screen "back on the parameters" "Enter or F10 runs the report"
keys C-q
tui_exit && same "Ctrl-Q ends the program" 0 "$TUI_RC"

# In Chinese at 80x24.
if locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\{0,1\}8'; then
	TUI_BIN=$(localized_wuye)
	tui_start 80 24 LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8
	tui_login admin demo "用户："
	wait_for "欢迎，admin。" && pass "logged in, in Chinese"
	keys F10 r a
	wait_for "按房间统计账单" && pass "the report's Chinese title is listed"
	text "房间"
	wait_gone "broken"
	keys Enter
	wait_for "期间" && wait_for "楼栋" && pass "the parameters by their Chinese labels"
	keys C-u
	text "2026-10"
	keys Enter
	wait_for "2,444.49" && wait_for "面积" && wait_for "金额" &&
	    pass "the table in Chinese with its total"
	keys F9
	wait_for "room-bills-2026-10.xlsx"
	keys Enter
	wait_for "room-bills-2026-10.xlsx" && pass "exported, in Chinese"
	keys Escape
	wait_gone "金额"
	keys C-q
	tui_exit && same "Ctrl-Q ends the program" 0 "$TUI_RC"
else
	fail "the zh_CN.UTF-8 locale is installed (as root: localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)"
fi
finish
