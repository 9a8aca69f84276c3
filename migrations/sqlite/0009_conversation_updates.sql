-- The conversation reaches the agency. A reporter's message (an answer, or information
-- added at any time) is drafted by the redaction worker and reviewed like a tip; an
-- approved one becomes a case of kind 'update' for each agency holding the tip's case.
--
-- messages.state: a handler's question is 'asked' (or 'withdrawn'); a reporter's message
-- is 'received' (waiting for its draft), 'pending' (drafted, waiting for review), then
-- 'forwarded' (as the tip's case update number `update_seq`) or 'withheld'. `draft` is
-- AEAD ciphertext bound to `tip:<id>:message:<seq>:draft`.
ALTER TABLE messages ADD COLUMN state TEXT NOT NULL DEFAULT 'received'
    CHECK (state IN ('asked', 'withdrawn', 'received', 'pending', 'forwarded', 'withheld'));
ALTER TABLE messages ADD COLUMN draft BLOB;
ALTER TABLE messages ADD COLUMN update_seq INTEGER;
ALTER TABLE messages ADD COLUMN decided_on TEXT;
-- Answers to tips decided before this migration were read beside the tip and never sent.
UPDATE messages SET state = CASE
    WHEN author = 'handler' THEN 'asked'
    WHEN tip_id IN (SELECT id FROM tips WHERE status IN ('forwarded', 'rejected')) THEN 'withheld'
    ELSE 'received' END;
CREATE INDEX messages_state ON messages (state, seq);

-- cases.kind: 'report' (the tip itself, sequence 0) or 'update' (an approved reporter
-- message, sequence 1, 2 ... within the tip; `parent` is the same agency's report case).
-- One agency holds one case per sequence of a tip. SQLite cannot drop a table's UNIQUE
-- constraint, so the table is rebuilt.
CREATE TABLE cases_new (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    tip_id TEXT NOT NULL REFERENCES tips (id),
    agency_id TEXT NOT NULL REFERENCES agencies (id),
    kind TEXT NOT NULL DEFAULT 'report' CHECK (kind IN ('report', 'update')),
    parent TEXT REFERENCES cases_new (id),
    sequence INTEGER NOT NULL DEFAULT 0,
    category TEXT NOT NULL,
    received_on TEXT NOT NULL,
    body BLOB NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'leased', 'acknowledged')),
    lease_expires_at INTEGER,
    created_at INTEGER NOT NULL,
    acknowledged_at INTEGER,
    leased_by TEXT,
    lease_hash TEXT,
    CHECK ((kind = 'report') = (parent IS NULL)),
    UNIQUE (tip_id, agency_id, sequence)
);
INSERT INTO cases_new (seq, id, tip_id, agency_id, category, received_on, body, state,
    lease_expires_at, created_at, acknowledged_at, leased_by, lease_hash)
SELECT seq, id, tip_id, agency_id, category, received_on, body, state,
    lease_expires_at, created_at, acknowledged_at, leased_by, lease_hash FROM cases;
DROP TABLE cases;
ALTER TABLE cases_new RENAME TO cases;
CREATE INDEX cases_queue ON cases (agency_id, state, seq);
CREATE INDEX cases_tip ON cases (tip_id, sequence);
