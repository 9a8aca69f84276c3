//! A draft: the engine's proposal for one tip, stored encrypted until a handler decides.

use crate::redaction::{Redaction, Span};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Draft {
    pub redacted: String,
    pub spans: Vec<DraftSpan>,
}

/// A span as stored in a draft and shown to a handler.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSpan {
    pub index: usize,
    pub kind: crate::redaction::Kind,
    pub rule: String,
    pub role: crate::redaction::Role,
    /// Why the engine proposes that role (drafts made before reasons have none).
    #[serde(default)]
    pub role_reason: String,
    pub start: usize,
    pub end: usize,
}

impl Draft {
    pub fn from_redaction(redaction: Redaction) -> Draft {
        Draft {
            redacted: redaction.redacted,
            spans: redaction
                .spans
                .into_iter()
                .enumerate()
                .map(|(index, s)| DraftSpan {
                    index,
                    kind: s.kind,
                    rule: s.rule,
                    role: s.role,
                    role_reason: String::new(),
                    start: s.start,
                    end: s.end,
                })
                .collect(),
        }
    }

    /// The reason for each span's role, in span order (`redaction::subject::reasons`).
    pub fn with_reasons(mut self, reasons: Vec<String>) -> Draft {
        for (span, reason) in self.spans.iter_mut().zip(reasons) {
            span.role_reason = reason;
        }
        self
    }

    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("a draft always serialises")
    }

    pub fn from_json(bytes: &[u8]) -> Result<Draft, serde_json::Error> {
        serde_json::from_slice(bytes)
    }

    pub(crate) fn span(&self, index: usize) -> Option<Span> {
        self.spans.get(index).map(|s| Span {
            start: s.start,
            end: s.end,
            kind: s.kind,
            rule: s.rule.clone(),
            role: s.role,
        })
    }
}
