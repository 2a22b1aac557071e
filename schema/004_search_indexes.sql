-- wuye schema 4: every field the lists search by prefix has a full index
-- (a GLOB 'abc*' can use an index only when it is not partial).
DROP INDEX clients_mobile;
DROP INDEX clients_id_no;
CREATE INDEX clients_mobile ON clients (mobile);
CREATE INDEX clients_id_no ON clients (id_no);
CREATE INDEX clients_home_phone ON clients (home_phone);
CREATE INDEX rooms_name ON rooms (name);
CREATE INDEX vehicles_model ON vehicles (model);
CREATE INDEX estates_name ON estates (name);
CREATE INDEX buildings_name ON buildings (name);
CREATE INDEX family_name ON family (name);
CREATE INDEX parking_location ON parking_spaces (location);
