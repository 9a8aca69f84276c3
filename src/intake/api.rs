//! The JSON intake API: the intake key, proof-of-work challenges, and tips.

use super::page::{rate_limit, MAX_SUBMISSION_BYTES};
use super::pow::{self, PowError};
use super::rate_limit::Limited;
use super::submit::{accept, Origin, Submission, SubmitError};
use super::AntiAbuse;
use crate::crypto::sealing::{Envelope, SUITE};
use crate::domain::{Channel, RawTip, Region, TipError};
use crate::http::error::{ApiError, Problem};
use crate::http::{read_json_up_to, BodyError};
use crate::state::AppState;
use crate::store;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
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

impl Problem for IntakeError {
    fn status(&self) -> StatusCode {
        match self {
            IntakeError::Body(e) => e.status(),
            IntakeError::Submit(SubmitError::Store(e)) => e.status(),
            IntakeError::Limited(_) => StatusCode::TOO_MANY_REQUESTS,
            _ => StatusCode::BAD_REQUEST,
        }
    }

    fn message(&self) -> String {
        match self {
            IntakeError::Submit(SubmitError::Store(_)) => {
                "the tip could not be stored; nothing was kept, please try again".to_owned()
            }
            _ => self.to_string(),
        }
    }

    fn header(&self) -> Option<(header::HeaderName, header::HeaderValue)> {
        match self {
            IntakeError::Limited(limited) => limited.header(),
            _ => None,
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
pub async fn pow_challenge(abuse: web::Data<AntiAbuse>) -> HttpResponse {
    HttpResponse::Ok().json(abuse.pow.issue(store::now()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlainSubmission {
    category: String,
    body: String,
    location: Option<String>,
    region: Option<String>,
    pow: Option<pow::Answer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SealedSubmission {
    sealed: Envelope,
    pow: Option<pow::Answer>,
}

pub async fn submit_tip(
    state: web::Data<AppState>,
    abuse: web::Data<AntiAbuse>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    rate_limit(&abuse, &req).map_err(IntakeError::from)?;
    let value: serde_json::Value = read_json_up_to(&req, payload, MAX_SUBMISSION_BYTES).await?;
    if !value.is_object() {
        return Err(IntakeError::Shape(
            "tip: expected a JSON object with `category` and `body`, or with `sealed`".into(),
        )
        .into());
    }
    let (submission, challenge) = if value.get("sealed").is_some() {
        let sealed: SealedSubmission = serde_json::from_value(value)
            .map_err(|e| IntakeError::Shape(format!("sealed tip: {e}")))?;
        // Checked before the envelope is opened: the work is what makes a flood costly.
        let challenge = abuse
            .pow
            .verify(&state.store, sealed.pow.as_ref(), store::now())
            .await
            .map_err(|e| IntakeError::from(SubmitError::from(e)))?
            .map_err(IntakeError::from)?;
        (Submission::Sealed(sealed.sealed), challenge)
    } else {
        let plain: PlainSubmission =
            serde_json::from_value(value).map_err(|e| IntakeError::Shape(format!("tip: {e}")))?;
        let challenge = abuse
            .pow
            .verify(&state.store, plain.pow.as_ref(), store::now())
            .await
            .map_err(|e| IntakeError::from(SubmitError::from(e)))?
            .map_err(IntakeError::from)?;
        let invalid = |e: TipError| IntakeError::from(SubmitError::from(e));
        let region =
            Region::parse_input(plain.region.as_deref()).map_err(|e| invalid(TipError::from(e)))?;
        let tip = RawTip::parse(&plain.category, &plain.body, plain.location.as_deref())
            .map_err(invalid)?
            .in_region(region);
        (Submission::Plain(tip), challenge)
    };
    let key =
        match req.headers().get("idempotency-key") {
            None => None,
            Some(value) => Some(value.to_str().map_err(|_| {
                IntakeError::Shape("Idempotency-Key: expected printable ASCII".into())
            })?),
        };
    let receipt = accept(
        &state,
        submission,
        key,
        Origin::reporter(Channel::Api, challenge),
    )
    .await
    .map_err(IntakeError::from)?;
    Ok(HttpResponse::Created().json(serde_json::json!({ "receipt": receipt.to_string() })))
}
