//! Images re-encoded from their decoded pixels: the encoder writes pixels and nothing
//! else, so every metadata block of the original is left behind. The EXIF orientation
//! is applied to the pixels first, so the photo still shows the right way up.

use super::kind::AttachmentKind;
use super::strip::Unreadable;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// The largest image decoded, each way; the pixels' memory is bounded too, so a small
/// file that claims a huge image (a decompression bomb) is refused, not decoded.
const MAX_SIDE: u32 = 16_384;
const MAX_DECODED_BYTES: u64 = 512 * 1024 * 1024;
/// JPEG quality of the copy: close to a camera's, without keeping its file.
const JPEG_QUALITY: u8 = 90;

/// A rectangle of an image, in pixels from its top left corner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// Why a region cannot be blacked out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BlackOutError {
    #[error("only an image can have a region blacked out")]
    NotAnImage,
    #[error("the region must be at least 1 pixel each way and inside the image, which is {width} x {height} pixels")]
    OutOfBounds { width: u32, height: u32 },
    #[error("{0}")]
    Unreadable(#[from] Unreadable),
}

/// A stripped image (JPEG or PNG, as `reencode` made it) with `region` painted black:
/// the pixels are replaced, not covered, and the image encoded again from them.
pub fn black_out(
    copy: &[u8],
    kind: AttachmentKind,
    region: Region,
) -> Result<Vec<u8>, BlackOutError> {
    if !matches!(kind, AttachmentKind::Jpeg | AttachmentKind::Png) {
        return Err(BlackOutError::NotAnImage);
    }
    let mut pixels = decode(copy, kind)?.to_rgba8();
    let (width, height) = pixels.dimensions();
    let inside = region.width > 0
        && region.height > 0
        && region
            .x
            .checked_add(region.width)
            .is_some_and(|r| r <= width)
        && region
            .y
            .checked_add(region.height)
            .is_some_and(|b| b <= height);
    if !inside {
        return Err(BlackOutError::OutOfBounds { width, height });
    }
    for y in region.y..region.y + region.height {
        for x in region.x..region.x + region.width {
            pixels.put_pixel(x, y, image::Rgba([0, 0, 0, 255]));
        }
    }
    Ok(encode(DynamicImage::ImageRgba8(pixels), kind)?)
}

pub fn reencode(
    original: &[u8],
    from: AttachmentKind,
    to: AttachmentKind,
) -> Result<(AttachmentKind, Vec<u8>), Unreadable> {
    let pixels = decode(original, from)?;
    Ok((to, encode(pixels, to)?))
}

/// The pixels of an image, decoded within bounds, turned the way its EXIF says.
fn decode(original: &[u8], from: AttachmentKind) -> Result<DynamicImage, Unreadable> {
    let format = match from {
        AttachmentKind::Jpeg => ImageFormat::Jpeg,
        AttachmentKind::Png => ImageFormat::Png,
        AttachmentKind::WebP => ImageFormat::WebP,
        _ => return Err(Unreadable::NotDecodable),
    };
    let mut reader = ImageReader::with_format(Cursor::new(original), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| Unreadable::Malformed)?;
    let orientation = decoder.orientation().map_err(|_| Unreadable::Malformed)?;
    let mut pixels = DynamicImage::from_decoder(decoder).map_err(|_| Unreadable::Malformed)?;
    pixels.apply_orientation(orientation);
    Ok(pixels)
}

/// A page a renderer drew (RGB rows) as a PNG of those pixels and nothing else.
pub fn png_from_rgb(width: u32, height: u32, rgb: Vec<u8>) -> Option<Vec<u8>> {
    let pixels = image::RgbImage::from_raw(width, height, rgb)?;
    encode(DynamicImage::ImageRgb8(pixels), AttachmentKind::Png).ok()
}

/// A photo decoded elsewhere (a HEIC's RGB rows) as a JPEG of those pixels and nothing
/// else: a photo stays a photo, at about its size.
pub fn jpeg_from_rgb(width: u32, height: u32, rgb: Vec<u8>) -> Option<Vec<u8>> {
    let pixels = image::RgbImage::from_raw(width, height, rgb)?;
    encode(DynamicImage::ImageRgb8(pixels), AttachmentKind::Jpeg).ok()
}

/// Pixels as a JPEG or (anything else) a PNG, with nothing but the pixels.
fn encode(pixels: DynamicImage, to: AttachmentKind) -> Result<Vec<u8>, Unreadable> {
    let mut out = Vec::new();
    match to {
        AttachmentKind::Jpeg => {
            let encoder =
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
            // Taken, not copied, when the pixels are RGB already.
            pixels
                .into_rgb8()
                .write_with_encoder(encoder)
                .map_err(|_| Unreadable::Malformed)?;
        }
        _ => pixels
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .map_err(|_| Unreadable::Malformed)?,
    }
    Ok(out)
}
