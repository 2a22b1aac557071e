#!/bin/sh
# Run every benchmark (bench/bench_*.sh); `make bench` calls this.
# WUYE names the binary (default: build/wuye of this tree); BENCH_ROOMS
# the number of rooms (default 100000).  See bench/README.md.
dir=$(cd "$(dirname "$0")" && pwd)
WUYE=${WUYE:-$(dirname "$dir")/build/wuye}
case $WUYE in /*) ;; *) WUYE=$PWD/$WUYE ;; esac
export WUYE
if [ ! -x "$WUYE" ]; then
	echo "bench: $WUYE is not built; run make first" >&2
	exit 1
fi
for tool in sqlite3 awk; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "bench: $tool is needed" >&2; exit 1; }
done
echo "bench: $("$WUYE" --version), $(nproc) CPUs, $(date -u +%Y-%m-%d)"
status=0
for b in "$dir"/bench_*.sh; do
	sh "$b" || status=1
done
exit $status
