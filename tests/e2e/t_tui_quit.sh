# wuye terminal test: one rule for leaving wuye.
#
# Ctrl-Q leaves wuye from any screen at once when nothing is unsaved, the
# home screen included, and asks "Quit and lose the changes not saved?"
# when a form holds changes: from the form, with the menu open, from the
# menu's System > Quit, and from a dialog over the form.  System > Log out
# asks the same way.  Esc goes back; on the home screen, with nothing to go
# back to, it asks "Leave wuye?".
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "demo data" -- w demo --rooms 40
ASK="Quit and lose the changes not saved?"

# Log in as admin and open a new estate form with a code typed in it.
changed_form() {
	tui_login admin demo
	wait_for "Welcome, admin." || return 1
	keys F10 p e
	wait_for "Estates  " || return 1
	keys F2
	wait_for "Estates: new record" || return 1
	text ZZ9
	wait_for "Estates: new record (changed)"
}

# The home screen: Ctrl-Q at once, Esc asks.
tui_start 80 24
tui_login admin demo
wait_for "Welcome, admin." && pass "logged in"
keys Escape
wait_for "Leave wuye?" && pass "Esc on the home screen asks first"
keys n
wait_gone "Leave wuye?" && tui_alive && pass "N stays"
keys C-q
tui_exit && same "Ctrl-Q on the home screen quits at once" 0 "$TUI_RC"

# A list, and a form without changes: at once.
tui_start 80 24
tui_login admin demo
wait_for "Welcome, admin." && keys F10 p r
wait_for "Rooms  " && pass "the rooms list is open"
keys C-q
tui_exit && same "Ctrl-Q on a list quits at once" 0 "$TUI_RC"
tui_start 80 24
tui_login admin demo
wait_for "Welcome, admin." && keys F10 p e
wait_for "Estates  " && keys F2
wait_for "Estates: new record" && pass "an empty form is open"
keys C-q
tui_exit && same "Ctrl-Q on a form without changes quits at once" 0 "$TUI_RC"

# A changed form: Ctrl-Q asks, N keeps the form, Y quits.
tui_start 80 24
changed_form && pass "a form with changes"
keys C-q
wait_for "$ASK" && pass "Ctrl-Q on a changed form asks"
off_screen "not the home screen's question" "Leave wuye?"
keys n
wait_gone "$ASK" && wait_for "Estates: new record (changed)" &&
    pass "N keeps the form"
# With the menu open (F10, then Ctrl-Q): the same question.
keys F10
wait_for "System(S)" && keys C-q
wait_for "$ASK" && pass "Ctrl-Q with the menu open asks too"
keys n
wait_gone "$ASK" && tui_alive && pass "N keeps the program running"
# The menu's System > Quit: the same question.
keys F10 s q
wait_for "$ASK" && pass "System > Quit asks too"
keys n
wait_gone "$ASK" && wait_for "Estates: new record (changed)" &&
    pass "N keeps the form again"
# Ctrl-Q in Esc's question: the quit question over it.
keys Escape
wait_for "Leave without saving your changes?" && keys C-q
wait_for "$ASK" && pass "Ctrl-Q in a dialog over the form asks"
keys C-q n
wait_gone "$ASK" && wait_for "Leave without saving your changes?" &&
    pass "Ctrl-Q in the quit question adds none; N goes back to Esc's"
keys C-q
wait_for "$ASK" && keys y
tui_exit && same "Y quits" 0 "$TUI_RC"
same "nothing was saved" 0 "$(sqlite3 "$DB" "SELECT count(*) FROM estates WHERE code = 'ZZ9'")"

# System > Log out with a changed form asks; Y logs out.
tui_start 80 24
changed_form && pass "a form with changes, again"
keys F10 s l
wait_for "Log out and lose the changes not saved?" &&
    pass "System > Log out asks first"
keys n
wait_gone "Log out and lose" && wait_for "Estates: new record (changed)" &&
    pass "N keeps the form"
keys F10 s l
wait_for "Log out and lose the changes not saved?" && keys y
wait_for "Password:" && pass "Y logs out"
keys C-q
tui_exit && same "Ctrl-Q on the log-in screen quits at once" 0 "$TUI_RC"

# The cashier: a room looked up is no work; an amount typed is.
room=$(sqlite3 "$DB" "SELECT r.code FROM rooms r JOIN bills b ON b.room_id = r.id
    WHERE b.paid < b.amount ORDER BY r.code LIMIT 1")
tui_start 80 24
tui_login admin demo
wait_for "Welcome, admin." && keys F10 h k
wait_for "Room:" && text "$room" && keys Enter
wait_for "Ticked:" && pass "the cashier shows the room's bills"
keys C-q
tui_exit && same "Ctrl-Q on a room looked up quits at once" 0 "$TUI_RC"
tui_start 80 24
tui_login admin demo
wait_for "Welcome, admin." && keys F10 h k
wait_for "Room:" && text "$room" && keys Enter
wait_for "Ticked:" && text "5" && keys C-q
wait_for "$ASK" && pass "Ctrl-Q with an amount typed in the cashier asks"
keys n
wait_gone "$ASK" && tui_alive && pass "N stays in the cashier"
keys Escape
wait_for "Leave without saving your changes?" && pass "Esc with an amount typed asks too"
keys n
wait_gone "Leave without saving"
keys C-q
wait_for "$ASK" && keys y
tui_exit && same "Y quits" 0 "$TUI_RC"

# The same in Chinese.
TUI_BIN=$(localized_wuye)
tui_start 80 24 LANGUAGE=zh_CN
tui_login admin demo "密码："
wait_for "欢迎" && keys F10 p e
wait_for "小区  " && keys F2
wait_for "新记录" && text ZZ9
wait_for "（已修改）" && keys C-q
wait_for "退出并放弃未保存的修改？" && pass "zh_CN: Ctrl-Q on a changed form asks"
keys n
wait_gone "退出并放弃" && keys Escape
wait_for "不保存修改就离开？" && keys y
wait_gone "新记录" && keys Escape
wait_gone "小区  " && wait_for "欢迎" && keys C-q
tui_exit && same "zh_CN: Ctrl-Q on the home screen quits at once" 0 "$TUI_RC"
finish
