-- wuye schema 8: the partial index of unpaid bills, usable.
--
-- SQLite commutes a WHERE term "expression < column" into "column >
-- expression" before it looks for partial indexes, so an index declared
-- WHERE paid + waived < amount is never chosen by any query.  Declared with
-- the column on the left it is chosen by queries that write the same term:
--	... WHERE b.amount > b.paid + b.waived ...
DROP INDEX bills_unpaid;
CREATE INDEX bills_unpaid ON bills (room_id, period) WHERE amount > paid + waived;
