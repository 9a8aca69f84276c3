//! The handler's own account: password change and TOTP enrolment. Reachable with a
//! session alone, so that a handler whom the administrator requires to enrol can.

use super::Nav;
use crate::crypto::{password, token};
use crate::domain::Context;
use crate::http::error::{ApiError, BadField, PageError};
use crate::review::auth::{AuthError, Session};
use crate::review::csrf::Posted;
use crate::review::signin;
use crate::review::totp::{self, Enrolment};
use crate::state::AppState;
use crate::store;
use crate::store::credentials::Account;
use crate::web::see_other;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

/// As `tipline handler add` requires.
const MIN_PASSWORD_CHARS: usize = 12;

#[derive(Template)]
#[template(path = "console/account.html")]
struct AccountPage {
    nav: Nav,
    enrolled: bool,
    required: bool,
    enrolment: Option<Enrolment>,
    error: Option<String>,
    notice: Option<&'static str>,
}

#[derive(serde::Deserialize)]
pub struct Notice {
    #[serde(default)]
    done: String,
}

async fn render(
    state: &AppState,
    who: &Session,
    status: StatusCode,
    error: Option<String>,
    notice: Option<&'static str>,
) -> Result<HttpResponse, PageError> {
    let handler = &who.handler;
    let enrolment = match (&handler.totp_secret, &handler.totp_pending) {
        (None, Some(sealed)) => {
            let secret = state
                .keys
                .data
                .decrypt(Context::TotpPending(handler.id), sealed)
                .map_err(|_| crate::review::service::ReviewError::Corrupt)?;
            Some(totp::enrolment(&secret, &handler.username))
        }
        _ => None,
    };
    Ok(crate::web::render(
        status,
        &AccountPage {
            nav: Nav::new(state, who),
            enrolled: handler.totp_enrolled(),
            required: state.store.totp_required().await?,
            enrolment,
            error,
            notice,
        },
    ))
}

pub async fn page(
    state: web::Data<AppState>,
    who: Result<Session, ApiError>,
    notice: web::Query<Notice>,
) -> Result<HttpResponse, PageError> {
    let notice = match notice.done.as_str() {
        "password" => Some("Your password was changed; your other sessions were signed out."),
        "totp" => Some("Your authenticator is set up: you will need a code from it to sign in."),
        _ => None,
    };
    render(&state, &who?, StatusCode::OK, None, notice).await
}

pub async fn change_password(
    state: web::Data<AppState>,
    posted: Result<Posted<Session>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let Posted { who, form } = posted?;
    let new = form.get("new").to_owned();
    let problem = if new.contains('\0') {
        Some("the new password must not contain a NUL character".to_owned())
    } else if new.chars().count() < MIN_PASSWORD_CHARS {
        Some(format!(
            "the new password must be at least {MIN_PASSWORD_CHARS} characters"
        ))
    } else if new != form.get("confirm") {
        Some("the new password and its confirmation differ".to_owned())
    } else {
        None
    };
    if let Some(problem) = problem {
        return render(&state, &who, StatusCode::BAD_REQUEST, Some(problem), None).await;
    }
    // A wrong current password counts as a failed sign-in, so a borrowed session cannot
    // be used to guess the password either; counted before it is checked, as a sign-in
    // is, so parallel guesses get no more checks.
    let now = store::now();
    let attempt = signin::reserve(&state, Account::Handler(who.handler.id), now)
        .await
        .map_err(AuthError::from)?;
    let current = form.get("current").to_owned();
    let stored = who.handler.password_hash.clone();
    let hashed =
        web::block(move || password::verify(&current, Some(&stored)).then(|| password::hash(&new)))
            .await
            .ok()
            .flatten();
    let Some(hash) = hashed else {
        let error = signin::failed(&state, Some(&who.actor()), attempt, now).await;
        if !matches!(error, signin::SignInError::Invalid) {
            return Err(AuthError::from(error).into());
        }
        let problem = "the current password is wrong".to_owned();
        return render(&state, &who, StatusCode::BAD_REQUEST, Some(problem), None).await;
    };
    state
        .store
        .change_password(&who.actor(), &hash, &token::hash(who.secret()), now)
        .await?;
    Ok(see_other("/console/account?done=password"))
}

/// Makes a new secret to enrol and shows it (the account page shows a pending one).
pub async fn totp_start(
    state: web::Data<AppState>,
    posted: Result<Posted<Session>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let who = posted?.who;
    if who.handler.totp_enrolled() {
        return Err(BadField("an authenticator is already set up for this account".into()).into());
    }
    let sealed = state
        .keys
        .data
        .encrypt(Context::TotpPending(who.handler.id), &totp::new_secret());
    state
        .store
        .set_totp_pending(who.handler.id, &sealed)
        .await?;
    Ok(see_other("/console/account"))
}

/// Confirms enrolment with a code from the new secret; the code's step counts as used.
pub async fn totp_confirm(
    state: web::Data<AppState>,
    posted: Result<Posted<Session>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let Posted { who, form } = posted?;
    let handler = &who.handler;
    let (None, Some(sealed)) = (&handler.totp_secret, &handler.totp_pending) else {
        return Err(BadField(
            "there is no authenticator set-up in progress; start one first".into(),
        )
        .into());
    };
    let secret = state
        .keys
        .data
        .decrypt(Context::TotpPending(handler.id), sealed)
        .map_err(|_| crate::review::service::ReviewError::Corrupt)?;
    let now = store::now();
    let Some(step) = totp::check(&secret, form.get("code"), now) else {
        let problem =
            "that code does not match: check the time on your device and enter the current code"
                .to_owned();
        return render(&state, &who, StatusCode::BAD_REQUEST, Some(problem), None).await;
    };
    let sealed = state
        .keys
        .data
        .encrypt(Context::TotpSecret(handler.id), &secret);
    state
        .store
        .enrol_totp(&who.actor(), &sealed, step, now)
        .await?;
    Ok(see_other("/console/account?done=totp"))
}
