# wuye terminal test: move-in and move-out on the room page.
#
# On a room that never had an occupant, F2 is a move-in: it opens on the
# client field (the first empty required one), so what is typed there
# leaves the room alone; Ctrl-S saves, and the occupants list shows the
# client.  F8 asks, and Y ends the link today.  A second move-in takes the
# client from the picker, which F3 opens on the clients the typed text
# finds; the chosen client shows whole, code and name.  It is not the
# payer, as the first link pays until the end of today.  Editing a link
# saves with the client as shown.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "demo data" -- w demo --rooms 120

q() { sqlite3 "$DB" "$1"; }
today=$(date +%Y-%m-%d)
room=$(q "SELECT code FROM rooms r WHERE NOT EXISTS
    (SELECT 1 FROM occupancy o WHERE o.room_id = r.id) ORDER BY code LIMIT 1")
c1=$(q "SELECT code FROM clients ORDER BY code LIMIT 1")
n1=$(q "SELECT name FROM clients WHERE code = '$c1'")
c2=$(q "SELECT code FROM clients ORDER BY code LIMIT 1 OFFSET 1")
n2=$(q "SELECT name FROM clients WHERE code = '$c2'")
nclients=$(q "SELECT count(*) FROM clients")
links() {
	q "SELECT c.code, o.role, o.start_date, ifnull(o.end_date, '-'), o.payer
	    FROM occupancy o JOIN rooms r ON r.id = o.room_id
	    JOIN clients c ON c.id = o.client_id WHERE r.code = '$room' ORDER BY o.id" |
	    tr '\n' ' '
}
if [ -n "$room" ]; then
	pass "room $room has never had an occupant"
else
	fail "a room without occupants in the demo data"
fi

tui_start 80 24
tui_login admin demo
wait_for "Welcome, admin." && pass "logged in"
keys F10 p r
wait_for "Rooms  " && pass "the rooms grid is open"
text "$room"
wait_for "Rooms  1 row" && keys Enter
wait_for "Room code $room" && wait_for "Occupants, current and past (0)" &&
    pass "the page of room $room shows no occupants"

keys F2
wait_for "Room occupants: new record" && wait_for "Room* $room" &&
    wait_for "From* $today" && pass "F2 opens a move-in for this room, from today"
text "$c1"
wait_for "Client* $c1" && on_screen "the move-in starts on the client: the room stays" "Room* $room"
keys C-s
wait_for "Saved." && wait_for "Occupants, current and past (1)" &&
    wait_for "$c1 $n1" && pass "the saved move-in shows $c1 $n1 among the occupants"
same "the link is in the database" "$c1|owner|$today|-|1 " "$(links)"

keys F8
wait_for "Please confirm" && wait_for "End the link $c1 $n1 / $room" &&
    pass "F8 asks before a move-out"
on_screen "the whole question shows (wrapped in the dialog)" "move-out?"
on_screen "with the date" "today ($today)"
keys y
wait_for "Moved out on $today." && pass "Y moves the client out"
same "the link ends today in the database" "$c1|owner|$today|$today|1 " "$(links)"
keys F8
wait_for "That link has already ended." && pass "an ended link cannot be ended again"

keys F2
wait_for "Room occupants: new record" && pass "a second move-in"
# The first character of the name, typed in the field, then F3.
first=$(printf '%s' "$n2" | cut -c1-3)	# one Chinese character, 3 bytes
nfirst=$(q "SELECT count(*) FROM clients WHERE name LIKE '$first%'")
text "$first"
keys F3
wait_for "Pick: Clients  $nfirst row" && wait_for "Search: $first" &&
    pass "F3 opens the picker on the $nfirst clients whose name starts with $first"
off_screen "not on all $nclients clients" "$nclients rows"
keys BSpace
wait_for "Pick: Clients  $nclients rows" && pass "Backspace in the picker widens the search"
text "$c2"
wait_for "Pick: Clients  1 row" && wait_for "$n2" &&
    pass "typing in the picker searches"
keys Enter
wait_gone "Pick: Clients" && wait_for "Client* $c2 $n2  " &&
    pass "Enter puts the picked client in the field whole: $c2 $n2"
off_screen "the name is not cut" "…"
keys F3
wait_for "Pick: Clients  1 row" && wait_for "Search: $c2" &&
    pass "F3 on a picked client opens the picker on that client"
keys Escape
wait_for "Pick: Clients  $nclients rows" && pass "Esc in the picker clears its search"
keys Escape
wait_gone "Pick: Clients" && wait_for "Client* $c2 $n2" &&
    pass "Esc again leaves the field as it was"
# A choice picker opens on the choices that start with what is typed.
keys Down
text Te
keys F3
wait_for "Role: Te…" && on_screen "the role picker shows Tenant" "Tenant" &&
    off_screen "and not Resident" "Resident"
keys Enter
wait_gone "Role: Te…" && wait_for "Role* Tenant" && pass "the picked role fills the field"
# The first link was the payer until the end of today: this one is not.
keys Down Down Down
text no
keys C-s
wait_for "Saved." && wait_for "Occupants, current and past (2)" && wait_for "$c2 $n2" &&
    pass "the second move-in shows $c2 $n2"
same "both links are in the database" \
    "$c1|owner|$today|$today|1 $c2|tenant|$today|-|0 " "$(links)"

# Editing the link: the client shows as code and name, and saves as such.
keys Down
keys Enter
wait_for "Room occupants: $room" && wait_for "Client* $c2 $n2" &&
    pass "the link opens with its client whole"
# Too narrow for the client: the line below the fields shows it whole.
keys Down
tmx resize-window -x 22 -y 24
keys C-l
wait_for "Room occupants"
if screen | grep -q "^ $c2 $n2"; then pass "a client cut by a narrow screen shows whole below"
else fail "a client cut by a narrow screen shows whole below"; screen; fi
tmx resize-window -x 80 -y 24
keys Up
keys Down Down Down Down Down Down
text "换锁"
keys C-s
wait_for "Saved." && pass "an edited link saves with its client as shown"
same "the note is saved" "换锁" "$(q "SELECT o.note FROM occupancy o JOIN clients c
    ON c.id = o.client_id JOIN rooms r ON r.id = o.room_id
    WHERE c.code = '$c2' AND r.code = '$room'")"

keys C-q
tui_exit && same "Ctrl-Q ends the program" 0 "$TUI_RC"
finish
