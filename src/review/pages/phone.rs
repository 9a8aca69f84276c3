//! Reports taken by phone. A handler takes down a caller's account in the console
//! ("New report from a call"); it goes the way every tip goes (sealed to the intake key
//! on arrival, drafted by the redaction worker, reviewed), and a second handler reviews
//! it (`review.own_calls` relaxes that for a small team). The caller is read a receipt
//! code, group by group with a word for each character, to phone back with or to use
//! at `/follow-up`. A handler on a later call opens the report's questions by that code
//! and records the caller's answer; both are audited, dated to the day.
//!
//! The form asks for nothing that names the caller: no number, and a warning against
//! copying caller ID. These routes are the caller's acts too, so they are logged only
//! at DEBUG and never counted in metrics (`telemetry::REPORTER_ACTS`).

use super::Nav;
use crate::crypto::receipt::Receipt;
use crate::domain::{
    Call, Category, Channel, Context, HandlerRole, MessageAuthor, MessageState, RawTip, Region,
    TipError, TipStatus,
};
use crate::http::error::{ApiError, PageError};
use crate::intake::submit::{accept, Origin, Submission, SubmitError};
use crate::review::auth::SignedIn;
use crate::review::csrf::Posted;
use crate::state::AppState;
use crate::store::messages::{ReceiptTip, ReporterMessageOutcome};
use crate::store::{self, StoreError};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

/// The longest answer a handler records for a caller (as on `/follow-up`).
const MAX_ANSWER_CHARS: usize = 5_000;

/// The form's fields, kept when it is shown again with an error.
#[derive(Default)]
pub struct Fields {
    pub category: String,
    pub region: String,
    pub location: String,
    pub account: String,
    pub language: String,
    pub interpreter: bool,
}

#[derive(Template)]
#[template(path = "console/phone.html")]
struct FormPage {
    nav: Nav,
    error: Option<String>,
    fields: Fields,
    categories: Vec<(&'static str, &'static str)>,
    regions: Vec<(&'static str, &'static str)>,
    /// A fresh one-time token: posting the page again files nothing new.
    submission: String,
    own_calls: bool,
}

#[derive(Template)]
#[template(path = "console/phone_receipt.html")]
struct ReceiptPage {
    nav: Nav,
    receipt: String,
    groups: Vec<Vec<(char, &'static str)>>,
}

fn form_page(state: &AppState, who: &SignedIn, fields: Fields, error: Option<String>) -> FormPage {
    FormPage {
        nav: Nav::new(state, who),
        error,
        fields,
        categories: Category::ALL
            .iter()
            .map(|c| (c.as_str(), c.label()))
            .collect(),
        regions: Region::ALL
            .iter()
            .map(|r| (r.as_str(), r.label()))
            .collect(),
        submission: crate::crypto::b64url(&crate::crypto::random_bytes::<16>()),
        own_calls: state.settings.review.own_calls,
    }
}

pub async fn page(
    state: web::Data<AppState>,
    who: Result<SignedIn, ApiError>,
) -> Result<HttpResponse, PageError> {
    let who = who?;
    who.require(HandlerRole::Handler)?;
    let fields = Fields {
        region: Region::Unknown.as_str().to_owned(),
        ..Fields::default()
    };
    Ok(crate::web::render(
        StatusCode::OK,
        &form_page(&state, &who, fields, None),
    ))
}

/// What is wrong with the form, in words for the handler.
fn tip_error(e: &TipError) -> String {
    match e {
        TipError::EmptyBody => "Write down the caller's account before sending.".into(),
        other => format!("{other}."),
    }
}

pub async fn submit(
    state: web::Data<AppState>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    let who = &posted.who;
    who.require(HandlerRole::Handler)?;
    let form = &posted.form;
    let fields = Fields {
        category: form.get("category").to_owned(),
        region: form.get("region").to_owned(),
        location: form.get("location").to_owned(),
        account: form.get("account").to_owned(),
        language: form.get("language").to_owned(),
        interpreter: form.get("interpreter") == "yes",
    };
    let parsed = (|| {
        let region = Region::parse_input(Some(&fields.region))?;
        let call = Call::parse(&fields.language, fields.interpreter)?;
        Ok::<_, TipError>(
            RawTip::parse(&fields.category, &fields.account, Some(&fields.location))?
                .in_region(region)
                .by_phone(call),
        )
    })();
    let tip = match parsed {
        Ok(tip) => tip,
        Err(e) => {
            let page = form_page(&state, who, fields, Some(tip_error(&e)));
            return Ok(crate::web::render(StatusCode::BAD_REQUEST, &page));
        }
    };
    let token = Some(form.get("submission")).filter(|t| !t.is_empty());
    let origin = Origin {
        channel: Channel::Phone,
        taken_by: Some(who.actor()),
        challenge: None,
    };
    let receipt = match accept(&state, Submission::Plain(tip), token, origin).await {
        Ok(receipt) => receipt,
        Err(SubmitError::Store(e)) => return Err(e.into()),
        Err(e) => {
            let page = form_page(&state, who, fields, Some(format!("{e}.")));
            return Ok(crate::web::render(StatusCode::BAD_REQUEST, &page));
        }
    };
    Ok(crate::web::render(
        StatusCode::OK,
        &ReceiptPage {
            nav: Nav::new(&state, who),
            groups: receipt.spoken(),
            receipt: receipt.to_string(),
        },
    ))
}

#[derive(Template)]
#[template(path = "console/phone_follow_up.html")]
struct FollowUpPage {
    nav: Nav,
    error: Option<String>,
    notice: Option<&'static str>,
    /// The report the code named, once one has.
    found: Option<Found>,
    receipt: String,
    answer: String,
}

/// What a handler on a call sees of the report a code names: where it stands and the
/// questions for the caller; not the report, and not what the caller said before.
struct Found {
    status: &'static str,
    open: bool,
    awaiting: bool,
    messages: Vec<Line>,
}

struct Line {
    from_handler: bool,
    day: String,
    text: String,
}

/// Where a report stands, as a handler would tell the caller.
fn status_words(tip: &ReceiptTip) -> &'static str {
    match tip.status {
        _ if tip.erased => "closed: kept only as a record that it was made",
        TipStatus::Rejected => "closed: no agency could act on it",
        TipStatus::AwaitingReporter => "a handler has a question for the caller",
        TipStatus::Forwarded => "passed on to an agency",
        _ if tip.forwarded_before => "passed on; what the caller added since is being read",
        TipStatus::Received | TipStatus::PendingReview | TipStatus::InReview => {
            "received, waiting to be read"
        }
    }
}

fn closed(tip: &ReceiptTip) -> bool {
    tip.erased || tip.status == TipStatus::Rejected
}

async fn find(state: &AppState, typed: &str) -> Result<Option<ReceiptTip>, StoreError> {
    let parsed = Receipt::parse(typed);
    let canonical = parsed.as_ref().map_or(typed.trim(), Receipt::canonical);
    state
        .store
        .tip_for_receipt(&state.keys.data.lookup_hashes("receipt", canonical))
        .await
}

async fn found(state: &AppState, tip: &ReceiptTip) -> Result<Found, PageError> {
    let mut messages = Vec::new();
    for m in state.store.messages(tip.id.as_str()).await? {
        if m.state == MessageState::Withdrawn {
            continue;
        }
        let from_handler = m.author == MessageAuthor::Handler;
        let text = if from_handler {
            state
                .keys
                .data
                .decrypt_string(Context::Message(&tip.id, m.author), &m.body)
                .unwrap_or_else(|_| "(the question could not be opened)".into())
        } else {
            String::new()
        };
        messages.push(Line {
            from_handler,
            day: m.created_on,
            text,
        });
    }
    Ok(Found {
        status: status_words(tip),
        open: !closed(tip),
        awaiting: tip.status == TipStatus::AwaitingReporter,
        messages,
    })
}

fn follow_up_page(state: &AppState, who: &SignedIn) -> FollowUpPage {
    FollowUpPage {
        nav: Nav::new(state, who),
        error: None,
        notice: None,
        found: None,
        receipt: String::new(),
        answer: String::new(),
    }
}

pub async fn follow_up(
    state: web::Data<AppState>,
    who: Result<SignedIn, ApiError>,
) -> Result<HttpResponse, PageError> {
    let who = who?;
    who.require(HandlerRole::Handler)?;
    Ok(crate::web::render(
        StatusCode::OK,
        &follow_up_page(&state, &who),
    ))
}

/// Looks a code up for a caller (audited, whether it names a report or not) and shows
/// the report's questions.
pub async fn open(
    state: web::Data<AppState>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    let who = &posted.who;
    who.require(HandlerRole::Handler)?;
    let typed = posted.form.get("receipt").to_owned();
    let tip = find(&state, &typed).await?;
    state
        .store
        .audit_phone_follow_up(
            &who.actor(),
            tip.as_ref().map(|t| t.id.as_str()),
            store::now(),
        )
        .await?;
    let mut page = follow_up_page(&state, who);
    page.receipt = typed;
    let Some(tip) = tip else {
        page.error = Some(
            "No report has this code. Ask the caller to read it again, group by group.".into(),
        );
        return Ok(crate::web::render(StatusCode::NOT_FOUND, &page));
    };
    page.found = Some(found(&state, &tip).await?);
    Ok(crate::web::render(StatusCode::OK, &page))
}

/// Records what the caller says: the answer to a waiting question, or more about the
/// report. Stored encrypted for the redaction worker, and reviewed like the reporter's
/// own messages.
pub async fn answer(
    state: web::Data<AppState>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    let who = &posted.who;
    who.require(HandlerRole::Handler)?;
    let typed = posted.form.get("receipt").to_owned();
    let text = posted.form.get("answer").to_owned();
    let mut page = follow_up_page(&state, who);
    page.receipt = typed.clone();
    let Some(tip) = find(&state, &typed).await? else {
        page.error = Some(
            "No report has this code. Ask the caller to read it again, group by group.".into(),
        );
        return Ok(crate::web::render(StatusCode::NOT_FOUND, &page));
    };
    let problem = if closed(&tip) {
        Some("This report is closed: it takes nothing more.".to_owned())
    } else if text.trim().is_empty() {
        Some("Write down what the caller said before recording it.".to_owned())
    } else if text.contains('\0') {
        Some("The answer must not contain a NUL character.".to_owned())
    } else if text.chars().count() > MAX_ANSWER_CHARS {
        Some(format!(
            "The answer is longer than {MAX_ANSWER_CHARS} characters: record the rest as a second answer."
        ))
    } else {
        None
    };
    if let Some(problem) = problem {
        page.error = Some(problem);
        page.answer = text;
        page.found = Some(found(&state, &tip).await?);
        return Ok(crate::web::render(StatusCode::BAD_REQUEST, &page));
    }
    let body = state
        .keys
        .data
        .encrypt_str(Context::Message(&tip.id, MessageAuthor::Reporter), &text);
    let outcome = state
        .store
        .reporter_message(
            tip.id.as_str(),
            &body,
            &store::today(),
            store::now(),
            Some(&who.actor()),
        )
        .await?;
    state.worker.notify_one();
    match outcome {
        ReporterMessageOutcome::Stored { .. } => {
            page.notice = Some("Recorded. It will be read and reviewed like the report.")
        }
        ReporterMessageOutcome::Closed => {
            page.error =
                Some("This report closed before the answer was recorded: nothing was kept.".into())
        }
    }
    let after = find(&state, &typed).await?;
    if let Some(after) = after {
        page.found = Some(found(&state, &after).await?);
    }
    Ok(crate::web::render(StatusCode::OK, &page))
}
