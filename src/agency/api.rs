//! Lease (waiting for cases if asked), read, acknowledge or return (nack). An ack or a
//! nack names the lease it answers and counts only from the credential holding that
//! lease while it is current. Every case goes out signed (`delivered`).

use super::auth::{AgencyAuthError, AgencyCaller};
use super::delivered::{self, Body};
use crate::crypto::sealing::Envelope;
use crate::crypto::token;
use crate::domain::{AttachmentId, CaseId, Context};
use crate::http::error::{ApiError, Problem};
use crate::http::{read_json, BodyError};
use crate::state::AppState;
use crate::store::attachments::{AgencyFile, CopyError};
use crate::store::cases::{AckOutcome, Lease, LeasedCase, NackOutcome, Refusal};
use crate::store::{self, StoreError};
use actix_web::http::{header, StatusCode};
use actix_web::web::Bytes;
use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use serde::Deserialize;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum AgencyError {
    #[error(transparent)]
    Auth(#[from] AgencyAuthError),
    #[error(transparent)]
    Body(#[from] BodyError),
    #[error("{0}")]
    Invalid(String),
    #[error("no such case")]
    NotFound,
    #[error("no such attachment (or not of a case you hold)")]
    NoSuchAttachment,
    #[error("the case is not leased to you: lease it first")]
    NotLeased,
    #[error("your lease on this case lapsed at {0}: lease it again (it may have gone to another consumer meanwhile)")]
    Lapsed(String),
    #[error("the case is held under another lease (yours lapsed and it was leased again, or this is not the lease it was given under); only the current lease can acknowledge or return it")]
    LeasedToAnother,
    #[error("the case was acknowledged under another lease after yours lapsed")]
    AcknowledgedUnderAnother,
    #[error("you acknowledged this case already; it cannot be returned")]
    AcknowledgedByYou,
    #[error("you returned this case (nack); lease it again to act on it")]
    NackedByYou,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("a case body could not be opened")]
    Corrupt,
}

impl From<Refusal> for AgencyError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::AcknowledgedUnderAnother => AgencyError::AcknowledgedUnderAnother,
            Refusal::AcknowledgedByYou => AgencyError::AcknowledgedByYou,
            Refusal::Lapsed(at) => AgencyError::Lapsed(rfc3339(at)),
            Refusal::LeasedToAnother => AgencyError::LeasedToAnother,
            Refusal::NackedByYou => AgencyError::NackedByYou,
            Refusal::NotLeased => AgencyError::NotLeased,
            Refusal::NotFound => AgencyError::NotFound,
        }
    }
}

impl Problem for AgencyError {
    fn status(&self) -> StatusCode {
        match self {
            AgencyError::Auth(e) => e.status(),
            AgencyError::Body(e) => e.status(),
            AgencyError::Store(e) => e.status(),
            AgencyError::Invalid(_) => StatusCode::BAD_REQUEST,
            AgencyError::NotFound | AgencyError::NoSuchAttachment => StatusCode::NOT_FOUND,
            AgencyError::NotLeased
            | AgencyError::Lapsed(_)
            | AgencyError::LeasedToAnother
            | AgencyError::AcknowledgedUnderAnother
            | AgencyError::AcknowledgedByYou
            | AgencyError::NackedByYou => StatusCode::CONFLICT,
            AgencyError::Corrupt => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn header(&self) -> Option<(header::HeaderName, header::HeaderValue)> {
        match self {
            AgencyError::Auth(e) => e.header(),
            _ => None,
        }
    }
}

/// Prefix of lease ids, so a leaked one is recognisable.
const LEASE_PREFIX: &str = "tll_";

/// The longest reason a nack may give.
const MAX_REASON_CHARS: usize = 1000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeaseRequest {
    max: Option<u32>,
    lease_seconds: Option<u32>,
    /// How long to wait for a case when none is queued (long poll); 0 answers at once.
    wait_seconds: Option<u32>,
}

/// An ack names the lease it answers.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AckRequest {
    lease: String,
}

/// A nack names its lease and says why the case could not be taken.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NackRequest {
    lease: String,
    reason: String,
}

pub async fn lease(
    state: web::Data<AppState>,
    caller: AgencyCaller,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let request: LeaseRequest = read_json(&req, payload).await?;
    let limits = &state.settings.agency;
    let max = request.max.unwrap_or(10);
    if !(1..=limits.max_cases_per_lease).contains(&max) {
        return Err(AgencyError::Invalid(format!(
            "max must be between 1 and {}",
            limits.max_cases_per_lease
        ))
        .into());
    }
    let lease_seconds = request.lease_seconds.unwrap_or(300);
    if !(1..=limits.max_lease_seconds).contains(&lease_seconds) {
        return Err(AgencyError::Invalid(format!(
            "lease_seconds must be between 1 and {}",
            limits.max_lease_seconds
        ))
        .into());
    }
    let wait_seconds = request.wait_seconds.unwrap_or(0);
    if wait_seconds > limits.max_wait_seconds {
        return Err(AgencyError::Invalid(format!(
            "wait_seconds must be between 0 and {}",
            limits.max_wait_seconds
        ))
        .into());
    }
    let lease = token::generate(LEASE_PREFIX);
    let holder = Lease {
        holder: &caller.holder,
        lease_hash: &lease.hash,
    };
    let deadline = tokio::time::Instant::now() + Duration::from_secs(u64::from(wait_seconds));
    let recheck = Duration::from_secs(u64::from(limits.long_poll_recheck_seconds));
    let wake = state.store.queue_signal().for_agency(&caller.agency_id);
    let leased = loop {
        // Listen before looking, so a case queued in between still wakes us.
        let woken = wake.notified();
        tokio::pin!(woken);
        woken.as_mut().enable();
        let now = store::now();
        let leased = state
            .store
            .lease_cases(
                &caller.agency_id,
                holder,
                i64::from(max),
                now,
                now + i64::from(lease_seconds),
                limits.max_deliveries,
            )
            .await?;
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        if !leased.is_empty() || left.is_zero() {
            break leased;
        }
        let _ = tokio::time::timeout(left.min(recheck), woken).await;
    };
    let mut cases = Vec::with_capacity(leased.len());
    for case in &leased {
        cases.push(view(&state, case, Some(&lease.secret)).await?);
    }
    Ok(HttpResponse::Ok().json(serde_json::json!({ "cases": cases })))
}

/// A stored case as delivered, its body opened from rest (or passed on sealed), with
/// the files forwarded with it.
async fn view(
    state: &AppState,
    case: &LeasedCase,
    lease: Option<&str>,
) -> Result<serde_json::Value, AgencyError> {
    let attachments = state.store.case_attachments(&case.id).await?;
    let body = match case.sealed_to {
        Some(_) => Body::Sealed(
            serde_json::from_slice::<Envelope>(&case.body).map_err(|_| AgencyError::Corrupt)?,
        ),
        None => Body::Text(
            state
                .keys
                .data
                .decrypt_string(Context::CaseBody(&case.id), &case.body)
                .map_err(|_| AgencyError::Corrupt)?,
        ),
    };
    Ok(delivered::delivered(
        case,
        body,
        &attachments,
        lease,
        &state.keys.signing,
    ))
}

pub use crate::http::rfc3339;

/// A case its holder leased, read again while the lease is current (without the
/// lease's id, which is given once).
pub async fn get_case(
    state: web::Data<AppState>,
    caller: AgencyCaller,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let case = state
        .store
        .held_case(&caller.agency_id, &caller.holder, &path, store::now())
        .await?
        .map_err(AgencyError::from)?;
    Ok(HttpResponse::Ok().json(view(&state, &case, None).await?))
}

/// A stripped file forwarded with one of the caller's cases, once that case has been
/// leased. A file of a case another agency holds is no file to the caller (404). A file
/// sealed to the caller goes as its sealed chunks, any other as its stripped copy's
/// chunks opened; either is read from the store a chunk at a time as the client takes it.
pub async fn attachment(
    state: web::Data<AppState>,
    caller: AgencyCaller,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = AttachmentId::parse(&path).ok_or(AgencyError::NoSuchAttachment)?;
    let file = match state
        .store
        .agency_attachment(&caller.agency_id, &id, &state.keys.data)
        .await
    {
        Ok(file) => file.ok_or(AgencyError::NoSuchAttachment)?,
        Err(CopyError::Store(e)) => return Err(AgencyError::Store(e).into()),
        Err(CopyError::Unopenable) => return Err(AgencyError::Corrupt.into()),
    };
    let state = state.into_inner();
    let name = format!("attachment-{id}");
    Ok(match file {
        AgencyFile::Clear { kind, size, copy } => {
            let copy = std::sync::Arc::new(copy);
            let body = chunked(move |n| {
                let (state, copy) = (state.clone(), copy.clone());
                async move {
                    if n >= copy.chunks() {
                        return Ok(None);
                    }
                    copy.chunk(&state.store, n).await.map(Some)
                }
            })
            .await
            .map_err(|_| AgencyError::Corrupt)?;
            let name = format!("{name}.{}", kind.extension());
            crate::http::file_answer(kind.media_type(), &name, false)
                .no_chunking(u64::try_from(size).map_err(|_| AgencyError::Corrupt)?)
                .streaming(body)
        }
        AgencyFile::Sealed { case, size } => {
            let body = chunked(move |n| {
                let (state, case, id) = (state.clone(), case.clone(), id.clone());
                async move { state.store.case_file_chunk(&case, &id, n).await }
            })
            .await
            .map_err(|_| AgencyError::Corrupt)?;
            let sealed_len = usize::try_from(size).map_err(|_| AgencyError::Corrupt)?;
            HttpResponse::Ok()
                .content_type(SEALED_FILE_TYPE)
                .insert_header((
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}.sealed\""),
                ))
                .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
                .no_chunking(crate::crypto::stream::sealed_len(sealed_len) as u64)
                .streaming(body)
        }
    })
}

/// A file's chunks (`read(n)`: chunk `n`, `None` past the last) as an answer's body, in
/// order, each read as the client takes the one before. The first is read before
/// answering, so a file without one, or whose first does not open, is an error rather
/// than an empty answer; a later failure ends the body short of its length, and a file
/// cut short does not open (its last chunk is missing): the agency cannot take a part
/// for the whole.
async fn chunked<F, Fut, E>(
    read: F,
) -> Result<impl futures_util::Stream<Item = Result<Bytes, actix_web::Error>>, ()>
where
    F: Fn(i64) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<Option<Vec<u8>>, E>>,
    E: std::fmt::Debug + std::fmt::Display + 'static,
{
    let first = match read(0).await {
        Ok(Some(chunk)) => chunk,
        _ => return Err(()),
    };
    let read = std::rc::Rc::new(read);
    let rest = futures_util::stream::unfold(Some(1), move |next| {
        let read = read.clone();
        async move {
            let n = next?;
            match read(n).await {
                Ok(Some(chunk)) => Some((Ok(Bytes::from(chunk)), Some(n + 1))),
                Ok(None) => None,
                Err(e) => Some((Err(actix_web::error::ErrorServiceUnavailable(e)), None)),
            }
        }
    });
    Ok(futures_util::stream::once(std::future::ready(Ok(Bytes::from(first)))).chain(rest))
}

/// What a file sealed to the agency is served as: its STREAM chunks, one after another.
pub const SEALED_FILE_TYPE: &str = "application/octet-stream";

pub async fn ack(
    state: web::Data<AppState>,
    caller: AgencyCaller,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let request: AckRequest = read_json(&req, payload).await?;
    let lease_hash = token::hash(&request.lease);
    let lease = Lease {
        holder: &caller.holder,
        lease_hash: &lease_hash,
    };
    match state
        .store
        .ack_case(&caller.agency_id, lease, &path, store::now())
        .await?
    {
        AckOutcome::Acknowledged | AckOutcome::AlreadyAcknowledged => Ok(HttpResponse::Ok()
            .json(serde_json::json!({ "id": path.as_str(), "state": "acknowledged" }))),
        AckOutcome::Refused(refusal) => Err(AgencyError::from(refusal).into()),
    }
}

/// Returns a case at once: back to the queue, or to dead letter when this was its
/// last delivery. The reason is kept (encrypted) for a supervisor to read.
pub async fn nack(
    state: web::Data<AppState>,
    caller: AgencyCaller,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let request: NackRequest = read_json(&req, payload).await?;
    let reason = request.reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_REASON_CHARS || reason.contains('\0') {
        return Err(AgencyError::Invalid(format!(
            "reason: say why the case could not be taken, in 1 to {MAX_REASON_CHARS} characters"
        ))
        .into());
    }
    let Some(id) = CaseId::parse(&path) else {
        return Err(AgencyError::NotFound.into());
    };
    let sealed = state
        .keys
        .data
        .encrypt_str(Context::NackReason(&id), reason);
    let lease_hash = token::hash(&request.lease);
    let lease = Lease {
        holder: &caller.holder,
        lease_hash: &lease_hash,
    };
    let max = state.settings.agency.max_deliveries;
    match state
        .store
        .nack_case(&caller.agency_id, lease, id.as_str(), &sealed, store::now())
        .await?
    {
        NackOutcome::Returned { deliveries } => Ok(HttpResponse::Ok().json(serde_json::json!({
            "id": id.as_str(),
            "state": if deliveries >= i64::from(max) { "dead_letter" } else { "queued" },
            "deliveries": deliveries,
            "max_deliveries": max,
        }))),
        NackOutcome::Refused(refusal) => Err(AgencyError::from(refusal).into()),
    }
}

/// The keys that sign cases, the current one first (older ones verify older cases).
pub async fn signing_key(state: web::Data<AppState>) -> HttpResponse {
    let keys = state.keys.signing.public_keys();
    let mut current = serde_json::to_value(&keys[0]).expect("a key serialises");
    current["keys"] = serde_json::to_value(&keys).expect("keys serialise");
    HttpResponse::Ok().json(current)
}

/// The agency API's contract (OpenAPI 3.1), as kept in the repository.
pub async fn openapi() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(OPENAPI)
}

pub const OPENAPI: &str = include_str!("../../openapi/agency.json");
