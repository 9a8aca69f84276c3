//! Intake: where reporters reach the service. No authentication, no cookies, and no
//! record of who connected: the peer address is read only to count attempts under a
//! rotating keyed hash held in memory (`rate_limit`) and open connections under a keyed
//! hash (`connections`), and never stored or logged.

pub mod api;
pub mod connections;
pub mod follow_up;
pub mod form;
pub mod i18n;
pub mod padding;
pub mod page;
pub mod pow;
pub mod rate_limit;
pub mod submit;
pub mod upload;
pub mod upload_budget;

use crate::config::Settings;
use crate::crypto::at_rest::DataKeys;
use actix_web::{web, HttpRequest};

/// Anti-abuse that identifies no one: per-client counts under an hourly keyed hash (in
/// memory, per process), and an optional proof of work whose spent challenges are
/// shared through the database. Their keys are derived from the data key, so replicas
/// agree.
pub struct AntiAbuse {
    pub rate_limit: rate_limit::RateLimiter,
    /// Bytes of files per client per hour.
    pub upload_budget: upload_budget::UploadBudget,
    /// Console sign-ins per client: counted here, where the peer address may be read.
    sign_in: rate_limit::RateLimiter,
    pub pow: pow::ProofOfWork,
}

impl AntiAbuse {
    pub fn new(settings: &Settings, keys: &DataKeys) -> Self {
        let secret = |purpose| keys.derive_all(purpose, "rate limit")[0];
        AntiAbuse {
            rate_limit: rate_limit::RateLimiter::new(
                settings.intake.rate_limit_per_minute,
                &secret("reporter posts"),
            ),
            upload_budget: upload_budget::UploadBudget::new(
                settings.intake.upload_mb_per_hour,
                &secret("reporter files"),
            ),
            sign_in: rate_limit::RateLimiter::new(
                settings.review.sign_in_per_minute,
                &secret("console sign-ins"),
            ),
            pow: pow::ProofOfWork::new(settings.intake.pow_difficulty, keys),
        }
    }

    /// Counts a console sign-in attempt against the client's allowance, before its body
    /// is read or any password checked. The address goes only into the keyed hash.
    pub fn count_sign_in(&self, req: &HttpRequest) -> Result<(), rate_limit::Limited> {
        self.sign_in.check(page::client_address(req))
    }
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    // Broken translations stop the service at start, not on a reporter's first visit.
    i18n::catalog();
    cfg.service(
        crate::http::resource("/", "GET, POST")
            .route(web::get().to(form::show))
            .route(web::post().to(form::submit)),
    )
    .service(
        crate::http::resource("/follow-up", "GET, POST")
            .route(web::get().to(follow_up::show))
            .route(web::post().to(follow_up::check)),
    )
    .service(
        crate::http::resource("/follow-up/answer", "POST").route(web::post().to(follow_up::answer)),
    )
    .service(
        crate::http::resource("/api/v1/intake-key", "GET").route(web::get().to(api::intake_key)),
    )
    .service(crate::http::resource("/api/v1/pow", "GET").route(web::get().to(api::pow_challenge)))
    .service(crate::http::resource("/api/v1/tips", "POST").route(web::post().to(api::submit_tip)));
}
