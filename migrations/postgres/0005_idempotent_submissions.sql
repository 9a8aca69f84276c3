-- A keyed hash of the submission token (the report form's hidden one-time token, or the
-- API's Idempotency-Key): a reload or a retry stores no second tip.
ALTER TABLE tips ADD COLUMN submission_hash TEXT;
CREATE UNIQUE INDEX tips_submission ON tips (submission_hash);
