-- Agencies come from routing.toml (upserted at start); an agency dropped from it is
-- kept inactive for its old cases and tokens. Tokens have a name and the day they were
-- last used, so an administrator can tell them apart and retire unused ones.
ALTER TABLE agencies ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE agency_tokens ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE agency_tokens ADD COLUMN last_used_on TEXT;
