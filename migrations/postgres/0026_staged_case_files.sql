-- A file forwarded to an agency with a key is sealed to it before the decision commits,
-- a few chunks a transaction (`store::staged`), so the decision's own commit stays small.
-- Until then the sealed copy is staged: its row here names the case it is for (a case
-- not yet stored), its sealed key and the SHA-256 of the stripped copy it was sealed
-- from; its chunks are already in `case_attachment_chunks`, under that case id, which
-- nothing serves until the decision links the file to its stored case
-- (`case_attachments`) and drops the row here. The decision links a file only if its
-- stripped copy is still the one sealed. An abandoned forward's rows (and chunks) are
-- dropped when it fails, or by the hourly sweep.
CREATE TABLE staged_case_files (
    case_id TEXT NOT NULL,
    attachment_id TEXT NOT NULL,
    sealed_key BYTEA NOT NULL,
    stripped_sha256 TEXT NOT NULL,
    staged_at BIGINT NOT NULL,
    PRIMARY KEY (case_id, attachment_id)
);
CREATE INDEX staged_case_files_at ON staged_case_files (staged_at);

-- A staged file's chunks come before its case, so they no longer reference
-- `case_attachments`; an undone case's chunks are deleted with it (`store::undo`).
ALTER TABLE case_attachment_chunks
    DROP CONSTRAINT case_attachment_chunks_case_id_attachment_id_fkey;
