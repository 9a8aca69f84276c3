-- A stripped copy (and each page drawn from a PDF) is stored in the STREAM chunks of
-- `crypto::stream` (`attachment_stripped_chunks`, bound to
-- `attachment:<id>:stripped-chunk`) under a content key of its own, which is kept under
-- the data key (`attachments.stripped_key`, bound to `attachment:<id>:stripped-key`). So
-- sealing a copy to an agency, serving it, or re-keying it never needs it whole in
-- memory: a chunk is read, opened, sealed again and written at a time. A copy stored
-- before this migration stays whole under the data key in `attachments.stripped` (NULL
-- for every copy stored since) and is read as before.
ALTER TABLE attachments ADD COLUMN stripped_key BLOB;

CREATE TABLE attachment_stripped_chunks (
    attachment_id TEXT NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
    n INTEGER NOT NULL CHECK (n >= 0),
    ct BLOB NOT NULL,
    PRIMARY KEY (attachment_id, n)
);
