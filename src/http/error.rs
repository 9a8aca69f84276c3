//! One funnel for failures. Each domain error keeps its precise message and says what it
//! means to a client by implementing [`Problem`]; routes return [`ApiError`] (JSON) or
//! [`PageError`] (HTML), made from any problem by `?`. Nothing here logs: the request span
//! middleware logs a server-side failure's cause once (`telemetry::request_span`).

use super::json_error;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use std::fmt;

/// What a failure means to the client.
pub trait Problem: std::error::Error + Send + Sync + 'static {
    fn status(&self) -> StatusCode;

    /// What the client is told. A service outage says only that; its cause (which may
    /// name tables or hosts) goes to the log.
    fn message(&self) -> String {
        if self.status() == StatusCode::SERVICE_UNAVAILABLE {
            "the service is unavailable, try again".to_owned()
        } else {
            self.to_string()
        }
    }

    /// A header the answer must carry (`Retry-After`, `WWW-Authenticate`).
    fn header(&self) -> Option<(HeaderName, HeaderValue)> {
        None
    }

    /// Where a console page sends the browser instead of showing the error.
    fn redirect(&self) -> Option<&'static str> {
        None
    }
}

/// A failure answered as `{"error": "..."}`.
pub struct ApiError(Box<dyn Problem>);

/// A failure answered as a console page (or a redirect to sign in).
pub struct PageError(Box<dyn Problem>);

impl<E: Problem> From<E> for ApiError {
    fn from(problem: E) -> Self {
        ApiError(Box::new(problem))
    }
}

impl<E: Problem> From<E> for PageError {
    fn from(problem: E) -> Self {
        PageError(Box::new(problem))
    }
}

impl From<ApiError> for PageError {
    fn from(error: ApiError) -> Self {
        PageError(error.0)
    }
}

impl ApiError {
    pub fn problem(&self) -> &dyn Problem {
        &*self.0
    }
}

impl PageError {
    pub fn problem(&self) -> &dyn Problem {
        &*self.0
    }
}

/// The cause as the log sees it (the request span logs it for 5xx answers).
macro_rules! show_cause {
    ($t:ty) => {
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }
        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.0, f)
            }
        }
    };
}
show_cause!(ApiError);
show_cause!(PageError);

/// The problem's status, message and header as a response of the given shape.
pub fn answer(problem: &dyn Problem, body: fn(StatusCode, &str) -> HttpResponse) -> HttpResponse {
    let mut response = body(problem.status(), &problem.message());
    if let Some((name, value)) = problem.header() {
        response.headers_mut().insert(name, value);
    }
    response
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.0.status()
    }

    fn error_response(&self) -> HttpResponse {
        answer(&*self.0, |status, message| json_error(status, message))
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        self.0.status()
    }

    fn error_response(&self) -> HttpResponse {
        if let Some(location) = self.0.redirect() {
            return crate::web::see_other(location);
        }
        answer(&*self.0, crate::web::error_page)
    }
}

/// A request that outlived `REQUEST_DEADLINE`.
#[derive(Debug, thiserror::Error)]
#[error("the request did not finish within {} seconds", super::REQUEST_DEADLINE.as_secs())]
pub struct Overdue;

impl Problem for Overdue {
    fn status(&self) -> StatusCode {
        StatusCode::SERVICE_UNAVAILABLE
    }
}

/// A page form field that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadField(pub String);

impl Problem for BadField {
    fn status(&self) -> StatusCode {
        StatusCode::BAD_REQUEST
    }
}
