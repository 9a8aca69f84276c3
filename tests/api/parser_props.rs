//! The reporter-facing parsers on any input: the sealed envelope, the tip's JSON, the
//! receipt code as typed, and console form bodies. Never a panic; what parses round-trips.
//! `fuzz/fuzz_targets/intake.rs` runs the same properties under libFuzzer.

use proptest::prelude::*;
use std::sync::OnceLock;
use tipline::crypto::receipt::Receipt;
use tipline::crypto::sealing::{self, Envelope, IntakeKeys};
use tipline::domain::RawTip;
use tipline::review::csrf::FormFields;

fn keys() -> &'static IntakeKeys {
    static KEYS: OnceLock<IntakeKeys> = OnceLock::new();
    KEYS.get_or_init(|| {
        IntakeKeys::from_private_keys(&[sealing::generate_private_key()], "test").unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn envelopes_of_any_shape_are_refused_cleanly(key_id in ".{0,20}", enc in ".{0,120}", ct in ".{0,200}") {
        let envelope = Envelope { key_id, enc, ct };
        prop_assert!(keys().open(&envelope).is_err());
    }

    #[test]
    fn a_sealed_tip_opens_to_what_was_sealed(body in "\\PC{1,300}") {
        let tip = RawTip::parse("other", &body, None);
        prop_assume!(tip.is_ok());
        let tip = tip.unwrap();
        let opened = keys().open(&keys().seal(&tip.to_json())).unwrap();
        prop_assert_eq!(RawTip::from_json(&opened).unwrap(), tip);
    }

    #[test]
    fn tip_json_of_any_bytes_parses_or_is_refused(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(tip) = RawTip::from_json(&bytes) {
            prop_assert_eq!(RawTip::from_json(&tip.to_json()).unwrap(), tip);
        }
    }

    #[test]
    fn a_typed_receipt_parses_to_a_canonical_code_or_nothing(typed in "\\PC{0,40}") {
        if let Some(receipt) = Receipt::parse(&typed) {
            prop_assert_eq!(receipt.canonical().len(), 20);
            let again = Receipt::parse(&receipt.to_string()).unwrap();
            prop_assert_eq!(again.canonical(), receipt.canonical());
        }
    }

    #[test]
    fn form_bodies_of_any_bytes_parse(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let form = FormFields::parse(&bytes);
        let _ = form.get("csrf");
        let _ = form.all("keep");
    }
}
