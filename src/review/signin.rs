//! Signing in: password (argon2id), then a TOTP code (or a recovery code, each good
//! once) once enrolled; an authenticator is required by default, so the API takes no
//! account without one and the console's sign-in leads it only to setting one up; with per-account
//! throttling that slows rather than shuts out. After `review.max_failed_logins`
//! failures in a row, each attempt must wait, since the one before, twice as long as
//! the last wait (from `review.sign_in_wait_seconds` up to
//! `review.sign_in_wait_max_minutes`); an attempt made too early is refused without
//! checking anything, so its answer cannot reveal the password, and once the wait has
//! passed the account's owner gets in. The counts live in the database, so every
//! replica agrees, and an attempt is counted before it is checked, so a burst of
//! parallel attempts gets no more checks than a sequence would.
//!
//! A username that cannot be one (a NUL byte, a sentence) is refused at once with 400,
//! nothing counted or stored. A well-formed one that names nobody takes the same path
//! as a real one: counted by the same rule (under a keyed hash of the name), verified
//! against a dummy argon2 hash, audited as a failure, and answered with the same bytes,
//! so neither answers nor timing tell which usernames exist.
//!
//! A successful sign-in gives the browser a device cookie (a random secret; only its
//! keyed hash is stored). An attempt that brings the account's own device cookie is
//! counted under that device, apart from everyone else's, so a stranger who keeps the
//! account waiting (trying again the second each wait ends) does not slow its owner's
//! browser; a stolen or guessed cookie gets the same waits after its own free failures.
//! A cookie that is no device of the account (unknown, forged, another handler's) is
//! as good as none. Whenever a cookie comes, it is looked up, whatever the username,
//! so it costs a name that names nobody the same work.

use super::{recovery, totp};
use crate::config::ReviewSettings;
use crate::crypto::{password, token};
use crate::domain::Username;
use crate::domain::{Actor, Context};
use crate::http::error::Problem;
use crate::state::AppState;
use crate::store::credentials::{Account, Attempt, DeviceChange, Throttle};
use crate::store::handlers::HandlerRecord;
use crate::store::{self, StoreError};
use actix_web::http::{header, StatusCode};
use actix_web::web;

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// One message for a wrong username, password or TOTP code alike (the wording
    /// predates TOTP and tools match on it).
    #[error("invalid username or password")]
    Invalid,
    /// Not a username at all (a NUL byte, a sentence): refused before anything is
    /// counted or checked. Whether a name is well formed is no secret.
    #[error("{0}")]
    BadUsername(&'static str),
    /// Failed sign-ins make the next attempt wait `retry_after` seconds (the answer to
    /// the failure that set the wait, and to any attempt before it has passed, which is
    /// not checked). The wait is in `Retry-After` only, so the body is the same whenever
    /// it is said.
    #[error("too many failed sign-ins: wait before trying again (each failure doubles the wait, up to {longest_minutes} minutes)")]
    TooEarly {
        retry_after: i64,
        longest_minutes: u32,
    },
    /// The right password for an account with no authenticator, where one is required:
    /// only the console's sign-in, which leads to setting one up, takes it.
    #[error("this account has no authenticator (TOTP) yet, and one is required: sign in at /console/login to set it up")]
    EnrolFirst,
    /// The password alone, too long after the account opened for enrolment.
    #[error("this account has had no authenticator (TOTP) set up in time, so its password alone no longer signs in: ask an administrator to reset the password")]
    EnrolExpired,
    #[error("stored sign-in data could not be opened")]
    Corrupt,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Problem for SignInError {
    fn status(&self) -> StatusCode {
        match self {
            SignInError::Invalid => StatusCode::UNAUTHORIZED,
            SignInError::BadUsername(_) => StatusCode::BAD_REQUEST,
            SignInError::TooEarly { .. } => StatusCode::TOO_MANY_REQUESTS,
            SignInError::EnrolFirst | SignInError::EnrolExpired => StatusCode::FORBIDDEN,
            SignInError::Corrupt => StatusCode::INTERNAL_SERVER_ERROR,
            SignInError::Store(e) => e.status(),
        }
    }

    fn header(&self) -> Option<(header::HeaderName, header::HeaderValue)> {
        match self {
            SignInError::TooEarly { retry_after, .. } => {
                Some((header::RETRY_AFTER, header::HeaderValue::from(*retry_after)))
            }
            _ => None,
        }
    }
}

/// The throttle the settings describe.
pub fn throttle(settings: &ReviewSettings) -> Throttle {
    Throttle {
        free_failures: settings.max_failed_logins,
        first_wait: i64::from(settings.sign_in_wait_seconds),
        longest_wait: i64::from(settings.sign_in_wait_max_minutes) * 60,
    }
}

/// A counted attempt: its number since the last success, and the wait its failure sets.
pub struct Counted {
    number: i64,
    wait: i64,
}

/// Counts an attempt on `account`; `Err(TooEarly)` when it must wait.
pub async fn reserve(
    state: &AppState,
    account: Account<'_>,
    now: i64,
) -> Result<Counted, SignInError> {
    match state
        .store
        .reserve_sign_in_attempt(account, throttle(&state.settings.review), now)
        .await?
    {
        Attempt::Counted { number, wait } => Ok(Counted { number, wait }),
        Attempt::TooEarly { not_before } => Err(too_early(state, not_before - now)),
    }
}

/// Audits a failed attempt; the answer to it: invalid, or wait when it set a wait.
pub async fn failed(
    state: &AppState,
    handler: Option<&Actor>,
    attempt: Counted,
    now: i64,
) -> SignInError {
    match state
        .store
        .sign_in_failed(handler, now, attempt.number, attempt.wait)
        .await
    {
        Err(e) => e.into(),
        Ok(()) if attempt.wait > 0 => too_early(state, attempt.wait),
        Ok(()) => SignInError::Invalid,
    }
}

fn too_early(state: &AppState, retry_after: i64) -> SignInError {
    SignInError::TooEarly {
        retry_after,
        longest_minutes: state.settings.review.sign_in_wait_max_minutes,
    }
}

/// What a successful sign-in gives the browser: the session secret and a new device
/// cookie (only their hashes are stored).
pub struct SignedIn {
    pub handler: HandlerRecord,
    pub session: String,
    pub device: String,
}

/// The keyed hash a device cookie is stored under.
fn hash_device(state: &AppState, cookie: &str) -> String {
    state.keys.data.lookup_hash("sign-in-device", cookie)
}

/// Where a sign-in comes from: the console's form, which may open a session for an
/// account still to set up its authenticator (it leads only to doing so), or the API,
/// which may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Console,
    Api,
}

/// Checks the credentials and opens a session. `code` is a TOTP code, or one of the
/// handler's recovery codes (each good once); `device` is the browser's device cookie,
/// if it sent one.
pub async fn sign_in(
    state: &AppState,
    username: &str,
    password_given: String,
    code: &str,
    device: Option<&str>,
    via: Via,
) -> Result<SignedIn, SignInError> {
    let now = store::now();
    let name = Username::parse(username).map_err(SignInError::BadUsername)?;
    let handler = state.store.handler_by_username(name.as_str()).await?;
    // Made for every name, so that a known one does the same work as an unknown one.
    let name_hash = state.keys.data.lookup_hash("sign-in-name", name.as_str());
    let device_hash = device.map(|cookie| hash_device(state, cookie));
    let holder = match &device_hash {
        Some(hash) => state.store.device_holder(hash).await?,
        None => None,
    };
    let own_device = match (&handler, &device_hash) {
        (Some(h), Some(hash)) if holder == Some(h.id) => Some(hash.as_str()),
        _ => None,
    };
    let account = match (&handler, own_device) {
        (Some(_), Some(hash)) => Account::Device(hash),
        (Some(h), None) => Account::Handler(h.id),
        (None, _) => Account::Unknown(&name_hash),
    };
    let attempt = reserve(state, account, now).await?;
    let stored = handler.as_ref().map(|h| h.password_hash.clone());
    // argon2 is deliberately slow: keep it off the async workers.
    let valid = web::block(move || password::verify(&password_given, stored.as_deref()))
        .await
        .unwrap_or(false);
    let (handler, second) = match handler {
        Some(h) if valid => match second_factor(state, &h, code, now).await? {
            Some(second) => (h, second),
            None => return Err(failed(state, Some(&h.actor()), attempt, now).await),
        },
        other => {
            let who = other.map(|h| h.actor());
            return Err(failed(state, who.as_ref(), attempt, now).await);
        }
    };
    let enrol_until =
        handler.enrol_opened_at + 3600 * i64::from(state.settings.review.enrol_within_hours);
    if second == Second::None && now > enrol_until && state.store.totp_required().await? {
        state
            .store
            .audit(&crate::store::audit::AuditEntry::new(
                now,
                handler.actor().audit_name(),
                crate::domain::AuditAction::LoginFailed,
                None,
                "no authenticator set up in time: the password alone no longer signs in",
            ))
            .await?;
        return Err(SignInError::EnrolExpired);
    }
    if second == Second::None && via == Via::Api && state.store.totp_required().await? {
        state
            .store
            .audit(&crate::store::audit::AuditEntry::new(
                now,
                handler.actor().audit_name(),
                crate::domain::AuditAction::LoginFailed,
                None,
                "no authenticator set up, and one is required",
            ))
            .await?;
        return Err(SignInError::EnrolFirst);
    }
    let session = token::generate("tls_");
    let new_device = token::generate("tld_");
    let issued = hash_device(state, &new_device.secret);
    let idle = i64::from(state.settings.review.session_idle_minutes) * 60;
    let change = DeviceChange {
        used: own_device,
        issued: &issued,
    };
    let detail = match second {
        Second::Recovery { left } => format!("with a recovery code; {left} left"),
        Second::None => "no authenticator yet".to_owned(),
        Second::Totp => String::new(),
    };
    state
        .store
        .signed_in(
            &handler.actor(),
            &session.hash,
            change,
            now,
            now - idle,
            &detail,
        )
        .await?;
    Ok(SignedIn {
        handler,
        session: session.secret,
        device: new_device.secret,
    })
}

/// What stood beside the password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Second {
    /// Nothing: the handler has no authenticator yet.
    None,
    Totp,
    /// One of the handler's recovery codes, now spent.
    Recovery {
        left: i64,
    },
}

/// The second factor `code` gives, if any holds: nothing needed (no TOTP yet), a TOTP
/// code good now whose time step was not used before, or an unused recovery code.
async fn second_factor(
    state: &AppState,
    handler: &HandlerRecord,
    code: &str,
    now: i64,
) -> Result<Option<Second>, SignInError> {
    let Some(sealed) = &handler.totp_secret else {
        return Ok(Some(Second::None));
    };
    if let Some(hashes) = recovery::hashes(&state.keys.data, code) {
        return Ok(state
            .store
            .use_recovery_code(handler.id, &hashes, now)
            .await?
            .map(|left| Second::Recovery { left }));
    }
    let secret = state
        .keys
        .data
        .decrypt(Context::TotpSecret(handler.id), sealed)
        .map_err(|_| SignInError::Corrupt)?;
    Ok(match totp::check(&secret, code, now) {
        Some(step) => state
            .store
            .use_totp_step(handler.id, step)
            .await?
            .then_some(Second::Totp),
        None => None,
    })
}
