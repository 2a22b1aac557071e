#!/bin/sh
# wuye e2e: collection actions (催缴) imported through their form, and
# `wuye warnings`: arrears over an amount or an age, failed attempts,
# collection rates of estates and buildings, limits from the configuration.
. "$(dirname "$0")/lib.sh"

run 0 "init" -- w init
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园'), (2, 'E2', '翠湖苑');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼'), (2, 'B2', 2, '2号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950), (2, '1-102', 1, 1, 9000, 9000),
	(3, '2-101', 2, 1, 9000, 9000);
INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三'), (2, 'C2', '李四'), (3, 'C3', '王五');
INSERT INTO occupancy (room_id, client_id, role, start_date, payer) VALUES
	(1, 1, 'owner', '2020-01-01', 1), (2, 2, 'owner', '2020-01-01', 1),
	(3, 3, 'owner', '2020-01-01', 1);
INSERT INTO fee_items (id, code, name, method, unit_price) VALUES (1, 'WY', '物业管理费', 'fixed', 3000000);
INSERT INTO bills (room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date, paid) VALUES
	(1, 1, 1, '2026-06', 1000, 3000000, 30000, '2026-06-15', 0),
	(1, 1, 1, '2026-07', 1000, 3000000, 30000, '2026-07-15', 0),
	(1, 1, 1, '2026-08', 1000, 3000000, 30000, '2026-08-15', 0),
	(1, 1, 1, '2026-09', 1000, 3000000, 30000, '2026-09-15', 0),
	(2, 2, 1, '2026-09', 1000, 3000000, 30000, '2026-09-15', 25000),
	(3, 3, 1, '2026-09', 1000, 3000000, 30000, '2026-09-15', 30000),
	(1, 1, 1, '2026-10', 1000, 3000000, 30000, '2026-10-15', 0);
" || fail "set-up SQL"

cat >"$T/actions.csv" <<CSV
room,kind,date,result,success,note
1-102,sms,2026-09-20,未回复,no,
1-102,电话,2026-09-25,已承诺,yes,
1-102,phone,2026-09-28,无人接听,no,
1-102,visit,2026-10-02,不在家,no,
1-102,letter,2026-10-05,,no,律师函已寄出
1-101,phone,2026-10-01,拒绝,no,
CSV
run 0 "import collection actions" -- w --user admin import collection_actions "$T/actions.csv"
same "the payer is filled in" "2" "$(sqlite3 "$DB" "SELECT DISTINCT client_id FROM collection_actions WHERE room_id = 2")"
same "the user is filled in" "admin" "$(sqlite3 "$DB" "SELECT DISTINCT by FROM collection_actions")"
printf 'room,kind,date\n1-102,fax,2026-10-06\n' >"$T/bad.csv"
run 3 "an unknown action kind" -- w --user admin import collection_actions "$T/bad.csv"
has "names the line" "$ERR" "bad.csv:2"
run 0 "export collection actions" -- w --user admin export collection_actions
has "the export has the kind" "$OUT" "letter"

# Defaults: 1000.00, 90 days, 3 attempts, 80 %.
run 0 "warnings with the default limits" -- w --user admin warnings --date 2026-10-20
has "the header" "$OUT" "$(printf 'kind\tscope\tcode\tname\tvalue\tlimit')"
has "arrears over 1000.00" "$OUT" "$(printf 'arrears\troom\t1-101\t张三\t1500.00\t1000.00')"
has "overdue 127 days" "$OUT" "$(printf 'overdue\troom\t1-101\t张三\t127\t90')"
has "three failures since the success" "$OUT" "$(printf 'attempts\troom\t1-102\t李四\t3\t3')"
has "the estate's rate for 2026-09" "$OUT" "$(printf 'rate\testate\tE1\t阳光花园\t41.66%%\t80.00%%')"
has "the building's rate" "$OUT" "$(printf 'rate\tbuilding\tB1\t1号楼\t41.66%%')"
lacks "a fully paid estate" "$OUT" "E2"
lacks "no arrears warning for 1-102" "$OUT" "$(printf 'arrears\troom\t1-102')"

cat >>"$CONF" <<CONF
[warn]
arrears_amount = 40.00
arrears_days = 0
failed_attempts = 4
collection_rate = 40
CONF
run 0 "warnings with the configured limits" -- w --user admin warnings --date 2026-10-20
has "the lower amount" "$OUT" "$(printf 'arrears\troom\t1-102\t李四\t50.00\t40.00')"
lacks "days turned off" "$OUT" "overdue"
lacks "four attempts needed" "$OUT" "attempts"
lacks "rate above 40 %" "$OUT" "rate"
run 0 "the rate of another period" -- w --user admin warnings --date 2026-10-20 --period 2026-10
has "2026-10 collected nothing" "$OUT" "$(printf 'rate\testate\tE1\t阳光花园\t0.00%%\t40.00%%')"
run 3 "a bad period" -- w --user admin warnings --period 2026-13
run 2 "an argument too many" -- w --user admin warnings now
printf '[warn]\narrears_amount = lots\n' >>"$CONF"
run 3 "a bad amount in the configuration" -- w --user admin warnings
has "names the option" "$ERR" "warn.arrears_amount"
finish
