-- A file forwarded to an agency with an HPKE key in routing.toml is sealed to that agency
-- at forwarding (invariant 16), for the one case it goes with: a fresh content key sealed
-- with HPKE to the agency's key (`case_attachments.sealed_key`, the envelope's JSON, bound
-- to `case:<case id>:attachment:<id>`), and the file in chunks under that key
-- (`case_attachment_chunks`, the STREAM chunks of `crypto::stream`, bound to the same
-- place). Such a row is served only as this ciphertext, never from the data key's copy
-- (`attachments.stripped`), which retention erases once no case of an agency without a
-- key holds the file. `sealed_key` NULL: the agency has no key, and gets the data key's
-- copy opened, as before.
ALTER TABLE case_attachments ADD COLUMN sealed_key BYTEA;

CREATE TABLE case_attachment_chunks (
    case_id TEXT NOT NULL,
    attachment_id TEXT NOT NULL,
    n BIGINT NOT NULL CHECK (n >= 0),
    ct BYTEA NOT NULL,
    PRIMARY KEY (case_id, attachment_id, n),
    FOREIGN KEY (case_id, attachment_id)
        REFERENCES case_attachments (case_id, attachment_id) ON DELETE CASCADE
);
