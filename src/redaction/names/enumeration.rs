//! Names in a list (`Kalo, Samson Natuman, Rolenas and Peter Kaltang`, `王师傅、李建、小刘`):
//! once one item of a list is a name, the other items of the same shape are names too,
//! though no list knows them. A list is items joined by commas (`,` `，` `、`) and a word
//! for "and" in the languages of our reporters; it counts as a list of names when it has
//! three items or more, or an "and", or the ideographic comma. In Chinese, where a comma
//! separates clauses, only the ideographic comma and "and" join items, and an item is a
//! listed surname with a given name (`李建`, `小刘`).

use super::detector::name_span;
use super::lexicon::*;
use super::script::Script;
use super::tokens::Token;
use crate::redaction::span::Span;
use crate::redaction::text::word_hash;

/// "And" (and "or") in the languages of our reporters, as a separate word.
const AND: &[&str] = &[
    "and",
    "&",
    "or",
    "y",
    "e",
    "i",
    "und",
    "et",
    "và",
    "dan",
    "at",
    "ma",
    "mo",
    "kei",
    "ao",
    "mai",
    "aur",
    "और",
    "ਅਤੇ",
    "ਤੇ",
    "اور",
    "و",
    "සහ",
    "மற்றும்",
    "మరియు",
    "ও",
    "এবং",
    "અને",
    "और",
    "र",
    "및",
    "和",
    "與",
    "与",
    "及",
    "и",
    "та",
];
/// Words of a name item at most (a title before it aside).
const MAX_WORDS: usize = 3;

/// A separator between two items: its kind, and where the next item starts.
enum Gap {
    Comma,
    And,
    Ideographic,
}

fn gap(text: &str) -> Option<Gap> {
    // Nicknames are listed in quotes (`"Chotu", "Pappu" and "Bunty"`): a quote closes the
    // item before and another opens the next. (Quoted speech after a comma is no list:
    // `said, "Navdeep, ...`.)
    let quote = |c: char| matches!(c, '"' | '“' | '”');
    let g = text.trim();
    let g = match (g.chars().next(), g.chars().next_back()) {
        (Some(a), Some(b)) if g.len() > 1 && quote(a) && quote(b) => {
            g.trim_matches(|c: char| c.is_whitespace() || quote(c))
        }
        _ => g,
    };
    if g.is_empty() {
        return None;
    }
    if g == "、" {
        return Some(Gap::Ideographic);
    }
    let g = g.trim_start_matches([',', '，']).trim();
    if g.is_empty() {
        return (text.trim() != "").then_some(Gap::Comma);
    }
    AND.contains(&g).then_some(Gap::And)
}

/// Whether token `t` may be a word of a name in a list: a capitalised word that no list
/// marks as a non-name, or a word of a script without capitals that is no function word.
pub(super) fn word(t: &Token) -> bool {
    let blocked =
        t.flags & (STOP | COMMON | BUSINESS | ROLE) != 0 && t.flags & (GIVEN | SURNAME) == 0;
    !blocked && (t.capitalised || t.script != Script::Cased)
}

/// Where the name in a Han item starts and ends: a listed surname (after a familiar
/// `小`, `老` or `阿`) and at most two more characters, the whole item.
fn han_item(lex: &Lexicon, item: &str) -> Option<(usize, usize)> {
    let skip = item
        .chars()
        .next()
        .filter(|c| matches!(c, '小' | '老' | '阿'))
        .map_or(0, char::len_utf8);
    let rest = &item[skip..];
    let chars = rest.chars().count();
    let first = rest.chars().next()?;
    let surname = lex.flags(word_hash(&rest[..first.len_utf8()])) & SURNAME != 0;
    (surname && (1..=3).contains(&chars) && (skip > 0 || chars >= 2)).then_some((skip, item.len()))
}

/// The name that the item `tokens[a..b]` of a list holds: in Han, from its listed surname
/// (`han_item`); in another script without capitals, only a short one (a long run is a
/// clause, not a name).
pub(super) fn item_name(
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    (a, b): (usize, usize),
) -> Option<(usize, usize)> {
    let (s, e) = (tokens[a].start, tokens[b - 1].end);
    let script = tokens[a].script;
    let (s, e) = if script == Script::Han {
        let (from, to) = han_item(lex, &text[s..e])?;
        (s + from, s + to)
    } else {
        (s, e)
    };
    (script == Script::Cased || text[s..e].chars().count() <= 12).then_some((s, e))
}

/// The names found so far, by start, with the furthest end reached up to each: whether a
/// stretch overlaps one is a binary search (a long text holds tens of thousands).
pub(super) struct Found {
    names: Vec<(usize, usize)>,
    reach: Vec<usize>,
}

impl Found {
    pub(super) fn new(spans: &[Span]) -> Self {
        let mut names: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        names.sort_unstable();
        let reach = names
            .iter()
            .scan(0, |far, &(_, e)| {
                *far = e.max(*far);
                Some(*far)
            })
            .collect();
        Found { names, reach }
    }

    pub(super) fn overlaps(&self, start: usize, end: usize) -> bool {
        let before = self.names.partition_point(|&(s, _)| s < end);
        before > 0 && self.reach[before - 1] > start
    }
}

pub fn find(lex: &Lexicon, text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    let found = Found::new(spans);
    let overlaps = |start: usize, end: usize| found.overlaps(start, end);
    // Items: maximal runs of list words (one script, single spaces between them).
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !word(&tokens[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let most = if tokens[i].script == Script::Cased {
            MAX_WORDS
        } else {
            2
        };
        while j < tokens.len()
            && j - i < most
            && tokens[j].script == tokens[i].script
            && text[tokens[j - 1].end..tokens[j].start] == *" "
            && word(&tokens[j])
        {
            j += 1;
        }
        items.push((i, j));
        i = j;
    }
    // Lists: items joined by gaps; a name among them makes the rest names.
    let mut k = 0;
    while k < items.len() {
        let mut last = k;
        let (mut ands, mut ideographic) = (0, false);
        while last + 1 < items.len() {
            let between = &text[tokens[items[last].1 - 1].end..tokens[items[last + 1].0].start];
            let han = |item: (usize, usize)| tokens[item.0].script == Script::Han;
            match gap(between) {
                // In Chinese a comma ends a clause, and the list with it.
                Some(Gap::Comma) if han(items[last]) || han(items[last + 1]) => break,
                Some(Gap::Comma) => {}
                Some(Gap::And) => ands += 1,
                Some(Gap::Ideographic) => ideographic = true,
                None => break,
            }
            last += 1;
        }
        let list = &items[k..=last];
        let span_of = |&(a, b): &(usize, usize)| (tokens[a].start, tokens[b - 1].end);
        let named = list.iter().any(|item| {
            let (s, e) = span_of(item);
            overlaps(s, e)
        });
        let joined = list.len() >= 3 || ands > 0 || ideographic;
        if named && list.len() >= 2 && joined {
            for &item in list {
                // Items are disjoint, so the names added here never overlap each other.
                if let Some((s, e)) = item_name(lex, text, tokens, item) {
                    if !overlaps(s, e) {
                        spans.push(name_span(s, e, super::context::Ctx::None));
                    }
                }
            }
        }
        k = last + 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::found_names as names;

    #[test]
    fn unlisted_items_of_a_list_of_names_are_names() {
        let text = "The workers - Kalo, Samson Natuman, Rolenas and Peter Kaltang - told me.";
        let got = names(text);
        assert!(got.contains(&"Kalo") && got.contains(&"Rolenas"), "{got:?}");
        let got = names(r#"The women use work names "Coco" and "Lily" there."#);
        assert!(got.contains(&"Lily"), "{got:?}");
    }

    #[test]
    fn a_list_without_a_name_or_of_places_is_left() {
        assert!(names("We pick in Hastings, Motueka and Te Puke.").is_empty());
        assert!(names("Apples, Pears and Kiwifruit are packed here.").is_empty());
    }

    #[test]
    fn in_chinese_only_the_ideographic_comma_joins_names() {
        let got = names("老板张建国、李建、小刘，还有两个人。");
        assert!(got.contains(&"李建") && got.contains(&"小刘"), "{got:?}");
        let got = names("你们好，我叫周海峰，江苏徐州人，来新西兰。");
        assert_eq!(got, vec!["周海峰"]);
    }
}
