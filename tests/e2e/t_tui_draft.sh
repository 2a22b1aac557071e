# wuye terminal test: a dropped connection keeps the form's unsaved changes.
#
# A clerk types a new name into an estate's form and the terminal goes away
# (tmux kill-session: SIGHUP): the program ends, nothing of the form is
# written, the database checks clean, and a draft is kept for the clerk.
# Another user is offered nothing.  At the clerk's next log-in a dialog
# names the form and the record: Esc leaves it for later, Enter opens the
# form with the typed name (still unsaved), which Ctrl-S saves.  A draft of
# a record someone changed since meets the usual version conflict.  A new
# client typed before a kill -HUP is offered as "new record", and D
# discards it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "demo data" -- w demo --rooms 20

q() { sqlite3 "$DB" "$1"; }
first=$(q "SELECT code FROM estates ORDER BY code LIMIT 1")
oldname=$(q "SELECT name FROM estates WHERE code = '$first'")
newname="${oldname}东区"
drafts() { q "SELECT count(*) FROM drafts d JOIN users u ON u.id = d.user_id WHERE u.name = '$1'"; }

# Wait up to 5 s for process $1 to end (gone, or a zombie).
ended() {
	_n=100
	while [ -e "/proc/$1" ] && ! grep -q '^[0-9]* (.*) Z' "/proc/$1/stat" 2>/dev/null; do
		_n=$((_n - 1))
		[ "$_n" -le 0 ] && return 1
		sleep 0.05
	done
}

# Log in as $1 in a new program.
login() {
	tui_start 80 24
	tui_login "$1" demo
	wait_for "Welcome, $1."
}

# Open the first estate's form (from the home screen).
open_estate() {
	keys F10 p e
	wait_for "Estates  " || return 1
	keys Enter
	wait_for "Estates: $first"
}

echo "-- the terminal hangs up with a changed form"
login clerk && open_estate && pass "the clerk opens estate $first"
keys Down
text "$newname"
wait_for "Name* $newname" && wait_for "(changed)" && pass "a new name is typed"
pid=$(tui_pid)
err=$(tui_errfile)
tmx kill-session
if ended "$pid"; then pass "the program ends when the terminal goes"; else
	fail "the program ends when the terminal goes"; kill -9 "$pid"; fi
same "nothing of the form was written" "$oldname|1" \
    "$(q "SELECT name, version FROM estates WHERE code = '$first'")"
same "a draft is kept for the clerk" 1 "$(drafts clerk)"
same "it names the form, the record and its version" "estates|1|Estates: $first" \
    "$(q "SELECT form, record_version, title FROM drafts")"
same "with the typed name" "$newname|$oldname" \
    "$(q "SELECT value, original FROM draft_values WHERE field = 'name'")"
has "the program said so on its way out" "$err" "kept for your next log-in"
run 0 "wuye check passes afterwards" -- w --user admin check
same "the database is intact" ok "$(q "PRAGMA integrity_check")"

echo "-- another user is offered nothing"
login admin && pass "admin logs in"
off_screen "no offer to admin" "Changes kept"
keys C-q
tui_exit && pass "admin leaves"

echo "-- the clerk's next log-in: later, then open"
login clerk
wait_for "Changes kept" && wait_for "Estates: $first" &&
    pass "the clerk is offered the changes to estate $first"
on_screen "the offer says what to press" "Enter open    D discard    Esc later"
on_screen "the key bar is whole" "F1Help"
keys Escape
wait_gone "Changes kept" && pass "Esc decides later"
same "the draft stays" 1 "$(drafts clerk)"
keys C-q
tui_exit
login clerk
wait_for "Changes kept" && pass "offered again at the next log-in"
keys Enter
wait_for "Estates: $first (changed)" && wait_for "Name* $newname" &&
    pass "Enter opens the form with the typed name, still unsaved"
same "the draft is gone once opened" 0 "$(drafts clerk)"
same "still nothing written" "$oldname|1" \
    "$(q "SELECT name, version FROM estates WHERE code = '$first'")"
keys C-s
wait_for "Saved." && pass "Ctrl-S saves it"
same "the typed name is saved" "$newname|2" \
    "$(q "SELECT name, version FROM estates WHERE code = '$first'")"

echo "-- a draft of a record changed since: the version conflict"
open_estate && pass "the clerk opens the estate again"
keys PgDn Up
text 0571-88887777
wait_for "(changed)" && pass "a phone is typed"
pid=$(tui_pid)
kill -HUP "$pid"
tui_exit 5 && pass "kill -HUP ends the program"
same "a draft is kept" 1 "$(drafts clerk)"
q "UPDATE estates SET name = '${oldname}西区', version = version + 1 WHERE code = '$first'"
login clerk
wait_for "Changes kept" && keys Enter
wait_for "Phone  0571-88887777" && pass "the draft opens with the typed phone"
keys C-s
wait_for "Changed by another user" && wait_for "$newname -> ${oldname}西区" &&
    pass "saving meets the version conflict, naming what changed"
same "the other change is not overwritten" "${oldname}西区|3" \
    "$(q "SELECT name, version FROM estates WHERE code = '$first'")"
keys Enter
wait_gone "Changed by another user"
keys C-q
wait_for "Quit and lose the changes not saved?" && keys y
tui_exit && pass "the clerk quits without saving"
same "Ctrl-Q's yes keeps no draft" 0 "$(drafts clerk)"

echo "-- a new record, discarded"
login clerk
keys F10 c n
wait_for "Clients  " && keys F2
wait_for "Clients: new record" && text C901
keys Down
text 草稿测试
wait_for "草稿测试" && pass "a new client is typed"
pid=$(tui_pid)
kill -TERM "$pid"
tui_exit 5 && pass "SIGTERM ends the program too"
same "a draft of the new client is kept" "clients||Clients: new record" \
    "$(q "SELECT form, record_id, title FROM drafts")"
login clerk
wait_for "Changes kept" && wait_for "Clients: new record" &&
    pass "the offer names the new client form"
text d
wait_gone "Changes kept" && wait_for "Discarded the changes to Clients: new record" &&
    pass "D discards it"
same "the draft is gone" 0 "$(drafts clerk)"
same "no client was written" 0 "$(q "SELECT count(*) FROM clients WHERE code = 'C901'")"
keys C-q
tui_exit
login clerk
off_screen "nothing is offered after the discard" "Changes kept"
keys C-q
tui_exit
finish
