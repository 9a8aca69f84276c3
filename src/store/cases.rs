//! Cases: one per agency per forwarded tip (its report), and one per agency per approved
//! reporter message after it (an update), pulled by the agency with leases.
//! A lease that lapses returns its case to the queue (at-least-once delivery); an ack or
//! a nack counts only from the current lease: its holder and its own id. Every lease of
//! a case is one delivery; a case delivered `max_deliveries` times without an ack is in
//! dead letter (by its count alone, as a claim lapses by time alone) until a supervisor
//! requeues it (`store::deliveries`).

use super::{Backend, Store, StoreError};
use crate::domain::{CaseId, CaseKind, CaseState, Category, Channel, NewCase};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};
use tracing::instrument;

pub struct LeasedCase {
    pub id: CaseId,
    pub agency_id: String,
    pub kind: CaseKind,
    /// For an update, the report case it follows.
    pub parent: Option<CaseId>,
    /// 0 for a report, 1, 2 ... for the tip's updates.
    pub sequence: i64,
    pub category: String,
    pub received_on: String,
    /// AEAD ciphertext of the case body under the data key, or, when `sealed_to` names
    /// the agency's key, the HPKE envelope (JSON) sealed to it.
    pub body: Vec<u8>,
    pub sealed_to: Option<String>,
    pub lease_expires_at: i64,
    /// Leases of this case so far, this one included.
    pub deliveries: i64,
    /// How the tip arrived, when the agency's routing entry asked for it.
    pub channel: Option<Channel>,
}

/// Who holds a lease: the agency credential that took it (a token's hash, or a client
/// certificate's key fingerprint) and the lease's own id (its hash; the id is given to
/// the leaser once), so that two consumers sharing a credential are told apart too.
#[derive(Debug, Clone, Copy)]
pub struct Lease<'a> {
    pub holder: &'a str,
    pub lease_hash: &'a str,
}

/// Why an ack, nack or read under a lease was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Acknowledged under another lease (after this one lapsed).
    AcknowledgedUnderAnother,
    /// Acknowledged already, under this lease (a nack after the ack).
    AcknowledgedByYou,
    /// This lease lapsed at the given time; nobody has leased the case since.
    Lapsed(i64),
    /// Leased now under another lease (this one lapsed and another took the case).
    LeasedToAnother,
    /// Returned with a nack under this lease; it must be leased again.
    NackedByYou,
    /// Not leased: it never was, or its lease was never this one.
    NotLeased,
    /// No such case for this agency. Another agency's case looks the same as none.
    NotFound,
}

#[derive(Debug, PartialEq, Eq)]
pub enum AckOutcome {
    Acknowledged,
    /// Acknowledged before under this same lease: a retry, answered as a success.
    AlreadyAcknowledged,
    Refused(Refusal),
}

#[derive(Debug, PartialEq, Eq)]
pub enum NackOutcome {
    /// Back in the queue, or in dead letter when this was its last delivery; the
    /// deliveries so far. A retry of the same nack answers the same.
    Returned {
        deliveries: i64,
    },
    Refused(Refusal),
}

const CASE_COLUMNS: &str = "seq, id, agency_id, kind, parent, sequence, category, \
     received_on, body, sealed_to, lease_expires_at, deliveries, channel";

fn leased_case(r: &AnyRow) -> Result<LeasedCase, sqlx::Error> {
    Ok(LeasedCase {
        id: CaseId::from_stored(r.try_get("id")?),
        agency_id: r.try_get("agency_id")?,
        kind: super::decode(r, "kind", CaseKind::parse)?,
        parent: r
            .try_get::<Option<String>, _>("parent")?
            .map(CaseId::from_stored),
        sequence: r.try_get("sequence")?,
        category: r.try_get("category")?,
        received_on: r.try_get("received_on")?,
        body: r.try_get("body")?,
        sealed_to: r.try_get("sealed_to")?,
        lease_expires_at: r.try_get("lease_expires_at")?,
        deliveries: r.try_get("deliveries")?,
        channel: r
            .try_get::<Option<String>, _>("channel")?
            .as_deref()
            .and_then(Channel::parse),
    })
}

/// A report case: the agency holding a forwarded tip.
#[derive(Debug, Clone)]
pub struct HeldCase {
    pub id: CaseId,
    pub agency_id: String,
    pub category: Category,
}

impl HeldCase {
    /// What an update of this case needs to know about it, with the agency's key (to
    /// seal updates as the report was).
    pub fn as_parent<'a>(
        &'a self,
        agency_key: Option<&'a [u8]>,
    ) -> crate::domain::NewCaseParent<'a> {
        crate::domain::NewCaseParent {
            id: &self.id,
            agency_id: &self.agency_id,
            category: self.category,
            agency_key,
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

    /// Stores a case in the caller's transaction. On PostgreSQL the transaction also
    /// notifies every replica's waiting leases when it commits; the caller wakes this
    /// process's (`QueueSignal::wake`) after its commit.
    pub(super) async fn insert_case(
        &self,
        tx: &mut Transaction<'static, Any>,
        tip_id: &str,
        case: &NewCase,
        now: i64,
        held_until: Option<i64>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO cases (id, tip_id, agency_id, category, received_on, body, sealed_to, state, created_at, \
               kind, parent, sequence, held_until, channel) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', $8, $9, $10, $11, $12, $13)",
        )
        .bind(case.id().as_str())
        .bind(tip_id)
        .bind(case.agency_id())
        .bind(case.category().as_str())
        .bind(case.received_on())
        .bind(case.stored_body())
        .bind(case.sealed_to())
        .bind(now)
        .bind(case.kind().as_str())
        .bind(case.parent().map(CaseId::as_str))
        .bind(case.sequence())
        .bind(held_until)
        .bind(case.channel().map(Channel::as_str))
        .execute(&mut **tx)
        .await?;
        self.notify_queued(tx, case.agency_id()).await
    }

    /// PostgreSQL: a NOTIFY delivered at commit, so other replicas' long polls wake.
    pub(super) async fn notify_queued(
        &self,
        tx: &mut Transaction<'static, Any>,
        agency_id: &str,
    ) -> Result<(), StoreError> {
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(super::wakeup::CHANNEL)
                .bind(agency_id)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// Leases up to `max` of the agency's queued (or lapsed) cases that have deliveries
    /// left, oldest first, counting a delivery for each. On PostgreSQL the rows are
    /// locked with SKIP LOCKED so concurrent pullers never get the same case.
    #[instrument(skip_all)]
    pub async fn lease_cases(
        &self,
        agency_id: &str,
        lease: Lease<'_>,
        max: i64,
        now: i64,
        expires_at: i64,
        max_deliveries: u32,
    ) -> Result<Vec<LeasedCase>, StoreError> {
        let sql = format!(
            "UPDATE cases SET state = 'leased', lease_expires_at = $1, leased_by = $5, lease_hash = $6, \
               deliveries = deliveries + 1 \
             WHERE id IN (SELECT id FROM cases WHERE agency_id = $2 \
               AND (state = 'queued' OR (state = 'leased' AND lease_expires_at <= $3)) \
               AND (held_until IS NULL OR held_until <= $3) \
               AND deliveries < $7 \
               ORDER BY seq LIMIT $4{}) \
             RETURNING {CASE_COLUMNS}",
            self.backend.skip_locked()
        );
        let mut tx = self.pool.begin().await?;
        let rows = sqlx::query(&sql)
            .bind(expires_at)
            .bind(agency_id)
            .bind(now)
            .bind(max)
            .bind(lease.holder)
            .bind(lease.lease_hash)
            .bind(i64::from(max_deliveries))
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        let mut cases = rows
            .iter()
            .map(|r| Ok((r.try_get::<i64, _>("seq")?, leased_case(r)?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        cases.sort_by_key(|(seq, _)| *seq);
        Ok(cases.into_iter().map(|(_, c)| c).collect())
    }

    /// A case its holder is reading again while the lease is current.
    #[instrument(skip_all)]
    pub async fn held_case(
        &self,
        agency_id: &str,
        holder: &str,
        case_id: &str,
        now: i64,
    ) -> Result<Result<LeasedCase, Refusal>, StoreError> {
        if !super::storable(case_id) {
            return Ok(Err(Refusal::NotFound));
        }
        let row = sqlx::query(&format!(
            "SELECT {CASE_COLUMNS} FROM cases WHERE id = $1 AND agency_id = $2 \
             AND state = 'leased' AND leased_by = $3 AND lease_expires_at > $4"
        ))
        .bind(case_id)
        .bind(agency_id)
        .bind(holder)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(r) => Ok(Ok(leased_case(&r)?)),
            None => Ok(Err(self.refusal(agency_id, holder, None, case_id).await?)),
        }
    }

    /// Acknowledges a case under `lease`, which must be the case's current one: held by
    /// the same credential, the same lease, and not lapsed.
    #[instrument(skip_all)]
    pub async fn ack_case(
        &self,
        agency_id: &str,
        lease: Lease<'_>,
        case_id: &str,
        now: i64,
    ) -> Result<AckOutcome, StoreError> {
        if !super::storable(case_id) {
            return Ok(AckOutcome::Refused(Refusal::NotFound));
        }
        let done = sqlx::query(
            "UPDATE cases SET state = 'acknowledged', acknowledged_at = $1 \
             WHERE id = $2 AND agency_id = $3 AND state = 'leased' \
             AND leased_by = $4 AND lease_hash = $5 AND lease_expires_at > $1",
        )
        .bind(now)
        .bind(case_id)
        .bind(agency_id)
        .bind(lease.holder)
        .bind(lease.lease_hash)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 1 {
            return Ok(AckOutcome::Acknowledged);
        }
        Ok(
            match self
                .refusal(agency_id, lease.holder, Some(lease.lease_hash), case_id)
                .await?
            {
                Refusal::AcknowledgedByYou => AckOutcome::AlreadyAcknowledged,
                refusal => AckOutcome::Refused(refusal),
            },
        )
    }

    /// Returns a case to the queue at once under `lease` (the current one, as for an
    /// ack), keeping the reason (ciphertext) for a supervisor. The holder and lease stay
    /// recorded, so a retry is recognised and answered the same.
    #[instrument(skip_all)]
    pub async fn nack_case(
        &self,
        agency_id: &str,
        lease: Lease<'_>,
        case_id: &str,
        reason: &[u8],
        now: i64,
    ) -> Result<NackOutcome, StoreError> {
        if !super::storable(case_id) {
            return Ok(NackOutcome::Refused(Refusal::NotFound));
        }
        let mut tx = self.pool.begin().await?;
        let returned = sqlx::query(
            "UPDATE cases SET state = 'queued', lease_expires_at = NULL, nack_reason = $6 \
             WHERE id = $2 AND agency_id = $3 AND state = 'leased' \
             AND leased_by = $4 AND lease_hash = $5 AND lease_expires_at > $1 \
             RETURNING deliveries",
        )
        .bind(now)
        .bind(case_id)
        .bind(agency_id)
        .bind(lease.holder)
        .bind(lease.lease_hash)
        .bind(reason)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = returned else {
            tx.rollback().await?;
            return Ok(
                match self
                    .refusal(agency_id, lease.holder, Some(lease.lease_hash), case_id)
                    .await?
                {
                    Refusal::NackedByYou => NackOutcome::Returned {
                        deliveries: self.deliveries(case_id).await?,
                    },
                    refusal => NackOutcome::Refused(refusal),
                },
            );
        };
        self.notify_queued(&mut tx, agency_id).await?;
        tx.commit().await?;
        self.queue_signal().wake(agency_id);
        Ok(NackOutcome::Returned {
            deliveries: row.try_get("deliveries")?,
        })
    }

    async fn deliveries(&self, case_id: &str) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT deliveries FROM cases WHERE id = $1")
                .bind(case_id)
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// Why `holder` (under `lease_hash`, when one was named) cannot act on the case now.
    async fn refusal(
        &self,
        agency_id: &str,
        holder: &str,
        lease_hash: Option<&str>,
        case_id: &str,
    ) -> Result<Refusal, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT state, leased_by, lease_hash, lease_expires_at FROM cases \
             WHERE id = $1 AND agency_id = $2",
        )
        .bind(case_id)
        .bind(agency_id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(Refusal::NotFound);
        };
        let held_by: Option<String> = row.try_get("leased_by")?;
        let held_under: Option<String> = row.try_get("lease_hash")?;
        let ours = held_by.as_deref() == Some(holder)
            && lease_hash.is_none_or(|h| held_under.as_deref() == Some(h));
        let state = super::decode(&row, "state", CaseState::parse)?;
        Ok(match (state, ours) {
            (CaseState::Acknowledged, true) => Refusal::AcknowledgedByYou,
            (CaseState::Acknowledged, false) => Refusal::AcknowledgedUnderAnother,
            (CaseState::Leased, true) => Refusal::Lapsed(row.try_get("lease_expires_at")?),
            (CaseState::Leased, false) => Refusal::LeasedToAnother,
            (CaseState::Queued, true) if lease_hash.is_some() => Refusal::NackedByYou,
            (CaseState::Queued, _) => Refusal::NotLeased,
        })
    }
}
