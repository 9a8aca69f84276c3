//! A phone number's extension (`09 263 5518 ext 204`): it goes with the number. An
//! office line with the extension left readable still leads to one desk, and the person
//! who gave it.

use std::sync::LazyLock;

static EXTENSION: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^,?\s{1,2}(?i:ext\.?|extn\.?|extension|x)\s?[0-9]{1,5}\b")
        .expect("the extension pattern compiles")
});

/// Where a phone number ending at `end` ends with its extension taken in.
pub fn extended(text: &str, end: usize) -> usize {
    // The word opens by the eighth byte (a comma and two spaces of three bytes each):
    // without an `e` or an `x` there, no regex search.
    let near = &text.as_bytes()[end..(end + 8).min(text.len())];
    if !near.iter().any(|b| matches!(b, b'e' | b'E' | b'x' | b'X')) {
        return end;
    }
    // A match takes at most 26 bytes (`,`, two spaces, `extension` with two `ſ`, a space,
    // five digits) and its `\b` reads one character more: the search needs no more.
    let reach = super::text::ceil_boundary(text, (end + 64).min(text.len()));
    EXTENSION
        .find(&text[end..reach])
        .map_or(end, |m| end + m.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tail(text: &str, number: &str) -> String {
        let end = text.find(number).unwrap() + number.len();
        text[end..extended(text, end)].to_owned()
    }

    #[test]
    fn an_extension_goes_with_its_number() {
        assert_eq!(tail("call 09 263 5518 ext 204, or", "5518"), " ext 204");
        assert_eq!(tail("line is 06 873 4419 ext. 2 or", "4419"), " ext. 2");
        assert_eq!(tail("06 873 4419 x12 today", "4419"), " x12");
        assert_eq!(tail("06 873 4419 extra hours", "4419"), "");
        assert_eq!(tail("06 873 4419 x 2019 was", "4419"), " x 2019");
        // The furthest the word may open: a comma and two spaces of three bytes.
        assert_eq!(
            tail("06 873 4419,\u{3000}\u{3000}ext 7", "4419"),
            ",\u{3000}\u{3000}ext 7"
        );
    }
}
