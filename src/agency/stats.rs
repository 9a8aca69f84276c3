//! `GET /api/v1/stats`: the same protected tables the console shows supervisors, for
//! any agency with credentials (they are the same for every agency: nothing in them is
//! an agency's own).

use super::auth::AgencyCaller;
use crate::http::error::{ApiError, BadField};
use crate::state::AppState;
use crate::stats;
use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatsQuery {
    from: Option<String>,
    to: Option<String>,
    format: Option<String>,
}

pub async fn get(
    state: web::Data<AppState>,
    _caller: AgencyCaller,
    query: Result<web::Query<StatsQuery>, actix_web::Error>,
) -> Result<HttpResponse, ApiError> {
    let query = query.map_err(|e| BadField(format!("query: {e}; expected from, to and format")))?;
    let csv = match query.format.as_deref() {
        None | Some("json") => false,
        Some("csv") => true,
        Some(other) => {
            return Err(BadField(format!(
                "format: unknown format `{}`; expected json or csv",
                other.chars().take(20).collect::<String>()
            ))
            .into())
        }
    };
    let stats = stats::gather(
        &state.store,
        &state.keys.data,
        &state.routing,
        query.from.as_deref(),
        query.to.as_deref(),
    )
    .await?;
    Ok(if csv {
        HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
            .body(stats::render::csv(&stats))
    } else {
        HttpResponse::Ok().json(stats)
    })
}
