# wuye terminal test: two users edit the same estate at once.
#
# Two programs on one database open the first estate.  The first changes
# the name and saves; the second changes the phone and saves, and is shown
# the conflict with the first one's new name; nothing of the first change
# is overwritten.  F5 then loads the saved record and the second change
# can be made on top of it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "demo data" -- w demo --rooms 60

q() { sqlite3 "$DB" "$1"; }
first=$(q "SELECT code FROM estates ORDER BY code LIMIT 1")
oldname=$(q "SELECT name FROM estates WHERE code = '$first'")
oldphone=$(q "SELECT phone FROM estates WHERE code = '$first'")
newname="${oldname}二期"
newphone=0571-11112222

# Open the first estate's form in a new program.
open_estate() {
	tui_start 80 24
	tui_login admin demo
	wait_for "Welcome, admin." || return 1
	keys F10 p e
	wait_for "Estates  " || return 1
	keys Enter
	wait_for "Estates: $first" && wait_for "Name* $oldname"
}

open_estate && pass "user 1 opens estate $first"
one=$TUI
open_estate && pass "user 2 opens estate $first"
two=$TUI

tui_use "$one"
keys Down
text "$newname"
keys C-s
wait_for "Saved." && pass "user 1 changes the name and saves"
same "the new name is in the database" "$newname|$oldphone|2" \
    "$(q "SELECT name, phone, version FROM estates WHERE code = '$first'")"

tui_use "$two"
keys PgDn Up
text "$newphone"
keys C-s
wait_for "Changed by another user" && pass "user 2's save is refused as a conflict"
wait_for "Name: $oldname -> $newname" &&
    pass "the conflict shows the name user 1 saved"
wait_for "Your text is still on the form" && pass "and says user 2's text is kept"
on_screen "the whole explanation shows (wrapped in the dialog)" "Esc leaves without saving"
same "user 1's change is not overwritten" "$newname|$oldphone|2" \
    "$(q "SELECT name, phone, version FROM estates WHERE code = '$first'")"

keys Enter	# any key closes the message
wait_gone "Changed by another user" && wait_for "Phone  $newphone" &&
    pass "the form still holds user 2's phone"
keys F5
wait_for "Load the record again and lose your changes?" &&
    pass "F5 asks before loading the saved record"
keys y
wait_for "Name* $newname" && wait_for "Phone  $oldphone" &&
    pass "the form now shows user 1's record"
keys PgDn Up
text "$newphone"
keys C-s
wait_for "Saved." && pass "user 2 saves the phone on top of it"
same "both changes are in the database" "$newname|$newphone|3" \
    "$(q "SELECT name, phone, version FROM estates WHERE code = '$first'")"

for t in "$one" "$two"; do
	tui_use "$t"
	keys C-q
	tui_exit && same "the program ends" 0 "$TUI_RC"
done
finish
