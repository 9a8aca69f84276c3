//! The agency registry and agency credentials.

use super::{Store, StoreError};
use serde::Serialize;
use sqlx::Row;
use tracing::instrument;

#[derive(Debug, Clone, Serialize)]
pub struct Agency {
    pub id: String,
    pub name: String,
    /// Tip categories this agency is suggested for.
    pub categories: Vec<String>,
}

impl Store {
    #[instrument(skip_all)]
    pub async fn agencies(&self) -> Result<Vec<Agency>, StoreError> {
        let rows =
            sqlx::query("SELECT id, name, categories FROM agencies WHERE active = 1 ORDER BY id")
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(|r| {
                let categories: String = r.try_get("categories")?;
                Ok(Agency {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    categories: categories
                        .split(',')
                        .filter(|c| !c.is_empty())
                        .map(str::to_owned)
                        .collect(),
                })
            })
            .collect()
    }

    /// Stores a new token's hash. False when the agency does not exist.
    #[instrument(skip_all)]
    pub async fn add_agency_token(
        &self,
        agency_id: &str,
        token_hash: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let exists = sqlx::query("SELECT 1 AS one FROM agencies WHERE id = $1 AND active = 1")
            .bind(agency_id)
            .fetch_optional(&self.pool)
            .await?
            .is_some();
        if !exists {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO agency_tokens (token_hash, agency_id, created_at) VALUES ($1, $2, $3)",
        )
        .bind(token_hash)
        .bind(agency_id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(true)
    }

    /// The agency a live token belongs to.
    #[instrument(skip_all)]
    pub async fn agency_for_token(&self, token_hash: &str) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query(
            "SELECT t.agency_id FROM agency_tokens t JOIN agencies a ON a.id = t.agency_id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND a.active = 1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?
        .map(|r| r.try_get("agency_id"))
        .transpose()?)
    }
}
