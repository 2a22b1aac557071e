#!/bin/sh
# wuye e2e: `wuye bill run`, `wuye bank import` and `wuye period close`
# killed (SIGKILL) at random moments on a demo database.  After every kill
# `wuye check` must pass (integrity, audit chain, the money invariants) and
# the database must be in a state a whole run leaves: the bill run commits
# one transaction per estate (bills, bill_runs row, prepayment draws, audit
# entry), so each estate is billed wholly or not at all, in the order of
# their codes; a bank import and a period close are all or nothing.  The
# states are compared with those of runs on untouched copies.
#
# The demo (one month of charges) is made on a date faked 62 days back, so
# that its period (open) has ended and can be closed, and the month after
# it is new.
# CRASH_ROOMS (default 2000) and CRASH_KILLS (default 30) scale it.
. "$(dirname "$0")/lib.sh"

# faketime preloads a library, which ASan would refuse.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
ROOMS=${CRASH_ROOMS:-2000}
KILLS=${CRASH_KILLS:-30}
P="$T/pristine.db"
W="$T/work.db"

wp() { db=$1; shift; "$WUYE" --config "$CONF" --db "$db" "$@"; }
sq() { sqlite3 "$1" "$2"; }
# A fresh copy of the pristine database.
restore() { rm -f "$1" "$1-wal" "$1-shm"; cp "$P" "$1"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# Sleep a random time from 0 to $1 ms.
nap() {
	r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	ms=$((r % ($1 + 1)))
	sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
}
# Index of the reference state ($T/ref.NAME.K) equal to file $2, else -1.
which_ref() {
	k=0
	while [ -f "$T/ref.$1.$k" ]; do
		cmp -s "$T/ref.$1.$k" "$2" && { echo $k; return; }
		k=$((k + 1))
	done
	echo -1
}

command -v faketime >/dev/null 2>&1 ||
    { fail "faketime is not installed (Debian package faketime; make deps)"; finish; exit 1; }
past=$(date -d '-62 days' '+%Y-%m-%d 10:00:00')
run 0 "demo of $ROOMS rooms on $past" -- faketime "$past" "$WUYE" --config "$CONF" \
    --db "$P" demo --rooms "$ROOMS" --months 1
OPEN=$(sq "$P" "SELECT max(period) FROM bills")
NEW=$(sq "$P" "SELECT strftime('%Y-%m', '$OPEN-01', '+1 month')")
same "the demo's last period is open" 0 "$(sq "$P" "SELECT count(*) FROM periods WHERE period = '$OPEN' AND closed_at IS NOT NULL")"
ESTATES=$(sq "$P" "SELECT count(*) FROM estates")

# A third of the payers pay by bank debit; the debit file of the open
# period is exported into the pristine database.
sq "$P" "UPDATE clients SET bank_debit = 1, bank = '工商银行',
	bank_account = printf('62220202%08d', id) WHERE id % 3 = 0" || fail "set-up SQL"
run 0 "bank export of $OPEN" -- wp "$P" --user admin bank export "$OPEN" -o "$T/debit.csv"
tr -d '\r' <"$T/debit.csv" | awk -F, 'NR == 1 { print $0 ",result,bank_ref"; next }
	{ print $0 "," (NR % 5 == 0 ? "failed," : "ok,BK" NR) }' >"$T/result.csv"
DEBITS=$(($(wc -l <"$T/result.csv") - 1))
same "debit lines to import" 1 "$([ "$DEBITS" -gt 20 ] && echo 1)"
sq "$P" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null

# What identifies a state: per estate its bills of NEW, their total and
# bill_runs rows; the prepayment draws; the receipts paid by bank and the
# debit lines paid; the period's closing; the audit entries.
sig_bill() {
	sq "$1" "SELECT e.code, count(b.id), coalesce(sum(b.amount), 0),
		(SELECT count(*) FROM bill_runs u WHERE u.estate_id = e.id AND u.period = '$NEW')
	FROM estates e LEFT JOIN buildings g ON g.estate_id = e.id
	LEFT JOIN rooms r ON r.building_id = g.id
	LEFT JOIN bills b ON b.room_id = r.id AND b.period = '$NEW'
	GROUP BY e.id ORDER BY e.code;
	SELECT 'prepay', count(*), coalesce(sum(amount), 0) FROM receipts WHERE method = 'prepay';
	SELECT 'audit', count(*) FROM audit;"
}
sig_bank() {
	sq "$1" "SELECT 'bank', count(*), coalesce(sum(amount), 0) FROM receipts WHERE method = 'bank';
	SELECT 'receipts', count(*), coalesce(sum(amount), 0) FROM receipts;
	SELECT 'lines paid', count(*) FROM bank_debits WHERE receipt_id IS NOT NULL;
	SELECT 'allocated', coalesce(sum(amount + late_fee), 0) FROM allocations WHERE reversed = 0;
	SELECT 'audit', count(*) FROM audit;"
}
sig_close() {
	sq "$1" "SELECT 'closed', count(*), coalesce(max(receivable), 0), coalesce(max(received), 0),
		coalesce(max(waived), 0), coalesce(max(outstanding), 0), coalesce(max(digest), '')
	FROM periods WHERE period = '$OPEN' AND closed_at IS NOT NULL;
	SELECT 'audit', count(*) FROM audit;"
}
checked() { wp "$1" check >"$T/check.out" 2>&1 || { sed 's/^/  check: /' "$T/check.out" | head -n 5; return 1; }; }

# The reference states of the bill run: estate by estate, in code order.
R="$T/ref.db"
restore "$R"
sig_bill "$R" >"$T/ref.bill.0"
k=0
for code in $(sq "$R" "SELECT code FROM estates ORDER BY code"); do
	k=$((k + 1))
	wp "$R" --user admin bill run "$NEW" --estate "$code" >/dev/null 2>"$ERR" ||
	    fail "reference bill run of estate $code"
	sig_bill "$R" >"$T/ref.bill.$k"
done
same "one reference state per estate" "$ESTATES" "$k"
# A whole run on an untouched copy reaches the same state; it is timed.
F="$T/full.db"
restore "$F"
t0=$(now_ms)
run 0 "bill run $NEW on an untouched copy" -- wp "$F" --user admin bill run "$NEW"
DUR=$(($(now_ms) - t0))
sig_bill "$F" >"$T/full.sig"
same "a whole run equals the estates billed one by one" "$ESTATES" "$(which_ref bill "$T/full.sig")"
FULL=$(sq "$F" "SELECT count(*) || ' ' || sum(amount) FROM bills WHERE period = '$NEW'")
same "the run billed something" 1 "$(sq "$F" "SELECT count(*) > 0 FROM bills WHERE period = '$NEW'")"

# Kill the bill run at random moments, on one database: each run carries
# on from where the last was killed; once the period is wholly billed the
# database is put back as it was.  The sleeps range over the run's
# duration, estimated afresh: a fifth shorter when the run had finished,
# longer again (up to the timed run's) when it had not billed anything.
restore "$W"
bad=0 i=0 none=0 part=0 whole=0 range=$DUR
while [ $i -lt "$KILLS" ]; do
	"$WUYE" --config "$CONF" --db "$W" --user admin bill run "$NEW" >/dev/null 2>&1 &
	pid=$!
	nap "$range"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	checked "$W" || { bad=$((bad + 1)); echo "  after kill $i: check failed"; }
	sig_bill "$W" >"$T/sig"
	k=$(which_ref bill "$T/sig")
	if [ "$k" -lt 0 ]; then
		bad=$((bad + 1))
		echo "  after kill $i: not the state of whole estates:"; sed 's/^/    /' "$T/sig"
		restore "$W"
	elif [ "$k" -eq 0 ]; then
		none=$((none + 1))
		range=$((range * 6 / 5 < DUR ? range * 6 / 5 : DUR))
	elif [ "$k" -lt "$ESTATES" ]; then
		part=$((part + 1))
	else
		whole=$((whole + 1))
		range=$((range * 4 / 5 + 1))
		restore "$W"
	fi
	i=$((i + 1))
done
same "$KILLS kills of the bill run ($DUR ms a run): check passes and estates are whole ($none none, $part some, $whole all billed)" 0 "$bad"
same "some kills interrupted the run" 1 "$([ $((none + part)) -gt 0 ] && echo 1)"
run 0 "the bill run after the kills" -- wp "$W" --user admin bill run "$NEW"
sig_bill "$W" >"$T/sig"
same "it ends in the state of a whole run" "$ESTATES" "$(which_ref bill "$T/sig")"
same "bills and total as on the untouched copy" "$FULL" \
    "$(sq "$W" "SELECT count(*) || ' ' || sum(amount) FROM bills WHERE period = '$NEW'")"
same "no bill twice" 0 "$(sq "$W" "SELECT count(*) FROM (SELECT 1 FROM bills WHERE period = '$NEW' GROUP BY room_id, fee_item_id HAVING count(*) > 1)")"
same "one bill run per estate" "$ESTATES" "$(sq "$W" "SELECT count(*) FROM bill_runs WHERE period = '$NEW'")"
run 0 "check after the bill run" -- wp "$W" check

# Kill a bank import and a period close: all or nothing, each time on a
# fresh copy; then run to the end on the last one.
kill_loop() {	# NAME N: $CMD on $W, states ref.NAME.0 (before), .1 (after)
	name=$1 n=$2
	bad=0 i=0 none=0 whole=0
	while [ $i -lt "$n" ]; do
		restore "$W"
		"$WUYE" --config "$CONF" --db "$W" --user admin $CMD >/dev/null 2>&1 &
		pid=$!
		nap "$DUR"
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		checked "$W" || { bad=$((bad + 1)); echo "  after kill $i: check failed"; }
		sig_$name "$W" >"$T/sig"
		case $(which_ref "$name" "$T/sig") in
		0) none=$((none + 1)) ;;
		1) whole=$((whole + 1)) ;;
		*) bad=$((bad + 1)); echo "  after kill $i: neither before nor after:"
		   sed 's/^/    /' "$T/sig" ;;
		esac
		i=$((i + 1))
	done
	same "$n kills of $name ($DUR ms a run): check passes, all or nothing ($none nothing, $whole all)" 0 "$bad"
	if [ "$(which_ref "$name" "$T/sig")" = 0 ]; then
		run 0 "$name to the end after the kills" -- wp "$W" --user admin $CMD
	fi
	sig_$name "$W" >"$T/sig"
	same "$name ends as on the untouched copy" 1 "$(which_ref "$name" "$T/sig")"
	run 0 "check after $name" -- wp "$W" check
}

CMD="bank import $T/result.csv"
restore "$R"
sig_bank "$R" >"$T/ref.bank.0"
t0=$(now_ms)
run 0 "bank import on an untouched copy" -- wp "$R" --user admin $CMD
DUR=$(($(now_ms) - t0))
has "it paid the ok lines" "$ERR" "debits paid"
sig_bank "$R" >"$T/ref.bank.1"
kill_loop bank 8
same "every ok line paid once" "$(grep -c ',ok,' "$T/result.csv")" \
    "$(($(sq "$W" "SELECT count(*) FROM receipts WHERE method = 'bank'") - $(sq "$P" "SELECT count(*) FROM receipts WHERE method = 'bank'")))"

CMD="period close $OPEN"
restore "$R"
sig_close "$R" >"$T/ref.close.0"
t0=$(now_ms)
run 0 "period close on an untouched copy" -- wp "$R" --user admin $CMD
DUR=$(($(now_ms) - t0))
sig_close "$R" >"$T/ref.close.1"
kill_loop close 8

finish
