-- wuye schema 14: drafts (草稿) of forms with changes not saved, kept when
-- the terminal hung up (SIGHUP: a dropped SSH session) or wuye was told to
-- stop (SIGTERM).  At most one per user and form; the user's next log-in
-- to the full-screen program offers to open it or to discard it.  Opening
-- it restores the form as it was, opened at record_version, so the usual
-- version check applies when it is saved.
CREATE TABLE drafts (
	id	INTEGER PRIMARY KEY,
	user_id	INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	form	TEXT NOT NULL CHECK (length(form) BETWEEN 1 AND 64),	-- "rooms"
	record_id INTEGER CHECK (record_id IS NULL OR record_id > 0),	-- NULL: a new record
	record_version INTEGER,		-- the version the form was opened at
	title	TEXT NOT NULL,		-- the form's title then: "Rooms: A1-1-101"
	saved_at TEXT NOT NULL,		-- UTC, YYYY-MM-DDTHH:MM:SSZ
	UNIQUE (user_id, form)
) STRICT;

-- The fields of a draft: the text typed, and the text the form was opened
-- with (what "changed" is measured against).
CREATE TABLE draft_values (
	draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
	field	TEXT NOT NULL,
	value	TEXT NOT NULL,
	original TEXT NOT NULL,
	PRIMARY KEY (draft_id, field)
) STRICT;
