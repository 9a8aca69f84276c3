//! The reporter-facing parsers on any bytes: an envelope (JSON, then opening), a tip's
//! JSON, a receipt code as typed, a console form body. Never a panic; what parses
//! round-trips. `tests/api/parser_props.rs` runs the same properties on every test run.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use tipline::crypto::receipt::Receipt;
use tipline::crypto::sealing::{self, Envelope, IntakeKeys};
use tipline::domain::RawTip;
use tipline::review::csrf::FormFields;

fn keys() -> &'static IntakeKeys {
    static KEYS: OnceLock<IntakeKeys> = OnceLock::new();
    KEYS.get_or_init(|| {
        IntakeKeys::from_private_keys(&[sealing::generate_private_key()], "fuzz").unwrap()
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(envelope) = serde_json::from_slice::<Envelope>(data) {
        assert!(keys().open(&envelope).is_err());
    }
    if let Ok(tip) = RawTip::from_json(data) {
        assert_eq!(RawTip::from_json(&tip.to_json()).unwrap(), tip);
    }
    let typed = String::from_utf8_lossy(data);
    if let Some(receipt) = Receipt::parse(&typed) {
        let again = Receipt::parse(&receipt.to_string()).unwrap();
        assert_eq!(again.canonical(), receipt.canonical());
    }
    let form = FormFields::parse(data);
    let _ = form.all("keep");
});
