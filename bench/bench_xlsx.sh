#!/bin/sh
# Benchmark: an .xlsx export of BENCH_XLSX_ROWS rows (default 1,000,000) x 8
# columns (2 text, 1 integer, 3 money, 1 percent, 1 date) through the sink
# (bench/sink_xlsx.c), against the floor: the same cells written with plain
# libxlsxwriter in constant-memory mode (bench/xlsx_min.c).  Both are built
# here with cc, sink_xlsx against libwuye.a of the build folder that holds
# $WUYE.  Also times 1/10 of the rows, to show that memory stays flat.
# Goal (issue 5): the sink within 1.3x the floor's time, under 32 MiB.
. "$(dirname "$0")/lib.sh"

dir=$(cd "$(dirname "$0")" && pwd)
B=$(dirname "$WUYE")
ROWS=${BENCH_XLSX_ROWS:-1000000}
fail() { echo "bench $NAME: $*" >&2; sed 's/^/  /' "$T/err" >&2; exit 1; }

[ -f "$B/libwuye.a" ] || { echo "bench $NAME: $B/libwuye.a is missing; run make" >&2; exit 1; }
case $B in */asan) san=-fsanitize=address,undefined ;; *) san= ;; esac
cflags="-std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra $san $(pkg-config --cflags xlsxwriter)"
libs="$(pkg-config --libs xlsxwriter) -lcsv"
${CC:-cc} $cflags -o "$T/xlsx_min" "$dir/xlsx_min.c" $libs 2>"$T/err" ||
    fail "cannot build bench/xlsx_min.c"
${CC:-cc} $cflags -I"$dir/../include" -o "$T/sink_xlsx" "$dir/sink_xlsx.c" \
    "$B/libwuye.a" $libs 2>"$T/err" || fail "cannot build bench/sink_xlsx.c"

# timed CMD...: run CMD; sets SECS (wall clock), CPU (user + system
# seconds: steadier than SECS on a busy machine) and RSS_MB (peak memory).
timed() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%e %M %U %S' -o "$T/time" "$@" >/dev/null 2>"$T/err" || return 1
	else
		python3 -c 'import resource, subprocess, sys, time
t = time.monotonic()
rc = subprocess.call(sys.argv[2:])
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write("%.2f %d %.2f %.2f\n" % (time.monotonic() - t,
    ru.ru_maxrss, ru.ru_utime, ru.ru_stime))
sys.exit(rc)' "$T/time" "$@" >/dev/null 2>"$T/err" || return 1
	fi
	SECS=$(awk '{ print $1 }' "$T/time")
	CPU=$(awk '{ printf "%.2f", $3 + $4 }' "$T/time")
	RSS_MB=$(awk '{ printf "%.1f", $2 / 1024 }' "$T/time")
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

for n in $((ROWS / 10)) "$ROWS"; do
	timed "$T/xlsx_min" "$T/min.xlsx" "$n" || fail "xlsx_min failed"
	min_secs=$SECS min_cpu=$CPU min_rss=$RSS_MB min_size=$(mb "$T/min.xlsx")
	rm -f "$T/min.xlsx"
	timed "$T/sink_xlsx" "$T/sink.xlsx" "$n" || fail "sink_xlsx failed"
	report "$n rows x 8 columns: sink $SECS s ($CPU s CPU), $RSS_MB MB peak," \
	    "$(mb "$T/sink.xlsx") MB file; plain libxlsxwriter $min_secs s" \
	    "($min_cpu s CPU), $min_rss MB peak, $min_size MB;" \
	    "sink/plain: time $(ratio "$SECS" "$min_secs"), CPU $(ratio "$CPU" "$min_cpu")"
	rm -f "$T/sink.xlsx"
done
