-- Retention: the day a tip was forwarded or rejected (its retention runs from then) and
-- the day its original text, draft, note and conversation were erased.
ALTER TABLE tips ADD COLUMN decided_on TEXT;
ALTER TABLE tips ADD COLUMN erased_on TEXT;
