-- A PDF's pages drawn as images by the worker (issue 12), so a handler can black out a
-- name printed on a page and forward the pages instead of the document. Each page is an
-- attachment of its own, stripped from the start (its copy under the data key, bound to
-- `attachment:<id>:stripped`, like any stripped copy), so that black-out, forwarding,
-- an agency's fetch, retention and rekeying treat it as any file: `document_id` names
-- the PDF it was drawn from and `page` its number (1, 2 ...). A page was never sent by
-- the reporter, so it has no position among the reporter's files and no sealed original.
-- `pages_note` on a PDF says why not every page is shown: `cut` (past
-- `attachments.pdf_pages`) or `failed` (the renderer failed or ran out of time or
-- memory); NULL when every page is shown, or for any other file.
--
-- SQLite cannot drop a NOT NULL, so `attachments` is rebuilt with the two tables that
-- refer to it, as in 0021 (children first, so no chunk is cascaded away).
CREATE TABLE attachments_new (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    tip_id TEXT NOT NULL,
    position INTEGER,
    kind TEXT NOT NULL CHECK (kind IN ('jpeg', 'png', 'webp', 'heif', 'pdf', 'text')),
    state TEXT NOT NULL CHECK (state IN ('uploading', 'received', 'stripped', 'unreadable')),
    sealed_key BLOB,
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
    document_id TEXT REFERENCES attachments_new (id) ON DELETE CASCADE,
    page INTEGER CHECK (page >= 1),
    pages_note TEXT CHECK (pages_note IN ('cut', 'failed')),
    UNIQUE (tip_id, position),
    CHECK ((document_id IS NULL) = (page IS NULL)
        AND (position IS NULL) = (document_id IS NOT NULL)
        AND (sealed_key IS NOT NULL OR document_id IS NOT NULL))
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
CREATE INDEX attachments_document ON attachments (document_id);
CREATE INDEX case_attachments_attachment ON case_attachments (attachment_id);
