-- Agencies come from routing.toml (upserted at start); an agency dropped from it is
-- kept inactive for its old cases and tokens. Tokens have a name and the day they were
-- last used, so an administrator can tell them apart and retire unused ones.
ALTER TABLE agencies ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE agency_tokens ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE agency_tokens ADD COLUMN last_used_on TEXT;

-- Questions an agency asks about one of its cases, for the handler who forwarded it (and
-- supervisors). The text is AEAD ciphertext (`case:<id>:question`); only days are kept.
CREATE TABLE agency_questions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL REFERENCES cases (id),
    body BLOB NOT NULL,
    asked_on TEXT NOT NULL,
    handled_by INTEGER REFERENCES handlers (id),
    handled_on TEXT
);
CREATE INDEX agency_questions_case ON agency_questions (case_id);
