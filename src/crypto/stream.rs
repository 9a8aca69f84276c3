//! Files too large to seal in one piece: a fresh content key per file (sealed with HPKE to
//! the intake key by the caller) and the file in fixed-size chunks, each sealed with
//! AES-256-GCM under that key. A chunk's nonce is its number and whether it is the last
//! (the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár), so a chunk moved,
//! dropped or repeated does not open, and neither does a file cut short: its last stored
//! chunk was not sealed as the last.
//!
//! The report pages seal files in the browser in exactly this format (`static/files.js`,
//! WebCrypto), so a chunk sealed there and one sealed here open alike in the worker.

use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM};

/// The plaintext bytes in every chunk but the last.
pub const CHUNK_BYTES: usize = 256 * 1024;

/// What sealing adds to a chunk (the AES-GCM tag).
pub const TAG_BYTES: usize = 16;

/// The length of a file of `plain` bytes sealed by `ContentKey::seal_chunks`.
pub fn sealed_len(plain: usize) -> usize {
    plain + TAG_BYTES * plain.div_ceil(CHUNK_BYTES).max(1)
}

/// A file's own key. Used for one file only, so counting nonces never repeat.
pub struct ContentKey {
    raw: [u8; 32],
    aead: LessSafeKey,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum StreamError {
    #[error("a content key must be 32 bytes")]
    BadKey,
    #[error("a chunk did not open: it was altered, moved, or the file was cut short")]
    Unauthentic,
}

impl ContentKey {
    pub fn generate() -> Self {
        Self::from_bytes(&super::random_bytes::<32>()).expect("32 bytes make a key")
    }

    pub fn from_bytes(raw: &[u8]) -> Result<Self, StreamError> {
        let raw: [u8; 32] = raw.try_into().map_err(|_| StreamError::BadKey)?;
        let aead =
            LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &raw).map_err(|_| StreamError::BadKey)?);
        Ok(ContentKey { raw, aead })
    }

    /// The key itself, to be sealed to the intake key.
    pub fn as_bytes(&self) -> &[u8] {
        &self.raw
    }

    /// Seals chunk number `n`; `last` marks the file's final chunk.
    pub fn seal_chunk(&self, place: &str, n: u64, last: bool, plaintext: &[u8]) -> Vec<u8> {
        let mut body = plaintext.to_vec();
        self.aead
            .seal_in_place_append_tag(nonce(n, last), Aad::from(place.as_bytes()), &mut body)
            .expect("AES-GCM sealing of a bounded buffer cannot fail");
        body
    }

    /// Opens chunk number `n`, which must have been sealed with the same `last`.
    pub fn open_chunk(
        &self,
        place: &str,
        n: u64,
        last: bool,
        sealed: &[u8],
    ) -> Result<Vec<u8>, StreamError> {
        let mut body = sealed.to_vec();
        let plain = self
            .aead
            .open_in_place(nonce(n, last), Aad::from(place.as_bytes()), &mut body)
            .map_err(|_| StreamError::Unauthentic)?;
        Ok(plain.to_vec())
    }

    /// Seals a whole file, a chunk at a time as the iterator is read, so the sealed
    /// copy need not be held whole beside the file. An empty file is one empty last chunk.
    pub fn seal_chunks<'a>(
        &'a self,
        place: &'a str,
        plaintext: &'a [u8],
    ) -> impl Iterator<Item = Vec<u8>> + 'a {
        let count = plaintext.len().div_ceil(CHUNK_BYTES).max(1);
        (0..count).map(move |n| {
            let start = n * CHUNK_BYTES;
            let end = (start + CHUNK_BYTES).min(plaintext.len());
            self.seal_chunk(place, n as u64, n + 1 == count, &plaintext[start..end])
        })
    }

    /// Opens a file sealed by `seal_chunks` as its chunks follow one another in `sealed`
    /// (every one but the last `CHUNK_BYTES + TAG_BYTES` long), handing each opened chunk
    /// to `each` in order, so neither the file nor its sealed copy is held whole.
    pub fn open_chunks(
        &self,
        place: &str,
        mut sealed: impl std::io::Read,
        mut each: impl FnMut(&[u8]) -> std::io::Result<()>,
    ) -> Result<(), OpenStreamError> {
        let mut current = read_up_to(&mut sealed, CHUNK_BYTES + TAG_BYTES)?;
        for n in 0u64.. {
            // A full chunk is the last only when nothing follows it.
            let next = if current.len() == CHUNK_BYTES + TAG_BYTES {
                read_up_to(&mut sealed, CHUNK_BYTES + TAG_BYTES)?
            } else {
                Vec::new()
            };
            let last = next.is_empty();
            each(&self.open_chunk(place, n, last, &current)?)?;
            if last {
                break;
            }
            current = next;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum OpenStreamError {
    #[error(transparent)]
    Unauthentic(#[from] StreamError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Reads until `limit` bytes or the end, whichever comes first.
fn read_up_to(reader: &mut impl std::io::Read, limit: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(limit);
    reader.take(limit as u64).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// 8 bytes of chunk number, 3 zero bytes, then 1 if this is the last chunk.
fn nonce(n: u64, last: bool) -> Nonce {
    let mut bytes = [0u8; 12];
    bytes[..8].copy_from_slice(&n.to_be_bytes());
    bytes[11] = u8::from(last);
    Nonce::assume_unique_for_key(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_open_only_in_their_place_and_as_last_only_when_sealed_so() {
        let key = ContentKey::generate();
        let first = key.seal_chunk("a", 0, false, b"one");
        let last = key.seal_chunk("a", 1, true, b"two");
        assert_eq!(key.open_chunk("a", 0, false, &first).unwrap(), b"one");
        assert_eq!(key.open_chunk("a", 1, true, &last).unwrap(), b"two");
        // Reordered, cut short, or moved to another file: none opens.
        assert!(key.open_chunk("a", 1, false, &first).is_err());
        assert!(key.open_chunk("a", 0, true, &first).is_err());
        assert!(key.open_chunk("b", 0, false, &first).is_err());
        let again = ContentKey::from_bytes(key.as_bytes()).unwrap();
        assert_eq!(again.open_chunk("a", 1, true, &last).unwrap(), b"two");
    }

    fn opened(key: &ContentKey, place: &str, sealed: &[u8]) -> Result<Vec<u8>, OpenStreamError> {
        let mut out = Vec::new();
        key.open_chunks(place, sealed, |chunk| {
            out.extend_from_slice(chunk);
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn a_whole_file_sealed_in_chunks_opens_only_whole_and_in_its_place() {
        let key = ContentKey::generate();
        // Empty, shorter than a chunk, exactly two chunks, and a part chunk after two.
        for size in [0, 10, 2 * CHUNK_BYTES, 2 * CHUNK_BYTES + 5] {
            let file: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
            let sealed: Vec<u8> = key.seal_chunks("p", &file).flatten().collect();
            assert_eq!(sealed.len(), sealed_len(size));
            assert_eq!(opened(&key, "p", &sealed).unwrap(), file, "{size}");
            assert!(opened(&key, "q", &sealed).is_err(), "{size}: another place");
            if size > CHUNK_BYTES {
                // Cut after a whole chunk: that chunk was not sealed as the last.
                assert!(opened(&key, "p", &sealed[..CHUNK_BYTES + TAG_BYTES]).is_err());
            }
            let mut altered = sealed.clone();
            altered[0] ^= 1;
            assert!(opened(&key, "p", &altered).is_err());
        }
    }
}
