//! Length hiding for sealed tips. The sealed plaintext is the tip's JSON followed by
//! spaces up to a bucket size: 2 KiB, then the next power of two. JSON allows trailing
//! whitespace, so the reader (`RawTip::from_json`) needs no change and envelopes sealed
//! before padding existed still open. Power-of-two buckets keep the number of distinct
//! lengths small: the longest possible tip (20,000 characters, every one escaped to six
//! bytes) fits in 128 KiB, so a ciphertext shows one of seven sizes and nothing finer.
//! `static/report.js` pads the same way in the browser.

/// The smallest bucket: a short tip and a long paragraph look the same.
pub const MIN_BUCKET: usize = 2048;

/// The length a plaintext of `len` bytes is padded to.
pub fn padded_len(len: usize) -> usize {
    len.max(MIN_BUCKET).next_power_of_two()
}

/// Pads JSON with spaces to its bucket.
pub fn pad(mut json: Vec<u8>) -> Vec<u8> {
    let target = padded_len(json.len());
    json.resize(target, b' ');
    json
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tip::{MAX_BODY_CHARS, MAX_LOCATION_CHARS};
    use crate::domain::RawTip;

    #[test]
    fn buckets() {
        assert_eq!(padded_len(0), 2048);
        assert_eq!(padded_len(2048), 2048);
        assert_eq!(padded_len(2049), 4096);
        assert_eq!(padded_len(70_000), 131_072);
    }

    #[test]
    fn padded_tips_read_back_and_short_and_long_look_alike() {
        let short = RawTip::parse("other", &"a".repeat(10), None).unwrap();
        let long = RawTip::parse("other", &"a".repeat(900), Some("Ōtautahi")).unwrap();
        let (a, b) = (pad(short.to_json()), pad(long.to_json()));
        assert_eq!(a.len(), b.len());
        assert_eq!(RawTip::from_json(&a).unwrap(), short);
        assert_eq!(RawTip::from_json(&b).unwrap(), long);
        // Unpadded JSON (older envelopes, clients that do not pad) still reads.
        assert_eq!(RawTip::from_json(&short.to_json()).unwrap(), short);
    }

    #[test]
    fn the_largest_tip_fits_the_largest_bucket() {
        let worst = RawTip::parse(
            "worker_exploitation",
            &"\u{1}".repeat(MAX_BODY_CHARS),
            Some(&"\u{1}".repeat(MAX_LOCATION_CHARS)),
        )
        .unwrap();
        assert!(pad(worst.to_json()).len() <= 131_072);
    }
}
