//! What the reporter pages share: reading a form body, the language, the problem page,
//! and the rate limit (the one place the peer address is read).

use super::i18n::{catalog, Tr};
use super::rate_limit::Limited;
use super::AntiAbuse;
use crate::http::{read_form_body, BodyError};
use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// The largest submission, form or JSON: a sealed tip in its largest padding bucket
/// (128 KiB) as base64url inside JSON, with room to spare.
pub const MAX_SUBMISSION_BYTES: usize = 256 * 1024;

/// Reads a form body of at most `MAX_SUBMISSION_BYTES` (UTF-8 only, so what a handler
/// reads is what the reporter sent).
pub async fn read_form<T: DeserializeOwned>(
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<T, BodyError> {
    let body = read_form_body(req, payload, MAX_SUBMISSION_BYTES).await?;
    serde_urlencoded::from_bytes(&body).map_err(|e| BodyError::Malformed(e.to_string()))
}

/// `?lang=` on a page link.
#[derive(Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

impl LangQuery {
    pub fn tr(&self) -> Tr {
        lang(self.lang.as_deref())
    }
}

pub fn lang(code: Option<&str>) -> Tr {
    catalog().pick(code)
}

/// Counts an attempt against the client's allowance. The peer address goes only into
/// the limiter's keyed hash: it is not kept, logged or passed on.
pub fn rate_limit(abuse: &AntiAbuse, req: &HttpRequest) -> Result<(), Limited> {
    abuse.rate_limit.check(client_address(req))
}

/// The one place the service looks at who connected: only ever handed to a rate
/// limiter's keyed hash.
pub(super) fn client_address(req: &HttpRequest) -> Option<std::net::IpAddr> {
    req.peer_addr().map(|a| a.ip())
}

#[derive(Template)]
#[template(path = "report/problem.html")]
struct Problem {
    tr: Tr,
    here: &'static str,
    back: &'static str,
    message: &'static str,
}

/// A page that says, in the reporter's language, what went wrong and how to go on.
pub fn problem(
    tr: Tr,
    status: StatusCode,
    back: &'static str,
    message: &'static str,
) -> HttpResponse {
    crate::web::render(
        status,
        &Problem {
            tr,
            here: back,
            back,
            message,
        },
    )
}

/// 429 with a kind message and the seconds to wait.
pub fn too_many(tr: Tr, back: &'static str, limited: &Limited) -> HttpResponse {
    let mut response = problem(tr, StatusCode::TOO_MANY_REQUESTS, back, "error_too_many");
    response.headers_mut().insert(
        header::RETRY_AFTER,
        header::HeaderValue::from(limited.retry_after_secs),
    );
    response
}
