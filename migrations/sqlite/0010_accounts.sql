-- Accounts: an authenticator (TOTP) is required of every handler unless an
-- administrator says otherwise (it was optional by default). Recovery codes are made
-- at enrolment and shown once: stored as keyed hashes, each good once (`used_at`).
UPDATE console_settings SET value = '1' WHERE name = 'totp_required';

CREATE TABLE recovery_codes (
    handler_id INTEGER NOT NULL REFERENCES handlers (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at INTEGER,
    PRIMARY KEY (handler_id, code_hash)
);
