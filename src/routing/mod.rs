//! Routing: the agencies (`routing.toml`), which of them a tip is suggested for and
//! why, and the cases made for the chosen ones. A case is built only from an
//! `ApprovedRedaction`, which only a handler's decision produces (invariant 4).

pub mod config;
pub mod suggest;

pub use config::{AgencyConfig, Routing, RoutingError};
pub use suggest::{suggest, Suggestion};

use crate::crypto::at_rest::DataKeys;
use crate::domain::{ApprovedRedaction, Category, Channel, NewCase, NewCaseParent};

/// One case per agency, each carrying the approved text (sealed to the agency when it
/// registered a key), and the tip's channel for an agency that asks for it.
pub fn route(
    approved: &ApprovedRedaction,
    category: Category,
    received_on: &str,
    channel: Option<Channel>,
    agencies: &[&AgencyConfig],
    keys: &DataKeys,
) -> Vec<NewCase> {
    agencies
        .iter()
        .map(|agency| {
            NewCase::from_approved(
                approved,
                category,
                received_on,
                &agency.id,
                agency.hpke_public_key.as_deref(),
                keys,
            )
            .with_channel(channel.filter(|_| agency.show_channel))
        })
        .collect()
}

/// One update per agency holding the tip's case: an approved reporter message, the tip's
/// `sequence`th, each following that agency's report case.
pub fn route_update(
    approved: &ApprovedRedaction,
    holders: &[NewCaseParent<'_>],
    sequence: i64,
    written_on: &str,
    keys: &DataKeys,
) -> Vec<NewCase> {
    holders
        .iter()
        .map(|parent| NewCase::update_from_approved(approved, parent, sequence, written_on, keys))
        .collect()
}
