//! Lease and acknowledge.

use super::auth::{AgencyAuthError, AgencyCaller};
use crate::domain::Context;
use crate::http::error::{ApiError, Problem};
use crate::http::{read_json, BodyError};
use crate::state::AppState;
use crate::store::cases::AckOutcome;
use crate::store::{self, StoreError};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
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
    #[error("the case is not leased to you: lease it, or lease it again if your lease lapsed")]
    NotLeased,
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
            AgencyError::NotLeased => StatusCode::CONFLICT,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeaseRequest {
    max: Option<u32>,
    lease_seconds: Option<u32>,
}

#[derive(Serialize)]
struct CaseView {
    id: String,
    category: String,
    body: String,
    received_on: String,
    lease_expires_at: String,
}

pub async fn lease(
    state: web::Data<AppState>,
    caller: AgencyCaller,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let request: LeaseRequest = read_json(payload).await?;
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
    let leased = state
        .store
        .lease_cases(
            &caller.agency_id,
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
                category: c.category,
                received_on: c.received_on,
                lease_expires_at: rfc3339(c.lease_expires_at),
                id: c.id.to_string(),
            })
        })
        .collect::<Result<Vec<_>, AgencyError>>()?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "cases": cases })))
}

fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

pub async fn ack(
    state: web::Data<AppState>,
    caller: AgencyCaller,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    match state
        .store
        .ack_case(&caller.agency_id, &path, store::now())
        .await?
    {
        AckOutcome::Acknowledged | AckOutcome::AlreadyAcknowledged => Ok(HttpResponse::Ok()
            .json(serde_json::json!({ "id": path.as_str(), "state": "acknowledged" }))),
        AckOutcome::NotLeased => Err(AgencyError::NotLeased.into()),
        AckOutcome::NotFound => Err(AgencyError::NotFound.into()),
    }
}
