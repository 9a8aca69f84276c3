//! Routing: which agencies a tip is suggested for, and the cases made for them.
//! A case is built only from an `ApprovedRedaction`, which only a handler's decision
//! produces (invariant 4).

use crate::crypto::at_rest::DataKeys;
use crate::domain::{ApprovedRedaction, Category, NewCase, NewCaseParent};
use crate::store::agencies::Agency;

/// Agencies whose remit covers the category, for the handler to confirm.
pub fn suggest(category: Category, agencies: &[Agency]) -> Vec<String> {
    agencies
        .iter()
        .filter(|a| a.categories.iter().any(|c| c == category.as_str()))
        .map(|a| a.id.clone())
        .collect()
}

/// One case per agency, each carrying the approved text.
pub fn route(
    approved: &ApprovedRedaction,
    category: Category,
    received_on: &str,
    agency_ids: &[String],
    keys: &DataKeys,
) -> Vec<NewCase> {
    agency_ids
        .iter()
        .map(|agency| NewCase::from_approved(approved, category, received_on, agency, keys))
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
