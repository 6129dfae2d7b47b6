//! The analyst's tables agree with each other and with the report: the summary by group, the
//! pairs table and the HTML report's figures are the same numbers, with and without `--dedup`
//! (the 225 RemoteWLB postings of tests/fixtures/remotewlb-dedup, 89 of them near-duplicates).

use std::collections::HashMap;
use std::fs;

use crate::{jobfit, parse_csv, root};

struct Run {
    summary: (Vec<String>, Vec<Vec<String>>),
    by_remote: (Vec<String>, Vec<Vec<String>>),
    pairs: (Vec<String>, Vec<Vec<String>>),
    html: String,
    postings: (Vec<String>, Vec<Vec<String>>),
}

fn run(dedup: bool) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let corpus = root().join("tests/fixtures/remotewlb-dedup/jobs");
    let corpus = corpus.display().to_string();
    let mut args = vec!["score", &corpus, "--no-progress", "--min-pairs", "1"];
    if dedup {
        args.push("--dedup");
    }
    let (postings, summary, by, pairs, html) = (
        path("postings.csv"),
        path("summary.csv"),
        path("by.csv"),
        path("pairs.csv"),
        path("report.html"),
    );
    let mut first = args.clone();
    first.extend([
        "-o",
        &postings,
        "--summary",
        &summary,
        "--pairs",
        &pairs,
        "--html",
        &html,
    ]);
    let output = jobfit(&first, "");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let mut second = args.clone();
    second.extend(["-o", "/dev/null", "--summary", &by, "--by", "remote"]);
    let output = jobfit(&second, "");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let read = |p: &str| parse_csv(&fs::read(p).unwrap());
    Run {
        summary: read(&summary),
        by_remote: read(&by),
        pairs: read(&pairs),
        html: fs::read_to_string(&html).unwrap(),
        postings: read(&postings),
    }
}

fn column(table: &(Vec<String>, Vec<Vec<String>>), name: &str) -> usize {
    table.0.iter().position(|h| h == name).unwrap()
}

/// `data-*` attribute values of the elements whose tag text contains `marker`.
fn attributes<'a>(html: &'a str, marker: &str) -> Vec<HashMap<&'a str, &'a str>> {
    html.split('<')
        .filter(|tag| tag.contains(marker))
        .map(|tag| {
            let tag = tag.split('>').next().unwrap_or_default();
            tag.split(" data-")
                .skip(1)
                .filter_map(|a| {
                    let (key, value) = a.split_once("=\"")?;
                    Some((key, value.split('"').next()?))
                })
                .collect()
        })
        .collect()
}

fn check(dedup: bool) {
    let run = run(dedup);
    let rows = &run.postings.1;
    let duplicate_of = column(&run.postings, "duplicate_of");
    let distinct = rows.iter().filter(|r| r[duplicate_of].is_empty()).count();
    if dedup {
        assert!(distinct < rows.len(), "the fixture has near-duplicates");
    } else {
        assert_eq!(distinct, rows.len());
    }
    // The summary counts each distinct posting once: share = postings / distinct.
    let (postings, share, skill_id) = (
        column(&run.summary, "postings"),
        column(&run.summary, "share"),
        column(&run.summary, "skill_id"),
    );
    let summary: HashMap<&str, usize> = run
        .summary
        .1
        .iter()
        .map(|r| (r[skill_id].as_str(), r[postings].parse().unwrap()))
        .collect();
    for r in &run.summary.1 {
        let n: usize = r[postings].parse().unwrap();
        assert_eq!(
            r[share],
            format!("{:.1}", 100.0 * n as f64 / distinct as f64)
        );
    }
    // The report counts the same postings, skill by skill.
    let section = attributes(&run.html, "section id=\"demand\"");
    assert_eq!(section[0]["postings"], distinct.to_string());
    let bars = attributes(&run.html, "g class=\"skill\"");
    assert_eq!(bars.len(), summary.len());
    for bar in &bars {
        assert_eq!(
            bar["postings"],
            summary[bar["skill"]].to_string(),
            "{}",
            bar["skill"]
        );
    }
    // By group: the groups' postings add up to the whole, skill by skill.
    let (g_postings, g_skill) = (
        column(&run.by_remote, "postings"),
        column(&run.by_remote, "skill_id"),
    );
    assert_eq!(run.by_remote.0[0], "remote");
    let mut added: HashMap<&str, usize> = HashMap::new();
    for r in &run.by_remote.1 {
        *added.entry(r[g_skill].as_str()).or_default() += r[g_postings].parse::<usize>().unwrap();
    }
    assert_eq!(added, summary);
    // Pairs: the table's counts are the report's heatmap's, and share_of_a and lift follow.
    let (a, b, both, share_of_a, lift) = (
        column(&run.pairs, "skill_a"),
        column(&run.pairs, "skill_b"),
        column(&run.pairs, "postings"),
        column(&run.pairs, "share_of_a"),
        column(&run.pairs, "lift"),
    );
    let pairs: HashMap<(&str, &str), usize> = run
        .pairs
        .1
        .iter()
        .map(|r| ((r[a].as_str(), r[b].as_str()), r[both].parse().unwrap()))
        .collect();
    for r in &run.pairs.1 {
        let n: usize = r[both].parse().unwrap();
        let (with_a, with_b) = (summary[r[a].as_str()], summary[r[b].as_str()]);
        assert!(n <= with_a.min(with_b));
        assert_eq!(pairs[&(r[b].as_str(), r[a].as_str())], n, "symmetric");
        assert_eq!(
            r[share_of_a],
            format!("{:.1}", 100.0 * n as f64 / with_a as f64)
        );
        let expected = n as f64 * distinct as f64 / (with_a as f64 * with_b as f64);
        assert_eq!(r[lift], format!("{expected:.2}"));
    }
    let cells = attributes(&run.html, "g class=\"pair\"");
    assert!(cells.len() >= 2);
    for cell in cells {
        let n: usize = cell["postings"].parse().unwrap();
        assert_eq!(pairs.get(&(cell["a"], cell["b"])).copied().unwrap_or(0), n);
    }
}

#[test]
fn summary_pairs_and_report_agree() {
    check(false);
}

#[test]
fn summary_pairs_and_report_agree_under_dedup() {
    check(true);
}

#[test]
fn by_columns_are_checked_and_pass_through_fields_group() {
    let output = jobfit(
        &["score", "samples", "--by", "market", "-o", "/dev/null"],
        "",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--by market"));
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("s.csv").display().to_string();
    let lines = [
        r#"{"id": 1, "text": "Senior Rust engineer. Kubernetes required.", "meta": {"market": "de"}}"#,
        r#"{"id": 2, "text": "Rust developer with Docker experience.", "meta": {"market": "fr"}}"#,
        r#"{"id": 3, "text": "Go developer", "meta": {"market": "de"}}"#,
        r#"{"id": 4, "text": "Python developer"}"#,
    ];
    let output = jobfit(
        &[
            "score",
            "--jsonl-in",
            "-",
            "--no-cache",
            "--no-progress",
            "-o",
            "/dev/null",
            "--summary",
            &summary,
            "--by",
            "meta.market",
        ],
        &(lines.join("\n") + "\n"),
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let table = parse_csv(&fs::read(&summary).unwrap());
    assert_eq!(table.0[0], "meta.market");
    let rust: Vec<(String, String)> = table
        .1
        .iter()
        .filter(|r| r[1] == "rust")
        .map(|r| (r[0].clone(), r[4].clone()))
        .collect();
    assert_eq!(
        rust,
        [
            (String::new(), "0".to_owned()),
            ("de".to_owned(), "1".to_owned()),
            ("fr".to_owned(), "1".to_owned())
        ]
    );
}
