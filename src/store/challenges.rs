//! Spent proof-of-work challenges, shared by every replica so that a challenge is
//! accepted once wherever it is answered. Only the challenge's random id and the day it
//! expires are kept (never the second: that would date a reporter's submission), and
//! rows are forgotten by the hourly sweep (`Store::hourly_sweep`) once that day is past.
//!
//! A challenge is recorded as spent in the commit that stores its tip
//! (`group_commit`), not in a transaction of its own: one fsync per group of tips, and
//! a tip refused for a reused challenge leaves nothing behind.

use super::{Store, StoreError};
use sqlx::{Any, Executor, Row};
use std::collections::HashSet;
use tracing::instrument;

/// A solved challenge to record as spent with its tip: its random id (base64url) and
/// the day it expires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpentChallenge {
    pub id: String,
    pub expires_on: String,
}

impl Store {
    /// Whether a challenge is recorded as spent (here or on another replica): a replay
    /// is refused before its envelope is opened. The commit that stores a tip is what
    /// decides (`spend`); this only saves the work of opening a replayed one.
    #[instrument(skip_all)]
    pub async fn challenge_spent(&self, id: &str) -> Result<bool, StoreError> {
        Ok(
            sqlx::query("SELECT 1 AS one FROM spent_challenges WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?
                .is_some(),
        )
    }
}

/// Records the challenges as spent, in the caller's transaction; returns the ids that
/// were not spent before (each once, however often it is given).
pub(super) async fn spend<'e, E>(
    executor: E,
    challenges: &[&SpentChallenge],
) -> Result<HashSet<String>, StoreError>
where
    E: Executor<'e, Database = Any>,
{
    let mut seen = HashSet::new();
    let distinct: Vec<&SpentChallenge> = challenges
        .iter()
        .copied()
        .filter(|c| seen.insert(c.id.as_str()))
        .collect();
    if distinct.is_empty() {
        return Ok(HashSet::new());
    }
    let values: Vec<String> = (0..distinct.len())
        .map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2))
        .collect();
    let sql = format!(
        "INSERT INTO spent_challenges (id, expires_on) VALUES {} \
         ON CONFLICT (id) DO NOTHING RETURNING id",
        values.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for challenge in distinct {
        query = query.bind(&challenge.id).bind(&challenge.expires_on);
    }
    executor
        .fetch_all(query)
        .await?
        .iter()
        .map(|r| r.try_get::<String, _>("id").map_err(StoreError::from))
        .collect()
}
