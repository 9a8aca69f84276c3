//! Liveness and readiness. `/healthz` says the process serves (a probe that restarts it
//! should not fire because the database is away: a restart would not bring it back).
//! `/readyz` says this replica can take a tip now: the database takes writes (a
//! read-only replica after a failover, or a missing schema, does not) and the redaction
//! worker has reported lately (`worker::Heartbeat`), so a load balancer sends
//! reporters only where their tips will be stored and drafted.

use crate::http::error::{ApiError, Problem};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};

#[derive(Debug, thiserror::Error)]
#[error("not ready: the redaction worker has not reported for {silent} seconds")]
pub struct WorkerStuck {
    silent: i64,
}

impl Problem for WorkerStuck {
    fn status(&self) -> StatusCode {
        StatusCode::SERVICE_UNAVAILABLE
    }
}

/// Liveness: the process answers.
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({ "status": "ok" }))
}

/// Readiness: the database takes writes and the worker is alive.
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    state.store.ready().await?;
    if let Some(silent) = state.worker_heartbeat.silent_for(crate::store::now()) {
        return Err(WorkerStuck { silent }.into());
    }
    Ok(HttpResponse::Ok().json(serde_json::json!({ "status": "ready" })))
}
