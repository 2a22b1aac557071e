# wuye terminal test: a dialog drawn over Chinese text keeps its frame
# straight.  The actions list of an expense (F12) opens over the expenses
# list of a 300-room demo in Chinese at 100x30, its left border on the
# second half of a payee's character: the half left outside must become a
# space, else the terminal shifts the rest of the row and the frame.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui.sh"

if ! locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\{0,1\}8'; then
	fail "the zh_CN.UTF-8 locale is installed"
	finish
	exit 1
fi
TUI_BIN=$(localized_wuye)

run 0 "demo data with 300 rooms and a year of expenses" -- w demo --rooms 300 --months 12 --seed 1
tui_start 100 30 LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8
wait_for "密码"
text manager; keys Enter; text demo; keys Enter
wait_for "欢迎，manager。" && pass "logged in, in Chinese"
keys F10 h x
wait_for "费用支出" && keys End
wait_for "待审批" && pass "the expenses, down to the last"
keys F12
wait_for "批准" && wait_for "驳回" && pass "F12 opens the actions over the list"
screen >"$T/dialog"
if /usr/bin/python3 - "$T/dialog" >"$T/why" <<'PY'
import sys, unicodedata
def at(line, col):
    """The character that starts at display column col of line, or ''."""
    c = 0
    for ch in line:
        if c == col:
            return ch
        c += 2 if unicodedata.east_asian_width(ch) in 'WF' else 1
    return ''
rows = open(sys.argv[1], encoding='utf-8').read().split('\n')
top = next(i for i, l in enumerate(rows) if '┌' in l)
bottom = next(i for i, l in enumerate(rows) if '└' in l)
left = next(c for c in range(200) if at(rows[top], c) == '┌')
want = ['┌'] + ['│'] * (bottom - top - 1) + ['└']
bad = [l for l, w in zip(rows[top:bottom + 1], want) if at(l, left) != w]
if bad:
    sys.exit('frame not at column %d in:\n%s' % (left, '\n'.join(bad)))
PY
then
	pass "the frame stands in one column on every row"
else
	fail "the frame stands in one column on every row"
	sed 's/^/  /' "$T/why"
fi
keys Escape
wait_gone "驳回"
keys C-q
tui_exit && same "Ctrl-Q ends the program" 0 "$TUI_RC"
finish
