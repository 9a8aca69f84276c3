//! Redaction rules: TOML files in `redaction-rules/`, loaded and validated at start.
//!
//! ```toml
//! [[rule]]
//! id = "email"
//! kind = "EMAIL"
//! description = "An email address"
//! pattern = '''[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}'''
//! examples = { match = ["me@example.org"], no_match = ["me at home"] }
//! ```

use super::kind::Kind;
use include_dir::{include_dir, Dir};
use regex::Regex;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The default rules, compiled into the binary so that `tipline serve` needs no files.
pub static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/redaction-rules");

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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    rule: Vec<RuleSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    id: String,
    kind: String,
    description: String,
    pattern: String,
    #[serde(default)]
    examples: Examples,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Examples {
    #[serde(default, rename = "match")]
    must_match: Vec<String>,
    #[serde(default)]
    no_match: Vec<String>,
}

/// A validated, compiled rule.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub kind: Kind,
    pub description: String,
    pub regex: Regex,
    pub file: String,
    pub must_match: Vec<String>,
    pub no_match: Vec<String>,
}

/// Parses one rule file. `file` names it in errors.
pub fn parse_file(file: &str, source: &str) -> Result<Vec<Rule>, RulesError> {
    let parsed: RuleFile = toml::from_str(source).map_err(|e| RulesError::Syntax {
        file: file.to_owned(),
        message: e.to_string(),
    })?;
    parsed
        .rule
        .into_iter()
        .map(|spec| compile(file, spec))
        .collect()
}

fn compile(file: &str, spec: RuleSpec) -> Result<Rule, RulesError> {
    let fail = |message: String| RulesError::Rule {
        file: file.to_owned(),
        rule: spec.id.clone(),
        message,
    };
    if spec.id.is_empty()
        || !spec
            .id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(fail(
            "id must be non-empty letters, digits and dashes".into(),
        ));
    }
    let kind: Kind = spec
        .kind
        .parse()
        .map_err(|e: super::kind::UnknownKind| fail(e.to_string()))?;
    let regex = Regex::new(&spec.pattern).map_err(|e| fail(format!("bad pattern: {e}")))?;
    if regex.is_match("") {
        return Err(fail("pattern matches the empty string".into()));
    }
    Ok(Rule {
        id: spec.id,
        kind,
        description: spec.description,
        regex,
        file: file.to_owned(),
        must_match: spec.examples.must_match,
        no_match: spec.examples.no_match,
    })
}

/// Loads every `*.toml` file in a directory, in name order.
pub fn load_dir(dir: &Path) -> Result<Vec<Rule>, RulesError> {
    let io = |source| RulesError::Io {
        path: dir.to_owned(),
        source,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut rules = Vec::new();
    for path in &paths {
        let source = std::fs::read_to_string(path).map_err(|source| RulesError::Io {
            path: path.clone(),
            source,
        })?;
        rules.extend(parse_file(&path.display().to_string(), &source)?);
    }
    finish(rules, &dir.display().to_string())
}

/// Loads the rules compiled into the binary.
pub fn load_embedded() -> Result<Vec<Rule>, RulesError> {
    let mut files: Vec<_> = EMBEDDED
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort_by_key(|f| f.path());
    let mut rules = Vec::new();
    for f in files {
        let name = format!("redaction-rules/{}", f.path().display());
        let source = f.contents_utf8().ok_or_else(|| RulesError::Syntax {
            file: name.clone(),
            message: "not UTF-8".into(),
        })?;
        rules.extend(parse_file(&name, source)?);
    }
    finish(rules, "the embedded rules")
}

fn finish(rules: Vec<Rule>, origin: &str) -> Result<Vec<Rule>, RulesError> {
    if rules.is_empty() {
        return Err(RulesError::Empty(origin.to_owned()));
    }
    for (i, rule) in rules.iter().enumerate() {
        if let Some(first) = rules[..i].iter().find(|r| r.id == rule.id) {
            return Err(RulesError::Rule {
                file: rule.file.clone(),
                rule: rule.id.clone(),
                message: format!("id already used in {}", first.file),
            });
        }
    }
    Ok(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_regex_names_file_and_rule() {
        let err = parse_file(
            "x.toml",
            "[[rule]]\nid = \"broken\"\nkind = \"PHONE\"\ndescription = \"d\"\npattern = \"(\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.starts_with("x.toml: rule `broken`: bad pattern"),
            "{err}"
        );
    }

    #[test]
    fn unknown_kind_is_named() {
        let err = parse_file(
            "x.toml",
            "[[rule]]\nid = \"r\"\nkind = \"SHOE\"\ndescription = \"d\"\npattern = \"a\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("unknown kind `SHOE`"), "{err}");
    }

    #[test]
    fn unknown_field_is_a_syntax_error() {
        let err = parse_file("x.toml", "[[rule]]\nid = \"r\"\ncolour = 1\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("colour"), "{err}");
    }

    #[test]
    fn embedded_rules_load() {
        assert!(!load_embedded().unwrap().is_empty());
    }
}
