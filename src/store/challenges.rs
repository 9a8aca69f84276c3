//! Spent proof-of-work challenges, shared by every replica so that a challenge is
//! accepted once wherever it is answered. Only the challenge's random id and the day it
//! expires are kept (never the second: that would date a reporter's submission), and
//! rows are forgotten by the hourly sweep (`Store::hourly_sweep`) once that day is past.

use super::{Store, StoreError};
use tracing::instrument;

impl Store {
    /// Records a challenge as spent; false when it was spent already (here or on
    /// another replica).
    #[instrument(skip_all)]
    pub async fn spend_challenge(&self, id: &str, expires_on: &str) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO spent_challenges (id, expires_on) VALUES ($1, $2) \
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(id)
        .bind(expires_on)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
