//! A short smoke of the load tool (`examples/load.rs`): one second a phase, a few
//! clients, on the backend under test. It asserts what the tool reports, never a rate.

use crate::helpers::postgres_server;
use std::process::Command;

#[test]
fn the_load_tool_runs_every_phase_and_finds_every_201_stored() {
    let binary = std::path::Path::new(env!("CARGO_BIN_EXE_tipline"));
    let tool = binary.with_file_name("examples").join("load");
    assert!(
        tool.exists(),
        "{} is missing: `cargo test` builds the examples (a filtered run needs `cargo build --examples` first)",
        tool.display()
    );
    let mut command = Command::new(&tool);
    command
        .args(["--seconds", "1", "--clients", "4", "--binary"])
        .arg(binary);
    if let Some(server) = postgres_server() {
        command.args(["--database", &server]);
    }
    let output = command.output().unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for line in [
        "bare actix-web + rustls",
        "GET /static/report.js",
        "POST /api/v1/tips",
        "every 201 durable",
        "in pending_review",
        "cases/s",
        "server peak RSS",
    ] {
        assert!(report.contains(line), "no {line:?} in:\n{report}");
    }
    assert!(!report.contains("failed)"), "requests failed:\n{report}");
    // The agency phase leases cases (within its second, not necessarily all of them):
    // none would mean they were never leasable, as behind the handler's undo window.
    let leased = report
        .lines()
        .find_map(|line| {
            let (got, rest) = line.trim().split_once(" of ")?;
            rest.contains(" cases in ")
                .then(|| got.parse::<usize>().ok())?
        })
        .unwrap_or_else(|| panic!("no agency line in:\n{report}"));
    assert!(leased > 0, "the agency leased no case:\n{report}");
}
