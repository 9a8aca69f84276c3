-- An undo window after a tip's first decision: its cases are held back from every
-- lease until `held_until`, and the handler who decided may take the decision back
-- until `undo_until` (the same second). After it passes both are only history.
ALTER TABLE cases ADD COLUMN held_until BIGINT;
ALTER TABLE tips ADD COLUMN undo_until BIGINT;
ALTER TABLE tips ADD COLUMN undo_by BIGINT REFERENCES handlers (id);
