//! TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, one step of clock skew either
//! way) for console sign-in, and the enrolment QR code. Secrets are 160 random bits,
//! stored only as AEAD ciphertext bound to the handler.

use base64::Engine as _;
use qrcodegen::{QrCode, QrCodeEcc};
use totp_rs::{Algorithm, Builder, Secret, Totp};

const ISSUER: &str = "tipline";

pub fn new_secret() -> Vec<u8> {
    crate::crypto::random_bytes::<20>().to_vec()
}

fn totp(secret: &[u8], username: &str) -> Totp {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret.to_vec())
        .with_issuer(Some(ISSUER))
        // A colon is not allowed in the label; usernames never need one.
        .with_account_name(username.replace(':', "_"))
        .build()
        .expect("a 160-bit secret with RFC 6238 defaults is valid")
}

/// The time step `code` is valid for at `now`, if any. The caller makes sure a step is
/// accepted only once.
pub fn check(secret: &[u8], code: &str, now: i64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let now = u64::try_from(now).ok()?;
    totp(secret, "-")
        .check(&code, now)
        .and_then(|step| i64::try_from(step).ok())
}

/// What an authenticator app needs: the secret in base32 and as an `otpauth://` QR code
/// (an SVG `data:` URL, allowed by the page policy).
pub struct Enrolment {
    pub secret_base32: String,
    pub qr_data_url: String,
}

pub fn enrolment(secret: &[u8], username: &str) -> Enrolment {
    let totp = totp(secret, username);
    let url = totp
        .to_url()
        .expect("issuer and account name are set and valid");
    let qr =
        QrCode::encode_text(&url, QrCodeEcc::Medium).expect("an otpauth URL fits in a QR code");
    Enrolment {
        secret_base32: Secret::from(secret.to_vec()).to_base32(),
        qr_data_url: format!(
            "data:image/svg+xml;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(svg(&qr))
        ),
    }
}

/// The QR code as SVG: one path of unit squares, with a four-module quiet zone.
fn svg(qr: &QrCode) -> String {
    let border = 4;
    let size = qr.size() + 2 * border;
    let mut path = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" \
         shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\
         <path d=\"{path}\" fill=\"#000\"/></svg>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1, truncated to 6 digits.
    #[test]
    fn matches_the_rfc_test_vectors() {
        let secret = b"12345678901234567890";
        assert_eq!(check(secret, "287082", 59), Some(1));
        assert_eq!(check(secret, "081804", 1111111109), Some(37037036));
        assert_eq!(check(secret, "005924", 1234567890), Some(41152263));
        assert_eq!(check(secret, "000000", 59), None);
        assert_eq!(check(secret, "28708", 59), None);
        assert_eq!(check(secret, "abcdef", 59), None);
    }

    #[test]
    fn enrolment_shows_the_secret_and_a_qr_code() {
        let e = enrolment(b"12345678901234567890", "ana");
        assert_eq!(e.secret_base32, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert!(e.qr_data_url.starts_with("data:image/svg+xml;base64,"));
    }
}
