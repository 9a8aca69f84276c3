//! The files phase of the load tool: a report with several files of nearly the largest
//! size taken is stripped by the worker and forwarded to an agency with a key of its own
//! (each file sealed to it before the decision commits, `store::staged`) and to one without
//! (which then fetches each copy). For each step, how much the server's peak resident
//! memory rose above what it held before (its high-water mark reset first, through
//! `/proc/PID/clear_refs`), and how long intake took for tips sent one after another
//! meanwhile, against the same with nothing else going on: on SQLite, with its one
//! connection, a step that holds the connection shows here as intake waiting.

use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};

/// Files in the report, and the size of each (the limit is 20 MB).
const FILES: usize = 3;
const FILE_BYTES: usize = 19_500_000;

/// The routing file for the run: the embedded one, with MBIE given an HPKE key made by
/// `tipline agency keygen`.
pub fn routing_with_a_key(binary: &Path, dir: &Path) -> std::path::PathBuf {
    let out = std::process::Command::new(binary)
        .args(["agency", "keygen", "--out"])
        .arg(dir.join("agency-key"))
        .output()
        .unwrap();
    assert!(out.status.success(), "agency keygen failed");
    let line = String::from_utf8(out.stdout).unwrap();
    let categories = "categories = [\"trafficking\", \"forced_labour\", \"worker_exploitation\"]";
    let routing = tipline::routing::config::EMBEDDED.replacen(
        categories,
        &format!("{categories}\n{line}"),
        1,
    );
    assert_ne!(
        routing,
        tipline::routing::config::EMBEDDED,
        "MBIE's entry moved"
    );
    let file = dir.join("routing.toml");
    std::fs::write(&file, routing).unwrap();
    file
}

/// A PDF of about `bytes` that strips fast and stays that size: one blank page whose
/// resources hold an image of noise (no filter shrinks it), which the page never draws.
fn big_pdf(bytes: usize, seed: u32) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut state = seed | 1;
    let noise: Vec<u8> = (0..bytes)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as u8
        })
        .collect();
    let side = ((bytes / 3) as f64).sqrt() as i64;
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => side,
            "Height" => side,
            "ColorSpace" => "DeviceRGB",
            "BitsPerComponent" => 8,
        },
        noise,
    ));
    let content = doc.add_object(Stream::new(dictionary! {}, Vec::new()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content,
        "Resources" => dictionary! { "XObject" => dictionary! { "Im0" => image } },
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page.into()],
            "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// Resets the process's peak resident memory to what it holds now; that, in MiB.
fn reset_peak(pid: u32) -> f64 {
    std::fs::write(format!("/proc/{pid}/clear_refs"), "5").expect("clear_refs (Linux 4.0+)");
    super::status_mib(pid, "VmRSS:")
}

/// Sends tips one after another until `done`, each timed.
async fn probe_intake(
    client: reqwest::Client,
    url: String,
    bodies: std::sync::Arc<Vec<Vec<u8>>>,
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> Vec<Duration> {
    let mut took = Vec::new();
    for body in bodies.iter().cycle() {
        if done.load(std::sync::atomic::Ordering::Relaxed) {
            break;
        }
        let started = Instant::now();
        let r = client
            .post(&url)
            .header("content-type", "application/json")
            .body(body.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201, "a tip was refused");
        took.push(started.elapsed());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    took
}

/// Runs `step` while tips are sent one at a time; what it gave, the server's peak rise
/// in MiB, and the intake's latencies meanwhile.
async fn measured<T>(
    pid: u32,
    probe: &(reqwest::Client, String, std::sync::Arc<Vec<Vec<u8>>>),
    step: impl std::future::Future<Output = T>,
) -> (T, f64, String) {
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let start = reset_peak(pid);
    let prober = tokio::spawn(probe_intake(
        probe.0.clone(),
        probe.1.clone(),
        probe.2.clone(),
        done.clone(),
    ));
    let out = step.await;
    let grown = super::peak_rss_mib(pid) - start;
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut took = prober.await.unwrap();
    took.sort();
    let at = |q: f64| took[((took.len() - 1) as f64 * q) as usize].as_secs_f64() * 1000.0;
    let latency = if took.is_empty() {
        "no tip sent".to_owned()
    } else {
        format!(
            "{} tips, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            took.len(),
            at(0.5),
            at(0.99),
            at(1.0)
        )
    };
    (out, grown, latency)
}

pub async fn run(database: &str, data_dir: &Path, base: &str, pid: u32) {
    let keep = super::client(data_dir, true);
    let bodies = std::sync::Arc::new(super::sealed_tips(&keep, base, 64).await);
    let probe = (keep.clone(), format!("{base}/api/v1/tips"), bodies);
    let handler = super::signed_in_handler(database, data_dir, base, "files").await;
    let files: Vec<Vec<u8>> = (0..FILES)
        .map(|i| big_pdf(FILE_BYTES, 7 + i as u32))
        .collect();
    let sizes = files.iter().map(Vec::len).max().unwrap_or(0);
    println!(
        "files: one report with {FILES} PDFs of {:.1} MB, forwarded to MBIE (a key: each \
         sealed to it) and police (none: fetches each)",
        sizes as f64 / 1e6
    );

    let (_, grown, latency) =
        measured(pid, &probe, tokio::time::sleep(Duration::from_secs(3))).await;
    println!("  idle 3 s                peak +{grown:.1} MiB; intake {latency}");

    let mut form = reqwest::multipart::Form::new()
        .text("lang", "en")
        .text("category", "forced_labour")
        .text("body", "Pay slips and the contract, attached.")
        .text("location", "")
        .text("region", "unknown");
    for (i, file) in files.into_iter().enumerate() {
        form = form.part(
            "attachments",
            reqwest::multipart::Part::bytes(file).file_name(format!("file{i}.pdf")),
        );
    }
    let uploading = Instant::now();
    let upload = async {
        let r = keep
            .post(format!("{base}/?lang=en"))
            .multipart(form)
            .timeout(Duration::from_secs(600))
            .send()
            .await
            .unwrap();
        assert!(
            r.status().is_success(),
            "the report was refused: {}",
            r.status()
        );
    };
    let ((), grown, latency) = measured(pid, &probe, upload).await;
    println!(
        "  upload ({:.1} s)        peak +{grown:.1} MiB; intake {latency}",
        uploading.elapsed().as_secs_f64()
    );

    // The report is the tip with files (the probe's tips have none); only its claim
    // holder sees them.
    let pool = {
        sqlx::any::install_default_drivers();
        sqlx::AnyPool::connect(database).await.unwrap()
    };
    let tip: String = sqlx::query_scalar("SELECT tip_id FROM attachments LIMIT 1")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    let stripping = Instant::now();
    let strip = async {
        let mut claimed = false;
        loop {
            // Claimed once drafted; then watched until every file is stripped.
            claimed = claimed
                || handler
                    .post(format!("{base}/api/v1/review/tips/{tip}/claim"))
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .is_success();
            if claimed {
                let view: Value = handler
                    .get(format!("{base}/api/v1/review/tips/{tip}"))
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                let files = view["attachments"].as_array().cloned().unwrap_or_default();
                if files.len() >= FILES && files.iter().all(|f| f["state"] != "received") {
                    return files;
                }
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    };
    let (files, grown, latency) = measured(pid, &probe, strip).await;
    println!(
        "  strip ({:.1} s)         peak +{grown:.1} MiB; intake {latency}",
        stripping.elapsed().as_secs_f64()
    );
    let ids: Vec<&str> = files
        .iter()
        .filter(|f| f["state"] == "stripped" && f["document"].is_null())
        .filter_map(|f| f["id"].as_str())
        .collect();
    assert_eq!(ids.len(), FILES, "not every file was stripped: {files:?}");

    let forwarding = Instant::now();
    let forward = async {
        let r = handler
            .post(format!("{base}/api/v1/review/tips/{tip}/decision"))
            .json(
                &json!({ "action": "forward", "agencies": ["mbie", "police"], "attachments": ids }),
            )
            .timeout(Duration::from_secs(600))
            .send()
            .await
            .unwrap();
        assert!(
            r.status().is_success(),
            "the forward failed: {}",
            r.status()
        );
    };
    let ((), grown, latency) = measured(pid, &probe, forward).await;
    println!(
        "  forward ({:.1} s)       peak +{grown:.1} MiB; intake {latency}",
        forwarding.elapsed().as_secs_f64()
    );

    let token = super::agency_token(database, "police").await;
    let leased: Value = keep
        .post(format!("{base}/api/v1/agency/cases/lease"))
        .bearer_auth(&token)
        .json(&json!({ "max": 1, "lease_seconds": 60 }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let urls: Vec<String> = leased["cases"][0]["attachments"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["url"].as_str().map(String::from))
        .collect();
    assert_eq!(
        urls.len(),
        FILES,
        "police was not sent every file: {leased}"
    );
    let fetching = Instant::now();
    let fetch = async {
        for url in &urls {
            let r = keep
                .get(format!("{base}{url}"))
                .bearer_auth(&token)
                .send()
                .await
                .unwrap();
            assert!(r.status().is_success(), "a fetch failed: {}", r.status());
            r.bytes().await.unwrap();
        }
    };
    let ((), grown, latency) = measured(pid, &probe, fetch).await;
    println!(
        "  police fetches ({:.1} s) peak +{grown:.1} MiB; intake {latency}",
        fetching.elapsed().as_secs_f64()
    );
}
