//! Any bytes as each type a reporter may send: the checks made while a file streams in
//! (`Inspector`) and the stripper (`strip`), which must answer without a panic (a panic
//! aborts here, though the worker would catch it) and, for an image, give a copy that
//! decodes again. A HEIF is decoded by libheif in this process (the worker runs it in a
//! child it can lose), so a crash or abort in libheif shows here. Seed with small JPEG,
//! PNG, WebP, HEIC and PDF files.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tipline::attachments::render::{read_pages, PageLimits, PagePixels};
use tipline::attachments::{heif, strip, AttachmentKind, Inspector, Unreadable};

const KINDS: [AttachmentKind; 6] = [
    AttachmentKind::Jpeg,
    AttachmentKind::Png,
    AttachmentKind::WebP,
    AttachmentKind::Heif,
    AttachmentKind::Pdf,
    AttachmentKind::Text,
];

/// What the worker's decoder process does, in this process.
fn decode_heif(file: &[u8]) -> Result<PagePixels, Unreadable> {
    let mut out = Vec::new();
    heif::decode_to(file, 512 << 20, &mut out).map_err(|_| Unreadable::Malformed)?;
    let limits = PageLimits {
        pages: 1,
        dpi: 72,
        max_pixels: heif::MAX_PIXELS,
    };
    read_pages(&mut &out[..], limits, Some)
        .and_then(|read| read.pages.into_iter().next())
        .ok_or(Unreadable::Malformed)
}

fuzz_target!(|data: &[u8]| {
    if let Ok(mut inspector) = Inspector::start(data) {
        for chunk in data.chunks(7) {
            inspector.feed(chunk);
        }
        let _ = inspector.finish();
    }
    let redact = |text: &str| Some(text.to_owned());
    for kind in KINDS {
        if let Ok(copy) = strip(kind, data, &redact, &decode_heif) {
            if kind.is_image() {
                assert!(image::load_from_memory(copy.bytes()).is_ok());
            }
        }
    }
});
