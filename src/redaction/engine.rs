//! The redaction engine: every rule compiled once; a `RegexSet` pass picks the rules that
//! can match, so the cost of a scan grows little with the number of rules.

use super::kind::Role;
use super::rules::{self, Rule, RulesError};
use super::span::{normalise, render, Redaction, Span};
use regex::RegexSet;
use std::path::Path;

pub struct Engine {
    rules: Vec<Rule>,
    first_pass: RegexSet,
}

/// One failed example in a rule file, as reported by `tipline check-rules`.
#[derive(Debug)]
pub struct ExampleFailure {
    pub file: String,
    pub rule: String,
    pub message: String,
}

impl Engine {
    pub fn new(rules: Vec<Rule>) -> Result<Self, RulesError> {
        let first_pass = RegexSet::new(rules.iter().map(|r| r.regex.as_str())).map_err(|e| {
            RulesError::Syntax {
                file: "rule set".into(),
                message: e.to_string(),
            }
        })?;
        Ok(Engine { rules, first_pass })
    }

    /// The default rules, compiled into the binary.
    pub fn embedded() -> Result<Self, RulesError> {
        Self::new(rules::load_embedded()?)
    }

    pub fn from_dir(dir: &Path) -> Result<Self, RulesError> {
        Self::new(rules::load_dir(dir)?)
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Finds every identifying detail in `text`.
    pub fn find(&self, text: &str) -> Vec<Span> {
        let mut spans = Vec::new();
        for index in self.first_pass.matches(text).iter() {
            let rule = &self.rules[index];
            for m in rule.regex.find_iter(text) {
                spans.push(Span {
                    start: m.start(),
                    end: m.end(),
                    kind: rule.kind,
                    rule: rule.id.clone(),
                    role: Role::Other,
                });
            }
        }
        normalise(text, spans)
    }

    pub fn redact(&self, text: &str) -> Redaction {
        let spans = self.find(text);
        Redaction {
            redacted: render(text, &spans),
            spans,
        }
    }

    /// Runs every rule's examples: each `match` example must be wholly redacted by the
    /// full engine, each `no_match` example must come through untouched.
    pub fn check_examples(&self) -> Vec<ExampleFailure> {
        let mut failures = Vec::new();
        for rule in &self.rules {
            let fail = |message: String| ExampleFailure {
                file: rule.file.clone(),
                rule: rule.id.clone(),
                message,
            };
            for example in &rule.must_match {
                let spans = self.find(example);
                let covered: usize = spans.iter().map(|s| s.end - s.start).sum();
                let by_rule = spans.iter().any(|s| s.kind == rule.kind);
                if covered < example.trim().len() || !by_rule {
                    failures.push(fail(format!(
                        "example {example:?} is not wholly redacted as {}",
                        rule.kind
                    )));
                }
            }
            for example in &rule.no_match {
                if !self.find(example).is_empty() {
                    failures.push(fail(format!("example {example:?} should not be redacted")));
                }
            }
        }
        failures
    }
}
