# wuye end-to-end test helpers, sourced by every tests/e2e/t_*.sh.
#
# Each test script gets a private temporary HOME, configuration and
# database, a fixed locale and time zone, and these helpers:
#   w ARGS...                  run wuye on the test database ($DB, $CONF)
#   run STATUS DESC -- CMD...  run CMD, expect exit STATUS; output in $OUT/$ERR
#   has DESC FILE PATTERN      expect FILE to contain the fixed string
#   lacks DESC FILE PATTERN    expect FILE not to contain it
#   same DESC EXPECTED ACTUAL  expect two strings to be equal
# Failures print the command's output; the summary is printed by run.sh.
set -u
: "${WUYE:?WUYE must name the wuye binary}"
T=$(mktemp -d "${TMPDIR:-/tmp}/wuye-e2e.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
unset LANGUAGE WUYE_USER
export WUYE_PASSWORD=demo
mkdir -p "$HOME"
CONF="$T/wuye.conf"
DB="$T/wuye.db"
OUT="$T/out"
ERR="$T/err"
cat >"$CONF" <<CONF
[security]
password_hash = minimal
[backup]
dir = $T/backups
CONF
PASSED=0
FAILED=0
NAME=$(basename "$0" .sh)

w() { "$WUYE" --config "$CONF" --db "$DB" "$@"; }

pass() { PASSED=$((PASSED + 1)); echo "PASS $NAME: $1"; }
fail() {
	FAILED=$((FAILED + 1)); echo "FAIL $NAME: $1"
	[ -f "$OUT" ] && sed 's/^/  out: /' "$OUT" | head -n 20
	[ -f "$ERR" ] && sed 's/^/  err: /' "$ERR" | head -n 20
	return 0
}

run() {
	want=$1 desc=$2; shift 3
	"$@" >"$OUT" 2>"$ERR" </dev/null
	got=$?
	if [ "$got" = "$want" ]; then pass "$desc"; else fail "$desc (exit $got, wanted $want)"; fi
}

has() { if grep -qF -- "$3" "$2"; then pass "$1"; else fail "$1 (no '$3' in $2)"; fi; }
lacks() { if grep -qF -- "$3" "$2"; then fail "$1 ('$3' in $2)"; else pass "$1"; fi; }
same() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1 (wanted '$2', got '$3')"; fi; }

# The wuye to run for Chinese messages: wuye finds its catalogues in
# locale/ beside itself, and the sanitised build (build/asan/wuye) has them
# one folder up, so that one is copied beside a link to them.
localized_wuye() {
	l_dir=$(dirname "$WUYE")
	if [ ! -d "$l_dir/locale" ] && [ -d "$l_dir/../locale" ]; then
		mkdir -p "$T/bin"
		[ -e "$T/bin/wuye" ] || cp "$WUYE" "$T/bin/wuye"
		[ -e "$T/bin/locale" ] ||
		    ln -s "$(cd "$l_dir/../locale" && pwd)" "$T/bin/locale"
		echo "$T/bin/wuye"
	else
		echo "$WUYE"
	fi
}

# Call at the end of each script.
finish() {
	echo "$PASSED $FAILED" >>"${E2E_RESULTS:-/dev/null}"
	[ "$FAILED" -eq 0 ]
}
