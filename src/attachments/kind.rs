//! The types a reporter may send, told by their content (magic bytes, the `infer`
//! crate), and the checks a file can pass while it streams in: the type from its first
//! bytes, then that it is whole (a PNG ends with IEND, a PDF with `%%EOF`, a WebP is as
//! long as its header says, text is UTF-8 to the end), so a file cut short is refused at
//! the door. Whether its content decodes is the worker's to find out.

/// A type accepted from reporters. The stored value is `as_str`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentKind {
    Jpeg,
    Png,
    WebP,
    Heif,
    Pdf,
    Text,
}

/// What is accepted, for the refusal's message.
pub const ACCEPTED: &str =
    "photos (JPEG, PNG, WebP, HEIC/HEIF), PDF documents and plain text (UTF-8)";

impl AttachmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AttachmentKind::Jpeg => "jpeg",
            AttachmentKind::Png => "png",
            AttachmentKind::WebP => "webp",
            AttachmentKind::Heif => "heif",
            AttachmentKind::Pdf => "pdf",
            AttachmentKind::Text => "text",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "jpeg" => AttachmentKind::Jpeg,
            "png" => AttachmentKind::Png,
            "webp" => AttachmentKind::WebP,
            "heif" => AttachmentKind::Heif,
            "pdf" => AttachmentKind::Pdf,
            "text" => AttachmentKind::Text,
            _ => return None,
        })
    }

    pub fn media_type(self) -> &'static str {
        match self {
            AttachmentKind::Jpeg => "image/jpeg",
            AttachmentKind::Png => "image/png",
            AttachmentKind::WebP => "image/webp",
            AttachmentKind::Heif => "image/heif",
            AttachmentKind::Pdf => "application/pdf",
            AttachmentKind::Text => "text/plain; charset=utf-8",
        }
    }

    /// The file name's extension for a copy of this type.
    pub fn extension(self) -> &'static str {
        match self {
            AttachmentKind::Jpeg => "jpg",
            AttachmentKind::Png => "png",
            AttachmentKind::WebP => "webp",
            AttachmentKind::Heif => "heic",
            AttachmentKind::Pdf => "pdf",
            AttachmentKind::Text => "txt",
        }
    }

    /// A name for people (the review page).
    pub fn label(self) -> &'static str {
        match self {
            AttachmentKind::Jpeg => "JPEG image",
            AttachmentKind::Png => "PNG image",
            AttachmentKind::WebP => "WebP image",
            AttachmentKind::Heif => "HEIC/HEIF image",
            AttachmentKind::Pdf => "PDF document",
            AttachmentKind::Text => "plain text",
        }
    }

    pub fn is_image(self) -> bool {
        matches!(
            self,
            AttachmentKind::Jpeg
                | AttachmentKind::Png
                | AttachmentKind::WebP
                | AttachmentKind::Heif
        )
    }

    /// The type of a file from its first bytes, or `None` for one not accepted. Text is
    /// what no signature matches and reads as UTF-8 without control characters.
    pub fn detect(head: &[u8]) -> Option<Self> {
        match infer::get(head).map(|t| t.mime_type()) {
            Some("image/jpeg") => Some(AttachmentKind::Jpeg),
            Some("image/png") => Some(AttachmentKind::Png),
            Some("image/webp") => Some(AttachmentKind::WebP),
            Some("image/heif" | "image/heic") => Some(AttachmentKind::Heif),
            Some("application/pdf") => Some(AttachmentKind::Pdf),
            Some(_) => None,
            None => text_prefix(head).then_some(AttachmentKind::Text),
        }
    }
}

/// Whether bytes are the start of text: UTF-8 (a character cut at the end allowed) with
/// no control characters but tab, line breaks and form feed.
fn text_prefix(bytes: &[u8]) -> bool {
    let valid = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("valid up to here")
        }
        Err(_) => return false,
    };
    valid
        .chars()
        .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\x0c'))
}

/// Why a file is refused at intake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("this type of file is not accepted: send {ACCEPTED}")]
    WrongType,
    #[error("the file is empty")]
    Empty,
    #[error("the file is cut short (incomplete): send it again whole")]
    Truncated,
}

/// The last bytes kept to check a file's end.
const TAIL: usize = 1024;

/// Follows a file as it streams in: its type from the first bytes, then whether it
/// ends whole. Holds only the tail, never the file.
pub struct Inspector {
    kind: AttachmentKind,
    /// The size a WebP's RIFF header declares.
    declared: Option<u64>,
    total: u64,
    tail: Vec<u8>,
    /// Text: the bytes of a character cut by a chunk's end.
    carry: Vec<u8>,
    text_ok: bool,
}

impl Inspector {
    /// Starts from the file's first chunk (at least a few hundred bytes unless the file
    /// is that short).
    pub fn start(first: &[u8]) -> Result<Self, Refused> {
        if first.is_empty() {
            return Err(Refused::Empty);
        }
        let kind =
            AttachmentKind::detect(&first[..first.len().min(8192)]).ok_or(Refused::WrongType)?;
        let declared = (kind == AttachmentKind::WebP && first.len() >= 8)
            .then(|| u64::from(u32::from_le_bytes(first[4..8].try_into().expect("4 bytes"))) + 8);
        Ok(Inspector {
            kind,
            declared,
            total: 0,
            tail: Vec::new(),
            carry: Vec::new(),
            text_ok: true,
        })
    }

    pub fn kind(&self) -> AttachmentKind {
        self.kind
    }

    /// Takes the next bytes (the first chunk too).
    pub fn feed(&mut self, bytes: &[u8]) {
        self.total += bytes.len() as u64;
        self.tail
            .extend_from_slice(&bytes[bytes.len().saturating_sub(TAIL)..]);
        let excess = self.tail.len().saturating_sub(TAIL);
        self.tail.drain(..excess);
        if self.kind == AttachmentKind::Text && self.text_ok {
            let mut text = std::mem::take(&mut self.carry);
            text.extend_from_slice(bytes);
            match std::str::from_utf8(&text) {
                Ok(_) => self.text_ok = text_prefix(&text),
                Err(e) if e.error_len().is_none() => {
                    self.text_ok = text_prefix(&text);
                    self.carry = text[e.valid_up_to()..].to_vec();
                }
                Err(_) => self.text_ok = false,
            }
        }
    }

    /// Whether the file ended whole, once every byte was fed.
    pub fn finish(self) -> Result<AttachmentKind, Refused> {
        let whole = match self.kind {
            AttachmentKind::Png => self.tail.ends_with(b"\0\0\0\0IEND\xAE\x42\x60\x82"),
            AttachmentKind::Pdf => self.tail.windows(5).any(|w| w == b"%%EOF"),
            AttachmentKind::WebP => self.declared.is_some_and(|size| self.total >= size),
            AttachmentKind::Text if !self.text_ok => return Err(Refused::WrongType),
            AttachmentKind::Text => self.carry.is_empty(),
            // JPEG and HEIF have no end a streaming check can trust (cameras append
            // data after a JPEG's end marker): the worker finds out when it decodes.
            AttachmentKind::Jpeg | AttachmentKind::Heif => true,
        };
        if whole {
            Ok(self.kind)
        } else {
            Err(Refused::Truncated)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inspect(bytes: &[u8]) -> Result<AttachmentKind, Refused> {
        let mut inspector = Inspector::start(bytes)?;
        for chunk in bytes.chunks(3) {
            inspector.feed(chunk);
        }
        inspector.finish()
    }

    #[test]
    fn types_are_told_by_content_and_cut_files_refused() {
        assert_eq!(inspect(b"%PDF-1.4\n...\n%%EOF\n"), Ok(AttachmentKind::Pdf));
        assert_eq!(inspect(b"%PDF-1.4\n... cut"), Err(Refused::Truncated));
        assert_eq!(
            inspect("Kia ora — 工头\n".as_bytes()),
            Ok(AttachmentKind::Text)
        );
        // A character cut at the very end is a truncated text.
        assert_eq!(inspect(&"工".as_bytes()[..2]), Err(Refused::Truncated));
        assert_eq!(inspect(b"text with \0 NUL"), Err(Refused::WrongType));
        assert_eq!(inspect(b"MZ\x90\0\x03\0\0\0"), Err(Refused::WrongType));
        assert_eq!(inspect(b"PK\x03\x04zip"), Err(Refused::WrongType));
        assert_eq!(inspect(b""), Err(Refused::Empty));
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        assert_eq!(inspect(&png), Err(Refused::Truncated));
        png.extend_from_slice(b"\0\0\0\0IEND\xAE\x42\x60\x82");
        assert_eq!(inspect(&png), Ok(AttachmentKind::Png));
        let mut webp = b"RIFF\x10\0\0\0WEBPVP8 ".to_vec();
        assert_eq!(inspect(&webp), Err(Refused::Truncated));
        webp.extend_from_slice(&[0; 8]);
        assert_eq!(inspect(&webp), Ok(AttachmentKind::WebP));
    }
}
