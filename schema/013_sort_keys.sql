-- wuye schema 13: natural and pinyin order, pinyin initials search.
-- A text field whose form says `sort = natural|pinyin|name` has a shadow
-- column COLUMN_key with its sort key (numbers by value, Chinese by pinyin;
-- see include/wuye/pinyin.h), and for pinyin and name COLUMN_py with its
-- initials (张三丰: zsf), which the search matches too.  wuye writes them
-- with every insert and update; the table sort_keys lists them, so that
-- rows written by other programs (sqlite3) get their keys when wuye next
-- opens the database (a key '' is one never filled), and `wuye check`
-- names the rows whose key is stale.  The functions wuye_sort_key() and
-- wuye_initials() exist on wuye's own connections only: no trigger, index
-- or default uses them, so any SQLite program can still read and write.
CREATE TABLE sort_keys (
	tbl	TEXT NOT NULL,
	col	TEXT NOT NULL,
	sort	TEXT NOT NULL CHECK (sort IN ('natural', 'pinyin', 'name')),
	PRIMARY KEY (tbl, col)
) STRICT, WITHOUT ROWID;

INSERT INTO sort_keys VALUES ('estates', 'code', 'natural');
ALTER TABLE estates ADD COLUMN code_key TEXT NOT NULL DEFAULT '';
UPDATE estates SET code_key = wuye_sort_key(code, 'natural');
CREATE INDEX estates_code_key ON estates (code_key);

INSERT INTO sort_keys VALUES ('estates', 'name', 'pinyin');
ALTER TABLE estates ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE estates ADD COLUMN name_py TEXT NOT NULL DEFAULT '';
UPDATE estates SET name_key = wuye_sort_key(name, 'pinyin'), name_py = wuye_initials(name, 'pinyin');
CREATE INDEX estates_name_key ON estates (name_key);
CREATE INDEX estates_name_py ON estates (name_py);

INSERT INTO sort_keys VALUES ('buildings', 'code', 'natural');
ALTER TABLE buildings ADD COLUMN code_key TEXT NOT NULL DEFAULT '';
UPDATE buildings SET code_key = wuye_sort_key(code, 'natural');
CREATE INDEX buildings_code_key ON buildings (code_key);

INSERT INTO sort_keys VALUES ('buildings', 'name', 'pinyin');
ALTER TABLE buildings ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE buildings ADD COLUMN name_py TEXT NOT NULL DEFAULT '';
UPDATE buildings SET name_key = wuye_sort_key(name, 'pinyin'), name_py = wuye_initials(name, 'pinyin');
CREATE INDEX buildings_name_key ON buildings (name_key);
CREATE INDEX buildings_name_py ON buildings (name_py);

INSERT INTO sort_keys VALUES ('rooms', 'code', 'natural');
ALTER TABLE rooms ADD COLUMN code_key TEXT NOT NULL DEFAULT '';
UPDATE rooms SET code_key = wuye_sort_key(code, 'natural');
CREATE INDEX rooms_code_key ON rooms (code_key);

INSERT INTO sort_keys VALUES ('rooms', 'name', 'pinyin');
ALTER TABLE rooms ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE rooms ADD COLUMN name_py TEXT NOT NULL DEFAULT '';
UPDATE rooms SET name_key = wuye_sort_key(name, 'pinyin'), name_py = wuye_initials(name, 'pinyin');
CREATE INDEX rooms_name_key ON rooms (name_key);
CREATE INDEX rooms_name_py ON rooms (name_py);

INSERT INTO sort_keys VALUES ('handover_items', 'code', 'natural');
ALTER TABLE handover_items ADD COLUMN code_key TEXT NOT NULL DEFAULT '';
UPDATE handover_items SET code_key = wuye_sort_key(code, 'natural');
CREATE INDEX handover_items_code_key ON handover_items (code_key);

INSERT INTO sort_keys VALUES ('handover_items', 'name', 'pinyin');
ALTER TABLE handover_items ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE handover_items ADD COLUMN name_py TEXT NOT NULL DEFAULT '';
UPDATE handover_items SET name_key = wuye_sort_key(name, 'pinyin'), name_py = wuye_initials(name, 'pinyin');
CREATE INDEX handover_items_name_key ON handover_items (name_key);
CREATE INDEX handover_items_name_py ON handover_items (name_py);

INSERT INTO sort_keys VALUES ('clients', 'code', 'natural');
ALTER TABLE clients ADD COLUMN code_key TEXT NOT NULL DEFAULT '';
UPDATE clients SET code_key = wuye_sort_key(code, 'natural');
CREATE INDEX clients_code_key ON clients (code_key);

INSERT INTO sort_keys VALUES ('clients', 'name', 'name');
ALTER TABLE clients ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN name_py TEXT NOT NULL DEFAULT '';
UPDATE clients SET name_key = wuye_sort_key(name, 'name'), name_py = wuye_initials(name, 'name');
CREATE INDEX clients_name_key ON clients (name_key);
CREATE INDEX clients_name_py ON clients (name_py);

INSERT INTO sort_keys VALUES ('family', 'name', 'name');
ALTER TABLE family ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE family ADD COLUMN name_py TEXT NOT NULL DEFAULT '';
UPDATE family SET name_key = wuye_sort_key(name, 'name'), name_py = wuye_initials(name, 'name');
CREATE INDEX family_name_key ON family (name_key);
CREATE INDEX family_name_py ON family (name_py);

INSERT INTO sort_keys VALUES ('leases', 'code', 'natural');
ALTER TABLE leases ADD COLUMN code_key TEXT NOT NULL DEFAULT '';
UPDATE leases SET code_key = wuye_sort_key(code, 'natural');
CREATE INDEX leases_code_key ON leases (code_key);

INSERT INTO sort_keys VALUES ('parking_spaces', 'code', 'natural');
ALTER TABLE parking_spaces ADD COLUMN code_key TEXT NOT NULL DEFAULT '';
UPDATE parking_spaces SET code_key = wuye_sort_key(code, 'natural');
CREATE INDEX parking_spaces_code_key ON parking_spaces (code_key);

INSERT INTO sort_keys VALUES ('parking_spaces', 'name', 'pinyin');
ALTER TABLE parking_spaces ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE parking_spaces ADD COLUMN name_py TEXT NOT NULL DEFAULT '';
UPDATE parking_spaces SET name_key = wuye_sort_key(name, 'pinyin'), name_py = wuye_initials(name, 'pinyin');
CREATE INDEX parking_spaces_name_key ON parking_spaces (name_key);
CREATE INDEX parking_spaces_name_py ON parking_spaces (name_py);

INSERT INTO sort_keys VALUES ('vehicles', 'plate', 'natural');
ALTER TABLE vehicles ADD COLUMN plate_key TEXT NOT NULL DEFAULT '';
UPDATE vehicles SET plate_key = wuye_sort_key(plate, 'natural');
CREATE INDEX vehicles_plate_key ON vehicles (plate_key);

INSERT INTO sort_keys VALUES ('fee_items', 'code', 'natural');
ALTER TABLE fee_items ADD COLUMN code_key TEXT NOT NULL DEFAULT '';
UPDATE fee_items SET code_key = wuye_sort_key(code, 'natural');
CREATE INDEX fee_items_code_key ON fee_items (code_key);

INSERT INTO sort_keys VALUES ('fee_items', 'name', 'pinyin');
ALTER TABLE fee_items ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE fee_items ADD COLUMN name_py TEXT NOT NULL DEFAULT '';
UPDATE fee_items SET name_key = wuye_sort_key(name, 'pinyin'), name_py = wuye_initials(name, 'pinyin');
CREATE INDEX fee_items_name_key ON fee_items (name_key);
CREATE INDEX fee_items_name_py ON fee_items (name_py);

INSERT INTO sort_keys VALUES ('meters', 'code', 'natural');
ALTER TABLE meters ADD COLUMN code_key TEXT NOT NULL DEFAULT '';
UPDATE meters SET code_key = wuye_sort_key(code, 'natural');
CREATE INDEX meters_code_key ON meters (code_key);
