//! The review page: the original beside the preview of what will be forwarded, every
//! span highlighted and toggleable, redactions added by selecting text, agencies,
//! forward / reject / ask the reporter.
//!
//! Only the handler holding the claim sees the tip's text. Without JavaScript the page
//! still works: each span has a "restore" checkbox and the preview shows the draft.
//! With it, `console.js` asks `preview` for each change: the same
//! `ApprovedRedaction::approve` that `forward` runs, so the two agree by construction.

use super::Nav;
use crate::domain::HandlerRole;
use crate::domain::{AddedSpan, DraftSpan};
use crate::http::error::{ApiError, BadField, PageError};
use crate::redaction::Kind;
use crate::review::auth::SignedIn;
use crate::review::csrf::{FormFields, Posted};
use crate::review::service::{
    self, apply_decision, ask_reporter, open_tip, tip_id, Decision, MessageView,
};
use crate::routing;
use crate::state::AppState;
use crate::store;
use crate::web::see_other;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

/// A run of the original text, highlighted when it is a span.
pub struct Segment<'a> {
    pub text: &'a str,
    pub span: Option<SpanView>,
}

/// A draft span as the page labels it.
pub struct SpanView {
    pub index: usize,
    pub kind: &'static str,
    pub rule: String,
    pub role: &'static str,
    pub excerpt: String,
}

impl SpanView {
    fn new(span: &DraftSpan, text: &str) -> SpanView {
        SpanView {
            index: span.index,
            kind: span.kind.as_str(),
            rule: span.rule.clone(),
            role: match span.role {
                crate::redaction::Role::Reporter => "reporter",
                crate::redaction::Role::Other => "other",
            },
            excerpt: text.get(span.start..span.end).unwrap_or("").to_owned(),
        }
    }
}

pub struct AgencyChoice {
    pub id: String,
    pub name: String,
    /// Why it is suggested; empty when it is not.
    pub reasons: Vec<String>,
}

#[derive(Template)]
#[template(path = "console/tip.html")]
struct TipPage<'a> {
    nav: Nav,
    id: &'a str,
    category: String,
    status: &'a str,
    received_on: &'a str,
    segments: Vec<Segment<'a>>,
    spans: Vec<SpanView>,
    preview: &'a str,
    /// The original and the spans for `console.js`, as JSON in a data attribute.
    data: String,
    /// For `console.js`, which renews the claim while the handler works.
    claim_minutes: u32,
    agencies: Vec<AgencyChoice>,
    kinds: Vec<&'static str>,
    messages: Vec<MessageView>,
}

#[derive(Template)]
#[template(path = "console/tip_closed.html")]
struct ClosedPage<'a> {
    nav: Nav,
    id: &'a str,
    category: String,
    status: &'a str,
    /// Waiting for review: the page offers to claim it.
    waiting: bool,
    holder: Option<&'a str>,
}

pub async fn page(
    state: web::Data<AppState>,
    who: Result<SignedIn, ApiError>,
    path: web::Path<String>,
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
        return Ok(crate::web::render(
            StatusCode::OK,
            &ClosedPage {
                nav: Nav::new(&state, &who),
                id: record.id.as_str(),
                category: crate::domain::Category::parse(&record.category)
                    .map_or_else(|_| record.category.clone(), |c| c.label().to_owned()),
                status: record.status.label(),
                waiting: record.status == crate::domain::TipStatus::PendingReview,
                holder: record.claimed_by_name.as_deref(),
            },
        ));
    }
    let tip = open_tip(&state, &id, &who).await?;
    let suggested = routing::suggest(&state.routing, tip.category, &tip.draft);
    let data = serde_json::json!({ "original": tip.original, "spans": tip.draft.spans });
    Ok(crate::web::render(
        StatusCode::OK,
        &TipPage {
            nav: Nav::new(&state, &who),
            id: tip.id.as_str(),
            category: tip.category.label().to_owned(),
            status: tip.record.status.label(),
            received_on: &tip.record.received_on,
            segments: segments(&tip.original, &tip.draft.spans),
            spans: tip
                .draft
                .spans
                .iter()
                .map(|s| SpanView::new(s, &tip.original))
                .collect(),
            preview: &tip.draft.redacted,
            data: data.to_string(),
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
            kinds: Kind::ALL.iter().map(|k| k.as_str()).collect(),
            messages: service::conversation(&state, &tip.id).await?,
        },
    ))
}

/// The original cut at span boundaries (spans are sorted and disjoint in a draft; any
/// that are not are shown as plain text rather than mangled).
fn segments<'a>(text: &'a str, spans: &[DraftSpan]) -> Vec<Segment<'a>> {
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
            span: Some(SpanView::new(span, text)),
        });
        at = span.end;
    }
    out.push(Segment {
        text: text.get(at..).unwrap_or(""),
        span: None,
    });
    out
}

/// `keep` values: indices of draft spans to restore.
fn parse_keep(form: &FormFields) -> Result<Vec<usize>, BadField> {
    form.all("keep")
        .into_iter()
        .map(|v| {
            v.parse()
                .map_err(|_| BadField(format!("keep: `{}` is not a span number", clip(v))))
        })
        .collect()
}

/// `add` values: `START:END:KIND`, UTF-8 byte offsets into the reviewed text.
fn parse_add(form: &FormFields) -> Result<Vec<AddedSpan>, BadField> {
    form.all("add")
        .into_iter()
        .map(|v| {
            let bad = || BadField(format!("add: `{}` is not START:END:KIND", clip(v)));
            let mut parts = v.splitn(3, ':');
            let start = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
            let end = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
            let kind: Kind =
                parts.next().ok_or_else(bad)?.parse().map_err(
                    |e: crate::redaction::kind::UnknownKind| BadField(format!("add: {e}")),
                )?;
            Ok(AddedSpan { start, end, kind })
        })
        .collect()
}

fn clip(value: &str) -> String {
    value.chars().take(40).collect()
}

pub async fn forward(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    let form = &posted.form;
    let note = form.get("note");
    let decision = Decision::Forward {
        agencies: form.all("agency").into_iter().map(str::to_owned).collect(),
        keep: parse_keep(form)?,
        add: parse_add(form)?,
        note: (!note.trim().is_empty()).then(|| note.to_owned()),
    };
    apply_decision(&state, &posted.who, &tip_id(&path)?, decision).await?;
    Ok(see_other("/console/queue"))
}

/// The text forwarding would send with the restored and added spans of the form, from
/// the same `ApprovedRedaction::approve` that forwarding runs: the live preview asks the
/// server rather than re-implementing the rendering.
pub async fn preview(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, ApiError> {
    let posted = posted?;
    let keep = parse_keep(&posted.form)?;
    let add = parse_add(&posted.form)?;
    let text = service::preview(&state, &posted.who, &tip_id(&path)?, &keep, &add).await?;
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
    Ok(see_other("/console/queue"))
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
    Ok(see_other("/console/queue"))
}
