//! A HEIC/HEIF photo decoded to its pixels (`libheif`, C++, built from the sources
//! `libheif-sys` bundles; HEVC through the system's `libde265`). A decoder written in
//! C++ can crash or swell on a hostile file, so this runs only in a child process
//! (`tipline decode-heif`, `worker::heif`) that limits its own memory and CPU time and
//! that the worker kills at a deadline; what comes back is the pixels alone, in the
//! framing of `render` (one page), and the worker encodes them again as a JPEG
//! (`strip::strip`). Nothing else of the file (EXIF, XMP, GPS, thumbnails, depth maps)
//! is read out.

use libheif_rs::{ColorSpace, HeifContext, HeifErrorCode, LibHeif, RgbChroma, SecurityLimits};
use std::io::{self, Write};

/// The most pixels of a photo decoded (a 48-megapixel phone photo is well inside); a
/// file claiming more is refused before its pixels are decoded.
pub const MAX_PIXELS: u32 = 100_000_000;

/// Why a HEIF file gave no pixels. The child says which by its exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeFailure {
    /// Damaged, cut short, too large, or not HEIF at all.
    Malformed,
    /// A well-formed HEIF whose image is coded in a way this build cannot decode (AV1,
    /// JPEG 2000, ...).
    Unsupported,
}

impl DecodeFailure {
    pub const MALFORMED_EXIT: u8 = 2;
    pub const UNSUPPORTED_EXIT: u8 = 3;

    pub fn exit_code(self) -> u8 {
        match self {
            DecodeFailure::Malformed => Self::MALFORMED_EXIT,
            DecodeFailure::Unsupported => Self::UNSUPPORTED_EXIT,
        }
    }
}

/// Decodes the primary image of `file` (its rotation, mirroring and crop applied, as
/// the file says) and writes its RGB pixels to `out` in `render`'s framing: a count
/// of 1, the width, the height, the rows. `memory_bytes` is libheif's own budget for
/// the whole decoding, inside the process's.
pub fn decode_to(
    file: &[u8],
    memory_bytes: u64,
    out: &mut impl Write,
) -> Result<(), DecodeFailure> {
    let lib = LibHeif::new();
    let mut context = HeifContext::new().map_err(|_| DecodeFailure::Malformed)?;
    let mut limits = SecurityLimits::new();
    limits.set_max_image_size_pixels(MAX_PIXELS.into());
    limits.set_max_total_memory(memory_bytes);
    limits.set_max_memory_block_size(memory_bytes);
    context
        .set_security_limits(&limits)
        .map_err(|_| DecodeFailure::Malformed)?;
    // Tiles decoded on this thread: no threads of libheif's own to bound.
    context.set_max_decoding_threads(0);
    context.read_bytes(file).map_err(why)?;
    let handle = context.primary_image_handle().map_err(why)?;
    if u64::from(handle.width()) * u64::from(handle.height()) > u64::from(MAX_PIXELS) {
        return Err(DecodeFailure::Malformed);
    }
    let image = lib
        .decode(&handle, ColorSpace::Rgb(RgbChroma::Rgb), None)
        .map_err(why)?;
    let plane = image.planes().interleaved.ok_or(DecodeFailure::Malformed)?;
    let (width, height) = (plane.width, plane.height);
    let row = usize::try_from(width).map_err(|_| DecodeFailure::Malformed)? * 3;
    if width == 0 || height == 0 || plane.storage_bits_per_pixel != 24 || plane.stride < row {
        return Err(DecodeFailure::Malformed);
    }
    let written = (|| -> io::Result<()> {
        for n in [1, width, height] {
            out.write_all(&u32::to_be_bytes(n))?;
        }
        // Each row without the padding of its stride; a plane short of rows leaves
        // the image cut, which the worker refuses.
        for line in plane.data.chunks(plane.stride).take(height as usize) {
            out.write_all(line.get(..row).ok_or(io::ErrorKind::UnexpectedEof)?)?;
        }
        out.flush()
    })();
    // A pipe closed by the worker (it gave up) is no fault of the file, but there is
    // no one left to tell.
    written.map_err(|_| DecodeFailure::Malformed)
}

fn why(error: libheif_rs::HeifError) -> DecodeFailure {
    match error.code {
        // No decoder for the image's coding is built in (say, AV1 in a `mif1` file).
        HeifErrorCode::UnsupportedFeature | HeifErrorCode::PluginLoadingError => {
            DecodeFailure::Unsupported
        }
        _ => DecodeFailure::Malformed,
    }
}
