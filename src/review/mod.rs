//! Review: handler sign-in, the queue, claims and decisions.

pub mod api;
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
    cfg.route("/api/v1/review/login", web::post().to(auth::login))
        .route("/api/v1/review/logout", web::post().to(auth::logout))
        .route("/api/v1/review/tips", web::get().to(api::list_tips))
        .route("/api/v1/review/tips/{id}", web::get().to(api::get_tip))
        .route("/api/v1/review/tips/{id}/claim", web::post().to(api::claim))
        .route(
            "/api/v1/review/tips/{id}/release",
            web::post().to(api::release),
        )
        .route(
            "/api/v1/review/tips/{id}/decision",
            web::post().to(api::decide),
        )
        .route(
            "/api/v1/review/tips/{id}/questions",
            web::post().to(api::ask),
        )
        .route(
            "/api/v1/review/tips/{id}/questions/withdraw",
            web::post().to(api::withdraw_question),
        )
        .route("/api/v1/review/audit", web::get().to(api::audit_log))
        .route(
            "/api/v1/review/audit/verify",
            web::post().to(api::verify_audit),
        );
}
