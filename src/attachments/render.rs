//! A PDF's pages drawn as pixels (`hayro`, pure Rust), so that a handler can see a page,
//! black out a name printed on it, and forward the picture rather than the document,
//! whose words cannot be redacted. Drawing a hostile PDF can take unbounded time or
//! memory, so it runs in a child process the worker can kill (`worker::pages`); this
//! module is what both sides agree on: the drawing, bounded in pages and pixels, and
//! the framing of pages on the pipe between them.
//!
//! The framing, every number a big-endian `u32`: the document's page count, then per
//! page drawn its width, its height and its pixels (RGB, row by row). A page is whole
//! only with every byte; the parent takes no more pages than it asked for.

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};
use std::io::{self, Read, Write};

/// How much of a document is drawn, and how finely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLimits {
    /// The most pages drawn (the first ones).
    pub pages: u32,
    /// Dots per inch of the drawing (a PDF's unit is 1/72 inch).
    pub dpi: u32,
    /// The most pixels of one page: a larger page is drawn smaller to fit.
    pub max_pixels: u32,
}

/// A page's pixels: RGB, row by row, `width * height * 3` bytes.
pub struct PagePixels {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
}

/// Why a document's pages could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum DrawError {
    #[error("the PDF could not be opened by the renderer")]
    Unopenable,
    #[error("a page has no usable size")]
    BadPage,
    #[error("writing the pages: {0}")]
    Io(#[from] io::Error),
}

/// The size in pixels a page of `width` x `height` points is drawn at.
fn pixel_size(width: f32, height: f32, limits: PageLimits) -> Option<(u16, u16, f32)> {
    if !(width.is_finite() && height.is_finite() && width >= 1.0 && height >= 1.0) {
        return None;
    }
    let mut scale = limits.dpi as f32 / 72.0;
    let wanted = width * scale * height * scale;
    if wanted > limits.max_pixels as f32 {
        scale *= (limits.max_pixels as f32 / wanted).sqrt();
    }
    // The renderer counts pixels in u16; a page 1 pt wide and 10^6 long still fits.
    scale = scale
        .min(f32::from(u16::MAX) / width)
        .min(f32::from(u16::MAX) / height);
    let (w, h) = ((width * scale) as u16, (height * scale) as u16);
    (w >= 1 && h >= 1).then_some((w, h, scale))
}

/// Draws the first `limits.pages` pages of `pdf`, writing the framing to `out` as each
/// page is done (so a page drawn before the renderer is stopped is not lost).
pub fn draw_pages(pdf: Vec<u8>, limits: PageLimits, out: &mut impl Write) -> Result<(), DrawError> {
    let pdf = Pdf::new(pdf).map_err(|_| DrawError::Unopenable)?;
    let pages = pdf.pages();
    write_u32(out, u32::try_from(pages.len()).unwrap_or(u32::MAX))?;
    out.flush()?;
    let cache = RenderCache::new();
    let interpreter = InterpreterSettings::default();
    let settings = RenderSettings::default();
    for page in pages.iter().take(limits.pages as usize) {
        let (width, height) = page.render_dimensions();
        let (w, h, scale) = pixel_size(width, height, limits).ok_or(DrawError::BadPage)?;
        let pixmap = hayro::render(
            page,
            &cache,
            &interpreter,
            &settings,
            &PixmapSettings {
                x_scale: scale,
                y_scale: scale,
                bg_color: WHITE,
            },
        );
        // The renderer sizes the pixmap from the same product, rounding its own way.
        let (w, h) = (pixmap.width().min(w), pixmap.height().min(h));
        write_u32(out, w.into())?;
        write_u32(out, h.into())?;
        let stride = usize::from(pixmap.width());
        let data = pixmap.data_as_u8_slice();
        let mut row = Vec::with_capacity(usize::from(w) * 3);
        for y in 0..usize::from(h) {
            row.clear();
            // Premultiplied RGBA on a white page: opaque, so the colour is as it is.
            for px in data[(y * stride) * 4..(y * stride + usize::from(w)) * 4].chunks_exact(4) {
                row.extend_from_slice(&px[..3]);
            }
            out.write_all(&row)?;
        }
        out.flush()?;
    }
    Ok(())
}

fn write_u32(out: &mut impl Write, n: u32) -> io::Result<()> {
    out.write_all(&n.to_be_bytes())
}

/// What came back of a drawing: the document's page count as the renderer read it, and
/// each page that arrived whole, within `limits`.
pub struct ReadPages<T> {
    pub total: u32,
    pub pages: Vec<T>,
    /// Whether the pipe held exactly the framing (no page cut short, nothing extra).
    pub clean: bool,
}

/// Reads what `draw_pages` wrote, keeping at most `limits.pages` pages of at most
/// `limits.max_pixels` each, handing each to `take` as it arrives (so only one page's
/// pixels are held here; `None` from it ends the reading). `None` when not even the
/// count arrived.
pub fn read_pages<T>(
    input: &mut impl Read,
    limits: PageLimits,
    mut take: impl FnMut(PagePixels) -> Option<T>,
) -> Option<ReadPages<T>> {
    let total = read_u32(input)?;
    let mut kept = Vec::new();
    loop {
        let Some(width) = read_u32(input) else {
            // The end of the pipe, between pages: clean if every page expected came.
            let expected = total.min(limits.pages) as usize;
            let clean = kept.len() == expected;
            return Some(ReadPages {
                total,
                pages: kept,
                clean,
            });
        };
        let cut = |pages| {
            Some(ReadPages {
                total,
                pages,
                clean: false,
            })
        };
        let Some(height) = read_u32(input) else {
            return cut(kept);
        };
        let pixels = u64::from(width) * u64::from(height);
        if kept.len() >= total.min(limits.pages) as usize
            || width == 0
            || height == 0
            || pixels > u64::from(limits.max_pixels)
        {
            return cut(kept);
        }
        let mut rgb = vec![0; pixels as usize * 3];
        if input.read_exact(&mut rgb).is_err() {
            return cut(kept);
        }
        match take(PagePixels { width, height, rgb }) {
            Some(page) => kept.push(page),
            None => return cut(kept),
        }
    }
}

fn read_u32(input: &mut impl Read) -> Option<u32> {
    let mut bytes = [0; 4];
    input.read_exact(&mut bytes).ok()?;
    Some(u32::from_be_bytes(bytes))
}

/// Why a PDF's pages are not all shown as images; stored with the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagesNote {
    /// The document has more pages than are drawn (`attachments.pdf_pages`).
    Cut,
    /// The renderer failed, or ran out of time or memory, before every page was drawn.
    Failed,
}

impl PagesNote {
    pub fn as_str(self) -> &'static str {
        match self {
            PagesNote::Cut => "cut",
            PagesNote::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "cut" => Some(PagesNote::Cut),
            "failed" => Some(PagesNote::Failed),
            _ => None,
        }
    }

    /// What the handler is told, with the pages shown.
    pub fn message(self, shown: usize) -> String {
        match (self, shown) {
            (PagesNote::Cut, n) => format!(
                "only the first {n} pages are shown as images; judge the rest by the words found in it"
            ),
            (PagesNote::Failed, 0) => "its pages could not be shown as images (the renderer failed or ran out of time or memory on this file); judge it by the words found in it".into(),
            (PagesNote::Failed, n) => format!(
                "only {n} of its pages could be shown as images (the renderer failed or ran out of time or memory on this file); judge the rest by the words found in it"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: PageLimits = PageLimits {
        pages: 2,
        dpi: 72,
        max_pixels: 100,
    };

    fn frame(width: u32, height: u32) -> Vec<u8> {
        let mut out = width.to_be_bytes().to_vec();
        out.extend_from_slice(&height.to_be_bytes());
        out.extend(std::iter::repeat_n(7u8, (width * height * 3) as usize));
        out
    }

    /// The count, each page's size, and whether the framing was clean.
    type Read = (u32, Vec<(u32, u32)>, bool);

    fn read(bytes: &[u8]) -> Option<Read> {
        read_pages(&mut &bytes[..], LIMITS, |p| Some((p.width, p.height)))
            .map(|r| (r.total, r.pages, r.clean))
    }

    #[test]
    fn pages_are_taken_whole_and_within_limits() {
        let mut pipe = 3u32.to_be_bytes().to_vec();
        pipe.extend(frame(10, 10));
        pipe.extend(frame(2, 3));
        assert_eq!(read(&pipe), Some((3, vec![(10, 10), (2, 3)], true)));
        // A third page past the limit asked for is not taken.
        let mut more = pipe.clone();
        more.extend(frame(1, 1));
        assert_eq!(read(&more), Some((3, vec![(10, 10), (2, 3)], false)));
        // A page cut short is dropped, the pages before it kept.
        assert_eq!(
            read(&pipe[..pipe.len() - 1]),
            Some((3, vec![(10, 10)], false))
        );
        // A page larger than the cap is refused before its pixels are read.
        let mut big = 1u32.to_be_bytes().to_vec();
        big.extend(frame(11, 10));
        assert_eq!(read(&big), Some((1, vec![], false)));
        assert_eq!(read(&[0, 0]), None);
    }

    #[test]
    fn a_page_is_drawn_smaller_to_fit_the_pixel_cap() {
        let limits = PageLimits {
            pages: 1,
            dpi: 144,
            max_pixels: 1_000_000,
        };
        let (w, h, _) = pixel_size(595.0, 842.0, limits).unwrap();
        assert!(u32::from(w) * u32::from(h) <= 1_000_000);
        assert!(w > 800 && h > 1100, "{w}x{h}");
        assert_eq!(pixel_size(0.0, 842.0, limits), None);
        assert_eq!(pixel_size(f32::NAN, 842.0, limits), None);
    }
}
