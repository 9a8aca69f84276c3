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

pub fn reencode(
    original: &[u8],
    from: AttachmentKind,
    to: AttachmentKind,
) -> Result<(AttachmentKind, Vec<u8>), Unreadable> {
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
    let mut out = Vec::new();
    match to {
        AttachmentKind::Jpeg => {
            let encoder =
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
            pixels
                .to_rgb8()
                .write_with_encoder(encoder)
                .map_err(|_| Unreadable::Malformed)?;
        }
        _ => pixels
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .map_err(|_| Unreadable::Malformed)?,
    }
    Ok((to, out))
}
