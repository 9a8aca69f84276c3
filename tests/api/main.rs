//! One test binary: the harness is built once and shared by every module.

mod audit;
mod bad_input;
mod cli;
mod connections;
mod console_pages;
mod durability;
mod faults;
mod flow;
mod helpers;
mod isolation;
mod parser_props;
mod privacy;
mod redaction_detectors;
mod redaction_names_scripts;
mod redaction_names_shapes;
mod redaction_names_support;
mod redaction_numbers;
mod redaction_props;
mod redaction_unseen;
mod reporter_follow_up;
mod reporter_pages;
mod retention;
mod sign_in;
mod slow_clients;
mod tls;
mod worker;
