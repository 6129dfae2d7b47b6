//! Rough edges a new user meets with bad input and odd options: each gives a clear answer that
//! names the input once, and nothing panics.

use std::fs;

use crate::{jobfit, jobfit_in, parse_csv, root};

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn jobs_is_capped_with_a_clear_error() {
    for jobs in ["100000", "5000", "257", "0", "x"] {
        let output = jobfit(&["score", "samples", "--no-progress", "-j", jobs], "");
        assert_eq!(output.status.code(), Some(2), "--jobs {jobs}");
        let message = stderr(&output);
        assert!(
            message.contains("expected a number of worker threads from 1 to 256"),
            "--jobs {jobs}: {message}"
        );
    }
    let output = jobfit(&["score", "samples", "--no-progress", "-j", "256"], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

/// A host that does not answer is an error row that says so, counted as failed (it was a
/// `skipped` row: "robots.txt unavailable ... treated as disallowing crawlers").
#[test]
fn an_unreachable_host_is_an_error_row() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}/jobs/1");
    let output = jobfit(
        &[
            "score",
            &url,
            "--no-cache",
            "--no-progress",
            "--retries",
            "0",
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    let (header, rows) = parse_csv(&output.stdout);
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows[0][column("status")], "error");
    let error = &rows[0][column("error")];
    assert!(error.starts_with("connection failed"), "{error}");
    assert!(error.contains("Connection refused"), "{error}");
    assert!(stderr(&output).contains("1 postings: 0 ok, 1 failed, 0 blocked, 0 skipped"));
}

#[test]
fn url_like_inputs_say_what_a_url_needs() {
    let output = jobfit(
        &[
            "score",
            "htp://example.com/jobs/1",
            "ftp://example.com/jobs/2",
            "www.example.com/jobs/123",
            "--no-progress",
        ],
        "",
    );
    let (header, rows) = parse_csv(&output.stdout);
    let error = header.iter().position(|h| h == "error").unwrap();
    assert!(rows[0][error].contains("unsupported scheme \"htp://\""));
    assert!(rows[1][error].contains("jobfit fetches http:// and https:// URLs"));
    assert_eq!(
        rows[2][error],
        "no such file or directory; if this is a URL, give its scheme: \
         https://www.example.com/jobs/123"
    );
    let explain = jobfit(&["explain", "www.example.com/jobs/123"], "");
    assert_eq!(explain.status.code(), Some(1));
    assert!(stderr(&explain).contains("https://www.example.com/jobs/123"));
}

/// Every error text names the path once, and never the temporary file.
#[test]
fn error_texts_name_the_path_once() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples").display().to_string();
    let cases = [
        ["score", &samples, "-o", "nodir/out.csv"],
        ["score", &samples, "--profile", "nope.toml"],
        ["score", &samples, "--rules", "nope.toml"],
        ["score", "--no-cache", "--jsonl-in", "nope.jsonl"],
    ];
    for args in cases {
        let output = jobfit_in(dir.path(), &args, "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        assert_eq!(
            message.matches("No such file or directory").count(),
            1,
            "{message}"
        );
        assert!(!message.contains(".jobfit-"), "{message}");
        assert!(
            message.contains("nodir/out.csv") || message.contains("nope."),
            "{message}"
        );
    }
}

/// `-o` refuses a destination the user may not write, as `sort -o` does, and leaves it as it
/// was.
#[test]
fn a_destination_the_user_may_not_write_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("read-only.csv");
    fs::write(&out, "keep me\n").unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o444)).unwrap();
    let samples = root().join("samples").display().to_string();
    let out_arg = out.display().to_string();
    let output = jobfit(&["score", &samples, "--no-progress", "-o", &out_arg], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("read-only"), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&out).unwrap(), "keep me\n");
    assert_eq!(
        fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o444
    );

    // Another user's file in a directory everyone may write: the case. Only root can
    // run a process as another user here (CI runs as root).
    if std::os::unix::fs::MetadataExt::uid(&fs::metadata("/proc/self").unwrap()) != 0 {
        eprintln!("not root: the other-user case is not run");
        return;
    }
    let shared = dir.path().join("shared");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o777)).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let theirs = shared.join("roots.csv");
    fs::write(&theirs, "root's\n").unwrap();
    fs::set_permissions(&theirs, fs::Permissions::from_mode(0o644)).unwrap();
    let output = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_jobfit"))
        .args(["score", "--no-progress", "-o"])
        .arg(&theirs)
        .arg(root().join("samples/remotewlb-backend-developer-rust.md"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(
        stderr(&output).contains("Permission denied"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read_to_string(&theirs).unwrap(), "root's\n");
}

/// No option value makes jobfit panic: each is used or refused with exit 2. `--jsonl-in` builds
/// the fetcher (where the request limits are made) even with no URL to fetch.
#[test]
fn no_option_value_panics() {
    let huge = u64::MAX.to_string();
    let options: [(&str, &[&str]); 9] = [
        ("--jobs", &["1", "256", "257", &huge, "0"]),
        ("--concurrency", &["1", "4096", "4097", &huge, "0"]),
        ("--per-host", &["1", "4096", "4097", &huge, "0"]),
        ("--delay", &["0", "3600000", "3600001", &huge]),
        ("--retries", &["0", "100", "101", &huge]),
        ("--timeout", &["0.001", "86400", "1e300", "nan", "-1"]),
        ("--max-bytes", &["0", &huge]),
        ("--shard", &["1/1", &format!("{huge}/{huge}"), "0/0", "2/1"]),
        ("--fail-under", &["0", "100", "nan", "inf"]),
    ];
    let line = "{\"id\": \"a\", \"text\": \"Senior Rust engineer\"}\n";
    for (option, values) in options {
        for value in values {
            let output = jobfit(
                &[
                    "score",
                    "--jsonl-in",
                    "-",
                    "--no-cache",
                    "--no-progress",
                    option,
                    value,
                ],
                line,
            );
            let code = output.status.code();
            assert!(
                matches!(code, Some(0..=2)),
                "{option} {value}: {code:?}\n{}",
                stderr(&output)
            );
            assert!(!stderr(&output).contains("panicked"), "{option} {value}");
        }
    }
}
