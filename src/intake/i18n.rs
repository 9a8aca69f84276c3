//! The reporter pages' fixed text in several languages. Each language is a data file in
//! `translations/` (flat `key = "text"` TOML) embedded in the binary. Every language
//! must have exactly the keys English has; `Catalog::load` checks that, and the service
//! refuses to start without it. The language is chosen by a `?lang=` link or a form
//! field, never a cookie. The tip itself may be written in any language.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Code, data file. English first: it is the default and the reference for keys.
const FILES: [(&str, &str); 7] = [
    ("en", include_str!("../../translations/en.toml")),
    ("mi", include_str!("../../translations/mi.toml")),
    ("hi", include_str!("../../translations/hi.toml")),
    ("zh-Hans", include_str!("../../translations/zh-Hans.toml")),
    ("tl", include_str!("../../translations/tl.toml")),
    ("sm", include_str!("../../translations/sm.toml")),
    ("to", include_str!("../../translations/to.toml")),
];

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum I18nError {
    #[error("translations/{0}.toml: {1}")]
    Syntax(&'static str, String),
    #[error("translations/{0}.toml lacks the key `{1}`")]
    Missing(&'static str, String),
    #[error("translations/{0}.toml has the key `{1}`, which English does not")]
    Unknown(&'static str, String),
    #[error("translations/{0}.toml: `{1}` is empty")]
    Empty(&'static str, String),
}

pub struct Language {
    pub code: &'static str,
    /// The language's name in itself, for the language links.
    pub name: String,
    strings: HashMap<String, String>,
}

pub struct Catalog {
    languages: Vec<Language>,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| match Catalog::load() {
    Ok(catalog) => catalog,
    Err(e) => panic!("the built-in translations are broken: {e}"),
});

/// The built-in catalog (checked on first use, which `intake::routes` forces at start).
pub fn catalog() -> &'static Catalog {
    &CATALOG
}

impl Catalog {
    pub fn load() -> Result<Catalog, I18nError> {
        let languages = FILES
            .iter()
            .map(|(code, text)| {
                let strings: HashMap<String, String> =
                    toml::from_str(text).map_err(|e| I18nError::Syntax(code, e.to_string()))?;
                let name = strings
                    .get("lang_name")
                    .cloned()
                    .ok_or_else(|| I18nError::Missing(code, "lang_name".into()))?;
                Ok(Language {
                    code,
                    name,
                    strings,
                })
            })
            .collect::<Result<Vec<_>, I18nError>>()?;
        let english = &languages[0].strings;
        for language in &languages {
            let mut keys: Vec<_> = english.keys().collect();
            keys.sort();
            for key in keys {
                match language.strings.get(key) {
                    None => return Err(I18nError::Missing(language.code, key.clone())),
                    Some(text) if text.trim().is_empty() => {
                        return Err(I18nError::Empty(language.code, key.clone()))
                    }
                    Some(_) => {}
                }
            }
            if let Some(extra) = language.strings.keys().find(|k| !english.contains_key(*k)) {
                return Err(I18nError::Unknown(language.code, extra.clone()));
            }
        }
        Ok(Catalog { languages })
    }

    pub fn languages(&self) -> &[Language] {
        &self.languages
    }

    /// The language with this code, or English for anything else.
    pub fn pick(&'static self, code: Option<&str>) -> Tr {
        let language = code
            .and_then(|c| self.languages.iter().find(|l| l.code == c))
            .unwrap_or(&self.languages[0]);
        Tr(language)
    }
}

/// One language's text, as pages use it.
#[derive(Clone, Copy)]
pub struct Tr(&'static Language);

impl Tr {
    pub fn code(&self) -> &'static str {
        self.0.code
    }

    /// The text for `key`; every key exists in every language (checked at load, and a
    /// test checks every key the templates use).
    pub fn t(&self, key: &str) -> &'static str {
        self.0.strings.get(key).map_or("", String::as_str)
    }

    pub fn languages(&self) -> &'static [Language] {
        catalog().languages()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_key() {
        let catalog = Catalog::load().unwrap();
        assert_eq!(catalog.languages().len(), 7);
        for language in catalog.languages() {
            assert_eq!(language.strings.len(), catalog.languages[0].strings.len());
        }
    }

    #[test]
    fn unknown_languages_fall_back_to_english() {
        assert_eq!(catalog().pick(Some("xx")).code(), "en");
        assert_eq!(catalog().pick(None).code(), "en");
        assert_eq!(catalog().pick(Some("mi")).code(), "mi");
    }

    /// Every `tr.t("key")` in the reporter templates names a key English has.
    #[test]
    fn templates_use_only_known_keys() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates/report");
        let english = &catalog().languages()[0].strings;
        let mut used = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for piece in text.split("tr.t(\"").skip(1) {
                let key = piece.split('"').next().unwrap();
                assert!(english.contains_key(key), "templates use unknown key {key}");
                used += 1;
            }
        }
        assert!(used > 20);
    }
}
