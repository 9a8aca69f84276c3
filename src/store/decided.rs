//! Tips decided already (forwarded or rejected, some back in review for the reporter's
//! new messages): a handler's own recent ones, or every one for a supervisor, newest
//! decision first, with who decided and where they went. Never their text.

use super::{Store, StoreError};
use crate::domain::{CaseState, TipStatus};
use sqlx::Row;
use tracing::instrument;

/// Which decided tips a list shows.
#[derive(Debug, Clone, Default)]
pub struct DecidedFilter {
    /// Only those this audit name (`handler:ana`) forwarded, rejected or updated.
    pub decided_by: Option<String>,
    /// A tip id, or its first characters.
    pub id_prefix: String,
    pub status: Option<TipStatus>,
    pub category: Option<String>,
}

#[derive(Debug, Clone)]
pub struct DecidedTip {
    pub id: String,
    pub category: String,
    pub status: TipStatus,
    pub received_on: String,
    pub decided_on: String,
    /// Who made the last decision (`handler:ana`), from the audit log.
    pub decided_by: String,
    /// The agencies holding its case, each with its report's state.
    pub agencies: Vec<(String, CaseState)>,
}

const DECISIONS: &str = "('forward', 'reject', 'update')";

impl Store {
    #[instrument(skip_all)]
    pub async fn decided_tips(
        &self,
        filter: &DecidedFilter,
        now: i64,
        limit: i64,
    ) -> Result<Vec<DecidedTip>, StoreError> {
        let strings = [
            filter.decided_by.as_deref().unwrap_or(""),
            filter.id_prefix.as_str(),
            filter.category.as_deref().unwrap_or(""),
        ];
        if !strings.into_iter().all(super::storable) {
            return Ok(Vec::new());
        }
        // Ids are lower-case hex: anything else in a prefix matches no tip, and no
        // pattern character reaches LIKE.
        let prefix: String = filter
            .id_prefix
            .trim()
            .to_ascii_lowercase()
            .chars()
            .filter(char::is_ascii_hexdigit)
            .collect();
        if prefix.len() != filter.id_prefix.trim().len() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT t.id, t.category, t.status, t.received_on, t.decided_on, \
               (SELECT a.actor FROM audit_log a WHERE a.tip_id = t.id AND a.action IN {DECISIONS} \
                ORDER BY a.seq DESC LIMIT 1) AS decided_by \
             FROM tips t WHERE t.decided_on IS NOT NULL \
               AND ($1 = '' OR EXISTS (SELECT 1 FROM audit_log a WHERE a.tip_id = t.id \
                    AND a.actor = $1 AND a.action IN {DECISIONS})) \
               AND t.id LIKE $2 AND ($3 = '' OR t.status = $3) AND ($4 = '' OR t.category = $4) \
             ORDER BY t.decided_on DESC, t.seq DESC LIMIT $5"
        );
        let rows = sqlx::query(&sql)
            .bind(strings[0])
            .bind(format!("{prefix}%"))
            .bind(filter.status.map_or("", TipStatus::as_str))
            .bind(strings[2])
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        let mut tips = rows
            .into_iter()
            .map(|r| {
                Ok(DecidedTip {
                    id: r.try_get("id")?,
                    category: r.try_get("category")?,
                    status: super::decode(&r, "status", TipStatus::parse)?,
                    received_on: r.try_get("received_on")?,
                    decided_on: r.try_get("decided_on")?,
                    decided_by: r
                        .try_get::<Option<String>, _>("decided_by")?
                        .unwrap_or_default(),
                    agencies: Vec::new(),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        for tip in &mut tips {
            tip.agencies = self
                .cases_of_tip(&tip.id, now)
                .await?
                .into_iter()
                .filter(|c| c.sequence == 0)
                .map(|c| (c.agency_name, c.state))
                .collect();
        }
        Ok(tips)
    }
}
