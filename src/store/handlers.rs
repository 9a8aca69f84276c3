//! Handlers (console users) and their sessions.

use super::audit::{self, AuditEntry};
use super::{Store, StoreError};
use crate::domain::AuditAction;
use crate::domain::{Actor, HandlerRole};
use sqlx::{Any, Row};
use tracing::instrument;

#[derive(Debug, Clone)]
pub struct HandlerRecord {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    pub role: HandlerRole,
    /// The enrolled TOTP secret, AEAD ciphertext (`handler:<id>:totp`).
    pub totp_secret: Option<Vec<u8>>,
    /// A secret shown for enrolment and not yet confirmed with a code.
    pub totp_pending: Option<Vec<u8>>,
    /// When the account last opened for enrolment with the password alone.
    pub enrol_opened_at: i64,
}

impl HandlerRecord {
    pub fn actor(&self) -> Actor {
        Actor {
            id: self.id,
            username: self.username.clone(),
        }
    }

    pub fn totp_enrolled(&self) -> bool {
        self.totp_secret.is_some()
    }
}

/// A handler as the admin page lists them.
#[derive(Debug, Clone)]
pub struct HandlerSummary {
    pub id: i64,
    pub username: String,
    pub role: HandlerRole,
    pub totp_enrolled: bool,
    pub disabled: bool,
    /// Failed sign-ins in a row (forgotten after a quiet day).
    pub failed_logins: i64,
    /// No sign-in attempt is checked before this time.
    pub next_attempt_at: i64,
}

impl HandlerSummary {
    pub fn actor(&self) -> Actor {
        Actor {
            id: self.id,
            username: self.username.clone(),
        }
    }
}

const HANDLER_COLUMNS: &str = "h.id, h.username, h.password_hash, h.role, h.totp_secret, \
     h.totp_pending, COALESCE(h.enrol_opened_at, h.created_at) AS enrol_opened_at";

#[derive(Debug, thiserror::Error)]
pub enum AddHandlerError {
    #[error("a handler named `{0}` already exists")]
    Exists(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn read_handler(r: &sqlx::any::AnyRow) -> Result<HandlerRecord, StoreError> {
    let role: String = r.try_get("role")?;
    Ok(HandlerRecord {
        id: r.try_get("id")?,
        username: r.try_get("username")?,
        password_hash: r.try_get("password_hash")?,
        role: HandlerRole::parse(&role)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown role {role}").into()))?,
        totp_secret: r.try_get("totp_secret")?,
        totp_pending: r.try_get("totp_pending")?,
        enrol_opened_at: r.try_get("enrol_opened_at")?,
    })
}

/// Inserts a handler unless the name is taken (one statement, so it needs no
/// transaction of its own); the new id, or `None` when taken.
async fn insert_handler<'e, E: sqlx::Executor<'e, Database = Any>>(
    executor: E,
    username: &str,
    password_hash: &str,
    role: HandlerRole,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    let row = sqlx::query(
        "INSERT INTO handlers (username, password_hash, role, created_at, enrol_opened_at) \
         SELECT $1, $2, $3, $4, $4 WHERE NOT EXISTS (SELECT 1 FROM handlers WHERE username = $1) \
         RETURNING id",
    )
    .bind(username)
    .bind(password_hash)
    .bind(role.as_str())
    .bind(now)
    .fetch_optional(executor)
    .await?;
    Ok(row.map(|r| r.try_get("id")).transpose()?)
}

impl Store {
    /// Adds a handler, with its audit row naming who added it (an admin in the console,
    /// or the operator at the command line).
    #[instrument(skip_all)]
    pub async fn add_handler(
        &self,
        by: &str,
        username: &str,
        password_hash: &str,
        role: HandlerRole,
        now: i64,
    ) -> Result<i64, AddHandlerError> {
        let mut tx = self.pool.begin().await.map_err(StoreError::from)?;
        let id = insert_handler(&mut *tx, username, password_hash, role, now)
            .await?
            .ok_or_else(|| AddHandlerError::Exists(username.to_owned()))?;
        let detail = format!("username={username}; role={}", role.as_str());
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(now, by.to_owned(), AuditAction::HandlerAdded, None, &detail),
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(id)
    }

    #[instrument(skip_all)]
    pub async fn handler_by_username(
        &self,
        username: &str,
    ) -> Result<Option<HandlerRecord>, StoreError> {
        if !super::storable(username) {
            return Ok(None);
        }
        sqlx::query(&format!(
            "SELECT {HANDLER_COLUMNS} FROM handlers h WHERE h.username = $1 AND h.disabled = 0"
        ))
        .bind(username)
        .fetch_optional(&self.pool)
        .await?
        .map(|r| read_handler(&r))
        .transpose()
    }

    /// The handler of a session seen since `idle_since` and begun after `born_after`,
    /// marking it seen now. An idle or expired session is deleted.
    #[instrument(skip_all)]
    pub async fn touch_session(
        &self,
        token_hash: &str,
        now: i64,
        idle_since: i64,
        born_after: i64,
    ) -> Result<Option<HandlerRecord>, StoreError> {
        let touched = sqlx::query(
            "UPDATE sessions SET last_seen_at = $1 \
             WHERE token_hash = $2 AND last_seen_at > $3 AND created_at > $4",
        )
        .bind(now)
        .bind(token_hash)
        .bind(idle_since)
        .bind(born_after)
        .execute(&self.pool)
        .await?;
        if touched.rows_affected() == 0 {
            self.delete_session(token_hash).await?;
            return Ok(None);
        }
        sqlx::query(&format!(
            "SELECT {HANDLER_COLUMNS} FROM sessions s JOIN handlers h ON h.id = s.handler_id \
             WHERE s.token_hash = $1 AND h.disabled = 0"
        ))
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?
        .map(|r| read_handler(&r))
        .transpose()
    }

    #[instrument(skip_all)]
    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

impl Store {
    /// Every handler, enabled or not, by name.
    #[instrument(skip_all)]
    pub async fn handlers(&self) -> Result<Vec<HandlerSummary>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, username, role, totp_secret, disabled, failed_logins, \
             COALESCE(last_attempt_at, 0) + attempt_wait AS next_attempt_at \
             FROM handlers ORDER BY username",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                let role: String = r.try_get("role")?;
                let secret: Option<Vec<u8>> = r.try_get("totp_secret")?;
                Ok(HandlerSummary {
                    id: r.try_get("id")?,
                    username: r.try_get("username")?,
                    role: HandlerRole::parse(&role).ok_or_else(|| {
                        sqlx::Error::Decode(format!("unknown role {role}").into())
                    })?,
                    totp_enrolled: secret.is_some(),
                    disabled: r.try_get::<i64, _>("disabled")? != 0,
                    failed_logins: r.try_get("failed_logins")?,
                    next_attempt_at: r.try_get("next_attempt_at")?,
                })
            })
            .collect()
    }

    /// Disables a handler: their sessions end and their claims return to the queue.
    /// False when there is no such enabled handler. `by` names who did it in the audit
    /// log (an admin in the console, or the operator at the command line).
    #[instrument(skip_all)]
    pub async fn disable_handler(&self, by: &str, id: i64, now: i64) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(
            "UPDATE handlers SET disabled = 1 WHERE id = $1 AND disabled = 0 RETURNING username",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Ok(false);
        };
        let username: String = row.try_get("username")?;
        sqlx::query("DELETE FROM sessions WHERE handler_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE tips SET status = 'pending_review', claimed_by = NULL, claim_expires_at = NULL \
             WHERE claimed_by = $1 AND status = 'in_review'",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(
                now,
                by.to_owned(),
                AuditAction::HandlerDisabled,
                None,
                &format!("username={username}"),
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Enables a disabled handler again. False when there is no such disabled handler.
    #[instrument(skip_all)]
    pub async fn enable_handler(&self, by: &str, id: i64, now: i64) -> Result<bool, StoreError> {
        self.account_change(
            by,
            "UPDATE handlers SET disabled = 0, failed_logins = 0, attempt_wait = 0 \
             WHERE id = $1 AND disabled = 1 RETURNING username",
            id,
            None,
            AuditAction::HandlerEnabled,
            now,
        )
        .await
    }

    /// Gives a handler a new password: their sessions end and their failed sign-ins are
    /// forgotten. False when there is no such enabled handler.
    #[instrument(skip_all)]
    pub async fn reset_password(
        &self,
        by: &str,
        id: i64,
        password_hash: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        self.account_change(
            by,
            "UPDATE handlers SET password_hash = $2, failed_logins = 0, attempt_wait = 0 \
             WHERE id = $1 AND disabled = 0 RETURNING username",
            id,
            Some(password_hash),
            AuditAction::PasswordReset,
            now,
        )
        .await
    }

    /// One change to an account (`update` returns its username), its sessions ended
    /// and the change audited, in one transaction.
    async fn account_change(
        &self,
        by: &str,
        update: &str,
        id: i64,
        value: Option<&str>,
        action: AuditAction,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let mut query = sqlx::query(update).bind(id);
        if let Some(value) = value {
            query = query.bind(value);
        }
        let Some(row) = query.fetch_optional(&mut *tx).await? else {
            tx.rollback().await?;
            return Ok(false);
        };
        let username: String = row.try_get("username")?;
        if action == AuditAction::PasswordReset {
            // A new password opens enrolment again, for `review.enrol_within_hours`.
            sqlx::query("UPDATE handlers SET enrol_opened_at = $2 WHERE id = $1")
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("DELETE FROM sessions WHERE handler_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
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
