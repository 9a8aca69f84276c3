//! Sign-in state kept per account: failures in a row and the wait they impose (in the
//! database, so replicas agree), the same for each device cookie of an account and for
//! usernames that name nobody, TOTP secrets and the last accepted time step, passwords.

use super::audit::{self, AuditEntry};
use super::{Store, StoreError};
use crate::domain::actor::UNKNOWN_USERNAME_AUDIT_NAME;
use crate::domain::Actor;
use crate::domain::AuditAction;
use sqlx::Row;
use std::sync::LazyLock;
use tracing::instrument;

/// How failed sign-ins slow an account down: `free_failures` in a row cost nothing; the
/// attempt after the last free one waits `first_wait` seconds, and each failure after
/// that doubles the wait, up to `longest_wait`. Never a lock: once the wait has passed,
/// one attempt is checked, so the account's owner still gets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttle {
    pub free_failures: u32,
    pub first_wait: i64,
    pub longest_wait: i64,
}

/// A day without attempts forgets the failures before it.
pub const FORGET_AFTER: i64 = 86_400;

/// What reserving a sign-in attempt found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// May be checked: the attempt's number since the last success, and the wait the
    /// next one will have after it should this one fail.
    Counted { number: i64, wait: i64 },
    /// Too early: nothing may be checked before `not_before`; nothing was counted.
    TooEarly { not_before: i64 },
}

/// Whose attempt: a handler (from a browser without a device cookie of theirs), one of
/// a handler's devices (by the keyed hash of its cookie), or a username that names
/// nobody (by a keyed hash of the name as typed, never the name).
#[derive(Debug, Clone, Copy)]
pub enum Account<'a> {
    Handler(i64),
    Device(&'a str),
    Unknown(&'a str),
}

/// A device cookie is forgotten after this long without a successful sign-in from it.
pub const DEVICE_LIFETIME: i64 = 180 * 86_400;
/// Device cookies kept per handler (the newest): a script that signs in without
/// keeping cookies does not grow the table.
const DEVICES_PER_HANDLER: i64 = 10;

/// What a successful sign-in does to the device cookies: the one it came with (if any,
/// and the handler's) is replaced by a new one.
#[derive(Debug, Clone, Copy)]
pub struct DeviceChange<'a> {
    pub used: Option<&'a str>,
    pub issued: &'a str,
}

// The rule, written once for both tables (`{t}`). Parameters: $1 now, $2 the moment before
// which attempts are forgotten, $3 free failures, $4 first wait, $5 longest wait.
/// This attempt's number.
const NUMBER: &str = "CASE WHEN COALESCE({t}.last_attempt_at, 0) <= $2 THEN 1 \
                      ELSE {t}.failed_logins + 1 END";
/// The wait after this attempt: none while failures are free, the first wait at the last
/// free one, then double the previous, up to the longest.
const WAIT: &str = "CASE WHEN {n} < $3 THEN 0 \
                    WHEN {n} = $3 OR {t}.attempt_wait < $4 THEN $4 \
                    WHEN 2 * {t}.attempt_wait > $5 THEN $5 \
                    ELSE 2 * {t}.attempt_wait END";
/// The previous attempt's wait has passed.
const DUE: &str = "COALESCE({t}.last_attempt_at, 0) + {t}.attempt_wait <= $1";

fn rule(template: &str, table: &str) -> String {
    template
        .replace("{n}", &NUMBER.replace("{t}", table))
        .replace("{t}", table)
}

/// Counts a handler's attempt ($6 the handler's id) if due.
static COUNT_HANDLER: LazyLock<String> = LazyLock::new(|| {
    format!(
        "UPDATE handlers SET failed_logins = {}, attempt_wait = {}, last_attempt_at = $1 \
         WHERE id = $6 AND disabled = 0 AND {} RETURNING failed_logins, attempt_wait",
        rule(NUMBER, "handlers"),
        rule(WAIT, "handlers"),
        rule(DUE, "handlers"),
    )
});

/// Counts an unknown name's attempt ($6 the name's keyed hash) if due.
static COUNT_UNKNOWN: LazyLock<String> = LazyLock::new(|| {
    format!(
        "INSERT INTO unknown_sign_ins (name_hash, failed_logins, attempt_wait, last_attempt_at) \
         VALUES ($6, 1, CASE WHEN 1 < $3 THEN 0 ELSE $4 END, $1) \
         ON CONFLICT (name_hash) DO UPDATE SET failed_logins = {}, attempt_wait = {}, \
         last_attempt_at = $1 WHERE {} RETURNING failed_logins, attempt_wait",
        rule(NUMBER, "unknown_sign_ins"),
        rule(WAIT, "unknown_sign_ins"),
        rule(DUE, "unknown_sign_ins"),
    )
});

/// Counts an attempt from one of a handler's devices ($6 the cookie's keyed hash) if due.
static COUNT_DEVICE: LazyLock<String> = LazyLock::new(|| {
    format!(
        "UPDATE sign_in_devices SET failed_logins = {}, attempt_wait = {}, last_attempt_at = $1 \
         WHERE token_hash = $6 AND {} \
         AND handler_id IN (SELECT id FROM handlers WHERE disabled = 0) \
         RETURNING failed_logins, attempt_wait",
        rule(NUMBER, "sign_in_devices"),
        rule(WAIT, "sign_in_devices"),
        rule(DUE, "sign_in_devices"),
    )
});

type Query<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

fn with_rule(query: Query<'_>, throttle: Throttle, now: i64) -> Query<'_> {
    query
        .bind(now)
        .bind(now - FORGET_AFTER)
        .bind(i64::from(throttle.free_failures))
        .bind(throttle.first_wait)
        .bind(throttle.longest_wait)
}

impl Store {
    /// Counts a sign-in attempt before anything is checked, in one statement, so that
    /// parallel attempts cannot all pass: an attempt made before the previous one's wait
    /// has passed is refused unchecked and uncounted, and each counted one sets the wait
    /// for the next. A known account and an unknown name take the same rule and the same
    /// work (one write), so neither answers nor timing tell them apart.
    #[instrument(skip_all)]
    pub async fn reserve_sign_in_attempt(
        &self,
        account: Account<'_>,
        throttle: Throttle,
        now: i64,
    ) -> Result<Attempt, StoreError> {
        let (counted, not_before) = match account {
            Account::Handler(id) => (
                with_rule(sqlx::query(&COUNT_HANDLER), throttle, now)
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?,
                sqlx::query(
                    "SELECT COALESCE(last_attempt_at, 0) + attempt_wait AS not_before \
                     FROM handlers WHERE id = $1",
                )
                .bind(id),
            ),
            Account::Device(token_hash) => (
                with_rule(sqlx::query(&COUNT_DEVICE), throttle, now)
                    .bind(token_hash)
                    .fetch_optional(&self.pool)
                    .await?,
                sqlx::query(
                    "SELECT COALESCE(last_attempt_at, 0) + attempt_wait AS not_before \
                     FROM sign_in_devices WHERE token_hash = $1",
                )
                .bind(token_hash),
            ),
            Account::Unknown(name_hash) => (
                with_rule(sqlx::query(&COUNT_UNKNOWN), throttle, now)
                    .bind(name_hash)
                    .fetch_optional(&self.pool)
                    .await?,
                sqlx::query(
                    "SELECT last_attempt_at + attempt_wait AS not_before \
                     FROM unknown_sign_ins WHERE name_hash = $1",
                )
                .bind(name_hash),
            ),
        };
        if let Some(row) = counted {
            return Ok(Attempt::Counted {
                number: row.try_get("failed_logins")?,
                wait: row.try_get("attempt_wait")?,
            });
        }
        let not_before: Option<i64> = not_before
            .fetch_optional(&self.pool)
            .await?
            .map(|r| r.try_get("not_before"))
            .transpose()?;
        // No row: the handler was disabled (or the device forgotten) a moment ago;
        // refused like a wait.
        Ok(Attempt::TooEarly {
            not_before: not_before.unwrap_or(now).max(now + 1),
        })
    }

    /// Audits a failed attempt: who (a handler, or "a username that names nobody", never
    /// the name or what was typed), how many in a row, and the wait it set.
    #[instrument(skip_all)]
    pub async fn sign_in_failed(
        &self,
        handler: Option<&Actor>,
        now: i64,
        number: i64,
        wait: i64,
    ) -> Result<(), StoreError> {
        let actor =
            handler.map_or_else(|| UNKNOWN_USERNAME_AUDIT_NAME.to_owned(), Actor::audit_name);
        let (action, detail) = if wait > 0 {
            (
                AuditAction::LoginSlowed,
                format!("failures={number}; wait={wait}s"),
            )
        } else {
            (AuditAction::LoginFailed, format!("failures={number}"))
        };
        self.audit(&AuditEntry::new(now, actor, action, None, &detail))
            .await
    }

    /// The handler whose device cookie has this keyed hash, if any. Read for every
    /// attempt that brings a device cookie, whatever the username, so that a cookie
    /// costs the same work for a name that names nobody.
    #[instrument(skip_all)]
    pub async fn device_holder(&self, token_hash: &str) -> Result<Option<i64>, StoreError> {
        Ok(
            sqlx::query("SELECT handler_id FROM sign_in_devices WHERE token_hash = $1")
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await?
                .map(|r| r.try_get("handler_id"))
                .transpose()?,
        )
    }

    /// A successful sign-in: clears the failure count it was counted under (the
    /// device's, or else the account's: a sign-in from the owner's device leaves the
    /// strangers' count as it is), replaces the device cookie, and opens a session,
    /// audited. Sessions of anyone that have been idle since `idle_since`, and device
    /// cookies unused for `DEVICE_LIFETIME`, are swept on the way, so abandoned ones do
    /// not pile up.
    #[instrument(skip_all)]
    pub async fn signed_in(
        &self,
        handler: &Actor,
        session_hash: &str,
        device: DeviceChange<'_>,
        now: i64,
        idle_since: i64,
        detail: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM sessions WHERE last_seen_at <= $1")
            .bind(idle_since)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sign_in_devices WHERE created_at <= $1")
            .bind(now - DEVICE_LIFETIME)
            .execute(&mut *tx)
            .await?;
        match device.used {
            Some(used) => {
                sqlx::query("DELETE FROM sign_in_devices WHERE token_hash = $1")
                    .bind(used)
                    .execute(&mut *tx)
                    .await?
            }
            None => {
                sqlx::query("UPDATE handlers SET failed_logins = 0, attempt_wait = 0 WHERE id = $1")
                    .bind(handler.id)
                    .execute(&mut *tx)
                    .await?
            }
        };
        sqlx::query(
            "INSERT INTO sign_in_devices (token_hash, handler_id, created_at) VALUES ($1, $2, $3)",
        )
        .bind(device.issued)
        .bind(handler.id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "DELETE FROM sign_in_devices WHERE handler_id = $1 AND token_hash NOT IN \
             (SELECT token_hash FROM sign_in_devices WHERE handler_id = $1 \
              ORDER BY created_at DESC, token_hash LIMIT $2)",
        )
        .bind(handler.id)
        .bind(DEVICES_PER_HANDLER)
        .execute(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO sessions (token_hash, handler_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)")
            .bind(session_hash)
            .bind(handler.id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(now, handler.audit_name(), AuditAction::Login, None, detail),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records `step` as used. False when it (or a later one) was used already: a code
    /// is good once (RFC 6238 §5.2).
    #[instrument(skip_all)]
    pub async fn use_totp_step(&self, handler_id: i64, step: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE handlers SET totp_last_step = $1 WHERE id = $2 \
             AND (totp_last_step IS NULL OR totp_last_step < $1)",
        )
        .bind(step)
        .bind(handler_id)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Spends a recovery code (any of `hashes`, the typed code's under every data key):
    /// how many are left, or `None` when it is not one of the handler's unused codes.
    #[instrument(skip_all)]
    pub async fn use_recovery_code(
        &self,
        handler_id: i64,
        hashes: &[String],
        now: i64,
    ) -> Result<Option<i64>, StoreError> {
        for hash in hashes {
            let done = sqlx::query(
                "UPDATE recovery_codes SET used_at = $1 \
                 WHERE handler_id = $2 AND code_hash = $3 AND used_at IS NULL",
            )
            .bind(now)
            .bind(handler_id)
            .bind(hash)
            .execute(&self.pool)
            .await?;
            if done.rows_affected() == 1 {
                return Ok(Some(self.recovery_codes_left(handler_id).await?));
            }
        }
        Ok(None)
    }

    #[instrument(skip_all)]
    pub async fn recovery_codes_left(&self, handler_id: i64) -> Result<i64, StoreError> {
        Ok(sqlx::query(
            "SELECT COUNT(*) AS n FROM recovery_codes WHERE handler_id = $1 AND used_at IS NULL",
        )
        .bind(handler_id)
        .fetch_one(&self.pool)
        .await?
        .try_get("n")?)
    }

    /// Keeps a secret being enrolled until a code from it is confirmed.
    #[instrument(skip_all)]
    pub async fn set_totp_pending(&self, handler_id: i64, sealed: &[u8]) -> Result<(), StoreError> {
        sqlx::query("UPDATE handlers SET totp_pending = $1 WHERE id = $2")
            .bind(sealed)
            .bind(handler_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Makes the confirmed secret the handler's TOTP secret; `step` (the confirming
    /// code's) counts as used. The recovery codes made with it (their keyed hashes)
    /// replace any from before.
    #[instrument(skip_all)]
    pub async fn enrol_totp(
        &self,
        handler: &Actor,
        sealed: &[u8],
        step: i64,
        recovery_hashes: &[String],
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE handlers SET totp_secret = $1, totp_pending = NULL, totp_last_step = $2 WHERE id = $3",
        )
        .bind(sealed)
        .bind(step)
        .bind(handler.id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM recovery_codes WHERE handler_id = $1")
            .bind(handler.id)
            .execute(&mut *tx)
            .await?;
        for hash in recovery_hashes {
            sqlx::query("INSERT INTO recovery_codes (handler_id, code_hash) VALUES ($1, $2)")
                .bind(handler.id)
                .bind(hash)
                .execute(&mut *tx)
                .await?;
        }
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(
                now,
                handler.audit_name(),
                AuditAction::TotpEnrolled,
                None,
                "",
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Changes a password; every other session of the handler ends.
    #[instrument(skip_all)]
    pub async fn change_password(
        &self,
        handler: &Actor,
        password_hash: &str,
        keep_session: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        // The attempt that proved the old password counted like a sign-in; it succeeded.
        sqlx::query(
            "UPDATE handlers SET password_hash = $1, failed_logins = 0, attempt_wait = 0 WHERE id = $2",
        )
            .bind(password_hash)
            .bind(handler.id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE handler_id = $1 AND token_hash <> $2")
            .bind(handler.id)
            .bind(keep_session)
            .execute(&mut *tx)
            .await?;
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(
                now,
                handler.audit_name(),
                AuditAction::PasswordChanged,
                None,
                "",
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// What an administrator resets on another handler's account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reset {
    /// Clears the failure count, and with it any wait (the account's and its devices').
    SignInWait,
    /// Removes the authenticator (a lost phone) and ends the handler's sessions; they
    /// enrol again at their next sign-in.
    Totp,
}

impl Store {
    /// False when there is no such enabled handler.
    #[instrument(skip_all)]
    pub async fn reset_handler(
        &self,
        by: &str,
        handler_id: i64,
        reset: Reset,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let (sql, action) = match reset {
            Reset::SignInWait => (
                "UPDATE handlers SET failed_logins = 0, attempt_wait = 0 \
                 WHERE id = $1 AND disabled = 0 RETURNING username",
                AuditAction::LockoutCleared,
            ),
            Reset::Totp => (
                "UPDATE handlers SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL, \
                 enrol_opened_at = $2 WHERE id = $1 AND disabled = 0 RETURNING username",
                AuditAction::TotpReset,
            ),
        };
        let mut query = sqlx::query(sql).bind(handler_id);
        if reset == Reset::Totp {
            // Enrolment opens again, for `review.enrol_within_hours`.
            query = query.bind(now);
        }
        let Some(row) = query.fetch_optional(&mut *tx).await? else {
            tx.rollback().await?;
            return Ok(false);
        };
        let username: String = row.try_get("username")?;
        let also: &[&str] = match reset {
            Reset::SignInWait => &[
                "UPDATE sign_in_devices SET failed_logins = 0, attempt_wait = 0 WHERE handler_id = $1",
            ],
            Reset::Totp => &[
                "DELETE FROM sessions WHERE handler_id = $1",
                "DELETE FROM recovery_codes WHERE handler_id = $1",
            ],
        };
        for sql in also {
            sqlx::query(sql).bind(handler_id).execute(&mut *tx).await?;
        }
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(
                now,
                by.to_owned(),
                action,
                None,
                &format!("username={username}"),
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
