# wuye terminal test: bank debit (Charges > Bank debit files, 银行划款) at
# 80x24, as `wuye bank export` and `wuye bank import` do.
#
# F9 writes the debit file of a period into the export folder (export.dir)
# under the name given; the command line's file of the same period is the
# same.  F2 reads a result file with mistakes: the screen lists each
# problem by line number and refuses Ctrl-S.  A good file shows, by line,
# what will be paid and what failed at the bank, registers nothing until
# Ctrl-S and yes, then registers it in one step: the receipts are there.
# A clerk, who may not take payments, is refused in words before the
# screen.  In zh_CN the screen is in Chinese.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

printf '[export]\ndir = %s/exp\n' "$T" >>"$CONF"
run 0 "init" -- w init
WUYE_NEW_PASSWORD=demo run 0 "a clerk" -- w --user admin user add lin --role clerk
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
	(1, 1, 1, '2026-10', 89500, 23456, 20993, '2099-10-15'),
	(2, 2, 1, '2026-10', 1000, 10000000, 100000, '2099-10-15'),
	(3, 3, 1, '2026-10', 1000, 10000000, 100000, '2099-10-15');
" || fail "set-up SQL"
q() { sqlite3 "$DB" "$1"; }

tui_start 80 24
tui_login admin demo
wait_for "Welcome, admin."
keys F10 h
wait_for "Bank debit files(I)" && pass "the Charges menu offers the bank files"
keys i
wait_for "Bank debit (银行划款)" && pass "F10 H I opens the bank screen"
on_screen "its key bar" "F2Import"
on_screen "Ctrl-S registers" "^SRegister"
on_screen "F9 writes the debit file" "F9Debit file"
keys F1
wait_for "as wuye bank export" && pass "F1 explains the screen"
keys Escape
wait_gone "as wuye bank export"
keys F9
wait_for "Write the bank debit file" && pass "F9 asks for the period and the file"
frame_ok "the dialog's frame is whole"
keys C-u
text "2026-10"
keys Tab C-u
text "debit.csv"
keys Enter
wait_for "debit.csv: 2 debit lines, 1209.93 in all." && pass "the debit file is written"
[ -s "$T/exp/debit.csv" ] && pass "into the export folder" || fail "into the export folder"
same "the header as the command line writes it" "ref,room,client,name,bank,account,amount" \
    "$(head -n 1 "$T/exp/debit.csv" | tr -d '\r')"
has "1-101's line" "$T/exp/debit.csv" "2026-10-1-101,1-101,C1,张三,工商银行,6222020200112233,209.93"
lacks "not the room without debit" "$T/exp/debit.csv" "1-103"

cat >"$T/exp/bad.csv" <<CSV
ref,room,client,name,bank,account,amount,result,bank_ref
2026-10-1-101,1-101,C1,张三,工商银行,6222020200112233,209.93,ok,B001
2026-10-9-999,9-999,C9,某,工商银行,1,10.00,ok,B002
2026-10-1-102,1-102,C2,李四,建设银行,6217000010002000,999.00,ok,B003
CSV
keys F2
wait_for "Read the bank's result file" && pass "F2 asks for the result file"
text "bad.csv"
keys Enter
wait_for "2 problems; nothing can be registered." && pass "a file with mistakes is refused"
on_screen "an unknown ref by its line" "      3 refused ref: '2026-10-9-999' was not in a debit file"
on_screen "a wrong amount by its line" "      4 refused amount: 999.00"
on_screen "the good line is listed" "      2 to pay  2026-10-1-101  1-101  C1  209.93"
keys C-s
wait_for "The file has problems (listed here)" && pass "Ctrl-S refuses it"
same "nothing registered" 0 "$(q "SELECT count(*) FROM receipts")"

cat >"$T/exp/good.csv" <<CSV
ref,room,client,name,bank,account,amount,result,bank_ref
2026-10-1-101,1-101,C1,张三,工商银行,6222020200112233,209.93,ok,B001
2026-10-1-102,1-102,C2,李四,建设银行,6217000010002000,1000.00,failed,B002
CSV
keys F2
wait_for "Read the bank's result file"
text "$T/exp/good.csv"
keys Enter
wait_for "1 to pay (209.93), 1 failed at the bank; Ctrl-S registers." &&
    pass "a good file is previewed"
on_screen "the line to pay" "      2 to pay  2026-10-1-101"
on_screen "the line that failed" "      3 failed  2026-10-1-102"
same "the preview registers nothing" 0 "$(q "SELECT count(*) FROM receipts")"
keys C-s
wait_for "Register 1 payment by bank debit, 209.93 in all?" &&
    pass "Ctrl-S asks first"
text y
wait_for "1 bank debit paid (209.93), 1 failed at the bank." && pass "yes registers it"
same "a receipt by bank for 1-101" "bank|20993" \
    "$(q "SELECT method, amount FROM receipts WHERE room_id = 1")"
same "the debit line is paid" 1 "$(q "SELECT count(*) FROM bank_debits WHERE receipt_id IS NOT NULL")"
keys C-s
wait_for "F2 reads a result file first." && pass "a registered file is not registered twice"
keys Escape
wait_gone "Bank debit (银行划款)"
keys F10 s q
tui_exit

run 3 "the command line refuses the same file again" -- w --user admin bank import "$T/exp/good.csv"
has "it is paid already" "$ERR" "is paid already"
run 0 "check" -- w --user admin check

tui_start 80 24
tui_login lin demo
wait_for "Welcome, lin."
keys F10 h
wait_for "Waivers(W)"
off_screen "a clerk is not offered the bank files" "Bank debit files"
keys s q
tui_exit

if locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\{0,1\}8'; then
	TUI_BIN=$(localized_wuye)
	tui_start 80 24 LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8
	tui_login admin demo "用户："
	wait_for "欢迎，admin。"
	keys F10 h
	wait_for "银行划款文件(I)" && pass "zh_CN: the menu offers 银行划款文件"
	keys i
	wait_for "F9 将某期间的划款文件写入导出文件夹。" && pass "zh_CN: the screen in Chinese"
	keys F2
	wait_for "读取银行回盘文件" && pass "zh_CN: F2 in Chinese"
	text "bad.csv"
	keys Enter
	wait_for "有 3 处问题，不能登记。" && pass "zh_CN: the problems in Chinese"
	on_screen "zh_CN: the kinds in Chinese" "不通过"
	keys Escape
	wait_gone "行号"
	keys F10 s q
	tui_exit
else
	fail "the zh_CN.UTF-8 locale is installed (as root: localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)"
fi
finish
