//! Cryptography: HPKE sealing of tips, AEAD at rest, receipt codes, secrets and passwords.
//! Everything here uses vetted implementations (*ring*, `hpke`, `argon2`); the code only
//! composes them.

pub mod at_rest;
pub mod keyring_file;
pub mod keys;
pub mod password;
pub mod receipt;
pub mod sealing;
pub mod signing;
pub mod stream;
pub mod token;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

pub fn b64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn from_b64url(text: &str) -> Result<Vec<u8>, base64::DecodeError> {
    URL_SAFE_NO_PAD.decode(text.trim_end_matches('='))
}

/// Fills a buffer from the operating system's CSPRNG.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    use ring::rand::SecureRandom;
    let mut out = [0u8; N];
    ring::rand::SystemRandom::new()
        .fill(&mut out)
        .expect("the operating system's random number generator failed");
    out
}

/// Lowercase hex of a SHA-256 digest.
pub fn sha256_hex(data: &[u8]) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, data);
    digest.as_ref().iter().map(|b| format!("{b:02x}")).collect()
}
