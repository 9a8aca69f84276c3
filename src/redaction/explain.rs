//! Why each span was proposed (`tipline redact --explain`): the rule or detector that
//! found it, the context word that let a rule stand, and the cue that made it the
//! writer's own. For handlers who wonder why, and for whoever tunes the rules. It names
//! words from our own lists, never the detail itself.

use super::engine::Engine;
use super::kind::{Kind, Role};
use super::lists;
use super::names;
use super::role;
use super::subject;
use serde::Serialize;

/// One span of `Engine::find` and the reasons for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub rule: String,
    /// What the rule finds, in words.
    pub found_by: String,
    /// The context word a rule needed, as found near the span.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    pub role: Role,
    /// Why the role is `reporter`: the cue before it, or the writer's detail before it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_cue: Option<String>,
    /// Why the span has its role, whatever it is (`subject::explained`).
    pub role_reason: String,
}

impl Engine {
    /// The spans of `find(text)`, each with the reasons it was proposed.
    pub fn explain(&self, text: &str) -> Vec<Explanation> {
        let spans = self.find(text);
        let reasons = subject::reasons(text, &spans);
        spans
            .into_iter()
            .zip(reasons)
            .map(|(span, role_reason)| {
                let rule = self.rules().iter().find(|r| r.id == span.rule);
                let by_rule = |id: &str| self.rules().iter().find(|r| r.id == id);
                let listed = span
                    .rule
                    .strip_suffix(lists::LISTED_SUFFIX)
                    .and_then(by_rule);
                let same = span.rule.strip_suffix(lists::SAME_SUFFIX).and_then(by_rule);
                let found_by = match (rule, listed, same) {
                    (Some(r), _, _) if r.value_group => {
                        format!("{} (the value after its label)", r.description)
                    }
                    (Some(r), _, _) => r.description.clone(),
                    (None, Some(r), _) => format!(
                        "listed right after a value of the same shape that this found: {}",
                        r.description
                    ),
                    (None, _, Some(r)) => format!(
                        "the same letters, digits in the same places, as a code this found \
                         elsewhere in the text: {}",
                        r.description
                    ),
                    (None, None, None) => name_method(&span.rule).to_owned(),
                };
                let context = rule
                    .and_then(|r| r.context.as_ref())
                    .and_then(|c| c.cue(text, span.start, span.end))
                    .map(str::to_lowercase);
                let role_cue = (span.role == Role::Reporter).then(|| {
                    match role::reporter_cue(text, span.start) {
                        Some(cue) => format!("after \"{cue}\""),
                        None if rule.is_some_and(|r| r.role.is_some()) => "the rule says so".into(),
                        None => "in the same sentence as the writer's own detail".into(),
                    }
                });
                Explanation {
                    start: span.start,
                    end: span.end,
                    kind: span.kind,
                    rule: span.rule,
                    found_by,
                    context,
                    role: span.role,
                    role_cue,
                    role_reason,
                }
            })
            .collect()
    }
}

/// How the name detector found a name, by its rule id.
fn name_method(id: &str) -> &'static str {
    match id {
        names::rule::CONTEXT => "a name after a cue (an introduction, a sign-off, a role or title)",
        names::rule::GAZETTEER => "a name by the name lists and the shape of the text",
        names::rule::REPEAT => "a word of a name found earlier, found again alone",
        names::rule::ALIAS => {
            "another name for someone named, in brackets or quotes against their name"
        }
        super::admin_units::RULE => {
            "an address told by two or more administrative units (village, district, province)"
        }
        super::residence::RULE => {
            "a place lived in, told by its landmarks and places after a word for living there"
        }
        super::lived_in::RULE => {
            "a place lived in, told around a named street after (or before) a word for living there"
        }
        super::village_abroad::RULE => {
            "a village abroad, told by three or more places down to its country"
        }
        super::described_place::RULE => {
            "a place described, not numbered: a dwelling placed against a named street or landmark"
        }
        super::place_chain::RULE => {
            "places told as a chain between commas, with a landmark near them"
        }
        super::table_columns::RULE => {
            "a cell of a pasted table, under a column its header names (Name, Passport, Phone)"
        }
        _ => "a redaction added by hand",
    }
}

impl std::fmt::Display for Explanation {
    /// `12..27 PHONE reporter: <what found it>; context "phone"; reporter after "my number"`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let role = self.role.as_str();
        write!(
            f,
            "{}..{} {} {role} [{}]: {}",
            self.start, self.end, self.kind, self.rule, self.found_by
        )?;
        if let Some(word) = &self.context {
            write!(f, "; context \"{word}\"")?;
        }
        if let Some(cue) = &self.role_cue {
            write!(f, "; reporter {cue}")?;
        } else if self.role != Role::Reporter {
            write!(f, "; {}", self.role_reason)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_span_says_what_found_it() {
        let engine = Engine::embedded().unwrap();
        let text = "I was born on 4/18/1960. My number is 0917 123 4567.";
        let why = engine.explain(text);
        let dob = why.iter().find(|e| e.kind == Kind::Dob).unwrap();
        assert_eq!(&text[dob.start..dob.end], "4/18/1960");
        assert_eq!(dob.rule, "dob-numeric");
        assert_eq!(dob.context.as_deref(), Some("born"));
        assert_eq!(dob.role_cue.as_deref(), Some("after \"i was born\""));
        let place = "Famili blong mi stap long Auki, Malaita, klosap long Kilu'ufi hospitol.";
        let chain = engine.explain(place);
        assert!(
            chain
                .iter()
                .any(|e| e.rule == "place-chain" && e.found_by.contains("chain")),
            "{chain:?}"
        );
        // A code found by another's letters says which rule found the first.
        let roster = "Ioane (emp no. TK-20417), Manpreet Gill (TK-20433).";
        let codes = engine.explain(roster);
        let same = codes
            .iter()
            .find(|e| &roster[e.start..e.end] == "TK-20433")
            .unwrap();
        assert!(same.found_by.contains("same letters"), "{same:?}");
        assert!(!same.found_by.contains("by hand"), "{same:?}");
        let phone = why.iter().find(|e| e.kind == Kind::Phone).unwrap();
        assert_eq!(&text[phone.start..phone.end], "0917 123 4567");
        assert!(
            phone.to_string().contains("reporter after \"my number\""),
            "{phone}"
        );
    }
}
