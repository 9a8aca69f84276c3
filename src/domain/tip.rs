//! A tip as the reporter wrote it. `RawTip` is the only type that holds unredacted text;
//! it is produced by opening a sealed envelope and is never stored or sent in the clear.

use super::origin::{Region, RegionError};
use serde::{Deserialize, Serialize};
use std::fmt;

pub const MAX_BODY_CHARS: usize = 20_000;
pub const MAX_LOCATION_CHARS: usize = 200;
pub const MAX_LANGUAGE_CHARS: usize = 100;

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
    #[error(transparent)]
    Region(#[from] RegionError),
    #[error("the language of the call must not be empty")]
    NoCallLanguage,
    #[error("the language of the call is {0} characters; at most 100 are allowed")]
    CallLanguageTooLong(usize),
}

/// What a handler notes about a call beside the caller's account: the language it was
/// in and whether an interpreter was used. Sealed with the tip, like the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Call {
    language: String,
    interpreter: bool,
}

impl Call {
    pub fn parse(language: &str, interpreter: bool) -> Result<Call, TipError> {
        let language = language.trim();
        if language.contains('\0') {
            return Err(TipError::Nul("language"));
        }
        if language.is_empty() {
            return Err(TipError::NoCallLanguage);
        }
        let chars = language.chars().count();
        if chars > MAX_LANGUAGE_CHARS {
            return Err(TipError::CallLanguageTooLong(chars));
        }
        Ok(Call {
            language: language.to_owned(),
            interpreter,
        })
    }
}

/// What a reporter submits, validated. Its JSON form is what gets sealed.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTip {
    category: Category,
    body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    location: Option<String>,
    /// Chosen from a list (`Unknown` when the reporter did not say): it is also stored
    /// in the clear for statistics, so it is never free text.
    #[serde(skip_serializing_if = "is_unknown")]
    region: Region,
    /// For a report taken by phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    call: Option<Call>,
}

fn is_unknown(region: &Region) -> bool {
    *region == Region::Unknown
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
            region: Region::Unknown,
            call: None,
        })
    }

    /// The region the reporter chose (the form's list), for the stored column too.
    pub fn in_region(mut self, region: Region) -> RawTip {
        self.region = region;
        self
    }

    /// A report a handler took down from a call.
    pub fn by_phone(mut self, call: Call) -> RawTip {
        self.call = Some(call);
        self
    }

    pub fn category(&self) -> Category {
        self.category
    }

    pub fn region(&self) -> Region {
        self.region
    }

    /// The bytes of reporter text it holds (what keeping it in memory costs).
    pub fn text_bytes(&self) -> usize {
        self.body.len() + self.location.as_ref().map_or(0, String::len)
    }

    /// The text a handler reviews and the engine redacts: the body, then the location,
    /// region and the call's language, so that every word the reporter wrote (or a
    /// handler wrote down) passes through the same redaction.
    pub fn review_text(&self) -> String {
        let mut text = self.body.clone();
        let mut after = Vec::new();
        if let Some(location) = &self.location {
            after.push(format!("Location: {location}"));
        }
        if self.region != Region::Unknown {
            after.push(format!("Region: {}", self.region.label()));
        }
        if let Some(call) = &self.call {
            after.push(format!(
                "Call taken in: {}{}",
                call.language,
                if call.interpreter {
                    ", with an interpreter"
                } else {
                    ""
                }
            ));
        }
        if !after.is_empty() {
            text.push_str("\n\n");
            text.push_str(&after.join("\n"));
        }
        text
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
            region: Option<String>,
            call: Option<Call>,
        }
        let wire: Wire = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        let region = Region::parse_input(wire.region.as_deref()).map_err(|e| e.to_string())?;
        let tip = RawTip::parse(&wire.category, &wire.body, wire.location.as_deref())
            .map_err(|e| e.to_string())?
            .in_region(region);
        Ok(match wire.call {
            Some(call) => tip.by_phone(
                Call::parse(&call.language, call.interpreter).map_err(|e| e.to_string())?,
            ),
            None => tip,
        })
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

    #[test]
    fn region_and_call_are_sealed_and_reviewed() {
        let tip = RawTip::parse("other", "account", Some("Gore"))
            .unwrap()
            .in_region(Region::Southland)
            .by_phone(Call::parse(" Tongan ", true).unwrap());
        assert_eq!(
            tip.review_text(),
            "account\n\nLocation: Gore\nRegion: Southland\nCall taken in: Tongan, with an interpreter"
        );
        assert_eq!(RawTip::from_json(&tip.to_json()).unwrap(), tip);
        // What older clients seal (no region) reads as a region not known.
        let old = RawTip::from_json(br#"{"category":"other","body":"b"}"#).unwrap();
        assert_eq!(old.region(), Region::Unknown);
        assert_eq!(old.review_text(), "b");
        assert!(RawTip::from_json(br#"{"category":"other","body":"b","region":"Gore"}"#).is_err());
        assert_eq!(Call::parse("  ", false), Err(TipError::NoCallLanguage));
        assert_eq!(Call::parse("a\0", false), Err(TipError::Nul("language")));
    }
}
