-- An ack must come from the lease it answers: the agency token that leased the case
-- (its hash) and a hash of the lease's own id, given to the leaser once. A lease that
-- lapsed and went to another token or consumer no longer acknowledges anything. Cases
-- leased before this migration have neither, so their leases lapse and are leased again.
ALTER TABLE cases ADD COLUMN leased_by TEXT;
ALTER TABLE cases ADD COLUMN lease_hash TEXT;
