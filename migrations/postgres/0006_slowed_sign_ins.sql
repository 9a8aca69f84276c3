-- Failed sign-ins slow an account down instead of locking it: after the free failures
-- each attempt waits, since the last one, twice as long as the one before (up to a
-- limit). `last_attempt_at` is when the last attempt was counted and `attempt_wait`
-- how long the next must wait after it; a day without attempts forgets the count.
ALTER TABLE handlers DROP COLUMN locked_until;
ALTER TABLE handlers ADD COLUMN last_attempt_at BIGINT;
ALTER TABLE handlers ADD COLUMN attempt_wait BIGINT NOT NULL DEFAULT 0;
UPDATE handlers SET failed_logins = 0;

-- The same counts for usernames that name nobody, so that they answer alike and cost
-- the same work (one write here as there), on every replica. Keyed by a keyed hash of
-- the name as typed (it may be a password typed in the wrong field); rows a day old are
-- swept hourly. No index on the time: keeping one up to date would make an unknown
-- name's attempt cost more than a real one's.
CREATE TABLE unknown_sign_ins (
    name_hash TEXT PRIMARY KEY,
    failed_logins BIGINT NOT NULL,
    last_attempt_at BIGINT NOT NULL,
    attempt_wait BIGINT NOT NULL
);
