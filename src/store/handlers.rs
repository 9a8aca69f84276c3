//! Handlers (console users) and their sessions.

use super::{Store, StoreError};
use sqlx::Row;
use tracing::instrument;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Handler,
    Supervisor,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Handler => "handler",
            Role::Supervisor => "supervisor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        Some(match value {
            "handler" => Role::Handler,
            "supervisor" => Role::Supervisor,
            "admin" => Role::Admin,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone)]
pub struct HandlerRecord {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    pub role: Role,
}

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
        role: Role::parse(&role)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown role {role}").into()))?,
    })
}

impl Store {
    #[instrument(skip_all)]
    pub async fn add_handler(
        &self,
        username: &str,
        password_hash: &str,
        role: Role,
        now: i64,
    ) -> Result<i64, AddHandlerError> {
        if self.handler_by_username(username).await?.is_some() {
            return Err(AddHandlerError::Exists(username.to_owned()));
        }
        let row = sqlx::query(
            "INSERT INTO handlers (username, password_hash, role, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(username)
        .bind(password_hash)
        .bind(role.as_str())
        .bind(now)
        .fetch_one(&self.pool)
        .await
        .map_err(StoreError::from)?;
        Ok(row.try_get("id").map_err(StoreError::from)?)
    }

    #[instrument(skip_all)]
    pub async fn handler_by_username(
        &self,
        username: &str,
    ) -> Result<Option<HandlerRecord>, StoreError> {
        sqlx::query("SELECT id, username, password_hash, role FROM handlers WHERE username = $1 AND disabled = 0")
            .bind(username)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| read_handler(&r))
            .transpose()
    }

    #[instrument(skip_all)]
    pub async fn create_session(
        &self,
        token_hash: &str,
        handler_id: i64,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO sessions (token_hash, handler_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)")
            .bind(token_hash)
            .bind(handler_id)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The handler of a session seen since `idle_since`, marking it seen now.
    /// An idle session is deleted.
    #[instrument(skip_all)]
    pub async fn touch_session(
        &self,
        token_hash: &str,
        now: i64,
        idle_since: i64,
    ) -> Result<Option<HandlerRecord>, StoreError> {
        let touched = sqlx::query(
            "UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2 AND last_seen_at > $3",
        )
        .bind(now)
        .bind(token_hash)
        .bind(idle_since)
        .execute(&self.pool)
        .await?;
        if touched.rows_affected() == 0 {
            self.delete_session(token_hash).await?;
            return Ok(None);
        }
        sqlx::query(
            "SELECT h.id, h.username, h.password_hash, h.role FROM sessions s JOIN handlers h ON h.id = s.handler_id \
             WHERE s.token_hash = $1 AND h.disabled = 0",
        )
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
