//! The agency API: each agency pulls its own cases (bearer token or client
//! certificate), leases them, reads them, acknowledges or returns them; every case is
//! signed with the service's key.

pub mod api;
pub mod auth;
pub mod delivered;
pub mod questions;
pub mod sealed_file;
pub mod stats;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        crate::http::resource("/api/v1/agency/cases/lease", "POST")
            .route(web::post().to(api::lease)),
    )
    .service(
        crate::http::resource("/api/v1/agency/cases/{id}", "GET")
            .route(web::get().to(api::get_case)),
    )
    .service(
        crate::http::resource("/api/v1/agency/cases/{id}/ack", "POST")
            .route(web::post().to(api::ack)),
    )
    .service(
        crate::http::resource("/api/v1/agency/cases/{id}/nack", "POST")
            .route(web::post().to(api::nack)),
    )
    .service(
        crate::http::resource("/api/v1/agency/cases/{id}/questions", "POST")
            .route(web::post().to(questions::ask)),
    )
    .service(
        crate::http::resource("/api/v1/agency/attachments/{id}", "GET")
            .route(web::get().to(api::attachment)),
    )
    .service(
        crate::http::resource("/api/v1/agency/signing-key", "GET")
            .route(web::get().to(api::signing_key)),
    )
    .service(crate::http::resource("/api/v1/stats", "GET").route(web::get().to(stats::get)))
    .service(
        crate::http::resource("/api/v1/openapi.json", "GET").route(web::get().to(api::openapi)),
    );
}
