# wuye terminal test: pinyin initials search and natural and pinyin order
# (issue 10, items 12-14), at 80x24 in English and in Chinese.
#
# Clients written by another program (sqlite3) get their sort keys when
# wuye next opens the database.  In the quick find `zsf` finds 张三丰, also
# typed 张sf or ZSF, `sxx` finds 单雄信 (单 read shan as a surname); the
# heading of a kind says how many match beyond those shown ("6 of N"),
# the columns line up, and F3 opens the list searched for the same text.
# In the Clients list `wjy` finds 王家燕; sorted by name the list is in
# pinyin order; the Rooms list puts ZZ-2 before ZZ-10.  `wuye check`
# names a client whose name was changed with sqlite3 (a stale key).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

run 0 "demo data" -- w demo --rooms 120
q() { sqlite3 "$DB" "$1"; }
q "INSERT INTO clients (code, name) VALUES ('Q901', '张三丰'), ('Q902', '单雄信'),
    ('Q903', '王家燕');
INSERT INTO rooms (code, building_id, floor, build_area, charge_area)
    SELECT c, (SELECT min(id) FROM buildings), 1, 9000, 9000
    FROM (SELECT 'ZZ-10' AS c UNION ALL SELECT 'ZZ-2' UNION ALL SELECT 'ZZ-1');"
same "the rows written by sqlite3 have no keys yet" 0 \
    "$(q "SELECT count(*) FROM clients WHERE code LIKE 'Q9%' AND name_key <> ''")"
nz=$(q "SELECT count(*) FROM clients WHERE name GLOB '张*' OR name GLOB '赵*'")

# The quick find and a list, in the language of $1 (en or zh).
round() {
	lang=$1
	if [ "$lang" = zh ]; then
		TUI_BIN=$(localized_wuye)
		tui_start 80 24 LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8
		clients=客户 of=显示 search=搜索： welcome="欢迎" password=密码
		prompt=房间代码、客户名称
	else
		TUI_BIN=$WUYE
		tui_start 80 24
		clients=Clients of=" of " search=Search: welcome="Welcome, admin."
		password=Password: prompt="Room code, client name"
	fi
	tui_login admin demo "$password"
	wait_for "$welcome" && pass "$lang: logged in"
	same "$lang: opening the database filled the keys of the sqlite3 rows" 3 \
	    "$(q "SELECT count(*) FROM clients WHERE code LIKE 'Q9%' AND name_py <> ''")"

	keys F6
	wait_for "$prompt"
	text zsf
	wait_for "│ zsf  " && wait_for "Q901" && wait_for "张三丰" &&
	    pass "$lang: zsf in the quick find finds 张三丰"
	keys C-u
	text "张sf"
	wait_for "│ 张sf  " && wait_for "Q901" && pass "$lang: 张sf finds 张三丰"
	keys C-u
	text ZSF
	wait_for "│ ZSF  " && wait_for "Q901" && pass "$lang: ZSF finds 张三丰"
	keys C-u
	text sxx
	wait_for "│ sxx  " && wait_for "Q902" && wait_for "单雄信" &&
	    pass "$lang: sxx finds 单雄信 (单 as a surname is shan)"
	keys C-u
	text dxx
	wait_for "│ dxx  " && wait_gone "Q902" &&
	    pass "$lang: dxx does not find 单雄信"
	keys C-u
	text z
	wait_for "│ z  " && wait_for "$clients  " && screen >"$T/qf"
	if grep -qE "($clients  6 of [0-9]+|$clients  显示 6 条，共 [0-9]+ 条)" "$T/qf"; then
		pass "$lang: the heading says how many clients match beyond the 6 shown"
	else
		fail "$lang: the heading says how many match"
		sed 's/^/  screen| /' "$T/qf"
	fi
	frame_ok "$lang: the quick find's frame is whole"
	# The hits' columns line up: each name starts in the same column.
	awk '/│  C[0-9]+ |│  Q9[0-9]+ /' "$T/qf" | python3 -c '
import sys, unicodedata
cols = set()
for line in sys.stdin:
    w = 0
    for i, ch in enumerate(line):
        if ch == " " and line[i + 1:i + 2] == " " and w > 4:
            break
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    rest = line[i:].lstrip(" ")
    k = w + (len(line[i:]) - len(rest))
    cols.add(k)
sys.exit(0 if len(cols) == 1 else 1)' &&
	    pass "$lang: the names of the hits start in one column"
	keys F3	# the first hit is a room: the rooms list, searched for z
	wait_for "ZZ-10" && wait_gone "$prompt" &&
	    pass "$lang: F3 opens the list of the selected kind searched for z"
	keys C-u Escape
	wait_for "$of" && pass "$lang: Esc comes back to the quick find"
	keys Escape
	wait_gone "$prompt" && wait_for "$welcome"

	keys F10 c n
	wait_for "$search"
	text wjy
	wait_for "Q903" && wait_for "王家燕" &&
	    pass "$lang: wjy in the clients list finds 王家燕"
	keys C-u
	text "张"
	wait_gone "王家燕" && sleep 0.3
	if grid_rows | awk '{ print $2 }' | grep -qv '^张'; then
		fail "$lang: a Chinese character searches the names"
		grid_rows | sed 's/^/  screen| /'
	else
		pass "$lang: a Chinese character searches the names"
	fi
	keys C-u F7
	wait_for "$search" && sleep 0.3
	grid_rows | awk '{ print $2 }' | head -n 5 >"$T/names"
	q "SELECT name FROM clients ORDER BY name_key, id LIMIT 5" >"$T/want"
	if cmp -s "$T/names" "$T/want"; then
		pass "$lang: F7 sorts the clients by name in pinyin order"
	else
		fail "$lang: pinyin order ($(tr '\n' ' ' <"$T/names") / $(tr '\n' ' ' <"$T/want"))"
	fi
	keys Escape
	wait_for "$welcome"

	keys F10 p r
	wait_for "$search"
	text ZZ-
	wait_for "ZZ-10" && grid_rows | awk '{ print $1 }' | tr '\n' ' ' >"$T/rooms"
	same "$lang: the rooms list sorts codes by their numbers" "ZZ-1 ZZ-2 ZZ-10 " \
	    "$(cat "$T/rooms")"
	keys C-u Escape
	wait_for "$welcome"
	keys C-q
	sleep 0.3
	keys y
	tui_exit
}

round en
if locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\{0,1\}8'; then
	round zh
else
	fail "the zh_CN.UTF-8 locale is installed (as root: localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)"
fi

# A name changed by another program: check names the row.
id=$(q "SELECT id FROM clients WHERE code = 'Q901'")
q "UPDATE clients SET name = '张三' WHERE code = 'Q901'"
run 1 "check finds the stale sort key" -- w check
has "check names the client's row and column" "$OUT" \
    "clients row $id: the sort key of name '张三' is stale"
q "UPDATE clients SET name_key = '' WHERE code = 'Q901'"	# wuye fills it anew
run 0 "check is clean again" -- w check
finish
