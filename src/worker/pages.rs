//! A PDF's pages drawn in a child process (`tipline render-pdf`, this binary run again),
//! so that a file made to spin or swell the renderer costs at most a killed child: the
//! child limits its own address space and CPU time before it reads the file, and the
//! worker kills it at a wall-clock deadline. The PDF goes in on its standard input; the
//! pages come back on its standard output (`attachments::render`'s framing), each
//! turned into a PNG from its pixels here (`attachments::strip::page`).

use crate::attachments::render::{self, PageLimits};
use crate::attachments::{self, PagesNote, StrippedAttachment};
use crate::config::AttachmentSettings;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How the worker draws pages: which program, within which limits.
#[derive(Debug, Clone)]
pub struct PageRenderer {
    program: PathBuf,
    limits: PageLimits,
    seconds: u32,
    memory_mb: u32,
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
        let program = match &settings.renderer {
            Some(program) => program.clone(),
            None => std::env::current_exe()?,
        };
        Ok(PageRenderer {
            program,
            limits: settings.page_limits(),
            seconds: settings.render_seconds,
            memory_mb: settings.render_memory_mb,
        })
    }

    /// Draws `pdf`'s pages (blocking: run it off the server's threads). Never fails: a
    /// child that cannot start, dies, overruns or writes nonsense leaves the pages it
    /// sent whole, and the note says not all are shown.
    pub fn draw(&self, pdf: &[u8]) -> Pages {
        let child = Command::new(&self.program)
            .arg("render-pdf")
            .args(["--pages", &self.limits.pages.to_string()])
            .args(["--dpi", &self.limits.dpi.to_string()])
            .args(["--max-pixels", &self.limits.max_pixels.to_string()])
            .args(["--memory-mb", &self.memory_mb.to_string()])
            .args(["--cpu-seconds", &self.seconds.to_string()])
            .env_clear()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            // Whatever the renderer might say of the file stays unsaid (invariant: no
            // file content in logs).
            .stderr(Stdio::null())
            .spawn();
        let Ok(mut child) = child else {
            tracing::warn!(program = %self.program.display(), "the PDF page renderer could not be started");
            return Pages::failed(Vec::new());
        };
        let deadline = Instant::now() + Duration::from_secs(self.seconds.into());
        let (Some(mut stdin), Some(mut stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Pages::failed(Vec::new());
        };
        let limits = self.limits;
        std::thread::scope(|scope| {
            // The file goes in from a thread of its own, so a child that writes before
            // it has read everything cannot deadlock with us; a child that dies early
            // closes the pipe and the write fails, which says nothing more than its exit.
            scope.spawn(move || {
                let _ = stdin.write_all(pdf);
            });
            let reader = scope
                .spawn(move || render::read_pages(&mut stdout, limits, attachments::strip::page));
            // The deadline: the child is killed at it, which ends the reader's pipe.
            let status = loop {
                match child.try_wait() {
                    Ok(Some(status)) => break Some(status),
                    Ok(None) if Instant::now() < deadline => {
                        std::thread::sleep(Duration::from_millis(20))
                    }
                    _ => {
                        let _ = child.kill();
                        let _ = child.wait();
                        break None;
                    }
                }
            };
            let read = reader.join().ok().flatten();
            let Some(read) = read else {
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
        })
    }
}

/// The most bytes the child takes in: a PDF is at most `intake.max_attachment_mb`, and
/// that is bounded by the configuration to 200 MB.
const MOST_INPUT: u64 = 200_000_000;

/// `tipline render-pdf`: the child's side. Limits itself first, then reads the PDF from
/// standard input and writes its pages to standard output. False when it failed.
pub fn child(limits: PageLimits, memory_mb: u32, cpu_seconds: u32) -> bool {
    if limit_self(memory_mb, cpu_seconds).is_err() {
        return false;
    }
    let mut pdf = Vec::new();
    if std::io::stdin()
        .take(MOST_INPUT)
        .read_to_end(&mut pdf)
        .is_err()
    {
        return false;
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    render::draw_pages(pdf, limits, &mut out).is_ok() && out.flush().is_ok()
}

/// Caps this process's address space and CPU time: past the first, an allocation fails
/// and the process aborts; past the second, the kernel stops it (SIGXCPU, then SIGKILL).
fn limit_self(memory_mb: u32, cpu_seconds: u32) -> std::io::Result<()> {
    let memory: libc::rlim_t = libc::rlim_t::from(memory_mb) * 1024 * 1024;
    let cpu: libc::rlim_t = cpu_seconds.into();
    for (resource, soft, hard) in [
        (libc::RLIMIT_AS, memory, memory),
        (libc::RLIMIT_CPU, cpu, cpu + 1),
    ] {
        let limit = libc::rlimit {
            rlim_cur: soft,
            rlim_max: hard,
        };
        // SAFETY: setrlimit reads the struct we pass and touches no memory of ours.
        if unsafe { libc::setrlimit(resource, &limit) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}
