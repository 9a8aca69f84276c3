//! The cues around a candidate name: what comes just before it (an introduction, a
//! sign-off, a role or title, a weaker verb or preposition) and a role just after it.

use super::lexicon::Lexicon;
use crate::redaction::kind::Role;
use crate::redaction::text::{ends_with_any, Folded};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    None,
    Weak,
    Strong(Role),
}

/// The context just before byte `at`.
pub fn context(lex: &Lexicon, text: &str, at: usize) -> Ctx {
    let mut lo = at.saturating_sub(48);
    while lo > 0 && !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let folded = Folded::new(&text[lo..at]);
    let pre = folded.as_str().trim_end();
    // A closing "- Name" or "— Name" after the end of a sentence or line.
    for dash in ['-', '—', '–', '~'] {
        if let Some(rest) = pre.strip_suffix(dash) {
            let rest = rest.trim_end_matches([' ', '\t']);
            if rest.is_empty()
                || rest.ends_with(['.', '!', '?', '\n'])
                || (lo == 0 && rest.trim().is_empty())
            {
                return Ctx::Strong(Role::Reporter);
            }
        }
    }
    let pre = pre.trim_end_matches([',', ':', '(']).trim_end();
    if ends_with_any(pre, &lex.intro) {
        return Ctx::Strong(Role::Reporter);
    }
    // "the driver is X", "a man called X", "the manager, X".
    let mut core = pre;
    for link in [" is", " was", " named", " called", " name"] {
        if let Some(h) = core.strip_suffix(link) {
            core = h.trim_end_matches([',', ' ']);
            break;
        }
    }
    if ends_with_any(core, &lex.roles) || pre.ends_with(" named") || pre.ends_with(" called") {
        return Ctx::Strong(Role::Other);
    }
    if ends_with_any(pre, &lex.weak) {
        return Ctx::Weak;
    }
    Ctx::None
}

/// Whether a role follows byte `at`: `, my supervisor`, ` (the driver)`.
pub fn role_after(lex: &Lexicon, text: &str, at: usize) -> bool {
    let mut hi = (at + 40).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let folded = Folded::new(&text[at..hi]);
    let after = folded.as_str();
    let Some(rest) = after
        .strip_prefix(", ")
        .or_else(|| after.strip_prefix(" ("))
        .or_else(|| after.strip_prefix(" - "))
    else {
        return false;
    };
    let rest = ["the ", "my ", "our ", "his ", "her ", "their ", "a ", "an "]
        .iter()
        .find_map(|d| rest.strip_prefix(d))
        .unwrap_or(rest);
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .take(2)
        .collect();
    words.first().is_some_and(|w| lex.roles.contains(*w))
        || (words.len() == 2 && lex.roles.contains(&words.join(" ")))
}
