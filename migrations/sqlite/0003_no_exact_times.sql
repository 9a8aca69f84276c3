-- A tip's arrival is kept only as a day (received_on). updated_at held the second of
-- arrival, of drafting and of each reporter answer, and nothing read it.
ALTER TABLE tips DROP COLUMN updated_at;
