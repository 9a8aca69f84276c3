//! Retention: what a decided tip keeps, and for how long. After `retention.decided_days`
//! the original (the sealed envelope), the draft, the decision note and the conversation
//! with the reporter are erased; the tip's row stays (status, category, days) so the
//! reporter's code still says what became of it, and the cases stay with the agencies.

use super::audit::{self, AuditEntry};
use super::{Store, StoreError};
use crate::domain::AuditAction;
use tracing::instrument;

/// How the audit log names the retention sweep.
pub const RETENTION_AUDIT_NAME: &str = "system:retention";

impl Store {
    /// Erases what decided tips keep once `days` have passed since their decision, as of
    /// `today` (`YYYY-MM-DD`, a parameter so that tests can move the clock). Returns how
    /// many tips were erased; a sweep that erased any is audited.
    #[instrument(skip_all)]
    pub async fn apply_retention(
        &self,
        today: &str,
        days: u32,
        now: i64,
    ) -> Result<u64, StoreError> {
        let Some(cutoff) = super::days_before(today, days) else {
            return Ok(0);
        };
        let mut tx = self.pool.begin().await?;
        // A tip forwarded before and back in review (the reporter added to it) waits.
        let expired = "SELECT id FROM tips WHERE decided_on < $1 AND erased_on IS NULL \
                       AND status IN ('forwarded', 'rejected')";
        sqlx::query(&format!("DELETE FROM messages WHERE tip_id IN ({expired})"))
            .bind(&cutoff)
            .execute(&mut *tx)
            .await?;
        let erased = sqlx::query(
            "UPDATE tips SET sealed = $2, draft = NULL, decision_note = NULL, erased_on = $3 \
             WHERE decided_on < $1 AND erased_on IS NULL AND status IN ('forwarded', 'rejected')",
        )
        .bind(&cutoff)
        .bind(Vec::<u8>::new())
        .bind(today)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if erased > 0 {
            audit::append(
                self.backend,
                &mut tx,
                &AuditEntry::new(
                    now,
                    RETENTION_AUDIT_NAME.to_owned(),
                    AuditAction::Erased,
                    None,
                    &format!("tips={erased}; decided_before={cutoff}"),
                ),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(erased)
    }
}
