-- Printing receipts on pre-printed forms (套打): each terminal's offsets,
-- set by the cashier for her printer (wuye receipt calibrate).  Lines and
-- columns move every value of the form down and right (negative: up and
-- left).  Keyed by the terminal's name (receipt.terminal, $WUYE_TERMINAL,
-- else host name and tty).
CREATE TABLE print_offsets (
	terminal TEXT PRIMARY KEY CHECK (length(terminal) BETWEEN 1 AND 30),
	lines	INTEGER NOT NULL DEFAULT 0 CHECK (lines BETWEEN -50 AND 50),
	cols	INTEGER NOT NULL DEFAULT 0 CHECK (cols BETWEEN -50 AND 50),
	changed_at TEXT NOT NULL,
	changed_by TEXT NOT NULL,
	version	INTEGER NOT NULL DEFAULT 1
) STRICT;
