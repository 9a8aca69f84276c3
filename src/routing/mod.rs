//! Routing: which agencies a tip is suggested for, and the cases made for them.
//! A case is built only from an `ApprovedRedaction`, which only a handler's decision
//! produces (invariant 4).

use crate::crypto::at_rest::DataKeys;
use crate::domain::{ApprovedRedaction, Category, NewCase};
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
