//! Names heading the rows of a pasted list: a roster, a crew list, a receipt of fees paid
//! (`Dilhani - 12 shifts` / `Hasini - 12 shifts`, `Sutarno - Buku Pelaut F 204418`,
//! `1 张丽 350128200107234156 ¥38000`). Once one row's head is a name, the heads of the
//! rows shaped like it are names too, though no list knows them: a list of workers names
//! every worker on it.
//!
//! A row is a line that opens (after a number or bullet) with one to three words of a
//! name (one word in a script without capitals) and then a separator: a dash, a colon, an
//! equals sign, a bracket, or the row's next number. Three rows or more in a run, with
//! the same separator, make a list.

use super::detector::name_span;
use super::enumeration::{item_name, word, Found};
use super::lexicon::{Lexicon, DICT, GIVEN, SURNAME};
use super::script::Script;
use super::tokens::Token;
use crate::redaction::span::Span;

/// Fewest rows that make a list.
const MIN_ROWS: usize = 3;

/// What separates a row's head from the rest of it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Separator {
    Dash,
    Colon,
    Equals,
    Bracket,
    Number,
}

fn separator(rest: &str) -> Option<Separator> {
    let trimmed = rest.trim_start_matches([' ', '\t']);
    let spaced = trimmed.len() < rest.len();
    let mut chars = trimmed.chars();
    let first = chars.next()?;
    let then_space = chars.next().is_some_and(char::is_whitespace);
    Some(match first {
        '-' | '–' | '—' if spaced => Separator::Dash,
        ':' | '：' if then_space => Separator::Colon,
        '=' => Separator::Equals,
        '(' | '（' => Separator::Bracket,
        c if spaced && c.is_ascii_digit() => Separator::Number,
        _ => return None,
    })
}

/// A row's head: its range of tokens and the separator after it.
fn head(
    text: &str,
    line: (usize, usize),
    tokens: &[Token],
    first: usize,
) -> Option<(usize, usize, Separator)> {
    let t = &tokens[first];
    // Only a number or a bullet before the head.
    let before = &text[line.0..t.start];
    if !before.chars().all(|c| {
        c.is_whitespace() || c.is_ascii_digit() || matches!(c, '.' | ')' | '-' | '•' | '*')
    }) {
        return None;
    }
    if !word(t) {
        return None;
    }
    let most = if t.script == Script::Cased { 3 } else { 1 };
    let mut last = first + 1;
    while last < tokens.len()
        && last - first < most
        && tokens[last].end <= line.1
        && tokens[last].script == t.script
        && text[tokens[last - 1].end..tokens[last].start] == *" "
        && word(&tokens[last])
    {
        last += 1;
    }
    let sep = separator(&text[tokens[last - 1].end..line.1])?;
    Some((first, last, sep))
}

pub fn find(lex: &Lexicon, text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    if !text.contains('\n') {
        return;
    }
    // The runs of rows (per line with a head, its token range and separator) long enough
    // to be a list.
    let mut runs: Vec<Vec<(usize, usize, Separator)>> = Vec::new();
    let mut rows: Vec<(usize, usize, Separator)> = Vec::new();
    let mut end_run = |rows: &mut Vec<_>| {
        let run = std::mem::take(rows);
        if run.len() >= MIN_ROWS {
            runs.push(run);
        }
    };
    let mut k = 0;
    let mut line_start = 0;
    for line_end in text.match_indices('\n').map(|(i, _)| i).chain([text.len()]) {
        while k < tokens.len() && tokens[k].start < line_start {
            k += 1;
        }
        let row = (k < tokens.len() && tokens[k].end <= line_end)
            .then(|| head(text, (line_start, line_end), tokens, k))
            .flatten();
        match row {
            Some(r) => {
                if rows.last().is_some_and(|p| p.2 != r.2) {
                    end_run(&mut rows);
                }
                rows.push(r);
            }
            None => end_run(&mut rows),
        }
        line_start = line_end + 1;
    }
    end_run(&mut rows);
    // Heads stand on lines of their own, so the names added here never overlap each other.
    let found = Found::new(spans);
    for run in runs {
        let range = |&(a, b, _): &(usize, usize, Separator)| (tokens[a].start, tokens[b - 1].end);
        if !run.iter().any(|r| {
            let (s, e) = range(r);
            found.overlaps(s, e)
        }) {
            continue;
        }
        for r in &run {
            // A column's header (`Applicant - Paid`), a dictionary word in no name list.
            let dictionary = tokens[r.0..r.1]
                .iter()
                .all(|t| t.flags & DICT != 0 && t.flags & (GIVEN | SURNAME) == 0);
            if dictionary {
                continue;
            }
            if let Some((s, e)) = item_name(lex, text, tokens, (r.0, r.1)) {
                if !found.overlaps(s, e) {
                    spans.push(name_span(s, e, super::context::Ctx::None));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::found_names as names;

    #[test]
    fn the_heads_of_a_list_with_a_name_in_it_are_names() {
        let got = names("The roster:\nDilhani Perera - 12 shifts\nHasini - 12 shifts\nChathurika - 11 shifts\nAll paid 8.");
        assert!(
            got.contains(&"Hasini") && got.contains(&"Chathurika"),
            "{got:?}"
        );
        let got = names(
            "Applicant - Paid\nShivnesh Prasad - 3,500\nAshika Devi - 3,500\nRavinesh - 3,000\n",
        );
        assert!(
            got.contains(&"Ravinesh") && !got.contains(&"Applicant"),
            "{got:?}"
        );
        let got = names("我叫赵文斌。\n1 张丽 350128200107234156\n2 刘洋 350128197105047141\n3 赵文斌 371102198209146350\n");
        assert!(got.contains(&"刘洋") && got.contains(&"赵文斌"), "{got:?}");
    }

    #[test]
    fn a_list_with_no_name_is_left() {
        assert!(names("Hours:\nMonday - 12\nTuesday - 10\nWednesday - 9\n").is_empty());
        assert!(
            names("Packing:\nApples - 12 bins\nPears - 10 bins\nKiwifruit - 9 bins\n").is_empty()
        );
    }
}
