#!/bin/sh
# wuye e2e: `wuye receipt print` through `lp` to a real CUPS queue.  The
# test starts a private cupsd (its own configuration, spool and log in the
# test's folder, listening only on a socket there) with a text-only queue
# whose device is a file (FileDevice Yes), prints a receipt in UTF-8 and
# in GB18030, and reads what arrives in the file.  A raw queue would not
# do: with no filter at all, CUPS writes nothing to a file: device.  If
# cupsd cannot start the test fails and says why.
. "$(dirname "$0")/lib.sh"

C="$T/cups"
SOCK="$C/cups.sock"
Q=wuyetest
CUPSD_PID=

# Stop cupsd (and wait for it), then remove the folder.
stop_cupsd() {
	[ -n "$CUPSD_PID" ] || return 0
	kill "$CUPSD_PID" 2>/dev/null
	i=0
	while kill -0 "$CUPSD_PID" 2>/dev/null && [ $i -lt 50 ]; do
		sleep 0.1; i=$((i + 1))
	done
	kill -9 "$CUPSD_PID" 2>/dev/null
	wait "$CUPSD_PID" 2>/dev/null
	CUPSD_PID=
}
trap 'stop_cupsd; rm -rf "$T"' EXIT
trap 'exit 1' INT TERM HUP

# Give up: one failure with the reason and cupsd's log, then the summary.
give_up() {
	fail "$1"
	[ -f "$C/log/error_log" ] && grep '^[EW]' "$C/log/error_log" | tail -n 10 | sed 's/^/  cupsd: /'
	[ -s "$C/cupsd.out" ] && sed 's/^/  cupsd: /' "$C/cupsd.out" | tail -n 10
	finish
	exit 1
}

for tool in cupsd lpadmin lp lpstat iconv; do
	command -v "$tool" >/dev/null 2>&1 || PATH=$PATH:/usr/sbin:/sbin
	command -v "$tool" >/dev/null 2>&1 ||
	    give_up "$tool is not installed (Debian packages cups, cups-client; make deps)"
done
[ ${#SOCK} -lt 100 ] || give_up "the socket path $SOCK is too long for a Unix socket"

# The filter runs as CUPS's user (lp), so it must reach the spool.
chmod 755 "$T"
mkdir -p "$C/root/ppd" "$C/state" "$C/cache" "$C/spool" "$C/tmp" "$C/log"
chmod 755 "$C"
cat >"$C/cupsd.conf" <<EOF
Listen $SOCK
LogLevel info
Browsing No
WebInterface No
DefaultAuthType None
DefaultPolicy open
<Policy open>
JobPrivateAccess all
JobPrivateValues none
SubscriptionPrivateAccess all
SubscriptionPrivateValues none
<Limit All>
Order deny,allow
Allow all
</Limit>
</Policy>
<Location />
Order deny,allow
Allow all
</Location>
EOF
cat >"$C/cups-files.conf" <<EOF
FileDevice Yes
SystemGroup root
ServerRoot $C/root
StateDir $C/state
CacheDir $C/cache
RequestRoot $C/spool
TempDir $C/tmp
ErrorLog $C/log/error_log
AccessLog $C/log/access_log
PageLog $C/log/page_log
EOF
# A text-only printer: text (or anything) passes unchanged through
# gziptoany, CUPS's copying filter, to the device.
cat >"$C/text.ppd" <<'EOF'
*PPD-Adobe: "4.3"
*FormatVersion: "4.3"
*FileVersion: "1.0"
*LanguageVersion: English
*LanguageEncoding: ISOLatin1
*PCFileName: "WUYETEXT.PPD"
*Manufacturer: "wuye"
*Product: "(wuye test printer)"
*ModelName: "wuye text-only test printer"
*ShortNickName: "wuye text-only"
*NickName: "wuye text-only test printer"
*PSVersion: "(3010.000) 0"
*LanguageLevel: "3"
*ColorDevice: False
*DefaultColorSpace: Gray
*FileSystem: False
*Throughput: "1"
*cupsVersion: 2.4
*cupsFilter: "text/plain 0 gziptoany"
*cupsFilter: "application/octet-stream 0 gziptoany"
*OpenUI *PageSize/Page Size: PickOne
*OrderDependency: 10 AnySetup *PageSize
*DefaultPageSize: A4
*PageSize A4/A4: ""
*CloseUI: *PageSize
*OpenUI *PageRegion/Page Region: PickOne
*OrderDependency: 10 AnySetup *PageRegion
*DefaultPageRegion: A4
*PageRegion A4/A4: ""
*CloseUI: *PageRegion
*DefaultImageableArea: A4
*ImageableArea A4: "0 0 595 842"
*DefaultPaperDimension: A4
*PaperDimension A4: "595 842"
EOF

cupsd -t -c "$C/cupsd.conf" -s "$C/cups-files.conf" >"$C/cupsd.out" 2>&1 ||
    give_up "cupsd refuses the test configuration"
cupsd -f -c "$C/cupsd.conf" -s "$C/cups-files.conf" >"$C/cupsd.out" 2>&1 &
CUPSD_PID=$!
i=0
until lpstat -h "$SOCK" -r 2>/dev/null | grep -q 'is running'; do
	kill -0 "$CUPSD_PID" 2>/dev/null || { wait "$CUPSD_PID"; st=$?; CUPSD_PID=
	    give_up "cupsd exited (status $st) before it listened on $SOCK"; }
	[ $i -lt 100 ] || give_up "cupsd did not answer on $SOCK within 10 s"
	sleep 0.1; i=$((i + 1))
done
pass "a private cupsd runs"
lpadmin -h "$SOCK" -p "$Q" -E -v "file://$C/out" -P "$C/text.ppd" >"$OUT" 2>"$ERR" ||
    give_up "lpadmin cannot create the queue $Q"
lpstat -h "$SOCK" -v "$Q" >"$OUT" 2>"$ERR"
has "the queue prints to a file" "$OUT" "$C/out"

# Wait until the queue is empty and the device file has something.
wait_printed() {
	i=0
	while [ $i -lt 100 ]; do
		if [ -s "$C/out" ] && [ -z "$(lpstat -h "$SOCK" -o "$Q" 2>/dev/null)" ]; then
			return 0
		fi
		sleep 0.1; i=$((i + 1))
	done
	return 1
}

# A receipt to print.
run 0 "init" -- w init
sqlite3 "$DB" "
INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name) VALUES (1, 'B1', 1, '1号楼');
INSERT INTO rooms (id, code, building_id, floor, build_area, charge_area) VALUES
	(1, '1-101', 1, 1, 8950, 8950);
INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三');
INSERT INTO occupancy (room_id, client_id, role, start_date, payer) VALUES
	(1, 1, 'owner', '2020-01-01', 1);
INSERT INTO fee_items (id, code, name, method, unit_price) VALUES (1, 'WY', '物业管理费', 'area', 23456);
INSERT INTO bills (room_id, client_id, fee_item_id, period, quantity, unit_price, amount, due_date) VALUES
	(1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15'),
	(1, 1, 1, '2026-10', 89500, 23456, 25007, '2026-10-15');
" || fail "set-up SQL"
run 0 "pay 460.00" -- w --user admin pay 1-101 460 --method cash --date 2026-10-20
NUM=$(cat "$OUT")
same "a receipt number" "C-admin-000001" "$NUM"
run 0 "receipt show" -- w --user admin receipt show "$NUM"
cp "$OUT" "$T/shown"

conf() {
	printf '[security]\npassword_hash = minimal\n[backup]\ndir = %s/backups\n[print]\ncommand = lp -h %s -d %s\nencoding = %s\n' \
	    "$T" "$SOCK" "$Q" "$1" >"$CONF"
}

# UTF-8: the bytes arrive as wuye wrote them.
conf UTF-8
rm -f "$C/out"
run 0 "receipt print in UTF-8 through lp" -- w --user admin receipt print "$NUM"
has "lp queued it" "$OUT" "request id is $Q-"
wait_printed || give_up "the UTF-8 job did not reach $C/out within 10 s"
cp "$C/out" "$T/utf8"
has "UTF-8: the receipt number arrived" "$T/utf8" "$NUM"
has "UTF-8: 收据 arrived" "$T/utf8" "收据"
has "UTF-8: the total in capitals arrived" "$T/utf8" "大写: 人民币肆佰陆拾元整"
lacks "UTF-8: the first print is not a reprint" "$T/utf8" "重打"
same "UTF-8: the printout is the receipt as shown" "$(cat "$T/shown")" "$(cat "$T/utf8")"
same "the print is counted" 1 "$(sqlite3 "$DB" "SELECT printed FROM receipts WHERE number = '$NUM'")"

# GB18030: other bytes on the wire, the same text once converted back.
conf GB18030
rm -f "$C/out"
run 0 "receipt print in GB18030 through lp" -- w --user admin receipt print "$NUM"
wait_printed || give_up "the GB18030 job did not reach $C/out within 10 s"
cp "$C/out" "$T/gb"
gb=$(printf '收据' | iconv -f UTF-8 -t GB18030)
if LC_ALL=C grep -qF -- "$gb" "$T/gb"; then pass "GB18030: 收据 arrived in GB18030 bytes"; else fail "GB18030: 收据 arrived in GB18030 bytes"; fi
lacks "GB18030: no UTF-8 收据 on the wire" "$T/gb" "收据"
iconv -f GB18030 -t UTF-8 "$T/gb" >"$T/gb.utf8" 2>"$ERR" && pass "GB18030: the bytes convert back" ||
    fail "GB18030: the bytes convert back"
has "GB18030: the receipt number arrived" "$T/gb.utf8" "$NUM"
has "GB18030: 收据 arrived" "$T/gb.utf8" "收据"
has "GB18030: the total in capitals arrived" "$T/gb.utf8" "大写: 人民币肆佰陆拾元整"
has "GB18030: the second print is marked a reprint" "$T/gb.utf8" "重打"
same "the reprint is counted" 2 "$(sqlite3 "$DB" "SELECT printed FROM receipts WHERE number = '$NUM'")"

# A queue that refuses jobs: lp fails, wuye says so and does not count.
cupsreject -h "$SOCK" "$Q" 2>/dev/null || lpadmin -h "$SOCK" -p "$Q" -o printer-is-accepting-jobs=false
run 1 "a queue that rejects jobs fails the print" -- w --user admin receipt print "$NUM"
has "the message names the command" "$ERR" "lp -h $SOCK -d $Q"
same "the failed print is not counted" 2 "$(sqlite3 "$DB" "SELECT printed FROM receipts WHERE number = '$NUM'")"

stop_cupsd
finish
