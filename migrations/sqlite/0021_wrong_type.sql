-- Files sealed in the browser (issue 12): the service stores their chunks unseen, so the
-- worker checks each one's type by its content once it opens it, and a file that is not
-- what the browser named it is withheld as `wrong_type` (shown to the handler, and to
-- the reporter on /follow-up).
--
-- SQLite cannot change a CHECK constraint, so `attachments` is rebuilt, and with it the
-- two tables that refer to it: migrations run in a transaction with foreign keys on, so
-- dropping `attachments` while `attachment_chunks` referred to it would delete every
-- chunk (ON DELETE CASCADE). The new tables refer to the new one; the children are
-- dropped first, and renaming `attachments_new` carries their references along.
CREATE TABLE attachments_new (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    tip_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('jpeg', 'png', 'webp', 'heif', 'pdf', 'text')),
    state TEXT NOT NULL CHECK (state IN ('uploading', 'received', 'stripped', 'unreadable')),
    sealed_key BLOB NOT NULL,
    created_on TEXT NOT NULL,
    stripped BLOB,
    stripped_kind TEXT CHECK (stripped_kind IN ('jpeg', 'png', 'pdf', 'text')),
    stripped_size INTEGER,
    stripped_sha256 TEXT,
    found_text BLOB,
    -- The reporter message a file came with on /follow-up (`messages.seq`); NULL: with
    -- the report itself.
    message_seq INTEGER,
    unreadable TEXT CHECK (unreadable IN ('malformed', 'not_decodable', 'encrypted', 'wrong_type')),
    UNIQUE (tip_id, position)
);
INSERT INTO attachments_new (seq, id, tip_id, position, kind, state, sealed_key, created_on, stripped, stripped_kind, stripped_size, stripped_sha256, found_text, message_seq, unreadable)
    SELECT seq, id, tip_id, position, kind, state, sealed_key, created_on, stripped, stripped_kind, stripped_size, stripped_sha256, found_text, message_seq, unreadable FROM attachments;

CREATE TABLE attachment_chunks_new (
    attachment_id TEXT NOT NULL REFERENCES attachments_new (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    ct BLOB NOT NULL,
    PRIMARY KEY (attachment_id, n)
);
INSERT INTO attachment_chunks_new (attachment_id, n, ct)
    SELECT attachment_id, n, ct FROM attachment_chunks;

CREATE TABLE case_attachments_new (
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    attachment_id TEXT NOT NULL REFERENCES attachments_new (id),
    PRIMARY KEY (case_id, attachment_id)
);
INSERT INTO case_attachments_new (case_id, attachment_id)
    SELECT case_id, attachment_id FROM case_attachments;

DROP TABLE attachment_chunks;
DROP TABLE case_attachments;
DROP TABLE attachments;
ALTER TABLE attachments_new RENAME TO attachments;
ALTER TABLE attachment_chunks_new RENAME TO attachment_chunks;
ALTER TABLE case_attachments_new RENAME TO case_attachments;
CREATE INDEX attachments_state ON attachments (state, seq);
CREATE INDEX case_attachments_attachment ON case_attachments (attachment_id);
