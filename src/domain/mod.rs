//! The types that carry a tip through the flow, and nothing else: no I/O, no HTTP, no SQL.
//! Every other module speaks in these types; the store imports them, never the modules
//! that make them.
//!
//! The flow in types: `RawTip` (the only holder of unredacted text) -> `Draft` (the
//! engine's proposal) -> `ApprovedRedaction` (made only by `ApprovedRedaction::approve`
//! from a draft and a handler's decision) -> `NewCase` (made only from an approved
//! redaction; the only thing the store accepts as a case).

pub mod actor;
pub mod approved;
pub mod case;
pub mod context;
pub mod draft;
pub mod ids;
pub mod origin;
pub mod sealed_file;
pub mod status;
pub mod tip;

pub use actor::{Actor, HandlerRole, Username};
pub use approved::{AddedSpan, ApprovalError, ApprovedRedaction};
pub use case::{CaseOrigin, NewCase, NewCaseParent};
pub use context::Context;
pub use draft::{Draft, DraftSpan};
pub use ids::{AttachmentId, CaseId, TipId};
pub use origin::{Channel, Region};
pub use sealed_file::SealedFile;
pub use status::{AuditAction, CaseKind, CaseState, MessageAuthor, MessageState, TipStatus};
pub use tip::{Call, Category, RawTip, TipError};
