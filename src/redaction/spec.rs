//! What every rule file shares, pattern rules and the `[names]` table alike: the error
//! that names the file (and rule) at fault, and the examples each rule carries. A leaf,
//! so that the rule loader and the name detector need not import each other.

use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("cannot read rules from {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}: {message}")]
    Syntax { file: String, message: String },
    #[error("{file}: rule `{rule}`: {message}")]
    Rule {
        file: String,
        rule: String,
        message: String,
    },
    #[error("no rule files (*.toml) found in {0}")]
    Empty(String),
}

/// A rule's examples: see `rules` for what each must show.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default, rename = "match")]
    pub must_match: Vec<String>,
    #[serde(default)]
    pub no_match: Vec<String>,
}
