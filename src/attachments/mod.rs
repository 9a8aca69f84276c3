//! Files a reporter sends with a report: which types are taken (decided by content, not
//! name), and how a file is stripped of what could identify the reporter before a
//! handler sees it. A leaf like `domain`: no I/O, no HTTP, no SQL.
//!
//! The original is stored only sealed (`crypto::stream`, to the intake key); only a
//! `StrippedAttachment`, which only `strip::strip` makes (and `strip::black_out` from
//! one, `strip::page` from a PDF page's pixels), is ever stored for handlers to read or
//! forwarded. A PDF's pages are drawn (`render`), and a HEIC photo decoded (`heif`), in
//! child processes the worker can kill.

pub mod heif;
pub mod image;
pub mod kind;
pub mod pdf;
pub mod render;
pub mod strip;

pub use image::{BlackOutError, Region};
pub use kind::{AttachmentKind, Inspector, Refused};
pub use render::{PageLimits, PagePixels, PagesNote};
pub use strip::{black_out, strip, StrippedAttachment, Unreadable};
