-- wuye schema 5: charges (收费系统, REQUIREMENTS.md 3).
--
-- Money is integer fen; unit prices 1/10000 yuan (scale 4); quantities
-- (areas, meter usage) 1/1000 (scale 3); rates and discounts basis points
-- (1/100 %, 10000 = 100 %) or parts per million a day (late fees).
-- Periods are 'YYYY-MM' text.  Nothing dated in a closed period can be
-- inserted, changed or deleted: the triggers at the end refuse it, so even a
-- program bug or a hand-written UPDATE cannot rewrite a closed month.

-- Accounting periods; a row exists once the period is closed (or opened
-- for a bill run).  At close the totals are kept with a digest of the
-- period's money rows, which `wuye check` recomputes.
CREATE TABLE periods (
	period	TEXT PRIMARY KEY CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
	closed_at TEXT,			-- NULL: open
	closed_by TEXT,
	receivable INTEGER,		-- totals at close (fen)
	received INTEGER,
	waived	INTEGER,
	outstanding INTEGER,
	digest	TEXT,			-- SHA-256 of the period's money rows at close
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;

-- Fee items (收费项目), all user-defined, and how each is calculated.
CREATE TABLE fee_items (
	id	INTEGER PRIMARY KEY,
	code	TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
	name	TEXT NOT NULL CHECK (length(name) >= 1),
	method	TEXT NOT NULL CHECK (method IN ('fixed', 'area', 'metered',
		'tiered', 'parking', 'oneoff')),
	meter_type TEXT CHECK (meter_type IN ('water', 'electricity', 'gas')),
	unit_price INTEGER NOT NULL DEFAULT 0 CHECK (unit_price >= 0),	-- scale 4
	cycle	TEXT NOT NULL DEFAULT 'monthly'
		CHECK (cycle IN ('monthly', 'quarterly', 'yearly', 'oneoff')),
	due_day	INTEGER NOT NULL DEFAULT 15 CHECK (due_day BETWEEN 1 AND 28),
	late_after INTEGER NOT NULL DEFAULT 0 CHECK (late_after BETWEEN 0 AND 3650),	-- days after due
	late_rate INTEGER NOT NULL DEFAULT 0 CHECK (late_rate BETWEEN 0 AND 100000),	-- ppm a day
	late_cap INTEGER NOT NULL DEFAULT 0 CHECK (late_cap BETWEEN 0 AND 100000),	-- basis points of the bill
	rounding TEXT NOT NULL DEFAULT 'fen' CHECK (rounding IN ('fen', 'jiao', 'yuan')),
	deposit	INTEGER NOT NULL DEFAULT 0 CHECK (deposit IN (0, 1)),	-- 押金: held, refunded
	active	INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1,
	CHECK ((method IN ('metered', 'tiered')) = (meter_type IS NOT NULL))
) STRICT;

-- Tiered (阶梯) prices: usage up to `upto` (scale 3; NULL: the rest) at
-- unit_price.
CREATE TABLE fee_tiers (
	id	INTEGER PRIMARY KEY,
	fee_item_id INTEGER NOT NULL REFERENCES fee_items(id),
	upto	INTEGER CHECK (upto IS NULL OR upto > 0),
	unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
	version	INTEGER NOT NULL DEFAULT 1,
	UNIQUE (fee_item_id, upto)
) STRICT;

-- Standards chosen for rooms (选用收费标准): a fee item charged to a room
-- from a period, with the room's own price, quantity or discounts.
CREATE TABLE fee_standards (
	id	INTEGER PRIMARY KEY,
	room_id	INTEGER NOT NULL REFERENCES rooms(id),
	fee_item_id INTEGER NOT NULL REFERENCES fee_items(id),
	start_period TEXT NOT NULL CHECK (start_period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
	end_period TEXT CHECK (end_period IS NULL OR end_period >= start_period),
	unit_price INTEGER CHECK (unit_price IS NULL OR unit_price >= 0),	-- override, scale 4
	quantity INTEGER CHECK (quantity IS NULL OR quantity >= 0),	-- override, scale 3
	discount INTEGER NOT NULL DEFAULT 0 CHECK (discount BETWEEN 0 AND 10000),
	vacant_discount INTEGER NOT NULL DEFAULT 0 CHECK (vacant_discount BETWEEN 0 AND 10000),
	space_id INTEGER REFERENCES parking_spaces(id),		-- method parking
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1,
	UNIQUE (room_id, fee_item_id, start_period)
) STRICT;
CREATE INDEX fee_standards_item ON fee_standards (fee_item_id, start_period);

-- Meters: a room's, or a shared one (公摊) of a building or estate whose
-- usage is apportioned to its rooms by charge area or equally.
CREATE TABLE meters (
	id	INTEGER PRIMARY KEY,
	code	TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
	type	TEXT NOT NULL CHECK (type IN ('water', 'electricity', 'gas')),
	room_id	INTEGER REFERENCES rooms(id),
	building_id INTEGER REFERENCES buildings(id),	-- shared: the building ...
	estate_id INTEGER REFERENCES estates(id),	-- ... or the estate
	apportion TEXT CHECK (apportion IN ('area', 'equal')),
	multiplier INTEGER NOT NULL DEFAULT 1 CHECK (multiplier BETWEEN 1 AND 100000),	-- 倍率
	dial_max INTEGER NOT NULL DEFAULT 99999999 CHECK (dial_max > 0),	-- scale 3; 翻零 past it
	initial	INTEGER NOT NULL DEFAULT 0 CHECK (initial >= 0),	-- first reading, scale 3
	installed TEXT,
	removed	TEXT CHECK (removed IS NULL OR installed IS NULL OR removed >= installed),
	replaces INTEGER REFERENCES meters(id),		-- 换表: the old meter
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1,
	CHECK ((room_id IS NOT NULL) + (building_id IS NOT NULL) + (estate_id IS NOT NULL) = 1),
	CHECK ((room_id IS NULL) = (apportion IS NOT NULL))
) STRICT;
CREATE INDEX meters_room ON meters (room_id);

-- Readings (抄表) by period; usage = (reading - previous, past the dial's
-- maximum when it rolled over) x multiplier, kept as computed.
CREATE TABLE readings (
	id	INTEGER PRIMARY KEY,
	meter_id INTEGER NOT NULL REFERENCES meters(id),
	period	TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
	previous INTEGER NOT NULL CHECK (previous >= 0),
	reading	INTEGER NOT NULL CHECK (reading >= 0),
	rolled	INTEGER NOT NULL DEFAULT 0 CHECK (rolled IN (0, 1)),
	usage	INTEGER NOT NULL CHECK (usage >= 0),		-- scale 3
	read_on	TEXT,
	read_by	TEXT NOT NULL DEFAULT '',
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1,
	UNIQUE (meter_id, period)
) STRICT;
CREATE INDEX readings_period ON readings (period);

-- Bill runs (收费数据计算): one per period and estate (or all).
CREATE TABLE bill_runs (
	id	INTEGER PRIMARY KEY,
	period	TEXT NOT NULL,
	estate_id INTEGER REFERENCES estates(id),
	at	TEXT NOT NULL,
	by	TEXT NOT NULL,
	bills	INTEGER NOT NULL DEFAULT 0,
	total	INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Bills (应收): one per room, fee item and period (so a second bill run
-- adds nothing), addressed to the room's payer at the end of the period.
-- paid and waived are kept equal to the live allocations and waivers.
CREATE TABLE bills (
	id	INTEGER PRIMARY KEY,
	room_id	INTEGER NOT NULL REFERENCES rooms(id),
	client_id INTEGER REFERENCES clients(id),
	fee_item_id INTEGER NOT NULL REFERENCES fee_items(id),
	period	TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
	quantity INTEGER NOT NULL CHECK (quantity >= 0),		-- scale 3
	unit_price INTEGER NOT NULL CHECK (unit_price >= 0),		-- scale 4
	discount INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),	-- fen off
	amount	INTEGER NOT NULL CHECK (amount >= 0 AND amount <= 99999999999999),
	due_date TEXT NOT NULL,
	paid	INTEGER NOT NULL DEFAULT 0 CHECK (paid >= 0),
	waived	INTEGER NOT NULL DEFAULT 0 CHECK (waived >= 0),
	late_paid INTEGER NOT NULL DEFAULT 0 CHECK (late_paid >= 0),	-- late fees collected
	run_id	INTEGER REFERENCES bill_runs(id),
	version	INTEGER NOT NULL DEFAULT 1,
	CHECK (paid + waived <= amount),
	UNIQUE (room_id, fee_item_id, period)
) STRICT;
CREATE INDEX bills_unpaid ON bills (room_id, period) WHERE paid + waived < amount;
CREATE INDEX bills_period ON bills (period, fee_item_id);
CREATE INDEX bills_client ON bills (client_id);

-- Receipt series: numbers unique and gap-free within a series (per
-- cashier or per terminal, as configured).
CREATE TABLE receipt_series (
	id	INTEGER PRIMARY KEY,
	code	TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
	prefix	TEXT NOT NULL DEFAULT '',
	next_no	INTEGER NOT NULL DEFAULT 1 CHECK (next_no >= 1),
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;

-- Receipts (收据): a payment, a deposit taken or refunded, or a refund,
-- and its number.  Never deleted; a void keeps the row and its number.
CREATE TABLE receipts (
	id	INTEGER PRIMARY KEY,
	series_id INTEGER NOT NULL REFERENCES receipt_series(id),
	seq	INTEGER NOT NULL CHECK (seq >= 1),
	number	TEXT NOT NULL UNIQUE,
	kind	TEXT NOT NULL DEFAULT 'payment'
		CHECK (kind IN ('payment', 'deposit', 'deposit_refund', 'refund')),
	date	TEXT NOT NULL,
	period	TEXT NOT NULL,			-- the period of the date
	room_id	INTEGER REFERENCES rooms(id),
	client_id INTEGER REFERENCES clients(id),
	method	TEXT NOT NULL CHECK (method IN ('cash', 'transfer', 'card',
		'wechat', 'alipay', 'bank', 'prepay')),
	amount	INTEGER NOT NULL CHECK (amount >= 0),	-- taken (or paid out, for refunds)
	tendered INTEGER CHECK (tendered IS NULL OR tendered >= amount),	-- cash handed over
	prepay_in INTEGER NOT NULL DEFAULT 0 CHECK (prepay_in >= 0),	-- surplus kept as 预存
	prepay_out INTEGER NOT NULL DEFAULT 0 CHECK (prepay_out >= 0),	-- 预存 drawn
	cashier	TEXT NOT NULL,
	note	TEXT NOT NULL DEFAULT '',
	voided_at TEXT,
	voided_by TEXT,
	void_reason TEXT,
	printed	INTEGER NOT NULL DEFAULT 0 CHECK (printed >= 0),	-- > 1: reprints (重打)
	UNIQUE (series_id, seq),
	CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;
CREATE INDEX receipts_date ON receipts (date, cashier);
CREATE INDEX receipts_room ON receipts (room_id);

-- What a receipt paid: principal and late fee of each bill.
CREATE TABLE allocations (
	id	INTEGER PRIMARY KEY,
	receipt_id INTEGER NOT NULL REFERENCES receipts(id),
	bill_id	INTEGER NOT NULL REFERENCES bills(id),
	amount	INTEGER NOT NULL CHECK (amount >= 0),
	late_fee INTEGER NOT NULL DEFAULT 0 CHECK (late_fee >= 0),
	reversed INTEGER NOT NULL DEFAULT 0 CHECK (reversed IN (0, 1))	-- by a void
) STRICT;
CREATE INDEX allocations_receipt ON allocations (receipt_id);
CREATE INDEX allocations_bill ON allocations (bill_id);

-- Prepayment (预存) ledger of each client: + kept from a receipt, - drawn
-- by a bill run or a payment.  The balance is the sum.
CREATE TABLE prepayments (
	id	INTEGER PRIMARY KEY,
	client_id INTEGER NOT NULL REFERENCES clients(id),
	amount	INTEGER NOT NULL CHECK (amount <> 0),
	receipt_id INTEGER REFERENCES receipts(id),
	bill_id	INTEGER REFERENCES bills(id),
	date	TEXT NOT NULL,
	period	TEXT NOT NULL
) STRICT;
CREATE INDEX prepayments_client ON prepayments (client_id);

-- Waivers (减免) of a bill, with permission and reason.
CREATE TABLE waivers (
	id	INTEGER PRIMARY KEY,
	bill_id	INTEGER NOT NULL REFERENCES bills(id),
	amount	INTEGER NOT NULL CHECK (amount > 0),
	reason	TEXT NOT NULL CHECK (length(reason) >= 1),
	by	TEXT NOT NULL,
	at	TEXT NOT NULL,
	period	TEXT NOT NULL
) STRICT;
CREATE INDEX waivers_bill ON waivers (bill_id);

-- Deposits (押金) held: taken with a receipt, refunded with another.
CREATE TABLE deposits (
	id	INTEGER PRIMARY KEY,
	room_id	INTEGER REFERENCES rooms(id),
	client_id INTEGER NOT NULL REFERENCES clients(id),
	fee_item_id INTEGER NOT NULL REFERENCES fee_items(id),
	amount	INTEGER NOT NULL CHECK (amount > 0),
	taken_receipt_id INTEGER NOT NULL REFERENCES receipts(id),
	refund_receipt_id INTEGER REFERENCES receipts(id),
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;

-- A closed period is read-only for every money row dated in it.
CREATE TRIGGER bills_closed_ins BEFORE INSERT ON bills
WHEN EXISTS (SELECT 1 FROM periods WHERE period = NEW.period AND closed_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;
CREATE TRIGGER bills_closed_upd BEFORE UPDATE ON bills
WHEN EXISTS (SELECT 1 FROM periods WHERE period IN (OLD.period, NEW.period) AND closed_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;
CREATE TRIGGER bills_no_delete BEFORE DELETE ON bills
WHEN EXISTS (SELECT 1 FROM periods WHERE period = OLD.period AND closed_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;
CREATE TRIGGER receipts_closed_ins BEFORE INSERT ON receipts
WHEN EXISTS (SELECT 1 FROM periods WHERE period = NEW.period AND closed_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;
CREATE TRIGGER receipts_closed_upd BEFORE UPDATE ON receipts
WHEN EXISTS (SELECT 1 FROM periods WHERE period IN (OLD.period, NEW.period) AND closed_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;
CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts
BEGIN SELECT RAISE(ABORT, 'receipts are never deleted; void them'); END;
CREATE TRIGGER allocations_closed_ins BEFORE INSERT ON allocations
WHEN EXISTS (SELECT 1 FROM periods p JOIN receipts r ON r.period = p.period
	WHERE r.id = NEW.receipt_id AND p.closed_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;
CREATE TRIGGER allocations_closed_upd BEFORE UPDATE ON allocations
WHEN EXISTS (SELECT 1 FROM periods p JOIN receipts r ON r.period = p.period
	WHERE r.id = OLD.receipt_id AND p.closed_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;
CREATE TRIGGER allocations_no_delete BEFORE DELETE ON allocations
BEGIN SELECT RAISE(ABORT, 'allocations are never deleted; void the receipt'); END;
CREATE TRIGGER readings_closed_ins BEFORE INSERT ON readings
WHEN EXISTS (SELECT 1 FROM periods WHERE period = NEW.period AND closed_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;
CREATE TRIGGER readings_closed_upd BEFORE UPDATE ON readings
WHEN EXISTS (SELECT 1 FROM periods WHERE period IN (OLD.period, NEW.period) AND closed_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;
CREATE TRIGGER readings_closed_del BEFORE DELETE ON readings
WHEN EXISTS (SELECT 1 FROM periods WHERE period = OLD.period AND closed_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;
CREATE TRIGGER waivers_closed_ins BEFORE INSERT ON waivers
WHEN EXISTS (SELECT 1 FROM periods WHERE period = NEW.period AND closed_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;
CREATE TRIGGER waivers_no_change BEFORE UPDATE ON waivers
BEGIN SELECT RAISE(ABORT, 'waivers are never changed'); END;
CREATE TRIGGER waivers_no_delete BEFORE DELETE ON waivers
BEGIN SELECT RAISE(ABORT, 'waivers are never deleted'); END;
CREATE TRIGGER prepayments_closed_ins BEFORE INSERT ON prepayments
WHEN EXISTS (SELECT 1 FROM periods WHERE period = NEW.period AND closed_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;
CREATE TRIGGER prepayments_no_change BEFORE UPDATE ON prepayments
BEGIN SELECT RAISE(ABORT, 'the prepayment ledger is append-only'); END;
CREATE TRIGGER prepayments_no_delete BEFORE DELETE ON prepayments
BEGIN SELECT RAISE(ABORT, 'the prepayment ledger is append-only'); END;
CREATE TRIGGER periods_stay_closed BEFORE UPDATE ON periods
WHEN OLD.closed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed period stays closed'); END;
CREATE TRIGGER periods_no_delete BEFORE DELETE ON periods
WHEN OLD.closed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed period stays closed'); END;

-- Bank debit (银行划款): a client's bank account, and rooms paid that way.
ALTER TABLE clients ADD COLUMN bank TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN bank_account TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN bank_debit INTEGER NOT NULL DEFAULT 0 CHECK (bank_debit IN (0, 1));

INSERT INTO role_perms (role, perm)
SELECT r.name, p.perm FROM roles r, (
	SELECT 'charge.read' AS perm UNION ALL SELECT 'charge.setup'
	UNION ALL SELECT 'charge.bill' UNION ALL SELECT 'charge.pay'
	UNION ALL SELECT 'charge.void' UNION ALL SELECT 'charge.waive'
	UNION ALL SELECT 'charge.close' UNION ALL SELECT 'meter.read'
	UNION ALL SELECT 'meter.write'
) p
WHERE r.name = 'admin'
   OR (r.name = 'manager')
   OR (r.name = 'cashier' AND p.perm IN ('charge.read', 'charge.pay', 'meter.read'))
   OR (r.name = 'clerk' AND p.perm IN ('charge.read', 'meter.read', 'meter.write'))
   OR (r.name = 'engineer' AND p.perm IN ('meter.read', 'meter.write'));

INSERT INTO categories (list, code, name_en, name_zh, sort) VALUES
	('pay_method', 'cash', 'Cash', '现金', 1),
	('pay_method', 'transfer', 'Transfer', '转账', 2),
	('pay_method', 'card', 'Card', '刷卡', 3),
	('pay_method', 'wechat', 'WeChat Pay', '微信', 4),
	('pay_method', 'alipay', 'Alipay', '支付宝', 5),
	('pay_method', 'bank', 'Bank debit', '银行划款', 6),
	('pay_method', 'prepay', 'Prepayment', '预存款', 7);
