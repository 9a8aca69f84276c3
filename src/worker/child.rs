//! The worker's child processes: this binary run again (or `attachments.renderer`) to
//! do what a hostile file could make crash, spin or swell (drawing a PDF's pages,
//! decoding a HEIC photo with a C++ library), so that such a file costs at most a killed
//! child. The child limits its own address space and CPU time before it reads anything
//! (`limit_self`); the worker gives it the file on its standard input, reads its
//! standard output, and kills it at a wall-clock deadline. Its stderr is discarded:
//! whatever a decoder might say of the file stays unsaid (no file content in logs).

use crate::config::AttachmentSettings;
use std::io::Write;
use std::path::PathBuf;
use std::process::{ChildStdout, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Which program is run, within which limits.
#[derive(Debug, Clone)]
pub struct ChildProgram {
    program: PathBuf,
    seconds: u32,
    memory_mb: u32,
}

/// How a child's run ended, and what was read from it.
pub struct Ran<T> {
    /// `None` when it was killed at the deadline (or could not be waited for).
    pub status: Option<ExitStatus>,
    pub read: T,
}

impl ChildProgram {
    /// The configured program, or this binary.
    pub fn new(settings: &AttachmentSettings) -> std::io::Result<Self> {
        let program = match &settings.renderer {
            Some(program) => program.clone(),
            None => std::env::current_exe()?,
        };
        Ok(ChildProgram {
            program,
            seconds: settings.render_seconds,
            memory_mb: settings.render_memory_mb,
        })
    }

    /// Runs the program with `args` and the limits (`--memory-mb`, `--cpu-seconds`),
    /// `input` on its standard input, `read` on its standard output (blocking: run it
    /// off the server's threads). `None` when it could not be started or its output
    /// could not be read at all.
    pub fn run<T: Send>(
        &self,
        args: &[String],
        input: &[u8],
        read: impl FnOnce(&mut ChildStdout) -> T + Send,
    ) -> Option<Ran<T>> {
        let child = Command::new(&self.program)
            .args(args)
            .args(["--memory-mb", &self.memory_mb.to_string()])
            .args(["--cpu-seconds", &self.seconds.to_string()])
            .env_clear()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn();
        let Ok(mut child) = child else {
            tracing::warn!(program = %self.program.display(), "the worker's child process could not be started");
            return None;
        };
        let deadline = Instant::now() + Duration::from_secs(self.seconds.into());
        let (Some(mut stdin), Some(mut stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        };
        std::thread::scope(|scope| {
            // The file goes in from a thread of its own, so a child that writes before
            // it has read everything cannot deadlock with us; a child that dies early
            // closes the pipe and the write fails, which says nothing more than its exit.
            scope.spawn(move || {
                let _ = stdin.write_all(input);
            });
            let reader = scope.spawn(move || read(&mut stdout));
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
            let read = reader.join().ok()?;
            Some(Ran { status, read })
        })
    }
}

/// The most bytes a child takes in: a file is at most `intake.max_attachment_mb`, and
/// that is bounded by the configuration to 200 MB.
pub const MOST_INPUT: u64 = 200_000_000;

/// The child's side, first thing: caps this process's address space and CPU time. Past
/// the first, an allocation fails and the process aborts; past the second, the kernel
/// stops it (SIGXCPU, then SIGKILL).
pub fn limit_self(memory_mb: u32, cpu_seconds: u32) -> std::io::Result<()> {
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

/// The child's side, next: the file from standard input, within `MOST_INPUT`.
pub fn read_input() -> Option<Vec<u8>> {
    use std::io::Read;
    let mut input = Vec::new();
    std::io::stdin()
        .take(MOST_INPUT)
        .read_to_end(&mut input)
        .ok()?;
    Some(input)
}
