//! The queue: tips waiting for review (oldest first), claimed tips and who holds them,
//! tips waiting for the reporter; claiming, releasing, and a supervisor's reassigning.

use super::Nav;
use crate::domain::HandlerRole;
use crate::http::error::{ApiError, BadField, PageError};
use crate::review::auth::SignedIn;
use crate::review::csrf::Posted;
use crate::review::service::{claim_tip, release_tip, tip_id, ReviewError};
use crate::state::AppState;
use crate::store::supervision::ReassignOutcome;
use crate::store::tips::{StatusFilter, TipSummary};
use crate::store::{self};
use crate::web::see_other;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

pub struct Row {
    pub id: String,
    pub category: String,
    /// Since arrival, in days: arrival is kept only as a day.
    pub age: String,
    pub holder: Option<String>,
    /// Until when a live claim holds, to the minute (a staff time).
    pub until: Option<String>,
    pub mine: bool,
    /// How it arrived ("not recorded" for tips from before channels were).
    pub channel: &'static str,
    /// This handler took it by phone, and a second handler must review it.
    pub own_call: bool,
}

#[derive(Template)]
#[template(path = "console/queue.html")]
struct QueuePage {
    nav: Nav,
    pending: Vec<Row>,
    in_review: Vec<Row>,
    awaiting: Vec<Row>,
    /// Who a supervisor can give a claim to.
    handlers: Vec<String>,
}

pub async fn page(
    state: web::Data<AppState>,
    who: Result<SignedIn, ApiError>,
) -> Result<HttpResponse, PageError> {
    let who = who?;
    who.require(HandlerRole::Handler)?;
    let now = store::now();
    let today = days(&store::today());
    let own_calls = state.settings.review.own_calls;
    let rows = |tips: Vec<TipSummary>| -> Vec<Row> {
        tips.into_iter()
            .map(|t| Row {
                age: age(today, days(&t.received_on)),
                category: crate::domain::Category::parse(&t.category)
                    .map_or_else(|_| t.category.clone(), |c| c.label().to_owned()),
                mine: t.claimed_by.as_deref() == Some(who.handler.username.as_str()),
                until: t
                    .claim_expires_at
                    .as_deref()
                    .and_then(|at| {
                        time::OffsetDateTime::parse(
                            at,
                            &time::format_description::well_known::Rfc3339,
                        )
                        .ok()
                    })
                    .map(|at| super::when(at.unix_timestamp())),
                holder: t.claimed_by,
                channel: t.channel.map_or("not recorded", |c| c.label()),
                own_call: t.taken_by_you && !own_calls,
                id: t.id,
            })
            .collect()
    };
    let pending = rows(
        state
            .store
            .list_tips(StatusFilter::PendingReview, now, who.handler.id)
            .await?,
    );
    let in_review = rows(
        state
            .store
            .list_tips(StatusFilter::InReview, now, who.handler.id)
            .await?,
    );
    let awaiting = rows(
        state
            .store
            .list_tips(StatusFilter::AwaitingReporter, now, who.handler.id)
            .await?,
    );
    let handlers = if who.handler.role >= HandlerRole::Supervisor {
        state
            .store
            .handlers()
            .await?
            .into_iter()
            .filter(|h| !h.disabled)
            .map(|h| h.username)
            .collect()
    } else {
        Vec::new()
    };
    Ok(crate::web::render(
        StatusCode::OK,
        &QueuePage {
            nav: Nav::new(&state, &who),
            pending,
            in_review,
            awaiting,
            handlers,
        },
    ))
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date, if it is one.
fn days(date: &str) -> Option<i64> {
    let mut parts = date.split('-').map(|p| p.parse::<i32>().ok());
    let (Some(Some(y)), Some(Some(m)), Some(Some(d))) = (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let month = time::Month::try_from(u8::try_from(m).ok()?).ok()?;
    let date = time::Date::from_calendar_date(y, month, u8::try_from(d).ok()?).ok()?;
    Some(i64::from(date.to_julian_day()))
}

/// When a tip arrived, in words: arrival is kept only as a day (no time of a
/// reporter's is stored), so the finest it can say is the day.
fn age(today: Option<i64>, received: Option<i64>) -> String {
    match (today, received) {
        (Some(t), Some(r)) if t - r <= 0 => "today".to_owned(),
        (Some(t), Some(r)) if t - r == 1 => "yesterday".to_owned(),
        (Some(t), Some(r)) => format!("{} days ago", t - r),
        _ => "unknown".to_owned(),
    }
}

pub async fn claim(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    claim_tip(&state, &posted.who, &tip_id(&path)?).await?;
    Ok(see_other(&format!("/console/tips/{}", path.as_str())))
}

pub async fn release(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    release_tip(&state, &posted.who, &tip_id(&path)?).await?;
    Ok(see_other("/console/queue"))
}

/// A supervisor takes a live claim from its holder: back to the queue (`to` empty) or
/// to another handler, whose claim runs for the usual time.
pub async fn reassign(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    posted.who.require(HandlerRole::Supervisor)?;
    let id = tip_id(&path)?;
    let to = match posted.form.get("to") {
        "" => None,
        name => Some(
            state
                .store
                .handler_by_username(name)
                .await?
                .ok_or_else(|| {
                    BadField(format!(
                        "to: no enabled handler named `{}`",
                        name.chars().take(40).collect::<String>()
                    ))
                })?
                .actor(),
        ),
    };
    let now = store::now();
    let expires_at = now + i64::from(state.settings.review.claim_minutes) * 60;
    match state
        .store
        .reassign_claim(
            &posted.who.actor(),
            id.as_str(),
            to.as_ref(),
            now,
            expires_at,
            state.settings.review.own_calls,
        )
        .await?
    {
        ReassignOutcome::Done => Ok(see_other("/console/queue")),
        ReassignOutcome::NotClaimed => {
            Err(ReviewError::Decision("the tip has no live claim to reassign".into()).into())
        }
        ReassignOutcome::OwnCall => Err(ReviewError::OwnCall.into()),
    }
}
