# wuye terminal test: the basic flow in English, at 80x24 and at 120x40.
#
# Log-in screen (demo hint, a wrong password), the menu (F10 at 80x24,
# Esc 0 at 120x40), the rooms grid (row count, search by code prefix, Esc
# clears it, End), the room page with its occupants, F1 help with the key
# list, F9 export to a CSV file read back, and Ctrl-Q ending the process.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "demo data with 300 rooms" -- w demo --rooms 300

q() { sqlite3 "$DB" "$1"; }
total=$(q "SELECT count(*) FROM rooms")
last=$(q "SELECT code FROM rooms ORDER BY code DESC LIMIT 1")
prefix=$(printf '%s' "$last" | cut -c1-4)
nprefix=$(q "SELECT count(*) FROM rooms WHERE code LIKE '$prefix%' OR name LIKE '$prefix%'")
lastid=$(q "SELECT id FROM rooms WHERE code = '$last'")
nocc=$(q "SELECT count(*) FROM occupancy WHERE room_id = $lastid")
occ=$(q "SELECT c.code || ' ' || c.name FROM occupancy o JOIN clients c ON c.id = o.client_id
    WHERE o.room_id = $lastid ORDER BY o.start_date LIMIT 1")

flow() {
	cols=$1 rows=$2
	echo "-- at ${cols}x$rows"
	tui_start "$cols" "$rows"
	wait_for "Demo database: log in as admin" &&
	    pass "$cols: the log-in screen names the demo users"
	text admin; keys Enter; text wrong; keys Enter
	wait_for "wrong password for admin" &&
	    pass "$cols: a wrong password says so"
	text demo; keys Enter
	wait_for "Welcome, admin." && pass "$cols: logged in as admin"

	if [ "$cols" = 80 ]; then
		keys F10
		wait_for "Rooms(R)" && pass "$cols: F10 opens the menu"
	else
		keys Escape 0
		wait_for "Rooms(R)" && pass "$cols: Esc 0 opens the menu, as F10"
	fi
	keys p r
	wait_for "Rooms  $total rows" && pass "$cols: Property > Rooms shows $total rows"

	text "$prefix"
	wait_for "Rooms  $nprefix rows" && pass "$cols: typing $prefix leaves $nprefix rows"
	grid_rows >"$T/rows"
	same "$cols: each row shown starts with $prefix" "" \
	    "$(grep -v "^$prefix" "$T/rows")"
	same "$cols: all $nprefix rows are shown" "$nprefix" "$(wc -l <"$T/rows" | tr -d ' ')"
	keys Escape
	wait_for "Rooms  $total rows" && pass "$cols: Esc clears the search"

	keys End
	wait_for "$last" && pass "$cols: End goes to the last room, $last"
	same "$cols: the last row of the window is $last" "$last" \
	    "$(grid_rows | tail -n 1 | cut -d' ' -f1)"
	keys Enter
	wait_for "Room code $last" && pass "$cols: Enter opens the room page"
	wait_for "Occupants, current and past ($nocc)" && wait_for "$occ" &&
	    pass "$cols: the room page lists its $nocc occupants ($occ)"

	keys F1
	wait_for "Keys on this screen" && wait_for "F1, ?, Esc 1" &&
	    wait_for "F2, Esc 2" && keys NPage && wait_for "Esc, ^C" &&
	    pass "$cols: F1 shows the help with the key list (PgDn scrolls it)"
	keys Escape
	wait_gone "Keys on this screen" && wait_for "Room code $last" &&
	    pass "$cols: Esc goes back to the room page"
	keys Escape
	wait_for "Rooms  $total rows" && pass "$cols: Esc goes back to the grid"

	keys F9
	wait_for "Export the list" && wait_for "rooms-" &&
	    pass "$cols: F9 asks for a file, with a name filled in"
	keys C-u
	text "$T/rooms-$cols.csv"
	keys Enter
	csv="$T/rooms-$cols.csv"
	if wait_for "Exported $total rows to $csv"; then
		pass "$cols: the export says how many rows it wrote"
		if [ -f "$csv" ]; then
			pass "$cols: the exported file exists"
		else
			fail "$cols: the exported file exists"
		fi
		# The header (after the byte-order mark) and one line per room.
		same "$cols: the CSV starts with its header" "code,name,building" \
		    "$(head -n 1 "$csv" | sed 's/^\xef\xbb\xbf//' | cut -d, -f1-3)"
		same "$cols: the CSV has $total rows and the header" "$((total + 1))" \
		    "$(wc -l <"$csv" | tr -d ' ')"
		same "$cols: its last row is $last" "$last" "$(tail -n 1 "$csv" | cut -d, -f1)"
	fi

	keys C-q
	tui_exit && same "$cols: Ctrl-Q ends the program with status 0" 0 "$TUI_RC"
}

flow 80 24
flow 120 40
finish
