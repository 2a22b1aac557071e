# wuye terminal test: Charges > Fee standards for a building or an estate;
# the lists of collection actions and expenses in the Charges menu.
# The item typed, the building picked with F3, Ctrl-S gives each of its
# rooms a standard; an unknown code and both a building and an estate are
# refused with a message, and nothing is written.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"
D=$(cd "$(dirname "$0")/data" && pwd)

run 0 "init" -- w init
for k in estates buildings rooms; do
	w --user admin import "$k" "$D/$k.csv" >/dev/null 2>"$ERR" || fail "import $k"
done
w --user admin import fee-items "$D/charges/fee_items.csv" >/dev/null 2>"$ERR" || fail "import fee items"
q() { sqlite3 "$DB" "$1"; }
a1=$(q "SELECT count(*) FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE b.code = 'A1'")

tui_start 100 30
tui_login admin demo
wait_for "Welcome, admin."
keys F10 h
wait_for "Fee standards for a building or an estate(A)" && pass "the Charges menu has the entry"
keys a
wait_for "Fee item (F3 picks):" && wait_for "$(date -u +%Y-%m)" && pass "the dialog opens on this month"
text "NOPE"
keys C-s
wait_for "there is no such code" && pass "an unknown fee item is refused"
keys C-u
text "WY"
keys Down F3
wait_for "Pick: Buildings" && pass "F3 on the building picks from the buildings"
text "A1"
keys Enter
wait_gone "Pick: Buildings"
keys Down
text "JX"
keys C-s
wait_for "give either a building or an estate" && pass "a building and an estate is refused"
same "nothing written yet" 0 "$(q "SELECT count(*) FROM fee_standards")"
keys C-u
keys Down C-u
text "2026-05"
keys C-s
wait_for "$a1 rooms were given WY from 2026-05." && pass "Ctrl-S gives A1's $a1 rooms a standard"
same "the standards are there" "$a1" "$(q "SELECT count(*) FROM fee_standards WHERE start_period = '2026-05'")"
keys Escape
wait_gone "Fee item (F3 picks):"
keys F10 h
wait_for "Collection actions(O)" && wait_for "Expenses(X)" &&
    pass "the Charges menu lists collection actions and expenses"
keys x
wait_for "Expenses  0 rows" && pass "X opens the list of expenses"
keys Escape
keys F10 h o
wait_for "Collection actions  0 rows" && pass "O opens the list of collection actions"
keys Escape
wait_gone "Collection actions  0 rows"
keys C-q
tui_exit && same "the program ends" 0 "$TUI_RC"
finish
