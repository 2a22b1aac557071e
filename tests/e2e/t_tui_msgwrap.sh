# wuye terminal test: a status message wider than the screen is shown whole.
#
# A message that does not fit on the status line is wrapped (by display
# width, with Chinese line breaking) onto the rows it needs from the bottom
# up: over the key bar, and beyond it over the last rows of the screen,
# until the next key, which brings back the status line, the key bar and
# the screen.  Seen with a validation message naming the field (a home
# phone that is no landline number) at 80x24 in English and Chinese, the
# F3 hint in English, and at 40 columns, where the message takes 3 rows.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "init" -- w init
EN="Home phone: '0101234567890' is not a landline number (area code, '-', 7 or 8 digits, e.g. 010-12345678)"
ZH="家庭电话: “0101234567890”不是固定电话号码（区号、“-”、7 或 8 位号码，例如 010-12345678）"
HINT="F3 picks from a list in choice and lookup fields, and fills in today in an empty date."

# Rows FIRST to LAST of the screen, counted from the bottom (1 is the key
# bar), hold TEXT whole and nothing else (spaces aside: a line break takes
# the place of one).
rows_are() {
	_h=$(tmx display -p '#{pane_height}')
	same "$1" "$(printf '%s' "$4" | tr -d ' ')" \
	    "$(screen | sed -n "$((_h - $2 + 1)),$((_h - $3 + 1))p" | tr -d ' \n')"
}

# Log in (PASSWORD is the prompt), open a new client form, type a code, a
# name and a home phone that is no landline number, and leave the field.
bad_phone() {
	tui_login admin demo "$1"
	wait_for "$2" || return 1
	keys F10 c n
	wait_for "$3" || return 1
	keys F2
	wait_for "$4" || return 1
	text C9
	keys Down
	text 张三
	keys Down Down Down Down Down Down
	text 0101234567890
	keys Down
}

tui_start 80 24
bad_phone "Password:" "Welcome, admin." "Clients  " "Clients: new record"
wait_for "e.g. 010-12345678)" && pass "en: the validation message is shown"
rows_are "en: it takes the status line and the key bar, whole" 2 1 "$EN"
off_screen "en: the key bar waits under it" "F1Help"
keys Right
wait_for "F1Help" && pass "en: the next key brings the key bar back"
wait_for "wuye property management │" && pass "en: and the status line"
off_screen "en: the message is gone" "e.g. 010-12345678)"
keys Up
wait_for "7 or 8" && pass "en: back in the field, its message is below the fields"
rows_are "en: whole, on two rows" 4 3 "$EN"
keys F3
wait_for "fills in today" && pass "en: the F3 hint is shown"
rows_are "en: the F3 hint is whole" 2 1 "$HINT"
keys Right
wait_for "F1Help" && pass "en: the key bar is back"
keys Escape
wait_for "Leave without saving" && keys y
wait_gone "Clients: new record" && keys C-q
tui_exit && same "en: the program ends" 0 "$TUI_RC"

TUI_BIN=$(localized_wuye)
tui_start 80 24 LANGUAGE=zh_CN
bad_phone "密码：" "欢迎，admin。" "客户  " "客户: 新记录"
wait_for "例如" && pass "zh_CN: the validation message is shown"
rows_are "zh_CN: it takes the status line and the key bar, whole" 2 1 "$ZH"
keys Right
wait_for "F1帮助" && pass "zh_CN: the next key brings the key bar back"
wait_for "wuye 物业管理 │" && pass "zh_CN: and the status line"
keys Up
wait_for "7 或 8" && rows_are "zh_CN: back in the field, its message is whole below the fields" 4 3 "$ZH"
keys Escape
wait_for "不保存修改就离开？" && keys y
wait_gone "客户: 新记录" && keys C-q
tui_exit && same "zh_CN: the program ends" 0 "$TUI_RC"

# 40 columns: 3 rows, the last row of the screen under the message too.
TUI_BIN=$WUYE
tui_start 40 24
bad_phone "Password:" "Welcome, admin." "Clients  " "Clients: new"
wait_for "010-12345678)" && pass "40 columns: the validation message is shown"
rows_are "40 columns: it takes 3 rows, whole" 3 1 "$EN"
keys Right
wait_for "F1Help" && pass "40 columns: the next key brings the key bar back"
wait_for " Ctrl-S or F2 saves; Esc" && pass "40 columns: and the screen's last row"
keys Escape
wait_for "Leave without" && keys y
wait_gone "Clients: new" && keys C-q
tui_exit && same "40 columns: the program ends" 0 "$TUI_RC"
finish
