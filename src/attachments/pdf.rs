//! PDFs without their document information dictionary (author, creator, producer,
//! dates), file identifiers, and XMP metadata streams (on the catalogue, pages, images,
//! anywhere). The document is written out again from its live objects, so earlier
//! revisions kept by incremental saves are dropped too. The words on its pages cannot be
//! redacted inside the PDF; they are read out for the handler to judge the file by.

use super::strip::Unreadable;
use lopdf::{Document, Object};

/// The most text taken from a PDF for the redaction engine: enough to judge it by,
/// bounded so a huge document cannot hold the worker.
const MAX_TEXT_CHARS: usize = 100_000;

/// The PDF without its metadata, and the text its pages show (`None` when none could be
/// read), for the handler to see through the redaction engine.
pub fn strip(original: &[u8]) -> Result<(Vec<u8>, Option<String>), Unreadable> {
    let mut document = Document::load_mem(original).map_err(|_| Unreadable::Malformed)?;
    if document.is_encrypted() {
        return Err(Unreadable::Encrypted);
    }
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document
        .extract_text(&pages)
        .ok()
        .map(|t| t.chars().take(MAX_TEXT_CHARS).collect::<String>())
        .filter(|t| !t.trim().is_empty());
    document.trailer.remove(b"Info");
    document.trailer.remove(b"ID");
    for object in document.objects.values_mut() {
        let dictionary = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &mut s.dict,
            _ => continue,
        };
        dictionary.remove(b"Metadata");
        // Per-application private data (editors keep authorship there).
        dictionary.remove(b"PieceInfo");
    }
    document.prune_objects();
    let mut out = Vec::new();
    document
        .save_to(&mut out)
        .map_err(|_| Unreadable::Malformed)?;
    Ok((out, text))
}
