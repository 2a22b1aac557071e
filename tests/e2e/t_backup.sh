#!/bin/sh
# wuye e2e: backup, verified restore, check.
. "$(dirname "$0")/lib.sh"

# What the database holds, to compare before and after.
state() { sqlite3 "$DB" "SELECT group_concat(name, ',') FROM (SELECT name FROM users ORDER BY name); SELECT count(*) FROM audit;" | tr '\n' ' '; }

run 0 "init" -- w init
WUYE_NEW_PASSWORD=clerkpw run 0 "add a clerk" -- w --user admin user add bob --role clerk
run 0 "check a fresh database" -- w check
has "check says ok" "$OUT" "ok: $DB: integrity, foreign keys, audit log (2 entries) and business rules"

run 0 "backup" -- w --user admin backup
BK=$(cat "$OUT")
case $BK in
"$T"/backups/wuye-[0-9]*-[0-9]*.db.gz) pass "backup named by date in backup.dir" ;;
*) fail "backup named by date in backup.dir ($BK)" ;;
esac
[ -f "$BK" ] && pass "the backup exists" || fail "the backup exists"
gzip -t "$BK" 2>/dev/null && pass "the backup is gzip" || fail "the backup is gzip"
run 0 "a second backup the same second" -- w --user admin backup
BK2=$(cat "$OUT")
[ "$BK" != "$BK2" ] && [ -f "$BK" ] && [ -f "$BK2" ] && pass "two backups, two names" || fail "two backups, two names ($BK $BK2)"
run 0 "backup -o" -- w --user admin backup -o "$T/mine.db.gz"
same "backup -o prints the path" "$T/mine.db.gz" "$(cat "$OUT")"
run 2 "backup with a stray argument" -- w --user admin backup now
WUYE_PASSWORD=clerkpw run 5 "a clerk may not back up" -- w --user bob backup
has "backup permission message" "$ERR" "may not make backups"

WUYE_NEW_PASSWORD=carolpw run 0 "add a user after the backup" -- w --user admin user add carol --role cashier
run 2 "restore without --yes and without a terminal" -- w --user admin restore "$BK"
has "it asks for --yes" "$ERR" "--yes"
run 2 "restore without a file" -- w --user admin restore --yes
WUYE_PASSWORD=clerkpw run 5 "a clerk may not restore" -- w --user bob restore --yes "$BK"
has "restore permission message" "$ERR" "may not restore a backup"
before=$(ls "$T/backups" | wc -l)
run 0 "restore --yes" -- w --user admin restore --yes "$BK"
same "the replaced database was backed up first" "$((before + 1))" "$(ls "$T/backups" | wc -l)"
has "restore says so" "$OUT" "restored $DB from $BK"
run 0 "user list after restore" -- w --user admin user list
lacks "the later user is gone" "$OUT" "carol"
has "the earlier user is back" "$OUT" "bob"
same "the restore is in the audit log" "backup.restore|admin" "$(sqlite3 "$DB" "SELECT action, user FROM audit ORDER BY id DESC LIMIT 1")"
run 0 "check after restore" -- w check

# Bad backups leave the database as it was.
before=$(state)
printf 'not a backup at all\n' >"$T/garbage.db.gz"
run 3 "restore of a garbage file" -- w --user admin restore --yes "$T/garbage.db.gz"
has "garbage is refused" "$ERR" "garbage.db.gz is not a wuye backup"
same "garbage left the database unchanged" "$before" "$(state)"
head -c 300 "$BK" >"$T/short.db.gz"
run 3 "restore of a truncated backup" -- w --user admin restore --yes "$T/short.db.gz"
has "truncation is found" "$ERR" "damaged"
same "truncation left the database unchanged" "$before" "$(state)"
sqlite3 "$T/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
run 3 "restore of another program's database" -- w --user admin restore --yes "$T/other.db"
has "a foreign database is refused" "$ERR" "another program"
same "a foreign database left the database unchanged" "$before" "$(state)"
run 4 "restore of a missing file" -- w --user admin restore --yes "$T/none.db.gz"
gunzip -c "$BK" >"$T/plain.db"
sqlite3 "$T/plain.db" "PRAGMA user_version = 99"
run 3 "restore of a newer database" -- w --user admin restore --yes "$T/plain.db"
has "a newer database is refused" "$ERR" "upgrade wuye first"
same "a newer database left the database unchanged" "$before" "$(state)"
gunzip -c "$BK" >"$T/plain.db"
run 0 "restore of a plain SQLite copy" -- w --user admin restore --yes "$T/plain.db"
ls -a "$(dirname "$DB")" | grep -q '^\.wuye-' && fail "no temporary files left" || pass "no temporary files left"

# Tampering with the audit log is found by check (and by restore).
run 0 "check before tampering" -- w check
sqlite3 "$DB" "DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'role=admin' WHERE id = 2;"
run 1 "check after tampering" -- w check
has "check names the entry" "$OUT" "audit log: entry 2 has been altered"
has "check counts the problems" "$ERR" "1 problem"
run 0 "backup of the tampered database" -- w --user admin backup -o "$T/tampered.db.gz"
run 3 "restore of a tampered backup" -- w --user admin restore --yes "$T/tampered.db.gz"
has "a tampered backup is refused" "$ERR" "entry 2 has been altered"
run 2 "check with an argument" -- w check everything

# Business rules.
sqlite3 "$DB" "INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');
INSERT INTO buildings (id, code, estate_id, name, type) VALUES (1, 'B1', 1, '1号楼', 'castle');"
run 1 "check finds a bad category" -- w check
has "the bad category is named" "$OUT" "buildings row 1: type 'castle' is not in the category list building_type"
has "two problems now" "$ERR" "2 problems"
finish
