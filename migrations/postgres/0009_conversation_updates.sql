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
ALTER TABLE messages ADD COLUMN draft BYTEA;
ALTER TABLE messages ADD COLUMN update_seq BIGINT;
ALTER TABLE messages ADD COLUMN decided_on TEXT;
-- Answers to tips decided before this migration were read beside the tip and never sent.
UPDATE messages SET state = CASE
    WHEN author = 'handler' THEN 'asked'
    WHEN tip_id IN (SELECT id FROM tips WHERE status IN ('forwarded', 'rejected')) THEN 'withheld'
    ELSE 'received' END;
CREATE INDEX messages_state ON messages (state, seq);

-- cases.kind: 'report' (the tip itself, sequence 0) or 'update' (an approved reporter
-- message, sequence 1, 2 ... within the tip; `parent` is the same agency's report case).
-- One agency holds one case per sequence of a tip.
ALTER TABLE cases ADD COLUMN kind TEXT NOT NULL DEFAULT 'report'
    CHECK (kind IN ('report', 'update'));
ALTER TABLE cases ADD COLUMN parent TEXT REFERENCES cases (id);
ALTER TABLE cases ADD COLUMN sequence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cases ADD CONSTRAINT cases_parent_of_updates CHECK ((kind = 'report') = (parent IS NULL));
ALTER TABLE cases DROP CONSTRAINT cases_tip_id_agency_id_key;
ALTER TABLE cases ADD CONSTRAINT cases_tip_agency_sequence UNIQUE (tip_id, agency_id, sequence);
CREATE INDEX cases_tip ON cases (tip_id, sequence);
