//! What statistics are counted from: stored columns only (the day a tip arrived, its
//! category, region, channel and status, the day it was first forwarded, and its report
//! cases' agencies and acknowledgement), never a tip's text, and no time finer than a
//! day leaves this module.

use super::{Store, StoreError};
use crate::domain::{CaseState, Category, Channel, Region, TipStatus};
use sqlx::Row;
use tracing::instrument;

/// One tip, as statistics see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TipFact {
    /// `YYYY-MM-DD`.
    pub received_on: String,
    pub category: Category,
    pub region: Region,
    /// `None` for a tip from before channels were recorded.
    pub channel: Option<Channel>,
    /// A lapsed claim reads as waiting for review, as everywhere.
    pub status: TipStatus,
    /// The day its first report case was made (`YYYY-MM-DD`), if it was forwarded.
    pub forwarded_on: Option<String>,
}

/// One report case (a tip forwarded to one agency).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFact {
    /// The tip's arrival day.
    pub received_on: String,
    pub agency_id: String,
    pub acknowledged: bool,
}

impl Store {
    /// Tips that arrived from `from` to `to` (days, inclusive), and their report cases.
    #[instrument(skip_all)]
    pub async fn stats_facts(
        &self,
        from: &str,
        to: &str,
        now: i64,
    ) -> Result<(Vec<TipFact>, Vec<CaseFact>), StoreError> {
        let rows = sqlx::query(
            "SELECT t.received_on, t.category, t.region, t.channel, \
             CASE WHEN t.status = 'in_review' AND t.claim_expires_at <= $3 \
               THEN 'pending_review' ELSE t.status END AS status, \
             (SELECT MIN(c.created_at) FROM cases c WHERE c.tip_id = t.id AND c.kind = 'report') \
               AS forwarded_at \
             FROM tips t WHERE t.received_on >= $1 AND t.received_on <= $2",
        )
        .bind(from)
        .bind(to)
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        let tips = rows
            .iter()
            .map(|r| {
                let category: String = r.try_get("category")?;
                Ok(TipFact {
                    received_on: r.try_get("received_on")?,
                    category: Category::parse(&category).map_err(|e| {
                        sqlx::Error::ColumnDecode {
                            index: "category".into(),
                            source: e.into(),
                        }
                    })?,
                    region: super::decode(r, "region", Region::parse)?,
                    channel: r
                        .try_get::<Option<String>, _>("channel")?
                        .as_deref()
                        .and_then(Channel::parse),
                    status: super::decode(r, "status", TipStatus::parse)?,
                    forwarded_on: r
                        .try_get::<Option<i64>, _>("forwarded_at")?
                        .map(super::day_of),
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        let rows = sqlx::query(
            "SELECT t.received_on, c.agency_id, c.state FROM cases c JOIN tips t ON t.id = c.tip_id \
             WHERE c.kind = 'report' AND t.received_on >= $1 AND t.received_on <= $2",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        let cases = rows
            .iter()
            .map(|r| {
                Ok(CaseFact {
                    received_on: r.try_get("received_on")?,
                    agency_id: r.try_get("agency_id")?,
                    acknowledged: super::decode(r, "state", CaseState::parse)?
                        == CaseState::Acknowledged,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        Ok((tips, cases))
    }
}
