//! The agency registry (kept in step with `routing.toml` at start) and agency tokens.

use super::audit::{self, AuditEntry};
use super::{Store, StoreError};
use crate::domain::AuditAction;
use crate::routing::AgencyConfig;
use serde::Serialize;
use sqlx::Row;
use tracing::instrument;

#[derive(Debug, Clone, Serialize)]
pub struct Agency {
    pub id: String,
    pub name: String,
    pub contact: String,
    /// Tip categories this agency is suggested for.
    pub categories: Vec<String>,
}

/// What `configure_agencies` changed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct AgencyChanges {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub deactivated: Vec<String>,
}

impl Store {
    #[instrument(skip_all)]
    pub async fn agencies(&self) -> Result<Vec<Agency>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, name, contact, categories FROM agencies WHERE active = 1 ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                let categories: String = r.try_get("categories")?;
                Ok(Agency {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    contact: r.try_get("contact")?,
                    categories: categories
                        .split(',')
                        .filter(|c| !c.is_empty())
                        .map(str::to_owned)
                        .collect(),
                })
            })
            .collect()
    }

    /// Makes the registry what `routing.toml` says: configured agencies added or updated
    /// and active, any other made inactive (kept for its cases and tokens, which stop
    /// working). A change is audited as `by`; nothing changed, nothing written.
    #[instrument(skip_all)]
    pub async fn configure_agencies(
        &self,
        by: &str,
        configured: &[AgencyConfig],
        now: i64,
    ) -> Result<AgencyChanges, StoreError> {
        let mut tx = self.pool.begin().await?;
        let rows = sqlx::query("SELECT id, name, contact, categories, active FROM agencies")
            .fetch_all(&mut *tx)
            .await?;
        let mut changes = AgencyChanges::default();
        for agency in configured {
            let categories: Vec<&str> = agency.categories.iter().map(|c| c.as_str()).collect();
            let categories = categories.join(",");
            let existing = rows
                .iter()
                .find(|r| r.try_get::<String, _>("id").ok().as_deref() == Some(&agency.id));
            let same = match existing {
                None => {
                    changes.added.push(agency.id.clone());
                    false
                }
                Some(r) => {
                    r.try_get::<String, _>("name")? == agency.name
                        && r.try_get::<String, _>("contact")? == agency.contact
                        && r.try_get::<String, _>("categories")? == categories
                        && r.try_get::<i64, _>("active")? == 1
                }
            };
            if same {
                continue;
            }
            if existing.is_some() {
                changes.changed.push(agency.id.clone());
            }
            sqlx::query(
                "INSERT INTO agencies (id, name, contact, categories, active) VALUES ($1, $2, $3, $4, 1) \
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, contact = excluded.contact, \
                   categories = excluded.categories, active = 1",
            )
            .bind(&agency.id)
            .bind(&agency.name)
            .bind(&agency.contact)
            .bind(&categories)
            .execute(&mut *tx)
            .await?;
        }
        for r in &rows {
            let id: String = r.try_get("id")?;
            if r.try_get::<i64, _>("active")? == 1 && !configured.iter().any(|a| a.id == id) {
                sqlx::query("UPDATE agencies SET active = 0 WHERE id = $1")
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
                changes.deactivated.push(id);
            }
        }
        if changes == AgencyChanges::default() {
            tx.rollback().await?;
            return Ok(changes);
        }
        let detail = format!(
            "added={}; changed={}; deactivated={}",
            changes.added.join(","),
            changes.changed.join(","),
            changes.deactivated.join(",")
        );
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(
                now,
                by.to_owned(),
                AuditAction::AgenciesConfigured,
                None,
                &detail,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(changes)
    }

    /// Issues a token: its hash stored and the issue audited with who issued it (an admin
    /// in the console, or the operator at the command line) and the first characters of
    /// the hash, to tell tokens apart. False for an unknown agency.
    #[instrument(skip_all)]
    pub async fn issue_agency_token(
        &self,
        by: &str,
        agency_id: &str,
        name: &str,
        token_hash: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        if !super::storable(agency_id) || !super::storable(name) {
            return Ok(false);
        }
        let mut tx = self.pool.begin().await?;
        // Written first, so that on SQLite the transaction takes the write lock (waiting
        // for it) before it reads anything: a read first would fail at once, not wait,
        // when another process (the running server) writes in between.
        let issued = sqlx::query(
            "INSERT INTO agency_tokens (token_hash, agency_id, name, created_at) \
             SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM agencies WHERE id = $2 AND active = 1)",
        )
        .bind(token_hash)
        .bind(agency_id)
        .bind(name)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if issued.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        let detail = format!(
            "agency={agency_id}; token={}; name={name}",
            short_hash(token_hash)
        );
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
            "SELECT token_hash, agency_id, name, created_at, last_used_on, revoked_at FROM agency_tokens \
             ORDER BY created_at DESC, token_hash",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(AgencyToken {
                    hash: r.try_get("token_hash")?,
                    agency_id: r.try_get("agency_id")?,
                    name: r.try_get("name")?,
                    created_at: r.try_get("created_at")?,
                    last_used_on: r.try_get("last_used_on")?,
                    revoked_at: r.try_get("revoked_at")?,
                })
            })
            .collect()
    }

    /// Revokes a live token, audited as `by` (an admin, or the operator at the command
    /// line). It stops working at once: every request looks its token up. False when
    /// there is no such live token.
    #[instrument(skip_all)]
    pub async fn revoke_agency_token(
        &self,
        by: &str,
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
            &AuditEntry::new(now, by.to_owned(), AuditAction::TokenRevoked, None, &detail),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The agency a live token belongs to, noting the day it was used (one write a day
    /// per token at most).
    #[instrument(skip_all)]
    pub async fn agency_for_token(
        &self,
        token_hash: &str,
        today: &str,
    ) -> Result<Option<String>, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT t.agency_id, t.last_used_on FROM agency_tokens t JOIN agencies a ON a.id = t.agency_id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND a.active = 1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        if row.try_get::<Option<String>, _>("last_used_on")?.as_deref() != Some(today) {
            sqlx::query("UPDATE agency_tokens SET last_used_on = $1 WHERE token_hash = $2")
                .bind(today)
                .bind(token_hash)
                .execute(&self.pool)
                .await?;
        }
        Ok(Some(row.try_get("agency_id")?))
    }
}

/// An issued agency token as the admin page shows it: never the secret, only its hash.
#[derive(Debug, Clone)]
pub struct AgencyToken {
    pub hash: String,
    pub agency_id: String,
    /// What the administrator called it (empty for tokens issued without a name).
    pub name: String,
    pub created_at: i64,
    /// The last day (UTC) it authenticated a request.
    pub last_used_on: Option<String>,
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
