# wuye e2e: import and export on the command line (CSV in, CSV/xlsx out).
. "$(dirname "$0")/lib.sh"
D=$(cd "$(dirname "$0")/data" && pwd)
KINDS="estates buildings rooms clients occupancy family parking vehicles"

run 0 "init creates the database" -- w init
for k in $KINDS; do
	run 0 "import $k" -- w --user admin import "$k" "$D/$k.csv"
	has "import $k says how many" "$OUT" "imported"
done
run 0 "export rooms as CSV" -- w --user admin export rooms
has "export keeps Chinese text of lookups" "$OUT" "A1-1-102,,A1,1,1,1234.56,1200.00,3b2l,SN,residential,rented,2019-06-30,"
run 0 "export clients masks nothing for admin" -- w --user admin export clients
has "admin sees the whole ID number" "$OUT" "11010519491231002X"

# Round trip: every kind exported and imported into a new database is the same.
DB2="$T/two.db"
run 0 "init a second database" -- "$WUYE" --config "$CONF" --db "$DB2" init
ok=yes
for k in $KINDS; do
	w --user admin export "$k" -o "$T/$k.csv" >/dev/null 2>&1 || ok="export $k"
	"$WUYE" --config "$CONF" --db "$DB2" --user admin import "$k" "$T/$k.csv" >/dev/null 2>"$ERR" || ok="import $k: $(cat "$ERR")"
	"$WUYE" --config "$CONF" --db "$DB2" --user admin export "$k" -o "$T/$k.2.csv" >/dev/null 2>&1 || ok="export2 $k"
	cmp -s "$T/$k.csv" "$T/$k.2.csv" || ok="$k differs"
done
same "export, import and export again give the same files" yes "$ok"

# All or nothing, with file:line:column.
cat >"$T/bad.csv" <<CSV
code,building,floor,build_area,charge_area
B-1,A1,2,80,78
B-2,A1,2,80.123,78
B-3,ZZ,2,80,78
CSV
before=$(w --user admin export rooms | md5sum)
run 3 "a bad import exits 3" -- w --user admin import rooms "$T/bad.csv"
has "it names file, line and column" "$ERR" "bad.csv:3:4: Building area"
has "it lists every problem" "$ERR" "bad.csv:4:2: Building: there is no 'ZZ'"
has "it says nothing was imported" "$ERR" "nothing was imported"
same "the database is unchanged" "$before" "$(w --user admin export rooms | md5sum)"

printf 'room,client,role,start_date,payer\nA1-1-101,C002,owner,2024-01-01,yes\n' >"$T/payer.csv"
run 3 "a second payer for a room is refused" -- w --user admin import occupancy "$T/payer.csv"
has "the message says why" "$ERR" "already has a payer"

printf 'code,name,id_type,id_no\nC9,赵六,idcard,110105194912310021\n' >"$T/id.csv"
run 3 "a wrong ID check digit is refused" -- w --user admin import clients "$T/id.csv"
has "the message names the column" "$ERR" "id.csv:2:4: ID number"

# An ID number with the right check digit but born before 1900 is only a
# warning: refused, unless --accept-warnings by a user with client.override.
printf 'code,name,id_type,id_no\nC9,赵六,idcard,110101189905010019\n' >"$T/old.csv"
run 3 "a birth date before 1900 is refused" -- w --user admin import clients "$T/old.csv"
has "the message names file:line:column and the rule" "$ERR" \
    "old.csv:2:4: ID number '110101189905010019': birth date 1899-05-01 is before 1900"
has "the message says how to import it anyway" "$ERR" "--accept-warnings"
run 0 "admin imports it with --accept-warnings" -- \
    w --user admin import clients "$T/old.csv" --accept-warnings
run 0 "export clients" -- w --user admin export clients
has "the client is in the export, the gender from the number" "$OUT" \
    "C9,赵六,person,M,idcard,110101189905010019,"
printf 'code,name,id_type,id_no\nC11,孙八,idcard,110101189905010018\n' >"$T/old3.csv"
run 3 "a wrong check digit is refused even with --accept-warnings" -- \
    w --user admin import clients "$T/old3.csv" --accept-warnings
has "it names the check digit" "$ERR" "old3.csv:2:4: ID number '110101189905010018': check digit is 8, should be 9"
run 0 "--help shows --accept-warnings" -- w --help
has "in the import line" "$OUT" "import KIND FILE.csv [--accept-warnings]"

# A NUL byte in a cell is refused with file:line:column (it used to cut
# the text short and import it).
printf 'code,name\nJX8,锦\000绣\n' >"$T/nul.csv"
run 3 "a NUL byte in a cell is refused" -- w --user admin import estates "$T/nul.csv"
has "it names file, line and column" "$ERR" "nul.csv:2:2: Name: control characters are not allowed"

# Missing trailing cells are empty; more cells than the header is an error.
printf 'code,name,address\nJX8,锦绣八期\n' >"$T/short.csv"
run 0 "a row with fewer cells than the header is imported" -- \
    w --user admin import estates "$T/short.csv"
printf 'code,name\nJX9,锦绣九期,x\n' >"$T/long.csv"
run 3 "a row with more cells than the header is refused" -- \
    w --user admin import estates "$T/long.csv"
has "it names file and line" "$ERR" "long.csv:2: 3 cells, but the header has 2 columns"

run 2 "an unknown kind is a usage error" -- w --user admin import nosuch "$D/rooms.csv"
has "it lists the kinds" "$ERR" "estates"
run 4 "a missing file is not found" -- w --user admin import rooms "$T/none.csv"
run 2 "import without a file is a usage error" -- w --user admin import rooms

# xlsx, read back by an independent reader.
run 0 "export rooms as xlsx" -- w --user admin export rooms -o "$T/rooms.xlsx"
/usr/bin/python3 - "$T/rooms.xlsx" >"$OUT" 2>&1 <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = list(ws.iter_rows(values_only=True))
print("title", ws.title)
print("header", rows[0][0], rows[0][5])
print("rows", len(rows) - 1)
print("area", rows[2][5], ws.cell(3, 6).number_format)
print("date", rows[1][11].date())
print("frozen", ws.freeze_panes)
PY
has "the sheet is named" "$OUT" "title Rooms"
has "the header has labels" "$OUT" "header Room code Building area (m²)"
has "every room is a row" "$OUT" "rows 6"
has "areas are numbers with 2 decimals" "$OUT" "area 1234.56 0.00"
has "dates are real dates" "$OUT" "date 2019-06-30"
has "the header row is frozen" "$OUT" "frozen A2"
run 0 "xlsx without -o goes into the export folder (t_export_dir)" -- \
    w --user admin export rooms --format xlsx
has "and says where" "$OUT" "$HOME/wuye-exports/rooms-"
run 2 "xlsx to standard output (-o -) is refused" -- \
    w --user admin export rooms --format xlsx -o -

# Permissions: a cashier reads (with masked ID numbers) but may not import.
printf 'demo\n' >/dev/null
run 0 "admin adds a cashier" -- w --user admin user add cash1 --role cashier
run 5 "a cashier may not import" -- w --user cash1 import rooms "$D/rooms.csv"
run 0 "admin adds a clerk" -- w --user admin user add clerk1 --role clerk
printf 'code,name,id_type,id_no\nC10,钱七,idcard,110101189905010027\n' >"$T/old2.csv"
run 5 "a clerk may not accept warnings" -- \
    w --user clerk1 import clients "$T/old2.csv" --accept-warnings
has "the message says in words what is not allowed" "$ERR" "save a record despite a warning"
run 3 "without the option the clerk's row is refused" -- \
    w --user clerk1 import clients "$T/old2.csv"
finish
