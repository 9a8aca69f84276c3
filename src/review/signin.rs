//! Signing in: password (argon2id), then TOTP once enrolled, with per-account
//! throttling. `review.max_failed_logins` failures in a row lock the account for
//! `review.lockout_minutes`; while locked, the password is not even checked, so the
//! answer cannot reveal whether it was right. The counters live in the database, so
//! every replica agrees.

use super::totp;
use crate::crypto::{password, token};
use crate::domain::Context;
use crate::http::error::Problem;
use crate::state::AppState;
use crate::store::handlers::{FailureOutcome, HandlerRecord};
use crate::store::{self, StoreError};
use actix_web::http::StatusCode;
use actix_web::web;

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// One message for a wrong username, password or TOTP code alike (the wording
    /// predates TOTP and tools match on it).
    #[error("invalid username or password")]
    Invalid,
    #[error("too many failed sign-ins: this account is locked for a while; try again later or ask an administrator")]
    Throttled,
    #[error("stored sign-in data could not be opened")]
    Corrupt,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Problem for SignInError {
    fn status(&self) -> StatusCode {
        match self {
            SignInError::Invalid => StatusCode::UNAUTHORIZED,
            SignInError::Throttled => StatusCode::TOO_MANY_REQUESTS,
            SignInError::Corrupt => StatusCode::INTERNAL_SERVER_ERROR,
            SignInError::Store(e) => e.status(),
        }
    }
}

/// Checks the credentials and opens a session: the handler and the session secret
/// (the cookie value; only its hash is stored).
pub async fn sign_in(
    state: &AppState,
    username: &str,
    password_given: String,
    code: &str,
) -> Result<(HandlerRecord, String), SignInError> {
    let handler = state.store.handler_by_username(username).await?;
    let now = store::now();
    if handler
        .as_ref()
        .and_then(|h| h.locked_until)
        .is_some_and(|until| until > now)
    {
        return Err(SignInError::Throttled);
    }
    let stored = handler.as_ref().map(|h| h.password_hash.clone());
    // argon2 is deliberately slow: keep it off the async workers.
    let valid = web::block(move || password::verify(&password_given, stored.as_deref()))
        .await
        .unwrap_or(false);
    let Some(handler) = handler else {
        return Err(SignInError::Invalid);
    };
    if !valid || !totp_ok(state, &handler, code, now).await? {
        let settings = &state.settings.review;
        let until = now + i64::from(settings.lockout_minutes) * 60;
        return Err(
            match state
                .store
                .sign_in_failed(&handler.actor(), now, settings.max_failed_logins, until)
                .await?
            {
                FailureOutcome::Locked => SignInError::Throttled,
                FailureOutcome::Counted => SignInError::Invalid,
            },
        );
    }
    let session = token::generate("tls_");
    let idle = i64::from(state.settings.review.session_idle_minutes) * 60;
    state
        .store
        .signed_in(&handler.actor(), &session.hash, now, now - idle)
        .await?;
    Ok((handler, session.secret))
}

/// True when the handler has no TOTP yet, or `code` is good now and its time step was
/// not used before (a code is good once).
async fn totp_ok(
    state: &AppState,
    handler: &HandlerRecord,
    code: &str,
    now: i64,
) -> Result<bool, SignInError> {
    let Some(sealed) = &handler.totp_secret else {
        return Ok(true);
    };
    let secret = state
        .keys
        .data
        .decrypt(Context::TotpSecret(handler.id), sealed)
        .map_err(|_| SignInError::Corrupt)?;
    Ok(match totp::check(&secret, code, now) {
        Some(step) => state.store.use_totp_step(handler.id, step).await?,
        None => false,
    })
}
