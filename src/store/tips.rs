//! Tips: arrival, drafts, the review queue, claims and decisions.

use super::audit::{self, AuditEntry};
use super::challenges::SpentChallenge;
pub use super::group_commit::Inserted;
use super::staged::{self, Staged};
use super::{Backend, Store, StoreError};
use crate::crypto::at_rest::DataKeys;
use crate::domain::{
    Actor, AttachmentId, AuditAction, Category, Channel, NewCase, Region, TipId, TipStatus,
};
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
    pub channel: Channel,
    pub region: Region,
    /// The handler who took the report by phone (audited with it).
    pub taken_by: Option<Actor>,
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
    /// When a live claim lapses (RFC 3339).
    pub claim_expires_at: Option<String>,
    /// How it arrived; `None` for a tip from before channels were recorded.
    pub channel: Option<Channel>,
    /// Whether the handler asking took it by phone (another handler reviews it).
    pub taken_by_you: bool,
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
    /// The day it was last forwarded or rejected.
    pub decided_on: Option<String>,
    /// The day its content was erased after the retention period.
    pub erased_on: Option<String>,
    /// `None` for a tip from before channels were recorded.
    pub channel: Option<Channel>,
    pub region: Region,
    /// The handler who took it by phone.
    pub taken_by: Option<i64>,
    pub taken_by_name: Option<String>,
    /// While its first decision may still be taken back: by whom, and until when.
    pub undo: Option<(i64, i64)>,
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

/// A tip's channel; NULL for one from before channels were recorded.
fn channel(row: &sqlx::any::AnyRow) -> Result<Option<Channel>, sqlx::Error> {
    row.try_get::<Option<String>, _>("channel")?
        .map(|text| {
            Channel::parse(&text).ok_or_else(|| sqlx::Error::ColumnDecode {
                index: "channel".to_owned(),
                source: format!("unexpected value `{text}`").into(),
            })
        })
        .transpose()
}

/// The one INSERT of a tip, whichever way it arrived.
pub(super) fn insert_tip_query(
    tip: &NewTip,
) -> sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments<'_>> {
    sqlx::query(
        "INSERT INTO tips (id, status, category, received_on, sealed, receipt_hash, submission_hash, \
           channel, region, taken_by) \
         VALUES ($1, 'received', $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (submission_hash) DO NOTHING",
    )
    .bind(tip.id.as_str())
    .bind(tip.category.as_str())
    .bind(&tip.received_on)
    .bind(&tip.sealed)
    .bind(&tip.receipt_hash)
    .bind(tip.submission_hash.as_deref())
    .bind(tip.channel.as_str())
    .bind(tip.region.as_str())
    .bind(tip.taken_by.as_ref().map(|a| a.id))
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
    /// The handler took this report by phone: another handler reviews it.
    OwnCall,
    /// The tip is not waiting for review (its effective status is given).
    NotReviewable(TipStatus),
}

/// A reporter message decided with the tip: forwarded as the tip's `forwarded_as`th
/// update, or withheld (`None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageDecided {
    pub seq: i64,
    pub forwarded_as: Option<i64>,
}

/// What a decision does to the reporter's open messages.
enum MessageSettlement<'a> {
    /// Nothing (a release).
    Untouched,
    /// Each is decided as listed, and none may stay open (a forward).
    Each(&'a [MessageDecided]),
    /// Every open one is withheld (a rejection).
    WithholdAll,
}

/// Where a decision leaves a tip.
struct Settlement<'a> {
    status: TipStatus,
    note: Option<&'a [u8]>,
    cases: &'a [NewCase],
    /// Stripped files sent, each with the update it goes with (`None`: the report), and
    /// those sealed to agencies with a key ahead of the commit (`staged`).
    attachments: &'a [(AttachmentId, Option<i64>)],
    staged: Option<&'a Staged>,
    messages: MessageSettlement<'a>,
    action: AuditAction,
    detail: &'a str,
    /// The undo window of a first decision: its end (`undo::undo_decision`).
    undo_until: Option<i64>,
}

/// What a forward (or an update) sends: the cases, each reporter message's decision,
/// the handler's note (sealed), the audit action and detail, and the undo window of a
/// first forward.
pub struct Forwarding<'a> {
    pub cases: &'a [NewCase],
    pub messages: &'a [MessageDecided],
    /// The stripped files sent, each with the update (by its sequence) it goes with, or
    /// `None` for the report: linked to every agency's case of that one.
    pub attachments: &'a [(AttachmentId, Option<i64>)],
    /// Opens the files' stripped copies, to seal them to an agency with its own key.
    pub data_keys: &'a DataKeys,
    pub note: Option<&'a [u8]>,
    pub action: AuditAction,
    pub detail: &'a str,
    pub undo_until: Option<i64>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecideOutcome {
    Done,
    NotFound,
    /// A reporter message this decision did not cover is waiting (it arrived after the
    /// tip was opened, or is still being drafted): nothing was changed.
    UnreviewedMessages,
    /// The tip was forwarded or rejected already.
    Decided(TipStatus),
    /// The caller does not hold a live claim on the tip.
    NotHolder,
    /// A file's stripped copy changed (a region was blacked out) while it was being
    /// sealed to an agency: nothing was changed.
    FileChanged,
}

impl Store {
    /// Commits the tip before returning: the caller answers with the receipt only after.
    /// False when a tip with the same submission hash is stored already (a reload or a
    /// retry): nothing is stored then. Concurrent calls share one commit
    /// (`group_commit`).
    pub async fn insert_tip(&self, tip: NewTip) -> Result<bool, StoreError> {
        Ok(self.insert_tip_spending(tip, None).await? == Inserted::Stored)
    }

    /// As `insert_tip`, recording the tip's proof-of-work challenge as spent in the same
    /// commit: a challenge spent already (by an earlier tip, on any replica, or by
    /// another tip of the same group) stores nothing.
    #[instrument(skip_all)]
    pub async fn insert_tip_spending(
        &self,
        tip: NewTip,
        challenge: Option<SpentChallenge>,
    ) -> Result<Inserted, StoreError> {
        // A call taken by a handler commits with its audit row, on its own; nobody
        // solves a proof of work on the phone.
        if let Some(taker) = tip.taken_by.clone() {
            return Ok(match self.insert_phone_tip(&tip, &taker).await? {
                true => Inserted::Stored,
                false => Inserted::AlreadyStored,
            });
        }
        self.tips.insert(tip, challenge).await
    }

    #[instrument(skip_all)]
    pub async fn count_tips(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query("SELECT COUNT(*) AS n FROM tips")
            .fetch_one(&self.pool)
            .await?
            .try_get("n")?)
    }

    /// How many tips wait for review (a lapsed claim counts) that arrived on `day` or
    /// before.
    #[instrument(skip_all)]
    pub async fn count_waiting(&self, day: &str, now: i64) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM tips t WHERE t.received_on <= $2 AND (t.status = 'pending_review' \
             OR (t.status = 'in_review' AND t.claim_expires_at <= $1))",
        )
        .bind(now)
        .bind(day)
        .fetch_one(&self.pool)
        .await?)
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

    /// Drafts the next batch of received tips after `after_seq` with `draft` (given the
    /// batch, the encrypted draft of each tip in order, or `None` to leave one waiting),
    /// putting each drafted tip in the review queue, every draft of the batch in one
    /// commit. On PostgreSQL the batch is locked `FOR UPDATE SKIP LOCKED` until its
    /// drafts are stored, so workers on several replicas never open the same tip: each
    /// takes the rows no other holds. SQLite has one process and one writer, so the
    /// batch is read first and no transaction is held while the engine runs. `None`
    /// when no tip is waiting.
    #[instrument(skip_all)]
    pub async fn draft_received<F, Fut>(
        &self,
        after_seq: i64,
        limit: i64,
        draft: F,
    ) -> Result<Option<DraftedBatch>, StoreError>
    where
        F: FnOnce(Vec<ReceivedTip>) -> Fut,
        Fut: std::future::Future<Output = Vec<Option<Vec<u8>>>>,
    {
        let select = format!(
            "SELECT seq, id, sealed FROM tips WHERE status = 'received' AND seq > $1 \
             ORDER BY seq LIMIT $2{}",
            self.backend.skip_locked()
        );
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
        let query = sqlx::query(&select).bind(after_seq).bind(limit);
        let (tx, tips) = match self.backend {
            Backend::Postgres => {
                let mut tx = self.pool.begin().await?;
                let rows = query.fetch_all(&mut *tx).await?;
                (Some(tx), read(rows)?)
            }
            Backend::Sqlite => (None, read(query.fetch_all(&self.pool).await?)?),
        };
        let Some(last) = tips.last() else {
            return Ok(None);
        };
        let mut batch = DraftedBatch {
            opened: tips.len(),
            drafted: 0,
            last_seq: last.seq,
        };
        let ids: Vec<TipId> = tips.iter().map(|t| t.id.clone()).collect();
        let drafts = draft(tips).await;
        let drafts: Vec<(String, Vec<u8>)> = ids
            .into_iter()
            .zip(drafts)
            .filter_map(|(id, sealed)| Some((id.as_str().to_owned(), sealed?)))
            .collect();
        let store = super::drafts::DraftUpdate {
            table: "tips",
            key: "id",
            drafted: "status = 'pending_review'",
            received: "status = 'received'",
        };
        batch.drafted = store.commit(tx, &self.pool, drafts).await?;
        Ok(Some(batch))
    }

    /// The queue, oldest first.
    #[instrument(skip_all)]
    pub async fn list_tips(
        &self,
        filter: StatusFilter,
        now: i64,
        viewer: i64,
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
             CASE WHEN t.status = 'in_review' AND t.claim_expires_at > $1 THEN h.username END AS holder, \
             CASE WHEN t.status = 'in_review' AND t.claim_expires_at > $1 THEN t.claim_expires_at END AS until, \
             t.channel, (t.taken_by IS NOT NULL AND t.taken_by = $2) AS yours \
             FROM tips t LEFT JOIN handlers h ON h.id = t.claimed_by \
             WHERE {condition} ORDER BY t.seq LIMIT 500"
        );
        let rows = sqlx::query(&sql)
            .bind(now)
            .bind(viewer)
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter()
            .map(|r| {
                Ok(TipSummary {
                    id: r.try_get("id")?,
                    category: r.try_get("category")?,
                    status: super::decode(&r, "status", TipStatus::parse)?,
                    received_on: r.try_get("received_on")?,
                    claimed_by: r.try_get("holder")?,
                    claim_expires_at: r
                        .try_get::<Option<i64>, _>("until")?
                        .map(crate::http::rfc3339),
                    channel: channel(&r)?,
                    taken_by_you: super::flag(&r, "yours")?,
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
            "SELECT t.id, t.category, t.received_on, t.sealed, t.draft, t.decided_on, t.erased_on, \
             t.channel, t.region, t.taken_by, k.username AS taker, \
             {EFFECTIVE_STATUS} AS status, \
             CASE WHEN t.status = 'in_review' AND t.claim_expires_at > $1 THEN t.claimed_by END AS holder_id, \
             CASE WHEN t.status = 'in_review' AND t.claim_expires_at > $1 THEN h.username END AS holder, \
             CASE WHEN u.until > $1 THEN u.handler_id END AS undo_by, \
             CASE WHEN u.until > $1 THEN u.until END AS undo_until \
             FROM tips t LEFT JOIN handlers h ON h.id = t.claimed_by \
             LEFT JOIN handlers k ON k.id = t.taken_by \
             LEFT JOIN undo_windows u ON u.tip_id = t.id WHERE t.id = $2"
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
                decided_on: r.try_get("decided_on")?,
                erased_on: r.try_get("erased_on")?,
                channel: channel(&r)?,
                region: super::decode(&r, "region", Region::parse)?,
                taken_by: r.try_get("taken_by")?,
                taken_by_name: r.try_get("taker")?,
                undo: r
                    .try_get::<Option<i64>, _>("undo_by")?
                    .zip(r.try_get::<Option<i64>, _>("undo_until")?),
            })
        })
        .transpose()
    }

    /// Gives the tip to one handler until `expires_at`. A handler may renew their own
    /// claim; nobody may take a live claim from another. Nobody claims a report they
    /// took by phone (a second handler reviews it) unless `own_calls` says so for a
    /// small team, and then the audit row says it was their own call.
    #[instrument(skip_all)]
    pub async fn claim_tip(
        &self,
        id: &str,
        handler: &Actor,
        now: i64,
        expires_at: i64,
        own_calls: bool,
    ) -> Result<ClaimOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let not_own = if own_calls {
            ""
        } else {
            " AND (taken_by IS NULL OR taken_by <> $1)"
        };
        let done = sqlx::query(&format!(
            "UPDATE tips SET status = 'in_review', claimed_by = $1, claim_expires_at = $2 \
             WHERE id = $4 AND (status = 'pending_review' \
               OR (status = 'in_review' AND (claimed_by = $1 OR claim_expires_at <= $3))){not_own}"
        ))
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
                Some(t) if t.taken_by == Some(handler.id) && !own_calls => ClaimOutcome::OwnCall,
                Some(t) if t.status == TipStatus::InReview => ClaimOutcome::HeldByOther,
                Some(t) => ClaimOutcome::NotReviewable(t.status),
            });
        }
        let taken_by: Option<i64> = sqlx::query_scalar("SELECT taken_by FROM tips WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        let detail = if taken_by == Some(handler.id) {
            "own call: review.own_calls lets the handler who took it review it"
        } else {
            ""
        };
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(
                now,
                handler.audit_name(),
                AuditAction::Claim,
                Some(id),
                detail,
            ),
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
            &Settlement {
                status: TipStatus::PendingReview,
                note: None,
                cases: &[],
                attachments: &[],
                staged: None,
                messages: MessageSettlement::Untouched,
                action: AuditAction::Release,
                detail: "",
                undo_until: None,
            },
        )
        .await
    }

    /// Forwards the tip (or, for one forwarded before, the reporter's messages since):
    /// its status, its cases, each message's decision and the audit row commit together.
    /// Refused, changing nothing, when a reporter message not decided here is waiting
    /// (it arrived after the handler opened the tip, or is still being drafted). With
    /// `forward.undo_until`, the cases are held back from every lease until then, and
    /// the handler may take the decision back (`undo_decision`).
    #[instrument(skip_all)]
    pub async fn forward_tip(
        &self,
        id: &str,
        handler: &Actor,
        now: i64,
        forward: Forwarding<'_>,
    ) -> Result<DecideOutcome, StoreError> {
        // The files for agencies with keys are sealed first, in short transactions of
        // their own; the decision's commit only links them (`store::staged`).
        let mut staged = Staged::default();
        let outcome = match self
            .stage_files(
                id,
                forward.cases,
                forward.attachments,
                forward.data_keys,
                now,
                &mut staged,
            )
            .await
        {
            Ok(()) => {
                self.decide(
                    id,
                    handler,
                    now,
                    &Settlement {
                        status: TipStatus::Forwarded,
                        note: forward.note,
                        cases: forward.cases,
                        attachments: forward.attachments,
                        staged: Some(&staged),
                        messages: MessageSettlement::Each(forward.messages),
                        action: forward.action,
                        detail: forward.detail,
                        undo_until: forward.undo_until,
                    },
                )
                .await
            }
            Err(e) => Err(e),
        };
        if !matches!(outcome, Ok(DecideOutcome::Done)) {
            // What is left (this failing too) is dropped by the hourly sweep.
            if let Err(e) = self.drop_staged(&staged).await {
                tracing::warn!(error = %e, "could not drop the files staged for a forward");
            }
        }
        outcome
    }

    /// Rejects the tip; every reporter message still open is withheld with it.
    #[instrument(skip_all)]
    pub async fn reject_tip(
        &self,
        id: &str,
        handler: &Actor,
        now: i64,
        reason: &[u8],
        undo_until: Option<i64>,
    ) -> Result<DecideOutcome, StoreError> {
        self.decide(
            id,
            handler,
            now,
            &Settlement {
                status: TipStatus::Rejected,
                note: Some(reason),
                cases: &[],
                attachments: &[],
                staged: None,
                messages: MessageSettlement::WithholdAll,
                action: AuditAction::Reject,
                detail: "",
                undo_until,
            },
        )
        .await
    }

    /// Moves a tip the caller holds to `status`, atomically with its cases, messages and
    /// audit row.
    async fn decide(
        &self,
        id: &str,
        handler: &Actor,
        now: i64,
        settle: &Settlement<'_>,
    ) -> Result<DecideOutcome, StoreError> {
        let status = settle.status;
        let decided = matches!(status, TipStatus::Forwarded | TipStatus::Rejected);
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE tips SET status = $1, claimed_by = NULL, claim_expires_at = NULL, \
               decision_note = COALESCE($2, decision_note), decided_on = COALESCE($6, decided_on) \
             WHERE id = $4 AND status = 'in_review' AND claimed_by = $5 AND claim_expires_at > $3",
        )
        .bind(status.as_str())
        .bind(settle.note)
        .bind(now)
        .bind(id)
        .bind(handler.id)
        // A release decides nothing: the day stays as it was.
        .bind(decided.then(|| super::day_of(now)))
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
        let day = super::day_of(now);
        match settle.messages {
            MessageSettlement::Untouched => {}
            MessageSettlement::WithholdAll => {
                sqlx::query(
                    "UPDATE messages SET state = 'withheld', decided_on = $2 \
                     WHERE tip_id = $1 AND state IN ('received', 'pending')",
                )
                .bind(id)
                .bind(&day)
                .execute(&mut *tx)
                .await?;
            }
            MessageSettlement::Each(messages) => {
                for m in messages {
                    let done = sqlx::query(
                        "UPDATE messages SET state = $1, update_seq = $2, decided_on = $3 \
                         WHERE seq = $4 AND tip_id = $5 AND author = 'reporter' AND state = 'pending'",
                    )
                    .bind(if m.forwarded_as.is_some() {
                        "forwarded"
                    } else {
                        "withheld"
                    })
                    .bind(m.forwarded_as)
                    .bind(&day)
                    .bind(m.seq)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                    if done.rows_affected() == 0 {
                        tx.rollback().await?;
                        return Ok(DecideOutcome::UnreviewedMessages);
                    }
                }
                let open: i64 = sqlx::query(
                    "SELECT COUNT(*) AS n FROM messages \
                     WHERE tip_id = $1 AND state IN ('received', 'pending')",
                )
                .bind(id)
                .fetch_one(&mut *tx)
                .await?
                .try_get("n")?;
                if open > 0 {
                    tx.rollback().await?;
                    return Ok(DecideOutcome::UnreviewedMessages);
                }
            }
        }
        if let Some(until) = settle.undo_until {
            sqlx::query(
                "INSERT INTO undo_windows (tip_id, handler_id, until) VALUES ($1, $2, $3) \
                 ON CONFLICT (tip_id) DO UPDATE SET handler_id = $2, until = $3",
            )
            .bind(id)
            .bind(handler.id)
            .bind(until)
            .execute(&mut *tx)
            .await?;
        }
        for case in settle.cases {
            self.insert_case(&mut tx, id, case, now, settle.undo_until)
                .await?;
            // Files are sent only by a forward, which stages those sealed to agencies.
            let Some(staged) = settle.staged else {
                continue;
            };
            for file in staged::sent_with(case, settle.attachments) {
                if staged.holds(case.id(), file) {
                    if !staged::link_staged(&mut tx, self.backend, id, case.id(), file).await? {
                        tx.rollback().await?;
                        return Ok(DecideOutcome::FileChanged);
                    }
                } else if !case.seals_files() {
                    staged::link_unsealed(&mut tx, self.backend, id, case.id(), file).await?;
                }
            }
        }
        if !settle.cases.is_empty() {
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
            &AuditEntry::new(
                now,
                handler.audit_name(),
                settle.action,
                Some(id),
                settle.detail,
            ),
        )
        .await?;
        tx.commit().await?;
        for case in settle.cases {
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
