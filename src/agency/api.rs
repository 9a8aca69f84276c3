//! Lease and acknowledge.

use super::auth::{AgencyAuthError, AgencyCaller};
use crate::http::{json_error, read_json, BodyError};
use crate::routing::case_context;
use crate::startup::AppState;
use crate::store::cases::AckOutcome;
use crate::store::{self, StoreError};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse, ResponseError};
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

impl ResponseError for AgencyError {
    fn status_code(&self) -> StatusCode {
        match self {
            AgencyError::Auth(e) => e.status_code(),
            AgencyError::Body(e) => e.status(),
            AgencyError::Invalid(_) => StatusCode::BAD_REQUEST,
            AgencyError::NotFound => StatusCode::NOT_FOUND,
            AgencyError::NotLeased => StatusCode::CONFLICT,
            AgencyError::Store(_) => StatusCode::SERVICE_UNAVAILABLE,
            AgencyError::Corrupt => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            AgencyError::Auth(e) => e.error_response(),
            AgencyError::Store(e) => {
                tracing::error!(error = %e, "agency storage error");
                json_error(self.status_code(), "the service is unavailable, try again")
            }
            _ => json_error(self.status_code(), self.to_string()),
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
) -> Result<HttpResponse, AgencyError> {
    let request: LeaseRequest = read_json(payload).await?;
    let limits = &state.settings.agency;
    let max = request.max.unwrap_or(10);
    if !(1..=limits.max_cases_per_lease).contains(&max) {
        return Err(AgencyError::Invalid(format!(
            "max must be between 1 and {}",
            limits.max_cases_per_lease
        )));
    }
    let lease_seconds = request.lease_seconds.unwrap_or(300);
    if !(1..=limits.max_lease_seconds).contains(&lease_seconds) {
        return Err(AgencyError::Invalid(format!(
            "lease_seconds must be between 1 and {}",
            limits.max_lease_seconds
        )));
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
                .decrypt_string(&case_context(&c.id), &c.body)
                .map_err(|_| AgencyError::Corrupt)?;
            Ok(CaseView {
                body,
                category: c.category,
                received_on: c.received_on,
                lease_expires_at: rfc3339(c.lease_expires_at),
                id: c.id,
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
) -> Result<HttpResponse, AgencyError> {
    match state
        .store
        .ack_case(&caller.agency_id, &path, store::now())
        .await?
    {
        AckOutcome::Acknowledged | AckOutcome::AlreadyAcknowledged => Ok(HttpResponse::Ok()
            .json(serde_json::json!({ "id": path.as_str(), "state": "acknowledged" }))),
        AckOutcome::NotLeased => Err(AgencyError::NotLeased),
        AckOutcome::NotFound => Err(AgencyError::NotFound),
    }
}
