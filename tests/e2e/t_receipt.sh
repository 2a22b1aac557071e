# wuye e2e: receipts from templates, on pre-printed forms (套打) with the
# terminal's calibrated offsets, in UTF-8 and GB18030, and receipt series
# per terminal (two terminals paying at once, each series gap-free).
. "$(dirname "$0")/lib.sh"

printf '[company]\nname = 阳光物业\n[print]\ncommand = cat >%s/printed\n' "$T" >>"$CONF"
export WUYE_TERMINAL=desk1
run 0 "init" -- w init
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950), (2, '1-102', 1, 1, 9000, 9000);
INSERT INTO clients (id, code, name) VALUES (1, 'C1', '欧阳张三丰'), (2, 'C2', '李四');
INSERT INTO occupancy (room_id, client_id, role, start_date, payer) VALUES
	(1, 1, 'owner', '2020-01-01', 1), (2, 2, 'owner', '2020-01-01', 1);
INSERT INTO fee_items (id, code, name, method, unit_price) VALUES (1, 'WY', '物业管理费', 'area', 23456);
INSERT INTO bills (id, room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date) VALUES
	(1, 1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15');
" || fail "set-up SQL"
run 0 "pay" -- w --user admin pay 1-101 209.93 --method cash
same "the cashier's series" "C-admin-000001" "$(cat "$OUT")"

# Calibration: show, set, refuse, test print.
run 0 "calibrate shows the offsets" -- w --user admin receipt calibrate
same "none yet" "terminal	lines	cols
desk1	0	0" "$(cat "$OUT")"
run 0 "calibrate sets them" -- w --user admin receipt calibrate --lines 2 --cols -1
same "set" "desk1	2	-1" "$(tail -n 1 "$OUT")"
run 0 "calibrate one of them" -- w --user admin receipt calibrate --cols 3
same "lines kept" "desk1	2	3" "$(tail -n 1 "$OUT")"
run 3 "an offset out of range" -- w --user admin receipt calibrate --lines 51
has "names the option" "$ERR" "--lines: '51' is not a whole number from -50 to 50"
run 3 "an offset that is not a number" -- w --user admin receipt calibrate --cols x
run 2 "--test belongs to calibrate" -- w --user admin receipt show C-admin-000001 --test
same "the audit log has it" "1" "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'print.calibrate' AND detail = 'desk1 lines 2 cols 3'")"
WUYE_TERMINAL=desk2 run 0 "another terminal" -- w --user admin receipt calibrate
same "its own offsets" "desk2	0	0" "$(tail -n 1 "$OUT")"
WUYE_TERMINAL="bad name" run 3 "a bad terminal name" -- w --user admin receipt calibrate
has "says which" "$ERR" "WUYE_TERMINAL: 'bad name'"
run 0 "calibrate --test" -- w --user admin receipt calibrate --test
# The built-in layout puts the number at line 3, column 62: moved 2 down, 3 right.
same "the pattern, moved" "number...........|" "$(sed -n 5p "$T/printed" | cut -c 65-)"

# Plain paper in UTF-8 and GB18030.
run 0 "print on plain paper" -- w --user admin receipt print C-admin-000001
has "the template's text" "$T/printed" "大写: 人民币贰佰零玖元玖角叁分"
has "the payer" "$T/printed" "交款人: 欧阳张三丰"
lacks "no zero prepayment line" "$T/printed" "预存"
cp "$T/printed" "$T/plain.utf8"
printf '[print]\nencoding = GB18030\n' >>"$CONF"
run 0 "print in GB18030" -- w --user admin receipt print C-admin-000001
iconv -f GB18030 -t UTF-8 "$T/printed" >"$T/plain.gb"
same "GB18030 holds the same receipt" "$(sed 1,2d "$T/plain.utf8")" "$(sed 1,2d "$T/plain.gb")"
has "a reprint is marked" "$T/plain.gb" "收据  (重打)"
lacks "no UTF-8 left" "$T/printed" "收据"

# Pre-printed forms: only the values, where the layout says, moved.
printf '[receipt]\npreprinted = yes\n' >>"$CONF"
run 0 "print on the pre-printed form (GB18030)" -- w --user admin receipt print C-admin-000001
iconv -f GB18030 -t UTF-8 "$T/printed" >"$T/form.utf8"
same "the number at line 3 + 2, column 62 + 3" "C-admin-000001" "$(sed -n 5p "$T/form.utf8" | cut -c 65-)"
same "the total right-aligned at line 14 + 2" "209.93" "$(sed -n 16p "$T/form.utf8" | awk '{ print $NF }')"
lacks "no labels" "$T/form.utf8" "合计"
same "22 lines a form" "22" "$(wc -l <"$T/form.utf8")"
sed -i 's/^encoding = GB18030$/encoding = UTF-8/' "$CONF"
run 0 "print on the pre-printed form (UTF-8)" -- w --user admin receipt print C-admin-000001
same "the same text in UTF-8" "$(cat "$T/form.utf8")" "$(cat "$T/printed")"

# A company's own layout and template, and their errors.
mkdir -p "$XDG_CONFIG_HOME/wuye/templates"
printf '[fields]\nnumber = 1 1 20\npayer = 2 5 10 right\n' >"$XDG_CONFIG_HOME/wuye/templates/receipt-preprinted.ini"
run 0 "print with the company's layout" -- w --user admin receipt print C-admin-000001
same "its places, moved" "

   C-admin-000001
       欧阳张三丰" "$(cat "$T/printed")"
printf '{number} {payer:>12}|\n' >"$XDG_CONFIG_HOME/wuye/templates/receipt.txt"
run 0 "show with the company's template" -- w --user admin receipt show C-admin-000001
same "its text" "C-admin-000001   欧阳张三丰|" "$(cat "$OUT")"
printf 'ok\n{if payer}{bogus}{end}\n' >"$XDG_CONFIG_HOME/wuye/templates/receipt.txt"
run 3 "a bad template" -- w --user admin receipt show C-admin-000001
has "names the file, line and column" "$ERR" "templates/receipt.txt:2:11: unknown placeholder '{bogus}'"
rm -r "$XDG_CONFIG_HOME/wuye/templates"

# Series per terminal: two terminals paying at once.
printf '[receipt]\nseries = terminal\n' >>"$CONF"
N=8
payer() {
	i=0
	while [ $i -lt $N ]; do
		WUYE_TERMINAL=$1 w --user admin pay "$2" 1 --method cash --prepay >>"$T/nums.$1" 2>>"$T/errs" || echo fail >>"$T/fails"
		i=$((i + 1))
	done
}
payer desk1 1-101 &
payer desk2 1-102 &
wait
same "no payment failed" "0" "$(cat "$T/fails" 2>/dev/null | wc -l)"
same "desk1's numbers" "$(seq -f 'T-desk1-%06g' 1 $N)" "$(sort "$T/nums.desk1")"
same "desk2's numbers" "$(seq -f 'T-desk2-%06g' 1 $N)" "$(sort "$T/nums.desk2")"
same "the series, gap-free" "T:desk1|$((N + 1))|$N
T:desk2|$((N + 1))|$N" "$(sqlite3 "$DB" "SELECT s.code, s.next_no, count(r.id) FROM receipt_series s JOIN receipts r ON r.series_id = s.id WHERE s.code LIKE 'T:%' GROUP BY s.id ORDER BY s.code")"
run 0 "check" -- w check

finish
