//! Stripping: what a handler may see and an agency may receive of a file. Images are
//! decoded and encoded again from their pixels, so nothing but pixels survives (EXIF,
//! XMP, IPTC, GPS, maker notes, embedded thumbnails; a HEIC's pixels come from a child
//! process, `attachments::heif`); PDFs lose their document
//! information and every XMP stream; text goes through the redaction engine like a tip.

use super::kind::{AttachmentKind, Inspector, Refused};

/// A file with what identifies its sender removed. Only `strip` makes one (and
/// `black_out`, from one, and `page`, from a PDF page's pixels), and only one of these
/// is stored for handlers or forwarded: the original never leaves sealed.
pub struct StrippedAttachment {
    kind: AttachmentKind,
    bytes: Vec<u8>,
    /// The text written in a PDF, as the redaction engine redacts it: for the handler to
    /// judge the file by (the PDF itself is sent as it is), never forwarded.
    found_text: Option<String>,
}

impl StrippedAttachment {
    /// JPEG, PNG, PDF or text (a WebP comes out as PNG, a HEIC/HEIF as JPEG).
    pub fn kind(&self) -> AttachmentKind {
        self.kind
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn found_text(&self) -> Option<&str> {
        self.found_text.as_deref()
    }
}

/// Why a file could not be stripped; a closed list, stored with the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    #[error("the file could not be read: it is damaged, cut short or not what its type says")]
    Malformed,
    /// A well-formed HEIC/HEIF whose image is coded in a way not decoded here (AV1,
    /// JPEG 2000, ...). Before HEVC photos were decoded, every HEIC was this.
    #[error("this HEIC/HEIF photo is coded in a way this service cannot open (it opens the HEVC photos phones take), so its metadata cannot be removed and it is withheld; ask the reporter for a JPEG or PNG")]
    NotDecodable,
    #[error("the PDF is password-protected, so its metadata cannot be removed; it is withheld")]
    Encrypted,
    #[error("the file is not what it was sent as: its content is not that type, or no type this service takes; it is withheld")]
    WrongType,
}

impl Unreadable {
    pub fn as_str(self) -> &'static str {
        match self {
            Unreadable::Malformed => "malformed",
            Unreadable::NotDecodable => "not_decodable",
            Unreadable::Encrypted => "encrypted",
            Unreadable::WrongType => "wrong_type",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "malformed" => Unreadable::Malformed,
            "not_decodable" => Unreadable::NotDecodable,
            "encrypted" => Unreadable::Encrypted,
            "wrong_type" => Unreadable::WrongType,
            _ => return None,
        })
    }
}

/// The checks intake makes of a file as it streams in, made again of the whole opened
/// file: a file sealed in the browser reached the service unseen, so its type is the
/// browser's word until its content says the same.
fn is_what_it_claims(kind: AttachmentKind, original: &[u8]) -> Result<(), Unreadable> {
    let why = |refused| match refused {
        Refused::WrongType => Unreadable::WrongType,
        Refused::Empty | Refused::Truncated => Unreadable::Malformed,
    };
    let mut inspector = Inspector::start(original).map_err(why)?;
    if inspector.kind() != kind {
        return Err(Unreadable::WrongType);
    }
    inspector.feed(original);
    inspector.finish().map(|_| ()).map_err(why)
}

/// A stripped image with a region blacked out by a handler: still made from pixels
/// alone, so still a `StrippedAttachment`; the region's original pixels are gone.
pub fn black_out(
    kind: AttachmentKind,
    copy: &[u8],
    region: super::image::Region,
) -> Result<StrippedAttachment, super::image::BlackOutError> {
    let bytes = std::panic::catch_unwind(|| super::image::black_out(copy, kind, region))
        .unwrap_or(Err(Unreadable::Malformed.into()))?;
    Ok(StrippedAttachment {
        kind,
        bytes,
        found_text: None,
    })
}

/// A page of a stripped PDF as the renderer drew it: a PNG encoded here from the pixels
/// alone (the renderer ran on a hostile file, in another process, so nothing but pixels
/// is taken from it). `None` when the pixels do not make an image.
pub fn page(pixels: super::render::PagePixels) -> Option<StrippedAttachment> {
    let bytes = super::image::png_from_rgb(pixels.width, pixels.height, pixels.rgb)?;
    Some(StrippedAttachment {
        kind: AttachmentKind::Png,
        bytes,
        found_text: None,
    })
}

/// Strips a file of `kind` (as told at intake, or as the browser that sealed it named
/// it: checked here by content first, then by its decoder). `redact` is the redaction
/// engine's text for a text (a text file's, or a PDF's words), `None` when it failed.
/// `decode_heif` is a HEIC/HEIF photo's pixels, decoded out of this process
/// (`worker::heif`); they are encoded as a JPEG here. A parser that panics on a hostile
/// file makes it `Malformed`, not a stopped worker.
pub fn strip(
    kind: AttachmentKind,
    original: &[u8],
    redact: &dyn Fn(&str) -> Option<String>,
    decode_heif: &dyn Fn(&[u8]) -> Result<super::render::PagePixels, Unreadable>,
) -> Result<StrippedAttachment, Unreadable> {
    is_what_it_claims(kind, original)?;
    let stripped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match kind {
        AttachmentKind::Jpeg => super::image::reencode(original, kind, AttachmentKind::Jpeg)
            .map(|(kind, bytes)| (kind, bytes, None)),
        AttachmentKind::Png | AttachmentKind::WebP => {
            super::image::reencode(original, kind, AttachmentKind::Png)
                .map(|(kind, bytes)| (kind, bytes, None))
        }
        AttachmentKind::Heif => decode_heif(original).and_then(|pixels| {
            super::image::jpeg_from_rgb(pixels.width, pixels.height, pixels.rgb)
                .map(|bytes| (AttachmentKind::Jpeg, bytes, None))
                .ok_or(Unreadable::Malformed)
        }),
        AttachmentKind::Pdf => super::pdf::strip(original)
            .map(|(bytes, text)| (AttachmentKind::Pdf, bytes, text.as_deref().and_then(redact))),
        AttachmentKind::Text => std::str::from_utf8(original)
            .ok()
            .and_then(redact)
            .map(|text| (AttachmentKind::Text, text.into_bytes(), None))
            .ok_or(Unreadable::Malformed),
    }))
    .unwrap_or(Err(Unreadable::Malformed))?;
    let (kind, bytes, found_text) = stripped;
    Ok(StrippedAttachment {
        kind,
        bytes,
        found_text,
    })
}
