-- wuye schema 16: the list of deposits (押金) in the full-screen program
-- and for export: a read-only view that the form deposits.ini (readonly =
-- yes) shows, with the same state as `wuye deposit list --all`.  A
-- deposit is refunded from the list (its action refund) or with `wuye
-- deposit refund`; it never changes through the form.
CREATE VIEW deposit_list AS
SELECT d.id AS rowid, d.version AS version,
	d.id AS deposit, coalesce(rm.code, '') AS room, cl.code AS client,
	coalesce(cl.name, '') AS client_name, i.name AS item,
	d.amount AS amount, t.number AS receipt, t.date AS taken_on,
	coalesce(f.number, '') AS refund_receipt,
	coalesce(f.date, '') AS refunded_on,
	CASE WHEN t.voided_at IS NOT NULL THEN 'void'
	WHEN d.refund_receipt_id IS NOT NULL THEN 'refunded'
	ELSE 'held' END AS state,
	d.note AS note
FROM deposits d
JOIN receipts t ON t.id = d.taken_receipt_id
LEFT JOIN receipts f ON f.id = d.refund_receipt_id
LEFT JOIN rooms rm ON rm.id = d.room_id
JOIN clients cl ON cl.id = d.client_id
JOIN fee_items i ON i.id = d.fee_item_id;
