-- Reports (报表): who may run them.  A report may also name a permission of
-- its module (perm = charge.read in its definition).
INSERT INTO role_perms (role, perm)
SELECT name, 'report.read' FROM roles
WHERE name IN ('admin', 'manager', 'cashier', 'clerk');
