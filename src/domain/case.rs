//! A case: what one agency receives for one forwarded tip.

use super::approved::ApprovedRedaction;
use super::context::Context;
use super::ids::CaseId;
use super::tip::Category;
use crate::crypto::at_rest::DataKeys;

/// A case ready to store, its body (the approved redaction, nothing else) already
/// encrypted for rest. Fields are private and `from_approved` is the only maker, so a
/// case cannot be built from raw text (invariant 4).
pub struct NewCase {
    id: CaseId,
    agency_id: String,
    category: Category,
    received_on: String,
    sealed_body: Vec<u8>,
}

impl NewCase {
    pub fn from_approved(
        approved: &ApprovedRedaction,
        category: Category,
        received_on: &str,
        agency_id: &str,
        keys: &DataKeys,
    ) -> NewCase {
        let id = CaseId::new();
        NewCase {
            sealed_body: keys.encrypt_str(Context::CaseBody(&id), approved.text()),
            id,
            agency_id: agency_id.to_owned(),
            category,
            received_on: received_on.to_owned(),
        }
    }

    pub fn id(&self) -> &CaseId {
        &self.id
    }
    pub fn agency_id(&self) -> &str {
        &self.agency_id
    }
    pub fn category(&self) -> Category {
        self.category
    }
    pub fn received_on(&self) -> &str {
        &self.received_on
    }
    pub fn sealed_body(&self) -> &[u8] {
        &self.sealed_body
    }
}
