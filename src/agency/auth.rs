//! Agency credentials: `Authorization: Bearer <token>`, the token stored as a hash.

use crate::crypto::token;
use crate::http::error::{ApiError, Problem};
use crate::state::AppState;
use crate::store::StoreError;
use actix_web::dev::Payload;
use actix_web::http::{header, StatusCode};
use actix_web::{web, FromRequest, HttpRequest};
use std::future::Future;
use std::pin::Pin;

/// Prefix of agency tokens, so a leaked one is recognisable (e.g. by secret scanners).
pub const TOKEN_PREFIX: &str = "tla_";

#[derive(Debug, thiserror::Error)]
pub enum AgencyAuthError {
    #[error("send an agency token as `Authorization: Bearer <token>`")]
    Missing,
    #[error("the agency token is not valid")]
    Invalid,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Problem for AgencyAuthError {
    fn status(&self) -> StatusCode {
        match self {
            AgencyAuthError::Missing | AgencyAuthError::Invalid => StatusCode::UNAUTHORIZED,
            AgencyAuthError::Store(e) => e.status(),
        }
    }

    fn header(&self) -> Option<(header::HeaderName, header::HeaderValue)> {
        matches!(self, AgencyAuthError::Missing | AgencyAuthError::Invalid).then(|| {
            (
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer realm=\"tipline-agency\""),
            )
        })
    }
}

/// The agency a request is authenticated as, and by which token (its hash): a lease is
/// held by the token that took it.
#[derive(Debug, Clone)]
pub struct AgencyCaller {
    pub agency_id: String,
    pub token_hash: String,
}

impl FromRequest for AgencyCaller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let bearer = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|t| t.trim().to_owned());
        Box::pin(async move {
            let (Some(state), Some(bearer)) = (state, bearer) else {
                return Err(AgencyAuthError::Missing.into());
            };
            let token_hash = token::hash(&bearer);
            state
                .store
                .agency_for_token(&token_hash)
                .await?
                .map(|agency_id| AgencyCaller {
                    agency_id,
                    token_hash,
                })
                .ok_or_else(|| AgencyAuthError::Invalid.into())
        })
    }
}
