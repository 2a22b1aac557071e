# wuye e2e: `wuye notice charge|collection` (收费通知单, 催缴通知单): every
# output form, selection, the figures against the text and `wuye arrears`,
# GB18030 printing, and bad input.
. "$(dirname "$0")/lib.sh"

sq() { sqlite3 "$DB" "$1"; }
printf '[company]\nname = 幸福物业\n[print]\ncommand = cat >>%s/printed\nencoding = GB18030\n' "$T" >>"$CONF"

run 0 "init" -- w init
# The unit tests' fixture (tests/unit/test_notice.c), worked by hand: on
# 2026-11-20 room 1-101 owes 209.93 of 2026-11, 451.93 carried from
# 2026-09 and 2026-10, 18.75 late fees (one capped), has 50.00 prepaid:
# 630.61; 1-102 211.10; 2-101 30.00 + 1.50; 3-101 is paid up.
sq "
INSERT INTO estates (id, code, name, phone, address) VALUES
	(1, 'E1', '阳光花园', '0755-12345678', '南山区阳光路1号'), (2, 'E2', '翠湖苑', '', '');
INSERT INTO buildings (id, code, estate_id, name) VALUES
	(1, 'B1', 1, '1号楼'), (2, 'B2', 1, '2号楼'), (3, 'B3', 2, '3号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950), (2, '1-102', 1, 1, 9000, 9000), (3, '2-101', 2, 1, 9000, 9000),
	(4, '3-101', 3, 1, 5000, 5000), (5, '1-103', 1, 1, 5000, 5000);
INSERT INTO clients (id, code, name, mobile) VALUES
	(1, 'C1', '欧阳娜娜', '13800138000'), (2, 'C2', '李四', '13900139000');
INSERT INTO fee_items (id, code, name, method, meter_type, unit_price, late_rate, late_cap) VALUES
	(1, 'WY', '物业管理费', 'area', NULL, 23456, 1000, 500),
	(2, 'SF', '水费', 'metered', 'water', 35000, 0, 0);
INSERT INTO bills (id, room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date, paid) VALUES
	(1, 1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15', 0),
	(2, 1, 1, 2, '2026-09', 12000, 35000, 4200, '2026-09-15', 0),
	(3, 1, 1, 1, '2026-10', 89500, 23456, 20993, '2026-10-15', 993),
	(4, 1, 1, 1, '2026-11', 89500, 23456, 20993, '2026-11-15', 0),
	(5, 1, 1, 2, '2026-11', 10000, 35000, 3500, '2026-11-15', 3500),
	(6, 2, 2, 1, '2026-11', 90000, 23456, 21110, '2026-11-25', 0),
	(7, 3, NULL, 1, '2026-08', 1000, 300000, 3000, '2026-08-15', 0),
	(8, 4, 2, 1, '2026-11', 1000, 500000, 5000, '2026-11-15', 5000),
	(9, 1, 1, 1, '2026-12', 89500, 23456, 20993, '2026-12-15', 0);
INSERT INTO prepayments (client_id, amount, date, period) VALUES (1, 5000, '2026-11-01', '2026-11');
" || fail "set-up SQL"
ON="--date 2026-11-20"

# Charge notices on stdout.
run 0 "charge notices of 2026-11" -- w --user admin notice charge 2026-11 $ON
cp "$OUT" "$T/charge.txt"
same "four notices, a form feed between each" 3 "$(tr -cd '\f' <"$OUT" | wc -c)"
has "company line" "$OUT" "幸福物业"
has "title with the period" "$OUT" "收费通知单  2026-11"
has "CJK payer" "$OUT" "业主: 欧阳娜娜"
has "the period's bill, columns by display width" "$OUT" "物业管理费              89.500      2.3456       209.93        0.00       209.93"
has "arrears carried by period" "$OUT" "2026-09  物业管理费、水费                                 251.93          10.50"
has "late fees to the date" "$OUT" "滞纳金(截至2026-11-20): 18.75"
has "prepayment" "$OUT" "预存余额: 50.00"
has "total due" "$OUT" "应缴合计: 630.61"
has "total in capitals" "$OUT" "大写: 人民币陆佰叁拾元零陆角壹分"
has "how to pay" "$OUT" "缴费方式"
lacks "a later period is not on a charge notice" "$OUT" "2026-12-15"
same "no line wider than 80 columns" 0 "$(tr -d '\f' <"$OUT" | python3 -c '
import sys, unicodedata
print(sum(1 for l in sys.stdin if sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l.rstrip("\n")) > 80))')"
same "rooms in code order" "1-101 1-102 2-101 3-101" \
    "$(sed -n 's/^房间: \([^ ]*\) .*/\1/p' "$OUT" | tr '\n' ' ' | sed 's/ $//')"

# The table form has the figures of the text.
run 0 "charge notices as CSV" -- w --user admin notice charge 2026-11 $ON -o "$T/charge.csv"
has "says how many" "$OUT" "4 notices written to $T/charge.csv"
same "CSV header" "room,client,phone,period,periods,bills,current,carried,late_fee,prepay,total,due" \
    "$(head -n 1 "$T/charge.csv" | tr -d '\357\273\277\r')"
same "CSV row of 1-101" "1-101,欧阳娜娜,13800138000,2026-11,2026-09 2026-10 2026-11,5,209.93,451.93,18.75,50.00,630.61,2026-11-15" \
    "$(grep '^1-101' "$T/charge.csv" | tr -d '\r')"
same "the text's totals are the table's" \
    "$(sed -n 's/^应缴合计: \([0-9.]*\).*/\1/p' "$T/charge.txt" | tr '\n' ' ')" \
    "$(tail -n +2 "$T/charge.csv" | cut -d, -f11 | tr -d '\r' | tr '\n' ' ')"
same "the text's arrears are the table's" \
    "$(sed -n 's/.*往期欠费: \([0-9.]*\).*/\1/p' "$T/charge.txt" | tr '\n' ' ')" \
    "$(tail -n +2 "$T/charge.csv" | cut -d, -f8 | tr -d '\r' | tr '\n' ' ')"
run 0 "charge notices as TSV" -- w --user admin notice charge 2026-11 $ON -o "$T/charge.tsv"
same "TSV row of 2-101" "2-101			2026-11	2026-08	1	0.00	30.00	1.50	0.00	31.50	2026-11-20" \
    "$(grep '^2-101' "$T/charge.tsv")"
run 0 "charge notices as text file" -- w --user admin notice charge 2026-11 $ON -o "$T/charge2.txt"
same "the file is what stdout shows" "$(cat "$T/charge.txt")" "$(cat "$T/charge2.txt")"
run 0 "charge notices as .xlsx" -- w --user admin notice charge 2026-11 $ON -o "$T/charge.xlsx"
if python3 -c 'import openpyxl' 2>/dev/null; then
	same "xlsx: 1-101's total is a number" "630.61" "$(python3 -c '
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1]).active
for r in ws.iter_rows(values_only=True):
    if r and r[0] == "1-101":
        print("%.2f" % [c for c in r if isinstance(c, (int, float))][-1])' "$T/charge.xlsx")"
else
	echo "SKIP $NAME: python3-openpyxl is missing: .xlsx not read back"
fi

# Selection by codes.
run 0 "one estate" -- w --user admin notice charge 2026-11 $ON --estate E2
same "only 3-101" "3-101" "$(sed -n 's/^房间: \([^ ]*\) .*/\1/p' "$OUT")"
has "paid up: 0.00 due" "$OUT" "应缴合计: 0.00"
run 0 "one building" -- w --user admin notice charge 2026-11 $ON --building B1 -o "$T/b1.csv"
same "rooms of B1 with bills" "1-101 1-102" "$(tail -n +2 "$T/b1.csv" | cut -d, -f1 | tr -d '\r' | tr '\n' ' ' | sed 's/ $//')"
run 0 "one room" -- w --user admin notice charge 2026-11 $ON --room 1-102
same "no form feed for one notice" 0 "$(tr -cd '\f' <"$OUT" | wc -c)"
run 0 "a room with nothing billed" -- w --user admin notice charge 2026-11 $ON --room 1-103
same "prints nothing" "" "$(cat "$OUT")"

# Collection notices, against `wuye arrears`.
run 0 "collection notices" -- w --user admin notice collection $ON
cp "$OUT" "$T/coll.txt"
has "title" "$OUT" "催缴通知单"
has "default pay-by: 15 days on" "$OUT" "请于2026-12-05前缴清"
has "bill with days overdue and capped late fee" "$OUT" "2026-09  物业管理费           2026-09-15       66         209.93          10.50"
has "total after prepayment" "$OUT" "应缴合计: 630.61"
run 0 "collection notices as CSV" -- w --user admin notice collection $ON -o "$T/coll.csv"
run 0 "arrears on the same date" -- w --user admin arrears $ON
same "outstanding as in wuye arrears" "$(awk -F'\t' '$1 == "total" { print $5 }' "$OUT")" \
    "$(tail -n +2 "$T/coll.csv" | awk -F, '{ s += $6 * 100 } END { printf "%.2f", s / 100 }')"
same "late fees as in wuye arrears" "$(awk -F'\t' '$1 == "total" { print $6 }' "$OUT")" \
    "$(tail -n +2 "$T/coll.csv" | awk -F, '{ s += $7 * 100 } END { printf "%.2f", s / 100 }')"
same "the text's totals are the table's" \
    "$(sed -n 's/.*应缴合计: \([0-9.]*\).*/\1/p' "$T/coll.txt" | tr '\n' ' ')" \
    "$(tail -n +2 "$T/coll.csv" | cut -d, -f9 | tr -d '\r' | tr '\n' ' ')"
run 0 "at least 70 days past due, pay by a date" -- w --user admin notice collection $ON --min-days 70 --by 2026-12-31
same "only 2-101" "2-101" "$(sed -n 's/^房间: \([^ ]*\) .*/\1/p' "$OUT")"
has "the pay-by date" "$OUT" "缴清期限: 2026-12-31"

# Printing: one run of print.command, in GB18030.
rm -f "$T/printed"
run 0 "print charge notices" -- w --user admin notice charge 2026-11 $ON --print
has "says how many" "$OUT" "4 notices printed"
same "printed in GB18030: the same text" "$(cat "$T/charge.txt")" "$(iconv -f GB18030 -t UTF-8 "$T/printed")"
printf '[print]\ncommand = exit 7\n' >>"$CONF"
run 1 "a failing print command" -- w --user admin notice collection $ON --print
has "names the command" "$ERR" "exit 7"

# Bad input: exit statuses, the option named, nothing written.
run 2 "no kind" -- w --user admin notice
run 2 "unknown kind" -- w --user admin notice reminder
run 2 "charge without a period" -- w --user admin notice charge
run 3 "bad period" -- w --user admin notice charge 2026-13
has "names the period" "$ERR" "period: '2026-13'"
run 3 "bad date" -- w --user admin notice charge 2026-11 --date 2026-02-30
has "names --date" "$ERR" "--date"
run 3 "unknown estate" -- w --user admin notice charge 2026-11 --estate NOPE -o "$T/bad.csv"
has "names --estate" "$ERR" "--estate: there is no estate 'NOPE'"
same "no file written" "" "$(ls "$T" | grep bad)"
run 3 "unknown building" -- w --user admin notice collection --building NOPE
has "names --building" "$ERR" "--building"
run 3 "unknown room" -- w --user admin notice collection --room NOPE
has "names --room" "$ERR" "--room"
run 3 "pay-by before the date" -- w --user admin notice collection $ON --by 2026-11-01
has "names --by" "$ERR" "--by: 2026-11-01"
run 3 "bad pay-by" -- w --user admin notice collection --by soon
has "names --by" "$ERR" "--by"
run 3 "bad --min-days" -- w --user admin notice collection --min-days abc
has "names --min-days" "$ERR" "--min-days: 'abc'"
run 3 "unknown output format" -- w --user admin notice charge 2026-11 -o "$T/n.doc"
has "names -o" "$ERR" "-o: "
run 2 "--min-days is for collection" -- w --user admin notice charge 2026-11 --min-days 3
run 2 "--print and -o" -- w --user admin notice charge 2026-11 --print -o "$T/x.txt"
run 2 "unknown option" -- w --user admin notice charge 2026-11 --colour red
run 2 "extra argument" -- w --user admin notice charge 2026-11 extra
run 0 "an engineer" -- w --user admin user add eng --role engineer
run 5 "an engineer may not see notices" -- w --user eng notice collection
lacks "nothing on stdout when refused" "$OUT" "催缴"

# Demo data: the collection notices agree with `wuye arrears`.
DB="$T/demo.db"
run 0 "demo with charges" -- w demo --rooms 300 --months 8 --seed 4
run 0 "arrears" -- w --user cashier arrears
awk -F'\t' '$1 == "total" { print $2, $5, $6 }' "$OUT" >"$T/arrears.total"
run 0 "collection notices of the demo" -- w --user cashier notice collection -o "$T/demo.csv"
same "one notice per room in arrears, same outstanding and late fees" "$(cat "$T/arrears.total")" \
    "$(tail -n +2 "$T/demo.csv" | awk -F, '{ n++; o += $6 * 100; l += $7 * 100 } END { printf "%d %.2f %.2f\n", n, o / 100, l / 100 }')"
p=$(date +%Y-%m)
run 0 "charge notices of this month" -- w --user cashier notice charge "$p"
cp "$OUT" "$T/demo.txt"
run 0 "and their table" -- w --user cashier notice charge "$p" -o "$T/demo-charge.csv"
same "text and table: the same totals" \
    "$(sed -n 's/^应缴合计: \([0-9.]*\).*/\1/p' "$T/demo.txt" | tr '\n' ' ')" \
    "$(tail -n +2 "$T/demo-charge.csv" | cut -d, -f11 | tr -d '\r' | tr '\n' ' ')"

finish
