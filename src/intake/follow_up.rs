//! Follow-up at `/follow-up`: the reporter gives the receipt code (always in a form body,
//! never a URL), sees the state of the report in plain words and any questions from the
//! handler, and can answer, or add to the report at any time until it is closed. What
//! they write is drafted and reviewed like the report before any of it is passed on. A wrong code, malformed or unknown, gets the same page after
//! the same work, and every attempt counts against the client's rate limit.
//!
//! What is shown is kept to what the reporter needs, since whoever holds the phone may
//! not be the reporter: no agency names, nothing of the tip, and the reporter's own
//! earlier answers only as "you answered on <day>", never their text.

use super::i18n::Tr;
use super::page::{lang, problem, rate_limit, read_form, too_many, LangQuery};
use super::upload;
use super::AntiAbuse;
use crate::attachments::Unreadable;
use crate::crypto::receipt::Receipt;
use crate::domain::{Context, MessageAuthor, MessageState, TipId, TipStatus};
use crate::http::error::Problem;
use crate::state::AppState;
use crate::store::attachments::AttachmentState;
use crate::store::messages::{ReceiptTip, ReporterMessageOutcome};
use crate::store::{self, StoreError};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;
use serde_json::Value;

pub const MAX_ANSWER_CHARS: usize = 5_000;

#[derive(Template)]
#[template(path = "report/follow_up.html")]
struct CodePage {
    tr: Tr,
    here: &'static str,
    error: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "report/status.html")]
struct StatusPage {
    tr: Tr,
    here: &'static str,
    notice: Option<&'static str>,
    error: Option<&'static str>,
    status: &'static str,
    status_key: &'static str,
    /// A second line: what the reporter added to a report passed on waits to be read.
    added_waiting: bool,
    messages: Vec<Message>,
    /// Files the worker could not use (each one's number, and the key of why): the
    /// reporter may send them again another way.
    unusable_files: Vec<(i64, &'static str)>,
    /// The file limits, for the page's script to tell the reporter before sending.
    max_files: usize,
    max_file_bytes: u64,
    awaiting: bool,
    /// The report takes more from the reporter (it is not closed).
    open: bool,
    /// Carried in a hidden field of the answer form (a POST body), never a URL.
    receipt: String,
    answer: String,
}

struct Message {
    from_handler: bool,
    /// A reporter message that follows a question (else it added to the report).
    answer: bool,
    day: String,
    /// The handler's question; empty for the reporter's own messages, which are not shown.
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeForm {
    lang: Option<String>,
    receipt: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerForm {
    lang: Option<String>,
    receipt: Option<String>,
    answer: Option<String>,
}

impl FollowUpForm for CodeForm {
    fn lang(&self) -> Option<&str> {
        self.lang.as_deref()
    }
    fn receipt(&self) -> &str {
        self.receipt.as_deref().unwrap_or_default()
    }
}

impl FollowUpForm for AnswerForm {
    fn lang(&self) -> Option<&str> {
        self.lang.as_deref()
    }
    fn receipt(&self) -> &str {
        self.receipt.as_deref().unwrap_or_default()
    }
}

#[derive(Debug, thiserror::Error)]
enum FollowUpError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("a stored message could not be decrypted")]
    Corrupt,
}

/// A state in plain words: its name for tests and styling, and the key of its text.
/// A report passed on stays "passed on" while what the reporter added since is read.
pub fn plain_status(status: TipStatus, forwarded_before: bool) -> (&'static str, &'static str) {
    match status {
        TipStatus::Received => ("received", "status_received"),
        _ if forwarded_before && status != TipStatus::AwaitingReporter => {
            ("passed_on", "status_passed_on")
        }
        TipStatus::PendingReview => ("waiting", "status_received"),
        TipStatus::InReview => ("being_read", "status_being_reviewed"),
        TipStatus::AwaitingReporter => ("question", "status_question"),
        TipStatus::Forwarded => ("passed_on", "status_passed_on"),
        TipStatus::Rejected => ("closed", "status_closed"),
    }
}

pub async fn show(query: web::Query<LangQuery>) -> HttpResponse {
    code_page(query.tr(), StatusCode::OK, None)
}

fn code_page(tr: Tr, status: StatusCode, error: Option<&'static str>) -> HttpResponse {
    crate::web::render(
        status,
        &CodePage {
            tr,
            here: "/follow-up",
            error,
        },
    )
}

/// The tip a typed code belongs to. A code that cannot be one is still hashed and
/// looked up, so a malformed code costs the same as an unknown one.
async fn find(state: &AppState, typed: &str) -> Result<Option<ReceiptTip>, StoreError> {
    let parsed = Receipt::parse(typed);
    let canonical = parsed.as_ref().map_or(typed.trim(), Receipt::canonical);
    let hashes = state.keys.data.lookup_hashes("receipt", canonical);
    state.store.tip_for_receipt(&hashes).await
}

fn unavailable(tr: Tr, e: FollowUpError) -> HttpResponse {
    tracing::error!(error = %e, "follow-up could not be answered");
    problem(
        tr,
        StatusCode::SERVICE_UNAVAILABLE,
        "/follow-up",
        "error_unavailable",
    )
}

async fn status_page(
    state: &AppState,
    tr: Tr,
    tip: &ReceiptTip,
    receipt: String,
) -> Result<StatusPage, FollowUpError> {
    let stored = state.store.messages(tip.id.as_str()).await?;
    let mut messages = Vec::new();
    let mut after_question = false;
    for m in stored {
        // A withdrawn question is no longer the reporter's to answer or read.
        if m.state == MessageState::Withdrawn {
            continue;
        }
        let from_handler = m.author == MessageAuthor::Handler;
        let text = if from_handler {
            state
                .keys
                .data
                .decrypt_string(Context::Message(&tip.id, m.author), &m.body)
                .map_err(|_| FollowUpError::Corrupt)?
        } else {
            String::new()
        };
        messages.push(Message {
            from_handler,
            answer: !from_handler && after_question,
            day: m.created_on,
            text,
        });
        after_question = from_handler;
    }
    let unusable_files = state
        .store
        .attachments_of_tip(&tip.id)
        .await?
        .into_iter()
        .filter_map(|file| match file.state {
            AttachmentState::Unreadable(why) => Some((file.position, unusable_key(why))),
            _ => None,
        })
        .collect();
    let (name, key) = plain_status(tip.status, tip.forwarded_before);
    Ok(StatusPage {
        tr,
        here: "/follow-up",
        notice: None,
        error: None,
        status: name,
        status_key: key,
        added_waiting: tip.forwarded_before
            && matches!(tip.status, TipStatus::PendingReview | TipStatus::InReview),
        messages,
        unusable_files,
        max_files: state.settings.intake.max_attachments,
        max_file_bytes: state.settings.intake.max_attachment_bytes(),
        awaiting: tip.status == TipStatus::AwaitingReporter,
        open: !closed(tip),
        receipt,
        answer: String::new(),
    })
}

/// The key of the reporter's words for a file the worker could not use.
fn unusable_key(why: Unreadable) -> &'static str {
    match why {
        Unreadable::WrongType => "file_wrong_type",
        Unreadable::Malformed | Unreadable::NotDecodable | Unreadable::Encrypted => {
            "file_unreadable"
        }
    }
}

/// A report that takes nothing more: rejected, or erased after the retention period.
fn closed(tip: &ReceiptTip) -> bool {
    tip.erased || tip.status == TipStatus::Rejected
}

/// What both follow-up posts do first: count the attempt against the client's
/// allowance, read the form, pick its language, and find the tip the typed code names.
/// `Err` is the page to answer with instead.
async fn admit<F: serde::de::DeserializeOwned + FollowUpForm>(
    state: &AppState,
    abuse: &AntiAbuse,
    query: &LangQuery,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<(Tr, F, Option<ReceiptTip>), HttpResponse> {
    // Counted before the body is read: a flood of bodies costs its sender, not us.
    let asked = query.tr();
    rate_limit(abuse, req).map_err(|limited| too_many(asked, "/follow-up", &limited))?;
    let form: F = read_form(req, payload)
        .await
        .map_err(|e| problem(asked, e.status(), "/follow-up", "error_bad_form"))?;
    let tr = lang(form.lang());
    let found = find(state, form.receipt())
        .await
        .map_err(|e| unavailable(tr, e.into()))?;
    Ok((tr, form, found))
}

/// The fields every follow-up post carries.
trait FollowUpForm {
    fn lang(&self) -> Option<&str>;
    fn receipt(&self) -> &str;
}

pub async fn check(
    state: web::Data<AppState>,
    abuse: web::Data<AntiAbuse>,
    query: web::Query<LangQuery>,
    req: HttpRequest,
    payload: web::Payload,
) -> HttpResponse {
    let (tr, form, found) = match admit::<CodeForm>(&state, &abuse, &query, &req, payload).await {
        Ok(admitted) => admitted,
        Err(page) => return page,
    };
    let Some(tip) = found else {
        return code_page(tr, StatusCode::NOT_FOUND, Some("not_found"));
    };
    let typed = form.receipt.unwrap_or_default();
    match status_page(&state, tr, &tip, typed).await {
        Ok(page) => crate::web::render(StatusCode::OK, &page),
        Err(e) => unavailable(tr, e),
    }
}

/// A message from the reporter: the answer to a waiting question, or more about the
/// report at any time until it is closed. Stored encrypted for the redaction worker. As
/// `multipart/form-data` it may carry files, which go to the handler with the message.
pub async fn answer(
    state: web::Data<AppState>,
    abuse: web::Data<AntiAbuse>,
    query: web::Query<LangQuery>,
    req: HttpRequest,
    payload: web::Payload,
) -> HttpResponse {
    if !upload::is_multipart(&req) {
        let (tr, form, found) =
            match admit::<AnswerForm>(&state, &abuse, &query, &req, payload).await {
                Ok(admitted) => admitted,
                Err(page) => return page,
            };
        return take_answer(&state, tr, form, found, None)
            .await
            .unwrap_or_else(|page| page);
    }
    // Counted before the body is read: a flood of bodies costs its sender, not us.
    let asked = query.tr();
    if let Err(limited) = rate_limit(&abuse, &req) {
        return too_many(asked, "/follow-up", &limited);
    }
    // The files stream in under a stand-in id before the code is checked (the same work
    // whatever the code); they join the tip only with the message they came with, and
    // every refusal deletes them.
    let upload = TipId::new();
    let answered = match upload::read(&state, &req, payload, &upload, &abuse.upload_budget).await {
        Ok(uploaded) => {
            match serde_json::from_value::<AnswerForm>(Value::Object(uploaded.fields)) {
                Ok(form) => {
                    let tr = lang(form.lang());
                    let work = async {
                        match find(&state, form.receipt()).await {
                            Ok(found) => {
                                let files = (uploaded.files > 0).then_some(&upload);
                                take_answer(&state, tr, form, found, files).await
                            }
                            Err(e) => Err(unavailable(tr, e.into())),
                        }
                    };
                    upload::after_body(work, || {
                        problem(
                            tr,
                            StatusCode::SERVICE_UNAVAILABLE,
                            "/follow-up",
                            "error_unavailable",
                        )
                    })
                    .await
                }
                Err(_) => Err(problem(
                    asked,
                    StatusCode::BAD_REQUEST,
                    "/follow-up",
                    "error_bad_form",
                )),
            }
        }
        Err(e) => Err(e.page(asked, "/follow-up")),
    };
    match answered {
        Ok(page) => page,
        Err(refused) => {
            if let Err(e) = state.store.discard_uploads(&upload).await {
                // Left `uploading`, seen by nobody, for the hourly sweep.
                tracing::error!(error = %e, "a refused message's files could not be deleted");
            }
            refused
        }
    }
}

/// Stores the reporter's message (and the files uploaded under `files`, with it) and
/// answers with the status page; `Err` is the page to answer with when nothing was
/// stored.
async fn take_answer(
    state: &AppState,
    tr: Tr,
    form: AnswerForm,
    found: Option<ReceiptTip>,
    files: Option<&TipId>,
) -> Result<HttpResponse, HttpResponse> {
    let Some(tip) = found else {
        return Err(code_page(tr, StatusCode::NOT_FOUND, Some("not_found")));
    };
    let typed = form.receipt.unwrap_or_default();
    let text = form.answer.unwrap_or_default();
    let problem_with_answer = if closed(&tip) {
        Some("status_closed")
    } else if text.trim().is_empty() {
        Some("answer_empty")
    } else if text.contains('\0') {
        // Never typed, only forged: as unreadable as a form that does not parse.
        Some("error_bad_form")
    } else if text.chars().count() > MAX_ANSWER_CHARS {
        Some("answer_too_long")
    } else {
        None
    };
    if let Some(error) = problem_with_answer {
        return Err(match status_page(state, tr, &tip, typed).await {
            Ok(mut page) => {
                page.error = Some(error);
                page.answer = text;
                crate::web::render(StatusCode::BAD_REQUEST, &page)
            }
            Err(e) => unavailable(tr, e),
        });
    }
    let body = state
        .keys
        .data
        .encrypt_str(Context::Message(&tip.id, MessageAuthor::Reporter), &text);
    let stored = match state
        .store
        .reporter_message(tip.id.as_str(), &body, &store::today(), store::now(), None)
        .await
    {
        Ok(outcome) => outcome,
        Err(e) => return Err(unavailable(tr, e.into())),
    };
    let notice = match (stored, files) {
        (ReporterMessageOutcome::Stored { seq, answer }, Some(upload)) => {
            if let Err(e) = state.store.keep_message_uploads(upload, &tip.id, seq).await {
                // The message is stored: say so, and leave the files for the sweep.
                tracing::error!(error = %e, "a message's files could not be kept");
            }
            if answer {
                "answer_sent"
            } else {
                "add_sent"
            }
        }
        (ReporterMessageOutcome::Stored { answer: true, .. }, None) => "answer_sent",
        (ReporterMessageOutcome::Stored { answer: false, .. }, None) => "add_sent",
        // Closed between the check and the write: nothing was kept.
        (ReporterMessageOutcome::Closed, _) => {
            return Err(match status_page(state, tr, &tip, typed).await {
                Ok(mut page) => {
                    page.error = Some("status_closed");
                    crate::web::render(StatusCode::OK, &page)
                }
                Err(e) => unavailable(tr, e),
            })
        }
    };
    // The redaction worker drafts it now rather than at its next poll.
    state.worker.notify_one();
    let after = match find(state, &typed).await {
        Ok(Some(after)) => after,
        Ok(None) => return Ok(code_page(tr, StatusCode::NOT_FOUND, Some("not_found"))),
        Err(e) => return Ok(unavailable(tr, e.into())),
    };
    Ok(match status_page(state, tr, &after, typed).await {
        Ok(mut page) => {
            page.notice = Some(notice);
            crate::web::render(StatusCode::OK, &page)
        }
        Err(e) => unavailable(tr, e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::i18n::catalog;

    #[test]
    fn every_state_has_words_in_every_language() {
        let states = TipStatus::ALL;
        let keys = [
            "not_found",
            "add_sent",
            "you_added",
            "answer_empty",
            "answer_too_long",
            "answer_sent",
            "error_unavailable",
        ];
        for l in catalog().languages() {
            let tr = catalog().pick(Some(l.code));
            for s in states {
                for forwarded_before in [false, true] {
                    assert!(!tr.t(plain_status(*s, forwarded_before).1).is_empty());
                }
            }
            for k in keys {
                assert!(!tr.t(k).is_empty(), "{} lacks {k}", l.code);
            }
        }
    }
}
