//! tipline: an anonymous tip line for reports of forced labour, trafficking, slavery
//! and worker exploitation. See DESIGN.md for the flow and the invariants.

pub mod agency;
pub mod attachments;
pub mod cli;
pub mod config;
pub mod crypto;
pub mod domain;
pub mod health;
pub mod http;
pub mod intake;
pub mod metrics;
pub mod notify;
pub mod probe;
pub mod redaction;
pub mod review;
pub mod routing;
pub mod startup;
pub mod state;
pub mod stats;
pub mod store;
pub mod telemetry;
pub mod tls;
pub mod web;
pub mod worker;
