//! Bar charts for the console's statistics page, laid out here and drawn as inline SVG
//! by its template: no third-party script, and each chart stands beside its table,
//! which holds every figure the chart shows (the chart is for the eye; the table is
//! what a screen reader reads).

use super::Table;

const LABEL_WIDTH: u32 = 240;
const BAR_AREA: u32 = 340;
const ROW_HEIGHT: u32 = 24;
const BAR_HEIGHT: u32 = 16;

pub struct Chart {
    /// The id of the table it draws.
    pub table: &'static str,
    pub title: String,
    pub width: u32,
    pub height: u32,
    pub bars: Vec<Bar>,
}

pub struct Bar {
    pub label: String,
    /// Top of the bar's row.
    pub y: u32,
    /// Baseline for the row's text.
    pub text_y: u32,
    pub width: u32,
    /// The published value, or `S` for a suppressed one (drawn with no bar).
    pub value: String,
    pub value_x: u32,
}

/// One bar per row of the table: its total.
pub fn row_totals(table: &Table) -> Chart {
    let max = table
        .row_totals
        .iter()
        .flatten()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let bars = table
        .rows
        .labels
        .iter()
        .zip(&table.row_totals)
        .enumerate()
        .map(|(i, (label, total))| {
            let y = 8 + ROW_HEIGHT * i as u32;
            let width = total.map_or(0, |t| (t * u64::from(BAR_AREA) / max) as u32);
            Bar {
                label: label.clone(),
                y,
                text_y: y + BAR_HEIGHT - 3,
                width,
                value: total.map_or_else(|| "S".to_owned(), |t| t.to_string()),
                value_x: LABEL_WIDTH + width + 6,
            }
        })
        .collect::<Vec<_>>();
    Chart {
        table: table.id,
        title: format!("{}: totals by {}", table.title, table.rows.dimension),
        width: LABEL_WIDTH + BAR_AREA + 60,
        height: 16 + ROW_HEIGHT * bars.len() as u32,
        bars,
    }
}

impl Chart {
    pub fn label_x(&self) -> u32 {
        LABEL_WIDTH - 8
    }

    pub fn bar_x(&self) -> u32 {
        LABEL_WIDTH
    }

    pub fn bar_height(&self) -> u32 {
        BAR_HEIGHT
    }
}
