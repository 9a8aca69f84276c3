//! Tips: arrival, drafts, the review queue, claims and decisions.

use super::audit::{self, AuditEntry};
use super::{Backend, Store, StoreError};
use crate::domain::{Actor, AuditAction, Category, NewCase, TipId, TipStatus};
use serde::Serialize;
use sqlx::Row;
use tracing::instrument;

pub struct NewTip {
    pub id: TipId,
    pub category: Category,
    pub received_on: String,
    /// The HPKE envelope, serialised.
    pub sealed: Vec<u8>,
    pub receipt_hash: String,
    /// Keyed hash of the submission's one-time token, when it came with one.
    pub submission_hash: Option<String>,
}

/// A tip waiting for its draft.
pub struct ReceivedTip {
    pub seq: i64,
    pub id: TipId,
    pub sealed: Vec<u8>,
}

/// What one batch of drafting did: tips opened (each by this worker alone), drafts
/// stored, and the last tip's place in arrival order (the next batch starts after it).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DraftedBatch {
    pub opened: usize,
    pub drafted: usize,
    pub last_seq: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct TipSummary {
    pub id: String,
    pub category: String,
    pub status: TipStatus,
    pub received_on: String,
    /// Who holds the claim, while one is live.
    pub claimed_by: Option<String>,
}

pub struct TipRecord {
    pub id: TipId,
    pub category: String,
    pub status: TipStatus,
    pub received_on: String,
    pub sealed: Vec<u8>,
    pub draft: Option<Vec<u8>>,
    pub claimed_by: Option<i64>,
    pub claimed_by_name: Option<String>,
}

/// Which tips a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    PendingReview,
    InReview,
    AwaitingReporter,
    Forwarded,
    Rejected,
}

impl StatusFilter {
    pub fn parse(value: &str) -> Option<StatusFilter> {
        Some(match value {
            "pending_review" => StatusFilter::PendingReview,
            "in_review" => StatusFilter::InReview,
            "awaiting_reporter" => StatusFilter::AwaitingReporter,
            "forwarded" => StatusFilter::Forwarded,
            "rejected" => StatusFilter::Rejected,
            _ => return None,
        })
    }
}

/// A claim lapses by time alone, without a write: a tip `in_review` whose claim has
/// expired is effectively `pending_review` again. Every query below uses this.
const EFFECTIVE_STATUS: &str = "CASE WHEN t.status = 'in_review' AND t.claim_expires_at <= $1 \
     THEN 'pending_review' ELSE t.status END";

#[derive(Debug, PartialEq, Eq)]
pub enum ClaimOutcome {
    Claimed {
        expires_at: i64,
    },
    NotFound,
    HeldByOther,
    /// The tip is not waiting for review (its effective status is given).
    NotReviewable(TipStatus),
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecideOutcome {
    Done,
    NotFound,
    /// The tip was forwarded or rejected already.
    Decided(TipStatus),
    /// The caller does not hold a live claim on the tip.
    NotHolder,
}

impl Store {
    /// Commits the tip before returning: the caller answers with the receipt only after.
    /// False when a tip with the same submission hash is stored already (a reload or a
    /// retry): nothing is stored then.
    #[instrument(skip_all)]
    pub async fn insert_tip(&self, tip: &NewTip) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO tips (id, status, category, received_on, sealed, receipt_hash, submission_hash) \
             VALUES ($1, 'received', $2, $3, $4, $5, $6) ON CONFLICT (submission_hash) DO NOTHING",
        )
        .bind(tip.id.as_str())
        .bind(tip.category.as_str())
        .bind(&tip.received_on)
        .bind(&tip.sealed)
        .bind(&tip.receipt_hash)
        .bind(tip.submission_hash.as_deref())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    #[instrument(skip_all)]
    pub async fn count_tips(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query("SELECT COUNT(*) AS n FROM tips")
            .fetch_one(&self.pool)
            .await?
            .try_get("n")?)
    }

    /// How many tips wait for the worker (received, not yet drafted).
    #[instrument(skip_all)]
    pub async fn waiting_to_draft(&self) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM tips WHERE status = 'received'")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// Drafts the next batch of received tips after `after_seq` with `draft` (the
    /// encrypted draft of a tip, or `None` to leave it waiting), putting each drafted
    /// tip in the review queue. On PostgreSQL the batch is locked `FOR UPDATE SKIP
    /// LOCKED` until its drafts are stored, so workers on several replicas never open
    /// the same tip: each takes the rows no other holds. SQLite has one process and one
    /// writer, so the batch is read and each draft stored on its own (no transaction
    /// held while the engine runs). `None` when no tip is waiting.
    #[instrument(skip_all)]
    pub async fn draft_received(
        &self,
        after_seq: i64,
        limit: i64,
        mut draft: impl FnMut(&ReceivedTip) -> Option<Vec<u8>>,
    ) -> Result<Option<DraftedBatch>, StoreError> {
        let select = format!(
            "SELECT seq, id, sealed FROM tips WHERE status = 'received' AND seq > $1 \
             ORDER BY seq LIMIT $2{}",
            self.backend.skip_locked()
        );
        let store = "UPDATE tips SET draft = $1, status = 'pending_review' \
                     WHERE id = $2 AND status = 'received'";
        let read = |rows: Vec<sqlx::any::AnyRow>| -> Result<Vec<ReceivedTip>, StoreError> {
            rows.into_iter()
                .map(|r| {
                    Ok(ReceivedTip {
                        seq: r.try_get("seq")?,
                        id: TipId::from_stored(r.try_get("id")?),
                        sealed: r.try_get("sealed")?,
                    })
                })
                .collect()
        };
        let mut batch = DraftedBatch::default();
        match self.backend {
            Backend::Postgres => {
                let mut tx = self.pool.begin().await?;
                let tips = read(
                    sqlx::query(&select)
                        .bind(after_seq)
                        .bind(limit)
                        .fetch_all(&mut *tx)
                        .await?,
                )?;
                for tip in &tips {
                    batch.opened += 1;
                    batch.last_seq = tip.seq;
                    if let Some(sealed) = draft(tip) {
                        let done = sqlx::query(store)
                            .bind(sealed)
                            .bind(tip.id.as_str())
                            .execute(&mut *tx)
                            .await?;
                        batch.drafted += done.rows_affected() as usize;
                    }
                }
                tx.commit().await?;
            }
            Backend::Sqlite => {
                let tips = read(
                    sqlx::query(&select)
                        .bind(after_seq)
                        .bind(limit)
                        .fetch_all(&self.pool)
                        .await?,
                )?;
                for tip in &tips {
                    batch.opened += 1;
                    batch.last_seq = tip.seq;
                    if let Some(sealed) = draft(tip) {
                        let done = sqlx::query(store)
                            .bind(sealed)
                            .bind(tip.id.as_str())
                            .execute(&self.pool)
                            .await?;
                        batch.drafted += done.rows_affected() as usize;
                    }
                }
            }
        }
        Ok((batch.opened > 0).then_some(batch))
    }

    /// The queue, oldest first.
    #[instrument(skip_all)]
    pub async fn list_tips(
        &self,
        filter: StatusFilter,
        now: i64,
    ) -> Result<Vec<TipSummary>, StoreError> {
        let condition = match filter {
            StatusFilter::PendingReview => {
                "(t.status = 'pending_review' OR (t.status = 'in_review' AND t.claim_expires_at <= $1))"
            }
            StatusFilter::InReview => "(t.status = 'in_review' AND t.claim_expires_at > $1)",
            StatusFilter::AwaitingReporter => "(t.status = 'awaiting_reporter')",
            StatusFilter::Forwarded => "(t.status = 'forwarded')",
            StatusFilter::Rejected => "(t.status = 'rejected')",
        };
        let sql = format!(
            "SELECT t.id, t.category, t.received_on, {EFFECTIVE_STATUS} AS status, \
             CASE WHEN t.status = 'in_review' AND t.claim_expires_at > $1 THEN h.username END AS holder \
             FROM tips t LEFT JOIN handlers h ON h.id = t.claimed_by \
             WHERE {condition} ORDER BY t.seq LIMIT 500"
        );
        let rows = sqlx::query(&sql).bind(now).fetch_all(&self.pool).await?;
        rows.into_iter()
            .map(|r| {
                Ok(TipSummary {
                    id: r.try_get("id")?,
                    category: r.try_get("category")?,
                    status: super::decode(&r, "status", TipStatus::parse)?,
                    received_on: r.try_get("received_on")?,
                    claimed_by: r.try_get("holder")?,
                })
            })
            .collect()
    }

    #[instrument(skip_all)]
    pub async fn tip(&self, id: &str, now: i64) -> Result<Option<TipRecord>, StoreError> {
        if !super::storable(id) {
            return Ok(None);
        }
        let sql = format!(
            "SELECT t.id, t.category, t.received_on, t.sealed, t.draft, {EFFECTIVE_STATUS} AS status, \
             CASE WHEN t.status = 'in_review' AND t.claim_expires_at > $1 THEN t.claimed_by END AS holder_id, \
             CASE WHEN t.status = 'in_review' AND t.claim_expires_at > $1 THEN h.username END AS holder \
             FROM tips t LEFT JOIN handlers h ON h.id = t.claimed_by WHERE t.id = $2"
        );
        let row = sqlx::query(&sql)
            .bind(now)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| {
            Ok(TipRecord {
                id: TipId::from_stored(r.try_get("id")?),
                category: r.try_get("category")?,
                status: super::decode(&r, "status", TipStatus::parse)?,
                received_on: r.try_get("received_on")?,
                sealed: r.try_get("sealed")?,
                draft: r.try_get("draft")?,
                claimed_by: r.try_get("holder_id")?,
                claimed_by_name: r.try_get("holder")?,
            })
        })
        .transpose()
    }

    /// Gives the tip to one handler until `expires_at`. A handler may renew their own
    /// claim; nobody may take a live claim from another.
    #[instrument(skip_all)]
    pub async fn claim_tip(
        &self,
        id: &str,
        handler: &Actor,
        now: i64,
        expires_at: i64,
    ) -> Result<ClaimOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE tips SET status = 'in_review', claimed_by = $1, claim_expires_at = $2 \
             WHERE id = $4 AND (status = 'pending_review' \
               OR (status = 'in_review' AND (claimed_by = $1 OR claim_expires_at <= $3)))",
        )
        .bind(handler.id)
        .bind(expires_at)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(match self.tip(id, now).await? {
                None => ClaimOutcome::NotFound,
                Some(t) if t.status == TipStatus::InReview => ClaimOutcome::HeldByOther,
                Some(t) => ClaimOutcome::NotReviewable(t.status),
            });
        }
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(now, handler.audit_name(), AuditAction::Claim, Some(id), ""),
        )
        .await?;
        tx.commit().await?;
        Ok(ClaimOutcome::Claimed { expires_at })
    }

    /// Gives a claimed tip back to the queue.
    #[instrument(skip_all)]
    pub async fn release_tip(
        &self,
        id: &str,
        handler: &Actor,
        now: i64,
    ) -> Result<DecideOutcome, StoreError> {
        self.decide(
            id,
            handler,
            now,
            TipStatus::PendingReview,
            None,
            &[],
            AuditAction::Release,
            "",
        )
        .await
    }

    /// Forwards the tip: its status, one case per agency and the audit row commit together.
    #[instrument(skip_all)]
    pub async fn forward_tip(
        &self,
        id: &str,
        handler: &Actor,
        now: i64,
        cases: &[NewCase],
        note: Option<&[u8]>,
        detail: &str,
    ) -> Result<DecideOutcome, StoreError> {
        self.decide(
            id,
            handler,
            now,
            TipStatus::Forwarded,
            note,
            cases,
            AuditAction::Forward,
            detail,
        )
        .await
    }

    #[instrument(skip_all)]
    pub async fn reject_tip(
        &self,
        id: &str,
        handler: &Actor,
        now: i64,
        reason: &[u8],
    ) -> Result<DecideOutcome, StoreError> {
        self.decide(
            id,
            handler,
            now,
            TipStatus::Rejected,
            Some(reason),
            &[],
            AuditAction::Reject,
            "",
        )
        .await
    }

    /// Moves a tip the caller holds to `status`, atomically with its cases and audit row.
    #[allow(clippy::too_many_arguments)]
    async fn decide(
        &self,
        id: &str,
        handler: &Actor,
        now: i64,
        status: TipStatus,
        note: Option<&[u8]>,
        cases: &[NewCase],
        action: AuditAction,
        detail: &str,
    ) -> Result<DecideOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE tips SET status = $1, claimed_by = NULL, claim_expires_at = NULL, \
               decision_note = COALESCE($2, decision_note), decided_on = $6 \
             WHERE id = $4 AND status = 'in_review' AND claimed_by = $5 AND claim_expires_at > $3",
        )
        .bind(status.as_str())
        .bind(note)
        .bind(now)
        .bind(id)
        .bind(handler.id)
        // A release decides nothing: the day stays empty.
        .bind(
            matches!(status, TipStatus::Forwarded | TipStatus::Rejected)
                .then(|| super::day_of(now)),
        )
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(match self.tip(id, now).await? {
                None => DecideOutcome::NotFound,
                Some(t) if matches!(t.status, TipStatus::Forwarded | TipStatus::Rejected) => {
                    DecideOutcome::Decided(t.status)
                }
                Some(_) => DecideOutcome::NotHolder,
            });
        }
        for case in cases {
            self.insert_case(&mut tx, id, case, now).await?;
        }
        if !cases.is_empty() {
            // An agency's question about a case goes to whoever forwarded it.
            sqlx::query(
                "UPDATE cases SET forwarded_by = $1 WHERE tip_id = $2 AND forwarded_by IS NULL",
            )
            .bind(handler.id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(now, handler.audit_name(), action, Some(id), detail),
        )
        .await?;
        tx.commit().await?;
        for case in cases {
            self.queue.wake(case.agency_id());
        }
        Ok(DecideOutcome::Done)
    }
}

/// What `/metrics` shows of the queues: only what no reporter's action moves within the
/// day (invariant 2), so a scrape every few seconds cannot date an arrival.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct QueueCounts {
    /// Tips received before today, by status (a lapsed claim counts as pending).
    pub earlier_tips: Vec<(String, i64)>,
    /// Cases by state (a lapsed lease counts as queued): made by handlers, moved by
    /// agencies.
    pub cases: Vec<(String, i64)>,
}

impl Store {
    #[instrument(skip_all)]
    pub async fn queue_counts(&self, today: &str, now: i64) -> Result<QueueCounts, StoreError> {
        let tips = sqlx::query(&format!(
            "SELECT {EFFECTIVE_STATUS} AS status, COUNT(*) AS n FROM tips t \
             WHERE t.received_on < $2 GROUP BY 1 ORDER BY 1"
        ))
        .bind(now)
        .bind(today)
        .fetch_all(&self.pool)
        .await?;
        let cases = sqlx::query(
            "SELECT CASE WHEN state = 'leased' AND lease_expires_at <= $1 THEN 'queued' \
             ELSE state END AS state, COUNT(*) AS n FROM cases GROUP BY 1 ORDER BY 1",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        let pairs = |rows: Vec<sqlx::any::AnyRow>, column: &str| {
            rows.iter()
                .map(|r| Ok((r.try_get(column)?, r.try_get("n")?)))
                .collect::<Result<Vec<(String, i64)>, sqlx::Error>>()
        };
        Ok(QueueCounts {
            earlier_tips: pairs(tips, "status")?,
            cases: pairs(cases, "state")?,
        })
    }
}
