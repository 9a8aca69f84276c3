//! A forwarded file sealed to the agency of the case it goes with (invariant 16): a fresh
//! content key sealed with HPKE to the agency's key, and the file in the STREAM chunks of
//! `crypto::stream` under that key, both bound to `case:<case id>:attachment:<id>`. Made
//! only by `NewCase::seal_file`, for a case whose agency registered a key; only the
//! agency's private key opens it (`tipline open-attachment`).

use super::context::Context;
use super::ids::{AttachmentId, CaseId};
use crate::crypto::sealing;
use crate::crypto::stream::ContentKey;

pub struct SealedFile {
    place: String,
    content: ContentKey,
    /// The content key's HPKE envelope, as JSON.
    sealed_key: Vec<u8>,
}

impl SealedFile {
    pub(super) fn seal_to(agency_key: &[u8], case: &CaseId, attachment: &AttachmentId) -> Self {
        let place = Context::CaseAttachment(case, attachment).to_string();
        let content = ContentKey::generate();
        let envelope = sealing::seal_bound_to_public_key(agency_key, &place, content.as_bytes())
            .expect("routing.toml's agency keys are checked at start");
        SealedFile {
            place,
            content,
            sealed_key: serde_json::to_vec(&envelope).expect("an envelope serialises"),
        }
    }

    /// The content key sealed to the agency (the envelope's JSON), for the store.
    pub fn sealed_key(&self) -> &[u8] {
        &self.sealed_key
    }

    /// Chunk number `n` of the file sealed under the content key (`last`: the file's
    /// final chunk), so a file is sealed as it is read, a chunk at a time.
    pub fn seal_chunk(&self, n: u64, last: bool, plaintext: &[u8]) -> Vec<u8> {
        self.content.seal_chunk(&self.place, n, last, plaintext)
    }
}
