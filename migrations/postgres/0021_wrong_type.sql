-- Files sealed in the browser (issue 12): the service stores their chunks unseen, so the
-- worker checks each one's type by its content once it opens it, and a file that is not
-- what the browser named it is withheld as `wrong_type` (shown to the handler, and to
-- the reporter on /follow-up).
ALTER TABLE attachments DROP CONSTRAINT attachments_unreadable_check;
ALTER TABLE attachments ADD CONSTRAINT attachments_unreadable_check
    CHECK (unreadable IN ('malformed', 'not_decodable', 'encrypted', 'wrong_type'));
