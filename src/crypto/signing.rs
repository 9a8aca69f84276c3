//! The service's Ed25519 signing keys (*ring*), which sign every case as delivered so
//! an agency can prove a case came from the tip line unaltered. The key file holds
//! 32-byte seeds, one per line, the first the current key (`keyring_file`); older keys
//! stay published so that cases signed before a rotation still verify.
//!
//! What is signed: the RFC 8785 (JCS) canonical JSON of the case object as delivered
//! without its delivery members (`lease`, `lease_expires_at`, `deliveries`) and without
//! `signature` itself. Every other member is signed, including any added later.

use super::{b64url, keyring_file, random_bytes, sha256_hex};
use ring::signature::{Ed25519KeyPair, KeyPair, UnparsedPublicKey, ED25519};
use serde::Serialize;
use std::path::Path;

/// Members of a delivered case that say how it was delivered, not what it is: they
/// change from one lease to the next and are not signed.
pub const UNSIGNED_MEMBERS: &[&str] = &["lease", "lease_expires_at", "deliveries", "signature"];

pub const ALGORITHM: &str = "Ed25519";

/// The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32-byte
/// key: what `openssl` and most libraries read as a public key.
const SPKI_PREFIX: [u8; 12] = [
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];

struct SigningKey {
    id: String,
    pair: Ed25519KeyPair,
}

pub struct SigningKeys {
    keys: Vec<SigningKey>,
}

/// A published key: what `GET /api/v1/agency/signing-key` lists.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct PublicKeyInfo {
    pub key_id: String,
    pub alg: String,
    /// The raw 32-byte public key, base64url.
    pub public_key: String,
    /// The same key as a PEM SubjectPublicKeyInfo, for openssl.
    pub public_key_pem: String,
}

/// A signature as a delivered case carries it.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct Signature {
    pub alg: String,
    pub key_id: String,
    /// base64url, no padding.
    pub value: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SigningKeyError {
    #[error(transparent)]
    File(#[from] keyring_file::KeyFileError),
    #[error("signing key file {0}: a line is not a valid Ed25519 seed")]
    Invalid(String),
}

/// A key id is a short digest of the public key.
pub fn key_id(public: &[u8]) -> String {
    sha256_hex(public)[..16].to_owned()
}

pub fn generate_seed() -> Vec<u8> {
    random_bytes::<32>().to_vec()
}

impl SigningKeys {
    /// Loads the key file, creating it (mode 0600) with a fresh key when absent.
    pub fn load_or_create(path: &Path) -> Result<(Self, bool), SigningKeyError> {
        let (seeds, created) = keyring_file::load_or_create(path, 32, generate_seed)?;
        Ok((
            Self::from_seeds(&seeds, &path.display().to_string())?,
            created,
        ))
    }

    pub fn from_seeds(seeds: &[Vec<u8>], origin: &str) -> Result<Self, SigningKeyError> {
        let keys = seeds
            .iter()
            .map(|seed| {
                let pair = Ed25519KeyPair::from_seed_unchecked(seed)
                    .map_err(|_| SigningKeyError::Invalid(origin.to_owned()))?;
                Ok(SigningKey {
                    id: key_id(pair.public_key().as_ref()),
                    pair,
                })
            })
            .collect::<Result<Vec<_>, SigningKeyError>>()?;
        if keys.is_empty() {
            return Err(SigningKeyError::Invalid(origin.to_owned()));
        }
        Ok(SigningKeys { keys })
    }

    pub fn current_id(&self) -> &str {
        &self.keys[0].id
    }

    /// Every key, the current one first.
    pub fn public_keys(&self) -> Vec<PublicKeyInfo> {
        self.keys
            .iter()
            .map(|k| public_key_info(k.pair.public_key().as_ref()))
            .collect()
    }

    /// Signs `message` with the current key.
    pub fn sign(&self, message: &[u8]) -> Signature {
        let key = &self.keys[0];
        Signature {
            alg: ALGORITHM.to_owned(),
            key_id: key.id.clone(),
            value: b64url(key.pair.sign(message).as_ref()),
        }
    }
}

pub fn public_key_info(public: &[u8]) -> PublicKeyInfo {
    let mut spki = SPKI_PREFIX.to_vec();
    spki.extend_from_slice(public);
    PublicKeyInfo {
        key_id: key_id(public),
        alg: ALGORITHM.to_owned(),
        public_key: b64url(public),
        public_key_pem: pem_encode("PUBLIC KEY", &spki),
    }
}

fn pem_encode(label: &str, der: &[u8]) -> String {
    use base64::Engine as _;
    let body = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in body.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).expect("base64 is ASCII"));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// Verifies an Ed25519 signature by a raw 32-byte public key.
pub fn verify(public: &[u8], message: &[u8], signature: &[u8]) -> bool {
    UnparsedPublicKey::new(&ED25519, public)
        .verify(message, signature)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_verifies_and_rotates() {
        let old = generate_seed();
        let keys = SigningKeys::from_seeds(&[generate_seed(), old.clone()], "t").unwrap();
        let signature = keys.sign(b"case");
        assert_eq!(signature.key_id, keys.current_id());
        let published = keys.public_keys();
        assert_eq!(published.len(), 2);
        let public = super::super::from_b64url(&published[0].public_key).unwrap();
        let value = super::super::from_b64url(&signature.value).unwrap();
        assert!(verify(&public, b"case", &value));
        assert!(!verify(&public, b"case!", &value));
        let older = SigningKeys::from_seeds(&[old], "t").unwrap();
        assert_eq!(older.current_id(), published[1].key_id);
        assert!(published[0]
            .public_key_pem
            .starts_with("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA"));
    }
}
