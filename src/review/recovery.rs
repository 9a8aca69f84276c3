//! Recovery codes: made when a handler sets up an authenticator, shown once, kept only
//! as keyed hashes, each good for one sign-in in place of a TOTP code (a lost phone).
//! 16 Crockford base32 characters (80 bits), shown in groups of four.

use crate::crypto::at_rest::DataKeys;
use crate::crypto::random_bytes;

pub const COUNT: usize = 10;
const LEN: usize = 16;
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// The purpose their keyed hashes are made for.
const PURPOSE: &str = "recovery-code";

/// A fresh set: the codes as shown (`7K2M-Q9XD-B4T1-W8HN`) and their hashes to store.
pub fn generate(keys: &DataKeys) -> (Vec<String>, Vec<String>) {
    (0..COUNT)
        .map(|_| {
            // 32 divides 256: each byte modulo 32 keeps every symbol equally likely.
            let code: String = random_bytes::<LEN>()
                .iter()
                .map(|b| ALPHABET[usize::from(b % 32)] as char)
                .collect();
            let hash = keys.lookup_hash(PURPOSE, &code);
            let shown = code
                .as_bytes()
                .chunks(4)
                .map(|c| std::str::from_utf8(c).expect("ASCII"))
                .collect::<Vec<_>>()
                .join("-");
            (shown, hash)
        })
        .unzip()
}

/// The hashes (under every data key) of what was typed, if it can be a recovery code:
/// case, spaces and dashes do not matter, nor the look-alikes O/0 and I/L/1.
pub fn hashes(keys: &DataKeys, typed: &str) -> Option<Vec<String>> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    let ok = code.len() == LEN && code.bytes().all(|b| ALPHABET.contains(&b));
    ok.then(|| keys.lookup_hashes(PURPOSE, &code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_forgivingly_and_nothing_else_does() {
        let keys = DataKeys::from_secrets(&[vec![7; 32]]);
        let (codes, stored) = generate(&keys);
        assert_eq!(codes.len(), COUNT);
        assert_eq!(codes[0].len(), LEN + 3);
        let typed = codes[0].to_lowercase().replace('-', " ");
        assert!(hashes(&keys, &typed).unwrap().contains(&stored[0]));
        assert_ne!(stored[0], stored[1]);
        assert!(hashes(&keys, "123456").is_none());
        assert!(hashes(&keys, "not a code at all!!").is_none());
    }
}
