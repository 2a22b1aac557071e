# wuye terminal test: adding a room through the form.
#
# A value the field refuses (too many decimals) is named beside the field
# as the cursor leaves it; a floor the building does not have is refused
# on save, with the message; Esc on a changed form asks first and N keeps
# it; Ctrl-S saves, and the room is in the database.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "demo data" -- w demo --rooms 120

q() { sqlite3 "$DB" "$1"; }
# The building with the fewest floors, and a floor above its top.
bcode=$(q "SELECT code FROM buildings ORDER BY floors, code LIMIT 1")
floors=$(q "SELECT floors FROM buildings WHERE code = '$bcode'")
above=$((floors + 1))
total=$(q "SELECT count(*) FROM rooms")
code=ZZ-TEST-1

tui_start 80 24
tui_login admin demo
wait_for "Welcome, admin." && pass "logged in"
keys F10 p r
wait_for "Rooms  $total rows" && pass "the rooms grid is open"
keys F2
wait_for "Rooms: new record" && wait_for "Room code*" &&
    pass "F2 opens an empty room form"

text "$code"
wait_for "Rooms: new record (changed)" && pass "the title says the form changed"
keys Escape
wait_for "Leave without saving your changes?" &&
    pass "Esc on a changed form asks first"
keys n
wait_gone "Leave without saving" && wait_for "Room code* $code" &&
    pass "N keeps the form and its text"
keys C-q
wait_for "Quit and lose the changes not saved?" &&
    pass "Ctrl-Q on a changed form asks first"
keys n
wait_gone "Quit and lose" && wait_for "Room code* $code" &&
    pass "N to Ctrl-Q keeps the form and its text"
tui_alive && pass "and the program runs on"

keys Down Down
text "$bcode"
keys Down Down
text "$above"
keys Down
text 1.234
keys Down
wait_for "Building area (m²): '1.234' has more than 2 decimals" &&
    pass "a bad area is refused as the cursor leaves it, naming the field"
keys Up
text 80.5
keys Down
wait_gone "has more than 2 decimals" && pass "the corrected area is accepted"
text 78
keys C-s
wait_for "Floor: $above is not a floor of the building (1 to $floors" &&
    pass "floor $above of building $bcode ($floors floors) is refused on save"
same "nothing was saved" 0 "$(q "SELECT count(*) FROM rooms WHERE code = '$code'")"

# Save moved the cursor to the floor field.
keys C-u
text "$floors"
keys C-s
wait_for "Saved." && wait_for "Rooms  $((total + 1)) rows" &&
    pass "Ctrl-S saves and the grid counts the new room"
same "the room is in the database" "$code|$bcode|1|$floors|8050|7800|vacant" \
    "$(q "SELECT r.code, b.code, r.unit, r.floor, r.build_area, r.charge_area, r.state
    FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE r.code = '$code'")"
run 0 "wuye export rooms" -- w --user admin export rooms
has "the export lists the new room" "$OUT" "$code,,$bcode,1,$floors,80.50,78.00,"

keys C-q
tui_exit && same "Ctrl-Q ends the program" 0 "$TUI_RC"
finish
