//! Hostile inputs, each a real file written by the test: every one yields a score or an error row
//! that names the problem, within bounded time and memory, and the good posting of the same
//! batch is still scored.

use std::fs;
use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{fixture, parse_csv};

/// Longest a batch of one good and one hostile input may take (debug build, loaded machine).
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// Most memory a batch may use, in KiB (peak resident set size).
const MEMORY_LIMIT_KB: u64 = 1536 * 1024;

/// A run of the binary with its elapsed time and peak memory.
struct Measured {
    status: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
    elapsed: Duration,
    peak_kb: u64,
}

/// Runs `jobfit` with `args`, sampling its peak resident set size from /proc while it runs.
fn run_measured(dir: &Path, args: &[&str]) -> Measured {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_jobfit"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status_file = PathBuf::from(format!("/proc/{}/status", child.id()));
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || read_all(stdout));
    let err_reader = std::thread::spawn(move || read_all(stderr));
    let mut peak_kb = 0;
    let status = loop {
        if let Ok(text) = fs::read_to_string(&status_file)
            && let Some(line) = text.lines().find(|l| l.starts_with("VmHWM:"))
            && let Some(kb) = line.split_whitespace().nth(1).and_then(|v| v.parse().ok())
        {
            peak_kb = peak_kb.max(kb);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < TIME_LIMIT * 2,
            "jobfit {args:?} still running after {:?}",
            started.elapsed()
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = started.elapsed();
    Measured {
        status: status.code(),
        stdout: out_reader.join().unwrap(),
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned(),
        elapsed,
        peak_kb,
    }
}

fn read_all(mut reader: impl std::io::Read) -> Vec<u8> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).unwrap();
    bytes
}

/// Scores the good fixture and `hostile` in one batch and checks both rows; returns the hostile
/// row's status and error.
fn batch(dir: &Path, case: &str, hostile: &str) -> (String, String) {
    let good = fixture("remotewlb-backend-developer-rust.md");
    let good = good.to_str().unwrap();
    let run = run_measured(dir, &["score", good, hostile, "--no-progress"]);
    eprintln!(
        "hostile case {case}: {:.2} s, peak RSS {} MiB",
        run.elapsed.as_secs_f64(),
        run.peak_kb / 1024
    );
    assert!(
        matches!(run.status, Some(0 | 1)),
        "{case}: exit {:?}: {}",
        run.status,
        run.stderr
    );
    assert!(run.elapsed < TIME_LIMIT, "{case}: took {:?}", run.elapsed);
    assert!(
        run.peak_kb < MEMORY_LIMIT_KB,
        "{case}: peak RSS {} KiB",
        run.peak_kb
    );
    let (header, rows) = parse_csv(&run.stdout);
    let status = header.iter().position(|h| h == "status").unwrap();
    let error = header.iter().position(|h| h == "error").unwrap();
    assert_eq!(rows.len(), 2, "{case}: {rows:?}");
    assert_eq!(
        rows[0][status], "ok",
        "{case}: the good posting: {:?}",
        rows[0]
    );
    (rows[1][status].clone(), rows[1][error].clone())
}

fn assert_error(case: &str, (status, error): (String, String), names: &str) {
    assert_eq!(status, "error", "{case}: {error}");
    assert!(
        error.contains(names),
        "{case}: {error:?} should name {names:?}"
    );
}

fn assert_scored(case: &str, (status, error): (String, String)) {
    assert_eq!(status, "ok", "{case}: {error}");
}

/// Deterministic pseudo-random bytes (xorshift), so that failures reproduce.
fn random_bytes(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.extend_from_slice(&state.to_le_bytes());
    }
    out.truncate(len);
    out
}

const POSTING: &str = "<h2>Requirements</h2><ul><li>Strong Rust and Tokio experience</li>\
    <li>Kubernetes and AWS</li></ul>";

#[test]
fn empty_random_and_huge_files_are_error_rows() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("empty.txt"), "").unwrap();
    assert_error(
        "empty file",
        batch(root, "empty", "empty.txt"),
        "empty file",
    );

    fs::write(root.join("random.html"), random_bytes(5 * 1024 * 1024)).unwrap();
    let (status, error) = batch(root, "5 MB of random bytes", "random.html");
    assert_eq!(status, "error", "{error}");
    assert!(
        error.contains("binary file") || error.contains("UTF-8"),
        "{error}"
    );

    // 200 MB from one repeated buffer: quick to write, and the size check refuses it unread.
    let line = "Rust engineer wanted. ".repeat(4096);
    let mut file = fs::File::create(root.join("huge.txt")).unwrap();
    let mut written = 0;
    while written < 200 * 1024 * 1024 {
        file.write_all(line.as_bytes()).unwrap();
        written += line.len();
    }
    drop(file);
    assert_error(
        "200 MB text",
        batch(root, "200 MB", "huge.txt"),
        "too large",
    );
}

#[test]
fn encodings_are_decoded_or_named() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Not UTF-8 and no charset declared: decoded by detection (chardetng), with a warning.
    fs::write(root.join("bad.txt"), b"Rust engineer\n\xff\xfe\xfd caf\xe9").unwrap();
    assert_scored("invalid UTF-8", batch(root, "invalid UTF-8", "bad.txt"));

    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Senior Rust Engineer\n\nRequirements: Rust, Tokio, Kubernetes.\n".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    fs::write(root.join("utf16.txt"), utf16).unwrap();
    assert_scored("UTF-16 with BOM", batch(root, "UTF-16", "utf16.txt"));

    fs::write(
        root.join("cp1252.html"),
        b"<html><body><h1>D\xe9veloppeur Rust</h1><p>Exp\xe9rience \x93Rust\x94 et Tokio.</p></body></html>",
    )
    .unwrap();
    assert_scored(
        "Windows-1252 without a charset",
        batch(root, "Windows-1252", "cp1252.html"),
    );
}

#[test]
fn deep_nesting_and_many_attributes_are_scored_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let deep = format!(
        "<html><body>{}{POSTING}{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    fs::write(root.join("deep.html"), deep).unwrap();
    assert_scored("100,000 levels", batch(root, "deep nesting", "deep.html"));

    let attributes: String = (0..100_000)
        .map(|i| format!(" data-a{i}=\"{i}\""))
        .collect();
    let wide = format!("<html><body><div{attributes}>{POSTING}</div></body></html>");
    fs::write(root.join("wide.html"), wide).unwrap();
    assert_scored("100,000 attributes", batch(root, "attributes", "wide.html"));
}

#[test]
fn huge_malformed_and_truncated_json_ld_fall_back_to_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let filler = "x".repeat(1024);
    let mut big = String::with_capacity(51 * 1024 * 1024);
    big.push_str("{\"@type\":\"JobPosting\",\"title\":\"Huge\",\"skills\":[");
    for i in 0..50 * 1024 {
        if i > 0 {
            big.push(',');
        }
        big.push('"');
        big.push_str(&filler);
        big.push('"');
    }
    big.push_str("]}");
    let page = |ld: &str| {
        format!(
            "<html><head><script type=\"application/ld+json\">{ld}</script></head>\
             <body><h1>Rust Engineer</h1>{POSTING}</body></html>"
        )
    };
    fs::write(root.join("big-ld.html"), page(&big)).unwrap();
    drop(big);
    assert_scored("50 MB JSON-LD", batch(root, "50 MB JSON-LD", "big-ld.html"));
    fs::write(
        root.join("bad-ld.html"),
        page("{\"@type\": \"JobPosting\", \"title\": [}}}"),
    )
    .unwrap();
    assert_scored(
        "malformed JSON-LD",
        batch(root, "malformed JSON-LD", "bad-ld.html"),
    );
    fs::write(
        root.join("cut-ld.html"),
        page("{\"@type\": \"JobPosting\", \"description\": \"<p>Rust"),
    )
    .unwrap();
    assert_scored(
        "truncated JSON-LD",
        batch(root, "truncated JSON-LD", "cut-ld.html"),
    );
}

#[test]
fn fifos_symlink_loops_and_unreadable_files_are_rows() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let made = Command::new("mkfifo")
        .arg(root.join("pipe.txt"))
        .status()
        .unwrap();
    assert!(made.success());
    assert_error(
        "FIFO",
        batch(root, "FIFO", "pipe.txt"),
        "not a regular file (a FIFO)",
    );

    let tree = root.join("tree");
    fs::create_dir_all(tree.join("sub")).unwrap();
    fs::copy(
        fixture("remotewlb-backend-developer-rust.md"),
        tree.join("a.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&tree, tree.join("sub/loop")).unwrap();
    fs::write(tree.join("sub/secret.md"), "Rust engineer wanted").unwrap();
    let mut permissions = fs::metadata(tree.join("sub/secret.md"))
        .unwrap()
        .permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o000);
    fs::set_permissions(tree.join("sub/secret.md"), permissions).unwrap();
    let run = run_measured(root, &["score", "tree", "--no-progress"]);
    assert_eq!(run.status, Some(1), "{}", run.stderr);
    let (header, rows) = parse_csv(&run.stdout);
    let status = header.iter().position(|h| h == "status").unwrap();
    let error = header.iter().position(|h| h == "error").unwrap();
    let row = |name: &str| {
        rows.iter()
            .find(|r| r[0].ends_with(name))
            .unwrap_or_else(|| panic!("no row for {name}: {rows:?}"))
    };
    assert_eq!(row("a.md")[status], "ok");
    let looped = row("sub/loop");
    assert_eq!(looped[status], "error");
    assert!(looped[error].contains("loop"), "{looped:?}");
    // Root reads any file whatever its mode: then the file is simply scored.
    let secret = row("secret.md");
    assert!(
        secret[status] == "ok" || secret[error].contains("Permission denied"),
        "{secret:?}"
    );
}

/// Answers every request with `body` as JSON (and 404 for robots.txt), until the test ends.
fn serve_json(body: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = Vec::new();
            let mut buf = [0u8; 4096];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match std::io::Read::read(&mut stream, &mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buf[..n]),
                }
            }
            let robots = String::from_utf8_lossy(&request).contains("/robots.txt");
            let (status, body) = if robots {
                ("404 Not Found", "")
            } else {
                ("200 OK", body)
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    format!("http://{address}")
}

#[test]
fn a_job_board_json_of_the_wrong_shape_is_an_error_row() {
    let api = serve_json("{\"jobs\": \"none today\"}");
    let good = fixture("remotewlb-backend-developer-rust.md");
    let run = run_measured(
        &crate::root(),
        &[
            "score",
            good.to_str().unwrap(),
            "https://boards.greenhouse.io/acme",
            "--greenhouse-api",
            &api,
            "--no-cache",
            "--delay",
            "0",
            "--retries",
            "0",
            "--no-progress",
        ],
    );
    assert_eq!(run.status, Some(1), "{}", run.stderr);
    let (header, rows) = parse_csv(&run.stdout);
    let status = header.iter().position(|h| h == "status").unwrap();
    let error = header.iter().position(|h| h == "error").unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0][status], "ok");
    assert_eq!(rows[1][status], "error");
    assert!(
        rows[1][error].contains("expected an object with a \"jobs\" list"),
        "{:?}",
        rows[1]
    );
}

#[test]
fn a_bad_rule_file_stops_the_run_before_anything_is_scored() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("bad.toml");
    fs::write(
        &rules,
        "[[category]]\nid = \"lang\"\nname = \"Languages\"\nkind = \"tech\"\n\n\
         [[skill]]\nid = \"rust\"\nname = \"Rust\"\ncategory = \"lang\"\n\
         phrases = [\"rust\"]\npatterns = ['(?i)rust(']\n",
    )
    .unwrap();
    let good = fixture("remotewlb-backend-developer-rust.md");
    let run = run_measured(
        dir.path(),
        &[
            "score",
            good.to_str().unwrap(),
            "--rules",
            "bad.toml",
            "-o",
            "out.csv",
        ],
    );
    assert_eq!(run.status, Some(2));
    assert!(
        run.stderr
            .contains("bad.toml:11: skill \"rust\": invalid pattern \"(?i)rust(\""),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
    assert!(!dir.path().join("out.csv").exists());
}
