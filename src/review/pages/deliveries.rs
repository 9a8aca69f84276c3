//! Delivery (supervisors): each agency's cases by where they are, and the cases in
//! dead letter (delivered `agency.max_deliveries` times without an ack) with the last
//! reason the agency gave, each requeueable (audited).

use super::Nav;
use crate::domain::{CaseId, Context, HandlerRole};
use crate::http::error::{ApiError, BadField, PageError};
use crate::review::auth::SignedIn;
use crate::review::csrf::Posted;
use crate::state::AppState;
use crate::store::{self, deliveries::DeliveryCounts};
use crate::web::see_other;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

pub struct DeadRow {
    pub id: String,
    pub tip_id: String,
    pub agency_id: String,
    pub category: String,
    pub deliveries: i64,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "console/deliveries.html")]
struct DeliveriesPage {
    nav: Nav,
    counts: Vec<DeliveryCounts>,
    dead: Vec<DeadRow>,
    max_deliveries: u32,
}

pub async fn page(
    state: web::Data<AppState>,
    who: Result<SignedIn, ApiError>,
) -> Result<HttpResponse, PageError> {
    let who = who?;
    who.require(HandlerRole::Supervisor)?;
    let max = state.settings.agency.max_deliveries;
    let now = store::now();
    let dead = state
        .store
        .dead_letters(max, now)
        .await?
        .into_iter()
        .map(|d| DeadRow {
            reason: match &d.nack_reason {
                None => "its leases lapsed without an ack".into(),
                Some(sealed) => state
                    .keys
                    .data
                    .decrypt_string(Context::NackReason(&d.id), sealed)
                    .map(|r| format!("last nack: {r}"))
                    .unwrap_or_else(|_| "(the reason could not be opened)".into()),
            },
            id: d.id.as_str().to_owned(),
            tip_id: d.tip_id,
            agency_id: d.agency_id,
            category: d.category,
            deliveries: d.deliveries,
        })
        .collect();
    Ok(crate::web::render(
        StatusCode::OK,
        &DeliveriesPage {
            nav: Nav::new(&state, &who),
            counts: state.store.delivery_counts(max, now).await?,
            dead,
            max_deliveries: max,
        },
    ))
}

pub async fn requeue(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    posted.who.require(HandlerRole::Supervisor)?;
    let not_dead = || BadField("no such case in dead letter".into());
    let id = CaseId::parse(&path).ok_or_else(not_dead)?;
    if !state
        .store
        .requeue_case(
            &posted.who.actor(),
            id.as_str(),
            state.settings.agency.max_deliveries,
            store::now(),
        )
        .await?
    {
        return Err(not_dead().into());
    }
    Ok(see_other("/console/deliveries"))
}
