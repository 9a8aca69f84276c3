//! The agency API: each agency pulls its own cases (bearer token or client
//! certificate), leases them, reads them, acknowledges or returns them; every case is
//! signed with the service's key.

pub mod api;
pub mod auth;
pub mod delivered;
pub mod questions;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/api/v1/agency/cases/lease", web::post().to(api::lease))
        .route("/api/v1/agency/cases/{id}", web::get().to(api::get_case))
        .route("/api/v1/agency/cases/{id}/ack", web::post().to(api::ack))
        .route("/api/v1/agency/cases/{id}/nack", web::post().to(api::nack))
        .route(
            "/api/v1/agency/cases/{id}/questions",
            web::post().to(questions::ask),
        )
        .route(
            "/api/v1/agency/signing-key",
            web::get().to(api::signing_key),
        )
        .route("/api/v1/openapi.json", web::get().to(api::openapi));
}
