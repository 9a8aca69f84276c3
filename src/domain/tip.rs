//! A tip as the reporter wrote it. `RawTip` is the only type that holds unredacted text;
//! it is produced by opening a sealed envelope and is never stored or sent in the clear.

use serde::{Deserialize, Serialize};
use std::fmt;

pub const MAX_BODY_CHARS: usize = 20_000;
pub const MAX_LOCATION_CHARS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    ForcedLabour,
    Trafficking,
    Slavery,
    WorkerExploitation,
    Other,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::ForcedLabour,
        Category::Trafficking,
        Category::Slavery,
        Category::WorkerExploitation,
        Category::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::ForcedLabour => "forced_labour",
            Category::Trafficking => "trafficking",
            Category::Slavery => "slavery",
            Category::WorkerExploitation => "worker_exploitation",
            Category::Other => "other",
        }
    }

    /// How a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Category::ForcedLabour => "forced labour",
            Category::Trafficking => "trafficking",
            Category::Slavery => "slavery",
            Category::WorkerExploitation => "worker exploitation",
            Category::Other => "other",
        }
    }

    pub fn parse(value: &str) -> Result<Category, TipError> {
        Category::ALL
            .into_iter()
            .find(|c| c.as_str() == value)
            .ok_or_else(|| TipError::UnknownCategory(value.chars().take(40).collect()))
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TipError {
    #[error("unknown category `{0}`; expected one of forced_labour, trafficking, slavery, worker_exploitation, other")]
    UnknownCategory(String),
    #[error("body must not be empty")]
    EmptyBody,
    #[error("body is {0} characters; at most 20000 are allowed")]
    BodyTooLong(usize),
    #[error("location is {0} characters; at most 200 are allowed")]
    LocationTooLong(usize),
    /// A NUL is never typed, only forged: refused rather than kept.
    #[error("{0} must not contain a NUL character (U+0000)")]
    Nul(&'static str),
}

/// What a reporter submits, validated. Its JSON form is what gets sealed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTip {
    category: Category,
    body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    location: Option<String>,
}

/// Tip text never goes to a log, even by `{:?}`.
impl fmt::Debug for RawTip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawTip")
            .field("category", &self.category)
            .finish_non_exhaustive()
    }
}

impl RawTip {
    pub fn parse(category: &str, body: &str, location: Option<&str>) -> Result<RawTip, TipError> {
        let category = Category::parse(category)?;
        if body.contains('\0') {
            return Err(TipError::Nul("body"));
        }
        if location.is_some_and(|l| l.contains('\0')) {
            return Err(TipError::Nul("location"));
        }
        if body.trim().is_empty() {
            return Err(TipError::EmptyBody);
        }
        let chars = body.chars().count();
        if chars > MAX_BODY_CHARS {
            return Err(TipError::BodyTooLong(chars));
        }
        let location = location.map(str::trim).filter(|l| !l.is_empty());
        if let Some(l) = location {
            let chars = l.chars().count();
            if chars > MAX_LOCATION_CHARS {
                return Err(TipError::LocationTooLong(chars));
            }
        }
        Ok(RawTip {
            category,
            body: body.to_owned(),
            location: location.map(str::to_owned),
        })
    }

    pub fn category(&self) -> Category {
        self.category
    }

    /// The text a handler reviews and the engine redacts: the body, then the location,
    /// so that every word the reporter wrote passes through the same redaction.
    pub fn review_text(&self) -> String {
        match &self.location {
            Some(location) => format!("{}\n\nLocation: {location}", self.body),
            None => self.body.clone(),
        }
    }

    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("a RawTip always serialises")
    }

    /// Reads the JSON form, re-validating it: a sealed envelope is only as trustworthy
    /// as whoever sealed it.
    pub fn from_json(bytes: &[u8]) -> Result<RawTip, String> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Wire {
            category: String,
            body: String,
            location: Option<String>,
        }
        let wire: Wire = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        RawTip::parse(&wire.category, &wire.body, wire.location.as_deref())
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation() {
        assert_eq!(
            RawTip::parse("nope", "x", None),
            Err(TipError::UnknownCategory("nope".into()))
        );
        assert_eq!(
            RawTip::parse("other", "  \n", None),
            Err(TipError::EmptyBody)
        );
        assert_eq!(
            RawTip::parse("other", &"é".repeat(20_001), None),
            Err(TipError::BodyTooLong(20_001))
        );
        assert!(RawTip::parse("other", &"é".repeat(20_000), None).is_ok());
        assert_eq!(
            RawTip::parse("other", "a\0b", None),
            Err(TipError::Nul("body"))
        );
        assert_eq!(
            RawTip::parse("other", "ab", Some("\0")),
            Err(TipError::Nul("location"))
        );
        let tip = RawTip::parse("slavery", "text", Some("  Nelson ")).unwrap();
        assert_eq!(tip.review_text(), "text\n\nLocation: Nelson");
        assert_eq!(RawTip::from_json(&tip.to_json()).unwrap(), tip);
        assert!(!format!("{tip:?}").contains("text"));
    }
}
