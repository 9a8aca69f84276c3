//! The review service: what a handler can do to a tip, shared by the JSON API and the
//! console pages so that both take exactly the same path (and the same checks).

use super::auth::{AuthError, Session};
use crate::attachments::{self, AttachmentKind, Region};
use crate::crypto::sealing::Envelope;
use crate::domain::{
    AddedSpan, ApprovalError, ApprovedRedaction, AttachmentId, AuditAction, Category, Context,
    Draft, HandlerRole, MessageAuthor, MessageState, NewCase, NewCaseParent, RawTip, TipId,
    TipStatus,
};
use crate::http::error::Problem;
use crate::http::BodyError;
use crate::routing;
use crate::state::AppState;
use crate::store::attachments::{AttachmentRecord, AttachmentState, CopyError};
use crate::store::audit::AuditEntry;
use crate::store::messages::{AskOutcome, WithdrawOutcome};
use crate::store::tips::{ClaimOutcome, DecideOutcome, Forwarding, MessageDecided, TipRecord};
use crate::store::undo::UndoOutcome;
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
    #[error("this report was taken by phone by that handler: a second handler reviews it (review.own_calls is off)")]
    OwnCall,
    #[error("the tip is {0}, not waiting for review")]
    NotReviewable(crate::domain::TipStatus),
    #[error("claim the tip first: only the handler holding a live claim may act on it")]
    NotHolder,
    #[error("this tip was {} already: there is nothing left to decide", .0.label())]
    AlreadyDecided(TipStatus),
    #[error("the reporter sent a message this decision does not cover (it arrived after the tip was opened, or is still being drafted): reload the tip and decide that message too")]
    UnreviewedMessages,
    #[error("no question is waiting on this tip")]
    NoQuestion,
    #[error("this decision can no longer be taken back: the undo window has ended, or the decision was not yours or not the tip's first")]
    UndoClosed,
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
            | ReviewError::OwnCall
            | ReviewError::NotReviewable(_)
            | ReviewError::NotHolder
            | ReviewError::AlreadyDecided(_)
            | ReviewError::UnreviewedMessages
            | ReviewError::NoQuestion
            | ReviewError::UndoClosed
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

/// A tip opened for review: the original beside the draft, and the conversation with
/// the reporter, each of their messages with its own draft.
pub struct OpenedTip {
    pub id: TipId,
    pub record: TipRecord,
    pub category: Category,
    pub original: String,
    pub draft: Draft,
    pub messages: Vec<MessageView>,
    /// The files sent with it, in order.
    pub attachments: Vec<AttachmentRecord>,
}

impl OpenedTip {
    /// A reporter message waiting for review, by its id.
    fn pending_message(&self, id: i64) -> Option<&MessageView> {
        self.messages
            .iter()
            .find(|m| m.id == id && m.state == MessageState::Pending)
    }
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
        messages: conversation(state, id).await?,
        attachments: state.store.attachments_of_tip(id).await?,
        id: id.clone(),
        category: raw.category(),
        original: raw.review_text(),
        record,
        draft,
    })
}

/// One message of the conversation, opened for the claim holder.
#[derive(Serialize)]
pub struct MessageView {
    /// How a decision names the message.
    pub id: i64,
    pub author: MessageAuthor,
    pub state: MessageState,
    pub body: String,
    pub created_on: String,
    /// A reporter message's draft, once the redaction worker has made it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<Draft>,
    /// For a draft: the spans review proposes to keep by their roles (`review.roles`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposed_keep: Option<Vec<usize>>,
    /// The update (case sequence) it was forwarded as.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_on: Option<String>,
}

/// The spans whose role review keeps by default (`review.roles`): what the review page
/// ticks before the handler decides. A decision says its own `keep`.
pub fn proposed_keep(draft: &Draft, roles: &crate::config::RoleDefaults) -> Vec<usize> {
    draft
        .spans
        .iter()
        .filter(|s| roles.keeps(s.role))
        .map(|s| s.index)
        .collect()
}

/// The conversation with the reporter, decrypted, in order.
async fn conversation(state: &AppState, tip: &TipId) -> Result<Vec<MessageView>, ReviewError> {
    state
        .store
        .messages(tip.as_str())
        .await?
        .into_iter()
        .map(|m| {
            let data = &state.keys.data;
            let body = data
                .decrypt_string(Context::Message(tip, m.author), &m.body)
                .map_err(|_| ReviewError::Corrupt)?;
            let draft = m
                .draft
                .map(|sealed| {
                    data.decrypt(Context::MessageDraft(tip, m.seq), &sealed)
                        .ok()
                        .and_then(|plain| Draft::from_json(&plain).ok())
                        .ok_or(ReviewError::Corrupt)
                })
                .transpose()?;
            Ok(MessageView {
                id: m.seq,
                author: m.author,
                state: m.state,
                body,
                created_on: m.created_on,
                proposed_keep: draft
                    .as_ref()
                    .map(|d| proposed_keep(d, &state.settings.review.roles)),
                draft,
                update: m.update_seq,
                decided_on: m.decided_on,
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
        .claim_tip(
            id.as_str(),
            &who.actor(),
            now,
            expires_at,
            state.settings.review.own_calls,
        )
        .await?
    {
        ClaimOutcome::Claimed { expires_at } => Ok(expires_at),
        ClaimOutcome::NotFound => Err(ReviewError::NotFound),
        ClaimOutcome::HeldByOther => Err(ReviewError::HeldByOther),
        ClaimOutcome::OwnCall => Err(ReviewError::OwnCall),
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
        DecideOutcome::Decided(status) => Err(ReviewError::AlreadyDecided(status)),
        DecideOutcome::NotHolder => Err(ReviewError::NotHolder),
        DecideOutcome::UnreviewedMessages => Err(ReviewError::UnreviewedMessages),
        DecideOutcome::FileChanged => Err(ReviewError::Decision(
            "a file changed while it was being sent (a region blacked out): nothing was sent; look at the files again and decide".into(),
        )),
    }
}

/// A handler's decision on a tip they hold.
#[derive(Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum Decision {
    /// The first decision: the tip to these agencies, with the reporter's messages so far.
    Forward {
        agencies: Vec<String>,
        #[serde(default)]
        keep: Vec<usize>,
        #[serde(default)]
        add: Vec<AddedSpan>,
        note: Option<String>,
        #[serde(default)]
        messages: Vec<MessageDecision>,
        /// The stripped files to send with the report; any not named are withheld.
        #[serde(default)]
        attachments: Vec<String>,
    },
    /// For a tip forwarded before: the reporter's messages since, as updates to the
    /// agencies holding the case.
    Update {
        #[serde(default)]
        messages: Vec<MessageDecision>,
        note: Option<String>,
        /// Stripped files sent with the messages forwarded now; any not named are withheld.
        #[serde(default)]
        attachments: Vec<String>,
    },
    Reject {
        reason: String,
    },
}

/// What to do with one reporter message waiting for review: forward it with these
/// spans restored and added (as for the tip), or withhold it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageDecision {
    pub id: i64,
    #[serde(default)]
    pub keep: Vec<usize>,
    #[serde(default)]
    pub add: Vec<AddedSpan>,
    #[serde(default)]
    pub withhold: bool,
}

const MAX_NOTE_CHARS: usize = 4000;

/// What forwarding with these restored and added spans would send: the same
/// `ApprovedRedaction::approve` that forwarding runs, so the preview is the forwarded
/// text by construction. Only the claim holder may ask.
pub async fn preview(
    state: &AppState,
    who: &Session,
    id: &TipId,
    message: Option<i64>,
    keep: &[usize],
    add: &[AddedSpan],
) -> Result<String, ReviewError> {
    who.require(HandlerRole::Handler)?;
    let tip = open_tip(state, id, who).await?;
    let approved = match message {
        None => ApprovedRedaction::approve(&tip.original, &tip.draft, keep, add)?,
        Some(m) => {
            let (text, draft) = message_under_review(&tip, m)?;
            ApprovedRedaction::approve(text, draft, keep, add)?
        }
    };
    Ok(approved.text().to_owned())
}

/// A reporter message waiting for review and its draft.
fn message_under_review(tip: &OpenedTip, id: i64) -> Result<(&str, &Draft), ReviewError> {
    tip.pending_message(id)
        .and_then(|m| m.draft.as_ref().map(|d| (m.body.as_str(), d)))
        .ok_or_else(|| {
            ReviewError::Decision(format!(
                "messages: {id} is not a reporter message waiting for review"
            ))
        })
}

/// Forwards or rejects a tip the handler holds, or sends the reporter's new messages
/// on a tip forwarded before. Every text that leaves is made by
/// `ApprovedRedaction::approve`, the only way there is.
pub async fn apply_decision(
    state: &AppState,
    who: &Session,
    id: &TipId,
    decision: Decision,
) -> Result<(), ReviewError> {
    who.require(HandlerRole::Handler)?;
    let tip = match open_tip(state, id, who).await {
        Err(ReviewError::NotReviewable(status)) => return Err(ReviewError::AlreadyDecided(status)),
        other => other?,
    };
    let holders = state.store.holders(id.as_str()).await?;
    let now = store::now();
    let outcome = match decision {
        Decision::Forward {
            agencies,
            keep,
            add,
            note,
            messages,
            attachments,
        } => {
            if !holders.is_empty() {
                return Err(ReviewError::Decision(
                    "this tip was forwarded before: send the reporter's new messages with the `update` action".into(),
                ));
            }
            let chosen = check_agencies(state, &agencies)?;
            let note = check_text("note", note.as_deref().unwrap_or(""), false)?;
            let approved = ApprovedRedaction::approve(&tip.original, &tip.draft, &keep, &add)?;
            let mut cases = routing::route(
                &approved,
                tip.category,
                &tip.record.received_on,
                tip.record.channel,
                &chosen,
                &state.keys.data,
            );
            let parents: Vec<NewCaseParent> = cases
                .iter()
                .map(|c| c.as_parent(agency_key(state, c.agency_id())))
                .collect();
            let (updates, decided) = settle_messages(state, &tip, &messages, &parents, 0)?;
            cases.extend(updates);
            let files = check_attachments(&tip, &attachments, &decided, true)?;
            let detail = format!(
                "agencies={}; restored={}; added={}; {}; files forwarded={}; withheld={}",
                agencies.join(","),
                keep.len(),
                add.len(),
                messages_detail(&decided),
                files.len(),
                tip.attachments.iter().filter(|a| !a.sent).count() - files.len()
            );
            let sealed_note = sealed_note(state, id, note);
            let forwarding = Forwarding {
                cases: &cases,
                messages: &decided,
                note: sealed_note.as_deref(),
                attachments: &files,
                data_keys: &state.keys.data,
                action: AuditAction::Forward,
                detail: &detail,
                undo_until: undo_until(state, now),
            };
            state
                .store
                .forward_tip(id.as_str(), &who.actor(), now, forwarding)
                .await?
        }
        Decision::Update {
            messages,
            note,
            attachments,
        } => {
            if holders.is_empty() {
                return Err(ReviewError::Decision(
                    "this tip has not been forwarded yet: forward it (the `forward` action)".into(),
                ));
            }
            let note = check_text("note", note.as_deref().unwrap_or(""), false)?;
            let parents: Vec<NewCaseParent> = holders
                .iter()
                .map(|h| h.as_parent(agency_key(state, &h.agency_id)))
                .collect();
            let last = state.store.last_case_sequence(id.as_str()).await?;
            let (cases, decided) = settle_messages(state, &tip, &messages, &parents, last)?;
            let files = check_attachments(&tip, &attachments, &decided, false)?;
            let agencies: Vec<&str> = holders.iter().map(|h| h.agency_id.as_str()).collect();
            let detail = format!(
                "agencies={}; {}; files forwarded={}",
                agencies.join(","),
                messages_detail(&decided),
                files.len()
            );
            let sealed_note = sealed_note(state, id, note);
            // An update goes out at once: the case it adds to is with the agency already.
            let forwarding = Forwarding {
                cases: &cases,
                messages: &decided,
                note: sealed_note.as_deref(),
                attachments: &files,
                data_keys: &state.keys.data,
                action: AuditAction::Update,
                detail: &detail,
                undo_until: None,
            };
            state
                .store
                .forward_tip(id.as_str(), &who.actor(), now, forwarding)
                .await?
        }
        Decision::Reject { reason } => {
            if !holders.is_empty() {
                return Err(ReviewError::Decision(
                    "this tip was forwarded before and cannot be rejected now: withhold the reporter's new messages with the `update` action instead".into(),
                ));
            }
            let reason = check_text("reason", &reason, true)?;
            let sealed = state
                .keys
                .data
                .encrypt_str(Context::DecisionNote(id), reason);
            state
                .store
                .reject_tip(
                    id.as_str(),
                    &who.actor(),
                    now,
                    &sealed,
                    undo_until(state, now),
                )
                .await?
        }
    };
    decided(outcome)
}

/// The end of a first decision's undo window, if there is one.
fn undo_until(state: &AppState, now: i64) -> Option<i64> {
    let seconds = state.settings.review.undo_seconds;
    (seconds > 0).then(|| now + i64::from(seconds))
}

/// Takes back the handler's own first decision on a tip while its window lasts: the tip
/// is theirs to review again, and nothing reached an agency.
pub async fn undo_decision(state: &AppState, who: &Session, id: &TipId) -> Result<(), ReviewError> {
    who.require(HandlerRole::Handler)?;
    let now = store::now();
    let claim_until = now + 60 * i64::from(state.settings.review.claim_minutes);
    match state
        .store
        .undo_decision(id.as_str(), &who.actor(), now, claim_until)
        .await?
    {
        UndoOutcome::Done => Ok(()),
        UndoOutcome::Closed => Err(ReviewError::UndoClosed),
    }
}

/// The agency's HPKE key, when it registered one (`routing.toml`): its updates are
/// sealed to it as its reports are.
fn agency_key<'a>(state: &'a AppState, agency_id: &str) -> Option<&'a [u8]> {
    state
        .routing
        .agency(agency_id)
        .and_then(|a| a.hpke_public_key.as_deref())
}

fn sealed_note(state: &AppState, id: &TipId, note: &str) -> Option<Vec<u8>> {
    (!note.is_empty()).then(|| state.keys.data.encrypt_str(Context::DecisionNote(id), note))
}

/// The files a decision sends, each with the case it goes with: a file sent with the
/// report goes with the report (a first forward only); one sent with a reporter's
/// message goes with that message's update, so only when the message is forwarded now.
/// Each must be a stripped file of this tip, not sent before, named once: a file still
/// being stripped, or unreadable, never goes.
fn check_attachments(
    tip: &OpenedTip,
    named: &[String],
    decided: &[MessageDecided],
    first: bool,
) -> Result<Vec<(AttachmentId, Option<i64>)>, ReviewError> {
    let mut chosen: Vec<(AttachmentId, Option<i64>)> = Vec::new();
    for value in named {
        let shown = value.chars().take(40).collect::<String>();
        let refuse = |why: &str| {
            Err(ReviewError::Decision(format!(
                "attachments: `{shown}` {why}"
            )))
        };
        let Some(file) = tip
            .attachments
            .iter()
            .find(|a| a.id.as_str() == value && a.state == AttachmentState::Stripped && !a.sent)
        else {
            return refuse("is not a stripped file of this tip waiting to be sent");
        };
        let update = match file.message_seq {
            None if first => None,
            None => return refuse("came with the report, which was forwarded before without it"),
            Some(seq) => match decided.iter().find(|m| m.seq == seq) {
                Some(MessageDecided {
                    forwarded_as: Some(update),
                    ..
                }) => Some(*update),
                _ => return refuse("came with a reporter message that is not forwarded now"),
            },
        };
        if chosen.iter().any(|(id, _)| *id == file.id) {
            return refuse("is named twice");
        }
        chosen.push((file.id.clone(), update));
    }
    Ok(chosen)
}

/// A stripped file of a tip, for the handler holding its live claim (as its text is):
/// its type and bytes. The original is never served; it stays sealed.
pub async fn stripped_attachment(
    state: &AppState,
    who: &Session,
    id: &TipId,
    attachment: &str,
) -> Result<(AttachmentKind, Vec<u8>), ReviewError> {
    who.require(HandlerRole::Handler)?;
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
    let attachment = AttachmentId::parse(attachment).ok_or(ReviewError::NotFound)?;
    match state
        .store
        .stripped_attachment(id, &attachment, &state.keys.data)
        .await
    {
        Ok(found) => found.ok_or(ReviewError::NotFound),
        Err(CopyError::Store(e)) => Err(e.into()),
        Err(CopyError::Unopenable) => Err(ReviewError::Corrupt),
    }
}

/// Blacks out a region of a stripped image of a tip the handler holds: its pixels are
/// replaced and the copy encoded again, so what is forwarded never had them. Audited.
pub async fn black_out(
    state: &AppState,
    who: &Session,
    id: &TipId,
    attachment: &str,
    region: Region,
) -> Result<(), ReviewError> {
    let (kind, copy) = stripped_attachment(state, who, id, attachment).await?;
    let attachment = AttachmentId::parse(attachment).ok_or(ReviewError::NotFound)?;
    let changed = tokio::task::spawn_blocking(move || attachments::black_out(kind, &copy, region))
        .await
        .map_err(|_| ReviewError::Corrupt)?
        .map_err(|e| ReviewError::Decision(e.to_string()))?;
    let detail = format!(
        "file={attachment}; region={}x{} at {},{}",
        region.width, region.height, region.x, region.y
    );
    let audit = AuditEntry::new(
        store::now(),
        who.actor().audit_name(),
        AuditAction::BlackOut,
        Some(id.as_str()),
        &detail,
    );
    if state
        .store
        .replace_stripped(id, &attachment, &changed, audit, &state.keys.data)
        .await?
    {
        Ok(())
    } else {
        Err(ReviewError::Decision(
            "this file has been sent with a case already and cannot change".into(),
        ))
    }
}

fn messages_detail(decided: &[MessageDecided]) -> String {
    let forwarded = decided.iter().filter(|m| m.forwarded_as.is_some()).count();
    format!(
        "messages forwarded={forwarded}; withheld={}",
        decided.len() - forwarded
    )
}

/// Checks a decision's word on each reporter message waiting for review (every one must
/// be named, once) and makes the updates for those forwarded: in the conversation's
/// order, numbered after `last_sequence`, one per agency holding the case.
fn settle_messages(
    state: &AppState,
    tip: &OpenedTip,
    decisions: &[MessageDecision],
    holders: &[NewCaseParent<'_>],
    last_sequence: i64,
) -> Result<(Vec<NewCase>, Vec<MessageDecided>), ReviewError> {
    if tip
        .messages
        .iter()
        .any(|m| m.state == MessageState::Received)
    {
        return Err(ReviewError::UnreviewedMessages);
    }
    for (i, d) in decisions.iter().enumerate() {
        message_under_review(tip, d.id)?;
        if decisions[..i].iter().any(|e| e.id == d.id) {
            return Err(ReviewError::Decision(format!(
                "messages: {} is listed twice",
                d.id
            )));
        }
        if d.withhold && !(d.keep.is_empty() && d.add.is_empty()) {
            return Err(ReviewError::Decision(format!(
                "messages: {} is withheld, so it takes no keep or add",
                d.id
            )));
        }
    }
    let mut cases = Vec::new();
    let mut decided = Vec::new();
    let mut sequence = last_sequence;
    for message in tip
        .messages
        .iter()
        .filter(|m| m.state == MessageState::Pending)
    {
        let Some(d) = decisions.iter().find(|d| d.id == message.id) else {
            return Err(ReviewError::UnreviewedMessages);
        };
        if d.withhold {
            decided.push(MessageDecided {
                seq: message.id,
                forwarded_as: None,
            });
            continue;
        }
        let (text, draft) = message_under_review(tip, message.id)?;
        let approved = ApprovedRedaction::approve(text, draft, &d.keep, &d.add)?;
        sequence += 1;
        cases.extend(routing::route_update(
            &approved,
            holders,
            sequence,
            &message.created_on,
            &state.keys.data,
        ));
        decided.push(MessageDecided {
            seq: message.id,
            forwarded_as: Some(sequence),
        });
    }
    Ok((cases, decided))
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

/// Withdraws the question a tip is waiting on; the tip returns to the queue.
pub async fn withdraw_question(
    state: &AppState,
    who: &Session,
    id: &TipId,
) -> Result<(), ReviewError> {
    who.require(HandlerRole::Handler)?;
    match state
        .store
        .withdraw_question(id.as_str(), &who.actor(), store::now())
        .await?
    {
        WithdrawOutcome::Withdrawn => Ok(()),
        WithdrawOutcome::NotFound => Err(ReviewError::NotFound),
        WithdrawOutcome::NoQuestion => Err(ReviewError::NoQuestion),
    }
}
