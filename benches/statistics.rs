//! Time to build and protect the statistics tables from stored facts: a busy year, ten
//! sparse years (the longest period a request may cover, where small counts and so
//! secondary suppression abound), and between.
//!
//! `cargo bench --bench statistics`

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use tipline::domain::{Category, Channel, Region, TipStatus};
use tipline::stats::period::Period;
use tipline::stats::{compute, AgencyName};
use tipline::store::stats::{CaseFact, TipFact};

/// `n` tips spread over `months` months before 2026-01, by a fixed pseudo-random walk.
fn facts(n: u64, months: i32) -> (Period, Vec<TipFact>, Vec<CaseFact>) {
    let today = time::macros::date!(2026 - 01 - 15);
    let first = (2025 * 12 + 11) - (months - 1);
    let from = format!("{:04}-{:02}", first / 12, first % 12 + 1);
    let period = Period::parse(Some(&from), None, today).unwrap();
    let month_list = period.months();
    let mut tips = Vec::new();
    let mut cases = Vec::new();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |m: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % m
    };
    for _ in 0..n {
        let month = &month_list[next(month_list.len() as u64) as usize];
        let day = format!("{month}-{:02}", 1 + next(28));
        let forwarded = next(2) == 0;
        let tip = TipFact {
            received_on: day.clone(),
            category: Category::ALL[next(5) as usize],
            region: Region::ALL[(next(18) * next(18) / 17) as usize],
            channel: Some(Channel::ALL[next(3) as usize]),
            status: if forwarded {
                TipStatus::Forwarded
            } else {
                TipStatus::ALL[next(6) as usize]
            },
            forwarded_on: forwarded.then(|| day.clone()),
        };
        if forwarded {
            for agency in ["police", "mbie", "labour-inspectorate"] {
                if next(2) == 0 {
                    cases.push(CaseFact {
                        received_on: day.clone(),
                        agency_id: agency.into(),
                        acknowledged: next(4) != 0,
                    });
                }
            }
        }
        tips.push(tip);
    }
    (period, tips, cases)
}

fn agencies() -> Vec<AgencyName> {
    ["police", "mbie", "labour-inspectorate"]
        .iter()
        .map(|id| AgencyName {
            id: (*id).into(),
            name: (*id).into(),
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("statistics");
    group.sample_size(10);
    for (name, n, months) in [
        ("busy year, 100k tips", 100_000, 12),
        ("ten sparse years, 3k tips", 3_000, 120),
        ("five years, 20k tips", 20_000, 60),
        ("a quiet year, 300 tips", 300, 12),
    ] {
        let (period, tips, cases) = facts(n, months);
        group.bench_function(name, |b| {
            b.iter(|| black_box(compute(&period, &tips, &cases, &agencies(), b"key")))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
