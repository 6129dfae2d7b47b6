//! SIGINT and SIGTERM mid-batch: the run stops taking inputs, writes the rows already scored,
//! leaves every output complete, says how far it got and exits 130.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{parse_csv, root};

/// Copies of the fixture postings (as symbolic links) in a temporary directory: a batch long
/// enough to interrupt. Returns the inputs in the order the run reads them.
fn big_batch(dir: &Path, copies: usize) -> Vec<String> {
    let fixtures = root().join("tests/fixtures/postings");
    let mut names: Vec<String> = fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| jobfit::Format::from_path(Path::new(n)).is_some())
        .collect();
    names.sort();
    let mut order = Vec::new();
    for copy in 0..copies {
        let sub = dir.join("big").join(format!("copy-{copy:03}"));
        fs::create_dir_all(&sub).unwrap();
        for name in &names {
            std::os::unix::fs::symlink(fixtures.join(name), sub.join(name)).unwrap();
            order.push(format!("big/copy-{copy:03}/{name}"));
        }
    }
    order
}

fn start(dir: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_jobfit"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn signal(child: &Child, name: &str) {
    let sent = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

/// Waits until a temporary output file in `dir` holds more than `bytes` bytes (0: exists; the
/// outputs are opened after the signal handlers are installed).
fn wait_for_output(dir: &Path, bytes: u64) {
    let started = Instant::now();
    loop {
        let writing = fs::read_dir(dir).unwrap().any(|e| {
            let e = e.unwrap();
            e.file_name().to_string_lossy().ends_with(".tmp")
                && e.metadata().is_ok_and(|m| bytes == 0 || m.len() > bytes)
        });
        if writing {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no rows written"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The `done` and `total` of "interrupted: N of M inputs done".
fn progress_line(stderr: &str) -> (usize, usize) {
    let line = stderr
        .lines()
        .find(|l| l.contains("interrupted:"))
        .unwrap_or_else(|| panic!("no progress line in {stderr:?}"));
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "interrupted:").unwrap();
    (
        words[at + 1].parse().unwrap(),
        words[at + 3].parse().unwrap(),
    )
}

fn no_temporary_files(dir: &Path) {
    for entry in fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.ends_with(".tmp"), "left behind: {name}");
    }
}

#[test]
fn sigint_mid_batch_writes_complete_files_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let order = big_batch(dir.path(), 30);
    let child = start(
        dir.path(),
        &[
            "score",
            "big",
            "-o",
            "out.csv",
            "--matches",
            "m.csv",
            "--summary",
            "s.csv",
            "-j",
            "1",
            "--no-progress",
        ],
    );
    wait_for_output(dir.path(), 1);
    signal(&child, "INT");
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    let (done, total) = progress_line(&stderr);
    assert_eq!(total, order.len());
    assert!(done > 0 && done < total, "{stderr}");

    let (header, rows) = parse_csv(&fs::read(dir.path().join("out.csv")).unwrap());
    assert_eq!(header[0], "source");
    let sources: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    let expected: Vec<&str> = order[..done].iter().map(String::as_str).collect();
    assert_eq!(
        sources, expected,
        "rows are the first {done} inputs in order"
    );

    let (_, matches) = parse_csv(&fs::read(dir.path().join("m.csv")).unwrap());
    assert!(!matches.is_empty());
    assert!(matches.iter().all(|m| expected.contains(&m[0].as_str())));
    let (_, summary) = parse_csv(&fs::read(dir.path().join("s.csv")).unwrap());
    assert_eq!(summary.len(), 46);
    no_temporary_files(dir.path());
}

#[test]
fn sigterm_mid_batch_leaves_whole_json_lines_and_an_html_report() {
    let dir = tempfile::tempdir().unwrap();
    let order = big_batch(dir.path(), 30);
    let mut child = start(
        dir.path(),
        &[
            "score",
            "big",
            "--format",
            "jsonl",
            "--html",
            "r.html",
            "-j",
            "1",
            "--no-progress",
        ],
    );
    // With --html, rows are held until the end: wait until the report's file is open, then a
    // moment into the batch.
    let stdout = child.stdout.take().unwrap();
    wait_for_output(dir.path(), 0);
    std::thread::sleep(Duration::from_millis(500));
    signal(&child, "TERM");
    let mut lines = Vec::new();
    for line in BufReader::new(stdout).lines() {
        lines.push(line.unwrap());
    }
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    let (done, total) = progress_line(&stderr);
    assert_eq!(total, order.len());
    assert_eq!(lines.len(), done);
    for (line, source) in lines.iter().zip(&order) {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(value["source"], source.as_str());
    }
    let html = fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(html.trim_end().ends_with("</html>"));
    no_temporary_files(dir.path());
}
