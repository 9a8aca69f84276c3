//! The audit log: append-only (database triggers refuse UPDATE and DELETE) and
//! hash-chained, so that an edit made by going around the triggers is detectable.
//! Rows say who did what to which tip, never tip content.

use super::{Backend, Store, StoreError};
use crate::domain::AuditAction;
use serde::Serialize;
use sqlx::{Any, Row, Transaction};
use tracing::instrument;

/// The `prev_hash` of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AuditEntry {
    /// Unix seconds; RFC 3339 in the API, as every time it gives.
    #[serde(serialize_with = "as_rfc3339")]
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub tip_id: Option<String>,
    pub detail: String,
}

impl AuditEntry {
    /// Entries are written with a known action; `action` stays text when read back, so
    /// that a tampered row is still read, hashed and reported by `verify_audit_chain`.
    pub fn new(
        at: i64,
        actor: String,
        action: AuditAction,
        tip_id: Option<&str>,
        detail: &str,
    ) -> Self {
        AuditEntry {
            at,
            actor,
            action: action.as_str().to_owned(),
            tip_id: tip_id.map(str::to_owned),
            detail: detail.to_owned(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditRow {
    pub seq: i64,
    #[serde(flatten)]
    pub entry: AuditEntry,
    pub prev_hash: String,
    pub hash: String,
}

fn as_rfc3339<S: serde::Serializer>(at: &i64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&crate::http::rfc3339(*at))
}

/// The hash of a row: SHA-256 over the previous hash and the row's fields, each
/// length-prefixed so that no two different rows serialise alike.
pub fn row_hash(prev_hash: &str, seq: i64, entry: &AuditEntry) -> String {
    let mut data = Vec::new();
    let tip = entry.tip_id.as_deref().unwrap_or("");
    for field in [
        prev_hash,
        &seq.to_string(),
        &entry.at.to_string(),
        &entry.actor,
        &entry.action,
        tip,
        &entry.detail,
    ] {
        data.extend_from_slice(&(field.len() as u64).to_be_bytes());
        data.extend_from_slice(field.as_bytes());
    }
    crate::crypto::sha256_hex(&data)
}

/// Appends within the caller's transaction, so the row commits with the action.
pub async fn append(
    backend: Backend,
    tx: &mut Transaction<'static, Any>,
    entry: &AuditEntry,
) -> Result<(), StoreError> {
    if backend == Backend::Postgres {
        // Serialises appenders so two replicas cannot both extend the same last row.
        sqlx::query("SELECT pg_advisory_xact_lock(7460512)")
            .execute(&mut **tx)
            .await?;
    }
    let last = sqlx::query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        .fetch_optional(&mut **tx)
        .await?;
    let (seq, prev_hash) = match last {
        Some(row) => (
            row.try_get::<i64, _>("seq")? + 1,
            row.try_get::<String, _>("hash")?,
        ),
        None => (1, GENESIS.to_owned()),
    };
    let hash = row_hash(&prev_hash, seq, entry);
    sqlx::query(
        "INSERT INTO audit_log (seq, at, actor, action, tip_id, detail, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(seq)
    .bind(entry.at)
    .bind(&entry.actor)
    .bind(&entry.action)
    .bind(&entry.tip_id)
    .bind(&entry.detail)
    .bind(&prev_hash)
    .bind(&hash)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Where a chain check failed.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct ChainBreak {
    pub seq: i64,
    pub reason: String,
}

impl Store {
    /// Appends an entry on its own, for actions with no other write.
    #[instrument(skip_all)]
    pub async fn audit(&self, entry: &AuditEntry) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        append(self.backend, &mut tx, entry).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Newest first, optionally for one actor or tip.
    #[instrument(skip_all)]
    pub async fn audit_rows(
        &self,
        actor: Option<&str>,
        tip_id: Option<&str>,
        limit: i64,
    ) -> Result<Vec<AuditRow>, StoreError> {
        if ![actor, tip_id].into_iter().flatten().all(super::storable) {
            return Ok(Vec::new());
        }
        let rows = sqlx::query(
            "SELECT seq, at, actor, action, tip_id, detail, prev_hash, hash FROM audit_log \
             WHERE ($1 = '' OR actor = $1) AND ($2 = '' OR tip_id = $2) ORDER BY seq DESC LIMIT $3",
        )
        .bind(actor.unwrap_or(""))
        .bind(tip_id.unwrap_or(""))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(|r| read_row(&r)).collect()
    }

    /// Recomputes the whole chain; the first row that does not fit, if any.
    #[instrument(skip_all)]
    pub async fn verify_audit_chain(&self) -> Result<Option<ChainBreak>, StoreError> {
        let rows = sqlx::query("SELECT seq, at, actor, action, tip_id, detail, prev_hash, hash FROM audit_log ORDER BY seq")
            .fetch_all(&self.pool)
            .await?;
        let mut expected_prev = GENESIS.to_owned();
        for (expected_seq, r) in (1..).zip(rows.iter()) {
            let row = read_row(r)?;
            let problem = if row.seq != expected_seq {
                Some(format!(
                    "expected row {expected_seq}, found {}: a row is missing",
                    row.seq
                ))
            } else if row.prev_hash != expected_prev {
                Some("its prev_hash does not match the previous row's hash".to_owned())
            } else if row.hash != row_hash(&row.prev_hash, row.seq, &row.entry) {
                Some("its contents do not match its hash: the row was altered".to_owned())
            } else {
                None
            };
            if let Some(reason) = problem {
                return Ok(Some(ChainBreak {
                    seq: row.seq,
                    reason,
                }));
            }
            expected_prev = row.hash;
        }
        Ok(None)
    }
}

fn read_row(r: &sqlx::any::AnyRow) -> Result<AuditRow, StoreError> {
    Ok(AuditRow {
        seq: r.try_get("seq")?,
        entry: AuditEntry {
            at: r.try_get("at")?,
            actor: r.try_get("actor")?,
            action: r.try_get("action")?,
            tip_id: r.try_get("tip_id")?,
            detail: r.try_get("detail")?,
        },
        prev_hash: r.try_get("prev_hash")?,
        hash: r.try_get("hash")?,
    })
}
