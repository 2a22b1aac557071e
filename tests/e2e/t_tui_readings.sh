# wuye terminal test: reading entry (抄表录入) by building and period.
#
# Building B1's room meters list with their previous readings (the last
# one of an earlier period, else the initial one); typing a reading and
# Enter saves it and moves down, twice; the readings are in the database
# with the usage computed; a reading far over the average is warned about
# beside the meter and kept.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "init" -- w init
month=$(date +%Y-%m)
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼'), (2, 'B2', 1, '2号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950), (2, '1-102', 1, 1, 9000, 9000),
	(3, '2-101', 2, 1, 9000, 9000);
INSERT INTO meters (id, code, type, room_id, initial) VALUES
	(1, 'W101', 'water', 1, 100000), (2, 'W102', 'water', 2, 5000),
	(3, 'W201', 'water', 3, 0);
INSERT INTO readings (meter_id, period, previous, reading, usage) VALUES
	(2, '2020-01', 5000, 8000, 3000);
" || fail "set-up SQL"
q() { sqlite3 "$DB" "$1"; }

tui_start 100 30
tui_login admin demo
wait_for "Welcome, admin." && pass "logged in"
keys F10 h e
wait_for "Reading entry" && wait_for "Building:" && wait_for "$month" &&
    pass "reading entry opens with this month"
text "B1"
keys Enter Enter
wait_for "W101" && wait_for "W102" && wait_for "100.000" && wait_for "8.000" &&
    pass "building B1's meters with their previous readings"
off_screen "another building's meter is not listed" "W201"
on_screen "the meter type by its name" "Water"
text "112.5"
keys Enter
wait_for "Meter W101: reading saved." && pass "Enter saves the first reading"
text "90"
keys Enter
wait_for "Meter W102:" && pass "the cursor moved down; Enter saves the second"
wait_for "112.500" && pass "the first reading shows in its row"
same "both readings saved" "1|$month|100000|112500|12500
2|$month|8000|90000|82000" \
    "$(q "SELECT meter_id, period, previous, reading, usage FROM readings WHERE period = '$month' ORDER BY meter_id")"
on_screen "a usage far over the average is warned about" "average"
keys Up
wait_for "112.500"
keys C-u
text "113"
keys Enter
wait_for "Meter W101: reading saved." && pass "a reading is corrected in place"
same "the correction is saved" "113000|13000" \
    "$(q "SELECT reading, usage FROM readings WHERE meter_id = 1 AND period = '$month'")"
text "9"
keys C-q
wait_for "Quit and lose the changes not saved?" &&
    pass "Ctrl-Q with a reading typed and not saved asks"
keys n
wait_gone "Quit and lose" && keys Escape
wait_for "Leave without saving your changes?" && pass "so does Esc"
keys n
wait_gone "Leave without saving" && keys C-u
text "90.000"
keys Escape
wait_gone "Reading entry" && pass "the saved reading in the input is no change: Esc leaves at once"
keys C-q
tui_exit && same "Ctrl-Q ends the program" 0 "$TUI_RC"
finish
