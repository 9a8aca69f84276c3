//! Review: handler sign-in, the queue, claims and decisions.

pub mod api;
pub mod attachments;
pub mod auth;
pub mod csrf;
pub mod pages;
pub mod recovery;
pub mod service;
pub mod signin;
pub mod totp;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.configure(pages::routes);
    cfg.service(
        crate::http::resource("/console/tips/{id}/attachments/{attachment}", "GET")
            .route(web::get().to(attachments::file)),
    )
    .service(
        crate::http::resource(
            "/console/tips/{id}/attachments/{attachment}/black-out",
            "POST",
        )
        .route(web::post().to(attachments::black_out_page)),
    )
    .service(
        crate::http::resource(
            "/api/v1/review/tips/{id}/attachments/{attachment}/black-out",
            "POST",
        )
        .route(web::post().to(attachments::black_out_api)),
    );
    cfg.service(
        crate::http::resource("/api/v1/review/login", "POST").route(web::post().to(auth::login)),
    )
    .service(
        crate::http::resource("/api/v1/review/logout", "POST").route(web::post().to(auth::logout)),
    )
    .service(
        crate::http::resource("/api/v1/review/tips", "GET").route(web::get().to(api::list_tips)),
    )
    .service(
        crate::http::resource("/api/v1/review/tips/{id}", "GET").route(web::get().to(api::get_tip)),
    )
    .service(
        crate::http::resource("/api/v1/review/tips/{id}/claim", "POST")
            .route(web::post().to(api::claim)),
    )
    .service(
        crate::http::resource("/api/v1/review/tips/{id}/release", "POST")
            .route(web::post().to(api::release)),
    )
    .service(
        crate::http::resource("/api/v1/review/tips/{id}/decision", "POST")
            .route(web::post().to(api::decide)),
    )
    .service(
        crate::http::resource("/api/v1/review/tips/{id}/questions", "POST")
            .route(web::post().to(api::ask)),
    )
    .service(
        crate::http::resource("/api/v1/review/tips/{id}/questions/withdraw", "POST")
            .route(web::post().to(api::withdraw_question)),
    )
    .service(
        crate::http::resource("/api/v1/review/tips/{id}/undo", "POST")
            .route(web::post().to(api::undo)),
    )
    .service(
        crate::http::resource("/api/v1/review/audit", "GET").route(web::get().to(api::audit_log)),
    )
    .service(
        crate::http::resource("/api/v1/review/audit/verify", "POST")
            .route(web::post().to(api::verify_audit)),
    );
}
