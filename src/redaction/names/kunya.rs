//! An Arabic name by a child's name, a *kunya*: `أبو خالد` ("father of Khalid"), `أم فهد`.
//! Bosses, landlords and agents are widely known by one, and it names its bearer as
//! surely as their own name does: `Abu` or `Umm` and a listed given name in Arabic script
//! are one name. (In Latin letters, `Abu Tony`, the capitals already make a name.)

use super::context::{context, Ctx};
use super::detector::name_span;
use super::lexicon::*;
use super::script::Script;
use super::tokens::Token;
use crate::redaction::span::Span;
use crate::redaction::text::word_hash;

/// `Father of` and `mother of`, with and without the hamza, and as said after `يا`.
const KUNYA: &[&str] = &["أبو", "ابو", "أبي", "أم", "ام"];

pub fn find(lex: &Lexicon, text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    for pair in tokens.windows(2) {
        let (kunya, name) = (&pair[0], &pair[1]);
        if kunya.script != Script::Other
            || !KUNYA.contains(&&text[kunya.start..kunya.end])
            || text[kunya.end..name.start] != *" "
        {
            continue;
        }
        let ctx = match context(lex, text, kunya.start) {
            c @ Ctx::Strong(_) => c,
            _ => Ctx::None,
        };
        // A given name that is also a word (`علي`) only after a role (`المقاول أبو علي`).
        let flags = lex.flags(word_hash(&text[name.start..name.end]));
        let named = flags & GIVEN != 0
            || matches!(ctx, Ctx::Strong(_)) && flags & (STOP | COMMON | ROLE) == 0;
        if !named {
            continue;
        }
        spans.push(name_span(kunya.start, name.end, ctx));
    }
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::found_names;

    #[test]
    fn father_or_mother_of_a_given_name_is_a_name() {
        assert!(found_names("صرلي ١٤ يوم بلا عطلة يا أبو خالد وما قبض").contains(&"أبو خالد"));
        assert!(found_names("والمكتب في الرياض، أبو فهد، هو اللي جابني").contains(&"أبو فهد"));
        // `أبو` before a word that is no given name is no kunya (`أبو ظبي` is a city).
        assert!(found_names("سافرت إلى أبو ظبي للعمل").is_empty());
        // Nor is `أبو` a name again alone once a kunya is found.
        let got = found_names("يا أبو خالد، سافرت إلى أبو ظبي");
        assert!(got.contains(&"أبو خالد"), "{got:?}");
        assert!(
            !got.iter().any(|n| *n == "أبو" || n.contains("ظبي")),
            "{got:?}"
        );
    }
}
