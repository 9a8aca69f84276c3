//! An optional proof of work for the JSON API and the JavaScript form: it makes sending
//! tips in bulk cost CPU time without learning anything about the sender.
//!
//! `GET /api/v1/pow` hands out a challenge: version, difficulty, expiry and 16 random
//! bytes, authenticated with HMAC-SHA256 under a key held only in memory, base64url.
//! Nothing is stored when it is issued. The answer is a decimal counter `nonce` such
//! that SHA-256(challenge || ":" || nonce) starts with `difficulty` zero bits. Each
//! challenge is accepted once: spent challenges are remembered in memory until expiry.

use crate::crypto::{b64url, from_b64url, random_bytes};
use ring::{digest, hmac};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Mutex;

/// Long enough to solve on an old phone, short enough that spent challenges are few.
pub const TTL_SECS: i64 = 600;
const VERSION: u8 = 1;
/// version, difficulty, expiry (8 bytes), random id (16 bytes).
const BODY_LEN: usize = 1 + 1 + 8 + 16;
const TOKEN_LEN: usize = BODY_LEN + 32;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PowError {
    #[error("a proof of work is required: GET /api/v1/pow, find `nonce`, and send `pow: {{challenge, nonce}}`")]
    Missing,
    #[error("pow: the challenge is not one this service issued")]
    Forged,
    #[error("pow: the challenge has expired; fetch a new one from /api/v1/pow")]
    Expired,
    #[error("pow: the challenge is easier than this service now asks; fetch a new one")]
    TooEasy,
    #[error("pow: `nonce` must be a decimal number")]
    BadNonce,
    #[error("pow: the nonce does not solve the challenge")]
    Wrong,
    #[error("pow: this challenge was already used; fetch a new one")]
    Reused,
}

/// A client's answer, as it appears in a JSON body or a form.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub challenge: String,
    pub nonce: String,
}

#[derive(Serialize)]
pub struct Challenge {
    pub required: bool,
    pub difficulty: u8,
    pub challenge: String,
    pub expires_in: i64,
}

pub struct ProofOfWork {
    difficulty: u8,
    key: hmac::Key,
    /// Random id of each accepted challenge -> its expiry.
    spent: Mutex<HashMap<[u8; 16], i64>>,
}

impl ProofOfWork {
    pub fn new(difficulty: u8) -> Self {
        ProofOfWork {
            difficulty,
            key: hmac::Key::new(hmac::HMAC_SHA256, &random_bytes::<32>()),
            spent: Mutex::new(HashMap::new()),
        }
    }

    pub fn required(&self) -> bool {
        self.difficulty > 0
    }

    pub fn issue(&self, now: i64) -> Challenge {
        let mut body = Vec::with_capacity(TOKEN_LEN);
        body.push(VERSION);
        body.push(self.difficulty);
        body.extend_from_slice(&(now + TTL_SECS).to_be_bytes());
        body.extend_from_slice(&random_bytes::<16>());
        let tag = hmac::sign(&self.key, &body);
        body.extend_from_slice(tag.as_ref());
        Challenge {
            required: self.required(),
            difficulty: self.difficulty,
            challenge: b64url(&body),
            expires_in: TTL_SECS,
        }
    }

    /// Checks an answer when proof of work is on; with it off, anything passes.
    pub fn verify(&self, answer: Option<&Answer>, now: i64) -> Result<(), PowError> {
        if !self.required() {
            return Ok(());
        }
        let answer = answer.ok_or(PowError::Missing)?;
        let token = from_b64url(&answer.challenge)
            .ok()
            .filter(|t| t.len() == TOKEN_LEN && t[0] == VERSION)
            .ok_or(PowError::Forged)?;
        let (body, tag) = token.split_at(BODY_LEN);
        hmac::verify(&self.key, body, tag).map_err(|_| PowError::Forged)?;
        let difficulty = body[1];
        let expires = i64::from_be_bytes(body[2..10].try_into().expect("8 bytes"));
        let id: [u8; 16] = body[10..26].try_into().expect("16 bytes");
        if expires < now {
            return Err(PowError::Expired);
        }
        if difficulty < self.difficulty {
            return Err(PowError::TooEasy);
        }
        if answer.nonce.is_empty()
            || answer.nonce.len() > 20
            || !answer.nonce.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(PowError::BadNonce);
        }
        if leading_zero_bits(&answer.challenge, &answer.nonce) < u32::from(difficulty) {
            return Err(PowError::Wrong);
        }
        let mut spent = self.spent.lock().expect("pow lock");
        spent.retain(|_, expiry| *expiry >= now);
        if spent.insert(id, expires).is_some() {
            return Err(PowError::Reused);
        }
        Ok(())
    }
}

/// Zero bits at the start of SHA-256(challenge || ":" || nonce).
pub fn leading_zero_bits(challenge: &str, nonce: &str) -> u32 {
    let mut ctx = digest::Context::new(&digest::SHA256);
    ctx.update(challenge.as_bytes());
    ctx.update(b":");
    ctx.update(nonce.as_bytes());
    let mut bits = 0;
    for byte in ctx.finish().as_ref() {
        bits += byte.leading_zeros();
        if *byte != 0 {
            break;
        }
    }
    bits
}

/// Finds a nonce by brute force, as a client does (used by tests and tools).
pub fn solve(challenge: &str, difficulty: u8) -> String {
    (0u64..)
        .map(|n| n.to_string())
        .find(|n| leading_zero_bits(challenge, n) >= u32::from(difficulty))
        .expect("a nonce exists")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(challenge: &str, nonce: &str) -> Answer {
        Answer {
            challenge: challenge.into(),
            nonce: nonce.into(),
        }
    }

    #[test]
    fn off_means_nothing_is_asked() {
        let pow = ProofOfWork::new(0);
        assert!(!pow.issue(0).required);
        assert_eq!(pow.verify(None, 0), Ok(()));
    }

    #[test]
    fn a_solved_challenge_passes_once() {
        let pow = ProofOfWork::new(8);
        let c = pow.issue(1000);
        let nonce = solve(&c.challenge, 8);
        assert!(leading_zero_bits(&c.challenge, &nonce) >= 8);
        assert_eq!(
            pow.verify(Some(&answer(&c.challenge, &nonce)), 1001),
            Ok(())
        );
        assert_eq!(
            pow.verify(Some(&answer(&c.challenge, &nonce)), 1002),
            Err(PowError::Reused)
        );
    }

    #[test]
    fn bad_answers_say_what_is_wrong() {
        let pow = ProofOfWork::new(8);
        let c = pow.issue(1000);
        let nonce = solve(&c.challenge, 8);
        let wrong = (0u64..)
            .map(|n| n.to_string())
            .find(|n| leading_zero_bits(&c.challenge, n) < 8)
            .unwrap();
        assert_eq!(pow.verify(None, 1000), Err(PowError::Missing));
        assert_eq!(
            pow.verify(Some(&answer(&c.challenge, &wrong)), 1000),
            Err(PowError::Wrong)
        );
        assert_eq!(
            pow.verify(Some(&answer(&c.challenge, "12a")), 1000),
            Err(PowError::BadNonce)
        );
        assert_eq!(
            pow.verify(Some(&answer(&c.challenge, &nonce)), 1000 + TTL_SECS + 1),
            Err(PowError::Expired)
        );
        let other = ProofOfWork::new(8).issue(1000);
        assert_eq!(
            pow.verify(Some(&answer(&other.challenge, "1")), 1000),
            Err(PowError::Forged)
        );
        let mut forged = from_b64url(&c.challenge).unwrap();
        forged[1] = 1; // claim an easier difficulty
        assert_eq!(
            pow.verify(Some(&answer(&b64url(&forged), "1")), 1000),
            Err(PowError::Forged)
        );
        let easy = ProofOfWork {
            difficulty: 4,
            key: hmac::Key::new(hmac::HMAC_SHA256, &[0; 32]),
            spent: Mutex::default(),
        };
        let hard = ProofOfWork {
            difficulty: 8,
            ..easy
        };
        let c = ProofOfWork {
            difficulty: 4,
            key: hmac::Key::new(hmac::HMAC_SHA256, &[0; 32]),
            spent: Mutex::default(),
        }
        .issue(1000);
        assert_eq!(
            hard.verify(Some(&answer(&c.challenge, "1")), 1000),
            Err(PowError::TooEasy)
        );
    }
}
