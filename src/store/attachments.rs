//! Attachments: the sealed originals as they stream in (a row and its chunks, apart from
//! `tips`, so the chunks could move to a directory or object storage without touching
//! the tips), their stripped copies, and the files forwarded with each case.

use super::audit::AuditEntry;
use super::{Store, StoreError};
use crate::attachments::{AttachmentKind, PagesNote, StrippedAttachment, Unreadable};
use crate::crypto::at_rest::DataKeys;
use crate::crypto::sealing::Envelope;
use crate::crypto::stream::{ContentKey, CHUNK_BYTES};
use crate::domain::{AttachmentId, CaseId, Context, TipId};
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row, Transaction};
use tracing::instrument;

/// Where an attachment is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentState {
    /// Stripped: a handler may see it and forward it.
    Stripped,
    /// Waiting for the worker.
    Received,
    /// The worker could not strip it; it cannot be forwarded.
    Unreadable(Unreadable),
}

/// An attachment of a tip, as the review page lists it: a file the reporter sent, or a
/// page drawn from a PDF they sent (listed after it).
pub struct AttachmentRecord {
    pub id: AttachmentId,
    /// 1, 2 ... in the order the reporter sent them (a page: its PDF's).
    pub position: i64,
    /// A page drawn from a PDF: the PDF's id and the page's number (1, 2 ...).
    pub page_of: Option<(AttachmentId, i64)>,
    /// A PDF: why not all its pages are drawn.
    pub pages_note: Option<PagesNote>,
    pub kind: AttachmentKind,
    pub state: AttachmentState,
    /// The stripped copy's type and size.
    pub stripped: Option<(AttachmentKind, i64)>,
    /// The text found in it (a PDF's), redacted, under the data key.
    pub found_text: Option<Vec<u8>>,
    /// The reporter message it came with (`None`: with the report).
    pub message_seq: Option<i64>,
    /// Whether it has gone with a case (it no longer changes, nor goes again).
    pub sent: bool,
}

/// An attachment waiting to be stripped, with its sealed content key. Its chunks are
/// read in order until none is left; the last must open as the last (`crypto::stream`).
pub struct ReceivedAttachment {
    pub id: AttachmentId,
    pub kind: AttachmentKind,
    pub sealed_key: Vec<u8>,
}

/// A received attachment a worker has claimed (`claim_received_attachment`), until it
/// stores the outcome; dropped, the claim lapses and the file waits for a worker again.
pub struct ClaimedAttachment {
    pub attachment: ReceivedAttachment,
    /// PostgreSQL: the transaction holding the row's lock, in which the outcome commits.
    tx: Option<Transaction<'static, Any>>,
}

impl ClaimedAttachment {
    async fn into_transaction(
        self,
        store: &Store,
    ) -> Result<Transaction<'static, Any>, StoreError> {
        Ok(match self.tx {
            Some(tx) => tx,
            None => store.pool.begin().await?,
        })
    }
}

/// A PDF's pages as the worker drew them, each with its own id, and why not all pages
/// are there.
#[derive(Default)]
pub struct StrippedPages {
    pub pages: Vec<(AttachmentId, StrippedAttachment)>,
    pub note: Option<PagesNote>,
}

/// A stripped copy about to be stored: a content key of its own, and that key under the
/// data key for the row (`stripped_key`, bound to `attachment:<id>:stripped-key`). The
/// copy goes in the STREAM chunks of `crypto::stream` under it
/// (`attachment_stripped_chunks`), so it can be read back a chunk at a time.
struct NewCopy {
    key: ContentKey,
    sealed_key: Vec<u8>,
}

impl NewCopy {
    fn new(data_keys: &DataKeys, id: &AttachmentId) -> Self {
        let key = ContentKey::generate();
        let sealed_key = data_keys.encrypt(Context::AttachmentStrippedKey(id), key.as_bytes());
        NewCopy { key, sealed_key }
    }

    /// Writes the copy's chunks for `id` (whose row exists), in place of any it had.
    async fn write(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: &AttachmentId,
        bytes: &[u8],
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM attachment_stripped_chunks WHERE attachment_id = $1")
            .bind(id.as_str())
            .execute(&mut **tx)
            .await?;
        let place = Context::AttachmentStrippedChunk(id).to_string();
        for (n, chunk) in self.key.seal_chunks(&place, bytes).enumerate() {
            sqlx::query(
                "INSERT INTO attachment_stripped_chunks (attachment_id, n, ct) \
                 VALUES ($1, $2, $3)",
            )
            .bind(id.as_str())
            .bind(n as i64)
            .bind(chunk)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }
}

/// The columns `StoredCopy::from_row` reads.
pub(super) const COPY_COLUMNS: &str = "stripped_key, stripped_size, \
    CASE WHEN stripped_key IS NULL THEN stripped END AS stripped";

/// A stripped copy as stored, read a chunk at a time.
pub(super) enum StoredCopy {
    /// In chunks under a key of its own (`count` of them; the last opens only as the last).
    Chunked {
        // Boxed: an AES key schedule is large beside the other variant.
        key: Box<ContentKey>,
        place: String,
        count: i64,
    },
    /// Stored before migration 0025: whole under the data key, so opened whole.
    Whole(Vec<u8>),
}

/// A stripped copy opened for reading, a chunk at a time.
pub struct CopyReader {
    id: AttachmentId,
    copy: StoredCopy,
}

impl CopyReader {
    /// How many chunks there are.
    pub fn chunks(&self) -> i64 {
        self.copy.count()
    }

    /// The copy's bytes in chunk `n` (`0..chunks()`).
    pub async fn chunk(&self, store: &Store, n: i64) -> Result<Vec<u8>, CopyError> {
        self.copy.chunk(&store.pool, &self.id, n).await
    }
}

/// A stripped copy the data keys do not open (altered, or a key no longer held).
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("a stripped copy did not open: it was altered, or its data key is not held")]
    Unopenable,
}

impl CopyError {
    /// In a decision, which either commits whole or not at all: a copy that does not
    /// open fails it like any other stored value that does not decode.
    pub(super) fn in_decision(self) -> StoreError {
        match self {
            CopyError::Store(e) => e,
            CopyError::Unopenable => bad_value("stripped_key", "a copy that does not open").into(),
        }
    }
}

impl From<sqlx::Error> for CopyError {
    fn from(e: sqlx::Error) -> Self {
        CopyError::Store(e.into())
    }
}

impl StoredCopy {
    pub(super) fn from_row(
        row: &AnyRow,
        id: &AttachmentId,
        data_keys: &DataKeys,
    ) -> Result<Self, CopyError> {
        if let Some(sealed) = row.try_get::<Option<Vec<u8>>, _>("stripped_key")? {
            let raw = data_keys
                .decrypt(Context::AttachmentStrippedKey(id), &sealed)
                .map_err(|_| CopyError::Unopenable)?;
            let size: i64 = row.try_get("stripped_size")?;
            return Ok(StoredCopy::Chunked {
                key: Box::new(ContentKey::from_bytes(&raw).map_err(|_| CopyError::Unopenable)?),
                place: Context::AttachmentStrippedChunk(id).to_string(),
                count: (size.max(0) as usize).div_ceil(CHUNK_BYTES).max(1) as i64,
            });
        }
        let sealed: Vec<u8> = row.try_get("stripped")?;
        Ok(StoredCopy::Whole(
            data_keys
                .decrypt(Context::AttachmentStripped(id), &sealed)
                .map_err(|_| CopyError::Unopenable)?,
        ))
    }

    /// How many chunks `chunk` gives.
    pub(super) fn count(&self) -> i64 {
        match self {
            StoredCopy::Chunked { count, .. } => *count,
            StoredCopy::Whole(bytes) => bytes.len().div_ceil(CHUNK_BYTES).max(1) as i64,
        }
    }

    /// The copy's bytes in chunk `n` (`0..count()`), opened.
    pub(super) async fn chunk<'e, E: Executor<'e, Database = Any>>(
        &self,
        executor: E,
        id: &AttachmentId,
        n: i64,
    ) -> Result<Vec<u8>, CopyError> {
        match self {
            StoredCopy::Chunked { key, place, count } => {
                let sealed: Vec<u8> = sqlx::query_scalar(
                    "SELECT ct FROM attachment_stripped_chunks \
                     WHERE attachment_id = $1 AND n = $2",
                )
                .bind(id.as_str())
                .bind(n)
                .fetch_optional(executor)
                .await?
                .ok_or(CopyError::Unopenable)?;
                key.open_chunk(place, n as u64, n + 1 == *count, &sealed)
                    .map_err(|_| CopyError::Unopenable)
            }
            StoredCopy::Whole(bytes) => {
                let start = (n as usize * CHUNK_BYTES).min(bytes.len());
                let end = (start + CHUNK_BYTES).min(bytes.len());
                Ok(bytes[start..end].to_vec())
            }
        }
    }
}

/// A stripped file as forwarded: what the case lists of it (its SHA-256, so the case's
/// signature covers the file).
pub struct ForwardedAttachment {
    pub id: AttachmentId,
    /// A page drawn from a PDF: the PDF's id and the page's number.
    pub page_of: Option<(AttachmentId, i64)>,
    pub kind: AttachmentKind,
    pub size: i64,
    pub sha256: String,
    /// Sealed to the agency: its content key's HPKE envelope, and the file is served only
    /// as the chunks under it. `None`: served from the data key's copy.
    pub sealed_key: Option<Envelope>,
}

/// A forwarded file as an agency fetches it.
pub enum AgencyFile {
    /// The stripped copy (an agency without a key of its own), opened a chunk at a time
    /// (`size`: its length).
    Clear {
        kind: AttachmentKind,
        size: i64,
        copy: CopyReader,
    },
    /// Sealed to the agency for the case it went with (`size`: the file's, unsealed): its
    /// chunks are read one at a time (`case_file_chunk`), never the whole file at once.
    Sealed { case: CaseId, size: i64 },
}

fn bad_value(column: &str, text: &str) -> sqlx::Error {
    sqlx::Error::ColumnDecode {
        index: column.to_owned(),
        source: format!("unexpected value `{text}`").into(),
    }
}

fn kind_in(row: &AnyRow, column: &str) -> Result<AttachmentKind, sqlx::Error> {
    let text: String = row.try_get(column)?;
    AttachmentKind::parse(&text).ok_or_else(|| bad_value(column, &text))
}

fn page_of(row: &AnyRow) -> Result<Option<(AttachmentId, i64)>, sqlx::Error> {
    Ok(match row.try_get::<Option<String>, _>("document_id")? {
        Some(document) => Some((AttachmentId::from_stored(document), row.try_get("page")?)),
        None => None,
    })
}

fn record(row: &AnyRow) -> Result<AttachmentRecord, sqlx::Error> {
    let state: String = row.try_get("state")?;
    let state = match state.as_str() {
        "stripped" => AttachmentState::Stripped,
        "received" => AttachmentState::Received,
        "unreadable" => {
            let why: String = row.try_get("unreadable")?;
            AttachmentState::Unreadable(
                Unreadable::parse(&why).ok_or_else(|| bad_value("unreadable", &why))?,
            )
        }
        other => return Err(bad_value("state", other)),
    };
    let stripped = match row.try_get::<Option<String>, _>("stripped_kind")? {
        Some(_) => Some((
            kind_in(row, "stripped_kind")?,
            row.try_get("stripped_size")?,
        )),
        None => None,
    };
    let pages_note = match row.try_get::<Option<String>, _>("pages_note")? {
        Some(text) => Some(PagesNote::parse(&text).ok_or_else(|| bad_value("pages_note", &text))?),
        None => None,
    };
    Ok(AttachmentRecord {
        id: AttachmentId::from_stored(row.try_get("id")?),
        position: row.try_get("position")?,
        page_of: page_of(row)?,
        pages_note,
        kind: kind_in(row, "kind")?,
        state,
        stripped,
        found_text: row.try_get("found_text")?,
        message_seq: row.try_get("message_seq")?,
        sent: row.try_get::<i64, _>("sent")? > 0,
    })
}

impl Store {
    /// Starts storing a file that is streaming in, for a tip not yet stored: it stays
    /// `uploading` (seen by nobody) until `keep_uploads`. False when the id is taken (a
    /// browser chooses the id of a file it seals, and may name one already used): nothing
    /// is stored, and no other file's row or chunks are touched.
    #[instrument(skip_all)]
    pub async fn start_upload(
        &self,
        id: &AttachmentId,
        tip: &TipId,
        position: i64,
        kind: AttachmentKind,
        sealed_key: &[u8],
        day: &str,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO attachments (id, tip_id, position, kind, state, sealed_key, created_on) \
             VALUES ($1, $2, $3, $4, 'uploading', $5, $6) ON CONFLICT (id) DO NOTHING",
        )
        .bind(id.as_str())
        .bind(tip.as_str())
        .bind(position)
        .bind(kind.as_str())
        .bind(sealed_key)
        .bind(day)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Stores one sealed chunk of a file streaming in.
    #[instrument(skip_all)]
    pub async fn store_chunk(
        &self,
        id: &AttachmentId,
        n: i64,
        sealed: &[u8],
    ) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO attachment_chunks (attachment_id, n, ct) VALUES ($1, $2, $3)")
            .bind(id.as_str())
            .bind(n)
            .bind(sealed)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Deletes every file still uploading for a tip: the submission was refused.
    #[instrument(skip_all)]
    pub async fn discard_uploads(&self, tip: &TipId) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "DELETE FROM attachment_chunks WHERE attachment_id IN \
               (SELECT id FROM attachments WHERE tip_id = $1 AND state = 'uploading')",
        )
        .bind(tip.as_str())
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM attachments WHERE tip_id = $1 AND state = 'uploading'")
            .bind(tip.as_str())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Hands a stored tip's uploaded files to the worker.
    #[instrument(skip_all)]
    pub async fn keep_uploads(&self, tip: &TipId) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE attachments SET state = 'received' WHERE tip_id = $1 AND state = 'uploading'",
        )
        .bind(tip.as_str())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Hands files uploaded with a reporter's message (stored under `upload`, a
    /// stand-in id, while the receipt code was not yet checked) to its tip and to the
    /// worker, numbered after the tip's files so far.
    #[instrument(skip_all)]
    pub async fn keep_message_uploads(
        &self,
        upload: &TipId,
        tip: &TipId,
        message_seq: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE attachments SET tip_id = $2, message_seq = $3, state = 'received', \
               position = position + \
                 (SELECT COALESCE(MAX(position), 0) FROM attachments WHERE tip_id = $2) \
             WHERE tip_id = $1 AND state = 'uploading'",
        )
        .bind(upload.as_str())
        .bind(tip.as_str())
        .bind(message_seq)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The oldest attachment waiting to be stripped, claimed for this worker. On
    /// PostgreSQL its row is locked (`FOR UPDATE SKIP LOCKED`) until its outcome is stored
    /// or the claim dropped, so another replica's worker passes it by instead of stripping
    /// it too (and running its renderer); SQLite has one process, and no lock.
    #[instrument(skip_all)]
    pub async fn claim_received_attachment(&self) -> Result<Option<ClaimedAttachment>, StoreError> {
        let select = format!(
            "SELECT id, kind, sealed_key FROM attachments WHERE state = 'received' \
             ORDER BY seq LIMIT 1{}",
            self.backend.skip_locked()
        );
        let (tx, row) = match self.backend {
            super::Backend::Postgres => {
                let mut tx = self.pool.begin().await?;
                let row = sqlx::query(&select).fetch_optional(&mut *tx).await?;
                (Some(tx), row)
            }
            super::Backend::Sqlite => {
                (None, sqlx::query(&select).fetch_optional(&self.pool).await?)
            }
        };
        let Some(row) = row else {
            return Ok(None);
        };
        Ok(Some(ClaimedAttachment {
            attachment: ReceivedAttachment {
                id: AttachmentId::from_stored(row.try_get("id")?),
                kind: kind_in(&row, "kind")?,
                sealed_key: row.try_get("sealed_key")?,
            },
            tx,
        }))
    }

    /// One sealed chunk of a claimed attachment's original, read in the claim's
    /// transaction where it has one (so a pool of one connection suffices).
    #[instrument(skip_all)]
    pub async fn attachment_chunk(
        &self,
        claim: &mut ClaimedAttachment,
        n: i64,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let query = sqlx::query_scalar(
            "SELECT ct FROM attachment_chunks WHERE attachment_id = $1 AND n = $2",
        )
        .bind(claim.attachment.id.as_str())
        .bind(n);
        Ok(match claim.tx.as_mut() {
            Some(tx) => query.fetch_optional(&mut **tx).await?,
            None => query.fetch_optional(&self.pool).await?,
        })
    }

    /// Stores the stripped copy of a claimed file (in chunks under a key of its own, the
    /// key under `data_keys`; `sealed_text`: the text found in it, under the data key)
    /// and, for a PDF, its drawn pages likewise, in one commit that ends the claim. Only
    /// stripped attachments can be stored here. False when the file was no longer
    /// waiting (and then none of this is stored).
    #[instrument(skip_all)]
    pub async fn store_stripped(
        &self,
        claim: ClaimedAttachment,
        stripped: &StrippedAttachment,
        sealed_text: Option<&[u8]>,
        pages: &StrippedPages,
        data_keys: &DataKeys,
    ) -> Result<bool, StoreError> {
        let id = claim.attachment.id.clone();
        let id = &id;
        let copy = NewCopy::new(data_keys, id);
        let mut tx = claim.into_transaction(self).await?;
        let done = sqlx::query(
            "UPDATE attachments SET state = 'stripped', stripped_key = $2, stripped_kind = $3, \
               stripped_size = $4, stripped_sha256 = $5, found_text = $6, pages_note = $7 \
             WHERE id = $1 AND state = 'received'",
        )
        .bind(id.as_str())
        .bind(&copy.sealed_key)
        .bind(stripped.kind().as_str())
        .bind(stripped.bytes().len() as i64)
        .bind(crate::crypto::sha256_hex(stripped.bytes()))
        .bind(sealed_text)
        .bind(pages.note.map(PagesNote::as_str))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        copy.write(&mut tx, id, stripped.bytes()).await?;
        for (n, (page_id, page)) in pages.pages.iter().enumerate() {
            let copy = NewCopy::new(data_keys, page_id);
            // A page belongs where its PDF does: the same tip, day and message.
            sqlx::query(
                "INSERT INTO attachments (id, tip_id, position, kind, state, created_on, \
                   message_seq, stripped_key, stripped_kind, stripped_size, stripped_sha256, \
                   document_id, page) \
                 SELECT $2, tip_id, NULL, kind, 'stripped', created_on, message_seq, \
                   $3, $4, $5, $6, id, $7 \
                 FROM attachments WHERE id = $1",
            )
            .bind(id.as_str())
            .bind(page_id.as_str())
            .bind(&copy.sealed_key)
            .bind(page.kind().as_str())
            .bind(page.bytes().len() as i64)
            .bind(crate::crypto::sha256_hex(page.bytes()))
            .bind(n as i64 + 1)
            .execute(&mut *tx)
            .await?;
            copy.write(&mut tx, page_id, page.bytes()).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Marks a claimed attachment the worker could not strip, ending the claim.
    #[instrument(skip_all)]
    pub async fn mark_unreadable(
        &self,
        claim: ClaimedAttachment,
        why: Unreadable,
    ) -> Result<(), StoreError> {
        let id = claim.attachment.id.clone();
        let mut tx = claim.into_transaction(self).await?;
        sqlx::query(
            "UPDATE attachments SET state = 'unreadable', unreadable = $2 \
             WHERE id = $1 AND state = 'received'",
        )
        .bind(id.as_str())
        .bind(why.as_str())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A tip's attachments, in the order sent (none still uploading).
    #[instrument(skip_all)]
    pub async fn attachments_of_tip(
        &self,
        tip: &TipId,
    ) -> Result<Vec<AttachmentRecord>, StoreError> {
        // A page takes its PDF's position, and follows it.
        let rows = sqlx::query(
            "SELECT a.id, COALESCE(a.position, d.position) AS position, a.kind, a.state, \
               a.unreadable, a.stripped_kind, a.stripped_size, a.found_text, a.message_seq, \
               a.document_id, a.page, a.pages_note, \
               (SELECT COUNT(*) FROM case_attachments ca WHERE ca.attachment_id = a.id) AS sent \
             FROM attachments a LEFT JOIN attachments d ON d.id = a.document_id \
             WHERE a.tip_id = $1 AND a.state <> 'uploading' \
             ORDER BY COALESCE(a.position, d.position), COALESCE(a.page, 0)",
        )
        .bind(tip.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(record)
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }

    /// A tip's stripped attachment: its type and the copy, opened (a handler's view, or
    /// the image a region is blacked out of, is of the whole file).
    #[instrument(skip_all)]
    pub async fn stripped_attachment(
        &self,
        tip: &TipId,
        id: &AttachmentId,
        data_keys: &DataKeys,
    ) -> Result<Option<(AttachmentKind, Vec<u8>)>, CopyError> {
        let row = sqlx::query(&format!(
            "SELECT stripped_kind, {COPY_COLUMNS} FROM attachments \
             WHERE id = $1 AND tip_id = $2 AND state = 'stripped'"
        ))
        .bind(id.as_str())
        .bind(tip.as_str())
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let copy = StoredCopy::from_row(&row, id, data_keys)?;
        let mut bytes = Vec::new();
        for n in 0..copy.count() {
            bytes.extend_from_slice(&copy.chunk(&self.pool, id, n).await?);
        }
        Ok(Some((kind_in(&row, "stripped_kind")?, bytes)))
    }

    /// The files forwarded with a case.
    #[instrument(skip_all)]
    pub async fn case_attachments(
        &self,
        case: &CaseId,
    ) -> Result<Vec<ForwardedAttachment>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.id, a.stripped_kind, a.stripped_size, a.stripped_sha256, \
               a.document_id, a.page, ca.sealed_key \
             FROM case_attachments ca JOIN attachments a ON a.id = ca.attachment_id \
               LEFT JOIN attachments d ON d.id = a.document_id \
             WHERE ca.case_id = $1 \
             ORDER BY COALESCE(a.position, d.position), COALESCE(a.page, 0)",
        )
        .bind(case.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ForwardedAttachment {
                    id: AttachmentId::from_stored(row.try_get("id")?),
                    page_of: page_of(row)?,
                    kind: kind_in(row, "stripped_kind")?,
                    size: row.try_get("stripped_size")?,
                    sha256: row.try_get("stripped_sha256")?,
                    sealed_key: match row.try_get::<Option<Vec<u8>>, _>("sealed_key")? {
                        Some(json) => Some(
                            serde_json::from_slice(&json)
                                .map_err(|_| bad_value("sealed_key", "not an envelope"))?,
                        ),
                        None => None,
                    },
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }

    /// A forwarded file, for an agency holding a case it went with (leased at least
    /// once): sealed to the agency, or its stripped copy to be read a chunk at a time.
    /// `None` for any other agency.
    #[instrument(skip_all)]
    pub async fn agency_attachment(
        &self,
        agency_id: &str,
        id: &AttachmentId,
        data_keys: &DataKeys,
    ) -> Result<Option<AgencyFile>, CopyError> {
        // A file goes to an agency with one case at most (it is sent once).
        let row = sqlx::query(
            "SELECT a.stripped_kind, ca.case_id, ca.sealed_key AS sealed_to_agency, \
               CASE WHEN ca.sealed_key IS NULL THEN a.stripped_key END AS stripped_key, \
               CASE WHEN ca.sealed_key IS NULL AND a.stripped_key IS NULL \
                 THEN a.stripped END AS stripped, \
               a.stripped_size \
             FROM attachments a JOIN case_attachments ca ON ca.attachment_id = a.id \
               JOIN cases c ON c.id = ca.case_id \
             WHERE a.id = $1 AND a.state = 'stripped' AND c.agency_id = $2 AND c.deliveries > 0",
        )
        .bind(id.as_str())
        .bind(agency_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let size: i64 = row.try_get("stripped_size")?;
        Ok(Some(
            if row
                .try_get::<Option<Vec<u8>>, _>("sealed_to_agency")?
                .is_some()
            {
                AgencyFile::Sealed {
                    case: CaseId::from_stored(row.try_get("case_id")?),
                    size,
                }
            } else {
                AgencyFile::Clear {
                    kind: kind_in(&row, "stripped_kind")?,
                    size,
                    copy: CopyReader {
                        id: id.clone(),
                        copy: StoredCopy::from_row(&row, id, data_keys)?,
                    },
                }
            },
        ))
    }

    /// Chunk `n` of a file sealed to an agency for `case`; `None` past its last.
    #[instrument(skip_all)]
    pub async fn case_file_chunk(
        &self,
        case: &CaseId,
        id: &AttachmentId,
        n: i64,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT ct FROM case_attachment_chunks \
             WHERE case_id = $1 AND attachment_id = $2 AND n = $3",
        )
        .bind(case.as_str())
        .bind(id.as_str())
        .bind(n)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Replaces a tip's stripped copy with one a handler changed (a region blacked out),
    /// under a new key of its own, audited in the same commit. Only while no case holds
    /// the file: what was sent stays as it was sent. False when that is not so, or the
    /// file is not a stripped one.
    #[instrument(skip_all)]
    pub async fn replace_stripped(
        &self,
        tip: &TipId,
        id: &AttachmentId,
        copy: &StrippedAttachment,
        audit: AuditEntry,
        data_keys: &DataKeys,
    ) -> Result<bool, StoreError> {
        let new = NewCopy::new(data_keys, id);
        let mut tx = self.pool.begin().await?;
        // A decision sending the file holds its row until it commits: this then sees
        // the file sent, and changes nothing.
        super::staged::lock_file(&mut tx, self.backend, id).await?;
        let done = sqlx::query(
            "UPDATE attachments SET stripped = NULL, stripped_key = $3, stripped_kind = $4, \
               stripped_size = $5, stripped_sha256 = $6 \
             WHERE id = $1 AND tip_id = $2 AND state = 'stripped' \
               AND NOT EXISTS (SELECT 1 FROM case_attachments WHERE attachment_id = $1)",
        )
        .bind(id.as_str())
        .bind(tip.as_str())
        .bind(&new.sealed_key)
        .bind(copy.kind().as_str())
        .bind(copy.bytes().len() as i64)
        .bind(crate::crypto::sha256_hex(copy.bytes()))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        new.write(&mut tx, id, copy.bytes()).await?;
        super::audit::append(self.backend, &mut tx, &audit).await?;
        tx.commit().await?;
        Ok(true)
    }
}
