//! The JSON intake API: the intake key, proof-of-work challenges, and tips.

use super::page::rate_limit;
use super::pow::{self, PowError};
use super::rate_limit::Limited;
use super::submit::{accept, Submission, SubmitError};
use crate::crypto::sealing::{Envelope, SUITE};
use crate::http::{json_error, read_body, BodyError};
use crate::startup::AppState;
use crate::store;
use crate::tip::RawTip;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse, ResponseError};
use serde::Deserialize;

#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    #[error(transparent)]
    Body(#[from] BodyError),
    #[error("{0}")]
    Shape(String),
    #[error(transparent)]
    Submit(#[from] SubmitError),
    #[error(transparent)]
    Pow(#[from] PowError),
    #[error(transparent)]
    Limited(#[from] Limited),
}

impl ResponseError for IntakeError {
    fn status_code(&self) -> StatusCode {
        match self {
            IntakeError::Body(e) => e.status(),
            IntakeError::Submit(SubmitError::Store(_)) => StatusCode::SERVICE_UNAVAILABLE,
            IntakeError::Limited(_) => StatusCode::TOO_MANY_REQUESTS,
            _ => StatusCode::BAD_REQUEST,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            IntakeError::Submit(SubmitError::Store(e)) => {
                tracing::error!(error = %e, "tip could not be stored");
                json_error(
                    self.status_code(),
                    "the tip could not be stored; nothing was kept, please try again",
                )
            }
            IntakeError::Limited(limited) => {
                let mut response = json_error(self.status_code(), self.to_string());
                response.headers_mut().insert(
                    header::RETRY_AFTER,
                    header::HeaderValue::from(limited.retry_after_secs),
                );
                response
            }
            _ => json_error(self.status_code(), self.to_string()),
        }
    }
}

pub async fn intake_key(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({
        "key_id": state.keys.intake.current_id(),
        "suite": SUITE,
        "public_key": state.keys.intake.current_public_key(),
    }))
}

/// A proof-of-work challenge; `required` is false when the service asks for none.
pub async fn pow_challenge(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().json(state.intake.pow.issue(store::now()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlainTip {
    category: String,
    body: String,
    location: Option<String>,
    pow: Option<pow::Answer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SealedTip {
    sealed: Envelope,
    pow: Option<pow::Answer>,
}

pub async fn submit_tip(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, IntakeError> {
    rate_limit(&state, &req)?;
    let body = read_body(payload).await?;
    let value: serde_json::Value =
        serde_json::from_slice(&body).map_err(|e| BodyError::Malformed(e.to_string()))?;
    if !value.is_object() {
        return Err(IntakeError::Shape(
            "tip: expected a JSON object with `category` and `body`, or with `sealed`".into(),
        ));
    }
    let submission = if value.get("sealed").is_some() {
        let sealed: SealedTip = serde_json::from_value(value)
            .map_err(|e| IntakeError::Shape(format!("sealed tip: {e}")))?;
        // Checked before the envelope is opened: the work is what makes a flood costly.
        state.intake.pow.verify(sealed.pow.as_ref(), store::now())?;
        Submission::Sealed(sealed.sealed)
    } else {
        let plain: PlainTip =
            serde_json::from_value(value).map_err(|e| IntakeError::Shape(format!("tip: {e}")))?;
        state.intake.pow.verify(plain.pow.as_ref(), store::now())?;
        Submission::Plain(
            RawTip::parse(&plain.category, &plain.body, plain.location.as_deref())
                .map_err(SubmitError::from)?,
        )
    };
    let receipt = accept(&state, submission).await?;
    Ok(HttpResponse::Created().json(serde_json::json!({ "receipt": receipt.to_string() })))
}
