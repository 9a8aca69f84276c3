//! The review service: what a handler can do to a tip, shared by the JSON API and the
//! console pages so that both take exactly the same path (and the same checks).

use super::auth::{AuthError, Session};
use crate::crypto::sealing::Envelope;
use crate::domain::{
    AddedSpan, ApprovalError, ApprovedRedaction, Category, Context, Draft, HandlerRole,
    MessageAuthor, RawTip, TipId, TipStatus,
};
use crate::http::error::Problem;
use crate::http::BodyError;
use crate::routing;
use crate::state::AppState;
use crate::store::messages::AskOutcome;
use crate::store::tips::{ClaimOutcome, DecideOutcome, TipRecord};
use crate::store::{self, StoreError};
use actix_web::http::StatusCode;
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
    NotReviewable(crate::domain::TipStatus),
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

impl Problem for ReviewError {
    fn status(&self) -> StatusCode {
        match self {
            ReviewError::Auth(e) => e.status(),
            ReviewError::Body(e) => e.status(),
            ReviewError::Store(e) => e.status(),
            ReviewError::UnknownStatus(_) | ReviewError::Decision(_) | ReviewError::Approval(_) => {
                StatusCode::BAD_REQUEST
            }
            ReviewError::NotFound => StatusCode::NOT_FOUND,
            ReviewError::HeldByOther
            | ReviewError::NotReviewable(_)
            | ReviewError::NotHolder
            | ReviewError::NoDraft => StatusCode::CONFLICT,
            ReviewError::Corrupt => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn header(
        &self,
    ) -> Option<(
        actix_web::http::header::HeaderName,
        actix_web::http::header::HeaderValue,
    )> {
        match self {
            ReviewError::Auth(e) => e.header(),
            _ => None,
        }
    }

    fn redirect(&self) -> Option<&'static str> {
        match self {
            ReviewError::Auth(e) => e.redirect(),
            _ => None,
        }
    }
}

/// A path segment that names a tip; anything that is not one of our ids is no tip.
pub fn tip_id(segment: &str) -> Result<TipId, ReviewError> {
    TipId::parse(segment).ok_or(ReviewError::NotFound)
}

/// A tip opened for review: the original beside the draft.
pub struct OpenedTip {
    pub id: TipId,
    pub record: TipRecord,
    pub category: Category,
    pub original: String,
    pub draft: Draft,
}

/// Opens a tip's text for the handler holding its live claim: nobody else reads it,
/// so who saw a tip is exactly who claimed it (and that is in the audit log).
pub async fn open_tip(
    state: &AppState,
    id: &TipId,
    who: &Session,
) -> Result<OpenedTip, ReviewError> {
    let record = state
        .store
        .tip(id.as_str(), store::now())
        .await?
        .ok_or(ReviewError::NotFound)?;
    if matches!(record.status, TipStatus::Forwarded | TipStatus::Rejected) {
        return Err(ReviewError::NotReviewable(record.status));
    }
    if record.claimed_by != Some(who.handler.id) {
        return Err(ReviewError::NotHolder);
    }
    let sealed_draft = record.draft.as_deref().ok_or(ReviewError::NoDraft)?;
    let draft = state
        .keys
        .data
        .decrypt(Context::Draft(id), sealed_draft)
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
        id: id.clone(),
        category: raw.category(),
        original: raw.review_text(),
        record,
        draft,
    })
}

#[derive(Serialize)]
pub struct MessageView {
    pub author: MessageAuthor,
    pub body: String,
    pub created_on: String,
}

/// The conversation with the reporter, decrypted.
pub async fn conversation(state: &AppState, tip: &TipId) -> Result<Vec<MessageView>, ReviewError> {
    state
        .store
        .messages(tip.as_str())
        .await?
        .into_iter()
        .map(|m| {
            let body = state
                .keys
                .data
                .decrypt_string(Context::Message(tip, m.author), &m.body)
                .map_err(|_| ReviewError::Corrupt)?;
            Ok(MessageView {
                author: m.author,
                body,
                created_on: m.created_on,
            })
        })
        .collect()
}

/// Claims a tip for the handler (or renews their claim); when it expires.
pub async fn claim_tip(state: &AppState, who: &Session, id: &TipId) -> Result<i64, ReviewError> {
    who.require(HandlerRole::Handler)?;
    let now = store::now();
    let expires_at = now + i64::from(state.settings.review.claim_minutes) * 60;
    match state
        .store
        .claim_tip(id.as_str(), &who.actor(), now, expires_at)
        .await?
    {
        ClaimOutcome::Claimed { expires_at } => Ok(expires_at),
        ClaimOutcome::NotFound => Err(ReviewError::NotFound),
        ClaimOutcome::HeldByOther => Err(ReviewError::HeldByOther),
        ClaimOutcome::NotReviewable(status) => Err(ReviewError::NotReviewable(status)),
    }
}

pub async fn release_tip(state: &AppState, who: &Session, id: &TipId) -> Result<(), ReviewError> {
    who.require(HandlerRole::Handler)?;
    decided(
        state
            .store
            .release_tip(id.as_str(), &who.actor(), store::now())
            .await?,
    )
}

fn decided(outcome: DecideOutcome) -> Result<(), ReviewError> {
    match outcome {
        DecideOutcome::Done => Ok(()),
        DecideOutcome::NotFound => Err(ReviewError::NotFound),
        DecideOutcome::Decided(status) => Err(ReviewError::NotReviewable(status)),
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

/// What forwarding with these restored and added spans would send: the same
/// `ApprovedRedaction::approve` that forwarding runs, so the preview is the forwarded
/// text by construction. Only the claim holder may ask.
pub async fn preview(
    state: &AppState,
    who: &Session,
    id: &TipId,
    keep: &[usize],
    add: &[AddedSpan],
) -> Result<String, ReviewError> {
    who.require(HandlerRole::Handler)?;
    let tip = open_tip(state, id, who).await?;
    let approved = ApprovedRedaction::approve(&tip.original, &tip.draft, keep, add)?;
    Ok(approved.text().to_owned())
}

/// Forwards or rejects a tip the handler holds. A forward makes the released text with
/// `ApprovedRedaction::approve`, the only way there is.
pub async fn apply_decision(
    state: &AppState,
    who: &Session,
    id: &TipId,
    decision: Decision,
) -> Result<(), ReviewError> {
    who.require(HandlerRole::Handler)?;
    let tip = open_tip(state, id, who).await?;
    let now = store::now();
    let outcome = match decision {
        Decision::Forward {
            agencies,
            keep,
            add,
            note,
        } => {
            let chosen = check_agencies(state, &agencies)?;
            let note = check_text("note", note.as_deref().unwrap_or(""), false)?;
            let approved = ApprovedRedaction::approve(&tip.original, &tip.draft, &keep, &add)?;
            let cases = routing::route(
                &approved,
                tip.category,
                &tip.record.received_on,
                &chosen,
                &state.keys.data,
            );
            let sealed_note = (!note.is_empty())
                .then(|| state.keys.data.encrypt_str(Context::DecisionNote(id), note));
            let detail = format!(
                "agencies={}; restored={}; added={}",
                agencies.join(","),
                keep.len(),
                add.len()
            );
            state
                .store
                .forward_tip(
                    id.as_str(),
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
                .encrypt_str(Context::DecisionNote(id), reason);
            state
                .store
                .reject_tip(id.as_str(), &who.actor(), now, &sealed)
                .await?
        }
    };
    decided(outcome)
}

fn check_text<'a>(field: &str, text: &'a str, required: bool) -> Result<&'a str, ReviewError> {
    let text = text.trim();
    if text.contains('\0') {
        return Err(ReviewError::Decision(format!(
            "{field} must not contain a NUL character"
        )));
    }
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

/// The chosen agencies' configuration: each one known (in `routing.toml`) and once.
fn check_agencies<'a>(
    state: &'a AppState,
    chosen: &[String],
) -> Result<Vec<&'a routing::AgencyConfig>, ReviewError> {
    if chosen.is_empty() {
        return Err(ReviewError::Decision(
            "agencies: choose at least one agency to forward to".into(),
        ));
    }
    let known = &state.routing.agencies;
    let mut found = Vec::new();
    for (i, id) in chosen.iter().enumerate() {
        let Some(agency) = state.routing.agency(id) else {
            let ids: Vec<_> = known.iter().map(|a| a.id.as_str()).collect();
            return Err(ReviewError::Decision(format!(
                "agencies: unknown agency `{}`; expected one of {}",
                id.chars().take(40).collect::<String>(),
                ids.join(", ")
            )));
        };
        if chosen[..i].contains(id) {
            return Err(ReviewError::Decision(format!(
                "agencies: `{id}` is listed twice"
            )));
        }
        found.push(agency);
    }
    Ok(found)
}

/// Sends a question to the reporter of a tip the handler holds.
pub async fn ask_reporter(
    state: &AppState,
    who: &Session,
    id: &TipId,
    question: &str,
) -> Result<(), ReviewError> {
    who.require(HandlerRole::Handler)?;
    let text = check_text("question", question, true)?;
    let body = state
        .keys
        .data
        .encrypt_str(Context::Message(id, MessageAuthor::Handler), text);
    match state
        .store
        .ask_reporter(
            id.as_str(),
            &who.actor(),
            &body,
            &store::today(),
            store::now(),
        )
        .await?
    {
        AskOutcome::Asked => Ok(()),
        AskOutcome::NotFound => Err(ReviewError::NotFound),
        AskOutcome::NotHolder => Err(ReviewError::NotHolder),
    }
}
