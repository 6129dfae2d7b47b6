//! Matching throughput alone: MB/s of posting text through `Matcher::find` on one thread.
//!
//! Usage: `cargo run --release --example match_throughput -- DIR [ROUNDS]`. Every posting file
//! under DIR is read and extracted first (not timed); then the default skill map's matcher runs
//! over every posting text ROUNDS times (default 5) and the best round is reported, with the
//! number of skill hits so that runs can be compared. `bench/peers` runs it on the same texts
//! as flashtext.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::PathBuf;
use std::time::Instant;

use jobfit::{Format, Matcher, RuleSet, extract::extract};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: match_throughput DIR [ROUNDS]"));
    let rounds: usize = args
        .next()
        .map_or(5, |r| r.parse().expect("ROUNDS is a number"));
    let started = Instant::now();
    let matcher = Matcher::new(RuleSet::default_rules().unwrap()).unwrap();
    let compile = started.elapsed();
    let mut postings = Vec::new();
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let entry = entry.unwrap();
        let Some(format) = Format::from_path(entry.path()) else {
            continue;
        };
        if let Ok(posting) = extract(&std::fs::read(entry.path()).unwrap(), format) {
            postings.push(posting);
        }
    }
    let bytes: usize = postings.iter().map(|p| p.text.len()).sum();
    let mut best = f64::MAX;
    let mut hits = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        hits = postings
            .iter()
            .map(|p| matcher.find(p).hits.len())
            .sum::<usize>();
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{} postings, {:.1} MB of text, {hits} hits: matching {:.1} MB/s on one thread \
         (best of {rounds}); rules loaded and compiled in {:.1} ms",
        postings.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / best,
        compile.as_secs_f64() * 1e3,
    );
}
