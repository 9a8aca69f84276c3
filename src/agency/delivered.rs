//! A case as an agency receives it, signed: the case's own members (id, agency, kind,
//! `updates` for an update, sequence, category, received_on, `channel` for an agency
//! whose routing entry asks for it, `attachments` (the stripped files forwarded with a
//! report: id, type, size, SHA-256, where to fetch it, and `sealed` for one sealed to the
//! agency), and `body`, or `sealed` when the body is sealed to the agency), the
//! delivery's members (`lease`, `lease_expires_at`, `deliveries`), and
//! `signature`: Ed25519 by the service's key over the RFC 8785 (JCS) canonical JSON of
//! the case without the delivery's members and the signature. Verifying is the reverse
//! (`verify`, `tipline verify-case`, or any JCS and Ed25519 implementation).

use crate::crypto::from_b64url;
use crate::crypto::sealing::Envelope;
use crate::crypto::signing::{self, PublicKeyInfo, SigningKeys, UNSIGNED_MEMBERS};
use crate::crypto::stream::CHUNK_BYTES;
use crate::domain::Context;
use crate::store::attachments::ForwardedAttachment;
use crate::store::cases::LeasedCase;
use serde_json::{Map, Value};

/// The body as delivered: the approved text, or the envelope sealed to the agency.
pub enum Body {
    Text(String),
    Sealed(Envelope),
}

/// The case's JSON, signed; `lease` only in the answer to the lease that took it.
pub fn delivered(
    case: &LeasedCase,
    body: Body,
    attachments: &[ForwardedAttachment],
    lease: Option<&str>,
    keys: &SigningKeys,
) -> Value {
    let mut object = Map::new();
    object.insert("id".into(), case.id.as_str().into());
    object.insert("agency".into(), case.agency_id.as_str().into());
    object.insert("kind".into(), case.kind.as_str().into());
    if let Some(parent) = &case.parent {
        object.insert("updates".into(), parent.as_str().into());
    }
    object.insert("sequence".into(), case.sequence.into());
    object.insert("category".into(), case.category.as_str().into());
    object.insert("received_on".into(), case.received_on.as_str().into());
    if let Some(channel) = case.channel {
        object.insert("channel".into(), channel.as_str().into());
    }
    match body {
        Body::Text(text) => object.insert("body".into(), text.into()),
        Body::Sealed(envelope) => object.insert(
            "sealed".into(),
            serde_json::json!({
                "suite": crate::crypto::sealing::SUITE,
                "key_id": envelope.key_id,
                "enc": envelope.enc,
                "ct": envelope.ct,
                "aad": format!("case:{}:body", case.id),
            }),
        ),
    };
    if !attachments.is_empty() {
        // Each file's SHA-256 is signed with the case, so the signature covers the files.
        let files: Vec<Value> = attachments
            .iter()
            .map(|a| {
                let mut file = serde_json::json!({
                    "id": a.id.as_str(),
                    "media_type": a.kind.media_type(),
                    "size": a.size,
                    "sha256": a.sha256,
                    "url": format!("/api/v1/agency/attachments/{}", a.id),
                });
                // A file sealed to the agency: the content key its chunks open with, sealed
                // to the agency's key; signed with the case, so it cannot be swapped.
                if let Some(envelope) = &a.sealed_key {
                    file["sealed"] = serde_json::json!({
                        "suite": crate::crypto::sealing::SUITE,
                        "key_id": envelope.key_id,
                        "enc": envelope.enc,
                        "ct": envelope.ct,
                        "aad": Context::CaseAttachment(&case.id, &a.id).to_string(),
                        "chunk_bytes": CHUNK_BYTES,
                    });
                }
                // A page drawn from a PDF says which, so the pages can be put together.
                if let Some((document, page)) = &a.page_of {
                    file["document"] = document.as_str().into();
                    file["page"] = (*page).into();
                }
                file
            })
            .collect();
        object.insert("attachments".into(), files.into());
    }
    let signature = keys.sign(&canonical(&object));
    if let Some(lease) = lease {
        object.insert("lease".into(), lease.into());
    }
    object.insert(
        "lease_expires_at".into(),
        super::api::rfc3339(case.lease_expires_at).into(),
    );
    object.insert("deliveries".into(), case.deliveries.into());
    object.insert(
        "signature".into(),
        serde_json::to_value(signature).expect("a signature serialises"),
    );
    Value::Object(object)
}

/// RFC 8785 canonical JSON of an object.
fn canonical(object: &Map<String, Value>) -> Vec<u8> {
    serde_jcs::to_vec(object).expect("JSON values always canonicalise")
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum VerifyError {
    #[error("not a case: expected a JSON object with a `signature`")]
    NotACase,
    #[error("the signature is malformed: {0}")]
    Malformed(&'static str),
    #[error("signed by key {0}, which is not among the published keys")]
    UnknownKey(String),
    #[error("the signature does not verify: the case was altered, or not signed by this key")]
    Invalid,
}

/// Checks a delivered case's signature against published keys; the key id that
/// signed it.
pub fn verify(case: &Value, keys: &[PublicKeyInfo]) -> Result<String, VerifyError> {
    let object = case.as_object().ok_or(VerifyError::NotACase)?;
    let signature = object.get("signature").ok_or(VerifyError::NotACase)?;
    let signature: signing::Signature = serde_json::from_value(signature.clone())
        .map_err(|_| VerifyError::Malformed("expected {alg, key_id, value}"))?;
    if signature.alg != signing::ALGORITHM {
        return Err(VerifyError::Malformed("alg is not Ed25519"));
    }
    let value = from_b64url(&signature.value)
        .map_err(|_| VerifyError::Malformed("value is not base64url"))?;
    let key = keys
        .iter()
        .find(|k| k.key_id == signature.key_id)
        .ok_or_else(|| VerifyError::UnknownKey(signature.key_id.clone()))?;
    let public =
        from_b64url(&key.public_key).map_err(|_| VerifyError::Malformed("bad public key"))?;
    let mut signed = object.clone();
    for member in UNSIGNED_MEMBERS {
        signed.remove(*member);
    }
    if signing::verify(&public, &canonical(&signed), &value) {
        Ok(signature.key_id)
    } else {
        Err(VerifyError::Invalid)
    }
}
