//! Matching throughput alone: MB/s of posting text through `Matcher::find` on one thread.
//!
//! Usage: `cargo run --release --example match_throughput -- DIR [ROUNDS]`. Every posting file
//! under DIR is read and extracted first (not timed); then the default skill map's matcher runs
//! over every posting text ROUNDS times (default 5) and the best round is reported, with the
//! number of skill hits so that runs can be compared. With `TEXTS=FILE` in the environment it
//! also writes the extracted texts to FILE, one JSON string per line: `bench/peers` runs
//! flashtext on exactly those texts.
//!
//! It also times the matcher's phrase stage alone (`Matcher::count_phrase_occurrences`: every
//! literal at word boundaries, before patterns, verdicts, levels and evidence), and for
//! reference the approach the speed target was estimated with: an aho-corasick DFA (ASCII
//! case-insensitive) over every literal of the skill map (phrases, weak and context phrases,
//! exclusions), with a word-boundary check on each match, and nothing else. The reference runs
//! twice: overlapping (every literal at every position, as the phrase stage finds them) and
//! standard (non-overlapping, the cheapest search). With `SWEEP=1` it also times the standard
//! DFA on evenly spaced subsets of the skill map's phrases (50 to all), to show how that
//! reference's speed depends on the number of phrases.
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
    if let Some(path) = std::env::var_os("TEXTS") {
        // The texts matched, one JSON string per line, for a peer to run on the same bytes.
        let lines: String = postings
            .iter()
            .map(|p| serde_json::to_string(&p.text).unwrap() + "\n")
            .collect();
        std::fs::write(path, lines).unwrap();
    }
    let bytes: usize = postings.iter().map(|p| p.text.len()).sum();
    let (hits, best) = best_of(rounds, || {
        postings
            .iter()
            .map(|p| matcher.find(p).hits.len())
            .sum::<usize>()
    });
    println!(
        "{} postings, {:.1} MB of text, {hits} hits: matching {:.1} MB/s on one thread \
         (best of {rounds}); rules loaded and compiled in {:.1} ms",
        postings.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / best,
        compile.as_secs_f64() * 1e3,
    );
    if std::env::var_os("MATCH_ONLY").is_some() {
        // For a profiler: the matching alone.
        return;
    }

    let (occurrences, best_phrases) = best_of(rounds, || {
        postings
            .iter()
            .map(|p| matcher.count_phrase_occurrences(&p.text))
            .sum::<usize>()
    });
    println!(
        "phrase stage alone: {occurrences} literal occurrences: {:.1} MB/s on one thread \
         (best of {rounds})",
        bytes as f64 / 1e6 / best_phrases,
    );

    let mut keys: Vec<String> = matcher
        .rules()
        .skills
        .iter()
        .flat_map(|s| s.literal_phrases())
        .map(|p| p.text.to_lowercase())
        .collect();
    keys.sort();
    keys.dedup();
    for overlapping in [true, false] {
        let (found, speed) = reference(&postings, &keys, overlapping, rounds);
        println!(
            "reference: aho-corasick DFA ({}) over the {} literals with a boundary check, \
             {found} matches: {speed:.1} MB/s on one thread (best of {rounds})",
            if overlapping {
                "overlapping"
            } else {
                "standard"
            },
            keys.len(),
        );
    }
    if std::env::var_os("SWEEP").is_some() {
        let mut phrases: Vec<String> = matcher
            .rules()
            .skills
            .iter()
            .flat_map(|s| s.phrases.iter().chain(&s.weak))
            .map(|p| p.text.to_lowercase())
            .collect();
        phrases.sort();
        phrases.dedup();
        for n in [50, 100, 200, 500, 1000, 2000, phrases.len()] {
            let subset: Vec<String> = (0..n)
                .filter_map(|i| phrases.get(i * phrases.len() / n).cloned())
                .collect();
            let (found, speed) = reference(&postings, &subset, false, rounds);
            println!(
                "sweep: aho-corasick DFA (standard) over {n} of the {} phrases, {found} \
                 matches: {speed:.1} MB/s",
                phrases.len()
            );
        }
    }
}

/// The reference search over `keys` on every posting, best of `rounds`: matches at word
/// boundaries, and MB/s.
fn reference(
    postings: &[jobfit::Posting],
    keys: &[String],
    overlapping: bool,
    rounds: usize,
) -> (usize, f64) {
    let automaton = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(keys)
        .unwrap();
    let is_word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    let bytes: usize = postings.iter().map(|p| p.text.len()).sum();
    let (found, best) = best_of(rounds, || {
        let mut found = 0;
        for posting in postings {
            let text = posting.text.as_bytes();
            let mut check = |m: aho_corasick::Match| {
                let before = m.start().checked_sub(1).and_then(|i| text.get(i));
                found += usize::from(!is_word(before) && !is_word(text.get(m.end())));
            };
            if overlapping {
                automaton.find_overlapping_iter(text).for_each(&mut check);
            } else {
                automaton.find_iter(text).for_each(&mut check);
            }
        }
        found
    });
    (found, bytes as f64 / 1e6 / best)
}

/// Runs `round` `rounds` times (at least once): its last result and the fastest round's
/// seconds.
fn best_of<T>(rounds: usize, mut round: impl FnMut() -> T) -> (T, f64) {
    let mut best = f64::MAX;
    let mut result = None;
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        result = Some(round());
        best = best.min(start.elapsed().as_secs_f64());
    }
    (result.expect("at least one round"), best)
}
