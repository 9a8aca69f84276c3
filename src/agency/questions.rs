//! Questions from agencies: an agency asks about a case it has received, for the
//! handler who forwarded it (`store::questions`, the console's Questions page).

use super::api::AgencyError;
use super::auth::AgencyCaller;
use crate::domain::{CaseId, Context};
use crate::http::error::ApiError;
use crate::http::read_json;
use crate::state::AppState;
use crate::store;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

/// The longest question an agency may ask.
const MAX_QUESTION_CHARS: usize = 2000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionRequest {
    question: String,
}

/// A question about one of the agency's cases (one it has received), for the handler
/// who forwarded it. Kept encrypted; the answer, if any, comes by the agency's usual
/// channel with the tip line (the contact in routing.toml), never through this API.
pub async fn ask(
    state: web::Data<AppState>,
    caller: AgencyCaller,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let request: QuestionRequest = read_json(&req, payload).await?;
    let question = request.question.trim();
    if question.is_empty()
        || question.chars().count() > MAX_QUESTION_CHARS
        || question.contains('\0')
    {
        return Err(AgencyError::Invalid(format!(
            "question: 1 to {MAX_QUESTION_CHARS} characters"
        ))
        .into());
    }
    let Some(id) = CaseId::parse(&path) else {
        return Err(AgencyError::NotFound.into());
    };
    let sealed = state
        .keys
        .data
        .encrypt_str(Context::AgencyQuestion(&id), question);
    let today = store::today();
    state
        .store
        .ask_about_case(&caller.agency_id, id.as_str(), &sealed, &today)
        .await?
        .ok_or(AgencyError::NotFound)?;
    Ok(HttpResponse::Created().json(serde_json::json!({
        "id": id.as_str(),
        "asked_on": today,
    })))
}
