//! The statistics page for supervisors: the protected tables (`crate::stats`) for a
//! period of whole months, each drawn as a chart with its table beside it, and the
//! same tables as CSV.

use super::Nav;
use crate::domain::HandlerRole;
use crate::http::error::{ApiError, PageError};
use crate::review::auth::SignedIn;
use crate::state::AppState;
use crate::stats::chart::{self, Chart};
use crate::stats::{self, Statistics, StatsError};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodQuery {
    from: Option<String>,
    to: Option<String>,
}

/// A table's rows as the page prints them: every value, or `S` where suppressed.
pub struct RowView {
    pub label: String,
    pub cells: Vec<String>,
    pub total: String,
}

/// A table, its rows and its totals, ready to print, with its chart.
pub struct TableView {
    pub rows: Vec<RowView>,
    pub totals: RowView,
    pub chart: Chart,
}

fn shown(value: Option<u64>) -> String {
    value.map_or_else(|| "S".to_owned(), |v| v.to_string())
}

fn view(table: &stats::Table) -> TableView {
    TableView {
        rows: table
            .rows
            .labels
            .iter()
            .enumerate()
            .map(|(r, label)| RowView {
                label: label.clone(),
                cells: table.cells[r].iter().copied().map(shown).collect(),
                total: shown(table.row_totals[r]),
            })
            .collect(),
        totals: RowView {
            label: "total".into(),
            cells: table.column_totals.iter().copied().map(shown).collect(),
            total: shown(table.total),
        },
        chart: chart::row_totals(table),
    }
}

#[derive(Template)]
#[template(path = "console/stats.html")]
struct StatsPage {
    nav: Nav,
    error: Option<String>,
    from: String,
    to: String,
    stats: Option<Statistics>,
    /// One per table of `stats`, in order.
    views: Vec<TableView>,
    /// The CSV link's query: the period shown.
    csv_query: String,
}

async fn gather(state: &AppState, query: &PeriodQuery) -> Result<Statistics, StatsError> {
    stats::gather(
        &state.store,
        &state.keys.data,
        &state.routing,
        query.from.as_deref(),
        query.to.as_deref(),
    )
    .await
}

pub async fn page(
    state: web::Data<AppState>,
    who: Result<SignedIn, ApiError>,
    query: Result<web::Query<PeriodQuery>, actix_web::Error>,
) -> Result<HttpResponse, PageError> {
    let who = who?;
    who.require(HandlerRole::Supervisor)?;
    let query = query.map_err(|e| crate::http::error::BadField(format!("the period: {e}")))?;
    let mut page = StatsPage {
        nav: Nav::new(&state, &who),
        error: None,
        from: query.from.clone().unwrap_or_default(),
        to: query.to.clone().unwrap_or_default(),
        stats: None,
        views: Vec::new(),
        csv_query: String::new(),
    };
    let status = match gather(&state, &query).await {
        Ok(stats) => {
            page.views = stats.tables.iter().map(view).collect();
            page.csv_query = format!("from={}&to={}", stats.period.from, stats.period.to);
            page.from = stats.period.months.first().cloned().unwrap_or_default();
            page.to = stats.period.months.last().cloned().unwrap_or_default();
            page.stats = Some(stats);
            StatusCode::OK
        }
        Err(StatsError::Period(e)) => {
            page.error = Some(format!("{e}."));
            StatusCode::BAD_REQUEST
        }
        Err(StatsError::Store(e)) => return Err(e.into()),
    };
    Ok(crate::web::render(status, &page))
}

pub async fn csv(
    state: web::Data<AppState>,
    who: Result<SignedIn, ApiError>,
    query: Result<web::Query<PeriodQuery>, actix_web::Error>,
) -> Result<HttpResponse, PageError> {
    let who = who?;
    who.require(HandlerRole::Supervisor)?;
    let query = query.map_err(|e| crate::http::error::BadField(format!("the period: {e}")))?;
    let stats = gather(&state, &query).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"tipline-statistics-{}-{}.csv\"",
                stats.period.from, stats.period.to
            ),
        ))
        .body(stats::render::csv(&stats)))
}
