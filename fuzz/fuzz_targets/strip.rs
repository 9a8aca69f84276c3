//! Any bytes as each type a reporter may send: the checks made while a file streams in
//! (`Inspector`) and the stripper (`strip`), which must answer without a panic (a panic
//! aborts here, though the worker would catch it) and, for an image, give a copy that
//! decodes again. Seed with small JPEG, PNG, WebP and PDF files.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tipline::attachments::{strip, AttachmentKind, Inspector};

const KINDS: [AttachmentKind; 6] = [
    AttachmentKind::Jpeg,
    AttachmentKind::Png,
    AttachmentKind::WebP,
    AttachmentKind::Heif,
    AttachmentKind::Pdf,
    AttachmentKind::Text,
];

fuzz_target!(|data: &[u8]| {
    if let Ok(mut inspector) = Inspector::start(data) {
        for chunk in data.chunks(7) {
            inspector.feed(chunk);
        }
        let _ = inspector.finish();
    }
    let redact = |text: &str| Some(text.to_owned());
    for kind in KINDS {
        if let Ok(copy) = strip(kind, data, &redact) {
            if kind.is_image() {
                assert!(image::load_from_memory(copy.bytes()).is_ok());
            }
        }
    }
});
