//! Where a tip came from, in stored columns that statistics may count: the channel it
//! arrived by and the region the reporter chose from a list. Neither is free text: the
//! town, if given, stays in the sealed tip where redaction sees it.

use super::status::stored_enum;
use serde::Serialize;
use std::fmt;

stored_enum!(
    /// How a tip arrived: the web form (with or without JavaScript), the JSON API, or a
    /// call taken down by a handler in the console.
    Channel {
        Web = "web",
        Api = "api",
        Phone = "phone",
    }
);

impl Channel {
    pub fn label(self) -> &'static str {
        match self {
            Channel::Web => "web form",
            Channel::Api => "API",
            Channel::Phone => "phone call",
        }
    }
}

stored_enum!(
    /// The sixteen regions of New Zealand, and the two answers that are not one.
    Region {
        Northland = "northland",
        Auckland = "auckland",
        Waikato = "waikato",
        BayOfPlenty = "bay_of_plenty",
        Gisborne = "gisborne",
        HawkesBay = "hawkes_bay",
        Taranaki = "taranaki",
        ManawatuWhanganui = "manawatu_whanganui",
        Wellington = "wellington",
        Tasman = "tasman",
        Nelson = "nelson",
        Marlborough = "marlborough",
        WestCoast = "west_coast",
        Canterbury = "canterbury",
        Otago = "otago",
        Southland = "southland",
        Unknown = "unknown",
        Overseas = "overseas",
    }
);

impl Region {
    /// The region's own name (the same in every language); the two answers that are not
    /// a region have translated labels on the reporter's form.
    pub fn label(self) -> &'static str {
        match self {
            Region::Northland => "Northland",
            Region::Auckland => "Auckland",
            Region::Waikato => "Waikato",
            Region::BayOfPlenty => "Bay of Plenty",
            Region::Gisborne => "Gisborne",
            Region::HawkesBay => "Hawke's Bay",
            Region::Taranaki => "Taranaki",
            Region::ManawatuWhanganui => "Manawatū-Whanganui",
            Region::Wellington => "Wellington",
            Region::Tasman => "Tasman",
            Region::Nelson => "Nelson",
            Region::Marlborough => "Marlborough",
            Region::WestCoast => "West Coast",
            Region::Canterbury => "Canterbury",
            Region::Otago => "Otago",
            Region::Southland => "Southland",
            Region::Unknown => "not known",
            Region::Overseas => "overseas",
        }
    }

    /// Reads a form's or an API's value; empty means the reporter did not say.
    pub fn parse_input(value: Option<&str>) -> Result<Region, RegionError> {
        match value.map(str::trim).filter(|v| !v.is_empty()) {
            None => Ok(Region::Unknown),
            Some(v) => Region::parse(v).ok_or_else(|| RegionError(v.chars().take(40).collect())),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown region `{0}`; expected one of northland, auckland, waikato, bay_of_plenty, gisborne, hawkes_bay, taranaki, manawatu_whanganui, wellington, tasman, nelson, marlborough, west_coast, canterbury, otago, southland, unknown, overseas")]
pub struct RegionError(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    fn check_list<T: std::fmt::Display>(values: &[T]) -> String {
        let quoted: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
        quoted.join(", ")
    }

    #[test]
    fn regions_are_the_sixteen_and_two() {
        assert_eq!(Region::ALL.len(), 18);
        assert_eq!(Region::parse_input(None), Ok(Region::Unknown));
        assert_eq!(Region::parse_input(Some(" ")), Ok(Region::Unknown));
        assert_eq!(Region::parse_input(Some("otago")), Ok(Region::Otago));
        assert!(Region::parse_input(Some("Otago")).is_err());
        assert!(Region::parse_input(Some("Dunedin")).is_err());
    }

    #[test]
    fn enums_mirror_the_schema() {
        for schema in [
            include_str!("../../migrations/sqlite/0014_channels_and_regions.sql"),
            include_str!("../../migrations/postgres/0014_channels_and_regions.sql"),
        ] {
            for check in [
                format!("channel IN ({})", check_list(Channel::ALL)),
                format!("region IN ({})", check_list(Region::ALL)),
            ] {
                assert!(schema.contains(&check), "schema lacks `{check}`");
            }
        }
    }
}
