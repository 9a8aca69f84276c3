//! Sign-in state kept per account: failures in a row and the lockout they cause (in the
//! database, so replicas agree), TOTP secrets and the last accepted time step, passwords.

use super::audit::{self, AuditEntry};
use super::handlers::FailureOutcome;
use super::{Store, StoreError};
use crate::domain::Actor;
use crate::domain::AuditAction;
use sqlx::Row;
use tracing::instrument;

impl Store {
    /// Counts a sign-in attempt before anything is checked, in one statement, so that
    /// parallel attempts cannot all pass the check: of any burst, at most `max` are ever
    /// verified before the account locks. The `max`th attempt sets the lock (`until`),
    /// which a success clears. Returns the attempt's number since the last success, or
    /// `None` while the account is locked (or unknown or disabled).
    #[instrument(skip_all)]
    pub async fn reserve_sign_in_attempt(
        &self,
        handler_id: i64,
        now: i64,
        max: u32,
        until: i64,
    ) -> Result<Option<i64>, StoreError> {
        // A lock that has run out starts the count again.
        const ATTEMPT: &str = "CASE WHEN locked_until <= $1 THEN 1 ELSE failed_logins + 1 END";
        let row = sqlx::query(&format!(
            "UPDATE handlers SET failed_logins = {ATTEMPT}, \
             locked_until = CASE WHEN {ATTEMPT} >= $2 THEN $3 ELSE NULL END \
             WHERE id = $4 AND disabled = 0 AND (locked_until IS NULL OR locked_until <= $1) \
             RETURNING failed_logins"
        ))
        .bind(now)
        .bind(i64::from(max))
        .bind(until)
        .bind(handler_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.try_get("failed_logins")).transpose()?)
    }

    /// Audits a failed attempt (who, never what was typed); the `max`th in a row is the
    /// one that locked the account.
    #[instrument(skip_all)]
    pub async fn sign_in_failed(
        &self,
        handler: &Actor,
        now: i64,
        attempt: i64,
        max: u32,
        until: i64,
    ) -> Result<FailureOutcome, StoreError> {
        let outcome = if attempt >= i64::from(max) {
            FailureOutcome::Locked
        } else {
            FailureOutcome::Counted
        };
        let (action, detail) = match outcome {
            FailureOutcome::Counted => (AuditAction::LoginFailed, format!("failures={attempt}")),
            FailureOutcome::Locked => (AuditAction::LoginLocked, format!("until={until}")),
        };
        self.audit(&AuditEntry::new(
            now,
            handler.audit_name(),
            action,
            None,
            &detail,
        ))
        .await?;
        Ok(outcome)
    }

    /// A successful sign-in: clears the failure count and opens a session, audited.
    /// Sessions of anyone that have been idle since `idle_since` are swept on the way,
    /// so abandoned ones do not pile up.
    #[instrument(skip_all)]
    pub async fn signed_in(
        &self,
        handler: &Actor,
        session_hash: &str,
        now: i64,
        idle_since: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM sessions WHERE last_seen_at <= $1")
            .bind(idle_since)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE handlers SET failed_logins = 0, locked_until = NULL WHERE id = $1")
            .bind(handler.id)
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
            &AuditEntry::new(now, handler.audit_name(), AuditAction::Login, None, ""),
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
    /// code's) counts as used.
    #[instrument(skip_all)]
    pub async fn enrol_totp(
        &self,
        handler: &Actor,
        sealed: &[u8],
        step: i64,
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
            "UPDATE handlers SET password_hash = $1, failed_logins = 0, locked_until = NULL WHERE id = $2",
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
    /// Ends a lockout and clears the failure count.
    Lockout,
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
            Reset::Lockout => (
                "UPDATE handlers SET failed_logins = 0, locked_until = NULL \
                 WHERE id = $1 AND disabled = 0 RETURNING username",
                AuditAction::LockoutCleared,
            ),
            Reset::Totp => (
                "UPDATE handlers SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL \
                 WHERE id = $1 AND disabled = 0 RETURNING username",
                AuditAction::TotpReset,
            ),
        };
        let Some(row) = sqlx::query(sql)
            .bind(handler_id)
            .fetch_optional(&mut *tx)
            .await?
        else {
            tx.rollback().await?;
            return Ok(false);
        };
        let username: String = row.try_get("username")?;
        if reset == Reset::Totp {
            sqlx::query("DELETE FROM sessions WHERE handler_id = $1")
                .bind(handler_id)
                .execute(&mut *tx)
                .await?;
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
