-- wuye schema 7: collection actions (催缴), bank debit files (银行划款)
-- and expenses (费用支出), REQUIREMENTS.md 3 (issue 4, items 8-10).

-- What was done to collect a room's arrears, and whether it worked; the
-- failed attempts count towards the warnings (warn.failed_attempts).
CREATE TABLE collection_actions (
	id	INTEGER PRIMARY KEY,
	room_id	INTEGER NOT NULL REFERENCES rooms(id),
	client_id INTEGER REFERENCES clients(id),
	kind	TEXT NOT NULL CHECK (kind IN ('sms', 'phone', 'visit', 'letter')),
	date	TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	result	TEXT NOT NULL DEFAULT '',
	success	INTEGER NOT NULL DEFAULT 0 CHECK (success IN (0, 1)),
	by	TEXT NOT NULL DEFAULT '',
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX collection_actions_room ON collection_actions (room_id, date);

-- Lines of the bank debit files written (one per room and period: ref
-- PERIOD-ROOM), with the amount asked for; a line the bank debited gets
-- the receipt that registered it and the bank's own reference.
CREATE TABLE bank_debits (
	id	INTEGER PRIMARY KEY,
	ref	TEXT NOT NULL UNIQUE CHECK (length(ref) BETWEEN 1 AND 64),
	period	TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
	room_id	INTEGER NOT NULL REFERENCES rooms(id),
	client_id INTEGER NOT NULL REFERENCES clients(id),
	amount	INTEGER NOT NULL CHECK (amount > 0 AND amount <= 99999999999999),
	exported_at TEXT NOT NULL,
	exported_by TEXT NOT NULL,
	receipt_id INTEGER REFERENCES receipts(id),
	bank_ref TEXT,
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX bank_debits_period ON bank_debits (period, room_id);

-- Expenses: requested, then approved or rejected by a manager, then paid.
CREATE TABLE expenses (
	id	INTEGER PRIMARY KEY,
	type	TEXT NOT NULL CHECK (length(type) BETWEEN 1 AND 32),	-- list expense_type
	amount	INTEGER NOT NULL CHECK (amount > 0 AND amount <= 99999999999999),
	payee	TEXT NOT NULL CHECK (length(payee) >= 1),
	requested_by TEXT NOT NULL DEFAULT '',
	requested_on TEXT NOT NULL,
	approved_by TEXT,		-- or rejected by
	approved_on TEXT,
	paid_on	TEXT,
	state	TEXT NOT NULL DEFAULT 'requested'
		CHECK (state IN ('requested', 'approved', 'rejected', 'paid')),
	note	TEXT NOT NULL DEFAULT '',
	version	INTEGER NOT NULL DEFAULT 1,
	CHECK ((state = 'requested') = (approved_on IS NULL)),
	CHECK ((state = 'paid') = (paid_on IS NOT NULL))
) STRICT;
CREATE INDEX expenses_month ON expenses (requested_on, type);

INSERT INTO categories (list, code, name_en, name_zh, sort) VALUES
	('expense_type', 'salary', 'Salaries', '工资', 1),
	('expense_type', 'materials', 'Materials', '物料采购', 2),
	('expense_type', 'repairs', 'Equipment repairs', '设备维修', 3),
	('expense_type', 'utilities', 'Water and power', '水电', 4),
	('expense_type', 'cleaning', 'Cleaning and greening', '保洁绿化', 5),
	('expense_type', 'office', 'Office', '办公费', 6),
	('expense_type', 'other', 'Other', '其他', 9);

INSERT INTO role_perms (role, perm)
SELECT r.name, p.perm FROM roles r, (
	SELECT 'expense.read' AS perm UNION ALL SELECT 'expense.write'
	UNION ALL SELECT 'expense.approve' UNION ALL SELECT 'collect.write'
) p
WHERE r.name IN ('admin', 'manager')
   OR (r.name = 'cashier' AND p.perm IN ('expense.read', 'expense.write',
	'collect.write'))
   OR (r.name = 'clerk' AND p.perm IN ('expense.read', 'expense.write',
	'collect.write'));
