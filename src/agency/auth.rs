//! Agency credentials: `Authorization: Bearer <token>` (stored as a hash, looked up on
//! every request, so a revoked token stops at once), or a client certificate from the
//! CA in `agency.client_ca`, mapped to its agency by its key's fingerprint in
//! `routing.toml`. An agency with `require_client_certificate` is refused on a token
//! alone. The handshake asks every client for a certificate but requires none, so
//! reporters and handlers are never asked for one; only these routes look at it.

use crate::crypto::{sha256_hex, token};
use crate::http::error::{ApiError, Problem};
use crate::state::AppState;
use crate::store::{self, StoreError};
use actix_web::dev::Payload;
use actix_web::http::{header, StatusCode};
use actix_web::{web, FromRequest, HttpRequest};
use std::future::Future;
use std::pin::Pin;

/// Prefix of agency tokens, so a leaked one is recognisable (e.g. by secret scanners).
pub const TOKEN_PREFIX: &str = "tla_";

/// The longest token name.
pub const MAX_TOKEN_NAME_CHARS: usize = 60;

/// A token's name: printable, at most `MAX_TOKEN_NAME_CHARS`.
pub fn check_token_name(name: &str) -> Result<&str, String> {
    let name = name.trim();
    if name.chars().count() > MAX_TOKEN_NAME_CHARS || name.chars().any(char::is_control) {
        return Err(format!(
            "name: at most {MAX_TOKEN_NAME_CHARS} characters, no control characters"
        ));
    }
    Ok(name)
}

#[derive(Debug, thiserror::Error)]
pub enum AgencyAuthError {
    #[error("send an agency token as `Authorization: Bearer <token>`, or connect with the agency's client certificate")]
    Missing,
    #[error("the agency token is not valid")]
    Invalid,
    #[error("the client certificate is not registered to any agency")]
    UnknownCertificate,
    #[error("agency `{0}` must connect with its client certificate (mutual TLS); a token alone is refused")]
    CertificateRequired(String),
    #[error("the token and the client certificate belong to different agencies")]
    Mismatch,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Problem for AgencyAuthError {
    fn status(&self) -> StatusCode {
        match self {
            AgencyAuthError::Store(e) => e.status(),
            _ => StatusCode::UNAUTHORIZED,
        }
    }

    fn header(&self) -> Option<(header::HeaderName, header::HeaderValue)> {
        (!matches!(self, AgencyAuthError::Store(_))).then(|| {
            (
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer realm=\"tipline-agency\""),
            )
        })
    }
}

/// The client certificate a connection presented, verified in the handshake against
/// `agency.client_ca`: the SHA-256 (hex) of its SubjectPublicKeyInfo. Put in the
/// connection's data by `startup`; only this module reads it.
#[derive(Debug, Clone)]
pub struct ClientCertificate {
    pub spki_sha256: String,
}

impl ClientCertificate {
    /// From the end-entity certificate rustls verified.
    pub fn from_der(der: &rustls_pki_types::CertificateDer<'_>) -> Option<ClientCertificate> {
        let cert = webpki::EndEntityCert::try_from(der).ok()?;
        Some(ClientCertificate {
            spki_sha256: sha256_hex(cert.subject_public_key_info().as_ref()),
        })
    }
}

/// The agency a request is authenticated as, and by which credential: a lease is held
/// by the credential that took it (a token's hash, or `spki:` and the certificate key's
/// fingerprint).
#[derive(Debug, Clone)]
pub struct AgencyCaller {
    pub agency_id: String,
    pub holder: String,
}

impl FromRequest for AgencyCaller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let certificate = req.conn_data::<ClientCertificate>().cloned();
        let bearer = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|t| t.trim().to_owned());
        Box::pin(async move {
            let Some(state) = state else {
                return Err(AgencyAuthError::Missing.into());
            };
            Ok(authenticate(&state, certificate, bearer).await?)
        })
    }
}

async fn authenticate(
    state: &AppState,
    certificate: Option<ClientCertificate>,
    bearer: Option<String>,
) -> Result<AgencyCaller, AgencyAuthError> {
    let by_token = match &bearer {
        Some(bearer) => {
            let hash = token::hash(bearer);
            let agency = state
                .store
                .agency_for_token(&hash, &store::today())
                .await?
                .ok_or(AgencyAuthError::Invalid)?;
            Some((agency, hash))
        }
        None => None,
    };
    match (certificate, by_token) {
        (Some(certificate), by_token) => {
            let agency = state
                .routing
                .agency_for_certificate(&certificate.spki_sha256)
                .ok_or(AgencyAuthError::UnknownCertificate)?;
            if by_token.is_some_and(|(id, _)| id != agency.id) {
                return Err(AgencyAuthError::Mismatch);
            }
            Ok(AgencyCaller {
                agency_id: agency.id.clone(),
                holder: format!("spki:{}", certificate.spki_sha256),
            })
        }
        (None, Some((agency_id, hash))) => {
            if state
                .routing
                .agency(&agency_id)
                .is_some_and(|a| a.require_client_certificate)
            {
                return Err(AgencyAuthError::CertificateRequired(agency_id));
            }
            Ok(AgencyCaller {
                agency_id,
                holder: hash,
            })
        }
        (None, None) => Err(AgencyAuthError::Missing),
    }
}
