-- Files sent with a report (issue 12). The original is stored only sealed: a content key
-- sealed with HPKE to the intake key (`sealed_key`, bound to `attachment:<id>:key`) and
-- the file in chunks under that key (`attachment_chunks`, a STREAM-like construction:
-- each chunk's nonce is its number and whether it is the last, so chunks can be neither
-- reordered nor dropped). Kept apart from `tips` so that another store (a directory,
-- object storage) can take the chunks later without touching the tips.
--
-- `tip_id` has no foreign key: the files stream in before the tip's row is committed
-- (the tip's id is chosen first); a row stays `uploading` until its tip is stored, and
-- the hourly sweep deletes `uploading` rows from before today (a submission cut off).
-- Only the day is kept (invariant 2). `kind` is the type found from the content at
-- intake (a closed list, like a category). The worker strips each file and stores the
-- result under the data key (`stripped`, bound to `attachment:<id>:stripped`), or marks
-- it `unreadable` with a reason from a closed list. `found_text`: the text found in a PDF,
-- as the redaction engine redacts it, for the handler (under the data key,
-- `attachment:<id>:text`); never forwarded.
CREATE TABLE attachments (
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
    unreadable TEXT CHECK (unreadable IN ('malformed', 'not_decodable', 'encrypted')),
    UNIQUE (tip_id, position)
);
CREATE INDEX attachments_state ON attachments (state, seq);

CREATE TABLE attachment_chunks (
    attachment_id TEXT NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    ct BLOB NOT NULL,
    PRIMARY KEY (attachment_id, n)
);

-- The stripped files a handler chose to forward, per case; they go out with the case.
CREATE TABLE case_attachments (
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    attachment_id TEXT NOT NULL REFERENCES attachments (id),
    PRIMARY KEY (case_id, attachment_id)
);
CREATE INDEX case_attachments_attachment ON case_attachments (attachment_id);
