//! Signing in: password (argon2id), then TOTP once enrolled, with per-account
//! throttling. `review.max_failed_logins` failures in a row lock the account for
//! `review.lockout_minutes`; while locked, the password is not even checked, so the
//! answer cannot reveal whether it was right. The counters live in the database, so
//! every replica agrees, and an attempt is counted before it is checked, so a burst of
//! parallel attempts gets no more checks than a sequence would.
//!
//! A username that names nobody is throttled the same way (in memory), so neither the
//! answers nor the lockout tell which usernames exist.

use super::totp;
use crate::crypto::{password, token};
use crate::domain::Context;
use crate::domain::Username;
use crate::http::error::Problem;
use crate::state::AppState;
use crate::store::handlers::{FailureOutcome, HandlerRecord};
use crate::store::{self, StoreError};
use actix_web::http::StatusCode;
use actix_web::web;
use std::collections::HashMap;
use std::sync::Mutex;

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

/// Attempt counts for usernames that name nobody, kept like an account's so that they
/// answer alike. In memory only: it is mimicry, and nothing is there to protect.
#[derive(Default)]
pub struct UnknownAccounts(Mutex<HashMap<[u8; 32], (i64, i64)>>);

/// Past this many names, the map starts again (a flood of names cannot grow memory).
const MAX_UNKNOWN: usize = 10_000;

impl UnknownAccounts {
    /// The same rule as `Store::reserve_sign_in_attempt`.
    fn reserve(&self, username: &str, now: i64, max: u32, until: i64) -> Option<i64> {
        let key = ring::digest::digest(&ring::digest::SHA256, username.as_bytes());
        let key: [u8; 32] = key.as_ref().try_into().expect("SHA-256 is 32 bytes");
        let mut map = self.0.lock().expect("unknown accounts lock");
        if map.len() >= MAX_UNKNOWN && !map.contains_key(&key) {
            map.clear();
        }
        let (count, locked_until) = map.entry(key).or_insert((0, 0));
        if *locked_until > now {
            return None;
        }
        *count = if *locked_until != 0 { 1 } else { *count + 1 };
        *locked_until = if *count >= i64::from(max) { until } else { 0 };
        Some(*count)
    }
}

/// Checks the credentials and opens a session: the handler and the session secret
/// (the cookie value; only its hash is stored).
pub async fn sign_in(
    state: &AppState,
    unknown: &UnknownAccounts,
    username: &str,
    password_given: String,
    code: &str,
) -> Result<(HandlerRecord, String), SignInError> {
    let now = store::now();
    let settings = &state.settings.review;
    let max = settings.max_failed_logins;
    let until = now + i64::from(settings.lockout_minutes) * 60;
    // A name that cannot be a username (a NUL byte, a whole sentence) reaches no query.
    let handler = match Username::parse(username) {
        Ok(name) => state.store.handler_by_username(name.as_str()).await?,
        Err(_) => None,
    };
    let attempt = match &handler {
        Some(h) => {
            state
                .store
                .reserve_sign_in_attempt(h.id, now, max, until)
                .await?
        }
        None => unknown.reserve(username, now, max, until),
    };
    let Some(attempt) = attempt else {
        return Err(SignInError::Throttled);
    };
    let stored = handler.as_ref().map(|h| h.password_hash.clone());
    // argon2 is deliberately slow: keep it off the async workers.
    let valid = web::block(move || password::verify(&password_given, stored.as_deref()))
        .await
        .unwrap_or(false);
    let failed = |outcome| match outcome {
        FailureOutcome::Locked => SignInError::Throttled,
        FailureOutcome::Counted => SignInError::Invalid,
    };
    let Some(handler) = handler else {
        return Err(failed(if attempt >= i64::from(max) {
            FailureOutcome::Locked
        } else {
            FailureOutcome::Counted
        }));
    };
    if !valid || !totp_ok(state, &handler, code, now).await? {
        return Err(failed(
            state
                .store
                .sign_in_failed(&handler.actor(), now, attempt, max, until)
                .await?,
        ));
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
