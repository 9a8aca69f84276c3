//! `routing.toml`: the agencies and the rules that suggest them, read and validated at
//! start (and by `tipline check-routing`). Every mistake is refused with a message
//! naming the entry, so a bad file never half-loads.

use crate::crypto::from_b64url;
use crate::domain::Category;
use crate::redaction::Kind;
use regex::Regex;
use serde::Deserialize;
use std::path::Path;

/// The file built into the binary, used when `routing.file` is not set.
pub const EMBEDDED: &str = include_str!("../../routing.toml");

#[derive(Debug, thiserror::Error)]
pub enum RoutingError {
    #[error("cannot read routing file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("routing file {origin}: {message}")]
    Invalid { origin: String, message: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    agency: Vec<AgencyEntry>,
    #[serde(default)]
    rule: Vec<RuleEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgencyEntry {
    id: String,
    name: String,
    #[serde(default)]
    contact: String,
    categories: Vec<String>,
    #[serde(default)]
    client_certificates: Vec<String>,
    #[serde(default)]
    require_client_certificate: bool,
    hpke_public_key: Option<String>,
    #[serde(default)]
    show_channel: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleEntry {
    id: String,
    reason: String,
    agencies: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    kinds: Vec<String>,
    #[serde(default)]
    examples: Vec<String>,
}

/// An agency as configured.
#[derive(Debug, Clone)]
pub struct AgencyConfig {
    pub id: String,
    pub name: String,
    pub contact: String,
    pub categories: Vec<Category>,
    /// SHA-256 (lower-case hex) of each client certificate's SubjectPublicKeyInfo.
    pub client_certificates: Vec<String>,
    pub require_client_certificate: bool,
    /// Uncompressed SEC1 P-256 public key to seal case bodies to.
    pub hpke_public_key: Option<Vec<u8>>,
    /// Whether its report cases say how the tip arrived (web, API, phone).
    pub show_channel: bool,
}

/// A rule, compiled.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub reason: String,
    pub agencies: Vec<String>,
    /// One case-insensitive whole-word alternation of the rule's words.
    pub words: Option<Regex>,
    pub kinds: Vec<Kind>,
    pub examples: Vec<String>,
}

/// The routing configuration, valid by construction.
#[derive(Debug)]
pub struct Routing {
    pub agencies: Vec<AgencyConfig>,
    pub rules: Vec<Rule>,
}

impl Routing {
    pub fn embedded() -> Result<Routing, RoutingError> {
        Self::parse(EMBEDDED, "routing.toml (built in)")
    }

    pub fn from_file(path: &Path) -> Result<Routing, RoutingError> {
        let text = std::fs::read_to_string(path).map_err(|source| RoutingError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::parse(&text, &path.display().to_string())
    }

    /// The configured file, or the built-in one.
    pub fn load(file: Option<&Path>) -> Result<Routing, RoutingError> {
        match file {
            Some(path) => Self::from_file(path),
            None => Self::embedded(),
        }
    }

    pub fn parse(text: &str, origin: &str) -> Result<Routing, RoutingError> {
        let invalid = |message: String| RoutingError::Invalid {
            origin: origin.to_owned(),
            message,
        };
        let file: File = toml::from_str(text).map_err(|e| invalid(e.to_string()))?;
        if file.agency.is_empty() {
            return Err(invalid(
                "no [[agency]]: at least one agency is needed".into(),
            ));
        }
        let mut agencies: Vec<AgencyConfig> = Vec::new();
        for entry in file.agency {
            let agency = agency(entry).map_err(&invalid)?;
            if agencies.iter().any(|a| a.id == agency.id) {
                return Err(invalid(format!("agency `{}` is listed twice", agency.id)));
            }
            for fingerprint in &agency.client_certificates {
                if let Some(other) = agencies
                    .iter()
                    .find(|a| a.client_certificates.contains(fingerprint))
                {
                    return Err(invalid(format!(
                        "agency `{}`: client certificate {fingerprint} is also `{}`'s",
                        agency.id, other.id
                    )));
                }
            }
            agencies.push(agency);
        }
        let mut rules: Vec<Rule> = Vec::new();
        for entry in file.rule {
            let rule = rule(entry, &agencies).map_err(&invalid)?;
            if rules.iter().any(|r| r.id == rule.id) {
                return Err(invalid(format!("rule `{}` is listed twice", rule.id)));
            }
            rules.push(rule);
        }
        let routing = Routing { agencies, rules };
        if let Some(failure) = routing.check_examples().into_iter().next() {
            return Err(invalid(failure));
        }
        Ok(routing)
    }

    /// Each rule's examples that it does not match, as messages.
    pub fn check_examples(&self) -> Vec<String> {
        self.rules
            .iter()
            .flat_map(|rule| {
                rule.examples
                    .iter()
                    .filter(|example| !rule.matches_words(example))
                    .map(move |example| {
                        format!("rule `{}`: example {example:?} does not match", rule.id)
                    })
            })
            .collect()
    }

    pub fn agency(&self, id: &str) -> Option<&AgencyConfig> {
        self.agencies.iter().find(|a| a.id == id)
    }

    /// The agency a client certificate (by its key's fingerprint) authenticates as.
    pub fn agency_for_certificate(&self, spki_sha256: &str) -> Option<&AgencyConfig> {
        self.agencies
            .iter()
            .find(|a| a.client_certificates.iter().any(|c| c == spki_sha256))
    }
}

fn is_agency_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn agency(entry: AgencyEntry) -> Result<AgencyConfig, String> {
    let id = entry.id;
    if !is_agency_id(&id) {
        return Err(format!(
            "agency id `{id}`: use 1 to 40 lower-case letters, digits and '-'"
        ));
    }
    let here = |message: &str| format!("agency `{id}`: {message}");
    if entry.name.trim().is_empty() || entry.name.chars().count() > 200 {
        return Err(here("name must be 1 to 200 characters"));
    }
    if entry.contact.chars().count() > 500 {
        return Err(here("contact must be at most 500 characters"));
    }
    if entry.categories.is_empty() {
        return Err(here("categories: list at least one category"));
    }
    let categories = entry
        .categories
        .iter()
        .map(|c| {
            Category::parse(c).map_err(|_| {
                here(&format!(
                    "categories: unknown category `{c}`; expected one of {}",
                    category_names()
                ))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let client_certificates = entry
        .client_certificates
        .iter()
        .map(|f| {
            let f = f.trim().to_ascii_lowercase().replace(':', "");
            (f.len() == 64 && f.bytes().all(|b| b.is_ascii_hexdigit()))
                .then_some(f)
                .ok_or_else(|| here("client_certificates: each is a SHA-256 in hex (64 digits) of a certificate's SubjectPublicKeyInfo"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if entry.require_client_certificate && client_certificates.is_empty() {
        return Err(here(
            "require_client_certificate: list the agency's client_certificates too",
        ));
    }
    let hpke_public_key = entry
        .hpke_public_key
        .map(|k| {
            from_b64url(k.trim())
                .ok()
                .filter(|bytes| crate::crypto::sealing::is_public_key(bytes))
                .ok_or_else(|| {
                    here("hpke_public_key: expected a P-256 public key, uncompressed SEC1, base64url")
                })
        })
        .transpose()?;
    Ok(AgencyConfig {
        name: entry.name.trim().to_owned(),
        contact: entry.contact.trim().to_owned(),
        categories,
        client_certificates,
        require_client_certificate: entry.require_client_certificate,
        show_channel: entry.show_channel,
        hpke_public_key,
        id,
    })
}

fn category_names() -> String {
    Category::ALL
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn rule(entry: RuleEntry, agencies: &[AgencyConfig]) -> Result<Rule, String> {
    let id = entry.id;
    if !is_agency_id(&id) {
        return Err(format!(
            "rule id `{id}`: use 1 to 40 lower-case letters, digits and '-'"
        ));
    }
    let here = |message: String| format!("rule `{id}`: {message}");
    if entry.reason.trim().is_empty() {
        return Err(here(
            "reason: say why the rule suggests its agencies".into(),
        ));
    }
    if entry.agencies.is_empty() {
        return Err(here("agencies: list at least one agency".into()));
    }
    for agency in &entry.agencies {
        if !agencies.iter().any(|a| &a.id == agency) {
            return Err(here(format!(
                "agencies: unknown agency `{agency}`; the [[agency]] entries are {}",
                agencies
                    .iter()
                    .map(|a| a.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
    }
    if entry.words.is_empty() && entry.kinds.is_empty() {
        return Err(here("give words or kinds (or both) to match".into()));
    }
    if let Some(bad) = entry.words.iter().find(|w| w.trim().is_empty()) {
        return Err(here(format!("words: {bad:?} is empty")));
    }
    let words = (!entry.words.is_empty())
        .then(|| {
            let alternatives: Vec<String> = entry
                .words
                .iter()
                .map(|w| {
                    // Whole words; inner spaces match any run of white space.
                    w.split_whitespace()
                        .map(regex::escape)
                        .collect::<Vec<_>>()
                        .join(r"\s+")
                })
                .collect();
            Regex::new(&format!(r"(?i)\b(?:{})\b", alternatives.join("|")))
                .map_err(|e| here(format!("words: {e}")))
        })
        .transpose()?;
    let kinds = entry
        .kinds
        .iter()
        .map(|k| {
            k.parse::<Kind>().map_err(|_| {
                here(format!(
                    "kinds: unknown kind `{k}`; expected one of {}",
                    Kind::ALL.map(|k| k.as_str()).join(", ")
                ))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    if !entry.examples.is_empty() && words.is_none() {
        return Err(here(
            "examples: only words are matched against text; this rule has none".into(),
        ));
    }
    Ok(Rule {
        reason: entry.reason.trim().to_owned(),
        agencies: entry.agencies,
        words,
        kinds,
        examples: entry.examples,
        id,
    })
}

impl Rule {
    /// Whether the rule's words occur in `text` (placeholders already removed).
    pub fn matches_words(&self, text: &str) -> bool {
        self.words.as_ref().is_some_and(|w| w.is_match(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        Routing::parse(text, "t").unwrap_err().to_string()
    }

    const ONE: &str = "[[agency]]\nid = \"police\"\nname = \"P\"\ncategories = [\"trafficking\"]\n";

    #[test]
    fn the_built_in_file_is_valid() {
        let routing = Routing::embedded().unwrap();
        assert!(routing.agency("police").is_some());
        assert!(routing.check_examples().is_empty());
    }

    #[test]
    fn mistakes_name_their_entry() {
        assert!(error("").contains("at least one agency"));
        assert!(error(&format!("{ONE}{ONE}")).contains("agency `police` is listed twice"));
        assert!(error(&ONE.replace("trafficking", "fraud")).contains("unknown category `fraud`"));
        assert!(error(&ONE.replace("\"police\"", "\"Police!\"")).contains("agency id `Police!`"));
        let rule = "[[rule]]\nid = \"r\"\nreason = \"why\"\nagencies = [\"police\"]\n";
        assert!(error(&format!("{ONE}{rule}")).contains("rule `r`: give words or kinds"));
        assert!(error(&format!("{ONE}{rule}kinds = [\"SHOE\"]\n")).contains("unknown kind `SHOE`"));
        assert!(error(&format!(
            "{ONE}{}words = [\"x\"]\n",
            rule.replace("[\"police\"]", "[\"mbie\"]")
        ))
        .contains("unknown agency `mbie`"));
        assert!(error(&format!(
            "{ONE}{rule}words = [\"boat\"]\nexamples = [\"a ship\"]\n"
        ))
        .contains("example \"a ship\" does not match"));
        assert!(error(&format!("{ONE}require_client_certificate = true\n"))
            .contains("list the agency's client_certificates"));
        assert!(error(&format!("{ONE}hpke_public_key = \"abc\"\n")).contains("hpke_public_key"));
        assert!(error(&format!("{ONE}colour = 1\n")).contains("colour"));
    }
}
