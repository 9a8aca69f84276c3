//! The review page: the original beside the preview of what will be forwarded, every
//! span highlighted and toggleable, redactions added by selecting text, agencies,
//! forward / reject / ask the reporter. The conversation with the reporter follows in
//! order, each message of theirs waiting for review with its own spans and preview:
//! it is decided with the tip (sent to the agencies as an update, or withheld).
//!
//! Only the handler holding the claim sees the tip's text. Without JavaScript the page
//! still works: each span has a "restore" checkbox, ticked where the span's role is
//! kept by default (`review.roles`), and each preview shows what those would send.
//! With it, `console.js` asks `preview` for each change: the same
//! `ApprovedRedaction::approve` that `forward` runs, so the two agree by construction.

use super::Nav;
use crate::config::RoleDefaults;
use crate::domain::{AddedSpan, ApprovedRedaction, Draft, DraftSpan, TipStatus};
use crate::domain::{HandlerRole, MessageAuthor, MessageState};
use crate::http::error::{ApiError, BadField, PageError};
use crate::redaction::{Kind, Role};
use crate::review::attachments::AttachmentView;
use crate::review::auth::SignedIn;
use crate::review::csrf::{FormFields, Posted};
use crate::review::service::{
    self, apply_decision, ask_reporter, open_tip, tip_id, Decision, MessageDecision,
};
use crate::routing;
use crate::state::AppState;
use crate::store;
use crate::store::cases::CaseSummary;
use crate::web::see_other;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

/// A run of a reviewed text, highlighted when it is a span.
pub struct Segment<'a> {
    pub text: &'a str,
    pub span: Option<SpanView>,
}

/// What a kind of detail is called on the page.
pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Name => "name",
        Kind::Phone => "phone number",
        Kind::Email => "email address",
        Kind::Ip => "IP address",
        Kind::Address => "address",
        Kind::Url => "web address",
        Kind::Handle => "social media handle",
        Kind::Ird => "IRD number",
        Kind::Passport => "passport number",
        Kind::Licence => "driver licence",
        Kind::Bank => "bank account",
        Kind::Card => "card number",
        Kind::Plate => "number plate",
        Kind::Dob => "date of birth",
        Kind::Nhi => "NHI number",
        Kind::Id => "identity number",
    }
}

/// A draft span as the page labels it.
pub struct SpanView {
    pub index: usize,
    /// How the page names its kind.
    pub kind: &'static str,
    pub rule: String,
    pub role: &'static str,
    pub role_label: &'static str,
    /// Why the engine proposes the role.
    pub role_reason: String,
    /// Restored (left in the text) unless the handler says otherwise: its role's default.
    pub kept: bool,
    pub excerpt: String,
}

impl SpanView {
    fn new(span: &DraftSpan, text: &str, roles: &RoleDefaults) -> SpanView {
        SpanView {
            index: span.index,
            kind: kind_label(span.kind),
            rule: span.rule.clone(),
            role: span.role.as_str(),
            role_label: span.role.label(),
            role_reason: span.role_reason.clone(),
            kept: roles.keeps(span.role),
            excerpt: text.get(span.start..span.end).unwrap_or("").to_owned(),
        }
    }
}

/// One text under review (the tip, or a reporter message) with its own spans and preview.
pub struct Reviewed<'a> {
    /// Element ids and field names are built from it: "" for the tip, "m<id>" for a
    /// message (`original`, `original-m7`; `keep`, `keep-m7`).
    pub key: String,
    pub segments: Vec<Segment<'a>>,
    pub spans: Vec<SpanView>,
    /// What forwarding would send with the role defaults.
    pub preview: String,
    /// The text and spans for `console.js`, as JSON in a data attribute.
    pub data: String,
}

impl<'a> Reviewed<'a> {
    fn new(key: String, text: &'a str, draft: &Draft, roles: &RoleDefaults) -> Reviewed<'a> {
        let kept = service::proposed_keep(draft, roles);
        let preview = ApprovedRedaction::approve(text, draft, &kept, &[])
            .map_or_else(|_| draft.redacted.clone(), |a| a.text().to_owned());
        let data = serde_json::json!({ "original": text, "spans": draft.spans, "key": key });
        Reviewed {
            segments: segments(text, &draft.spans, roles),
            spans: draft
                .spans
                .iter()
                .map(|s| SpanView::new(s, text, roles))
                .collect(),
            preview,
            data: data.to_string(),
            key,
        }
    }

    /// `""` or `-m7`: the suffix of this text's element ids and field names.
    pub fn suffix(&self) -> String {
        if self.key.is_empty() {
            String::new()
        } else {
            format!("-{}", self.key)
        }
    }
}

/// One entry of the conversation as the review page shows it.
pub struct Entry<'a> {
    pub id: i64,
    pub from_handler: bool,
    pub state: MessageState,
    pub day: &'a str,
    pub text: &'a str,
    /// The update it went as, once forwarded.
    pub update: Option<i64>,
    pub decided_on: Option<&'a str>,
    /// Waiting for review: its spans and preview.
    pub review: Option<Reviewed<'a>>,
}

impl Entry<'_> {
    pub fn state_label(&self) -> &'static str {
        match self.state {
            MessageState::Asked => "asked",
            MessageState::Withdrawn => "withdrawn",
            MessageState::Received => "being drafted: reload in a moment",
            MessageState::Pending => "waiting for your decision",
            MessageState::Forwarded => "sent to the agencies",
            MessageState::Withheld => "withheld",
        }
    }
}

pub struct AgencyChoice {
    pub id: String,
    pub name: String,
    /// Why it is suggested; empty when it is not.
    pub reasons: Vec<String>,
}

/// How a tip arrived (and who took a call) and the region chosen, in words.
fn origin(record: &store::tips::TipRecord) -> String {
    let channel = match (record.channel, &record.taken_by_name) {
        (None, _) => "channel not recorded".to_owned(),
        (Some(channel), Some(taker)) => format!("{}, taken by {taker}", channel.label()),
        (Some(channel), None) => channel.label().to_owned(),
    };
    format!("{channel}; region: {}", record.region.label())
}

#[derive(Template)]
#[template(path = "console/tip.html")]
struct TipPage<'a> {
    nav: Nav,
    /// What the handler just did (a decision taken back), said once after the redirect.
    done: Option<&'static str>,
    id: &'a str,
    category: String,
    status: &'a str,
    received_on: &'a str,
    /// How it arrived and from which region.
    origin: String,
    /// The tip itself; `None` when it was forwarded before (only new messages are decided).
    tip: Option<Reviewed<'a>>,
    original: &'a str,
    conversation: Vec<Entry<'a>>,
    /// Reporter messages this decision covers.
    pending: Vec<i64>,
    /// A reporter message is still being drafted: no decision can cover it yet.
    drafting: bool,
    /// For `console.js`, which renews the claim while the handler works.
    claim_minutes: u32,
    agencies: Vec<AgencyChoice>,
    /// The cases made so far, for a tip forwarded before: agency, and its state in words.
    cases: Vec<(String, &'static str)>,
    /// Kinds a handler may add a redaction as: the value, and how the page names it.
    kinds: Vec<(&'static str, &'static str)>,
    /// The roles review keeps by default, space-separated, for `console.js`.
    keep_roles: String,
    /// The files sent with the tip, each to send or withhold.
    attachments: Vec<AttachmentView>,
    /// Whether any of them may be sent.
    sendable: bool,
}

/// The page of a tip the handler does not hold: where it stands, and for a decided tip
/// where it went (agencies, when, acknowledged or not). Never its text.
#[derive(Template)]
#[template(path = "console/tip_closed.html")]
struct ClosedPage<'a> {
    nav: Nav,
    id: &'a str,
    category: String,
    status: &'a str,
    status_key: &'a str,
    received_on: &'a str,
    origin: String,
    decided_on: Option<&'a str>,
    erased_on: Option<&'a str>,
    /// What the handler just did, said once after the redirect.
    done: Option<&'static str>,
    /// Waiting for review: the page offers to claim it.
    waiting: bool,
    /// Waiting for the reporter: the page offers to withdraw the question.
    awaiting: bool,
    holder: Option<&'a str>,
    cases: Vec<CaseRow>,
    /// Seconds left in which the signed-in handler may take their decision back.
    undo_seconds: Option<i64>,
}

/// A case as a decided tip's page lists it.
pub struct CaseRow {
    pub agency: String,
    pub what: String,
    pub sent: String,
    pub state: &'static str,
    pub acknowledged: String,
}

impl CaseRow {
    fn new(c: &CaseSummary) -> CaseRow {
        CaseRow {
            agency: c.agency_name.clone(),
            what: if c.sequence == 0 {
                "the tip".to_owned()
            } else {
                format!("update {}", c.sequence)
            },
            sent: super::when(c.created_at),
            state: case_state_words(c.state),
            acknowledged: c.acknowledged_at.map(super::when).unwrap_or_default(),
        }
    }
}

/// A case's state as the console says it.
pub fn case_state_words(state: crate::domain::CaseState) -> &'static str {
    match state {
        crate::domain::CaseState::Queued => "waiting to be collected",
        crate::domain::CaseState::Leased => "collected, not yet acknowledged",
        crate::domain::CaseState::Acknowledged => "acknowledged",
    }
}

/// `?done=` after a decision: what to confirm.
#[derive(serde::Deserialize)]
pub struct Done {
    #[serde(default)]
    done: String,
}

impl Done {
    fn notice(&self) -> Option<&'static str> {
        Some(match self.done.as_str() {
            "forwarded" => "Forwarded. The agencies below collect it from their queue.",
            "updated" => "Done. The messages you sent go to the agencies below as updates to their case.",
            "rejected" => "Rejected. Nothing was sent to any agency.",
            "asked" => "Question sent. The tip waits for the reporter's answer; you can withdraw the question below.",
            "withdrawn" => "Question withdrawn. The tip is back in the queue.",
            "undone" => "Decision taken back. Nothing reached an agency; the tip is yours to review again.",
            "released" => "Released. The tip is back in the queue.",
            "blacked-out" => "Blacked out: those pixels are gone from the copy. Look at it again before you send it.",
            _ => return None,
        })
    }
}

pub async fn page(
    state: web::Data<AppState>,
    who: Result<SignedIn, ApiError>,
    path: web::Path<String>,
    done: web::Query<Done>,
) -> Result<HttpResponse, PageError> {
    let who = who?;
    who.require(HandlerRole::Handler)?;
    let id = tip_id(&path)?;
    let record = state
        .store
        .tip(id.as_str(), store::now())
        .await?
        .ok_or(crate::review::service::ReviewError::NotFound)?;
    if record.claimed_by != Some(who.handler.id) {
        let cases = state.store.cases_of_tip(id.as_str(), store::now()).await?;
        return Ok(crate::web::render(
            StatusCode::OK,
            &ClosedPage {
                nav: Nav::new(&state, &who),
                id: record.id.as_str(),
                category: crate::domain::Category::parse(&record.category)
                    .map_or_else(|_| record.category.clone(), |c| c.label().to_owned()),
                status: record.status.label(),
                status_key: record.status.as_str(),
                received_on: &record.received_on,
                origin: origin(&record),
                decided_on: record.decided_on.as_deref(),
                erased_on: record.erased_on.as_deref(),
                done: done.notice(),
                waiting: record.status == TipStatus::PendingReview,
                awaiting: record.status == TipStatus::AwaitingReporter,
                holder: record.claimed_by_name.as_deref(),
                cases: cases.iter().map(CaseRow::new).collect(),
                undo_seconds: record
                    .undo
                    .filter(|(by, _)| *by == who.handler.id)
                    .map(|(_, until)| until - store::now()),
            },
        ));
    }
    let tip = open_tip(&state, &id, &who).await?;
    let roles = &state.settings.review.roles;
    let cases = state.store.cases_of_tip(id.as_str(), store::now()).await?;
    let suggested = routing::suggest(&state.routing, tip.category, &tip.draft);
    let attachments: Vec<AttachmentView> =
        AttachmentView::list(tip.id.as_str(), &tip.attachments, &state.keys.data);
    let conversation: Vec<Entry> = tip
        .messages
        .iter()
        .map(|m| Entry {
            id: m.id,
            from_handler: m.author == MessageAuthor::Handler,
            state: m.state,
            day: &m.created_on,
            text: &m.body,
            update: m.update,
            decided_on: m.decided_on.as_deref(),
            review: match (&m.draft, m.state) {
                (Some(draft), MessageState::Pending) => {
                    Some(Reviewed::new(format!("m{}", m.id), &m.body, draft, roles))
                }
                _ => None,
            },
        })
        .collect();
    Ok(crate::web::render(
        StatusCode::OK,
        &TipPage {
            nav: Nav::new(&state, &who),
            done: done.notice(),
            id: tip.id.as_str(),
            category: tip.category.label().to_owned(),
            status: tip.record.status.label(),
            received_on: &tip.record.received_on,
            origin: origin(&tip.record),
            tip: cases
                .is_empty()
                .then(|| Reviewed::new(String::new(), &tip.original, &tip.draft, roles)),
            original: &tip.original,
            pending: conversation
                .iter()
                .filter(|e| e.review.is_some())
                .map(|e| e.id)
                .collect(),
            drafting: conversation
                .iter()
                .any(|e| e.state == MessageState::Received),
            conversation,
            claim_minutes: state.settings.review.claim_minutes,
            agencies: state
                .routing
                .agencies
                .iter()
                .map(|a| AgencyChoice {
                    reasons: suggested
                        .iter()
                        .find(|s| s.agency == a.id)
                        .map(|s| s.reasons.clone())
                        .unwrap_or_default(),
                    id: a.id.clone(),
                    name: a.name.clone(),
                })
                .collect(),
            cases: cases
                .iter()
                .filter(|c| c.sequence == 0)
                .map(|c| (c.agency_name.clone(), case_state_words(c.state)))
                .collect(),
            kinds: Kind::ALL
                .iter()
                .map(|k| (k.as_str(), kind_label(*k)))
                .collect(),
            keep_roles: Role::ALL
                .iter()
                .filter(|r| roles.keeps(**r))
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            sendable: attachments.iter().any(AttachmentView::forwardable),
            attachments,
        },
    ))
}

/// A text cut at span boundaries (spans are sorted and disjoint in a draft; any that
/// are not are shown as plain text rather than mangled).
fn segments<'a>(text: &'a str, spans: &[DraftSpan], roles: &RoleDefaults) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    let mut at = 0;
    for span in spans {
        let (Some(before), Some(inside)) =
            (text.get(at..span.start), text.get(span.start..span.end))
        else {
            continue;
        };
        if !before.is_empty() {
            out.push(Segment {
                text: before,
                span: None,
            });
        }
        out.push(Segment {
            text: inside,
            span: Some(SpanView::new(span, text, roles)),
        });
        at = span.end;
    }
    out.push(Segment {
        text: text.get(at..).unwrap_or(""),
        span: None,
    });
    out
}

/// `keep` values (or `keep-m<id>` for a message): indices of draft spans to restore.
fn parse_keep(form: &FormFields, field: &str) -> Result<Vec<usize>, BadField> {
    form.all(field)
        .into_iter()
        .map(|v| {
            v.parse()
                .map_err(|_| BadField(format!("{field}: `{}` is not a span number", clip(v))))
        })
        .collect()
}

/// `add` values (or `add-m<id>`): `START:END:KIND`, UTF-8 byte offsets into the text.
fn parse_add(form: &FormFields, field: &str) -> Result<Vec<AddedSpan>, BadField> {
    form.all(field)
        .into_iter()
        .map(|v| {
            let bad = || BadField(format!("{field}: `{}` is not START:END:KIND", clip(v)));
            let mut parts = v.splitn(3, ':');
            let start = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
            let end = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
            let kind: Kind = parts.next().ok_or_else(bad)?.parse().map_err(
                |e: crate::redaction::kind::UnknownKind| BadField(format!("{field}: {e}")),
            )?;
            Ok(AddedSpan { start, end, kind })
        })
        .collect()
}

/// The form's word on each reporter message it covers (`message`, repeated): sent with
/// its `keep-m<id>` and `add-m<id>` when `send-m<id>` is ticked, else withheld.
fn parse_messages(form: &FormFields) -> Result<Vec<MessageDecision>, BadField> {
    form.all("message")
        .into_iter()
        .map(|v| {
            let id: i64 = v
                .parse()
                .map_err(|_| BadField(format!("message: `{}` is not a message", clip(v))))?;
            let send = !form.get(&format!("send-m{id}")).is_empty();
            Ok(MessageDecision {
                id,
                keep: if send {
                    parse_keep(form, &format!("keep-m{id}"))?
                } else {
                    Vec::new()
                },
                add: if send {
                    parse_add(form, &format!("add-m{id}"))?
                } else {
                    Vec::new()
                },
                withhold: !send,
            })
        })
        .collect()
}

fn clip(value: &str) -> String {
    value.chars().take(40).collect()
}

/// Where a decision lands: the tip's page, which says what was done.
fn decided_page(id: &str, done: &str) -> HttpResponse {
    see_other(&format!("/console/tips/{id}?done={done}"))
}

pub async fn forward(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    let form = &posted.form;
    let note = form.get("note");
    let note = (!note.trim().is_empty()).then(|| note.to_owned());
    let messages = parse_messages(form)?;
    // Each ticked `attachment` box: a stripped file to send; unticked, withheld.
    let attachments: Vec<String> = form
        .all("attachment")
        .into_iter()
        .map(str::to_owned)
        .collect();
    let (decision, done) = if form.get("update").is_empty() {
        (
            Decision::Forward {
                agencies: form.all("agency").into_iter().map(str::to_owned).collect(),
                keep: parse_keep(form, "keep")?,
                add: parse_add(form, "add")?,
                note,
                messages,
                attachments,
            },
            "forwarded",
        )
    } else {
        (
            Decision::Update {
                messages,
                note,
                attachments,
            },
            "updated",
        )
    };
    apply_decision(&state, &posted.who, &tip_id(&path)?, decision).await?;
    Ok(decided_page(&path, done))
}

/// The text forwarding would send with the restored and added spans of the form (of the
/// tip, or of the reporter message named by `message`), from the same
/// `ApprovedRedaction::approve` that forwarding runs: the live preview asks the server
/// rather than re-implementing the rendering.
pub async fn preview(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, ApiError> {
    let posted = posted?;
    let form = &posted.form;
    let message = match form.get("message") {
        "" => None,
        v => Some(
            v.parse::<i64>()
                .map_err(|_| BadField(format!("message: `{}` is not a message", clip(v))))?,
        ),
    };
    let keep = parse_keep(form, "keep")?;
    let add = parse_add(form, "add")?;
    let text = service::preview(&state, &posted.who, &tip_id(&path)?, message, &keep, &add).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "text": text })))
}

pub async fn reject(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    let decision = Decision::Reject {
        reason: posted.form.get("reason").to_owned(),
    };
    apply_decision(&state, &posted.who, &tip_id(&path)?, decision).await?;
    Ok(decided_page(&path, "rejected"))
}

pub async fn question(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    ask_reporter(
        &state,
        &posted.who,
        &tip_id(&path)?,
        posted.form.get("question"),
    )
    .await?;
    Ok(decided_page(&path, "asked"))
}

/// Takes back the handler's first decision while its window lasts; the tip opens again.
pub async fn undo(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    service::undo_decision(&state, &posted.who, &tip_id(&path)?).await?;
    Ok(decided_page(&path, "undone"))
}

pub async fn withdraw(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    service::withdraw_question(&state, &posted.who, &tip_id(&path)?).await?;
    Ok(decided_page(&path, "withdrawn"))
}
