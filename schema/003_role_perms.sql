-- wuye schema 3: role permissions get an id and a version, so that they
-- can be kept on screen like any other record (System > Permissions).
CREATE TABLE role_perms_new (
	id	INTEGER PRIMARY KEY,
	role	TEXT NOT NULL REFERENCES roles(name) ON DELETE CASCADE,
	perm	TEXT NOT NULL CHECK (perm GLOB '[a-z]*' OR perm = '*'),
	version	INTEGER NOT NULL DEFAULT 1,
	UNIQUE (role, perm)
) STRICT;
INSERT INTO role_perms_new (role, perm) SELECT role, perm FROM role_perms ORDER BY role, perm;
DROP TABLE role_perms;
ALTER TABLE role_perms_new RENAME TO role_perms;

-- roles get a version too
ALTER TABLE roles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
