# wuye e2e: the manual pages render cleanly and keep up with the program:
# every command, every key, every configuration option and every column of
# every form is documented.  The lists of kinds and keys in wuye.1 are
# rewritten by `python3 tools/man-sections.py build/wuye`.
. "$(dirname "$0")/lib.sh"

top=$(cd "$(dirname "$0")/../.." && pwd)
man1="$top/man/wuye.1"
man5="$top/man/wuye.conf.5"

for page in "$man1" "$man5"; do
	name=$(basename "$page")
	run 0 "$name renders" -- groff -man -Tutf8 -ww -z "$page"
	same "$name renders without warnings" "" "$(cat "$ERR")"
	run 0 "$name renders through man" -- env MANWIDTH=80 man -l "$page"
	same "man shows $name without warnings" "" "$(cat "$ERR")"
done

# Every command of --help has a subsection in wuye(1).
"$WUYE" --help | sed -n '/^Commands:/,/^$/p' | grep '^  [a-z]' |
    awk '{ print $1 }' >"$T/commands"
same "--help lists commands" "yes" "$([ -s "$T/commands" ] && echo yes)"
while read -r cmd; do
	has "wuye(1) documents the command $cmd" "$man1" ".SS \"wuye $cmd"
done <"$T/commands"

# Every action of `wuye --keys` is in the key list of wuye(1), with its keys.
run 0 "wuye --keys" -- "$WUYE" --keys
has "--keys has a header" "$OUT" "action	keys	help"
has "wuye(1) documents --keys" "$man1" ".B \\-\\-keys"
sed 1d "$OUT" >"$T/keys"
while IFS='	' read -r action keys help; do
	has "wuye(1) lists the keys of $action" "$man1" \
	    ".B \"$(printf '%s' "$keys" | sed 's/-/\\-/g')\""
	has "wuye(1) names the action $action" "$man1" \
	    "\\fI\\%$(printf '%s' "$action" | sed 's/-/\\-/g')\\fP: $help."
done <"$T/keys"

# Every option of the table in src/core/conf.c has an entry in wuye.conf(5).
grep -o '^	{ "[a-z_]*\.[a-z_]*"' "$top/src/core/conf.c" | sed 's/.*"\(.*\)"/\1/' \
    >"$T/options"
same "the option table is found" "yes" "$([ -s "$T/options" ] && echo yes)"
while read -r opt; do
	has "wuye.conf(5) documents $opt" "$man5" ".B $opt"
done <"$T/options"

# Every form has a subsection in wuye(1), and every field an entry.
for form in "$top"/forms/*.ini; do
	kind=$(basename "$form" .ini)
	sed -n "/^\\.SS $kind\$/,/^\\.SS /p" "$man1" >"$T/section"
	same "wuye(1) documents the kind $kind" "yes" \
	    "$([ -s "$T/section" ] && echo yes)"
	for field in $(sed -n 's/^\[\([a-z_0-9]*\)\]$/\1/p' "$form" | grep -v '^form$'); do
		has "wuye(1) documents $kind.$field" "$T/section" \
		    "\\fB$(printf '%s' "$field" | sed 's/-/\\-/g')\\fP \\(em"
	done
done
finish
