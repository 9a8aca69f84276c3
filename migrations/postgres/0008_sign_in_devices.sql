-- A browser that signs in to a handler's account is given a device cookie; its
-- attempts are counted here, apart from everyone else's for that account, so a
-- stranger's failures do not slow the owner's browser (and a stolen cookie still gets
-- the waits after its own free failures). Keyed by a keyed hash of the cookie, never
-- the cookie. The row is replaced at each successful sign-in from it (`created_at`),
-- at most ten are kept per handler, and one unused for 180 days is forgotten.
CREATE TABLE sign_in_devices (
    token_hash TEXT PRIMARY KEY,
    handler_id BIGINT NOT NULL REFERENCES handlers (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    failed_logins BIGINT NOT NULL DEFAULT 0,
    last_attempt_at BIGINT,
    attempt_wait BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX sign_in_devices_by_handler ON sign_in_devices (handler_id, created_at);
