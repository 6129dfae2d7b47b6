//! Spreadsheet-safe CSV read back by real clients, candidate fit, sorting, JSON lines,
//! `--fail-under` and atomic output files.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{jobfit, parse_csv, root};

const FORMULA_TITLE: &str = "=HYPERLINK(\"http://example.com/x\",\"Backend Developer (Rust)\")";

fn column(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

/// Reads a CSV file with Python's csv module (`utf-8-sig` drops a byte-order mark).
fn python_csv(path: &Path) -> Vec<Vec<String>> {
    let output = Command::new("python3")
        .args([
            "-c",
            "import csv, json, sys\n\
             with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n\
             \x20   print(json.dumps(list(csv.reader(f))))",
        ])
        .arg(path)
        .output()
        .expect("python3 is needed to check the CSV with a second reader");
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

fn risky(cell: &str) -> bool {
    matches!(
        cell.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

#[test]
fn csv_is_spreadsheet_safe_and_reads_back_with_the_csv_crate_and_python() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("postings.csv");
    let matches = dir.path().join("matches.csv");
    let summary = dir.path().join("skills.csv");
    let output = jobfit(
        &[
            "score",
            "samples",
            "tests/fixtures/crafted/formula-title.md",
            "-o",
            out.to_str().unwrap(),
            "--matches",
            matches.to_str().unwrap(),
            "--summary",
            summary.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    for path in [&out, &matches, &summary] {
        let bytes = fs::read(path).unwrap();
        assert!(
            !bytes.starts_with(b"\xEF\xBB\xBF"),
            "no BOM without --excel"
        );
        let (header, rows) = parse_csv(&bytes);
        let mut from_crate = vec![header];
        from_crate.extend(rows);
        // Python's csv module reads exactly what the csv crate reads.
        assert_eq!(python_csv(path), from_crate, "{}", path.display());
        for row in &from_crate {
            for cell in row {
                assert!(!risky(cell), "{}: {cell:?}", path.display());
            }
        }
    }
    let (header, rows) = parse_csv(&fs::read(&out).unwrap());
    let crafted = rows
        .iter()
        .find(|r| r[0].ends_with("formula-title.md"))
        .unwrap();
    assert_eq!(
        crafted[column(&header, "title")],
        format!("'{FORMULA_TITLE}")
    );
    assert_eq!(crafted[column(&header, "company")], "1Password");
    assert!(crafted[column(&header, "required")].contains("rust"));
}

#[test]
fn excel_flag_writes_a_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("postings.csv");
    let matches = dir.path().join("matches.csv");
    let output = jobfit(
        &[
            "score",
            "samples",
            "--excel",
            "-o",
            out.to_str().unwrap(),
            "--matches",
            matches.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    for path in [&out, &matches] {
        let bytes = fs::read(path).unwrap();
        assert!(
            bytes.starts_with(b"\xEF\xBB\xBFsource,"),
            "{}",
            path.display()
        );
        let rows = python_csv(path);
        assert_eq!(rows[0][0], "source");
    }
    let stdout = jobfit(&["score", "samples", "--excel"], "");
    assert!(stdout.stdout.starts_with(b"\xEF\xBB\xBFsource,"));
    // JSON lines never get a BOM.
    let jsonl = jobfit(&["score", "samples", "--excel", "--format", "jsonl"], "");
    assert!(jsonl.stdout.starts_with(b"{\"source\""));
}

fn write_profile(dir: &Path, skills: &str) -> String {
    let path = dir.join("me.toml");
    fs::write(&path, format!("skills = [{skills}]\n")).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn profile_adds_fit_columns_at_the_end_and_sort_orders_rows() {
    let dir = tempfile::tempdir().unwrap();
    let profile = write_profile(
        dir.path(),
        "\"rust\", \"async-concurrency\", \"containers\", \"git\"",
    );
    let output = jobfit(&["score", "samples", "--profile", &profile], "");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let (header, rows) = parse_csv(&output.stdout);
    assert_eq!(
        header[header.len() - 4..],
        [
            "fit",
            "missing_required",
            "missing_preferred",
            "experience_gap"
        ]
    );
    assert_eq!(header[header.len() - 5], "duplicate_of");
    let fit = column(&header, "fit");
    for row in &rows {
        let value: f64 = row[fit].parse().unwrap();
        assert!((0.0..=100.0).contains(&value), "{row:?}");
        let required: Vec<&str> = row[column(&header, "required")].split(';').collect();
        for missing in row[fit + 1].split(';').filter(|s| !s.is_empty()) {
            assert!(required.contains(&missing), "{row:?}");
            assert!(!["rust", "async-concurrency", "containers", "git"].contains(&missing));
        }
    }
    // The input order is kept without --sort.
    let sources: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);

    for (key, name) in [("fit", "fit"), ("score", "score")] {
        let output = jobfit(
            &["score", "samples", "--profile", &profile, "--sort", key],
            "",
        );
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        let (header, sorted_rows) = parse_csv(&output.stdout);
        let values: Vec<f64> = sorted_rows
            .iter()
            .map(|r| r[column(&header, name)].parse().unwrap())
            .collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{key}: {values:?}");
        assert_eq!(sorted_rows.len(), rows.len());
    }

    // Matches follow the sorted postings.
    let matches = dir.path().join("m.csv");
    let output = jobfit(
        &[
            "score",
            "samples",
            "--sort",
            "score",
            "--matches",
            matches.to_str().unwrap(),
        ],
        "",
    );
    let (_, sorted_rows) = parse_csv(&output.stdout);
    let (_, match_rows) = parse_csv(&fs::read(&matches).unwrap());
    let mut order: Vec<&str> = Vec::new();
    for row in &match_rows {
        if order.last() != Some(&row[0].as_str()) {
            order.push(&row[0]);
        }
    }
    let expected: Vec<&str> = sorted_rows
        .iter()
        .filter(|r| r[13] != "0")
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(order, expected);
}

#[test]
fn profile_and_sort_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let profile = write_profile(dir.path(), "\"rust\", \"cobol\"");
    let out = dir.path().join("out.csv");
    let output = jobfit(
        &[
            "score",
            "samples",
            "--profile",
            &profile,
            "-o",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("me.toml") && stderr.contains("\"cobol\""),
        "{stderr}"
    );
    assert!(!out.exists());

    let output = jobfit(&["score", "samples", "--sort", "fit"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--profile"));
    let output = jobfit(&["score", "samples", "--fail-under", "101"], "");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn jsonl_has_one_object_per_posting_with_matches_nested() {
    let dir = tempfile::tempdir().unwrap();
    let profile = write_profile(dir.path(), "\"rust\"");
    let csv = jobfit(
        &["score", "samples", "missing.md", "--profile", &profile],
        "",
    );
    let (header, rows) = parse_csv(&csv.stdout);
    let jsonl = jobfit(
        &[
            "score",
            "samples",
            "missing.md",
            "--profile",
            &profile,
            "--format",
            "jsonl",
        ],
        "",
    );
    assert_eq!(jsonl.status.code(), Some(1), "{jsonl:?}");
    let text = String::from_utf8(jsonl.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), rows.len());
    for (line, row) in lines.iter().zip(&rows) {
        assert_eq!(line["source"], row[0].as_str());
        assert_eq!(line["status"], row[1].as_str());
        if row[1] == "ok" {
            assert_eq!(line["title"].as_str().unwrap_or_default(), row[3]);
            assert_eq!(format!("{:.1}", line["score"].as_f64().unwrap()), row[6]);
            assert_eq!(
                format!("{:.1}", line["scores"]["foundational"].as_f64().unwrap()),
                row[column(&header, "score_foundational")]
            );
            assert_eq!(
                format!("{:.1}", line["fit"].as_f64().unwrap()),
                row[column(&header, "fit")]
            );
            let matches = line["matches"].as_array().unwrap();
            assert_eq!(matches.len().to_string(), row[column(&header, "matched")]);
            for m in matches {
                for key in ["skill_id", "skill", "category", "level", "evidence"] {
                    assert!(m[key].is_string(), "{key}: {m}");
                }
                assert!(m["count"].as_u64().unwrap() >= 1);
            }
        } else {
            assert_eq!(line["error"], "no such file or directory");
            assert!(line["score"].is_null());
        }
    }
}

#[test]
fn fail_under_exits_1_when_no_posting_reaches_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    let output = jobfit(
        &[
            "score",
            "samples",
            "--fail-under",
            "99.5",
            "-o",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    let (_, rows) = parse_csv(&fs::read(&out).unwrap());
    assert_eq!(rows.len(), 9, "the outputs are still written");
    let output = jobfit(&["score", "samples", "--fail-under", "5"], "");
    assert_eq!(output.status.code(), Some(0));

    let profile = write_profile(dir.path(), "\"rust\"");
    let output = jobfit(
        &[
            "score",
            "samples",
            "--profile",
            &profile,
            "--fail-under",
            "10",
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "someone asks for Rust");
    // A skill no sample asks for: every fit is below 10, the band of postings that ask for none
    // of the candidate's technical skills (an empty profile is refused).
    let nothing = write_profile(dir.path(), "\"rustfmt\"");
    let output = jobfit(
        &[
            "score",
            "samples",
            "--profile",
            &nothing,
            "--fail-under",
            "10",
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1), "fit, not score, is compared");
}

fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".jobfit-"))
        .collect()
}

#[test]
fn an_interrupted_run_leaves_the_old_output_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    let old = "source,status\nold.md,ok\n";
    fs::write(&out, old).unwrap();

    // Thousands of postings, killed while it works.
    let list = "samples\n".repeat(3000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_jobfit"))
        .args(["score", "-", "-j", "1", "-o", out.to_str().unwrap()])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(list.as_bytes()).unwrap();
    }
    let start = Instant::now();
    while temp_files(dir.path()).is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no temporary file appeared"
        );
        assert!(child.try_wait().unwrap().is_none(), "finished too early");
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(200));
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(fs::read_to_string(&out).unwrap(), old);

    // A complete run replaces it and leaves no temporary file behind (the killed run's one is
    // cleaned up here: SIGKILL gives a process no chance to remove it).
    for name in temp_files(dir.path()) {
        fs::remove_file(dir.path().join(name)).unwrap();
    }
    let output = jobfit(&["score", "samples", "-o", out.to_str().unwrap()], "");
    assert_eq!(output.status.code(), Some(0));
    let (_, rows) = parse_csv(&fs::read(&out).unwrap());
    assert_eq!(rows.len(), 9);
    assert!(temp_files(dir.path()).is_empty());
}
