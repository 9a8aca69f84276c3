//! An optional proof of work for the JSON API and the JavaScript form: it makes sending
//! tips in bulk cost CPU time without learning anything about the sender.
//!
//! `GET /api/v1/pow` hands out a challenge: version, difficulty, expiry and 16 random
//! bytes, authenticated with HMAC-SHA256, base64url. Nothing is stored when it is
//! issued. The MAC key is derived from the data key, so every replica that shares the
//! data key issues and accepts the same challenges (a rotated data key's MAC is still
//! accepted until its challenges expire). The answer is a decimal counter `nonce` such
//! that SHA-256(challenge || ":" || nonce) starts with `difficulty` zero bits. Each
//! challenge is accepted once, across replicas: its random id is recorded as spent in
//! the database (`store::challenges`) with only the day it expires, in the commit that
//! stores its tip.

use crate::crypto::at_rest::DataKeys;
use crate::crypto::{b64url, from_b64url, random_bytes};
use crate::store::challenges::SpentChallenge;
use crate::store::{Store, StoreError};
use ring::{digest, hmac};
use serde::{Deserialize, Serialize};

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
    /// The MAC key under each data key, current first: challenges are issued under the
    /// first and accepted under any.
    keys: Vec<hmac::Key>,
}

/// A solved challenge, to be recorded as spent: its random id and its expiry.
#[derive(Debug, PartialEq, Eq)]
pub struct Solved {
    pub id: [u8; 16],
    pub expires: i64,
}

impl ProofOfWork {
    pub fn new(difficulty: u8, data_keys: &DataKeys) -> Self {
        let keys = data_keys
            .derive_all("proof-of-work", "challenge MAC key")
            .iter()
            .map(|secret| hmac::Key::new(hmac::HMAC_SHA256, secret))
            .collect();
        ProofOfWork { difficulty, keys }
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
        let tag = hmac::sign(&self.keys[0], &body);
        body.extend_from_slice(tag.as_ref());
        Challenge {
            required: self.required(),
            difficulty: self.difficulty,
            challenge: b64url(&body),
            expires_in: TTL_SECS,
        }
    }

    /// Checks an answer when proof of work is on (with it off, anything passes and
    /// nothing is to be spent); a good one is still to be spent.
    pub fn check(&self, answer: Option<&Answer>, now: i64) -> Result<Option<Solved>, PowError> {
        if !self.required() {
            return Ok(None);
        }
        let answer = answer.ok_or(PowError::Missing)?;
        let token = from_b64url(&answer.challenge)
            .ok()
            .filter(|t| t.len() == TOKEN_LEN && t[0] == VERSION)
            .ok_or(PowError::Forged)?;
        let (body, tag) = token.split_at(BODY_LEN);
        if !self
            .keys
            .iter()
            .any(|key| hmac::verify(key, body, tag).is_ok())
        {
            return Err(PowError::Forged);
        }
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
        Ok(Some(Solved { id, expires }))
    }

    /// Checks an answer, and that its challenge is not spent yet (so a replay costs no
    /// envelope opening): the challenge to spend in the tip's commit, which decides,
    /// once across every replica (`Store::insert_tip_spending`). The outer error is
    /// the database's (an outage); the inner, the refusal of the answer.
    pub async fn verify(
        &self,
        store: &Store,
        answer: Option<&Answer>,
        now: i64,
    ) -> Result<Result<Option<SpentChallenge>, PowError>, StoreError> {
        let solved = match self.check(answer, now) {
            Ok(Some(solved)) => solved,
            Ok(None) => return Ok(Ok(None)),
            Err(refused) => return Ok(Err(refused)),
        };
        let challenge = SpentChallenge {
            id: b64url(&solved.id),
            expires_on: crate::store::day_of(solved.expires),
        };
        Ok(if store.challenge_spent(&challenge.id).await? {
            Err(PowError::Reused)
        } else {
            Ok(Some(challenge))
        })
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

    fn keys(secret: u8) -> DataKeys {
        DataKeys::from_secrets(&[vec![secret; 32]])
    }

    #[test]
    fn off_means_nothing_is_asked() {
        let pow = ProofOfWork::new(0, &keys(1));
        assert!(!pow.issue(0).required);
        assert_eq!(pow.check(None, 0), Ok(None));
    }

    #[test]
    fn a_solved_challenge_is_accepted_by_any_holder_of_the_data_key() {
        let pow = ProofOfWork::new(8, &keys(1));
        let c = pow.issue(1000);
        let nonce = solve(&c.challenge, 8);
        assert!(leading_zero_bits(&c.challenge, &nonce) >= 8);
        let solved = pow
            .check(Some(&answer(&c.challenge, &nonce)), 1001)
            .unwrap()
            .unwrap();
        assert_eq!(solved.expires, 1000 + TTL_SECS);
        // Another replica, the same data key: the same challenge checks out there.
        let other = ProofOfWork::new(8, &keys(1));
        assert_eq!(
            other.check(Some(&answer(&c.challenge, &nonce)), 1002),
            Ok(Some(solved))
        );
        // After a rotation, the old key's challenges are still good until they expire.
        let rotated = ProofOfWork::new(8, &DataKeys::from_secrets(&[vec![2; 32], vec![1; 32]]));
        assert!(rotated
            .check(Some(&answer(&c.challenge, &nonce)), 1002)
            .unwrap()
            .is_some());
    }

    #[test]
    fn bad_answers_say_what_is_wrong() {
        let pow = ProofOfWork::new(8, &keys(1));
        let c = pow.issue(1000);
        let nonce = solve(&c.challenge, 8);
        let wrong = (0u64..)
            .map(|n| n.to_string())
            .find(|n| leading_zero_bits(&c.challenge, n) < 8)
            .unwrap();
        assert_eq!(pow.check(None, 1000), Err(PowError::Missing));
        assert_eq!(
            pow.check(Some(&answer(&c.challenge, &wrong)), 1000),
            Err(PowError::Wrong)
        );
        assert_eq!(
            pow.check(Some(&answer(&c.challenge, "12a")), 1000),
            Err(PowError::BadNonce)
        );
        assert_eq!(
            pow.check(Some(&answer(&c.challenge, &nonce)), 1000 + TTL_SECS + 1),
            Err(PowError::Expired)
        );
        // Another data key: not this service's challenge.
        let other = ProofOfWork::new(8, &keys(2)).issue(1000);
        assert_eq!(
            pow.check(Some(&answer(&other.challenge, "1")), 1000),
            Err(PowError::Forged)
        );
        let mut forged = from_b64url(&c.challenge).unwrap();
        forged[1] = 1; // claim an easier difficulty
        assert_eq!(
            pow.check(Some(&answer(&b64url(&forged), "1")), 1000),
            Err(PowError::Forged)
        );
        let easy = ProofOfWork::new(4, &keys(1)).issue(1000);
        assert_eq!(
            pow.check(Some(&answer(&easy.challenge, "1")), 1000),
            Err(PowError::TooEasy)
        );
    }
}
