//! Plumbing shared by the server-rendered pages (reporter form, review console): our own
//! static assets embedded in the binary, and HTML responses with a strict policy.
//! No third-party assets, no CDNs.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use include_dir::{include_dir, Dir};

static ASSETS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/static");

/// The policy for every page: our own scripts, styles and connections only; forms post
/// only to us; no framing; no `<base>` tricks.
pub const PAGE_CSP: &str =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(crate::http::resource("/static/{name}", "GET").route(web::get().to(asset)));
}

async fn asset(name: web::Path<String>) -> HttpResponse {
    let Some(file) = ASSETS.get_file(name.as_str()) else {
        return crate::http::json_error(StatusCode::NOT_FOUND, "no such asset");
    };
    let content_type = match name.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    };
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(file.contents())
}

/// An HTML page with the page policy. `Cache-Control: no-store` comes from the default
/// headers, so no page lands in a shared or browser cache.
pub fn html(status: StatusCode, body: String) -> HttpResponse {
    let mut response = HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body);
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(PAGE_CSP),
    );
    response
}

/// Renders an askama template into a page; a template that fails to render is a bug,
/// logged (without its data) and answered with a plain 500.
pub fn render(status: StatusCode, template: &impl askama::Template) -> HttpResponse {
    match template.render() {
        Ok(body) => html(status, body),
        Err(e) => {
            tracing::error!(error = %e, "a page failed to render");
            crate::http::json_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the page could not be shown",
            )
        }
    }
}

/// Sends the browser on with a GET (303): after a form post, so a reload does not post
/// again, or to sign in.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

#[derive(askama::Template)]
#[template(path = "console/error.html")]
struct ErrorPage<'a> {
    title: &'a str,
    message: &'a str,
    back_href: &'a str,
    back_text: &'a str,
}

/// A console error page with the same precise message the API gives.
pub fn error_page(status: StatusCode, message: &str) -> HttpResponse {
    render(
        status,
        &ErrorPage {
            title: status.canonical_reason().unwrap_or("Error"),
            message,
            back_href: "/console/queue",
            back_text: "Back to the queue",
        },
    )
}

/// A page for a path that names nothing, leading back to where the visitor came from.
pub fn not_found_page(console: bool) -> HttpResponse {
    let (back_href, back_text) = if console {
        ("/console/queue", "Back to the queue")
    } else {
        ("/", "Go to the report form")
    };
    render(
        StatusCode::NOT_FOUND,
        &ErrorPage {
            title: "Not found",
            message: "There is no page at this address.",
            back_href,
            back_text,
        },
    )
}
