# wuye terminal test: the building map (楼盘图) at 80x24.
#
# Building B1 of estate E1 has two units of two floors: 1-1-101 (张三, in
# arrears 209.93 since 2020-01-15), 1-1-102 (vacant), 1-1-201 (李四, paid
# up), 1-2-101 (rented to 王五, paid up), 1-2-201 (赵六, in arrears).  The
# map opens from the Charges menu after picking B1 and shows the letters;
# the arrows move, Enter opens the cashier on the room under the cursor,
# a payment there turns its A into O when Esc comes back to the map.
# PgDn and PgUp step through the estate's buildings; B3, three units of
# five rooms a floor, is wider than the terminal and scrolls; F4 opens the
# room's page; Esc in the building picker leaves an empty map.  Without
# colour (NO_COLOR) the letters still tell the rooms apart.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "init" -- w init
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园'), (2, 'E2', '翠湖苑');
INSERT INTO buildings (id, code, estate_id, name, floors, units) VALUES
	(1, 'B1', 1, '1号楼', 2, 2), (2, 'B2', 1, '2号楼', 1, 1),
	(3, 'B3', 1, '3号楼', 3, 3), (4, 'X1', 2, '1栋', 1, 1);
INSERT INTO rooms (id, code, building_id, unit, floor, state, build_area, charge_area) VALUES
	(1, '1-1-101', 1, 1, 1, 'owner', 8950, 8950),
	(2, '1-1-102', 1, 1, 1, 'vacant', 8950, 8950),
	(3, '1-1-201', 1, 1, 2, 'owner', 8950, 8950),
	(4, '1-2-101', 1, 2, 1, 'rented', 8950, 8950),
	(5, '1-2-201', 1, 2, 2, 'owner', 8950, 8950),
	(6, '2-1-101', 2, 1, 1, 'owner', 8950, 8950);
WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < 44)
INSERT INTO rooms (code, building_id, unit, floor, state, build_area, charge_area)
SELECT printf('3-%d-%d%02d', k / 15 + 1, k % 15 / 5 + 1, k % 5 + 1), 3,
	k / 15 + 1, k % 15 / 5 + 1, 'vacant', 5000, 5000 FROM n;
INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三'), (2, 'C2', '李四'),
	(3, 'C3', '王五'), (4, 'C4', '赵六');
INSERT INTO occupancy (room_id, client_id, role, start_date, payer) VALUES
	(1, 1, 'owner', '2019-01-01', 1), (3, 2, 'owner', '2019-01-01', 1),
	(4, 3, 'tenant', '2019-01-01', 1), (5, 4, 'owner', '2019-01-01', 1);
INSERT INTO fee_items (id, code, name, method, unit_price) VALUES (1, 'WY', '物业管理费', 'area', 23456);
INSERT INTO bills (id, room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date, paid) VALUES
	(1, 1, 1, 1, '2020-01', 89500, 23456, 20993, '2020-01-15', 0),
	(2, 3, 2, 1, '2020-01', 89500, 23456, 20993, '2020-01-15', 20993),
	(3, 5, 4, 1, '2020-02', 89500, 23456, 20993, '2020-02-15', 10000),
	(4, 4, 3, 1, '2099-01', 89500, 23456, 20993, '2099-01-15', 0);
" || fail "set-up SQL"
q() { sqlite3 "$DB" "$1"; }

tui_start 80 24
tui_login admin demo
wait_for "Welcome, admin." && pass "logged in"
keys F10 h
wait_for "Building map(P)" && pass "the Charges menu lists the building map"
keys p
wait_for "Pick: Buildings" && wait_for "B3" && pass "the map asks for the building first"
keys Enter
wait_for "Building map: B1 1号楼, 阳光花园" && pass "Enter on B1 opens its map"
on_screen "the counts" "5 rooms: 1 vacant, 4 occupied; 3 paid up, 2 in arrears owing 319.86"
on_screen "the legend" "V vacant  O owner-occupied  R rented"
on_screen "the units" "Unit 2"
on_screen "floor 2: 1-1-201 paid up, 1-2-201 in arrears" "  2  │ 201 O       │ 201 A"
on_screen "floor 1: 1-1-101 in arrears, 1-1-102 vacant, 1-2-101 rented" \
    "  1  │ 101 A 102 V │ 101 R"
on_screen "the cursor starts on the top floor, first unit" "1-1-201 │ 李四 │ paid up │ Owner-occupied"
keys Right
wait_for "1-2-201 │ 赵六 │ owes 109.93, due since 2020-02-15 (bills: 1)" &&
    pass "Right goes to the next unit's room, with what it owes"
keys Down
wait_for "1-2-101 │ 王五 │ paid up │ Rented" && pass "Down goes to the floor below; a bill not yet due is not arrears"
keys Left
wait_for "1-1-102 │ (nobody) │ paid up │ Vacant" && pass "Left to the vacant room"
keys Home
wait_for "1-1-101 │ 张三 │ owes 209.93, due since 2020-01-15 (bills: 1)" && pass "Home: the first room of the floor"
keys Enter
wait_for "Room:" && wait_for "1-1-101" && wait_for "张三" && wait_for "2020-01" &&
    pass "Enter opens the cashier on 1-1-101"
keys F2
wait_for "Receipt C-admin-000001" && pass "the cashier takes the payment"
same "the payment is for room 1-1-101" "1|20993" "$(q "SELECT room_id, amount FROM receipts")"
keys Escape
wait_gone "Receipt C-admin-000001"
keys Escape
wait_for "Building map: B1" && wait_for "  1  │ 101 O 102 V │ 101 R" &&
    wait_for "4 paid up, 1 in arrears owing 109.93" && pass "back on the map it is read again: 1-1-101 is paid up"
on_screen "the cursor stays on the room" "1-1-101 │ 张三 │ paid up"
keys F4
wait_for "Room code 1-1-101" && pass "F4 opens the room's page"
keys Escape
wait_for "Building map: B1" && pass "Esc comes back to the map"

keys PgDn
wait_for "Building map: B2 2号楼" && wait_for "2-1-101 │ (nobody)" && pass "PgDn: the next building"
keys PgDn
wait_for "Building map: B3 3号楼" && wait_for "45 rooms: 45 vacant" && pass "PgDn: B3"
keys PgDn
wait_for "no building after this one" && pass "PgDn on the last building says so"
on_screen "B3 is wider than the screen: the third unit's first room only" \
    "  3  │ 301 V 302 V 303 V 304 V 305 V │ 301 V 302 V 303 V 304 V 305 V │ 301 V"
keys End
wait_for "3-3-305 │ (nobody)" &&
    wait_for "3       305 V │ 301 V 302 V 303 V 304 V 305 V │ 301 V 302 V 303 V 304 V 305 V" &&
    pass "End scrolls the map to the last room of the floor"
keys PgUp PgUp
wait_for "Building map: B1" && pass "PgUp twice: back to B1"
keys PgUp
wait_for "no building before this one" && pass "PgUp on the first building says so"
keys F3
wait_for "Pick: Buildings"
text "X1"
wait_gone "B3"
keys Enter
wait_for "Building map: X1 1栋, 翠湖苑" && wait_for "This building has no rooms." &&
    pass "F3 picks another building; one without rooms says so"
keys F1
wait_for "Help: Building map" && wait_for "Each room shows its number" && pass "F1 shows the map's help"
keys Escape
wait_gone "Help: Building map"
keys Escape
wait_gone "Building map" && wait_for "Welcome, admin." && pass "Esc leaves the map"

keys F10 h
wait_for "Building map(P)"
keys p
wait_for "Pick: Buildings"
keys Escape
wait_for "No building chosen" && pass "Esc in the picker leaves an empty map"
keys F3
wait_for "Pick: Buildings"
keys Enter
wait_for "Building map: B1" && pass "F3 on the empty map picks a building"
keys C-q
tui_exit && same "Ctrl-Q on the map ends the program" 0 "$TUI_RC"

# Without colour: the letters alone tell the rooms apart.
tui_start 80 24 NO_COLOR=1
tui_login admin demo
wait_for "Welcome, admin."
keys F10 h
wait_for "Building map(P)"
keys p
wait_for "Pick: Buildings"
keys Enter
wait_for "  2  │ 201 O       │ 201 A" && pass "NO_COLOR: the same letters"
keys C-q
tui_exit && same "the second program ends too" 0 "$TUI_RC"
finish
