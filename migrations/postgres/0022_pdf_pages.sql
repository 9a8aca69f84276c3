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
ALTER TABLE attachments ALTER COLUMN position DROP NOT NULL;
ALTER TABLE attachments ALTER COLUMN sealed_key DROP NOT NULL;
ALTER TABLE attachments ADD COLUMN document_id TEXT REFERENCES attachments (id) ON DELETE CASCADE;
ALTER TABLE attachments ADD COLUMN page BIGINT CHECK (page >= 1);
ALTER TABLE attachments ADD COLUMN pages_note TEXT CHECK (pages_note IN ('cut', 'failed'));
ALTER TABLE attachments ADD CONSTRAINT attachments_page_of_document CHECK (
    (document_id IS NULL) = (page IS NULL)
    AND (position IS NULL) = (document_id IS NOT NULL)
    AND (sealed_key IS NOT NULL OR document_id IS NOT NULL));
CREATE INDEX attachments_document ON attachments (document_id);
