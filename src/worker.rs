//! The redaction worker: opens each newly received tip, and each new reporter message,
//! runs the engine over it and stores the draft (encrypted), which puts it before a
//! handler. Woken by
//! intake, and polling too, for tips that arrived through another replica. Safe with
//! a worker in every replica on one PostgreSQL: each batch is locked `SKIP LOCKED`
//! (`Store::draft_received`, `Store::draft_received_messages`), so no tip or message is
//! opened twice. Opening and redacting a batch runs on drafting threads of its own,
//! one per core but one (`threads`), and its drafts are stored in one commit. Then it
//! strips the files sent with reports of what could identify the reporter (`attachments::strip`), so a
//! handler sees only the stripped copy, decoding a HEIC photo (`heif`) and drawing a
//! PDF's pages as images (`pages`) in child processes it can kill (`child`). Hourly it also applies
//! retention and sweeps stale sign-in counts and spent challenges, once across
//! replicas (`Store::hourly_sweep`). It reports to a `Heartbeat` that `/readyz` reads.

pub mod child;
pub mod heif;
pub mod opened;
pub mod pages;
mod threads;

use crate::attachments::{self, AttachmentKind, PagesNote, StrippedAttachment, Unreadable};
use crate::crypto::keys::Keys;
use crate::crypto::sealing::Envelope;
use crate::crypto::stream::ContentKey;
use crate::domain::RawTip;
use crate::domain::{AttachmentId, Context, Draft, MessageAuthor};
use crate::redaction::{subject, Engine};
use crate::store::attachments::{ClaimedAttachment, StrippedPages};
use crate::store::messages::ReceivedMessage;
use crate::store::tips::ReceivedTip;
use crate::store::{self, Store, StoreError};
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use threads::DraftingThreads;
use tokio::sync::Notify;

pub struct Worker {
    pub store: Store,
    pub keys: Arc<Keys>,
    pub engine: Arc<Engine>,
    pub wake: Arc<Notify>,
    pub poll: Duration,
    /// `retention.decided_days`: applied hourly.
    pub retention_days: u32,
    pub heartbeat: Arc<Heartbeat>,
    /// Tips this process's intake opened: drafted without opening them again.
    pub opened: Arc<opened::OpenedTips>,
    /// Draws a PDF's pages, in a child process.
    pub pages: Arc<pages::PageRenderer>,
    /// Decodes a HEIC/HEIF photo, in a child process.
    pub heif: Arc<heif::HeifDecoder>,
}

/// When the worker last reported (Unix seconds): at each pass, each batch, each poll.
#[derive(Debug)]
pub struct Heartbeat {
    last: AtomicI64,
    stale_after: i64,
}

impl Heartbeat {
    /// A worker that polls every `poll` is taken for stuck when it has not reported
    /// for a minute longer than that (a pass over a backlog reports at every batch and
    /// every file), plus `longest_step`, the longest one step may take by design (a
    /// PDF's pages drawn within `attachments.render_seconds`).
    pub fn new(poll: Duration, longest_step: Duration, now: i64) -> Self {
        Heartbeat {
            last: AtomicI64::new(now),
            stale_after: (poll + longest_step).as_secs() as i64 + 60,
        }
    }

    pub fn beat(&self, now: i64) {
        self.last.store(now, Ordering::Relaxed);
    }

    /// The seconds since the last report.
    pub fn silent_seconds(&self, now: i64) -> i64 {
        now - self.last.load(Ordering::Relaxed)
    }

    /// The seconds since the last report, when that is long enough to call the worker
    /// stuck.
    pub fn silent_for(&self, now: i64) -> Option<i64> {
        let silent = self.silent_seconds(now);
        (silent > self.stale_after).then_some(silent)
    }
}

const RETENTION_EVERY: Duration = Duration::from_secs(3600);

impl Worker {
    /// Drafts until the store is closed for good, which it returns; a failed pass (the
    /// database briefly away) is logged and tried again at the next wake-up or poll.
    pub async fn run(self) -> StoreError {
        let mut retention_due = tokio::time::Instant::now();
        loop {
            self.heartbeat.beat(store::now());
            match self.drain().await {
                Ok(0) => {}
                // Drafting follows arrival within a second: a line at INFO would keep
                // each tip's arrival time (invariant 2), so it is DEBUG, as reporter
                // requests are.
                Ok(n) => tracing::debug!(opened = n, "drafted tips"),
                Err(e) if e.is_permanent() => return e,
                Err(e) => tracing::error!(error = %e, "redaction worker pass failed"),
            }
            if tokio::time::Instant::now() >= retention_due {
                match self.hourly().await {
                    Ok(()) => {}
                    Err(e) if e.is_permanent() => return e,
                    Err(e) => tracing::error!(error = %e, "retention pass failed"),
                }
                retention_due += RETENTION_EVERY;
            }
            self.heartbeat.beat(store::now());
            let _ = tokio::time::timeout(self.poll, self.wake.notified()).await;
        }
    }

    /// Retention, and forgetting the sign-in counts of made-up usernames a day old and
    /// the challenges spent before today; skipped when another replica is doing it.
    async fn hourly(&self) -> Result<(), StoreError> {
        let (today, now) = (store::today(), store::now());
        if let Some(erased) = self
            .store
            .hourly_sweep(&today, self.retention_days, now)
            .await?
        {
            if erased > 0 {
                tracing::info!(erased, "retention erased decided tips");
            }
        }
        Ok(())
    }

    /// Drafts every received tip and reporter message no other worker holds; returns
    /// how many it opened (each opened by this worker alone).
    pub async fn drain(&self) -> Result<usize, StoreError> {
        let drafter = Drafter {
            keys: self.keys.clone(),
            engine: self.engine.clone(),
            opened: self.opened.clone(),
        };
        let mut opened = 0;
        let mut after = 0;
        while let Some(batch) = self
            .store
            .draft_received(after, BATCH, |tips| {
                in_parallel(tips, drafter.clone(), |d, tip| d.sealed_draft(tip))
            })
            .await?
        {
            self.heartbeat.beat(store::now());
            opened += batch.opened;
            after = batch.last_seq;
        }
        let mut after = 0;
        while let Some(batch) = self
            .store
            .draft_received_messages(after, BATCH, |messages| {
                in_parallel(messages, drafter.clone(), |d, message| {
                    d.sealed_message_draft(message)
                })
            })
            .await?
        {
            self.heartbeat.beat(store::now());
            opened += batch.opened;
            after = batch.last_seq;
        }
        opened += self.strip_attachments().await?;
        Ok(opened)
    }

    /// Strips every received attachment, one at a time (a file is up to
    /// `intake.max_attachment_mb`, and its pixels several times that). A file that cannot
    /// be opened or stripped is marked unreadable, for the handler to be told, and the
    /// worker goes on. Each file is claimed first (on PostgreSQL its row stays locked
    /// until its outcome is stored), so replicas never strip the same file twice.
    async fn strip_attachments(&self) -> Result<usize, StoreError> {
        let mut stripped = 0;
        while let Some(mut claim) = self.store.claim_received_attachment().await? {
            self.heartbeat.beat(store::now());
            let outcome = self.strip_one(&mut claim).await?;
            let id = claim.attachment.id.clone();
            match outcome {
                Ok(copy) => {
                    let text = copy.found_text().map(|text| {
                        self.keys
                            .data
                            .encrypt_str(Context::AttachmentText(&id), text)
                    });
                    let pages = self.draw_pages(&copy).await;
                    self.store
                        .store_stripped(claim, &copy, text.as_deref(), &pages, &self.keys.data)
                        .await?;
                }
                Err(why) => {
                    // DEBUG, as drafting is: the line would date an arrival (invariant 2).
                    tracing::debug!(attachment = %id, reason = why.as_str(), "an attachment could not be stripped; it is withheld");
                    self.store.mark_unreadable(claim, why).await?;
                }
            }
            stripped += 1;
        }
        Ok(stripped)
    }

    /// A stripped PDF's pages drawn as images (in a child process, on the blocking
    /// pool), each with a page id of its own; no pages for any other file.
    async fn draw_pages(&self, copy: &StrippedAttachment) -> StrippedPages {
        if copy.kind() != AttachmentKind::Pdf {
            return StrippedPages::default();
        }
        let renderer = self.pages.clone();
        let pdf = copy.bytes().to_vec();
        let drawn = tokio::task::spawn_blocking(move || renderer.draw(&pdf))
            .await
            .unwrap_or(pages::Pages {
                pages: Vec::new(),
                note: Some(PagesNote::Failed),
            });
        StrippedPages {
            pages: drawn
                .pages
                .into_iter()
                .map(|page| (AttachmentId::new(), page))
                .collect(),
            note: drawn.note,
        }
    }

    /// Opens one attachment and strips it on a drafting thread (the engine redacts its
    /// text with that thread's caches; a HEIC photo is decoded by a child process the
    /// thread waits for).
    async fn strip_one(
        &self,
        claim: &mut ClaimedAttachment,
    ) -> Result<Result<StrippedAttachment, Unreadable>, StoreError> {
        Ok(match self.open_attachment(claim).await? {
            Some(original) => {
                let engine = self.engine.clone();
                let heif = self.heif.clone();
                let kind = claim.attachment.kind;
                DraftingThreads::get()
                    .call(move || {
                        let redact = |text: &str| Some(engine.redact(text).redacted);
                        let decode_heif = |file: &[u8]| heif.decode(file);
                        attachments::strip(kind, &original, &redact, &decode_heif)
                    })
                    .await
                    .unwrap_or(Err(Unreadable::Malformed))
            }
            None => Err(Unreadable::Malformed),
        })
    }

    /// The original of an attachment, from its sealed chunks; `None` when it does not
    /// open whole (a key since removed, a damaged, reordered or missing chunk).
    async fn open_attachment(
        &self,
        claim: &mut ClaimedAttachment,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let attachment = &claim.attachment;
        let id = &attachment.id.clone();
        let key = serde_json::from_slice::<Envelope>(&attachment.sealed_key)
            .ok()
            .and_then(|envelope| {
                self.keys
                    .intake
                    .open_bound(&Context::AttachmentKey(id), &envelope)
                    .ok()
            })
            .and_then(|raw| ContentKey::from_bytes(&raw).ok());
        let Some(key) = key else {
            return Ok(None);
        };
        let place = Context::AttachmentChunk(id).to_string();
        let mut original = Vec::new();
        let mut next = self.store.attachment_chunk(claim, 0).await?;
        let mut n = 0;
        while let Some(sealed) = next {
            next = self.store.attachment_chunk(claim, n + 1).await?;
            match key.open_chunk(&place, n as u64, next.is_none(), &sealed) {
                Ok(plain) => original.extend_from_slice(&plain),
                Err(_) => return Ok(None),
            }
            n += 1;
        }
        Ok((n > 0).then_some(original))
    }
}

/// Tips or messages drafted in one commit. Drafting a batch takes a few milliseconds,
/// and on PostgreSQL its rows stay locked (skipped by other replicas) for that long.
const BATCH: i64 = 128;

/// Runs `f` over `items` on the drafting threads (`threads`), each taking the next item
/// not yet taken (so a thread that drew short texts is not left idle beside one that
/// drew long ones), and gives the results in the items' order. Opening envelopes and
/// redacting are CPU work that would hold up the server's own threads.
async fn in_parallel<C, T, R, F>(items: Vec<T>, context: C, f: F) -> Vec<Option<R>>
where
    C: Clone + Send + 'static,
    T: Send + Sync + 'static,
    R: Send + 'static,
    F: Fn(&C, &T) -> Option<R> + Copy + Send + 'static,
{
    let threads = DraftingThreads::get();
    let items = Arc::new(items);
    let next = Arc::new(AtomicUsize::new(0));
    let tasks: Vec<_> = (0..threads.count().min(items.len()))
        .map(|_| {
            let (items, next, context) = (items.clone(), next.clone(), context.clone());
            threads.call(move || {
                let mut done = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else {
                        return done;
                    };
                    done.push((i, f(&context, item)));
                }
            })
        })
        .collect();
    let mut results: Vec<Option<R>> = items.iter().map(|_| None).collect();
    for task in tasks {
        // `redact` catches an engine panic; items lost anyway wait for the next pass.
        for (i, result) in task.await.unwrap_or_default() {
            results[i] = result;
        }
    }
    results
}

/// What drafting needs, cheap to hand to each blocking task.
#[derive(Clone)]
struct Drafter {
    keys: Arc<Keys>,
    engine: Arc<Engine>,
    opened: Arc<opened::OpenedTips>,
}

impl Drafter {
    /// The encrypted draft of a reporter's message, or `None` when it cannot be made.
    fn sealed_message_draft(&self, message: &ReceivedMessage) -> Option<Vec<u8>> {
        let text = self
            .keys
            .data
            .decrypt_string(
                Context::Message(&message.tip_id, MessageAuthor::Reporter),
                &message.body,
            )
            .ok();
        let Some(draft) = text.and_then(|t| self.redact(&t)) else {
            tracing::error!(tip = %message.tip_id, "a reporter message could not be opened or redacted; it stays in `received`");
            return None;
        };
        Some(self.keys.data.encrypt(
            Context::MessageDraft(&message.tip_id, message.seq),
            &draft.to_json(),
        ))
    }

    /// The encrypted draft of a received tip, or `None` when it cannot be made.
    fn sealed_draft(&self, tip: &ReceivedTip) -> Option<Vec<u8>> {
        let draft = match self.opened.take(&tip.id) {
            Some(opened) => self.redact(&opened.review_text()),
            None => self.draft(&tip.sealed),
        };
        let Some(draft) = draft else {
            // Intake validated the envelope, so this is a key that has since been
            // removed, a damaged row, or an engine bug: leave it, say so, and go on.
            tracing::error!(tip = %tip.id, "a received tip could not be opened or redacted; it stays in `received`");
            return None;
        };
        Some(
            self.keys
                .data
                .encrypt(Context::Draft(&tip.id), &draft.to_json()),
        )
    }

    fn draft(&self, sealed: &[u8]) -> Option<Draft> {
        let envelope: Envelope = serde_json::from_slice(sealed).ok()?;
        let plain = self.keys.intake.open(&envelope).ok()?;
        let tip = RawTip::from_json(&plain).ok()?;
        self.redact(&tip.review_text())
    }

    /// The engine's draft of a text, with the reason for each span's role. A bug in the
    /// engine that one text trips must not stop the service (nor, after a restart, stop
    /// it again on the same text): that text waits, reported.
    fn redact(&self, text: &str) -> Option<Draft> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let redaction = self.engine.redact(text);
            let reasons = subject::reasons(text, &redaction.spans);
            Draft::from_redaction(redaction).with_reasons(reasons)
        }))
        .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_item_is_done_once_and_given_back_in_order() {
        let calls = Arc::new(AtomicUsize::new(0));
        // Uneven work (every tenth item long), as texts are.
        let results = in_parallel((0..200u64).collect(), calls.clone(), |calls, &n| {
            calls.fetch_add(1, Ordering::Relaxed);
            if n % 10 == 0 {
                std::thread::sleep(Duration::from_millis(2));
            }
            (n % 7 != 3).then_some(n * 2)
        })
        .await;
        assert_eq!(calls.load(Ordering::Relaxed), 200);
        let expected: Vec<Option<u64>> = (0..200).map(|n| (n % 7 != 3).then_some(n * 2)).collect();
        assert_eq!(results, expected);
        assert!(in_parallel(Vec::<u64>::new(), (), |_, &n| Some(n))
            .await
            .is_empty());
    }

    #[test]
    fn a_worker_silent_for_a_minute_past_its_poll_is_stuck() {
        let heartbeat = Heartbeat::new(Duration::from_secs(5), Duration::ZERO, 1000);
        assert_eq!(heartbeat.silent_for(1065), None);
        assert_eq!(heartbeat.silent_for(1066), Some(66));
        heartbeat.beat(1066);
        assert_eq!(heartbeat.silent_for(1070), None);
        // Drawing a PDF's pages may take its whole allowance without a beat.
        let heartbeat = Heartbeat::new(Duration::from_secs(5), Duration::from_secs(120), 1000);
        assert_eq!(heartbeat.silent_for(1185), None);
        assert_eq!(heartbeat.silent_for(1186), Some(186));
    }
}
