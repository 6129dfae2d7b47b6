//! How long reading a résumé takes, from bytes to the profile it shows (text extraction,
//! furniture, skills, technologies, years). Run by `bench/resume-pdf` on a 10-page PDF.
//!
//! Usage: `cargo run --release --example resume_read -- FILE [RUNS]`; prints the fastest,
//! median and slowest of RUNS (default 20) reads, after one warm-up read that also compiles the
//! matcher and the technology vocabulary (not timed: done once per run of jobfit).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::path::PathBuf;
use std::time::Instant;

use jobfit::candidate::{self, ResumeFormat, Technologies};
use jobfit::{Matcher, RuleSet};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().expect("usage: resume_read FILE [RUNS]"));
    let runs: usize = args.next().map_or(20, |n| n.parse().unwrap());
    let bytes = std::fs::read(&path).unwrap();
    let matcher = Matcher::new(RuleSet::default_rules().unwrap()).unwrap();
    let technologies = Technologies::builtin();
    let format = ResumeFormat::detect(&path, &bytes);
    let first = candidate::resume::read(&matcher, technologies, &bytes, format, (2026, 1)).unwrap();
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let resume =
            candidate::resume::read(&matcher, technologies, &bytes, format, (2026, 1)).unwrap();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(resume.skills.len(), first.skills.len());
    }
    times.sort_by(f64::total_cmp);
    let mut text_times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            candidate::resume::blocks(&bytes, format).unwrap();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    text_times.sort_by(f64::total_cmp);
    println!(
        "{}: {} bytes, {} words read, {} skills, {} technologies; {runs} reads: fastest {:.1} ms, median {:.1} ms, slowest {:.1} ms (text extraction alone: median {:.1} ms)",
        path.display(),
        bytes.len(),
        first.text.split_whitespace().count(),
        first.skills.len(),
        first.technologies.len(),
        times[0],
        times[times.len() / 2],
        times[times.len() - 1],
        text_times[text_times.len() / 2]
    );
}
