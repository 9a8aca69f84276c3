//! Handler sign-in: argon2id passwords, server-side sessions in a Secure, HttpOnly,
//! SameSite=Strict cookie, idle expiry.

use crate::crypto::{password, token};
use crate::http::{json_error, read_json, BodyError};
use crate::startup::AppState;
use crate::store::handlers::{HandlerRecord, Role};
use crate::store::tips::Actor;
use crate::store::{self, StoreError};
use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse, ResponseError};
use serde::Deserialize;
use std::future::Future;
use std::pin::Pin;

pub const SESSION_COOKIE: &str = "tipline_session";

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error(transparent)]
    Body(#[from] BodyError),
    /// One message for a wrong username and a wrong password alike.
    #[error("invalid username or password")]
    InvalidCredentials,
    #[error("sign in first")]
    NotSignedIn,
    #[error("this needs the {0} role")]
    Forbidden(&'static str),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ResponseError for AuthError {
    fn status_code(&self) -> StatusCode {
        match self {
            AuthError::Body(e) => e.status(),
            AuthError::InvalidCredentials | AuthError::NotSignedIn => StatusCode::UNAUTHORIZED,
            AuthError::Forbidden(_) => StatusCode::FORBIDDEN,
            AuthError::Store(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let AuthError::Store(e) = self {
            tracing::error!(error = %e, "session lookup failed");
            return json_error(self.status_code(), "the service is unavailable, try again");
        }
        json_error(self.status_code(), self.to_string())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Credentials {
    username: String,
    password: String,
}

pub async fn login(
    state: web::Data<AppState>,
    payload: web::Payload,
) -> Result<HttpResponse, AuthError> {
    let credentials: Credentials = read_json(payload).await?;
    let handler = state
        .store
        .handler_by_username(&credentials.username)
        .await?;
    let stored = handler.as_ref().map(|h| h.password_hash.clone());
    let password_given = credentials.password;
    // argon2 is deliberately slow: keep it off the async workers.
    let valid = web::block(move || password::verify(&password_given, stored.as_deref()))
        .await
        .unwrap_or(false);
    let Some(handler) = handler.filter(|_| valid) else {
        return Err(AuthError::InvalidCredentials);
    };
    let session = token::generate("tls_");
    let now = store::now();
    state
        .store
        .create_session(&session.hash, handler.id, now)
        .await?;
    let actor = Actor {
        id: handler.id,
        username: handler.username.clone(),
    };
    state
        .store
        .audit(&store::audit::AuditEntry::new(
            now,
            actor.audit_name(),
            "login",
            None,
            "",
        ))
        .await?;
    Ok(HttpResponse::Ok()
        .cookie(session_cookie(session.secret))
        .json(serde_json::json!({ "username": handler.username, "role": handler.role })))
}

pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, AuthError> {
    if let Some(cookie) = req.cookie(SESSION_COOKIE) {
        state
            .store
            .delete_session(&token::hash(cookie.value()))
            .await?;
    }
    let mut expired = session_cookie(String::new());
    expired.make_removal();
    Ok(HttpResponse::NoContent().cookie(expired).finish())
}

fn session_cookie(value: String) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, value)
        .path("/")
        .secure(true)
        .http_only(true)
        .same_site(SameSite::Strict)
        .max_age(CookieDuration::hours(12))
        .finish()
}

/// A signed-in handler. Using it as an extractor requires a live session.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub handler: HandlerRecord,
}

impl SignedIn {
    pub fn actor(&self) -> Actor {
        Actor {
            id: self.handler.id,
            username: self.handler.username.clone(),
        }
    }

    pub fn require(&self, role: Role) -> Result<(), AuthError> {
        if self.handler.role >= role {
            Ok(())
        } else {
            Err(AuthError::Forbidden(role.as_str()))
        }
    }
}

impl FromRequest for SignedIn {
    type Error = AuthError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned());
        Box::pin(async move {
            let (Some(state), Some(token)) = (state, token) else {
                return Err(AuthError::NotSignedIn);
            };
            let now = store::now();
            let idle = i64::from(state.settings.review.session_idle_minutes) * 60;
            state
                .store
                .touch_session(&token::hash(&token), now, now - idle)
                .await?
                .map(|handler| SignedIn { handler })
                .ok_or(AuthError::NotSignedIn)
        })
    }
}
