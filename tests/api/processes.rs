//! The real binary as an operator runs it: `tipline serve` in its own process, set up
//! through `TIPLINE_*` variables, stopped with SIGTERM, several sharing one data
//! directory (the same key files) and one database.

use crate::helpers::{client_for, wait_healthy};
use reqwest::Client;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct ServeProcess {
    pub port: u16,
    pub base: String,
    data_dir: PathBuf,
    url: String,
    extra: Vec<(String, String)>,
    child: Option<Child>,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Runs a `tipline` command on `data_dir` and the database at `url`, off the runtime's
/// thread, asserting it succeeds; returns what it printed.
pub async fn tipline_cli(data_dir: &Path, url: &str, args: &[&str]) -> String {
    let mut command = tipline_command(data_dir, url);
    command.args(args);
    let out = tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    said
}

/// The binary, set up for `data_dir` and the database at `url` by environment alone.
fn tipline_command(data_dir: &Path, url: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tipline"));
    command
        .env_remove("RUST_LOG")
        .env_remove("TIPLINE_CONFIG")
        .env("TIPLINE_DATA_DIR", data_dir)
        .env("TIPLINE_DATABASE__URL", url);
    command
}

impl ServeProcess {
    /// Starts `tipline serve` on a free port and waits until it answers `/healthz`.
    /// `extra` are further settings, as (`TIPLINE_…` variable, value).
    pub async fn start(data_dir: &Path, url: &str, extra: &[(&str, &str)]) -> Self {
        let port = free_port();
        let mut process = ServeProcess {
            port,
            base: format!("https://localhost:{port}"),
            data_dir: data_dir.to_owned(),
            url: url.to_owned(),
            extra: extra
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            child: None,
        };
        process.restart().await;
        process
    }

    /// Starts the process again (after `stop`) on the same port and settings.
    pub async fn restart(&mut self) {
        assert!(self.child.is_none(), "still running");
        let mut command = tipline_command(&self.data_dir, &self.url);
        command
            .arg("serve")
            .env("TIPLINE_SERVER__LISTEN", format!("127.0.0.1:{}", self.port))
            .env("TIPLINE_REDACTION__POLL_SECONDS", "1")
            // The tests forward and lease at once; the undo window has its own tests.
            .env("TIPLINE_REVIEW__UNDO_SECONDS", "0")
            .envs(self.extra.iter().map(|(k, v)| (k, v)))
            .stdout(Stdio::null())
            .stderr(self.log_file());
        self.child = Some(command.spawn().expect("tipline serve starts"));
        // The dev certificate is written by the first process to start.
        for _ in 0..200 {
            if self.data_dir.join("dev-cert.pem").exists() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        wait_healthy(&self.client(), self.port).await;
    }

    /// Its log, beside the data directory, appended to across restarts.
    fn log_file(&self) -> std::fs::File {
        let path = self
            .data_dir
            .with_file_name(format!("serve-{}.log", self.port));
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .unwrap()
    }

    /// The peak resident memory of the running process so far (`VmHWM`), in bytes.
    pub fn peak_memory(&self) -> u64 {
        let pid = self.child.as_ref().expect("running").id();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        let line = status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))
            .expect("Linux reports VmHWM");
        let kb: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
        kb * 1024
    }

    /// A client trusting the processes' dev certificate.
    pub fn client(&self) -> Client {
        client_for(&self.data_dir)
    }

    /// SIGTERM, as a service manager stops it; waits for it to exit.
    pub async fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let pid = child.id().to_string();
        let status = tokio::task::spawn_blocking(move || {
            Command::new("kill").args(["-TERM", &pid]).status().unwrap();
            child.wait().unwrap()
        })
        .await
        .unwrap();
        assert!(status.success(), "tipline serve exited with {status}");
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        if let Some(child) = self.child.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
