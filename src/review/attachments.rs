//! The files sent with a tip, as its claim holder reviews them: each stripped copy
//! (never the original, which stays sealed), or why there is none.

use super::auth::SignedIn;
use super::csrf::Posted;
use super::service::{self, stripped_attachment, tip_id};
use crate::attachments::{AttachmentKind, Region};
use crate::crypto::at_rest::DataKeys;
use crate::domain::Context;
use crate::http::error::{ApiError, BadField, PageError};
use crate::http::read_json;
use crate::state::AppState;
use crate::store::attachments::{AttachmentRecord, AttachmentState};
use crate::web::see_other;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;

/// One file of a tip, for the review API and page.
#[derive(Serialize)]
pub struct AttachmentView {
    pub id: String,
    /// The reporter's file it is or was drawn from: 1, 2 ... in the order sent.
    pub position: i64,
    /// A page of a PDF, drawn as an image by the worker: its number (1, 2 ...).
    pub page: Option<i64>,
    /// A page's PDF (its `id`).
    pub document: Option<String>,
    /// A PDF: why not every page of it is shown as an image.
    pub pages_note: Option<String>,
    /// What the reporter sent (`jpeg`, `png`, `webp`, `heif`, `pdf`, `text`).
    pub kind: &'static str,
    /// `received` (being stripped), `stripped` (may be forwarded) or `unreadable`.
    pub state: &'static str,
    /// The stripped copy's type and size, once there is one.
    pub stripped_kind: Option<&'static str>,
    pub size: Option<i64>,
    /// Why it cannot be forwarded, for an unreadable one.
    pub note: Option<String>,
    /// Where the stripped copy is served to the claim holder.
    pub url: Option<String>,
    /// The words on a PDF's pages as the redaction engine redacts them: the document
    /// itself is sent as it is, so this is what to judge it by.
    pub found_text: Option<String>,
    /// The reporter message it came with (its `id` in `messages`); absent: with the report.
    pub message: Option<i64>,
    /// Whether it has gone with a case already.
    pub sent: bool,
    #[serde(skip)]
    pub label: &'static str,
    #[serde(skip)]
    pub image: bool,
}

impl AttachmentView {
    /// A tip's files, each PDF followed by its pages.
    pub fn list(tip: &str, records: &[AttachmentRecord], keys: &DataKeys) -> Vec<Self> {
        records
            .iter()
            .map(|record| {
                let shown = records
                    .iter()
                    .filter(|r| r.page_of.as_ref().is_some_and(|(d, _)| *d == record.id))
                    .count();
                AttachmentView::new(tip, record, shown, keys)
            })
            .collect()
    }

    /// `pages_shown`: for a PDF, how many of its pages are drawn.
    fn new(tip: &str, record: &AttachmentRecord, pages_shown: usize, keys: &DataKeys) -> Self {
        let (state, note) = match record.state {
            AttachmentState::Received => ("received", None),
            AttachmentState::Stripped => ("stripped", None),
            AttachmentState::Unreadable(why) => ("unreadable", Some(why.to_string())),
        };
        AttachmentView {
            id: record.id.as_str().to_owned(),
            position: record.position,
            page: record.page_of.as_ref().map(|(_, n)| *n),
            document: record.page_of.as_ref().map(|(d, _)| d.as_str().to_owned()),
            pages_note: record.pages_note.map(|note| note.message(pages_shown)),
            kind: record.kind.as_str(),
            state,
            stripped_kind: record.stripped.map(|(k, _)| k.as_str()),
            size: record.stripped.map(|(_, size)| size),
            note,
            url: record
                .stripped
                .map(|_| format!("/console/tips/{tip}/attachments/{}", record.id)),
            found_text: record.found_text.as_deref().map(|sealed| {
                keys.decrypt_string(Context::AttachmentText(&record.id), sealed)
                    .unwrap_or_else(|_| "(the text found in this file could not be opened)".into())
            }),
            message: record.message_seq,
            sent: record.sent,
            label: if record.page_of.is_some() {
                "page of the PDF, drawn as an image"
            } else {
                record.kind.label()
            },
            image: record.stripped.is_some_and(|(k, _)| k.is_image()),
        }
    }

    /// Stripped, and not sent yet.
    pub fn forwardable(&self) -> bool {
        self.state == "stripped" && !self.sent
    }
}

/// `GET /console/tips/{id}/attachments/{attachment}`: a stripped file, for the claim
/// holder only. Images show inline; PDFs and text download, so nothing a reporter sent
/// runs in the console's origin (and the answer is sandboxed besides).
pub async fn file(
    state: web::Data<AppState>,
    who: Result<SignedIn, ApiError>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let who = who?;
    let (tip, attachment) = path.into_inner();
    let (kind, bytes) = stripped_attachment(&state, &who, &tip_id(&tip)?, &attachment).await?;
    Ok(serve(kind, &attachment, bytes))
}

/// `POST /api/v1/review/tips/{id}/attachments/{attachment}/black-out`: `{x, y, width,
/// height}` in pixels; 204 once the copy has that region black.
pub async fn black_out_api(
    state: web::Data<AppState>,
    who: SignedIn,
    path: web::Path<(String, String)>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let (tip, attachment) = path.into_inner();
    let region: Region = read_json(&req, payload).await?;
    service::black_out(&state, &who, &tip_id(&tip)?, &attachment, region).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The console's form for the same: `x`, `y`, `width`, `height`; back to the tip's page.
pub async fn black_out_page(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    let (tip, attachment) = path.into_inner();
    let number = |name: &str| {
        posted.form.get(name).trim().parse::<u32>().map_err(|_| {
            BadField(format!(
                "{name}: a whole number of pixels, from the image's top left"
            ))
        })
    };
    let region = Region {
        x: number("x")?,
        y: number("y")?,
        width: number("width")?,
        height: number("height")?,
    };
    service::black_out(&state, &posted.who, &tip_id(&tip)?, &attachment, region).await?;
    Ok(see_other(&format!("/console/tips/{tip}?done=blacked-out")))
}

/// A stripped file as an answer, named by its id (the reporter's file name is never
/// kept).
pub fn serve(kind: AttachmentKind, id: &str, bytes: Vec<u8>) -> HttpResponse {
    let name = format!("attachment-{id}.{}", kind.extension());
    crate::http::file(kind.media_type(), &name, kind.is_image(), bytes)
}
