//! A case: what one agency receives for one forwarded tip.

use super::approved::ApprovedRedaction;
use super::context::Context;
use super::ids::CaseId;
use super::tip::Category;
use crate::crypto::at_rest::DataKeys;
use crate::crypto::sealing;

/// A case ready to store, its body (the approved redaction, nothing else) already
/// encrypted for rest: under the data key, or sealed (HPKE) to the agency's own key
/// when it registered one, so that only the agency can read it. Fields are private and `from_approved` is the only maker, so a
/// case cannot be built from raw text (invariant 4).
pub struct NewCase {
    id: CaseId,
    agency_id: String,
    category: Category,
    received_on: String,
    stored_body: Vec<u8>,
    /// The agency's key id when the body is sealed to the agency (HPKE) rather than
    /// encrypted under the data key.
    sealed_to: Option<String>,
}

impl NewCase {
    pub fn from_approved(
        approved: &ApprovedRedaction,
        category: Category,
        received_on: &str,
        agency_id: &str,
        agency_key: Option<&[u8]>,
        keys: &DataKeys,
    ) -> NewCase {
        let id = CaseId::new();
        let (stored_body, sealed_to) = match agency_key {
            Some(public) => {
                let envelope = sealing::seal_case(public, &Context::CaseBody(&id), approved.text())
                    .expect("routing.toml's agency keys are checked at start");
                let key_id = envelope.key_id.clone();
                (
                    serde_json::to_vec(&envelope).expect("an envelope serialises"),
                    Some(key_id),
                )
            }
            None => (
                keys.encrypt_str(Context::CaseBody(&id), approved.text()),
                None,
            ),
        };
        NewCase {
            stored_body,
            sealed_to,
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
    /// What the store keeps: ciphertext either way.
    pub fn stored_body(&self) -> &[u8] {
        &self.stored_body
    }
    pub fn sealed_to(&self) -> Option<&str> {
        self.sealed_to.as_deref()
    }
}
