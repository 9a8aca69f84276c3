//! Pieces every route shares: JSON error bodies and bounded request bodies of the
//! declared kind.

pub mod error;

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

/// The largest request body any JSON route accepts.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The longest a request's headers may take to arrive (the server's header timeout).
pub const HEADER_DEADLINE: std::time::Duration = std::time::Duration::from_secs(5);

/// How long the server keeps an idle connection open for the client's next request
/// (actix's default, named so clients can keep theirs for less). A client that sends a
/// request on a connection just as the server closes it loses the request: browsers send
/// it again on a new connection; the tests' client stops reusing a connection well
/// before (a thread kept busy past this, with a connection idle, then sent a form on it
/// and saw a broken pipe).
pub const KEEP_ALIVE: std::time::Duration = std::time::Duration::from_secs(5);

/// The longest a whole request body may take to arrive. Headers have their own timeout
/// in the server; without this, a client trickling a body a byte at a time would hold a
/// connection (and a descriptor) for as long as it liked. Long enough for the largest
/// sealed tip (about 180 KB) from a phone on a 2G connection (about 6 KB/s).
pub const BODY_DEADLINE: std::time::Duration = std::time::Duration::from_secs(30);

/// `{"error": "..."}` with the given status.
pub fn json_error(status: StatusCode, message: impl Into<String>) -> HttpResponse {
    HttpResponse::build(status).json(serde_json::json!({ "error": message.into() }))
}

#[derive(Debug, thiserror::Error)]
pub enum BodyError {
    #[error("request body is larger than {0} bytes")]
    TooLarge(usize),
    #[error("malformed JSON: {0}")]
    Malformed(String),
    #[error("request body could not be read")]
    Read,
    #[error("the request body took longer than {} seconds to arrive", BODY_DEADLINE.as_secs())]
    TimedOut,
    #[error("send the body as {0} (Content-Type: {0})")]
    WrongType(&'static str),
    #[error("the form is not UTF-8 text")]
    NotUtf8,
}

impl error::Problem for BodyError {
    fn status(&self) -> StatusCode {
        match self {
            BodyError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            BodyError::Malformed(_) | BodyError::Read | BodyError::NotUtf8 => {
                StatusCode::BAD_REQUEST
            }
            BodyError::TimedOut => StatusCode::REQUEST_TIMEOUT,
            BodyError::WrongType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        }
    }
}

pub const JSON: &str = "application/json";
pub const FORM: &str = "application/x-www-form-urlencoded";

/// Refuses a body declared as anything but `expected`, before it is read: a valid body
/// of one kind sent as another is a client's mistake to be told about, not guessed at.
/// A body declared as nothing is taken as `expected` (tools that send none).
pub fn declared_as(req: &HttpRequest, expected: &'static str) -> Result<(), BodyError> {
    let Some(declared) = req.headers().get(header::CONTENT_TYPE) else {
        return Ok(());
    };
    let essence = declared
        .to_str()
        .ok()
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    if essence.as_deref() == Some(expected) {
        Ok(())
    } else {
        Err(BodyError::WrongType(expected))
    }
}

/// Reads a URL-encoded form of at most `limit` bytes. Text that is not UTF-8 is refused
/// rather than kept with replacement characters, so what is read is what was sent.
pub async fn read_form_body(
    req: &HttpRequest,
    payload: web::Payload,
    limit: usize,
) -> Result<web::BytesMut, BodyError> {
    declared_as(req, FORM)?;
    let body = read_body_up_to(payload, limit).await?;
    let utf8 = body[..].split(|&b| b == b'&').all(|pair| {
        let plus_as_space: Vec<u8> = pair
            .iter()
            .map(|&b| if b == b'+' { b' ' } else { b })
            .collect();
        let decoded: Vec<u8> = percent_encoding::percent_decode(&plus_as_space).collect();
        std::str::from_utf8(&decoded).is_ok()
    });
    if utf8 {
        Ok(body)
    } else {
        Err(BodyError::NotUtf8)
    }
}

/// Reads at most `limit` bytes within `BODY_DEADLINE`, stopping as soon as a body is
/// too large or late.
async fn read_body_up_to(
    mut payload: web::Payload,
    limit: usize,
) -> Result<web::BytesMut, BodyError> {
    let read = async {
        let mut body = web::BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk.map_err(|e| match e {
                actix_web::error::PayloadError::Overflow => BodyError::TooLarge(limit),
                _ => BodyError::Read,
            })?;
            if body.len() + chunk.len() > limit {
                return Err(BodyError::TooLarge(limit));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    };
    tokio::time::timeout(BODY_DEADLINE, read)
        .await
        .map_err(|_| BodyError::TimedOut)?
}

/// Reads a JSON body of at most `MAX_BODY_BYTES`.
pub async fn read_json<T: DeserializeOwned>(
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<T, BodyError> {
    read_json_up_to(req, payload, MAX_BODY_BYTES).await
}

pub async fn read_json_up_to<T: DeserializeOwned>(
    req: &HttpRequest,
    payload: web::Payload,
    limit: usize,
) -> Result<T, BodyError> {
    declared_as(req, JSON)?;
    let body = read_body_up_to(payload, limit).await?;
    serde_json::from_slice(&body).map_err(|e| BodyError::Malformed(e.to_string()))
}

/// The longest any request may take, body included. Past it the client is answered
/// 503 and the work is dropped: a database that stops answering (a network partition,
/// where no server-side timeout can reach us) delays a reporter this long at most.
pub const REQUEST_DEADLINE: std::time::Duration = std::time::Duration::from_secs(45);

/// The reporter forms that may carry files (`multipart/form-data`).
pub const UPLOAD_PATHS: [&str; 2] = ["/", "/follow-up/answer"];

/// Whether a request is a form with files: its body is held to a least pace instead of
/// a deadline (`intake::upload`), and its route holds the work after the body to
/// `REQUEST_DEADLINE`.
fn streams_files(req: &actix_web::dev::ServiceRequest) -> bool {
    req.method() == actix_web::http::Method::POST
        && UPLOAD_PATHS.contains(&req.path())
        && is_multipart(req.headers())
}

/// Whether a body is declared as `multipart/form-data` (the pages' forms that take files).
pub fn is_multipart(headers: &header::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("multipart/form-data")
        })
}

/// Holds every request to `REQUEST_DEADLINE` (a form with files, from the end of its
/// body). The overdue answer is an error, which the server turns into its response (the
/// request itself is the handler's until then).
pub async fn deadline(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    if streams_files(&req) {
        // Paced, not timed (`intake::upload`); the route times the work after the body.
        return next.call(req).await;
    }
    tokio::time::timeout(REQUEST_DEADLINE, next.call(req))
        .await
        .unwrap_or_else(|_| Err(error::ApiError::from(error::Overdue).into()))
}

/// A path's routes as one resource: a method it does not take is answered 405 with the
/// methods it does (`allow`, e.g. `"GET, POST"`), instead of falling through to 404.
pub fn resource(path: &str, allow: &'static str) -> actix_web::Resource {
    actix_web::web::resource(path).default_service(actix_web::web::to(
        move |req: actix_web::HttpRequest| async move { method_not_allowed(&req, allow) },
    ))
}

/// 405: a page for a browser, JSON for anything else, with `Allow`.
fn method_not_allowed(req: &actix_web::HttpRequest, allow: &'static str) -> HttpResponse {
    let message = format!("this address takes {allow}, not {}", req.method());
    let mut response = if wants_page(req) {
        crate::web::error_page(StatusCode::METHOD_NOT_ALLOWED, &message)
    } else {
        json_error(StatusCode::METHOD_NOT_ALLOWED, message)
    };
    response.headers_mut().insert(
        actix_web::http::header::ALLOW,
        actix_web::http::header::HeaderValue::from_static(allow),
    );
    response
}

/// Whether the client is a browser asking for a page.
fn wants_page(req: &actix_web::HttpRequest) -> bool {
    req.headers()
        .get(actix_web::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

/// Answers any path no route matched: a page for a browser, JSON for anything else.
pub async fn not_found(req: actix_web::HttpRequest) -> HttpResponse {
    if wants_page(&req) {
        crate::web::not_found_page(req.path().starts_with("/console"))
    } else {
        json_error(StatusCode::NOT_FOUND, "no such endpoint")
    }
}

/// A file sent back as it is: `inline` to show in the browser (images), else as a
/// download. Never sniffed or run as a page (sandboxed, no sources), whatever it holds.
pub fn file(media_type: &str, filename: &str, inline: bool, bytes: Vec<u8>) -> HttpResponse {
    file_answer(media_type, filename, inline).body(bytes)
}

/// The headers of `file`, for a body given as a stream.
pub fn file_answer(
    media_type: &str,
    filename: &str,
    inline: bool,
) -> actix_web::HttpResponseBuilder {
    let disposition = if inline { "inline" } else { "attachment" };
    let mut answer = HttpResponse::Ok();
    answer
        .content_type(media_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("{disposition}; filename=\"{filename}\""),
        ))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "sandbox; default-src 'none'",
        ));
    answer
}

/// Unix seconds as RFC 3339 (UTC): every time the JSON APIs give is in this form.
pub fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}
