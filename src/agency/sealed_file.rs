//! The agency's side of a file sealed to it (what `tipline open-attachment` runs): the
//! content key listed on the case (`attachments[].sealed`), opened with the agency's
//! private key for the file's place, `case:<case id>:attachment:<id>`, taken from the
//! case's id and the file's, never from the listing's `aad`; then the fetched chunks
//! opened in order, a chunk at a time, and the file checked against the SHA-256 the
//! case lists (and signs).

use crate::crypto::sealing::{self, Envelope};
use crate::crypto::stream::{ContentKey, OpenStreamError};
use crate::domain::{AttachmentId, CaseId, Context};
use serde_json::Value;
use std::io::{Read, Write};

#[derive(Debug, thiserror::Error)]
pub enum OpenFileError {
    #[error("the case has no valid `id`")]
    NoCase,
    #[error("the case lists no file {0}")]
    NotListed(String),
    #[error("file {0} is not sealed to an agency key: it was fetched as it is")]
    NotSealed(String),
    #[error(
        "the file's content key does not open with the given key: sealed to key {0}, or altered"
    )]
    WrongKey(String),
    #[error("the file does not open: it was altered, cut short, or is another file")]
    Unauthentic,
    #[error("the opened file's SHA-256 is not the one its case lists")]
    WrongDigest,
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Opens file `id` of `case`, sealed, from `sealed` into `out` with one of the agency's
/// private keys; the number of bytes written. On an error, what was written to `out` is
/// no file of the case.
pub fn open(
    case: &Value,
    id: &str,
    private_keys: &[Vec<u8>],
    sealed: impl Read,
    mut out: impl Write,
) -> Result<u64, OpenFileError> {
    let case_id = case["id"]
        .as_str()
        .and_then(CaseId::parse)
        .ok_or(OpenFileError::NoCase)?;
    let listed = case["attachments"]
        .as_array()
        .and_then(|files| files.iter().find(|f| f["id"] == id))
        .ok_or_else(|| OpenFileError::NotListed(id.to_owned()))?;
    let attachment = AttachmentId::parse(id).ok_or_else(|| OpenFileError::NotListed(id.into()))?;
    let envelope: Envelope = listed
        .get("sealed")
        .and_then(|s| {
            Some(Envelope {
                key_id: s["key_id"].as_str()?.to_owned(),
                enc: s["enc"].as_str()?.to_owned(),
                ct: s["ct"].as_str()?.to_owned(),
            })
        })
        .ok_or_else(|| OpenFileError::NotSealed(id.to_owned()))?;
    let place = Context::CaseAttachment(&case_id, &attachment).to_string();
    let content = private_keys
        .iter()
        .find_map(|k| sealing::open_with_private_key(k, &place, &envelope).ok())
        .and_then(|raw| ContentKey::from_bytes(&raw).ok())
        .ok_or_else(|| OpenFileError::WrongKey(envelope.key_id.clone()))?;
    let mut digest = ring::digest::Context::new(&ring::digest::SHA256);
    let mut written = 0u64;
    content
        .open_chunks(&place, sealed, |chunk| {
            digest.update(chunk);
            written += chunk.len() as u64;
            out.write_all(chunk)
        })
        .map_err(|e| match e {
            OpenStreamError::Unauthentic(_) => OpenFileError::Unauthentic,
            OpenStreamError::Io(e) => OpenFileError::Io(e),
        })?;
    out.flush()?;
    let hex: String = digest
        .finish()
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    if listed["sha256"].as_str() != Some(hex.as_str()) {
        return Err(OpenFileError::WrongDigest);
    }
    Ok(written)
}
