//! Identifiers of tips, cases and attachments: 16 random hex characters, unguessable and saying
//! nothing about order or volume. Parsing a path segment into one refuses anything else,
//! so a malformed id never reaches a query.

use serde::Serialize;
use std::fmt;

fn random_hex() -> String {
    crate::crypto::random_bytes::<8>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn is_id(value: &str) -> bool {
    value.len() == 16
        && value
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

macro_rules! id_type {
    ($name:ident, $what:literal) => {
        #[doc = concat!("The id of a ", $what, ".")]
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new() -> Self {
                $name(random_hex())
            }

            /// `None` for anything that is not an id this service made.
            pub fn parse(value: &str) -> Option<Self> {
                is_id(value).then(|| $name(value.to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Reads an id back from the database, which only holds ids we made.
            pub(crate) fn from_stored(value: String) -> Self {
                $name(value)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(TipId, "tip");
id_type!(CaseId, "case");
id_type!(AttachmentId, "file sent with a report");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_ids_parse() {
        let id = TipId::new();
        assert_eq!(TipId::parse(id.as_str()), Some(id.clone()));
        assert_ne!(TipId::new(), id);
        for bad in [
            "",
            "0123456789abcdeF",
            "0123456789abcde",
            "0123456789abcdef0",
            "../etc/passwd0000",
        ] {
            assert_eq!(TipId::parse(bad), None, "{bad}");
        }
    }
}
