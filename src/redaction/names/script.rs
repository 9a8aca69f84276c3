//! Writing systems, as far as finding names needs them: whether a script has capitals
//! (a name in it can be told by shape) and whether it puts spaces between words.

use crate::redaction::text::is_alphabetic;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin, Greek, Cyrillic, Armenian: capitals mark names.
    Cased,
    /// Chinese characters and Japanese kana: no capitals, no spaces between words.
    Han,
    /// Korean: no capitals; spaces between phrases, with particles glued to words.
    Hangul,
    /// Thai and Lao: no capitals, no spaces between words (spaces between phrases).
    Thai,
    /// Any other script (Devanagari, Bengali, Arabic ...): no capitals, spaced words.
    Other,
}

impl Script {
    pub fn of(c: char) -> Script {
        if c.is_ascii() {
            return Script::Cased;
        }
        match u32::from(c) {
            0x0E00..=0x0EFF => Script::Thai,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
            0x2E80..=0x2FDF
            | 0x3005
            | 0x3040..=0x30FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xF900..=0xFAFF
            | 0x20000..=0x3FFFF => Script::Han,
            // Below Hebrew: Latin, Greek, Cyrillic, Armenian, their marks and modifier
            // letters such as the ʻokina.
            n if n < 0x0590 || c.is_uppercase() || c.is_lowercase() => Script::Cased,
            _ => Script::Other,
        }
    }

    /// Whether a script writes words without spaces between them.
    pub fn unspaced(self) -> bool {
        matches!(self, Script::Han | Script::Thai)
    }
}

/// A character that belongs inside a word: a letter, or a mark or sign that Unicode does
/// not count as alphabetic (the Devanagari virama, Thai tone marks, zero-width joiners),
/// but not a digit or a sentence mark (the danda).
pub fn is_word_char(c: char) -> bool {
    if is_alphabetic(c) {
        return true;
    }
    let n = u32::from(c);
    match n {
        0x0300..=0x036F | 0x200C | 0x200D => true,
        // Indic blocks: each has its digits at 0x66..=0x6F of the block.
        0x0900..=0x0DFF => !(0x66..=0x6F).contains(&(n & 0x7F)) && !matches!(n, 0x0964 | 0x0965),
        0x0E00..=0x0EFF => !matches!(n, 0x0E50..=0x0E59 | 0x0ED0..=0x0ED9),
        // Myanmar and Khmer: their signs and stacked consonants, not digits or stops.
        0x1000..=0x109F => !matches!(n, 0x1040..=0x104F | 0x1090..=0x1099),
        0x1780..=0x17FF => !matches!(n, 0x17D4..=0x17DA | 0x17E0..=0x17F9),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_of_letters() {
        assert_eq!(Script::of('a'), Script::Cased);
        assert_eq!(Script::of('Ж'), Script::Cased);
        assert_eq!(Script::of('ʻ'), Script::Cased);
        assert_eq!(Script::of('王'), Script::Han);
        assert_eq!(Script::of('さ'), Script::Han);
        assert_eq!(Script::of('김'), Script::Hangul);
        assert_eq!(Script::of('ช'), Script::Thai);
        assert_eq!(Script::of('प'), Script::Other);
    }

    #[test]
    fn marks_stay_inside_words() {
        // The virama and a vowel sign of प्रिया, but not a digit or the danda.
        assert!(is_word_char('\u{94D}'));
        assert!(is_word_char('\u{93F}'));
        assert!(!is_word_char('५'));
        assert!(!is_word_char('।'));
        assert!(!is_word_char('๕'));
        // Khmer's coeng (ខ្ញុំ) stays inside its word.
        assert!(is_word_char('\u{17D2}'));
    }
}
