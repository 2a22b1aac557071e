#!/bin/sh
# wuye e2e: pay, receipt show/print/void, period close, hand-over; four
# cashiers' processes paying at once; `wuye pay` killed at random moments.
. "$(dirname "$0")/lib.sh"

run 0 "init" -- w init
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950), (2, '1-102', 1, 1, 9000, 9000),
	(3, '1-103', 1, 1, 9000, 9000);
INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三'), (2, 'C2', '李四'), (3, 'C3', '王五');
INSERT INTO occupancy (room_id, client_id, role, start_date, payer) VALUES
	(1, 1, 'owner', '2020-01-01', 1), (2, 2, 'owner', '2020-01-01', 1),
	(3, 3, 'owner', '2020-01-01', 1);
INSERT INTO fee_items (id, code, name, method, unit_price) VALUES (1, 'WY', '物业管理费', 'area', 23456);
INSERT INTO bills (room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date) VALUES
	(1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15'),
	(1, 1, 1, '2026-10', 89500, 23456, 20993, '2026-10-15'),
	(2, 2, 1, '2026-10', 1000, 10000000, 1000000, '2026-10-15'),
	(3, 3, 1, '2026-10', 1000, 10000000, 1000000, '2026-10-15');
" || fail "set-up SQL"

# The command line.
run 2 "pay without --method" -- w --user admin pay 1-101 10
run 2 "pay without an amount" -- w --user admin pay 1-101 --method cash
run 4 "pay for an unknown room" -- w --user admin pay 9-999 10 --method cash
has "unknown room message" "$ERR" "there is no room 9-999"
run 3 "pay with a bad amount" -- w --user admin pay 1-101 10.001 --method cash
run 3 "pay by an unknown method" -- w --user admin pay 1-101 10 --method gold
run 3 "pay more than is due" -- w --user admin pay 1-101 500 --method cash
has "over-payment message" "$ERR" "more than the 419.86 due"
run 0 "pay 250.00 cash with 300.00 tendered" -- w --user admin pay 1-101 250 --method cash --tendered 300 --date 2026-09-20
same "pay prints the receipt number" "C-admin-000001" "$(cat "$OUT")"
has "pay tells the change" "$ERR" "change: 50.00"
run 0 "pay with the surplus kept" -- w --user admin pay 1-101 200 --method wechat --prepay --note 十月
same "the next number" "C-admin-000002" "$(cat "$OUT")"
same "the bills are paid" "41986" "$(sqlite3 "$DB" "SELECT sum(paid) FROM bills WHERE room_id = 1")"
same "the surplus is prepayment" "3014" "$(sqlite3 "$DB" "SELECT sum(amount) FROM prepayments")"
run 0 "receipt show" -- w --user admin receipt show C-admin-000001
has "the receipt shows the total" "$OUT" "合计: 250.00"
has "the receipt shows it in capitals" "$OUT" "大写: 人民币贰佰伍拾元整"
has "the receipt shows the change" "$OUT" "找零: 50.00"
run 4 "receipt show of an unknown number" -- w --user admin receipt show C-admin-999999
printf '[security]\npassword_hash = minimal\n[backup]\ndir = %s/backups\n[print]\ncommand = cat >>%s/printed\n' "$T" "$T" >"$CONF"
run 0 "receipt print" -- w --user admin receipt print C-admin-000001
run 0 "receipt print again" -- w --user admin receipt print C-admin-000001
same "the reprint is marked" "1" "$(grep -c 重打 "$T/printed")"
run 2 "receipt void without a reason" -- w --user admin receipt void C-admin-000002
WUYE_NEW_PASSWORD=carolpw run 0 "add a cashier" -- w --user admin user add carol --role cashier
WUYE_PASSWORD=carolpw run 5 "a cashier may not void" -- w --user carol receipt void C-admin-000002 --reason x
WUYE_PASSWORD=carolpw run 0 "a cashier pays" -- w --user carol pay 1-102 10 --method card
same "her own series" "C-carol-000001" "$(cat "$OUT")"
run 0 "receipt void" -- w --user admin receipt void C-admin-000002 --reason "收错房间"
run 6 "receipt void again" -- w --user admin receipt void C-admin-000002 --reason x
same "the void gave the money back" "25000" "$(sqlite3 "$DB" "SELECT sum(paid) FROM bills WHERE room_id = 1")"
same "the void took the prepayment back" "0" "$(sqlite3 "$DB" "SELECT sum(amount) FROM prepayments")"
run 0 "receipt show of a void receipt" -- w --user admin receipt show C-admin-000002
has "marked void" "$OUT" "作废"
run 0 "handover" -- w --user admin handover --date 2026-09-20
has "the hand-over lists the receipt" "$OUT" "C-admin-000001	payment	1-101	cash	250.00	live"
has "the hand-over totals cash" "$OUT" "cash	1	250.00"
run 0 "handover of today" -- w --user admin handover
has "today's hand-over lists the void" "$OUT" "admin	200.00	收错房间"
run 3 "handover with a bad date" -- w --user admin handover --date 2026-02-30
run 0 "check after payments" -- w check

run 6 "close a period that has not ended" -- w --user admin period close 2199-01
run 6 "close out of order" -- w --user admin period close 2026-10
has "out of order message" "$ERR" "period 2026-09 is still open"
run 0 "period close" -- w --user admin period close 2026-09
has "period close prints the receivable" "$OUT" "receivable	209.93	"
has "period close prints what was paid in it" "$OUT" "paid_in	209.93	"
has "period close prints the outstanding" "$OUT" "outstanding	0.00	"
has "period close prints what the payments took" "$OUT" "taken	250.00	"
has "period close says it closed" "$ERR" "period 2026-09 is now closed"
run 6 "period close again" -- w --user admin period close 2026-09
has "period close again says when and by whom" "$ERR" "period 2026-09 was closed before (on "
run 0 "period show a closed period" -- w --user admin period show 2026-09
has "period show: the same receivable" "$OUT" "receivable	209.93	"
run 2 "period without a verb" -- w --user admin period 2026-09
run 6 "pay dated in a closed period" -- w --user admin pay 1-101 1 --method cash --date 2026-09-25
has "closed period message" "$ERR" "period 2026-09 is closed"
run 6 "void in a closed period" -- w --user admin receipt void C-admin-000001 --reason x
run 0 "check after close" -- w check

# Four processes paying at once, two of them as the same cashier.
WUYE_NEW_PASSWORD=danpw run 0 "add a second cashier" -- w --user admin user add dan --role cashier
N=10
payer() {
	i=0
	while [ $i -lt $N ]; do
		WUYE_PASSWORD=$2 w --user "$1" pay "$3" 1 --method cash >>"$T/nums.$4" 2>>"$T/errs" || echo fail >>"$T/fails"
		i=$((i + 1))
	done
}
before=$(sqlite3 "$DB" "SELECT count(*) FROM receipts")
payer admin demo 1-102 a &
payer admin demo 1-103 b &
payer carol carolpw 1-102 c &
payer dan danpw 1-103 d &
wait
same "no payment failed" "0" "$(cat "$T/fails" 2>/dev/null | wc -l)"
same "every payment has a receipt" "$((before + 4 * N))" "$(sqlite3 "$DB" "SELECT count(*) FROM receipts")"
same "no number printed twice" "$((4 * N))" "$(cat "$T"/nums.* | sort -u | wc -l)"
same "admin's numbers have no gap" "$(sqlite3 "$DB" "SELECT count(*), max(seq) FROM receipts r JOIN receipt_series s ON s.id = r.series_id WHERE s.code = 'admin'")" \
	"$(sqlite3 "$DB" "SELECT next_no - 1, next_no - 1 FROM receipt_series WHERE code = 'admin'")"
same "the totals balance" "$(sqlite3 "$DB" "SELECT sum(amount) FROM receipts WHERE voided_at IS NULL")" \
	"$(sqlite3 "$DB" "SELECT sum(amount + late_fee) FROM allocations WHERE reversed = 0")"
same "the bills received them" "$((1000 + 4 * N * 100))" "$(sqlite3 "$DB" "SELECT sum(paid) FROM bills WHERE room_id IN (2, 3)")"
run 0 "check after concurrent payments" -- w check

# Kill `wuye pay` at random moments; the database must stay whole.
bad=0
i=0
while [ $i -lt 30 ]; do
	# wuye itself in the background (w, a function, would run in a
	# subshell, and the kill would miss wuye)
	"$WUYE" --config "$CONF" --db "$DB" --user admin pay 1-103 0.01 \
	    --method cash >/dev/null 2>&1 &
	pid=$!
	r=$(od -An -N1 -tu1 /dev/urandom | tr -d ' ')
	sleep "$(printf '0.%03d' $((r % 40)))"	# 0-39 ms: before, during, after
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	w check >"$T/check.out" 2>&1 || { bad=$((bad + 1)); cat "$T/check.out"; }
	i=$((i + 1))
done
same "check passes after every kill" "0" "$bad"
same "no gap after the kills" "$(sqlite3 "$DB" "SELECT next_no - 1 FROM receipt_series WHERE code = 'admin'")" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM receipts r JOIN receipt_series s ON s.id = r.series_id WHERE s.code = 'admin'")"

finish
