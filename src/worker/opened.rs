//! Tips this process's intake has just opened, handed to its worker so that each
//! envelope is opened once: an HPKE open is two P-256 scalar multiplications, the
//! largest cost of a tip on the intake path and again in the worker (`scripts/load`
//! under `perf`). A tip is offered just before its commit (so the worker finds it whenever it
//! reads the row) and taken back when it is not stored; the database stays the record: a
//! tip not found here (taken by another replica, turned away, or lost in a
//! restart) is opened from its envelope as before. Bounded by the text held, so a
//! worker that falls behind costs opens, never memory.
//!
//! When full, what goes is what the worker will not take: tips offered before the
//! last one it took (the worker drafts in arrival order, so those were drafted by
//! another replica's worker, or are opened anyway), then tips held past `STALE`. If
//! that makes no room, the new tip is turned away, not the oldest: the worker, behind,
//! reaches the oldest first, so they are the ones it will find here (dropping the
//! oldest instead left it, behind, finding none: it opened every tip again and fell
//! further behind).

use crate::domain::{RawTip, TipId};
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The most reporter text (bytes of the tips' bodies) held at once. A worker behind a
/// flood opened most of its backlog again at 1 MiB (about a fifth of its CPU while it
/// caught up, `perf` under `examples/load.rs`); 8 MiB holds thousands of tips for a
/// few MiB of the server's memory.
const MOST_BYTES: usize = 8 << 20;
/// A tip held this long is taken for one the worker will not ask for (another
/// replica's worker drafted it), and makes room for a new one.
const STALE: Duration = Duration::from_secs(60);

#[derive(Default)]
pub struct OpenedTips {
    held: Mutex<Held>,
}

#[derive(Default)]
struct Held {
    tips: HashMap<TipId, Offered>,
    /// Offer order (each offer's number), for making room; an id already taken is
    /// skipped.
    order: VecDeque<(u64, TipId)>,
    bytes: usize,
    offers: u64,
    /// The number of the latest offer the worker took.
    taken_up_to: u64,
}

struct Offered {
    tip: RawTip,
    number: u64,
    at: Instant,
}

impl Held {
    /// Whether the oldest offer still in line can go to make room.
    fn oldest_may_go(&self) -> bool {
        self.order.front().is_some_and(|(number, id)| {
            *number < self.taken_up_to
                || self
                    .tips
                    .get(id)
                    .is_none_or(|held| held.at.elapsed() >= STALE)
        })
    }
}

impl OpenedTips {
    /// Holds a stored tip, opened, for the worker, if there is room.
    pub fn offer(&self, id: TipId, tip: RawTip) {
        let size = tip.text_bytes();
        if size > MOST_BYTES {
            return;
        }
        let mut held = self.held.lock().expect("opened tips lock");
        while held.bytes + size > MOST_BYTES && held.oldest_may_go() {
            if let Some((_, oldest)) = held.order.pop_front() {
                if let Some(dropped) = held.tips.remove(&oldest) {
                    held.bytes -= dropped.tip.text_bytes();
                }
            }
        }
        if held.bytes + size > MOST_BYTES {
            return;
        }
        held.offers += 1;
        let number = held.offers;
        held.bytes += size;
        held.order.push_back((number, id.clone()));
        let offered = Offered {
            tip,
            number,
            at: Instant::now(),
        };
        if let Some(replaced) = held.tips.insert(id, offered) {
            held.bytes -= replaced.tip.text_bytes();
        }
    }

    /// The tip, opened, if this process's intake took it and it is still held; it is
    /// held no longer.
    pub fn take(&self, id: &TipId) -> Option<RawTip> {
        let mut held = self.held.lock().expect("opened tips lock");
        let offered = held.tips.remove(id)?;
        held.bytes -= offered.tip.text_bytes();
        held.taken_up_to = held.taken_up_to.max(offered.number);
        if held.tips.is_empty() {
            held.order.clear();
        }
        Some(offered.tip)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tip(text: &str) -> RawTip {
        RawTip::parse("other", text, None).unwrap()
    }

    #[test]
    fn a_tip_is_taken_once() {
        let opened = OpenedTips::default();
        let id = TipId::new();
        opened.offer(id.clone(), tip("the boss keeps our passports"));
        assert_eq!(
            opened.take(&id).map(|t| t.review_text()).as_deref(),
            Some("the boss keeps our passports")
        );
        assert!(opened.take(&id).is_none());
        assert!(opened.take(&TipId::new()).is_none(), "never offered");
    }

    /// Offers tips of 16 KB: as many as fit, and two more.
    fn overfill(opened: &OpenedTips) -> Vec<TipId> {
        let text = "x".repeat(16_000);
        let fit = MOST_BYTES / text.len();
        let ids: Vec<TipId> = (0..fit + 2).map(|_| TipId::new()).collect();
        for id in &ids {
            opened.offer(id.clone(), tip(&text));
        }
        ids
    }

    #[test]
    fn when_full_the_newest_are_turned_away_for_a_worker_behind() {
        let opened = OpenedTips::default();
        let ids = overfill(&opened);
        let (kept, turned_away) = ids.split_at(ids.len() - 2);
        for id in turned_away {
            assert!(opened.take(id).is_none());
        }
        for id in kept {
            assert!(opened.take(id).is_some());
        }
        assert_eq!(opened.held.lock().unwrap().bytes, 0);
    }

    #[test]
    fn tips_offered_before_the_last_taken_make_room_first() {
        let opened = OpenedTips::default();
        let ids = overfill(&opened);
        // Another replica's worker drafted the first three; this one took the fourth.
        assert!(opened.take(&ids[3]).is_some());
        // One fits in the room the fourth left; each of the others needs one passed.
        let newer: Vec<TipId> = (0..4).map(|_| TipId::new()).collect();
        for id in &newer {
            opened.offer(id.clone(), tip(&"x".repeat(16_000)));
        }
        for id in &ids[..3] {
            assert!(opened.take(id).is_none(), "passed, so dropped for room");
        }
        for id in newer.iter().chain(&ids[4..ids.len() - 2]) {
            assert!(opened.take(id).is_some());
        }
    }

    #[test]
    fn tips_held_past_their_time_make_room() {
        let opened = OpenedTips::default();
        let ids = overfill(&opened);
        {
            let mut held = opened.held.lock().unwrap();
            let long_ago = Instant::now() - STALE;
            held.tips.get_mut(&ids[0]).unwrap().at = long_ago;
        }
        let newer = TipId::new();
        opened.offer(newer.clone(), tip(&"x".repeat(16_000)));
        assert!(opened.take(&ids[0]).is_none(), "stale, so dropped for room");
        assert!(opened.take(&newer).is_some());
    }
}
