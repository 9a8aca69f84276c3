//! The name a message greets: `Hi Jun, reminder ...`, `Dear Mele,`, `Kia ora Hemi!`.
//!
//! Pasted e-mails and chats open by naming whom they are written to, often the reporter.
//! Only a greeting written straight before the name counts, and only when a comma, `!`,
//! `:` or the line's end closes the name: `Hello, My sister ...` greets no one by name.

use super::context::Ctx;
use super::detector::name_span;
use super::lexicon::*;
use super::script::Script;
use super::tokens::Token;
use crate::redaction::kind::Role;
use crate::redaction::span::Span;
use crate::redaction::text::lowercase_tail;

/// Greetings, in the languages of the form, lower case.
const GREETINGS: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "dear",
    "kia ora",
    "talofa",
    "bula",
    "malo e lelei",
    "hola",
    "olá",
    "ola",
    "kumusta",
    "namaste",
    "salam",
    "xin chào",
    "halo",
];
/// The most words of a greeted name (`Hi Mele Taufa,`).
const MAX_WORDS: usize = 2;

pub fn find(text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    // A greeting, the space after it and the character before it: all of the text
    // before a name that is compared.
    let compared = GREETINGS
        .iter()
        .map(|g| g.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    // The last character of each greeting: the character before the space must be one
    // of them, in lower case (most words end otherwise, and are not lower-cased).
    let last: [char; GREETINGS.len()] =
        std::array::from_fn(|g| GREETINGS[g].chars().next_back().unwrap_or(' '));
    let mut before = String::new();
    for (k, t) in tokens.iter().enumerate() {
        if !t.capitalised || t.script != Script::Cased {
            continue;
        }
        // A greeting ends in the space before the name: nothing to lower-case without it.
        let Some(head) = text[..t.start].strip_suffix(' ') else {
            continue;
        };
        let ends_a_greeting = head
            .chars()
            .next_back()
            .and_then(|c| c.to_lowercase().last())
            .is_some_and(|c| last.contains(&c));
        if !ends_a_greeting {
            continue;
        }
        lowercase_tail(&text[..t.start], compared, &mut before);
        let greeted = GREETINGS.iter().any(|g| {
            before
                .strip_suffix(' ')
                .and_then(|b| b.strip_suffix(*g))
                .is_some_and(|b| b.is_empty() || b.ends_with([' ', '\n', '"', ':', ']']))
        });
        // (`Dear` is a cue too: a name found already is not found twice.)
        if !greeted || spans.iter().any(|s| s.start <= t.start && t.start < s.end) {
            continue;
        }
        let plain = |t: &Token| {
            t.capitalised
                && t.script == Script::Cased
                && t.flags & (ROLE | BUSINESS | PARTICLE) == 0
                // A listed given name that is also a word (`Jun`, `May`, `Will`) is the
                // name here: no one greets a month.
                && (t.flags & (STOP | COMMON | DICT) == 0 || t.flags & GIVEN != 0)
                && !t.is_initial()
        };
        let mut end = k;
        while end < tokens.len()
            && end < k + MAX_WORDS
            && plain(&tokens[end])
            && (end == k || text[tokens[end - 1].end..tokens[end].start] == *" ")
        {
            end += 1;
        }
        if end == k {
            continue;
        }
        let after = &text[tokens[end - 1].end..];
        let closed = after.is_empty() || after.starts_with([',', '!', ':', '\n']);
        if closed {
            spans.push(name_span(
                t.start,
                tokens[end - 1].end,
                Ctx::Strong(Role::Other),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::found_names;

    #[test]
    fn the_name_a_message_greets() {
        assert_eq!(
            found_names("[5/6/24 8:14 PM] Agency: Hi Jun, reminder monthly hulog mo."),
            vec!["Agency", "Jun"]
        );
        assert_eq!(
            found_names("Dear Mele Taufa,\nYour visa"),
            vec!["Mele Taufa"]
        );
    }

    #[test]
    fn a_greeting_to_no_one_by_name() {
        assert!(found_names("Hello, My younger sister is in New Zealand").is_empty());
        assert!(found_names("Hi Team, the roster is out").is_empty());
        assert!(found_names("Hi All, pay is late again").is_empty());
        assert!(found_names("Hi Monday is a holiday").is_empty());
    }
}
