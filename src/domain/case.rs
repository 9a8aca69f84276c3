//! A case: what one agency receives for one forwarded tip (a report), or for one
//! approved reporter message that follows it (an update).

use super::approved::ApprovedRedaction;
use super::context::Context;
use super::ids::AttachmentId;
use super::ids::CaseId;
use super::origin::Channel;
use super::sealed_file::SealedFile;
use super::status::CaseKind;
use super::tip::Category;
use crate::crypto::at_rest::DataKeys;
use crate::crypto::sealing;

/// Where a case sits in its tip's story: the report itself (sequence 0), or the
/// `sequence`th approved reporter message, updating the same agency's report case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseOrigin {
    Report,
    Update { parent: CaseId, sequence: i64 },
}

/// A case ready to store, its body (the approved redaction, nothing else) already
/// encrypted for rest: under the data key, or sealed (HPKE) to the agency's own key
/// when it registered one, so that only the agency can read it. Fields are private and
/// the makers below take an [`ApprovedRedaction`], so a case cannot be built from raw
/// text (invariant 4), whether it carries the tip or a message.
pub struct NewCase {
    id: CaseId,
    agency_id: String,
    category: Category,
    received_on: String,
    origin: CaseOrigin,
    stored_body: Vec<u8>,
    /// The agency's key id when the body is sealed to the agency (HPKE) rather than
    /// encrypted under the data key.
    sealed_to: Option<String>,
    /// The agency's own public key, when it registered one: the files sent with the case
    /// are sealed to it as the body is.
    agency_key: Option<Vec<u8>>,
    /// How the tip arrived, for an agency whose routing entry asks (reports only).
    channel: Option<Channel>,
}

impl NewCase {
    /// The report case of a tip for one agency.
    pub fn from_approved(
        approved: &ApprovedRedaction,
        category: Category,
        received_on: &str,
        agency_id: &str,
        agency_key: Option<&[u8]>,
        keys: &DataKeys,
    ) -> NewCase {
        NewCase::made(
            approved,
            category,
            received_on,
            agency_id,
            CaseOrigin::Report,
            agency_key,
            keys,
        )
    }

    /// An update to `parent` (the agency's report case of the same tip): an approved
    /// reporter message, written on `written_on`, the tip's `sequence`th update.
    pub fn update_from_approved(
        approved: &ApprovedRedaction,
        parent: &NewCaseParent<'_>,
        sequence: i64,
        written_on: &str,
        keys: &DataKeys,
    ) -> NewCase {
        NewCase::made(
            approved,
            parent.category,
            written_on,
            parent.agency_id,
            CaseOrigin::Update {
                parent: parent.id.clone(),
                sequence,
            },
            parent.agency_key,
            keys,
        )
    }

    fn made(
        approved: &ApprovedRedaction,
        category: Category,
        received_on: &str,
        agency_id: &str,
        origin: CaseOrigin,
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
            agency_key: agency_key.map(<[u8]>::to_vec),
            channel: None,
            id,
            agency_id: agency_id.to_owned(),
            category,
            received_on: received_on.to_owned(),
            origin,
        }
    }

    /// The report, telling the agency how the tip arrived.
    pub fn with_channel(mut self, channel: Option<Channel>) -> NewCase {
        if self.kind() == CaseKind::Report {
            self.channel = channel;
        }
        self
    }

    pub fn channel(&self) -> Option<Channel> {
        self.channel
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
    /// A file sent with this case, sealed to its agency (a fresh content key each time);
    /// `None` when the agency has no key and gets the data key's copy, as its body.
    pub fn seal_file(&self, attachment: &AttachmentId) -> Option<SealedFile> {
        let key = self.agency_key.as_deref()?;
        Some(SealedFile::seal_to(key, &self.id, attachment))
    }
    /// Whether the files sent with this case are sealed to its agency (`seal_file`).
    pub fn seals_files(&self) -> bool {
        self.agency_key.is_some()
    }
    pub fn kind(&self) -> CaseKind {
        match self.origin {
            CaseOrigin::Report => CaseKind::Report,
            CaseOrigin::Update { .. } => CaseKind::Update,
        }
    }
    /// The report case an update follows; `None` for a report.
    pub fn parent(&self) -> Option<&CaseId> {
        match &self.origin {
            CaseOrigin::Report => None,
            CaseOrigin::Update { parent, .. } => Some(parent),
        }
    }
    /// 0 for the report, then 1, 2 ... for its updates, the same for every agency.
    pub fn sequence(&self) -> i64 {
        match self.origin {
            CaseOrigin::Report => 0,
            CaseOrigin::Update { sequence, .. } => sequence,
        }
    }
    /// What an update of this case needs to know about it, with the agency's key (to
    /// seal updates as the report was).
    pub fn as_parent<'a>(&'a self, agency_key: Option<&'a [u8]>) -> NewCaseParent<'a> {
        NewCaseParent {
            id: &self.id,
            agency_id: &self.agency_id,
            category: self.category,
            agency_key,
        }
    }
}

/// The report case an update follows: a stored one, or one made in the same decision.
#[derive(Debug, Clone, Copy)]
pub struct NewCaseParent<'a> {
    pub id: &'a CaseId,
    pub agency_id: &'a str,
    pub category: Category,
    /// The agency's HPKE key, when it registered one: its updates are sealed to it too.
    pub agency_key: Option<&'a [u8]>,
}
