//! Cases: one per agency per forwarded tip (its report), and one per agency per approved
//! reporter message after it (an update), pulled by the agency with leases.
//! A lease that lapses returns its case to the queue (at-least-once delivery), and an
//! ack counts only from the current lease: its holder's token and its own id.

use super::{Store, StoreError};
use crate::domain::{CaseId, CaseKind, CaseState, Category, NewCase};
use sqlx::{Any, Row, Transaction};
use tracing::instrument;

pub struct LeasedCase {
    pub id: CaseId,
    pub kind: CaseKind,
    /// For an update, the report case it follows.
    pub parent: Option<CaseId>,
    /// 0 for a report, 1, 2 ... for the tip's updates.
    pub sequence: i64,
    pub category: String,
    pub received_on: String,
    /// AEAD ciphertext of the case body.
    pub body: Vec<u8>,
    pub lease_expires_at: i64,
}

/// Who holds a lease: the agency token that took it (its hash) and the lease's own id
/// (its hash; the id is given to the leaser once), so that two consumers sharing a
/// token are told apart too.
#[derive(Debug, Clone, Copy)]
pub struct Lease<'a> {
    pub token_hash: &'a str,
    pub lease_hash: &'a str,
}

#[derive(Debug, PartialEq, Eq)]
pub enum AckOutcome {
    Acknowledged,
    /// Acknowledged before under this same lease: a retry, answered as a success.
    AlreadyAcknowledged,
    /// Acknowledged under another lease (after this one lapsed).
    AcknowledgedUnderAnother,
    /// This lease lapsed at the given time; nobody has leased the case since.
    Lapsed(i64),
    /// Leased now under another lease (this one lapsed and another took the case).
    LeasedToAnother,
    /// Not leased: it never was, or its lease was never this one.
    NotLeased,
    /// No such case for this agency. Another agency's case looks the same as none.
    NotFound,
}

/// A report case: the agency holding a forwarded tip.
#[derive(Debug, Clone)]
pub struct HeldCase {
    pub id: CaseId,
    pub agency_id: String,
    pub category: Category,
}

impl HeldCase {
    /// What an update of this case needs to know about it.
    pub fn as_parent(&self) -> crate::domain::NewCaseParent<'_> {
        crate::domain::NewCaseParent {
            id: &self.id,
            agency_id: &self.agency_id,
            category: self.category,
        }
    }
}

/// A case as the console shows it on a decided tip's page: never its body.
#[derive(Debug, Clone)]
pub struct CaseSummary {
    pub agency_id: String,
    pub agency_name: String,
    pub kind: CaseKind,
    pub sequence: i64,
    pub state: CaseState,
    pub created_at: i64,
    pub acknowledged_at: Option<i64>,
}

impl Store {
    /// The report cases of a tip, one per agency that holds it, by agency.
    #[instrument(skip_all)]
    pub async fn holders(&self, tip_id: &str) -> Result<Vec<HeldCase>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, agency_id, category FROM cases WHERE tip_id = $1 AND kind = 'report' \
             ORDER BY agency_id",
        )
        .bind(tip_id)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                let category: String = r.try_get("category")?;
                Ok(HeldCase {
                    id: CaseId::from_stored(r.try_get("id")?),
                    agency_id: r.try_get("agency_id")?,
                    category: Category::parse(&category).map_err(|e| {
                        sqlx::Error::ColumnDecode {
                            index: "category".into(),
                            source: e.to_string().into(),
                        }
                    })?,
                })
            })
            .collect()
    }

    /// Every case of a tip, reports and updates, in the order they were made. A lapsed
    /// lease reads as queued.
    #[instrument(skip_all)]
    pub async fn cases_of_tip(
        &self,
        tip_id: &str,
        now: i64,
    ) -> Result<Vec<CaseSummary>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.agency_id, a.name, c.kind, c.sequence, c.created_at, c.acknowledged_at, \
             CASE WHEN c.state = 'leased' AND c.lease_expires_at <= $2 THEN 'queued' ELSE c.state END AS state \
             FROM cases c JOIN agencies a ON a.id = c.agency_id \
             WHERE c.tip_id = $1 ORDER BY c.sequence, c.agency_id",
        )
        .bind(tip_id)
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(CaseSummary {
                    agency_id: r.try_get("agency_id")?,
                    agency_name: r.try_get("name")?,
                    kind: super::decode(&r, "kind", CaseKind::parse)?,
                    sequence: r.try_get("sequence")?,
                    state: super::decode(&r, "state", CaseState::parse)?,
                    created_at: r.try_get("created_at")?,
                    acknowledged_at: r.try_get("acknowledged_at")?,
                })
            })
            .collect()
    }

    /// The highest sequence among a tip's cases (0 when only reports, or none).
    #[instrument(skip_all)]
    pub async fn last_case_sequence(&self, tip_id: &str) -> Result<i64, StoreError> {
        Ok(
            sqlx::query("SELECT COALESCE(MAX(sequence), 0) AS n FROM cases WHERE tip_id = $1")
                .bind(tip_id)
                .fetch_one(&self.pool)
                .await?
                .try_get("n")?,
        )
    }

    pub(super) async fn insert_case(
        &self,
        tx: &mut Transaction<'static, Any>,
        tip_id: &str,
        case: &NewCase,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO cases (id, tip_id, agency_id, category, received_on, body, state, created_at, \
               kind, parent, sequence) \
             VALUES ($1, $2, $3, $4, $5, $6, 'queued', $7, $8, $9, $10)",
        )
        .bind(case.id().as_str())
        .bind(tip_id)
        .bind(case.agency_id())
        .bind(case.category().as_str())
        .bind(case.received_on())
        .bind(case.sealed_body())
        .bind(now)
        .bind(case.kind().as_str())
        .bind(case.parent().map(CaseId::as_str))
        .bind(case.sequence())
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Leases up to `max` of the agency's queued (or lapsed) cases, oldest first. On
    /// PostgreSQL the rows are locked with SKIP LOCKED so concurrent pullers never get
    /// the same case.
    #[instrument(skip_all)]
    pub async fn lease_cases(
        &self,
        agency_id: &str,
        lease: Lease<'_>,
        max: i64,
        now: i64,
        expires_at: i64,
    ) -> Result<Vec<LeasedCase>, StoreError> {
        let sql = format!(
            "UPDATE cases SET state = 'leased', lease_expires_at = $1, leased_by = $5, lease_hash = $6 \
             WHERE id IN (SELECT id FROM cases WHERE agency_id = $2 \
               AND (state = 'queued' OR (state = 'leased' AND lease_expires_at <= $3)) \
               ORDER BY seq LIMIT $4{}) \
             RETURNING seq, id, kind, parent, sequence, category, received_on, body, lease_expires_at",
            self.backend.skip_locked()
        );
        let mut tx = self.pool.begin().await?;
        let rows = sqlx::query(&sql)
            .bind(expires_at)
            .bind(agency_id)
            .bind(now)
            .bind(max)
            .bind(lease.token_hash)
            .bind(lease.lease_hash)
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        let mut cases = rows
            .into_iter()
            .map(|r| {
                Ok((
                    r.try_get::<i64, _>("seq")?,
                    LeasedCase {
                        id: CaseId::from_stored(r.try_get("id")?),
                        kind: super::decode(&r, "kind", CaseKind::parse)?,
                        parent: r
                            .try_get::<Option<String>, _>("parent")?
                            .map(CaseId::from_stored),
                        sequence: r.try_get("sequence")?,
                        category: r.try_get("category")?,
                        received_on: r.try_get("received_on")?,
                        body: r.try_get("body")?,
                        lease_expires_at: r.try_get("lease_expires_at")?,
                    },
                ))
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        cases.sort_by_key(|(seq, _)| *seq);
        Ok(cases.into_iter().map(|(_, c)| c).collect())
    }

    /// Acknowledges a case under `lease`, which must be the case's current one: held by
    /// the same token, the same lease, and not lapsed.
    #[instrument(skip_all)]
    pub async fn ack_case(
        &self,
        agency_id: &str,
        lease: Lease<'_>,
        case_id: &str,
        now: i64,
    ) -> Result<AckOutcome, StoreError> {
        if !super::storable(case_id) {
            return Ok(AckOutcome::NotFound);
        }
        let done = sqlx::query(
            "UPDATE cases SET state = 'acknowledged', acknowledged_at = $1 \
             WHERE id = $2 AND agency_id = $3 AND state = 'leased' \
             AND leased_by = $4 AND lease_hash = $5 AND lease_expires_at > $1",
        )
        .bind(now)
        .bind(case_id)
        .bind(agency_id)
        .bind(lease.token_hash)
        .bind(lease.lease_hash)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 1 {
            return Ok(AckOutcome::Acknowledged);
        }
        let Some(row) = sqlx::query(
            "SELECT state, leased_by, lease_hash, lease_expires_at FROM cases \
             WHERE id = $1 AND agency_id = $2",
        )
        .bind(case_id)
        .bind(agency_id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(AckOutcome::NotFound);
        };
        let ours = row.try_get::<Option<String>, _>("leased_by")?.as_deref()
            == Some(lease.token_hash)
            && row.try_get::<Option<String>, _>("lease_hash")?.as_deref() == Some(lease.lease_hash);
        let state = super::decode(&row, "state", CaseState::parse)?;
        Ok(match (state, ours) {
            (CaseState::Acknowledged, true) => AckOutcome::AlreadyAcknowledged,
            (CaseState::Acknowledged, false) => AckOutcome::AcknowledgedUnderAnother,
            (CaseState::Leased, true) => AckOutcome::Lapsed(row.try_get("lease_expires_at")?),
            (CaseState::Leased, false) => AckOutcome::LeasedToAnother,
            (CaseState::Queued, _) => AckOutcome::NotLeased,
        })
    }
}
