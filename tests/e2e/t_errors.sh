# wuye e2e: bad command lines, missing or corrupt databases, bad configuration.
. "$(dirname "$0")/lib.sh"

run 0 "--help" -- "$WUYE" --help
has "--help lists the commands" "$OUT" "import KIND FILE.csv"
has "--help lists the exit statuses" "$OUT" "3 invalid input"
run 0 "--version" -- "$WUYE" --version
has "--version prints the version" "$OUT" "wuye "
run 2 "an unknown option" -- "$WUYE" --colour
run 2 "an unknown command" -- w frobnicate
has "it names the command" "$ERR" "unknown command 'frobnicate'"

run 4 "no database yet" -- w
has "it says how to create one" "$ERR" "wuye init"
run 4 "import into a missing database" -- w --user admin import rooms /dev/null

printf 'this is not a database, just some text that is long enough\n%.0s' 1 2 3 4 5 6 7 8 9 10 >"$T/junk.db"
run 1 "a file that is not a database" -- "$WUYE" --config "$CONF" --db "$T/junk.db" check
has "it says so" "$ERR" "not a database"
sqlite3 "$T/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
run 1 "another program's SQLite database" -- "$WUYE" --config "$CONF" --db "$T/other.db"
has "it is refused" "$ERR" "not a wuye database"
run 0 "init" -- w init
version=$(sqlite3 "$DB" "PRAGMA user_version")
sqlite3 "$DB" "PRAGMA user_version = 99"
run 1 "a database newer than the program" -- w
has "it says to upgrade" "$ERR" "upgrade wuye"
sqlite3 "$DB" "PRAGMA user_version = $version"

printf '[database]\ncolour = blue\n' >"$T/bad.conf"
run 3 "a configuration with an unknown key" -- "$WUYE" --config "$T/bad.conf" --db "$DB"
has "it names the file and key" "$ERR" "bad.conf: unknown option database.colour"
printf '[database]\nbusy_timeout = soon\n' >"$T/bad.conf"
run 3 "a configuration with a bad number" -- "$WUYE" --config "$T/bad.conf" --db "$DB"
has "it names the key and value" "$ERR" "database.busy_timeout: 'soon'"
printf '[ui]\nlanguage = fr\n' >"$T/bad.conf"
run 3 "a configuration with a bad choice" -- "$WUYE" --config "$T/bad.conf" --db "$DB"
has "it lists the choices" "$ERR" "auto|en|zh"
printf '[ui\nlanguage = en\n' >"$T/bad.conf"
run 3 "a configuration with a syntax error" -- "$WUYE" --config "$T/bad.conf" --db "$DB"
has "it names the file" "$ERR" "bad.conf"
run 4 "a configuration file that does not exist" -- "$WUYE" --config "$T/none.conf" --db "$DB"

run 2 "a command that needs a user, without one" -- w export rooms
has "it asks for --user" "$ERR" "--user"
run 5 "a wrong password" -- env WUYE_PASSWORD=wrong "$WUYE" --config "$CONF" --db "$DB" --user admin export rooms
run 5 "an unknown user" -- w --user nobody export rooms
finish
