//! Extraction throughput alone, and a dump of every extracted `Posting` to compare runs.
//!
//! Usage: `cargo run --release --example extract_throughput -- [--format md|txt|html]
//! [--rounds N] [--dump FILE] DIR...`.
//!
//! Every file under each DIR whose extension is the format's (`md`: `.md` and `.markdown`,
//! `txt`: `.txt` and also the Markdown files read as plain text, `html`: `.html` and `.htm`) is
//! read first (not timed); then each is extracted (`extract::extract`, decoding included) ROUNDS
//! times (default 20) and the best round is reported in MB/s. Under `valgrind --tool=callgrind`
//! use `--rounds 1`, or more to drown the start-up.
//!
//! `--dump FILE` writes, instead of timing, the `Debug` form of every posting (metadata, text,
//! blocks, sections, words, warnings) or its error, one file after the other, for every
//! format: Markdown files as Markdown and as text, text files as text, HTML files as HTML. Two
//! dumps made before and after a change to the extraction must be byte-identical (`cmp`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use jobfit::{Format, extract::extract};

fn main() {
    let mut format = "md".to_owned();
    let mut rounds = 20usize;
    let mut dump: Option<PathBuf> = None;
    let mut dirs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => format = args.next().expect("--format md|txt|html"),
            "--rounds" => {
                rounds = args
                    .next()
                    .and_then(|r| r.parse().ok())
                    .expect("--rounds N")
            }
            "--dump" => dump = Some(PathBuf::from(args.next().expect("--dump FILE"))),
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    let mut files = Vec::new();
    for dir in &dirs {
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                files.push(entry.into_path());
            }
        }
    }
    if let Some(dump) = dump {
        let mut out = std::io::BufWriter::new(std::fs::File::create(dump).unwrap());
        for path in &files {
            let Some(found) = Format::from_path(path) else {
                continue;
            };
            let bytes = std::fs::read(path).unwrap();
            let mut formats = vec![found];
            if found == Format::Markdown {
                formats.push(Format::Text);
            }
            for format in formats {
                writeln!(out, "== {} as {format:?}", path.display()).unwrap();
                writeln!(out, "{:#?}", extract(&bytes, format)).unwrap();
            }
        }
        return;
    }
    let (wanted, as_format): (&[&str], Format) = match format.as_str() {
        "md" => (&["md", "markdown"], Format::Markdown),
        "txt" => (&["txt", "md", "markdown"], Format::Text),
        "html" => (&["html", "htm"], Format::Html),
        other => panic!("unknown format {other}"),
    };
    let docs: Vec<Vec<u8>> = files
        .iter()
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| wanted.contains(&e.to_ascii_lowercase().as_str()))
        })
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    let bytes: usize = docs.iter().map(Vec::len).sum();
    let mut best = f64::MAX;
    let mut words = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        words = docs
            .iter()
            .filter_map(|doc| extract(doc, as_format).ok())
            .map(|p| p.words)
            .sum::<usize>();
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{} {format} files, {:.2} MB, {words} words: extraction {:.1} MB/s on one thread \
         (best of {rounds})",
        docs.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / best,
    );
}
