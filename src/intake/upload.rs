//! Files sent with the report form: `multipart/form-data`, so they work with JavaScript
//! off. Each file streams straight into storage: its type is told from its first bytes,
//! it is sealed chunk by chunk as it arrives (`crypto::stream`, its content key sealed to
//! the intake key) and never held whole in memory. The rows stay `uploading` until the
//! tip is stored; a refused submission deletes them, so nothing is kept.

use crate::attachments::{Inspector, Refused};
use crate::crypto::stream::{ContentKey, CHUNK_BYTES};
use crate::domain::{AttachmentId, Context, TipId};
use crate::http::BODY_DEADLINE;
use crate::state::AppState;
use crate::store::{self, StoreError};
use actix_multipart::{Field, Multipart};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest};
use futures_util::StreamExt;
use serde_json::{Map, Value};

/// The form field that carries files.
pub const FILES_FIELD: &str = "attachments";

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
    #[error("the form's fields are larger than {0} bytes")]
    FieldsTooLarge(usize),
    #[error("the form took longer than {} seconds to arrive", BODY_DEADLINE.as_secs())]
    TimedOut,
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
            UploadError::Refused { .. } | UploadError::Malformed(_) => StatusCode::BAD_REQUEST,
            UploadError::TimedOut => StatusCode::REQUEST_TIMEOUT,
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
            UploadError::Malformed(_) | UploadError::FieldsTooLarge(_) => "error_bad_form",
            UploadError::TimedOut => "error_bad_form",
            UploadError::Store(_) => "error_store",
        }
    }
}

/// Whether a form comes as `multipart/form-data` (the pages' forms that take files).
pub fn is_multipart(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("multipart/form-data")
        })
}

/// The form's text fields (as JSON strings, for the same deserialiser as a plain form)
/// and how many files were stored under the tip's id.
pub struct UploadedForm {
    pub fields: Map<String, Value>,
    pub files: usize,
}

/// Reads a multipart report form, storing its files (still `uploading`) under `tip`.
/// On an error the caller discards what was stored (`Store::discard_uploads`).
pub async fn read(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
    tip: &TipId,
) -> Result<UploadedForm, UploadError> {
    let mut multipart = Multipart::new(req.headers(), payload);
    let read = read_all(state, &mut multipart, tip);
    let result = tokio::time::timeout(BODY_DEADLINE, read)
        .await
        .unwrap_or(Err(UploadError::TimedOut));
    if matches!(
        result,
        Err(UploadError::TooMany(_) | UploadError::TooLarge { .. } | UploadError::Refused { .. })
    ) {
        // Read the rest (bounded) so the client, still sending, gets the answer rather
        // than a connection closed under it.
        let limit =
            state.settings.intake.max_attachment_bytes() + super::page::MAX_SUBMISSION_BYTES as u64;
        let _ = tokio::time::timeout(BODY_DEADLINE, discard_rest(&mut multipart, limit)).await;
    }
    result
}

async fn read_all(
    state: &AppState,
    multipart: &mut Multipart,
    tip: &TipId,
) -> Result<UploadedForm, UploadError> {
    let limits = &state.settings.intake;
    let mut fields = Map::new();
    let mut field_bytes = 0;
    let mut files = 0;
    while let Some(field) = multipart.next().await {
        let mut field = field.map_err(|e| UploadError::Malformed(e.to_string()))?;
        let name = field.name().unwrap_or_default().to_owned();
        let filename = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(str::to_owned);
        match filename {
            Some(filename) => {
                if name != FILES_FIELD {
                    return Err(UploadError::Malformed(format!(
                        "files go in the field `{FILES_FIELD}`, not `{name}`"
                    )));
                }
                let first = field.next().await.transpose().map_err(malformed)?;
                // An empty file input sends an empty part with no name: no file chosen.
                if filename.is_empty() && first.as_ref().is_none_or(|b| b.is_empty()) {
                    continue;
                }
                files += 1;
                if files > limits.max_attachments {
                    return Err(UploadError::TooMany(limits.max_attachments));
                }
                store_file(state, &mut field, first, tip, files).await?;
            }
            None => {
                let mut value = Vec::new();
                while let Some(bytes) = field.next().await {
                    let bytes = bytes.map_err(malformed)?;
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

fn malformed(e: actix_multipart::MultipartError) -> UploadError {
    UploadError::Malformed(e.to_string())
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
            field.next().await.transpose().map_err(malformed)?
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
                    state
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
                    inspector.insert(started)
                }
            };
            inspector.feed(&chunk);
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
