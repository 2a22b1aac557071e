# wuye terminal test: the basic flow in Chinese (zh_CN.UTF-8), at 80x24.
#
# The log-in screen and the rooms grid are compared with golden screens,
# so the box, the labels and the columns are seen to line up with Chinese
# text; every grid row is checked to keep the column separators where the
# header has them.  The texts are those of po/zh_CN.po.  The test fails
# (it does not skip) when the zh_CN.UTF-8 locale is missing: `make e2e`
# generates it when run as root.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

if ! locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\{0,1\}8'; then
	fail "the zh_CN.UTF-8 locale is installed (as root: localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)"
	finish
	exit 1
fi
pass "the zh_CN.UTF-8 locale is installed"

TUI_BIN=$(localized_wuye)

run 0 "demo data with 300 rooms" -- w demo --rooms 300
q() { sqlite3 "$DB" "$1"; }
total=$(q "SELECT count(*) FROM rooms")
last=$(q "SELECT code FROM rooms ORDER BY code DESC LIMIT 1")
prefix=$(printf '%s' "$last" | cut -c1-4)
nprefix=$(q "SELECT count(*) FROM rooms WHERE code LIKE '$prefix%' OR name LIKE '$prefix%'")
lastid=$(q "SELECT id FROM rooms WHERE code = '$last'")
nocc=$(q "SELECT count(*) FROM occupancy WHERE room_id = $lastid")
occ=$(q "SELECT c.code || ' ' || c.name FROM occupancy o JOIN clients c ON c.id = o.client_id
    WHERE o.room_id = $lastid ORDER BY o.start_date LIMIT 1")

# Lines FROM to TO of the screen, without trailing blanks.
lines() {
	screen | sed -n "$1,$2p" | sed 's/ *$//'
}

# The numbers of every grid row end in the display column where the
# header's label of their (right-aligned) column ends: the Chinese text
# before them (楼栋 "A1 1栋", the labels) was measured in columns.
aligned() {
	screen | sed -n "3,$(($(tmx display -p '#{pane_height}') - 2))p" | python3 -c '
import sys, unicodedata
def cols(s):
    out = []
    for ch in s:
        out.append(ch)
        if unicodedata.east_asian_width(ch) in "WF":
            out.append("")
    return out
lines = [l.rstrip("\n") for l in sys.stdin if l.strip()]
head, rows = lines[0], lines[1:]
bad = 0
for label in sys.argv[1:]:
    i = head.find(label)
    if i < 0:
        print("no %s in the header" % label); bad += 1; continue
    end = len(cols(head[:i] + label)) - 1
    for r in rows:
        c = cols(r) + [" "]
        if c[end] in (" ", "") or (end + 1 < len(c) and c[end + 1] != " "):
            print("%s does not end in column %d: %s" % (label, end, r)); bad += 1
sys.exit(1 if bad or not rows else 0)
' 单元 楼层 建筑面积 收费面积
}

tui_start 80 24 LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8
wait_for "演示数据库：可用 admin、manager、cashier、clerk 或 engineer 登录，" &&
    pass "the log-in screen names the demo users in Chinese"
cat >"$T/want" <<'EOF2'
               ┌───────────── wuye 物业管理 - 登录 ─────────────┐
               │                                                │
               │       用户：                                   │
               │                                                │
               │       密码：                                   │
               │                                                │
               │ Enter：下一项 / 登录    Esc：退出              │
               │                                                │
               └────────────────────────────────────────────────┘

  演示数据库：可用 admin、manager、cashier、clerk 或 engineer 登录，
  密码都是 demo。
EOF2
lines 5 16 >"$T/got"
if cmp -s "$T/want" "$T/got"; then
	pass "the log-in screen matches its golden copy"
else
	fail "the log-in screen matches its golden copy"
	diff "$T/want" "$T/got" | sed 's/^/  /'
fi

text admin; keys Enter; text wrong; keys Enter
wait_for "admin 的密码错误" && pass "a wrong password says so in Chinese"
text demo; keys Enter
wait_for "欢迎，admin。" && pass "logged in, welcomed in Chinese"

keys F10
wait_for "房产资源(P)" && wait_for "房间(R)" && pass "F10 opens the menu in Chinese"
keys p r
wait_for "房间  $total 行" && pass "房产资源 > 房间 shows $total rows"
cat >"$T/want" <<EOF2
房间  $total 行  排序 房间代码  搜索：
房间代码     楼栋     单元 楼层  建筑面积  收费面积 户型     状态
EOF2
lines 2 3 >"$T/got"
if cmp -s "$T/want" "$T/got"; then
	pass "the grid's title and header match their golden copy"
else
	fail "the grid's title and header match their golden copy"
	diff "$T/want" "$T/got" | sed 's/^/  /'
fi
if aligned >"$T/why"; then
	pass "every row keeps the header's column separators"
else
	fail "every row keeps the header's column separators"
	sed 's/^/  /' "$T/why"
fi

text "$prefix"
wait_for "房间  $nprefix 行" && wait_for "搜索：  $prefix" &&
    pass "typing $prefix leaves $nprefix rows"
same "each row shown starts with $prefix" "" "$(grid_rows | grep -v "^$prefix")"
keys Escape
wait_for "房间  $total 行" && pass "Esc clears the search"
keys End
wait_for "$last" && pass "End goes to the last room"
keys Enter
wait_for "房间代码 $last" && wait_for "住户（当前及以往） ($nocc)" && wait_for "$occ" &&
    pass "the room page shows its occupants under a Chinese title"
keys F1
wait_for "帮助: 房间" && wait_for "本屏幕的按键：" && wait_for "F2, Esc 2" &&
    pass "F1 shows the help in Chinese with the key list"
wait_for "一个房间及与之关联的一切" && pass "the help text is translated"
keys Escape
wait_gone "本屏幕的按键：" && wait_for "房间代码 $last" && pass "Esc goes back"
keys Escape
wait_for "房间  $total 行" && pass "Esc goes back to the grid"

keys F9
wait_for "导出列表" && pass "F9 asks for a file in Chinese"
keys C-u
text "$T/房间.csv"
keys Enter
if wait_for "已导出 $total 行到 $T/房间.csv。"; then
	pass "the export reports in Chinese"
	same "the CSV has $total rows and the header" "$((total + 1))" \
	    "$(wc -l <"$T/房间.csv" | tr -d ' ')"
fi
keys C-q
tui_exit && same "Ctrl-Q ends the program" 0 "$TUI_RC"
finish
