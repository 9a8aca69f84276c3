//! Prometheus metrics, served on their own TLS listener (`metrics.listen`; none unless
//! set) so that the public listener never answers them and TLS stays the only way in.
//!
//! Nothing here may date a reporter's action more finely than its day (invariant 2),
//! however often it is scraped: requests are counted (by route template and status) and
//! timed only for staff and agency routes, never the reporter's; the tip queues are
//! shown only for tips that arrived before today; cases (made by handlers, moved by
//! agencies) by state; and how long since the redaction worker last reported. No label
//! holds an id, a name or anything a reporter sent.

use crate::state::AppState;
use crate::telemetry::is_staff_route;
use actix_web::{web, HttpResponse};
use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Request {
    method: String,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Route {
    method: String,
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Status {
    status: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct State {
    state: String,
}

type Latency = Family<Route, Histogram, fn() -> Histogram>;

pub struct Metrics {
    registry: Registry,
    requests: Family<Request, Counter>,
    latency: Latency,
    earlier_tips: Family<Status, Gauge>,
    cases: Family<State, Gauge>,
    worker_silent: Gauge,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

fn latency_buckets() -> Histogram {
    // 2.5 ms to about 10 s.
    Histogram::new(exponential_buckets(0.0025, 2.0, 13))
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("tipline");
        let requests = Family::<Request, Counter>::default();
        registry.register(
            "http_requests",
            "Staff and agency requests by route template and status (reporters' are not counted)",
            requests.clone(),
        );
        let latency: Latency = Family::new_with_constructor(latency_buckets);
        registry.register(
            "http_request_duration_seconds",
            "Time to answer staff and agency requests, by route template",
            latency.clone(),
        );
        let earlier_tips = Family::<Status, Gauge>::default();
        registry.register(
            "tips_before_today",
            "Tips that arrived before today (UTC), by status",
            earlier_tips.clone(),
        );
        let cases = Family::<State, Gauge>::default();
        registry.register("cases", "Cases by state", cases.clone());
        let worker_silent = Gauge::default();
        registry.register(
            "worker_seconds_since_report",
            "Seconds since the redaction worker last reported",
            worker_silent.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            earlier_tips,
            cases,
            worker_silent,
        }
    }
}

impl Metrics {
    /// Counts a request, if it is a staff or agency one.
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        if !is_staff_route(route) {
            return;
        }
        let (method, route) = (method.to_owned(), route.to_owned());
        self.requests
            .get_or_create(&Request {
                method: method.clone(),
                route: route.clone(),
                status,
            })
            .inc();
        self.latency
            .get_or_create(&Route { method, route })
            .observe(seconds);
    }
}

/// `GET /metrics` (on the metrics listener only).
pub async fn serve(
    state: web::Data<AppState>,
    metrics: web::Data<Metrics>,
) -> Result<HttpResponse, crate::http::error::ApiError> {
    let now = crate::store::now();
    let counts = state
        .store
        .queue_counts(&crate::store::today(), now)
        .await?;
    metrics.earlier_tips.clear();
    for (status, n) in counts.earlier_tips {
        metrics
            .earlier_tips
            .get_or_create(&Status { status })
            .set(n);
    }
    metrics.cases.clear();
    for (state, n) in counts.cases {
        metrics.cases.get_or_create(&State { state }).set(n);
    }
    metrics
        .worker_silent
        .set(state.worker_heartbeat.silent_seconds(now));
    let mut text = String::new();
    encode(&mut text, &metrics.registry).expect("writing to a String cannot fail");
    Ok(HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .body(text))
}
