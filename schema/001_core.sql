-- wuye schema 1: core tables (meta, roles and permissions, users, audit log,
-- user-editable category lists).  Applied once, in one transaction.
PRAGMA application_id = 0x77757965;

CREATE TABLE meta (
	key	TEXT PRIMARY KEY,
	value	TEXT NOT NULL
) STRICT;

CREATE TABLE roles (
	name	TEXT PRIMARY KEY CHECK (name GLOB '[a-z]*' AND length(name) <= 32),
	title	TEXT NOT NULL,		-- English
	title_zh TEXT NOT NULL		-- Chinese
) STRICT;

-- Permissions are named functions ("property.write"); a role has a set.
CREATE TABLE role_perms (
	role	TEXT NOT NULL REFERENCES roles(name) ON DELETE CASCADE,
	perm	TEXT NOT NULL,
	PRIMARY KEY (role, perm)
) STRICT, WITHOUT ROWID;

CREATE TABLE users (
	id	INTEGER PRIMARY KEY,
	name	TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 32),
	full_name TEXT NOT NULL DEFAULT '',
	role	TEXT NOT NULL REFERENCES roles(name),
	pwhash	TEXT NOT NULL,		-- libsodium crypto_pwhash_str (Argon2id)
	failed	INTEGER NOT NULL DEFAULT 0 CHECK (failed >= 0),
	active	INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created	TEXT NOT NULL,
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;

-- Append-only, hash-chained: hash = SHA-256 over prev and the fields.
CREATE TABLE audit (
	id	INTEGER PRIMARY KEY,
	at	TEXT NOT NULL,		-- UTC, YYYY-MM-DDTHH:MM:SSZ
	user	TEXT NOT NULL,
	action	TEXT NOT NULL,		-- e.g. user.add, import.rooms
	entity	TEXT NOT NULL DEFAULT '',
	entity_id INTEGER,
	detail	TEXT NOT NULL DEFAULT '',
	prev	TEXT NOT NULL,		-- hash of the entry before (hex)
	hash	TEXT NOT NULL UNIQUE	-- hex SHA-256
) STRICT;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Every 类别 list the user can edit: building types, layouts, ID types...
-- Records store the code; screens show name_zh or name_en.
CREATE TABLE categories (
	id	INTEGER PRIMARY KEY,
	list	TEXT NOT NULL,
	code	TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 32),
	name_en	TEXT NOT NULL,
	name_zh	TEXT NOT NULL,
	sort	INTEGER NOT NULL DEFAULT 0,
	active	INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	version	INTEGER NOT NULL DEFAULT 1,
	UNIQUE (list, code)
) STRICT;

INSERT INTO roles (name, title, title_zh) VALUES
	('admin', 'Administrator', '系统管理员'),
	('manager', 'Manager', '经理'),
	('cashier', 'Cashier', '收银员'),
	('clerk', 'Front-desk clerk', '前台客服'),
	('engineer', 'Engineer', '工程师');

INSERT INTO role_perms (role, perm)
SELECT r.name, p.perm FROM roles r, (
	SELECT 'property.read' AS perm UNION ALL SELECT 'property.write'
	UNION ALL SELECT 'client.read' UNION ALL SELECT 'client.write'
	UNION ALL SELECT 'client.sensitive' UNION ALL SELECT 'category.write'
	UNION ALL SELECT 'export' UNION ALL SELECT 'import'
	UNION ALL SELECT 'user.admin' UNION ALL SELECT 'audit.read'
	UNION ALL SELECT 'backup' UNION ALL SELECT 'restore'
	UNION ALL SELECT 'check'
) p
WHERE r.name = 'admin'
   OR (r.name = 'manager' AND p.perm NOT IN ('user.admin', 'restore'))
   OR (r.name = 'clerk' AND p.perm IN ('property.read', 'property.write',
	'client.read', 'client.write', 'client.sensitive', 'export', 'import'))
   OR (r.name = 'cashier' AND p.perm IN ('property.read', 'client.read',
	'client.sensitive'))
   OR (r.name = 'engineer' AND p.perm IN ('property.read', 'client.read'));
