//! Automatic redaction: rules as data, the engine, and placeholder rendering.

pub mod address;
mod address_head;
mod admin_units;
mod cardinals;
pub mod checksums;
mod described_place;
pub mod engine;
pub mod explain;
mod first_pass;
pub mod jsonl;
pub mod kind;
mod lists;
mod lived_in;
pub mod matcher;
pub mod names;
pub mod normalised;
mod phone_extension;
mod place_chain;
mod residence;
pub mod role;
pub mod rules;
pub mod span;
pub mod spec;
mod spoken_email;
pub mod subject;
mod table_columns;
pub mod text;
pub mod validators;
mod village_abroad;
mod word_bounded;

pub use engine::Engine;
pub use kind::{Kind, Role};
pub use span::{Redaction, Span};
