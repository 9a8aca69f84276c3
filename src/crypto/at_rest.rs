//! Encryption at rest: AES-256-GCM (*ring*) under keys derived from the data keyring.
//! Each ciphertext names the key that made it, so keys can rotate; each is bound to
//! its place (`context`, e.g. `tip:ab12:draft`) so a ciphertext copied into another
//! row does not open there.
//!
//! Layout: `version (1) || key id (4) || nonce (12) || ciphertext || tag (16)`.

use super::{keyring_file, random_bytes};
use crate::domain::Context;
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use ring::hkdf::{Salt, HKDF_SHA256};
use ring::hmac;
use std::path::Path;

const VERSION: u8 = 1;
const KEY_ID_LEN: usize = 4;
const HEADER_LEN: usize = 1 + KEY_ID_LEN + NONCE_LEN;

struct DataKey {
    id: [u8; KEY_ID_LEN],
    aead: LessSafeKey,
    /// Keys the hashes of receipt codes and credentials, so a stolen database cannot
    /// be searched for a guessed code.
    lookup: hmac::Key,
}

/// The data keys: the first encrypts, all decrypt.
pub struct DataKeys {
    keys: Vec<DataKey>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecryptError {
    #[error("ciphertext is truncated or of an unknown version")]
    Malformed,
    #[error("ciphertext was made with a data key this service does not hold")]
    UnknownKey,
    #[error("ciphertext failed authentication (altered, or moved from another record)")]
    Unauthentic,
}

impl DataKeys {
    pub fn load_or_create(path: &Path) -> Result<(Self, bool), keyring_file::KeyFileError> {
        let (raw, created) =
            keyring_file::load_or_create(path, 32, || random_bytes::<32>().to_vec())?;
        Ok((Self::from_secrets(&raw), created))
    }

    pub fn from_secrets(secrets: &[Vec<u8>]) -> Self {
        assert!(!secrets.is_empty(), "a data keyring needs at least one key");
        let keys = secrets
            .iter()
            .map(|secret| {
                let prk = Salt::new(HKDF_SHA256, b"tipline data key v1").extract(secret);
                let aead: UnboundKey = prk
                    .expand(&[b"aead"], &AES_256_GCM)
                    .expect("HKDF output length is valid")
                    .into();
                let lookup: hmac::Key = prk
                    .expand(&[b"lookup"], hmac::HMAC_SHA256)
                    .expect("HKDF output length is valid")
                    .into();
                let digest = ring::digest::digest(&ring::digest::SHA256, secret);
                let mut id = [0u8; KEY_ID_LEN];
                id.copy_from_slice(&digest.as_ref()[..KEY_ID_LEN]);
                DataKey {
                    id,
                    aead: LessSafeKey::new(aead),
                    lookup,
                }
            })
            .collect();
        DataKeys { keys }
    }

    pub fn encrypt(&self, context: Context<'_>, plaintext: &[u8]) -> Vec<u8> {
        let context = context.to_string();
        let key = &self.keys[0];
        let nonce = random_bytes::<NONCE_LEN>();
        let mut out = Vec::with_capacity(HEADER_LEN + plaintext.len() + 16);
        out.push(VERSION);
        out.extend_from_slice(&key.id);
        out.extend_from_slice(&nonce);
        let mut body = plaintext.to_vec();
        key.aead
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(context.as_bytes()),
                &mut body,
            )
            .expect("AES-GCM sealing of a bounded buffer cannot fail");
        out.extend_from_slice(&body);
        out
    }

    pub fn decrypt(&self, context: Context<'_>, sealed: &[u8]) -> Result<Vec<u8>, DecryptError> {
        let context = context.to_string();
        if sealed.len() < HEADER_LEN + 16 || sealed[0] != VERSION {
            return Err(DecryptError::Malformed);
        }
        let key = self
            .keys
            .iter()
            .find(|k| k.id[..] == sealed[1..1 + KEY_ID_LEN])
            .ok_or(DecryptError::UnknownKey)?;
        let nonce = Nonce::try_assume_unique_for_key(&sealed[1 + KEY_ID_LEN..HEADER_LEN])
            .map_err(|_| DecryptError::Malformed)?;
        let mut body = sealed[HEADER_LEN..].to_vec();
        let plain = key
            .aead
            .open_in_place(nonce, Aad::from(context.as_bytes()), &mut body)
            .map_err(|_| DecryptError::Unauthentic)?;
        Ok(plain.to_vec())
    }

    /// The ciphertext under the current key, or `None` when it is under it already
    /// (checked by the key id alone, so current ciphertexts cost no decryption).
    pub fn reencrypt(
        &self,
        context: Context<'_>,
        sealed: &[u8],
    ) -> Result<Option<Vec<u8>>, DecryptError> {
        if sealed.get(1..1 + KEY_ID_LEN) == Some(&self.keys[0].id[..]) {
            return Ok(None);
        }
        let plain = self.decrypt(context, sealed)?;
        Ok(Some(self.encrypt(context, &plain)))
    }

    pub fn encrypt_str(&self, context: Context<'_>, text: &str) -> Vec<u8> {
        self.encrypt(context, text.as_bytes())
    }

    pub fn decrypt_string(
        &self,
        context: Context<'_>,
        sealed: &[u8],
    ) -> Result<String, DecryptError> {
        String::from_utf8(self.decrypt(context, sealed)?).map_err(|_| DecryptError::Unauthentic)
    }

    /// Keyed hashes of a secret under every data key, current first: store the first,
    /// look up by any (a rotation must not orphan receipts issued before it).
    pub fn lookup_hashes(&self, purpose: &str, secret: &str) -> Vec<String> {
        self.keys
            .iter()
            .map(|k| super::b64url(mac(&k.lookup, purpose, secret).as_ref()))
            .collect()
    }

    /// Bytes derived from `input` under the current key, for values that must come out
    /// the same each time the same input is given (an idempotent submission's receipt).
    pub fn derive(&self, purpose: &str, input: &str) -> [u8; 32] {
        let tag = mac(&self.keys[0].lookup, purpose, input);
        tag.as_ref().try_into().expect("HMAC-SHA256 is 32 bytes")
    }

    /// Bytes derived from `input` under every data key, current first: keys that every
    /// replica holding the same data key derives alike (the proof-of-work MAC key, the
    /// rate limiter's hourly key), read back under any key a rotation kept.
    pub fn derive_all(&self, purpose: &str, input: &str) -> Vec<[u8; 32]> {
        self.keys
            .iter()
            .map(|k| {
                mac(&k.lookup, purpose, input)
                    .as_ref()
                    .try_into()
                    .expect("HMAC-SHA256 is 32 bytes")
            })
            .collect()
    }

    pub fn lookup_hash(&self, purpose: &str, secret: &str) -> String {
        self.lookup_hashes(purpose, secret).swap_remove(0)
    }
}

fn mac(key: &hmac::Key, purpose: &str, secret: &str) -> hmac::Tag {
    let mut ctx = hmac::Context::with_key(key);
    ctx.update(purpose.as_bytes());
    ctx.update(&[0]);
    ctx.update(secret.as_bytes());
    ctx.sign()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::TipId;

    fn tip(n: u8) -> TipId {
        TipId::parse(&format!("{n:016x}")).unwrap()
    }

    #[test]
    fn round_trip_bound_to_context_and_rotatable() {
        let old = DataKeys::from_secrets(&[vec![1; 32]]);
        let sealed = old.encrypt(Context::Draft(&tip(1)), b"secret");
        assert_eq!(
            old.decrypt(Context::Draft(&tip(1)), &sealed).unwrap(),
            b"secret"
        );
        assert_eq!(
            old.decrypt(Context::Draft(&tip(2)), &sealed),
            Err(DecryptError::Unauthentic)
        );

        let rotated = DataKeys::from_secrets(&[vec![2; 32], vec![1; 32]]);
        assert_eq!(
            rotated.decrypt(Context::Draft(&tip(1)), &sealed).unwrap(),
            b"secret"
        );
        let fresh = rotated.encrypt(Context::TotpSecret(1), b"x");
        assert_eq!(
            old.decrypt(Context::TotpSecret(1), &fresh),
            Err(DecryptError::UnknownKey)
        );
        assert_eq!(
            old.decrypt(Context::TotpSecret(1), &fresh[..10]),
            Err(DecryptError::Malformed)
        );
    }

    #[test]
    fn ciphertext_does_not_contain_plaintext_and_nonces_differ() {
        let keys = DataKeys::from_secrets(&[vec![7; 32]]);
        let a = keys.encrypt(Context::TotpSecret(1), b"CANARY-CANARY-CANARY");
        let b = keys.encrypt(Context::TotpSecret(1), b"CANARY-CANARY-CANARY");
        assert_ne!(a, b);
        assert!(!a.windows(6).any(|w| w == b"CANARY"));
    }

    #[test]
    fn lookup_hashes_survive_rotation() {
        let old = DataKeys::from_secrets(&[vec![1; 32]]);
        let rotated = DataKeys::from_secrets(&[vec![2; 32], vec![1; 32]]);
        let stored = old.lookup_hash("receipt", "ABCD");
        assert!(rotated.lookup_hashes("receipt", "ABCD").contains(&stored));
        assert_ne!(
            old.lookup_hash("receipt", "ABCD"),
            old.lookup_hash("token", "ABCD")
        );
    }
}
