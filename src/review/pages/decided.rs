//! Decided tips: a handler's own recent decisions, and for supervisors every decided
//! tip, searchable by id, status and category; each row opens the tip's page (where it
//! went, when, acknowledged or not).

use super::Nav;
use crate::domain::{Category, HandlerRole, TipStatus};
use crate::http::error::{ApiError, PageError};
use crate::review::auth::SignedIn;
use crate::state::AppState;
use crate::store::decided::{DecidedFilter, DecidedTip};
use crate::store::{self};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

/// At most this many rows are shown; a search narrows them.
const SHOWN: i64 = 200;

#[derive(serde::Deserialize, Default)]
pub struct Query {
    #[serde(default)]
    q: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    category: String,
    /// `all` (supervisors) or anything else for the handler's own.
    #[serde(default)]
    scope: String,
}

pub struct Row {
    pub tip: DecidedTip,
    /// Who decided last, by username.
    pub by: String,
    pub category: &'static str,
    pub status: &'static str,
    pub agencies: String,
}

#[derive(Template)]
#[template(path = "console/decided.html")]
struct DecidedPage<'a> {
    nav: Nav,
    rows: Vec<Row>,
    all: bool,
    q: &'a str,
    status: &'a str,
    category: &'a str,
    categories: Vec<(&'static str, &'static str)>,
    limited: bool,
}

pub async fn page(
    state: web::Data<AppState>,
    who: Result<SignedIn, ApiError>,
    query: web::Query<Query>,
) -> Result<HttpResponse, PageError> {
    let who = who?;
    who.require(HandlerRole::Handler)?;
    let all = query.scope == "all" && who.handler.role >= HandlerRole::Supervisor;
    let filter = DecidedFilter {
        decided_by: (!all).then(|| who.actor().audit_name()),
        id_prefix: query.q.clone(),
        status: TipStatus::parse(&query.status)
            .filter(|s| matches!(s, TipStatus::Forwarded | TipStatus::Rejected)),
        category: Category::parse(&query.category)
            .ok()
            .map(|c| c.as_str().to_owned()),
    };
    let tips = state
        .store
        .decided_tips(&filter, store::now(), SHOWN)
        .await?;
    let limited = tips.len() as i64 == SHOWN;
    let rows = tips
        .into_iter()
        .map(|tip| Row {
            by: tip
                .decided_by
                .strip_prefix("handler:")
                .unwrap_or(&tip.decided_by)
                .to_owned(),
            category: Category::parse(&tip.category).map_or("unknown", Category::label),
            status: tip.status.label(),
            agencies: tip
                .agencies
                .iter()
                .map(|(name, state)| format!("{name} ({})", super::tip::case_state_words(*state)))
                .collect::<Vec<_>>()
                .join(", "),
            tip,
        })
        .collect();
    Ok(crate::web::render(
        StatusCode::OK,
        &DecidedPage {
            nav: Nav::new(&state, &who),
            rows,
            all,
            q: &query.q,
            status: &query.status,
            category: &query.category,
            categories: Category::ALL
                .iter()
                .map(|c| (c.as_str(), c.label()))
                .collect(),
            limited,
        },
    ))
}
