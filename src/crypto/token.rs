//! Bearer secrets (agency tokens, console sessions): 256 random bits, shown once,
//! stored as SHA-256. A hash is enough: the secret is random, so there is nothing to
//! guess, and lookup by hash needs no per-row salt.

use super::{b64url, random_bytes, sha256_hex};

pub struct NewToken {
    /// Given to its holder once, never stored.
    pub secret: String,
    pub hash: String,
}

pub fn generate(prefix: &str) -> NewToken {
    let secret = format!("{prefix}{}", b64url(&random_bytes::<32>()));
    let hash = hash(&secret);
    NewToken { secret, hash }
}

pub fn hash(secret: &str) -> String {
    sha256_hex(secret.as_bytes())
}
