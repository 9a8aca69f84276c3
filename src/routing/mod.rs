//! Routing: which agencies a tip is suggested for, and the cases made for them.
//! A case can be built only from an `ApprovedRedaction`, which only a handler's
//! decision produces (invariant 4).

use crate::crypto::at_rest::DataKeys;
use crate::review::ApprovedRedaction;
use crate::store::agencies::Agency;
use crate::tip::Category;

/// Agencies whose remit covers the category, for the handler to confirm.
pub fn suggest(category: Category, agencies: &[Agency]) -> Vec<String> {
    agencies
        .iter()
        .filter(|a| a.categories.iter().any(|c| c == category.as_str()))
        .map(|a| a.id.clone())
        .collect()
}

/// The text an agency receives: the approved redaction, nothing else.
pub struct CaseBody(String);

impl CaseBody {
    pub fn from_approved(approved: &ApprovedRedaction) -> CaseBody {
        CaseBody(approved.text().to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A case ready to store: its body already encrypted for rest. Fields are private so
/// that `route` is the only way to make one.
pub struct NewCase {
    id: String,
    agency_id: String,
    category: &'static str,
    received_on: String,
    sealed_body: Vec<u8>,
}

impl NewCase {
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn agency_id(&self) -> &str {
        &self.agency_id
    }
    pub fn category(&self) -> &'static str {
        self.category
    }
    pub fn received_on(&self) -> &str {
        &self.received_on
    }
    pub fn sealed_body(&self) -> &[u8] {
        &self.sealed_body
    }
}

/// The encryption context of a case body: a body moved to another case does not open.
pub fn case_context(case_id: &str) -> String {
    format!("case:{case_id}:body")
}

/// One case per agency, each carrying the approved text.
pub fn route(
    approved: &ApprovedRedaction,
    category: Category,
    received_on: &str,
    agency_ids: &[String],
    keys: &DataKeys,
) -> Vec<NewCase> {
    let body = CaseBody::from_approved(approved);
    agency_ids
        .iter()
        .map(|agency_id| {
            let id = crate::store::new_id();
            NewCase {
                sealed_body: keys.encrypt_str(&case_context(&id), body.as_str()),
                id,
                agency_id: agency_id.clone(),
                category: category.as_str(),
                received_on: received_on.to_owned(),
            }
        })
        .collect()
}
