//! Logging. The request span is our own: method, route template, status and latency,
//! never the peer address, user agent, headers or query string (invariant 2). Nothing
//! in this service logs tip content at any level.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use std::time::Instant;
use tracing::Instrument;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

/// Crates whose debug output could carry request details are held at `warn`.
const DEFAULT_FILTER: &str = "info,actix_http=warn,actix_server=warn,h2=warn,rustls=warn,sqlx=warn";

/// A writer that hands each line to a thread of its own, which writes it to `sink`.
/// Nothing is dropped: only if that thread falls 128,000 lines behind (a stalled
/// terminal or journal) does a writer wait for it. Keep the guard until exit: dropping
/// it flushes the lines still queued.
pub fn off_the_hot_path<S: std::io::Write + Send + 'static>(
    sink: S,
) -> (
    tracing_appender::non_blocking::NonBlocking,
    tracing_appender::non_blocking::WorkerGuard,
) {
    tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(false)
        .thread_name("tipline-log")
        .finish(sink)
}

/// Installs the global subscriber (`RUST_LOG` overrides the default filter).
/// Returns false if one was already installed.
pub fn init<W>(writer: W) -> bool
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    init_with_filter(filter, writer, ansi)
}

/// As `init`, with the default filter plus `extra` directives (e.g. `tipline=trace`).
pub fn init_with<W>(extra: &str, writer: W) -> bool
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    init_with_filter(
        EnvFilter::new(format!("{DEFAULT_FILTER},{extra}")),
        writer,
        false,
    )
}

fn init_with_filter<W>(filter: EnvFilter, writer: W, ansi: bool) -> bool
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_target(false)
        .with_ansi(ansi)
        .try_init()
        .is_ok()
}

/// Routes whose requests are logged at INFO. Anything else, the reporter's pages and
/// API and any path no route matched, is logged only at DEBUG.
pub const STAFF_ROUTES: [&str; 5] = [
    "/console",
    "/api/v1/review",
    "/api/v1/agency",
    "/api/v1/stats",
    "/healthz",
];

/// Console routes a handler uses while a caller is on the line: their time is the
/// caller's, so they are treated as a reporter's requests (DEBUG only, never counted).
pub const REPORTER_ACTS: [&str; 1] = ["/console/phone"];

/// Whether a request on this route template is logged at INFO and counted in metrics.
pub fn is_staff_route(route: &str) -> bool {
    STAFF_ROUTES.iter().any(|prefix| route.starts_with(prefix))
        && !REPORTER_ACTS.iter().any(|prefix| route.starts_with(prefix))
}

/// Replaces the default panic report, whose message can quote the text being processed
/// (a slice of a tip): only where it happened is logged.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        tracing::error!(at = %at, "a panic (its message is not logged: it may quote a tip)");
    }));
}

/// The request span middleware.
pub async fn request_span(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let route = req
        .match_pattern()
        .unwrap_or_else(|| "(unmatched)".to_owned());
    let span = tracing::info_span!(
        "request",
        method = %req.method(),
        route = %route,
        status = tracing::field::Empty,
        latency_ms = tracing::field::Empty,
    );
    let metrics = req
        .app_data::<actix_web::web::Data<crate::metrics::Metrics>>()
        .cloned();
    let method = req.method().clone();
    let started = Instant::now();
    let result = next.call(req).instrument(span.clone()).await;
    let (status, error) = match &result {
        Ok(response) => (response.status(), response.response().error()),
        Err(error) => (error.as_response_error().status_code(), Some(error)),
    };
    // The one place a failure's cause is logged: conversions into responses stay silent.
    // Causes are storage and key errors, never request content.
    if let Some(error) = error.filter(|_| status.is_server_error()) {
        tracing::error!(parent: &span, error = %error, "request failed");
    }
    let status = status.as_u16();
    let elapsed = started.elapsed().as_secs_f64();
    span.record("status", status);
    span.record("latency_ms", elapsed * 1000.0);
    if let Some(metrics) = metrics {
        metrics.observe(method.as_str(), &route, status, elapsed);
    }
    // A reporter's request gets no line with its time on it (invariant 2: arrival is kept
    // only as a day); staff and agency requests are logged as usual.
    if is_staff_route(&route) {
        tracing::info!(parent: &span, "request");
    } else {
        tracing::debug!(parent: &span, "request");
    }
    result
}
