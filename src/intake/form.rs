//! The report form at `/`. Without JavaScript it is an ordinary form post, sealed by the
//! server on arrival. With JavaScript, `static/report.js` seals the tip in the browser
//! and posts only the envelope (and a proof of work when one is asked); a report with
//! files goes as the ordinary form, `multipart/form-data`, its files sealed by the
//! server as they stream in (`upload`). Either way the
//! answer to the post is the receipt page, so the receipt never appears in a URL.

use super::page::{lang, problem, rate_limit, read_form, too_many, LangQuery};
use super::pow;
use super::submit::{accept_as, Origin, Submission, SubmitError};
use super::upload;
use super::AntiAbuse;
use crate::crypto::sealing::Envelope;
use crate::domain::{Channel, RawTip, Region, TipError, TipId};
use crate::http::error::Problem;
use crate::state::AppState;
use crate::store;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;
use serde_json::Value;

/// Each category's value and the key of its label.
pub const CATEGORIES: [(&str, &str); 5] = [
    ("forced_labour", "category_forced_labour"),
    ("trafficking", "category_trafficking"),
    ("slavery", "category_slavery"),
    ("worker_exploitation", "category_worker_exploitation"),
    ("other", "category_other"),
];

#[derive(Template)]
#[template(path = "report/form.html")]
struct FormPage {
    tr: super::i18n::Tr,
    here: &'static str,
    error: Option<&'static str>,
    categories: &'static [(&'static str, &'static str)],
    category: String,
    body: String,
    location: String,
    regions: Vec<(&'static str, &'static str)>,
    region: String,
    /// A fresh one-time token: posting the form again (a reload) files nothing new.
    submission: String,
    /// The file limits, for the page's script to tell the reporter before sending.
    max_files: usize,
    max_file_bytes: u64,
}

/// The regions to choose from, each value with its label in the page's language: the
/// regions' own names, and the two answers that are not a region translated.
fn region_options(tr: super::i18n::Tr) -> Vec<(&'static str, &'static str)> {
    Region::ALL
        .iter()
        .map(|r| {
            let label = match r {
                Region::Unknown => tr.t("region_unknown"),
                Region::Overseas => tr.t("region_overseas"),
                r => r.label(),
            };
            (r.as_str(), label)
        })
        .collect()
}

fn submission_token() -> String {
    crate::crypto::b64url(&crate::crypto::random_bytes::<16>())
}

#[derive(Template)]
#[template(path = "report/receipt.html")]
struct ReceiptPage {
    tr: super::i18n::Tr,
    here: &'static str,
    receipt: String,
}

/// What the two forms on the page post: the plain fields, or the sealed envelope.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportForm {
    lang: Option<String>,
    category: Option<String>,
    body: Option<String>,
    location: Option<String>,
    region: Option<String>,
    sealed: Option<String>,
    pow_challenge: Option<String>,
    pow_nonce: Option<String>,
    submission: Option<String>,
}

fn filled(field: &Option<String>) -> Option<&str> {
    field.as_deref().filter(|v| !v.is_empty())
}

pub async fn show(state: web::Data<AppState>, query: web::Query<LangQuery>) -> HttpResponse {
    let tr = query.tr();
    crate::web::render(
        StatusCode::OK,
        &FormPage {
            tr,
            regions: region_options(tr),
            region: Region::Unknown.as_str().to_owned(),
            here: "/",
            error: None,
            categories: &CATEGORIES,
            category: String::new(),
            body: String::new(),
            location: String::new(),
            submission: submission_token(),
            max_files: state.settings.intake.max_attachments,
            max_file_bytes: state.settings.intake.max_attachment_bytes(),
        },
    )
}

/// The key of the message for a tip the reporter needs to correct.
fn tip_error_key(error: &TipError) -> &'static str {
    match error {
        TipError::UnknownCategory(_) => "error_category",
        TipError::EmptyBody => "error_empty_body",
        TipError::BodyTooLong(_) => "error_body_too_long",
        TipError::LocationTooLong(_) => "error_location_too_long",
        TipError::Nul(_) => "error_bad_form",
        // The form offers only the list: another value was forged.
        TipError::Region(_) => "error_bad_form",
        // Only a call has a language, and calls are taken in the console.
        TipError::NoCallLanguage | TipError::CallLanguageTooLong(_) => "error_bad_form",
    }
}

pub async fn submit(
    state: web::Data<AppState>,
    abuse: web::Data<AntiAbuse>,
    query: web::Query<LangQuery>,
    req: HttpRequest,
    payload: web::Payload,
) -> HttpResponse {
    // Counted before the body is read: a flood of bodies costs its sender, not us.
    if let Err(limited) = rate_limit(&abuse, &req) {
        return too_many(query.tr(), "/", &limited);
    }
    if !upload::is_multipart(&req) {
        let form: ReportForm = match read_form(&req, payload).await {
            Ok(form) => form,
            Err(e) => return problem(query.tr(), e.status(), "/", "error_bad_form"),
        };
        return file(&state, &abuse, form, &TipId::new(), false)
            .await
            .unwrap_or_else(|refused| refused);
    }
    // The files stream in under the tip's id before the tip itself is stored: every
    // refusal from here on deletes them, so a refused report leaves nothing behind.
    let tip = TipId::new();
    let answer = match upload::read(&state, &req, payload, &tip, &abuse.upload_budget).await {
        Ok(uploaded) => {
            match serde_json::from_value::<ReportForm>(Value::Object(uploaded.fields)) {
                Ok(form) => {
                    let tr = lang(form.lang.as_deref());
                    let work = file(&state, &abuse, form, &tip, uploaded.files > 0);
                    upload::after_body(work, || {
                        problem(
                            tr,
                            StatusCode::SERVICE_UNAVAILABLE,
                            "/",
                            "error_unavailable",
                        )
                    })
                    .await
                }
                Err(_) => Err(problem(
                    query.tr(),
                    StatusCode::BAD_REQUEST,
                    "/",
                    "error_bad_form",
                )),
            }
        }
        Err(e) => Err(e.page(query.tr(), "/")),
    };
    match answer {
        Ok(receipt) => receipt,
        Err(refused) => {
            if let Err(e) = state.store.discard_uploads(&tip).await {
                // Left `uploading`, seen by nobody, for the hourly sweep.
                tracing::error!(error = %e, "a refused report's files could not be deleted");
            }
            refused
        }
    }
}

/// Files the report as `tip` and answers with the receipt page, or with the page that
/// says what to correct (`Err`: nothing was stored, and the caller drops any files).
async fn file(
    state: &AppState,
    abuse: &AntiAbuse,
    form: ReportForm,
    tip: &TipId,
    with_files: bool,
) -> Result<HttpResponse, HttpResponse> {
    let tr = lang(form.lang.as_deref());
    let (submission, challenge) = match filled(&form.sealed) {
        Some(sealed) => {
            // The sealed form carries nothing in the clear.
            if [&form.category, &form.body, &form.location, &form.region]
                .into_iter()
                .any(|f| filled(f).is_some())
            {
                return Err(problem(tr, StatusCode::BAD_REQUEST, "/", "error_bad_form"));
            }
            let answer = match (filled(&form.pow_challenge), filled(&form.pow_nonce)) {
                (Some(challenge), Some(nonce)) => Some(pow::Answer {
                    challenge: challenge.to_owned(),
                    nonce: nonce.to_owned(),
                }),
                _ => None,
            };
            let challenge = match abuse
                .pow
                .verify(&state.store, answer.as_ref(), store::now())
                .await
            {
                Ok(Ok(challenge)) => challenge,
                Ok(Err(_)) => return Err(problem(tr, StatusCode::BAD_REQUEST, "/", "error_pow")),
                Err(_) => {
                    return Err(problem(
                        tr,
                        StatusCode::SERVICE_UNAVAILABLE,
                        "/",
                        "error_store",
                    ))
                }
            };
            match serde_json::from_str::<Envelope>(sealed) {
                Ok(envelope) => (Submission::Sealed(envelope), challenge),
                Err(_) => return Err(problem(tr, StatusCode::BAD_REQUEST, "/", "error_sealed")),
            }
        }
        // Without JavaScript there is no proof of work; the rate limit still applies.
        None => {
            let category = form.category.unwrap_or_default();
            let body = form.body.unwrap_or_default();
            let location = form.location.unwrap_or_default();
            let region = form.region.unwrap_or_default();
            let parsed = Region::parse_input(Some(&region))
                .map_err(TipError::from)
                .and_then(|r| Ok(RawTip::parse(&category, &body, Some(&location))?.in_region(r)));
            match parsed {
                Ok(tip) => (Submission::Plain(tip), None),
                Err(e) => {
                    // Show the form again with what they wrote, so nothing is lost.
                    return Err(crate::web::render(
                        StatusCode::BAD_REQUEST,
                        &FormPage {
                            tr,
                            here: "/",
                            error: Some(tip_error_key(&e)),
                            categories: &CATEGORIES,
                            category,
                            body,
                            location,
                            regions: region_options(tr),
                            region,
                            submission: submission_token(),
                            max_files: state.settings.intake.max_attachments,
                            max_file_bytes: state.settings.intake.max_attachment_bytes(),
                        },
                    ));
                }
            }
        }
    };
    let origin = Origin::reporter(Channel::Web, challenge);
    match accept_as(
        state,
        tip,
        submission,
        filled(&form.submission),
        origin,
        with_files,
    )
    .await
    {
        Ok(receipt) => Ok(crate::web::render(
            StatusCode::OK,
            &ReceiptPage {
                tr,
                // No language links here: following one would lose the code for good.
                here: "",
                receipt: receipt.to_string(),
            },
        )),
        Err(SubmitError::Store(e)) => {
            tracing::error!(error = %e, "tip could not be stored");
            Err(problem(
                tr,
                StatusCode::SERVICE_UNAVAILABLE,
                "/",
                "error_store",
            ))
        }
        Err(SubmitError::Invalid(e)) => {
            Err(problem(tr, StatusCode::BAD_REQUEST, "/", tip_error_key(&e)))
        }
        Err(SubmitError::Envelope(_) | SubmitError::SealedContent(_)) => {
            Err(problem(tr, StatusCode::BAD_REQUEST, "/", "error_sealed"))
        }
        Err(SubmitError::BadToken) => {
            Err(problem(tr, StatusCode::BAD_REQUEST, "/", "error_bad_form"))
        }
        Err(SubmitError::Pow(_)) => Err(problem(tr, StatusCode::BAD_REQUEST, "/", "error_pow")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Category;
    use crate::intake::i18n::catalog;

    #[test]
    fn every_category_has_a_label_in_every_language() {
        let values: Vec<_> = CATEGORIES.iter().map(|c| c.0).collect();
        let all: Vec<_> = Category::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(values, all);
        let errors = [
            TipError::UnknownCategory(String::new()),
            TipError::EmptyBody,
            TipError::BodyTooLong(0),
            TipError::LocationTooLong(0),
            TipError::Nul("body"),
            TipError::Region(crate::domain::origin::RegionError(String::new())),
        ];
        for l in catalog().languages() {
            let tr = catalog().pick(Some(l.code));
            for (_, key) in CATEGORIES {
                assert!(!tr.t(key).is_empty(), "{} lacks {key}", l.code);
            }
            for (_, label) in region_options(tr) {
                assert!(!label.is_empty(), "{} lacks a region's label", l.code);
            }
            for e in &errors {
                assert!(!tr.t(tip_error_key(e)).is_empty());
            }
        }
    }
}
