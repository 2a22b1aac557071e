-- wuye schema 6: arrears of a closed period stay collectable.  A payment
-- made later is dated in an open period, and so are its allocations; the
-- closed period's bills may then change only in what was paid and waived
-- of them (paid, late_paid, waived, version), never in what was billed.
-- A closed period's receipt may still be reprinted (printed counts up).
DROP TRIGGER bills_closed_upd;
CREATE TRIGGER bills_closed_upd BEFORE UPDATE ON bills
WHEN EXISTS (SELECT 1 FROM periods WHERE period IN (OLD.period, NEW.period)
	AND closed_at IS NOT NULL)
 AND (NEW.room_id IS NOT OLD.room_id OR NEW.client_id IS NOT OLD.client_id
	OR NEW.fee_item_id IS NOT OLD.fee_item_id OR NEW.period IS NOT OLD.period
	OR NEW.quantity IS NOT OLD.quantity OR NEW.unit_price IS NOT OLD.unit_price
	OR NEW.discount IS NOT OLD.discount OR NEW.amount IS NOT OLD.amount
	OR NEW.due_date IS NOT OLD.due_date OR NEW.run_id IS NOT OLD.run_id)
BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;

DROP TRIGGER receipts_closed_upd;
CREATE TRIGGER receipts_closed_upd BEFORE UPDATE ON receipts
WHEN EXISTS (SELECT 1 FROM periods WHERE period IN (OLD.period, NEW.period)
	AND closed_at IS NOT NULL)
 AND (NEW.series_id IS NOT OLD.series_id OR NEW.seq IS NOT OLD.seq
	OR NEW.number IS NOT OLD.number OR NEW.kind IS NOT OLD.kind
	OR NEW.date IS NOT OLD.date OR NEW.period IS NOT OLD.period
	OR NEW.room_id IS NOT OLD.room_id OR NEW.client_id IS NOT OLD.client_id
	OR NEW.method IS NOT OLD.method OR NEW.amount IS NOT OLD.amount
	OR NEW.tendered IS NOT OLD.tendered OR NEW.prepay_in IS NOT OLD.prepay_in
	OR NEW.prepay_out IS NOT OLD.prepay_out OR NEW.cashier IS NOT OLD.cashier
	OR NEW.note IS NOT OLD.note OR NEW.voided_at IS NOT OLD.voided_at
	OR NEW.voided_by IS NOT OLD.voided_by OR NEW.void_reason IS NOT OLD.void_reason)
BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;
