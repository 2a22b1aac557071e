# wuye terminal test: a print command that fails or hangs never breaks the
# screen.
#
# The receipt's F9 runs print.command with its output captured: a command
# that writes to stderr (and tries /dev/tty) and exits 3 shows nothing on
# the screen but a dialog naming the command, exit code 3, its stderr and
# where print.command is set; the menu bar and the key bar stay.  A command
# that hangs is stopped after print.timeout, and says so.  On the command
# line `wuye receipt print` reports the same on stderr with exit status 1.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

cp "$CONF" "$T/base.conf"
mkdir -p "$T/bin"
cat >"$T/bin/badlp" <<'EOF2'
cat >/dev/null
{ echo scribble >/dev/tty; } 2>/dev/null
echo 'lp: Error - no default destination available.' >&2
echo 'second line of the error' >&2
exit 3
EOF2
cat >"$T/bin/hanglp" <<'EOF2'
{ echo scribble >/dev/tty; } 2>/dev/null
sleep 60
EOF2
chmod +x "$T/bin/badlp" "$T/bin/hanglp"
export PATH="$T/bin:$PATH"
# The configuration with print.command $1 (and more lines $2).
use_printer() {
	{ cat "$T/base.conf"; printf '[print]\ncommand = %s\n%s' "$1" "${2:-}"; } >"$CONF"
}
use_printer badlp
run 0 "init" -- w init
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950);
INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三');
INSERT INTO occupancy (room_id, client_id, role, start_date, payer) VALUES
	(1, 1, 'owner', '2020-01-01', 1);
INSERT INTO fee_items (id, code, name, method, unit_price) VALUES (1, 'WY', '物业管理费', 'area', 23456);
INSERT INTO bills (id, room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date) VALUES
	(1, 1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15'),
	(2, 1, 1, 1, '2026-10', 89500, 23456, 20993, '2026-10-15');
" || fail "set-up SQL"
q() { sqlite3 "$DB" "$1"; }

# The menu bar (top line), the status line and the key bar (the last
# two) are on the screen, with nothing scrolled: the receipt's frame
# starts on line 2.
bars_whole() {
	screen >"$SCREEN"
	if head -n 1 "$SCREEN" | grep -qF "Property(P)" &&
	    sed -n 2p "$SCREEN" | grep -q "^┌" &&
	    sed -n 23p "$SCREEN" | grep -qF "wuye property management" &&
	    sed -n 24p "$SCREEN" | grep -qE "^(F1Help|EscBack)"; then
		pass "$1"
	else
		fail "$1"
		sed 's/^/  screen| /' "$SCREEN"
	fi
}

tui_start 80 24 PATH=$PATH
tui_login admin demo
wait_for "Welcome, admin." && pass "logged in"
keys F10 h
wait_for "Cashier(K)" && keys k
wait_for "Room:" && text "1-101"
keys Enter
wait_for "张三" && keys C-u
text 100
keys F2
wait_for "Receipt C-admin-000001" && pass "a payment shows its receipt"
keys F9
wait_for "Not printed" && pass "F9 with a failing print command: a dialog"
wait_for "failed with exit code 3: lp: Error" && pass "the dialog gives the exit code"
on_screen "and the command's stderr" "default destination available."
on_screen "and its second line" "second line of the error"
on_screen "and where print.command is set" "[print] section of"
off_screen "no raw wait status" "status 768"
off_screen "nothing the command wrote is on the screen" "scribble"
bars_whole "the menu bar and the key bar stay"
keys Enter
wait_gone "Not printed" && pass "a key closes the dialog"
wait_for "Receipt C-admin-000001" && bars_whole "the receipt and both bars are whole"
same "a failed print is not counted" 0 "$(q "SELECT printed FROM receipts")"
keys C-l
wait_for "Receipt C-admin-000001" && bars_whole "Ctrl-L keeps them"
keys Escape
wait_gone "Receipt C-admin-000001"
keys C-q
tui_exit && same "Ctrl-Q ends the program" 0 "$TUI_RC"

echo "-- a print command that hangs"
use_printer hanglp "timeout = 2
"
tui_start 80 24 PATH=$PATH
tui_login admin demo
wait_for "Welcome, admin." && keys F10 h
wait_for "Cashier(K)" && keys k
wait_for "Room:" && text "1-101"
keys Enter
wait_for "张三" && keys F2
wait_for "Receipt C-admin-000002" && keys F9
wait_for "did not finish in 2 seconds" 10 && wait_for "stopped;" &&
    pass "a hanging print command is stopped after print.timeout"
off_screen "nothing it wrote is on the screen" "scribble"
bars_whole "the bars are whole after it"
if pgrep -f "$T/bin/hanglp" >/dev/null; then fail "the hanging command is gone"; else
	pass "the hanging command is gone"; fi
keys Enter
wait_gone "Not printed"
keys Escape
wait_gone "Receipt C-admin-000002"
keys C-q
tui_exit && same "Ctrl-Q ends the program" 0 "$TUI_RC"

echo "-- the command line"
use_printer badlp
run 1 "receipt print with a failing command: exit status 1" -- \
    w --user admin receipt print C-admin-000001
has "stderr names the command and the exit code" "$ERR" "print command 'badlp' failed with exit code 3"
has "and what it said" "$ERR" "lp: Error - no default destination available. / second line of the error"
has "and where it is set" "$ERR" "[print] section of $CONF"
lacks "nothing on stdout" "$OUT" "scribble"
use_printer hanglp "timeout = 1
"
run 1 "receipt print with a hanging command: exit status 1" -- \
    w --user admin receipt print C-admin-000001
has "stderr says it was stopped" "$ERR" "did not finish in 1 second and was stopped"
finish
