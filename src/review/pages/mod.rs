//! The review console in the browser: server-rendered pages (askama) with our own CSS
//! and JavaScript, under the strict page policy of `crate::web`. Every state-changing
//! form carries a CSRF token and is read through `csrf::Posted`; every route checks
//! its role on the server.

mod account;
mod admin;
mod audit;
mod decided;
mod deliveries;
mod login;
mod phone;
mod questions;
mod queue;
mod stats;
mod tip;

use super::auth::Session;
use super::csrf;
use crate::domain::HandlerRole;
use crate::state::AppState;
use crate::web::see_other;
use actix_web::{web, HttpResponse};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(crate::http::resource("/console", "GET").route(web::get().to(home)))
        .service(crate::http::resource("/console/", "GET").route(web::get().to(home)))
        .service(
            crate::http::resource("/console/login", "GET, POST")
                .route(web::get().to(login::page))
                .route(web::post().to(login::submit)),
        )
        .service(
            crate::http::resource("/console/logout", "POST").route(web::post().to(login::logout)),
        )
        .service(crate::http::resource("/console/queue", "GET").route(web::get().to(queue::page)))
        .service(
            crate::http::resource("/console/decided", "GET").route(web::get().to(decided::page)),
        )
        .service(crate::http::resource("/console/tips/{id}", "GET").route(web::get().to(tip::page)))
        .service(
            crate::http::resource("/console/tips/{id}/claim", "POST")
                .route(web::post().to(queue::claim)),
        )
        .service(
            crate::http::resource("/console/tips/{id}/release", "POST")
                .route(web::post().to(queue::release)),
        )
        .service(
            crate::http::resource("/console/tips/{id}/reassign", "POST")
                .route(web::post().to(queue::reassign)),
        )
        .service(
            crate::http::resource("/console/tips/{id}/preview", "POST")
                .route(web::post().to(tip::preview)),
        )
        .service(
            crate::http::resource("/console/tips/{id}/forward", "POST")
                .route(web::post().to(tip::forward)),
        )
        .service(
            crate::http::resource("/console/tips/{id}/reject", "POST")
                .route(web::post().to(tip::reject)),
        )
        .service(
            crate::http::resource("/console/tips/{id}/question", "POST")
                .route(web::post().to(tip::question)),
        )
        .service(
            crate::http::resource("/console/tips/{id}/withdraw", "POST")
                .route(web::post().to(tip::withdraw)),
        )
        .service(
            crate::http::resource("/console/tips/{id}/undo", "POST")
                .route(web::post().to(tip::undo)),
        )
        .service(
            crate::http::resource("/console/phone", "GET, POST")
                .route(web::get().to(phone::page))
                .route(web::post().to(phone::submit)),
        )
        .service(
            crate::http::resource("/console/phone/follow-up", "GET, POST")
                .route(web::get().to(phone::follow_up))
                .route(web::post().to(phone::open)),
        )
        .service(
            crate::http::resource("/console/phone/follow-up/answer", "POST")
                .route(web::post().to(phone::answer)),
        )
        .service(crate::http::resource("/console/stats", "GET").route(web::get().to(stats::page)))
        .service(
            crate::http::resource("/console/stats.csv", "GET").route(web::get().to(stats::csv)),
        )
        .service(crate::http::resource("/console/audit", "GET").route(web::get().to(audit::page)))
        .service(
            crate::http::resource("/console/deliveries", "GET")
                .route(web::get().to(deliveries::page)),
        )
        .service(
            crate::http::resource("/console/questions", "GET")
                .route(web::get().to(questions::page)),
        )
        .service(
            crate::http::resource("/console/questions/{seq}/handled", "POST")
                .route(web::post().to(questions::handled)),
        )
        .service(
            crate::http::resource("/console/cases/{id}/requeue", "POST")
                .route(web::post().to(deliveries::requeue)),
        )
        .service(
            crate::http::resource("/console/audit/verify", "POST")
                .route(web::post().to(audit::verify)),
        )
        .service(
            crate::http::resource("/console/handlers", "GET, POST")
                .route(web::get().to(admin::handlers))
                .route(web::post().to(admin::add_handler)),
        )
        .service(
            crate::http::resource("/console/handlers/{id}/disable", "POST")
                .route(web::post().to(admin::disable_handler)),
        )
        .service(
            crate::http::resource("/console/handlers/{id}/enable", "POST")
                .route(web::post().to(admin::enable_handler)),
        )
        .service(
            crate::http::resource("/console/handlers/{id}/reset-password", "POST")
                .route(web::post().to(admin::reset_password)),
        )
        .service(
            crate::http::resource("/console/handlers/{id}/unlock", "POST")
                .route(web::post().to(admin::unlock)),
        )
        .service(
            crate::http::resource("/console/handlers/{id}/reset-totp", "POST")
                .route(web::post().to(admin::reset_totp)),
        )
        .service(
            crate::http::resource("/console/settings", "POST")
                .route(web::post().to(admin::settings)),
        )
        .service(
            crate::http::resource("/console/agencies", "GET").route(web::get().to(admin::agencies)),
        )
        .service(
            crate::http::resource("/console/agencies/{id}/tokens", "POST")
                .route(web::post().to(admin::issue_token)),
        )
        .service(
            crate::http::resource("/console/tokens/revoke", "POST")
                .route(web::post().to(admin::revoke_token)),
        )
        .service(
            crate::http::resource("/console/account", "GET").route(web::get().to(account::page)),
        )
        .service(
            crate::http::resource("/console/account/password", "POST")
                .route(web::post().to(account::change_password)),
        )
        .service(
            crate::http::resource("/console/account/totp/start", "POST")
                .route(web::post().to(account::totp_start)),
        )
        .service(
            crate::http::resource("/console/account/totp/confirm", "POST")
                .route(web::post().to(account::totp_confirm)),
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
