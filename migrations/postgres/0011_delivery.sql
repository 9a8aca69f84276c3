-- Delivery: every lease of a case is one delivery. A case delivered
-- `agency.max_deliveries` times without an ack (nacked, or its lease lapsed) goes to
-- dead letter (`dead_at`), where no lease takes it until a supervisor requeues it.
-- The last nack's reason is kept as ciphertext (an agency may quote the case in it).
-- `sealed_to` names the agency's HPKE key when the body is sealed to the agency
-- instead of encrypted under the data key.
ALTER TABLE cases ADD COLUMN deliveries BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN dead_at BIGINT;
ALTER TABLE cases ADD COLUMN nack_reason BYTEA;
ALTER TABLE cases ADD COLUMN sealed_to TEXT;
-- Who forwarded the case: an agency's question about it goes to that handler.
ALTER TABLE cases ADD COLUMN forwarded_by BIGINT REFERENCES handlers (id);
