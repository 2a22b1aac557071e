#!/bin/sh
# Run every tests/e2e/t_*.sh and print one summary line.
# WUYE names the binary under test (the Makefile passes the ASan build).
dir=$(dirname "$0")
E2E_RESULTS=$(mktemp)
export E2E_RESULTS
status=0
for t in "$dir"/t_*.sh; do
	[ -f "$t" ] || continue
	sh "$t" || status=1
done
awk '{ p += $1; f += $2 } END { printf "e2e: %d passed, %d failed\n", p, f }' "$E2E_RESULTS"
rm -f "$E2E_RESULTS"
exit $status
