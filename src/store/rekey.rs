//! Re-encryption after a data-key rotation: every column that holds a data-key
//! ciphertext, walked in batches of rows in key order, each ciphertext not under the
//! current key opened and sealed again under it (same place, same associated data).
//! Each row is replaced only if it still holds what was read, so a write made meanwhile
//! (a reporter's answer, a decision) is never undone; a run that stops can be run again
//! and takes only what is not current yet. Keyed lookup hashes (receipts, submission
//! tokens) cannot be recomputed without their secrets: old data keys stay in the key
//! file for them.

use super::{Store, StoreError};
use crate::crypto::at_rest::DecryptError;
use crate::domain::{AttachmentId, CaseId, Context, MessageAuthor, TipId};
use sqlx::any::AnyRow;
use sqlx::Row;
use tracing::instrument;

/// A column of data-key ciphertexts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    TipDraft,
    DecisionNote,
    Message,
    MessageDraft,
    CaseBody,
    TotpSecret,
    TotpPending,
    AttachmentStripped,
    AttachmentStrippedKey,
    AttachmentText,
}

pub const COLUMNS: [Column; 10] = [
    Column::TipDraft,
    Column::DecisionNote,
    Column::Message,
    Column::MessageDraft,
    Column::CaseBody,
    Column::TotpSecret,
    Column::TotpPending,
    Column::AttachmentStripped,
    Column::AttachmentStrippedKey,
    Column::AttachmentText,
];

impl Column {
    /// Table, the integer key rows are walked by, the columns the context needs, and
    /// the ciphertext column.
    fn shape(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Column::TipDraft => ("tips", "seq", "id", "draft"),
            Column::DecisionNote => ("tips", "seq", "id", "decision_note"),
            Column::Message => ("messages", "seq", "tip_id, author", "body"),
            Column::MessageDraft => ("messages", "seq", "tip_id, seq AS message", "draft"),
            Column::CaseBody => ("cases", "seq", "id", "body"),
            Column::TotpSecret => ("handlers", "id", "id AS handler", "totp_secret"),
            Column::TotpPending => ("handlers", "id", "id AS handler", "totp_pending"),
            Column::AttachmentStripped => ("attachments", "seq", "id", "stripped"),
            Column::AttachmentStrippedKey => ("attachments", "seq", "id", "stripped_key"),
            Column::AttachmentText => ("attachments", "seq", "id", "found_text"),
        }
    }

    /// Rows per transaction: a stripped file stored whole (before migration 0025) may be
    /// tens of MB, so a few at a time.
    fn batch(self, asked: i64) -> i64 {
        match self {
            Column::AttachmentStripped => asked.min(4),
            _ => asked,
        }
    }

    pub fn name(self) -> String {
        let (table, _, _, column) = self.shape();
        format!("{table}.{column}")
    }
}

/// The place a row's ciphertext is bound to, as owned values.
enum Place {
    Tip(TipId),
    Message(TipId, MessageAuthor),
    MessageDraft(TipId, i64),
    Case(CaseId),
    Handler(i64),
    Attachment(AttachmentId),
}

impl Place {
    fn read(column: Column, row: &AnyRow) -> Result<Place, StoreError> {
        Ok(match column {
            Column::TipDraft | Column::DecisionNote => {
                Place::Tip(TipId::from_stored(row.try_get("id")?))
            }
            Column::Message => Place::Message(
                TipId::from_stored(row.try_get("tip_id")?),
                super::decode(row, "author", MessageAuthor::parse)?,
            ),
            Column::MessageDraft => Place::MessageDraft(
                TipId::from_stored(row.try_get("tip_id")?),
                row.try_get("message")?,
            ),
            Column::CaseBody => Place::Case(CaseId::from_stored(row.try_get("id")?)),
            Column::TotpSecret | Column::TotpPending => Place::Handler(row.try_get("handler")?),
            Column::AttachmentStripped | Column::AttachmentStrippedKey | Column::AttachmentText => {
                Place::Attachment(AttachmentId::from_stored(row.try_get("id")?))
            }
        })
    }

    fn context(&self, column: Column) -> Context<'_> {
        match (self, column) {
            (Place::Tip(tip), Column::DecisionNote) => Context::DecisionNote(tip),
            (Place::Tip(tip), _) => Context::Draft(tip),
            (Place::Message(tip, author), _) => Context::Message(tip, *author),
            (Place::MessageDraft(tip, seq), _) => Context::MessageDraft(tip, *seq),
            (Place::Case(case), _) => Context::CaseBody(case),
            (Place::Handler(id), Column::TotpPending) => Context::TotpPending(*id),
            (Place::Handler(id), _) => Context::TotpSecret(*id),
            (Place::Attachment(id), Column::AttachmentText) => Context::AttachmentText(id),
            (Place::Attachment(id), Column::AttachmentStrippedKey) => {
                Context::AttachmentStrippedKey(id)
            }
            (Place::Attachment(id), _) => Context::AttachmentStripped(id),
        }
    }
}

/// What re-encrypting one column did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Rekeyed {
    pub rewritten: u64,
    pub current: u64,
    /// Ciphertexts no data key held opens (left as they are).
    pub unreadable: u64,
}

impl Store {
    /// Re-encrypts `column` with `rekey` (the new ciphertext, `None` when already
    /// current), `batch` rows per transaction.
    #[instrument(skip_all)]
    pub async fn reencrypt_column(
        &self,
        column: Column,
        batch: i64,
        rekey: impl Fn(Context<'_>, &[u8]) -> Result<Option<Vec<u8>>, DecryptError>,
    ) -> Result<Rekeyed, StoreError> {
        let (table, key, extra, sealed) = column.shape();
        let batch = column.batch(batch);
        let select = format!(
            "SELECT {key} AS k, {extra}, {sealed} AS sealed FROM {table} \
             WHERE {key} > $1 AND {sealed} IS NOT NULL ORDER BY {key} LIMIT $2"
        );
        let update = format!("UPDATE {table} SET {sealed} = $1 WHERE {key} = $2 AND {sealed} = $3");
        let mut done = Rekeyed::default();
        let mut after = 0;
        loop {
            let rows = sqlx::query(&select)
                .bind(after)
                .bind(batch)
                .fetch_all(&self.pool)
                .await?;
            let Some(last) = rows.last() else {
                return Ok(done);
            };
            after = last.try_get("k")?;
            let mut tx = self.pool.begin().await?;
            for row in &rows {
                let old: Vec<u8> = row.try_get("sealed")?;
                let place = Place::read(column, row)?;
                match rekey(place.context(column), &old) {
                    Ok(None) => done.current += 1,
                    Ok(Some(new)) => {
                        done.rewritten += sqlx::query(&update)
                            .bind(new)
                            .bind(row.try_get::<i64, _>("k")?)
                            .bind(&old)
                            .execute(&mut *tx)
                            .await?
                            .rows_affected();
                    }
                    Err(_) => done.unreadable += 1,
                }
            }
            tx.commit().await?;
        }
    }
}
