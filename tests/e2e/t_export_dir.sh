# wuye test: one export folder (export.dir).
#
# By default exports go to ~/wuye-exports, made when first needed: F9 on a
# list with the name it offers writes the file there and the message gives
# the full path; the prompt names the folder (t_tui_reports checks a
# report's F9 does the same).  A configured export.dir (missing, nested) is
# made and used; a full path or ~/ is taken as typed.  On the command line
# an .xlsx export or report without -o, and the month-end pack, go into
# the folder and say where on stdout; CSV still goes to standard output.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "demo data" -- w demo --rooms 20 --months 2
today=$(date +%Y-%m-%d)
total=$(sqlite3 "$DB" "SELECT count(*) FROM rooms")
dir="$HOME/wuye-exports"

echo "-- the command line, default folder"
[ -e "$dir" ] && fail "no export folder before the first export" ||
    pass "no export folder before the first export"
run 0 "export rooms --format xlsx without -o" -- w --user admin export rooms --format xlsx
same "it says where, in full" "exported $total rows to $dir/rooms-$today.xlsx" "$(cat "$OUT")"
[ -s "$dir/rooms-$today.xlsx" ] && pass "the file is in ~/wuye-exports" ||
    fail "the file is in ~/wuye-exports"
same "the folder is private" 700 "$(stat -c %a "$dir")"
run 0 "CSV still goes to standard output" -- w --user admin export rooms
has "the CSV is on stdout" "$OUT" "code,name,building"
run 0 "-o with a bare name is the current folder, as always" -- \
    sh -c "cd '$T' && '$WUYE' --config '$CONF' --db '$DB' --user admin export rooms -o here.csv"
[ -s "$T/here.csv" ] && pass "here.csv is in the current folder" ||
    fail "here.csv is in the current folder"
run 0 "report run --format xlsx without -o" -- \
    w --user admin report run summary --format xlsx
has "it says where" "$OUT" "to $dir/summary-$today.xlsx"
[ -s "$dir/summary-$today.xlsx" ] && pass "the report is in the folder" ||
    fail "the report is in the folder"
period=$(sqlite3 "$DB" "SELECT max(period) FROM bills")
run 0 "the month-end pack without -o" -- w --user admin report run month-end \
    --param period="$period"
has "it says where" "$OUT" "to $dir/month-end-$today.xlsx"

echo "-- a configured folder"
cp "$CONF" "$T/base.conf"
printf '[export]\ndir = %s/exp/desk 1\n' "$T" >>"$CONF"
run 0 "export clients --format xlsx into export.dir" -- \
    w --user admin export clients --format xlsx
same "made with its parents, and said" "$T/exp/desk 1/clients-$today.xlsx" \
    "$(sed 's/^exported [0-9]* rows to //' "$OUT")"
[ -s "$T/exp/desk 1/clients-$today.xlsx" ] && pass "the file is there" ||
    fail "the file is there"
: >"$T/notdir"
cp "$T/base.conf" "$CONF"
printf '[export]\ndir = %s/notdir/x\n' "$T" >>"$CONF"
run 1 "a folder that cannot be made is an error" -- \
    w --user admin export rooms --format xlsx
has "naming it and export.dir" "$ERR" "export.dir"

echo "-- the program: a list"
cp "$T/base.conf" "$CONF"
tui_start 100 30
tui_login admin demo
wait_for "Welcome, admin." && pass "logged in"
keys F10 p r
wait_for "Rooms  $total rows" && keys F9
wait_for "Export the list" && wait_for "in ~/wuye-exports:" &&
    pass "the prompt names the export folder"
on_screen "and offers a bare name" "rooms-$today.xlsx"
keys Enter
wait_for "Exported $total rows to $dir/rooms-$today.xlsx." &&
    pass "the list goes into the folder, the message gives the full path"
keys F9
wait_for "Export the list" && keys C-u
text "~/mine.csv"
keys Enter
wait_for "Exported $total rows to $HOME/mine.csv." && pass "~/ is the home folder"
[ -s "$HOME/mine.csv" ] && pass "mine.csv is in the home folder" ||
    fail "mine.csv is in the home folder"
keys F9
wait_for "Export the list" && keys C-u
text "$T/full.tsv"
keys Enter
wait_for "Exported $total rows to $T/full.tsv." && pass "a full path is taken as typed"
keys C-q
tui_exit
finish
