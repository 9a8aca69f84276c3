//! Files sent with the report form: `multipart/form-data`, so they work with JavaScript
//! off. Each file streams straight into storage: its type is told from its first bytes,
//! it is sealed chunk by chunk as it arrives (`crypto::stream`, its content key sealed to
//! the intake key) and never held whole in memory. The rows stay `uploading` until the
//! tip is stored; a refused submission deletes them, so nothing is kept.
//!
//! With JavaScript on, the page seals each file itself (`static/files.js`) and sends it
//! in `sealed_attachments` as a sealed file: one line of JSON (`{"id", "kind", "key"}`:
//! the id it chose, the type it found, its content key sealed to the intake key for
//! `attachment:<id>:key`), then each chunk sealed for `attachment:<id>:chunk` as a 4-byte
//! big-endian length and the ciphertext. The service stores those chunks as they come
//! and never sees the file; the worker checks its type by content once it opens it.
//!
//! A form with files may take longer than other bodies (20 MB from a phone), but never
//! trickles: each window of it must bring a least number of bytes (`Paced`).

use super::upload_budget::{Spent, UploadBudget};
use crate::attachments::{AttachmentKind, Inspector, Refused};
use crate::crypto::sealing::Envelope;
use crate::crypto::stream::{ContentKey, CHUNK_BYTES, TAG_BYTES};
use crate::domain::{AttachmentId, Context, TipId};
use crate::state::AppState;
use crate::store::{self, StoreError};
use actix_multipart::{Field, Multipart};
use actix_web::error::PayloadError;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest};
use futures_util::{Stream, StreamExt};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context as TaskContext, Poll};
use std::time::Duration;

/// The form field that carries files.
pub const FILES_FIELD: &str = "attachments";
/// The form field that carries files sealed in the browser.
pub const SEALED_FILES_FIELD: &str = "sealed_attachments";
/// The most a sealed file's first line (its id, type and sealed key) may take.
const MAX_SEALED_HEADER: usize = 4096;

#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error("at most {0} files may be sent with a report")]
    TooMany(usize),
    #[error("file {position} is larger than {limit_mb} MB")]
    TooLarge { position: usize, limit_mb: u32 },
    #[error("file {position}: {reason}")]
    Refused { position: usize, reason: Refused },
    #[error("the form could not be read: {0}")]
    Malformed(String),
    /// The multipart stream itself failed: nothing more can be read from it.
    #[error("the form could not be read: {0}")]
    Unreadable(String),
    #[error("the form's fields are larger than {0} bytes")]
    FieldsTooLarge(usize),
    #[error(
        "the form arrived too slowly: each {window} seconds must bring at least {least} bytes"
    )]
    TooSlow { window: u32, least: u64 },
    #[error(transparent)]
    Spent(#[from] Spent),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl UploadError {
    pub fn status(&self) -> StatusCode {
        match self {
            UploadError::TooMany(_)
            | UploadError::TooLarge { .. }
            | UploadError::FieldsTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            UploadError::Refused {
                reason: Refused::WrongType,
                ..
            } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            UploadError::Refused { .. }
            | UploadError::Malformed(_)
            | UploadError::Unreadable(_) => StatusCode::BAD_REQUEST,
            UploadError::TooSlow { .. } => StatusCode::REQUEST_TIMEOUT,
            UploadError::Spent(_) => StatusCode::TOO_MANY_REQUESTS,
            UploadError::Store(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The reporter's message for it (a translation key).
    pub fn message_key(&self) -> &'static str {
        match self {
            UploadError::TooMany(_) | UploadError::TooLarge { .. } => "error_file_too_large",
            UploadError::Refused {
                reason: Refused::WrongType,
                ..
            } => "error_file_type",
            UploadError::Refused { .. } => "error_file_incomplete",
            UploadError::Malformed(_)
            | UploadError::Unreadable(_)
            | UploadError::FieldsTooLarge(_) => "error_bad_form",
            UploadError::TooSlow { .. } => "error_too_slow",
            UploadError::Spent(_) => "error_file_budget",
            UploadError::Store(_) => "error_store",
        }
    }

    /// The page refusing the form (`back`: where the reporter goes from it), with when
    /// to try again for a budget spent.
    pub fn page(&self, tr: super::i18n::Tr, back: &'static str) -> actix_web::HttpResponse {
        if let UploadError::Store(e) = self {
            tracing::error!(error = %e, "an attachment could not be stored");
        }
        let mut page = super::page::problem(tr, self.status(), back, self.message_key());
        if let UploadError::Spent(spent) = self {
            page.headers_mut().insert(
                actix_web::http::header::RETRY_AFTER,
                actix_web::http::header::HeaderValue::from(spent.retry_after_secs),
            );
        }
        page
    }
}

/// Whether a form comes as `multipart/form-data` (the pages' forms that take files).
pub fn is_multipart(req: &HttpRequest) -> bool {
    crate::http::is_multipart(req.headers())
}

/// The work after a form's body, held to `http::REQUEST_DEADLINE` as every other request
/// is (the deadline middleware leaves forms with files to their route, since the body
/// is paced instead); `overdue` is the answer past it.
pub async fn after_body<T>(
    work: impl std::future::Future<Output = Result<T, T>>,
    overdue: impl FnOnce() -> T,
) -> Result<T, T> {
    tokio::time::timeout(crate::http::REQUEST_DEADLINE, work)
        .await
        .unwrap_or_else(|_| Err(overdue()))
}

/// The form's text fields (as JSON strings, for the same deserialiser as a plain form)
/// and how many files were stored under the tip's id.
pub struct UploadedForm {
    pub fields: Map<String, Value>,
    pub files: usize,
}

/// Reads a multipart report form, storing its files (still `uploading`) under `tip`,
/// each chunk taken out of the client's `budget` for the hour before it is stored.
/// On an error the caller discards what was stored (`Store::discard_uploads`).
pub async fn read(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
    tip: &TipId,
    budget: &UploadBudget,
) -> Result<UploadedForm, UploadError> {
    // The address goes only into the budget's keyed hash.
    let peer = super::page::client_address(req);
    let spend = |bytes: usize| budget.take(peer, bytes as u64);
    let intake = &state.settings.intake;
    let late = Arc::new(AtomicBool::new(false));
    let paced = Paced::new(
        payload,
        intake.upload_window(),
        intake.upload_least_per_window(),
        late.clone(),
    );
    let mut multipart = Multipart::new(req.headers(), paced);
    let mut result = read_all(state, &mut multipart, tip, &spend).await;
    if late.load(Ordering::Relaxed) {
        result = Err(UploadError::TooSlow {
            window: intake.upload_window_seconds,
            least: intake.upload_least_per_window(),
        });
    }
    if result
        .as_ref()
        .is_err_and(|e| !matches!(e, UploadError::TooSlow { .. } | UploadError::Unreadable(_)))
    {
        // Read the rest (bounded, and paced like the rest) so the client, still sending,
        // gets the answer rather than a connection closed under it: closed with its body
        // unread, the connection is reset, and the client sees a broken pipe or a reset
        // instead of the answer (a malformed sealed file, refused at its first line, was
        // not read on before). A client trickling bytes is cut off, as it was, and a
        // stream that failed has nothing more to give.
        let limit = intake.max_attachment_bytes() + super::page::MAX_SUBMISSION_BYTES as u64;
        discard_rest(&mut multipart, limit).await;
    }
    result
}

/// An upload's body, cut off once a window of it passes without `least` bytes (`late`
/// then says so): a slow phone sending 20 MB keeps going, a client trickling bytes to
/// hold the connection does not. The first window starts with the body.
struct Paced<S> {
    inner: S,
    window: Duration,
    least: u64,
    this_window: u64,
    ends: Pin<Box<tokio::time::Sleep>>,
    late: Arc<AtomicBool>,
}

impl<S> Paced<S> {
    fn new(inner: S, window: Duration, least: u64, late: Arc<AtomicBool>) -> Self {
        Paced {
            inner,
            window,
            least,
            this_window: 0,
            ends: Box::pin(tokio::time::sleep(window)),
            late,
        }
    }
}

impl<S> Stream for Paced<S>
where
    S: Stream<Item = Result<web::Bytes, PayloadError>> + Unpin,
{
    type Item = Result<web::Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if this.late.load(Ordering::Relaxed) {
            return Poll::Ready(None);
        }
        // Bytes already here are taken first, so time spent storing the last chunk (not
        // reading) never counts against the client.
        let polled = Pin::new(&mut this.inner).poll_next(cx);
        match &polled {
            Poll::Ready(Some(Ok(bytes))) => this.this_window += bytes.len() as u64,
            Poll::Ready(_) => {}
            Poll::Pending => {
                while this.ends.as_mut().poll(cx).is_ready() {
                    if this.this_window < this.least {
                        this.late.store(true, Ordering::Relaxed);
                        return Poll::Ready(Some(Err(PayloadError::Io(std::io::Error::new(
                            std::io::ErrorKind::TimedOut,
                            "the body arrived too slowly",
                        )))));
                    }
                    this.this_window = 0;
                    let next = tokio::time::Instant::now() + this.window;
                    this.ends.as_mut().reset(next);
                }
            }
        }
        polled
    }
}

/// Takes a chunk's bytes out of the client's budget for the hour.
type Spend<'a> = dyn Fn(usize) -> Result<(), Spent> + 'a;

async fn read_all(
    state: &AppState,
    multipart: &mut Multipart,
    tip: &TipId,
    spend: &Spend<'_>,
) -> Result<UploadedForm, UploadError> {
    let limits = &state.settings.intake;
    let mut fields = Map::new();
    let mut field_bytes = 0;
    let mut files = 0;
    while let Some(field) = multipart.next().await {
        let mut field = field.map_err(unreadable)?;
        let name = field.name().unwrap_or_default().to_owned();
        let filename = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(str::to_owned);
        match filename {
            Some(_) if name == SEALED_FILES_FIELD => {
                files += 1;
                if files > limits.max_attachments {
                    return Err(UploadError::TooMany(limits.max_attachments));
                }
                store_sealed_file(state, &mut field, tip, files, spend).await?;
            }
            Some(filename) => {
                if name != FILES_FIELD {
                    return Err(UploadError::Malformed(format!(
                        "files go in the field `{FILES_FIELD}`, not `{name}`"
                    )));
                }
                let first = field.next().await.transpose().map_err(unreadable)?;
                // An empty file input sends an empty part with no name: no file chosen.
                if filename.is_empty() && first.as_ref().is_none_or(|b| b.is_empty()) {
                    continue;
                }
                files += 1;
                if files > limits.max_attachments {
                    return Err(UploadError::TooMany(limits.max_attachments));
                }
                store_file(state, &mut field, first, tip, files, spend).await?;
            }
            None => {
                let mut value = Vec::new();
                while let Some(bytes) = field.next().await {
                    let bytes = bytes.map_err(unreadable)?;
                    field_bytes += bytes.len();
                    if field_bytes > super::page::MAX_SUBMISSION_BYTES {
                        return Err(UploadError::FieldsTooLarge(
                            super::page::MAX_SUBMISSION_BYTES,
                        ));
                    }
                    value.extend_from_slice(&bytes);
                }
                let value = String::from_utf8(value)
                    .map_err(|_| UploadError::Malformed(format!("`{name}` is not UTF-8 text")))?;
                fields.insert(name, Value::String(value));
            }
        }
    }
    Ok(UploadedForm { fields, files })
}

fn unreadable(e: actix_multipart::MultipartError) -> UploadError {
    UploadError::Unreadable(e.to_string())
}

/// Streams one file into storage: sealed a chunk at a time under a fresh content key,
/// its type told from the first chunk, refused as soon as it is too large, and checked
/// to be whole at its end.
async fn store_file(
    state: &AppState,
    field: &mut Field,
    first: Option<web::Bytes>,
    tip: &TipId,
    position: usize,
    spend: &Spend<'_>,
) -> Result<(), UploadError> {
    let limit = state.settings.intake.max_attachment_bytes();
    let refused = |reason| UploadError::Refused { position, reason };
    let id = AttachmentId::new();
    let place = Context::AttachmentChunk(&id).to_string();
    let key = ContentKey::generate();
    let mut inspector: Option<Inspector> = None;
    // A field that has ended must not be polled again.
    let mut last = first.is_none();
    let mut pending: Vec<u8> = first.map(|b| b.to_vec()).unwrap_or_default();
    let mut total = pending.len() as u64;
    let mut n = 0;
    loop {
        let next = if last {
            None
        } else {
            field.next().await.transpose().map_err(unreadable)?
        };
        last = next.is_none();
        if let Some(bytes) = &next {
            total += bytes.len() as u64;
            if total > limit {
                return Err(UploadError::TooLarge {
                    position,
                    limit_mb: state.settings.intake.max_attachment_mb,
                });
            }
            pending.extend_from_slice(bytes);
        }
        // A full chunk goes out only once more follows, so the last is known as such.
        while pending.len() > CHUNK_BYTES || (last && (n == 0 || !pending.is_empty())) {
            let take = pending.len().min(CHUNK_BYTES);
            let chunk: Vec<u8> = pending.drain(..take).collect();
            let is_last = last && pending.is_empty();
            let inspector = match &mut inspector {
                Some(inspector) => inspector,
                None => {
                    let started = Inspector::start(&chunk).map_err(refused)?;
                    let sealed_key = state
                        .keys
                        .intake
                        .seal_bound(&Context::AttachmentKey(&id), key.as_bytes());
                    let fresh = state
                        .store
                        .start_upload(
                            &id,
                            tip,
                            position as i64,
                            started.kind(),
                            &serde_json::to_vec(&sealed_key).expect("an envelope serialises"),
                            &store::today(),
                        )
                        .await?;
                    if !fresh {
                        // 64 random bits met another file's: refused rather than mixed.
                        return Err(UploadError::Malformed(format!(
                            "file {position} could not be stored: send it again"
                        )));
                    }
                    inspector.insert(started)
                }
            };
            inspector.feed(&chunk);
            spend(chunk.len())?;
            let sealed = key.seal_chunk(&place, n, is_last, &chunk);
            state.store.store_chunk(&id, n as i64, &sealed).await?;
            n += 1;
            if is_last {
                break;
            }
        }
        if last {
            break;
        }
    }
    inspector
        .ok_or(refused(Refused::Empty))?
        .finish()
        .map_err(refused)?;
    Ok(())
}

/// A sealed file's first line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SealedHeader {
    id: String,
    kind: String,
    key: Envelope,
}

/// Streams one file sealed in the browser into storage as it comes: the chunks are
/// stored as they were sealed, and only their framing and sizes are checked here (every
/// chunk but the last full, the file within its limit); the worker opens it and checks
/// that its content is the type named.
async fn store_sealed_file(
    state: &AppState,
    field: &mut Field,
    tip: &TipId,
    position: usize,
    spend: &Spend<'_>,
) -> Result<(), UploadError> {
    let limit = state.settings.intake.max_attachment_bytes();
    let refused = |reason| UploadError::Refused { position, reason };
    let malformed_file = |why: &str| UploadError::Malformed(format!("file {position}: {why}"));
    let mut pending: Vec<u8> = Vec::new();
    let mut id: Option<AttachmentId> = None;
    let mut n: i64 = 0;
    let mut total: u64 = 0;
    let mut last_was_full = true;
    let mut ended = false;
    while !ended {
        match field.next().await.transpose().map_err(unreadable)? {
            Some(bytes) => pending.extend_from_slice(&bytes),
            None => ended = true,
        }
        if id.is_none() {
            let Some(end) = pending.iter().position(|&b| b == b'\n') else {
                if pending.len() > MAX_SEALED_HEADER || ended {
                    return Err(malformed_file(
                        "a sealed file must start with its line of JSON",
                    ));
                }
                continue;
            };
            let header: SealedHeader = serde_json::from_slice(&pending[..end])
                .map_err(|e| malformed_file(&format!("its first line: {e}")))?;
            let kind = AttachmentKind::parse(&header.kind).ok_or(refused(Refused::WrongType))?;
            let parsed = AttachmentId::parse(&header.id)
                .ok_or_else(|| malformed_file("its id must be 16 lower-case hex digits"))?;
            if !state.keys.intake.holds(&header.key.key_id) {
                return Err(malformed_file(
                    "its key is sealed to a key this service does not hold: fetch /api/v1/intake-key again",
                ));
            }
            let sealed_key = serde_json::to_vec(&header.key).expect("an envelope serialises");
            let started = state
                .store
                .start_upload(
                    &parsed,
                    tip,
                    position as i64,
                    kind,
                    &sealed_key,
                    &store::today(),
                )
                .await?;
            if !started {
                return Err(malformed_file("its id is taken: choose another"));
            }
            pending.drain(..=end);
            id = Some(parsed);
        }
        let Some(id) = &id else { continue };
        while pending.len() >= 4 {
            let length = u32::from_be_bytes(pending[..4].try_into().expect("4 bytes")) as usize;
            if !(TAG_BYTES < length && length <= CHUNK_BYTES + TAG_BYTES) {
                return Err(malformed_file("a chunk's length is out of bounds"));
            }
            if pending.len() < 4 + length {
                break;
            }
            if !last_was_full {
                return Err(malformed_file("only the last chunk may be short"));
            }
            total += (length - TAG_BYTES) as u64;
            if total > limit {
                return Err(UploadError::TooLarge {
                    position,
                    limit_mb: state.settings.intake.max_attachment_mb,
                });
            }
            spend(length - TAG_BYTES)?;
            state
                .store
                .store_chunk(id, n, &pending[4..4 + length])
                .await?;
            last_was_full = length == CHUNK_BYTES + TAG_BYTES;
            pending.drain(..4 + length);
            n += 1;
        }
    }
    if !pending.is_empty() {
        return Err(refused(Refused::Truncated));
    }
    if n == 0 {
        return Err(refused(Refused::Empty));
    }
    Ok(())
}

/// Reads and drops what is left of a refused form, up to `limit` bytes.
async fn discard_rest(multipart: &mut Multipart, limit: u64) {
    let mut read = 0u64;
    while let Some(Ok(mut field)) = multipart.next().await {
        while let Some(Ok(bytes)) = field.next().await {
            read += bytes.len() as u64;
            if read > limit {
                return;
            }
        }
    }
}
