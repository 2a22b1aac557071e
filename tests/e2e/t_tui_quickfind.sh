# wuye terminal test: quick find (F6), from the home screen and from a grid.
#
# The start of a Chinese name finds clients, and Enter opens the client's
# page;
# Esc there comes back to the finder.  The start of a plate finds the
# vehicle, the start of a room code the room; the finder opens over the
# rooms grid and closes back to it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "demo data" -- w demo --rooms 120

q() { sqlite3 "$DB" "$1"; }
surname=王
wcode=$(q "SELECT code FROM clients WHERE name LIKE '$surname%' ORDER BY code LIMIT 1")
wname=$(q "SELECT name FROM clients WHERE code = '$wcode'")
plate=$(q "SELECT plate FROM vehicles ORDER BY plate LIMIT 1")
pprefix=$(printf '%s\n' "$plate" | sed 's/^\(..\).*/\1/')
room=$(q "SELECT code FROM rooms ORDER BY code DESC LIMIT 1")
total=$(q "SELECT count(*) FROM rooms")
if [ -n "$wcode" ]; then
	pass "a client named $surname…: $wcode $wname"
else
	fail "a client named $surname… in the demo data"
fi

tui_start 80 24
tui_login admin demo
wait_for "Welcome, admin." && pass "logged in"

keys F6
wait_for "Quick find" && wait_for "Room code, client name" &&
    pass "F6 opens quick find on the home screen"
text "$surname"
wait_for "│ Clients" && wait_for "$wcode  $wname" &&
    pass "typing $surname lists the clients named $surname…, $wcode first"
keys Enter
wait_for "Client code $wcode" && wait_for "Rooms, current and past" &&
    pass "Enter opens the page of client $wcode"
keys Escape
wait_gone "Client code $wcode" && wait_for "Quick find" && wait_for "$wcode  $wname" &&
    pass "Esc comes back to the finder and its matches"
keys Escape
wait_gone "Quick find" && wait_for "Welcome, admin." &&
    pass "Esc closes the finder"

keys F10 p r
wait_for "Rooms  $total rows" && pass "the rooms grid is open"
keys F6
wait_for "Quick find" && pass "F6 opens quick find over a grid"
text "$pprefix"
wait_for "│ Vehicles" && wait_for "$plate" &&
    pass "the plate prefix $pprefix finds vehicle $plate"
keys Enter
wait_for "Vehicles: $plate" && pass "Enter opens the vehicle"
keys Escape
wait_gone "Vehicles: $plate" && wait_for "Quick find" && pass "Esc comes back to the finder"
keys C-u
text "$room"
wait_for "│ Rooms" && wait_for "$room" && wait_gone "$plate" &&
    pass "a room code finds room $room"
keys Enter
wait_for "Room code $room" && wait_for "Occupants, current and past" &&
    pass "Enter opens the room page"
keys Escape
wait_for "Quick find" && keys Escape
wait_gone "Quick find" && wait_for "Rooms  $total rows" &&
    pass "the finder closes back to the grid"

keys C-f
wait_for "Quick find" && pass "Ctrl-F opens quick find too"
text 'zzzz'
wait_for "Nothing found." && pass "no match says so"
keys C-q
tui_exit && same "Ctrl-Q ends the program" 0 "$TUI_RC"
finish
