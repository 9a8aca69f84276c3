//! The conversation: handlers' questions and the reporter's messages (answers, or
//! information added at any time), stored encrypted. A reporter's message waits for its
//! draft (`received`), then for a handler's decision (`pending`); see `MessageState`.

use super::audit::{self, AuditEntry};
use super::tips::DraftedBatch;
use super::{Backend, Store, StoreError};
use crate::domain::actor::REPORTER_AUDIT_NAME;
use crate::domain::Actor;
use crate::domain::AuditAction;
use crate::domain::{MessageAuthor, MessageState, TipId, TipStatus};
use sqlx::Row;
use tracing::instrument;

pub struct MessageRecord {
    /// The row's number: how the review API and the console name a message.
    pub seq: i64,
    pub author: MessageAuthor,
    pub state: MessageState,
    /// AEAD ciphertext, bound to the tip and the author (`tip:<id>:message:<author>`).
    pub body: Vec<u8>,
    /// A reporter message's draft, AEAD ciphertext (`tip:<id>:message:<seq>:draft`).
    pub draft: Option<Vec<u8>>,
    pub created_on: String,
    /// The case sequence it was forwarded as.
    pub update_seq: Option<i64>,
    pub decided_on: Option<String>,
}

/// A reporter's message waiting for its draft.
pub struct ReceivedMessage {
    pub seq: i64,
    pub tip_id: TipId,
    pub body: Vec<u8>,
}

/// What a tip's receipt code finds.
#[derive(Debug, Clone)]
pub struct ReceiptTip {
    pub id: TipId,
    pub status: TipStatus,
    /// Its content was erased after the retention period.
    pub erased: bool,
    /// It has been passed on to at least one agency.
    pub forwarded_before: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub enum AskOutcome {
    Asked,
    NotFound,
    NotHolder,
}

#[derive(Debug, PartialEq, Eq)]
pub enum ReporterMessageOutcome {
    /// Stored as message `seq`; `answer` when a question was waiting for it.
    Stored { seq: i64, answer: bool },
    /// The report is closed (rejected, or erased after the retention period).
    Closed,
}

#[derive(Debug, PartialEq, Eq)]
pub enum WithdrawOutcome {
    Withdrawn,
    NotFound,
    /// No question is waiting on this tip.
    NoQuestion,
}

impl Store {
    /// Stores a handler's question and sets the tip to `awaiting_reporter`, releasing the claim.
    #[instrument(skip_all)]
    pub async fn ask_reporter(
        &self,
        tip_id: &str,
        handler: &Actor,
        body: &[u8],
        today: &str,
        now: i64,
    ) -> Result<AskOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE tips SET status = 'awaiting_reporter', claimed_by = NULL, claim_expires_at = NULL \
             WHERE id = $2 AND status = 'in_review' AND claimed_by = $3 AND claim_expires_at > $1",
        )
        .bind(now)
        .bind(tip_id)
        .bind(handler.id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(match self.tip(tip_id, now).await? {
                None => AskOutcome::NotFound,
                Some(_) => AskOutcome::NotHolder,
            });
        }
        sqlx::query(
            "INSERT INTO messages (tip_id, author, handler_id, body, created_on, state) \
             VALUES ($1, 'handler', $2, $3, $4, 'asked')",
        )
        .bind(tip_id)
        .bind(handler.id)
        .bind(body)
        .bind(today)
        .execute(&mut *tx)
        .await?;
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(
                now,
                handler.audit_name(),
                AuditAction::Ask,
                Some(tip_id),
                "",
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(AskOutcome::Asked)
    }

    /// Withdraws the question a tip waits on: the reporter no longer sees it and the tip
    /// returns to the queue.
    #[instrument(skip_all)]
    pub async fn withdraw_question(
        &self,
        tip_id: &str,
        handler: &Actor,
        now: i64,
    ) -> Result<WithdrawOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE tips SET status = 'pending_review' WHERE id = $1 AND status = 'awaiting_reporter'",
        )
        .bind(tip_id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(match self.tip(tip_id, now).await? {
                None => WithdrawOutcome::NotFound,
                Some(_) => WithdrawOutcome::NoQuestion,
            });
        }
        sqlx::query(
            "UPDATE messages SET state = 'withdrawn' \
             WHERE tip_id = $1 AND author = 'handler' AND state = 'asked'",
        )
        .bind(tip_id)
        .execute(&mut *tx)
        .await?;
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(
                now,
                handler.audit_name(),
                AuditAction::Withdraw,
                Some(tip_id),
                "",
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(WithdrawOutcome::Withdrawn)
    }

    /// Stores a reporter's message (an answer, or information added) for the redaction
    /// worker to draft. A tip waiting for an answer, or passed on already, returns to the
    /// queue; a closed one takes nothing.
    #[instrument(skip_all)]
    pub async fn reporter_message(
        &self,
        tip_id: &str,
        body: &[u8],
        today: &str,
        now: i64,
        by_phone: Option<&Actor>,
    ) -> Result<ReporterMessageOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(&format!(
            "SELECT status, erased_on FROM tips WHERE id = $1{}",
            self.backend.for_update()
        ))
        .bind(tip_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Ok(ReporterMessageOutcome::Closed);
        };
        let status = super::decode(&row, "status", TipStatus::parse)?;
        let erased = row.try_get::<Option<String>, _>("erased_on")?.is_some();
        if erased || status == TipStatus::Rejected {
            tx.rollback().await?;
            return Ok(ReporterMessageOutcome::Closed);
        }
        let seq: i64 = sqlx::query_scalar(
            "INSERT INTO messages (tip_id, author, body, created_on, state) \
             VALUES ($1, 'reporter', $2, $3, 'received') RETURNING seq",
        )
        .bind(tip_id)
        .bind(body)
        .bind(today)
        .fetch_one(&mut *tx)
        .await?;
        if matches!(status, TipStatus::AwaitingReporter | TipStatus::Forwarded) {
            sqlx::query("UPDATE tips SET status = 'pending_review' WHERE id = $1")
                .bind(tip_id)
                .execute(&mut *tx)
                .await?;
        }
        let answer = status == TipStatus::AwaitingReporter;
        audit::append(
            self.backend,
            &mut tx,
            // The reporter's act is kept to the day, like the tip's arrival.
            // Taken down by a handler on a call, it is the handler's act too.
            &AuditEntry::new(
                super::day_start(now),
                by_phone.map_or_else(|| REPORTER_AUDIT_NAME.to_owned(), Actor::audit_name),
                if answer {
                    AuditAction::Answer
                } else {
                    AuditAction::Addition
                },
                Some(tip_id),
                if by_phone.is_some() { "by phone" } else { "" },
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(ReporterMessageOutcome::Stored { seq, answer })
    }

    #[instrument(skip_all)]
    pub async fn messages(&self, tip_id: &str) -> Result<Vec<MessageRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT seq, author, state, body, draft, created_on, update_seq, decided_on \
             FROM messages WHERE tip_id = $1 ORDER BY seq",
        )
        .bind(tip_id)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(MessageRecord {
                    seq: r.try_get("seq")?,
                    author: super::decode(&r, "author", MessageAuthor::parse)?,
                    state: super::decode(&r, "state", MessageState::parse)?,
                    body: r.try_get("body")?,
                    draft: r.try_get("draft")?,
                    created_on: r.try_get("created_on")?,
                    update_seq: r.try_get("update_seq")?,
                    decided_on: r.try_get("decided_on")?,
                })
            })
            .collect()
    }

    /// Drafts the next batch of reporter messages waiting for their draft after
    /// `after_seq` with `draft` (the encrypted draft, or `None` to leave one waiting),
    /// which puts each before a handler. Locked as `draft_received` locks tips: on
    /// PostgreSQL `FOR UPDATE SKIP LOCKED` until the drafts are stored, so workers on
    /// several replicas never open the same message. `None` when none is waiting.
    #[instrument(skip_all)]
    pub async fn draft_received_messages<F, Fut>(
        &self,
        after_seq: i64,
        limit: i64,
        draft: F,
    ) -> Result<Option<DraftedBatch>, StoreError>
    where
        F: FnOnce(Vec<ReceivedMessage>) -> Fut,
        Fut: std::future::Future<Output = Vec<Option<Vec<u8>>>>,
    {
        let select = format!(
            "SELECT seq, tip_id, body FROM messages WHERE state = 'received' AND seq > $1 \
             ORDER BY seq LIMIT $2{}",
            self.backend.skip_locked()
        );
        let read = |rows: Vec<sqlx::any::AnyRow>| -> Result<Vec<ReceivedMessage>, StoreError> {
            rows.into_iter()
                .map(|r| {
                    Ok(ReceivedMessage {
                        seq: r.try_get("seq")?,
                        tip_id: TipId::from_stored(r.try_get("tip_id")?),
                        body: r.try_get("body")?,
                    })
                })
                .collect()
        };
        let query = sqlx::query(&select).bind(after_seq).bind(limit);
        // As for tips: locked while drafted on PostgreSQL; on SQLite (one process, one
        // writer) no transaction is held while the engine runs.
        let (tx, messages) = match self.backend {
            Backend::Postgres => {
                let mut tx = self.pool.begin().await?;
                let rows = query.fetch_all(&mut *tx).await?;
                (Some(tx), read(rows)?)
            }
            Backend::Sqlite => (None, read(query.fetch_all(&self.pool).await?)?),
        };
        let Some(last) = messages.last() else {
            return Ok(None);
        };
        let mut batch = DraftedBatch {
            opened: messages.len(),
            drafted: 0,
            last_seq: last.seq,
        };
        let seqs: Vec<i64> = messages.iter().map(|m| m.seq).collect();
        let drafts = draft(messages).await;
        let drafts: Vec<(i64, Vec<u8>)> = seqs
            .into_iter()
            .zip(drafts)
            .filter_map(|(seq, sealed)| Some((seq, sealed?)))
            .collect();
        let store = super::drafts::DraftUpdate {
            table: "messages",
            key: "seq",
            drafted: "state = 'pending'",
            received: "state = 'received'",
        };
        batch.drafted = store.commit(tx, &self.pool, drafts).await?;
        Ok(Some(batch))
    }

    /// The tip a receipt belongs to, trying the hash under every data key.
    #[instrument(skip_all)]
    pub async fn tip_for_receipt(
        &self,
        receipt_hashes: &[String],
    ) -> Result<Option<ReceiptTip>, StoreError> {
        for hash in receipt_hashes {
            let row = sqlx::query(
                "SELECT id, status, erased_on, \
                 EXISTS (SELECT 1 FROM cases c WHERE c.tip_id = t.id) AS forwarded_before \
                 FROM tips t WHERE receipt_hash = $1",
            )
            .bind(hash)
            .fetch_optional(&self.pool)
            .await?;
            if let Some(r) = row {
                return Ok(Some(ReceiptTip {
                    id: TipId::from_stored(r.try_get("id")?),
                    status: super::decode(&r, "status", TipStatus::parse)?,
                    erased: r.try_get::<Option<String>, _>("erased_on")?.is_some(),
                    forwarded_before: super::flag(&r, "forwarded_before")?,
                }));
            }
        }
        Ok(None)
    }
}
