//! Taking back a tip's first decision within its undo window (`review.undo_seconds`):
//! the cases it made, held back from every lease until the window ends, are deleted; the
//! reporter messages it settled wait for review again; the tip is back in review, held
//! by the handler who decided. Only that handler, only before the window ends.

use super::{audit, Store, StoreError};
use crate::domain::{Actor, AuditAction};
use crate::store::audit::AuditEntry;
use tracing::instrument;

#[derive(Debug, PartialEq, Eq)]
pub enum UndoOutcome {
    Done,
    /// No decision of this handler's on this tip can be taken back now (the window
    /// ended, someone else decided, or there is no such tip).
    Closed,
}

impl Store {
    #[instrument(skip_all)]
    pub async fn undo_decision(
        &self,
        id: &str,
        handler: &Actor,
        now: i64,
        claim_expires_at: i64,
    ) -> Result<UndoOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let window = sqlx::query(
            "DELETE FROM undo_windows WHERE tip_id = $1 AND handler_id = $2 AND until > $3",
        )
        .bind(id)
        .bind(handler.id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let done = sqlx::query(
            "UPDATE tips SET status = 'in_review', claimed_by = $1, claim_expires_at = $2, \
               decision_note = NULL, decided_on = NULL \
             WHERE id = $3 AND status IN ('forwarded', 'rejected')",
        )
        .bind(handler.id)
        .bind(claim_expires_at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if window.rows_affected() == 0 || done.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(UndoOutcome::Closed);
        }
        // Held cases were never leased; any other would mean the window leaked. The
        // files sealed to their agencies go with them.
        sqlx::query(
            "DELETE FROM case_attachment_chunks WHERE case_id IN \
               (SELECT id FROM cases WHERE tip_id = $1 AND state = 'queued' \
                  AND deliveries = 0 AND held_until > $2)",
        )
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let removed = sqlx::query(
            "DELETE FROM cases WHERE tip_id = $1 AND state = 'queued' AND deliveries = 0 \
               AND held_until > $2",
        )
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE tip_id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        if left > 0 {
            tx.rollback().await?;
            return Ok(UndoOutcome::Closed);
        }
        sqlx::query(
            "UPDATE messages SET \
               state = CASE WHEN draft IS NULL THEN 'received' ELSE 'pending' END, \
               update_seq = NULL, decided_on = NULL \
             WHERE tip_id = $1 AND author = 'reporter' AND state IN ('forwarded', 'withheld')",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(
                now,
                handler.audit_name(),
                AuditAction::Undo,
                Some(id),
                &format!("cases_removed={}", removed.rows_affected()),
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(UndoOutcome::Done)
    }
}
