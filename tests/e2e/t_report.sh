#!/bin/sh
# wuye e2e: `wuye report list | show | run` with test definitions from
# tests/e2e/data/reports (user reports in paths.data), every output format,
# the exit status of each bad input, no file left behind on failure, Ctrl-C,
# and the month-end pack read back with tools/xlsx-dump.py.
. "$(dirname "$0")/lib.sh"
DATA=$(cd "$(dirname "$0")/data/reports" && pwd)
DUMP="$(cd "$(dirname "$0")/../.." && pwd)/tools/xlsx-dump.py"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

mkdir -p "$T/good/reports" "$T/bad/reports"
cp "$DATA"/t-*.ini "$DATA"/summary.ini "$T/good/reports/"
cp "$DATA"/bad-*.ini "$T/bad/reports/"
cat >>"$CONF" <<CONF
[paths]
data = $T/good
[print]
command = cat >$T/printed.txt
CONF
sed "s|$T/good|$T/bad|" "$CONF" >"$T/bad.conf"
b() { "$WUYE" --config "$T/bad.conf" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }
# Yuan from fen, as wuye writes them.
yuan() { q "SELECT printf('%d.%02d', ($1) / 100, ($1) % 100)"; }

run 0 "init" -- w init
run 0 "demo" -- w demo --rooms 40 --months 3 --seed 7
P=$(q "SELECT max(period) FROM bills")
E=$(q "SELECT min(code) FROM estates")

# list and show
run 0 "list" -- w --user admin report list
has "list header" "$OUT" "$(printf 'name\tgroup\tsource\ttitle\terror')"
has "a user report" "$OUT" "$(printf 't-items\tcharges\tuser\tTest: bills by fee item\t')"
has "the user's summary overrides the built-in one" "$OUT" "$(printf 'summary\tcharges\tuser\tTest summary')"
lacks "no broken ones here" "$OUT" "Bad"
run 0 "list with malformed reports" -- b --user admin report list
has "bad type listed with its error" "$OUT" "bad-type.ini:7: [col.rate] type: 'percnt' is not one of text, integer"
has "bad column listed with its error" "$OUT" "bad-col.ini:7: [col.b]: the query returns no column 'b'"
has "a writing report listed with its error" "$OUT" "DELETE is not allowed in a report"
run 0 "show" -- w --user admin report show t-items
has "show: title" "$OUT" "t-items: Test: bills by fee item"
has "show: parameter" "$OUT" "$(printf '  period\tperiod\tPeriod\tdefault current\trequired')"
has "show: money column" "$OUT" "$(printf '  receivable\tmoney\tReceivable\tsum')"
has "show: ratio column" "$OUT" "$(printf '  rate\tpercent\tRate\tratio')"
has "show: SQL" "$OUT" "FROM bills b JOIN fee_items"
run 0 "show a drill report" -- w --user admin report show t-rooms
has "drill column hidden" "$OUT" "$(printf '  id\tinteger\tid\t-\thidden')"
sed 's/^\[paths\]$/[ui]\nlanguage = zh\n[paths]/' "$CONF" >"$T/zh.conf"
run 0 "list in Chinese" -- "$WUYE" --config "$T/zh.conf" --db "$DB" --user admin report list
has "Chinese title" "$OUT" "$(printf 't-items\tcharges\tuser\t测试：按收费项目')"
run 0 "run in Chinese" -- "$WUYE" --config "$T/zh.conf" --db "$DB" --user admin report run t-items --param period="$P"
has "Chinese header" "$OUT" "$(printf '小区\t项目\t名称\t笔数\t应收\t实收\t收缴率')"

# run: TSV on standard output
run 0 "run to stdout" -- w --user admin report run t-items --param period="$P"
has "TSV header" "$OUT" "$(printf 'Estate\tItem\tName\tBills\tReceivable\tReceived\tRate')"
ITEMS=$(q "SELECT count(DISTINCT fee_item_id) FROM bills WHERE period = '$P'")
ESTATES=$(q "SELECT count(DISTINCT d.estate_id) FROM bills b JOIN rooms r ON r.id = room_id JOIN buildings d ON d.id = r.building_id WHERE period = '$P'")
same "one line per item and estate, a subtotal per estate, a total" \
    "$((1 + ITEMS + ESTATES + 1))" "$(wc -l <"$OUT" | tr -d ' ')"
has "estate subtotal" "$OUT" "$E subtotal"
TOT=$(printf 'Total\t\t\t%s\t%s\t%s' "$(q "SELECT count(*) FROM bills WHERE period = '$P'")" \
    "$(yuan "(SELECT sum(amount) FROM bills WHERE period = '$P')")" \
    "$(yuan "(SELECT sum(paid) FROM bills WHERE period = '$P')")")
has "total row equals sqlite's sums" "$OUT" "$TOT"
run 0 "run with the default period" -- w --user admin report run summary
has "summary header" "$OUT" "$(printf 'Bills\tReceivable\tReceived')"
run 0 "run one estate" -- w --user admin report run t-items --param period="$P" --param estate="$E"
run 0 "hidden drill column" -- w --user admin report run t-rooms
has "rooms header without the id" "$OUT" "$(printf 'Room\tArea\n')"
same "every room" "$(($(q "SELECT count(*) FROM rooms") + 1))" "$(grep -vc '^Total' "$OUT")"

# every format
run 0 "csv to stdout" -- w --user admin report run t-items --param period="$P" --format csv
has "CSV header" "$OUT" "Estate,Item,Name,Bills,Receivable,Received,Rate"
run 0 "csv file with a BOM" -- w --user admin report run t-items --param period="$P" -o "$T/r.csv" --bom
same "BOM" "efbbbf" "$(head -c 3 "$T/r.csv" | od -An -tx1 | tr -d ' \n')"
has "CSV total" "$T/r.csv" "Total"
run 0 "tsv file" -- w --user admin report run t-items --param period="$P" -o "$T/r.tsv"
has "TSV file" "$T/r.tsv" "$TOT"
run 0 "text file" -- w --user admin report run t-items --param period="$P" -o "$T/r.txt"
has "text title" "$T/r.txt" "Test: bills by fee item"
has "text parameters" "$T/r.txt" "Period: $P"
run 0 "xlsx file" -- w --user admin report run t-items --param period="$P" -o "$T/r.xlsx"
run 0 "xlsx readable" -- "$PY" "$DUMP" "$T/r.xlsx"
has "xlsx sheet" "$OUT" "$(printf 'sheet\tTest_ bills by fee item')"
has "xlsx money format" "$OUT" "#,##0.00"
has "xlsx chart" "$OUT" "$(printf 'chart\tcolumn\tReceived by item')"
run 0 "print" -- w --user admin report run t-items --param period="$P" --print
has "printed through print.command" "$T/printed.txt" "Test: bills by fee item"

# exit statuses, and no file left behind
run 4 "unknown report" -- w --user admin report run nosuch
run 4 "show an unknown report" -- w --user admin report show nosuch
run 3 "bad period" -- w --user admin report run t-items --param period=2026-13 -o "$T/f.csv"
has "names the parameter" "$ERR" "parameter period"
run 3 "unknown estate" -- w --user admin report run t-items --param period="$P" --param estate=NOPE -o "$T/f.csv"
has "names the estate" "$ERR" "parameter estate: there is no estate 'NOPE'"
run 3 "unknown parameter" -- w --user admin report run t-items --param colour=red
run 3 "parameter without a value" -- w --user admin report run t-items --param period
run 2 "no report name" -- w --user admin report run
run 2 "unknown subcommand" -- w --user admin report frob
run 2 "bad format" -- w --user admin report run t-items --format pdf
run 2 "unknown extension" -- w --user admin report run t-items -o "$T/f.pdf"
run 2 "print and -o" -- w --user admin report run t-items --print -o "$T/f.txt"
run 3 "malformed definition" -- b --user admin report run bad-type -o "$T/f.csv"
has "file:line key" "$ERR" "bad-type.ini:7: [col.rate] type"
run 3 "a report that writes" -- b --user admin report run bad-write -o "$T/f.csv"
run 3 "a second statement" -- b --user admin report run bad-second -o "$T/f.csv"
has "refused" "$ERR" "only one statement is allowed"
same "bills untouched" "$(q "SELECT count(*) > 0 FROM bills")" "1"
run 3 "money as REAL" -- b --user admin report run bad-real -o "$T/f.csv"
has "names row and column" "$ERR" "row 1, column 'fee'"
same "no file left after failures" "" "$(ls "$T" | grep '^f\.')"

# Ctrl-C and the time limit
"$WUYE" --config "$CONF" --db "$DB" --user admin report run t-slow -o "$T/slow.csv" >"$OUT" 2>"$ERR" </dev/null &
pid=$!
sleep 1
kill -INT "$pid"
wait "$pid"
same "Ctrl-C stops the run (exit 1)" "1" "$?"
has "says interrupted" "$ERR" "report t-slow: interrupted"
same "no file after Ctrl-C" "" "$(ls "$T" | grep '^slow\.')"
printf '[report]\ntimeout = 1\n' >>"$CONF"
run 1 "time limit" -- w --user admin report run t-slow
has "says why" "$ERR" "stopped after 1 seconds (report.timeout)"

# the month-end pack
run 0 "pack without a file goes into the export folder (t_export_dir)" -- \
    w --user admin report run month-end --param period="$P"
has "and says where" "$OUT" "$HOME/wuye-exports/month-end-"
run 2 "pack to standard output (-o -)" -- w --user admin report run month-end --param period="$P" -o -
run 2 "pack as csv" -- w --user admin report run month-end --param period="$P" -o "$T/p.csv"
run 3 "pack without a period" -- w --user admin report run month-end -o "$T/p.xlsx"
run 3 "pack with another parameter" -- w --user admin report run month-end --param period="$P" --param colour=red -o "$T/p.xlsx"
run 3 "pack with a malformed report around" -- b --user admin report run month-end --param period="$P" -o "$T/p.xlsx"
same "no pack file after failures" "" "$(ls "$T" | grep '^p\.')"
run 0 "pack" -- w --user admin report run month-end --param period="$P" -o "$T/pack.xlsx"
"$PY" "$DUMP" "$T/pack.xlsx" >"$T/pack.txt"
same "the summary is the first sheet" "Test summary" "$(grep '^sheet' "$T/pack.txt" | head -n 1 | cut -f 2)"
has "the test report has its sheet" "$T/pack.txt" "$(printf 'sheet\tTest_ bills by fee item')"
lacks "not the slow one" "$T/pack.txt" "Test_ slow"
# The test report's sheet: its lines up to the next sheet.
awk -F '\t' '/^sheet/ { on = ($2 == "Test_ bills by fee item") } on' "$T/pack.txt" >"$T/items.txt"
has "own title" "$T/items.txt" "$(printf 'A1\tTest: bills by fee item')"
has "own parameters" "$T/items.txt" "Period: $P"
has "header" "$T/items.txt" "$(printf '\tReceivable\tGeneral')"
has "chart in the pack" "$T/items.txt" "$(printf 'chart\tcolumn')"
RECV=$(q "SELECT sum(amount) / 100.0 FROM bills WHERE period = '$P'")
has "total receivable as sqlite sums it" "$T/items.txt" "$(printf '\t%s' "$(q "SELECT CAST(sum(amount) AS REAL) / 100 FROM bills WHERE period = '$P'" | sed 's/\.0$//')")"
same "summary bills" "$(q "SELECT count(*) FROM bills WHERE period = '$P'")" \
    "$(awk -F '\t' '/^sheet/ { n++ } n == 1 && $1 == "A5" { print $2 }' "$T/pack.txt")"
: "$RECV"
finish
