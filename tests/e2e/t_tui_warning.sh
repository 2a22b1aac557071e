# wuye terminal test: a warning on save in the client form.
#
# An ID number with the right check digit whose birth date is before 1900
# breaks only a plausibility rule.  For admin (client.override) Ctrl-S asks
# "... is before 1900: save anyway?": N keeps the form unsaved, Y saves it.
# A clerk, without the permission, is told the rule and the permission,
# and nothing is saved; a wrong check digit is refused without a question.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "init" -- w init
run 0 "a clerk" -- w --user admin user add clerk1 --role clerk
q() { sqlite3 "$DB" "$1" 2>&1; }
old=110101189905010019

# Open a new client form and fill in code, name, ID type and number.
new_client() {
	keys F10 c n
	wait_for "Clients  " || return 1
	keys F2
	wait_for "Clients: new record" || return 1
	text "$1"
	keys Down
	text "$2"
	keys Down Down Down
	text idcard
	keys Down
	text "$3"
	keys C-s
}

tui_start 100 30
tui_login admin demo
wait_for "Welcome, admin." && pass "admin logged in"
new_client C1 张三 "$old"
wait_for "Please confirm" && wait_for "birth date 1899-05-01 is before" &&
    wait_for "1900: save anyway?" &&
    pass "Ctrl-S asks whether to save despite the warning"
keys n
wait_gone "save anyway?" && wait_for "Clients: new record" &&
    pass "N keeps the form"
same "nothing was saved" 0 "$(q "SELECT count(*) FROM clients")"
keys C-s
wait_for "save anyway?" && pass "Ctrl-S asks again"
keys y
wait_for "Saved." && pass "Y saves it"
same "the client is in the database, the gender from the number" "C1|M|$old" \
    "$(q "SELECT code, gender, id_no FROM clients")"
same "the audit entry names the field warned about" 1 \
    "$(q "SELECT count(*) FROM audit WHERE action = 'insert' AND entity = 'clients' AND detail = 'new; warning accepted: id_no'")"

# A wrong check digit: refused, no question.
new_client C2 李四 110101189905010018
wait_for "check digit is 8, should be 9" &&
    pass "a wrong check digit is refused on save"
off_screen "no question for a wrong check digit" "save anyway?"
keys C-q
wait_for "Quit and lose the changes not saved?" &&
    pass "Ctrl-Q asks first: the form has changes"
keys y
tui_exit && same "Ctrl-Q ends the program" 0 "$TUI_RC"

tui_start 100 30
tui_login clerk1 demo
wait_for "Welcome, clerk1." && pass "clerk logged in"
new_client C3 王五 110101189905010027
wait_for "Not saved" && wait_for "birth date 1899-05-01 is before" &&
    wait_for "only a user allowed to save a record despite a warning may" &&
    pass "the clerk is told the rule and the permission"
off_screen "the clerk is not asked" "save anyway?"
same "nothing was saved for the clerk" 1 "$(q "SELECT count(*) FROM clients")"
keys Enter
wait_gone "Not saved" && wait_for "Clients: new record (changed)" &&
    pass "any key closes the message; the form keeps the text"
keys C-q
wait_for "Quit and lose the changes not saved?" &&
    pass "Ctrl-Q asks first: the form has changes"
keys y
tui_exit && same "Ctrl-Q ends the program" 0 "$TUI_RC"
finish
