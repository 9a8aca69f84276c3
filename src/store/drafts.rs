//! A batch of the worker's drafts stored in one statement: one round trip for the
//! batch, not one per row. On PostgreSQL under load, when every core is busy, each
//! round trip waits for the server process to be scheduled, and a batch's rows stay
//! locked for all of them.

use super::StoreError;
use sqlx::{Any, Executor};

/// Where drafts go: the table, the column naming a row, what a drafted row becomes,
/// and what a row still waiting for its draft is (a row no longer so keeps what it
/// has).
pub(super) struct DraftUpdate {
    pub table: &'static str,
    pub key: &'static str,
    pub drafted: &'static str,
    pub received: &'static str,
}

impl DraftUpdate {
    /// Stores the drafts in the transaction holding the batch's row locks, and commits it
    /// (PostgreSQL), or as one statement, itself a transaction (SQLite, no `tx`).
    pub(super) async fn commit<K>(
        &self,
        tx: Option<sqlx::Transaction<'static, Any>>,
        pool: &sqlx::AnyPool,
        drafts: Vec<(K, Vec<u8>)>,
    ) -> Result<usize, StoreError>
    where
        K: for<'q> sqlx::Encode<'q, Any> + sqlx::Type<Any> + Send + 'static,
    {
        match tx {
            Some(mut tx) => {
                let drafted = self.execute(&mut *tx, drafts).await?;
                tx.commit().await?;
                Ok(drafted)
            }
            None => self.execute(pool, drafts).await,
        }
    }

    /// Stores each `(key, sealed draft)`; returns how many rows took theirs.
    pub(super) async fn execute<'e, E, K>(
        &self,
        executor: E,
        drafts: Vec<(K, Vec<u8>)>,
    ) -> Result<usize, StoreError>
    where
        E: Executor<'e, Database = Any>,
        K: for<'q> sqlx::Encode<'q, Any> + sqlx::Type<Any> + Send + 'e,
    {
        if drafts.is_empty() {
            return Ok(0);
        }
        let values: Vec<String> = (0..drafts.len())
            .map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2))
            .collect();
        // `column1`, `column2`: what both backends call a VALUES list's columns.
        let sql = format!(
            "UPDATE {table} SET draft = d.column2, {drafted} FROM (VALUES {values}) AS d \
             WHERE {table}.{key} = d.column1 AND {table}.{received}",
            table = self.table,
            key = self.key,
            drafted = self.drafted,
            received = self.received,
            values = values.join(", "),
        );
        let mut query = sqlx::query(&sql);
        for (key, sealed) in drafts {
            query = query.bind(key).bind(sealed);
        }
        Ok(executor.execute(query).await?.rows_affected() as usize)
    }
}
