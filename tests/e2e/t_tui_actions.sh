# wuye terminal test: row actions of a form ([action.NAME]) in the browse
# grid: Charges > Expenses, F12 (or Ctrl-O) lists approve, reject and pay
# for the selected expense; reject asks for the reason, pay asks first;
# the state changes and the list shows it.  A list whose form has no
# actions has no such key on its bar.
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

tui_start 110 30
tui_login admin demo
wait_for "Welcome, admin."
keys F10 h x
wait_for "Expenses  2 rows" && pass "the list of expenses opens"
on_screen "the bar has the actions key" "F12Actions"
keys F1
wait_for "F12, ^O" && pass "F1 help lists the actions key"
on_screen "with its help line" "actions on the selected record"
keys Escape
wait_gone "F12, ^O"
keys F12
wait_for "Actions on Expenses" && pass "F12 lists the actions of the selected expense"
on_screen "approve is offered" "Approve"
on_screen "reject is offered" "Reject"
on_screen "pay is offered" "Pay"
keys Enter
wait_for "Approve: done" && pass "Enter approves the first expense"
same "it is approved" "approved" "$(st HardwareShop)"
same "the list shows the new state" 1 "$(grid_rows | grep -c 'HardwareShop.*Appro')"
same "approved by the user" "admin" "$(q "SELECT approved_by FROM expenses WHERE payee = 'HardwareShop'")"

keys F12
wait_for "Actions on Expenses"
keys Enter
wait_for "not requested" && pass "approving twice shows the domain's refusal"
same "still approved" "approved" "$(st HardwareShop)"

keys Down C-o
wait_for "Actions on Expenses" && pass "Ctrl-O lists the actions too"
keys Down Enter
wait_for "Reason for the rejection:" && pass "reject asks for the reason"
keys Enter
wait_for "a rejection needs a reason" && pass "an empty reason is refused"
same "still requested" "requested" "$(st LiftCompany)"
keys C-o
wait_for "Actions on Expenses"
keys Down Enter
wait_for "Reason for the rejection:"
text "too dear"
keys Enter
wait_for "Reject: done" && pass "a reason rejects it"
same "rejected with the reason" "rejected|too dear" "$(q "SELECT state, note FROM expenses WHERE payee = 'LiftCompany'")"
same "the list shows it rejected" 1 "$(grid_rows | grep -c 'LiftCompany.*Rejec')"

keys Up F12
wait_for "Actions on Expenses"
keys Down Down Enter
wait_for "are you sure?" && pass "pay asks first"
text n
wait_gone "are you sure?"
same "not paid on no" "approved" "$(st HardwareShop)"
keys Enter
wait_for "are you sure?"
text y
wait_for "Pay: done" && pass "yes pays it"
same "paid today" "paid|$(date +%Y-%m-%d)" "$(q "SELECT state, paid_on FROM expenses WHERE payee = 'HardwareShop'")"
same "the list shows it paid" 1 "$(grid_rows | grep -c 'HardwareShop.*Paid')"
keys Escape
wait_gone "Expenses  2 rows"

keys F10 h o
wait_for "Collection actions  0 rows" && pass "a list without actions opens"
off_screen "its bar has no actions key" "Actions"
keys C-o
off_screen "the key does nothing there" "Actions on"
keys Escape
wait_gone "Collection actions  0 rows"
keys C-q
tui_exit && same "the program ends" 0 "$TUI_RC"
finish
