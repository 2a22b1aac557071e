-- wuye schema 15: the lists of waivers (减免记录) and refunds (退款记录) in
-- the full-screen program and for export: read-only views that the forms
-- waivers.ini and refunds.ini (readonly = yes) show.  Each has the rowid
-- and version the form engine pages by; they change only through
-- `wuye waive`, `wuye refund`, `wuye deposit refund` and their screens.

-- A waiver with its bill's room, payer, month and fee item.  Its time is
-- shown in the local time of the program reading it.
CREATE VIEW waiver_list AS
SELECT w.id AS rowid, 1 AS version,
	r.code AS room, c.code AS client, coalesce(c.name, '') AS client_name,
	w.bill_id AS bill, b.period AS period, f.name AS item,
	w.amount AS amount, w.reason AS reason, w.by AS waived_by,
	substr(datetime(w.at, 'localtime'), 1, 16) AS waived_at
FROM waivers w
JOIN bills b ON b.id = w.bill_id
JOIN rooms r ON r.id = b.room_id
JOIN fee_items f ON f.id = b.fee_item_id
LEFT JOIN clients c ON c.id = b.client_id;

-- A refund: prepayment paid back (refund) or a deposit returned
-- (deposit_refund), with its receipt, and whether it was voided since.
CREATE VIEW refund_list AS
SELECT p.id AS rowid, 1 AS version,
	p.number AS receipt, p.kind AS kind, r.code AS room, c.code AS client,
	coalesce(c.name, '') AS client_name, p.amount AS amount,
	p.method AS method, p.note AS reason, p.cashier AS refunded_by,
	p.date AS refunded_on,
	CASE WHEN p.voided_at IS NULL THEN 'live' ELSE 'void' END AS state
FROM receipts p
LEFT JOIN rooms r ON r.id = p.room_id
LEFT JOIN clients c ON c.id = p.client_id
WHERE p.kind IN ('refund', 'deposit_refund');

-- The few refund receipts among the many payments, found at once.
CREATE INDEX receipts_refunds ON receipts (kind)
WHERE kind IN ('refund', 'deposit_refund');
