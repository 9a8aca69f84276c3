-- An undo window after a tip's first decision: its cases are held back from every
-- lease until `held_until`, and the handler who decided may take the decision back
-- until the window's `until` (the same second). Staff times, kept apart from the tips
-- table (which keeps days only); a window is deleted when used and by the hourly sweep
-- once it has passed.
ALTER TABLE cases ADD COLUMN held_until BIGINT;
CREATE TABLE undo_windows (
    tip_id TEXT PRIMARY KEY REFERENCES tips (id),
    handler_id BIGINT NOT NULL REFERENCES handlers (id),
    until BIGINT NOT NULL
);
