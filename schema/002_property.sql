-- wuye schema 2: property resources and clients (REQUIREMENTS.md 1 and 2).
-- Areas are integers in 1/100 m2; money in fen; dates ISO text.
-- Every editable table has a version column: an update names the version
-- it read and bumps it, so a clerk cannot overwrite another's change.

CREATE TABLE estates (
	id	INTEGER PRIMARY KEY,
	code	TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
	name	TEXT NOT NULL CHECK (length(name) >= 1),
	address	TEXT NOT NULL DEFAULT '',
	land_area INTEGER NOT NULL DEFAULT 0 CHECK (land_area >= 0),	-- 占地面积
	buildings INTEGER NOT NULL DEFAULT 0 CHECK (buildings >= 0),	-- 苑/栋数
	households INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),	-- 总户数
	population INTEGER NOT NULL DEFAULT 0 CHECK (population >= 0),	-- 人口数
	phone	TEXT NOT NULL DEFAULT '',
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE buildings (
	id	INTEGER PRIMARY KEY,
	code	TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
	estate_id INTEGER NOT NULL REFERENCES estates(id),
	name	TEXT NOT NULL CHECK (length(name) >= 1),
	type	TEXT NOT NULL DEFAULT 'residential',	-- category building_type
	floors	INTEGER NOT NULL DEFAULT 1 CHECK (floors BETWEEN 1 AND 200),
	units	INTEGER NOT NULL DEFAULT 1 CHECK (units BETWEEN 1 AND 99),
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX buildings_estate ON buildings (estate_id);

CREATE TABLE rooms (
	id	INTEGER PRIMARY KEY,
	code	TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),	-- 房间代码
	name	TEXT NOT NULL DEFAULT '',
	building_id INTEGER NOT NULL REFERENCES buildings(id),
	unit	INTEGER NOT NULL DEFAULT 1 CHECK (unit BETWEEN 1 AND 99),
	floor	INTEGER NOT NULL CHECK (floor BETWEEN -9 AND 200),
	build_area INTEGER NOT NULL CHECK (build_area > 0 AND build_area < 100000000),	-- 建筑面积
	charge_area INTEGER NOT NULL CHECK (charge_area > 0 AND charge_area < 100000000),	-- 收费面积
	layout	TEXT NOT NULL DEFAULT '',		-- category layout (户型)
	orientation TEXT NOT NULL DEFAULT '',		-- category orientation (朝向)
	use	TEXT NOT NULL DEFAULT 'residential',	-- category room_use
	state	TEXT NOT NULL DEFAULT 'vacant',		-- category room_state
	handover TEXT CHECK (handover IS NULL OR handover GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX rooms_building ON rooms (building_id, unit, floor);
CREATE INDEX rooms_state ON rooms (state);

-- Handover inspection (房产验收): checklist items the user adds and removes,
-- and findings per room.
CREATE TABLE handover_items (
	id	INTEGER PRIMARY KEY,
	code	TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
	name	TEXT NOT NULL CHECK (length(name) >= 1),
	sort	INTEGER NOT NULL DEFAULT 0,
	active	INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE handover_findings (
	id	INTEGER PRIMARY KEY,
	room_id	INTEGER NOT NULL REFERENCES rooms(id),
	item_id	INTEGER NOT NULL REFERENCES handover_items(id),
	problem	TEXT NOT NULL CHECK (length(problem) >= 1),
	found	TEXT NOT NULL,				-- date found
	found_by TEXT NOT NULL DEFAULT '',
	fixed	TEXT CHECK (fixed IS NULL OR fixed >= found),	-- date fixed
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX handover_findings_room ON handover_findings (room_id);

CREATE TABLE clients (
	id	INTEGER PRIMARY KEY,
	code	TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
	name	TEXT NOT NULL CHECK (length(name) >= 1),
	kind	TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'company')),
	gender	TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'M', 'F')),
	id_type	TEXT NOT NULL DEFAULT '',		-- category id_type (证件名称)
	id_no	TEXT NOT NULL DEFAULT '',		-- 证件号码
	hukou	TEXT NOT NULL DEFAULT '',		-- 户口所在地
	home_phone TEXT NOT NULL DEFAULT '',
	mobile	TEXT NOT NULL DEFAULT '',
	emergency_contact TEXT NOT NULL DEFAULT '',
	emergency_phone TEXT NOT NULL DEFAULT '',
	contact_person TEXT NOT NULL DEFAULT '',	-- companies
	tax_id	TEXT NOT NULL DEFAULT '',		-- companies
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX clients_name ON clients (name);
CREATE INDEX clients_mobile ON clients (mobile) WHERE mobile <> '';
CREATE INDEX clients_id_no ON clients (id_no) WHERE id_no <> '';

-- Room-client links: owners, tenants, residents with their dates, so a
-- room's whole history (租售历史) stays.  end_date NULL: current.
CREATE TABLE occupancy (
	id	INTEGER PRIMARY KEY,
	room_id	INTEGER NOT NULL REFERENCES rooms(id),
	client_id INTEGER NOT NULL REFERENCES clients(id),
	role	TEXT NOT NULL CHECK (role IN ('owner', 'tenant', 'resident')),
	start_date TEXT NOT NULL,
	end_date TEXT CHECK (end_date IS NULL OR end_date >= start_date),
	payer	INTEGER NOT NULL DEFAULT 0 CHECK (payer IN (0, 1)),	-- 收费对象
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX occupancy_room ON occupancy (room_id, start_date);
CREATE INDEX occupancy_client ON occupancy (client_id);
-- At most one current payer per room (overlaps in the past: domain rule).
CREATE UNIQUE INDEX occupancy_current_payer ON occupancy (room_id)
	WHERE payer = 1 AND end_date IS NULL;

CREATE TABLE family (
	id	INTEGER PRIMARY KEY,
	client_id INTEGER NOT NULL REFERENCES clients(id),
	name	TEXT NOT NULL CHECK (length(name) >= 1),
	gender	TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'M', 'F')),
	relation TEXT NOT NULL DEFAULT '',		-- category relation
	id_type	TEXT NOT NULL DEFAULT '',
	id_no	TEXT NOT NULL DEFAULT '',
	phone	TEXT NOT NULL DEFAULT '',
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX family_client ON family (client_id);

CREATE TABLE leases (
	id	INTEGER PRIMARY KEY,
	code	TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
	room_id	INTEGER NOT NULL REFERENCES rooms(id),
	client_id INTEGER NOT NULL REFERENCES clients(id),	-- the tenant
	rent	INTEGER NOT NULL DEFAULT 0 CHECK (rent >= 0),		-- fen a month
	deposit	INTEGER NOT NULL DEFAULT 0 CHECK (deposit >= 0),	-- fen
	start_date TEXT NOT NULL,
	end_date TEXT NOT NULL CHECK (end_date > start_date),
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX leases_room ON leases (room_id);
CREATE INDEX leases_client ON leases (client_id);

CREATE TABLE parking_spaces (
	id	INTEGER PRIMARY KEY,
	code	TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),	-- 车位号
	estate_id INTEGER NOT NULL REFERENCES estates(id),
	name	TEXT NOT NULL DEFAULT '',
	type	TEXT NOT NULL DEFAULT '',		-- category parking_type
	location TEXT NOT NULL DEFAULT '',
	ownership TEXT NOT NULL DEFAULT 'public'
		CHECK (ownership IN ('owned', 'rented', 'public')),	-- 车位权属
	room_id	INTEGER REFERENCES rooms(id),
	client_id INTEGER REFERENCES clients(id),
	fee_price INTEGER NOT NULL DEFAULT 0 CHECK (fee_price >= 0),	-- 车位收费单价, fen/month
	rent_price INTEGER NOT NULL DEFAULT 0 CHECK (rent_price >= 0),	-- 车位租金单价, fen/month
	contract_start TEXT,
	contract_end TEXT CHECK (contract_end IS NULL OR contract_start IS NULL
		OR contract_end >= contract_start),
	remind_days INTEGER NOT NULL DEFAULT 30 CHECK (remind_days BETWEEN 0 AND 365),
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX parking_estate ON parking_spaces (estate_id);
CREATE INDEX parking_client ON parking_spaces (client_id);
CREATE INDEX parking_contract_end ON parking_spaces (contract_end)
	WHERE contract_end IS NOT NULL;

CREATE TABLE vehicles (
	id	INTEGER PRIMARY KEY,
	plate	TEXT NOT NULL UNIQUE CHECK (length(plate) BETWEEN 2 AND 16),	-- 车牌号码
	model	TEXT NOT NULL DEFAULT '',
	colour	TEXT NOT NULL DEFAULT '',
	client_id INTEGER NOT NULL REFERENCES clients(id),
	space_id INTEGER REFERENCES parking_spaces(id),
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX vehicles_client ON vehicles (client_id);
CREATE INDEX vehicles_space ON vehicles (space_id);

INSERT INTO categories (list, code, name_en, name_zh, sort) VALUES
	('building_type', 'residential', 'Residential', '住宅', 1),
	('building_type', 'office', 'Office', '写字楼', 2),
	('building_type', 'shop', 'Shops', '商铺', 3),
	('building_type', 'villa', 'Villa', '别墅', 4),
	('building_type', 'garage', 'Garage', '车库', 5),
	('layout', '1b1l', '1 bed 1 living', '一室一厅', 1),
	('layout', '2b1l', '2 bed 1 living', '两室一厅', 2),
	('layout', '2b2l', '2 bed 2 living', '两室两厅', 3),
	('layout', '3b1l', '3 bed 1 living', '三室一厅', 4),
	('layout', '3b2l', '3 bed 2 living', '三室两厅', 5),
	('layout', '4b2l', '4 bed 2 living', '四室两厅', 6),
	('layout', 'studio', 'Studio', '单间', 7),
	('layout', 'open', 'Open plan', '大开间', 8),
	('orientation', 'S', 'South', '南', 1),
	('orientation', 'N', 'North', '北', 2),
	('orientation', 'E', 'East', '东', 3),
	('orientation', 'W', 'West', '西', 4),
	('orientation', 'SN', 'South-north', '南北', 5),
	('orientation', 'SE', 'South-east', '东南', 6),
	('orientation', 'SW', 'South-west', '西南', 7),
	('orientation', 'EW', 'East-west', '东西', 8),
	('room_use', 'residential', 'Residential', '住宅', 1),
	('room_use', 'commercial', 'Commercial', '商业', 2),
	('room_use', 'office', 'Office', '办公', 3),
	('room_state', 'vacant', 'Vacant', '空置', 1),
	('room_state', 'owner', 'Owner-occupied', '自住', 2),
	('room_state', 'rented', 'Rented', '出租', 3),
	('room_state', 'renovating', 'Renovating', '装修', 4),
	('room_state', 'for_sale', 'For sale', '待售', 5),
	('id_type', 'idcard', 'Resident ID card', '居民身份证', 1),
	('id_type', 'passport', 'Passport', '护照', 2),
	('id_type', 'hkmo', 'HK/Macau pass', '港澳通行证', 3),
	('id_type', 'tw', 'Taiwan pass', '台胞证', 4),
	('id_type', 'officer', 'Officer ID', '军官证', 5),
	('id_type', 'license', 'Business licence', '营业执照', 6),
	('relation', 'self', 'Self', '本人', 1),
	('relation', 'spouse', 'Spouse', '配偶', 2),
	('relation', 'child', 'Child', '子女', 3),
	('relation', 'parent', 'Parent', '父母', 4),
	('relation', 'sibling', 'Sibling', '兄弟姐妹', 5),
	('relation', 'employee', 'Employee', '员工', 6),
	('relation', 'other', 'Other', '其他', 7),
	('parking_type', 'ground', 'Above ground', '地面', 1),
	('parking_type', 'underground', 'Underground', '地下', 2),
	('parking_type', 'mechanical', 'Mechanical', '机械', 3);

INSERT INTO handover_items (code, name, sort) VALUES
	('walls', '墙面', 1), ('floor', '地面', 2), ('doors', '门窗', 3),
	('water', '给排水', 4), ('power', '电气', 5), ('gas', '燃气', 6),
	('keys', '钥匙', 7);
