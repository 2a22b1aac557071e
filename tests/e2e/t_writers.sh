#!/bin/sh
# wuye e2e: the writers' queue (db.h): writers of several `wuye pay`
# processes at once take their turns through DB-wlock; some are killed
# (SIGKILL) while they hold their turn or wait for it, and the others must
# still all succeed, with the database whole and the receipt numbers
# without gaps.  A writer outside wuye (the sqlite3 shell) still gets its
# turn through SQLite's lock.
. "$(dirname "$0")/lib.sh"

run 0 "demo" -- w demo --rooms 60 --months 2 --seed 7
ROOMS=$(sqlite3 "$DB" "SELECT r.code FROM rooms r WHERE EXISTS (SELECT 1 FROM bills b
	WHERE b.room_id = r.id AND b.amount > b.paid + b.waived) ORDER BY r.code LIMIT 6")
same "six rooms with bills to pay" 6 "$(echo "$ROOMS" | wc -l)"
run 0 "a payment" -- w --user admin pay "$(echo "$ROOMS" | head -n 1)" 0.01 --method cash
same "the queue's lock file is beside the database" 1 "$([ -f "$DB-wlock" ] && echo 1)"

R0=$(sqlite3 "$DB" "SELECT max(id) FROM receipts")

# Rounds of six payments at once; two of each round killed 0-29 ms after
# the start (before, while waiting for the turn, in it, or after).
bad=0 killed=0 round=0
while [ $round -lt 10 ]; do
	pids=
	for r in $ROOMS; do
		w --user admin pay "$r" 0.01 --method cash >/dev/null 2>>"$T/errs" &
		pids="$pids $!"
	done
	n=$(od -An -N1 -tu1 /dev/urandom | tr -d ' ')
	sleep "$(printf '0.%03d' $((n % 30)))"
	k=0
	for p in $pids; do
		[ $(((k + round) % 3)) = 0 ] && kill -9 "$p" 2>/dev/null
		k=$((k + 1))
	done
	k=0
	for p in $pids; do
		wait "$p"
		rc=$?
		if [ $(((k + round) % 3)) = 0 ]; then
			[ $rc = 137 ] && killed=$((killed + 1))
		elif [ $rc != 0 ]; then
			bad=$((bad + 1))
		fi
		k=$((k + 1))
	done
	round=$((round + 1))
done
same "every payment not killed succeeded" 0 "$bad"
[ "$bad" = 0 ] || sed 's/^/  err: /' "$T/errs" | head -n 10
same "some were killed in the middle" 1 "$([ "$killed" -gt 0 ] && echo 1)"
run 0 "check after the kills" -- w check
same "admin's numbers have no gap" \
    "$(sqlite3 "$DB" "SELECT next_no - 1 FROM receipt_series WHERE code = 'admin'")" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM receipts r JOIN receipt_series s ON s.id = r.series_id WHERE s.code = 'admin'")"
same "what was received went to the bills" "$(sqlite3 "$DB" "SELECT sum(amount) FROM receipts WHERE id > $R0")" \
    "$(sqlite3 "$DB" "SELECT sum(amount + late_fee) FROM allocations WHERE receipt_id > $R0")"

# The sqlite3 shell writing among wuye's writers: it does not queue, but
# the busy handlers let each through.
pids=
for r in $ROOMS; do
	w --user admin pay "$r" 0.01 --method cash >/dev/null 2>>"$T/errs2" &
	pids="$pids $!"
done
sqlite3 -cmd ".timeout 10000" "$DB" "BEGIN IMMEDIATE; SELECT 1; COMMIT;" >/dev/null 2>"$T/shell.err"
shell=$?
bad=0
for p in $pids; do wait "$p" || bad=$((bad + 1)); done
same "the shell wrote among them" 0 "$shell"
same "every payment beside the shell succeeded" 0 "$bad"
run 0 "check at the end" -- w check

finish
