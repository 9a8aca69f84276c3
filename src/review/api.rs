//! The review JSON API: thin handlers over `review::service`.

use super::attachments::AttachmentView;
use super::auth::SignedIn;
use super::service::{self, tip_id, Decision, MessageView, ReviewError};
use crate::domain::{Category, Channel, DraftSpan, HandlerRole, Region};
use crate::http::error::ApiError;
use crate::http::read_json;
use crate::routing;
use crate::state::AppState;
use crate::store;
use crate::store::cases::CaseSummary;
use crate::store::tips::StatusFilter;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
pub struct ListQuery {
    status: Option<String>,
}

pub async fn list_tips(
    state: web::Data<AppState>,
    who: SignedIn,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    who.require(HandlerRole::Handler)?;
    let status = query.status.as_deref().unwrap_or("pending_review");
    let filter = StatusFilter::parse(status)
        .ok_or_else(|| ReviewError::UnknownStatus(status.chars().take(40).collect()))?;
    let tips = state
        .store
        .list_tips(filter, store::now(), who.handler.id)
        .await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "tips": tips })))
}

#[derive(Serialize)]
struct TipView<'a> {
    id: &'a str,
    category: Category,
    status: &'a str,
    received_on: &'a str,
    /// How it arrived (`null` for a tip from before channels were recorded).
    channel: Option<Channel>,
    region: Region,
    /// Who took it, for a report taken by phone.
    taken_by: Option<&'a str>,
    claimed_by: Option<&'a str>,
    original: &'a str,
    draft: DraftView<'a>,
    /// The suggested agencies' ids (kept for older clients; `suggestions` says why).
    suggested_agencies: Vec<String>,
    suggestions: Vec<routing::Suggestion>,
    /// The conversation in order; each reporter message waiting for review (`pending`)
    /// carries its own draft, decided with the tip.
    messages: &'a [MessageView],
    /// Cases made so far (a tip forwarded before and back in review for new messages).
    cases: Vec<CaseView>,
    /// The files sent with the tip: stripped copies to forward or withhold.
    attachments: Vec<AttachmentView>,
}

/// A case as a handler sees it: where it went and whether it was acknowledged, never
/// its body.
#[derive(Serialize)]
pub struct CaseView {
    pub agency: String,
    pub kind: crate::domain::CaseKind,
    pub sequence: i64,
    pub state: crate::domain::CaseState,
    pub created_at: String,
    pub acknowledged_at: Option<String>,
}

impl From<CaseSummary> for CaseView {
    fn from(c: CaseSummary) -> Self {
        CaseView {
            agency: c.agency_id,
            kind: c.kind,
            sequence: c.sequence,
            state: c.state,
            created_at: crate::http::rfc3339(c.created_at),
            acknowledged_at: c.acknowledged_at.map(crate::http::rfc3339),
        }
    }
}

#[derive(Serialize)]
struct DraftView<'a> {
    redacted: &'a str,
    spans: &'a [DraftSpan],
    /// The spans review keeps by default for their roles (`review.roles`).
    proposed_keep: Vec<usize>,
}

pub async fn get_tip(
    state: web::Data<AppState>,
    who: SignedIn,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    who.require(HandlerRole::Handler)?;
    let tip = service::open_tip(&state, &tip_id(&path)?, &who).await?;
    let suggestions = routing::suggest(&state.routing, tip.category, &tip.draft);
    let cases = state
        .store
        .cases_of_tip(tip.id.as_str(), store::now())
        .await?
        .into_iter()
        .map(CaseView::from)
        .collect();
    Ok(HttpResponse::Ok().json(TipView {
        id: tip.id.as_str(),
        category: tip.category,
        status: tip.record.status.as_str(),
        received_on: &tip.record.received_on,
        channel: tip.record.channel,
        region: tip.record.region,
        taken_by: tip.record.taken_by_name.as_deref(),
        claimed_by: tip.record.claimed_by_name.as_deref(),
        original: &tip.original,
        draft: DraftView {
            redacted: &tip.draft.redacted,
            spans: &tip.draft.spans,
            proposed_keep: service::proposed_keep(&tip.draft, &state.settings.review.roles),
        },
        suggested_agencies: suggestions.iter().map(|s| s.agency.clone()).collect(),
        suggestions,
        messages: &tip.messages,
        cases,
        attachments: AttachmentView::list(tip.id.as_str(), &tip.attachments, &state.keys.data),
    }))
}

pub async fn claim(
    state: web::Data<AppState>,
    who: SignedIn,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let expires_at = service::claim_tip(&state, &who, &tip_id(&path)?).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "id": path.as_str(),
        "claim_expires_at": crate::http::rfc3339(expires_at),
    })))
}

pub async fn release(
    state: web::Data<AppState>,
    who: SignedIn,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    service::release_tip(&state, &who, &tip_id(&path)?).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub async fn decide(
    state: web::Data<AppState>,
    who: SignedIn,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let id = tip_id(&path)?;
    let decision: Decision = read_json(&req, payload).await?;
    service::apply_decision(&state, &who, &id, decision).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    question: String,
}

/// Sends a question to the reporter; the tip waits for their answer.
pub async fn ask(
    state: web::Data<AppState>,
    who: SignedIn,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let id = tip_id(&path)?;
    let question: Question = read_json(&req, payload).await?;
    service::ask_reporter(&state, &who, &id, &question.question).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Withdraws the question a tip waits on; the tip returns to the queue.
pub async fn withdraw_question(
    state: web::Data<AppState>,
    who: SignedIn,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    service::withdraw_question(&state, &who, &tip_id(&path)?).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Takes back the caller's first decision on a tip while its undo window lasts.
pub async fn undo(
    state: web::Data<AppState>,
    who: SignedIn,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    service::undo_decision(&state, &who, &tip_id(&path)?).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize)]
pub struct AuditQuery {
    actor: Option<String>,
    tip: Option<String>,
}

pub async fn audit_log(
    state: web::Data<AppState>,
    who: SignedIn,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, ApiError> {
    who.require(HandlerRole::Supervisor)?;
    let rows = state
        .store
        .audit_rows(query.actor.as_deref(), query.tip.as_deref(), 1000)
        .await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "entries": rows })))
}

pub async fn verify_audit(
    state: web::Data<AppState>,
    who: SignedIn,
) -> Result<HttpResponse, ApiError> {
    who.require(HandlerRole::Supervisor)?;
    let broken = state.store.verify_audit_chain().await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "intact": broken.is_none(), "break": broken })))
}
