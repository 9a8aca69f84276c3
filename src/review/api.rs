//! The review JSON API.

use super::approval::{AddedSpan, ApprovalError, ApprovedRedaction};
use super::auth::{AuthError, Session, SignedIn};
use super::draft::{draft_context, Draft, DraftSpan};
use crate::crypto::sealing::Envelope;
use crate::http::{json_error, read_json, BodyError};
use crate::routing;
use crate::startup::AppState;
use crate::store::handlers::Role;
use crate::store::messages::AskOutcome;
use crate::store::tips::{ClaimOutcome, DecideOutcome, StatusFilter, TipRecord};
use crate::store::{self, StoreError};
use crate::tip::{Category, RawTip};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse, ResponseError};
use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error(transparent)]
    Auth(#[from] AuthError),
    #[error(transparent)]
    Body(#[from] BodyError),
    #[error("unknown status `{0}`; expected pending_review, in_review, awaiting_reporter, forwarded or rejected")]
    UnknownStatus(String),
    #[error("no such tip")]
    NotFound,
    #[error("the tip is claimed by another handler")]
    HeldByOther,
    #[error("the tip is {0}, not waiting for review")]
    NotReviewable(String),
    #[error("claim the tip first: only the handler holding a live claim may act on it")]
    NotHolder,
    #[error("the tip has no draft yet; try again in a moment")]
    NoDraft,
    #[error("{0}")]
    Decision(String),
    #[error(transparent)]
    Approval(#[from] ApprovalError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("stored data could not be opened")]
    Corrupt,
}

impl ResponseError for ReviewError {
    fn status_code(&self) -> StatusCode {
        match self {
            ReviewError::Auth(e) => e.status_code(),
            ReviewError::Body(e) => e.status(),
            ReviewError::UnknownStatus(_) | ReviewError::Decision(_) | ReviewError::Approval(_) => {
                StatusCode::BAD_REQUEST
            }
            ReviewError::NotFound => StatusCode::NOT_FOUND,
            ReviewError::HeldByOther
            | ReviewError::NotReviewable(_)
            | ReviewError::NotHolder
            | ReviewError::NoDraft => StatusCode::CONFLICT,
            ReviewError::Store(_) => StatusCode::SERVICE_UNAVAILABLE,
            ReviewError::Corrupt => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            ReviewError::Auth(e) => e.error_response(),
            ReviewError::Store(e) => {
                tracing::error!(error = %e, "review storage error");
                json_error(self.status_code(), "the service is unavailable, try again")
            }
            _ => json_error(self.status_code(), self.to_string()),
        }
    }
}

#[derive(Deserialize)]
pub struct ListQuery {
    status: Option<String>,
}

pub async fn list_tips(
    state: web::Data<AppState>,
    who: SignedIn,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ReviewError> {
    who.require(Role::Handler)?;
    let status = query.status.as_deref().unwrap_or("pending_review");
    let filter = StatusFilter::parse(status)
        .ok_or_else(|| ReviewError::UnknownStatus(status.chars().take(40).collect()))?;
    let tips = state.store.list_tips(filter, store::now()).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "tips": tips })))
}

/// A tip opened for review: the original beside the draft.
pub struct OpenedTip {
    pub record: TipRecord,
    pub category: Category,
    pub original: String,
    pub draft: Draft,
}

/// Opens a tip's text for the handler holding its live claim: nobody else reads it,
/// so who saw a tip is exactly who claimed it (and that is in the audit log).
pub async fn open_tip(state: &AppState, id: &str, who: &Session) -> Result<OpenedTip, ReviewError> {
    let record = state
        .store
        .tip(id, store::now())
        .await?
        .ok_or(ReviewError::NotFound)?;
    if record.claimed_by != Some(who.handler.id) {
        return Err(ReviewError::NotHolder);
    }
    let sealed_draft = record.draft.as_deref().ok_or(ReviewError::NoDraft)?;
    let draft = state
        .keys
        .data
        .decrypt(&draft_context(&record.id), sealed_draft)
        .ok()
        .and_then(|plain| Draft::from_json(&plain).ok())
        .ok_or(ReviewError::Corrupt)?;
    let envelope: Envelope =
        serde_json::from_slice(&record.sealed).map_err(|_| ReviewError::Corrupt)?;
    let raw = state
        .keys
        .intake
        .open(&envelope)
        .ok()
        .and_then(|plain| RawTip::from_json(&plain).ok())
        .ok_or(ReviewError::Corrupt)?;
    Ok(OpenedTip {
        category: raw.category(),
        original: raw.review_text(),
        record,
        draft,
    })
}

#[derive(Serialize)]
struct TipView<'a> {
    id: &'a str,
    category: Category,
    status: &'a str,
    received_on: &'a str,
    claimed_by: Option<&'a str>,
    original: &'a str,
    draft: DraftView<'a>,
    suggested_agencies: Vec<String>,
    messages: Vec<MessageView>,
}

#[derive(Serialize)]
struct DraftView<'a> {
    redacted: &'a str,
    spans: &'a [DraftSpan],
}

#[derive(Serialize)]
pub struct MessageView {
    pub author: String,
    pub body: String,
    pub created_on: String,
}

/// The conversation with the reporter, decrypted.
pub async fn conversation(state: &AppState, tip_id: &str) -> Result<Vec<MessageView>, ReviewError> {
    state
        .store
        .messages(tip_id)
        .await?
        .into_iter()
        .map(|m| {
            let body = state
                .keys
                .data
                .decrypt_string(&message_context(tip_id, &m.author), &m.body)
                .map_err(|_| ReviewError::Corrupt)?;
            Ok(MessageView {
                author: m.author,
                body,
                created_on: m.created_on,
            })
        })
        .collect()
}

pub fn message_context(tip_id: &str, author: &str) -> String {
    format!("tip:{tip_id}:message:{author}")
}

pub async fn get_tip(
    state: web::Data<AppState>,
    who: SignedIn,
    path: web::Path<String>,
) -> Result<HttpResponse, ReviewError> {
    who.require(Role::Handler)?;
    let tip = open_tip(&state, &path, &who).await?;
    let agencies = state.store.agencies().await?;
    let messages = conversation(&state, &tip.record.id).await?;
    Ok(HttpResponse::Ok().json(TipView {
        id: &tip.record.id,
        category: tip.category,
        status: &tip.record.status,
        received_on: &tip.record.received_on,
        claimed_by: tip.record.claimed_by_name.as_deref(),
        original: &tip.original,
        draft: DraftView {
            redacted: &tip.draft.redacted,
            spans: &tip.draft.spans,
        },
        suggested_agencies: routing::suggest(tip.category, &agencies),
        messages,
    }))
}

pub async fn claim(
    state: web::Data<AppState>,
    who: SignedIn,
    path: web::Path<String>,
) -> Result<HttpResponse, ReviewError> {
    let expires_at = claim_tip(&state, &who, &path).await?;
    Ok(HttpResponse::Ok()
        .json(serde_json::json!({ "id": path.as_str(), "claim_expires_at": expires_at })))
}

/// Claims a tip for the handler (or renews their claim); when it expires.
pub async fn claim_tip(state: &AppState, who: &Session, id: &str) -> Result<i64, ReviewError> {
    who.require(Role::Handler)?;
    let now = store::now();
    let expires_at = now + i64::from(state.settings.review.claim_minutes) * 60;
    match state
        .store
        .claim_tip(id, &who.actor(), now, expires_at)
        .await?
    {
        ClaimOutcome::Claimed { expires_at } => Ok(expires_at),
        ClaimOutcome::NotFound => Err(ReviewError::NotFound),
        ClaimOutcome::HeldByOther => Err(ReviewError::HeldByOther),
        ClaimOutcome::NotReviewable(status) => Err(ReviewError::NotReviewable(status)),
    }
}

pub async fn release(
    state: web::Data<AppState>,
    who: SignedIn,
    path: web::Path<String>,
) -> Result<HttpResponse, ReviewError> {
    release_tip(&state, &who, &path).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub async fn release_tip(state: &AppState, who: &Session, id: &str) -> Result<(), ReviewError> {
    who.require(Role::Handler)?;
    decided(
        state
            .store
            .release_tip(id, &who.actor(), store::now())
            .await?,
    )
}

fn decided(outcome: DecideOutcome) -> Result<(), ReviewError> {
    match outcome {
        DecideOutcome::Done => Ok(()),
        DecideOutcome::NotFound => Err(ReviewError::NotFound),
        DecideOutcome::NotHolder => Err(ReviewError::NotHolder),
    }
}

/// A handler's decision on a tip they hold.
#[derive(Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum Decision {
    Forward {
        agencies: Vec<String>,
        #[serde(default)]
        keep: Vec<usize>,
        #[serde(default)]
        add: Vec<AddedSpan>,
        note: Option<String>,
    },
    Reject {
        reason: String,
    },
}

const MAX_NOTE_CHARS: usize = 4000;

pub async fn decide(
    state: web::Data<AppState>,
    who: SignedIn,
    path: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ReviewError> {
    let decision: Decision = read_json(payload).await?;
    apply_decision(&state, &who, &path, decision).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Forwards or rejects a tip the handler holds. A forward makes the released text with
/// `ApprovedRedaction::approve`, the only way there is.
pub async fn apply_decision(
    state: &AppState,
    who: &Session,
    id: &str,
    decision: Decision,
) -> Result<(), ReviewError> {
    who.require(Role::Handler)?;
    let tip = open_tip(state, id, who).await?;
    let now = store::now();
    let outcome = match decision {
        Decision::Forward {
            agencies,
            keep,
            add,
            note,
        } => {
            check_agencies(state, &agencies).await?;
            let note = check_text("note", note.as_deref().unwrap_or(""), false)?;
            let approved = ApprovedRedaction::approve(&tip.original, &tip.draft, &keep, &add)?;
            let cases = routing::route(
                &approved,
                tip.category,
                &tip.record.received_on,
                &agencies,
                &state.keys.data,
            );
            let sealed_note = (!note.is_empty()).then(|| {
                state
                    .keys
                    .data
                    .encrypt_str(&note_context(&tip.record.id), note)
            });
            let detail = format!(
                "agencies={}; restored={}; added={}",
                agencies.join(","),
                keep.len(),
                add.len()
            );
            state
                .store
                .forward_tip(
                    &tip.record.id,
                    &who.actor(),
                    now,
                    &cases,
                    sealed_note.as_deref(),
                    &detail,
                )
                .await?
        }
        Decision::Reject { reason } => {
            let reason = check_text("reason", &reason, true)?;
            let sealed = state
                .keys
                .data
                .encrypt_str(&note_context(&tip.record.id), reason);
            state
                .store
                .reject_tip(&tip.record.id, &who.actor(), now, &sealed)
                .await?
        }
    };
    decided(outcome)
}

pub fn note_context(tip_id: &str) -> String {
    format!("tip:{tip_id}:decision-note")
}

fn check_text<'a>(field: &str, text: &'a str, required: bool) -> Result<&'a str, ReviewError> {
    let text = text.trim();
    if required && text.is_empty() {
        return Err(ReviewError::Decision(format!("{field} must not be empty")));
    }
    if text.chars().count() > MAX_NOTE_CHARS {
        return Err(ReviewError::Decision(format!(
            "{field} is longer than {MAX_NOTE_CHARS} characters"
        )));
    }
    Ok(text)
}

async fn check_agencies(state: &AppState, chosen: &[String]) -> Result<(), ReviewError> {
    if chosen.is_empty() {
        return Err(ReviewError::Decision(
            "agencies: choose at least one agency to forward to".into(),
        ));
    }
    let known = state.store.agencies().await?;
    for (i, id) in chosen.iter().enumerate() {
        if !known.iter().any(|a| &a.id == id) {
            let ids: Vec<_> = known.iter().map(|a| a.id.as_str()).collect();
            return Err(ReviewError::Decision(format!(
                "agencies: unknown agency `{}`; expected one of {}",
                id.chars().take(40).collect::<String>(),
                ids.join(", ")
            )));
        }
        if chosen[..i].contains(id) {
            return Err(ReviewError::Decision(format!(
                "agencies: `{id}` is listed twice"
            )));
        }
    }
    Ok(())
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
    payload: web::Payload,
) -> Result<HttpResponse, ReviewError> {
    let question: Question = read_json(payload).await?;
    ask_reporter(&state, &who, &path, &question.question).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Sends a question to the reporter of a tip the handler holds.
pub async fn ask_reporter(
    state: &AppState,
    who: &Session,
    id: &str,
    question: &str,
) -> Result<(), ReviewError> {
    who.require(Role::Handler)?;
    let text = check_text("question", question, true)?;
    let body = state
        .keys
        .data
        .encrypt_str(&message_context(id, "handler"), text);
    match state
        .store
        .ask_reporter(id, &who.actor(), &body, &store::today(), store::now())
        .await?
    {
        AskOutcome::Asked => Ok(()),
        AskOutcome::NotFound => Err(ReviewError::NotFound),
        AskOutcome::NotHolder => Err(ReviewError::NotHolder),
    }
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
) -> Result<HttpResponse, ReviewError> {
    who.require(Role::Supervisor)?;
    let rows = state
        .store
        .audit_rows(query.actor.as_deref(), query.tip.as_deref(), 1000)
        .await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "entries": rows })))
}

pub async fn verify_audit(
    state: web::Data<AppState>,
    who: SignedIn,
) -> Result<HttpResponse, ReviewError> {
    who.require(Role::Supervisor)?;
    let broken = state.store.verify_audit_chain().await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "intact": broken.is_none(), "break": broken })))
}
