//! The streaming contract (`--jsonl-in`): every input line gets exactly one row, in order,
//! whatever its bytes; rows keep their ids and pass-through fields; names without an id are the
//! same on every machine; an error row is data, so the run exits 0.

use std::fs;

use crate::{jobfit, jobfit_bytes, parse_csv, root};

/// The fixture postings as JSON lines: `{"id": "p<i>", "markdown"|"html": ..., "meta": {...}}`.
fn posting_lines(total: usize) -> Vec<String> {
    let dir = root().join("tests/fixtures/postings");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    (0..total)
        .map(|i| {
            let name = &names[i % names.len()];
            let text = fs::read_to_string(dir.join(name)).unwrap();
            let key = if name.ends_with(".md") {
                "markdown"
            } else {
                "html"
            };
            serde_json::json!({ "id": format!("p{i}"), key: text, "meta": {"file": name, "n": i} })
                .to_string()
        })
        .collect()
}

fn rows(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const STREAM: [&str; 5] = ["score", "--jsonl-in", "-", "--no-cache", "--no-progress"];

#[test]
fn jsonl_in_streams_every_line_out_in_order() {
    let total = 3000;
    let mut input = String::new();
    for (i, line) in posting_lines(total).into_iter().enumerate() {
        input.push_str(if i % 500 == 499 { "{not json" } else { &line });
        input.push('\n');
    }
    let output = jobfit(&STREAM, &input);
    assert_eq!(output.status.code(), Some(0), "error rows are data");
    let lines = rows(&output.stdout);
    assert_eq!(lines.len(), total, "nothing lost");
    for (i, line) in lines.iter().enumerate() {
        if i % 500 == 499 {
            assert_eq!(line["source"], "line:ca72ce8b52471683");
            assert_eq!(line["status"], "error");
            assert_eq!(line["input"], serde_json::Value::Null);
        } else {
            assert_eq!(line["source"], format!("p{i}"), "nothing reordered");
            assert_eq!(line["status"], "ok", "{line}");
            assert_eq!(line["input"]["meta"]["n"], i, "fields pass through");
            assert_eq!(line["input"]["id"], format!("p{i}"));
        }
    }
}

/// The case: 102 lines, the second holding a Latin-1 byte. Before, reading stopped
/// there: 2 rows, and the bad row lost its id.
#[test]
fn a_line_that_is_not_utf8_is_one_row_and_reading_goes_on() {
    let lines = posting_lines(102);
    let mut input = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let mut bytes = line.as_bytes().to_vec();
        if i == 1 {
            // "Développeur" with its "é" in Latin-1, at the start of the posting.
            let key = ["\"markdown\":\"", "\"html\":\""]
                .into_iter()
                .find(|k| line.contains(k))
                .unwrap();
            let at = line.find(key).unwrap() + key.len();
            bytes.splice(at..at, b"D\xe9veloppeur ".iter().copied());
        }
        input.extend(bytes);
        input.push(b'\n');
    }
    assert!(std::str::from_utf8(&input).is_err());
    let output = jobfit_bytes(&root(), &STREAM, &input);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let rows = rows(&output.stdout);
    assert_eq!(rows.len(), 102, "every line answered");
    assert_eq!(rows[1]["source"], "p1", "the bad line keeps its id");
    assert_eq!(rows[1]["status"], "ok", "decoded lossily and scored");
    let warning = rows[1]["warnings"][0].as_str().unwrap();
    assert!(
        warning.starts_with("the line is not valid UTF-8"),
        "{warning}"
    );
    assert!(
        warning.contains("1 U+FFFD replacement character"),
        "{warning}"
    );
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row["source"], format!("p{i}"));
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("102 postings: 102 ok"), "{stderr}");
}

/// Blank lines, lines that are not objects, lines without an id: each gets one row, and a row
/// without an id is named by a hash of its line, so that the same line gets the same name in
/// any partition, and different lines different names.
#[test]
fn odd_lines_get_one_row_each_and_names_that_do_not_depend_on_position() {
    let posting = posting_lines(1).remove(0);
    let no_id =
        serde_json::json!({"text": "Senior Rust engineer, Kubernetes", "market": "de"}).to_string();
    let other = serde_json::json!({"text": "Go developer"}).to_string();
    let lines = [
        posting.as_str(),
        "",
        "   ",
        no_id.as_str(),
        "[1, 2]",
        "42",
        "{\"id\": \"x\"}",
        "{\"id\": \"y\", \"url\": \"ftp://example.com/job\"}",
        other.as_str(),
    ];
    let input = lines.join("\n") + "\n";
    let whole = jobfit(&STREAM, &input);
    assert_eq!(whole.status.code(), Some(0), "{whole:?}");
    let whole = rows(&whole.stdout);
    assert_eq!(whole.len(), lines.len());
    let statuses: Vec<&str> = whole
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "ok", "error", "error", "ok", "error", "error", "error", "error", "ok"
        ]
    );
    assert_eq!(whole[1]["error"], "blank line: no posting");
    assert_eq!(whole[3]["input"], serde_json::json!({"market": "de"}));
    assert!(whole[5]["error"].as_str().unwrap().contains("got a number"));
    assert!(
        whole[7]["error"]
            .as_str()
            .unwrap()
            .contains("is not an http(s) URL")
    );
    assert_eq!(whole[7]["source"], "y");
    // The same lines split into two partitions, as Spark or parallel would: the same rows.
    let (first, second) = lines.split_at(4);
    let mut parts = Vec::new();
    for part in [first, second] {
        let output = jobfit(&STREAM, &(part.join("\n") + "\n"));
        assert_eq!(output.status.code(), Some(0));
        parts.extend(rows(&output.stdout));
    }
    assert_eq!(parts, whole);
    // Distinct lines without an id get distinct names.
    let unnamed: std::collections::HashSet<&str> = [3, 4, 5, 8]
        .iter()
        .map(|&i| whole[i]["source"].as_str().unwrap())
        .collect();
    assert_eq!(unnamed.len(), 4);
    assert!(
        unnamed
            .iter()
            .all(|n| n.starts_with("line:") && n.len() == 21)
    );
}

/// `--format csv` is honoured in streaming mode, with the pass-through fields as a last column.
#[test]
fn jsonl_in_writes_csv_when_asked() {
    let input = posting_lines(3).join("\n") + "\n\n";
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    let out_arg = out.display().to_string();
    let output = jobfit(
        &[&STREAM[..], &["--format", "csv", "-o", &out_arg]].concat(),
        &input,
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let (header, rows) = parse_csv(&fs::read(&out).unwrap());
    assert_eq!(header.first().map(String::as_str), Some("source"));
    assert_eq!(header.last().map(String::as_str), Some("input"));
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0][0], "p0");
    let input: serde_json::Value = serde_json::from_str(rows[0].last().unwrap()).unwrap();
    assert_eq!(input["meta"]["n"], 0);
    assert_eq!(rows[3][1], "error");
    assert!(rows.iter().all(|r| r.len() == header.len()));
}
