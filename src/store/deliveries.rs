//! What supervisors see of delivery: each agency's queue, and the cases in dead letter
//! (delivered `max_deliveries` times without an ack, and not held under a live lease),
//! which a supervisor may requeue (audited).

use super::audit::{self, AuditEntry};
use super::{Store, StoreError};
use crate::domain::{Actor, AuditAction, CaseId};
use sqlx::Row;
use tracing::instrument;

/// Dead letter, as SQL: `$1` is `max_deliveries`, `$2` now.
const DEAD: &str = "state <> 'acknowledged' AND deliveries >= $1 \
     AND NOT (state = 'leased' AND lease_expires_at > $2)";

/// A case in dead letter, as the console lists it.
pub struct DeadLetter {
    pub id: CaseId,
    pub tip_id: String,
    pub agency_id: String,
    pub category: String,
    pub deliveries: i64,
    /// The last nack's reason (ciphertext), if the last failure was a nack.
    pub nack_reason: Option<Vec<u8>>,
}

/// One agency's cases by where they are in delivery.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct DeliveryCounts {
    pub agency_id: String,
    pub queued: i64,
    pub leased: i64,
    pub acknowledged: i64,
    pub dead_letter: i64,
}

impl Store {
    #[instrument(skip_all)]
    pub async fn dead_letters(
        &self,
        max_deliveries: u32,
        now: i64,
    ) -> Result<Vec<DeadLetter>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT id, tip_id, agency_id, category, deliveries, nack_reason FROM cases \
             WHERE {DEAD} ORDER BY seq"
        ))
        .bind(i64::from(max_deliveries))
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(DeadLetter {
                    id: CaseId::from_stored(r.try_get("id")?),
                    tip_id: r.try_get("tip_id")?,
                    agency_id: r.try_get("agency_id")?,
                    category: r.try_get("category")?,
                    deliveries: r.try_get("deliveries")?,
                    nack_reason: r.try_get("nack_reason")?,
                })
            })
            .collect()
    }

    /// Cases per agency by delivery state (a lapsed lease counts as queued).
    #[instrument(skip_all)]
    pub async fn delivery_counts(
        &self,
        max_deliveries: u32,
        now: i64,
    ) -> Result<Vec<DeliveryCounts>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT agency_id, \
               SUM(CASE WHEN state = 'acknowledged' THEN 1 ELSE 0 END) AS acknowledged, \
               SUM(CASE WHEN {DEAD} THEN 1 ELSE 0 END) AS dead_letter, \
               SUM(CASE WHEN state = 'leased' AND lease_expires_at > $2 THEN 1 ELSE 0 END) AS leased, \
               COUNT(*) AS total \
             FROM cases GROUP BY agency_id ORDER BY agency_id"
        ))
        .bind(i64::from(max_deliveries))
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                let sum = |c: &str| -> Result<i64, sqlx::Error> {
                    Ok(r.try_get::<Option<i64>, _>(c)?.unwrap_or(0))
                };
                let (acknowledged, dead_letter, leased) =
                    (sum("acknowledged")?, sum("dead_letter")?, sum("leased")?);
                Ok(DeliveryCounts {
                    agency_id: r.try_get("agency_id")?,
                    queued: r.try_get::<i64, _>("total")? - acknowledged - dead_letter - leased,
                    leased,
                    acknowledged,
                    dead_letter,
                })
            })
            .collect()
    }

    /// Puts a dead-letter case back in its agency's queue with its deliveries counted
    /// from nothing, audited. False when the case is not in dead letter.
    #[instrument(skip_all)]
    pub async fn requeue_case(
        &self,
        supervisor: &Actor,
        case_id: &str,
        max_deliveries: u32,
        now: i64,
    ) -> Result<bool, StoreError> {
        if !super::storable(case_id) {
            return Ok(false);
        }
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(&format!(
            "UPDATE cases SET state = 'queued', deliveries = 0, lease_expires_at = NULL, \
               leased_by = NULL, lease_hash = NULL \
             WHERE id = $3 AND {DEAD} \
             RETURNING tip_id, agency_id"
        ))
        .bind(i64::from(max_deliveries))
        .bind(now)
        .bind(case_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Ok(false);
        };
        let (tip_id, agency_id): (String, String) =
            (row.try_get("tip_id")?, row.try_get("agency_id")?);
        self.notify_queued(&mut tx, &agency_id).await?;
        let detail = format!("case={case_id}; agency={agency_id}");
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(
                now,
                supervisor.audit_name(),
                AuditAction::Requeue,
                Some(&tip_id),
                &detail,
            ),
        )
        .await?;
        tx.commit().await?;
        self.queue_signal().wake(&agency_id);
        Ok(true)
    }
}
