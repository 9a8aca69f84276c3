//! Handler sessions: server-side, in a Secure, HttpOnly, SameSite=Strict cookie, ended
//! by idle time or logout; the extractors that require one; the JSON sign-in.

use super::signin::{self, SignInError};
use crate::crypto::token;
use crate::domain::Actor;
use crate::domain::AuditAction;
use crate::domain::HandlerRole;
use crate::http::error::{ApiError, Problem};
use crate::http::{read_json, BodyError};
use crate::intake::AntiAbuse;
use crate::state::AppState;
use crate::store::handlers::HandlerRecord;
use crate::store::{self, StoreError};
use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use serde::Deserialize;
use std::future::Future;
use std::pin::Pin;

/// `__Host-`: the browser keeps it only if Secure, for the whole host, with no Domain,
/// so no other subdomain can set or overwrite it.
pub const SESSION_COOKIE: &str = "__Host-tipline_session";

/// The device cookie a successful sign-in sets (`review::signin`): long-lived, and like
/// the session's, `__Host-`, Secure, HttpOnly and SameSite=Strict.
pub const DEVICE_COOKIE: &str = "__Host-tipline_device";

/// How long a browser keeps its device cookie (the server forgets one unused as long).
pub const DEVICE_COOKIE_DAYS: i64 = crate::store::credentials::DEVICE_LIFETIME / 86_400;

/// A session ends this long after sign-in however active it is.
pub const SESSION_LIFETIME_HOURS: i64 = 12;

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error(transparent)]
    Body(#[from] BodyError),
    #[error(transparent)]
    SignIn(#[from] SignInError),
    #[error("sign in first")]
    NotSignedIn,
    #[error("this needs the {0} role")]
    Forbidden(&'static str),
    #[error("set up your authenticator (TOTP) on your account page first: it is required for every handler")]
    EnrolmentRequired,
    /// Fetch metadata says a browser sent this from another site.
    #[error("cross-site requests are refused")]
    CrossSite,
    #[error("send the credentials as JSON (Content-Type: application/json)")]
    NotJson,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Problem for AuthError {
    fn status(&self) -> StatusCode {
        match self {
            AuthError::Body(e) => e.status(),
            AuthError::SignIn(e) => e.status(),
            AuthError::Store(e) => e.status(),
            AuthError::NotSignedIn => StatusCode::UNAUTHORIZED,
            AuthError::NotJson => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AuthError::Forbidden(_) | AuthError::EnrolmentRequired | AuthError::CrossSite => {
                StatusCode::FORBIDDEN
            }
        }
    }

    fn header(&self) -> Option<(HeaderName, HeaderValue)> {
        match self {
            AuthError::SignIn(e) => e.header(),
            _ => None,
        }
    }

    fn redirect(&self) -> Option<&'static str> {
        match self {
            AuthError::NotSignedIn => Some("/console/login"),
            AuthError::EnrolmentRequired => Some("/console/account"),
            _ => None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Credentials {
    username: String,
    password: String,
    /// Required once the handler has enrolled TOTP.
    totp: Option<String>,
}

pub async fn login(
    state: web::Data<AppState>,
    abuse: web::Data<AntiAbuse>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    refuse_cross_site(&req)?;
    require_json(&req)?;
    abuse.count_sign_in(&req)?;
    let credentials: Credentials = read_json(&req, payload).await?;
    let device = req.cookie(DEVICE_COOKIE);
    let signed_in = signin::sign_in(
        &state,
        &credentials.username,
        credentials.password,
        credentials.totp.as_deref().unwrap_or(""),
        device.as_ref().map(Cookie::value),
    )
    .await?;
    let handler = &signed_in.handler;
    Ok(HttpResponse::Ok()
        .cookie(session_cookie(signed_in.session.clone()))
        .cookie(device_cookie(signed_in.device.clone()))
        .json(serde_json::json!({ "username": handler.username, "role": handler.role })))
}

pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    refuse_cross_site(&req)?;
    end_session(&state, &req).await?;
    Ok(HttpResponse::NoContent().cookie(removal_cookie()).finish())
}

/// Deletes the request's session, if it has one, and audits the logout.
pub async fn end_session(state: &AppState, req: &HttpRequest) -> Result<(), AuthError> {
    let Some(cookie) = req.cookie(SESSION_COOKIE) else {
        return Ok(());
    };
    let hash = token::hash(cookie.value());
    let now = store::now();
    let idle = i64::from(state.settings.review.session_idle_minutes) * 60;
    if let Some(handler) = state
        .store
        .touch_session(&hash, now, now - idle, now - SESSION_LIFETIME_HOURS * 3600)
        .await?
    {
        state
            .store
            .audit(&store::audit::AuditEntry::new(
                now,
                handler.actor().audit_name(),
                AuditAction::Logout,
                None,
                "",
            ))
            .await?;
    }
    state.store.delete_session(&hash).await?;
    Ok(())
}

pub fn session_cookie(value: String) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, value)
        .path("/")
        .secure(true)
        .http_only(true)
        .same_site(SameSite::Strict)
        .max_age(CookieDuration::hours(SESSION_LIFETIME_HOURS))
        .finish()
}

pub fn device_cookie(value: String) -> Cookie<'static> {
    Cookie::build(DEVICE_COOKIE, value)
        .path("/")
        .secure(true)
        .http_only(true)
        .same_site(SameSite::Strict)
        .max_age(CookieDuration::days(DEVICE_COOKIE_DAYS))
        .finish()
}

pub fn removal_cookie() -> Cookie<'static> {
    let mut expired = session_cookie(String::new());
    expired.make_removal();
    expired
}

/// Refuses a state-changing request that a browser says came from another site
/// (`Sec-Fetch-Site`, or for browsers without fetch metadata an `Origin` naming another
/// host), on top of the SameSite=Strict cookie. Clients that send neither (curl, tools)
/// are not browsers and carry no ambient cookie to abuse.
pub fn refuse_cross_site(req: &HttpRequest) -> Result<(), AuthError> {
    if matches!(*req.method(), Method::GET | Method::HEAD) {
        return Ok(());
    }
    let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok());
    match header("sec-fetch-site") {
        Some("same-origin" | "none") => return Ok(()),
        Some(_) => return Err(AuthError::CrossSite),
        None => {}
    }
    match header("origin") {
        None => Ok(()),
        Some(origin) => {
            let host = origin.split_once("://").map_or(origin, |(_, host)| host);
            if Some(host) == header("host") {
                Ok(())
            } else {
                Err(AuthError::CrossSite)
            }
        }
    }
}

/// The JSON sign-in takes JSON only: a cross-site HTML form can send `text/plain` with no
/// preflight, never `application/json`.
fn require_json(req: &HttpRequest) -> Result<(), AuthError> {
    let json = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().unwrap_or("").trim() == "application/json");
    if json {
        Ok(())
    } else {
        Err(AuthError::NotJson)
    }
}

/// A live session, whatever the state of the handler's TOTP enrolment: for the pages a
/// handler needs to enrol (account, logout). Everything else takes [`SignedIn`].
#[derive(Debug, Clone)]
pub struct Session {
    pub handler: HandlerRecord,
    /// The session's secret (the cookie value), kept to derive the CSRF token.
    secret: String,
}

impl Session {
    pub fn actor(&self) -> Actor {
        self.handler.actor()
    }

    pub fn secret(&self) -> &str {
        &self.secret
    }

    pub fn require(&self, role: HandlerRole) -> Result<(), AuthError> {
        if self.handler.role >= role {
            Ok(())
        } else {
            Err(AuthError::Forbidden(role.as_str()))
        }
    }
}

impl FromRequest for Session {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned());
        let cross_site = refuse_cross_site(req);
        Box::pin(async move {
            cross_site?;
            let (Some(state), Some(secret)) = (state, token) else {
                return Err(AuthError::NotSignedIn.into());
            };
            let now = store::now();
            let idle = i64::from(state.settings.review.session_idle_minutes) * 60;
            let handler = state
                .store
                .touch_session(
                    &token::hash(&secret),
                    now,
                    now - idle,
                    now - SESSION_LIFETIME_HOURS * 3600,
                )
                .await?
                .ok_or(AuthError::NotSignedIn)?;
            Ok(Session { handler, secret })
        })
    }
}

/// A signed-in handler allowed to work: a live session and, when the administrator has
/// made TOTP mandatory, an enrolled authenticator.
#[derive(Debug, Clone)]
pub struct SignedIn(pub Session);

impl std::ops::Deref for SignedIn {
    type Target = Session;
    fn deref(&self) -> &Session {
        &self.0
    }
}

impl AsRef<Session> for SignedIn {
    fn as_ref(&self) -> &Session {
        &self.0
    }
}

impl AsRef<Session> for Session {
    fn as_ref(&self) -> &Session {
        self
    }
}

impl FromRequest for SignedIn {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let session = Session::from_request(req, payload);
        Box::pin(async move {
            let session = session.await?;
            let state = state.ok_or(AuthError::NotSignedIn)?;
            if !session.handler.totp_enrolled() && state.store.totp_required().await? {
                return Err(AuthError::EnrolmentRequired.into());
            }
            Ok(SignedIn(session))
        })
    }
}
