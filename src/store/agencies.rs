//! The agency registry and agency credentials.

use super::audit::{self, AuditEntry};
use super::{Store, StoreError};
use crate::domain::Actor;
use crate::domain::AuditAction;
use serde::Serialize;
use sqlx::Row;
use tracing::instrument;

#[derive(Debug, Clone, Serialize)]
pub struct Agency {
    pub id: String,
    pub name: String,
    /// Tip categories this agency is suggested for.
    pub categories: Vec<String>,
}

impl Store {
    #[instrument(skip_all)]
    pub async fn agencies(&self) -> Result<Vec<Agency>, StoreError> {
        let rows =
            sqlx::query("SELECT id, name, categories FROM agencies WHERE active = 1 ORDER BY id")
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(|r| {
                let categories: String = r.try_get("categories")?;
                Ok(Agency {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    categories: categories
                        .split(',')
                        .filter(|c| !c.is_empty())
                        .map(str::to_owned)
                        .collect(),
                })
            })
            .collect()
    }

    /// Issues a token: its hash stored and the issue audited with who issued it (an admin
    /// in the console, or the operator at the command line) and the first characters of
    /// the hash, to tell tokens apart. False for an unknown agency.
    #[instrument(skip_all)]
    pub async fn issue_agency_token(
        &self,
        by: &str,
        agency_id: &str,
        token_hash: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        if !super::storable(agency_id) {
            return Ok(false);
        }
        let mut tx = self.pool.begin().await?;
        let exists = sqlx::query("SELECT 1 AS one FROM agencies WHERE id = $1 AND active = 1")
            .bind(agency_id)
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        if !exists {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO agency_tokens (token_hash, agency_id, created_at) VALUES ($1, $2, $3)",
        )
        .bind(token_hash)
        .bind(agency_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let detail = format!("agency={agency_id}; token={}", short_hash(token_hash));
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(now, by.to_owned(), AuditAction::TokenIssued, None, &detail),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Every token ever issued, newest first.
    #[instrument(skip_all)]
    pub async fn agency_tokens(&self) -> Result<Vec<AgencyToken>, StoreError> {
        let rows = sqlx::query(
            "SELECT token_hash, agency_id, created_at, revoked_at FROM agency_tokens \
             ORDER BY created_at DESC, token_hash",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(AgencyToken {
                    hash: r.try_get("token_hash")?,
                    agency_id: r.try_get("agency_id")?,
                    created_at: r.try_get("created_at")?,
                    revoked_at: r.try_get("revoked_at")?,
                })
            })
            .collect()
    }

    /// Revokes a live token. False when there is no such live token.
    #[instrument(skip_all)]
    pub async fn revoke_agency_token(
        &self,
        admin: &Actor,
        token_hash: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        if !super::storable(token_hash) {
            return Ok(false);
        }
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(
            "UPDATE agency_tokens SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL \
             RETURNING agency_id",
        )
        .bind(now)
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Ok(false);
        };
        let agency: String = row.try_get("agency_id")?;
        let detail = format!("agency={agency}; token={}", short_hash(token_hash));
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(
                now,
                admin.audit_name(),
                AuditAction::TokenRevoked,
                None,
                &detail,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The agency a live token belongs to.
    #[instrument(skip_all)]
    pub async fn agency_for_token(&self, token_hash: &str) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query(
            "SELECT t.agency_id FROM agency_tokens t JOIN agencies a ON a.id = t.agency_id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND a.active = 1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?
        .map(|r| r.try_get("agency_id"))
        .transpose()?)
    }
}

/// An issued agency token as the admin page shows it: never the secret, only its hash.
#[derive(Debug, Clone)]
pub struct AgencyToken {
    pub hash: String,
    pub agency_id: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

impl AgencyToken {
    pub fn short(&self) -> &str {
        short_hash(&self.hash)
    }
}

/// The first characters of a token hash: enough to tell tokens apart on a page or in
/// the audit log.
pub fn short_hash(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}
