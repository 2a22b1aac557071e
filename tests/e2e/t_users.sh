#!/bin/sh
# wuye e2e: init, users, log-in, lock-out, permissions.
. "$(dirname "$0")/lib.sh"

run 0 "init creates the database" -- w init
has "init says it created the database" "$OUT" "created database $DB (schema version"
has "init creates the admin user" "$OUT" "created user admin (role admin)"
run 0 "init again" -- w init
has "init again reports the version" "$OUT" "database $DB is at schema version"
lacks "init again creates no user" "$OUT" "created user"
run 0 "init --admin on a database with users" -- w init --admin boss
has "init --admin says no user was created" "$OUT" "no user boss created"
run 2 "init with a stray argument" -- w init extra
has "init usage" "$ERR" "usage: wuye init"

run 0 "user list" -- w --user admin user list
same "user list header" "name	role	full_name	failed	locked	created" "$(head -n 1 "$OUT")"
has "user list shows admin" "$OUT" "admin	admin		0	no	"

WUYE_NEW_PASSWORD=clerkpw run 0 "user add" -- w --user admin user add bob --role clerk --name "王小明"
has "user add says so" "$OUT" "created user bob (role clerk)"
run 0 "user list after add" -- w --user admin user list
has "bob is listed with his full name" "$OUT" "bob	clerk	王小明	0	no	"
run 0 "options before the name" -- w --user admin user add --role cashier carol
WUYE_NEW_PASSWORD=x run 3 "too short a password" -- w --user admin user add dave --role clerk
has "short password message" "$ERR" "at least 4 characters"
run 3 "unknown role" -- w --user admin user add dave --role boss
has "unknown role message" "$ERR" "unknown role 'boss'"
run 6 "duplicate user" -- w --user admin user add bob --role clerk
has "duplicate message" "$ERR" "user bob already exists"
run 2 "user add without --role" -- w --user admin user add dave
has "missing --role message" "$ERR" "needs --role"
run 2 "user add with an unknown option" -- w --user admin user add dave --role clerk --colour red
has "unknown option named" "$ERR" "--colour"
run 2 "unknown user subcommand" -- w --user admin user remove bob
run 2 "missing --user" -- w user list
has "missing --user message" "$ERR" "needs a user"

# Log-in: wrong password, permissions.  (Log-in succeeds before the
# permission check, so "permission denied" shows the password was right.)
WUYE_PASSWORD=nope run 5 "wrong password" -- w --user bob user list
has "wrong password message" "$ERR" "wrong password for bob; 4 more"
WUYE_PASSWORD=nope run 5 "unknown user" -- w --user nobody user list
has "unknown user message" "$ERR" "unknown user nobody"
WUYE_PASSWORD=clerkpw run 5 "clerk may not add users" -- w --user bob user add eve --role clerk
has "permission message" "$ERR" "permission denied: user bob (role clerk) may not manage users and their permissions"
WUYE_PASSWORD=clerkpw run 5 "clerk may not list users" -- w --user bob user list
has "list permission message" "$ERR" "permission denied: user bob (role clerk)"
WUYE_PASSWORD=clerkpw run 5 "clerk may not set another's password" -- w --user bob user passwd admin
WUYE_PASSWORD=clerkpw WUYE_NEW_PASSWORD=bobnew run 0 "clerk sets his own password" -- w --user bob user passwd bob
has "passwd says so" "$OUT" "new password set for bob"
WUYE_PASSWORD=bobnew run 5 "the new password works" -- w --user bob user list
has "logged in with the new password" "$ERR" "permission denied"
WUYE_PASSWORD=clerkpw run 5 "the old one does not" -- w --user bob user list
has "old password refused" "$ERR" "wrong password for bob; 4 more"

# Lock-out after 5 wrong passwords in a row (one is counted above).
for i in 2 3 4; do
	WUYE_PASSWORD=nope run 5 "wrong password $i" -- w --user bob user list
done
has "one try left" "$ERR" "wrong password for bob; 1 more"
WUYE_PASSWORD=nope run 5 "fifth wrong password locks" -- w --user bob user list
has "lock message" "$ERR" "now locked after 5 failed log-ins"
WUYE_PASSWORD=bobnew run 5 "locked even with the right password" -- w --user bob user list
has "locked message" "$ERR" "account bob is locked after 5 failed log-ins; an administrator must set a new password"
run 0 "user list shows the lock" -- w --user admin user list
has "bob is locked" "$OUT" "bob	clerk	王小明	5	yes	"
WUYE_NEW_PASSWORD=fresh run 0 "admin sets a new password" -- w --user admin user passwd bob
WUYE_PASSWORD=fresh run 5 "bob can log in again" -- w --user bob user list
has "logged in after the unlock" "$ERR" "permission denied"
run 0 "user list after unlock" -- w --user admin user list
has "bob is unlocked" "$OUT" "bob	clerk	王小明	0	no	"
run 4 "passwd of an unknown user" -- w --user admin user passwd nobody

# Everything above is in the audit log.
same "audit entries" "user.add:3 user.lock:1 user.passwd:2" \
	"$(sqlite3 "$DB" "SELECT group_concat(action || ':' || n, ' ') FROM (SELECT action, count(*) n FROM audit GROUP BY action ORDER BY action)")"
run 0 "check after all that" -- w check
finish
