# wuye e2e: charges set up from CSV (fee items, tiers, standards, meters,
# readings) and `wuye bill run`: amounts, rerun, preview, errors.
. "$(dirname "$0")/lib.sh"
D=$(cd "$(dirname "$0")/data" && pwd)
C="$D/charges"

run 0 "init creates the database" -- w init
for k in estates buildings rooms clients occupancy parking; do
	w --user admin import "$k" "$D/$k.csv" >/dev/null 2>"$ERR" || fail "import $k"
done
run 0 "import fee-items (dashes for underscores)" -- w --user admin import fee-items "$C/fee_items.csv"
has "it says how many" "$OUT" "imported 5 fee_items"
run 0 "import fee-tiers" -- w --user admin import fee-tiers "$C/fee_tiers.csv"
run 0 "import fee-standards" -- w --user admin import fee-standards "$C/fee_standards.csv"
run 0 "import meters" -- w --user admin import meters "$C/meters.csv"
run 0 "import readings" -- w --user admin import readings "$C/readings.csv"
run 0 "export readings" -- w --user admin export readings
has "usage follows the previous reading" "$OUT" "W-101,2026-03,110.000,133.500,no,23.500,"
has "a roll-over (翻零) is found and counted" "$OUT" "W-102,2026-03,9990.000,5.000,yes,15.000,"
has "the multiplier applies" "$OUT" "E-101,2026-03,0.000,12.345,no,123.450,"
run 0 "export fee-items" -- w --user admin export fee-items
has "tiered is kept with its meter type" "$OUT" "SF,水费,tiered,water,0.0000,monthly,20"
has "others have none" "$OUT" "WY,物业费,area,,2.3456,monthly,15,10,500,1000,fen"

printf 'code,name,method,meter_type\nX1,x,fixed,water\n' >"$T/bad_item.csv"
run 3 "a meter type on a fixed item is refused" -- w --user admin import fee-items "$T/bad_item.csv"
has "the message says why" "$ERR" "only metered and tiered items have one"
printf 'meter,period,reading\nW-101,2026-4,140\n' >"$T/bad_reading.csv"
run 3 "a bad period in readings is refused" -- w --user admin import readings "$T/bad_reading.csv"
has "it names line and column" "$ERR" "bad_reading.csv:2:2"

sqlite3 "$DB" "INSERT INTO meters (code, type, room_id) SELECT 'W-1201', 'water', id FROM rooms WHERE code = 'A2-1-1201'"
run 0 "a preview" -- w --user admin bill run 2026-03 --preview
has "preview: property fee of 4 rooms" "$OUT" "WY	物业费	4	2998.26	0"
has "preview: tiered water, one room without a reading" "$OUT" "SF	水费	2	159.25	1"
has "preview: electricity 0.68 x 123.45" "$OUT" "DF	电费	1	83.95	0"
has "preview: parking at the space's price" "$OUT" "CW	车位费	1	80.00	0"
has "preview: one-off in its start period, to the yuan" "$OUT" "ZX	装修管理费	1	500.00	0"
has "preview: the total" "$OUT" "total		9	3821.46	1"
has "preview says nothing was written" "$ERR" "nothing was written"
has "preview counts the rooms skipped, not meters x items" "$ERR" "1 room gets no bill of a metered item for want of a reading"
has "the preview points at the list" "$ERR" "1 meter has no reading for 2026-03 (rooms: 1; wuye bill unread 2026-03 lists them)"
run 0 "the meters without a reading" -- w --user admin bill unread 2026-03
cp "$OUT" "$T/unread"
has "bill unread: a header" "$T/unread" "meter	room	type"
has "bill unread: the meter of A2-1-1201" "$T/unread" "W-1201	A2-1-1201	water"
same "bill unread: the rooms' meters without a reading" "$(($(wc -l <"$T/unread") - 1))" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM meters m WHERE m.room_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM readings WHERE meter_id = m.id AND period = '2026-03') AND EXISTS (SELECT 1 FROM fee_standards s JOIN fee_items f ON f.id = s.fee_item_id WHERE s.room_id = m.room_id AND f.meter_type = m.type)")"
run 0 "the report of meters without a reading" -- w --user admin report run meters-unread --param period=2026-03 --format tsv
same "the report lists the same meters as bill unread" \
    "$(awk -F'\t' 'NR > 1 { print $1 "|" $2 }' "$T/unread")" \
    "$(awk -F'\t' 'NR > 1 { print $3 "|" $2 }' "$OUT")"
same "the preview wrote no bills" 0 "$(sqlite3 "$DB" 'SELECT count(*) FROM bills')"

run 0 "a payer keeps 100.00 as prepayment" -- w --user admin pay A1-1-102 100 --method cash --prepay
run 0 "bill run for one estate" -- w --user admin bill run 2026-03 --estate JX
has "JX's total" "$OUT" "total		8	3685.42	1"
has "the prepayment paid the payer's new bills" "$ERR" "1 payer paid 100.00 from prepayment"
same "a prepay receipt was issued and the balance is spent" "1|10000|0" \
    "$(sqlite3 "$DB" "SELECT count(*), sum(prepay_out), (SELECT sum(amount) FROM prepayments) FROM receipts WHERE method = 'prepay'")"
run 0 "bill run for all" -- w --user admin bill run 2026-03
has "only CH is left" "$OUT" "total		1	136.04	1"
run 0 "bill run again" -- w --user admin bill run 2026-03
has "the rerun adds nothing" "$OUT" "total		0	0.00	1"
has "it says the bills were there" "$ERR" "9 bills were already there"
same "nine bills in all" 9 "$(sqlite3 "$DB" 'SELECT count(*) FROM bills')"
same "two runs recorded" "2|382146" "$(sqlite3 "$DB" 'SELECT count(*), sum(total) FROM bill_runs')"
same "the payer at the period's end is billed" 1 \
    "$(sqlite3 "$DB" "SELECT count(*) FROM bills b JOIN clients c ON c.id = b.client_id JOIN rooms r ON r.id = b.room_id WHERE r.code = 'A1-1-102' AND c.code = 'C001' AND b.period = '2026-03' AND b.fee_item_id = (SELECT id FROM fee_items WHERE code = 'WY')")"
same "the vacant room's discount" "12959|12960" \
    "$(sqlite3 "$DB" "SELECT amount, discount FROM bills b JOIN rooms r ON r.id = b.room_id WHERE r.code = 'A1-2-1801'")"

run 3 "a bad period exits 3" -- w --user admin bill run 2026-13
run 4 "an unknown estate exits 4" -- w --user admin bill run 2026-03 --estate NOPE
run 2 "no period is a usage error" -- w --user admin bill run
run 2 "an unknown subcommand is a usage error" -- w --user admin bill walk 2026-03
WUYE_NEW_PASSWORD=cashpw w --user admin user add cash1 --role cashier >/dev/null 2>&1
run 5 "a cashier may not run bills" -- env WUYE_PASSWORD=cashpw "$WUYE" --config "$CONF" --db "$DB" --user cash1 bill run 2026-04
has "it says in words what is not allowed" "$ERR" "may not run the bill run"
sqlite3 "$DB" "INSERT INTO periods (period, closed_at, closed_by) VALUES ('2026-04', '2026-05-01T00:00:00Z', 'admin')"
run 6 "a closed period exits 6" -- w --user admin bill run 2026-04
has "it says the period is closed" "$ERR" "2026-04 is closed"
same "nothing was billed in it" 0 "$(sqlite3 "$DB" "SELECT count(*) FROM bills WHERE period = '2026-04'")"

# 换表: a meter replaced in a period; the old one's last reading is kept.
run 0 "replace W-101 in 2026-05" -- w --user admin meter replace W-101 --final 140.5 --new W-101B --initial 3 --date 2026-05-10
has "it says so" "$OUT" "meter W-101 replaced by W-101B in 2026-05"
same "the old meter's last reading and its removal" "2026-05|140.500|7.000|2026-05-10" \
    "$(sqlite3 "$DB" "SELECT r.period, printf('%.3f', r.reading / 1000.0), printf('%.3f', r.usage / 1000.0), m.removed FROM readings r JOIN meters m ON m.id = r.meter_id WHERE m.code = 'W-101' AND r.period = '2026-05'")"
same "the new meter replaces it in the same room" "1|3000|2026-05-10" \
    "$(sqlite3 "$DB" "SELECT n.room_id = o.room_id, n.initial, n.installed FROM meters n JOIN meters o ON o.id = n.replaces WHERE n.code = 'W-101B' AND o.code = 'W-101'")"
run 3 "a final reading that is not a number" -- w --user admin meter replace W-102 --final abc --new W-102B
has "it names the option" "$ERR" "--final: 'abc' is not a meter reading"
run 2 "a replacement without --new" -- w --user admin meter replace W-102 --final 10
run 4 "an unknown meter" -- w --user admin meter replace NOPE --final 1 --new X
run 3 "a new code already taken" -- w --user admin meter replace W-102 --final 10 --new E-101
has "it says whose it is" "$ERR" "Meter no.: E-101 is another meter's"
same "nothing of it was written" 0 "$(sqlite3 "$DB" "SELECT count(*) FROM meters WHERE code = 'W-102' AND removed IS NOT NULL")"

# 公摊: a building's shared meter split among its rooms by charge area.
sqlite3 "$DB" "INSERT INTO meters (code, type, building_id, apportion, multiplier, dial_max, initial) SELECT 'GT-A1', 'water', id, 'area', 1000, 9999999999, 0 FROM buildings WHERE code = 'A1';
INSERT INTO readings (meter_id, period, previous, reading, usage) SELECT id, '2026-05', 0, 100000, 100000 FROM meters WHERE code = 'GT-A1'"
run 0 "the split of GT-A1 in 2026-05" -- w --user admin meter split GT-A1 2026-05
has "a header" "$OUT" "room	weight	usage"
same "every room of A1 has its part" "$(sqlite3 "$DB" "SELECT count(*) FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE b.code = 'A1'")" "$(($(wc -l <"$OUT") - 2))"
same "the parts add up to the usage" "100.000" "$(awk -F'\t' 'NR > 1 && $1 != "total" { s += $3 } END { printf "%.3f", s }' "$OUT")"
same "the total line is the meter's usage" "100.000" "$(awk -F'\t' '$1 == "total" { print $3 }' "$OUT")"
same "the money parts add up to the meter's amount to the fen" \
    "$(awk -F'\t' '$1 == "total" { print $4 }' "$OUT")" \
    "$(awk -F'\t' 'NR > 1 && $1 != "total" { s += $4 * 100 } END { printf "%.2f", s / 100 }' "$OUT")"
run 3 "a room's own meter has no split" -- w --user admin meter split W-102 2026-05
run 3 "a bad period" -- w --user admin meter split GT-A1 2026-5

# Standards for a whole building or estate at once.
rooms_a1=$(sqlite3 "$DB" "SELECT count(*) FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE b.code = 'A1'")
before=$(sqlite3 "$DB" "SELECT count(*) FROM fee_standards")
run 0 "assign DF to every room of building A1" -- w --user admin standard assign DF --building A1 --from 2026-05
has "it says how many rooms" "$OUT" "$rooms_a1 rooms given DF from 2026-05"
same "one standard per room of A1" "$rooms_a1" "$(sqlite3 "$DB" "SELECT count(*) FROM fee_standards s JOIN fee_items i ON i.id = s.fee_item_id WHERE i.code = 'DF' AND s.start_period = '2026-05'")"
run 0 "again adds nothing" -- w --user admin standard assign DF --building A1 --from 2026-05
has "none the second time" "$OUT" "0 rooms given DF"
run 0 "an estate with an end period" -- w --user admin standard assign ZX --estate CH --from 2026-05 --to 2026-12
same "CH's rooms got ZX to 2026-12" "$(sqlite3 "$DB" "SELECT count(*) FROM rooms r JOIN buildings b ON b.id = r.building_id JOIN estates e ON e.id = b.estate_id WHERE e.code = 'CH'")" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM fee_standards s JOIN fee_items i ON i.id = s.fee_item_id WHERE i.code = 'ZX' AND s.end_period = '2026-12'")"
run 2 "a building and an estate is a usage error" -- w --user admin standard assign DF --building A1 --estate JX --from 2026-05
run 2 "no --from is a usage error" -- w --user admin standard assign DF --building A1
run 3 "an end before the start" -- w --user admin standard assign DF --building A1 --from 2026-05 --to 2026-04
run 3 "a bad period" -- w --user admin standard assign DF --building A1 --from 2026-5
run 4 "an unknown fee item" -- w --user admin standard assign NOPE --building A1 --from 2026-05
has "it names the argument" "$ERR" "ITEM: there is no 'NOPE'"
run 4 "an unknown building" -- w --user admin standard assign DF --building NOPE --from 2026-05
run 5 "a cashier may not" -- env WUYE_PASSWORD=cashpw "$WUYE" --config "$CONF" --db "$DB" --user cash1 standard assign DF --building A1 --from 2026-06
same "the failures added nothing" "$((before + rooms_a1 + $(sqlite3 "$DB" "SELECT count(*) FROM fee_standards s JOIN fee_items i ON i.id = s.fee_item_id WHERE i.code = 'ZX' AND s.end_period = '2026-12'")))" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM fee_standards")"
finish
