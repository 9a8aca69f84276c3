//! The agency API: each agency pulls its own cases with a bearer token, leases them,
//! reads them, and acknowledges them.

pub mod api;
pub mod auth;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        crate::http::resource("/api/v1/agency/cases/lease", "POST")
            .route(web::post().to(api::lease)),
    )
    .service(
        crate::http::resource("/api/v1/agency/cases/{id}/ack", "POST")
            .route(web::post().to(api::ack)),
    );
}
