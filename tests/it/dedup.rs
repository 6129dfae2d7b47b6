//! `--dedup` on the real near-duplicates of RemoteWLB (tests/fixtures/remotewlb-dedup): pairs
//! found against the reconstructed list of duplicates, and false merges.

use std::collections::HashMap;

use crate::{jobfit, parse_csv, root};

#[test]
fn remotewlb_duplicates_are_found_without_false_merges() {
    let dir = root().join("tests/fixtures/remotewlb-dedup");
    let gold = std::fs::read_to_string(dir.join("DUPLICATES.tsv")).unwrap();
    let prefix = "tests/fixtures/remotewlb-dedup/";
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for (group, line) in gold.lines().filter(|l| !l.starts_with('#')).enumerate() {
        for path in line.split('\t') {
            group_of.insert(format!("{prefix}{path}"), group);
        }
    }
    let output = jobfit(
        &[
            "score",
            "tests/fixtures/remotewlb-dedup/jobs",
            "--dedup",
            "--no-progress",
        ],
        "",
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (header, rows) = parse_csv(&output.stdout);
    let source = header.iter().position(|h| h == "source").unwrap();
    let dup = header.iter().position(|h| h == "duplicate_of").unwrap();
    assert_eq!(rows.len(), 225);
    // Known duplicates: every posting of a group but the first in input order.
    let mut seen_groups = std::collections::HashSet::new();
    let mut known = 0;
    for row in &rows {
        if let Some(group) = group_of.get(&row[source])
            && !seen_groups.insert(*group)
        {
            known += 1;
        }
    }
    let (mut found, mut false_merges) = (0, Vec::new());
    for row in &rows {
        if row[dup].is_empty() {
            continue;
        }
        let same = group_of.contains_key(&row[source])
            && group_of.get(&row[source]) == group_of.get(&row[dup]);
        if same {
            found += 1;
        } else {
            false_merges.push(format!("{} -> {}", row[source], row[dup]));
        }
    }
    eprintln!(
        "remotewlb dedup: {found} of {known} known duplicates found, {} false merges {false_merges:#?}",
        false_merges.len()
    );
    assert_eq!(known, 89);
    assert!(found >= 60, "{found}");
    assert!(false_merges.is_empty(), "{false_merges:#?}");
}

#[test]
fn without_dedup_the_column_is_empty_and_summary_counts_distinct_postings() {
    let out = std::env::temp_dir().join(format!("jobfit-dedup-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let all = out.join("all.csv");
    let distinct = out.join("distinct.csv");
    let input = "tests/fixtures/remotewlb-dedup/jobs/Others";
    let plain = jobfit(
        &[
            "score",
            input,
            "--no-progress",
            "--summary",
            all.to_str().unwrap(),
        ],
        "",
    );
    assert!(plain.status.success());
    let (header, rows) = parse_csv(&plain.stdout);
    let dup = header.iter().position(|h| h == "duplicate_of").unwrap();
    assert!(rows.iter().all(|r| r[dup].is_empty()));
    let deduped = jobfit(
        &[
            "score",
            input,
            "--no-progress",
            "--dedup",
            "--summary",
            distinct.to_str().unwrap(),
        ],
        "",
    );
    assert!(deduped.status.success());
    let (_, rows) = parse_csv(&deduped.stdout);
    let duplicates = rows.iter().filter(|r| !r[dup].is_empty()).count();
    assert!(duplicates > 0);
    let (_, all_rows) = parse_csv(&std::fs::read(&all).unwrap());
    let (_, distinct_rows) = parse_csv(&std::fs::read(&distinct).unwrap());
    // Column 3 is `postings`: never more once duplicates are counted once, fewer for some.
    let pairs: Vec<(usize, usize)> = all_rows
        .iter()
        .zip(&distinct_rows)
        .map(|(a, d)| (a[3].parse().unwrap(), d[3].parse().unwrap()))
        .collect();
    assert!(pairs.iter().all(|(a, d)| d <= a));
    assert!(pairs.iter().any(|(a, d)| d < a));
    std::fs::remove_dir_all(&out).unwrap();
}
