//! The kinds of identifying detail the engine redacts, and who a detail belongs to.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What a redacted span is. The names are the contract in DESIGN.md (`kind` in
/// `tipline redact --jsonl` output) and the stem of placeholders like `[PHONE-1]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Kind {
    Name,
    Phone,
    Email,
    Ip,
    Address,
    Url,
    Handle,
    Ird,
    Passport,
    Licence,
    Bank,
    Card,
    Plate,
    Dob,
    Nhi,
    /// A national identity, social security or resident number of another country
    /// (Aadhaar, PAN, SSS, PhilSys, US SSN, Chinese resident ID, ...).
    Id,
}

impl Kind {
    pub const ALL: [Kind; 16] = [
        Kind::Name,
        Kind::Phone,
        Kind::Email,
        Kind::Ip,
        Kind::Address,
        Kind::Url,
        Kind::Handle,
        Kind::Ird,
        Kind::Passport,
        Kind::Licence,
        Kind::Bank,
        Kind::Card,
        Kind::Plate,
        Kind::Dob,
        Kind::Nhi,
        Kind::Id,
    ];

    /// Which kind a merged span takes when findings of two kinds overlap: higher wins.
    /// The order, highest first: EMAIL, HANDLE, URL, IP, CARD, BANK, IRD, ID, NHI,
    /// PASSPORT, LICENCE, PLATE, PHONE, DOB, ADDRESS, NAME. Structured identifiers with a validator
    /// or an unmistakable shape beat looser ones; a social profile link is a HANDLE rather than a URL;
    /// a name inside an address or an e-mail address is part of that address.
    pub fn priority(self) -> u8 {
        match self {
            Kind::Email => 16,
            Kind::Handle => 15,
            Kind::Url => 14,
            Kind::Ip => 13,
            Kind::Card => 12,
            Kind::Bank => 11,
            Kind::Ird => 10,
            Kind::Id => 9,
            Kind::Nhi => 8,
            Kind::Passport => 7,
            Kind::Licence => 6,
            Kind::Plate => 5,
            Kind::Phone => 4,
            Kind::Dob => 3,
            Kind::Address => 2,
            Kind::Name => 1,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Name => "NAME",
            Kind::Phone => "PHONE",
            Kind::Email => "EMAIL",
            Kind::Ip => "IP",
            Kind::Address => "ADDRESS",
            Kind::Url => "URL",
            Kind::Handle => "HANDLE",
            Kind::Ird => "IRD",
            Kind::Passport => "PASSPORT",
            Kind::Licence => "LICENCE",
            Kind::Bank => "BANK",
            Kind::Card => "CARD",
            Kind::Plate => "PLATE",
            Kind::Dob => "DOB",
            Kind::Nhi => "NHI",
            Kind::Id => "ID",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown kind `{0}`; expected one of NAME, PHONE, EMAIL, IP, ADDRESS, URL, HANDLE, IRD, PASSPORT, LICENCE, BANK, CARD, PLATE, DOB, NHI, ID")]
pub struct UnknownKind(pub String);

impl FromStr for Kind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownKind(s.to_owned()))
    }
}

/// Whose detail a span is, as the engine proposes and the handler may change: the
/// writer's own (`reporter`), the person or business reported (`subject`), or someone
/// else (`third`: victims, witnesses, family). It decides what review proposes to keep
/// (`review.roles`), never what `redact` replaces. When the text gives no cue the engine
/// proposes `third`, which is redacted by default: a reporter's detail proposed as a
/// subject's would reach the agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Reporter,
    Subject,
    /// A third party, or no cue either way: `third` outside (drafts stored before there
    /// were subjects say `other`, read as this).
    #[default]
    #[serde(rename = "third", alias = "other")]
    Other,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Reporter, Role::Subject, Role::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reporter => "reporter",
            Role::Subject => "subject",
            Role::Other => "third",
        }
    }

    /// How a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Role::Reporter => "reporter",
            Role::Subject => "subject",
            Role::Other => "third party",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
