//! Handler passwords: argon2id with the crate's default (OWASP) parameters.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::LazyLock;

/// Verified against when a username is unknown, so the answer takes as long as for a
/// known one and timing does not reveal which usernames exist.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| hash("not a real password"));

pub fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hashing with default parameters cannot fail")
        .to_string()
}

/// Checks `password` against a stored hash, or against a dummy when there is none.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    let (phc, real) = match stored {
        Some(h) => (h, true),
        None => (DUMMY_HASH.as_str(), false),
    };
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok()
        && real
}

/// A random password for `tipline handler add` when none is given: 24 characters
/// from a 32-letter alphabet without look-alikes (120 bits; 32 divides 256, no bias).
pub fn generate() -> String {
    const ALPHABET: &[u8; 32] = b"abcdefghjkmnpqrstuvwxyz23456789A";
    super::random_bytes::<24>()
        .iter()
        .map(|b| ALPHABET[*b as usize % 32] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_and_verify() {
        let h = hash("correct horse");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse", Some(&h)));
        assert!(!verify("wrong", Some(&h)));
        assert!(!verify("not a real password", None));
    }
}
