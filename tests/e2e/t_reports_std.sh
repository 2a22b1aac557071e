#!/bin/sh
# wuye e2e: the standard report set (reports/*.ini) on a demo database.
# Every built-in report is listed without an error, shows and runs (TSV)
# with its defaults; the totals of the money reports equal sqlite3's own
# sums of the same figures (and `wuye arrears`, `wuye handover`, `wuye
# expense report` where they reckon the same); the month-end pack has one
# sheet per pack report after the summary, read back with tools/xlsx-dump.py.
. "$(dirname "$0")/lib.sh"
DUMP="$(cd "$(dirname "$0")/../.." && pwd)/tools/xlsx-dump.py"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

q() { sqlite3 "$DB" "$1"; }
# Yuan from fen, as wuye writes them (fen >= 0 or < 0).
yuan() { q "SELECT iif(($1) < 0, '-', '') || printf('%d.%02d', abs($1) / 100, abs($1) % 100)"; }
# Field $2 of the line of $OUT whose first field is $1.
field() { awk -F'\t' -v k="$1" -v f="$2" '$1 == k { print $f; exit }' "$OUT"; }
r() { w --user admin report run "$@"; }

REPORTS="summary receivable-by-item receivable-by-period collection-by-building
collection-by-month received-by-method receipts-by-day receipt-journal
voided-receipts arrears-aging deposits-held prepayment-balances occupancy
client-register parking-register meter-usage meters-unread meter-anomalies
expenses"
PACK="summary receivable-by-item collection-by-building received-by-method
receipts-by-day voided-receipts arrears-aging occupancy meter-usage
meters-unread meter-anomalies expenses"

run 0 "init" -- w init
run 0 "demo with charges" -- w demo --rooms 300 --months 8 --seed 4
# P: the last closed period; C: the current one (open, billed).
P=$(q "SELECT max(period) FROM periods WHERE closed_at IS NOT NULL")
C=$(q "SELECT max(period) FROM bills")
same "the demo has a closed and an open period" "1" \
    "$(q "SELECT '$P' < '$C' AND '$P' <> ''")"

# listed, no errors, shown, run with the defaults
run 0 "list" -- w --user admin report list
cp "$OUT" "$T/list"
for n in $REPORTS; do
	same "$n: listed, built in, no error" "builtin|" "$(awk -F'\t' -v n="$n" \
	    '$1 == n { print $3 "|" $5 }' "$T/list")"
done
same "no other built-in report" "$(echo $REPORTS | wc -w)" \
    "$(awk -F'\t' '$3 == "builtin"' "$T/list" | wc -l | tr -d ' ')"
for n in $REPORTS; do
	run 0 "$n: show" -- w --user admin report show "$n"
	has "$n: show names it" "$OUT" "$n: "
	run 0 "$n: run with the defaults" -- r "$n"
	same "$n: a header line" "1" "$(head -n 1 "$OUT" | grep -c "	")"
done

# charges, period P: against the bills table
run 0 "receivable-by-item" -- r receivable-by-item --param period="$P"
same "by item: receivable" "$(yuan "(SELECT sum(amount) FROM bills WHERE period = '$P')")" "$(field Total 4)"
same "by item: waived" "$(yuan "(SELECT sum(waived) FROM bills WHERE period = '$P')")" "$(field Total 5)"
same "by item: received" "$(yuan "(SELECT sum(paid) FROM bills WHERE period = '$P')")" "$(field Total 7)"
same "by item: outstanding" "$(yuan "(SELECT sum(amount - paid - waived) FROM bills WHERE period = '$P')")" "$(field Total 8)"
same "by item: bills" "$(q "SELECT count(*) FROM bills WHERE period = '$P'")" "$(field Total 3)"
same "by item: one row per item" "$(q "SELECT count(DISTINCT fee_item_id) FROM bills WHERE period = '$P'")" \
    "$(($(wc -l <"$OUT") - 2))"
E=$(q "SELECT min(code) FROM estates")
run 0 "receivable-by-item of one estate" -- r receivable-by-item --param period="$P" --param estate="$E"
same "by item, one estate: receivable" "$(yuan "(SELECT sum(b.amount) FROM bills b JOIN rooms r ON r.id = b.room_id JOIN buildings d ON d.id = r.building_id JOIN estates x ON x.id = d.estate_id WHERE b.period = '$P' AND x.code = '$E')")" "$(field Total 4)"

run 0 "summary" -- r summary --param period="$P"
same "summary: rooms" "$(q "SELECT count(*) FROM rooms")" "$(field Total 3)"
same "summary: vacant" "$(q "SELECT count(*) FROM rooms WHERE state = 'vacant'")" "$(field Total 5)"
same "summary: receivable" "$(yuan "(SELECT sum(amount) FROM bills WHERE period = '$P')")" "$(field Total 6)"
same "summary: received" "$(yuan "(SELECT sum(paid) FROM bills WHERE period = '$P')")" "$(field Total 9)"
same "summary: outstanding" "$(yuan "(SELECT sum(amount - paid - waived) FROM bills WHERE period = '$P')")" "$(field Total 10)"
same "summary: rate" "$(q "SELECT printf('%.2f%%', ((sum(paid) * 10000 + sum(amount - waived) / 2) / sum(amount - waived)) / 100.0) FROM bills WHERE period = '$P'")" "$(field Total 11)"
same "summary: receipts" "$(q "SELECT count(*) FROM receipts WHERE period = '$P'")" "$(field Total 12)"

run 0 "collection-by-building" -- r collection-by-building --param period="$P"
same "by building: received" "$(yuan "(SELECT sum(paid) FROM bills WHERE period = '$P')")" "$(field Total 7)"
same "by building: rate beside received" "$(q "SELECT printf('%.2f%%', ((sum(paid) * 10000 + sum(amount - waived) / 2) / sum(amount - waived)) / 100.0) FROM bills WHERE period = '$P'")" "$(field Total 8)"
has "by building: a subtotal per estate" "$OUT" "$E subtotal"

run 0 "receivable-by-period" -- r receivable-by-period --param from="$P" --param to="$C"
same "by period: receivable" "$(yuan "(SELECT sum(amount) FROM bills WHERE period BETWEEN '$P' AND '$C')")" "$(field Total 5)"
has "by period: a subtotal per period" "$OUT" "$C subtotal"
run 0 "collection-by-month" -- r collection-by-month --param from="$P" --param to="$C"
same "by month: outstanding" "$(yuan "(SELECT sum(amount - paid - waived) FROM bills WHERE period BETWEEN '$P' AND '$C')")" "$(field Total 8)"
same "by month: two periods" "2" "$(($(wc -l <"$OUT") - 2))"

# receipts, period C (it has the voids and refunds): against receipts and
# the cashier's hand-over
NET="(SELECT sum(iif(kind IN ('deposit_refund', 'refund'), -amount, amount)) FROM receipts WHERE period = '$C' AND voided_at IS NULL)"
run 0 "received-by-method" -- r received-by-method --param period="$C"
same "by method: net" "$(yuan "$NET")" "$(field Total 7)"
same "by method: receipts" "$(q "SELECT count(*) FROM receipts WHERE period = '$C' AND voided_at IS NULL")" "$(field Total 3)"
same "by method: cash" "$(yuan "(SELECT sum(amount) FROM receipts WHERE period = '$C' AND voided_at IS NULL AND method = 'cash')")" "$(field cash 7)"
run 0 "receipts-by-day" -- r receipts-by-day --param period="$C"
same "by day: total" "$(yuan "$NET")" "$(field Total 10)"
same "by day: voids" "$(q "SELECT count(*) FROM receipts WHERE period = '$C' AND voided_at IS NOT NULL")" "$(field Total 12)"
run 0 "voided-receipts" -- r voided-receipts --param period="$C"
same "voids and refunds: rows" "$(q "SELECT count(*) FROM receipts WHERE period = '$C' AND (voided_at IS NOT NULL OR kind IN ('deposit_refund', 'refund'))")" \
    "$(($(wc -l <"$OUT") - 2))"
same "voids: amount" "$(yuan "(SELECT sum(amount) FROM receipts WHERE period = '$C' AND voided_at IS NOT NULL)")" "$(field Total 7)"
D=$(q "SELECT date FROM receipts WHERE voided_at IS NOT NULL ORDER BY date DESC LIMIT 1")
U=$(q "SELECT cashier FROM receipts WHERE date = '$D' AND voided_at IS NOT NULL LIMIT 1")
run 0 "receipt-journal" -- r receipt-journal --param date="$D" --param cashier="$U"
cp "$OUT" "$T/journal"
run 0 "hand-over of the same day" -- w --user admin handover --date "$D" --cashier "$U"
same "journal: live total as the hand-over" "$(awk -F'\t' '$1 == "total" { print $3 }' "$OUT")" \
    "$(awk -F'\t' '$1 == "Total" { print $7 }' "$T/journal")"
same "journal: voided as the hand-over" "$(awk -F'\t' '$1 == "void" { print $3 }' "$OUT")" \
    "$(awk -F'\t' '$1 == "Total" { print $8 }' "$T/journal")"
has "journal: a voided receipt shown" "$T/journal" "	Void	"
lacks "journal: states by their names, not codes" "$T/journal" "	live	"
has "journal: subtotal of the cashier" "$T/journal" "$U subtotal"

# arrears: as `wuye arrears` on the same day (period C ends after today)
run 0 "arrears-aging" -- r arrears-aging --param period="$C"
cp "$OUT" "$T/aging"
run 0 "wuye arrears" -- w --user admin arrears
same "aging: rooms" "$(field total 2)" "$(($(wc -l <"$T/aging") - 2))"
same "aging: outstanding" "$(field total 5)" "$(awk -F'\t' '$1 == "Total" { print $12 }' "$T/aging")"
same "aging: late fees" "$(field total 6)" "$(awk -F'\t' '$1 == "Total" { print $13 }' "$T/aging")"
same "aging: 31-90 days" "$(field total 10)" "$(awk -F'\t' '$1 == "Total" { print $8 }' "$T/aging")"
same "aging: over 365 days" "$(field total 13)" "$(awk -F'\t' '$1 == "Total" { print $11 }' "$T/aging")"
DE=$(q "SELECT date(min(date('$P-01', '+1 month', '-1 day'), date('now', 'localtime')))")
run 0 "arrears-aging of P" -- r arrears-aging --param period="$P"
cp "$OUT" "$T/aging"
run 0 "wuye arrears on P's last day" -- w --user admin arrears --date "$DE"
same "aging of P: outstanding" "$(field total 5)" "$(awk -F'\t' '$1 == "Total" { print $12 }' "$T/aging")"
same "aging of P: late fees" "$(field total 6)" "$(awk -F'\t' '$1 == "Total" { print $13 }' "$T/aging")"

# held now
run 0 "deposits-held" -- r deposits-held
same "deposits held" "$(yuan "(SELECT ifnull(sum(d.amount), 0) FROM deposits d JOIN receipts t ON t.id = d.taken_receipt_id LEFT JOIN receipts f ON f.id = d.refund_receipt_id WHERE t.voided_at IS NULL AND (f.id IS NULL OR f.voided_at IS NOT NULL))")" "$(field Total 7)"
run 0 "prepayment-balances" -- r prepayment-balances
same "prepayment balances" "$(yuan "(SELECT sum(amount) FROM prepayments)")" "$(field Total 7)"
same "prepayment: one row per client" "$(q "SELECT count(*) FROM (SELECT client_id FROM prepayments GROUP BY client_id HAVING sum(amount) <> 0)")" \
    "$(($(wc -l <"$OUT") - 2))"

# property, clients, parking
run 0 "occupancy" -- r occupancy
same "occupancy: rooms" "$(q "SELECT count(*) FROM rooms")" "$(field Total 4)"
same "occupancy: let" "$(q "SELECT count(*) FROM rooms WHERE state = 'rented'")" "$(field Total 7)"
run 0 "client-register" -- r client-register
same "client register: every client" "$(q "SELECT count(*) FROM clients")" "$(($(wc -l <"$OUT") - 2))"
run 0 "parking-register, every space" -- r parking-register --param days=
same "parking: every space" "$(q "SELECT count(*) FROM parking_spaces")" "$(($(wc -l <"$OUT") - 2))"
run 0 "parking-register, 30 days" -- r parking-register
same "parking: ending within 30 days" "$(q "SELECT count(*) FROM parking_spaces WHERE contract_end <= date('now', 'localtime', '+30 days')")" \
    "$(($(wc -l <"$OUT") - 2))"

# meters: usage of P; an anomaly made in the open period C
run 0 "meter-usage" -- r meter-usage --param period="$P"
same "meter usage: readings" "$(q "SELECT count(*) FROM readings WHERE period = '$P'")" "$(field Total 6)"
M=$(q "SELECT m.id FROM meters m JOIN readings g ON g.meter_id = m.id WHERE m.room_id IS NOT NULL AND g.period = '$C' AND g.usage > 0 ORDER BY m.code LIMIT 1")
MC=$(q "SELECT code FROM meters WHERE id = $M")
q "UPDATE readings SET usage = usage * 10 + 100000, reading = previous + usage * 10 + 100000 WHERE meter_id = $M AND period = '$C'"
run 0 "meter-anomalies" -- r meter-anomalies --param period="$C"
has "anomaly: the meter listed" "$OUT" "$MC	"
has "anomaly: why" "$OUT" "over 3 times the average"

# expenses: as `wuye expense report`
cat >"$T/expenses.csv" <<CSV
type,amount,payee,requested_on
salary,52000.00,保安队,$P-03
materials,1234.56,五金店,$P-05
materials,800.00,电梯公司,$P-28
other,300.00,供电局,$C-01
CSV
run 0 "import expenses" -- w --user admin import expenses "$T/expenses.csv"
e1=$(sqlite3 "$DB" "SELECT id FROM expenses WHERE payee = '保安队'")
e3=$(sqlite3 "$DB" "SELECT id FROM expenses WHERE payee = '电梯公司'")
run 0 "approve one" -- w --user admin expense approve "$e1" --date "$P-04"
run 0 "reject one" -- w --user admin expense reject "$e3" --reason 贵 --date "$P-28"
run 0 "expenses" -- r expenses --param period="$P"
cp "$OUT" "$T/exp"
run 0 "expense report" -- w --user admin expense report --from "$P" --to "$P"
same "expenses: requested" "$(awk -F'\t' 'NR > 1 { s += $5 * 100 } END { printf "%.2f", s / 100 }' "$OUT")" \
    "$(awk -F'\t' '$1 == "Total" { print $4 }' "$T/exp")"
same "expenses: approved" "$(awk -F'\t' 'NR > 1 { s += $6 * 100 } END { printf "%.2f", s / 100 }' "$OUT")" \
    "$(awk -F'\t' '$1 == "Total" { print $7 }' "$T/exp")"
same "expenses: rejected" "800.00" "$(awk -F'\t' '$1 == "Total" { print $6 }' "$T/exp")"

# in Chinese
sed 's/^\[backup\]$/[ui]\nlanguage = zh\n[backup]/' "$CONF" >"$T/zh.conf"
run 0 "summary in Chinese" -- "$WUYE" --config "$T/zh.conf" --db "$DB" --user admin report run summary --param period="$P"
has "Chinese header" "$OUT" "$(printf '小区\t小区名称\t房间数')"

# a cashier runs the charges reports
WUYE_NEW_PASSWORD=cashpw run 0 "add a cashier" -- w --user admin user add wang --role cashier
WUYE_PASSWORD=cashpw run 0 "a cashier runs the aging" -- w --user wang report run arrears-aging
WUYE_PASSWORD=cashpw run 0 "and the day's journal" -- w --user wang report run receipt-journal

# the month-end pack: the summary sheet, then one per pack report by order
run 0 "month-end pack" -- w --user admin report run month-end --param period="$P" -o "$T/pack.xlsx"
if "$PY" "$DUMP" "$T/pack.xlsx" >"$T/pack.txt" 2>"$ERR"; then
	pass "pack read back"
else
	fail "pack read back"
fi
want=""
for n in $PACK; do
	t=$(w --user admin report show "$n" | sed -n '1s/^[^:]*: //p' | cut -c1-31 | sed 's/ *$//')
	want="$want$t|"
done
same "pack: the summary, then each pack report by order" "$want" \
    "$(awk -F'\t' '$1 == "sheet" { printf "%s|", $2 }' "$T/pack.txt")"
same "pack: a chart for receivable by item" "1" \
    "$(awk -F'\t' '$1 == "sheet" { s = $2 } $1 == "chart" && s ~ /^Receivable and received/ { n++ } END { print n + 0 }' "$T/pack.txt")"
finish
