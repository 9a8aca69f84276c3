//! Questions from agencies: each handler sees those about the cases they forwarded,
//! supervisors see all; whoever deals with one marks it handled (audited).

use super::Nav;
use crate::domain::{Context, HandlerRole};
use crate::http::error::{ApiError, BadField, PageError};
use crate::review::auth::SignedIn;
use crate::review::csrf::Posted;
use crate::state::AppState;
use crate::store;
use crate::web::see_other;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

pub struct QuestionRow {
    pub seq: i64,
    pub case_id: String,
    pub tip_id: String,
    pub agency_id: String,
    pub question: String,
    pub asked_on: String,
    pub forwarded_by: String,
}

#[derive(Template)]
#[template(path = "console/questions.html")]
struct QuestionsPage {
    nav: Nav,
    questions: Vec<QuestionRow>,
    all: bool,
}

/// Whose cases' questions this person sees: their own forwards, or (supervisors) all.
fn scope(who: &SignedIn) -> Option<i64> {
    (who.handler.role < HandlerRole::Supervisor).then_some(who.handler.id)
}

pub async fn page(
    state: web::Data<AppState>,
    who: Result<SignedIn, ApiError>,
) -> Result<HttpResponse, PageError> {
    let who = who?;
    who.require(HandlerRole::Handler)?;
    let questions = state
        .store
        .open_questions(scope(&who))
        .await?
        .into_iter()
        .map(|q| QuestionRow {
            question: state
                .keys
                .data
                .decrypt_string(Context::AgencyQuestion(&q.case_id), &q.body)
                .unwrap_or_else(|_| "(the question could not be opened)".into()),
            seq: q.seq,
            case_id: q.case_id.as_str().to_owned(),
            tip_id: q.tip_id,
            agency_id: q.agency_id,
            asked_on: q.asked_on,
            forwarded_by: q.forwarded_by.unwrap_or_else(|| "unknown".into()),
        })
        .collect();
    Ok(crate::web::render(
        StatusCode::OK,
        &QuestionsPage {
            all: scope(&who).is_none(),
            nav: Nav::new(&state, &who),
            questions,
        },
    ))
}

pub async fn handled(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    posted.who.require(HandlerRole::Handler)?;
    if !state
        .store
        .handle_question(&posted.who.actor(), scope(&posted.who), *path, store::now())
        .await?
    {
        return Err(BadField("no such open question about a case you forwarded".into()).into());
    }
    Ok(see_other("/console/questions"))
}
