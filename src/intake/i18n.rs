//! The reporter pages' fixed text in several languages. Each language is a data file in
//! `translations/` (flat `key = "text"` TOML) embedded in the binary. Every language
//! must have exactly the keys English has; `Catalog::load` checks that, and the service
//! refuses to start without it. The language is chosen by a `?lang=` link or a form
//! field, never a cookie. The tip itself may be written in any language.
//!
//! A translation's `[confirmed]` table records which lines a fluent speaker has
//! confirmed, each with a fingerprint of the English it was checked against and of the
//! text confirmed (`translations/REVIEW.md`). Until every safety-critical line is
//! confirmed against the English of today, the pages say the translation is being checked.

use ring::digest;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// Code, data file. English first: it is the default and the reference for keys. The
/// order is the language menu's: New Zealand's languages, then the Pacific's (where
/// most seasonal workers come from), then the rest.
const FILES: [(&str, &str); 14] = [
    ("en", include_str!("../../translations/en.toml")),
    ("mi", include_str!("../../translations/mi.toml")),
    ("sm", include_str!("../../translations/sm.toml")),
    ("to", include_str!("../../translations/to.toml")),
    ("fj", include_str!("../../translations/fj.toml")),
    ("bi", include_str!("../../translations/bi.toml")),
    ("tpi", include_str!("../../translations/tpi.toml")),
    ("gil", include_str!("../../translations/gil.toml")),
    ("tl", include_str!("../../translations/tl.toml")),
    ("vi", include_str!("../../translations/vi.toml")),
    ("es", include_str!("../../translations/es.toml")),
    ("hi", include_str!("../../translations/hi.toml")),
    ("pa", include_str!("../../translations/pa.toml")),
    ("zh-Hans", include_str!("../../translations/zh-Hans.toml")),
];

/// The lines a reporter's safety rests on, or that say what the service does: a key is
/// safety-critical if it is one of these, or begins with one that ends in `_`.
const SAFETY_CRITICAL: [&str; 18] = [
    "intro",
    "promise_",
    "sealing",
    "seal_failed",
    "call_emergency",
    "call_mbie",
    "category_",
    "body_hint",
    "receipt_",
    "follow_up_",
    "not_found",
    "status_",
    "asked_on",
    "you_answered",
    "answer_",
    "add_",
    "you_added",
    "error_",
];

pub fn is_safety_critical(key: &str) -> bool {
    SAFETY_CRITICAL.iter().any(|p| match p.strip_suffix('_') {
        Some(_) => key.starts_with(p),
        None => key == *p,
    })
}

/// What a confirmation is recorded against: the first 8 bytes of SHA-256, in hex.
pub fn fingerprint(text: &str) -> String {
    digest::digest(&digest::SHA256, text.as_bytes()).as_ref()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

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
    #[error("translations/{0}.toml confirms `{1}`, which English does not have")]
    UnknownConfirmation(&'static str, String),
    #[error("translations/en.toml is the source: it has nothing to confirm")]
    EnglishConfirmed,
}

/// One file: its lines, and the `[confirmed]` table.
#[derive(Deserialize)]
struct File {
    #[serde(default)]
    confirmed: BTreeMap<String, Confirmation>,
    #[serde(flatten)]
    strings: HashMap<String, String>,
}

/// A fluent speaker's confirmation of one line.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Confirmation {
    /// `fingerprint` of the English line the speaker checked against.
    pub english: String,
    /// `fingerprint` of the line the speaker confirmed.
    pub text: String,
}

pub struct Language {
    pub code: &'static str,
    /// The language's name in itself, for the language links.
    pub name: String,
    strings: HashMap<String, String>,
    confirmed: BTreeMap<String, Confirmation>,
    /// Every safety-critical line is confirmed against the English of today (English,
    /// the source, always is).
    checked: bool,
}

impl Language {
    /// This language's text for `key` (empty for a key English lacks).
    pub fn text(&self, key: &str) -> &str {
        self.strings.get(key).map_or("", String::as_str)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.strings.keys().map(String::as_str)
    }

    pub fn confirmations(&self) -> &BTreeMap<String, Confirmation> {
        &self.confirmed
    }

    pub fn checked(&self) -> bool {
        self.checked
    }
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
        Catalog::parse(&FILES)
    }

    /// Reads `files`, English first.
    fn parse(files: &[(&'static str, &str)]) -> Result<Catalog, I18nError> {
        let mut languages = files
            .iter()
            .map(|(code, text)| {
                let file: File =
                    toml::from_str(text).map_err(|e| I18nError::Syntax(code, e.to_string()))?;
                let name = file
                    .strings
                    .get("lang_name")
                    .cloned()
                    .ok_or_else(|| I18nError::Missing(code, "lang_name".into()))?;
                Ok(Language {
                    code,
                    name,
                    strings: file.strings,
                    confirmed: file.confirmed,
                    checked: false,
                })
            })
            .collect::<Result<Vec<_>, I18nError>>()?;
        if !languages[0].confirmed.is_empty() {
            return Err(I18nError::EnglishConfirmed);
        }
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
            if let Some(extra) = language
                .confirmed
                .keys()
                .find(|k| !english.contains_key(*k))
            {
                return Err(I18nError::UnknownConfirmation(language.code, extra.clone()));
            }
        }
        let checked: Vec<bool> = languages
            .iter()
            .enumerate()
            .map(|(i, language)| {
                i == 0
                    || english.keys().filter(|k| is_safety_critical(k)).all(|key| {
                        language.confirmed.get(key).is_some_and(|c| {
                            c.english == fingerprint(&english[key])
                                && c.text == fingerprint(&language.strings[key])
                        })
                    })
            })
            .collect();
        for (language, checked) in languages.iter_mut().zip(checked) {
            language.checked = checked;
        }
        Ok(Catalog { languages })
    }

    pub fn languages(&self) -> &[Language] {
        &self.languages
    }

    pub fn english(&self) -> &Language {
        &self.languages[0]
    }

    /// Confirmations that no longer hold: the English line, or the translated one,
    /// changed after the speaker confirmed it. Each needs a new review.
    pub fn stale_confirmations(&self) -> Vec<(&'static str, &str)> {
        let english = self.english();
        self.languages
            .iter()
            .flat_map(|language| {
                language
                    .confirmed
                    .iter()
                    .filter(|(key, c)| {
                        c.english != fingerprint(english.text(key))
                            || c.text != fingerprint(language.text(key))
                    })
                    .map(|(key, _)| (language.code, key.as_str()))
            })
            .collect()
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

    /// The English text for `key`, for what the page says in English too.
    pub fn english(&self, key: &str) -> &'static str {
        catalog().pick(None).t(key)
    }

    /// False while a fluent speaker has yet to confirm some safety-critical line.
    pub fn checked(&self) -> bool {
        self.0.checked
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
        assert_eq!(catalog.languages().len(), FILES.len());
        let mut english: Vec<_> = catalog.english().strings.keys().collect();
        english.sort();
        for language in catalog.languages() {
            let mut keys: Vec<_> = language.strings.keys().collect();
            keys.sort();
            assert_eq!(keys, english, "{}", language.code);
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
        let english = &catalog().english().strings;
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

    #[test]
    fn the_safety_critical_lines_are_the_ones_the_issue_names() {
        let english = &catalog().english().strings;
        let critical: Vec<_> = english.keys().filter(|k| is_safety_critical(k)).collect();
        for key in [
            "intro",
            "promise_sealed",
            "promise_read",
            "promise_removed",
            "promise_where",
            "promise_no_trace",
            "call_emergency",
            "call_mbie",
            "receipt_write_down",
            "receipt_safety",
            "follow_up_intro",
            "status_received",
            "status_passed_on",
            "category_slavery",
            "error_store",
        ] {
            assert!(critical.contains(&&key.to_string()), "{key}");
        }
        for key in ["lang_name", "nav_report", "promises_heading", "review_note"] {
            assert!(!is_safety_critical(key), "{key}");
        }
        // Every prefix names at least one key, so none is a typo.
        for p in SAFETY_CRITICAL {
            assert!(
                critical.iter().any(|k| k.starts_with(p)),
                "{p} names nothing"
            );
        }
    }

    /// A catalog of English and one translation, `[confirmed]` as given.
    fn two(english: &str, other: &str) -> Result<Catalog, I18nError> {
        let en: &'static str = Box::leak(english.to_owned().into_boxed_str());
        let xx: &'static str = Box::leak(other.to_owned().into_boxed_str());
        Catalog::parse(&[("en", en), ("xx", xx)])
    }

    fn confirmed(pairs: &[(&str, &str, &str)]) -> String {
        let mut out = String::from("[confirmed]\n");
        for (key, english, text) in pairs {
            out += &format!(
                "{key} = {{ english = \"{}\", text = \"{}\" }}\n",
                fingerprint(english),
                fingerprint(text)
            );
        }
        out
    }

    #[test]
    fn a_translation_is_checked_once_every_safety_critical_line_is_confirmed() {
        let en = "lang_name = \"English\"\nintro = \"Hello.\"\nerror_store = \"Not saved.\"\n";
        let body = "lang_name = \"X\"\nintro = \"Hallo.\"\nerror_store = \"Nicht.\"\n";
        // Nothing confirmed: being checked.
        let c = two(en, body).unwrap();
        assert!(c.english().checked() && !c.languages()[1].checked());
        // One of two: still being checked. (`lang_name` needs no confirmation.)
        let half = confirmed(&[("intro", "Hello.", "Hallo.")]);
        assert!(!two(en, &format!("{body}{half}")).unwrap().languages()[1].checked());
        let all = confirmed(&[
            ("intro", "Hello.", "Hallo."),
            ("error_store", "Not saved.", "Nicht."),
        ]);
        let c = two(en, &format!("{body}{all}")).unwrap();
        assert!(c.languages()[1].checked());
        assert!(c.stale_confirmations().is_empty());

        // The English changes: the confirmation no longer counts, and the test that
        // guards the real files fails until it is removed (marked for re-review).
        let changed = en.replace("Hello.", "Hello there.");
        let c = two(&changed, &format!("{body}{all}")).unwrap();
        assert!(!c.languages()[1].checked());
        assert_eq!(c.stale_confirmations(), vec![("xx", "intro")]);
        // So does an edit of the confirmed translation.
        let edited = body.replace("Nicht.", "Nicht gespeichert.");
        let c = two(en, &format!("{edited}{all}")).unwrap();
        assert_eq!(c.stale_confirmations(), vec![("xx", "error_store")]);

        assert_eq!(
            two(en, &format!("{body}{}", confirmed(&[("nope", "a", "b")]))).err(),
            Some(I18nError::UnknownConfirmation("xx", "nope".into()))
        );
        assert_eq!(
            two(&format!("{en}{all}"), body).err(),
            Some(I18nError::EnglishConfirmed)
        );
    }

    /// Fails when an English line, or a confirmed translation, changed after a fluent
    /// speaker confirmed it: delete the confirmation (the line awaits review again) or
    /// record a new one (`tipline translations --confirm`).
    #[test]
    fn every_confirmation_was_made_against_the_english_of_today() {
        let stale = catalog().stale_confirmations();
        assert!(
            stale.is_empty(),
            "confirmed against other text, so awaiting review again: {stale:?}; \
             delete these lines from `[confirmed]` (see translations/REVIEW.md)"
        );
    }

    /// The built-in files as the service reads them, for the lints below.
    fn translations() -> impl Iterator<Item = &'static Language> {
        catalog().languages().iter().skip(1)
    }

    /// Languages that write the glottal stop, which is the ʻokina (U+02BB), never an
    /// apostrophe or a quotation mark (which screen readers and search read differently).
    const GLOTTAL_STOP: [&str; 2] = ["sm", "to"];

    /// Names written with an apostrophe in every language.
    const NAMES_WITH_APOSTROPHES: [&str; 1] = ["Hawke's Bay"];

    #[test]
    fn the_glottal_stop_is_the_okina_everywhere() {
        for language in translations().filter(|l| GLOTTAL_STOP.contains(&l.code)) {
            let mut okina = 0;
            for (key, text) in &language.strings {
                let mut text = text.clone();
                for name in NAMES_WITH_APOSTROPHES {
                    text = text.replace(name, "");
                }
                for bad in ['\'', '’', '‘', 'ʼ', '`', '´'] {
                    assert!(
                        !text.contains(bad),
                        "{}: `{key}` writes the glottal stop as {bad:?}, not ʻ (U+02BB): {text}",
                        language.code
                    );
                }
                okina += text.matches('ʻ').count();
            }
            assert!(okina > 20, "{}: only {okina} ʻ", language.code);
        }
    }

    /// The numbers in `text`, digit groups joined (`20,000`, `20.000` and `20 000` with a
    /// no-break space all read 20000), so each language may write them its own way.
    fn numbers(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let mut number = String::new();
            loop {
                while i < chars.len() && chars[i].is_ascii_digit() {
                    number.push(chars[i]);
                    i += 1;
                }
                let group = |at: usize| {
                    chars
                        .get(at..at + 3)
                        .is_some_and(|g| g.iter().all(char::is_ascii_digit))
                        && !chars.get(at + 3).is_some_and(char::is_ascii_digit)
                };
                let separator = chars
                    .get(i)
                    .is_some_and(|c| [',', '.', '\u{a0}', '\u{202f}', '\u{2009}'].contains(c));
                if separator && group(i + 1) {
                    i += 1;
                } else {
                    break;
                }
            }
            out.push(number);
        }
        out.sort();
        out
    }

    #[test]
    fn numbers_are_read_the_same_way_as_a_helper() {
        assert_eq!(numbers("At most 20,000 characters."), ["20000"]);
        assert_eq!(numbers("Tối đa 20.000 ký tự."), ["20000"]);
        assert_eq!(numbers("máximo 20\u{a0}000 y 5000"), ["20000", "5000"]);
        assert_eq!(numbers("call 0800 20 90 20."), ["0800", "20", "20", "90"]);
        assert_eq!(numbers("20.00"), ["00", "20"]);
    }

    /// A number is a number in every language: a limit, the receipt example, and above
    /// all the emergency line and MBIE's.
    #[test]
    fn numbers_and_phone_lines_match_english() {
        let english = catalog().english();
        assert!(english.text("call_emergency").contains("111"));
        assert!(english.text("call_mbie").contains("0800 20 90 20"));
        for language in translations() {
            for (key, text) in &language.strings {
                let source = english.text(key);
                assert_eq!(
                    numbers(text),
                    numbers(source),
                    "{}: `{key}` has other numbers than English: {text}",
                    language.code
                );
                assert!(
                    !text.chars().any(|c| c.is_numeric() && !c.is_ascii_digit()),
                    "{}: `{key}` writes digits other than 0-9: {text}",
                    language.code
                );
                // Written exactly as English writes them, so they can be dialled or typed.
                for exact in ["111", "0800 20 90 20", "7K2M-Q9XD-B4T1-W8HN-3PRC"] {
                    assert_eq!(
                        text.contains(exact),
                        source.contains(exact),
                        "{}: `{key}` must write {exact} as English does: {text}",
                        language.code
                    );
                }
            }
        }
    }
}
