//! Questions from handlers to reporters and the reporters' answers, stored encrypted.

use super::audit::{self, AuditEntry};
use super::{Store, StoreError};
use crate::domain::actor::REPORTER_AUDIT_NAME;
use crate::domain::Actor;
use crate::domain::AuditAction;
use crate::domain::{MessageAuthor, TipId, TipStatus};
use sqlx::Row;
use tracing::instrument;

pub struct MessageRecord {
    pub author: MessageAuthor,
    /// AEAD ciphertext, bound to the tip and this row's author and position.
    pub body: Vec<u8>,
    pub created_on: String,
}

#[derive(Debug, PartialEq, Eq)]
pub enum AskOutcome {
    Asked,
    NotFound,
    NotHolder,
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
            "INSERT INTO messages (tip_id, author, handler_id, body, created_on) VALUES ($1, 'handler', $2, $3, $4)",
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

    /// Stores a reporter's answer; a tip that was waiting for it returns to the queue.
    #[instrument(skip_all)]
    pub async fn answer_from_reporter(
        &self,
        tip_id: &str,
        body: &[u8],
        today: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("INSERT INTO messages (tip_id, author, body, created_on) VALUES ($1, 'reporter', $2, $3)")
            .bind(tip_id)
            .bind(body)
            .bind(today)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE tips SET status = 'pending_review' WHERE id = $1 AND status = 'awaiting_reporter'",
        )
        .bind(tip_id)
        .execute(&mut *tx)
        .await?;
        audit::append(
            self.backend,
            &mut tx,
            // The reporter's act is kept to the day, like the tip's arrival.
            &AuditEntry::new(
                super::day_start(now),
                REPORTER_AUDIT_NAME.to_owned(),
                AuditAction::Answer,
                Some(tip_id),
                "",
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    #[instrument(skip_all)]
    pub async fn messages(&self, tip_id: &str) -> Result<Vec<MessageRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT author, body, created_on FROM messages WHERE tip_id = $1 ORDER BY seq",
        )
        .bind(tip_id)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(MessageRecord {
                    author: super::decode(&r, "author", MessageAuthor::parse)?,
                    body: r.try_get("body")?,
                    created_on: r.try_get("created_on")?,
                })
            })
            .collect()
    }

    /// The tip a receipt belongs to, trying the hash under every data key.
    #[instrument(skip_all)]
    pub async fn tip_for_receipt(
        &self,
        receipt_hashes: &[String],
    ) -> Result<Option<(TipId, TipStatus)>, StoreError> {
        for hash in receipt_hashes {
            let row = sqlx::query("SELECT id, status FROM tips WHERE receipt_hash = $1")
                .bind(hash)
                .fetch_optional(&self.pool)
                .await?;
            if let Some(r) = row {
                return Ok(Some((
                    TipId::from_stored(r.try_get("id")?),
                    super::decode(&r, "status", TipStatus::parse)?,
                )));
            }
        }
        Ok(None)
    }
}
