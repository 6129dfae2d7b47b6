//! Best-of-N timing of the HTML stages on the three full saved pages, a steadier figure than a
//! mean on a machine shared with other work:
//! `cargo run --release --example pages_best -- [scraper|stream|extract|pipeline] [RUNS]`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use jobfit::extract::{decode, extract, html};
use jobfit::{Format, Matcher, RuleSet, analyze_bytes};

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    let pages: Vec<Vec<u8>> = [
        "pages/seek-sapien-agtech-software-engineer.html",
        "postings/page-recruitee-hostaway-account-executive.html",
        "postings/page-topcv-vietnamese-ai-team-leader.html",
    ]
    .iter()
    .map(|name| std::fs::read(format!("{dir}{name}")).unwrap())
    .collect();
    let texts: Vec<String> = pages
        .iter()
        .map(|p| decode(p, Format::Html).unwrap().into_owned())
        .collect();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let matcher = Matcher::new(RuleSet::default_rules().unwrap()).unwrap();
    let stage = std::env::args().nth(1).unwrap_or_else(|| "stream".into());
    let runs: usize = std::env::args()
        .nth(2)
        .map_or(300, |r| r.parse().expect("RUNS is a number"));
    let mut best = f64::MAX;
    for _ in 0..runs {
        let started = Instant::now();
        for (page, text) in pages.iter().zip(&texts) {
            match stage.as_str() {
                "scraper" => drop(std::hint::black_box(
                    html::reference::extract_with_warnings(text),
                )),
                "extract" => drop(std::hint::black_box(extract(page, Format::Html).unwrap())),
                "pipeline" => drop(std::hint::black_box(
                    analyze_bytes(&matcher, page, Format::Html).unwrap(),
                )),
                _ => drop(std::hint::black_box(html::extract_with_warnings(text))),
            }
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!(
        "{stage}: best of {runs} runs {:.3} ms for {bytes} bytes, {:.0} MB/s",
        best * 1e3,
        bytes as f64 / best / 1e6
    );
}
