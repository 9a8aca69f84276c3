//! The review console in the browser: server-rendered pages (askama) with our own CSS
//! and JavaScript, under the strict page policy of `crate::web`. Every state-changing
//! form carries a CSRF token and is read through `csrf::Posted`; every route checks
//! its role on the server.

mod account;
mod admin;
mod audit;
mod deliveries;
mod login;
mod questions;
mod queue;
mod tip;

use super::auth::Session;
use super::csrf;
use crate::domain::HandlerRole;
use crate::state::AppState;
use crate::web::see_other;
use actix_web::{web, HttpResponse};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/console", web::get().to(home))
        .route("/console/", web::get().to(home))
        .route("/console/login", web::get().to(login::page))
        .route("/console/login", web::post().to(login::submit))
        .route("/console/logout", web::post().to(login::logout))
        .route("/console/queue", web::get().to(queue::page))
        .route("/console/tips/{id}", web::get().to(tip::page))
        .route("/console/tips/{id}/claim", web::post().to(queue::claim))
        .route("/console/tips/{id}/release", web::post().to(queue::release))
        .route(
            "/console/tips/{id}/reassign",
            web::post().to(queue::reassign),
        )
        .route("/console/tips/{id}/preview", web::post().to(tip::preview))
        .route("/console/tips/{id}/forward", web::post().to(tip::forward))
        .route("/console/tips/{id}/reject", web::post().to(tip::reject))
        .route("/console/tips/{id}/question", web::post().to(tip::question))
        .route("/console/audit", web::get().to(audit::page))
        .route("/console/deliveries", web::get().to(deliveries::page))
        .route("/console/questions", web::get().to(questions::page))
        .route(
            "/console/questions/{seq}/handled",
            web::post().to(questions::handled),
        )
        .route(
            "/console/cases/{id}/requeue",
            web::post().to(deliveries::requeue),
        )
        .route("/console/audit/verify", web::post().to(audit::verify))
        .route("/console/handlers", web::get().to(admin::handlers))
        .route("/console/handlers", web::post().to(admin::add_handler))
        .route(
            "/console/handlers/{id}/disable",
            web::post().to(admin::disable_handler),
        )
        .route(
            "/console/handlers/{id}/unlock",
            web::post().to(admin::unlock),
        )
        .route(
            "/console/handlers/{id}/reset-totp",
            web::post().to(admin::reset_totp),
        )
        .route("/console/settings", web::post().to(admin::settings))
        .route("/console/agencies", web::get().to(admin::agencies))
        .route(
            "/console/agencies/{id}/tokens",
            web::post().to(admin::issue_token),
        )
        .route(
            "/console/tokens/revoke",
            web::post().to(admin::revoke_token),
        )
        .route("/console/account", web::get().to(account::page))
        .route(
            "/console/account/password",
            web::post().to(account::change_password),
        )
        .route(
            "/console/account/totp/start",
            web::post().to(account::totp_start),
        )
        .route(
            "/console/account/totp/confirm",
            web::post().to(account::totp_confirm),
        );
}

async fn home() -> HttpResponse {
    see_other("/console/queue")
}

/// What every page's header needs: who is signed in, what they may reach, and the
/// CSRF token for the forms on the page.
pub struct Nav {
    pub username: String,
    pub role: &'static str,
    pub supervisor: bool,
    pub admin: bool,
    pub csrf: String,
}

impl Nav {
    pub fn new(state: &AppState, who: &Session) -> Nav {
        Nav {
            username: who.handler.username.clone(),
            role: who.handler.role.as_str(),
            supervisor: who.handler.role >= HandlerRole::Supervisor,
            admin: who.handler.role >= HandlerRole::Admin,
            csrf: csrf::session_token(&state.keys.data, who.secret()),
        }
    }
}

/// Unix seconds as a UTC date and time, for pages.
pub fn when(at: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(at)
        .map(|t| {
            t.format(time::macros::format_description!(
                "[year]-[month]-[day] [hour]:[minute] UTC"
            ))
            .unwrap_or_default()
        })
        .unwrap_or_default()
}
