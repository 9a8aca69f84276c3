//! Accepting a tip: validate, seal, store, and only then hand out the receipt.

use super::padding;
use super::pow::PowError;
use crate::crypto::receipt::Receipt;
use crate::crypto::sealing::{Envelope, OpenError};
use crate::domain::{Actor, Channel, RawTip, TipError, TipId};
use crate::state::AppState;
use crate::store::challenges::SpentChallenge;
use crate::store::tips::{Inserted, NewTip};
use crate::store::{self, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error("{0}")]
    Invalid(#[from] TipError),
    #[error("sealed: {0}")]
    Envelope(#[from] OpenError),
    #[error("sealed: the opened envelope is not a valid tip: {0}")]
    SealedContent(String),
    #[error("the submission token must be 1 to {MAX_TOKEN_CHARS} characters")]
    BadToken,
    /// The proof of work's challenge was spent by another tip first.
    #[error(transparent)]
    Pow(#[from] PowError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What a reporter sent: a tip in the clear (over TLS) or already sealed.
pub enum Submission {
    Plain(RawTip),
    Sealed(Envelope),
}

/// How a tip arrived, and who took it down when it came by phone.
pub struct Origin {
    pub channel: Channel,
    pub taken_by: Option<Actor>,
    /// The proof of work's challenge (checked, `pow::ProofOfWork::verify`), spent in
    /// the tip's commit.
    pub challenge: Option<SpentChallenge>,
}

impl Origin {
    pub fn reporter(channel: Channel, challenge: Option<SpentChallenge>) -> Origin {
        Origin {
            channel,
            taken_by: None,
            challenge,
        }
    }
}

/// The longest submission token (form field or `Idempotency-Key`) accepted.
pub const MAX_TOKEN_CHARS: usize = 200;

/// Stores the tip durably and returns its receipt. With a submission token (the form's
/// one-time token, or the API's `Idempotency-Key`) the receipt is derived from it, and a
/// second submission with the same token stores nothing and gets the same receipt: a
/// reload or a retry files no second report.
pub async fn accept(
    state: &AppState,
    submission: Submission,
    token: Option<&str>,
    origin: Origin,
) -> Result<Receipt, SubmitError> {
    accept_as(state, &TipId::new(), submission, token, origin, false).await
}

/// As `accept`, under an id chosen beforehand: the one the form's files were stored
/// under while they streamed in (`with_files`). Once the tip is stored they go to the
/// worker; a second submission with the same token keeps the first's and drops these.
pub async fn accept_as(
    state: &AppState,
    id: &TipId,
    submission: Submission,
    token: Option<&str>,
    origin: Origin,
    with_files: bool,
) -> Result<Receipt, SubmitError> {
    if token.is_some_and(|t| t.is_empty() || t.chars().count() > MAX_TOKEN_CHARS) {
        return Err(SubmitError::BadToken);
    }
    let (tip, envelope) = match submission {
        Submission::Plain(tip) => {
            // Padded like the browser pads, so stored envelopes do not show the length.
            let envelope = state.keys.intake.seal(&padding::pad(tip.to_json()));
            (tip, envelope)
        }
        Submission::Sealed(envelope) => {
            let plaintext = state.keys.intake.open(&envelope)?;
            let tip = RawTip::from_json(&plaintext).map_err(SubmitError::SealedContent)?;
            (tip, envelope)
        }
    };
    let receipt = match token {
        Some(token) => Receipt::from_bytes(&state.keys.data.derive("submission-receipt", token)),
        None => Receipt::generate(),
    };
    let new_tip = NewTip {
        id: id.clone(),
        category: tip.category(),
        received_on: store::today(),
        sealed: serde_json::to_vec(&envelope).expect("an envelope always serialises"),
        receipt_hash: state.keys.data.lookup_hash("receipt", receipt.canonical()),
        submission_hash: token.map(|t| state.keys.data.lookup_hash("submission", t)),
        channel: origin.channel,
        region: tip.region(),
        taken_by: origin.taken_by,
    };
    // Offered before the commit, so the worker finds it whenever it reads the row; a
    // tip not stored is taken back.
    state.opened.offer(id.clone(), tip);
    let inserted = state
        .store
        .insert_tip_spending(new_tip, origin.challenge)
        .await;
    if !matches!(inserted, Ok(Inserted::Stored)) {
        state.opened.take(id);
    }
    let stored = match inserted? {
        Inserted::Stored => true,
        Inserted::AlreadyStored => false,
        Inserted::ChallengeReused => return Err(PowError::Reused.into()),
    };
    if with_files {
        if stored {
            state.store.keep_uploads(id).await?;
        } else {
            state.store.discard_uploads(id).await?;
        }
    }
    if stored {
        state.worker.notify_one();
    }
    Ok(receipt)
}
