# wuye terminal test: the printer offsets dialog of the cashier screen
# (套打校准).  F9 on the cashier screen opens it with this terminal's
# offsets; typed offsets are checked, F9 saves them and prints the test
# pattern (moved by them), F2 saves and closes; the offsets are stored for
# the terminal and audit-logged.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

printf '[print]\ncommand = cat >%s/printed\n[receipt]\nterminal = desk7\n' "$T" >>"$CONF"
run 0 "init" -- w init
q() { sqlite3 "$DB" "$1"; }

tui_start 100 30
tui_login admin demo
wait_for "Welcome, admin." && pass "logged in"
keys F10 h
wait_for "Cashier(K)" && keys k
wait_for "Room:" && pass "the cashier screen"
on_screen "F9 is on the key bar" "Printer"
keys F9
wait_for "Printer offsets" && wait_for "Terminal: desk7" &&
    pass "F9 opens the dialog for this terminal"
on_screen "no offsets yet" "Lines down (-50..50): 0"
keys C-u
text "x2"
keys Tab C-u
text "-3"
on_screen "only digits and minus are typed" "Lines down (-50..50): 2"
keys F9
wait_for "Test pattern printed with offsets 2, -3." && pass "F9 saves and prints the test pattern"
same "saved for the terminal" "desk7|2|-3" "$(q "SELECT terminal, lines, cols FROM print_offsets")"
# The built-in layout has the number at line 3, column 62: 2 down, 3 left.
same "the pattern is moved" "number...........|" "$(sed -n 5p "$T/printed" | cut -c 59-)"
keys C-u
text "99"
keys F2
wait_for "Offsets go from -50 to 50." && pass "an offset out of range is refused"
on_screen "the dialog stays" "Printer offsets"
keys C-u
text "1"
keys F2
wait_for "Offsets saved for desk7." && pass "F2 saves and closes"
wait_gone "Lines down" && pass "the dialog is closed"
same "the new offsets" "desk7|2|1" "$(q "SELECT terminal, lines, cols FROM print_offsets")"
same "both changes are in the audit log" "2" "$(q "SELECT count(*) FROM audit WHERE action = 'print.calibrate'")"
keys F9
wait_for "Lines down (-50..50): 2" && pass "the dialog shows the stored offsets"
keys Escape
wait_gone "Lines down" && pass "Esc closes it"
keys C-q
tui_exit
same "wuye ends" "0" "$TUI_RC"

finish
