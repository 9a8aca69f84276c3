//! A PDF's pages drawn in a child process (`tipline render-pdf`, `worker::child`), so
//! that a file made to spin or swell the renderer costs at most a killed child. The PDF
//! goes in on its standard input; the pages come back on its standard output
//! (`attachments::render`'s framing), each turned into a PNG from its pixels here
//! (`attachments::strip::page`).

use super::child::{self, ChildProgram};
use crate::attachments::render::{self, PageLimits};
use crate::attachments::{self, PagesNote, StrippedAttachment};
use crate::config::AttachmentSettings;
use std::io::Write;

/// How the worker draws pages: which program, within which limits.
#[derive(Debug, Clone)]
pub struct PageRenderer {
    child: ChildProgram,
    limits: PageLimits,
}

/// A PDF's pages as drawn, and why not every page is there.
pub struct Pages {
    pub pages: Vec<StrippedAttachment>,
    pub note: Option<PagesNote>,
}

impl Pages {
    fn failed(pages: Vec<StrippedAttachment>) -> Self {
        Pages {
            pages,
            note: Some(PagesNote::Failed),
        }
    }
}

impl PageRenderer {
    /// The configured program, or this binary.
    pub fn new(settings: &AttachmentSettings) -> std::io::Result<Self> {
        Ok(PageRenderer {
            child: ChildProgram::new(settings)?,
            limits: settings.page_limits(),
        })
    }

    /// Draws `pdf`'s pages (blocking: run it off the server's threads). Never fails: a
    /// child that cannot start, dies, overruns or writes nonsense leaves the pages it
    /// sent whole, and the note says not all are shown.
    pub fn draw(&self, pdf: &[u8]) -> Pages {
        let limits = self.limits;
        let args = [
            "render-pdf".to_owned(),
            "--pages".to_owned(),
            limits.pages.to_string(),
            "--dpi".to_owned(),
            limits.dpi.to_string(),
            "--max-pixels".to_owned(),
            limits.max_pixels.to_string(),
        ];
        let ran = self.child.run(&args, pdf, |stdout| {
            render::read_pages(stdout, limits, attachments::strip::page)
        });
        let Some(child::Ran {
            status,
            read: Some(read),
        }) = ran
        else {
            return Pages::failed(Vec::new());
        };
        let finished = status.is_some_and(|s| s.success()) && read.clean;
        let note = if !finished {
            Some(PagesNote::Failed)
        } else if read.total > limits.pages {
            Some(PagesNote::Cut)
        } else {
            None
        };
        Pages {
            pages: read.pages,
            note,
        }
    }
}

/// `tipline render-pdf`: the child's side. Limits itself first, then reads the PDF from
/// standard input and writes its pages to standard output. False when it failed.
pub fn child(limits: PageLimits, memory_mb: u32, cpu_seconds: u32) -> bool {
    if child::limit_self(memory_mb, cpu_seconds).is_err() {
        return false;
    }
    let Some(pdf) = child::read_input() else {
        return false;
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    render::draw_pages(pdf, limits, &mut out).is_ok() && out.flush().is_ok()
}
