-- wuye schema 11: the partial index of unpaid bills, covering.
--
-- Every query that reads unpaid bills (arrears, the cashier's list, the
-- building map, notices, warnings) finds them through bills_unpaid and
-- then needed the bill row for its other columns: one lookup in the
-- bills table per unpaid bill.  This index holds every column those
-- queries read, in the order they sort by (room, period, due date, id),
-- so they never touch the table; it stays small because only unpaid bills
-- are in it.  The WHERE is written as in schema 8 (column on the left),
-- the form every query repeats.
DROP INDEX bills_unpaid;
CREATE INDEX bills_unpaid ON bills (room_id, period, due_date, id, client_id,
	fee_item_id, amount, paid, waived, late_paid) WHERE amount > paid + waived;
