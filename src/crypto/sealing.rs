//! HPKE (RFC 9180) sealing of tips to the intake key: base mode,
//! DHKEM(P-256, HKDF-SHA256) / HKDF-SHA256 / AES-128-GCM, empty info and aad.
//! A reporter's browser or app may seal before sending; the server seals plain tips on
//! arrival, so a stored tip is readable only with the intake private key.

use super::{b64url, from_b64url, keyring_file, sha256_hex};
use hpke::aead::AesGcm128;
use hpke::kdf::HkdfSha256;
use hpke::kem::DhP256HkdfSha256;
use hpke::{Deserializable, Kem as _, OpModeR, OpModeS, Serializable};
use serde::{Deserialize, Serialize};
use std::path::Path;

type Kem = DhP256HkdfSha256;
type PrivateKey = <Kem as hpke::Kem>::PrivateKey;
type PublicKey = <Kem as hpke::Kem>::PublicKey;
type EncappedKey = <Kem as hpke::Kem>::EncappedKey;

/// The suite's name as published at `/api/v1/intake-key`.
pub const SUITE: &str = "DHKEM(P-256, HKDF-SHA256)/HKDF-SHA256/AES-128-GCM";

/// A sealed tip as sent by a client or stored: all fields base64url.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    pub key_id: String,
    pub enc: String,
    pub ct: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OpenError {
    #[error("unknown key_id: the tip was sealed to a key this service does not hold; fetch /api/v1/intake-key again")]
    UnknownKey,
    #[error("`enc` is not a valid base64url P-256 public key")]
    BadEncapsulation,
    #[error("`ct` is not valid base64url")]
    BadCiphertext,
    #[error("the envelope could not be opened: it was not sealed to this key, or it was altered")]
    Undecryptable,
}

struct IntakeKey {
    id: String,
    private: PrivateKey,
    public: PublicKey,
}

impl IntakeKey {
    fn from_private(private: PrivateKey) -> Self {
        let public = Kem::sk_to_pk(&private);
        IntakeKey {
            id: key_id(&public),
            private,
            public,
        }
    }
}

/// The key id is a short digest of the public key, so a client can tell when it changed.
fn key_id(public: &PublicKey) -> String {
    sha256_hex(&public.to_bytes())[..16].to_owned()
}

/// The intake key pairs: the first seals, all open (older ones stay for tips sealed
/// before a rotation).
pub struct IntakeKeys {
    keys: Vec<IntakeKey>,
}

#[derive(Debug, thiserror::Error)]
pub enum IntakeKeyError {
    #[error(transparent)]
    File(#[from] keyring_file::KeyFileError),
    #[error("intake key file {0}: a key is not a valid P-256 private key")]
    Invalid(String),
}

pub fn generate_private_key() -> Vec<u8> {
    let (private, _) = Kem::gen_keypair(&mut rand_core::OsRng);
    private.to_bytes().to_vec()
}

impl IntakeKeys {
    /// Loads the key file, creating it with a fresh key pair when absent.
    /// Returns the keys and whether the file was created.
    pub fn load_or_create(path: &Path) -> Result<(Self, bool), IntakeKeyError> {
        let (raw, created) = keyring_file::load_or_create(path, 32, generate_private_key)?;
        Ok((
            Self::from_private_keys(&raw, &path.display().to_string())?,
            created,
        ))
    }

    pub fn from_private_keys(raw: &[Vec<u8>], origin: &str) -> Result<Self, IntakeKeyError> {
        let keys = raw
            .iter()
            .map(|bytes| {
                PrivateKey::from_bytes(bytes)
                    .map(IntakeKey::from_private)
                    .map_err(|_| IntakeKeyError::Invalid(origin.to_owned()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() {
            return Err(IntakeKeyError::Invalid(origin.to_owned()));
        }
        Ok(IntakeKeys { keys })
    }

    pub fn current_id(&self) -> &str {
        &self.keys[0].id
    }

    /// Whether an envelope naming `key_id` could be opened here (the current key, a
    /// staged one, or an older one still held).
    pub fn holds(&self, key_id: &str) -> bool {
        self.keys.iter().any(|k| k.id == key_id)
    }

    /// The current public key, uncompressed SEC1, base64url.
    pub fn current_public_key(&self) -> String {
        b64url(&self.keys[0].public.to_bytes())
    }

    pub fn seal(&self, plaintext: &[u8]) -> Envelope {
        seal_to(&self.keys[0].public, &self.keys[0].id, plaintext)
    }

    /// Seals to the current key with `place` as the associated data, so the envelope
    /// opens only as what it was sealed for (an attachment's content key).
    pub fn seal_bound(&self, place: &dyn std::fmt::Display, plaintext: &[u8]) -> Envelope {
        let key = &self.keys[0];
        let (enc, ct) = hpke::single_shot_seal::<AesGcm128, HkdfSha256, Kem, _>(
            &OpModeS::Base,
            &key.public,
            b"",
            plaintext,
            place.to_string().as_bytes(),
            &mut rand_core::OsRng,
        )
        .expect("HPKE sealing to a valid public key cannot fail");
        Envelope {
            key_id: key.id.clone(),
            enc: b64url(&enc.to_bytes()),
            ct: b64url(&ct),
        }
    }

    pub fn open(&self, envelope: &Envelope) -> Result<Vec<u8>, OpenError> {
        self.open_bound(&"", envelope)
    }

    /// Opens what `seal_bound` sealed for `place` (or, with an empty place, a tip).
    pub fn open_bound(
        &self,
        place: &dyn std::fmt::Display,
        envelope: &Envelope,
    ) -> Result<Vec<u8>, OpenError> {
        let key = self
            .keys
            .iter()
            .find(|k| k.id == envelope.key_id)
            .ok_or(OpenError::UnknownKey)?;
        let enc = from_b64url(&envelope.enc)
            .ok()
            .and_then(|bytes| EncappedKey::from_bytes(&bytes).ok())
            .ok_or(OpenError::BadEncapsulation)?;
        let ct = from_b64url(&envelope.ct).map_err(|_| OpenError::BadCiphertext)?;
        open_with(&key.private, &enc, b"", &ct, place.to_string().as_bytes())
    }
}

/// Seals a case body to an agency's public key (uncompressed SEC1), bound to its place
/// (`case:<id>:body`) as the associated data, so it opens only as that case's body.
/// `None` for a key that is not one.
pub fn seal_case(
    public_key: &[u8],
    place: &dyn std::fmt::Display,
    plaintext: &str,
) -> Option<Envelope> {
    seal_bound_to_public_key(public_key, place, plaintext.as_bytes())
}

/// Seals to a public key (uncompressed SEC1) bound to `place`: what a browser does with
/// a file's content key (`attachment:<id>:key`) and the service with a case for an
/// agency. `None` for a key that is not one.
pub fn seal_bound_to_public_key(
    public_key: &[u8],
    place: &dyn std::fmt::Display,
    plaintext: &[u8],
) -> Option<Envelope> {
    let public = PublicKey::from_bytes(public_key).ok()?;
    let (enc, ct) = hpke::single_shot_seal::<AesGcm128, HkdfSha256, Kem, _>(
        &OpModeS::Base,
        &public,
        b"",
        plaintext,
        place.to_string().as_bytes(),
        &mut rand_core::OsRng,
    )
    .expect("HPKE sealing to a valid public key cannot fail");
    Some(Envelope {
        key_id: key_id(&public),
        enc: b64url(&enc.to_bytes()),
        ct: b64url(&ct),
    })
}

/// Opens a case body sealed by `seal_case` with the agency's private key (what an
/// agency does, `tipline open-case`).
pub fn open_case(
    private_key: &[u8],
    place: &dyn std::fmt::Display,
    envelope: &Envelope,
) -> Result<String, OpenError> {
    let plain = open_with_private_key(private_key, place, envelope)?;
    String::from_utf8(plain).map_err(|_| OpenError::Undecryptable)
}

/// Opens what `seal_bound_to_public_key` sealed for `place`, with the private key (an
/// agency's: a case body, or the content key of a file sealed to it).
pub fn open_with_private_key(
    private_key: &[u8],
    place: &dyn std::fmt::Display,
    envelope: &Envelope,
) -> Result<Vec<u8>, OpenError> {
    let private = PrivateKey::from_bytes(private_key).map_err(|_| OpenError::UnknownKey)?;
    if key_id(&Kem::sk_to_pk(&private)) != envelope.key_id {
        return Err(OpenError::UnknownKey);
    }
    let enc = from_b64url(&envelope.enc)
        .ok()
        .and_then(|bytes| EncappedKey::from_bytes(&bytes).ok())
        .ok_or(OpenError::BadEncapsulation)?;
    let ct = from_b64url(&envelope.ct).map_err(|_| OpenError::BadCiphertext)?;
    open_with(&private, &enc, b"", &ct, place.to_string().as_bytes())
}

/// The public key (uncompressed SEC1) of a private key, for an agency making its pair.
pub fn public_key_of(private_key: &[u8]) -> Option<Vec<u8>> {
    let private = PrivateKey::from_bytes(private_key).ok()?;
    Some(Kem::sk_to_pk(&private).to_bytes().to_vec())
}

/// Whether `bytes` is a P-256 public key this suite can seal to.
pub fn is_public_key(bytes: &[u8]) -> bool {
    PublicKey::from_bytes(bytes).is_ok()
}

/// Seals to a public key given as uncompressed SEC1 bytes: what a client does.
pub fn seal_to_public_key(public_key: &[u8], key_id: &str, plaintext: &[u8]) -> Option<Envelope> {
    let public = PublicKey::from_bytes(public_key).ok()?;
    Some(seal_to(&public, key_id, plaintext))
}

fn seal_to(public: &PublicKey, key_id: &str, plaintext: &[u8]) -> Envelope {
    let (enc, ct) = hpke::single_shot_seal::<AesGcm128, HkdfSha256, Kem, _>(
        &OpModeS::Base,
        public,
        b"",
        plaintext,
        b"",
        &mut rand_core::OsRng,
    )
    .expect("HPKE sealing to a valid public key cannot fail");
    Envelope {
        key_id: key_id.to_owned(),
        enc: b64url(&enc.to_bytes()),
        ct: b64url(&ct),
    }
}

fn open_with(
    private: &PrivateKey,
    enc: &EncappedKey,
    info: &[u8],
    ct: &[u8],
    aad: &[u8],
) -> Result<Vec<u8>, OpenError> {
    hpke::single_shot_open::<AesGcm128, HkdfSha256, Kem>(
        &OpModeR::Base,
        private,
        enc,
        info,
        ct,
        aad,
    )
    .map_err(|_| OpenError::Undecryptable)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    /// RFC 9180 appendix A.3.1: DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-128-GCM,
    /// base mode, first encryption.
    #[test]
    fn rfc9180_test_vector_opens() {
        let ikm_r = hex("668b37171f1072f3cf12ea8a236a45df23fc13b82af3609ad1e354f6ef817550");
        let (sk_r, pk_r) = Kem::derive_keypair(&ikm_r);
        assert_eq!(
            sk_r.to_bytes().to_vec(),
            hex("f3ce7fdae57e1a310d87f1ebbde6f328be0a99cdbcadf4d6589cf29de4b8ffd2")
        );
        assert_eq!(
            pk_r.to_bytes().to_vec(),
            hex("04fe8c19ce0905191ebc298a9245792531f26f0cece2460639e8bc39cb7f706a826a779b4cf969b8a0e539c7f62fb3d30ad6aa8f80e30f1d128aafd68a2ce72ea0")
        );
        let enc = EncappedKey::from_bytes(&hex("04a92719c6195d5085104f469a8b9814d5838ff72b60501e2c4466e5e67b325ac98536d7b61a1af4b78e5b7f951c0900be863c403ce65c9bfcb9382657222d18c4")).unwrap();
        let info = hex("4f6465206f6e2061204772656369616e2055726e");
        let aad = hex("436f756e742d30");
        let ct = hex("5ad590bb8baa577f8619db35a36311226a896e7342a6d836d8b7bcd2f20b6c7f9076ac232e3ab2523f39513434");
        let pt = open_with(&sk_r, &enc, &info, &ct, &aad).unwrap();
        assert_eq!(
            pt,
            hex("4265617574792069732074727574682c20747275746820626561757479")
        );
    }

    fn keys() -> IntakeKeys {
        IntakeKeys::from_private_keys(&[generate_private_key(), generate_private_key()], "test")
            .unwrap()
    }

    #[test]
    fn seals_and_opens_with_current_and_older_keys() {
        let ks = keys();
        let env = ks.seal(b"hello");
        assert_eq!(env.key_id, ks.current_id());
        assert_eq!(ks.open(&env).unwrap(), b"hello");

        let older =
            IntakeKeys::from_private_keys(&[ks.keys[1].private.to_bytes().to_vec()], "t").unwrap();
        let env = older.seal(b"before rotation");
        assert_eq!(ks.open(&env).unwrap(), b"before rotation");
    }

    #[test]
    fn client_sealing_to_the_published_key_opens() {
        let ks = keys();
        let public = from_b64url(&ks.current_public_key()).unwrap();
        let env = seal_to_public_key(&public, ks.current_id(), b"from a browser").unwrap();
        assert_eq!(ks.open(&env).unwrap(), b"from a browser");
    }

    #[test]
    fn bad_envelopes_say_what_is_wrong() {
        let ks = keys();
        let good = ks.seal(b"x");
        let with = |f: fn(&mut Envelope)| {
            let mut e = good.clone();
            f(&mut e);
            ks.open(&e).unwrap_err()
        };
        assert_eq!(with(|e| e.key_id = "nope".into()), OpenError::UnknownKey);
        assert_eq!(with(|e| e.enc = "!!".into()), OpenError::BadEncapsulation);
        assert_eq!(with(|e| e.ct = "%%".into()), OpenError::BadCiphertext);
        assert_eq!(
            with(|e| e.ct = b64url(b"0123456789abcdef0123")),
            OpenError::Undecryptable
        );
    }
}
