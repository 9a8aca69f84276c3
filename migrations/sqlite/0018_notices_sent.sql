-- The waiting-tips e-mail's scheduled times already taken by a replica (`2026-11-29T08:00Z`),
-- so that with several replicas configured alike each notice goes out once. Rows before
-- today are deleted when the next notice is claimed.
CREATE TABLE notices_sent (
    slot TEXT PRIMARY KEY
);
