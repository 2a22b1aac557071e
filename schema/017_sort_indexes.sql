-- wuye schema 17: F7 sorts a list by any of its columns; the Rooms and
-- Clients lists (100,000 rows and more) now have an index on every column
-- they show, so that a sort walks an index to its first screenful instead
-- of sorting the whole table (ties by rowid, which every index ends with).
-- Already indexed: rooms code_key, state, building (through buildings
-- code_key and rooms_building); clients code_key, name_key, mobile, id_no.
CREATE INDEX rooms_unit ON rooms (unit);
CREATE INDEX rooms_floor ON rooms (floor);
CREATE INDEX rooms_build_area ON rooms (build_area);
CREATE INDEX rooms_charge_area ON rooms (charge_area);
CREATE INDEX rooms_layout ON rooms (layout);
CREATE INDEX clients_kind ON clients (kind);
CREATE INDEX clients_gender ON clients (gender);
