//! Handler passwords: argon2id with the crate's default (OWASP) parameters.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// Verified against when a username is unknown, so that the answer costs the same argon2
/// work as for a known one and timing does not tell which usernames exist. Fixed (made
/// once with `hash`, the parameters every stored hash has), so even the first unknown
/// name costs no extra hashing; a test checks its parameters are still `hash`'s.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$9A7SIxQ99GgaLd2c0WCR8w$+yAIFXMz//j6TXdzo18Uw6JtV6htyn1LYA4MX1vzTgQ";

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
        None => (DUMMY_HASH, false),
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

    #[test]
    fn the_dummy_hash_costs_what_a_real_one_does() {
        let dummy = PasswordHash::new(DUMMY_HASH).unwrap();
        let real = hash("whatever");
        let real = PasswordHash::new(&real).unwrap();
        assert_eq!(dummy.algorithm, real.algorithm);
        assert_eq!(dummy.version, real.version);
        assert_eq!(dummy.params, real.params);
        assert_eq!(
            dummy.hash.map(|h| h.len()),
            real.hash.map(|h| h.len()),
            "the same output length"
        );
    }
}
