//! Integration tests: the real binary on real postings, the reports read back by real clients
//! (the csv crate, Python, Chromium, LibreOffice), the README kept in step with `--help`, and the accuracy
//! of the default skill map against the hand labels.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod accuracy;
mod analyst;
mod candidate;
mod cli;
mod dedup;
mod edges;
mod fetch;
mod fuzz_regressions;
mod generated;
mod hostile;
mod html_equivalence;
mod interrupt;
mod metadata;
mod pages;
mod report_html;
mod reports;
mod server;
mod spark;
mod streaming;
mod usage;
mod workbook;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture posting's path.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/postings").join(name)
}

/// Runs `jobfit` with `args` in the repository root, with `stdin` as standard input.
pub fn jobfit(args: &[&str], stdin: &str) -> Output {
    jobfit_in(&root(), args, stdin)
}

/// Runs `jobfit` with `args` in `dir`.
pub fn jobfit_in(dir: &Path, args: &[&str], stdin: &str) -> Output {
    jobfit_bytes(dir, args, stdin.as_bytes())
}

/// Runs `jobfit` with `args` in `dir`, with any bytes as standard input.
pub fn jobfit_bytes(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_jobfit"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Written from a thread: a child that streams its output would otherwise fill the stdout
    // pipe and block while we still write its input.
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_owned();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

/// Parses CSV text into a header and rows.
pub fn parse_csv(text: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text);
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}
