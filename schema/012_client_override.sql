-- wuye schema 12: the permission client.override lets a user save a client
-- or family record that breaks only a plausibility rule (an ID number whose
-- birth date is before 1900 or in the future) after the warning.
INSERT INTO role_perms (role, perm)
SELECT name, 'client.override' FROM roles
WHERE name IN ('admin', 'manager');
