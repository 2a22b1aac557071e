# wuye e2e: the Chinese translation is complete and is used.
#
# The template is made afresh from the sources with the flags of the
# Makefile's pot target, so a new _() string without a Chinese translation
# fails here.  To fix: make pot, then
#   msgmerge --update --no-fuzzy-matching po/zh_CN.po po/wuye.pot
# and translate what msgattrib --untranslated po/zh_CN.po lists.
. "$(dirname "$0")/lib.sh"

top=$(cd "$(dirname "$0")/../.." && pwd)
po="$top/po/zh_CN.po"

# The command of `make pot`, writing into $T instead of po/.
pot=$(cd "$top" && make -s -n pot | grep '^xgettext ' |
    sed "s| -o po/wuye.pot | -o $T/wuye.pot |")
printf '%s\n' "$pot" >"$T/potcmd"
has "make pot runs xgettext into a temporary file" "$T/potcmd" " -o $T/wuye.pot "
run 0 "the template is made from the sources" -- sh -c "cd '$top' && $pot"
run 0 "po/zh_CN.po merges with it" -- \
    msgmerge --quiet --no-fuzzy-matching -o "$T/zh_CN.po" "$po" "$T/wuye.pot"
run 0 "the merged catalogue passes msgfmt --check" -- \
    msgfmt --check --statistics -o "$T/zh_CN.mo" "$T/zh_CN.po"
has "msgfmt counts translated messages" "$ERR" "translated messages"
lacks "no message is untranslated" "$ERR" "untranslated"
lacks "no message is fuzzy" "$ERR" "fuzzy"
if grep -qE 'untranslated|fuzzy' "$ERR"; then
	echo "  untranslated or fuzzy in po/zh_CN.po against the sources:"
	{ msgattrib --untranslated "$T/zh_CN.po"; msgattrib --only-fuzzy "$T/zh_CN.po"; } |
	    sed -n '/^#:/,$p' | sed 's/^/    /' | head -n 60
fi
run 0 "po/zh_CN.po itself passes msgfmt --check" -- \
    msgfmt --check -o "$T/own.mo" "$po"
has "po/zh_CN.po declares UTF-8" "$po" "charset=UTF-8"
has "po/zh_CN.po declares the plural forms" "$po" "Plural-Forms: nplurals=1; plural=0;"

bin=$(localized_wuye)
run 0 "--help in Chinese (LANGUAGE=zh_CN, C.UTF-8)" -- \
    env LANGUAGE=zh_CN LC_ALL=C.UTF-8 "$bin" --help
has "the usage is in Chinese" "$OUT" "用法："
has "the commands are described in Chinese" "$OUT" "从 CSV 导入记录"
has "the exit statuses are in Chinese" "$OUT" "权限不足"
run 0 "--help in English (C.UTF-8)" -- env LC_ALL=C.UTF-8 "$bin" --help
has "the usage is in English" "$OUT" "usage: wuye"
lacks "no Chinese in it" "$OUT" "用法"

run 0 "init" -- w init
run 3 "a bad import in Chinese" -- env LANGUAGE=zh_CN sh -c \
    "printf 'code,name\\nA 1,x\\n' >'$T/e.csv'; exec '$bin' --config '$CONF' --db '$DB' --user admin import estates '$T/e.csv'"
has "the message names the field in Chinese" "$ERR" "编号：“A 1”中不能有空格、逗号或引号"
has "and says nothing was imported" "$ERR" "没有导入任何记录"
finish
