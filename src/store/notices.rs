//! Which replica sends a scheduled notice (`notify`): the first to claim its slot.

use super::{Store, StoreError};
use tracing::instrument;

impl Store {
    /// Claims the notice scheduled for `slot` (`2026-11-29T08:00Z`): true for the one
    /// replica that claims it first, false for every other. Slots of days before `today`
    /// are forgotten.
    #[instrument(skip_all)]
    pub async fn claim_notice(&self, slot: &str, today: &str) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM notices_sent WHERE slot < $1")
            .bind(today)
            .execute(&mut *tx)
            .await?;
        let claimed =
            sqlx::query("INSERT INTO notices_sent (slot) VALUES ($1) ON CONFLICT DO NOTHING")
                .bind(slot)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                == 1;
        tx.commit().await?;
        Ok(claimed)
    }
}
