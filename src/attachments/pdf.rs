//! PDFs without their document information dictionary (author, creator, producer,
//! dates), file identifiers, and XMP metadata streams (on the catalogue, pages, images,
//! anywhere). The document is written out again from its live objects, so earlier
//! revisions kept by incremental saves are dropped too.

use super::strip::Unreadable;
use lopdf::{Document, Object};

pub fn strip(original: &[u8]) -> Result<Vec<u8>, Unreadable> {
    let mut document = Document::load_mem(original).map_err(|_| Unreadable::Malformed)?;
    if document.is_encrypted() {
        return Err(Unreadable::Encrypted);
    }
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
    Ok(out)
}
