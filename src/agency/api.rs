//! Lease and acknowledge. An ack names the lease it answers and counts only from the
//! token holding that lease while it is current.

use super::auth::{AgencyAuthError, AgencyCaller};
use crate::crypto::token;
use crate::domain::{CaseKind, Context};
use crate::http::error::{ApiError, Problem};
use crate::http::rfc3339;
use crate::http::{read_json, BodyError};
use crate::state::AppState;
use crate::store::cases::{AckOutcome, Lease};
use crate::store::{self, StoreError};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

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
    #[error("the case is not leased to you: lease it first")]
    NotLeased,
    #[error("your lease on this case lapsed at {0}: lease it again (it may have gone to another consumer meanwhile)")]
    Lapsed(String),
    #[error("the case is held under another lease (yours lapsed and it was leased again, or this is not the lease it was given under); only the current lease can acknowledge it")]
    LeasedToAnother,
    #[error("the case was acknowledged under another lease after yours lapsed")]
    AcknowledgedUnderAnother,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("a case body could not be opened")]
    Corrupt,
}

impl Problem for AgencyError {
    fn status(&self) -> StatusCode {
        match self {
            AgencyError::Auth(e) => e.status(),
            AgencyError::Body(e) => e.status(),
            AgencyError::Store(e) => e.status(),
            AgencyError::Invalid(_) => StatusCode::BAD_REQUEST,
            AgencyError::NotFound => StatusCode::NOT_FOUND,
            AgencyError::NotLeased
            | AgencyError::Lapsed(_)
            | AgencyError::LeasedToAnother
            | AgencyError::AcknowledgedUnderAnother => StatusCode::CONFLICT,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeaseRequest {
    max: Option<u32>,
    lease_seconds: Option<u32>,
}

#[derive(Serialize)]
struct CaseView<'a> {
    id: String,
    /// `report` (the tip) or `update` (a reporter's message approved after it).
    kind: CaseKind,
    /// For an update: the id of this agency's report case it adds to.
    #[serde(skip_serializing_if = "Option::is_none")]
    updates: Option<String>,
    /// 0 for the report; 1, 2 ... for its updates, in the order the reporter wrote them.
    sequence: i64,
    category: String,
    body: String,
    received_on: String,
    lease_expires_at: String,
    /// What an ack must present: this lease's id (the same for every case of one lease).
    lease: &'a str,
}

/// An ack names the lease it answers.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AckRequest {
    lease: String,
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
    let now = store::now();
    let lease = token::generate(LEASE_PREFIX);
    let leased = state
        .store
        .lease_cases(
            &caller.agency_id,
            Lease {
                token_hash: &caller.token_hash,
                lease_hash: &lease.hash,
            },
            i64::from(max),
            now,
            now + i64::from(lease_seconds),
        )
        .await?;
    let cases = leased
        .into_iter()
        .map(|c| {
            let body = state
                .keys
                .data
                .decrypt_string(Context::CaseBody(&c.id), &c.body)
                .map_err(|_| AgencyError::Corrupt)?;
            Ok(CaseView {
                body,
                kind: c.kind,
                updates: c.parent.map(|p| p.to_string()),
                sequence: c.sequence,
                category: c.category,
                received_on: c.received_on,
                lease_expires_at: rfc3339(c.lease_expires_at),
                id: c.id.to_string(),
                lease: &lease.secret,
            })
        })
        .collect::<Result<Vec<_>, AgencyError>>()?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "cases": cases })))
}

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
        token_hash: &caller.token_hash,
        lease_hash: &lease_hash,
    };
    match state
        .store
        .ack_case(&caller.agency_id, lease, &path, store::now())
        .await?
    {
        AckOutcome::Acknowledged | AckOutcome::AlreadyAcknowledged => Ok(HttpResponse::Ok()
            .json(serde_json::json!({ "id": path.as_str(), "state": "acknowledged" }))),
        AckOutcome::Lapsed(at) => Err(AgencyError::Lapsed(rfc3339(at)).into()),
        AckOutcome::LeasedToAnother => Err(AgencyError::LeasedToAnother.into()),
        AckOutcome::AcknowledgedUnderAnother => Err(AgencyError::AcknowledgedUnderAnother.into()),
        AckOutcome::NotLeased => Err(AgencyError::NotLeased.into()),
        AckOutcome::NotFound => Err(AgencyError::NotFound.into()),
    }
}
