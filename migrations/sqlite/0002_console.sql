-- The review console: sign-in throttling, TOTP, console settings.

-- Failed sign-ins in a row and the lockout they cause live in the database so that
-- every replica agrees. `totp_last_step` is the last TOTP time step accepted, so a code
-- cannot be used twice. `totp_pending` holds a secret being enrolled until a code from
-- it is confirmed. Both secrets are AEAD ciphertext under the data key.
ALTER TABLE handlers ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE handlers ADD COLUMN locked_until INTEGER;
ALTER TABLE handlers ADD COLUMN totp_last_step INTEGER;
ALTER TABLE handlers ADD COLUMN totp_pending BLOB;

-- Settings an administrator changes from the console.
CREATE TABLE console_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO console_settings (name, value) VALUES ('totp_required', '0');
