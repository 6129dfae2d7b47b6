//! The real binary on real postings.

use std::fs;

use crate::{fixture, jobfit, jobfit_in, parse_csv, root};

const FIXED_COLUMNS: [&str; 7] = [
    "source", "status", "error", "title", "company", "words", "score",
];
const CATEGORIES: [&str; 6] = [
    "foundational",
    "advanced",
    "professional",
    "tech-stack",
    "systems",
    "soft",
];

fn column(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

#[test]
fn scores_the_samples_in_sorted_order_with_documented_columns() {
    let output = jobfit(&["score", "samples/", "--no-progress"], "");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let (header, rows) = parse_csv(&output.stdout);
    let mut expected: Vec<String> = FIXED_COLUMNS.iter().map(|s| s.to_string()).collect();
    expected.extend(CATEGORIES.iter().map(|c| format!("score_{c}")));
    expected.extend(["matched", "required", "preferred", "mentioned"].map(String::from));
    expected.extend(
        [
            "url",
            "final_url",
            "http_status",
            "fetched_at",
            "from_cache",
        ]
        .map(String::from),
    );
    expected.extend(
        [
            "location",
            "remote",
            "employment_type",
            "date_posted",
            "valid_through",
            "salary_min",
            "salary_max",
            "salary_currency",
            "salary_period",
            "experience_years",
            "seniority",
            "language",
            "duplicate_of",
        ]
        .map(String::from),
    );
    assert_eq!(header, expected);

    let mut names: Vec<String> = fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md") || n.ends_with(".html"))
        .collect();
    names.sort();
    let sources: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    let expected_sources: Vec<String> = names.iter().map(|n| format!("samples/{n}")).collect();
    assert_eq!(sources, expected_sources);
    assert!(rows.len() >= 6 && rows.len() <= 10);

    for row in &rows {
        assert_eq!(row[1], "ok", "{row:?}");
        for cell in &row[6..13] {
            let (_, decimals) = cell.split_once('.').unwrap();
            assert_eq!(decimals.len(), 1, "{cell}");
            let value: f64 = cell.parse().unwrap();
            assert!((0.0..=100.0).contains(&value));
        }
        let listed = row[14..17]
            .iter()
            .filter(|c| !c.is_empty())
            .map(|c| c.split(';').count())
            .sum::<usize>();
        assert_eq!(listed.to_string(), row[13], "{row:?}");
    }

    let by_name = |name: &str| rows.iter().find(|r| r[0].ends_with(name)).unwrap();
    let onepassword = by_name("remotewlb-backend-developer-rust.md");
    assert_eq!(onepassword[3], "Backend Developer (Rust)");
    assert_eq!(onepassword[4], "1Password");
    assert!(onepassword[14].split(';').any(|s| s == "rust"));
    let mullvad = by_name("hn-rust-16056428.html");
    assert_eq!(mullvad[4], "Mullvad");
    let seek = by_name("page-seek-sapien-agtech-software-engineer.html");
    assert_eq!(seek[3], "Agtech Software engineer");
    assert_eq!(seek[4], "Sapien Technology Pty Ltd");
    // The sales job scores below every engineering sample.
    let sales: f64 = by_name("hostaway-account-executive.html")[6]
        .parse()
        .unwrap();
    for row in &rows {
        if !row[0].contains("hostaway") {
            assert!(row[6].parse::<f64>().unwrap() > sales, "{row:?}");
        }
    }
}

#[test]
fn writes_matches_and_summary_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("postings.csv");
    let matches = dir.path().join("matches.csv");
    let summary = dir.path().join("skills.csv");
    let output = jobfit(
        &[
            "score",
            "samples",
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
    assert!(output.stdout.is_empty());
    let (_, postings) = parse_csv(&fs::read(&out).unwrap());

    let (header, rows) = parse_csv(&fs::read(&matches).unwrap());
    assert_eq!(
        header,
        [
            "source", "skill_id", "skill", "category", "level", "count", "evidence"
        ]
    );
    let total_matched: usize = postings
        .iter()
        .map(|r| r[13].parse::<usize>().unwrap())
        .sum();
    assert_eq!(rows.len(), total_matched);
    for row in &rows {
        assert!(["required", "preferred", "mentioned"].contains(&row[4].as_str()));
        assert!(row[5].parse::<usize>().unwrap() >= 1);
        assert!(
            !row[6].is_empty() && row[6].chars().count() <= 200,
            "{row:?}"
        );
    }
    let rust = rows
        .iter()
        .find(|r| r[0].ends_with("remotewlb-backend-developer-rust.md") && r[1] == "rust")
        .unwrap();
    assert!(rust[6].contains("Rust"), "{rust:?}");

    let (header, rows) = parse_csv(&fs::read(&summary).unwrap());
    assert_eq!(
        header,
        [
            "skill_id",
            "skill",
            "category",
            "postings",
            "share",
            "required",
            "preferred",
            "mentioned"
        ]
    );
    assert_eq!(rows.len(), 46);
    let rust = rows.iter().find(|r| r[0] == "rust").unwrap();
    let postings_with_rust = postings
        .iter()
        .filter(|r| r[14..17].iter().any(|c| c.split(';').any(|s| s == "rust")))
        .count();
    assert_eq!(rust[3], postings_with_rust.to_string());
    let levels: usize = rust[5..8].iter().map(|c| c.parse::<usize>().unwrap()).sum();
    assert_eq!(levels, postings_with_rust);
    let share = 100.0 * postings_with_rust as f64 / postings.len() as f64;
    assert_eq!(rust[4], format!("{share:.1}"));
}

#[test]
fn bad_inputs_become_error_rows_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("empty.md"), "").unwrap();
    fs::write(d.join("blank.txt"), "  \n\n ").unwrap();
    fs::write(
        d.join("binary.html"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    )
    .unwrap();
    fs::write(d.join("latin1.txt"), b"Caf\xe9 developer wanted, Rust").unwrap();
    fs::write(
        d.join("scripts-only.html"),
        "<html><script>var rust = 1;</script></html>",
    )
    .unwrap();
    fs::write(d.join("resume.pdf"), "%PDF-1.4").unwrap();
    // A real posting re-encoded in a legacy charset, declared in its meta tag.
    let real = fs::read_to_string(fixture("hn-rust-16056428.html")).unwrap();
    let page = format!(
        "<html><head><meta charset=\"windows-1252\"><title>Mobile Rust developer for Mullvad’s app</title></head><body>{real}</body></html>"
    );
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
    fs::write(d.join("legacy.html"), &latin).unwrap();
    fs::copy(fixture("hn-rust-9472163.html"), d.join("good.html")).unwrap();

    let inputs = [
        "empty.md",
        "missing.md",
        "good.html",
        "blank.txt",
        "binary.html",
        "latin1.txt",
        "scripts-only.html",
        "resume.pdf",
        "legacy.html",
    ];
    let mut args = vec!["score"];
    args.extend(inputs);
    let output = jobfit_in(d, &args, "");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let (_, rows) = parse_csv(&output.stdout);
    let sources: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(sources, inputs);
    let status = |name: &str| {
        let row = rows.iter().find(|r| r[0] == name).unwrap();
        (row[1].clone(), row[2].clone())
    };
    assert_eq!(status("empty.md"), ("error".into(), "empty file".into()));
    assert_eq!(status("blank.txt"), ("error".into(), "empty file".into()));
    assert_eq!(
        status("missing.md"),
        ("error".into(), "no such file or directory".into())
    );
    assert!(status("binary.html").1.starts_with("binary file"));
    // Not UTF-8 and no charset declared: decoded by detection, not an error (see hostile.rs).
    assert_eq!(status("latin1.txt"), ("ok".into(), String::new()));
    assert_eq!(
        status("scripts-only.html"),
        ("error".into(), "no readable text".into())
    );
    assert!(status("resume.pdf").1.starts_with("unsupported file type"));
    assert_eq!(status("good.html").0, "ok");
    let legacy = rows.iter().find(|r| r[0] == "legacy.html").unwrap();
    assert_eq!(legacy[1], "ok");
    assert_eq!(legacy[3], "Mobile Rust developer for Mullvad’s app");
    // Error rows have every column, empty.
    for row in rows.iter().filter(|r| r[1] == "error") {
        assert!(row[3..].iter().all(String::is_empty), "{row:?}");
    }
}

#[test]
fn reads_input_paths_from_stdin() {
    let list = format!(
        "# postings to score\n{}\n\n{}\n",
        fixture("hn-rust-9472163.html").display(),
        fixture("remotewlb-rust-engineer-109201.md").display()
    );
    let output = jobfit(&["score", "-"], &list);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let (_, rows) = parse_csv(&output.stdout);
    assert_eq!(rows.len(), 2);
    assert!(rows[0][0].ends_with("hn-rust-9472163.html"));
    assert!(rows[1][0].ends_with("remotewlb-rust-engineer-109201.md"));
}

#[test]
fn output_is_the_same_whatever_the_parallelism() {
    let one = jobfit(&["score", "tests/fixtures/postings", "-j", "1"], "");
    let two = jobfit(&["score", "tests/fixtures/postings", "-j", "2"], "");
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(one.stdout, two.stdout);
    let (_, rows) = parse_csv(&one.stdout);
    assert!(rows.len() >= 30);
}

#[test]
fn usage_and_rule_errors_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    let bad = dir.path().join("bad.toml");
    fs::write(
        &bad,
        "[[category]]\nid = \"a\"\nname = \"A\"\nkind = \"tech\"\n\n[[skill]]\nid = \"x\"\nname = \"X\"\ncategory = \"a\"\npatterns = ['(unclosed']\n",
    )
    .unwrap();
    let output = jobfit(
        &[
            "score",
            "samples",
            "--rules",
            bad.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("bad.toml") && stderr.contains("\"x\"") && stderr.contains("(unclosed"),
        "{stderr}"
    );
    assert!(!out.exists());

    let output = jobfit(&["score"], "");
    assert_eq!(output.status.code(), Some(2));
    let output = jobfit(&["score", "samples", "--bogus"], "");
    assert_eq!(output.status.code(), Some(2));
    let empty = tempfile::tempdir().unwrap();
    let output = jobfit(&["score", empty.path().to_str().unwrap()], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no postings found"));
    let output = jobfit(&["score", "samples", "-o", "/nonexistent-dir/out.csv"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent-dir/out.csv"));
}

#[test]
fn rules_list_prints_the_skill_map() {
    let output = jobfit(&["rules", "list"], "");
    assert_eq!(output.status.code(), Some(0));
    let (header, rows) = parse_csv(&output.stdout);
    assert_eq!(header, ["skill_id", "skill", "category", "kind", "weight"]);
    assert_eq!(rows.len(), 46);
    assert_eq!(
        rows[0][..4],
        ["rust", "Rust language proficiency", "foundational", "tech"]
    );
    assert_eq!(rows.iter().filter(|r| r[3] == "soft").count(), 10);
    // The ids and categories are the contract of ../shared/skill-map.md, kept in step here.
    let contract = include_str!("../fixtures/skill-map-ids.txt");
    let listed: Vec<String> = rows.iter().map(|r| format!("{} {}", r[2], r[0])).collect();
    let expected: Vec<&str> = contract
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert_eq!(listed, expected);
}

#[test]
fn rules_check_validates_files() {
    let output = jobfit(&["rules", "check", "rules/rust-developer.toml"], "");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("ok, 46 skills in 6 categories"));
    let output = jobfit(&["rules", "check"], "");
    assert_eq!(output.status.code(), Some(0), "{output:?}");

    let dir = tempfile::tempdir().unwrap();
    let failing = dir.path().join("examples.toml");
    fs::write(
        &failing,
        "[[category]]\nid = \"a\"\nname = \"A\"\nkind = \"tech\"\n\n[[skill]]\nid = \"x\"\nname = \"X\"\ncategory = \"a\"\nphrases = [\"rust\"]\nexamples = [{ text = \"Go only.\" }]\n",
    )
    .unwrap();
    let output = jobfit(
        &["rules", "check", "--rules", failing.to_str().unwrap()],
        "",
    );
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("examples.toml:11: skill \"x\": example does not match"),
        "{stdout}"
    );

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("my-rules.toml");
    fs::write(
        &bad,
        "[[category]]\nid = \"a\"\nname = \"A\"\nkind = \"tech\"\n\n[[skill]]\nid = \"x\"\nname = \"X\"\ncategory = \"a\"\nphrases = [\"x\"]\nsynonym = [\"y\"]\n",
    )
    .unwrap();
    let output = jobfit(&["rules", "check", bad.to_str().unwrap()], "");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("my-rules.toml") && stderr.contains("synonym"),
        "{stderr}"
    );
}

#[test]
fn custom_rules_define_their_own_profile() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("data.toml");
    fs::write(
        &rules,
        r#"[profile]
id = "data"
name = "Data engineer"

[[category]]
id = "data"
name = "Data"
kind = "tech"

[[skill]]
id = "kafka"
name = "Kafka"
category = "data"
phrases = ["kafka"]

[[skill]]
id = "spark"
name = "Spark"
category = "data"
terms = ["Spark"]
"#,
    )
    .unwrap();
    let output = jobfit(
        &[
            "score",
            "samples/hn-2017-11-15601969.html",
            "--rules",
            rules.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let (header, rows) = parse_csv(&output.stdout);
    assert!(header.contains(&"score_data".to_owned()));
    assert_eq!(header.len(), 7 + 1 + 4 + 5 + 13);
    assert_eq!(rows.len(), 1);
    let _ = column(&header, "matched");
}

#[test]
fn explain_shows_sections_evidence_and_missing_skills() {
    let output = jobfit(
        &["explain", "samples/remotewlb-backend-developer-rust.md"],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("title: Backend Developer (Rust)"), "{text}");
    assert!(
        text.contains("requirements      What we're looking for"),
        "{text}"
    );
    assert!(
        text.contains("benefits          What we offer (not counted)"),
        "{text}"
    );
    assert!(text.contains("[Rust]"), "{text}");
    assert!(text.contains("Not asked for"), "{text}");
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );

    let colored = jobfit(
        &[
            "explain",
            "--color",
            "always",
            "samples/remotewlb-backend-developer-rust.md",
        ],
        "",
    );
    assert!(String::from_utf8_lossy(&colored.stdout).contains("\x1b[1;33mRust\x1b[0m"));

    let output = jobfit(&["explain", "missing.html"], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("missing.html"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let list = "samples\n".repeat(300);
    let mut child = Command::new(env!("CARGO_BIN_EXE_jobfit"))
        .args(["score", "-"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(list.as_bytes()).unwrap();
    }
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stderr.is_empty());
}

#[test]
fn shards_partition_the_inputs() {
    let (_, all) = parse_csv(&jobfit(&["score", "samples", "--no-progress"], "").stdout);
    let mut union: Vec<Vec<String>> = Vec::new();
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let output = jobfit(
            &["score", "samples", "--no-progress", "--shard", &shard],
            "",
        );
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        let (_, rows) = parse_csv(&output.stdout);
        union.extend(rows);
    }
    let mut union: Vec<String> = union.into_iter().map(|r| r.join(",")).collect();
    let mut all: Vec<String> = all.into_iter().map(|r| r.join(",")).collect();
    union.sort();
    all.sort();
    assert_eq!(union, all, "the three parts hold every row once");
    let output = jobfit(&["score", "samples", "--shard", "4/3"], "");
    assert_eq!(output.status.code(), Some(2));
}

/// A long list of files is analysed in batches on the workers: every row still comes out in
/// input order, missing files keep their own error rows, and each posting's row is the row it
/// gets when scored alone.
#[test]
fn batched_files_keep_input_order_and_their_rows() {
    let names = [
        "check-hn-13301893.html",
        "check-remotewlb-agent-test-automation-engineer.md",
        "check-hn-16288284.html",
    ];
    let alone = jobfit(
        &[
            &["score", "--no-progress", "-j", "2"][..],
            &names
                .iter()
                .map(|n| fixture(n).display().to_string())
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()[..],
        ]
        .concat(),
        "",
    );
    assert_eq!(alone.status.code(), Some(0), "{alone:?}");
    let (_, alone_rows) = parse_csv(&alone.stdout);

    // 400 inputs on 2 threads: batches of 16. Every 37th input is missing.
    let dir = tempfile::tempdir().unwrap();
    let mut list = String::new();
    let mut expected = Vec::new();
    for i in 0..400 {
        let which = i % names.len();
        let path = if i % 37 == 5 {
            dir.path().join(format!("missing-{i:03}.md"))
        } else {
            let ext = if names[which].ends_with(".md") {
                "md"
            } else {
                "html"
            };
            let path = dir.path().join(format!("p{i:03}.{ext}"));
            fs::copy(fixture(names[which]), &path).unwrap();
            path
        };
        list.push_str(&format!("{}\n", path.display()));
        expected.push((path.display().to_string(), i % 37 == 5, which));
    }
    let listed = dir.path().join("list.txt");
    fs::write(&listed, &list).unwrap();
    let output = jobfit(
        &[
            "score",
            "--no-progress",
            "-j",
            "2",
            "--input-file",
            listed.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let (_, rows) = parse_csv(&output.stdout);
    assert_eq!(rows.len(), expected.len());
    for (row, (source, missing, which)) in rows.iter().zip(&expected) {
        assert_eq!(&row[0], source);
        if *missing {
            assert_eq!(row[1], "error", "{row:?}");
            assert!(!row[2].is_empty(), "{row:?}");
        } else {
            assert_eq!(row[1..], alone_rows[*which][1..], "{source}");
        }
    }
}

/// A posting copied from a browser can be given on stdin: `explain -` and `score --paste`.
#[test]
fn a_pasted_posting_is_read_from_stdin() {
    let posting = "Senior Rust Engineer\n\nRequirements:\n• 5+ years of Rust\n• Kubernetes\n";
    let output = jobfit(&["explain", "-", "--color", "never"], posting);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("title: Senior Rust Engineer"), "{text}");
    assert!(text.contains("5+ years of [Rust]"), "{text}");
    let output = jobfit(
        &[
            "score",
            "--paste",
            "samples/remotewlb-backend-developer-rust.md",
            "--no-progress",
        ],
        posting,
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let (_, rows) = parse_csv(&output.stdout);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][0], "(stdin)");
    assert_eq!(rows[0][3], "Senior Rust Engineer");
    assert_eq!(rows[0][14], "rust;containers", "required: {:?}", rows[0]);
    let output = jobfit(&["score", "--paste", "-"], posting);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn saved_json_lists_and_json_lines_give_a_row_per_posting() {
    let files = [
        "tests/fixtures/boards/workable-widget.json",
        "tests/fixtures/boards/jobpostings-array.json",
        "tests/fixtures/boards/postings.jsonl",
        "tests/fixtures/boards/hh-vacancy.json",
    ];
    let mut args = vec!["score", "--no-progress"];
    args.extend(files);
    let output = jobfit(&args, "");
    // One line of the JSON lines is a board's whole list, not one posting: an error row.
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let (header, rows) = parse_csv(&output.stdout);
    let col = |name: &str| column(&header, name);
    let summary: Vec<[&str; 3]> = rows
        .iter()
        .map(|r| {
            [
                r[0].as_str(),
                r[col("status")].as_str(),
                r[col("title")].as_str(),
            ]
        })
        .collect();
    let expected = [
        [
            "tests/fixtures/boards/workable-widget.json#1B7FCA3A83",
            "ok",
            "Adult / Pediatric Home Health Occupational Therapist",
        ],
        [
            "tests/fixtures/boards/workable-widget.json#1865248842",
            "ok",
            "Adult Client Private Duty LPN",
        ],
        [
            "tests/fixtures/boards/jobpostings-array.json#2424333",
            "ok",
            "Account Executive - 100% remote - UK",
        ],
        [
            "tests/fixtures/boards/jobpostings-array.json#67414",
            "ok",
            "AI Team Leader ( Branch Manager) (Hà Nội)",
        ],
        [
            "tests/fixtures/boards/postings.jsonl#2424333",
            "ok",
            "Account Executive - 100% remote - UK",
        ],
        [
            "tests/fixtures/boards/postings.jsonl#120234346",
            "ok",
            "Senior/Lead Data Scientist",
        ],
        ["tests/fixtures/boards/postings.jsonl:4", "error", ""],
        [
            "tests/fixtures/boards/postings.jsonl#744000133666057",
            "ok",
            "Platform Engineer",
        ],
        [
            "tests/fixtures/boards/hh-vacancy.json",
            "ok",
            "Senior/Lead Data Scientist",
        ],
    ];
    assert_eq!(summary, expected);
    assert!(
        rows[6][col("error")].contains("a JSON object that is not a job posting"),
        "{:?}",
        rows[6]
    );
    assert_eq!(rows[3][col("company")], "CÔNG TY TNHH ACWORKS VIỆT NAM");

    // JSON lines out: the same rows, in the same order.
    args.extend(["--format", "jsonl"]);
    let output = jobfit(&args, "");
    let lines: Vec<serde_json::Value> = String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let sources: Vec<&str> = lines
        .iter()
        .map(|l| l["source"].as_str().unwrap())
        .collect();
    let expected_sources: Vec<&str> = expected.iter().map(|e| e[0]).collect();
    assert_eq!(sources, expected_sources);
    assert_eq!(lines[1]["company"], "Amazing Care Home Health Services");

    // An earlier run's JSON lines are one row that says what they are.
    let dir = tempfile::tempdir().unwrap();
    let results = dir.path().join("scored.jsonl");
    std::fs::write(&results, String::from_utf8(output.stdout).unwrap()).unwrap();
    let output = jobfit(&["score", "--no-progress", results.to_str().unwrap()], "");
    let (_, rows) = parse_csv(&output.stdout);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][col("status")], "not-a-posting");
    assert!(rows[0][col("error")].contains("a jobfit results table (JSON lines)"));

    // `explain` takes one posting: a file that holds several says how many.
    let output = jobfit(
        &["explain", "tests/fixtures/boards/workable-widget.json"],
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("a list of 2 postings, expected one"),
        "{output:?}"
    );
}
