# wuye terminal test: straight frames and aligned columns over Chinese text
# at 80x24, in Chinese (zh_CN.UTF-8) and in English.
#
# Every dialog opened here (the quick find over the clients list, the
# leave-without-saving question over a form, the help, a picker, the
# receipt after a payment, the month-close question) is checked for its
# four corners and both edges in the right display columns, and the tables
# (the clients list, the quick find's hits, the hand-over report, the
# CLI's text output) for columns that start, or end for numbers, in the
# same display column on every row (tests/e2e/screen.py).  The hand-over
# shows the names of the receipt kinds, methods and states, never their
# codes; its figures are not cut at 80 columns.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

if ! locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\{0,1\}8'; then
	fail "the zh_CN.UTF-8 locale is installed (as root: localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)"
	finish
	exit 1
fi
TUI_BIN=$(localized_wuye)

run 0 "demo data with 300 rooms" -- w demo --rooms 300 --months 12 --seed 1
q() { sqlite3 "$DB" "$1"; }
day=$(q "SELECT date FROM receipts GROUP BY date ORDER BY count(*) DESC, date LIMIT 1")
room=$(q "SELECT r.code FROM rooms r JOIN bills b ON b.room_id = r.id
    WHERE b.paid < b.amount AND EXISTS (SELECT 1 FROM occupancy o WHERE o.room_id = r.id)
    ORDER BY r.code LIMIT 1")

# One walk through the dialogs and tables in language $1 (zh or en).
walk() {
	if [ "$1" = zh ]; then
		tui_start 80 24 LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8
		WELCOME="欢迎，manager。" LIST="389 行" QF="快速查找" LEAVE="不保存"
		HELP="帮助:" RCPT="收据" CLOSE="月结" PAYER="交款人"
		CLIENTS="客户编号|客户名称|类型|性别|证件号码|手机"
		JOURNAL="收银员|收据号|类型|房间|交款人|方式|金额|作废金额"
		KIND="收款" STATE="有效" PASSWORD="密码"
		RATE="收缴率" RATECOLS="小区|楼栋" ROOMS="计费房间"
	else
		tui_start 80 24
		WELCOME="Welcome, manager." LIST="389 rows" QF="Quick find" LEAVE="Leave without saving"
		HELP="Help:" RCPT="Receipt" CLOSE="Close a period" PAYER="Payer"
		CLIENTS="Client code|Name|Type|Gender|ID number|Mobile"
		JOURNAL="Cashier|Receipt|Kind|Room|Payer|Method|Amount|Voided"
		KIND="Payment" STATE="Valid" PASSWORD="Password:"
		RATE="Rate" RATECOLS="Estate|Building" ROOMS="Rooms billed"
	fi
	tui_login manager demo "$PASSWORD"
	wait_for "$WELCOME" && pass "$1: logged in"

	# the clients list, and the quick find over it
	keys F10 c n
	wait_for "$LIST" || return
	cols_check "$1: the clients list keeps its columns" 3 22 "$CLIENTS"
	keys F6
	wait_for "$QF" && text "李"
	wait_for "C0000" && frame_ok "$1: the quick find over the list has its frame"
	keys Escape
	wait_gone "$QF"

	# a client's form with a change: the question keeps its frame
	keys Enter
	wait_for "C000001"
	keys F4
	wait_for "*" && text "x"
	keys Escape
	wait_for "$LEAVE" && frame_ok "$1: the leave-without-saving question has its frame"
	keys n
	wait_gone "$LEAVE"

	# F3 in a choice field: a picker
	keys Tab Tab
	keys F3
	sleep 0.3
	frame_ok "$1: the picker has its frame"
	keys Escape
	sleep 0.7
	keys Escape
	wait_for "$LEAVE" && keys y
	wait_gone "$LEAVE"
	keys Escape
	wait_for "$LIST"

	# the help: wrapped to the width, page 2 goes on where page 1 ended
	keys F1
	wait_for "$HELP" || return
	screen >"$T/help1"
	keys PgDn
	sleep 0.3
	screen >"$T/help2"
	if python3 - "$T/help1" "$T/help2" >"$T/why" <<'PY'
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
a = open(sys.argv[1], encoding='utf-8').read().split('\n')[2:21]
b = open(sys.argv[2], encoding='utf-8').read().split('\n')[2:21]
for l in a + b:
    if w(l.rstrip()) > 79:
        sys.exit('too wide: ' + l)
a = [l for l in a if l.strip()]
b = [l for l in b if l.strip()]
if a == b:
    sys.exit('PgDn did not move')
if b and b[0] in a:
    sys.exit('page 2 repeats a line of page 1: ' + b[0])
PY
	then
		pass "$1: the help fits the screen and page 2 repeats no line"
	else
		fail "$1: the help fits the screen and page 2 repeats no line"
		sed 's/^/  why| /' "$T/why"
	fi
	keys Escape
	wait_gone "$HELP"

	# the hand-over (交班日报): labels, not codes; figures whole
	keys F10 r a
	wait_for "receipt-journal" || return
	keys C-u
	text "journal"
	sleep 0.3
	keys Enter
	wait_for "F3" && keys C-u && text "$day"
	keys Enter
	wait_for "$KIND" && pass "$1: the hand-over names the receipt kind"
	off_screen "$1: no receipt kind code" " payment "
	off_screen "$1: no cut figure" ",…"
	cols_check "$1: the hand-over keeps its columns" 4 22 "$JOURNAL"
	keys Right Right Right Right Right Right Right Right
	wait_for "$STATE" && pass "$1: the hand-over names the state"
	cols_check "$1: scrolled sideways, the key column stays" 4 22 "${JOURNAL%%|*}"
	off_screen "$1: no state code" " live"
	keys Escape
	sleep 0.7
	keys Escape
	sleep 0.7
	keys Escape
	sleep 0.7

	# the collection rate by building: the rate on the first screen at 80
	# columns; estate and building stay while the other figures scroll
	keys F10 r a
	wait_for "receipt-journal" || return
	keys C-u
	text "by-building"
	sleep 0.3
	keys Enter
	wait_for "F3" && keys Enter
	wait_for "$RATE" && pass "$1: the collection rate is on the first screen"
	off_screen "$1: no cut figure in the collection rate" ",…"
	keys Right Right Right Right Right Right Right Right Right Right
	wait_for "$ROOMS" && pass "$1: the last column scrolls into view"
	cols_check "$1: scrolled sideways, estate and building stay" 4 20 "$RATECOLS"
	on_screen "$1: the building codes stay beside the figures" "A1 "
	keys Escape
	sleep 0.7
	keys Escape
	sleep 0.7
	keys Escape
	sleep 0.7

	# a payment: the receipt dialog at 80 columns keeps both edges
	keys F10 h k
	sleep 0.5
	text "$room"
	keys Enter
	wait_for "2026-"
	keys C-u
	text "10"
	keys F2
	wait_for "$RCPT C-manager" && frame_ok "$1: the receipt has its frame at 80 columns"
	screen >"$T/r1"
	keys Right
	sleep 0.3
	screen >"$T/r2"
	if cmp -s "$T/r1" "$T/r2"; then
		pass "$1: the receipt fits, nothing to scroll"
	else
		frame_ok "$1: scrolled sideways, the receipt keeps its frame"
	fi
	keys Escape
	sleep 0.7
	keys Escape
	sleep 0.7

	# the month-close question
	keys F10 h l
	wait_for "$CLOSE" && keys Enter
	sleep 0.5
	frame_ok "$1: the month-close question has its frame"
	keys Escape
	sleep 0.7
	keys C-q
	sleep 0.3
	keys y
	tui_exit && same "$1: Ctrl-Q ends the program" 0 "$TUI_RC"
}

# columns_ok with the titles given as one |-separated word.
cols_check() {
	_d=$1 _f=$2 _l=$3 _ifs=$IFS
	IFS='|'
	set -f
	set -- $4
	IFS=$_ifs
	set +f
	columns_ok "$_d" "$_f" "$_l" "$@"
}

walk zh
walk en

# The CLI's text output of the same report: aligned by display width.
run 0 "the hand-over as text" -- w --user admin report run receipt-journal \
    --param date="$day" -o "$T/journal.txt"
grep -v "subtotal\|^Total" "$T/journal.txt" >"$T/rows.txt"
hdr=$(grep -n "^Cashier  " "$T/rows.txt" | head -1 | cut -d: -f1)
if python3 "$TUI_SCREEN_PY" columns "$T/rows.txt" "$hdr" "$(wc -l <"$T/rows.txt")" \
    Cashier Receipt Kind Room Payer Method Amount >"$T/why"; then
	pass "the CLI's text table keeps its columns"
else
	fail "the CLI's text table keeps its columns"
	sed 's/^/  why| /' "$T/why"
fi
has "the CLI's text names the kind" "$T/journal.txt" "Payment"
has "the CLI's text names the method" "$T/journal.txt" "Alipay"
finish
