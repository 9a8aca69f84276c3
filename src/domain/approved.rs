//! A handler's approval of a redaction: the only source of text that may leave.

use super::draft::Draft;
use crate::redaction::span::{normalise, render};
use crate::redaction::{Kind, Role, Span};
use serde::Deserialize;

/// A redaction a handler adds: byte offsets into the reviewed text, end exclusive.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddedSpan {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ApprovalError {
    #[error("keep: span {index} does not exist (the draft has {count} spans)")]
    NoSuchSpan { index: usize, count: usize },
    #[error("add[{position}]: {message}")]
    BadAddedSpan { position: usize, message: String },
}

/// Text approved by a handler for release: the reviewed text with every span of the
/// draft redacted except those the handler restored, plus those the handler added.
///
/// It cannot be built from raw text; only [`ApprovedRedaction::approve`] makes one:
///
/// ```compile_fail
/// let approved = tipline::domain::ApprovedRedaction { text: String::from("raw tip") };
/// ```
#[derive(Debug)]
pub struct ApprovedRedaction {
    text: String,
}

impl ApprovedRedaction {
    pub fn approve(
        reviewed_text: &str,
        draft: &Draft,
        keep: &[usize],
        add: &[AddedSpan],
    ) -> Result<ApprovedRedaction, ApprovalError> {
        let count = draft.spans.len();
        if let Some(&index) = keep.iter().find(|&&i| i >= count) {
            return Err(ApprovalError::NoSuchSpan { index, count });
        }
        let mut spans: Vec<Span> = (0..count)
            .filter(|i| !keep.contains(i))
            .filter_map(|i| draft.span(i))
            .collect();
        for (position, added) in add.iter().enumerate() {
            let bad = |message: &str| ApprovalError::BadAddedSpan {
                position,
                message: message.to_owned(),
            };
            if added.start >= added.end {
                return Err(bad("start must be before end"));
            }
            if added.end > reviewed_text.len() {
                return Err(bad("end is past the end of the text"));
            }
            if !reviewed_text.is_char_boundary(added.start)
                || !reviewed_text.is_char_boundary(added.end)
            {
                return Err(bad(
                    "offsets must fall on character boundaries (UTF-8 byte offsets)",
                ));
            }
            spans.push(Span {
                start: added.start,
                end: added.end,
                kind: added.kind,
                rule: "handler".to_owned(),
                role: Role::Other,
            });
        }
        let spans = normalise(reviewed_text, spans);
        Ok(ApprovedRedaction {
            text: render(reviewed_text, &spans),
        })
    }

    pub fn text(&self) -> &str {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redaction::{Redaction, Span};

    fn draft(text: &str) -> Draft {
        let phone = text.find("021").unwrap();
        let name = text.find("Ana").unwrap();
        let spans = vec![
            Span {
                start: name,
                end: name + 3,
                kind: Kind::Name,
                rule: "r".into(),
                role: Role::Other,
            },
            Span {
                start: phone,
                end: phone + 11,
                kind: Kind::Phone,
                rule: "r".into(),
                role: Role::Reporter,
            },
        ];
        Draft::from_redaction(Redaction {
            redacted: render(text, &spans),
            spans,
        })
    }

    #[test]
    fn restores_kept_spans_and_adds_new_ones() {
        let text = "Ana said call 021 555 123 at Kiwi Farms";
        let d = draft(text);
        let none = ApprovedRedaction::approve(text, &d, &[], &[]).unwrap();
        assert_eq!(none.text(), "[NAME-1] said call [PHONE-1] at Kiwi Farms");
        let farm = text.find("Kiwi").unwrap();
        let some = ApprovedRedaction::approve(
            text,
            &d,
            &[0],
            &[AddedSpan {
                start: farm,
                end: farm + 10,
                kind: Kind::Address,
            }],
        )
        .unwrap();
        assert_eq!(some.text(), "Ana said call [PHONE-1] at [ADDRESS-1]");
    }

    #[test]
    fn bad_decisions_are_refused() {
        let text = "Ana said call 021 555 123, ngā mihi";
        let d = draft(text);
        assert_eq!(
            ApprovedRedaction::approve(text, &d, &[5], &[]).unwrap_err(),
            ApprovalError::NoSuchSpan { index: 5, count: 2 }
        );
        let accent = text.find('ā').unwrap();
        for (start, end) in [(3, 3), (0, 1000), (accent + 1, accent + 2)] {
            let err = ApprovedRedaction::approve(
                text,
                &d,
                &[],
                &[AddedSpan {
                    start,
                    end,
                    kind: Kind::Name,
                }],
            );
            assert!(matches!(
                err,
                Err(ApprovalError::BadAddedSpan { position: 0, .. })
            ));
        }
    }
}
