//! The audit log page (supervisors): every action, filterable by actor and tip, and a
//! check that recomputes the hash chain and says where it breaks.

use super::{when, Nav};
use crate::domain::{AuditAction, HandlerRole};
use crate::http::error::{ApiError, PageError};
use crate::review::auth::SignedIn;
use crate::review::csrf::Posted;
use crate::state::AppState;
use crate::store::audit::ChainBreak;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

const SHOWN: i64 = 1000;

pub struct Entry {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub tip: String,
    pub detail: String,
}

/// The result of a chain check.
pub struct Verification {
    pub intact: bool,
    pub message: String,
}

#[derive(Template)]
#[template(path = "console/audit.html")]
struct AuditPage<'a> {
    nav: Nav,
    /// Suggestions for the actor filter: every handler, and reporters.
    actors: Vec<String>,
    actor: &'a str,
    tip: &'a str,
    entries: Vec<Entry>,
    verification: Option<Verification>,
}

#[derive(Deserialize)]
pub struct Filter {
    #[serde(default)]
    actor: String,
    #[serde(default)]
    tip: String,
}

async fn render(
    state: &AppState,
    who: &SignedIn,
    actor: &str,
    tip: &str,
    verification: Option<Verification>,
) -> Result<HttpResponse, PageError> {
    who.require(HandlerRole::Supervisor)?;
    let optional = |v: &str| Some(v.trim()).filter(|v| !v.is_empty()).map(str::to_owned);
    let (actor_filter, tip_filter) = (optional(actor), optional(tip));
    let entries = state
        .store
        .audit_rows(actor_filter.as_deref(), tip_filter.as_deref(), SHOWN)
        .await?
        .into_iter()
        .map(|r| Entry {
            seq: r.seq,
            at: when(r.entry.at),
            actor: r.entry.actor,
            // A tampered row may hold any text: shown as it is.
            action: AuditAction::parse(&r.entry.action)
                .map_or(r.entry.action.clone(), |a| a.label().to_owned()),
            tip: r.entry.tip_id.unwrap_or_default(),
            detail: r.entry.detail,
        })
        .collect();
    let mut actors: Vec<String> = state
        .store
        .handlers()
        .await?
        .into_iter()
        .map(|h| h.actor().audit_name())
        .collect();
    actors.push("reporter".to_owned());
    Ok(crate::web::render(
        StatusCode::OK,
        &AuditPage {
            nav: Nav::new(state, who),
            actors,
            actor,
            tip,
            entries,
            verification,
        },
    ))
}

pub async fn page(
    state: web::Data<AppState>,
    who: Result<SignedIn, ApiError>,
    filter: web::Query<Filter>,
) -> Result<HttpResponse, PageError> {
    render(&state, &who?, &filter.actor, &filter.tip, None).await
}

pub async fn verify(
    state: web::Data<AppState>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    posted.who.require(HandlerRole::Supervisor)?;
    let verification = match state.store.verify_audit_chain().await? {
        None => Verification {
            intact: true,
            message: "The chain is intact: every row matches its hash and follows the one before."
                .to_owned(),
        },
        Some(ChainBreak { seq, reason }) => Verification {
            intact: false,
            message: format!("The chain breaks at row {seq}: {reason}."),
        },
    };
    render(
        &state,
        &posted.who,
        posted.form.get("actor"),
        posted.form.get("tip"),
        Some(verification),
    )
    .await
}
