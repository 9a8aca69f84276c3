//! CSRF protection for the console's forms.
//!
//! The token is an HMAC (the data key's lookup key) of the session secret: nothing to
//! store, different for every session, and useless without the cookie it belongs to.
//! Every state-changing console form carries it in a hidden `csrf` field and is read
//! through [`Posted`], which refuses the request (403) when it is missing or wrong.
//! The sign-in form, which has no session yet, uses the same scheme over a random
//! pre-session cookie (double submit).
//!
//! The JSON API takes no token: its session cookie is SameSite=Strict and browsers'
//! fetch metadata (`Sec-Fetch-Site`) from another site is refused (`auth::refuse_cross_site`).

use super::auth::{AuthError, Session};
use crate::crypto::at_rest::DataKeys;
use crate::http::error::{ApiError, Problem};
use crate::http::{read_form_body, BodyError, MAX_BODY_BYTES};
use crate::state::AppState;
use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{web, FromRequest, HttpRequest};
use std::future::Future;
use std::pin::Pin;

/// The hidden form field that carries the token.
pub const FIELD: &str = "csrf";
/// The cookie behind the sign-in form's token.
pub const LOGIN_COOKIE: &str = "tipline_login";

pub fn session_token(keys: &DataKeys, session_secret: &str) -> String {
    keys.lookup_hash("csrf", session_secret)
}

pub fn login_token(keys: &DataKeys, login_secret: &str) -> String {
    keys.lookup_hash("login-csrf", login_secret)
}

/// Compares against the token under every data key (rotation). The comparison is of
/// SHA-256 digests, so its timing says nothing useful about the expected token.
fn matches(expected: Vec<String>, given: &str) -> bool {
    let given = crate::crypto::sha256_hex(given.as_bytes());
    expected
        .iter()
        .any(|e| crate::crypto::sha256_hex(e.as_bytes()) == given)
}

pub fn session_token_ok(keys: &DataKeys, session_secret: &str, given: &str) -> bool {
    matches(keys.lookup_hashes("csrf", session_secret), given)
}

pub fn login_token_ok(keys: &DataKeys, login_secret: &str, given: &str) -> bool {
    matches(keys.lookup_hashes("login-csrf", login_secret), given)
}

/// A fresh pre-session cookie for the sign-in form.
pub fn login_cookie() -> Cookie<'static> {
    Cookie::build(
        LOGIN_COOKIE,
        crate::crypto::b64url(&crate::crypto::random_bytes::<32>()),
    )
    .path("/console/login")
    .secure(true)
    .http_only(true)
    .same_site(SameSite::Strict)
    .max_age(CookieDuration::hours(12))
    .finish()
}

#[derive(Debug, thiserror::Error)]
pub enum FormError {
    #[error(transparent)]
    Auth(#[from] AuthError),
    #[error(transparent)]
    Body(#[from] BodyError),
    #[error("this form was not sent from a current console page (its CSRF token is missing or wrong); reload the page and try again")]
    BadToken,
}

impl Problem for FormError {
    fn status(&self) -> StatusCode {
        match self {
            FormError::Auth(e) => e.status(),
            FormError::Body(e) => e.status(),
            FormError::BadToken => StatusCode::FORBIDDEN,
        }
    }

    fn redirect(&self) -> Option<&'static str> {
        match self {
            FormError::Auth(e) => e.redirect(),
            _ => None,
        }
    }
}

/// A URL-encoded form body: fields in order, names may repeat (checkbox groups).
#[derive(Debug, Default)]
pub struct FormFields(Vec<(String, String)>);

impl FormFields {
    pub fn parse(body: &[u8]) -> FormFields {
        FormFields(form_urlencoded::parse(body).into_owned().collect())
    }

    /// The first value of `name`, or "" when absent.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Reads a form body (at most 64 KiB, UTF-8 only).
    pub async fn read(req: &HttpRequest, payload: web::Payload) -> Result<FormFields, BodyError> {
        Ok(FormFields::parse(
            &read_form_body(req, payload, MAX_BODY_BYTES).await?,
        ))
    }
}

/// A console form post from a signed-in handler whose CSRF token checks out. `W` is
/// the session extractor: [`super::auth::SignedIn`], or [`Session`] for the pages a
/// handler may use before enrolling TOTP.
pub struct Posted<W> {
    pub who: W,
    pub form: FormFields,
}

impl<W> FromRequest for Posted<W>
where
    W: FromRequest<Error = ApiError> + AsRef<Session> + 'static,
    W::Future: 'static,
{
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let who = W::from_request(req, payload);
        let body = web::Payload::from_request(req, payload);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let req = req.clone();
        Box::pin(async move {
            let who = who.await?;
            let body = body.await.map_err(|_| BodyError::Read)?;
            let form = FormFields::read(&req, body).await?;
            let state = state.ok_or(AuthError::NotSignedIn)?;
            if !session_token_ok(&state.keys.data, who.as_ref().secret(), form.get(FIELD)) {
                return Err(FormError::BadToken.into());
            }
            Ok(Posted { who, form })
        })
    }
}
