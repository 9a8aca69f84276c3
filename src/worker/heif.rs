//! HEIC/HEIF photos decoded in a child process (`tipline decode-heif`, `worker::child`):
//! libheif is C++, and a hostile file that made it crash, spin or swell must cost at
//! most a killed child, never the worker. The file goes in on the child's standard
//! input; its pixels come back on its standard output (`attachments::heif`), and the
//! worker encodes them again (`attachments::strip`).

use super::child::{self, ChildProgram};
use crate::attachments::heif::{self, DecodeFailure};
use crate::attachments::render::{self, PageLimits, PagePixels};
use crate::attachments::Unreadable;
use crate::config::AttachmentSettings;

/// How the worker decodes HEIF photos: which program, within which limits.
#[derive(Debug, Clone)]
pub struct HeifDecoder {
    child: ChildProgram,
}

impl HeifDecoder {
    /// The configured program (`attachments.renderer`), or this binary.
    pub fn new(settings: &AttachmentSettings) -> std::io::Result<Self> {
        Ok(HeifDecoder {
            child: ChildProgram::new(settings)?,
        })
    }

    /// The pixels of a HEIF photo (blocking: run it off the server's threads).
    /// `NotDecodable` when the child says the file is coded in a way it cannot decode;
    /// `Malformed` when it says the file is damaged, or fails, overruns or writes
    /// anything but one whole image.
    pub fn decode(&self, file: &[u8]) -> Result<PagePixels, Unreadable> {
        let limits = PageLimits {
            pages: 1,
            dpi: 72,
            max_pixels: heif::MAX_PIXELS,
        };
        let ran = self.child.run(&["decode-heif".to_owned()], file, |stdout| {
            render::read_pages(stdout, limits, Some)
        });
        let Some(ran) = ran else {
            return Err(Unreadable::Malformed);
        };
        match (ran.status.and_then(|s| s.code()), ran.read) {
            (Some(0), Some(read)) if read.clean && read.total == 1 => {
                read.pages.into_iter().next().ok_or(Unreadable::Malformed)
            }
            (Some(code), _) if code == i32::from(DecodeFailure::UNSUPPORTED_EXIT) => {
                Err(Unreadable::NotDecodable)
            }
            _ => Err(Unreadable::Malformed),
        }
    }
}

/// `tipline decode-heif`: the child's side. Limits itself first, then reads the file
/// from standard input and writes its pixels to standard output; the exit code says
/// why it could not (`DecodeFailure::exit_code`).
pub fn child(memory_mb: u32, cpu_seconds: u32) -> Result<(), DecodeFailure> {
    child::limit_self(memory_mb, cpu_seconds).map_err(|_| DecodeFailure::Malformed)?;
    let file = child::read_input().ok_or(DecodeFailure::Malformed)?;
    // libheif's own budget: most of the process's, the rest for the program and the
    // file itself, so that a file past it fails as an error rather than an abort.
    let budget = (u64::from(memory_mb) << 20).saturating_sub(file.len() as u64) / 4 * 3;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    heif::decode_to(&file, budget, &mut out)
}
