//! Throughput of the pure stages on the real fixture postings, with a baseline in the same run.
//!
//! `cargo bench --bench pipeline` reports bytes per second for:
//! - `baseline/read-lowercase`: one pass over the bytes (ASCII lowercasing), the floor any
//!   stage is compared with;
//! - `extract/html`, `extract/markdown`: bytes to a structured `Posting`;
//! - `match`: a `Posting` to skill hits with the default skill map;
//! - `pipeline`: bytes to scores, everything a posting goes through;
//! - `startup/*`: loading the default rule file and compiling the matcher (the start-up cost of
//!   every run, target under 20 ms).
//! - `pages/*`: the same on the three full saved pages (566 KB to 1.4 MB), with the HTML
//!   reduction alone by the old scraper path (`html/scraper`) and the streaming one
//!   (`html/stream`).
//!
//! Compare each stage's throughput with the baseline's: the ratio is what to track.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jobfit::extract::{decode, extract, html};
use jobfit::{Format, Matcher, RuleSet, analyze_bytes};

fn fixtures(format: Format) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/postings");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| Format::from_path(p) == Some(format))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn bench(c: &mut Criterion) {
    let matcher = Matcher::new(RuleSet::default_rules().unwrap()).unwrap();
    let html = fixtures(Format::Html);
    let markdown = fixtures(Format::Markdown);
    let html_bytes: usize = html.iter().map(Vec::len).sum();
    let md_bytes: usize = markdown.iter().map(Vec::len).sum();

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(html_bytes as u64));
    group.bench_function("baseline/read-lowercase", |b| {
        b.iter(|| {
            for doc in &html {
                black_box(doc.to_ascii_lowercase());
            }
        })
    });
    group.bench_function("extract/html", |b| {
        b.iter(|| {
            for doc in &html {
                black_box(extract(doc, Format::Html).unwrap());
            }
        })
    });
    group.bench_function("pipeline/html", |b| {
        b.iter(|| {
            for doc in &html {
                black_box(analyze_bytes(&matcher, doc, Format::Html).unwrap());
            }
        })
    });
    group.throughput(Throughput::Bytes(md_bytes as u64));
    group.bench_function("extract/markdown", |b| {
        b.iter(|| {
            for doc in &markdown {
                black_box(extract(doc, Format::Markdown).unwrap());
            }
        })
    });
    let postings: Vec<_> = markdown
        .iter()
        .map(|doc| extract(doc, Format::Markdown).unwrap())
        .collect();
    let text_bytes: usize = postings.iter().map(|p| p.text.len()).sum();
    group.throughput(Throughput::Bytes(text_bytes as u64));
    group.bench_function("match", |b| {
        b.iter(|| {
            for posting in &postings {
                black_box(matcher.find(posting));
            }
        })
    });
    group.finish();

    // Start-up: what a run does before reading its first posting.
    let mut group = c.benchmark_group("startup");
    group.bench_function("rules/load", |b| {
        b.iter(|| black_box(RuleSet::default_rules().unwrap()))
    });
    let rules = RuleSet::default_rules().unwrap();
    group.bench_function("matcher/compile", |b| {
        b.iter(|| black_box(Matcher::new(rules.clone()).unwrap()))
    });
    group.bench_function("rules/load+matcher/compile", |b| {
        b.iter(|| black_box(Matcher::new(RuleSet::default_rules().unwrap()).unwrap()))
    });
    group.finish();
}

/// Three full saved pages of the fixtures (218 KB, 580 KB, 1.4 MB: SEEK, Recruitee, TopCV, see
/// tests/fixtures/pages/PROVENANCE.md and tests/fixtures/PROVENANCE-hn-and-pages.md), as bytes.
fn full_pages() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    [
        "pages/seek-sapien-agtech-software-engineer.html",
        "postings/page-recruitee-hostaway-account-executive.html",
        "postings/page-topcv-vietnamese-ai-team-leader.html",
    ]
    .iter()
    .map(|name| std::fs::read(dir.join(name)).unwrap())
    .collect()
}

/// MB/s of HTML on the full saved pages: a byte pass, the old scraper extraction, the
/// streaming extraction, the whole extraction stage and the whole pipeline.
fn bench_pages(c: &mut Criterion) {
    let matcher = Matcher::new(RuleSet::default_rules().unwrap()).unwrap();
    let pages = full_pages();
    let texts: Vec<String> = pages
        .iter()
        .map(|p| decode(p, Format::Html).unwrap().into_owned())
        .collect();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("pages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("baseline/read-lowercase", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(page.to_ascii_lowercase());
            }
        })
    });
    group.bench_function("html/scraper", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(html::reference::extract_with_warnings(text));
            }
        })
    });
    group.bench_function("html/stream", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(html::extract_with_warnings(text));
            }
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(extract(page, Format::Html).unwrap());
            }
        })
    });
    group.bench_function("pipeline", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(analyze_bytes(&matcher, page, Format::Html).unwrap());
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench, bench_pages
}
criterion_main!(benches);
