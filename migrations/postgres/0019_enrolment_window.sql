-- When a handler's account last opened for setting up an authenticator with the password
-- alone (created, password reset, authenticator removed): after `review.enrol_within_hours`
-- the password alone no longer signs in, so a first password found later cannot enrol an
-- attacker's authenticator.
ALTER TABLE handlers ADD COLUMN enrol_opened_at BIGINT;
UPDATE handlers SET enrol_opened_at = created_at;
