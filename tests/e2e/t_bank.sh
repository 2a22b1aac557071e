#!/bin/sh
# wuye e2e: bank debit (银行划款): the debit file of a period, the bank's
# result file registered as payments all or nothing, with every problem
# named by file:line.
. "$(dirname "$0")/lib.sh"

run 0 "init" -- w init
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950), (2, '1-102', 1, 1, 9000, 9000),
	(3, '1-103', 1, 1, 9000, 9000);
INSERT INTO clients (id, code, name, bank, bank_account, bank_debit) VALUES
	(1, 'C1', '张三', '工商银行', '6222020200112233', 1),
	(2, 'C2', '李四', '建设银行', '6217000010002000', 1),
	(3, 'C3', '王五', '', '', 0);
INSERT INTO occupancy (room_id, client_id, role, start_date, payer) VALUES
	(1, 1, 'owner', '2020-01-01', 1), (2, 2, 'owner', '2020-01-01', 1),
	(3, 3, 'owner', '2020-01-01', 1);
INSERT INTO fee_items (id, code, name, method, unit_price) VALUES (1, 'WY', '物业管理费', 'area', 23456);
INSERT INTO bills (room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date) VALUES
	(1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15'),
	(1, 1, 1, '2026-10', 89500, 23456, 20993, '2026-10-15'),
	(1, 1, 1, '2026-11', 89500, 23456, 20993, '2026-11-15'),
	(2, 2, 1, '2026-10', 1000, 10000000, 100000, '2026-10-15'),
	(3, 3, 1, '2026-10', 1000, 10000000, 100000, '2026-10-15');
" || fail "set-up SQL"

run 2 "bank without a subcommand" -- w --user admin bank
run 3 "a bad period" -- w --user admin bank export 2026-13 -o "$T/x.csv"
WUYE_NEW_PASSWORD=clerkpw run 0 "add a clerk" -- w --user admin user add lin --role clerk
WUYE_PASSWORD=clerkpw run 5 "a clerk may not export" -- w --user lin bank export 2026-10 -o "$T/x.csv"
[ ! -e "$T/x.csv" ] && pass "no file after a refusal" || fail "no file after a refusal"

run 0 "export 2026-10" -- w --user admin bank export 2026-10 -o "$T/debit.csv" --date 2026-10-20
has "the summary" "$ERR" "2 debit lines, 1419.86 in all"
same "the header" "ref,room,client,name,bank,account,amount" "$(head -n 1 "$T/debit.csv" | tr -d "\r")"
same "1-101 owes September and October" "2026-10-1-101,1-101,C1,张三,工商银行,6222020200112233,419.86" "$(sed -n 2p "$T/debit.csv" | tr -d "\r")"
same "1-102" "2026-10-1-102,1-102,C2,李四,建设银行,6217000010002000,1000.00" "$(sed -n 3p "$T/debit.csv" | tr -d "\r")"
lacks "not the room without debit" "$T/debit.csv" "1-103"

# The bank's answer, with mistakes first.
cat >"$T/bad.csv" <<CSV
ref,room,client,name,bank,account,amount,result,bank_ref
2026-10-1-101,1-101,C1,张三,工商银行,6222020200112233,419.86,ok,B001
2026-10-9-999,9-999,C9,某,工商银行,1,10.00,ok,B002
2026-10-1-102,1-102,C2,李四,建设银行,6217000010002000,999.00,ok,B003
2026-10-1-101,1-101,C1,张三,工商银行,6222020200112233,419.86,ok,B004
2026-10-1-102,1-102,C2,李四,建设银行,6217000010002000,1000.00,maybe,B005
2026-10-1-102,1-101,C2,李四,建设银行,6217000010002000,1000.00,ok,B006
2026-10-1-102,1-102,C1,李四,建设银行,6217000010002000,1000.00,ok,B007
CSV
run 3 "a result file with mistakes" -- w --user admin bank import "$T/bad.csv" --date 2026-10-25
has "an unknown ref" "$ERR" "bad.csv:3: ref: '2026-10-9-999' was not in a debit file"
has "a wrong amount" "$ERR" "bad.csv:4: amount: 999.00, but 2026-10-1-102 was exported for 1000.00"
has "a ref twice" "$ERR" "bad.csv:5: ref: 2026-10-1-101 is in the file twice (line 2 too)"
has "a bad result" "$ERR" "bad.csv:6: result: 'maybe' is not ok or failed"
has "a wrong room" "$ERR" "bad.csv:7: room: '1-101', but 2026-10-1-102 was exported for room 1-102"
has "a wrong client" "$ERR" "bad.csv:8: client: 'C1', but 2026-10-1-102 was exported for client C2"
has "nothing registered" "$ERR" "and 5 more problems; nothing was registered"
same "no receipt written" "0" "$(sqlite3 "$DB" "SELECT count(*) FROM receipts")"
printf 'ref,room,amount\n' >"$T/short.csv"
run 3 "a header without the result" -- w --user admin bank import "$T/short.csv"
has "names the column" "$ERR" "short.csv:1: the header has no column 'result'"
run 4 "a missing file" -- w --user admin bank import "$T/none.csv"

cat >"$T/result.csv" <<CSV
ref,room,client,name,bank,account,amount,result,bank_ref
2026-10-1-101,1-101,C1,张三,工商银行,6222020200112233,419.86,ok,B001
2026-10-1-102,1-102,C2,李四,建设银行,6217000010002000,1000.00,failed,
CSV
run 0 "import the result" -- w --user admin bank import "$T/result.csv" --date 2026-10-25
has "the summary" "$ERR" "1 debit paid (419.86), 1 failed at the bank"
same "one receipt by bank" "bank|41986|2026-10-25" "$(sqlite3 "$DB" "SELECT method, amount, date FROM receipts")"
same "September and October paid, November not" "20993 20993 0" "$(sqlite3 "$DB" "SELECT paid FROM bills WHERE room_id = 1 ORDER BY period" | tr '\n' ' ' | sed 's/ $//')"
same "the line keeps the receipt and the bank's ref" "1|B001" "$(sqlite3 "$DB" "SELECT receipt_id, bank_ref FROM bank_debits WHERE ref = '2026-10-1-101'")"
same "1-102 still owes" "0" "$(sqlite3 "$DB" "SELECT paid FROM bills WHERE room_id = 2")"
run 3 "the same result again" -- w --user admin bank import "$T/result.csv" --date 2026-10-25
has "paid already" "$ERR" "result.csv:2: ref: 2026-10-1-101 is paid already"
same "still one receipt" "1" "$(sqlite3 "$DB" "SELECT count(*) FROM receipts")"
run 0 "audit chain intact" -- w --user admin check

run 0 "export again" -- w --user admin bank export 2026-10 -o "$T/again.csv" --date 2026-10-26
lacks "the paid room is left out" "$T/again.csv" "1-101"
has "1-102 again" "$T/again.csv" "2026-10-1-102,1-102,C2"

# Paid at the counter between export and result: the debit is refused.
run 0 "pay 1-102 at the counter" -- w --user admin pay 1-102 100 --method cash --date 2026-10-26
printf 'ref,room,client,name,bank,account,amount,result,bank_ref\n2026-10-1-102,1-102,C2,李四,建设银行,6217000010002000,1000.00,ok,B009\n' >"$T/late.csv"
run 3 "a debit of a room paid since" -- w --user admin bank import "$T/late.csv" --date 2026-10-27
has "says so" "$ERR" "room 1-102 owes 900.00 now, less than the 1000.00 debited"

sqlite3 "$DB" "UPDATE clients SET bank_debit = 1 WHERE id = 3"
run 3 "a debit client without an account" -- w --user admin bank export 2026-10 -o "$T/none.csv"
has "names the client" "$ERR" "client C3 (王五) pays by bank debit but has no bank account"
[ ! -e "$T/none.csv" ] && pass "no file after a failed export" || fail "no file after a failed export"
finish
