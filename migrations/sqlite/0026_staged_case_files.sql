-- A file forwarded to an agency with a key is sealed to it before the decision commits,
-- a few chunks a transaction (`store::staged`), so the decision's own commit stays small
-- and does not hold SQLite's one connection while ~60 MB are written. Until then the
-- sealed copy is staged: its row here names the case it is for (a case not yet stored),
-- its sealed key and the SHA-256 of the stripped copy it was sealed from; its chunks are
-- already in `case_attachment_chunks`, under that case id, which nothing serves until
-- the decision links the file to its stored case (`case_attachments`) and drops the row
-- here. The decision links a file only if its stripped copy is still the one sealed. An
-- abandoned forward's rows (and chunks) are dropped when it fails, or by the hourly sweep.
CREATE TABLE staged_case_files (
    case_id TEXT NOT NULL,
    attachment_id TEXT NOT NULL,
    sealed_key BLOB NOT NULL,
    stripped_sha256 TEXT NOT NULL,
    staged_at INTEGER NOT NULL,
    PRIMARY KEY (case_id, attachment_id)
);
CREATE INDEX staged_case_files_at ON staged_case_files (staged_at);

-- A staged file's chunks come before its case, so they no longer reference
-- `case_attachments`; an undone case's chunks are deleted with it (`store::undo`).
CREATE TABLE case_attachment_chunks_new (
    case_id TEXT NOT NULL,
    attachment_id TEXT NOT NULL,
    n INTEGER NOT NULL CHECK (n >= 0),
    ct BLOB NOT NULL,
    PRIMARY KEY (case_id, attachment_id, n)
);
INSERT INTO case_attachment_chunks_new (case_id, attachment_id, n, ct)
    SELECT case_id, attachment_id, n, ct FROM case_attachment_chunks;
DROP TABLE case_attachment_chunks;
ALTER TABLE case_attachment_chunks_new RENAME TO case_attachment_chunks;
