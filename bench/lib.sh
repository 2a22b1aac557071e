# wuye benchmarks: shared set-up, sourced by bench/bench_*.sh.
#
# Each benchmark gets a private temporary folder ($T) with a configuration
# ($CONF) and these helpers:
#   wy DB ARGS...          run wuye on database DB
#   measure OUT DB ARGS... run wuye ARGS on DB (stdout to OUT); sets SECS
#                          (wall clock, seconds) and RSS_MB (peak resident
#                          memory, MB)
#   rate N                 N / SECS, rounded
#   report TEXT            print one result line "bench NAME: TEXT"
# The passwords are hashed with the "minimal" strength so that Argon2id
# does not blur the figures; see README.md.
set -u
: "${WUYE:?WUYE must name the wuye binary}"
T=$(mktemp -d "${TMPDIR:-/tmp}/wuye-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
export LC_ALL=C.UTF-8 TZ=UTC WUYE_PASSWORD=demo
unset WUYE_USER
mkdir -p "$HOME"
CONF="$T/wuye.conf"
cat >"$CONF" <<CONF
[security]
password_hash = minimal
[backup]
dir = $T/backups
CONF
NAME=$(basename "$0" .sh)
NAME=${NAME#bench_}
ROOMS=${BENCH_ROOMS:-100000}

wy() { db=$1; shift; "$WUYE" --config "$CONF" --db "$db" "$@"; }

measure() {
	out=$1 db=$2; shift 2
	set -- "$WUYE" --config "$CONF" --db "$db" "$@"
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%e %M' -o "$T/time" "$@" >"$out" || return 1
	else
		# No GNU time (Debian package "time"): getrusage through Python.
		python3 -c 'import resource, subprocess, sys, time
t = time.monotonic()
with open(sys.argv[2], "w") as out:
    rc = subprocess.call(sys.argv[3:], stdout=out)
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write("%.2f %d\n" % (time.monotonic() - t, ru.ru_maxrss))
sys.exit(rc)' "$T/time" "$out" "$@" || return 1
	fi
	SECS=$(awk '{ print $1 }' "$T/time")
	RSS_MB=$(awk '{ printf "%.1f", $2 / 1024 }' "$T/time")
}

rate() { awk -v n="$1" -v s="$SECS" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }

mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }

report() { echo "bench $NAME: $*"; }
