//! Where a ciphertext at rest belongs. Each is bound to its place as associated data, so a
//! ciphertext copied to another row or column does not open.

use super::ids::{AttachmentId, CaseId, TipId};
use super::status::MessageAuthor;
use std::fmt;

#[derive(Debug, Clone, Copy)]
pub enum Context<'a> {
    Draft(&'a TipId),
    Message(&'a TipId, MessageAuthor),
    /// The draft of a reporter's message, by the message's row.
    MessageDraft(&'a TipId, i64),
    DecisionNote(&'a TipId),
    CaseBody(&'a CaseId),
    /// Why an agency returned a case (it may quote the case).
    NackReason(&'a CaseId),
    /// An agency's question about its case.
    AgencyQuestion(&'a CaseId),
    /// A handler's enrolled TOTP secret.
    TotpSecret(i64),
    /// A TOTP secret shown for enrolment, not yet confirmed.
    TotpPending(i64),
    /// An attachment's content key, sealed to the intake key.
    AttachmentKey(&'a AttachmentId),
    /// The chunks of an attachment's original, under its content key.
    AttachmentChunk(&'a AttachmentId),
    /// An attachment stripped of its metadata, whole under the data key (a copy stored
    /// before its chunks were: migration 0025).
    AttachmentStripped(&'a AttachmentId),
    /// The content key of a stripped copy's chunks, under the data key.
    AttachmentStrippedKey(&'a AttachmentId),
    /// The chunks of a stripped copy, under its content key.
    AttachmentStrippedChunk(&'a AttachmentId),
    /// The text found in an attachment (a PDF's), redacted, for the handler.
    AttachmentText(&'a AttachmentId),
    /// A forwarded file sealed to the agency of the case it goes with: its content key
    /// (HPKE to the agency's key) and its chunks (under that key).
    CaseAttachment(&'a CaseId, &'a AttachmentId),
}

/// The associated data itself; these strings are in every stored ciphertext, so they
/// never change.
impl fmt::Display for Context<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Context::Draft(tip) => write!(f, "tip:{tip}:draft"),
            Context::Message(tip, author) => write!(f, "tip:{tip}:message:{author}"),
            Context::MessageDraft(tip, seq) => write!(f, "tip:{tip}:message:{seq}:draft"),
            Context::DecisionNote(tip) => write!(f, "tip:{tip}:decision-note"),
            Context::CaseBody(case) => write!(f, "case:{case}:body"),
            Context::NackReason(case) => write!(f, "case:{case}:nack-reason"),
            Context::AgencyQuestion(case) => write!(f, "case:{case}:question"),
            Context::TotpSecret(handler) => write!(f, "handler:{handler}:totp"),
            Context::TotpPending(handler) => write!(f, "handler:{handler}:totp-pending"),
            Context::AttachmentKey(id) => write!(f, "attachment:{id}:key"),
            Context::AttachmentChunk(id) => write!(f, "attachment:{id}:chunk"),
            Context::AttachmentStripped(id) => write!(f, "attachment:{id}:stripped"),
            Context::AttachmentStrippedKey(id) => write!(f, "attachment:{id}:stripped-key"),
            Context::AttachmentStrippedChunk(id) => write!(f, "attachment:{id}:stripped-chunk"),
            Context::AttachmentText(id) => write!(f, "attachment:{id}:text"),
            Context::CaseAttachment(case, id) => write!(f, "case:{case}:attachment:{id}"),
        }
    }
}
