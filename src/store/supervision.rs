//! A supervisor's hand on the queue: taking a live claim away from its holder, to give
//! the tip back to the queue or to another handler.

use super::audit::{self, AuditEntry};
use super::{Store, StoreError};
use crate::domain::Actor;
use crate::domain::AuditAction;
use sqlx::Row;
use tracing::instrument;

#[derive(Debug, PartialEq, Eq)]
pub enum ReassignOutcome {
    Done,
    /// The tip has no live claim to reassign.
    NotClaimed,
    /// The handler named took this report by phone: another handler reviews it.
    OwnCall,
}

impl Store {
    /// Moves a live claim to `to` (with a fresh expiry) or, with `None`, releases it.
    /// A report taken by phone goes to its taker only when `own_calls` allows it.
    #[instrument(skip_all)]
    pub async fn reassign_claim(
        &self,
        supervisor: &Actor,
        tip_id: &str,
        to: Option<&Actor>,
        now: i64,
        expires_at: i64,
        own_calls: bool,
    ) -> Result<ReassignOutcome, StoreError> {
        if !super::storable(tip_id) {
            return Ok(ReassignOutcome::NotClaimed);
        }
        let mut tx = self.pool.begin().await?;
        let previous = sqlx::query(
            "SELECT h.username, t.taken_by FROM tips t JOIN handlers h ON h.id = t.claimed_by \
             WHERE t.id = $1 AND t.status = 'in_review' AND t.claim_expires_at > $2",
        )
        .bind(tip_id)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(previous) = previous else {
            tx.rollback().await?;
            return Ok(ReassignOutcome::NotClaimed);
        };
        let taken_by: Option<i64> = previous.try_get("taken_by")?;
        let previous: String = previous.try_get("username")?;
        if !own_calls && to.is_some_and(|h| taken_by == Some(h.id)) {
            tx.rollback().await?;
            return Ok(ReassignOutcome::OwnCall);
        }
        let done = match to {
            Some(handler) => sqlx::query(
                "UPDATE tips SET claimed_by = $1, claim_expires_at = $2 \
                 WHERE id = $4 AND status = 'in_review' AND claim_expires_at > $3",
            )
            .bind(handler.id)
            .bind(expires_at)
            .bind(now)
            .bind(tip_id),
            None => sqlx::query(
                "UPDATE tips SET status = 'pending_review', claimed_by = NULL, claim_expires_at = NULL \
                 WHERE id = $2 AND status = 'in_review' AND claim_expires_at > $1",
            )
            .bind(now)
            .bind(tip_id),
        }
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(ReassignOutcome::NotClaimed);
        }
        let detail = match to {
            Some(handler) if taken_by == Some(handler.id) => format!(
                "from=handler:{previous}; to={}; own call: review.own_calls lets the handler who took it review it",
                handler.audit_name()
            ),
            Some(handler) => format!("from=handler:{previous}; to={}", handler.audit_name()),
            None => format!("from=handler:{previous}; released"),
        };
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(
                now,
                supervisor.audit_name(),
                AuditAction::Reassign,
                Some(tip_id),
                &detail,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(ReassignOutcome::Done)
    }
}
