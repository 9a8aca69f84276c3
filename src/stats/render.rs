//! Statistics as CSV: one line per published value, in long form, so that any tool
//! reads it. A suppressed value is `S`, as in Stats NZ's tables; totals name their row
//! or column `total`.

use super::Statistics;

/// RFC 4180 quoting, and no leading character a spreadsheet would run as a formula.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn shown(value: Option<u64>) -> String {
    value.map_or_else(|| "S".to_owned(), |v| v.to_string())
}

pub fn csv(stats: &Statistics) -> String {
    let mut out = String::from("table,row_dimension,row,column_dimension,column,value\r\n");
    let mut line = |table: &str, rd: &str, r: &str, cd: &str, c: &str, v: String| {
        let fields = [table, rd, r, cd, c, &v].map(field);
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    };
    line("period", "", "", "", "from", stats.period.from.clone());
    line("period", "", "", "", "to", stats.period.to.clone());
    for t in &stats.tables {
        let (rd, cd) = (t.rows.dimension, t.columns.dimension);
        for (r, row) in t.rows.values.iter().enumerate() {
            for (c, column) in t.columns.values.iter().enumerate() {
                line(t.id, rd, row, cd, column, shown(t.cells[r][c]));
            }
            line(t.id, rd, row, cd, "total", shown(t.row_totals[r]));
        }
        for (c, column) in t.columns.values.iter().enumerate() {
            line(t.id, rd, "total", cd, column, shown(t.column_totals[c]));
        }
        line(t.id, rd, "total", cd, "total", shown(t.total));
    }
    for row in &stats.time_to_forward.rows {
        let table = "days_to_forward";
        line(
            table,
            "month",
            &row.month,
            "",
            "forwarded",
            shown(row.forwarded),
        );
        line(
            table,
            "month",
            &row.month,
            "",
            "median_days",
            row.median_days
                .map_or_else(|| "S".to_owned(), |d| d.to_string()),
        );
        line(
            table,
            "month",
            &row.month,
            "",
            "p90_days",
            shown(row.p90_days),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_never_formulas() {
        assert_eq!(
            field("MBIE / Immigration, NZ"),
            "\"MBIE / Immigration, NZ\""
        );
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("a\"b"), "\"a\"\"b\"");
        assert_eq!(field("2025-01"), "2025-01");
    }
}
