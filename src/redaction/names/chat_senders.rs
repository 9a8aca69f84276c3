//! The senders of a pasted chat export: a reporter pastes the boss's messages, and each
//! line names who wrote it, in whatever script, in the export's own layout:
//!
//! - `[05.06.2024 06:12] Виктор: ...`, `12/03/2024, 21:41 - Raj Bhai: ...` (WhatsApp),
//!   `[10:31] Boss: ...` when two lines or more have that shape;
//! - `Андрій [18.09.24 06:20]: ...`, `Ravi Kiwi Visa, [12.02.25 19:45]` (Telegram);
//! - `[박사장님] [오후 11:42] ...` (KakaoTalk);
//! - `阿强 21:25` alone on its line (WeChat);
//! - `07:02 พี่วิชัย ...` (LINE): the word after the time, when it opens two lines or more;
//! - `Mai: they lock the door Mai: dont tell anyone` (a screenshot's text, no times): a
//!   capitalised word in no word list that labels two messages or more.
//!
//! The writer's own lines are labelled `Me`, `You`, `我` and the like: those are no names.

use std::sync::OnceLock;

use regex::Regex;

use super::context::Ctx;
use super::detector::name_span;
use super::lexicon::*;
use crate::redaction::kind::Role;
use crate::redaction::span::Span;
use crate::redaction::text::word_hash;

/// A date, its year left out as some exports do (`[10/03, 21:14]`).
const DATE: &str = r"[0-9]{1,4}[./\-][0-9]{1,2}(?:[./\-][0-9]{2,4})?";
const TIME: &str = r"(?:오전|오후|上午|下午|午前|午後)?\s?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?";
/// One to four words of a display name: no digit, colon or bracket in it.
const SENDER: &str = r"[^\s\d:\[\]()]{1,24}(?: [^\s\d:\[\]()]{1,24}){0,3}";

/// Labels of the writer's own lines, and the export's own words.
const NOT_SENDERS: &[&str] = &[
    "me",
    "you",
    "i",
    "me (you)",
    "я",
    "我",
    "나",
    "ako",
    "moi",
    "yo",
    "eu",
    "ich",
    "system",
    "whatsapp",
    "messages",
    "note",
    "admin",
    "today",
    "yesterday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "今天",
    "昨天",
    "오늘",
    "어제",
];

struct Layouts {
    /// Date (or only the time), then the sender and a colon.
    stamp_first: Regex,
    /// The sender, then the stamp in brackets.
    sender_first: Regex,
    /// `[sender] [time]`.
    bracketed: Regex,
    /// The sender and the time alone on a line.
    alone: Regex,
    /// A time, then the first word of the line.
    line_style: Regex,
}

fn layouts() -> &'static Layouts {
    static LAYOUTS: OnceLock<Layouts> = OnceLock::new();
    LAYOUTS.get_or_init(|| {
        let re = |pattern: String| Regex::new(&pattern).expect("chat layout pattern");
        Layouts {
            stamp_first: re(format!(
                r"(?:^|\s)\[?(?P<date>{DATE},?\s*)?{TIME}\]?\s*(?:-\s*)?(?P<sender>{SENDER}):\s"
            )),
            sender_first: re(format!(r"^(?P<sender>{SENDER}),?\s*\[{DATE},?\s*{TIME}\]")),
            bracketed: re(format!(r"^\[(?P<sender>{SENDER})\]\s*\[{TIME}\]")),
            alone: re(format!(r"^(?P<sender>{SENDER})\s+{TIME}\s*$")),
            line_style: re(format!(r"^{TIME}\s+(?P<sender>[^\s\d:]{{1,24}})\s")),
        }
    })
}

/// A quick look for a time of day (`6:12`), without which there is no export.
fn has_time(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    })
}

pub fn find(lex: &Lexicon, text: &str, spans: &mut Vec<Span>) {
    repeated_labels(lex, text, spans);
    if !has_time(text) {
        return;
    }
    let l = layouts();
    // (start, end, counts alone): a time-only stamp or a LINE-style line counts only
    // when two lines or more have it.
    let mut found: Vec<(usize, usize, bool)> = Vec::new();
    let mut line_style: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start().len();
        let at = offset + indent;
        let body = body.trim_start();
        offset += line.len();
        let mut stamped = false;
        for c in l.stamp_first.captures_iter(body) {
            // Inside a line (a chat pasted without its line breaks) only a dated stamp.
            let dated = c.name("date").is_some();
            if c.get(0).is_some_and(|m| m.start() == 0) || dated {
                let s = c.name("sender").expect("sender group");
                found.push((at + s.start(), at + s.end(), dated));
                stamped = true;
            }
        }
        if stamped {
            continue;
        }
        if let Some(s) = [&l.sender_first, &l.bracketed, &l.alone]
            .iter()
            .find_map(|re| re.captures(body).and_then(|c| c.name("sender")))
        {
            found.push((at + s.start(), at + s.end(), true));
        } else if let Some(s) = l.line_style.captures(body).and_then(|c| c.name("sender")) {
            line_style.push((at + s.start(), at + s.end()));
        }
    }
    let shaped = found.len() >= 2;
    let sender = |&(start, end): &(usize, usize)| {
        let mut name = text[start..end].trim_end_matches([',', ' ']);
        let mut start = start;
        // `Boss Amrik`: a role before the name is no part of it either.
        while let Some((first, rest)) = name.split_once(' ') {
            let f = lex.flags(word_hash(first)) | lex.small(word_hash(first));
            if f & ROLE == 0 || f & (GIVEN | SURNAME) != 0 {
                break;
            }
            start += first.len() + 1;
            name = rest.trim_start();
            start += rest.len() - name.len();
        }
        // `Jasmine NZ Jobs`: an agent's display name with the business after the name;
        // the name ends at a country's code or a word of the dictionary or a business.
        let mut words = name.split(' ');
        let mut kept = words.next().map_or(0, str::len);
        for word in words {
            let f = lex.flags(word_hash(word)) | lex.small(word_hash(word));
            let code = word.len() <= 3 && word.chars().all(|c| c.is_ascii_uppercase());
            let listed_name = f & (GIVEN | SURNAME) != 0;
            if code || f & BUSINESS != 0 || (f & (DICT | COMMON) != 0 && !listed_name) {
                break;
            }
            kept += 1 + word.len();
        }
        name = &name[..kept];
        // `Ravi Boss`, `Raj Bhai`: the role after the name is no part of it.
        while let Some((rest, last)) = name.rsplit_once(' ') {
            let f = lex.flags(word_hash(last)) | lex.small(word_hash(last));
            if f & ROLE == 0 || f & (GIVEN | SURNAME) != 0 {
                break;
            }
            name = rest.trim_end();
        }
        (!NOT_SENDERS.contains(&name.to_lowercase().as_str())).then(|| (start, start + name.len()))
    };
    for &(start, end, alone) in &found {
        if alone || shaped {
            if let Some((start, end)) = sender(&(start, end)) {
                spans.push(name_span(start, end, Ctx::Strong(Role::Other)));
            }
        }
    }
    for (i, s) in line_style.iter().enumerate() {
        let name = &text[s.0..s.1];
        let repeated = line_style
            .iter()
            .enumerate()
            .any(|(j, o)| j != i && text[o.0..o.1] == *name);
        if repeated {
            if let Some((start, end)) = sender(s) {
                spans.push(name_span(start, end, Ctx::Strong(Role::Other)));
            }
        }
    }
}

/// The messages of a chat copied from a screenshot, each after its sender and a colon
/// with no time (`Mai: they lock the door Mai: dont tell anyone`): a sender is one or two
/// capitalised words no list knows as anything but a name, labelling two messages or
/// more that open with a word (a field's label opens a value: `Mob: 021 ...`).
fn repeated_labels(lex: &Lexicon, text: &str, spans: &mut Vec<Span>) {
    if text.matches(": ").nth(1).is_none() {
        return;
    }
    // Read back from each colon by hand: a regex of cased letters costs more than the
    // rest of the detector on a text with many colons.
    let mut labels: Vec<(usize, usize)> = Vec::new();
    for (at, _) in text.match_indices(": ") {
        if !text[at + 2..].starts_with(char::is_alphabetic) {
            continue;
        }
        let Some(mut start) = label_word_before(text, at) else {
            continue;
        };
        if let Some(first) = text[..start]
            .strip_suffix(' ')
            .and_then(|before| label_word_before(text, before.len()))
        {
            start = first;
        }
        let sender = &text[start..at];
        let only_a_name = sender.split(' ').all(|word| {
            let h = word_hash(word);
            let f = lex.flags(h) | lex.small(h) | lex.dictionary(h);
            f & (GIVEN | SURNAME) != 0
                || f & (DICT | COMMON | STOP | ROLE | BUSINESS | PLACE | PARTICLE) == 0
        });
        if only_a_name && !NOT_SENDERS.contains(&sender.to_lowercase().as_str()) {
            labels.push((start, at));
        }
    }
    for &(start, end) in &labels {
        let again = labels
            .iter()
            .filter(|&&(a, b)| text[a..b] == text[start..end])
            .nth(1)
            .is_some();
        if again {
            spans.push(name_span(start, end, Ctx::Strong(Role::Other)));
        }
    }
}

/// The start of a capitalised word of three to 21 letters ending at `end`, standing
/// at the text's start or after a space, a quote or a bracket.
fn label_word_before(text: &str, end: usize) -> Option<usize> {
    let word_start = text[..end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    let word = &text[word_start..end];
    let mut chars = word.chars();
    let shaped = chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && (3..=21).contains(&word.chars().count());
    let opens = text[..word_start]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '"' | '“' | '\'' | '‘' | '('));
    (shaped && opens).then_some(word_start)
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::{found, found_names as names};
    use crate::redaction::Role::*;

    #[test]
    fn senders_of_each_layout() {
        assert!(names("[05.06.2024 06:12] Виктор: работаем до 22:00\n").contains(&"Виктор"));
        assert!(names("12/03/2024, 21:41 - Raj Bhai: kal aana\n").contains(&"Raj"));
        assert!(names("[12/03/24, 9:14:22 PM] Boss Amrik: u come 4am\n").contains(&"Amrik"));
        let agent =
            "[10/03, 21:14] Jasmine NZ Jobs: Hi dear\n[10/03, 21:15] Jasmine NZ Jobs: pay\n";
        assert!(names(agent).contains(&"Jasmine"));
        assert!(names("he sent: [12/03/24, 9:41:07 PM] Aman: kal aana").contains(&"Aman"));
        assert!(names("Андрій [18.09.24 06:20]: добре\n").contains(&"Андрій"));
        assert!(names("[박사장님] [오후 11:42] 내일도 나와\n").contains(&"박사장님"));
        assert!(names("阿强 21:25\n知道了\n").contains(&"阿强"));
        let line = "07:02 พี่วิชัย วันนี้\n07:05 สุภาพร ไม่ไหว\n07:06 พี่วิชัย ไม่ได้\n";
        assert!(names(line).contains(&"พี่วิชัย"));
    }

    #[test]
    fn senders_of_a_screenshot_without_times() {
        let shot = "she sent: \"Mai: they lock the door Mai: dont tell anyone\" ok";
        assert_eq!(names(shot), vec!["Mai", "Mai"]);
        assert!(names("Mai: they lock the door at night").is_empty());
        assert!(names("Note: pay late. Note: no breaks. Mob: 021 555 0101").is_empty());
        assert!(names("Monday: started 6am. Monday: finished 9pm").is_empty());
    }

    #[test]
    fn the_writers_own_lines_and_lone_times_are_no_names() {
        assert_eq!(found("[10:31] Me: ok\n[10:32] You: fine\n"), vec![]);
        assert!(names("Start: 6:30 every day, finish late").is_empty());
        let lines = found("[10:31] Tavita: come now\n[10:35] Tavita: now\n");
        assert!(lines.len() >= 2 && lines.iter().all(|&n| n == ("Tavita", Other)));
    }
}
