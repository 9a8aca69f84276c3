//! What belongs to a name at its edges, which the passes that find names leave out: an
//! initial's full stop (`Andriy B.`), initials after it (`Rabindra K.C.`), initials and
//! the abbreviations `Md.` and `Ma.` before it (`W.M. Kasun Bandara`, `Md. Rafiqul
//! Islam`, `Ma. Luisa Santos`), and a leading ʻokina typed as an apostrophe (`'Ana`).
//! Left out, each is a stub of the name in the redacted text.

use crate::redaction::span::Span;

/// Abbreviated first names that are part of the name (not titles like `Mr.`).
const NAME_ABBREVIATIONS: &[&str] = &["Md.", "MD.", "Ma.", "MA.", "Mohd.", "Muhd.", "Mst."];

pub fn widen(text: &str, spans: &mut [Span]) {
    for s in spans.iter_mut() {
        if ends_in_initial(&text[s.start..s.end]) && text[s.end..].starts_with('.') {
            s.end += 1;
        } else {
            s.end += initials_after(&text[s.end..]);
        }
        let before = &text[..s.start];
        let initials = initials_before(before);
        if initials > 0 {
            s.start -= initials;
        } else if let Some(abbreviation) = NAME_ABBREVIATIONS.iter().find(|a| {
            before.ends_with(&format!("{a} ")) && opens(&before[..before.len() - a.len() - 1])
        }) {
            s.start -= abbreviation.len() + 1;
        }
        let before = &text[..s.start];
        if let Some(mark) = before
            .chars()
            .next_back()
            .filter(|c| matches!(c, '\'' | 'ʻ' | '‘' | '`'))
        {
            if opens(&before[..before.len() - mark.len_utf8()]) {
                s.start -= mark.len_utf8();
            }
        }
    }
}

/// Whether what comes before a word lets it open one: the text's start, a space, a
/// bracket or a quote.
fn opens(before: &str) -> bool {
    before
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '«' | '['))
}

/// `Andriy B`: a name whose last word is one capital letter.
fn ends_in_initial(name: &str) -> bool {
    let mut chars = name.chars().rev();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.next().is_none_or(|c| c == ' ' || c == '.')
}

/// Bytes of ` K.C.` right after a name.
fn initials_after(after: &str) -> usize {
    let mut len = 0;
    let bytes = after.as_bytes();
    // ` K.C.`: a space, then one to three capital letters each with a full stop.
    if bytes.first() == Some(&b' ') {
        let mut i = 1;
        let mut letters = 0;
        while i + 1 < bytes.len() && bytes[i].is_ascii_uppercase() && bytes[i + 1] == b'.' {
            i += 2;
            letters += 1;
        }
        let ends = bytes.get(i).is_none_or(|b| !b.is_ascii_alphanumeric());
        if (1..=3).contains(&letters) && ends {
            len = i;
        }
    }
    len
}

/// Bytes of `W.M. ` or `J. ` right before a name.
fn initials_before(before: &str) -> usize {
    let Some(rest) = before.strip_suffix(' ') else {
        return 0;
    };
    let bytes = rest.as_bytes();
    let mut i = bytes.len();
    let mut letters = 0;
    while i >= 2 && bytes[i - 1] == b'.' && bytes[i - 2].is_ascii_uppercase() && letters < 3 {
        i -= 2;
        letters += 1;
    }
    if letters > 0 && opens(&rest[..i]) {
        before.len() - i
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::found;

    fn names(text: &str) -> Vec<&str> {
        found(text).into_iter().map(|(name, _)| name).collect()
    }

    #[test]
    fn initials_and_abbreviations_go_with_the_name() {
        assert!(names("married to Md. Rafiqul Islam who works").contains(&"Md. Rafiqul Islam"));
        assert!(names("Received from: W.M. Kasun Bandara").contains(&"W.M. Kasun Bandara"));
        assert!(names("recruited by Ma. Luisa Santos of an agency").contains(&"Ma. Luisa Santos"));
        assert!(names("eSewa, name Rabindra K.C.").contains(&"Rabindra K.C."));
        assert!(names("Please call Jomar P. on Monday").contains(&"Jomar P."));
        assert!(names("Ko hoku hingoa ko 'Ana Latu, mei Kolofo'ou").contains(&"'Ana Latu"));
    }

    #[test]
    fn a_title_and_an_apostrophe_inside_a_word_stay_out() {
        assert!(names("The boss is Mr. Rajesh Kumar.").contains(&"Rajesh Kumar"));
        assert!(!names("It is Sione's. K.C. said so")
            .iter()
            .any(|n| n.contains("K.C.")));
    }
}
