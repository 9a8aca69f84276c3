//! Intake: where reporters reach the service. No authentication, no cookies, and no
//! record of who connected: handlers here take the request body and nothing else.

pub mod api;
pub mod submit;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/api/v1/intake-key", web::get().to(api::intake_key))
        .route("/api/v1/tips", web::post().to(api::submit_tip));
}
