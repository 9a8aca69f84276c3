-- Times are Unix seconds. Tip-derived text is stored only as ciphertext (BLOB):
-- `sealed` is an HPKE envelope to the intake key; the rest is AEAD under the data key.
-- A tip's arrival is kept only as a day; the sequence orders the queue.

CREATE TABLE tips (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('received', 'pending_review', 'in_review', 'awaiting_reporter', 'forwarded', 'rejected')),
    category TEXT NOT NULL,
    received_on TEXT NOT NULL,
    sealed BLOB NOT NULL,
    receipt_hash TEXT NOT NULL UNIQUE,
    draft BLOB,
    claimed_by INTEGER REFERENCES handlers (id),
    claim_expires_at INTEGER,
    decision_note BLOB,
    updated_at INTEGER NOT NULL
);
CREATE INDEX tips_status ON tips (status, seq);

CREATE TABLE handlers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('handler', 'supervisor', 'admin')),
    totp_secret BLOB,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    handler_id INTEGER NOT NULL REFERENCES handlers (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);

CREATE TABLE agencies (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    -- Comma-separated tip categories this agency is suggested for.
    categories TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);

INSERT INTO agencies (id, name, categories) VALUES
    ('police', 'New Zealand Police', 'trafficking,slavery,forced_labour'),
    ('mbie', 'MBIE / Immigration New Zealand', 'trafficking,forced_labour,worker_exploitation'),
    ('labour-inspectorate', 'Labour Inspectorate', 'worker_exploitation,forced_labour,other');

CREATE TABLE agency_tokens (
    token_hash TEXT PRIMARY KEY,
    agency_id TEXT NOT NULL REFERENCES agencies (id),
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);

CREATE TABLE cases (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    tip_id TEXT NOT NULL REFERENCES tips (id),
    agency_id TEXT NOT NULL REFERENCES agencies (id),
    category TEXT NOT NULL,
    received_on TEXT NOT NULL,
    body BLOB NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'leased', 'acknowledged')),
    lease_expires_at INTEGER,
    created_at INTEGER NOT NULL,
    acknowledged_at INTEGER,
    UNIQUE (tip_id, agency_id)
);
CREATE INDEX cases_queue ON cases (agency_id, state, seq);

CREATE TABLE messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tip_id TEXT NOT NULL REFERENCES tips (id),
    author TEXT NOT NULL CHECK (author IN ('handler', 'reporter')),
    handler_id INTEGER REFERENCES handlers (id),
    body BLOB NOT NULL,
    created_on TEXT NOT NULL
);
CREATE INDEX messages_tip ON messages (tip_id, seq);

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    tip_id TEXT,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
