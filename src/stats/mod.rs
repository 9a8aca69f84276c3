//! Statistics for monitoring the Plan of Action against forced labour, people
//! trafficking and slavery: how many tips arrive, of what kind, from where and by
//! which channel; what became of them; how fast they were forwarded; and what the
//! agencies acknowledged. Counted from stored columns only (`store::stats`), over whole
//! months that have ended (`period`), and published only through `disclosure`: no
//! table here can point at a reporter, and no output holds a time finer than a month.
//!
//! The same tables reach supervisors (the console's statistics page, with charts, and
//! its CSV), agencies (`GET /api/v1/stats`) and operators (`tipline stats`).

pub mod chart;
pub mod disclosure;
pub mod period;
pub mod render;

use crate::crypto::at_rest::DataKeys;
use crate::domain::{Category, Channel, Region, TipStatus};
use crate::http::error::Problem;
use crate::routing::Routing;
use crate::store::stats::{CaseFact, TipFact};
use crate::store::{Store, StoreError};
use actix_web::http::StatusCode;
use disclosure::{Grid, Protected};
use period::{Period, PeriodError};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum StatsError {
    #[error(transparent)]
    Period(#[from] PeriodError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Problem for StatsError {
    fn status(&self) -> StatusCode {
        match self {
            StatsError::Period(_) => StatusCode::BAD_REQUEST,
            StatsError::Store(e) => e.status(),
        }
    }
}

/// The key the rounding is drawn under: derived from the oldest data key held, so that
/// a rotation does not publish a second, independent rounding of the same counts.
pub fn rounding_key(data: &DataKeys) -> [u8; 32] {
    *data
        .derive_all(ROUNDING_PURPOSE, "")
        .last()
        .expect("a key file holds at least one key")
}

/// The protected tables for the months from `from` to `to` (see `Period::parse`).
pub async fn gather(
    store: &Store,
    data: &DataKeys,
    routing: &Routing,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Statistics, StatsError> {
    let now = crate::store::now();
    let today = time::OffsetDateTime::from_unix_timestamp(now)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .date();
    let period = Period::parse(from, to, today)?;
    let (tips, cases) = store
        .stats_facts(&period.from_day(), &period.to_day(), now)
        .await?;
    let agencies: Vec<AgencyName> = routing
        .agencies
        .iter()
        .map(|a| AgencyName {
            id: a.id.clone(),
            name: a.name.clone(),
        })
        .collect();
    Ok(compute(
        &period,
        &tips,
        &cases,
        &agencies,
        &rounding_key(data),
    ))
}

/// The purpose the rounding key is derived for (from the oldest data key held, so a
/// key rotation does not show a second rounding of the same counts).
pub const ROUNDING_PURPOSE: &str = "statistics rounding";

/// Medians and percentiles are given only over at least this many tips.
pub const MIN_FOR_DURATIONS: usize = disclosure::MIN_COUNT as usize;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Statistics {
    pub period: PeriodShown,
    pub disclosure: Rules,
    pub tables: Vec<Table>,
    pub time_to_forward: Durations,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PeriodShown {
    pub from: String,
    pub to: String,
    pub months: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Rules {
    pub suppressed_below: u64,
    pub rounding_base: u64,
    pub note: &'static str,
}

const RULES_NOTE: &str = "Counts under 6 are suppressed (null; S in CSV). Other counts are randomly rounded to a multiple of 3, each on its own, so totals may differ from the sum of their parts. More cells are suppressed where the totals would give a suppressed one back. Only whole months that have ended are covered.";

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Axis {
    pub dimension: &'static str,
    pub values: Vec<String>,
    pub labels: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Table {
    pub id: &'static str,
    pub title: &'static str,
    /// `tips` or `reports` (a tip forwarded to one agency).
    pub measure: &'static str,
    pub rows: Axis,
    pub columns: Axis,
    /// `cells[row][column]`; `null` is suppressed.
    pub cells: Vec<Vec<Option<u64>>>,
    pub row_totals: Vec<Option<u64>>,
    pub column_totals: Vec<Option<u64>>,
    pub total: Option<u64>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Durations {
    pub title: &'static str,
    /// One row per month of arrival, then `all`.
    pub rows: Vec<DurationRow>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DurationRow {
    pub month: String,
    /// Tips forwarded, as published in the outcomes table.
    pub forwarded: Option<u64>,
    pub median_days: Option<f64>,
    pub p90_days: Option<u64>,
}

/// An agency as the tables name it.
pub struct AgencyName {
    pub id: String,
    pub name: String,
}

/// Outcomes of tips, as the tables call them.
const OUTCOMES: [(&str, &str); 4] = [
    ("waiting_for_review", "waiting for review"),
    ("awaiting_reporter", "awaiting the reporter"),
    ("forwarded", "forwarded"),
    ("rejected", "rejected"),
];

fn outcome(tip: &TipFact) -> &'static str {
    // A tip forwarded once stays forwarded, whatever its reporter added since.
    if tip.forwarded_on.is_some() {
        return "forwarded";
    }
    match tip.status {
        TipStatus::Received | TipStatus::PendingReview | TipStatus::InReview => {
            "waiting_for_review"
        }
        TipStatus::AwaitingReporter => "awaiting_reporter",
        TipStatus::Forwarded => "forwarded",
        TipStatus::Rejected => "rejected",
    }
}

fn month_of(day: &str) -> &str {
    day.get(..7).unwrap_or(day)
}

/// Counts `items` into a grid of `rows` x `columns` by each item's row and column.
fn count<T>(
    items: &[T],
    rows: &[String],
    columns: &[String],
    place: impl Fn(&T) -> (String, String),
) -> Vec<Vec<u64>> {
    let mut cells = vec![vec![0u64; columns.len()]; rows.len()];
    for item in items {
        let (r, c) = place(item);
        if let (Some(r), Some(c)) = (
            rows.iter().position(|x| *x == r),
            columns.iter().position(|x| *x == c),
        ) {
            cells[r][c] += 1;
        }
    }
    cells
}

/// What a table shows, beside the grid of counts it is made from.
struct Spec {
    id: &'static str,
    title: &'static str,
    rows: Axis,
    columns: Axis,
}

fn axis(dimension: &'static str, values: Vec<(String, String)>) -> Axis {
    let (values, labels) = values.into_iter().unzip();
    Axis {
        dimension,
        values,
        labels,
    }
}

/// Builds and protects every table for `period` from the facts.
pub fn compute(
    period: &Period,
    tips: &[TipFact],
    cases: &[CaseFact],
    agencies: &[AgencyName],
    rounding_key: &[u8],
) -> Statistics {
    let months: Vec<String> = period.months();
    let month_axis = || {
        axis(
            "month",
            months.iter().map(|m| (m.clone(), m.clone())).collect(),
        )
    };
    let categories = || {
        axis(
            "category",
            Category::ALL
                .iter()
                .map(|c| (c.as_str().to_owned(), c.label().to_owned()))
                .collect(),
        )
    };
    let regions = axis(
        "region",
        Region::ALL
            .iter()
            .map(|r| (r.as_str().to_owned(), r.label().to_owned()))
            .collect(),
    );
    let mut channel_values: Vec<(String, String)> = Channel::ALL
        .iter()
        .map(|c| (c.as_str().to_owned(), c.label().to_owned()))
        .collect();
    if tips.iter().any(|t| t.channel.is_none()) {
        channel_values.push(("not_recorded".into(), "not recorded".into()));
    }
    let channels = axis("channel", channel_values);
    let outcomes = || {
        axis(
            "outcome",
            OUTCOMES
                .iter()
                .map(|(v, l)| ((*v).to_owned(), (*l).to_owned()))
                .collect(),
        )
    };
    let mut agency_values: Vec<(String, String)> = agencies
        .iter()
        .map(|a| (a.id.clone(), a.name.clone()))
        .collect();
    for case in cases {
        if !agency_values.iter().any(|(id, _)| *id == case.agency_id) {
            agency_values.push((case.agency_id.clone(), case.agency_id.clone()));
        }
    }
    let agencies = || axis("agency", agency_values.clone());
    let acknowledged = || {
        axis(
            "acknowledged",
            vec![
                ("yes".into(), "acknowledged".into()),
                ("no".into(), "not yet acknowledged".into()),
            ],
        )
    };

    let spec = |id, title, measure, rows: Axis, columns: Axis, cells| {
        let grid = Grid {
            measure,
            row_dimension: rows.dimension,
            rows: rows.values.clone(),
            column_dimension: columns.dimension,
            columns: columns.values.clone(),
            cells,
        };
        (
            Spec {
                id,
                title,
                rows,
                columns,
            },
            grid,
        )
    };
    let month_cat = count(tips, &months, &categories().values, |t| {
        (
            month_of(&t.received_on).to_owned(),
            t.category.as_str().to_owned(),
        )
    });
    let region_cat = count(tips, &regions.values, &categories().values, |t| {
        (t.region.as_str().to_owned(), t.category.as_str().to_owned())
    });
    let month_channel = count(tips, &months, &channels.values, |t| {
        (
            month_of(&t.received_on).to_owned(),
            t.channel.map_or("not_recorded", Channel::as_str).to_owned(),
        )
    });
    let month_outcome = count(tips, &months, &outcomes().values, |t| {
        (month_of(&t.received_on).to_owned(), outcome(t).to_owned())
    });
    let month_agency = count(cases, &months, &agencies().values, |c| {
        (month_of(&c.received_on).to_owned(), c.agency_id.clone())
    });
    let agency_ack = count(cases, &agencies().values, &acknowledged().values, |c| {
        (
            c.agency_id.clone(),
            if c.acknowledged { "yes" } else { "no" }.to_owned(),
        )
    });
    let specs = vec![
        spec(
            "tips_by_month_and_category",
            "Tips by month of arrival and category",
            "tips",
            month_axis(),
            categories(),
            month_cat,
        ),
        spec(
            "tips_by_region_and_category",
            "Tips by region and category",
            "tips",
            regions,
            categories(),
            region_cat,
        ),
        spec(
            "tips_by_month_and_channel",
            "Tips by month of arrival and channel",
            "tips",
            month_axis(),
            channels,
            month_channel,
        ),
        spec(
            "outcomes_by_month",
            "What became of the tips, by month of arrival",
            "tips",
            month_axis(),
            outcomes(),
            month_outcome,
        ),
        spec(
            "reports_by_month_and_agency",
            "Tips forwarded to each agency, by month of arrival",
            "reports",
            month_axis(),
            agencies(),
            month_agency,
        ),
        spec(
            "reports_acknowledged_by_agency",
            "Forwarded tips each agency has acknowledged",
            "reports",
            agencies(),
            acknowledged(),
            agency_ack,
        ),
    ];
    let (specs, grids): (Vec<Spec>, Vec<Grid>) = specs.into_iter().unzip();
    let protected = disclosure::protect(&grids, rounding_key);
    let tables: Vec<Table> = specs
        .into_iter()
        .zip(grids.iter().zip(protected))
        .map(|(s, (grid, p)): (Spec, (&Grid, Protected))| Table {
            id: s.id,
            title: s.title,
            measure: grid.measure,
            rows: s.rows,
            columns: s.columns,
            cells: p.cells,
            row_totals: p.row_totals,
            column_totals: p.column_totals,
            total: p.total,
        })
        .collect();
    let outcomes_table = tables
        .iter()
        .find(|t| t.id == "outcomes_by_month")
        .expect("built above");
    let forwarded_column = outcomes_table
        .columns
        .values
        .iter()
        .position(|v| v == "forwarded")
        .expect("an outcome");
    let mut rows: Vec<DurationRow> = months
        .iter()
        .enumerate()
        .map(|(r, month)| {
            let days: Vec<i64> = tips
                .iter()
                .filter(|t| month_of(&t.received_on) == month)
                .filter_map(days_to_forward)
                .collect();
            duration_row(month, outcomes_table.cells[r][forwarded_column], days)
        })
        .collect();
    rows.push(duration_row(
        "all",
        outcomes_table.column_totals[forwarded_column],
        tips.iter().filter_map(days_to_forward).collect(),
    ));
    Statistics {
        period: PeriodShown {
            from: period.from_day(),
            to: period.to_day(),
            months,
        },
        disclosure: Rules {
            suppressed_below: disclosure::MIN_COUNT,
            rounding_base: disclosure::BASE,
            note: RULES_NOTE,
        },
        tables,
        time_to_forward: Durations {
            title: "Days from arrival to forwarding, by month of arrival",
            rows,
        },
    }
}

/// Whole days from a tip's arrival to its first forwarding.
fn days_to_forward(tip: &TipFact) -> Option<i64> {
    let day = |text: &str| {
        time::Date::parse(
            text,
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .ok()
    };
    let arrived = day(&tip.received_on)?;
    let forwarded = day(tip.forwarded_on.as_deref()?)?;
    Some((forwarded - arrived).whole_days().max(0))
}

fn duration_row(month: &str, forwarded: Option<u64>, mut days: Vec<i64>) -> DurationRow {
    days.sort_unstable();
    // Only beside a published count: a suppressed one gives no hint of its size here.
    let enough = forwarded.is_some() && days.len() >= MIN_FOR_DURATIONS;
    let median = || {
        let n = days.len();
        if n % 2 == 1 {
            days[n / 2] as f64
        } else {
            (days[n / 2 - 1] + days[n / 2]) as f64 / 2.0
        }
    };
    // Nearest rank: the smallest value with at least 90% of the tips at or below it.
    let p90 = || days[(days.len() * 9).div_ceil(10) - 1] as u64;
    DurationRow {
        month: month.to_owned(),
        forwarded,
        median_days: enough.then(median),
        p90_days: enough.then(p90),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_over_enough_tips_only() {
        let row = duration_row("m", Some(9), vec![5, 1, 2, 3, 4, 10, 6, 7, 8, 9]);
        assert_eq!(row.median_days, Some(5.5));
        assert_eq!(row.p90_days, Some(9));
        let row = duration_row("m", None, vec![1, 2, 3, 4, 5]);
        assert_eq!((row.median_days, row.p90_days), (None, None));
    }
}
