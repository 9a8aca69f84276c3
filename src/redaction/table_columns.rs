//! Tables pasted into a tip (a crew list, a roster, a payroll export) as lines of cells
//! between `|` or tabs: a header names each column once (`Name | Rank | Passport`), and
//! every row below holds a person's details under it, with no label of its own beside
//! them. A cell under a column the header names as identifying is taken whole. Tables
//! typed with spaces alone (`序号 姓名 身份证号 已交`, then `1 张丽 3501...`) are read
//! only where every row opens with its number and has as many cells as the header: in
//! prose, words between spaces are no cells.

use super::kind::Kind;

/// The rule id of a cell taken by its column (`Span::rule`).
pub const RULE: &str = "table-column";

/// Header words naming a column of identifying details, compared without case.
const COLUMNS: &[(&str, Kind)] = &[
    ("name", Kind::Name),
    ("full name", Kind::Name),
    ("names", Kind::Name),
    ("worker", Kind::Name),
    ("employee", Kind::Name),
    ("employee name", Kind::Name),
    ("worker name", Kind::Name),
    ("crew", Kind::Name),
    ("crew name", Kind::Name),
    ("given name", Kind::Name),
    ("given names", Kind::Name),
    ("surname", Kind::Name),
    ("family name", Kind::Name),
    ("pangalan", Kind::Name),
    ("nama", Kind::Name),
    ("họ tên", Kind::Name),
    ("姓名", Kind::Name),
    ("名前", Kind::Name),
    ("이름", Kind::Name),
    ("身份证号", Kind::Id),
    ("身份证", Kind::Id),
    ("护照", Kind::Passport),
    ("护照号", Kind::Passport),
    ("电话", Kind::Phone),
    ("手机", Kind::Phone),
    ("地址", Kind::Address),
    ("passport", Kind::Passport),
    ("passport no", Kind::Passport),
    ("passport no.", Kind::Passport),
    ("passport number", Kind::Passport),
    ("seaman book", Kind::Id),
    ("seaman's book", Kind::Id),
    ("seafarer id", Kind::Id),
    ("id", Kind::Id),
    ("id no", Kind::Id),
    ("id no.", Kind::Id),
    ("id number", Kind::Id),
    ("nic", Kind::Id),
    ("national id", Kind::Id),
    ("visa", Kind::Id),
    ("visa no", Kind::Id),
    ("visa number", Kind::Id),
    ("permit", Kind::Id),
    ("employee id", Kind::Id),
    ("employee no", Kind::Id),
    ("staff id", Kind::Id),
    ("ird", Kind::Ird),
    ("ird number", Kind::Ird),
    ("phone", Kind::Phone),
    ("mobile", Kind::Phone),
    ("phone number", Kind::Phone),
    ("contact", Kind::Phone),
    ("contact number", Kind::Phone),
    ("whatsapp", Kind::Phone),
    ("dob", Kind::Dob),
    ("date of birth", Kind::Dob),
    ("birth date", Kind::Dob),
    ("born", Kind::Dob),
    ("address", Kind::Address),
    ("home address", Kind::Address),
    ("email", Kind::Email),
    ("e-mail", Kind::Email),
    ("account", Kind::Bank),
    ("account number", Kind::Bank),
    ("bank account", Kind::Bank),
];

/// Cells that hold nothing: a blank, a dash, `n/a`.
fn empty(cell: &str) -> bool {
    matches!(
        cell.to_lowercase().as_str(),
        "" | "-" | "–" | "—" | "n/a" | "na" | "none" | "nil" | "?" | "unknown"
    ) || !cell.chars().any(char::is_alphanumeric)
}

/// The cells of a line of a table starting at byte `start`, as byte ranges (trimmed), or `None` if the
/// line is not a row (fewer than three cells).
fn cells(start: usize, line: &str) -> Option<Vec<(usize, usize)>> {
    let sep = if line.matches('|').count() >= 2 {
        '|'
    } else if line.matches('\t').count() >= 2 {
        '\t'
    } else {
        return None;
    };
    let mut out = Vec::new();
    let mut at = 0;
    for part in line.split(sep) {
        let lead = part.len() - part.trim_start().len();
        let s = start + at + lead;
        out.push((s, s + part.trim().len()));
        at += part.len() + 1;
    }
    // A line that opens or closes with the separator (`| a | b |`) has an empty cell at
    // that end, which is no column.
    if line.trim_start().starts_with(sep) {
        out.remove(0);
    }
    if line.trim_end().ends_with(sep) {
        out.pop();
    }
    (out.len() >= 3).then_some(out)
}

/// The words of a line typed as a table with spaces alone, as byte ranges, or `None`
/// when it has fewer than three or more than eight, or a mark of a sentence.
fn spaced_cells(start: usize, line: &str) -> Option<Vec<(usize, usize)>> {
    if line.contains(['.', ',', ';', '!', '?', '。', '，']) {
        return None;
    }
    let mut out = Vec::new();
    let mut at = 0;
    for part in line.split(' ') {
        if !part.trim().is_empty() {
            let lead = part.len() - part.trim_start().len();
            out.push((start + at + lead, start + at + lead + part.trim().len()));
        }
        at += part.len() + 1;
    }
    (3..=8).contains(&out.len()).then_some(out)
}

/// The kind each cell of a header names, if any names one.
fn header(text: &str, row: &[(usize, usize)]) -> Option<Vec<Option<Kind>>> {
    let kinds: Vec<Option<Kind>> = row
        .iter()
        .map(|&(s, e)| {
            let label = text[s..e].trim_end_matches([':', '.']).to_lowercase();
            COLUMNS.iter().find(|(l, _)| *l == label).map(|(_, k)| *k)
        })
        .collect();
    kinds.iter().any(Option::is_some).then_some(kinds)
}

/// The cells under identifying columns of every table in `text`, with their kinds.
pub fn find(text: &str) -> Vec<(usize, usize, Kind)> {
    let mut found = Vec::new();
    // The current table's columns: for each cell index, the kind it holds; and whether
    // the table is typed with spaces alone.
    let mut columns: Option<Vec<Option<Kind>>> = None;
    let mut spaced = false;
    let mut at = 0;
    for line in text.split('\n') {
        let start = at;
        at += line.len() + 1;
        let Some(row) = cells(start, line) else {
            let row = spaced_cells(start, line.trim_end_matches('\r'));
            match (&columns, row) {
                (Some(kinds), Some(row)) if spaced && kinds.len() == row.len() => {
                    let (s, e) = row[0];
                    if !text[s..e].chars().all(|c| c.is_ascii_digit()) {
                        columns = None;
                        continue;
                    }
                    for (&(s, e), kind) in row.iter().zip(kinds) {
                        if let Some(kind) = kind {
                            found.push((s, e, *kind));
                        }
                    }
                }
                (_, Some(row)) => {
                    columns = header(text, &row);
                    spaced = true;
                }
                (_, None) => columns = None,
            }
            continue;
        };
        if spaced {
            columns = None;
            spaced = false;
        }
        // A rule line under a header (`|---|---|`).
        if line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '+' | '=' | '\t'))
        {
            continue;
        }
        match &columns {
            Some(kinds) if kinds.len() == row.len() => {
                for (&(s, e), kind) in row.iter().zip(kinds) {
                    if let Some(kind) = kind {
                        if !empty(&text[s..e]) {
                            found.push((s, e, *kind));
                        }
                    }
                }
            }
            _ => columns = header(text, &row),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells_found(text: &str) -> Vec<(&str, Kind)> {
        find(text)
            .into_iter()
            .map(|(s, e, k)| (&text[s..e], k))
            .collect()
    }

    #[test]
    fn cells_under_a_named_column_are_taken() {
        let text = "Crew list FENG 818\nNo | Name | Rank | Nationality | Passport | Seaman book\n1 | LIN GUOHUA | Master | China | EC8841207 | C06218874\n2 | ADE SUPRIYADI | Bosun | Indonesia | - | F 227140\n\nThe bosun speaks English.";
        assert_eq!(
            cells_found(text),
            vec![
                ("LIN GUOHUA", Kind::Name),
                ("EC8841207", Kind::Passport),
                ("C06218874", Kind::Id),
                ("ADE SUPRIYADI", Kind::Name),
                ("F 227140", Kind::Id),
            ]
        );
    }

    #[test]
    fn a_markdown_table_with_a_rule_line() {
        let text = "| Worker | Hours | Phone |\n|---|---|---|\n| Sione | 60 | 021 555 0192 |\n";
        assert_eq!(
            cells_found(text),
            vec![("Sione", Kind::Name), ("021 555 0192", Kind::Phone)]
        );
    }

    #[test]
    fn a_table_typed_with_spaces_where_each_row_opens_with_its_number() {
        let text = "收款记录\n序号 姓名 身份证号 已交\n1 张丽 350128200107234156 ¥38000\n2 刘洋 350128197105047141 ¥38000\n收款人：";
        assert_eq!(
            cells_found(text),
            vec![
                ("张丽", Kind::Name),
                ("350128200107234156", Kind::Id),
                ("刘洋", Kind::Name),
                ("350128197105047141", Kind::Id),
            ]
        );
        // Prose is no table: a line of words with a column's name, then lines of as
        // many words.
        assert!(cells_found("my name is Sione\nhe works hard there\n").is_empty());
        assert!(cells_found("Name Phone Hours\nSione works here\n").is_empty());
    }

    #[test]
    fn a_table_without_identifying_columns_or_a_row_of_another_width_is_left() {
        assert!(cells_found("Day | Hours | Pay\nMon | 12 | $80\n").is_empty());
        assert!(cells_found("Name | Rank | Passport\nonly | two\n").is_empty());
    }
}
