-- Where a tip came from, for handlers and for statistics: the channel it arrived by and
-- the region the reporter chose from a list (never free text: a town stays in the sealed
-- tip). Tips from before this migration have no recorded channel (NULL). `taken_by`
-- names the handler who took a report by phone: another handler reviews it.
ALTER TABLE tips ADD COLUMN channel TEXT CHECK (channel IN ('web', 'api', 'phone'));
ALTER TABLE tips ADD COLUMN region TEXT NOT NULL DEFAULT 'unknown' CHECK (region IN ('northland', 'auckland', 'waikato', 'bay_of_plenty', 'gisborne', 'hawkes_bay', 'taranaki', 'manawatu_whanganui', 'wellington', 'tasman', 'nelson', 'marlborough', 'west_coast', 'canterbury', 'otago', 'southland', 'unknown', 'overseas'));
ALTER TABLE tips ADD COLUMN taken_by BIGINT REFERENCES handlers (id);
-- The channel as the agency receives it: set at forwarding for an agency whose entry in
-- routing.toml says `show_channel = true`, else NULL.
ALTER TABLE cases ADD COLUMN channel TEXT CHECK (channel IN ('web', 'api', 'phone'));
