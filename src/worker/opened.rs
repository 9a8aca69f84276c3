//! Tips this process's intake has just opened, handed to its worker so that each
//! envelope is opened once: an HPKE open is two P-256 scalar multiplications, the
//! largest cost of a tip on the intake path and again in the worker (`scripts/load`
//! under `perf`). A tip is offered just before its commit (so the worker finds it whenever it
//! reads the row) and taken back when it is not stored; the database stays the record: a
//! tip not found here (taken by another replica, pushed out, or lost in a
//! restart) is opened from its envelope as before. Bounded by the text held, oldest
//! dropped first, so a worker that falls behind costs opens, never memory.

use crate::domain::{RawTip, TipId};
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// The most reporter text (bytes of the tips' bodies) held at once.
const MOST_BYTES: usize = 1 << 20;

#[derive(Default)]
pub struct OpenedTips {
    held: Mutex<Held>,
}

#[derive(Default)]
struct Held {
    tips: HashMap<TipId, RawTip>,
    /// Arrival order, for dropping the oldest; an id already taken is skipped.
    order: VecDeque<TipId>,
    bytes: usize,
}

impl OpenedTips {
    /// Holds a stored tip, opened, for the worker.
    pub fn offer(&self, id: TipId, tip: RawTip) {
        let size = tip.text_bytes();
        if size > MOST_BYTES {
            return;
        }
        let mut held = self.held.lock().expect("opened tips lock");
        while held.bytes + size > MOST_BYTES {
            let Some(oldest) = held.order.pop_front() else {
                break;
            };
            if let Some(dropped) = held.tips.remove(&oldest) {
                held.bytes -= dropped.text_bytes();
            }
        }
        held.bytes += size;
        held.order.push_back(id.clone());
        if let Some(replaced) = held.tips.insert(id, tip) {
            held.bytes -= replaced.text_bytes();
        }
    }

    /// The tip, opened, if this process's intake took it and it is still held; it is
    /// held no longer.
    pub fn take(&self, id: &TipId) -> Option<RawTip> {
        let mut held = self.held.lock().expect("opened tips lock");
        let tip = held.tips.remove(id)?;
        held.bytes -= tip.text_bytes();
        if held.tips.is_empty() {
            held.order.clear();
        }
        Some(tip)
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

    #[test]
    fn past_its_bound_the_oldest_go_first() {
        let opened = OpenedTips::default();
        let text = "x".repeat(16_000);
        let fit = MOST_BYTES / text.len();
        let ids: Vec<TipId> = (0..fit + 2).map(|_| TipId::new()).collect();
        for id in &ids {
            opened.offer(id.clone(), tip(&text));
        }
        assert!(opened.take(&ids[0]).is_none());
        assert!(opened.take(&ids[1]).is_none());
        for id in &ids[2..] {
            assert!(opened.take(id).is_some());
        }
        assert_eq!(opened.held.lock().unwrap().bytes, 0);
    }
}
