//! Intake: where reporters reach the service. No authentication, no cookies, and no
//! record of who connected: the peer address is read only to count attempts under a
//! rotating keyed hash held in memory (`rate_limit`), and never stored or logged.

pub mod api;
pub mod follow_up;
pub mod form;
pub mod i18n;
pub mod padding;
pub mod page;
pub mod pow;
pub mod rate_limit;
pub mod submit;

use crate::config::IntakeSettings;
use actix_web::web;

/// Anti-abuse that identifies no one: per-client counts under a rotating keyed hash,
/// and an optional proof of work. Both live in memory and die with the process.
pub struct AntiAbuse {
    pub rate_limit: rate_limit::RateLimiter,
    pub pow: pow::ProofOfWork,
}

impl AntiAbuse {
    pub fn new(settings: &IntakeSettings) -> Self {
        AntiAbuse {
            rate_limit: rate_limit::RateLimiter::new(settings.rate_limit_per_minute),
            pow: pow::ProofOfWork::new(settings.pow_difficulty),
        }
    }
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    // Broken translations stop the service at start, not on a reporter's first visit.
    i18n::catalog();
    cfg.route("/", web::get().to(form::show))
        .route("/", web::post().to(form::submit))
        .route("/follow-up", web::get().to(follow_up::show))
        .route("/follow-up", web::post().to(follow_up::check))
        .route("/follow-up/answer", web::post().to(follow_up::answer))
        .route("/api/v1/intake-key", web::get().to(api::intake_key))
        .route("/api/v1/pow", web::get().to(api::pow_challenge))
        .route("/api/v1/tips", web::post().to(api::submit_tip));
}
