#!/bin/sh
# wuye e2e: expenses (费用支出) requested through their form, approved,
# rejected and paid by a manager, audit-logged; the monthly report.
. "$(dirname "$0")/lib.sh"

run 0 "init" -- w init
WUYE_NEW_PASSWORD=clerkpw run 0 "add a clerk" -- w --user admin user add lin --role clerk
WUYE_NEW_PASSWORD=bosspw run 0 "add a manager" -- w --user admin user add zhou --role manager

cat >"$T/expenses.csv" <<CSV
type,amount,payee,requested_on,state,approved_by,note
工资,52000.00,保安队,2026-09-30,paid,me,九月工资
materials,1234.56,五金店,2026-10-03,,,灯泡
设备维修,800.00,电梯公司,2026-10-08,,,
水电,300.00,供电局,2026-10-09,,,
CSV
WUYE_PASSWORD=clerkpw run 0 "a clerk requests expenses" -- w --user lin import expenses "$T/expenses.csv"
same "all are requested, whatever the file said" "requested|4" "$(sqlite3 "$DB" "SELECT state, count(*) FROM expenses GROUP BY state")"
same "nobody approved them" "0" "$(sqlite3 "$DB" "SELECT count(*) FROM expenses WHERE approved_by IS NOT NULL AND approved_by <> ''")"
same "the requester is the clerk" "lin" "$(sqlite3 "$DB" "SELECT DISTINCT requested_by FROM expenses")"
printf 'type,amount,payee,requested_on\ncaviar,10.00,x,2026-10-01\n' >"$T/bad.csv"
run 3 "an unknown type" -- w --user admin import expenses "$T/bad.csv"
has "names the line" "$ERR" "bad.csv:2"

WUYE_PASSWORD=clerkpw run 5 "a clerk may not approve" -- w --user lin expense approve 1
WUYE_PASSWORD=bosspw run 0 "the manager approves" -- w --user zhou expense approve 1 --date 2026-10-01
same "approved by the manager" "approved|zhou|2026-10-01" "$(sqlite3 "$DB" "SELECT state, approved_by, approved_on FROM expenses WHERE id = 1")"
WUYE_PASSWORD=bosspw run 6 "approve twice" -- w --user zhou expense approve 1
has "says its state" "$ERR" "expense 1 is approved, not requested"
WUYE_PASSWORD=bosspw run 3 "paid before its approval" -- w --user zhou expense pay 1 --date 2026-09-30
WUYE_PASSWORD=bosspw run 0 "the manager pays" -- w --user zhou expense pay 1 --date 2026-10-02
same "paid" "paid|2026-10-02" "$(sqlite3 "$DB" "SELECT state, paid_on FROM expenses WHERE id = 1")"
WUYE_PASSWORD=bosspw run 6 "a requested expense cannot be paid" -- w --user zhou expense pay 2
WUYE_PASSWORD=bosspw run 2 "reject without a reason" -- w --user zhou expense reject 3
WUYE_PASSWORD=bosspw run 0 "reject with a reason" -- w --user zhou expense reject 3 --reason "报价过高" --date 2026-10-10
same "rejected, reason kept" "rejected|报价过高" "$(sqlite3 "$DB" "SELECT state, note FROM expenses WHERE id = 3")"
run 0 "admin approves" -- w --user admin expense approve 2 --date 2026-10-11
run 4 "an unknown expense" -- w --user admin expense approve 99
run 3 "a bad expense ID" -- w --user admin expense approve x1
run 2 "an unknown subcommand" -- w --user admin expense delete 1
same "audit entries" "expense.approve|2 expense.pay|1 expense.reject|1" "$(sqlite3 "$DB" "SELECT action || '|' || count(*) FROM audit WHERE action LIKE 'expense.%' GROUP BY action ORDER BY action" | tr '\n' ' ' | sed 's/ $//')"
run 0 "audit chain intact" -- w --user admin check

run 0 "the report" -- w --user admin expense report
has "header" "$OUT" "$(printf 'month\ttype\tname\tcount\trequested\tapproved\tpaid')"
has "September salaries, paid" "$OUT" "$(printf '2026-09\tsalary\tSalaries\t1\t52000.00\t52000.00\t52000.00')"
has "October materials, approved" "$OUT" "$(printf '2026-10\tmaterials\tMaterials\t1\t1234.56\t1234.56\t0.00')"
has "October repairs, rejected" "$OUT" "$(printf '2026-10\trepairs\tEquipment repairs\t1\t800.00\t0.00\t0.00')"
run 0 "the report of one month" -- w --user admin expense report --from 2026-10 --to 2026-10
lacks "no September" "$OUT" "2026-09"
run 3 "a bad month" -- w --user admin expense report --from 2026-1
if locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\{0,1\}8'; then
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 run 0 "the report in Chinese" -- w --user admin expense report
	has "type names in Chinese" "$OUT" "$(printf '2026-10\tutilities\t水电\t1\t300.00')"
fi
finish
