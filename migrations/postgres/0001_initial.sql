-- Times are Unix seconds. Tip-derived text is stored only as ciphertext (BYTEA):
-- `sealed` is an HPKE envelope to the intake key; the rest is AEAD under the data key.
-- A tip's arrival is kept only as a day; the sequence orders the queue.

CREATE TABLE tips (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('received', 'pending_review', 'in_review', 'awaiting_reporter', 'forwarded', 'rejected')),
    category TEXT NOT NULL,
    received_on TEXT NOT NULL,
    sealed BYTEA NOT NULL,
    receipt_hash TEXT NOT NULL UNIQUE,
    draft BYTEA,
    claimed_by BIGINT,
    claim_expires_at BIGINT,
    decision_note BYTEA,
    updated_at BIGINT NOT NULL
);
CREATE INDEX tips_status ON tips (status, seq);

CREATE TABLE handlers (
    id BIGSERIAL PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('handler', 'supervisor', 'admin')),
    totp_secret BYTEA,
    disabled BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);

ALTER TABLE tips ADD FOREIGN KEY (claimed_by) REFERENCES handlers (id);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    handler_id BIGINT NOT NULL REFERENCES handlers (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);

CREATE TABLE agencies (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    -- Comma-separated tip categories this agency is suggested for.
    categories TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1
);

INSERT INTO agencies (id, name, categories) VALUES
    ('police', 'New Zealand Police', 'trafficking,slavery,forced_labour'),
    ('mbie', 'MBIE / Immigration New Zealand', 'trafficking,forced_labour,worker_exploitation'),
    ('labour-inspectorate', 'Labour Inspectorate', 'worker_exploitation,forced_labour,other');

CREATE TABLE agency_tokens (
    token_hash TEXT PRIMARY KEY,
    agency_id TEXT NOT NULL REFERENCES agencies (id),
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

CREATE TABLE cases (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    tip_id TEXT NOT NULL REFERENCES tips (id),
    agency_id TEXT NOT NULL REFERENCES agencies (id),
    category TEXT NOT NULL,
    received_on TEXT NOT NULL,
    body BYTEA NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'leased', 'acknowledged')),
    lease_expires_at BIGINT,
    created_at BIGINT NOT NULL,
    acknowledged_at BIGINT,
    UNIQUE (tip_id, agency_id)
);
CREATE INDEX cases_queue ON cases (agency_id, state, seq);

CREATE TABLE messages (
    seq BIGSERIAL PRIMARY KEY,
    tip_id TEXT NOT NULL REFERENCES tips (id),
    author TEXT NOT NULL CHECK (author IN ('handler', 'reporter')),
    handler_id BIGINT REFERENCES handlers (id),
    body BYTEA NOT NULL,
    created_on TEXT NOT NULL
);
CREATE INDEX messages_tip ON messages (tip_id, seq);

CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    tip_id TEXT,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
