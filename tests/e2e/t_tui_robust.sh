# wuye terminal test: hostile input, resizing, no colours, a lost terminal.
#
# Control characters and an escape sequence pasted into a field leave no
# garbage; 500 characters into a 32-character field keep 32; invalid
# UTF-8 is dropped and typing goes on.  The grid refills when the window
# grows or shrinks.  With NO_COLOR the selected row is still marked
# (reverse video) and the program works.  SIGHUP with a form open ends the
# program without writing the form (its text is kept as a draft), and
# `wuye check` passes.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "demo data" -- w demo --rooms 120

q() { sqlite3 "$DB" "$1"; }
total=$(q "SELECT count(*) FROM rooms")
code() { q "SELECT code FROM rooms ORDER BY code LIMIT 1 OFFSET $1"; }
first=$(code 0) second=$(code 1) row20=$(code 19) row25=$(code 24)
bcode=$(q "SELECT code FROM buildings ORDER BY code LIMIT 1")
long=$(printf '0123456789%.0s' $(seq 50))	# 500 characters
colour='\[(3[0-7]|4[0-7]|38|48)[;m]'	# an SGR colour in capture-pane -e
# The screen line showing TEXT is in reverse video (SGR 7).
reverse() {
	tmx capture-pane -p -e | grep -F -- "$1" | grep -qE '\[([0-9]+;)*7m'
}

echo "-- NO_COLOR=1"
tui_start 80 24 NO_COLOR=1
tui_login admin demo
wait_for "Welcome, admin." && pass "NO_COLOR: logged in"
keys F10 p r
wait_for "Rooms  $total rows" && pass "NO_COLOR: the rooms grid is open"
tmx capture-pane -p -e >"$T/mono"
if grep -qE "$colour" "$T/mono"; then
	fail "NO_COLOR: no colour on the screen"
	grep -nE "$colour" "$T/mono" | head -n 3 | cat -v
else
	pass "NO_COLOR: no colour on the screen"
fi
if reverse "$first" && ! reverse "$second"; then
	pass "NO_COLOR: the selected row is in reverse video"
else
	fail "NO_COLOR: the selected row is in reverse video"
fi
keys Down
n=0
until reverse "$second" || [ $n -ge 100 ]; do n=$((n + 1)); sleep 0.05; done
if reverse "$second" && ! reverse "$first"; then
	pass "NO_COLOR: Down moves the reverse-video row"
else
	fail "NO_COLOR: Down moves the reverse-video row"
fi
keys Enter
wait_for "Room code $second" && pass "NO_COLOR: Enter opens the room page"
keys Escape
wait_for "Rooms  $total rows" && pass "NO_COLOR: Esc goes back"

keys F2
wait_for "Rooms: new record" && pass "NO_COLOR: a new room form"
text A
keys -H ff fe
text Z
wait_for "Room code* AZ" && pass "invalid UTF-8 is dropped and typing goes on"
off_screen "no replacement character on the screen" "$(printf '\357\277\275')"
off_screen "no Latin-1 reading of the bytes on the screen" "$(printf '\303\277')"

pid=$(tui_pid)
kill -HUP "$pid"
tui_exit 5 && pass "SIGHUP with a form open ends the program (status $TUI_RC)"
same "the unsaved form was not written" 0 "$(q "SELECT count(*) FROM rooms WHERE code LIKE 'A%Z'")"
run 0 "wuye check passes afterwards" -- w --user admin check
same "the typed form is kept as a draft (t_tui_draft)" 1 "$(q "SELECT count(*) FROM drafts")"

echo "-- colours"
tui_start 80 24
tui_login admin demo
wait_for "Welcome, admin." && pass "logged in"
wait_for "Changes kept" && keys d
wait_gone "Changes kept" && pass "the draft is offered, and D discards it"
keys F10 p r
wait_for "Rooms  $total rows" && pass "the rooms grid is open"
same "19 rows fit at 80x24" 19 "$(grid_rows | wc -l | tr -d ' ')"
tmx capture-pane -p -e | grep -F "$first" >"$T/sel"
if grep -qE "$colour" "$T/sel"; then
	pass "with colours the selected row is coloured"
else
	fail "with colours the selected row is coloured"
fi

tmx resize-window -x 100 -y 30
wait_for "$row25" && pass "a taller window shows more rows (to $row25)"
same "25 rows fit at 100x30" 25 "$(grid_rows | wc -l | tr -d ' ')"
same "the key bar is on the new last line" "F1Help" "$(screen | sed -n 30p | cut -c1-6)"
tmx resize-window -x 80 -y 24
wait_gone "$row20" && pass "a smaller window shows fewer rows"
same "19 rows again at 80x24" 19 "$(grid_rows | wc -l | tr -d ' ')"

keys F2
wait_for "Rooms: new record" && pass "a new room form"
text "$long"
wait_for "Room code: at most 32 characters" &&
    pass "500 characters into the 32-character code: the rest is refused"
keys Down
text abc
wait_for "Room name  abc" && pass "typed into the room name"
text "$(printf '\001\033[31mX')"
wait_for "Room name  Xabc" &&
    pass "pasted Ctrl-A moves to the start, the escape sequence is dropped, X is typed"
off_screen "no escape sequence on the screen" "[31m"
off_screen "no control character on the screen" "$(printf '\001')"
off_screen "no ESC on the screen" "$(printf '\033')"
keys Down
text "$bcode"
keys Down Down
text 1
keys Down
text 50
keys Down
text 50
keys C-s
wait_for "Saved." && pass "the room saves"
same "the code is bounded to 32 characters, the name has no garbage" \
    "$(printf '%s' "$long" | cut -c1-32)|Xabc" \
    "$(q "SELECT code, name FROM rooms WHERE code LIKE '0123%'")"
keys C-q
tui_exit && same "Ctrl-Q ends the program" 0 "$TUI_RC"
finish
