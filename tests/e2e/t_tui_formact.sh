# wuye terminal test: a form's row actions ([action.NAME]) offered in the
# record's own form, not only in its list, at 80x24 in English and zh_CN.
#
# An expense opened from Charges > Expenses has F12 on its form's key bar
# and in its F1 help; F12 (or Ctrl-O) lists approve, reject and pay for
# that record; approve changes its state, and the form shows the new state
# at once; Esc back to the list shows it there too.  With a change typed
# and not saved the actions are refused with what to do.  A form without
# actions has no such key.  In zh_CN the form rejects an expense with a
# reason.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "init" -- w init
cat >"$T/expenses.csv" <<CSV
type,amount,payee,requested_on,note
materials,1234.56,HardwareShop,2026-10-03,bulbs
repairs,800.00,LiftCompany,2026-10-08,
CSV
w --user admin import expenses "$T/expenses.csv" >/dev/null 2>"$ERR" || fail "import expenses"
q() { sqlite3 "$DB" "$1"; }
st() { q "SELECT state FROM expenses WHERE payee = '$1'"; }

tui_start 80 24
tui_login admin demo
wait_for "Welcome, admin."
keys F10 h x
wait_for "Expenses  2 rows"
keys Enter
wait_for "Expenses: Materials" && pass "Enter opens the first expense in its form"
on_screen "the form's bar has the actions key" "F12Actions"
keys F1
wait_for "F12, ^O" && pass "F1 help of the form lists the actions key"
on_screen "with what it does in the form" "actions on this record"
keys Escape
wait_gone "F12, ^O"
keys F12
wait_for "Actions on Expenses" && pass "F12 in the form lists the actions of the record"
on_screen "approve is offered" "Approve"
keys Enter
wait_for "Approve: done" && pass "Enter approves the open expense"
same "it is approved" "approved" "$(st HardwareShop)"
on_screen "the form shows the new state" "Approved"
same "approved by the user" "admin" "$(q "SELECT approved_by FROM expenses WHERE payee = 'HardwareShop'")"
keys F12
wait_for "Actions on Expenses"
keys Enter
wait_for "not requested" && pass "approving twice from the form shows the domain's refusal"
keys Escape
wait_for "Expenses  2 rows" && pass "Esc goes back to the list"
keys Right Right Right
wait_for "State"
same "the list shows the new state, reloaded" 1 "$(grid_rows | grep -c 'Appro')"
keys Left Left Left
wait_for "Payee"

keys Down Enter
wait_for "Expenses: Equipment repairs"
keys Down Down
text "x"
wait_for "(changed)"
keys C-o
wait_for "Save your changes first" && pass "actions wait until the changes are saved or dropped"
off_screen "no list of actions" "Actions on"
keys F5
wait_for "Load the record again"
text y
wait_gone "(changed)"
keys C-o
wait_for "Actions on Expenses" && pass "Ctrl-O lists them once the form is as saved"
keys Escape
wait_gone "Actions on"
keys Escape
wait_for "Expenses  2 rows"
keys Escape
wait_gone "Expenses  2 rows"

keys F10 h o
wait_for "Collection actions"
keys F2
wait_for "Collection actions: new record"
off_screen "a form without actions has no actions key" "F12Actions"
keys C-o
off_screen "the key does nothing there" "Actions on"
keys Escape
wait_gone "new record"
keys F10 s q
tui_exit

if locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\{0,1\}8'; then
	TUI_BIN=$(localized_wuye)
	tui_start 80 24 LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8
	tui_login admin demo "用户："
	wait_for "欢迎，admin。"
	keys F10 h x
	wait_for "费用支出"
	keys Down Enter
	wait_for "费用支出: 设备维修" && pass "zh_CN: the expense's form"
	on_screen "zh_CN: the actions key in Chinese" "F12操作"
	keys F12
	wait_for "的操作" && pass "zh_CN: F12 lists the actions"
	keys Down Enter
	wait_for "驳回原因：" && pass "zh_CN: reject asks for the reason"
	text "太贵"
	keys Enter
	wait_for "驳回：已完成" && pass "zh_CN: the form rejects the expense"
	on_screen "zh_CN: the form shows it rejected" "已驳回"
	same "zh_CN: rejected with the reason" "rejected|太贵" \
	    "$(q "SELECT state, note FROM expenses WHERE payee = 'LiftCompany'")"
	keys F10 s q
	tui_exit
else
	fail "the zh_CN.UTF-8 locale is installed (as root: localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)"
fi
finish
